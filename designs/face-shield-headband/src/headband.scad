// Face-shield headband, printed flat. The geometry and every dimension live in
// ../../lib/face_shield.scad; the parameters most often changed are repeated here.
use <../../lib/face_shield.scad>

band_height = 12;   // width of the band on the forehead (at least 10 mm)
holes = 4;          // sheet pins: 4 for 4-hole punched sheets, 2 for 2-hole ones (80 mm pitch)

headband(band_height = band_height, holes = holes);
