package org.fabrique.coordinator.maker;

/**
 * How far the network trusts a maker's output. NEW makers get small batches until a hospital
 * approves their first lot; a coordinator may mark a maker TRUSTED or SUSPENDED.
 */
public enum TrustLevel {
    NEW, ESTABLISHED, TRUSTED, SUSPENDED
}
