package org.fabrique.coordinator.need;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A need as hospitals and coordinators see it. */
public record NeedView(
        String id,
        String hospitalId,
        String hospitalName,
        String hospitalArea,
        String design,
        List<String> acceptedVersions,
        List<Need.VersionMaterials> acceptedMaterials,
        int quantity,
        int open,
        int allocated,
        int inFlight,
        int shipped,
        int approved,
        int rejected,
        LocalDate neededBy,
        Priority priority,
        Need.DeliveryPoint deliveryPoint,
        NeedStatus status,
        String statusReason,
        Instant createdAt,
        Instant updatedAt) {

    public static NeedView of(Need need) {
        int inFlight = need.active() == null ? 0 : need.active().stream().mapToInt(Need.ActiveLot::quantity).sum();
        return new NeedView(need.id(), need.hospitalId(), need.hospitalName(), need.hospitalArea(), need.designSlug(),
                need.acceptedVersions() == null ? List.of() : need.acceptedVersions(),
                need.acceptedMaterials() == null ? List.of() : need.acceptedMaterials(), need.quantity(), need.open(),
                need.allocated(), inFlight, need.shipped(), need.approved(), need.rejected(), need.neededBy(),
                need.priority(), need.deliveryPoint(), need.status(), need.statusReason(), need.createdAt(),
                need.updatedAt());
    }
}
