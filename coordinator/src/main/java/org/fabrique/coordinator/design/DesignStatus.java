package org.fabrique.coordinator.design;

/** DRAFT versions can be replaced; PUBLISHED ones are immutable and printable; RETIRED ones are not offered any more. */
public enum DesignStatus {
    DRAFT, PUBLISHED, RETIRED
}
