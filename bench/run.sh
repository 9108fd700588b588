#!/usr/bin/env bash
# Anteroom benchmark: starts the built WAR on Payara Micro with a fresh embedded database, loads it
# with wrk on loopback, and prints requests/s and p50/p99 latency per scenario, each also as a ratio
# of the trivial JSON endpoint (the ceiling) measured in the same run.
#
#   bench/run.sh                 # defaults: 32 connections, 15 s per read scenario
#   CONNECTIONS=64 DURATION=30s bench/run.sh
#
# Knobs: CONNECTIONS, DURATION (read scenarios); LOGIN_CONNECTIONS, LOGIN_DURATION (login, token,
# register); THREADS (wrk); PORT; FANOUT_MEMBERS, FANOUT_ROUNDS (hub fan-out); BOT_CONNECTIONS (idle
# bot sockets, 2000), BOT_ROUNDS (bot fan-out messages, 30); FANOUT_LARGE, BOT_LARGE (the large room
# and the large bot chat, 1000 each; 0 leaves them out).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18080}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-15s}
LOGIN_CONNECTIONS=${LOGIN_CONNECTIONS:-4}
LOGIN_DURATION=${LOGIN_DURATION:-20s}
THREADS=${THREADS:-2}
BOT_CONNECTIONS=${BOT_CONNECTIONS:-2000}
BOT_ROUNDS=${BOT_ROUNDS:-30}
FANOUT_LARGE=${FANOUT_LARGE:-1000}
BOT_LARGE=${BOT_LARGE:-1000}
BASE="http://127.0.0.1:$PORT"
WORK=target/bench

# Each idle bot socket is a file descriptor in the server and another in bench/Bots.java: take the hard
# limit (docs/admin.md, "Many sockets on one node").
ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((BOT_CONNECTIONS + 1024)) ]; then
  echo "BOT_CONNECTIONS=$BOT_CONNECTIONS needs more file descriptors than the hard limit $(ulimit -n)" >&2
  exit 1
fi

if ! command -v wrk >/dev/null; then
  echo "Installing wrk (Debian package)..." >&2
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null
fi

mvn -B -q -DskipTests package dependency:copy@payara-micro-for-its
rm -rf "$WORK" && mkdir -p "$WORK"

# Measured before the server starts, so nothing else competes for the cores.
echo "Measuring the password hash alone on $(nproc) cores..." >&2
HASH_RATE=$(java -cp "target/classes:target/anteroom/WEB-INF/lib/*" bench/HashRate.java 10)

java -Xmx2g -Danteroom.db.url="jdbc:h2:file:./$WORK/anteroom;WRITE_DELAY=0" -Danteroom.demo=true \
  -Danteroom.mail.outbox="$WORK/outbox" \
  -Danteroom.auth.trusted-jwks="$WORK/jwks.json" -Danteroom.auth.trusted-issuers=https://bench.example \
  -Danteroom.bridge.max-sockets-per-user=100000 \
  -Danteroom.hub.max-sockets-per-user=1000 \
  -jar target/payara-micro/payara-micro.jar --nohazelcast --port "$PORT" --contextroot / \
  --prebootcommandfile payara-config/micro-preboot.asadmin --deploy target/anteroom.war >"$WORK/server.log" 2>&1 &
SERVER=$!
BOTS=
trap 'kill $SERVER $BOTS 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT

for _ in $(seq 1 180); do
  curl -sf "$BASE/ops/ping" >/dev/null 2>&1 && break
  sleep 1
done
curl -sf "$BASE/ops/ping" >/dev/null || { echo "server did not start; see $WORK/server.log" >&2; exit 1; }

TOKEN=$(curl -sf "$BASE/PresentationServices/validateAccount?username=superadmin&password=anteroom-demo&deviceId=bench" \
  | sed -E 's/.*"token":"([^"]+)".*/\1/')
READ="$BASE/PresentationServices/organizations/UNC/facilities?token=$TOKEN&userId=superadmin"
USERS="$BASE/PresentationServices/users?location=facility&locationId=UNC&token=$TOKEN&userId=superadmin"
for url in "$READ" "$USERS"; do
  curl -sf "$url" | grep -q '"success":true' || { echo "authenticated read failed: $url" >&2; exit 1; }
done

# A presence session through the one-time-code flow; the code is read from the file outbox.
JSON='Content-Type: application/json'
curl -sf -X POST -H "$JSON" -d '{"emailAddress":"bench@example.com","displayName":"Bench User"}' \
  "$BASE/presence/otp/send" >/dev/null
