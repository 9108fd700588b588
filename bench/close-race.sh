#!/usr/bin/env bash
# Payara's race on server-initiated WebSocket closes (docs/admin.md, "WebSocket closes on Payara"),
# measured: the built WAR on Payara Micro, refused hub upgrades (the server closes with 1008 at once)
# beside plain pings, first with a client that answers each close frame at once (as browsers do), then
# with one that holds its answer back 250 ms (as the ITs' client does). Prints, per mode, the upgrades
# and pings that went wrong and the stack traces the server logged meanwhile. Run it again on a new
# Payara release: a release that fixes the race shows no spoiled upgrades in the "answer" row.
#
#   bench/close-race.sh
#   DURATION=30 bench/close-race.sh
#
# Knobs: DURATION (seconds per mode, 90), PORT (18480), ANTEROOM_JAVA_OPTS (bench/lib.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

DURATION=${DURATION:-90}
PORT=${PORT:-18480}
WORK=target/bench-close-race
BASE="http://127.0.0.1:$PORT"

SERVER=
trap 'trap - EXIT INT TERM; stop_server "$SERVER"' EXIT
trap 'exit 130' INT TERM

port_free "$PORT"
build_anteroom
rm -rf "$WORK" && mkdir -p "$WORK"
start_anteroom "$PORT" "$WORK/db" "$WORK/server.log"
echo "Payara Micro ready after $(wait_ready "$BASE/ops/ping" "$SERVER") s; $DURATION s per mode" >&2

# Stack traces in the server's log (a trace's first "at" line after a line that is not one).
traces() { awk '/^[[:space:]]+at / { if (!inside) n++; inside = 1; next } { inside = 0 } END { print n + 0 }' "$WORK/server.log"; }

printf '%-8s %12s %16s %12s %14s %14s\n' mode "1008 closes" "spoiled upgrades" pings "spoiled pings" "logged traces"
for mode in answer held; do
  before=$(traces)
  read -r _ closes spoiled pings spoiled_pings < <(java bench/CloseRace.java "$BASE" "$mode" "$DURATION")
  sleep 2 # a failure is logged after its answer
  printf '%-8s %12s %16s %12s %14s %14s\n' "$mode" "$closes" "$spoiled" "$pings" "$spoiled_pings" $(($(traces) - before))
done
