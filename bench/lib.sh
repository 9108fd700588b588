# Shared benchmark functions, sourced by bench/compare-keycloak.sh (and meant for bench/run.sh):
# build, start Payara Micro on a fresh H2 database, wait until ready, wrk, tokens and sessions, heap
# and resident memory. Callers set `set -euo pipefail`, cd to the repository root and set WORK
# (output directory) and THREADS (wrk threads) before calling these.

# The JVM options of the benchmark's Payara Micro: a bounded heap and the serial collector, for two
# cores (docs/admin.md, "JVM options"). Override with ANTEROOM_JAVA_OPTS.
ANTEROOM_JAVA_OPTS=${ANTEROOM_JAVA_OPTS:--Xms256m -Xmx512m -XX:+UseSerialGC}

install_wrk() {
  if ! command -v wrk >/dev/null; then
    echo "Installing wrk (Debian package)..." >&2
    (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null
  fi
}

build_anteroom() { # the WAR (target/anteroom.war) and the Payara Micro the ITs use (target/payara-micro/)
  mvn -B -q -DskipTests package dependency:copy@payara-micro-for-its
}

now() { date +%s.%N; }

# Fails when something already answers on $1: a second server there would spoil every figure.
port_free() {
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/"; then
    echo "port $1 is in use; choose another (see the script's PORT knobs)" >&2
    return 1
  fi
}

# start_payara PORT WAR LOG [java options...]: starts the WAR on Payara Micro at context root / with
# the pre-boot commands every Anteroom run uses; sets SERVER to its process id and STARTED to the
# time just before the process started. The caller's EXIT trap stops it (stop_server).
start_payara() {
  local port=$1 war=$2 log=$3
  shift 3
  STARTED=$(now)
  # shellcheck disable=SC2086 # ANTEROOM_JAVA_OPTS is a list of options
  java $ANTEROOM_JAVA_OPTS "$@" -jar target/payara-micro/payara-micro.jar --nohazelcast --port "$port" \
    --contextroot / --prebootcommandfile payara-config/micro-preboot.asadmin --deploy "$war" >"$log" 2>&1 &
  SERVER=$!
}

# start_anteroom PORT DBDIR [LOG [java options...]]: the built WAR on a fresh (or, with KEEP_DB=1, the
# existing) H2 file database under DBDIR, with the demo data and the options bench/run.sh uses (and any
# given after LOG); the server's log goes to LOG (default DBDIR/server.log).
start_anteroom() {
  local port=$1 db=$2 log=${3:-$2/server.log}
  shift $(($# < 3 ? $# : 3))
  [ "${KEEP_DB:-0}" = 1 ] || rm -rf "$db"
  mkdir -p "$db"
  start_payara "$port" target/anteroom.war "$log" \
    -Danteroom.db.url="jdbc:h2:file:./$db/anteroom;WRITE_DELAY=0" -Danteroom.demo=true \
    -Danteroom.mail.outbox="$db/outbox" \
    -Danteroom.auth.trusted-jwks="$db/jwks.json" -Danteroom.auth.trusted-issuers=https://bench.example \
    -Danteroom.bridge.max-sockets-per-user=100000 \
    -Danteroom.hub.max-sockets-per-user=1000 "$@"
}

# wait_ready URL PID [seconds]: polls URL every 0.1 s until it answers 2xx and prints the seconds since
# STARTED (start to first successful answer); fails when the process PID ends or after the timeout
# (default READY_TIMEOUT, 900 s: a loaded machine is slow).
wait_ready() {
  local url=$1 pid=$2 limit=${3:-${READY_TIMEOUT:-900}}
  local deadline
  deadline=$(awk -v s="$(now)" -v l="$limit" 'BEGIN { printf "%.0f", s + l }')
  until curl -sf -o /dev/null --max-time 5 "$url"; do
    kill -0 "$pid" 2>/dev/null || { echo "server $pid ended before answering $url" >&2; return 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { echo "no answer from $url after $limit s" >&2; return 1; }
    sleep 0.1
  done
  awk -v a="$STARTED" -v b="$(now)" 'BEGIN { printf "%.1f\n", b - a }'
}

# stop_server PID: TERM, then wait up to 30 s, then KILL; only for processes this script started.
stop_server() {
  local pid=$1
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# legacy_token BASE: a legacy security token for the demo administrator.
legacy_token() {
  curl -sf "$1/PresentationServices/validateAccount?username=superadmin&password=anteroom-demo&deviceId=bench" \
    | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

# presence_session BASE OUTBOX: a presence session cookie (name=value) through the one-time-code
# flow; the code is read from the server's file outbox.
presence_session() {
  local base=$1 outbox=$2 json='Content-Type: application/json'
  curl -sf -X POST -H "$json" -d '{"emailAddress":"bench@example.com","displayName":"Bench User"}' \
    "$base/presence/otp/send" >/dev/null
  local code jwt
  code=$(cat "$outbox"/*.eml | grep -oE 'sign-in code is [0-9]{8}' | grep -oE '[0-9]{8}' | head -1)
  jwt=$(curl -sf -X POST -H "$json" -d "{\"p\":\"$code\",\"e\":\"bench@example.com\",\"n\":\"Bench User\"}" \
    "$base/presence/otp/validate" | sed -E 's/.*"token":\{"token":"([^"]+)".*/\1/')
  curl -sf -D - -o /dev/null -H "Authorization: Bearer $jwt" "$base/presence/login" \
    | awk -F'[ ;]' 'tolower($1) == "set-cookie:" { print $2 }'
}

# heap_kb [PID]: the process's used heap after a full GC, in KB: young plus old generation from jstat,
# whatever the collector. Twice, so that what the first collection left for finalization is gone too.
heap_kb() {
  local pid=${1:-$SERVER}
  jcmd "$pid" GC.run >/dev/null && jcmd "$pid" GC.run >/dev/null
  jstat -gc "$pid" | awk 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
    NR == 2 { printf "%.0f\n", $c["S0U"] + $c["S1U"] + $c["EU"] + $c["OU"] }'
}

# rss_kb PID: the process's resident memory now, in KB, as the kernel counts it (no GC first).
rss_kb() {
  ps -o rss= -p "$1" | tr -d ' '
}

# wrk's latency lines are like "50%  1.23ms"; normalise to milliseconds.
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

# measure NAME CONNECTIONS DURATION URL [SCRIPT] [HEADER]: one wrk run, no warm-up; prints
# "NAME requests/s p50 p99 failed" and keeps wrk's output in $WORK/NAME.wrk. Failed answers: non-2xx
# and socket errors from wrk, plus a "failed N" line printed by the Lua script (bench/common.lua).
measure() {
  local name=$1 conns=$2 dur=$3 url=$4 script=${5:-} header=${6:-}
  local out
  out=$(wrk -t"$THREADS" -c"$conns" -d"$dur" --latency ${script:+-s "$script"} ${header:+-H "$header"} "$url")
  echo "$out" >"$WORK/$name.wrk"
  local rps p50 p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  p50=$(ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")
  p99=$(ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")
  errors=$(echo "$out" | awk '/Non-2xx/ { n += $5 } /Socket errors/ { n += $4 + $6 + $8 + $10 } /^failed / { n += $2 } END { print n + 0 }' | tr -d ',')
  echo "$name $rps $p50 $p99 $errors"
}

# run NAME CONNECTIONS DURATION URL [SCRIPT] [HEADER]: a warm-up of the same length, then measure.
run() {
  local name=$1 conns=$2 dur=$3 url=$4 script=${5:-} header=${6:-}
  wrk -t"$THREADS" -c"$conns" -d"$dur" --latency ${script:+-s "$script"} ${header:+-H "$header"} "$url" >/dev/null 2>&1
  measure "$@"
}
