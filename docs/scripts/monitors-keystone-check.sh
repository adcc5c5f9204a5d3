#!/usr/bin/env bash
# Our notifier against a REAL Keystone (Debian python3-keystone 22 / Zed) with auth_type = password:
# a private Keystone on 127.0.0.1:5011 (MariaDB database monitors_ks, dropped afterwards), a service
# project and user "masakari", an instance-ha service with three endpoints (public/RegionOne,
# internal/RegionOne, internal/RegionTwo), a capture API on 127.0.0.1:5012 that validates every
# X-Auth-Token with Keystone, and our processmonitor configured for interface internal, region
# RegionTwo. Expected capture line:
#   POST /v1/<service project id>/notifications | token valid: user masakari project service | {...PROCESS...}
# Needs root, python3-keystone, uwsgi-plugin-python3, a running MariaDB, and the launcher built.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
K=$(mktemp -d /tmp/monitors-ks.XXXXXX)
KS=http://127.0.0.1:5011/v3
PY=/usr/bin/python3
MARK="5150.$RANDOM"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  mysql -e "DROP DATABASE IF EXISTS monitors_ks; DROP USER IF EXISTS 'monitors_ks'@'localhost'; DROP USER IF EXISTS 'monitors_ks'@'127.0.0.1';" || true
}
trap cleanup EXIT
mkdir -p "$K/fernet" "$K/cred"
mysql -e "CREATE DATABASE monitors_ks CHARACTER SET utf8;
  CREATE USER 'monitors_ks'@'localhost' IDENTIFIED BY 'mks'; GRANT ALL ON monitors_ks.* TO 'monitors_ks'@'localhost';
  CREATE USER 'monitors_ks'@'127.0.0.1' IDENTIFIED BY 'mks'; GRANT ALL ON monitors_ks.* TO 'monitors_ks'@'127.0.0.1';"
cat > "$K/keystone.conf" <<EOF
[DEFAULT]
log_file = $K/keystone.log
[database]
connection = mysql+pymysql://monitors_ks:mks@127.0.0.1/monitors_ks
[token]
provider = fernet
[fernet_tokens]
key_repository = $K/fernet
[credential]
key_repository = $K/cred
EOF
KM=(keystone-manage --config-file "$K/keystone.conf")
"${KM[@]}" db_sync && "${KM[@]}" fernet_setup --keystone-user root --keystone-group root \
  && "${KM[@]}" credential_setup --keystone-user root --keystone-group root \
  && "${KM[@]}" bootstrap --bootstrap-password ksadmin --bootstrap-admin-url $KS/ --bootstrap-public-url $KS/ \
       --bootstrap-internal-url $KS/ --bootstrap-region-id RegionOne > "$K/manage.log" 2>&1
setsid uwsgi --plugin python3 --http-socket 127.0.0.1:5011 --add-header 'Connection: close' \
  --wsgi-file /usr/bin/keystone-wsgi-public --master --processes 1 --threads 2 --die-on-term \
  --env OS_KEYSTONE_CONFIG_DIR="$K" --env OS_KEYSTONE_CONFIG_FILES=keystone.conf > "$K/uwsgi.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do curl -s -o /dev/null $KS && break; sleep 0.5; done

TOK=$(curl -si -X POST $KS/auth/tokens -H 'Content-Type: application/json' -d '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"admin","domain":{"id":"default"},"password":"ksadmin"}}},"scope":{"project":{"name":"admin","domain":{"id":"default"}}}}}' \
  | awk -F': ' 'tolower($1)=="x-subject-token"{print $2}' | tr -d '\r')
