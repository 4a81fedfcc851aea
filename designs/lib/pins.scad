// Horizontal pins that hold a punched sheet or a punched elastic strap.
//
// The pin section is a teardrop pointing down, cut flat at the pin radius: its underside is
// two 45-degree slopes and a short bridge, so it prints without support while still passing
// through a round hole of diameter + clearance.

// 2D section in (horizontal, vertical), centred on the pin axis.
module pin_section(diameter) {
    r = diameter / 2;
    intersection() {
        hull() {
            circle(r = r, $fn = 24);
            polygon([[-r / sqrt(2), -r / sqrt(2)], [r / sqrt(2), -r / sqrt(2)], [0, -r * sqrt(2)]]);
        }
        square(diameter, center = true);
    }
}

// A pin along +X starting at x = -embed (inside the wall it stands on), axis at height 0,
// with a chamfered tip so it never leaves a sharp edge.
module pin(diameter = 5, length = 4.5, embed = 1.2, chamfer = 0.6) {
    rotate([90, 0, 90])
        hull() {
            translate([0, 0, -embed]) linear_extrude(height = embed + length - chamfer) pin_section(diameter);
            translate([0, 0, length - 0.01]) linear_extrude(height = 0.01) offset(delta = -chamfer) pin_section(diameter);
        }
}

// Places a pin on a wall at (x, y), pointing along the horizontal direction `outward`, axis at z.
module pin_at(x, y, z, outward, diameter = 5, length = 4.5, embed = 1.2) {
    translate([x, y, z]) rotate([0, 0, atan2(outward[1], outward[0])]) pin(diameter, length, embed);
}
