// Face-shield frame: a headband that rests on the forehead and a visor arc, held away from
// the face by spokes, carrying pins for a punched A4 transparent sheet (ISO 838 holes,
// 80 mm pitch: 2-hole sheets use the middle pins, 4-hole sheets use all four).
//
// Print orientation: flat on the bed, z is the band width (the height on the forehead).
// Plan-view coordinates: the wearer faces +y, the headband is symmetric about x = 0.

use <sweep.scad>
use <pins.scad>

// Arc lengths from the front centre at which the sheet's holes sit, for a sheet centred on
// the frame: holes at +-pitch/2 and, for 4-hole sheets, +-3 pitch/2.
function sheet_hole_offsets(pitch, holes) =
    holes == 2 ? [-pitch / 2, pitch / 2] : [-3 * pitch / 2, -pitch / 2, pitch / 2, 3 * pitch / 2];

// Point and outward normal of an ellipse (semi-axes a, b) at parameter t (degrees).
function ellipse_point(a, b, t) = [a * cos(t), b * sin(t)];
function ellipse_normal(a, b, t) = unit([cos(t) / a, sin(t) / b]);

// Centre line of a band of given thickness whose inner face is the ellipse (a, b).
function headband_path(a, b, thickness, start_angle, steps) =
    [for (k = [0 : steps])
        let (t = start_angle + (180 - 2 * start_angle) * k / steps)
        ellipse_point(a, b, t) + thickness / 2 * ellipse_normal(a, b, t)];

// Visor arc centre line: a circle of radius r centred at (0, centre_y), spanning +-half_angle
// around the front (+y), listed counter-clockwise so the sweep's normal points outward.
function visor_path(r, centre_y, half_angle, steps) =
    [for (k = [0 : steps])
        let (a = 90 - half_angle + 2 * half_angle * k / steps)
        [r * cos(a), centre_y + r * sin(a)]];

// Distance along direction d from point c to the ellipse (a, b) centred at the origin.
function ray_to_ellipse(c, d, a, b) =
    let (
        qa = d[0] * d[0] / (a * a) + d[1] * d[1] / (b * b),
        qb = 2 * (c[0] * d[0] / (a * a) + c[1] * d[1] / (b * b)),
        qc = c[0] * c[0] / (a * a) + c[1] * c[1] / (b * b) - 1
    )
    (-qb + sqrt(qb * qb - 4 * qa * qc)) / (2 * qa);

// A vertical post with a rounded top, flat on the bed.
module post(r, height) {
    cylinder(r = r, h = height - r, $fn = 16);
    translate([0, 0, height - r]) sphere(r = r, $fn = 16);
}

module spoke(from, to, thickness, height) {
    hull() {
        translate(from) post(thickness / 2, height);
        translate(to) post(thickness / 2, height);
    }
}

// The visor arc alone, with its sheet pins; also the bottom reinforcement on its own.
// Returns nothing but geometry; the arc centre line is visor_path(radius, centre_y, ...).
module visor_arc(radius, centre_y, half_length, thickness, height, edge_radius,
                 hole_pitch, holes, pin_diameter, pin_length) {
    outer_radius = radius + thickness / 2;
    half_angle = half_length / outer_radius * 180 / PI;
    rounded_band(visor_path(radius, centre_y, half_angle, 96), thickness, height, edge_radius);
    for (s = sheet_hole_offsets(hole_pitch, holes)) {
        phi = s / outer_radius * 180 / PI;
        direction = [sin(phi), cos(phi)];
        base = [0, centre_y] + (outer_radius - 0.01) * direction;
        pin_at(base[0], base[1], height / 2, direction, pin_diameter, pin_length);
    }
}

module headband(
    band_height = 12,          // width of the band on the forehead (>= 10 mm)
    band_thickness = 3.2,
    edge_radius = 1.0,
    head_half_width = 78,      // inner face of the headband: an ellipse
    head_half_depth = 92,
    band_start_angle = -20,    // ellipse parameter where the band ends, behind the temples
    visor_radius = 95,         // centre line of the visor arc
    visor_standoff = 16,       // clear gap between headband and visor arc at the front
    visor_half_length = 130,   // along the visor's outer face, from the front centre
    hole_pitch = 80,
    holes = 4,
    pin_diameter = 5,
    pin_length = 4.5,
    strap_pin_offsets = [8, 20] // arc length from each band end to the strap pins
) {
    a = head_half_width;
    b = head_half_depth;
    visor_front_y = b + band_thickness + visor_standoff + band_thickness / 2;
    centre_y = visor_front_y - visor_radius;
    visor_half_angle = visor_half_length / (visor_radius + band_thickness / 2) * 180 / PI;

    rounded_band(headband_path(a, b, band_thickness, band_start_angle, 88), band_thickness, band_height, edge_radius);

    visor_arc(visor_radius, centre_y, visor_half_length, band_thickness, band_height, edge_radius,
              hole_pitch, holes, pin_diameter, pin_length);

    // Spokes run from the visor arc towards the arc centre until they reach the band's centre line.
    for (phi = [0, 38, -38, visor_half_angle - 4, -(visor_half_angle - 4)]) {
        direction = [sin(phi), cos(phi)];
        start = [0, centre_y] + visor_radius * direction;
        reach = ray_to_ellipse([0, centre_y], direction, a + band_thickness / 2, b + band_thickness / 2);
        spoke(start, [0, centre_y] + reach * direction, band_thickness, band_height);
    }

    // Strap pins near both ends of the band, pointing outward, for a punched elastic strap.
    speed = sqrt(pow(a * sin(band_start_angle), 2) + pow(b * cos(band_start_angle), 2)) * PI / 180;
    for (offset = strap_pin_offsets, side = [0, 1]) {
        t = side == 0 ? band_start_angle + offset / speed : 180 - band_start_angle - offset / speed;
        n = ellipse_normal(a, b, t);
        base = ellipse_point(a, b, t) + (band_thickness - 0.01) * n;
        pin_at(base[0], base[1], band_height / 2, n, pin_diameter, pin_length);
    }
}

// The sheet wraps the outer face of this arc, whose radius matches the headband's visor arc
// (sheet_radius), with pins at the same arc lengths so one punched sheet fits both.
module bottom_reinforcement(
    sheet_radius = 96.6,
    thickness = 4,
    height = 10,
    edge_radius = 1.0,
    half_length = 130,
    hole_pitch = 80,
    holes = 4,
    pin_diameter = 5,
    pin_length = 4.5
) {
    radius = sheet_radius - thickness / 2;
    // Centred on the arc's chord so the part sits near the origin.
    translate([0, -radius * (1 + cos(half_length / sheet_radius * 180 / PI)) / 2, 0])
        visor_arc(radius, 0, half_length, thickness, height, edge_radius,
                  hole_pitch, holes, pin_diameter, pin_length);
}
