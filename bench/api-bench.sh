#!/usr/bin/env bash
# API benchmark: our Java API and upstream Masakari 14.0.2, same machine, same MariaDB and RabbitMQ,
# same seeding and wrk parameters (../shared/tools/upstream-bench.sh), one run. Prints a table with
# ratios and writes raw wrk outputs under bench/results/<timestamp>/.
#
# Order: upstream first (ours not yet started), then ours at saturation (wrk's closed loop, the
# throughput ratio), then ours once more per case at an offered rate of 10x what upstream achieved in
# this run (bench/paced.lua, an open-loop schedule): the latency target is about serving that rate.
#
#   bench/api-bench.sh            # needs root (starts upstream via ../shared/tools/upstream-masakari.sh)
#
# Our API is started with the masakari.conf that upstream-masakari.sh writes for upstream, with only
# [database] connection changed (and the port moved by MASAKARI__DEFAULT__MASAKARI_API_LISTEN_PORT),
# which is also the "upstream config starts our API" acceptance check.
# Knobs: BENCH_DURATION [15s], BENCH_CONNS [16], BENCH_THREADS [2], OUR_PORT [15869], BENCH_QUIET_WAIT [120]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=$(cd "$ROOT/../shared" && pwd)
TOOLS=$SHARED/tools
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/bench/results/$STAMP
OUR_PORT=${OUR_PORT:-15869}
export BENCH_QUIET_WAIT=${BENCH_QUIET_WAIT:-120}
mkdir -p "$OUT"
J='Content-Type: application/json'

"$TOOLS/upstream-masakari.sh" reset >"$OUT/upstream-start.log" 2>&1
STATE=$("$TOOLS/upstream-masakari.sh" status 2>/dev/null | awk '/^state dir:/{print $3; exit}')
STATE=${STATE:-${UPSTREAM_MASAKARI_STATE:-/tmp/upstream-masakari}}
UPCONF=$STATE/etc/masakari.conf
[ -f "$UPCONF" ] || { echo "upstream config not found at $UPCONF" >&2; exit 1; }

# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
bench_one() { # label base
  local label=$1 base=$2
  echo "$label: load average before $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/load.txt"
  BENCH_LABEL=$label "$TOOLS/upstream-bench.sh" "$base" "$OUT/$label" | tee "$OUT/$label.summary"
  # the issue's third case: GET /v1/notifications returning 1 000 rows (the POST run left thousands)
  drained "$base"
  wrk -t"${BENCH_THREADS:-2}" -c"${BENCH_CONNS:-16}" -d3s "$base/v1/notifications?limit=1000" >/dev/null 2>&1
  { echo "# wrk -t${BENCH_THREADS:-2} -c${BENCH_CONNS:-16} -d${BENCH_DURATION:-15s} --latency <base>/v1/notifications?limit=1000"
    wrk -t"${BENCH_THREADS:-2}" -c"${BENCH_CONNS:-16}" -d"${BENCH_DURATION:-15s}" --latency -s "$TOOLS/bench/status-count.lua" \
      "$base/v1/notifications?limit=1000"; } >"$OUT/$label/06-get-notifications-1000.txt" 2>&1
  echo "$label: load average after  $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/load.txt"
}

# ---- upstream, alone on the machine --------------------------------------------------------------
bench_one upstream "$("$TOOLS/upstream-masakari.sh" url)"
# upstream's API and engine go (each is its own process group); the Nova stub stays: ours asks it too
for comp in api engine; do
  pg=$(cat "$STATE/$comp.pid" 2>/dev/null) || continue
  kill -TERM -- "-$pg" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 -- "-$pg" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$pg" 2>/dev/null || true
done

