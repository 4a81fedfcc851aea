package org.fabrique.agent.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.fabrique.agent.time.SimulatedTime;

class VirtualPrinterDriverTest {

    @TempDir
    Path directory;

    private final SimulatedTime time = SimulatedTime.startingAt("2026-11-23T20:00:00Z");

    @Test
    void aJobTakesTheEstimateTimesTheQuantityDividedByTheSpeedFactor() throws Exception {
        VirtualPrinterDriver printer = new VirtualPrinterDriver(10, 0, new Random(1), time);
        printer.startPrint(job(4, Duration.ofMinutes(95)));

        time.sleep(Duration.ofSeconds(2279));
        assertThat(printer.poll().state()).isEqualTo(PrintState.PRINTING);
        assertThat(printer.poll().percent()).isCloseTo(99.96, org.assertj.core.data.Offset.offset(0.01));

        time.sleep(Duration.ofSeconds(1));
        PrintStatus done = printer.poll();
        assertThat(done.state()).isEqualTo(PrintState.FINISHED);
        assertThat(done.printed()).isEqualTo(4);
        assertThat(done.failed()).isZero();
    }

    @Test
    void itemsFinishOneAfterTheOther() throws Exception {
        VirtualPrinterDriver printer = new VirtualPrinterDriver(1, 0, new Random(1), time);
        printer.startPrint(job(4, Duration.ofMinutes(10)));

        time.sleep(Duration.ofMinutes(25));

        PrintStatus halfway = printer.poll();
        assertThat(halfway.percent()).isCloseTo(62.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(halfway.printed()).isEqualTo(2);
    }

    @Test
    void theSameSeedFailsTheSameItems() throws Exception {
        List<Integer> failures = new java.util.ArrayList<>();
        for (int run = 0; run < 2; run++) {
            VirtualPrinterDriver printer = new VirtualPrinterDriver(1000, 0.3, new Random(2026), time);
            printer.startPrint(job(50, Duration.ofMinutes(1)));
            time.sleep(Duration.ofMinutes(1));
            failures.add(printer.poll().failed());
        }
        assertThat(failures.get(0)).isEqualTo(failures.get(1)).isBetween(5, 25);
    }

    @Test
    void aFailureRateOfOneFailsEveryItem() throws Exception {
        VirtualPrinterDriver printer = new VirtualPrinterDriver(1000, 1, new Random(3), time);
        printer.startPrint(job(3, Duration.ofMinutes(1)));
        time.sleep(Duration.ofMinutes(1));

        assertThat(printer.poll()).extracting(PrintStatus::printed, PrintStatus::failed).containsExactly(0, 3);
    }

    @Test
    void aCancelledJobStaysCancelled() throws Exception {
        VirtualPrinterDriver printer = new VirtualPrinterDriver(1, 0, new Random(1), time);
        printer.startPrint(job(1, Duration.ofMinutes(10)));
        time.sleep(Duration.ofMinutes(1));

        printer.cancel();
        time.sleep(Duration.ofMinutes(20));

        assertThat(printer.poll().state()).isEqualTo(PrintState.CANCELLED);
    }

    @Test
    void anIdlePrinterSaysSo() {
        assertThat(new VirtualPrinterDriver(1, 0, new Random(1), time).poll().state()).isEqualTo(PrintState.IDLE);
    }

    private PrintJob job(int quantity, Duration perItem) throws Exception {
        Path part = Files.writeString(directory.resolve("part.stl"), "solid x\nendsolid x\n");
        return new PrintJob("FAB-1", List.of(new PrintFile("part.stl", part, 1)), quantity, perItem, "PETG");
    }
}
