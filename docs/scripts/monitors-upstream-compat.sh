#!/usr/bin/env bash
# Cross-compatibility of the Java monitors with upstream Masakari (see docs/monitors.md).
#
#   docs/scripts/monitors-upstream-compat.sh java-to-upstream
#       our processmonitor (launcher jar) posts PROCESS/STOPPED to upstream masakari-api 14.0.2
#       (../shared/tools/upstream-masakari.sh), which must answer 202 and list the notification.
#   docs/scripts/monitors-upstream-compat.sh java-vm-to-upstream
#       our instancemonitor posts VM LIFECYCLE/STOPPED_FAILED for a SIGKILLed lab qemu domain
#       (../shared/tools/libvirt-lab.sh, one tiny domain) to upstream masakari-api.
#   docs/scripts/monitors-upstream-compat.sh java-host-to-upstream
#       three hostmonitor processes (heartbeat driver, 127.77.5.11-13) for hosts registered in one
#       segment; one is killed; exactly one COMPUTE_HOST STOPPED must be listed by upstream.
#   docs/scripts/monitors-upstream-compat.sh upstream-to-java URL
#       Debian's masakari-processmonitor (Python, upstream) posts PROCESS/STOPPED to our API at URL
#       (e.g. http://127.0.0.1:15890/v1 of `masakari aio`), which must list the notification.
#
# Needs: the launcher built (./mvnw -o package -pl masakari-launcher -DskipTests after installing
# the modules), curl, python3, and for upstream-to-java the masakari-monitors-common package.
# Leaves upstream Masakari running only if it was running before.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SHARED="$ROOT/../shared"
WORK=$(mktemp -d /tmp/monitors-compat.XXXXXX)
RAND=$(printf '%06d' $((RANDOM * 32768 % 1000000 + RANDOM % 1000)))
HOST="compute-compat-$RAND"
MARK="31$RAND.5"
JAVA_CP="$ROOT/masakari-launcher/target/masakari-launcher.jar:$ROOT/masakari-launcher/target/lib/*"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
say() { echo "compat: $*" >&2; }

process_list() { # an entry that is started once and can never be restarted
  cat > "$WORK/process_list.yaml" <<YAML
- process_name: sleep $MARK
  start_command: setsid -f sleep $MARK
  pre_start_command:
  post_start_command:
  restart_command: /bin/false
  pre_restart_command:
  post_restart_command:
  run_as_root: false
YAML
}

wait_for_marker_then_kill() {
  local i pid
  for i in $(seq 1 100); do
    pid=$(pgrep -f -x "sleep $MARK" || true)
    [[ -n $pid ]] && break
    sleep 0.1
  done
  [[ -n $pid ]] || { say "marker process never started"; exit 1; }
  kill -9 "$pid"
  say "killed marker process $pid"
}

