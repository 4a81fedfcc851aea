package org.fabrique.agent.part;

import java.io.IOException;
import java.nio.file.Path;

/** Checks that a downloaded part is a mesh the printer can use, before any printing starts. */
@FunctionalInterface
public interface PartInspector {

    MeshSummary inspect(String name, Path file) throws PartRejected, IOException;
}
