package org.fabrique.loadgen;

import com.eclipsesource.json.JsonObject;

/** The fields of a lot the load generator needs to carry it through its cycle. */
record Lot(String id, String lotNumber, int quantity, String needId, String hospitalId) {

    static Lot of(JsonObject lot) {
        return new Lot(lot.getString("id", null), lot.getString("lotNumber", null), lot.getInt("quantity", 0),
                lot.getString("needId", null), lot.get("hospital").asObject().getString("id", null));
    }
}
