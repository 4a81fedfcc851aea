#!/usr/bin/env bash
# Footprint benchmark of the maker agent: executable jar size, time from starting the JVM to the
# agent's "ready" line (config loaded, coordinator answered), and resident memory after ~20 s of
# 'run' with no work available, all with the launcher's small-footprint JVM options.
#
#   maker-agent/bench/footprint.sh [COORDINATOR_URL]
#
# Without a URL a stub coordinator is started (the tests' fake coordinator, answering 204 "no work"
# to every claim); it needs the test classes: mvn -pl maker-agent -am test-compile package.
# With a URL, give a maker token in FABRIQUE_TOKEN, or the benchmark registers a new maker
# (self-registration must be open on that coordinator).
# Settings: STARTS (ready-time samples, default 5), IDLE_SECONDS (default 20).
set -euo pipefail

module="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$module/target/fabrique-agent.jar"
launcher="$module/bin/fabrique-agent"
starts="${STARTS:-5}"
idle_seconds="${IDLE_SECONDS:-20}"

if [[ ! -f "$jar" ]]; then
  echo "no $jar: build it first with 'mvn -pl maker-agent -am package'" >&2
  exit 1
fi

work="$(mktemp -d)"
stub_pid=""
agent_pid=""
cleanup() {
  [[ -n "$agent_pid" ]] && kill "$agent_pid" 2>/dev/null || true
  [[ -n "$stub_pid" ]] && kill "$stub_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

wait_for_line() { # file pattern timeout_seconds
  local deadline=$(( $(now_ms) + $3 * 1000 ))
  until grep -q -- "$2" "$1" 2>/dev/null; do
    if (( $(now_ms) > deadline )); then
      echo "timed out waiting for '$2' in $1:" >&2
      cat "$1" >&2
      return 1
    fi
    sleep 0.005
  done
}

url="${1:-}"
token="${FABRIQUE_TOKEN:-}"
if [[ -z "$url" ]]; then
  if [[ ! -d "$module/target/test-classes/org/fabrique/agent/fake" ]]; then
    echo "no stub coordinator: compile the test classes first with 'mvn -pl maker-agent -am test-compile'" >&2
    exit 1
  fi
  java -Xmx64m -cp "$module/target/test-classes:$jar" org.fabrique.agent.fake.FakeCoordinator > "$work/stub.log" 2>&1 &
  stub_pid=$!
  wait_for_line "$work/stub.log" "fake coordinator" 20
  url="$(awk '/fake coordinator/ {print $3}' "$work/stub.log")"
  token="$(awk '/fake coordinator/ {print $5}' "$work/stub.log")"
  echo "stub coordinator: $url (answers 204 to every claim)"
fi

home="$work/home"
if [[ -n "$token" ]]; then
  "$launcher" --home "$home" login --coordinator "$url" --token "$token" > /dev/null
else
  "$launcher" --home "$home" register --coordinator "$url" --postcode 69003 --pseudonym "footprint-bench" > /dev/null
fi
"$launcher" --home "$home" printers add bench-1 --model "Bench printer" --bed 250x210x210 --nozzle 0.4 \
  --materials PETG,PLA --speed-factor 600 > /dev/null

jar_bytes=$(stat -c %s "$jar")
echo "jar: $jar"
awk -v b="$jar_bytes" 'BEGIN { printf "jar size: %d bytes (%.2f MB)\n", b, b / 1048576 }'
echo "JVM options: ${FABRIQUE_AGENT_JAVA_OPTS:-launcher defaults}"
echo "java: $(java -version 2>&1 | head -1)"

ready_times=()
for i in $(seq 1 "$starts"); do
  out="$work/ready-$i.log"
  t0=$(now_ms)
  "$launcher" --home "$home" run --once > "$out" 2>&1 &
  pid=$!
  wait_for_line "$out" " ready: " 30
  t1=$(now_ms)
  wait "$pid" || { echo "run --once failed:" >&2; cat "$out" >&2; exit 1; }
  ready_times+=($(( t1 - t0 )))
done
sorted=($(printf '%s\n' "${ready_times[@]}" | sort -n))
echo "start to ready (ms), $starts starts: ${ready_times[*]}; median ${sorted[$(( starts / 2 ))]}, best ${sorted[0]}, worst ${sorted[$(( starts - 1 ))]}"

"$launcher" --home "$home" run > "$work/idle.log" 2>&1 &
agent_pid=$!
wait_for_line "$work/idle.log" " ready: " 30
samples=()
for s in $(seq 1 "$idle_seconds"); do
  sleep 1
  samples+=($(ps -o rss= -p "$agent_pid" | tr -d ' '))
done
rss_kb=${samples[-1]}
max_kb=$(printf '%s\n' "${samples[@]}" | sort -n | tail -1)
awk -v s="$idle_seconds" -v r="$rss_kb" -v m="$max_kb" 'BEGIN {
  printf "idle RSS after %d s of run with no work: %d KB (%.1f MB); highest sample %d KB (%.1f MB)\n", s, r, r / 1024, m, m / 1024 }'
echo "threads: $(ls /proc/"$agent_pid"/task | wc -l)"

kill -TERM "$agent_pid"
wait "$agent_pid" 2>/dev/null || true
agent_pid=""
echo "agent log (idle run):"
sed 's/^/  /' "$work/idle.log"
