package org.fabrique.agent.printer;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;

import org.fabrique.agent.config.PrinterSettings;

/** Builds the driver a printer's settings ask for. */
@FunctionalInterface
public interface PrinterDrivers {

    PrinterDriver create(PrinterSettings settings) throws PrinterException;

    /** The drivers this agent version ships: only the virtual printer so far. */
    static PrinterDrivers standard(Clock clock) {
        return settings -> {
            if (PrinterSettings.VIRTUAL_DRIVER.equals(settings.driver())) {
                Random random = settings.seed().isPresent() ? new Random(settings.seed().getAsLong()) : new Random(new SecureRandom().nextLong());
                return new VirtualPrinterDriver(settings.speedFactor(), settings.failureRate(), random, clock);
            }
            throw new PrinterException("printer " + settings.id() + ": driver '" + settings.driver()
                    + "' is not available in this agent version (available: virtual)");
        };
    }
}
