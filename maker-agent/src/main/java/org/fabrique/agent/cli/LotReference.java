package org.fabrique.agent.cli;

import java.io.IOException;
import java.util.Locale;

import com.eclipsesource.json.JsonValue;

import org.fabrique.agent.AgentException;
import org.fabrique.agent.coordinator.Calls;
import org.fabrique.agent.coordinator.CoordinatorClient;
import org.fabrique.agent.coordinator.CoordinatorProblem;
import org.fabrique.agent.coordinator.Lot;

/** Reads what a maker types to name a lot: its id, or its lot number (FAB-…). */
final class LotReference {

    private LotReference() {
    }

    static boolean looksLikeLotNumber(String text) {
        return text.trim().toUpperCase(Locale.ROOT).startsWith("FAB");
    }

    /** The lot's id; a lot number is looked up among the active lots, then with {@code GET /api/lots/{number}}. */
    static String resolveId(CoordinatorClient client, String typed) throws AgentException, IOException, InterruptedException {
        if (!looksLikeLotNumber(typed)) {
            return typed.trim();
        }
        String wanted = compact(typed);
        try {
            JsonValue lots = client.exchange(Calls.activeLots()).json();
            if (lots.isArray()) {
                for (JsonValue value : lots.asArray()) {
                    if (value.isObject()) {
                        Lot lot = Lot.fromJson(value.asObject());
                        if (compact(lot.lotNumber()).equals(wanted)) {
                            return lot.id();
                        }
                    }
                }
            }
        } catch (CoordinatorProblem problem) {
            throw new AgentException("could not look up lot " + typed + ": " + problem.getMessage());
        }
        // Not active any more (shipped, decided): the coordinator also finds a lot by its number.
        try {
            JsonValue lot = client.exchange(Calls.lot(typed.trim().toUpperCase(Locale.ROOT))).json();
            if (lot.isObject() && lot.asObject().get("id") != null && lot.asObject().get("id").isString()) {
                return lot.asObject().get("id").asString();
            }
        } catch (CoordinatorProblem problem) {
            if (problem.status() != 404) {
                throw new AgentException("could not look up lot " + typed + ": " + problem.getMessage());
            }
        }
        throw new AgentException("lot " + typed + " is not one of your lots; check the number, or give the lot id "
                + "(shown by 'fabrique-agent status')");
    }

    private static String compact(String lotNumber) {
        return lotNumber.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }
}
