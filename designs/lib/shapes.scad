// Small shapes shared by the designs.

// 2D teardrop: a circle with a 45-degree roof pointing +y. Used for holes whose axis is
// horizontal when printed, so their top needs no support.
module teardrop(d, $fn = 32) {
    r = d / 2;
    hull() {
        circle(r = r);
        polygon([[-r / sqrt(2), r / sqrt(2)], [r / sqrt(2), r / sqrt(2)], [0, r * sqrt(2)]]);
    }
}

// Horizontal teardrop hole along +x from x0 to x1, axis at (y, z), roof towards +z.
module teardrop_x(d, x0, x1, y, z) {
    translate([x0, y, z]) rotate([90, 0, 90]) linear_extrude(height = x1 - x0) teardrop(d);
}

// 2D rectangle with rounded corners, corner-anchored like square().
module rounded_square(size, r, $fn = 32) {
    translate([r, r]) offset(r = r) square([size[0] - 2 * r, size[1] - 2 * r]);
}

// Rounds the convex corners (r) and fills the concave ones (r) of a 2D outline.
module rounded_outline(r) {
    offset(r = r) offset(delta = -r) offset(delta = r) offset(r = -r) children();
}
