package org.fabrique.agent.work;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.fabrique.agent.AgentException;
import org.fabrique.agent.config.AgentConfig;
import org.fabrique.agent.config.AgentHome;
import org.fabrique.agent.config.PrinterSettings;
import org.fabrique.agent.coordinator.Backoff;
import org.fabrique.agent.coordinator.Calls;
import org.fabrique.agent.coordinator.CoordinatorClient;
import org.fabrique.agent.coordinator.CoordinatorProblem;
import org.fabrique.agent.coordinator.MakerProfile;
import org.fabrique.agent.coordinator.Retrier;
import org.fabrique.agent.event.EventBus;
import org.fabrique.agent.journal.Journal;
import org.fabrique.agent.journal.JournalEntry;
import org.fabrique.agent.journal.WorkStates;
import org.fabrique.agent.label.LabelFetcher;
import org.fabrique.agent.part.PartCache;
import org.fabrique.agent.part.PartInspector;
import org.fabrique.agent.printer.PrinterDrivers;
import org.fabrique.agent.printer.PrinterException;
import org.fabrique.agent.terminal.AgentLog;
import org.fabrique.agent.terminal.ConnectivityReporter;
import org.fabrique.agent.terminal.ProgressDisplay;
import org.fabrique.agent.time.Sleeper;

/**
 * The {@code run} command's daemon, and the one place its components are wired: it contacts the
 * coordinator, replays the journal, declares the printers, then runs one {@link PrinterWorker} per
 * printer and the {@link Heartbeat} until the lot budget is spent or {@link #close()} is called.
 */
public final class AgentDaemon implements AutoCloseable {

    /** {@code --once}, {@code --max-lots} and how often a printer's progress is polled. */
    /** {@code labelPrintCommand}: the command that prints each shipped lot's label, or null to only save it. */
    public record Options(boolean once, int maxLots, Duration pollInterval, String labelPrintCommand) {
        public Options(boolean once, int maxLots, Duration pollInterval) {
            this(once, maxLots, pollInterval, null);
        }

        public static Options forever() {
            return new Options(false, 0, Duration.ofSeconds(1));
        }
    }

    /** Everything the daemon takes from the outside world; tests pass simulated time and their own printers. */
    public record Environment(Clock clock, Sleeper sleeper, ThreadFactory threads, Random random,
                              PrinterDrivers drivers, PartInspector inspector, AgentLog log, boolean interactive) {
    }

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final AgentHome home;
    private final AgentConfig config;
    private final Options options;
    private final Environment environment;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean stopping;
    private volatile Thread runner;
    private volatile String agentFailure;
    private volatile boolean printerFailed;

    public AgentDaemon(AgentHome home, AgentConfig config, Options options, Environment environment) {
        this.home = home;
        this.config = config;
        this.options = options;
        this.environment = environment;
    }

    /**
     * Runs until the budget is spent (exit status 0) or {@link #close()} is called (0 as well); a printer
     * that had to stop makes it 1. Throws for what prevents running at all.
     */
    public int run() throws AgentException, IOException {
        runner = Thread.currentThread();
        try {
            return runUntilDone();
        } finally {
            // last, so that a shutdown hook waiting in close() lets the JVM exit only after the final messages
            finished.countDown();
        }
    }

