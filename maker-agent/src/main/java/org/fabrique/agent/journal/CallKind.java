package org.fabrique.agent.journal;

import java.util.Locale;

/** The state-changing calls the agent journals before sending them. */
public enum CallKind {
    CLAIM, START, REPORT, SHIP, RELEASE;

    public String noun() {
        return name().toLowerCase(Locale.ROOT);
    }
}
