package org.fabrique.agent.work;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fabrique.agent.AgentException;
import org.fabrique.agent.config.PrinterSettings;
import org.fabrique.agent.coordinator.ApiResponse;
import org.fabrique.agent.coordinator.Calls;
import org.fabrique.agent.coordinator.CoordinatorProblem;
import org.fabrique.agent.coordinator.Lot;
import org.fabrique.agent.coordinator.LotState;
import org.fabrique.agent.coordinator.Part;
import org.fabrique.agent.journal.CallKind;
import org.fabrique.agent.journal.Phase;
import org.fabrique.agent.journal.PrinterWork;
import org.fabrique.agent.label.LabelFetcher;
import org.fabrique.agent.label.LabelPrinter;
import org.fabrique.agent.part.MeshSummary;
import org.fabrique.agent.part.PartRejected;
import org.fabrique.agent.printer.PrintFile;
import org.fabrique.agent.printer.PrintJob;
import org.fabrique.agent.printer.PrintState;
import org.fabrique.agent.printer.PrintStatus;
import org.fabrique.agent.printer.PrinterDriver;
import org.fabrique.agent.printer.PrinterException;
import org.fabrique.agent.time.Durations;

/**
 * One printer's loop: claim → download and check the parts → start → print → report → ship → label,
 * then the next lot. Every step resumes from the persisted work state, so a restarted agent carries on
 * with the lot it had instead of claiming a new one.
 */
final class PrinterWorker implements Runnable {

    private static final Duration DEFAULT_NO_WORK_WAIT = Duration.ofSeconds(30);
    private static final Duration AFTER_REFUSED_CLAIM = Duration.ofSeconds(60);
    private static final int POLL_FAILURES_BEFORE_GIVING_UP = 10;

    /** Ends the worker's loop for a reason already reported to the {@link WorkContext.FailureSink}. */
    private static final class Stop extends Exception {
        Stop() {
            super(null, null, false, false);
        }
    }

    private final PrinterSettings printer;
    private final PrinterDriver driver;
    private final WorkContext context;
    private volatile String currentLotId;
    private volatile LotState takenAway;
    private int handled;
    private boolean waitingForWork;
    private boolean finished;

    PrinterWorker(PrinterSettings printer, PrinterDriver driver, WorkContext context) {
        this.printer = printer;
        this.driver = driver;
        this.context = context;
        context.events().subscribe(LotTakenAway.class, this::onTakenAway);
    }

    String printerId() {
        return printer.id();
    }

    private void onTakenAway(LotTakenAway event) {
        if (!event.state().isTakenAway() || !event.lotId().equals(currentLotId)) {
            return;
        }
        takenAway = event.state();
        try {
            driver.cancel();
        } catch (PrinterException e) {
            context.log().warn("printer " + printer.id() + ": could not cancel the print: " + e.getMessage());
        }
    }

