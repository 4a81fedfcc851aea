#!/usr/bin/env bash
# Runs the JMH benchmarks of jstl (org.fabrique.jstl.bench.StlBenchmark) and prints their table.
# Usage: jstl/bench/jmh.sh [JMH options, e.g. -p triangles=2000000 or a benchmark name regex]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here/.."
mvn -B -q -pl jstl test-compile
classpath_file="$here/target/bench-classpath.txt"
mvn -B -q -pl jstl dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$classpath_file" > /dev/null
exec java -cp "$here/target/test-classes:$here/target/classes:$(cat "$classpath_file")" \
  org.openjdk.jmh.Main "$@"