api_setup() { # $1 = base URL ending in /v1: a segment and our host in it
  local base=$1 seg
  seg=$(curl -sf -X POST "$base/segments" -H 'Content-Type: application/json' \
    -d "{\"segment\": {\"name\": \"compat-$RAND\", \"recovery_method\": \"auto\", \"service_type\": \"COMPUTE\"}}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["segment"]["uuid"])')
  curl -sf -X POST "$base/segments/$seg/hosts" -H 'Content-Type: application/json' \
    -d "{\"host\": {\"name\": \"$HOST\", \"type\": \"COMPUTE\", \"control_attributes\": \"SSH\"}}" >/dev/null
  say "segment $seg with host $HOST created at $base"
}

await_notification() { # $1 = base URL: wait until a PROCESS notification of $HOST is listed
  local base=$1 i
  for i in $(seq 1 60); do
    if curl -sf "$base/notifications?limit=1000" | grep -q "\"process_name\": \"sleep $MARK\"\|\"process_name\":\"sleep $MARK\""; then
      curl -sf "$base/notifications?limit=1000" | python3 -c '
import json, sys
mark = sys.argv[1]
for n in json.load(sys.stdin)["notifications"]:
    if n["payload"].get("process_name") == mark:
        print(json.dumps({k: n[k] for k in ("type", "generated_time", "payload", "status")}))
' "sleep $MARK"
      return 0
    fi
    sleep 1
  done
  say "no notification for $HOST listed by $base"
  return 1
}

java_to_upstream() {
  local was_running=yes base
  "$SHARED/tools/upstream-masakari.sh" status >/dev/null 2>&1 || was_running=no
  [[ $was_running == yes ]] || "$SHARED/tools/upstream-masakari.sh" start >&2
  base="$("$SHARED/tools/upstream-masakari.sh" url)/v1"
  api_setup "$base"
  process_list
  cat > "$WORK/masakarimonitors.conf" <<CONF
[DEFAULT]
hostname = $HOST
[api]
auth_type = none
endpoint = $base
[process]
check_interval = 1
restart_retries = 0
restart_interval = 1
api_retry_max = 2
api_retry_interval = 2
process_list_path = $WORK/process_list.yaml
[status]
processmonitor_port = 0
CONF
  java -cp "$JAVA_CP" org.masakari.launcher.Main processmonitor --config "$WORK/masakarimonitors.conf" \
    > "$WORK/processmonitor.log" 2>&1 &
  PIDS+=($!)
  wait_for_marker_then_kill
  local rc=0
  await_notification "$base" || rc=1
  grep -E "delivered|rejected|dropped" "$WORK/processmonitor.log" >&2 || true
  [[ $was_running == yes ]] || "$SHARED/tools/upstream-masakari.sh" stop >&2
  return $rc
}

java_vm_to_upstream() {
  local was_running=yes base uuid=1ab00000-0000-4000-8000-000000000001 rc=0 i
  "$SHARED/tools/upstream-masakari.sh" status >/dev/null 2>&1 || was_running=no
  [[ $was_running == yes ]] || "$SHARED/tools/upstream-masakari.sh" start >&2
  base="$("$SHARED/tools/upstream-masakari.sh" url)/v1"
  api_setup "$base"
  LAB_DIR=$WORK/lab "$SHARED/tools/libvirt-lab.sh" up 1 >&2
  cat > "$WORK/masakarimonitors.conf" <<CONF
[DEFAULT]
hostname = $HOST
[api]
auth_type = none
endpoint = $base
[callback]
retry_max = 2
retry_interval = 2
[status]
instancemonitor_port = 0
CONF
  java -cp "$JAVA_CP" org.masakari.launcher.Main instancemonitor --config "$WORK/masakarimonitors.conf" \
    > "$WORK/instancemonitor.log" 2>&1 &
  PIDS+=($!)
  for i in $(seq 1 60); do grep -q "connected; watching" "$WORK/instancemonitor.log" && break; sleep 0.5; done
  LAB_DIR=$WORK/lab "$SHARED/tools/libvirt-lab.sh" kill 1 >&2
  for i in $(seq 1 30); do
    curl -sf "$base/notifications?limit=1000" | grep -q "$uuid" && break
    sleep 1
  done
  curl -sf "$base/notifications?limit=1000" | python3 -c '
import json, sys
for n in json.load(sys.stdin)["notifications"]:
    if n["payload"].get("instance_uuid") == sys.argv[1]:
        print(json.dumps({k: n[k] for k in ("type", "generated_time", "payload", "status")}))
        sys.exit(0)
sys.exit(1)
' "$uuid" || rc=1
  grep -E "delivered|rejected|dropped" "$WORK/instancemonitor.log" | cut -c1-300 >&2 || true
  LAB_DIR=$WORK/lab "$SHARED/tools/libvirt-lab.sh" down >&2
  [[ $was_running == yes ]] || "$SHARED/tools/upstream-masakari.sh" stop >&2
  return $rc
}

java_host_to_upstream() {
  local was_running=yes base rc=0 i n seg addrs port=$((20000 + RANDOM % 20000)) pids=() count
  "$SHARED/tools/upstream-masakari.sh" status >/dev/null 2>&1 || was_running=no
  [[ $was_running == yes ]] || "$SHARED/tools/upstream-masakari.sh" start >&2
  base="$("$SHARED/tools/upstream-masakari.sh" url)/v1"
  seg=$(curl -sf -X POST "$base/segments" -H 'Content-Type: application/json' \
    -d "{\"segment\": {\"name\": \"compat-hb-$RAND\", \"recovery_method\": \"auto\", \"service_type\": \"COMPUTE\"}}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["segment"]["uuid"])')
  addrs=""
  for n in 1 2 3; do
    curl -sf -X POST "$base/segments/$seg/hosts" -H 'Content-Type: application/json' \
      -d "{\"host\": {\"name\": \"hb$n-$RAND\", \"type\": \"COMPUTE\", \"control_attributes\": \"SSH\"}}" >/dev/null
    addrs="$addrs${addrs:+, }hb$n-$RAND=127.77.5.1$n"
  done
  for n in 1 2 3; do
    cat > "$WORK/hb$n.conf" <<CONF
[DEFAULT]
hostname = hb$n-$RAND
[api]
auth_type = none
endpoint = $base
[host]
monitoring_driver = heartbeat
disable_ipmi_check = true
api_retry_max = 2
api_retry_interval = 2
[heartbeat]
management_addresses = $addrs
port = $port
interval = 1
dead_after = 3
[status]
hostmonitor_port = 0
CONF
    java -cp "$JAVA_CP" org.masakari.launcher.Main hostmonitor --config "$WORK/hb$n.conf" > "$WORK/hb$n.log" 2>&1 &
    pids+=($!); PIDS+=($!)
  done
  for i in $(seq 1 60); do
    [[ $(grep -l "heartbeat driver" "$WORK"/hb?.log 2>/dev/null | wc -l) == 3 ]] && break; sleep 0.5
  done
  sleep 5 # every node hears the others
  say "killing hostmonitor of hb3-$RAND (pid ${pids[2]}) at $(date -u +%T.%3N)"
  kill -9 "${pids[2]}"
  for i in $(seq 1 30); do
    curl -sf "$base/notifications?limit=1000" | grep -q "COMPUTE_HOST" && break; sleep 1
  done
  sleep 5 # a second report would arrive within this
  count=$(curl -sf "$base/notifications?limit=1000" | python3 -c '
import json, sys
hits = [n for n in json.load(sys.stdin)["notifications"] if n["type"] == "COMPUTE_HOST" and n["generated_time"] and
        n["source_host_uuid"]]
for n in hits:
    print(json.dumps({k: n[k] for k in ("type", "generated_time", "payload", "status")}), file=sys.stderr)
print(len(hits))')
  grep -hE "reporting it|delivered" "$WORK"/hb?.log | cut -c1-200 >&2 || true
  [[ $count == 1 ]] || { say "expected exactly one COMPUTE_HOST notification, found $count"; rc=1; }
  [[ $was_running == yes ]] || "$SHARED/tools/upstream-masakari.sh" stop >&2
  return $rc
}

upstream_to_java() {
  local base=${1:?upstream-to-java URL (our API, ending in /v1)}
  command -v masakari-processmonitor >/dev/null || { say "masakari-processmonitor (Debian) not installed"; exit 1; }
  api_setup "$base"
  process_list
  cat > "$WORK/masakarimonitors.conf" <<CONF
[DEFAULT]
hostname = $HOST
[api]
auth_type = none
endpoint = $base
[process]
check_interval = 1
restart_retries = 0
restart_interval = 1
api_retry_max = 2
api_retry_interval = 2
process_list_path = $WORK/process_list.yaml
CONF
  # upstream's processmonitor reports socket.gethostname(), not [DEFAULT] hostname: run it in a
  # UTS namespace whose hostname is the host registered above
  unshare --uts sh -c "hostname $HOST && exec masakari-processmonitor --config-file $WORK/masakarimonitors.conf" \
    > "$WORK/upstream-processmonitor.log" 2>&1 &
  PIDS+=($!)
  wait_for_marker_then_kill
  await_notification "$base"
}

case ${1:-} in
  java-to-upstream) java_to_upstream ;;
  java-vm-to-upstream) java_vm_to_upstream ;;
  java-host-to-upstream) java_host_to_upstream ;;
  upstream-to-java) shift; upstream_to_java "$@" ;;
  *) sed -n '2,20p' "$0"; exit 2 ;;
esac
