// Preview image: the headband as exported, worn side up, with its punched A4 sheet.
use <../../lib/sheet.scad>

$vpr = [68, 0, 200];
$vpt = [0, 20, -85];
$vpd = 780;

color("gold") import("../stl/headband.stl");
// visor arc: centre line radius 95, front 16 mm ahead of the band; holes 12 mm below the top edge
color("lightblue", 0.35) a4_sheet(sheet_radius = 96.6 + 0.15, centre_y = 92 + 3.2 + 16 + 1.6 - 95, top_z = 6 + 12);