    @Override
    public void run() {
        try {
            driver.start();
            Optional<PrinterWork> work = context.workStates().load(printer.id());
            if (work.isPresent()) {
                context.budget().takeResumed();
                handled++;
                work = resume(work.get());
            }
            while (!Thread.currentThread().isInterrupted()) {
                if (work.isEmpty()) {
                    status(PrinterActivity.IDLE, null, null);
                    if (!context.budget().tryTake(handled)) {
                        break;
                    }
                    work = claim();
                    if (work.isEmpty()) {
                        if (finished) {
                            break;
                        }
                        continue;
                    }
                    handled++;
                }
                work = step(work.get());
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (Stop reported) {
            // already told the failure sink
        } catch (PrinterException e) {
            context.failures().printerFailed(printer.id(), e.getMessage());
        } catch (AgentException e) {
            context.failures().printerFailed(printer.id(), e.getMessage());
        } catch (IOException e) {
            context.failures().printerFailed(printer.id(), "local file error: " + e.getMessage());
        } catch (RuntimeException bug) {
            context.failures().printerFailed(printer.id(), "unexpected error (please report it): " + bug);
            bug.printStackTrace();
        } finally {
            currentLotId = null;
            status(PrinterActivity.IDLE, null, null);
            driver.close();
        }
    }

    private Optional<PrinterWork> step(PrinterWork work) throws InterruptedException, IOException, AgentException, Stop {
        currentLotId = work.lot().id();
        return switch (work.phase()) {
            case CLAIMED -> prepareAndStart(work);
            case PRINTING -> print(work);
            case PRINTED -> ship(work);
        };
    }

    private Optional<PrinterWork> claim() throws InterruptedException, IOException, AgentException, Stop {
        takenAway = null;
        CallLedger.Result result = context.calls().call(CallKind.CLAIM, printer.id(), null, null,
                Calls.claim(printer.id(), printer.maxBatch(), CallLedger.newKey()));
        if (result.outcome() instanceof Outcome.Refused refused) {
            context.budget().giveBack();
            CoordinatorProblem problem = refused.problem();
            stopIfAuthenticationFailed(problem);
            if (problem.is("printer-not-found")) {
                redeclarePrinter();
                return Optional.empty();
            }
            context.log().warn("printer " + printer.id() + ": claim refused: " + problem.getMessage()
                    + "; asking again in " + Durations.human(AFTER_REFUSED_CLAIM));
            context.sleeper().sleep(AFTER_REFUSED_CLAIM);
            return Optional.empty();
        }
        ApiResponse response = ((Outcome.Answered) result.outcome()).response();
        if (result.work().isEmpty()) {
            context.budget().giveBack();
            Duration wait = response.retryAfter().orElse(DEFAULT_NO_WORK_WAIT);
            if (context.budget().oncePerPrinter()) {
                context.log().info("printer " + printer.id() + ": no work from the coordinator right now (--once: not waiting)");
                finished = true;
                return Optional.empty();
            }
            if (!waitingForWork) {
                waitingForWork = true;
                context.log().info("printer " + printer.id() + ": no work right now; asking again in " + Durations.human(wait));
            }
            context.sleeper().sleep(wait);
            return Optional.empty();
        }
        waitingForWork = false;
        Lot lot = result.work().get().lot();
        context.log().info(lotLine(lot, "claimed for printer " + printer.id()));
        return result.work();
    }

    private Optional<PrinterWork> prepareAndStart(PrinterWork work) throws InterruptedException, IOException, AgentException, Stop {
        Lot lot = work.lot();
        status(PrinterActivity.PREPARING, lot, null);
        if (takenAway != null) {
            return abandonTakenAway(lot);
        }
        try {
            prepareParts(lot, true);
        } catch (PartRejected rejected) {
            return release(lot, rejected.getMessage());
        }
        if (takenAway != null) {
            return abandonTakenAway(lot);
        }
        CallLedger.Result result = context.calls().call(CallKind.START, printer.id(), lot.id(), lot.lotNumber(),
                Calls.start(lot.id(), CallLedger.newKey()));
        if (result.outcome() instanceof Outcome.Refused refused) {
            return movedOn(lot, refused.problem());
        }
        return result.work();
    }

    private List<PrintFile> prepareParts(Lot lot, boolean announce) throws PartRejected, IOException, InterruptedException {
        if (lot.parts().isEmpty()) {
            throw new PartRejected("the lot lists no part to print");
        }
        List<PrintFile> files = new ArrayList<>();
        for (Part part : lot.parts()) {
            Path file = context.parts().fetch(lot, part);
            MeshSummary mesh = context.inspector().inspect(part.file(), file);
            if (announce) {
                context.log().info("lot " + lot.lotNumber() + ": part " + part.file() + " checked: sha-256 matches, " + mesh.describe());
            }
            files.add(new PrintFile(part.file(), file, part.countPerItem()));
        }
        return files;
    }

    private Optional<PrinterWork> print(PrinterWork work) throws InterruptedException, IOException, AgentException, Stop {
        Lot lot = work.lot();
        status(PrinterActivity.PRINTING, lot, new PrintStatus(PrintState.PRINTING, 0, 0, 0, null));
        if (takenAway != null) {
            return abandonTakenAway(lot);
        }
        List<PrintFile> files;
        try {
            files = prepareParts(lot, false);
        } catch (PartRejected rejected) {
            return release(lot, rejected.getMessage());
        }
        PrintJob job = new PrintJob(lot.lotNumber(), files, lot.quantity(), lot.estimatedTimePerItem(), lot.material());
        try {
            driver.upload(job);
            driver.startPrint(job);
        } catch (PrinterException e) {
            return release(lot, "printer " + printer.id() + " could not start: " + e.getMessage());
        }
        context.log().info(lotLine(lot, "printing on " + printer.id() + " (" + driver.kind() + " printer)"));
        PrintStatus status = pollUntilOver(lot);
        if (takenAway != null) {
            return abandonTakenAway(lot);
        }
        return switch (status.state()) {
            case FINISHED -> report(lot, status.printed(), status.failed());
            case CANCELLED -> release(lot, "print cancelled on printer " + printer.id());
            default -> release(lot, "printer " + printer.id() + " failed: "
                    + (status.message() == null ? "unknown error" : status.message()));
        };
    }

    private PrintStatus pollUntilOver(Lot lot) throws InterruptedException {
        int failures = 0;
        while (true) {
            PrintStatus status;
            try {
                status = driver.poll();
                failures = 0;
            } catch (PrinterException e) {
                if (++failures >= POLL_FAILURES_BEFORE_GIVING_UP) {
                    return new PrintStatus(PrintState.ERROR, 0, 0, 0, "lost contact: " + e.getMessage());
                }
                context.log().warn("printer " + printer.id() + ": no status (" + e.getMessage() + "); trying again");
                context.sleeper().sleep(context.pollInterval());
                continue;
            }
            status(PrinterActivity.PRINTING, lot, status);
            if (status.state().isOver() || status.state() == PrintState.IDLE) {
                return status;
            }
            context.sleeper().sleep(context.pollInterval());
        }
    }

    private Optional<PrinterWork> report(Lot lot, int printed, int failed) throws InterruptedException, IOException, AgentException, Stop {
        status(PrinterActivity.REPORTING, lot, null);
        context.log().info("lot " + lot.lotNumber() + ": printing done, " + printed + " printed, " + failed + " failed — reporting");
        CallLedger.Result result = context.calls().call(CallKind.REPORT, printer.id(), lot.id(), lot.lotNumber(),
                Calls.report(lot.id(), printed, failed, CallLedger.newKey()));
        if (result.outcome() instanceof Outcome.Refused refused) {
            return movedOn(lot, refused.problem());
        }
        if (result.work().isEmpty()) {
            context.log().info("lot " + lot.lotNumber() + ": no item came out right; the lot went back to the need");
        }
        return result.work();
    }

    private Optional<PrinterWork> ship(PrinterWork work) throws InterruptedException, IOException, AgentException, Stop {
        Lot lot = work.lot();
        status(PrinterActivity.SHIPPING, lot, null);
        CallLedger.Result result = context.calls().call(CallKind.SHIP, printer.id(), lot.id(), lot.lotNumber(),
                Calls.ship(lot.id(), CallLedger.newKey()));
        if (result.outcome() instanceof Outcome.Refused refused) {
            return movedOn(lot, refused.problem());
        }
        context.log().info("lot " + lot.lotNumber() + ": shipped — " + lot.printed() + " of " + lot.quantity()
                + " items on their way" + (lot.hospitalName() == null ? "" : " to " + lot.hospitalName()));
        fetchLabel(lot);
        return Optional.empty();
    }

    private void fetchLabel(Lot lot) throws InterruptedException {
        Path target = LabelFetcher.defaultTarget(context.labelsDirectory(), lot.lotNumber(), LabelFetcher.Format.PDF);
        try {
            context.labels().fetch(lot.id(), LabelFetcher.Format.PDF, target);
            context.log().info("lot " + lot.lotNumber() + ": label saved to " + target);
        } catch (CoordinatorProblem problem) {
            context.log().info("lot " + lot.lotNumber() + ": no label from the coordinator ("
                    + problem.status() + (problem.status() == 404 ? ", not available yet" : " " + problem.typeName())
                    + "); write the lot number " + lot.lotNumber() + " on the parcel");
            return;
        } catch (IOException e) {
            context.log().warn("lot " + lot.lotNumber() + ": label not downloaded (" + e.getMessage()
                    + "); get it later with 'fabrique-agent label " + lot.id() + "'");
            return;
        }
        if (context.labelPrintCommand() != null) {
            try {
                LabelPrinter.print(context.labelPrintCommand(), target);
                context.log().info("lot " + lot.lotNumber() + ": label sent to the printer");
            } catch (AgentException e) {
                context.log().warn("lot " + lot.lotNumber() + ": label not printed (" + e.getMessage()
                        + "); print " + target + " by hand, or with 'fabrique-agent label " + lot.lotNumber() + " --print'");
            }
        }
    }

    private Optional<PrinterWork> release(Lot lot, String reason) throws InterruptedException, IOException, AgentException, Stop {
        context.log().warn("lot " + lot.lotNumber() + ": refused — " + reason + "; releasing it");
        CallLedger.Result result = context.calls().call(CallKind.RELEASE, printer.id(), lot.id(), lot.lotNumber(),
                Calls.release(lot.id(), reason, CallLedger.newKey()));
        if (result.outcome() instanceof Outcome.Refused refused) {
            stopIfAuthenticationFailed(refused.problem());
            context.log().warn("lot " + lot.lotNumber() + ": release refused (" + refused.problem().getMessage() + ")");
        } else {
            context.log().info("lot " + lot.lotNumber() + ": released; its items went back to the need");
        }
        return Optional.empty();
    }

    private Optional<PrinterWork> movedOn(Lot lot, CoordinatorProblem problem) throws InterruptedException, IOException, Stop {
        stopIfAuthenticationFailed(problem);
        context.log().warn("lot " + lot.lotNumber() + ": " + problem.getMessage() + "; stopped working on it"
                + stateOnCoordinator(lot));
        context.workStates().clear(printer.id());
        return Optional.empty();
    }

    private Optional<PrinterWork> abandonTakenAway(Lot lot) throws IOException {
        context.log().warn("lot " + lot.lotNumber() + ": the coordinator reports it " + takenAway
                + "; print cancelled, lot abandoned");
        context.workStates().clear(printer.id());
        takenAway = null;
        return Optional.empty();
    }

    /** After a restart: checks with the coordinator that the saved lot is still this agent's to work on. */
    private Optional<PrinterWork> resume(PrinterWork saved) throws InterruptedException, IOException, Stop {
        Lot lot = saved.lot();
        currentLotId = lot.id();
        context.log().info("lot " + lot.lotNumber() + ": resuming on printer " + printer.id() + " ("
                + saved.phase().name().toLowerCase() + (saved.phase() == Phase.PRINTING ? ", printing again from the start" : "") + ")");
        Lot current;
        try {
            current = Lot.fromJson(context.retrier().call(() -> context.client().exchange(Calls.lot(lot.id()))).jsonObject());
        } catch (CoordinatorProblem problem) {
            return movedOn(lot, problem);
        } catch (AgentException unreadable) {
            context.log().warn("lot " + lot.lotNumber() + ": " + unreadable.getMessage() + "; resuming as saved");
            return Optional.of(saved);
        }
        Phase phase = switch (current.state()) {
            case CLAIMED -> Phase.CLAIMED;
            case PRINTING -> Phase.PRINTING;
            case PRINTED -> Phase.PRINTED;
            default -> null;
        };
        if (phase == null) {
            context.log().info("lot " + lot.lotNumber() + ": the coordinator shows it " + current.state() + "; nothing left to do");
            context.workStates().clear(printer.id());
            return Optional.empty();
        }
        PrinterWork resumed = saved.withLot(current, phase);
        context.workStates().save(resumed);
        return Optional.of(resumed);
    }

    private String stateOnCoordinator(Lot lot) throws InterruptedException {
        try {
            Lot current = Lot.fromJson(context.client().exchange(Calls.lot(lot.id())).jsonObject());
            return " (the coordinator shows it " + current.state() + ")";
        } catch (IOException | AgentException e) {
            return "";
        }
    }

    private void redeclarePrinter() throws InterruptedException, IOException, Stop {
        try {
            context.retrier().call(() -> context.client().exchange(Calls.putPrinter(printer)));
            context.log().info("printer " + printer.id() + ": the coordinator did not know it; declared it again");
        } catch (CoordinatorProblem problem) {
            stopIfAuthenticationFailed(problem);
            context.failures().printerFailed(printer.id(), "the coordinator refused the printer: " + problem.getMessage());
            throw new Stop();
        }
    }

    private void stopIfAuthenticationFailed(CoordinatorProblem problem) throws Stop {
        if (problem.isAuthenticationFailure()) {
            context.failures().agentFailed("the coordinator refused this agent's token (" + problem.getMessage()
                    + "); run 'fabrique-agent login' with a valid token");
            throw new Stop();
        }
    }

    private void status(PrinterActivity activity, Lot lot, PrintStatus print) {
        context.events().publish(new PrinterStatusChanged(printer.id(), activity, lot, print));
    }

    static String lotLine(Lot lot, String what) {
        return "lot " + lot.lotNumber() + ": " + lot.summary() + " — " + what;
    }
}
