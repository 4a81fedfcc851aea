package org.fabrique.agent.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.eclipsesource.json.Json;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.fabrique.agent.config.AgentConfig;
import org.fabrique.agent.config.AgentHome;
import org.fabrique.agent.config.BedSize;
import org.fabrique.agent.config.PrinterSettings;
import org.fabrique.agent.fake.FakeCoordinator;
import org.fabrique.agent.fake.FakeCoordinator.FakeLot;
import org.fabrique.agent.fake.FakeCoordinator.PartFile;
import org.fabrique.agent.fake.FakeCoordinator.Recorded;
import org.fabrique.agent.fake.RecordingLog;
import org.fabrique.agent.fake.Stls;
import org.fabrique.agent.journal.Journal;
import org.fabrique.agent.journal.JournalEntry;
import org.fabrique.agent.journal.WorkStates;
import org.fabrique.agent.part.StlPartInspector;
import org.fabrique.agent.printer.VirtualPrinterDriver;
import org.fabrique.agent.time.SimulatedTime;

@Timeout(30)
class AgentDaemonTest {

    private static final PartFile HEADBAND = PartFile.of("headband", "headband.stl", Stls.tetrahedron());
    private static final Duration AWAIT = Duration.ofSeconds(10);

    @TempDir
    Path directory;

    private final SimulatedTime time = SimulatedTime.startingAt("2026-11-23T20:00:00Z");
    private final RecordingLog log = new RecordingLog();
    private FakeCoordinator fake;
    private AgentHome home;

    @BeforeEach
    void startCoordinator() throws Exception {
        fake = FakeCoordinator.start(time);
        home = new AgentHome(directory.resolve("agent"));
    }

    @AfterEach
    void stopCoordinator() {
        fake.close();
    }

    @Test
    void aLotIsClaimedCheckedPrintedReportedAndShipped() throws Exception {
        fake.addNeed("face-shield-headband", "PETG", 10, "CHU Lyon Sud", 95, HEADBAND);

        int status = run(once(), printer("mk3s-1", 600, 0));

        assertThat(status).isZero();
        FakeLot lot = onlyLot();
        assertThat(lot.state()).isEqualTo("SHIPPED");
        assertThat(lot.history()).containsExactly("CLAIMED", "PRINTING", "PRINTED", "SHIPPED");
        assertThat(lot.quantity()).isEqualTo(4);
        assertThat(lot.printed()).isEqualTo(4);
        assertThat(actions()).containsExactly("claims", "start", "report", "ship");
        assertThat(log.text())
                .contains("lot FAB-001-TST-X: 4 × face-shield-headband@1.0.0 in PETG for CHU Lyon Sud — printing on mk3s-1")
                .contains("part headband.stl checked: sha-256 matches, 4 triangles, watertight")
                .contains("lot FAB-001-TST-X: shipped");
        assertThat(Files.exists(home.cacheDirectory().resolve(HEADBAND.announcedSha256() + ".stl"))).isTrue();
        assertThat(Journal.readPending(home.journalDirectory())).isEmpty();
        assertThat(new WorkStates(home.journalDirectory()).loadAll()).isEmpty();
    }

    @Test
    void theVirtualPrintTakesTheEstimateDividedByTheSpeedFactor() throws Exception {
        fake.addNeed("face-shield-headband", "PETG", 2, "CHU Lyon Sud", 60, HEADBAND);

        run(once(), printer("mk3s-1", 10, 0));

        Recorded start = fake.requests(request -> request.isAction("start")).get(0);
        Recorded report = fake.requests(request -> request.isAction("report")).get(0);
        // 2 items × 60 min / 10 = 12 min, seen through 1 s polls of the printer
        assertThat(Duration.between(start.at(), report.at())).isEqualTo(Duration.ofMinutes(12));
    }

