package org.fabrique.agent.work;

/** What a printer's worker is busy with, as shown in the heartbeat and on the terminal. */
public enum PrinterActivity {
    /** No lot: waiting for work or for the coordinator. */
    IDLE,
    /** Lot claimed: downloading and checking its parts, starting. */
    PREPARING,
    PRINTING,
    /** Printing is over; telling the coordinator how many items came out. */
    REPORTING,
    /** Reported; shipping. */
    SHIPPING;

    /** While the lot is CLAIMED or PRINTING on the coordinator its lease must be kept alive by heartbeats. */
    public boolean holdsLease() {
        return this == PREPARING || this == PRINTING || this == REPORTING;
    }
}
