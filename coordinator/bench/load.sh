#!/usr/bin/env bash
# Load test of the coordinator. Starts it on a fresh data directory (embedded store, unless
# --mongodb-uri), times its start to /actuator/health UP, drives it with the load generator
# (loadgen/), prints the figures, and stops it. loadgen/README.md explains options and output.
#
#   coordinator/bench/load.sh                          # default preset: a few minutes on 2 cores
#   coordinator/bench/load.sh --preset scale           # as close to DESIGN.md's scale as the machine allows
#   coordinator/bench/load.sh --prefill-lots 10000     # grow the store first and watch it slow down
#   coordinator/bench/load.sh --profile                # also a JFR profile of the coordinator, summarised
#   coordinator/bench/load.sh --startup-runs 5         # only time start-up, 5 times on fresh data
#   coordinator/bench/load.sh --startup-runs 5 --plain-jar   # the same for plain `java -jar fabrique-coordinator.jar`
#   coordinator/bench/load.sh -- --makers 500          # anything after -- goes to the load generator
#
# Options:
#   --preset default|scale   default: 2,000 makers, 50 hospitals, heartbeats every 3 s (the request
#                            rate of 20,000 agents at 30 s), 60 s phases; a few minutes on 2 cores.
#                            scale: 20,000 makers, 500 hospitals, claim burst and 120 s of heartbeats
#                            at the real 30 s; no lot cycle (add -- --phases claim,heartbeat,cycle).
#   --prefill-lots N         lots created (claim + release) before the phases
#   --mongodb-uri URI        a real MongoDB instead of the embedded store (use a fresh database)
#   --token TOKEN            coordinator token, when the database already has a coordinator
#   --java PATH              java binary for both processes (default: java on the PATH)
#   --jvm-opts "OPTS"        coordinator JVM options (default: "-XX:+UseG1GC -Xms256m -Xmx1g")
#   --port N                 coordinator port (default: 18480)
#   --profile                JFR-profile the coordinator during the load and print its hot methods
#   --startup-runs N         only time start-up N times (fresh data directory each), then stop
#   --plain-jar              start `java -jar coordinator/target/fabrique-coordinator.jar` instead of the
#                            fast start of bin/fabrique-coordinator (extracted jar + class-data-sharing
#                            archive, both made by `mvn package`)
#   --keep                   keep the data directory; outputs always stay in coordinator/target/bench/
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
coordinator_jar="$root/coordinator/target/fabrique-coordinator.jar"
loadgen_jar="$root/loadgen/target/fabrique-loadgen.jar"

preset=default
port=18480
java_bin=java
jvm_opts="-XX:+UseG1GC -Xms256m -Xmx1g"
mongodb_uri=""
token=""
prefill=0
profile=false
startup_runs=0
keep=false
plain_jar=false
loadgen_args=()
command_line="coordinator/bench/load.sh $*"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --preset) preset="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --java) java_bin="$2"; shift 2 ;;
    --jvm-opts) jvm_opts="$2"; shift 2 ;;
    --mongodb-uri) mongodb_uri="$2"; shift 2 ;;
    --token) token="$2"; shift 2 ;;
    --prefill-lots) prefill="$2"; shift 2 ;;
    --profile) profile=true; shift ;;
    --startup-runs) startup_runs="$2"; shift 2 ;;
    --keep) keep=true; shift ;;
    --plain-jar) plain_jar=true; shift ;;
    --) shift; loadgen_args=("$@"); break ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

case "$preset" in
  default) preset_args=(--makers 2000 --hospitals 50 --heartbeat-interval 3s --heartbeat-duration 60s
                        --cycle-duration 60s --concurrency 512) ;;
  scale) preset_args=(--makers 20000 --hospitals 500 --heartbeat-interval 30s --heartbeat-duration 120s
                      --phases "claim,heartbeat" --concurrency 1000) ;;
  *) echo "unknown preset: $preset (default or scale)" >&2; exit 2 ;;
esac

app_dir="$root/coordinator/target/app"
if [[ ! -f $coordinator_jar || ( $plain_jar == false && ! -f $app_dir/fabrique-coordinator.jsa ) ]]; then
  mvn -B -q -f "$root/pom.xml" -pl coordinator -am package -DskipTests
fi
if [[ ! -f $loadgen_jar ]]; then
  mvn -B -q -f "$root/pom.xml" -pl loadgen package -DskipTests
fi

url="http://127.0.0.1:$port"
if curl -fsS -o /dev/null --max-time 2 "$url/actuator/health" 2>/dev/null; then
  echo "Something already answers on $url; choose another --port" >&2
  exit 1
fi
out_dir="$root/coordinator/target/bench/load-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out_dir"
# Copies, so that rebuilding during a run cannot pull classes from under the running JVMs. The fast
# start runs in place: its archive is only valid for the jars it was made from, where they are.
run_jar="$out_dir/fabrique-coordinator.jar"
if [[ $plain_jar == true ]]; then
  launch=(-jar "$run_jar")
  launch_text="java -jar fabrique-coordinator.jar"
else
  launch=(-XX:SharedArchiveFile="$app_dir/fabrique-coordinator.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off
          -jar "$app_dir/fabrique-coordinator.jar")
  launch_text="fast start: extracted jar with its class-data-sharing archive, as bin/fabrique-coordinator"
