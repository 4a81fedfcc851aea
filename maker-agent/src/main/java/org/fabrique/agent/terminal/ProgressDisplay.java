package org.fabrique.agent.terminal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import org.fabrique.agent.event.EventBus;
import org.fabrique.agent.time.Durations;
import org.fabrique.agent.work.PrinterActivity;
import org.fabrique.agent.work.PrinterStatusChanged;

/**
 * Shows printing progress: on a terminal, a progress bar per lot (on standard error); otherwise (a
 * script, {@code nohup}, systemd) a plain log line at every tenth of the way, with the time left.
 */
public final class ProgressDisplay {

    private record Plain(String lotId, Instant startedAt, int lastTenth) {
    }

    private final AgentLog log;
    private final Clock clock;
    private final boolean interactive;
    private final Map<String, ProgressBar> bars = new HashMap<>();
    private final Map<String, Plain> plain = new HashMap<>();

    public ProgressDisplay(AgentLog log, Clock clock, boolean interactive) {
        this.log = log;
        this.clock = clock;
        this.interactive = interactive;
    }

    public void subscribeTo(EventBus events) {
        events.subscribe(PrinterStatusChanged.class, this::onStatus);
    }

    /** A terminal is attached and can show bars: not under a script, nohup or a dumb terminal. */
    public static boolean terminalAttached() {
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !term.equals("dumb");
    }

    private synchronized void onStatus(PrinterStatusChanged status) {
        boolean printing = status.activity() == PrinterActivity.PRINTING && status.lot() != null && status.print() != null;
        if (interactive) {
            showBar(status, printing);
        } else {
            showLine(status, printing);
        }
    }

    private void showBar(PrinterStatusChanged status, boolean printing) {
        ProgressBar bar = bars.get(status.printerId());
        if (!printing) {
            if (bar != null) {
                bar.close();
                bars.remove(status.printerId());
            }
            return;
        }
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName(status.lot().lotNumber() + " on " + status.printerId())
                    .setInitialMax(1000)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(500)
                    .build();
            bars.put(status.printerId(), bar);
        }
        bar.stepTo(Math.round(status.percent() * 10));
        bar.setExtraMessage(status.print().printed() + " printed, " + status.print().failed() + " failed");
    }

    private void showLine(PrinterStatusChanged status, boolean printing) {
        Plain shown = plain.get(status.printerId());
        if (!printing) {
            plain.remove(status.printerId());
            return;
        }
        if (shown == null || !shown.lotId().equals(status.lot().id())) {
            shown = new Plain(status.lot().id(), clock.instant(), 0);
            plain.put(status.printerId(), shown);
        }
        int tenth = (int) Math.floor(status.percent() / 10);
        if (tenth <= shown.lastTenth() || tenth >= 10) {
            return;
        }
        plain.put(status.printerId(), new Plain(shown.lotId(), shown.startedAt(), tenth));
        Duration elapsed = Duration.between(shown.startedAt(), clock.instant());
        Duration left = Duration.ofMillis((long) (elapsed.toMillis() * (100 - status.percent()) / Math.max(status.percent(), 0.1)));
        log.info("lot " + status.lot().lotNumber() + ": " + (tenth * 10) + " % printed on " + status.printerId()
                + " (" + status.print().printed() + " printed, " + status.print().failed() + " failed, about "
                + Durations.human(left) + " left)");
    }
}
