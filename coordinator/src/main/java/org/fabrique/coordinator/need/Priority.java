package org.fabrique.coordinator.need;

/** How urgent a hospital says a need is; weighs in the allocation score. */
public enum Priority {
    LOW(0.5), NORMAL(1.0), HIGH(2.0), CRITICAL(4.0);

    private final double weight;

    Priority(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }
}
