package org.fabrique.designs;

import java.util.Arrays;
import java.util.Optional;

/** What kind of item a design makes; {@link #id()} is the manifest's spelling. */
public enum DesignCategory {
    FACE_SHIELD("face-shield"),
    SYRINGE_PUMP("syringe-pump");

    private final String id;

    DesignCategory(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<DesignCategory> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
