// Syringe pump for a NEMA 17 stepper driving an M8 threaded rod (13 mm hex nut) between two
// 8 mm smooth rods. Every part is modelled in assembly coordinates:
//   x: pump axis, from the motor towards the syringe tip;  y: across;  z: up from the table.
// The motor shaft, the lead screw and both rods lie in the plane z = axis_z.
// print_pose() then lays each part on the bed in its printing orientation.

use <../../lib/shapes.scad>

$fn = 48;

axis_z = 30;            // height of motor shaft, lead screw and rods above the table
rod_spacing = 60;       // centre to centre of the two 8 mm smooth rods
rod_press_d = 8.2;      // holes that hold a rod tight (printed holes come out undersize)
rod_slide_d = 8.6;      // holes that slide on a rod
screw_clear_d = 10;     // M8 threaded rod clearance
nut_flats = 13.4;       // M8 hex nut, 13 mm across flats, with clearance
nut_thickness = 6.9;    // M8 nut is 6.5 mm thick
lm8uu_d = 15.3;         // LM8UU linear bearing: 15 mm x 24 mm
lm8uu_length = 24.4;
bearing_608_d = 22.3;   // 608 ball bearing: 22 mm x 7 mm, carries the free end of the screw
bearing_608_depth = 7.3;
nema_hole_spacing = 31; // NEMA 17: 42.3 mm square face, M3 holes on a 31 mm square
nema_boss_d = 22.6;     // 22 mm centring boss
m3_clear_d = 3.4;
m4_clear_d = 4.5;       // screws that fix the feet to a base board

plate_width = 76;
foot_length = 40;
foot_thickness = 5;
collar_d = 16;
collar_length = 15;
edge_r = 4;

syringe_axis_z = 65;    // the same for every syringe size, so parts can be swapped

// Nominal syringe dimensions (mm) for common 10, 20 and 50/60 ml Luer syringes:
// [ml, barrel outer diameter, flange span, flange thickness, thumb-press diameter, plunger width]
syringes = [
    [10, 16.5, 32, 2.2, 21, 13],
    [20, 21.5, 38, 2.4, 25, 18],
    [50, 29.5, 52, 2.8, 34, 25]
];
function syringe(ml) =
    let (found = [for (s = syringes) if (s[0] == ml) s])
    assert(len(found) == 1, str("syringe_ml must be one of 10, 20, 50, not ", ml))
    found[0];

// ---------------------------------------------------------------- end plates (motor, idler)

// The plate face lies at x = 0 with its body on the +x side up to `thickness`; rod collars,
// foot and gussets grow towards `inward` (+1 or -1 along x).
module end_plate(thickness, height, inward) {
    module towards_inside(length) {
        if (inward > 0) translate([thickness, 0, 0]) children();
        else translate([-length, 0, 0]) children();
    }
    // plate
    rotate([90, 0, 90]) linear_extrude(height = thickness)
        translate([-plate_width / 2, 0]) rounded_outline(edge_r) square([plate_width, height]);
    // collars around the rods
    for (y = [-rod_spacing / 2, rod_spacing / 2])
        towards_inside(collar_length) translate([0, y, axis_z]) rotate([0, 90, 0]) cylinder(d = collar_d, h = collar_length);
    // foot
    towards_inside(foot_length - thickness)
        translate([0, -plate_width / 2, 0]) cube([foot_length - thickness, plate_width, foot_thickness]);
    // gussets under the collars tie plate, collars and foot together
    for (y = [-plate_width / 2, plate_width / 2 - 4])
        translate([inward > 0 ? thickness : 0, y, foot_thickness]) rotate([90, 0, 0]) mirror([0, 0, 1])
            linear_extrude(height = 4)
                polygon([[0, 0], [inward * (foot_length - thickness - 8), 0], [0, axis_z - foot_thickness]]);
}

module end_plate_holes(thickness, inward) {
    // rod holes through plate and collars
    for (y = [-rod_spacing / 2, rod_spacing / 2])
        translate([inward > 0 ? -1 : -collar_length - 1, y, axis_z]) rotate([0, 90, 0])
            cylinder(d = rod_press_d, h = thickness + collar_length + 2);
    // foot screws: vertical when assembled, horizontal when printed, hence teardrops whose
    // roof points away from the plate (up on the printer)
    for (y = [-plate_width / 2 + 12, plate_width / 2 - 12]) {
        x = inward > 0 ? foot_length - 10 : thickness - foot_length + 10;
        translate([x, y, -1]) rotate([0, 0, inward > 0 ? -90 : 90]) linear_extrude(height = foot_thickness + 2) teardrop(m4_clear_d);
    }
}

module motor_mount() {
    thickness = 5;  // M3 x 10 screws through the plate into the motor
    height = axis_z + 21.15 + 5;
    difference() {
        end_plate(thickness, height, +1);
        end_plate_holes(thickness, +1);
        translate([-1, 0, axis_z]) rotate([0, 90, 0]) cylinder(d = nema_boss_d, h = thickness + 2);
        for (dy = [-1, 1], dz = [-1, 1])
            translate([-1, dy * nema_hole_spacing / 2, axis_z + dz * nema_hole_spacing / 2])
                rotate([0, 90, 0]) cylinder(d = m3_clear_d, h = thickness + 2, $fn = 24);
    }
}

idler_thickness = 6;

