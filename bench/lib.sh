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

# nginx_backend_conf DIR PORT NAME: writes DIR/nginx.conf for one single-process nginx on 127.0.0.1:PORT that answers
# every request with 200 "NAME\n" (lb-bench.sh's back ends), state kept in DIR.
nginx_backend_conf() {
  local d=$1 port=$2 name=$3
  mkdir -p "$d"
  cat > "$d/nginx.conf" <<NGINX
daemon off; master_process off; worker_processes 1; pid $d/nginx.pid; error_log $d/error.log crit;
events { worker_connections 4096; }
http { access_log off; client_body_temp_path $d; proxy_temp_path $d; fastcgi_temp_path $d;
  uwsgi_temp_path $d; scgi_temp_path $d; keepalive_requests 1000000;
  server { listen 127.0.0.1:$port reuseport backlog=4096; location / { default_type text/plain; return 200 "$name\n"; } } }
NGINX
}

# haproxy_two_backends_cfg FILE "BIND LINE" BASE: lb-bench.sh's HAProxy under test (nbthread 1, roundrobin, TCP checks
# inter 2000 rise 2 fall 3) over 127.0.0.1:BASE+1 and BASE+2; the bind line is given whole (address, ssl crt, backlog).
haproxy_two_backends_cfg() {
  cat > "$1" <<HAP
global
  nbthread 1
  maxconn 8000
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
frontend fe
  bind $2
  default_backend be
backend be
  balance roundrobin
  default-server check inter 2000 rise 2 fall 3
  server be1 127.0.0.1:$(($3 + 1))
  server be2 127.0.0.1:$(($3 + 2))
HAP
}
