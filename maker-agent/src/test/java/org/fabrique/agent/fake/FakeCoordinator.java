package org.fabrique.agent.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A coordinator for tests (and for the footprint benchmark, through {@link #main}), on the JDK's HTTP
 * server. It implements the agent protocol faithfully: bearer tokens, idempotency keys with replay
 * ({@code Idempotent-Replayed: true}), 422 on a reused key, 409 request-in-progress, 204 with
 * Retry-After when no need fits, RFC 9457 problem details, the lot state machine with leases. Faults
 * can be injected: error answers before processing, and connections dropped after processing (the
 * answer is lost, the change is applied).
 */
public final class FakeCoordinator implements AutoCloseable {

    public static final String MAKER_TOKEN = "fab_" + "A".repeat(43);
    private static final Duration LEASE = Duration.ofMinutes(30);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final Pattern LOT_ACTION = Pattern.compile("/api/lots/([^/]+)/(start|report|ship|release)");
    private static final Pattern LOT_LABEL = Pattern.compile("/api/lots/([^/]+)/label\\.(pdf|png)");
    private static final Pattern LOT = Pattern.compile("/api/lots/([^/]+)");
    private static final Pattern PRINTER = Pattern.compile("/api/makers/me/printers/([^/]+)");
    private static final Pattern PART = Pattern.compile("/api/designs/([^/]+)/([^/]+)/parts/([^/]+)");

    /** A request as the fake saw it, with the simulated time it arrived at. */
    public record Recorded(String method, String path, String idempotencyKey, String body, Instant at, int status, boolean replayed) {
        public boolean isAction(String action) {
            return "POST".equals(method) && path.endsWith("/" + action);
        }
    }

    /** A part as the coordinator serves it: its bytes, and the SHA-256 the lot announces (normally theirs). */
    public record PartFile(String name, String file, byte[] content, String announcedSha256) {
        public static PartFile of(String name, String file, byte[] content) {
            return new PartFile(name, file, content, sha256(content));
        }

        public PartFile announcing(String sha256) {
            return new PartFile(name, file, content, sha256);
        }
    }

    /** A hospital's need, with what the lots cut from it must print. */
    public static final class Need {
        final String id;
        final String designSlug;
        final String designVersion;
        final String material;
        final String hospital;
        final List<PartFile> parts;
        final double minutesPerItem;
        int open;

        Need(String id, String designSlug, String designVersion, String material, String hospital, List<PartFile> parts,
             double minutesPerItem, int quantity) {
            this.id = id;
            this.designSlug = designSlug;
            this.designVersion = designVersion;
            this.material = material;
            this.hospital = hospital;
            this.parts = List.copyOf(parts);
            this.minutesPerItem = minutesPerItem;
            this.open = quantity;
        }

        public synchronized int open() {
            return open;
        }
    }

    /** A lot on the fake's side. */
    public static final class FakeLot {
        final String id;
        final String lotNumber;
        final Need need;
        final String printerId;
        final int quantity;
        String state = "CLAIMED";
        int printed;
        int failed;
        double percent;
        Instant leaseExpiresAt;
        final Instant createdAt;
        Instant updatedAt;
        final List<String> history = new ArrayList<>();

        FakeLot(String id, String lotNumber, Need need, String printerId, int quantity, Instant now) {
            this.id = id;
            this.lotNumber = lotNumber;
            this.need = need;
            this.printerId = printerId;
            this.quantity = quantity;
            this.createdAt = now;
            this.updatedAt = now;
            this.leaseExpiresAt = now.plus(LEASE);
            history.add("CLAIMED");
        }

        public String id() {
            return id;
        }

        public String lotNumber() {
            return lotNumber;
        }

        public String state() {
            return state;
        }

        public int printed() {
            return printed;
        }

        public int failed() {
            return failed;
        }

        public int quantity() {
            return quantity;
        }

        public List<String> history() {
            return List.copyOf(history);
        }
    }

    private record Stored(String method, String path, String body, int status, String contentType, byte[] response,
                          Map<String, String> headers) {
    }

    private record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Answer json(int status, JsonValue json) {
            return new Answer(status, "application/json", json.toString().getBytes(StandardCharsets.UTF_8), Map.of());
        }

        static Answer empty(int status, Map<String, String> headers) {
            return new Answer(status, null, new byte[0], headers);
        }
    }

    private record Fault(String action, int status, String problemType) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final Set<String> tokens = new HashSet<>(Set.of(MAKER_TOKEN));
    private final Map<String, JsonObject> printers = new LinkedHashMap<>();
    private final List<Need> needs = new ArrayList<>();
    private final Map<String, FakeLot> lots = new LinkedHashMap<>();
    private final Map<String, byte[]> partBytes = new HashMap<>();
    private final Map<String, byte[]> labels = new HashMap<>();
    private final Map<String, Stored> idempotency = new HashMap<>();
    private final List<Recorded> requests = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();
    private final Map<String, Integer> drops = new HashMap<>();
    private final Map<String, Integer> applied = new HashMap<>();
    private int expireNextStarted;
    private int noWorkAnswers;
    private boolean selfRegistration = true;
    private int retryAfterSeconds = 5;
    private int lotSequence;
    private int heartbeatSeconds = 30;

    private FakeCoordinator(Clock clock) throws IOException {
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.executor = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "fake-coordinator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeCoordinator start(Clock clock) throws IOException {
        return new FakeCoordinator(clock);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    // ---- set-up -------------------------------------------------------------------------------------

    public synchronized Need addNeed(String designSlug, String material, int quantity, String hospital, double minutesPerItem,
                                     PartFile... parts) {
        Need need = new Need("need-" + (needs.size() + 1), designSlug, "1.0.0", material, hospital, List.of(parts),
                minutesPerItem, quantity);
        needs.add(need);
        for (PartFile part : parts) {
            partBytes.put("/api/designs/" + designSlug + "/1.0.0/parts/" + part.file(), part.content());
        }
        return need;
    }

    public synchronized void declarePrinter(String printerId, String... materials) {
        JsonArray list = new JsonArray();
        for (String material : materials) {
            list.add(material);
        }
        printers.put(printerId, new JsonObject().add("printerId", printerId).add("model", "test").add("materials", list));
    }

    public synchronized void setRetryAfterSeconds(int seconds) {
        this.retryAfterSeconds = seconds;
    }

    public synchronized void setHeartbeatSeconds(int seconds) {
        this.heartbeatSeconds = seconds;
    }

    public synchronized void setSelfRegistration(boolean allowed) {
        this.selfRegistration = allowed;
    }

    public synchronized void addLabel(String lotId, byte[] pdf) {
        labels.put(lotId, pdf);
    }

    /** The next {@code times} calls to {@code action} (claims, start, report, ship, release, heartbeat) get {@code status} unprocessed. */
    public synchronized void failNext(String action, int times, int status) {
        for (int i = 0; i < times; i++) {
            faults.add(new Fault(action, status, status == 409 ? "request-in-progress" : "service-unavailable"));
        }
    }

    /** The next {@code times} calls to {@code action} are applied, then the connection is closed without an answer. */
    public synchronized void dropAnswerAfterApplying(String action, int times) {
        drops.merge(action, times, Integer::sum);
    }

    public synchronized void clearFaults() {
        faults.clear();
        drops.clear();
    }

    /** The next lot started expires at once (as if its lease lapsed): the next heartbeat tells the agent. */
    public synchronized void expireNextStartedLot() {
        expireNextStarted++;
    }

    /** The next {@code times} claims get 204 (no work) whatever the needs. */
    public synchronized void answerNoWork(int times) {
        noWorkAnswers += times;
    }

    public synchronized void expire(String lotId) {
        FakeLot lot = lots.get(lotId);
        transition(lot, "EXPIRED");
        lot.need.open += lot.quantity;
    }

    // ---- observation ---------------------------------------------------------------------------------

    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<Recorded> requests(Predicate<Recorded> filter) {
        return requests.stream().filter(filter).toList();
    }

    public synchronized List<FakeLot> lots() {
        return List.copyOf(lots.values());
    }

    public synchronized FakeLot lot(String lotId) {
        return lots.get(lotId);
    }

    /** How many times {@code action} really changed {@code lotId} (replays excluded). */
    public synchronized int timesApplied(String action, String lotId) {
        return applied.getOrDefault(action + " " + lotId, 0);
    }

    public synchronized JsonObject printer(String printerId) {
        return printers.get(printerId);
    }

    /** Waits until {@code count} recorded requests match, or the timeout passes; returns whether they did. */
    public synchronized boolean awaitRequests(Predicate<Recorded> filter, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (requests.stream().filter(filter).count() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    // ---- HTTP ----------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String token = bearer(exchange.getRequestHeaders().getFirst("Authorization"));
        boolean idempotent = "POST".equals(method) && !path.equals("/api/makers/register") && !path.equals("/api/makers/me/heartbeat");
        Answer answer;
        boolean replayed = false;
        boolean drop = false;
        synchronized (this) {
            Fault fault = null;
            if (!path.equals("/api/makers/register") && !tokens.contains(token)) {
                answer = problem(401, "unauthenticated", "Missing or unknown token", path);
            } else if (idempotent && key == null) {
                answer = problem(400, "idempotency-key-missing", "Idempotency-Key header required", path);
            } else if (idempotent && !KEY.matcher(key).matches()) {
                answer = problem(400, "idempotency-key-invalid", "Idempotency-Key header is not valid", path);
            } else if (idempotent && idempotency.containsKey(key)) {
                Stored stored = idempotency.get(key);
                if (!stored.method.equals(method) || !stored.path.equals(path) || !stored.body.equals(body)) {
                    answer = problem(422, "idempotency-key-reused", "Idempotency key reused for a different request", path);
                } else {
                    Map<String, String> headers = new HashMap<>(stored.headers);
                    headers.put("Idempotent-Replayed", "true");
                    answer = new Answer(stored.status, stored.contentType, stored.response, headers);
                    replayed = true;
                }
            } else if ((fault = takeFault(method, path)) != null) {
                answer = problem(fault.status, fault.problemType, "injected fault", path);
                if (fault.status == 503 || fault.status == 409) {
                    answer = withHeader(answer, "Retry-After", "1");
                }
            } else {
                answer = route(method, path, query, body);
                if (idempotent) {
                    idempotency.put(key, new Stored(method, path, body, answer.status, answer.contentType, answer.body, answer.headers));
                }
                drop = takeDrop(method, path);
            }
            requests.add(new Recorded(method, path, key, body, clock.instant(), drop ? -1 : answer.status, replayed));
            notifyAll();
        }
        if (drop) {
            exchange.close();
            return;
        }
        send(exchange, answer);
    }

    private Fault takeFault(String method, String path) {
        for (Fault fault : faults) {
            if ("POST".equals(method) && path.endsWith("/" + fault.action)) {
                faults.remove(fault);
                return fault;
            }
        }
        return null;
    }

    private boolean takeDrop(String method, String path) {
        for (Map.Entry<String, Integer> drop : drops.entrySet()) {
            if ("POST".equals(method) && path.endsWith("/" + drop.getKey()) && drop.getValue() > 0) {
                drop.setValue(drop.getValue() - 1);
                return true;
            }
        }
        return false;
    }

    private Answer route(String method, String path, String query, String body) {
        Matcher matcher;
        if (method.equals("POST") && path.equals("/api/makers/register")) {
            return register(body);
        }
        if (method.equals("GET") && path.equals("/api/makers/me")) {
            return Answer.json(200, me());
        }
        if ((matcher = PRINTER.matcher(path)).matches()) {
            String printerId = matcher.group(1);
            if (method.equals("PUT")) {
                JsonObject printer = Json.parse(body).asObject();
                printer.set("printerId", printerId);
                printers.put(printerId, printer);
                return Answer.json(200, printer);
            }
            if (method.equals("DELETE")) {
                return printers.remove(printerId) == null
                        ? problem(404, "printer-not-found", "No printer " + printerId, path) : Answer.empty(204, Map.of());
            }
        }
        if (method.equals("POST") && path.equals("/api/makers/me/claims")) {
            return claim(Json.parse(body).asObject(), path);
        }
        if (method.equals("POST") && path.equals("/api/makers/me/heartbeat")) {
            return heartbeat(Json.parse(body).asObject());
        }
        if (method.equals("GET") && path.equals("/api/makers/me/lots")) {
            JsonArray active = new JsonArray();
            boolean onlyActive = "active=true".equals(query);
            lots.values().stream()
                    .filter(lot -> !onlyActive || Set.of("CLAIMED", "PRINTING", "PRINTED").contains(lot.state))
                    .forEach(lot -> active.add(json(lot)));
            return Answer.json(200, active);
        }
        if (method.equals("GET") && (matcher = LOT_LABEL.matcher(path)).matches()) {
            byte[] label = labels.get(matcher.group(1));
            return label == null ? problem(404, "not-found", "No label for this lot", path)
                    : new Answer(200, "application/pdf", label, Map.of());
        }
        if (method.equals("POST") && (matcher = LOT_ACTION.matcher(path)).matches()) {
            FakeLot lot = lots.get(matcher.group(1));
            if (lot == null) {
                return problem(404, "lot-not-found", "No lot " + matcher.group(1), path);
            }
            return lotAction(lot, matcher.group(2), body.isEmpty() ? new JsonObject() : Json.parse(body).asObject(), path);
        }
        if (method.equals("GET") && (matcher = LOT.matcher(path)).matches()) {
            FakeLot lot = lots.get(matcher.group(1));
            return lot == null ? problem(404, "lot-not-found", "No lot " + matcher.group(1), path) : Answer.json(200, json(lot));
        }
        if (method.equals("GET") && PART.matcher(path).matches()) {
            byte[] bytes = partBytes.get(path);
            return bytes == null ? problem(404, "not-found", "No such part", path)
                    : new Answer(200, "model/stl", bytes, Map.of("ETag", "\"" + sha256(bytes) + "\""));
        }
        return problem(404, "not-found", "No route " + method + " " + path, path);
    }

    private Answer register(String body) {
        if (!selfRegistration) {
            return problem(403, "forbidden", "Self-registration is closed", "/api/makers/register");
        }
        JsonObject request = Json.parse(body).asObject();
        String token = "fab_" + String.format("%043d", tokens.size());
        tokens.add(token);
        return Answer.json(201, new JsonObject().add("makerId", "maker-" + tokens.size())
                .add("pseudonym", request.getString("pseudonym", "Maker " + tokens.size()))
                .add("token", token).add("trustLevel", "NEW"));
    }

    private JsonObject me() {
        JsonArray list = new JsonArray();
        printers.values().forEach(list::add);
        return new JsonObject().add("makerId", "maker-1").add("pseudonym", "Camille").add("postcode", "69003")
                .add("country", "FR").add("trustLevel", "NEW").add("printers", list);
    }

    private Answer claim(JsonObject request, String path) {
        String printerId = request.getString("printerId", "");
        JsonObject printer = printers.get(printerId);
        if (printer == null) {
            return problem(404, "printer-not-found", "Printer " + printerId + " was not declared", path);
        }
        Set<String> materials = new HashSet<>();
        JsonValue declared = printer.get("materials");
        if (declared != null && declared.isArray()) {
            declared.asArray().forEach(material -> materials.add(material.asString()));
        }
        if (noWorkAnswers > 0) {
            noWorkAnswers--;
            return Answer.empty(204, Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
        }
        for (Need need : needs) {
            if (need.open > 0 && materials.contains(need.material)) {
                int quantity = Math.min(request.getInt("maxItems", 1), need.open);
                need.open -= quantity;
                lotSequence++;
                FakeLot lot = new FakeLot(String.format("65%022x", lotSequence), "FAB-" + String.format("%03d", lotSequence) + "-TST-X",
                        need, printerId, quantity, clock.instant());
                lots.put(lot.id, lot);
                return Answer.json(201, json(lot));
            }
        }
        return Answer.empty(204, Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    private Answer heartbeat(JsonObject request) {
        JsonArray answer = new JsonArray();
        for (JsonValue entry : request.get("lots").asArray()) {
            FakeLot lot = lots.get(entry.asObject().getString("id", ""));
            if (lot == null) {
                continue;
            }
            if (lot.state.equals("CLAIMED") || lot.state.equals("PRINTING")) {
                lot.leaseExpiresAt = clock.instant().plus(LEASE);
                lot.percent = entry.asObject().getDouble("percent", 0);
            }
            answer.add(new JsonObject().add("id", lot.id).add("state", lot.state).add("leaseExpiresAt", lot.leaseExpiresAt.toString()));
        }
        return Answer.json(200, new JsonObject().add("heartbeatSeconds", heartbeatSeconds).add("lots", answer));
    }

    private Answer lotAction(FakeLot lot, String action, JsonObject body, String path) {
        if (lot.state.equals("EXPIRED")) {
            return problem(409, "lease-expired", "Lot " + lot.lotNumber + " lease expired", path);
        }
        String target;
        switch (action) {
            case "start" -> target = lot.state.equals("CLAIMED") ? "PRINTING" : null;
            case "report" -> {
                if (!lot.state.equals("PRINTING")) {
                    target = null;
                } else {
                    int printed = body.getInt("printed", -1);
                    int failed = body.getInt("failed", -1);
                    if (printed < 0 || failed < 0 || printed + failed != lot.quantity) {
                        return problem(422, "invalid-report", "printed + failed must equal " + lot.quantity, path);
                    }
                    lot.printed = printed;
                    lot.failed = failed;
                    lot.need.open += failed;
                    target = printed == 0 ? "RELEASED" : "PRINTED";
                }
            }
            case "ship" -> target = lot.state.equals("PRINTED") ? "SHIPPED" : null;
            case "release" -> {
                target = lot.state.equals("CLAIMED") || lot.state.equals("PRINTING") ? "RELEASED" : null;
                if (target != null) {
                    lot.need.open += lot.quantity;
                }
            }
            default -> throw new IllegalArgumentException(action);
        }
        if (target == null) {
            return problem(409, "illegal-transition", "Lot " + lot.lotNumber + " cannot " + action + " from " + lot.state, path);
        }
        transition(lot, target);
        applied.merge(action + " " + lot.id, 1, Integer::sum);
        JsonObject answer = json(lot);
        if (action.equals("start") && expireNextStarted > 0) {
            expireNextStarted--;
            expire(lot.id);
        }
        return Answer.json(200, answer);
    }

    private void transition(FakeLot lot, String target) {
        lot.state = target;
        lot.updatedAt = clock.instant();
        lot.history.add(target);
    }

    private JsonObject json(FakeLot lot) {
        JsonArray parts = new JsonArray();
        for (PartFile part : lot.need.parts) {
            parts.add(new JsonObject().add("name", part.name()).add("file", part.file()).add("sha256", part.announcedSha256())
                    .add("bytes", part.content().length).add("countPerItem", 1)
                    .add("url", "/api/designs/" + lot.need.designSlug + "/" + lot.need.designVersion + "/parts/" + part.file()));
        }
        return new JsonObject()
                .add("id", lot.id).add("lotNumber", lot.lotNumber).add("state", lot.state)
                .add("quantity", lot.quantity).add("printed", lot.printed).add("failed", lot.failed)
                .add("needId", lot.need.id)
                .add("hospital", new JsonObject().add("id", "h-1").add("name", lot.need.hospital).add("area", "69"))
                .add("design", new JsonObject().add("slug", lot.need.designSlug).add("version", lot.need.designVersion))
                .add("material", lot.need.material).add("printerId", lot.printerId).add("makerId", "maker-1")
                .add("parts", parts).add("estimatedMinutesPerItem", lot.need.minutesPerItem)
                .add("leaseExpiresAt", lot.leaseExpiresAt.toString())
                .add("createdAt", lot.createdAt.toString()).add("updatedAt", lot.updatedAt.toString());
    }

    private static Answer problem(int status, String type, String detail, String instance) {
        JsonObject json = new JsonObject().add("type", "/problems/" + type).add("title", type).add("status", status)
                .add("detail", detail).add("instance", instance);
        return new Answer(status, "application/problem+json", json.toString().getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static Answer withHeader(Answer answer, String name, String value) {
        Map<String, String> headers = new HashMap<>(answer.headers);
        headers.put(name, value);
        return new Answer(answer.status, answer.contentType, answer.body, headers);
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        answer.headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        if (answer.contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", answer.contentType);
        }
        boolean noBody = answer.body.length == 0;
        exchange.sendResponseHeaders(answer.status, noBody ? -1 : answer.body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body);
            }
        }
        exchange.close();
    }

    private static String bearer(String header) {
        return header != null && header.startsWith("Bearer ") ? header.substring("Bearer ".length()) : null;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * A stand-alone fake: for the footprint benchmark with no needs (every claim answers 204), or with
     * {@code --need MATERIAL:QUANTITY} (repeatable) to watch the agent print. Prints its URL and maker
     * token, then serves until killed.
     */
    public static void main(String[] args) throws Exception {
        FakeCoordinator fake = start(Clock.systemUTC());
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--need")) {
                String[] need = args[i + 1].split(":");
                fake.addNeed("face-shield-headband", need[0], Integer.parseInt(need[1]), "CHU Lyon Sud", 95,
                        PartFile.of("headband", "headband.stl", Stls.tetrahedron()));
            }
        }
        System.out.println("fake coordinator " + fake.url() + " token " + MAKER_TOKEN);
        System.out.flush();
        Thread.currentThread().join();
    }
}
