// Idler end carrying the 608 bearing at the free end of the lead screw, printed outer face
// down. Geometry in pump.scad.
use <pump.scad>

print_pose("idler-end") idler_end();
