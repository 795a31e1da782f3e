#!/usr/bin/env bash
# bench/logging.sh: requests/s of our proxy with `option httplog` to a unix datagram socket (a private rsyslogd,
# /dev/log-like) against the same config without logging. Short and rough: a noisy 2-core machine.
# Environment: ROUNDS (2), DURATION (8, s), WARMUP (10, s), CONNECTIONS (32), SKIP_BUILD (0).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-2} DURATION=${DURATION:-8} WARMUP=${WARMUP:-10} CONNECTIONS=${CONNECTIONS:-32}
for tool in wrk nginx rsyslogd taskset; do command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }; done

WORK=$(mktemp -d)
STARTED_PIDS=()
cleanup() {
    local pid
    for pid in "${STARTED_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${STARTED_PIDS[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 never opened" >&2; exit 1; }

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then dotnet publish src/Proxy -c Release -o bench/out/proxy -nologo -v quiet >/dev/null; fi

NGINX_PORT=$(port); OFF_PORT=$(port); ON_PORT=$(port)
mkdir -p "$WORK/nginx/logs" "$WORK/nginx/tmp"
cat >"$WORK/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/tmp/body; proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi; uwsgi_temp_path $WORK/nginx/tmp/uwsgi; scgi_temp_path $WORK/nginx/tmp/scgi;
    server { listen 127.0.0.1:$NGINX_PORT; location / { return 200 "Hello, world\n"; } }
}
NGINX
taskset -c 0 nginx -p "$WORK/nginx/" -e "$WORK/nginx/logs/error.log" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
STARTED_PIDS+=($!)

cat >"$WORK/rsyslog.conf" <<RSYSLOG
global(workDirectory="$WORK")
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$WORK/log.sock" CreatePath="on")
*.* action(type="omfile" file="$WORK/messages")
RSYSLOG
taskset -c 0 rsyslogd -n -f "$WORK/rsyslog.conf" -i "$WORK/rsyslogd.pid" &
STARTED_PIDS+=($!)

config() {  # config PORT LOGLINES
    printf 'global\n%s\ndefaults\n mode http\n%s\n timeout connect 5s\n timeout client 30s\n timeout server 30s\nfrontend fe\n bind 127.0.0.1:%s\n default_backend be\nbackend be\n server s1 127.0.0.1:%s\n' \
        "$2" "$3" "$1" "$NGINX_PORT"
}
config "$OFF_PORT" "" "" >"$WORK/off.cfg"
config "$ON_PORT" " log $WORK/log.sock local0" " log global
 option httplog" >"$WORK/on.cfg"

export DOTNET_TieredPGO=1 DOTNET_ReadyToRun=0 DOTNET_gcServer=0
taskset -c 1 bench/out/proxy/proxy -f "$WORK/off.cfg" >"$WORK/off.log" 2>&1 & STARTED_PIDS+=($!)
taskset -c 1 bench/out/proxy/proxy -f "$WORK/on.cfg" >"$WORK/on.log" 2>&1 & STARTED_PIDS+=($!)
wait_port "$NGINX_PORT"; wait_port "$OFF_PORT"; wait_port "$ON_PORT"

rps() { taskset -c 0 wrk -t1 -c"$CONNECTIONS" -d"$1"s "http://127.0.0.1:$2/" | awk '/Requests\/sec/ {print $2}'; }
rps "$WARMUP" "$OFF_PORT" >/dev/null; rps "$WARMUP" "$ON_PORT" >/dev/null
lines_before=$(wc -l <"$WORK/messages" 2>/dev/null || echo 0)
off=(); on=()
for ((r = 0; r < ROUNDS; r++)); do
    off+=("$(rps "$DURATION" "$OFF_PORT")")
    on+=("$(rps "$DURATION" "$ON_PORT")")
done
sleep 1
lines_after=$(wc -l <"$WORK/messages")
echo "httplog off (req/s): ${off[*]}"
echo "httplog on, unix socket to rsyslogd (req/s): ${on[*]}"
python3 - "${off[*]}" "${on[*]}" <<'PY'
import statistics, sys
off = [float(x) for x in sys.argv[1].split()]; on = [float(x) for x in sys.argv[2].split()]
a, b = statistics.median(off), statistics.median(on)
print(f"median off {a:.0f}, on {b:.0f}: {100 * (a - b) / a:+.1f}% lower with logging")
PY
echo "lines rsyslogd wrote during the measured runs: $((lines_after - lines_before))"
tail -n 1 "$WORK/messages"
