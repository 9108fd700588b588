#!/usr/bin/env bash
# Anteroom and Keycloak side by side (issue 16), in one run on this machine, taking turns so that only
# one server is under load at a time: start-up time (plus an empty WAR on the same Payara Micro), the
# warm-up curve right after start, the trivial endpoint, an authenticated read and password logins
# after the same warm-up, and resident memory after the load. Prints one table with both figures and
# the ratio per row, then a line per issue-16 target. docs/benchmark.md describes the method.
#
#   bench/compare-keycloak.sh
#   DURATION=5s LOGIN_DURATION=5s WARMUP_STEPS="2 3 5" bench/compare-keycloak.sh   # a smoke run
#
# Knobs (none starts with KC_: Keycloak reads every KC_* variable as an option of its own):
# KEYCLOAK_VERSION (26.7.3), KEYCLOAK_JAVA_HOME (a JDK 21+; default the newest under /usr/lib/jvm),
# CONNECTIONS (32), DURATION (15s), LOGIN_CONNECTIONS (4), LOGIN_DURATION (20s), THREADS (2),
# WARMUP_STEPS (seconds of each warm-up window, "10 20 30": the first 10, 30 and 60 s of load),
# EMPTY_STARTS (2, the last one counts),
# KEYCLOAK_USERS (6), PORT (18180, Anteroom), KEYCLOAK_PORT (18280), KEYCLOAK_MGMT_PORT (18290), EMPTY_PORT (18380),
# ANTEROOM_JAVA_OPTS (bench/lib.sh), KEYCLOAK_JAVA_OPTS (empty: Keycloak's own defaults).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

KEYCLOAK_VERSION=${KEYCLOAK_VERSION:-26.7.3}
PORT=${PORT:-18180}
KEYCLOAK_PORT=${KEYCLOAK_PORT:-18280}
KEYCLOAK_MGMT_PORT=${KEYCLOAK_MGMT_PORT:-18290}
EMPTY_PORT=${EMPTY_PORT:-18380}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-15s}
LOGIN_CONNECTIONS=${LOGIN_CONNECTIONS:-4}
LOGIN_DURATION=${LOGIN_DURATION:-20s}
THREADS=${THREADS:-2}
WARMUP_STEPS=${WARMUP_STEPS:-10 20 30}
KEYCLOAK_USERS=${KEYCLOAK_USERS:-6}
EMPTY_STARTS=${EMPTY_STARTS:-2}
WORK=target/bench-keycloak
DB=$WORK/anteroom
BASE="http://127.0.0.1:$PORT"
KC="http://127.0.0.1:$KEYCLOAK_PORT"
KC_HOME=target/keycloak/keycloak-$KEYCLOAK_VERSION
KEYCLOAK_REALM=bench
KEYCLOAK_CLIENT=bench
KEYCLOAK_PASSWORD=bench-password-$RANDOM$RANDOM
KEYCLOAK_ADMIN_PASSWORD=bench-admin-$RANDOM$RANDOM
export KEYCLOAK_USERS KEYCLOAK_CLIENT KEYCLOAK_PASSWORD # for bench/keycloak-grant.lua