fi
run_loadgen="$out_dir/fabrique-loadgen.jar"
cp "$coordinator_jar" "$run_jar"
cp "$loadgen_jar" "$run_loadgen"
data_dir="$(mktemp -d "${TMPDIR:-/tmp}/fabrique-load.XXXXXX")"
jdk_bin="$(dirname "$(readlink -f "$(command -v "$java_bin")")")"
pid=""

stop_coordinator() {
  [[ -n $pid ]] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
}
# shellcheck disable=SC2317 # called by the trap
cleanup() {
  stop_coordinator
  rm -f "$run_jar" "$run_loadgen"
  if [[ $keep == false ]]; then rm -rf "$data_dir"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

rss_mb() { awk -v f="$2:" '$1 == f { printf "%d MB", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "n/a"; }

# Starts the coordinator on a fresh data directory and prints the time to /actuator/health UP.
start_coordinator() {
  local data="$1" log="$2" started now
  local args=(--server.port="$port" --fabrique.data-dir="$data" --fabrique.designs.library-dir="$root/designs")
  [[ -n $mongodb_uri ]] && args+=(--spring.mongodb.uri="$mongodb_uri")
  local profiling=()
  [[ $profile == true ]] && profiling=(-XX:FlightRecorderOptions:stackdepth=256)
  started=$(date +%s%N)
  # shellcheck disable=SC2086 # jvm_opts is a list of options
  "$java_bin" $jvm_opts "${profiling[@]}" "${launch[@]}" "${args[@]}" >"$log" 2>&1 &
  pid=$!
  until curl -fsS --max-time 1 "$url/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "The coordinator stopped during start-up; see $log" >&2
      exit 1
    fi
    now=$(date +%s%N)
    if (( now - started > 120000000000 )); then
      echo "The coordinator was not healthy within 120 s; see $log" >&2
      exit 1
    fi
    sleep 0.05
  done
  now=$(date +%s%N)
  healthy_seconds=$(awk -v ns="$((now - started))" 'BEGIN { printf "%.2f", ns / 1e9 }')
}

echo "== Coordinator load test, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "command:     $command_line"
echo "machine:     $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
echo "coordinator: jar built $(date -u -r "$coordinator_jar" +%Y-%m-%dT%H:%M:%SZ), tree at $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo "?")$(git -C "$root" diff --quiet HEAD -- coordinator 2>/dev/null || echo " with uncommitted changes in coordinator/")"
echo "java:        $("$java_bin" -version 2>&1 | head -1), options: $jvm_opts"
echo "launch:      $launch_text"
echo "store:       ${mongodb_uri:+MongoDB at $mongodb_uri}${mongodb_uri:-embedded (H2 file store in a fresh data directory)}"
echo "outputs:     $out_dir"

if (( startup_runs > 0 )); then
  times=()
  for run in $(seq 1 "$startup_runs"); do
    run_data="$data_dir/run-$run"
    start_coordinator "$run_data" "$out_dir/coordinator-start-$run.out"
    sleep 1
    echo "start $run: healthy after $healthy_seconds s, RSS $(rss_mb "$pid" VmRSS) one second later"
    times+=("$healthy_seconds")
    stop_coordinator
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { printf "median of %d starts: %.2f s (min %.2f, max %.2f)\n", NR, (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2), t[1], t[NR] }'
  exit 0
fi

start_coordinator "$data_dir" "$out_dir/coordinator.out"
echo "start-up:    healthy after $healthy_seconds s (process start to /actuator/health UP); RSS $(rss_mb "$pid" VmRSS)"

if [[ $profile == true ]]; then
  "$jdk_bin/jcmd" "$pid" JFR.start name=load settings=profile filename="$out_dir/coordinator.jfr" >/dev/null
fi

token_args=(--token-file "$data_dir/coordinator-token")
[[ -n $token ]] && token_args=(--token "$token")
status=0
"$java_bin" -XX:+UseParallelGC -Xmx1g -jar "$run_loadgen" --url "$url" "${token_args[@]}" --coordinator-pid "$pid" \
  --prefill-lots "$prefill" "${preset_args[@]}" "${loadgen_args[@]}" 2>&1 | tee "$out_dir/loadgen.out" || status=$?

echo
echo "coordinator: RSS at the end $(rss_mb "$pid" VmRSS), peak $(rss_mb "$pid" VmHWM); load average now $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ $profile == true ]]; then
  "$jdk_bin/jcmd" "$pid" JFR.stop name=load >/dev/null
  echo
  echo "== Coordinator CPU profile during the load (JFR execution samples; $out_dir/coordinator.jfr)"
  "$java_bin" -cp "$run_loadgen" org.fabrique.loadgen.HotMethods "$out_dir/coordinator.jfr" 15 "$out_dir/loadgen.out" \
    | tee "$out_dir/hot-methods.txt"
fi
stop_coordinator
errors=$(grep -ac '^[0-9T:.-]*Z *ERROR' "$out_dir/coordinator.out" || true)
warnings=$(grep -ac '^[0-9T:.-]*Z *WARN' "$out_dir/coordinator.out" || true)
echo "coordinator log: $errors ERROR and $warnings WARN lines ($out_dir/coordinator.out)"
exit "$status"
