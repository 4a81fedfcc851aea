// A transparent A4 sheet (297 x 210 mm, landscape) wrapped on a cylinder of radius
// sheet_radius centred at (0, centre_y), centred on the front (+y), top edge at top_z.
// Only drawn in preview images, to show how the sheet is mounted.
module a4_sheet(sheet_radius, centre_y, top_z, thickness = 0.3) {
    half_angle = 148.5 / sheet_radius * 180 / PI;
    translate([0, centre_y, top_z - 210])
        rotate([0, 0, 90 - half_angle])
            rotate_extrude(angle = 2 * half_angle, $fn = 160)
                translate([sheet_radius, 0]) square([thickness, 210]);
}
