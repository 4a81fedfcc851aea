package org.fabrique.coordinator.maker;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.fabrique.designs.Material;

/** A printer a maker declared: what it can print decides which needs it is offered. */
public record Printer(
        @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be 1 to 40 characters from a-z, 0-9 and -") String printerId,
        @NotBlank @Size(max = 80) String model,
        @NotNull @Valid Bed bed,
        @DecimalMin("0.1") @DecimalMax("2.0") double nozzle,
        @NotEmpty @Size(max = 7) List<@NotNull Material> materials,
        @Size(max = 40) String driver) {

    /** Build volume in millimetres. */
    public record Bed(
            @DecimalMin("20") @DecimalMax("2000") double x,
            @DecimalMin("20") @DecimalMax("2000") double y,
            @DecimalMin("20") @DecimalMax("2000") double z) {
    }

    public Printer withId(String id) {
        return new Printer(id, model, bed, nozzle, List.copyOf(materials), driver == null ? "unknown" : driver);
    }
}
