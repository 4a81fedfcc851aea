package org.fabrique.loadgen;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fabrique-loadgen}: drives a running coordinator the way thousands of maker agents and
 * hundreds of hospitals do, phase by phase, and prints what it measured.
 */
@Command(name = "fabrique-loadgen",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Drives a running Fabrique coordinator like many maker agents and hospitals and prints, for each phase, "
                        + "requests, outcomes, throughput and latency percentiles.",
                "Setup creates hospitals with needs for the published designs and TRUSTED makers with one printer each; "
                        + "then: [prefill], 1 claim burst, 2 heartbeats, 3 lot cycle, and an invariant check of every need."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, no invariant violated", "1:could not run (message on standard error)",
                "2:usage error", "3:an invariant of the needs' ledger was violated (a coordinator bug)"})
public final class LoadGenerator implements Callable<Integer> {

    static final int VIOLATION = 3;

    static final class Token {
        @Option(names = "--token", paramLabel = "TOKEN", description = "A coordinator's bearer token.")
        String value;

        @Option(names = "--token-file", paramLabel = "FILE",
                description = "File holding a coordinator's token, e.g. <data-dir>/coordinator-token.")
        Path file;
    }

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Coordinator base URL (default: ${DEFAULT-VALUE}).")
    URI url;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Token token;

    @Option(names = "--makers", defaultValue = "2000", description = "Maker agents (default: ${DEFAULT-VALUE}).")
    int makers;

    @Option(names = "--hospitals", defaultValue = "50", description = "Hospitals (default: ${DEFAULT-VALUE}).")
    int hospitals;

    @Option(names = "--needs-per-hospital", defaultValue = "2",
            description = "Needs each hospital posts, one design after the other (default: ${DEFAULT-VALUE}).")
    int needsPerHospital;

    @Option(names = "--need-quantity", defaultValue = "0",
            description = "Items per need; 0 (default) gives enough for 25 full claims per maker, at most 100000.")
    int needQuantity;

    @Option(names = "--items-per-claim", defaultValue = "4", description = "maxItems of each claim (default: ${DEFAULT-VALUE}).")
    int itemsPerClaim;

    @Option(names = "--concurrency", defaultValue = "512",
            description = "Requests in flight at most, like a client with that many connections; more wait their turn, "
                    + "except heartbeats, which are then not sent and counted (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--phases", defaultValue = "claim,heartbeat,cycle", split = ",",
            description = "Phases to run, among claim, heartbeat, cycle (default: ${DEFAULT-VALUE}).")
    List<String> phases;

    @Option(names = "--replay-fraction", defaultValue = "0.05",
            description = "Share of granted burst claims retried with the same idempotency key (default: ${DEFAULT-VALUE}).")
    double replayFraction;

    @Option(names = "--heartbeat-interval", defaultValue = "30s", converter = DurationConverter.class,
            description = "Each agent's heartbeat interval (default: ${DEFAULT-VALUE}, the real one; compress it to get "
                    + "the request rate of more agents).")
    Duration heartbeatInterval;

    @Option(names = "--heartbeat-duration", defaultValue = "60s", converter = DurationConverter.class,
            description = "Length of the heartbeat phase (default: ${DEFAULT-VALUE}).")
    Duration heartbeatDuration;

    @Option(names = "--cycle-duration", defaultValue = "60s", converter = DurationConverter.class,
            description = "Length of the lot cycle phase; lots held at its end are finished (default: ${DEFAULT-VALUE}).")
    Duration cycleDuration;

    @Option(names = "--failure-rate", defaultValue = "0.05",
            description = "Share of lots (of 2 items or more) reported with one failed item (default: ${DEFAULT-VALUE}).")
    double failureRate;

    @Option(names = "--reject-rate", defaultValue = "0.02", description = "Share of lots hospitals reject (default: ${DEFAULT-VALUE}).")
    double rejectRate;

    @Option(names = "--prefill-lots", defaultValue = "0",
            description = "Lots to create (claim 1 item + release) before the phases, to grow the store (default: ${DEFAULT-VALUE}).")
    int prefillLots;

    @Option(names = "--prefill-steps", defaultValue = "10", description = "Prefill reports this many times (default: ${DEFAULT-VALUE}).")
    int prefillSteps;