CODE=$(cat "$WORK"/outbox/*.eml | grep -oE 'sign-in code is [0-9]{8}' | grep -oE '[0-9]{8}' | head -1)
LOGIN_JWT=$(curl -sf -X POST -H "$JSON" -d "{\"p\":\"$CODE\",\"e\":\"bench@example.com\",\"n\":\"Bench User\"}" \
  "$BASE/presence/otp/validate" | sed -E 's/.*"token":\{"token":"([^"]+)".*/\1/')
SESSION_COOKIE=$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $LOGIN_JWT" "$BASE/presence/login" \
  | awk -F'[ ;]' 'tolower($1) == "set-cookie:" { print $2 }')
PRESENCE_USER="$BASE/presence/user"
curl -sf -H "Cookie: $SESSION_COOKIE" "$PRESENCE_USER" | grep -q '"uuid"' \
  || { echo "presence session failed" >&2; exit 1; }

# Hub fan-out: a room of FANOUT_MEMBERS members with a hub socket each; logins through a bench auth
# service (bench/FanOut.java writes the JWKS file the server was told to trust).
echo "Measuring hub fan-out..." >&2
# Then the same for a room of FANOUT_LARGE members (presence users in no facility: the wrk scenarios
# below are not affected by them).
FANOUT=$(java bench/FanOut.java "$BASE" "$WORK/jwks.json" "${FANOUT_MEMBERS:-100}" "${FANOUT_ROUNDS:-30}" "$FANOUT_LARGE")
echo "$FANOUT" >"$WORK/fanout.txt"
OWNER_COOKIE=$(echo "$FANOUT" | sed -n 's/^OWNER_COOKIE=//p')
ROOMS="$BASE/presence/rooms"
curl -sf -H "Cookie: $OWNER_COOKIE" "$ROOMS" | grep -q '"shortname"' || { echo "rooms list failed" >&2; exit 1; }

# The server's used heap after a full GC, in KB: young plus old generation from jstat, whatever the
# collector. Twice, so that what the first collection left for finalization is gone too.
heap_kb() {
  jcmd "$SERVER" GC.run >/dev/null && jcmd "$SERVER" GC.run >/dev/null
  jstat -gc "$SERVER" | awk 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
    NR == 2 { printf "%.0f\n", $c["S0U"] + $c["S1U"] + $c["EU"] + $c["OU"] }'
}

# Chat-bot bridge: bench/Bots.java makes 100 bots and an owner, opens BOT_CONNECTIONS idle bot sockets
# and then times a group chat's messages to the 100 bots. It stops at READY and at OPEN n, each time
# until it reads a line, so the heap is measured on a quiet server without and with the idle sockets.
echo "Measuring bot connections and fan-out..." >&2
mkfifo "$WORK/bots.in"
java bench/Bots.java "$BASE" "$BOT_CONNECTIONS" "$BOT_ROUNDS" <"$WORK/bots.in" >"$WORK/bots.txt" &
BOTS=$!
exec 3>"$WORK/bots.in"
bots_say() { # waits until bench/Bots.java has printed a line starting with $1
  until grep -q "^$1" "$WORK/bots.txt"; do
    kill -0 "$BOTS" 2>/dev/null || { echo "bench/Bots.java failed" >&2; exit 1; }
    sleep 1
  done
}
bots_say READY
HEAP_BEFORE=$(heap_kb)
jmap -histo:live "$SERVER" >"$WORK/heap-before.histo"
echo >&3
bots_say OPEN
HEAP_OPEN=$(heap_kb)
jmap -histo:live "$SERVER" >"$WORK/heap-open.histo"
echo >&3
exec 3>&-
wait "$BOTS"
BOTS=
BOTS_OPEN=$(sed -n 's/^OPEN //p' "$WORK/bots.txt")
BOT_USERNAME=$(sed -n 's/^BOT_USERNAME=//p' "$WORK/bots.txt")
export BOT_USERNAME

# wrk's latency lines are like "50%  1.23ms"; normalise to milliseconds.
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

run() { # name connections duration url [script] [header]
  local name=$1 conns=$2 dur=$3 url=$4 script=${5:-} header=${6:-}
  wrk -t"$THREADS" -c"$conns" -d"$dur" --latency ${script:+-s "$script"} ${header:+-H "$header"} "$url" >/dev/null 2>&1 # warm-up
  local out
  out=$(wrk -t"$THREADS" -c"$conns" -d"$dur" --latency ${script:+-s "$script"} ${header:+-H "$header"} "$url")
  echo "$out" >"$WORK/$name.wrk"
  local rps p50 p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  p50=$(ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")
  p99=$(ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")
  # Failed answers: non-2xx and socket errors from wrk, plus {"success": false} counted by common.lua.
  errors=$(echo "$out" | awk '/Non-2xx/ { n += $5 } /Socket errors/ { n += $4 + $6 + $8 + $10 } /^failed / { n += $2 } END { print n + 0 }' | tr -d ',')
  echo "$name $rps $p50 $p99 $errors"
}

echo "Loading the server (this takes a few minutes)..." >&2
CEILING=$(run ping "$CONNECTIONS" "$DURATION" "$BASE/ops/ping")
READ_ROW=$(run legacy-read "$CONNECTIONS" "$DURATION" "$READ")
USERS_ROW=$(run users-list "$CONNECTIONS" "$DURATION" "$USERS")
PRESENCE_ROW=$(run presence-user "$CONNECTIONS" "$DURATION" "$PRESENCE_USER" "" "Cookie: $SESSION_COOKIE")
ROOMS_ROW=$(run rooms-list "$CONNECTIONS" "$DURATION" "$ROOMS" "" "Cookie: $OWNER_COOKIE")
LOGIN_ROW=$(run login "$LOGIN_CONNECTIONS" "$LOGIN_DURATION" "$BASE" bench/login.lua)
TOKEN_ROW=$(run token "$LOGIN_CONNECTIONS" "$LOGIN_DURATION" "$BASE" bench/token.lua)
TEMPORAL_TOKEN=$(curl -sf "$BASE/PresentationServices/validateAccount?temporal=true" | sed -E 's/.*"token":"([^"]+)".*/\1/')
export TEMPORAL_TOKEN
REGISTER_ROW=$(run register "$LOGIN_CONNECTIONS" "$LOGIN_DURATION" "$BASE" bench/register.lua)

CEILING_RPS=$(echo "$CEILING" | awk '{ print $2 }')
printf '\n%-14s %6s %12s %9s %9s %10s %s\n' scenario conns "requests/s" "p50 ms" "p99 ms" "vs ceiling" "failed"
for row in "$CEILING|$CONNECTIONS" "$READ_ROW|$CONNECTIONS" "$USERS_ROW|$CONNECTIONS" "$PRESENCE_ROW|$CONNECTIONS" \
  "$ROOMS_ROW|$CONNECTIONS" \
  "$LOGIN_ROW|$LOGIN_CONNECTIONS" "$TOKEN_ROW|$LOGIN_CONNECTIONS" "$REGISTER_ROW|$LOGIN_CONNECTIONS"; do
  line=${row%|*}; conns=${row#*|}
  echo "$line" | awk -v c="$conns" -v ceil="$CEILING_RPS" \
    '{ share = $1 ~ /^(login|token|register)$/ ? "—" : sprintf("%.1f%%", 100 * $2 / ceil)
       printf "%-14s %6s %12.1f %9s %9s %10s %s\n", $1, c, $2, $3, $4, share, $5 }'
done
LOGIN_RPS=$(echo "$LOGIN_ROW" | awk '{ print $2 }')
TOKEN_RPS=$(echo "$TOKEN_ROW" | awk '{ print $2 }')
REGISTER_RPS=$(echo "$REGISTER_ROW" | awk '{ print $2 }')
awk -v h="$HASH_RATE" -v l="$LOGIN_RPS" -v t="$TOKEN_RPS" -v r="$REGISTER_RPS" \
  'BEGIN { printf "\npassword hash alone: %.1f hashes/s; login reaches %.1f%% of it, bot token grants %.1f%%, registration %.1f%%\n", h, 100 * l / h, 100 * t / h, 100 * r / h }'
echo
echo "$FANOUT" | grep -v '^OWNER_COOKIE='
echo "(rooms-list: the owner's one room with its ${FANOUT_MEMBERS:-100}+ members)"
echo
grep '^bot connections' "$WORK/bots.txt"
awk -v b="$HEAP_BEFORE" -v o="$HEAP_OPEN" -v n="$BOTS_OPEN" \
  'BEGIN { printf "  server heap after a full GC: %.1f MB before, %.1f MB with %d idle bot sockets: %.1f KB per socket\n", b / 1024, o / 1024, n, n ? (o - b) / n : 0 }'
# What an idle socket holds: the classes whose live bytes grew most, per socket (target/bench/*.histo).
awk -v n="$BOTS_OPEN" 'FNR == 1 { file++ } $1 ~ /^[0-9]+:$/ { bytes[file, $4] = $3 } END {
    for (key in bytes) { split(key, k, SUBSEP); if (k[1] == 2) grow[k[2]] = bytes[2, k[2]] - bytes[1, k[2]] }
    for (c in grow) if (grow[c] > 0 && n) printf "%9.0f B %s\n", grow[c] / n, c }' \
  "$WORK/heap-before.histo" "$WORK/heap-open.histo" | sort -rn | head -12 | sed 's/^/    /'
grep -v -e '^READY' -e '^OPEN ' -e '^BOT_USERNAME=' -e '^bot connections' "$WORK/bots.txt"

# The large bot chat last: its BOT_LARGE bots are legacy users of the facility the users-list scenario
# lists, so it runs after the wrk scenarios. No idle sockets this time.
if [ "$BOT_LARGE" -gt 0 ]; then
  echo "Measuring the bot fan-out to $BOT_LARGE bots..." >&2
  java bench/Bots.java "$BASE" 0 "$BOT_ROUNDS" "$BOT_LARGE" </dev/null >"$WORK/bots-large.txt"
  echo
  echo "large bot chat ($BOT_LARGE bots):"
  grep -v -e '^READY' -e '^OPEN ' -e '^BOT_USERNAME=' -e '^bot connections' "$WORK/bots-large.txt"
fi
echo "raw wrk output and the server log: $WORK/"
