package org.fabrique.agent.printer;

/**
 * What the agent needs from a printer. The virtual driver simulates one; OctoPrint, Moonraker and
 * PrusaLink drivers fit the same steps: connect ({@link #start()}), upload the job's files, start the
 * print, poll its status, cancel it.
 *
 * <p>{@link #cancel()} may be called from another thread than the one polling.
 */
public interface PrinterDriver extends AutoCloseable {

    /** A short name for logs and the heartbeat, e.g. "virtual", "octoprint". */
    String kind();

    /** Connects to the printer; called once before any job. */
    void start() throws PrinterException;

    /** Makes the job's files available to the printer (a no-op for the virtual printer). */
    void upload(PrintJob job) throws PrinterException;

    /** Starts printing an uploaded job. */
    void startPrint(PrintJob job) throws PrinterException;

    /** The current job's state and progress. */
    PrintStatus poll() throws PrinterException;

    /** Stops the current job; its status becomes {@link PrintState#CANCELLED}. */
    void cancel() throws PrinterException;

    @Override
    void close();
}
