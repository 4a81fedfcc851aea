package org.fabrique.agent.label;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.fabrique.agent.coordinator.Calls;
import org.fabrique.agent.coordinator.CoordinatorClient;
import org.fabrique.agent.coordinator.CoordinatorProblem;

/** Downloads a lot's label (PDF or PNG with its QR code) from {@code GET /api/lots/{id}/label.pdf|png}. */
public final class LabelFetcher {

    public enum Format {
        PDF, PNG;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final CoordinatorClient client;

    public LabelFetcher(CoordinatorClient client) {
        this.client = client;
    }

    /** Saves the label to {@code target}; a 404 (no label yet, or unknown lot) is thrown as a problem. */
    public Path fetch(String lotId, Format format, Path target) throws IOException, InterruptedException, CoordinatorProblem {
        Path directory = target.toAbsolutePath().getParent();
        if (directory != null) {
            Files.createDirectories(directory);
        }
        client.download(Calls.labelPath(lotId, format.extension()), target);
        return target;
    }

    /** {@code labels/FAB-4K7-QM2-X.pdf}: lot numbers are safe file names; anything else is made so. */
    public static Path defaultTarget(Path labelsDirectory, String lotNumber, Format format) {
        return labelsDirectory.resolve(lotNumber.replaceAll("[^A-Za-z0-9._-]", "_") + "." + format.extension());
    }
}
