package org.fabrique.agent.printer;

import java.nio.file.Path;

/** One verified part file on local disk, and how many of it one item needs. */
public record PrintFile(String name, Path path, int countPerItem) {
}
