#!/usr/bin/env bash
# lb-frontend-custom.sh PORT BACKENDS [INTER_MS FALL RISE [MODE [CHECK_TYPE]]]
# The "custom" plug-in of ../shared/tools/lb-bench.sh for our balancer: runs lb-frontend in the
# foreground (exec, so lb-bench's SIGTERM reaches the JVM) on 127.0.0.1:PORT over BACKENDS.
# Build first: ./mvnw -q -o -f lb-frontend/pom.xml package -DskipTests
# JVM flags are explicit because under "taskset -c 0" ergonomics would pick one-CPU defaults (lab §7).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MOD="$HERE/../lb-frontend"
PORT="$1"; BACKENDS="$2"; INTER="${3:-2000}"; FALL="${4:-3}"; RISE="${5:-2}"; MODE="${6:-${LB_MODE:-http}}"; CHECK="${7:-${LB_CHECK_TYPE:-tcp}}"
LOOPS="${LB_EVENT_LOOPS:-${LB_THREADS:-1}}"
[ -d "$MOD/target/lib" ] || { echo "build lb-frontend first (package)" >&2; exit 1; }
exec java -XX:+UseParallelGC -Xms256m -Xmx256m -XX:+AlwaysPreTouch -XX:-UsePerfData \
  -Dlogback.configurationFile="$MOD/src/main/resources/lb-logback.xml" \
  -cp "$MOD/target/classes:$MOD/target/lib/*" org.masakari.lb.LbMain \
  --listen "127.0.0.1:$PORT" --backends "$BACKENDS" --mode "$MODE" --check-type "$CHECK" \
  --check-inter "$INTER" --check-fall "$FALL" --check-rise "$RISE" --event-loops "$LOOPS"
