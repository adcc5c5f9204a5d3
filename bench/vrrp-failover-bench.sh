#!/usr/bin/env bash
# vrrp-failover-bench.sh [--runs N] [--adverts "1 0.1"] [--modes "link term"]
# Client-visible failover gap of lb-frontend's VRRP speaker vs keepalived, in the same run and the
# same namespace lab (../shared/tools/vrrp-lab.sh, own LAB_PREFIX so it never meets another lab):
# 3 nodes, priorities 150/100/50, VRRPv3; the client probe is the lab's own (`vrrp-lab.sh probe`:
# a new TCP connection + HTTP/1.0 GET of the VIP every 10 ms) and the gap is computed like the
# lab's `failover` report (largest time between two answered requests).
#   link = the MASTER's switch port goes down (node loss), term = SIGTERM (graceful, priority 0).
# Both implementations go through the same steps (keepalived is started by `vrrp-lab.sh ka-start`,
# i.e. exactly the lab's keepalived). The break happens right after the MASTER's next advert is
# seen on the bridge (tcpdump), so every run measures the same phase: the worst case of a node
# loss (a full Master_Down_Interval), instead of a random point between two adverts.
# Needs root; builds nothing: run
#   ./mvnw -q -o -f lb-frontend/pom.xml package -DskipTests   first.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MOD="$HERE/../lb-frontend"
LAB="$HERE/../../shared/tools/vrrp-lab.sh"
export LAB_PREFIX="${LAB_PREFIX:-lbf$$-}" LAB_STATE="${LAB_STATE:-/run/lbf-lab-$$}"
RUNS=3; ADVERTS="1 0.1"; MODES="link term"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2;; --adverts) ADVERTS="$2"; shift 2;; --modes) MODES="$2"; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
P="$LAB_PREFIX"; VIP=10.99.0.10
OURS_PIDS=()
KA_RUNNING=0
cleanup() {
  [ "$KA_RUNNING" = 1 ] && "$LAB" ka-stop >/dev/null 2>&1 || true
  for p in ${OURS_PIDS[@]+"${OURS_PIDS[@]}"}; do kill -KILL "$p" 2>/dev/null || true; done
  "$LAB" down >/dev/null 2>&1 || true
}
trap cleanup EXIT INT TERM
"$LAB" up >/dev/null 2>&1
"$LAB" http-start >/dev/null 2>&1
mkdir -p "$LAB_STATE/ours"

ANALYSE='
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
t_kill = float(sys.argv[2])
ok = lambda w: w.startswith("lb")
succ = [(float(r[0]), float(r[0]) + float(r[1])/1000) for r in rows if ok(r[2])]
gap = max((b[0] - a[1] for a, b in zip(succ, succ[1:])), default=0.0)
fails = sum(1 for r in rows if float(r[0]) >= t_kill and not ok(r[2]))
print("%.0f %d" % (gap * 1000, fails))
'

master() { local n f=""; for n in 1 2 3; do ip -n "${P}lb$n" -4 -o addr show dev eth0 | grep -q " $VIP/" && f="$f lb$n"; done; echo "${f# }"; }

start_ours() {  # advert
  local a="$1" n prio prios=(150 100 50)
  OURS_PIDS=()
  for n in 1 2 3; do
    prio="${prios[$((n-1))]}"
    cat > "$LAB_STATE/ours/lb$n.yaml" <<YAML
vrrp_instances:
  - {name: VI_1, interface: eth0, virtual_router_id: 51, priority: $prio, advert_int: $a, version: 3,
     virtual_ipaddress: [$VIP/24], garp_master_delay: 5}
YAML
    ip netns exec "${P}lb$n" java -Xmx96m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
      -Dlogback.configurationFile="$MOD/src/main/resources/lb-logback.xml" \
      -cp "$MOD/target/classes:$MOD/target/lib/*" org.masakari.lb.LbMain --config "$LAB_STATE/ours/lb$n.yaml" \
      > "$LAB_STATE/ours/lb$n.log" 2>&1 &
    OURS_PIDS+=($!)
  done
}

stop_ours() {
  local p
  for p in ${OURS_PIDS[@]+"${OURS_PIDS[@]}"}; do kill -TERM "$p" 2>/dev/null || true; done
  for p in ${OURS_PIDS[@]+"${OURS_PIDS[@]}"}; do wait "$p" 2>/dev/null || true; done
  OURS_PIDS=()
}

# break lb1 right after one of its adverts passes the bridge; prints the break time
break_after_advert() {  # mode impl
  local mode="$1" impl="$2" t
  { timeout 10 ip netns exec "${P}sw" tcpdump -c 1 -l -n -i br0 "ip proto 112 and src 10.99.0.11" 2>/dev/null || true; } | {
    read -r _ || true
    t="$(date +%s.%N)"
    case "$mode" in
      link) ip -n "${P}sw" link set lb1 down;;
      term) if [ "$impl" = ours ]; then kill -TERM "${OURS_PIDS[0]}"; else kill -TERM "$(cat "$LAB_STATE/ka-lb1/keepalived.pid")"; fi;;
    esac
    echo "$t"
  }
}

one_run() {  # impl advert mode -> prints "gap_ms failed"
  local impl="$1" a="$2" mode="$3" n
  if [ "$impl" = ours ]; then start_ours "$a"; else
    "$LAB" ka-start --version 3 --advert "$a" --nodes "1 2 3" --prio "150 100 50" >/dev/null 2>&1; KA_RUNNING=1; fi
  local t=0; while [ "$(master)" != "lb1" ] && [ $t -lt 300 ]; do sleep 0.1; t=$((t+1)); done
  [ "$(master)" = "lb1" ] || { echo "no-master -"; return 0; }
  sleep 6   # same settle time as the lab (GARP re-send after garp_master_delay)
  local to=100; [ "$a" != 1 ] && to=50
  local post; post=$(awk -v a="$a" 'BEGIN{x=3*a+4; if (x<5) x=5; printf "%d", x}')
  ip netns exec "${P}client" ip neigh flush to "$VIP" 2>/dev/null || true
  "$LAB" probe $((2 + post + 1)) 10 "$to" > "$LAB_STATE/probe.log" 2>/dev/null &
  local probe=$!
  sleep 2
  local t_kill; t_kill="$(break_after_advert "$mode" "$impl")"
  wait $probe || true
  python3 -c "$ANALYSE" "$LAB_STATE/probe.log" "$t_kill"
  if [ "$impl" = ours ]; then stop_ours; else "$LAB" ka-stop >/dev/null 2>&1 || true; KA_RUNNING=0; fi
  ip -n "${P}sw" link set lb1 up
  for n in 1 2 3; do ip -n "${P}lb$n" addr del "$VIP/24" dev eth0 2>/dev/null || true; done
  ip netns exec "${P}client" ip neigh flush to "$VIP" 2>/dev/null || true
}

printf '%-10s %-7s %-6s %-4s %10s %8s\n' impl advert mode run gap_ms failed
for a in $ADVERTS; do
  for mode in $MODES; do
    for r in $(seq 1 "$RUNS"); do
      read -r g f < <(one_run keepalived "$a" "$mode"); printf '%-10s %-7s %-6s %-4s %10s %8s\n' keepalived "$a" "$mode" "$r" "$g" "$f"
      read -r g f < <(one_run ours "$a" "$mode"); printf '%-10s %-7s %-6s %-4s %10s %8s\n' lb-frontend "$a" "$mode" "$r" "$g" "$f"
    done
  done
done