    @Test
    void failedItemsAreReportedAsFailed() throws Exception {
        fake.addNeed("face-shield-headband", "PETG", 4, "CHU Lyon Sud", 95, HEADBAND);

        run(once(), printer("mk3s-1", 600, 1.0));

        Recorded report = fake.requests(request -> request.isAction("report")).get(0);
        assertThat(Json.parse(report.body()).asObject().getInt("failed", -1)).isEqualTo(4);
        assertThat(onlyLot().state()).isEqualTo("RELEASED");
        assertThat(actions()).containsExactly("claims", "start", "report");
        assertThat(log.text()).contains("no item came out right; the lot went back to the need");
    }

    @Test
    void eachPrinterWorksOnItsOwnLot() throws Exception {
        fake.addNeed("face-shield-headband", "PETG", 4, "CHU Lyon Sud", 95, HEADBAND);
        fake.addNeed("syringe-pump-clamp", "PLA", 2, "HCL Édouard Herriot", 30, HEADBAND);

        int status = run(once(), printer("mk3s-1", 600, 0, "PETG"), printer("ender-3", 600, 0, "PLA"));

        assertThat(status).isZero();
        assertThat(fake.lots()).hasSize(2).allSatisfy(lot -> assertThat(lot.state()).isEqualTo("SHIPPED"));
        assertThat(fake.requests(request -> request.isAction("claims")))
                .extracting(request -> Json.parse(request.body()).asObject().getString("printerId", ""))
                .containsExactlyInAnyOrder("mk3s-1", "ender-3");
    }

    @Test
    void aPartWhoseChecksumDoesNotMatchIsRefusedAndTheLotReleased() throws Exception {
        String announced = "0".repeat(64);
        fake.addNeed("face-shield-headband", "PETG", 4, "CHU Lyon Sud", 95, HEADBAND.announcing(announced));

        run(once(), printer("mk3s-1", 600, 0));

        assertThat(onlyLot().state()).isEqualTo("RELEASED");
        assertThat(actions()).containsExactly("claims", "release");
        String reason = Json.parse(fake.requests(request -> request.isAction("release")).get(0).body()).asObject().getString("reason", "");
        assertThat(reason).isEqualTo("headband.stl: checksum mismatch: expected " + announced
                + ", calculated " + FakeCoordinator.sha256(Stls.tetrahedron()));
        assertThat(Files.list(home.cacheDirectory())).isEmpty();
    }

    @Test
    void aMalformedStlIsRefusedAndTheLotReleased() throws Exception {
        fake.addNeed("face-shield-headband", "PETG", 4, "CHU Lyon Sud", 95, PartFile.of("headband", "headband.stl", Stls.malformed()));

        run(once(), printer("mk3s-1", 600, 0));

        assertThat(onlyLot().state()).isEqualTo("RELEASED");
        assertThat(actions()).containsExactly("claims", "release");
        String reason = Json.parse(fake.requests(request -> request.isAction("release")).get(0).body()).asObject().getString("reason", "");
        assertThat(reason).startsWith("headband.stl is not a valid STL: ").contains("line 4");
    }

    @Test
    void aReportAnswered503TwiceIsRetriedWithTheSameKeyAndAppliedOnce() throws Exception {
        fake.addNeed("face-shield-headband", "PETG", 4, "CHU Lyon Sud", 95, HEADBAND);
        fake.failNext("report", 2, 503);

        run(once(), printer("mk3s-1", 600, 0));

        List<Recorded> reports = fake.requests(request -> request.isAction("report"));
        assertThat(reports).extracting(Recorded::status).containsExactly(503, 503, 200);
        assertThat(reports).extracting(Recorded::idempotencyKey).containsOnly(reports.get(0).idempotencyKey());
        FakeLot lot = onlyLot();
        assertThat(fake.timesApplied("report", lot.id())).isEqualTo(1);
        assertThat(lot.state()).isEqualTo("SHIPPED");
        assertThat(log.text()).contains("coordinator " + fake.url() + " answered 503 service-unavailable; retrying in 1 s, 1 report waiting");
    }

