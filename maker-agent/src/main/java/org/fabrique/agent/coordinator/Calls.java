package org.fabrique.agent.coordinator;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;

import org.fabrique.agent.config.PrinterSettings;

/** The protocol's calls, built in one place: paths, bodies and which of them carry an idempotency key. */
public final class Calls {

    private Calls() {
    }

    public static ApiRequest register(String postcode, String country, String pseudonym) {
        JsonObject body = new JsonObject().add("postcode", postcode).add("country", country);
        Json.addIfPresent(body, "pseudonym", pseudonym);
        return ApiRequest.post("/api/makers/register", body.toString());
    }

    public static ApiRequest me() {
        return ApiRequest.get("/api/makers/me");
    }

    public static ApiRequest putPrinter(PrinterSettings printer) {
        JsonObject bed = new JsonObject().add("x", printer.bed().x()).add("y", printer.bed().y()).add("z", printer.bed().z());
        JsonArray materials = new JsonArray();
        printer.materials().forEach(materials::add);
        JsonObject body = new JsonObject()
                .add("printerId", printer.id())
                .add("model", printer.model())
                .add("bed", bed)
                .add("nozzle", printer.nozzle())
                .add("materials", materials)
                .add("driver", printer.driver());
        return ApiRequest.put("/api/makers/me/printers/" + segment(printer.id()), body.toString());
    }

    public static ApiRequest deletePrinter(String printerId) {
        return ApiRequest.delete("/api/makers/me/printers/" + segment(printerId));
    }

    public static ApiRequest activeLots() {
        return ApiRequest.get("/api/makers/me/lots?active=true");
    }

    public static ApiRequest lot(String lotId) {
        return ApiRequest.get("/api/lots/" + segment(lotId));
    }

    public static ApiRequest claim(String printerId, int maxItems, String key) {
        return ApiRequest.post("/api/makers/me/claims",
                new JsonObject().add("printerId", printerId).add("maxItems", maxItems).toString(), key);
    }

    public static ApiRequest start(String lotId, String key) {
        return ApiRequest.post(lotPath(lotId, "start"), null, key);
    }

    public static ApiRequest report(String lotId, int printed, int failed, String key) {
        return ApiRequest.post(lotPath(lotId, "report"),
                new JsonObject().add("printed", printed).add("failed", failed).toString(), key);
    }

    public static ApiRequest ship(String lotId, String key) {
        return ApiRequest.post(lotPath(lotId, "ship"), new JsonObject().toString(), key);
    }

    public static ApiRequest release(String lotId, String reason, String key) {
        JsonObject body = new JsonObject();
        Json.addIfPresent(body, "reason", reason);
        return ApiRequest.post(lotPath(lotId, "release"), body.toString(), key);
    }

    /** Lots the agent works on, with their progress; printers with their status. No idempotency key. */
    public static ApiRequest heartbeat(Collection<HeartbeatLot> lots, Collection<HeartbeatPrinter> printers) {
        JsonArray lotArray = new JsonArray();
        lots.forEach(lot -> lotArray.add(new JsonObject().add("id", lot.id()).add("percent", Math.round(lot.percent() * 10) / 10.0)));
        JsonArray printerArray = new JsonArray();
        printers.forEach(printer -> printerArray.add(new JsonObject().add("printerId", printer.printerId()).add("status", printer.status())));
        return ApiRequest.post("/api/makers/me/heartbeat", new JsonObject().add("lots", lotArray).add("printers", printerArray).toString());
    }

    public static String labelPath(String lotId, String format) {
        return lotPath(lotId, "label." + format);
    }

    private static String lotPath(String lotId, String action) {
        return "/api/lots/" + segment(lotId) + "/" + action;
    }

    /** Percent-encodes one path segment (ids are plain, but nothing typed by a person reaches a path unencoded). */
    static String segment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    public record HeartbeatLot(String id, double percent) {
    }

    public record HeartbeatPrinter(String printerId, String status) {
    }
}
