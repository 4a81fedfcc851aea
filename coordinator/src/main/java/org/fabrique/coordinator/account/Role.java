package org.fabrique.coordinator.account;

/** What an account may do. A hospital account is one member of a hospital's staff. */
public enum Role {
    MAKER, HOSPITAL, COORDINATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