    @Option(names = "--timeout", defaultValue = "30s", converter = DurationConverter.class,
            description = "Per-request timeout after setup (default: ${DEFAULT-VALUE}, the agent's); setup calls get 2 min.")
    Duration timeout;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the run's random choices (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--coordinator-pid", paramLabel = "PID",
            description = "PID of the coordinator when it runs on this machine: each phase then reports its CPU and RSS.")
    Long coordinatorPid;

    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return Options.parseDuration(value);
        }
    }

    public static void main(String[] args) {
        // A later value wins, so a script's presets can be overridden by the options after them.
        System.exit(new CommandLine(new LoadGenerator()).setOverwrittenOptionsAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        Options options = resolve();
        PrintStream out = System.out;
        ProcessProbe coordinator = options.coordinatorPid() == null ? null : ProcessProbe.of(options.coordinatorPid());
        out.printf(Locale.ROOT, "fabrique-loadgen %s against %s, run %s, %s, Java %s%n", Instant.now(), options.url(),
                options.runId(), phasesLine(options), Runtime.version());
        Tally tally = new Tally();
        Api api = new Api(options.url(), options.timeout(), options.concurrency());
        try {
            Fleet fleet = Fleet.setUp(api, options, coordinator, out);
            long prefilled = options.prefillLots() > 0 ? Prefill.run(fleet, options, coordinator, out) : 0;
            ClaimBurst.Result burst = options.runs(Options.CLAIM) ? ClaimBurst.run(fleet, options, tally, coordinator, out) : null;
            Heartbeats.Result heartbeats = options.runs(Options.HEARTBEAT) ? Heartbeats.run(fleet, options, coordinator, out) : null;
            LotCycle.Result cycle = options.runs(Options.CYCLE) ? LotCycle.run(fleet, options, tally, coordinator, out) : null;
            boolean ok = Invariants.check(fleet, tally, coordinator, out);
            printScale(out, prefilled, tally.claimedLots(), burst, heartbeats, cycle);
            return ok ? 0 : VIOLATION;
        } finally {
            api.close();
        }
    }

    private Options resolve() throws IOException {
        String coordinatorToken = token.value != null ? token.value : Files.readString(token.file).trim();
        Set<String> chosen = new LinkedHashSet<>(phases);
        for (String phase : chosen) {
            if (!List.of(Options.CLAIM, Options.HEARTBEAT, Options.CYCLE).contains(phase)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "unknown phase '" + phase
                        + "'; choose among claim, heartbeat, cycle");
            }
        }
        if (makers < 1 || hospitals < 1 || needsPerHospital < 1 || itemsPerClaim < 1 || concurrency < 1
                || prefillSteps < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--makers, --hospitals, --needs-per-hospital, --items-per-claim, --concurrency and --prefill-steps "
                            + "must be at least 1");
        }
        int quantity = needQuantity > 0 ? needQuantity
                : Options.automaticNeedQuantity(makers, itemsPerClaim, hospitals * needsPerHospital);
        String runId = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
        return new Options(url, coordinatorToken, runId, seed, hospitals, needsPerHospital, quantity, makers, itemsPerClaim,
                concurrency, timeout, replayFraction, heartbeatInterval, heartbeatDuration, cycleDuration, failureRate,
                rejectRate, prefillLots, prefillSteps, chosen, coordinatorPid);
    }

    private static String phasesLine(Options o) {
        return String.format(Locale.ROOT, "%d makers, %d hospitals x %d needs, %d items per claim, %d in flight, "
                        + "heartbeat every %s for %s, cycle for %s, prefill %d lots", o.makers(), o.hospitals(),
                o.needsPerHospital(), o.itemsPerClaim(), o.concurrency(), Options.show(o.heartbeatInterval()),
                Options.show(o.heartbeatDuration()), Options.show(o.cycleDuration()), o.prefillLots());
    }

    /** The measured figures next to DESIGN.md's "Scale figures to design for". */
    private static void printScale(PrintStream out, long prefilled, long claimed, ClaimBurst.Result burst, Heartbeats.Result heartbeats,
            LotCycle.Result cycle) {
        out.println();
        out.println("== Against DESIGN.md's scale figures (this coordinator, this machine, load generator on the same machine) ==");
        if (burst != null) {
            out.printf(Locale.ROOT, "  claim burst: %.0f claims/s, so 20,000 claims take %.0f s (target: within 60 s, 333/s)%n",
                    burst.claimsPerSecond(), 20_000 / burst.claimsPerSecond());
        }
        if (heartbeats != null) {
            out.printf(Locale.ROOT, "  heartbeats: %.0f/s asked, %.0f/s answered, p99 %s ms "
                            + "(target: 20,000 agents every 30 s, about 700/s)%n",
                    heartbeats.targetPerSecond(), heartbeats.answeredPerSecond(), Format.ms(heartbeats.p99Millis()));
        }
        if (cycle != null) {
            out.printf(Locale.ROOT, "  lot cycle: %.1f lots/s, %.1f approved items/s = %.0f a day (target: 50,000 items a day)%n",
                    cycle.lotsPerSecond(), cycle.approvedItemsPerSecond(), cycle.approvedItemsPerSecond() * 86_400);
        }
        out.printf(Locale.ROOT, "  store: this run created %d lots (%d prefilled, %d in the phases; "
                        + "target: 1 million lots in the store)%n",
                prefilled + claimed, prefilled, claimed);
    }
}
