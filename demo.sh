#!/usr/bin/env bash
# Starts Fabrique on this machine: the coordinator on its embedded store with demo hospitals and
# needs, and three maker agents with virtual printers, then shows lots flowing to approval.
# Ctrl-C stops everything. Data stays in .fabrique/demo (delete it to start afresh).
#
#   ./demo.sh                 # http://localhost:8080
#   PORT=9090 ./demo.sh       # another port
set -euo pipefail
cd "$(dirname "$0")"

port="${PORT:-8080}"
url="http://localhost:${port}"
demo_dir="${FABRIQUE_DEMO_DIR:-.fabrique/demo}"
coordinator_jar=coordinator/target/fabrique-coordinator.jar
agent_jar=maker-agent/target/fabrique-agent.jar
agents=(
  "69007 Prusa-i3-MK3S 250x210x210 PETG,PLA"
  "38000 Creality-Ender-3 220x220x250 PETG,PLA"
  "13005 Bambu-Lab-P1S 256x256x256 PETG"
)

say() { printf '\033[1m%s\033[0m\n' "$*"; }

command -v java >/dev/null || { echo "Java 17 or newer is needed (Debian: apt-get install openjdk-17-jdk-headless)" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is needed (Debian: apt-get install curl)" >&2; exit 1; }
if [[ ! -f $coordinator_jar || ! -f coordinator/target/app/fabrique-coordinator.jsa || ! -f $agent_jar || -n "$(find jstl/src designs/src coordinator/src maker-agent/src -newer "$coordinator_jar" -type f -print -quit)" ]]; then
  command -v mvn >/dev/null || { echo "Maven is needed to build (Debian: apt-get install maven)" >&2; exit 1; }
  say "Building (first run takes a few minutes)..."
  mvn -B -ntp -DskipTests package
fi
if curl -fsS -o /dev/null "$url/actuator/health" 2>/dev/null; then
  echo "Something already answers on $url; stop it or choose another port: PORT=9090 ./demo.sh" >&2
  exit 1
fi

mkdir -p "$demo_dir"
pids=()
stop() {
  trap - INT TERM EXIT
  say "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

say "Starting the coordinator on $url (embedded store in $demo_dir/coordinator)"
coordinator/bin/fabrique-coordinator --server.port="$port" --fabrique.data-dir="$demo_dir/coordinator" \
  --fabrique.demo=true --fabrique.public-url="$url" --fabrique.lots.no-work-retry-after=5s \
  >"$demo_dir/coordinator.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "$url/actuator/health" 2>/dev/null && break
  kill -0 "${pids[0]}" 2>/dev/null || { echo "The coordinator stopped; see $demo_dir/coordinator.out" >&2; exit 1; }
  sleep 1
done
curl -fsS -o /dev/null "$url/actuator/health" || { echo "The coordinator did not become healthy; see $demo_dir/coordinator.out" >&2; exit 1; }

agent() { java -Xmx48m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$agent_jar" "$@"; }
n=0
for spec in "${agents[@]}"; do
  n=$((n + 1))
  read -r postcode model bed materials <<<"$spec"
  home="$demo_dir/agent-$n"
  if [[ ! -f $home/agent.properties ]]; then
    agent --home "$home" register --coordinator "$url" --postcode "$postcode" --pseudonym "demo-maker-$n" >/dev/null
    agent --home "$home" printers add printer-1 --model "${model//-/ }" --bed "$bed" --nozzle 0.4 \
      --materials "$materials" --driver virtual --speed-factor 600 --failure-rate 0.05 --max-batch 4 >/dev/null
  fi
  agent --home "$home" run >"$demo_dir/agent-$n.out" 2>&1 &
  pids+=($!)
  say "Maker agent $n ($model, postcode $postcode) running; its log: $demo_dir/agent-$n.out"
done

token="$(cat "$demo_dir/coordinator/coordinator-token")"
cat <<INFO

  Coordinator dashboard  $url/dashboard   (coordinator token: $demo_dir/coordinator/coordinator-token)
  Hospital desk          $url/desk        (demo staff tokens: $demo_dir/coordinator/demo-accounts.txt)
  Public page            $url/
  API and its docs       $url/swagger-ui.html   (walk-through: docs/api.md)

  The demo inspector receives and decides shipped lots for the demo hospitals. Ctrl-C stops all.

INFO
while true; do
  summary="$(curl -fsS -H "Authorization: Bearer $token" "$url/api/lots?limit=1000" 2>/dev/null \
    | grep -o '"state":"[A-Z]*"' | sort | uniq -c | awk '{gsub(/"state":"|"/,"",$2); printf "%s %s  ", $1, $2}')" || true
  printf '%s  lots: %s\n' "$(date +%H:%M:%S)" "${summary:-none yet}"
  sleep 10
done
