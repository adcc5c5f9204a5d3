#!/usr/bin/env bash
# lb-frontend-custom.sh PORT BACKENDS [INTER_MS FALL RISE]
# The "custom" plug-in of ../shared/tools/lb-bench.sh for our balancer: lb-frontend in the
# foreground on 127.0.0.1:PORT over BACKENDS (comma-separated host:port), SIGTERM stops it.
#   LB_MODE=http|tcp (http)   LB_FORWARDED=true|false (false, like lb-bench's HAProxy)   LB_CHECK_TYPE=tcp|http (tcp)   LB_EVENT_LOOPS (default $LB_THREADS or 1)
#   LB_TLS_CERT, LB_TLS_KEY: PEM files: the frontend terminates TLS (clients use https://)
#   LB_TIMEOUT_SILENT=DURATION (the backend default, 5s): timeout.silent, the silent-server retry of safe requests; 0 = off
#   LB_STARTUP_WARMUP=DURATION (8s): global.warmup, local traffic through the HTTP fast path inside
#     the JVM before the frontend listens (JIT warm-up without a side port); 0 = none.
#   LB_JAVA_OPTS: JVM options instead of the defaults below.
#   LB_WARMUP_SECONDS=N (0): before listening on PORT, serve a side port and drive wrk through it
#     for N s (JIT warm-up), then move the frontend to PORT by a reload (POST /reload on the admin
#     port PORT+2000; SIGHUP would be lost under nohup, which leaves SIGHUP ignored). 0 = cold start.
# Build first: ./mvnw -q -o -f lb-frontend/pom.xml package -DskipTests
# JVM flags are explicit because under "taskset -c 0" ergonomics pick one-CPU defaults (lab §7).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MOD="$HERE/../lb-frontend"
PORT="$1"; BACKENDS="$2"; INTER="${3:-2000}"; FALL="${4:-3}"; RISE="${5:-2}"
MODE="${LB_MODE:-http}"; CHECK="${LB_CHECK_TYPE:-tcp}"; LOOPS="${LB_EVENT_LOOPS:-${LB_THREADS:-1}}"
WARM="${LB_WARMUP_SECONDS:-0}"
[ -d "$MOD/target/lib" ] || { echo "build lb-frontend first (package)" >&2; exit 1; }
CFG="$(mktemp /tmp/lb-frontend-bench.XXXXXX.yaml)"
write_cfg() {  # listen port
  {
    # forwarded_headers false: lb-bench's HAProxy config has no "option forwardfor" either
    printf 'global:\n  admin: 127.0.0.1:%s\n  event_loops: %s\n  warmup: %s\nfrontends:\n  - name: fe\n    bind: 127.0.0.1:%s\n    mode: %s\n    default_backend: be\n    forwarded_headers: %s\n' $((PORT + 2000)) "$LOOPS" "${LB_STARTUP_WARMUP:-8s}" "$1" "$MODE" "${LB_FORWARDED:-false}"
    [ -n "${LB_TLS_CERT:-}" ] && printf '    tls: {cert: %s, key: %s}\n' "$LB_TLS_CERT" "$LB_TLS_KEY"
    printf 'backends:\n  - name: be\n    check: {type: %s, inter: %s, fall: %s, rise: %s}\n' "$CHECK" "$INTER" "$FALL" "$RISE"
    [ -n "${LB_TIMEOUT_SILENT:-}" ] && printf '    timeout: {silent: %s}\n' "$LB_TIMEOUT_SILENT"
    printf '    servers:\n'
    i=0; for b in ${BACKENDS//,/ }; do i=$((i+1)); printf '      - {name: be%d, address: "%s"}\n' "$i" "$b"; done
  } > "$CFG.new"
  mv "$CFG.new" "$CFG"
}
LISTEN="$PORT"; [ "$WARM" -gt 0 ] && LISTEN=$((PORT + 1000))
write_cfg "$LISTEN"
# shellcheck disable=SC2086
# PerMethodTrapLimit=0 and MaxTenuringThreshold=1 as in bin/masakari lb (why: there); the rest fixes what ergonomics would pick under taskset
java ${LB_JAVA_OPTS:--XX:+UseParallelGC -XX:PerMethodTrapLimit=0 -XX:MaxTenuringThreshold=1 -Xms256m -Xmx256m -XX:+AlwaysPreTouch -XX:-UsePerfData -Dio.netty.leakDetection.level=disabled} \
  -Dlogback.configurationFile="${LB_LOGBACK:-$MOD/src/main/resources/lb-logback.xml}" \
  -cp "$MOD/target/classes:$MOD/target/lib/*" org.masakari.lb.LbMain --config "$CFG" &
child=$!
trap 'kill -TERM $child 2>/dev/null || true; wait $child 2>/dev/null || true; rm -f "$CFG"' EXIT TERM INT
if [ "$WARM" -gt 0 ]; then
  SCHEME=http; [ -n "${LB_TLS_CERT:-}" ] && SCHEME=https
  for _ in $(seq 1 300); do curl -sk -o /dev/null -m 1 "$SCHEME://127.0.0.1:$LISTEN/" && break; sleep 0.1; done
  taskset -c 1 wrk -t1 -c32 -d"${WARM}s" "$SCHEME://127.0.0.1:$LISTEN/" > /dev/null 2>&1 || true
  write_cfg "$PORT"
  curl -s -m 10 -X POST "http://127.0.0.1:$((PORT + 2000))/reload" > /dev/null
fi
wait $child
