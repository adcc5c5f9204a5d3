#!/usr/bin/env bash
# Host-failure MTTR on cloud-sim: the all-in-one (API + engine with its defaults + H2) against the simulator
# in one JVM; prints a Markdown table with upstream's defaults computed from the same Nova (docs/performance.md).
#   bench/mttr-bench.sh                      # every case
#   bench/mttr-bench.sh single-100 rack-50x100
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# one reactor build (no install: sibling modules resolve to their target/classes)
./mvnw -q -DskipTests test-compile dependency:build-classpath -pl masakari-launcher -am \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/mttr-cp.txt
# -Xmx512m: the rack case must finish inside the issue's heap target
exec java -Xmx512m -XX:+UseSerialGC -Dlogback.configurationFile="$ROOT/bench/mttr-logback.xml" \
  -cp "masakari-launcher/target/test-classes:masakari-launcher/target/classes:$(cat masakari-launcher/target/mttr-cp.txt)" \
  org.masakari.launcher.demo.MttrBenchmark "$@"
