package org.fabrique.agent.cli;

import java.io.IOException;
import java.util.Locale;

import com.eclipsesource.json.JsonValue;

import org.fabrique.agent.AgentException;
import org.fabrique.agent.coordinator.Calls;
import org.fabrique.agent.coordinator.CoordinatorClient;
import org.fabrique.agent.coordinator.CoordinatorProblem;
import org.fabrique.agent.coordinator.Lot;

/** Reads what a maker types to name a lot: its id, or its lot number (FAB-…) among the maker's active lots. */
final class LotReference {

    private LotReference() {
    }

    static boolean looksLikeLotNumber(String text) {
        return text.trim().toUpperCase(Locale.ROOT).startsWith("FAB");
    }

    /** The lot's id; a lot number is looked up in {@code GET /api/makers/me/lots?active=true}. */
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
        throw new AgentException("lot " + typed + " is not among your active lots; give the lot id instead "
                + "(shown by 'fabrique-agent status')");
    }

    private static String compact(String lotNumber) {
        return lotNumber.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }
}
