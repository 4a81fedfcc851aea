package org.fabrique.coordinator.need;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.fabrique.designs.Material;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A hospital's demand for a design, and the ledger of where its items are.
 *
 * <p>The counters obey, at every instant: {@code open + allocated == quantity} and
 * {@code allocated == sum(active[].quantity) + approved}. {@code active} lists the lots still in
 * flight (claimed up to received); each change of a lot's quantity or stage is applied here by
 * one conditional update that names the lot, so it happens exactly once (see {@link NeedLedger}).
 */
@Document("needs")
public record Need(
        @Id String id,
        String hospitalId,
        String hospitalName,
        String hospitalArea,
        String designSlug,
        List<String> acceptedVersions,
        List<VersionMaterials> acceptedMaterials,
        int quantity,
        int open,
        int allocated,
        int shipped,
        int approved,
        int rejected,
        LocalDate neededBy,
        Priority priority,
        DeliveryPoint deliveryPoint,
        NeedStatus status,
        List<ActiveLot> active,
        Instant createdAt,
        Instant updatedAt,
        String createdBy,
        String statusReason) {

    /** Where the items go: a named place in the hospital, with its postcode for distances. */
    public record DeliveryPoint(String name, String address, String postcode, String instructions) {
    }

    /** A lot in flight for this need: how many items it still holds and whether they have shipped. */
    public record ActiveLot(String lotId, int quantity, Stage stage, String makerId, String claimKey, Instant since) {

        public enum Stage {
            ALLOCATED, SHIPPED
        }
    }

    /** Whether a design version may be printed for this need; no list means any published version. */
    public boolean accepts(String designVersion) {
        return acceptedVersions == null || acceptedVersions.isEmpty() || acceptedVersions.contains(designVersion);
    }

    /** The materials the hospital accepts for one design version (homologated only in those). */
    public record VersionMaterials(String version, List<Material> materials) {
    }

    /** The materials the hospital accepts for a version; empty means any the design allows. */
    public List<Material> materialsFor(String designVersion) {
        return acceptedMaterials == null ? List.of() : acceptedMaterials.stream()
                .filter(accepted -> accepted.version().equals(designVersion))
                .map(VersionMaterials::materials).findFirst().orElse(List.of());
    }
}
