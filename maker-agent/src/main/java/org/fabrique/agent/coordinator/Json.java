package org.fabrique.agent.coordinator;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;

/** Lenient field readers over minimal-json objects: a missing or null field reads as absent. */
public final class Json {

    private Json() {
    }

    public static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isString() ? value.asString() : value.toString();
    }

    public static int integer(JsonObject object, String name, int fallback) {
        JsonValue value = object.get(name);
        return value != null && value.isNumber() ? (int) Math.round(value.asDouble()) : fallback;
    }

    public static Double decimal(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value != null && value.isNumber() ? value.asDouble() : null;
    }

    public static JsonObject object(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value != null && value.isObject() ? value.asObject() : new JsonObject();
    }

    public static Instant instant(JsonObject object, String name) {
        String text = string(object, name);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Adds a field only when it has a value, so optional fields are left out rather than sent as null. */
    public static JsonObject addIfPresent(JsonObject object, String name, String value) {
        if (value != null && !value.isBlank()) {
            object.add(name, value);
        }
        return object;
    }
}
