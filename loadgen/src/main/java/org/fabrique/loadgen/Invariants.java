package org.fabrique.loadgen;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;

/**
 * Checks DESIGN.md's invariants on every need through the API: {@code open + allocated ==
 * quantity}, {@code allocated <= quantity}, nothing negative, and {@code allocated == inFlight +
 * approved}. When every lot of this run reached a decision, this run's needs must also show
 * exactly the items the load generator saw approved and rejected, and nothing in flight.
 */
final class Invariants {

    private Invariants() {
    }

    /** True when nothing is violated; violations are printed, loudly. */
    static boolean check(Fleet fleet, Tally tally, ProcessProbe coordinator, PrintStream out) {
        Phase phase = new Phase("Invariants, checked through GET /api/needs", coordinator);
        Api.Reply reply = fleet.get(phase.op("list needs"), "/api/needs", fleet.coordinatorToken()).join();
        phase.finish().print(out);
        if (!reply.ok()) {
            out.println("  could not list the needs: " + reply.describe());
            return false;
        }
        List<JsonObject> needs = reply.json().asArray().values().stream().map(JsonValue::asObject).toList();
        Set<String> ours = fleet.needIds();
        boolean exact = tally.unfinishedLots() == 0 && tally.abandonedLots() == 0;
        List<String> violations = new ArrayList<>();
        for (JsonObject need : needs) {
            String id = need.getString("id", "?");
            int quantity = need.getInt("quantity", -1);
            int open = need.getInt("open", -1);
            int allocated = need.getInt("allocated", -1);
            int inFlight = need.getInt("inFlight", -1);
            int approved = need.getInt("approved", -1);
            int rejected = need.getInt("rejected", -1);
            String figures = String.format("quantity=%d open=%d allocated=%d inFlight=%d approved=%d rejected=%d",
                    quantity, open, allocated, inFlight, approved, rejected);
            if (open + allocated != quantity) {
                violations.add("need " + id + ": open + allocated != quantity (" + figures + ")");
            }
            if (allocated > quantity || open < 0 || allocated < 0 || inFlight < 0) {
                violations.add("need " + id + ": a counter out of bounds (" + figures + ")");
            }
            if (allocated != inFlight + approved) {
                violations.add("need " + id + ": allocated != inFlight + approved (" + figures + ")");
            }
            if (exact && ours.contains(id)
                    && (approved != tally.approved(id) || rejected != tally.rejected(id) || inFlight != 0)) {
                violations.add("need " + id + ": the load generator saw " + tally.approved(id) + " items approved and "
                        + tally.rejected(id) + " rejected, all lots decided; the coordinator says " + figures);
            }
        }
        long checkedOurs = needs.stream().filter(n -> ours.contains(n.getString("id", ""))).count();
        out.printf("  %d needs checked (%d of this run)%s%n", needs.size(), checkedOurs, exact
                ? "; every lot of this run was decided, so approved and rejected items were compared too"
                : "; " + tally.unfinishedLots() + " lots of this run undecided and " + tally.abandonedLots()
                        + " abandoned after a failed request, so items were not compared one by one");
        if (checkedOurs < ours.size()) {
            violations.add((ours.size() - checkedOurs) + " needs this run posted are missing from GET /api/needs");
        }
        if (violations.isEmpty()) {
            out.println("  OK: no violation");
            return true;
        }
        out.println("  !!! INVARIANT VIOLATIONS (a coordinator bug): " + violations.size());
        violations.forEach(v -> out.println("  !!! " + v));
        return false;
    }
}
