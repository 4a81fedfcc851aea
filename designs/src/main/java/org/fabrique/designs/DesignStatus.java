package org.fabrique.designs;

/** Life cycle of a design version: published versions are immutable, retired ones no longer allocated. */
public enum DesignStatus {
    DRAFT,
    PUBLISHED,
    RETIRED
}
