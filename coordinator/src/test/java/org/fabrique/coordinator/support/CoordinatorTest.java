package org.fabrique.coordinator.support;

import java.util.List;
import java.util.Map;

import org.fabrique.coordinator.design.Design;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One coordinator on the embedded in-memory store for a whole test class, with a published test
 * design, a hospital and a trusted maker with a PETG printer. Tests create what else they need.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CoordinatorTest {

    protected static final String DESIGN = "visor-frame";
    protected static final String PRINTER = "mk3";

    protected TestCoordinator coordinator;
    protected Api api;
    protected String coordinatorToken;
    protected Api.Hospital hospital;
    protected Api.Maker maker;

    /** Extra settings for this class's coordinator. */
    protected TestCoordinator.Builder configure(TestCoordinator.Builder builder) {
        return builder;
    }

    @BeforeAll
    void startCoordinator() {
        coordinator = configure(TestCoordinator.builder().embeddedMemory()).start();
        api = coordinator.api();
        coordinatorToken = coordinator.coordinatorToken();
        coordinator.mongo().insert(DesignFixtures.aDesign(DESIGN).build()).block();
        hospital = api.createHospital(coordinatorToken, "CHU de test", "69003");
        maker = trustedMaker("69007");
    }

    /** Claims go to the best open need of the whole store: each test starts with none left open. */
    @BeforeEach
    protected void cancelNeedsLeftOpen() {
        Api.expect(api.get("/api/needs?status=OPEN", coordinatorToken), 200).body().forEach(need -> Api.expect(
                api.post("/api/needs/" + need.get("id").asString() + "/cancel", coordinatorToken, Map.of()), 200));
    }

    @AfterAll
    void stopCoordinator() {
        coordinator.close();
    }

    protected Api.Maker trustedMaker(String postcode) {
        Api.Maker made = api.registerMaker(postcode);
        api.putPrinter(made.token(), PRINTER, List.of("PETG", "PLA"), 250);
        Api.expect(api.put("/api/makers/" + made.id() + "/trust", coordinatorToken, Map.of("trustLevel", "TRUSTED")), 200);
        return made;
    }

    protected void insert(Design design) {
        coordinator.mongo().insert(design).block();
    }

    /** Claims a lot of the given need's design for {@code who}, asserting it was granted. */
    protected Api.Response claimLot(Api.Maker who, int items) {
        return Api.expect(api.claim(who.token(), PRINTER, items, Api.newKey()), 201);
    }

    protected long count(String collection) {
        return coordinator.mongo().getCollection(collection).flatMap(c -> reactor.core.publisher.Mono.from(c.countDocuments()))
                .block();
    }
}
