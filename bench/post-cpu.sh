#!/usr/bin/env bash
# CPU per notification, by process: where a POST /v1/notifications costs its CPU end to end (our API,
# MariaDB, RabbitMQ, our engine) at a fixed offered rate (bench/paced.lua, open loop), with the p99
# the client saw. The POST case's latency at a high rate is bound by this sum on a 2-core machine,
# so this is the figure to move; api-bench.sh is the one to quote against upstream.
#
#   bench/post-cpu.sh [RATE [DURATION [WARMUP]]]      # defaults: 300/s, 20s, 60s of warm-up
#   POSTCPU_API_JAVA_OPTS="-XX:+UseParallelGC -Xmx768m -Xmn512m -Xlog:gc:file=/tmp/gc.log" bench/post-cpu.sh 700
#
# Uses the running MariaDB (database masakari_java_postcpu, dropped first) and RabbitMQ; starts our API
# and engine with bin/masakari's own JVM defaults on port ${POSTCPU_PORT:-15879}, seeds 50 hosts
# bench-host-00..49 (host check against Nova off), warms the JVMs with the same POSTs, waits for the
# engine to settle them, then measures. Results under bench/results/postcpu-<timestamp>/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RATE=${1:-300}
DURATION=${2:-20}
WARMUP=${3:-60}
PORT=${POSTCPU_PORT:-15879}
DB=masakari_java_postcpu
OUT=$ROOT/bench/results/postcpu-$(date -u +%Y%m%dT%H%M%SZ)
BASE=http://127.0.0.1:$PORT
J='Content-Type: application/json'
mkdir -p "$OUT"

mysql -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
cat >"$OUT/masakari.conf" <<EOF
[DEFAULT]
auth_strategy = noauth2
transport_url = rabbit://guest:guest@127.0.0.1:5672/
masakari_api_listen = 127.0.0.1
masakari_api_listen_port = $PORT
nova_compute_host_check = false
os_privileged_user_name = masakari
os_privileged_user_password = unused
os_privileged_user_tenant = service
os_privileged_user_auth_url = http://127.0.0.1:9/identity/v3

[database]
connection = mysql+pymysql://root:@127.0.0.1/$DB?charset=utf8

[oslo_messaging_notifications]
driver = noop
EOF
"$ROOT/bin/masakari" db sync --config "$OUT/masakari.conf" >"$OUT/dbsync.log" 2>&1
unset MASAKARI_JAVA_OPTS
# POSTCPU_API_JAVA_OPTS / POSTCPU_ENGINE_JAVA_OPTS replace the JVM defaults (for experiments: GC logs, collectors)
MASAKARI_JAVA_OPTS=${POSTCPU_API_JAVA_OPTS:-} "$ROOT/bin/masakari" api --config "$OUT/masakari.conf" >"$OUT/api.log" 2>&1 &
API_PID=$!
MASAKARI_JAVA_OPTS=${POSTCPU_ENGINE_JAVA_OPTS:-} "$ROOT/bin/masakari" engine --config "$OUT/masakari.conf" >"$OUT/engine.log" 2>&1 &
ENGINE_PID=$!
cleanup() { kill "$API_PID" "$ENGINE_PID" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 60); do curl -sf "$BASE/v1/segments" >/dev/null && break; sleep 1; done

seg=$(curl -sf -X POST "$BASE/v1/segments" -H "$J" \
        -d '{"segment":{"name":"bench-seg","recovery_method":"auto","service_type":"COMPUTE"}}' \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["segment"]["uuid"])')
for i in $(seq -w 0 49); do
  curl -sf -X POST "$BASE/v1/segments/$seg/hosts" -H "$J" \
    -d "{\"host\":{\"name\":\"bench-host-$i\",\"type\":\"COMPUTE\",\"control_attributes\":\"SSH\"}}" >/dev/null
done

# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
ticks() { # pid...: utime+stime in clock ticks, summed
  local t=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$p/stat")))
  done
  echo "$t"
}
busy() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; }

# warm-up: PACED_GT_OFFSET moves generated_time far from the measured run's, so no warm row is ever a
# duplicate candidate of a measured one
PACED_GT_OFFSET=-200000 wrk -t2 -c16 -d"${WARMUP}s" -s "$ROOT/bench/paced.lua" "$BASE/v1/notifications" -- "$RATE" 2 post \
  >"$OUT/warmup.txt" 2>&1
drained "$BASE" 120

raftidx() { # entries in the work queue's Raft log (a quorum queue appends one per enqueue, settle, ...)
  timeout 30 rabbitmq-queues quorum_status masakari.notifications --formatter json 2>/dev/null \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Log Index"])' 2>/dev/null || echo 0
}
raft0=$(raftidx)
MYSQL=$(pgrep -x mariadbd || pgrep -x mysqld)
RABBIT=$(pgrep -x beam.smp | head -1)
declare -A before
for name in api engine mariadb rabbitmq; do
  case $name in api) p=$API_PID ;; engine) p=$ENGINE_PID ;; mariadb) p=$MYSQL ;; rabbitmq) p=$RABBIT ;; esac
  before[$name]=$(ticks $p)
done
busy0=$(busy)
dbstat() { mysql -uroot -h127.0.0.1 -N -e "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions','Com_stmt_execute','Com_commit','Com_rollback','Com_set_option','Com_select','Com_insert','Com_update','Com_delete','Innodb_data_fsyncs','Innodb_os_log_fsyncs')"; }
dbstat >"$OUT/db0.txt"
wrk -t2 -c16 -d"${DURATION}s" --latency -s "$ROOT/bench/paced.lua" "$BASE/v1/notifications" -- "$RATE" 2 post \
  >"$OUT/run.txt" 2>&1
drained "$BASE" 120
busy1=$(busy)
dbstat >"$OUT/db1.txt"
raft1=$(raftidx)
hz=$(getconf CLK_TCK)
posts=$(awk '/requests in/{print $1}' "$OUT/run.txt")
{
  echo "offered $RATE/s for ${DURATION}s; $(grep -E 'Requests/sec' "$OUT/run.txt" | tr -s ' ')"
  grep -E '^ +(50|99)%' "$OUT/run.txt" | tr -s ' ' | sed 's/^ /latency /'
  grep -E 'late sends|Non-2xx' "$OUT/run.txt" || true
  for name in api engine mariadb rabbitmq; do
    case $name in api) p=$API_PID ;; engine) p=$ENGINE_PID ;; mariadb) p=$MYSQL ;; rabbitmq) p=$RABBIT ;; esac
    python3 -c "print('cpu per POST %-8s %.2f ms' % ('$name', ($(ticks $p) - ${before[$name]}) * 1000 / $hz / $posts))"
  done
  python3 -c "print('cpu per POST %-8s %.2f ms (whole machine, incl. wrk and the rest)' % ('all', ($busy1 - $busy0) * 1000 / $hz / $posts))"
  python3 -c "print('rabbitmq per POST: raft log entries %.2f' % (($raft1 - $raft0) / $posts))"
  # MariaDB's own counters (whole server: other clients count too); Questions = statements from clients
  python3 - "$OUT/db0.txt" "$OUT/db1.txt" "$posts" <<'PY'
import sys
a = dict(l.split() for l in open(sys.argv[1])); b = dict(l.split() for l in open(sys.argv[2])); n = int(sys.argv[3])
print("mariadb per POST: " + ", ".join("%s %.2f" % (k, (int(b[k]) - int(a[k])) / n) for k in sorted(a)))
PY
} | tee "$OUT/summary.txt"
echo "results: $OUT"
