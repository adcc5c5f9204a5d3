#!/usr/bin/env bash
# lb-frontend-steady.sh [--warm S] [--rounds R] [--wrk "ARGS"] [--close]
# Steady-state companion of lb-bench.sh: HAProxy (nbthread 1) and lb-frontend (1 event loop) run
# side by side for the whole measurement, both pinned to CPU 0; 2 nginx backends and wrk on CPU 1
# (same layout as lb-bench --pin). lb-frontend is warmed for S seconds first (the JIT needs CPU
# that a loaded shared core hands out slowly), then R interleaved wrk rounds hit HAProxy and ours.
# LB_MODE=tcp runs our frontend in L4 mode (HAProxy stays in mode http).
# CPU per request = process CPU time (utime+stime, all threads) during the round / requests.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$HERE/lib.sh"
MOD="$HERE/../lb-frontend"
WARM=60; ROUNDS=5; WRK="-t2 -c64 -d10s"; CLOSE=0
while [ $# -gt 0 ]; do
  case "$1" in --warm) WARM="$2"; shift 2;; --rounds) ROUNDS="$2"; shift 2;; --wrk) WRK="$2"; shift 2;;
    --close) CLOSE=1; shift;; *) echo "unknown $1" >&2; exit 2;; esac
done
S="$(mktemp -d /tmp/lb-steady.XXXXXX)"; PIDS=()
cleanup() { for p in ${PIDS[@]+"${PIDS[@]}"}; do kill -TERM "$p" 2>/dev/null || true; done; sleep 0.5
  for p in ${PIDS[@]+"${PIDS[@]}"}; do kill -KILL "$p" 2>/dev/null || true; done; rm -rf "$S"; }
trap cleanup EXIT INT TERM
B=28080
for i in 1 2; do
  nginx_backend_conf "$S/be$i" $((B + i)) "be$i"
  taskset -c 1 nginx -c "$S/be$i/nginx.conf" -p "$S/be$i" & PIDS+=($!)
done
haproxy_two_backends_cfg "$S/haproxy.cfg" "127.0.0.1:$((B + 10)) backlog 4096" "$B"
taskset -c 0 haproxy -db -f "$S/haproxy.cfg" > "$S/haproxy.log" 2>&1 & HA_PID=$!; PIDS+=($HA_PID)
cat > "$S/lb.yaml" <<LB
global: {event_loops: 1}
frontends:
  - {name: fe, bind: "127.0.0.1:$((B + 20))", mode: ${LB_MODE:-http}, default_backend: be, forwarded_headers: false}
backends:
  - name: be
    check: {type: tcp, inter: 2000, rise: 2, fall: 3}
    servers: [{name: be1, address: "127.0.0.1:$((B + 1))"}, {name: be2, address: "127.0.0.1:$((B + 2))"}]
LB
taskset -c 0 java -XX:+UseParallelGC -Xms256m -Xmx256m -XX:+AlwaysPreTouch -XX:-UsePerfData \
  -Dlogback.configurationFile="$MOD/src/main/resources/lb-logback.xml" \
  -cp "$MOD/target/classes:$MOD/target/lib/*" org.masakari.lb.LbMain --config "$S/lb.yaml" > "$S/lb.log" 2>&1 & LB_PID=$!; PIDS+=($LB_PID)
for p in $((B + 1)) $((B + 2)) $((B + 10)) $((B + 20)); do
  for _ in $(seq 1 600); do curl -s -o /dev/null -m 1 "http://127.0.0.1:$p/" && break; sleep 0.1; done
done
HDR=(); [ $CLOSE = 1 ] && HDR=(-H "Connection: close")
echo "warming lb-frontend for ${WARM}s" >&2
taskset -c 1 wrk -t1 -c32 -d"${WARM}s" ${HDR[@]+"${HDR[@]}"} "http://127.0.0.1:$((B + 20))/" > /dev/null 2>&1 || true
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TCK=$(getconf CLK_TCK)
printf '%-12s %-5s %10s %8s %8s %10s %6s\n' target round req/s p50_ms p99_ms cpu_us/req load
for r in $(seq 1 "$ROUNDS"); do
  for t in haproxy lb-frontend; do
    if [ $t = haproxy ]; then port=$((B + 10)); pid=$HA_PID; else port=$((B + 20)); pid=$LB_PID; fi
    c0=$(cpu $pid)
    out="$(taskset -c 1 wrk $WRK --latency ${HDR[@]+"${HDR[@]}"} "http://127.0.0.1:$port/")"
    c1=$(cpu $pid)
    rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
    reqs=$(echo "$out" | awk '/requests in/{print $1}')
    p50=$(echo "$out" | awk '$1=="50%"{print $2}'); p99=$(echo "$out" | awk '$1=="99%"{print $2}')
    cus=$(awk -v c=$((c1 - c0)) -v n="$reqs" -v t="$TCK" 'BEGIN{printf "%.1f", c / t * 1e6 / n}')
    printf '%-12s %-5s %10.0f %8s %8s %10s %6s\n' $t $r "$rps" "$p50" "$p99" "$cus" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
