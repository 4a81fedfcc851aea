package org.fabrique.agent.part;

/** What a part's mesh check found, for the log; {@code watertight} is null when the topology could not be checked. */
public record MeshSummary(long triangles, Boolean watertight, String boundingBox) {

    public String describe() {
        String topology = watertight == null ? "topology not checked" : watertight ? "watertight" : "NOT watertight";
        return triangles + " triangles, " + topology + (boundingBox == null ? "" : ", " + boundingBox);
    }
}
