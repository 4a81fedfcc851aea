package org.fabrique.coordinator.claim;

import org.fabrique.coordinator.design.Design;
import org.fabrique.designs.Material;
import org.fabrique.coordinator.need.Need;

/** A need a printer can serve, with the design version and material it would print, and its score. */
record Candidate(Need need, Design design, Material material, double score) {
}
