package org.fabrique.coordinator.system.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fabrique.coordinator.design.Design;
import org.fabrique.coordinator.lot.LeaseReaper;
import org.fabrique.coordinator.lot.Lot;
import org.fabrique.coordinator.lot.LotState;
import org.fabrique.coordinator.need.Need;
import org.fabrique.coordinator.support.Api;
import org.fabrique.coordinator.support.DesignFixtures;
import org.fabrique.coordinator.support.MutableClock;
import org.fabrique.coordinator.support.TestCoordinator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The invariants of DESIGN.md, proven under concurrency against one store shared by two
 * coordinator instances. Each store backend (embedded memory, embedded H2 file, real MongoDB)
 * runs this same contract through its own subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreContractTest {

    private static final String PRINTER = "printer-1";

    private final MutableClock clock = MutableClock.startingNow();
    private TestCoordinator first;
    private TestCoordinator second;
    private Api a;
    private Api b;
    private String coordinatorToken;
    private ExecutorService pool;

    /** A MongoDB connection string (without database) to a store both instances share. */
    protected abstract String storeUri();

    protected void releaseStore() {
    }

    @BeforeAll
    void startTwoCoordinatorsOnOneStore() {
        String uri = storeUri() + "/contract-" + UUID.randomUUID().toString().substring(0, 8);
        first = TestCoordinator.builder().mongoUri(uri).clock(clock).start();
        second = TestCoordinator.builder().mongoUri(uri).clock(clock).start();
        a = first.api();
        b = second.api();
        coordinatorToken = first.coordinatorToken();
        pool = Executors.newFixedThreadPool(48);
    }

    /** Claims go to the best open need in the whole store: each test starts with none left over. */
    @BeforeEach
    void cancelNeedsLeftOpenByEarlierTests() {
        Api.Response open = Api.expect(a.get("/api/needs?status=OPEN", coordinatorToken), 200);
        open.body().forEach(need -> Api.expect(a.post("/api/needs/" + need.get("id").asString() + "/cancel",
                coordinatorToken, Map.of("reason", "end of test")), 200));
    }

    @AfterAll
    void stop() {
        pool.shutdownNow();
        second.close();
        first.close();
        releaseStore();
    }

    @Test
    void hundredsOfConcurrentClaimsThroughTwoInstancesNeverOverAllocateANeed() throws Exception {
        String design = newDesign();
        Api.Hospital hospital = a.createHospital(coordinatorToken, "CHU " + design, "69003");
        int quantity = 150;
        String needId = a.postNeed(hospital.token(), design, quantity);
        List<Api.Maker> makers = trustedMakers(40);

        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        Future<Integer> watcher = pool.submit(() -> watch(needId, running, violations));

        List<Callable<Api.Response>> claims = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 320; i++) {
            Api.Maker maker = makers.get(i % makers.size());
            Api api = i % 2 == 0 ? a : b;
            int maxItems = 1 + random.nextInt(4);
            claims.add(() -> api.claim(maker.token(), PRINTER, maxItems, Api.newKey()));
        }
        List<Api.Response> answers = runTogether(claims);
        running.set(false);
        int samples = watcher.get(30, TimeUnit.SECONDS);

        List<Api.Response> granted = answers.stream().filter(r -> r.status() == 201).toList();
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isIn(201, 204));
        int grantedItems = granted.stream().mapToInt(r -> r.number("quantity")).sum();
        Need need = need(needId);
        assertThat(violations).as("sampled %d times while claiming", samples).isEmpty();
        assertThat(samples).isPositive();
        assertThat(grantedItems).isEqualTo(need.allocated()).isEqualTo(quantity);
        assertThat(need.open()).isZero();
        assertThat(need.active()).hasSize(granted.size());
        assertThat(lotsOf(needId)).hasSize(granted.size());
    }

    @Test
    void everyItemIsAccountedForAfterARandomMixOfClaimsReleasesExpiriesRejectionsAndApprovals() throws Exception {
        String design = newDesign();
        Api.Hospital hospital = a.createHospital(coordinatorToken, "CH " + design, "38000");
        int quantity = 120;
        String needId = a.postNeed(hospital.token(), design, quantity);
        List<Api.Maker> makers = trustedMakers(16);

        for (int round = 0; round < 3; round++) {
            List<Callable<Api.Response>> work = new ArrayList<>();
            for (int i = 0; i < makers.size(); i++) {
                Api.Maker maker = makers.get(i);
                Api api = i % 2 == 0 ? a : b;
                long seed = round * 1000L + i;
                work.add(() -> playOneLot(api, maker, hospital, seed));
            }
            runTogether(work);
            clock.advance(first.bean(org.fabrique.coordinator.lot.Lots.class).lease().plusMinutes(1));
            reapOnBothInstances();
        }

        Need need = need(needId);
        List<Lot> lots = lotsOf(needId);
        assertThat(need.open() + need.allocated()).isEqualTo(quantity);
        int inFlight = need.active().stream().mapToInt(Need.ActiveLot::quantity).sum();
        assertThat(need.allocated()).isEqualTo(inFlight + need.approved());
        assertThat(need.approved()).isEqualTo(sumPrinted(lots, LotState.APPROVED));
        assertThat(need.rejected()).isEqualTo(sumPrinted(lots, LotState.REJECTED));
        int stillAllocated = lots.stream().filter(lot -> !lot.state().returnsItems()).mapToInt(Lot::outstanding).sum();
        assertThat(need.allocated()).isEqualTo(stillAllocated);
        assertThat(lots).allSatisfy(lot -> {
            assertThat(lot.ledgerPending()).as("lot %s settled", lot.lotNumber()).isNull();
            long finals = lot.history().stream().filter(t -> t.to().isFinal()).count();
            assertThat(finals).as("lot %s ends at most once", lot.lotNumber()).isLessThanOrEqualTo(1);
        });
        assertThat(lots).extracting(Lot::state).contains(LotState.APPROVED, LotState.REJECTED, LotState.RELEASED, LotState.EXPIRED);
        assertThat(need.active()).extracting(Need.ActiveLot::lotId)
                .containsExactlyInAnyOrderElementsOf(lots.stream().filter(lot -> !lot.state().isFinal()).map(Lot::id).toList());
    }

    @Test
    void aLapsedLeaseReturnsItsQuantityExactlyOnceEvenWithTwoReapers() throws Exception {
        String design = newDesign();
        Api.Hospital hospital = a.createHospital(coordinatorToken, "CHU " + design, "31000");
        String needId = a.postNeed(hospital.token(), design, 40);
        List<Api.Maker> makers = trustedMakers(8);
        List<String> lotIds = new ArrayList<>();
        for (Api.Maker maker : makers) {
            Api.Response claim = Api.expect(a.claim(maker.token(), PRINTER, 5, Api.newKey()), 201);
            lotIds.add(claim.text("id"));
        }
        Api.expect(a.lotAction(makers.get(0).token(), lotIds.get(0), "start", null, Api.newKey()), 200);
        assertThat(need(needId).open()).isZero();

        clock.advance(first.bean(org.fabrique.coordinator.lot.Lots.class).lease().plusSeconds(1));
        List<Callable<LeaseReaper.Pass>> reapers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            TestCoordinator instance = i % 2 == 0 ? first : second;
            reapers.add(() -> instance.bean(LeaseReaper.class).runOnce().block());
        }
        List<LeaseReaper.Pass> passes = runTogether(reapers);

        assertThat(passes.stream().mapToLong(LeaseReaper.Pass::expired).sum()).isGreaterThanOrEqualTo(lotIds.size());
        Need need = need(needId);
        assertThat(need.open()).isEqualTo(40);
        assertThat(need.allocated()).isZero();
        assertThat(need.active()).isEmpty();
        assertThat(lotsOf(needId)).allSatisfy(lot -> {
            assertThat(lot.state()).isEqualTo(LotState.EXPIRED);
            assertThat(lot.history()).filteredOn(t -> t.to() == LotState.EXPIRED).hasSize(1);
        });
    }

    @Test
    void aHeartbeatKeepsTheLeaseOfAWorkingAgent() {
        String design = newDesign();
        Api.Hospital hospital = a.createHospital(coordinatorToken, "CHU " + design, "13005");
        String needId = a.postNeed(hospital.token(), design, 4);
        Api.Maker maker = trustedMakers(1).get(0);
        String lotId = Api.expect(a.claim(maker.token(), PRINTER, 4, Api.newKey()), 201).text("id");
        Api.expect(b.lotAction(maker.token(), lotId, "start", null, Api.newKey()), 200);
        Duration lease = first.bean(org.fabrique.coordinator.lot.Lots.class).lease();

        for (int i = 0; i < 3; i++) {
            clock.advance(lease.dividedBy(2));
            Api.Response beat = Api.expect(b.post("/api/makers/me/heartbeat", maker.token(),
                    Map.of("lots", List.of(Map.of("id", lotId, "percent", 30.0 * (i + 1))))), 200);
            assertThat(beat.body().get("lots").get(0).get("state").asString()).isEqualTo("PRINTING");
            first.bean(LeaseReaper.class).runOnce().block();
        }

        assertThat(lot(lotId).state()).isEqualTo(LotState.PRINTING);
        assertThat(lot(lotId).percent()).isEqualTo(90.0);
        assertThat(need(needId).open()).isZero();
    }

    @Test
    void aClaimRetriedConcurrentlyWithTheSameKeyThroughBothInstancesAllocatesOneLot() throws Exception {
        String design = newDesign();
        Api.Hospital hospital = a.createHospital(coordinatorToken, "CHU " + design, "44000");
        String needId = a.postNeed(hospital.token(), design, 50);
        Api.Maker maker = trustedMakers(1).get(0);
        String key = Api.newKey();
        List<Callable<Api.Response>> retries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Api api = i % 2 == 0 ? a : b;
            retries.add(() -> api.claim(maker.token(), PRINTER, 3, key));
        }
        List<Api.Response> answers = new ArrayList<>(runTogether(retries));
        // Those that arrived while the first was running were told to retry (409 request-in-progress).
        Api.Response afterwards = await().atMost(Duration.ofSeconds(30))
                .until(() -> a.claim(maker.token(), PRINTER, 3, key), r -> r.status() != 409);
        answers.add(afterwards);

        List<Api.Response> granted = answers.stream().filter(r -> r.status() == 201).toList();
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isIn(201, 409));
        assertThat(afterwards.status()).isEqualTo(201);
        assertThat(afterwards.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(granted).extracting(r -> r.text("id")).containsOnly(afterwards.text("id"));
        assertThat(lotsOf(needId)).hasSize(1);
        assertThat(need(needId).allocated()).isEqualTo(3);
    }

    // ---- helpers --------------------------------------------------------------------------

    private Api.Response playOneLot(Api api, Api.Maker maker, Api.Hospital hospital, long seed) {
        Random random = new Random(seed);
        Api.Response claim = api.claim(maker.token(), PRINTER, 1 + random.nextInt(5), Api.newKey());
        if (claim.status() != 201) {
            return claim;
        }
        String lot = claim.text("id");
        int quantity = claim.number("quantity");
        int fate = random.nextInt(6);
        if (fate == 0) {
            return api.lotAction(maker.token(), lot, "release", Map.of("reason", "printer jammed"), Api.newKey());
        }
        if (fate == 1) {
            return claim; // left to expire
        }
        Api.expect(api.lotAction(maker.token(), lot, "start", null, Api.newKey()), 200);
        int failed = random.nextInt(quantity + 1);
        Api.Response report = Api.expect(api.lotAction(maker.token(), lot, "report",
                Map.of("printed", quantity - failed, "failed", failed), Api.newKey()), 200);
        if (failed == quantity || fate == 2) {
            return report;
        }
        Api.expect(api.lotAction(maker.token(), lot, "ship", Map.of(), Api.newKey()), 200);
        Api other = api == a ? b : a;
        Api.expect(other.lotAction(hospital.token(), lot, "receive", null, Api.newKey()), 200);
        return Api.expect(other.inspect(hospital.token(), lot, fate != 3, Api.newKey()), 200);
    }

    private int watch(String needId, AtomicBoolean running, ConcurrentLinkedQueue<String> violations) {
        int samples = 0;
        do {
            Need need = need(needId);
            samples++;
            if (need.allocated() > need.quantity() || need.open() < 0 || need.open() + need.allocated() != need.quantity()) {
                violations.add("open=" + need.open() + " allocated=" + need.allocated() + " quantity=" + need.quantity());
            }
        } while (running.get());
        return samples;
    }

    private void reapOnBothInstances() throws Exception {
        runTogether(List.of(() -> first.bean(LeaseReaper.class).runOnce().block(),
                () -> second.bean(LeaseReaper.class).runOnce().block()));
    }

    private <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<T> results = Collections.synchronizedList(new ArrayList<>());
        for (Future<T> future : futures) {
            results.add(future.get(120, TimeUnit.SECONDS));
        }
        return results;
    }

    private String newDesign() {
        String slug = "visor-" + UUID.randomUUID().toString().substring(0, 8);
        Design design = DesignFixtures.aDesign(slug).build();
        first.mongo().insert(design).block();
        return slug;
    }

    private List<Api.Maker> trustedMakers(int count) {
        List<Api.Maker> makers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Api.Maker maker = a.registerMaker(i % 2 == 0 ? "69007" : "01000");
            a.putPrinter(maker.token(), PRINTER, List.of("PETG"), 250);
            Api.expect(a.put("/api/makers/" + maker.id() + "/trust", coordinatorToken, Map.of("trustLevel", "TRUSTED")), 200);
            makers.add(maker);
        }
        return makers;
    }

    private Need need(String needId) {
        return first.mongo().findById(needId, Need.class).block();
    }

    private Lot lot(String lotId) {
        return first.mongo().findById(lotId, Lot.class).block();
    }

    private List<Lot> lotsOf(String needId) {
        return first.mongo().find(Query.query(Criteria.where("needId").is(needId)), Lot.class).collectList().block();
    }

    private static int sumPrinted(List<Lot> lots, LotState state) {
        return lots.stream().filter(lot -> lot.state() == state).mapToInt(Lot::printed).sum();
    }
}
