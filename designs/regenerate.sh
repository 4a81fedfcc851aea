#!/usr/bin/env bash
# Regenerates the design library from its OpenSCAD sources:
#   1. exports every part to binary STL with OpenSCAD, then puts its triangles in a canonical
#      order (OpenSCAD's order changes from run to run),
#   2. slices every part with the PrusaSlicer command line and the design's print profile,
#   3. renders every design's preview image (OpenSCAD under a virtual X display),
#   4. writes the measured numbers (sha-256, bytes, triangles, bounds, volume, slicer mass and
#      time) back into each design.yaml, in place, leaving every other line untouched,
#   5. loads and validates the whole library.
# Running it twice gives byte-identical files. Needs Debian's openscad, prusa-slicer and xvfb,
# plus Java 17 and Maven to build the manifest tool of this module.
#
# Usage: designs/regenerate.sh
set -euo pipefail

designs=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
project=$(dirname "$designs")

for tool in openscad prusa-slicer xvfb-run java mvn; do
    if ! command -v "$tool" >/dev/null; then
        echo "regenerate.sh: '$tool' is missing (apt-get install -y openscad prusa-slicer xvfb maven openjdk-17-jdk)" >&2
        exit 1
    fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== building the manifest tool"
mvn -B -q -f "$project/pom.xml" -pl designs -am -DskipTests \
    package dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/classpath.txt" >"$work/mvn.log" 2>&1 \
    || { cat "$work/mvn.log" >&2; exit 1; }
classpath="$designs/target/classes:$(cat "$work/classpath.txt")"
tool() { java -cp "$classpath" org.fabrique.designs.regenerate.RegenerateTool "$@"; }

tool plan "$designs" >"$work/plan"

echo "== exporting and slicing parts"
# The plan is read on descriptor 3 so that the tools run in the loop cannot swallow it.
while IFS='|' read -r -u 3 kind slug name scad stl defines options; do
    [[ $kind == part ]] || continue
    dir="$designs/$slug"
    read -r -a words <<<"$defines"
    args=()
    for word in "${words[@]}"; do args+=(-D "$word"); done
    mkdir -p "$(dirname "$dir/$stl")" "$work/gcode/$slug"
    start=$SECONDS
    openscad --export-format binstl -o "$dir/$stl" "${args[@]}" "$dir/$scad" >"$work/openscad.log" 2>&1 \
        || { cat "$work/openscad.log" >&2; exit 1; }
    if grep -E "^(WARNING|ERROR)" "$work/openscad.log" >&2; then
        echo "regenerate.sh: OpenSCAD reported problems for $slug/$scad" >&2
        exit 1
    fi
    tool canonicalize "$dir/$stl"
    read -r -a slicer_options <<<"$options"
    prusa-slicer --export-gcode "${slicer_options[@]}" --output "$work/gcode/$slug/$name.gcode" "$dir/$stl" \
        >"$work/slicer.log" 2>&1 || { cat "$work/slicer.log" >&2; exit 1; }
    echo "   $slug/$stl ($((SECONDS - start)) s)"
done 3<"$work/plan"

echo "== rendering previews"
while IFS='|' read -r -u 3 kind slug scad png; do
    [[ $kind == preview ]] || continue
    dir="$designs/$slug"
    # OpenSCAD needs an X display to render images; without one it crashes and leaves an empty file.
    xvfb-run -a -s "-screen 0 1024x768x24" \
        openscad -o "$dir/$png" --imgsize=800,600 --colorscheme=Cornfield "$dir/$scad" >"$work/preview.log" 2>&1 \
        || { cat "$work/preview.log" >&2; exit 1; }
    echo "   $slug/$png"
done 3<"$work/plan"

echo "== writing measurements into the manifests"
tool update "$designs" "$work/gcode"

echo "== validating the library"
tool check "$designs"
