package org.fabrique.agent.journal;

import com.eclipsesource.json.JsonObject;

import org.fabrique.agent.coordinator.CoordinatorProtocolException;
import org.fabrique.agent.coordinator.Json;
import org.fabrique.agent.coordinator.Lot;

/** The lot a printer works on and how far it got: persisted so a restarted agent resumes it. */
public record PrinterWork(String printerId, Lot lot, Phase phase) {

    public PrinterWork withLot(Lot updated, Phase newPhase) {
        return new PrinterWork(printerId, updated, newPhase);
    }

    String toJson() {
        return new JsonObject().add("printerId", printerId).add("phase", phase.name())
                .add("lot", com.eclipsesource.json.Json.parse(lot.json())).toString();
    }

    static PrinterWork fromJson(String text) throws CoordinatorProtocolException {
        JsonObject json = com.eclipsesource.json.Json.parse(text).asObject();
        return new PrinterWork(Json.string(json, "printerId"), Lot.fromJson(Json.object(json, "lot")),
                Phase.valueOf(Json.string(json, "phase")));
    }
}
