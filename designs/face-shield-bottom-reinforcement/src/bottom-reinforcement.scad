// Bottom reinforcement: an arc clipped to the holes punched along the sheet's lower edge.
// It gives the sheet the same curvature as the visor arc of the headband, so the shield
// stays a clean cylinder in front of the face and does not flap.
use <../../lib/face_shield.scad>

sheet_radius = 96.6;   // outer face of the headband's visor arc (95 + 3.2 / 2)
thickness = 4;
height = 10;

bottom_reinforcement(sheet_radius = sheet_radius, thickness = thickness, height = height);
