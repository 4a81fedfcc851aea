package org.fabrique.coordinator.account;

import org.fabrique.coordinator.system.problem.ApiException;

/**
 * Who is calling: the authenticated principal handed to controllers, and the actor recorded on
 * every state change. System actors stand for the coordinator itself (the lease reaper, the
 * ledger) and never come from a token.
 */
public record Actor(String accountId, Role role, String displayName, String makerId, String hospitalId, boolean system) {

    public Actor(String accountId, Role role, String displayName, String makerId, String hospitalId) {
        this(accountId, role, displayName, makerId, hospitalId, false);
    }

    public static final Actor SYSTEM_REAPER = system("lease-reaper");

    public static Actor system(String name) {
        return new Actor(name, Role.COORDINATOR, name, null, null, true);
    }

    /** The demo's automatic inspector, acting as staff of one hospital. */
    public static Actor demoInspector(String hospitalId) {
        return new Actor("demo-inspector", Role.HOSPITAL, "Demo inspector", null, hospitalId, true);
    }

    /** The reference written into histories and events: pseudonymous, never a token or a name. */
    public String ref() {
        if (system) {
            return "system:" + accountId + (hospitalId == null ? "" : "@hospital:" + hospitalId);
        }
        return switch (role) {
            case MAKER -> "maker:" + makerId;
            case HOSPITAL -> "hospital:" + hospitalId + "/" + accountId;
            case COORDINATOR -> "coordinator:" + accountId;
        };
    }

    public boolean is(Role expected) {
        return role == expected;
    }

    public String requireMaker() {
        if (role != Role.MAKER || makerId == null) {
            throw ApiException.forbidden("Only a maker account can do this");
        }
        return makerId;
    }

    public String requireHospital() {
        if (role != Role.HOSPITAL || hospitalId == null) {
            throw ApiException.forbidden("Only hospital staff can do this");
        }
        return hospitalId;
    }

    public void requireCoordinator() {
        if (role != Role.COORDINATOR) {
            throw ApiException.forbidden("Only a coordinator can do this");
        }
    }
}
