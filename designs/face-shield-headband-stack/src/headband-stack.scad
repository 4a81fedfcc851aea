// Several face-shield headbands printed in one job, one on top of the other. Each band is
// separated from the next by an empty gap of one layer: the slicer leaves that layer empty
// (and says so), lays the next band on the previous one without fusing, and the bands come
// apart by hand. Print with the layer height equal to `separation`.
use <../../lib/face_shield.scad>

count = 4;           // headbands per print
band_height = 12;    // as in face-shield-headband
separation = 0.3;    // one layer of the print profile
holes = 4;

for (k = [0 : count - 1])
    translate([0, 0, k * (band_height + separation)])
        headband(band_height = band_height, holes = holes);