    @Test
    void aReportWhoseAnswerWasLostIsSentAgainAndNotAppliedTwice() throws Exception {
        fake.addNeed("face-shield-headband", "PETG", 4, "CHU Lyon Sud", 95, HEADBAND);
        fake.dropAnswerAfterApplying("report", 1);

        run(once(), printer("mk3s-1", 600, 0));

        List<Recorded> reports = fake.requests(request -> request.isAction("report"));
        assertThat(reports).hasSize(2);
        assertThat(reports.get(1).idempotencyKey()).isEqualTo(reports.get(0).idempotencyKey());
        assertThat(reports.get(1).replayed()).isTrue();
        FakeLot lot = onlyLot();
        assertThat(fake.timesApplied("report", lot.id())).isEqualTo(1);
        assertThat(lot.state()).isEqualTo("SHIPPED");
        assertThat(log.text()).contains("unreachable (connection closed before the answer)");
    }

    @Test
    void aCallPendingWhenTheAgentStoppedIsReplayedByTheNextAgentWithItsKey() throws Exception {
        fake.addNeed("face-shield-headband", "PETG", 4, "CHU Lyon Sud", 95, HEADBAND);
        fake.failNext("report", 1_000_000, 503);
        PrinterSettings printer = printer("mk3s-1", 600, 0);
        AgentDaemon first = daemon(once(), printer);
        AtomicInteger firstStatus = new AtomicInteger(-1);
        Thread running = new Thread(() -> firstStatus.set(runQuietly(first)));
        running.start();

        assertThat(fake.awaitRequests(request -> request.isAction("report"), 3, AWAIT)).isTrue();
        first.close();
        running.join(AWAIT.toMillis());

        assertThat(running.isAlive()).isFalse();
        assertThat(firstStatus.get()).isZero();
        List<JournalEntry> pending = Journal.readPending(home.journalDirectory());
        assertThat(pending).hasSize(1);
        String key = pending.get(0).key();
        assertThat(fake.requests(request -> request.isAction("report"))).allSatisfy(r -> assertThat(r.idempotencyKey()).isEqualTo(key));

        fake.clearFaults();
        int reportsBefore = fake.requests(request -> request.isAction("report")).size();
        int status = run(once(), printer);

        assertThat(status).isZero();
        List<Recorded> reports = fake.requests(request -> request.isAction("report"));
        assertThat(reports.subList(reportsBefore, reports.size())).extracting(Recorded::idempotencyKey).containsExactly(key);
        FakeLot lot = onlyLot();
        assertThat(fake.timesApplied("report", lot.id())).isEqualTo(1);
        assertThat(lot.state()).isEqualTo("SHIPPED");
        assertThat(fake.requests(request -> request.isAction("claims"))).hasSize(1);
        assertThat(log.text()).contains("replayed report for lot FAB-001-TST-X: done (200)");
        assertThat(Journal.readPending(home.journalDirectory())).isEmpty();
    }

    @Test
    void anAgentRestartedMidLotResumesThatLotInsteadOfClaimingANewOne() throws Exception {
        fake.addNeed("face-shield-headband", "PETG", 8, "CHU Lyon Sud", 95, HEADBAND);
        PrinterSettings printer = printer("mk3s-1", 1, 0);
        AgentDaemon first = daemon(once(), printer);
        Thread running = new Thread(() -> runQuietly(first));
        running.start();
        assertThat(fake.awaitRequests(request -> request.isAction("heartbeat") && request.body().contains("\"percent\""), 2, AWAIT)).isTrue();
        first.close();
        running.join(AWAIT.toMillis());
        assertThat(onlyLot().state()).isEqualTo("PRINTING");

        PrinterSettings faster = printer("mk3s-1", 600, 0);
        int status = run(once(), faster);

        assertThat(status).isZero();
        assertThat(onlyLot().state()).isEqualTo("SHIPPED");
        assertThat(fake.requests(request -> request.isAction("claims"))).hasSize(1);
        assertThat(log.text()).contains("lot FAB-001-TST-X: resuming on printer mk3s-1 (printing, printing again from the start)");
    }