H=(-H "X-Auth-Token: $TOK" -H 'Content-Type: application/json')
j() { $PY -c "import json,sys;print(json.load(sys.stdin)$1)"; }
PROJ=$(curl -s "${H[@]}" -X POST $KS/projects -d '{"project":{"name":"service","domain_id":"default"}}' | j '["project"]["id"]')
USER=$(curl -s "${H[@]}" -X POST $KS/users -d '{"user":{"name":"masakari","domain_id":"default","password":"mpass"}}' | j '["user"]["id"]')
ROLE=$(curl -s "${H[@]}" "$KS/roles?name=admin" | j '["roles"][0]["id"]')
curl -sf "${H[@]}" -X PUT "$KS/projects/$PROJ/users/$USER/roles/$ROLE" >/dev/null
curl -sf "${H[@]}" -X POST $KS/regions -d '{"region":{"id":"RegionTwo"}}' >/dev/null
SVC=$(curl -s "${H[@]}" -X POST $KS/services -d '{"service":{"type":"instance-ha","name":"masakari"}}' | j '["service"]["id"]')
for ep in "public RegionOne http://127.0.0.1:5012/public/v1" "internal RegionOne http://127.0.0.1:5012/internal-one/v1" \
          "internal RegionTwo http://127.0.0.1:5012/v1/$PROJ"; do
  set -- $ep
  curl -sf "${H[@]}" -X POST $KS/endpoints \
    -d "{\"endpoint\":{\"service_id\":\"$SVC\",\"interface\":\"$1\",\"region_id\":\"$2\",\"url\":\"$3\"}}" >/dev/null
done

cat > "$K/capture.py" <<'EOF'
import json, urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer
KS = "http://127.0.0.1:5011/v3"
def admin_token():
    body = {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "admin", "domain": {"id": "default"}, "password": "ksadmin"}}},
                     "scope": {"project": {"name": "admin", "domain": {"id": "default"}}}}}
    r = urllib.request.urlopen(urllib.request.Request(KS + "/auth/tokens", json.dumps(body).encode(), {"Content-Type": "application/json"}))
    return r.headers["X-Subject-Token"]
class H(BaseHTTPRequestHandler):
    def reply(self, code):
        self.send_response(code); self.send_header("Content-Length", "2"); self.end_headers(); self.wfile.write(b"{}")
    def do_GET(self):
        self.reply(200)
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        req = urllib.request.Request(KS + "/auth/tokens", headers={"X-Auth-Token": admin_token(),
                                     "X-Subject-Token": self.headers.get("X-Auth-Token") or ""})
        try:
            t = json.load(urllib.request.urlopen(req))["token"]
            verdict = "token valid: user %s project %s" % (t["user"]["name"], t["project"]["name"])
        except Exception as e:
            verdict = "token INVALID: %s" % e
        print("POST %s | %s | %s" % (self.path, verdict, body), flush=True)
        self.reply(202)
    def log_message(self, *a):
        pass
HTTPServer(("127.0.0.1", 5012), H).serve_forever()
EOF
setsid $PY "$K/capture.py" > "$K/capture.log" 2>&1 &
PIDS+=($!)

cat > "$K/pl.yaml" <<EOF
- process_name: sleep $MARK
  start_command: setsid -f sleep $MARK
  pre_start_command:
  post_start_command:
  restart_command: /bin/false
  pre_restart_command:
  post_restart_command:
  run_as_root: false
EOF
cat > "$K/masakarimonitors.conf" <<EOF
[DEFAULT]
hostname = compute-ks
[api]
auth_url = http://127.0.0.1:5011
username = masakari
user_domain_name = Default
password = mpass
project_name = service
project_domain_name = Default
region = RegionTwo
api_interface = internal
[process]
check_interval = 1
restart_retries = 0
restart_interval = 1
process_list_path = $K/pl.yaml
[status]
processmonitor_port = 0
EOF
java -cp "$ROOT/masakari-launcher/target/masakari-launcher.jar:$ROOT/masakari-launcher/target/lib/*" \
  org.masakari.launcher.Main processmonitor --config "$K/masakarimonitors.conf" > "$K/processmonitor.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do P=$(pgrep -f -x "sleep $MARK" || true); [[ -n $P ]] && break; sleep 0.2; done
sleep 2
kill -9 "$P"
for _ in $(seq 1 60); do grep -q "^POST" "$K/capture.log" && break; sleep 0.5; done
grep -E "KeystonePasswordAuth|delivered|dropped" "$K/processmonitor.log" | cut -c1-220
cat "$K/capture.log"
grep -q "token valid: user masakari project service" "$K/capture.log"
