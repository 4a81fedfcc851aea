package org.fabrique.agent.journal;

/** Where a printer's current lot stands, as far as this agent knows. */
public enum Phase {
    /** Claimed; parts not yet checked, printing not started. */
    CLAIMED,
    /** The coordinator knows printing started; an agent restarted here prints the lot again from the start. */
    PRINTING,
    /** Reported; only shipping is left. */
    PRINTED
}
