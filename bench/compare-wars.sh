#!/usr/bin/env bash
# Two (or more) builds of the WAR in one sitting, taking turns: each starts on Payara Micro with a fresh
# H2 database and the demo data, gets the same warm-up (ROUNDS x DURATION of ping and of the presence
# user record), then one measured DURATION of each; prints one line per WAR with requests/s and the
# user record's share of ping. Give a WAR more than once to alternate (A B A B): a machine's drift
# between runs is then visible beside the difference between builds.
#
#   cp target/anteroom.war /tmp/before.war   # ... change, build ...
#   bench/compare-wars.sh /tmp/before.war target/anteroom.war /tmp/before.war target/anteroom.war
#
# Knobs: CONNECTIONS (32), DURATION (15s), ROUNDS (2), THREADS (2), PORT (18580), ANTEROOM_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-15s}
ROUNDS=${ROUNDS:-2}
THREADS=${THREADS:-2}
PORT=${PORT:-18580}
WORK=target/bench-wars
BASE="http://127.0.0.1:$PORT"
[ $# -ge 1 ] || { echo "usage: bench/compare-wars.sh WAR [WAR...]" >&2; exit 2; }
for war in "$@"; do [ -f "$war" ] || { echo "no such WAR: $war" >&2; exit 2; }; done

SERVER=
trap 'trap - EXIT INT TERM; stop_server "$SERVER"' EXIT
trap 'exit 130' INT TERM
install_wrk
port_free "$PORT"
# Payara Micro itself, as the ITs and bench/run.sh use it (the WARs are given).
[ -f target/payara-micro/payara-micro.jar ] || mvn -B -q dependency:copy@payara-micro-for-its

printf '%-40s %12s %16s %10s\n' war "ping req/s" "user req/s" "of ping"
for war in "$@"; do
  rm -rf "$WORK" && mkdir -p "$WORK"
  start_payara "$PORT" "$war" "$WORK/server.log" \
    -Danteroom.db.url="jdbc:h2:file:./$WORK/anteroom;WRITE_DELAY=0" -Danteroom.demo=true \
    -Danteroom.mail.outbox="$WORK/outbox"
  wait_ready "$BASE/ops/ping" "$SERVER" >/dev/null
  cookie=$(presence_session "$BASE" "$WORK/outbox")
  for _ in $(seq 1 "$ROUNDS"); do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$BASE/ops/ping" >/dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -H "Cookie: $cookie" "$BASE/presence/user" >/dev/null
  done
  read -r _ ping _ _ ping_failed < <(measure ping "$CONNECTIONS" "$DURATION" "$BASE/ops/ping")
  read -r _ user _ _ user_failed < <(measure presence-user "$CONNECTIONS" "$DURATION" "$BASE/presence/user" "" "Cookie: $cookie")
  [ "$ping_failed$user_failed" = 00 ] || echo "failed answers: ping $ping_failed, user $user_failed" >&2
  printf '%-40s %12s %16s %9.1f%%\n' "$war" "$ping" "$user" "$(awk -v u="$user" -v p="$ping" 'BEGIN { print 100 * u / p }')"
  stop_server "$SERVER"
  SERVER=
done
