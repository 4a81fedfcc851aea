// Preview image: the stack of headbands as exported, ready to print.
$vpr = [62, 0, 200];
$vpt = [0, 40, 20];
$vpd = 480;

color("gold") import("../stl/headband-stack.stl");
