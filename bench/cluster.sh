#!/usr/bin/env bash
# What cluster mode costs, and the hub fan-out across two nodes (issue 15), in one run on this machine's
# PostgreSQL: the same bench/FanOut.java (a room of MEMBERS hub sockets; an approval's member-joined timed to
# every socket) three times, each on a new database:
#
#   1. one node, cluster mode off       (the single-node PostgreSQL installation)
#   2. one node, cluster mode on        (what the notifications, the message rows and the listener cost)
#   3. two nodes, cluster mode on, the sockets split over both, every call through node A
#
# and a table of p50/p99 with each as a ratio of run 1. Needs a local PostgreSQL server that `su postgres`
# can administer (as .ci/run sets up); makes and drops the database anteroom_bench_cluster.
#
#   bench/cluster.sh                       # 100 members, 30 rounds
#   MEMBERS=200 ROUNDS=50 bench/cluster.sh
set -euo pipefail
cd "$(dirname "$0")/.."

MEMBERS=${MEMBERS:-100}
ROUNDS=${ROUNDS:-30}
PORT_A=${PORT_A:-18180}
PORT_B=${PORT_B:-18181}
WORK=target/bench-cluster
DB=anteroom_bench_cluster
DB_PASSWORD=bench-$RANDOM$RANDOM
# shellcheck source=bench/lib.sh
source bench/lib.sh

PG_VERSION=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
pg_ctlcluster "$PG_VERSION" main start 2>/dev/null || true
PG_PORT=$(pg_lsclusters -h | awk -v v="$PG_VERSION" '$1 == v && $2 == "main" { print $3 }')
psql_admin() { su postgres -c "psql -q -v ON_ERROR_STOP=1 -p $PG_PORT -c \"$1\""; }
su postgres -c "psql -p $PG_PORT -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'anteroom_bench'\"" | grep -q 1 \
  || psql_admin "CREATE ROLE anteroom_bench LOGIN"
psql_admin "ALTER ROLE anteroom_bench PASSWORD '$DB_PASSWORD'"
fresh_database() {
  psql_admin "DROP DATABASE IF EXISTS $DB"
  su postgres -c "createdb -p $PG_PORT -O anteroom_bench -T template0 --locale=C $DB"
}

port_free "$PORT_A"
port_free "$PORT_B"
build_anteroom
rm -rf "$WORK" && mkdir -p "$WORK"
NODE_A=
NODE_B=
trap 'stop_server "$NODE_A"; stop_server "$NODE_B"; psql_admin "DROP DATABASE IF EXISTS $DB" || true' EXIT

# start_node NAME PORT CLUSTER DEMO: one node on the bench database; sets SERVER.
start_node() {
  local name=$1 port=$2 cluster=$3 demo=$4
  mkdir -p "$WORK/$name"
  start_payara "$port" target/anteroom.war "$WORK/$name/server.log" \
    -Danteroom.db.url="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" -Danteroom.db.user=anteroom_bench \
    -Danteroom.db.password="$DB_PASSWORD" -Danteroom.demo="$demo" -Danteroom.cluster="$cluster" \
    -Danteroom.data-dir="$WORK/$name/data" \
    -Danteroom.auth.trusted-jwks="$WORK/jwks.json" -Danteroom.auth.trusted-issuers=https://bench.example \
    -Danteroom.hub.max-sockets-per-user=1000
  wait_ready "http://127.0.0.1:$port/ops/health/ready" "$SERVER" >/dev/null
}

# fanout LABEL HUB_URLS: prints "p50 p99 missed" of the approvals' deliveries.
fanout() {
  local label=$1 hubs=$2 out
  out=$(java bench/FanOut.java "http://127.0.0.1:$PORT_A" "$WORK/jwks.json" "$MEMBERS" "$ROUNDS" 0 "$hubs")
  echo "$out" | grep -v '^OWNER_COOKIE=' >"$WORK/$label.txt"
  local p50 p99 missed
  read -r p50 p99 <<<"$(echo "$out" | awk '/approve -> event/ { gsub(",", ""); print $8, $11; exit }')"
  missed=$(echo "$out" | awk '/ missed$/ { print $(NF - 1); exit }')
  echo "$p50 $p99 $missed"
}

echo "1/3 one node, cluster mode off..." >&2
fresh_database
start_node single "$PORT_A" none true
NODE_A=$SERVER
read -r OFF_P50 OFF_P99 OFF_MISSED <<<"$(fanout off "http://127.0.0.1:$PORT_A")"
stop_server "$NODE_A"
NODE_A=

echo "2/3 one node, cluster mode on..." >&2
fresh_database
start_node one "$PORT_A" postgres true
NODE_A=$SERVER
read -r ON_P50 ON_P99 ON_MISSED <<<"$(fanout on "http://127.0.0.1:$PORT_A")"

echo "3/3 two nodes, sockets split over both..." >&2
start_node two "$PORT_B" postgres false
NODE_B=$SERVER
read -r TWO_P50 TWO_P99 TWO_MISSED <<<"$(fanout split "http://127.0.0.1:$PORT_A,http://127.0.0.1:$PORT_B")"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
printf '\nHub fan-out, %d sockets in one room, %d approvals each (PostgreSQL %s, %d cores)\n' \
  "$MEMBERS" "$ROUNDS" "$PG_VERSION" "$(nproc)"
printf '%-34s %9s %9s %8s %8s %7s\n' run "p50 ms" "p99 ms" "p50 ×" "p99 ×" missed
printf '%-34s %9s %9s %8s %8s %7s\n' "one node, cluster off" "$OFF_P50" "$OFF_P99" 1.00 1.00 "$OFF_MISSED"
printf '%-34s %9s %9s %8s %8s %7s\n' "one node, cluster on" "$ON_P50" "$ON_P99" \
  "$(ratio "$ON_P50" "$OFF_P50")" "$(ratio "$ON_P99" "$OFF_P99")" "$ON_MISSED"
printf '%-34s %9s %9s %8s %8s %7s\n' "two nodes, sockets split" "$TWO_P50" "$TWO_P99" \
  "$(ratio "$TWO_P50" "$OFF_P50")" "$(ratio "$TWO_P99" "$OFF_P99")" "$TWO_MISSED"
printf 'Target: two nodes p99 <= 2 x one node (cluster on): %s (%s x)\n' \
  "$(awk -v a="$TWO_P99" -v b="$ON_P99" 'BEGIN { print (a <= 2 * b) ? "met" : "missed" }')" \
  "$(ratio "$TWO_P99" "$ON_P99")"