    private int runUntilDone() throws AgentException, IOException {
        AgentLog log = environment.log();
        if (config.printers().isEmpty()) {
            throw new AgentException("no printer configured in " + home.configFile()
                    + "; add one with 'fabrique-agent printers add'");
        }
        config.requireLogin(home);
        home.create();
        try (FileChannel lockFile = FileChannel.open(home.journalDirectory().resolve("agent.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lock(lockFile);
             Journal journal = Journal.open(home.journalDirectory(), environment.clock(), log::warn)) {
            EventBus events = new EventBus();
            new ConnectivityReporter(log, environment.clock()).subscribeTo(events);
            new ProgressDisplay(log, environment.clock(), environment.interactive()).subscribeTo(events);
            CoordinatorClient client = new CoordinatorClient(config.coordinator(), config.token(), environment.clock());
            Retrier retrier = new Retrier(config.coordinator(), Backoff.standard(environment.random()), environment.sleeper(),
                    events, journal::backlog);
            WorkStates workStates = new WorkStates(home.journalDirectory());
            CallLedger calls = new CallLedger(journal, workStates, client, retrier);

            MakerProfile maker = contact(client, retrier);
            log.info("ready: maker " + maker.pseudonym() + " (" + maker.trustLevel() + ") on " + config.coordinator()
                    + ", " + config.printers().size() + " printer" + (config.printers().size() > 1 ? "s" : "")
                    + ", journal: " + journal.backlog());
            replay(journal, calls);
            List<PrinterSettings> declared = declarePrinters(client, retrier);

            WorkContext context = new WorkContext(calls, workStates, client, retrier,
                    new PartCache(home.cacheDirectory(), client, retrier), environment.inspector(),
                    new LabelFetcher(client), home.labelsDirectory(), options.labelPrintCommand(), events, log,
                    environment.sleeper(),
                    environment.clock(), new LotBudget(options.once(), options.maxLots()), options.pollInterval(),
                    failureSink());
            Heartbeat heartbeat = new Heartbeat(client, events, log, environment.sleeper(), environment.threads(),
                    Duration.ofSeconds(config.heartbeatSeconds()), journal::backlog);
            List<PrinterWorker> printerWorkers = new ArrayList<>();
            for (PrinterSettings printer : declared) {
                try {
                    printerWorkers.add(new PrinterWorker(printer, environment.drivers().create(printer), context));
                } catch (PrinterException e) {
                    failureSink().printerFailed(printer.id(), e.getMessage());
                }
            }
            try {
                heartbeat.start();
                startWorkers(printerWorkers);
                for (Thread worker : workers) {
                    worker.join();
                }
            } finally {
                // workers stop before the journal closes, so a call in flight stays pending, never half-written
                stopWorkers();
                heartbeat.close();
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
        if (agentFailure != null) {
            throw new AgentException(agentFailure);
        }
        if (stopping) {
            Thread.interrupted();
            log.info("stopped; " + Journal.backlog(Journal.readPending(home.journalDirectory()))
                    + " in the journal for the next start");
        }
        return printerFailed ? 1 : 0;
    }

    private FileLock lock(FileChannel channel) throws AgentException, IOException {
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        } catch (OverlappingFileLockException sameProcess) {
            // another daemon in this JVM holds it
        }
        throw new AgentException("another agent is already running with the home " + home
                + "; stop it first, or give this one its own --home");
    }

    private MakerProfile contact(CoordinatorClient client, Retrier retrier) throws AgentException, IOException, InterruptedException {
        try {
            return MakerProfile.fromJson(retrier.call(() -> client.exchange(Calls.me())).jsonObject());
        } catch (CoordinatorProblem problem) {
            if (problem.isAuthenticationFailure()) {
                throw new AgentException("the coordinator " + config.coordinator() + " refused this agent's token ("
                        + problem.getMessage() + "); run 'fabrique-agent login' with a valid token");
            }
            throw new AgentException("the coordinator " + config.coordinator() + " " + problem.getMessage());
        }
    }

    /** Sends the calls left pending by the last run, in order, with their original keys. */
    private void replay(Journal journal, CallLedger calls) throws AgentException, IOException, InterruptedException {
        List<JournalEntry> pending = journal.pending();
        if (pending.isEmpty()) {
            return;
        }
        environment.log().info("replaying " + pending.size() + " call" + (pending.size() > 1 ? "s" : "")
                + " left in the journal by the last run");
        for (JournalEntry entry : pending) {
            CallLedger.Result result = calls.send(entry);
            String summary = result.outcome() instanceof Outcome.Refused refused
                    ? "refused: " + refused.problem().getMessage() : "done (" + result.outcome().summary() + ")";
            environment.log().info("replayed " + entry.describe() + ": " + summary);
        }
    }

    /** Declares every configured printer (PUT is idempotent); one the coordinator refuses claims nothing. */
    private List<PrinterSettings> declarePrinters(CoordinatorClient client, Retrier retrier)
            throws AgentException, IOException, InterruptedException {
        List<PrinterSettings> declared = new ArrayList<>();
        for (PrinterSettings printer : config.printerList()) {
            try {
                retrier.call(() -> client.exchange(Calls.putPrinter(printer)));
                declared.add(printer);
            } catch (CoordinatorProblem problem) {
                if (problem.isAuthenticationFailure()) {
                    throw new AgentException("the coordinator refused this agent's token (" + problem.getMessage() + ")");
                }
                failureSink().printerFailed(printer.id(), "the coordinator refused its declaration: " + problem.getMessage());
            }
        }
        return declared;
    }

    private void startWorkers(List<PrinterWorker> printerWorkers) {
        synchronized (workers) {
            if (stopping) {
                return;
            }
            for (PrinterWorker worker : printerWorkers) {
                Thread thread = environment.threads().newThread(worker);
                thread.setName("printer-" + worker.printerId());
                thread.setDaemon(true);
                workers.add(thread);
                thread.start();
            }
        }
    }

    private void stopWorkers() {
        synchronized (workers) {
            workers.forEach(Thread::interrupt);
        }
        boolean interrupted = Thread.interrupted();
        for (Thread worker : List.copyOf(workers)) {
            while (true) {
                try {
                    worker.join(STOP_TIMEOUT.toMillis());
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private WorkContext.FailureSink failureSink() {
        return new WorkContext.FailureSink() {
            @Override
            public void printerFailed(String printerId, String message) {
                printerFailed = true;
                environment.log().warn("printer " + printerId + " stopped: " + message);
            }

            @Override
            public void agentFailed(String message) {
                agentFailure = message;
                stopping = true;
                Thread thread = runner;
                if (thread != null) {
                    thread.interrupt();
                }
            }
        };
    }

    /** Stops claiming, interrupts the workers (pending calls stay in the journal) and waits for {@link #run()} to end. */
    @Override
    public void close() {
        if (agentFailure == null) {
            stopping = true;
        }
        Thread thread = runner;
        if (thread != null && thread != Thread.currentThread()) {
            thread.interrupt();
            try {
                finished.await(STOP_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
