package org.fabrique.loadgen;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;

/**
 * The hospitals, needs and maker agents of one run, created through the API the way real clients
 * create them, and the protocol calls the phases make on their behalf.
 */
final class Fleet {

    private static final String[] PRIORITIES = {"LOW", "NORMAL", "NORMAL", "HIGH", "CRITICAL"};
    /** Setup calls are not retried (most have no idempotency key), so they get time whatever --timeout says. */
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(2);

    private final Api api;
    private final String coordinatorToken;
    private final List<Agent> agents = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> hospitalTokens = new ConcurrentHashMap<>();
    private final Set<String> needIds = ConcurrentHashMap.newKeySet();

    private Fleet(Api api, String coordinatorToken) {
        this.api = api;
        this.coordinatorToken = coordinatorToken;
    }

    List<Agent> agents() {
        return agents;
    }

    /** The needs this run posted. */
    Set<String> needIds() {
        return needIds;
    }

    String coordinatorToken() {
        return coordinatorToken;
    }

    /** Creates everything the phases need and prints how long each kind of call took. */
    static Fleet setUp(Api api, Options options, ProcessProbe coordinator, PrintStream out) {
        Fleet fleet = new Fleet(api, options.coordinatorToken());
        Phase phase = new Phase("Setup: " + options.hospitals() + " hospitals homologate designs and post "
                + options.needsPerHospital() + " needs each; " + options.makers() + " makers register, declare a printer "
                + "and are made TRUSTED", coordinator);
        List<JsonObject> designs = fleet.publishedDesigns(phase.op("list designs"));
        SplittableRandom random = new SplittableRandom(options.seed());
        List<String> postcodes = IntStream.range(0, Math.max(options.hospitals(), options.makers()))
                .mapToObj(i -> postcode(random)).toList();

        Concurrently.forEach(IntStream.range(0, options.hospitals()).boxed().toList(),
                i -> fleet.createHospital(phase, i, postcodes.get(i), designs, options, new SplittableRandom(options.seed() + i)));
        phase.note("each need: %d items; designs: %s", options.needQuantity(),
                designs.stream().map(d -> d.getString("slug", "?") + "@" + d.getString("version", "?")).toList());

        try (Progress progress = Progress.every30Seconds(out, () -> "setup: " + fleet.agents.size() + " of "
                + options.makers() + " makers ready")) {
            Concurrently.forEach(IntStream.range(0, options.makers()).boxed().toList(),
                    i -> fleet.createMaker(phase, i, postcodes.get(i), materials(designs), options));
        }
        fleet.agents.sort(Comparator.comparingInt(Agent::index));
        phase.finish().print(out);
        if (fleet.agents.size() < options.makers() || fleet.needIds.size() < options.hospitals() * options.needsPerHospital()) {
            throw new IllegalStateException("setup failed: " + fleet.agents.size() + " of " + options.makers()
                    + " makers and " + fleet.needIds.size() + " needs were created (see the outcomes above)");
        }
        return fleet;
    }

    private List<JsonObject> publishedDesigns(Recorder recorder) {
        Api.Reply reply = api.send(recorder, Api.Call.get("/api/designs").timeout(SETUP_TIMEOUT)).join();
        if (!reply.ok()) {
            throw new IllegalStateException("GET /api/designs answered " + reply.describe());
        }
        List<JsonObject> designs = reply.json().asArray().values().stream().map(JsonValue::asObject)
                .filter(d -> "PUBLISHED".equals(d.getString("status", "")))
                .toList();
        if (designs.isEmpty()) {
            throw new IllegalStateException("the coordinator publishes no design: start it with "
                    + "--fabrique.designs.library-dir pointing at the designs/ folder of the repository");
        }
        return designs;
    }

    private CompletableFuture<?> createHospital(Phase phase, int index, String postcode, List<JsonObject> designs,
            Options options, SplittableRandom random) {
        JsonObject body = Json.object().add("name", "Load test hospital " + index).add("postcode", postcode)
                .add("country", "FR");
        Api.Call create = Api.Call.post("/api/hospitals").as(coordinatorToken).body(body).timeout(SETUP_TIMEOUT);
        return api.send(phase.op("create hospital"), create)
                .thenCompose(reply -> {
                    if (!reply.ok()) {
                        return CompletableFuture.completedFuture(null);
                    }
                    String hospitalId = reply.object().get("hospital").asObject().getString("id", null);
                    String token = reply.object().getString("token", null);
                    hospitalTokens.put(hospitalId, token);
                    List<CompletableFuture<?>> posted = new ArrayList<>();
                    for (int n = 0; n < options.needsPerHospital(); n++) {
                        JsonObject design = designs.get((index * options.needsPerHospital() + n) % designs.size());
                        JsonObject need = Json.object().add("design", design.getString("slug", null))
                                .add("acceptedVersions", new JsonArray().add(design.getString("version", null)))
                                .add("quantity", options.needQuantity())
                                .add("neededBy", LocalDate.now(ZoneOffset.UTC).plusDays(3 + random.nextInt(40)).toString())
                                .add("priority", PRIORITIES[random.nextInt(PRIORITIES.length)]);
                        posted.add(homologate(phase.op("homologate design"), hospitalId, token, design)
                                .thenCompose(homologated -> !homologated.ok() ? CompletableFuture.completedFuture(null)
                                        : postNeed(phase.op("post need"), token, need)));
                    }
                    return CompletableFuture.allOf(posted.toArray(CompletableFuture[]::new));
                });
    }

