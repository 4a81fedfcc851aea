#!/bin/sh
# Container entry point of a virtual maker agent: registers with the coordinator and declares a
# virtual printer on first start (kept in the /data volume), then runs the agent.
#   FABRIQUE_COORDINATOR   coordinator URL (required)
#   FABRIQUE_POSTCODE      maker's postcode (default 69003)
#   FABRIQUE_SPEED_FACTOR  virtual printer speed (default 600: a 90-minute part takes 9 s)
#   FABRIQUE_FAILURE_RATE  probability that one item fails (default 0.05)
set -eu
agent() { java -Xmx32m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar /app/fabrique-agent.jar --home "$FABRIQUE_AGENT_HOME" "$@"; }

if [ ! -f "$FABRIQUE_AGENT_HOME/agent.properties" ]; then
  until agent register --coordinator "$FABRIQUE_COORDINATOR" --postcode "${FABRIQUE_POSTCODE:-69003}"; do
    echo "waiting for the coordinator at $FABRIQUE_COORDINATOR..."
    sleep 5
  done
  agent printers add printer-1 --model "Virtual printer" --bed 250x210x210 --nozzle 0.4 --materials PETG,PLA \
    --driver virtual --speed-factor "${FABRIQUE_SPEED_FACTOR:-600}" --failure-rate "${FABRIQUE_FAILURE_RATE:-0.05}" \
    --max-batch 4
fi
exec java -Xmx32m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar /app/fabrique-agent.jar \
  --home "$FABRIQUE_AGENT_HOME" run