module idler_end() {
    height = axis_z + bearing_608_d / 2 + 5;
    seat = bearing_608_depth + 2.7;   // the bearing sits on a 2.7 mm ledge
    difference() {
        union() {
            end_plate(idler_thickness, height, -1);
            // boss around the bearing, on the inner side, so the plate itself can stay thin
            translate([idler_thickness - seat, 0, axis_z]) rotate([0, 90, 0]) cylinder(d = bearing_608_d + 8, h = seat);
        }
        end_plate_holes(idler_thickness, -1);
        // 608 bearing seated from the inner face; the screw end and its nut pass the hole
        translate([idler_thickness - seat - 1, 0, axis_z]) rotate([0, 90, 0]) cylinder(d = bearing_608_d, h = bearing_608_depth + 1);
        translate([idler_thickness - seat - 1, 0, axis_z]) rotate([0, 90, 0]) cylinder(d = 16, h = seat + 2);
    }
}

// ---------------------------------------------------------------- plunger pusher (carriage)

pusher_length = 26;   // along x: holds the 24 mm bearings
pusher_bottom = axis_z - 13;

module plunger_pusher(ml) {
    s = syringe(ml);
    thumb_r = s[4] / 2 + 1;
    plunger_r = s[5] / 2 + 1;
    slot_x = 14;                  // the thumb press bears on the face x = slot_x
    slot_width = 3.6;
    arm_half_width = max(thumb_r + 6, 24);
    arm_top = syringe_axis_z + 8;
    difference() {
        rotate([90, 0, 90]) linear_extrude(height = pusher_length)
            rounded_outline(edge_r) union() {
                translate([-plate_width / 2 - 3, pusher_bottom]) square([plate_width + 6, 27]);
                translate([-arm_half_width, pusher_bottom + 20]) square([2 * arm_half_width, arm_top - pusher_bottom - 20]);
            }
        // LM8UU pockets open on the motor side, a lip on the other side keeps them in
        for (y = [-rod_spacing / 2, rod_spacing / 2]) {
            teardrop_x(lm8uu_d, -1, lm8uu_length, y, axis_z);
            teardrop_x(rod_slide_d + 1.4, -1, pusher_length + 1, y, axis_z);
        }
        teardrop_x(screw_clear_d, -1, pusher_length + 1, 0, axis_z);
        // nut trap, loaded from below; the nut pushes on its far wall while infusing and on
        // its near wall when the carriage is driven back
        translate([4, 0, 0]) {
            translate([0, -nut_flats / 2, pusher_bottom - 1]) cube([nut_thickness, nut_flats, axis_z - pusher_bottom + 1]);
            translate([0, 0, axis_z]) rotate([0, 90, 0]) cylinder(d = nut_flats / cos(30), h = nut_thickness, $fn = 6);
        }
        // slot that captures the thumb press, open at the top
        translate([slot_x, 0, 0]) hull_up(thumb_r, slot_width);
        // notch for the plunger rod in the front lip, so a siphoning syringe cannot run ahead
        translate([slot_x + slot_width - 0.01, 0, 0]) hull_up(plunger_r, pusher_length);
    }
}

// A disc of radius r at the syringe axis, extended upward out of the part, of length `length` along x.
module hull_up(r, length) {
    hull() for (dz = [0, 40])
        translate([0, 0, syringe_axis_z + dz]) rotate([0, 90, 0]) cylinder(r = r, h = length);
}

// ---------------------------------------------------------------- syringe clamp

clamp_length = 20;
clamp_bottom = axis_z - 12;

module syringe_clamp(ml) {
    s = syringe(ml);
    barrel_r = s[1] / 2 + 0.3;
    flange_half = s[2] / 2 + 1;
    flange_slot = s[3] + 0.8;
    plunger_r = s[5] / 2 + 1;
    rear_wall = 4;
    saddle_half = flange_half + 4;
    saddle_top = syringe_axis_z + 2;
    difference() {
        rotate([90, 0, 90]) linear_extrude(height = clamp_length)
            rounded_outline(edge_r) union() {
                translate([-plate_width / 2, clamp_bottom]) square([plate_width, 24]);
                translate([-saddle_half, clamp_bottom + 20]) square([2 * saddle_half, saddle_top - clamp_bottom - 20]);
            }
        for (y = [-rod_spacing / 2, rod_spacing / 2]) teardrop_x(rod_slide_d, -1, clamp_length + 1, y, axis_z);
        teardrop_x(screw_clear_d + 2, -1, clamp_length + 1, 0, axis_z);
        // the plunger passes the rear wall, the flange does not
        translate([-1, 0, 0]) hull_up(plunger_r, rear_wall + 2);
        // flange slot: the finger grips lie across (y), the barrel's pull is taken by the front
        translate([rear_wall, -flange_half, syringe_axis_z - barrel_r - 3])
            cube([flange_slot, 2 * flange_half, 50]);
        // cradle for the barrel
        translate([rear_wall + 0.5, 0, 0]) hull_up(barrel_r, clamp_length);
        // channel for a cable tie that holds the barrel down in its cradle
        translate([rear_wall + flange_slot + 4, -plate_width, syringe_axis_z - barrel_r - 5.5]) cube([5, 2 * plate_width, 2.5]);
    }
}

// ---------------------------------------------------------------- print orientation

// Motor mount: motor face down. Idler end: outer face down. Pusher and clamp print standing.
module print_pose(part) {
    if (part == "motor-mount") rotate([0, -90, 0]) children();
    else if (part == "idler-end") translate([0, 0, idler_thickness]) rotate([0, 90, 0]) children();
    else if (part == "plunger-pusher") translate([0, 0, -pusher_bottom]) children();
    else if (part == "syringe-clamp") translate([0, 0, -clamp_bottom]) children();
}
