package org.fabrique.agent.printer;

import java.time.Duration;
import java.util.List;

/** What to print for one lot: the checked part files, how many items, and the design's time estimate. */
public record PrintJob(String lotNumber, List<PrintFile> files, int quantity, Duration estimatedTimePerItem, String material) {

    public PrintJob {
        files = List.copyOf(files);
        if (quantity < 1) {
            throw new IllegalArgumentException("a print job needs at least one item, got " + quantity);
        }
    }
}
