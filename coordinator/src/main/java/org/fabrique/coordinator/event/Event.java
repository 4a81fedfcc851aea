package org.fabrique.coordinator.event;

import java.time.Instant;
import java.util.Map;

import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.account.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Something that happened, appended to the {@code events} collection and streamed to live pages.
 * {@code seq} orders events across all coordinator instances; clients resume from it. Events hold
 * pseudonymous references only (maker ids, never names or contact details).
 */
@Document("events")
public record Event(
        @Id String id,
        long seq,
        String type,
        Instant at,
        String actor,
        String hospitalId,
        String makerId,
        String needId,
        String lotId,
        Map<String, Object> data) {

    /** Who may see this event: coordinators everything, a maker its own lots, a hospital its own needs and lots. */
    public boolean visibleTo(Actor viewer) {
        if (viewer.role() == Role.COORDINATOR) {
            return true;
        }
        if (viewer.role() == Role.MAKER) {
            return viewer.makerId() != null && viewer.makerId().equals(makerId);
        }
        return viewer.hospitalId() != null && viewer.hospitalId().equals(hospitalId);
    }
}
