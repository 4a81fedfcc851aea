// Syringe clamp: cradle for the barrel and a slot for its finger grips, sliding on the rods
// against the idler end. Printed standing. Parameter: syringe_ml = 10, 20 or 50 (nominal sizes
// in pump.scad).
use <pump.scad>

syringe_ml = 50;

print_pose("syringe-clamp") syringe_clamp(syringe_ml);