    @Test
    void aLotTheCoordinatorReportsExpiredIsCancelledAbandonedAndTheNextOneClaimed() throws Exception {
        fake.addNeed("face-shield-headband", "PETG", 4, "CHU Lyon Sud", 10, HEADBAND);
        fake.expireNextStartedLot();

        int status = run(new AgentDaemon.Options(false, 2, Duration.ofSeconds(1)), printer("mk3s-1", 1, 0));

        assertThat(status).isZero();
        List<FakeLot> lots = fake.lots();
        assertThat(lots).hasSize(2);
        assertThat(lots.get(0).state()).isEqualTo("EXPIRED");
        assertThat(fake.timesApplied("report", lots.get(0).id())).isZero();
        assertThat(lots.get(1).state()).isEqualTo("SHIPPED");
        assertThat(log.text()).contains("lot " + lots.get(0).lotNumber() + ": the coordinator reports it EXPIRED; print cancelled, lot abandoned");
        Recorded heartbeat = fake.requests(request -> request.isAction("heartbeat") && request.body().contains(lots.get(0).id())).get(0);
        Recorded secondClaim = fake.requests(request -> request.isAction("claims")).get(1);
        assertThat(secondClaim.at()).isAfterOrEqualTo(heartbeat.at());
        // the first lot was abandoned at the first heartbeat, long before its 40 min print could end
        assertThat(Duration.between(heartbeat.at(), secondClaim.at())).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void whenThereIsNoWorkTheAgentWaitsRetryAfterBeforeAskingAgain() throws Exception {
        fake.addNeed("face-shield-headband", "PETG", 4, "CHU Lyon Sud", 95, HEADBAND);
        fake.setRetryAfterSeconds(7);
        fake.answerNoWork(2);

        run(new AgentDaemon.Options(false, 1, Duration.ofSeconds(1)), printer("mk3s-1", 600, 0));

        List<Recorded> claims = fake.requests(request -> request.isAction("claims"));
        assertThat(claims).extracting(Recorded::status).containsExactly(204, 204, 201);
        assertThat(Duration.between(claims.get(0).at(), claims.get(1).at())).isEqualTo(Duration.ofSeconds(7));
        assertThat(Duration.between(claims.get(1).at(), claims.get(2).at())).isEqualTo(Duration.ofSeconds(7));
        assertThat(claims).extracting(Recorded::idempotencyKey).doesNotHaveDuplicates();
        assertThat(log.text()).contains("printer mk3s-1: no work right now; asking again in 7 s");
        assertThat(onlyLot().state()).isEqualTo("SHIPPED");
    }

    @Test
    void withOnceAPrinterWithoutWorkDoesNotWait() throws Exception {
        int status = run(once(), printer("mk3s-1", 600, 0));

        assertThat(status).isZero();
        assertThat(fake.requests(request -> request.isAction("claims"))).hasSize(1);
        assertThat(log.text()).contains("printer mk3s-1: no work from the coordinator right now (--once: not waiting)");
    }

    @Test
    void aPrinterUnknownToTheCoordinatorIsDeclaredBeforeClaiming() throws Exception {
        fake.addNeed("face-shield-headband", "PETG", 4, "CHU Lyon Sud", 95, HEADBAND);

        run(once(), printer("mk3s-1", 600, 0));

        assertThat(fake.printer("mk3s-1").get("bed").asObject().getDouble("x", 0)).isEqualTo(250);
        assertThat(fake.printer("mk3s-1").get("materials").asArray().get(0).asString()).isEqualTo("PETG");
    }

    @Test
    void aLabelOfferedByTheCoordinatorIsSavedUnderLabels() throws Exception {
        fake.addNeed("face-shield-headband", "PETG", 4, "CHU Lyon Sud", 95, HEADBAND);
        fake.addLabel(String.format("65%022x", 1), "%PDF-1.7 label".getBytes());

        run(once(), printer("mk3s-1", 600, 0));

        assertThat(home.labelsDirectory().resolve("FAB-001-TST-X.pdf")).hasContent("%PDF-1.7 label");
    }

    @Test
    void withAPrintCommandEachShippedLotsLabelIsPrinted() throws Exception {
        fake.addNeed("face-shield-headband", "PETG", 4, "CHU Lyon Sud", 95, HEADBAND);
        fake.addLabel(String.format("65%022x", 1), "%PDF-1.7 label".getBytes());
        Path printed = java.nio.file.Files.createDirectory(directory.resolve("printed"));

        run(new AgentDaemon.Options(true, 0, Duration.ofSeconds(1), "cp -t " + printed), printer("mk3s-1", 600, 0));

        assertThat(printed.resolve("FAB-001-TST-X.pdf")).hasContent("%PDF-1.7 label");
        assertThat(log.text()).contains("lot FAB-001-TST-X: label sent to the printer");
    }

    @Test
    void aLabelThatCannotBePrintedIsSaidAndTheLotIsStillShipped() throws Exception {
        fake.addNeed("face-shield-headband", "PETG", 4, "CHU Lyon Sud", 95, HEADBAND);
        fake.addLabel(String.format("65%022x", 1), "%PDF-1.7 label".getBytes());

        int status = run(new AgentDaemon.Options(true, 0, Duration.ofSeconds(1), "no-such-print-command"),
                printer("mk3s-1", 600, 0));

        assertThat(status).isZero();
        assertThat(onlyLot().state()).isEqualTo("SHIPPED");
        assertThat(home.labelsDirectory().resolve("FAB-001-TST-X.pdf")).hasContent("%PDF-1.7 label");
        assertThat(log.text()).contains("lot FAB-001-TST-X: label not printed (cannot run the print command "
                + "'no-such-print-command'").contains("'fabrique-agent label FAB-001-TST-X --print'");
    }

    @Test
    void aRejectedTokenStopsTheAgentWithAClearMessage() throws Exception {
        AgentConfig config = config(printer("mk3s-1", 600, 0));
        AgentConfig wrongToken = config.withIdentity(config.coordinator(), "fab_wrong", null, null);
        AgentDaemon daemon = new AgentDaemon(home, wrongToken, once(), environment());

        org.assertj.core.api.Assertions.assertThatThrownBy(daemon::run)
                .hasMessageContaining("refused this agent's token (coordinator answered 401 unauthenticated")
                .hasMessageContaining("fabrique-agent login");
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static AgentDaemon.Options once() {
        return new AgentDaemon.Options(true, 0, Duration.ofSeconds(1));
    }

    private static PrinterSettings printer(String id, double speedFactor, double failureRate, String... materials) throws Exception {
        return PrinterSettings.of(id, "Prusa i3 MK3S+", new BedSize(250, 210, 210), 0.4,
                materials.length == 0 ? List.of("PETG", "PLA") : List.of(materials), "virtual", speedFactor, failureRate, 4,
                OptionalLong.of(42));
    }

    private AgentConfig config(PrinterSettings... printers) {
        TreeMap<String, PrinterSettings> map = new TreeMap<>();
        for (PrinterSettings printer : printers) {
            map.put(printer.id(), printer);
        }
        return new AgentConfig(fake.url(), FakeCoordinator.MAKER_TOKEN, "maker-1", "Camille", 30, map);
    }

    private AgentDaemon.Environment environment() {
        return new AgentDaemon.Environment(time, time, time.threads(), new Random(7),
                settings -> new VirtualPrinterDriver(settings.speedFactor(), settings.failureRate(), new Random(42), time),
                new StlPartInspector(), log, false);
    }

    private AgentDaemon daemon(AgentDaemon.Options options, PrinterSettings... printers) {
        return new AgentDaemon(home, config(printers), options, environment());
    }

    private int run(AgentDaemon.Options options, PrinterSettings... printers) throws Exception {
        AgentDaemon daemon = daemon(options, printers);
        return daemon.run();
    }

    private static int runQuietly(AgentDaemon daemon) {
        try {
            return daemon.run();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private FakeLot onlyLot() {
        assertThat(fake.lots()).hasSize(1);
        return fake.lots().get(0);
    }

    /** The state-changing calls the fake saw, by their last path segment, without retries. */
    private List<String> actions() {
        return fake.requests(request -> request.method().equals("POST") && !request.path().endsWith("/heartbeat")).stream()
                .map(request -> request.path().substring(request.path().lastIndexOf('/') + 1))
                .toList();
    }
}
