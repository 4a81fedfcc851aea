// Preview image: the assembled pump, which also shows that the parts fit together.
// Printed parts are read back from the exported STL files and returned from their printing
// pose to assembly coordinates; bought parts (motor, rods, lead screw, syringe) are drawn as
// plain shapes.
include <pump.scad>

$vpr = [62, 0, 325];
$vpt = [100, 0, 30];
$vpd = 640;

syringe_ml = 50;
pusher_x = 62;                                  // carriage position along the rods
clamp_x = 172;                                  // clamp resting against the idler end's collars
idler_x = clamp_x + clamp_length + collar_length;

s = syringe(syringe_ml);
flange_x = clamp_x + 4;
thumb_x = pusher_x + 14;

// printed parts
color("orange") rotate([0, 90, 0]) import("../stl/motor-mount.stl");
color("orange") translate([idler_x, 0, 0]) rotate([0, -90, 0]) translate([0, 0, -idler_thickness]) import("../stl/idler-end.stl");
color("darkorange") translate([pusher_x, 0, pusher_bottom]) import("../stl/plunger-pusher.stl");
color("darkorange") translate([clamp_x, 0, clamp_bottom]) import("../stl/syringe-clamp.stl");

// bought parts
color("dimgray") translate([-40, -21.15, axis_z - 21.15]) cube([40, 42.3, 42.3]);          // NEMA 17
color("silver") translate([3, 0, axis_z]) rotate([0, 90, 0]) cylinder(d = 19, h = 25);      // coupler
color("silver") for (y = [-rod_spacing / 2, rod_spacing / 2])
    translate([0, y, axis_z]) rotate([0, 90, 0]) cylinder(d = 8, h = idler_x + 10);           // rods
color("gray") translate([28, 0, axis_z]) rotate([0, 90, 0]) cylinder(d = 8, h = idler_x - 18); // M8 screw

// syringe: barrel from the flange forward, plunger from the thumb press into the barrel
color("white", 0.6) translate([flange_x, 0, syringe_axis_z]) rotate([0, 90, 0]) {
    cylinder(d = s[1], h = 110);
    translate([0, 0, 110]) cylinder(d1 = s[1], d2 = 6, h = 8);
}
color("white", 0.8) translate([flange_x, -s[2] / 2, syringe_axis_z - s[1] / 2 - 2]) cube([s[3], s[2], s[1] + 4]);
color("lightblue") translate([thumb_x, 0, syringe_axis_z]) rotate([0, 90, 0]) {
    cylinder(d = s[4], h = 2.5);
    cylinder(d = s[5] * 0.7, h = flange_x - thumb_x + 60);
}