# ---- ours: upstream's masakari.conf, [database] connection changed -------------------------------
mysql -uroot -e "DROP DATABASE IF EXISTS masakari_java_bench; CREATE DATABASE masakari_java_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
OURCONF=$OUT/masakari.conf
awk '/^\[database\]/{print; print "connection = mysql+pymysql://root:@127.0.0.1/masakari_java_bench?charset=utf8"; skip=1; next}
     /^\[/{skip=0} skip && /^connection/ {next} {print}' "$UPCONF" >"$OURCONF"
diff "$UPCONF" "$OURCONF" >"$OUT/config.diff" || true
"$ROOT/bin/masakari" db sync --config "$OURCONF" >"$OUT/java-dbsync.log" 2>&1
export MASAKARI__DEFAULT__MASAKARI_API_LISTEN_PORT=$OUR_PORT
# each command with bin/masakari's own JVM defaults, as deployed: the API with C2 (the warm-up below gives it the
# minute it needs on 2 shared cores to compile the request paths), the engine with C1
unset MASAKARI_JAVA_OPTS
"$ROOT/bin/masakari" api --config "$OURCONF" >"$OUT/java-api.log" 2>&1 &
API_PID=$!
ENGINE_PID=
if "$ROOT/bin/masakari" engine --help >/dev/null 2>&1; then
  "$ROOT/bin/masakari" engine --config "$OURCONF" >"$OUT/java-engine.log" 2>&1 &
  ENGINE_PID=$!
fi
cleanup() { kill "$API_PID" ${ENGINE_PID:+"$ENGINE_PID"} 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$OUR_PORT/v1/segments" >/dev/null && break; sleep 1; done

# A JVM serves warm in production; give ours a minute of the same request mix on throw-away rows first,
# then remove those rows so both implementations start the measured runs from the same data.
warm_up() { # base
  local base=$1 seg host i
  seg=$(curl -sf -X POST "$base/v1/segments" -H "$J" -d '{"segment":{"name":"warm-seg","recovery_method":"auto","service_type":"COMPUTE"}}' \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["segment"]["uuid"])')
  for i in $(seq 0 9); do
    curl -sf -X POST "$base/v1/segments/$seg/hosts" -H "$J" -d "{\"host\":{\"name\":\"warm-host-$i\",\"type\":\"COMPUTE\",\"control_attributes\":\"SSH\"}}" >/dev/null
  done
  ( cd "$OUT" && sed 's/bench-host-/warm-host-/' "$TOOLS/bench/post-notification.lua" >warm-post.lua )
  BENCH_HOSTS=10 wrk -t2 -c16 -d8s -s "$OUT/warm-post.lua" "$base/v1/notifications" >/dev/null 2>&1
  for i in 1 2 3; do   # thousands of warm rows: the plain list is the 1 000-row page
    wrk -t2 -c16 -d6s "$base/v1/segments" >/dev/null 2>&1
    wrk -t2 -c16 -d4s "$base/v1/segments/$seg" >/dev/null 2>&1
    wrk -t2 -c16 -d6s "$base/v1/notifications" >/dev/null 2>&1
    wrk -t2 -c16 -d4s "$base/v1/notifications?limit=50" >/dev/null 2>&1
  done
  sleep 5
  mysql -uroot masakari_java_bench -e "DELETE FROM notification_outbox; DELETE n FROM notifications n JOIN hosts h ON h.uuid = n.source_host_uuid WHERE h.name LIKE 'warm-host-%'; DELETE FROM host_notification_guard; DELETE FROM hosts WHERE name LIKE 'warm-host-%'; DELETE FROM failover_segments WHERE name = 'warm-seg';"
}

warm_up "http://127.0.0.1:$OUR_PORT"
ours_cpu() { echo "$1: cpu seconds api $(ps -o times= -p "$API_PID") engine ${ENGINE_PID:+$(ps -o times= -p "$ENGINE_PID")}" >>"$OUT/load.txt"; }
ours_cpu "java (before)"
bench_one java "http://127.0.0.1:$OUR_PORT"
ours_cpu "java (after)"

# ---- ours at 10x upstream's rate of this run (open loop) ------------------------------------------
idle_wait() { # until the CPUs are >= 90 % idle over 1 s (MariaDB flushing after the saturation runs), at most 60 s
  local a b i idle
  for i in $(seq 1 60); do
    read -r -a a < <(head -1 /proc/stat); sleep 1; read -r -a b < <(head -1 /proc/stat)
    idle=$(( 100 * (b[4] + b[5] - a[4] - a[5]) / ( (b[1]+b[2]+b[3]+b[4]+b[5]+b[6]+b[7]+b[8]) - (a[1]+a[2]+a[3]+a[4]+a[5]+a[6]+a[7]+a[8]) ) ))
    [ "$idle" -ge 90 ] && return 0
  done
}
paced_one() { # case path [post]
  local case=$1 path=$2 mode=${3:-} base="http://127.0.0.1:$OUR_PORT" up rate
  up=$(grep -oP 'Requests/sec:\s+\K[\d.]+' "$OUT/upstream/$case.txt" || echo 0)
  rate=$(python3 -c "print(max(1, round(10 * float('$up'))))")
  drained "$base"; idle_wait
  { echo "# wrk -t2 -c${BENCH_CONNS:-16} -d${BENCH_DURATION:-15s} --latency -s bench/paced.lua <base>$path -- $rate 2 $mode  (10 x upstream's $up req/s)"
    echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    python3 "$TOOLS/bench/cpu-snapshot.py" snap "$OUT/java-paced/$case.s0"
    wrk -t2 -c"${BENCH_CONNS:-16}" -d"${BENCH_DURATION:-15s}" --latency -s "$ROOT/bench/paced.lua" "$base$path" -- "$rate" 2 $mode
    python3 "$TOOLS/bench/cpu-snapshot.py" snap "$OUT/java-paced/$case.s1"
    echo "# cpu during run: $(python3 "$TOOLS/bench/cpu-snapshot.py" diff "$OUT/java-paced/$case.s0" "$OUT/java-paced/$case.s1" | tr '\n' ' ')"
  } >"$OUT/java-paced/$case.txt" 2>&1
  rm -f "$OUT/java-paced/$case.s0" "$OUT/java-paced/$case.s1"
  grep -E "Requests/sec|  99%|paced:" "$OUT/java-paced/$case.txt" | tr '\n' ' '; echo " <- $case at $rate/s"
}
mkdir -p "$OUT/java-paced"
SEG0=$(curl -sf "http://127.0.0.1:$OUR_PORT/v1/segments?limit=1000" | python3 -c 'import json,sys; print([s["uuid"] for s in json.load(sys.stdin)["segments"] if s["name"]=="bench-seg-00"][0])')
paced_one 01-get-segments /v1/segments
paced_one 02-get-segment "/v1/segments/$SEG0"
# case 03 listed the 50 seeded rows; thousands exist now, so the same 50-row body is asked with limit=50
paced_one 03-get-notifications "/v1/notifications?limit=50"
paced_one 05-get-notifications-limit50 "/v1/notifications?limit=50"
paced_one 06-get-notifications-1000 "/v1/notifications?limit=1000"
paced_one 04-post-notifications /v1/notifications post
drained "http://127.0.0.1:$OUR_PORT"
cleanup
trap - EXIT
"$TOOLS/upstream-masakari.sh" stop >/dev/null 2>&1 || true

python3 - "$OUT" <<'PY'
import os, re, sys
out = sys.argv[1]
def parse(path):
    t = open(path).read()
    rps = re.search(r"Requests/sec:\s+([\d.]+)", t)
    p50 = re.search(r"\s50%\s+([\d.]+)(us|ms|s)", t)
    p99 = re.search(r"\s99%\s+([\d.]+)(us|ms|s)", t)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
    def ms(m):
        if not m: return float("nan")
        v, u = float(m.group(1)), m.group(2)
        return v / 1000 if u == "us" else v * 1000 if u == "s" else v
    return (float(rps.group(1)) if rps else float("nan"), ms(p50), ms(p99), int(non2xx.group(1)) if non2xx else 0)
cases = sorted(f for f in os.listdir(os.path.join(out, "java")) if f.endswith(".txt") and f[:2].isdigit() and f != "00-dataset.txt")
lines = ["| case | ours req/s | upstream req/s | ratio | ours p50/p99 ms | upstream p50/p99 ms | non-2xx ours/upstream |",
         "|---|---|---|---|---|---|---|"]
for c in cases:
    j = parse(os.path.join(out, "java", c)); u = parse(os.path.join(out, "upstream", c))
    lines.append("| %s | %.0f | %.0f | %.1fx | %.1f / %.1f | %.1f / %.1f | %d / %d |" % (
        c[:-4], j[0], u[0], j[0] / u[0] if u[0] else float("nan"), j[1], j[2], u[1], u[2], j[3], u[3]))
lines += ["", "Ours at an offered rate of 10x upstream's (bench/paced.lua, open loop):", "",
          "| case | offered req/s | achieved req/s | ours p50/p99 ms | late sends | non-2xx |", "|---|---|---|---|---|---|"]
for c in cases:
    path = os.path.join(out, "java-paced", c)
    if not os.path.exists(path):
        continue
    t = open(path).read()
    offered = re.search(r"-- (\d+) 2", t)
    late = re.search(r"late sends \(>1 ms after their slot\) (\d+) \(([\d.]+) %\)", t)
    p = parse(path)
    lines.append("| %s | %s | %.0f | %.1f / %.1f | %s | %d |" % (c[:-4], offered.group(1) if offered else "?", p[0], p[1], p[2],
        "%s (%s %%)" % (late.group(1), late.group(2)) if late else "?", p[3]))
table = "\n".join(lines)
if os.path.exists(os.path.join(out, "load.txt")):
    table += "\n\n" + open(os.path.join(out, "load.txt")).read().strip()
open(os.path.join(out, "summary.md"), "w").write(table + "\n")
print(table)
PY
echo "results: $OUT"
