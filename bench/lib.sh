# Shell functions shared by the bench scripts (sourced, not run).

# drained BASE [SECONDS]: waits until the API at BASE lists no notification `new` or `running` (the engine
# has settled everything), at most SECONDS (default 180); on timeout it says so and returns 0 anyway, so a
# slow engine never aborts a benchmark run under `set -e`.
drained() {
  local base=$1 limit=${2:-180} st n
  for _ in $(seq 1 "$limit"); do
    n=0
    for st in new running; do
      n=$((n + $(curl -sf "$base/v1/notifications?status=$st&limit=1000" \
                 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["notifications"]))')))
    done
    [ "$n" = 0 ] && return 0
    sleep 1
  done
  echo "notifications still unsettled after $limit s at $base" >&2
}
