#!/usr/bin/env bash
# Times `jstl info` against admesh on the same 2-million-triangle torus, binary (100 MB) and
# ASCII, runs alternating, JVM start included, and prints medians, peak resident memory and the
# ratio admesh / jstl (above 1: jstl is faster). jstl runs through its launcher, jstl/bin/jstl,
# with the JVM options documented there.
#
# Usage: jstl/bench/compare-admesh.sh [runs]        (default 5 runs of each tool per file)
# Env:   JSTL_JAVA_OPTS  JVM options for jstl (default: those of jstl/bin/jstl)
#        JAVA            the java to run (default: java on the PATH)
#        TRIANGLES       size of the generated torus (default 2000000)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
triangles=${TRIANGLES:-2000000}
jstl="$here/bin/jstl"
jar="$here/target/jstl.jar"
work="$here/target/bench"
binary="$work/torus-$triangles.stl"
ascii="$work/torus-$triangles-ascii.stl"

if [ ! -f "$jar" ]; then
  mvn -B -q -f "$here/../pom.xml" -pl jstl package -DskipTests
fi
if ! command -v admesh > /dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y admesh > /dev/null
  else
    echo "admesh is missing: sudo apt-get install admesh" >&2
    exit 1
  fi
fi
if [ ! -x /usr/bin/time ]; then
  echo "GNU time (/usr/bin/time) is missing: apt-get install time" >&2
  exit 1
fi

mkdir -p "$work"
[ -f "$binary" ] || java -jar "$jar" generate torus "$triangles" "$binary"
[ -f "$ascii" ] || java -jar "$jar" generate torus "$triangles" "$ascii" --ascii

# Both tools must agree that the mesh is closed, or the comparison means nothing.
"$jstl" check "$binary" > /dev/null
admesh --exact --normal-directions "$binary" | grep -q "Total disconnected facets *: *0 "

# Runs a command once; appends "seconds kilobytes" to the named file.
measure() {
  local log=$1
  shift
  /usr/bin/time -f "%e %M" -o "$log.last" "$@" > /dev/null
  cat "$log.last" >> "$log"
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java:    $("${JAVA:-java}" -version 2>&1 | head -1)"
echo "options: ${JSTL_JAVA_OPTS:-those of jstl/bin/jstl: $(sed -n 's/.*JSTL_JAVA_OPTS:-\(.*\)} \\$/\1/p' "$jstl")}"
echo "admesh:  $(admesh --version 2>&1 | head -1)"
echo "runs:    $runs of each, alternating; wall time median (s), peak RSS max (MB)"
printf '\n%-34s %10s %10s %10s %10s %8s\n' file "jstl s" "admesh s" "jstl MB" "admesh MB" ratio
for file in "$binary" "$ascii"; do
  jstl_log=$(mktemp)
  admesh_log=$(mktemp)
  for _ in $(seq "$runs"); do
    measure "$jstl_log" "$jstl" info "$file"
    measure "$admesh_log" admesh --exact --normal-directions "$file"
  done
  jstl_s=$(cut -d' ' -f1 "$jstl_log" | median)
  admesh_s=$(cut -d' ' -f1 "$admesh_log" | median)
  jstl_mb=$(cut -d' ' -f2 "$jstl_log" | sort -n | tail -1 | awk '{ printf "%.0f", $1 / 1024 }')
  admesh_mb=$(cut -d' ' -f2 "$admesh_log" | sort -n | tail -1 | awk '{ printf "%.0f", $1 / 1024 }')
  ratio=$(awk -v a="$admesh_s" -v j="$jstl_s" 'BEGIN { printf "%.2f", a / j }')
  printf '%-34s %10s %10s %10s %10s %7sx\n' "$(basename "$file") ($(($(stat -c %s "$file") / 1000000)) MB)" \
    "$jstl_s" "$admesh_s" "$jstl_mb" "$admesh_mb" "$ratio"
  rm -f "$jstl_log" "$jstl_log.last" "$admesh_log" "$admesh_log.last"
done
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
