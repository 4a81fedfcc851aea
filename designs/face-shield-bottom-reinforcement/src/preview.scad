// Preview image: the bottom reinforcement as exported, ready to print.
$vpr = [55, 0, 200];
$vpt = [0, 0, 0];
$vpd = 400;

color("gold") import("../stl/bottom-reinforcement.stl");
