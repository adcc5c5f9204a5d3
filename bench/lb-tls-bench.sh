#!/usr/bin/env bash
# lb-tls-bench.sh [ROUNDS] - TLS termination, HAProxy against lb-frontend, same run, same harness as lb-bench.sh --pin:
# the balancer on CPU 0 (HAProxy nbthread 1, ours one event loop), two nginx back ends and wrk on CPU 1,
# `wrk -t2 -c64 -d10s` over https (keep-alive: one handshake per connection) and with `Connection: close`
# (a full handshake per request). Rounds alternate HAProxy / ours, a fresh process each; prints per round and
# the median of rounds: req/s, p50, p99, CPU µs per request of the balancer. Loopback only; every run is 10 s.
# Needs haproxy, nginx, wrk, openssl (../shared/tools/install-labs.sh) and a built lb-frontend (package).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$HERE/lib.sh"
ROUNDS="${1:-3}"
BASE=19180
WORK="$(mktemp -d /tmp/lb-tls-bench.XXXXXX)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill -TERM -- "-$p" 2>/dev/null || kill -TERM "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -keyout "$WORK/lb.key" -out "$WORK/lb.crt" 2>/dev/null
cat "$WORK/lb.crt" "$WORK/lb.key" > "$WORK/lb.pem"
for i in 1 2; do
  nginx_backend_conf "$WORK/be$i" $((BASE + i)) "be$i"
  setsid taskset -c 1 nginx -c "$WORK/be$i/nginx.conf" -p "$WORK/be$i" > /dev/null 2>&1 &
  PIDS+=($!)
done
haproxy_two_backends_cfg "$WORK/haproxy.cfg" "127.0.0.1:$BASE ssl crt $WORK/lb.pem backlog 4096" "$BASE"
ticks() { local t=0 f line; for f in /proc/[0-9]*/stat; do { read -r line < "$f"; } 2>/dev/null || continue; line="${line##*) }"; set -- $line; [ "$3" = "$PG" ] && t=$((t + ${12} + ${13})); done; echo $t; }
run() {  # name mode(keepalive|close) -> one line
  local name=$1 mode=$2 hdr=()
  [ "$mode" = close ] && hdr=(-H "Connection: close")
  if [ "$name" = haproxy ]; then
    setsid taskset -c 0 haproxy -db -f "$WORK/haproxy.cfg" > "$WORK/haproxy.log" 2>&1 &
  else
    LB_TLS_CERT="$WORK/lb.crt" LB_TLS_KEY="$WORK/lb.key" setsid taskset -c 0 "$HERE/lb-frontend-custom.sh" "$BASE" \
      "127.0.0.1:$((BASE + 1)),127.0.0.1:$((BASE + 2))" > "$WORK/ours.log" 2>&1 &
  fi
  PG=$!
  for _ in $(seq 1 600); do curl -sk -o /dev/null -m 1 "https://127.0.0.1:$BASE/" && break; sleep 0.1; done
  local c0; c0=$(ticks)
  taskset -c 1 wrk -t2 -c64 -d10s --latency ${hdr[@]+"${hdr[@]}"} "https://127.0.0.1:$BASE/" > "$WORK/wrk.out" 2>&1 || true
  local c1; c1=$(ticks)
  kill -TERM -- "-$PG" 2>/dev/null || true; wait "$PG" 2>/dev/null || true; sleep 0.5
  local n rps p50 p99
  n=$(awk '/requests in/{print $1}' "$WORK/wrk.out"); rps=$(awk '/Requests\/sec/{print $2}' "$WORK/wrk.out")
  p50=$(awk '$1=="50%"{print $2}' "$WORK/wrk.out"); p99=$(awk '$1=="99%"{print $2}' "$WORK/wrk.out")
  echo "$name $mode rps=$rps p50=$p50 p99=$p99 cpu_us_per_req=$(awk -v c=$((c1 - c0)) -v n="${n:-1}" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.1f", c * 1e6 / hz / n}')"
}
for mode in keepalive close; do
  for r in $(seq 1 "$ROUNDS"); do
    for name in haproxy ours; do echo "round $r $(run $name $mode)"; done
  done
done | tee "$WORK/rounds.txt"
echo "medians:"
for mode in keepalive close; do for name in haproxy ours; do
  grep " $name $mode " "$WORK/rounds.txt" | awk -v name=$name -v mode=$mode '
    { split($5,a,"="); r[NR]=a[2]; split($6,b,"="); p50[NR]=b[2]+0; split($7,c,"="); p99[NR]=c[2]+0; split($8,d,"="); cpu[NR]=d[2] }
    END { n=asort(r); m=int((n+1)/2); asort(p99); asort(cpu); asort(p50); printf "%-8s %-9s rps=%s p50=%sms p99=%sms cpu_us_per_req=%s (medians of %d rounds, each column sorted on its own)\n", name, mode, r[m], p50[m], p99[m], cpu[m], n }'
done; done