    /** The hospital's staff homologate the design version for their site, in any of its materials. */
    private CompletableFuture<Api.Reply> homologate(Recorder recorder, String hospitalId, String token, JsonObject design) {
        JsonObject body = Json.object().add("design", design.getString("slug", null))
                .add("version", design.getString("version", null));
        return api.send(recorder, Api.Call.post("/api/hospitals/" + hospitalId + "/homologations").as(token).body(body)
                .timeout(SETUP_TIMEOUT));
    }

    private CompletableFuture<?> postNeed(Recorder recorder, String token, JsonObject need) {
        return api.send(recorder, Api.Call.post("/api/needs").as(token).body(need).timeout(SETUP_TIMEOUT)).thenAccept(reply -> {
            if (reply.ok()) {
                needIds.add(reply.object().getString("id", null));
            }
        });
    }

    private CompletableFuture<?> createMaker(Phase phase, int index, String postcode, JsonArray materials, Options options) {
        JsonObject registration = Json.object().add("postcode", postcode).add("country", "FR")
                .add("pseudonym", "load-" + options.runId() + "-" + index);
        JsonObject printer = Json.object().add("model", "Load test printer")
                .add("bed", Json.object().add("x", 300).add("y", 300).add("z", 300))
                .add("nozzle", 0.4).add("materials", materials).add("driver", "virtual");
        JsonObject trusted = Json.object().add("trustLevel", "TRUSTED");
        Api.Call register = Api.Call.post("/api/makers/register").body(registration).timeout(SETUP_TIMEOUT);
        return api.send(phase.op("register maker"), register).thenCompose(registered -> {
            if (!registered.ok()) {
                return CompletableFuture.completedFuture(null);
            }
            String makerId = registered.object().getString("makerId", null);
            String token = registered.object().getString("token", null);
            Api.Call declare = Api.Call.put("/api/makers/me/printers/" + Agent.PRINTER).as(token).body(printer)
                    .timeout(SETUP_TIMEOUT);
            Api.Call trust = Api.Call.put("/api/makers/" + makerId + "/trust").as(coordinatorToken).body(trusted)
                    .timeout(SETUP_TIMEOUT);
            return api.send(phase.op("declare printer"), declare)
                    .thenCompose(declared -> declared.ok() ? api.send(phase.op("trust maker"), trust)
                            : CompletableFuture.completedFuture(declared))
                    .thenAccept(reply -> {
                        if (reply.ok()) {
                            agents.add(new Agent(options.runId(), index, makerId, token, options.seed()));
                        }
                    });
        });
    }

    /** Every material some published design allows, so that every design fits the load test printer. */
    private static JsonArray materials(List<JsonObject> designs) {
        JsonArray materials = new JsonArray();
        designs.stream().flatMap(d -> d.get("materials").asArray().values().stream()).map(JsonValue::asString)
                .distinct().limit(7).forEach(materials::add);
        return materials;
    }

    /** A postcode in a random metropolitan département other than Corsica (01-95 without 20). */
    private static String postcode(SplittableRandom random) {
        int departement = 1 + random.nextInt(94);
        if (departement >= 20) {
            departement++;
        }
        return String.format("%02d%03d", departement, random.nextInt(10) * 100);
    }

    // ---- the protocol calls the phases make ---------------------------------------------------

    CompletableFuture<Api.Reply> claim(Recorder recorder, Agent agent, int maxItems, String key) {
        JsonObject body = Json.object().add("printerId", Agent.PRINTER).add("maxItems", maxItems);
        return api.send(recorder, Api.Call.post("/api/makers/me/claims").as(agent.token()).key(key).body(body));
    }

    /** {@code start}, {@code report}, {@code ship} or {@code release}, with a new idempotency key. */
    CompletableFuture<Api.Reply> makerAction(Recorder recorder, Agent agent, Lot lot, String action, JsonObject body) {
        return api.send(recorder, Api.Call.post("/api/lots/" + lot.id() + "/" + action).as(agent.token())
                .key(agent.newKey(action)).body(body));
    }

    /** A GET under the lot, e.g. {@code inspection}, by the staff of the hospital the lot is addressed to. */
    CompletableFuture<Api.Reply> hospitalGet(Recorder recorder, Lot lot, String what) {
        return api.send(recorder, Api.Call.get("/api/lots/" + lot.id() + "/" + what).as(hospitalTokens.get(lot.hospitalId())));
    }

    /** {@code receive} or {@code inspection}, by the staff of the hospital the lot is addressed to. */
    CompletableFuture<Api.Reply> hospitalAction(Recorder recorder, Agent agent, Lot lot, String action, JsonObject body) {
        return api.send(recorder, Api.Call.post("/api/lots/" + lot.id() + "/" + action)
                .as(hospitalTokens.get(lot.hospitalId())).key(agent.newKey(action)).body(body));
    }

    CompletableFuture<Api.Reply> heartbeat(Recorder recorder, Agent agent) {
        Lot lot = agent.lot();
        JsonArray lots = new JsonArray();
        if (lot != null) {
            lots.add(Json.object().add("id", lot.id()).add("percent", ThreadLocalRandom.current().nextInt(100)));
        }
        JsonObject body = Json.object().add("lots", lots).add("printers", new JsonArray()
                .add(Json.object().add("printerId", Agent.PRINTER).add("status", lot == null ? "IDLE" : "PRINTING")));
        return api.sendIfFree(recorder, Api.Call.post("/api/makers/me/heartbeat").as(agent.token()).body(body));
    }

    CompletableFuture<Api.Reply> get(Recorder recorder, String path, String token) {
        return api.send(recorder, Api.Call.get(path).as(token));
    }
}
