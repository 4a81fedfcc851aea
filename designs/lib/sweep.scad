// Sweeps a cross-section along a flat path and returns one closed polyhedron.
//
// path:     open polyline of [x, y] points (at least 2), in the XY plane.
// profiles: one profile per path point; a profile is a convex polygon of [u, z] points listed
//           counter-clockwise, u measured along the path's right-hand normal, z absolute.
//           Every profile must have the same number of points.
//
// Building the band as a single polyhedron keeps rounded edges cheap: CGAL only sees a
// few thousand facets instead of the hull-per-segment unions a CSG sweep would need.

function unit(v) = v / norm(v);

// Right-hand normal of the path at point i (outward for a counter-clockwise path).
function path_tangent(path, i) =
    let (n = len(path))
    unit(i == 0 ? path[1] - path[0]
         : i == n - 1 ? path[n - 1] - path[n - 2]
         : path[i + 1] - path[i - 1]);

function path_normal(path, i) = let (t = path_tangent(path, i)) [t[1], -t[0]];

module sweep(path, profiles) {
    stations = len(path);
    count = len(profiles[0]);
    assert(stations >= 2, "sweep needs at least two path points");
    assert(len(profiles) == stations, "sweep needs one profile per path point");
    points = [
        for (i = [0 : stations - 1])
            let (nrm = path_normal(path, i))
            for (p = profiles[i])
                [path[i][0] + p[0] * nrm[0], path[i][1] + p[0] * nrm[1], p[1]]
    ];
    function at(i, j) = i * count + (j % count);
    sides = [
        for (i = [0 : stations - 2])
            for (j = [0 : count - 1])
                each [[at(i, j), at(i, j + 1), at(i + 1, j + 1)], [at(i, j), at(i + 1, j + 1), at(i + 1, j)]]
    ];
    // Caps are fanned into triangles: the profile is convex, and triangles are always planar.
    start_cap = [for (j = [1 : count - 2]) [at(0, 0), at(0, j + 1), at(0, j)]];
    end_cap = [for (j = [1 : count - 2]) [at(stations - 1, 0), at(stations - 1, j), at(stations - 1, j + 1)]];
    polyhedron(points = points, faces = concat(sides, start_cap, end_cap), convexity = 4);
}

// Counter-clockwise rounded rectangle in (u, z): u in [-width/2, width/2], z in [z0, z0 + height].
function rounded_rectangle(width, height, radius, z0 = 0, segments = 3) =
    let (
        r = min(radius, width / 2 - 0.01, height / 2 - 0.01),
        corners = [
            [ width / 2 - r, z0 + r,          -90],
            [ width / 2 - r, z0 + height - r,   0],
            [-width / 2 + r, z0 + height - r,  90],
            [-width / 2 + r, z0 + r,          180]
        ]
    )
    [for (c = corners) for (k = [0 : segments]) let (a = c[2] + 90 * k / segments) [c[0] + r * cos(a), c[1] + r * sin(a)]];

// A band of constant cross-section swept along path, with both ends rounded in plan and
// elevation (the section shrinks along a quarter circle over the last half-thickness).
module rounded_band(path, thickness, height, edge_radius, end_steps = 4) {
    n = len(path);
    start_dir = -path_tangent(path, 0);
    end_dir = path_tangent(path, n - 1);
    function end_station(k) = let (a = 80 * k / end_steps) [thickness / 2 * sin(a), thickness * cos(a)];
    function section(w) =
        let (shrink = (thickness - w) / 2)
        rounded_rectangle(w, height - 2 * shrink, min(edge_radius, w / 2), shrink);
    start_stations = [for (k = [end_steps : -1 : 1]) end_station(k)];
    end_stations = [for (k = [1 : end_steps]) end_station(k)];
    full_path = concat(
        [for (s = start_stations) path[0] + s[0] * start_dir],
        path,
        [for (s = end_stations) path[n - 1] + s[0] * end_dir]
    );
    full_profiles = concat(
        [for (s = start_stations) section(s[1])],
        [for (i = [0 : n - 1]) section(thickness)],
        [for (s = end_stations) section(s[1])]
    );
    sweep(full_path, full_profiles);
}