# Everything this script starts, stopped on any exit (also Ctrl-C): the Payara Micro, kc.sh and the
# Keycloak JVM that kc.sh started. Nothing else is touched.
SERVER= KC_SH= KC_JAVA= ANTEROOM= EMPTY=
cleanup() {
  trap - EXIT INT TERM
  for pid in $SERVER $ANTEROOM $EMPTY $KC_SH $KC_JAVA; do stop_server "$pid"; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

newest_jdk21() { # the JDK with the highest feature version >= 21 under /usr/lib/jvm
  local best= best_v=0 d v
  for d in /usr/lib/jvm/*/; do
    [ -x "$d/bin/java" ] || continue
    v=$("$d/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ { print $2 }')
    if [ "${v%%.*}" -ge 21 ] 2>/dev/null && [ "${v%%.*}" -gt "$best_v" ]; then best=${d%/} best_v=${v%%.*}; fi
  done
  [ -n "$best" ] || { echo "Keycloak 26 needs Java 21 or newer; none under /usr/lib/jvm (set KEYCLOAK_JAVA_HOME)" >&2; return 1; }
  echo "$best"
}
KEYCLOAK_JAVA_HOME=${KEYCLOAK_JAVA_HOME:-$(newest_jdk21)}

mkdir -p "$WORK"
rm -rf "${WORK:?}"/*
install_wrk
for p in $PORT $KEYCLOAK_PORT $KEYCLOAK_MGMT_PORT $EMPTY_PORT; do port_free "$p"; done

echo "Building Anteroom, an empty WAR and fetching Keycloak $KEYCLOAK_VERSION..." >&2
build_anteroom
mkdir -p "$WORK/empty"
echo ok >"$WORK/empty/index.html"
jar cf "$WORK/empty.war" -C "$WORK/empty" index.html
[ -x "$KC_HOME/bin/kc.sh" ] || mvn -B -q -f bench/keycloak/pom.xml package -Dkeycloak.version="$KEYCLOAK_VERSION"

start_keycloak() { # kc.sh start-dev (H2 under $KC_HOME/data); sets KC_SH and STARTED
  STARTED=$(now)
  JAVA_HOME=$KEYCLOAK_JAVA_HOME JAVA_OPTS_APPEND=${KEYCLOAK_JAVA_OPTS:-} \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=$KEYCLOAK_ADMIN_PASSWORD \
    "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
    --http-management-port="$KEYCLOAK_MGMT_PORT" >>"$WORK/keycloak.log" 2>&1 &
  KC_SH=$!
}
keycloak_java() { # the JVM kc.sh runs: its child, or kc.sh itself when it re-exec'd after a re-build
  pgrep -P "$KC_SH" java || echo "$KC_SH"
}
stop_keycloak() {
  stop_server "$KC_SH"
  stop_server "$KC_JAVA"
  KC_SH= KC_JAVA=
}

kc_admin() { # METHOD PATH [JSON]: the admin REST API with a fresh admin token (they live 60 s)
  local token
  token=$(curl -sf -d grant_type=password -d client_id=admin-cli -d username=admin -d "password=$KEYCLOAK_ADMIN_PASSWORD" \
    "$KC/realms/master/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  curl -sf -X "$1" -H "Authorization: Bearer $token" ${3:+-H 'Content-Type: application/json' -d "$3"} "$KC/admin$2"
}

kc_token() { # USER: an access token of the bench client with the openid scope (userinfo needs it)
  curl -sf -d grant_type=password -d scope=openid -d "client_id=$KEYCLOAK_CLIENT" -d "username=$1" -d "password=$KEYCLOAK_PASSWORD" \
    "$KC/realms/$KEYCLOAK_REALM/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

# ASVS_OK TYPE M_KIB T P: Argon2id at or above one of the OWASP / ASVS 5.0 parameter sets
# (m=47104 t=1, m=19456 t=2, m=12288 t=3, m=9216 t=4, m=7168 t=5; p=1).
asvs_ok() {
  awk -v ty="$1" -v m="$2" -v t="$3" -v p="$4" 'BEGIN {
    split("47104 19456 12288 9216 7168", ms, " ")
    ok = 0
    if (ty == "argon2id" && p >= 1) for (i = 1; i <= 5; i++) if (m >= ms[i] && t >= i) ok = 1
    print ok ? "ASVS-approved" : "NOT ASVS-approved"
  }'
}

# curve NAME CONNECTIONS URL [SCRIPT] [HEADER]: consecutive wrk runs of WARMUP_STEPS seconds with no
# warm-up, right after a start; prints each window's requests/s.
curve() {
  local name=$1 conns=$2 url=$3 script=${4:-} header=${5:-} i=0 s out=
  for s in $WARMUP_STEPS; do
    i=$((i + 1))
    out="$out $(measure "$name-w$i" "$conns" "${s}s" "$url" "$script" "$header" | awk '{ print $2 }')"
  done
  echo "$out"
}

# Start-up: each server alone on the machine, from process start to its first successful answer.
echo "Start-up: an empty WAR on Payara Micro ($EMPTY_STARTS times)..." >&2
for i in $(seq 1 "$EMPTY_STARTS"); do
  start_payara "$EMPTY_PORT" "$WORK/empty.war" "$WORK/empty-$i.log"
  EMPTY=$SERVER SERVER=
  READY_EMPTY=$(wait_ready "http://127.0.0.1:$EMPTY_PORT/index.html" "$EMPTY")
  stop_server "$EMPTY"
  EMPTY=
done

echo "Anteroom: first start on a fresh database, then the ping warm-up curve..." >&2
start_anteroom "$PORT" "$DB" "$WORK/anteroom-first.log"
ANTEROOM=$SERVER SERVER=
FIRST_A=$(wait_ready "$BASE/ops/ping" "$ANTEROOM")
CURVE_PING_A=$(curve a-ping "$CONNECTIONS" "$BASE/ops/ping")
stop_server "$ANTEROOM"
ANTEROOM=

echo "Keycloak $KEYCLOAK_VERSION: first start on a fresh database, the ping warm-up curve, then the realm..." >&2
rm -rf "$KC_HOME/data"
start_keycloak
FIRST_K=$(wait_ready "$KC/realms/master" "$KC_SH")
KC_JAVA=$(keycloak_java)
KC_REBUILT=$(grep -c 'Updating the configuration' "$WORK/keycloak.log" || true)
CURVE_PING_K=$(curve k-ping "$CONNECTIONS" "$KC/realms/master")
# A realm whose tokens outlive the run, a public client with direct access grants (the password grant)
# and KEYCLOAK_USERS users with a password; a user profile without first name, last name and email is "not
# fully set up" and refused a grant.
kc_admin POST /realms "{\"realm\":\"$KEYCLOAK_REALM\",\"enabled\":true,\"accessTokenLifespan\":7200,\"ssoSessionIdleTimeout\":7200,\"ssoSessionMaxLifespan\":36000}"
kc_admin POST "/realms/$KEYCLOAK_REALM/clients" \
  "{\"clientId\":\"$KEYCLOAK_CLIENT\",\"publicClient\":true,\"directAccessGrantsEnabled\":true,\"standardFlowEnabled\":false}"
for i in $(seq 1 "$KEYCLOAK_USERS"); do
  kc_admin POST "/realms/$KEYCLOAK_REALM/users" "{\"username\":\"bench-$i\",\"enabled\":true,\"email\":\"bench-$i@bench.example\",
    \"emailVerified\":true,\"firstName\":\"Bench\",\"lastName\":\"User$i\",
    \"credentials\":[{\"type\":\"password\",\"value\":\"$KEYCLOAK_PASSWORD\",\"temporary\":false}]}"
done
# The stored password hash's parameters, as Keycloak wrote them (its realm default policy).
KC_USER_ID=$(kc_admin GET "/realms/$KEYCLOAK_REALM/users?username=bench-1&exact=true" | sed -E 's/^\[\{"id":"([^"]+)".*/\1/')
KC_CRED=$(kc_admin GET "/realms/$KEYCLOAK_REALM/users/$KC_USER_ID/credentials" | tr -d '\\')
kc_param() { # NAME [: for a plain value, :[ for a list]: one value from the credential's data
  echo "$KC_CRED" | grep -oE "\"credentialData\".*" | grep -oE "\"$1\"${2:-:}\"?[A-Za-z0-9.]+" | head -1 | sed -E 's/.*[:\["]+//'
}
KC_ALG=$(kc_param algorithm)
KC_HASH_TYPE=argon2$(kc_param type ':\[')
KC_HASH_M=$(kc_param memory ':\[')
KC_HASH_T=$(kc_param hashIterations)
KC_HASH_P=$(kc_param parallelism ':\[')
[ "$KC_ALG" = argon2 ] || KC_HASH_TYPE=$KC_ALG
[ -n "$(kc_token bench-1)" ] || { echo "Keycloak's password grant failed; see $WORK/keycloak.log" >&2; exit 1; }
stop_keycloak

# The turn-taking part: both servers restarted (each alone), each warm-up curve on the authenticated
# read right after its restart, then the same scenarios on each in turn, each after the same warm-up.
echo "Anteroom: restart, then the authenticated read's warm-up curve..." >&2
KEEP_DB=1 start_anteroom "$PORT" "$DB" "$WORK/anteroom-restart.log"
ANTEROOM=$SERVER SERVER=
RESTART_A=$(wait_ready "$BASE/ops/ping" "$ANTEROOM")
TOKEN=$(legacy_token "$BASE")
READ="$BASE/PresentationServices/organizations/UNC/facilities?token=$TOKEN&userId=superadmin"
curl -sf "$READ" | grep -q '"success":true' || { echo "authenticated read failed: $READ" >&2; exit 1; }
CURVE_READ_A=$(curve a-read "$CONNECTIONS" "$READ")

echo "Keycloak: restart (Anteroom idle), then userinfo's warm-up curve..." >&2
start_keycloak
RESTART_K=$(wait_ready "$KC/realms/$KEYCLOAK_REALM" "$KC_SH")
KC_JAVA=$(keycloak_java)
BEARER="Authorization: Bearer $(kc_token bench-1)"
USERINFO="$KC/realms/$KEYCLOAK_REALM/protocol/openid-connect/userinfo"
curl -sf -H "$BEARER" "$USERINFO" | grep -q '"sub"' || { echo "Keycloak userinfo failed" >&2; exit 1; }
CURVE_READ_K=$(curve k-read "$CONNECTIONS" "$USERINFO" "" "$BEARER")

echo "Both: ping, authenticated read and password login in turn..." >&2
PING_A=$(run a-ping "$CONNECTIONS" "$DURATION" "$BASE/ops/ping")
PING_K=$(run k-ping "$CONNECTIONS" "$DURATION" "$KC/realms/$KEYCLOAK_REALM")
READ_A=$(run a-read "$CONNECTIONS" "$DURATION" "$READ")
READ_K=$(run k-read "$CONNECTIONS" "$DURATION" "$USERINFO" "" "$BEARER")
LOGIN_A=$(run a-login "$LOGIN_CONNECTIONS" "$LOGIN_DURATION" "$BASE" bench/login.lua)
LOGIN_K=$(run k-login "$LOGIN_CONNECTIONS" "$LOGIN_DURATION" "$KC/realms/$KEYCLOAK_REALM/protocol/openid-connect/token" \
  bench/keycloak-grant.lua)
RSS_A=$(rss_kb "$ANTEROOM")
RSS_K=$(rss_kb "$KC_JAVA")
stop_server "$ANTEROOM"
ANTEROOM=
stop_keycloak

# Anteroom's stored hash of a demo user after the logins (re-hashed at login if its cost was older).
H2_JAR=$(ls target/anteroom/WEB-INF/lib/h2-*.jar)
A_PHC=$(java -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:./$DB/anteroom" -user "" -password "" \
  -sql "SELECT password_hash FROM app_user WHERE username = 'superadmin'" | grep -oE '\$argon2id\$v=19\$m=[0-9]+,t=[0-9]+,p=[0-9]+' || true)
A_HASH_M=$(echo "$A_PHC" | sed -E 's/.*m=([0-9]+).*/\1/')
A_HASH_T=$(echo "$A_PHC" | sed -E 's/.*t=([0-9]+).*/\1/')
A_HASH_P=$(echo "$A_PHC" | sed -E 's/.*p=([0-9]+).*/\1/')

# The same logins with Anteroom at Keycloak's own Argon2id parameters (an administrator's choice, see
# docs/admin.md): the run's warm-up logs every demo user in once, which re-hashes their passwords at
# that cost, so the measured run verifies only hashes of Keycloak's cost.
echo "Anteroom: restart at Keycloak's hash parameters (m=$KC_HASH_M KiB, t=$KC_HASH_T), password logins..." >&2
KEEP_DB=1 start_anteroom "$PORT" "$DB" "$WORK/anteroom-kc-cost.log" \
  -Danteroom.password.argon2.memory-kib="$KC_HASH_M" -Danteroom.password.argon2.iterations="$KC_HASH_T"
ANTEROOM=$SERVER SERVER=
wait_ready "$BASE/ops/ping" "$ANTEROOM" >/dev/null
LOGIN_A_KC_COST=$(run a-login-kc-cost "$LOGIN_CONNECTIONS" "$LOGIN_DURATION" "$BASE" bench/login.lua)
stop_server "$ANTEROOM"
ANTEROOM=

# The figures so far, for a look after the run (or to print the table again while changing it).
declare -p READY_EMPTY FIRST_A FIRST_K RESTART_A RESTART_K CURVE_PING_A CURVE_PING_K CURVE_READ_A CURVE_READ_K \
  PING_A PING_K READ_A READ_K LOGIN_A LOGIN_K LOGIN_A_KC_COST RSS_A RSS_K KC_REBUILT KC_HASH_TYPE KC_HASH_M KC_HASH_T KC_HASH_P \
  A_PHC A_HASH_M A_HASH_T A_HASH_P \
  >"$WORK/figures.sh"

A_ASVS=$([ -n "$A_PHC" ] && asvs_ok argon2id "$A_HASH_M" "$A_HASH_T" "$A_HASH_P" || echo "NOT ASVS-approved (no Argon2id hash found)")
K_ASVS=$(asvs_ok "$KC_HASH_TYPE" "$KC_HASH_M" "$KC_HASH_T" "$KC_HASH_P")

# The table: one row per figure, Anteroom, Keycloak, Anteroom / Keycloak.
row() { # LABEL A K UNIT
  awk -v l="$1" -v a="$2" -v k="$3" -v u="$4" 'BEGIN {
    printf "%-58s %10s %10s %7s  %s\n", l, a, k, (k + 0 > 0 ? sprintf("%.2fx", a / k) : "-"), u }'
}
field() { echo "$1" | awk -v f="$2" '{ print $f }'; }
window() { echo "$1" | awk -v i="$2" '{ print $i }'; }
avg() { # CURVE N: the average requests/s over the first N windows
  echo "$1" | awk -v n="$2" -v steps="$WARMUP_STEPS" '{ split(steps, s, " "); t = 0; r = 0
    for (i = 1; i <= n; i++) { t += s[i]; r += $i * s[i] } printf "%.1f\n", r / t }'
}
ends=() total=0
for s in $WARMUP_STEPS; do ends+=($((total += s))); done
W1=${ends[0]} W2=${ends[1]} W3=${ends[2]}

echo
echo "Anteroom (Payara Micro, Java $(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ { print $2 }'), JVM options: $ANTEROOM_JAVA_OPTS) vs Keycloak $KEYCLOAK_VERSION (start-dev, H2, Java $("$KEYCLOAK_JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ { print $2 }'), its default JVM options${KEYCLOAK_JAVA_OPTS:+ + $KEYCLOAK_JAVA_OPTS}), $(nproc) cores, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-58s %10s %10s %7s  %s\n' measure Anteroom Keycloak ratio unit
row "ping, $CONNECTIONS conns (Anteroom /ops/ping, KC /realms/$KEYCLOAK_REALM)" "$(field "$PING_A" 2)" "$(field "$PING_K" 2)" "req/s"
row "  p99" "$(field "$PING_A" 4)" "$(field "$PING_K" 4)" "ms"
row "authenticated read, $CONNECTIONS conns (facilities / userinfo)" "$(field "$READ_A" 2)" "$(field "$READ_K" 2)" "req/s"
row "  p99" "$(field "$READ_A" 4)" "$(field "$READ_K" 4)" "ms"
row "password login, $LOGIN_CONNECTIONS conns (legacy login / grant)" "$(field "$LOGIN_A" 2)" "$(field "$LOGIN_K" 2)" "logins/s"
row "  p99" "$(field "$LOGIN_A" 4)" "$(field "$LOGIN_K" 4)" "ms"
row "  Anteroom at Keycloak's m=$KC_HASH_M KiB, t=$KC_HASH_T" "$(field "$LOGIN_A_KC_COST" 2)" "$(field "$LOGIN_K" 2)" "logins/s"
row "  p99" "$(field "$LOGIN_A_KC_COST" 4)" "$(field "$LOGIN_K" 4)" "ms"
for c in "ping|$CURVE_PING_A|$CURVE_PING_K" "read|$CURVE_READ_A|$CURVE_READ_K"; do
  IFS='|' read -r name ca ck <<<"$c"
  row "$name warm-up: first $W1 s after start" "$(avg "$ca" 1)" "$(avg "$ck" 1)" "req/s"
  row "$name warm-up: first $W2 s" "$(avg "$ca" 2)" "$(avg "$ck" 2)" "req/s"
  row "$name warm-up: first $W3 s" "$(avg "$ca" 3)" "$(avg "$ck" 3)" "req/s"
  row "$name warm-up: $W2-$W3 s of load" "$(window "$ca" 3)" "$(window "$ck" 3)" "req/s"
done
row "first start to first answer (fresh database)" "$FIRST_A" "$FIRST_K" "s"
row "restart to first answer" "$RESTART_A" "$RESTART_K" "s"
row "  empty WAR on the same Payara Micro" "$READY_EMPTY" "" "s"
row "resident memory after the load" "$((RSS_A / 1024))" "$((RSS_K / 1024))" "MB"
FAILED=$(for r in "$PING_A" "$PING_K" "$READ_A" "$READ_K" "$LOGIN_A" "$LOGIN_K" "$LOGIN_A_KC_COST"; do field "$r" 5; done | awk "{ n += \$1 } END { print n }")
echo "failed answers in the measured runs: $FAILED (per scenario: Anteroom $(field "$PING_A" 5)/$(field "$READ_A" 5)/$(field "$LOGIN_A" 5)/$(field "$LOGIN_A_KC_COST" 5), Keycloak $(field "$PING_K" 5)/$(field "$READ_K" 5)/$(field "$LOGIN_K" 5))"
echo "password hashes: Anteroom ${A_PHC:-?} ($A_ASVS); Keycloak $KC_HASH_TYPE m=$KC_HASH_M KiB, t=$KC_HASH_T, p=$KC_HASH_P ($K_ASVS)"
[ "$KC_REBUILT" = 0 ] || echo "(Keycloak's first start included its one-time re-build of the distribution for dev mode)"

echo
echo "issue 16 targets:"
target() { # LABEL VALUE GOAL higher|lower
  awk -v l="$1" -v v="$2" -v g="$3" -v d="$4" 'BEGIN {
    met = d == "higher" ? v >= g : v <= g
    if (met) printf "  %-58s met (%.2f, target %s %.2f)\n", l, v, d == "higher" ? ">=" : "<=", g
    else printf "  %-58s MISSED by %.0f %% (%.2f, target %s %.2f)\n", l, 100 * (d == "higher" ? (g - v) / g : (v - g) / g), v, d == "higher" ? ">=" : "<=", g
  }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f\n", (b > 0 ? a / b : 0) }'; }
target "logins >= 2x Keycloak's password grant (ratio)" "$(ratio "$(field "$LOGIN_A" 2)" "$(field "$LOGIN_K" 2)")" 2 higher
case "$A_ASVS $K_ASVS" in *NOT*) echo "    (not comparable: a hash is not at ASVS-approved parameters)" ;; esac
target "  the same, Anteroom at Keycloak's hash parameters (ratio)" "$(ratio "$(field "$LOGIN_A_KC_COST" 2)" "$(field "$LOGIN_K" 2)")" 2 higher
target "authenticated read >= 3x userinfo (ratio)" "$(ratio "$(field "$READ_A" 2)" "$(field "$READ_K" 2)")" 3 higher
target "ping within $W3 s of load >= Keycloak ($W2-$W3 s, ratio)" "$(ratio "$(window "$CURVE_PING_A" 3)" "$(window "$CURVE_PING_K" 3)")" 1 higher
target "read within $W3 s of load >= Keycloak ($W2-$W3 s, ratio)" "$(ratio "$(window "$CURVE_READ_A" 3)" "$(window "$CURVE_READ_K" 3)")" 1 higher
target "restart ready time <= 1.3x empty WAR (ratio)" "$(ratio "$RESTART_A" "$READY_EMPTY")" 1.3 lower
target "resident memory below Keycloak's (ratio)" "$(ratio "$RSS_A" "$RSS_K")" 1 lower
echo "raw wrk output and the server logs: $WORK/"
