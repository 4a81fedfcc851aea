// Motor mount for a NEMA 17 stepper, printed motor face down. Geometry in pump.scad.
use <pump.scad>

print_pose("motor-mount") motor_mount();
