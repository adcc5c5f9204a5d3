#!/usr/bin/python3
"""Replays the same Nova calls against real Nova (../shared/tools/real-nova.sh up) and cloud-sim,
and prints status codes and fault messages side by side.

usage: compare-with-real-nova.py REAL_AUTH_URL REAL_PASSWORD SIM_AUTH_URL SIM_PASSWORD
  e.g. compare-with-real-nova.py http://127.0.0.1:5000/v3 rnadmin http://127.0.0.1:25000/v3 admin
The simulator must have hosts fake-1..fake-3 (as the lab has), so messages naming hosts compare equal.
Creates servers cmp-vm1/cmp-vm2 on fake-1 on both sides; forces fake-1 down and evacuates cmp-vm1.
Afterwards restore the lab: real-nova.sh stop-compute fake-1; start-compute fake-1; un-force-down (it retries).
"""
import json, re, sys, time, urllib.request, urllib.error

IMAGE = "11111111-2222-3333-4444-555555555555"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class Side:
    def __init__(self, name, auth_url, password):
        self.name = name
        body = {"auth": {"identity": {"methods": ["password"], "password": {"user": {
            "name": "admin", "domain": {"name": "Default"}, "password": password}}},
            "scope": {"project": {"name": "admin", "domain": {"name": "Default"}}}}}
        req = urllib.request.Request(auth_url + "/auth/tokens", json.dumps(body).encode(),
                                     {"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as r:
            self.token = r.headers["X-Subject-Token"]
            catalog = json.load(r)["token"]["catalog"]
        self.nova = [e["url"] for s in catalog if s["type"] == "compute"
                     for e in s["endpoints"] if e["interface"] == "public"][0].rstrip("/")
        self.vars = {}

    def call(self, method, path, version="2.53", body=None):
        path = path.format(**self.vars)
        data = None if body is None else json.dumps(body).encode() if not isinstance(body, str) \
            else body.format(**self.vars).encode()
        req = urllib.request.Request(self.nova + path, data, method=method, headers={
            "X-Auth-Token": self.token, "Content-Type": "application/json",
            "OpenStack-API-Version": "compute " + version})
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                text = r.read().decode()
                return r.status, json.loads(text) if text else None
        except urllib.error.HTTPError as e:
            text = e.read().decode()
            try:
                return e.code, json.loads(text) if text else None
            except ValueError:
                return e.code, text

    def server(self, name):
        code, b = self.call("GET", "/servers/detail?all_tenants=1&name=%5E" + name + "%24")
        return b["servers"][0] if b["servers"] else None

    def ensure_server(self, name):
        s = self.server(name)
        if s is None:
            code, flavors = self.call("GET", "/flavors")
            flavor = sorted(flavors["flavors"], key=lambda f: f["name"])[0]["id"]
            self.call("POST", "/servers", "2.53", {"server": {"name": name, "imageRef": IMAGE, "flavorRef": flavor,
                      "availability_zone": "nova:fake-1", "networks": "none"}})
        return self.wait(name, lambda s: s["status"] == "ACTIVE")["id"]

    def wait(self, name, cond, timeout=60):
        end = time.time() + timeout
        while time.time() < end:
            s = self.server(name)
            if s and cond(s):
                return s
            time.sleep(0.3)
        raise SystemExit("%s: %s did not reach the state" % (self.name, name))


def summary(code, body):
    if isinstance(body, dict) and len(body) == 1:
        (key, val), = body.items()
        if isinstance(val, dict) and "message" in val:
            return "%d %s: %s" % (code, key, UUID.sub("<uuid>", str(val["message"])))
    if body is None:
        return "%d (empty)" % code
    if isinstance(body, dict):
        inner = list(body.values())[0]
        keys = sorted(inner.keys()) if isinstance(inner, dict) else type(inner).__name__
        return "%d %s %s" % (code, list(body.keys()), keys)
    return "%d %s" % (code, str(body)[:80])


CALLS = [
    ("service list fake-1", "GET", "/os-services?binary=nova-compute&host=fake-1", "2.53", None),
    ("evacuate while up 2.29", "POST", "/servers/{vm1}/action", "2.29", {"evacuate": {}}),
    ("evacuate while up 2.68 host", "POST", "/servers/{vm1}/action", "2.68", {"evacuate": {"host": "fake-2"}}),
    ("evacuate onSharedStorage 2.53", "POST", "/servers/{vm1}/action", "2.53", {"evacuate": {"host": "fake-2", "onSharedStorage": False}}),
    ("evacuate force no host 2.29", "POST", "/servers/{vm1}/action", "2.29", {"evacuate": {"force": True}}),
    ("evacuate to itself", "POST", "/servers/{vm1}/action", "2.53", {"evacuate": {"host": "fake-1"}}),
    ("evacuate unknown host", "POST", "/servers/{vm1}/action", "2.53", {"evacuate": {"host": "nowhere"}}),
    ("evacuate 2.1 no onSharedStorage", "POST", "/servers/{vm1}/action", "2.1", {"evacuate": {"host": "fake-2"}}),
    ("service PUT bad uuid", "PUT", "/os-services/not-a-uuid", "2.53", {"status": "enabled"}),
    ("service PUT legacy url at 2.53", "PUT", "/os-services/disable", "2.53", {"host": "fake-1", "binary": "nova-compute"}),
    ("service PUT empty", "PUT", "/os-services/{svc1}", "2.53", {}),
    ("service PUT enabled+reason", "PUT", "/os-services/{svc1}", "2.53", {"status": "enabled", "disabled_reason": "x"}),
    ("service disable with reason", "PUT", "/os-services/{svc1}", "2.53", {"status": "disabled", "disabled_reason": "test"}),
    ("service enable", "PUT", "/os-services/{svc1}", "2.53", {"status": "enabled"}),
    ("legacy disable 2.1", "PUT", "/os-services/disable", "2.1", {"host": "fake-3", "binary": "nova-compute"}),
    ("legacy enable 2.1", "PUT", "/os-services/enable", "2.1", {"host": "fake-3", "binary": "nova-compute"}),
    ("resetState foo", "POST", "/servers/{vm2}/action", "2.1", {"os-resetState": {"state": "foo"}}),
    ("unknown action", "POST", "/servers/{vm2}/action", "2.1", {"os-frobnicate": None}),
    ("os-start while active", "POST", "/servers/{vm2}/action", "2.1", {"os-start": None}),
    ("marker not found", "GET", "/servers/detail?marker=nope", "2.53", None),
    ("limit not int", "GET", "/servers/detail?limit=abc", "2.53", None),
    ("limit negative", "GET", "/servers/detail?limit=-1", "2.53", None),
    ("server not found", "GET", "/servers/00000000-0000-0000-0000-000000000000", "2.53", None),
    ("version too new", "GET", "/servers", "2.999", None),
    ("version malformed", "GET", "/servers", "two", None),
    ("hypervisor pattern none", "GET", "/os-hypervisors?hypervisor_hostname_pattern=zzz", "2.53", None),
    ("hypervisor search at 2.53", "GET", "/os-hypervisors/fake/search", "2.53", None),
    ("hypervisor search at 2.1", "GET", "/os-hypervisors/fake-1/search", "2.1", None),
    ("metadata key mismatch", "PUT", "/servers/{vm2}/metadata/a", "2.53", {"meta": {"b": "1"}}),
    ("metadata item missing", "GET", "/servers/{vm2}/metadata/nope", "2.53", None),
    ("metadata set one", "PUT", "/servers/{vm2}/metadata/HA_Enabled", "2.53", {"meta": {"HA_Enabled": "True"}}),
    ("metadata merge", "POST", "/servers/{vm2}/metadata", "2.53", {"metadata": {"x": "1"}}),
    ("metadata value not string", "POST", "/servers/{vm2}/metadata", "2.53", {"metadata": {"x": 1}}),
    ("aggregate create", "POST", "/os-aggregates", "2.53", {"aggregate": {"name": "cmp-agg"}}),
    ("lock 2.73 reason", "POST", "/servers/{vm2}/action", "2.73", {"lock": {"locked_reason": "masakari"}}),
    ("lock 2.53 with reason", "POST", "/servers/{vm2}/action", "2.53", {"lock": {"locked_reason": "x"}}),
    ("unlock", "POST", "/servers/{vm2}/action", "2.73", {"unlock": None}),
    ("force down fake-1 2.53", "PUT", "/os-services/{svc1}", "2.53", {"forced_down": True}),
    ("legacy force-down 2.11", "PUT", "/os-services/force-down", "2.11", {"host": "fake-1", "binary": "nova-compute", "forced_down": True}),
    ("legacy force-down at 2.1", "PUT", "/os-services/force-down", "2.1", {"host": "fake-1", "binary": "nova-compute", "forced_down": True}),
    ("server show keys 2.1", "GET", "/servers/{vm2}", "2.1", None),
    ("server show keys 2.53", "GET", "/servers/{vm2}", "2.53", None),
    ("server show keys 2.93", "GET", "/servers/{vm2}", "2.93", None),
    ("hypervisor detail 2.53", "GET", "/os-hypervisors/detail?limit=1", "2.53", None),
    ("create without networks 2.53", "POST", "/servers", "2.53", {"server": {"name": "x", "flavorRef": "1"}}),
    ("evacuate after force-down 2.68", "POST", "/servers/{vm1}/action", "2.68", {"evacuate": {}}),
    ("evacuate vm3", "POST", "/servers/{vm3}/action", "2.68", {"evacuate": {}}),
    ("evacuate vm3 again at once (race)", "POST", "/servers/{vm3}/action", "2.68", {"evacuate": {}}),
]

AFTER = [
    ("un-force-down with done migration", "PUT", "/os-services/{svc1}", "2.53", {"forced_down": False}),
    ("evacuate from new host (up)", "POST", "/servers/{vm1}/action", "2.68", {"evacuate": {}}),
    ("migrations of vm1", "GET", "/os-migrations?instance_uuid={vm1}", "2.59", None),
    ("instance actions of vm1", "GET", "/servers/{vm1}/os-instance-actions", "2.84", None),
]


def run(sides, calls):
    diffs = 0
    for label, method, path, version, body in calls:
        outs = [summary(*s.call(method, path, version, body)) for s in sides]
        same = outs[0] == outs[1]
        diffs += 0 if same else 1
        print("%s %-34s real: %s" % ("  " if same else "!!", label, outs[0]))
        if not same:
            print("   %-34s sim:  %s" % ("", outs[1]))
    return diffs


def main():
    real, sim = Side("real", sys.argv[1], sys.argv[2]), Side("sim", sys.argv[3], sys.argv[4])
    for s in (real, sim):
        s.vars["vm1"] = s.ensure_server("cmp-vm1")
        s.vars["vm2"] = s.ensure_server("cmp-vm2")
        s.vars["vm3"] = s.ensure_server("cmp-vm3")
        code, b = s.call("GET", "/os-services?binary=nova-compute&host=fake-1")
        s.vars["svc1"] = b["services"][0]["id"]
    diffs = run([real, sim], CALLS)
    for s in (real, sim):
        s.wait("cmp-vm1", lambda x: x["status"] == "ACTIVE" and x["OS-EXT-SRV-ATTR:host"] != "fake-1")
    diffs += run([real, sim], AFTER)
    for s in (real, sim):  # the raced server: what state was it left in, then clean it away
        v = s.server("cmp-vm3")
        print("%-4s cmp-vm3 after the race: %s vm_state=%s task_state=%s" % (
            s.name, v["status"], v["OS-EXT-STS:vm_state"], v["OS-EXT-STS:task_state"]))
        s.call("POST", "/servers/{vm3}/action", "2.1", {"os-resetState": {"state": "error"}})
        s.call("DELETE", "/servers/{vm3}")
    print("differences: %d of %d calls" % (diffs, len(CALLS) + len(AFTER)))
    # show-body keys that differ, for the record



if __name__ == "__main__":
    main()
