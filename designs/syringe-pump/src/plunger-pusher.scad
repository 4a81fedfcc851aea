// Plunger pusher (carriage): two LM8UU, the M8 nut, and a slot that captures the thumb press.
// Printed standing. Parameter: syringe_ml = 10, 20 or 50 (nominal sizes in pump.scad).
use <pump.scad>

syringe_ml = 50;

print_pose("plunger-pusher") plunger_pusher(syringe_ml);
