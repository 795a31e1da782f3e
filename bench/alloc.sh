#!/usr/bin/env bash
# bench/alloc.sh: bytes the proxy allocates per keep-alive request (deterministic, not a timing). Runs the Release
# `proxy` (from bench/out/proxy, built by run.sh or here) with PROXY_DIAG_ALLOC=1 in front of one nginx with two
# server blocks (frontend -> backend roundrobin 2 servers, no rules, no logs), warms it up, then reads
# GC.GetTotalAllocatedBytes before and after N sequential keep-alive GETs (one curl, one connection) through SIGUSR2.
# Knobs: N (20000), WARMUP_REQUESTS (20000), SKIP_BUILD (0), PROXY_BIN (another build, with SKIP_BUILD=1),
# PROXY_ENV (extra env for the proxy; PROXY_DIAG_ALLOC=types adds allocation samples by type to bench/out/last-alloc.log),
# LOAD_CONNECTIONS (0; N > 0 measures under `wrk -c N` for LOAD_SECONDS (6) instead of one sequential connection:
# garbage that only appears with many requests in flight, e.g. pools whose caches are smaller than the load).
set -euo pipefail

N="${N:-20000}"
LOAD_CONNECTIONS="${LOAD_CONNECTIONS:-0}"
LOAD_SECONDS="${LOAD_SECONDS:-6}"
WARMUP_REQUESTS="${WARMUP_REQUESTS:-20000}"
SKIP_BUILD="${SKIP_BUILD:-0}"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
OUT_DIR="$SCRIPT_DIR/out"
PROXY_BIN="${PROXY_BIN:-$OUT_DIR/proxy/proxy}"  # another build to compare with SKIP_BUILD=1

log() { printf '[alloc %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
[[ "$LOAD_CONNECTIONS" =~ ^[0-9]+$ && "$LOAD_SECONDS" =~ ^[0-9]+$ ]] || { echo "alloc.sh: LOAD_CONNECTIONS and LOAD_SECONDS must be whole numbers" >&2; exit 2; }
(( LOAD_CONNECTIONS == 0 )) || command -v wrk >/dev/null 2>&1 || { echo "alloc.sh: LOAD_CONNECTIONS needs wrk" >&2; exit 2; }
for knob in N WARMUP_REQUESTS; do
    [[ "${!knob}" =~ ^[0-9]+$ ]] && (( ${!knob} > 0 )) || die "$knob must be a positive whole number"
done
for tool in nginx curl ss; do command -v "$tool" >/dev/null 2>&1 || die "$tool not found"; done

mkdir -p "$OUT_DIR"
if [[ "$SKIP_BUILD" != 1 || ! -x "$PROXY_BIN" ]]; then
    log "dotnet publish src/Proxy -c Release -o bench/out/proxy"
    dotnet publish "$REPO_ROOT/src/Proxy" -c Release -o "$OUT_DIR/proxy" --nologo >"$OUT_DIR/publish.log" 2>&1 \
        || { tail -n 30 "$OUT_DIR/publish.log" >&2; die "dotnet publish failed"; }
fi

WORK="$(mktemp -d /tmp/proxy-alloc.XXXXXX)"
STARTED_PIDS=()
cleanup() {
    local rc=$? pid i
    trap - EXIT INT TERM
    for pid in "${STARTED_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${STARTED_PIDS[@]}"; do
        for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

CHOSEN=" "
free_port() {
    local -n into="$1"
    local i port
    for ((i = 0; i < 200; i++)); do
        port=$((20000 + RANDOM % 40000))
        [[ "$CHOSEN" == *" $port "* ]] && continue
        if ! ss -Htan "( sport = :$port )" 2>/dev/null | grep -q .; then CHOSEN+="$port "; into="$port"; return 0; fi
    done
    die "no free port"
}
wait_port() {
    local port="$1" pid="$2" i
    for ((i = 0; i < 100; i++)); do
        kill -0 "$pid" 2>/dev/null || die "pid $pid exited before listening on $port"
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
        sleep 0.1
    done
    die "nothing listens on 127.0.0.1:$port after 10 s"
}
free_port P1; free_port P2; free_port PP

mkdir -p "$WORK/nginx/logs" "$WORK/nginx/tmp" "$WORK/www"
chmod 755 "$WORK" "$WORK/www"
head -c 16384 /dev/zero | tr '\0' 'x' >"$WORK/www/16k.bin"; chmod 644 "$WORK/www/16k.bin"
block() {
    printf '    server { listen 127.0.0.1:%s; location = / { default_type text/plain; return 200 "Hello, world\\n"; }\n' "$1"
    printf '             location = /16k { default_type application/octet-stream; alias %s/www/16k.bin; } }\n' "$WORK"
}
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off; keepalive_requests 1000000;
    client_body_temp_path $WORK/nginx/tmp/body; proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi; uwsgi_temp_path $WORK/nginx/tmp/uwsgi; scgi_temp_path $WORK/nginx/tmp/scgi;
$(block "$P1")
$(block "$P2")
}
EOF
nginx -p "$WORK/nginx/" -e "$WORK/nginx/logs/error.log" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' >"$WORK/nginx.log" 2>&1 &
NGINX_PID=$!
STARTED_PIDS+=("$NGINX_PID"); wait_port "$P1" "$NGINX_PID"

cat >"$WORK/proxy.cfg" <<EOF
global
    maxconn 4096
defaults
    mode http
    timeout connect 5s
    timeout client  30s
    timeout server  30s
frontend fe
    bind 127.0.0.1:$PP
    default_backend be
backend be
    balance roundrobin
    server s1 127.0.0.1:$P1
    server s2 127.0.0.1:$P2
EOF
env PROXY_DIAG_ALLOC=1 DOTNET_TieredPGO=1 DOTNET_ReadyToRun=0 DOTNET_gcServer=0 ${PROXY_ENV:-} \
    "$PROXY_BIN" -f "$WORK/proxy.cfg" >"$WORK/proxy.log" 2>&1 &
PROXY_PID=$!
STARTED_PIDS+=("$PROXY_PID"); wait_port "$PP" "$PROXY_PID"

# requests COUNT PATH: COUNT sequential GETs over one keep-alive connection (curl reuses it between URLs).
requests() {
    local cfg="$WORK/urls-${2//\//_}-$1.txt"
    [[ -f "$cfg" ]] || awk -v n="$1" -v u="http://127.0.0.1:$PP$2" 'BEGIN { for (i = 0; i < n; i++) printf "url = \"%s\"\noutput = \"/dev/null\"\n", u }' >"$cfg"
    timeout 300 curl -s -f -K "$cfg" || die "curl failed on $2"
}
reading() {  # the bytes figure of the newest alloc-diag line after sending SIGUSR2
    local before i
    before="$(grep -c '^alloc-diag' "$WORK/proxy.log" || true)"
    kill -USR2 "$PROXY_PID"
    for ((i = 0; i < 50; i++)); do
        (( $(grep -c '^alloc-diag' "$WORK/proxy.log" || true) > before )) && break
        sleep 0.1
    done
    grep '^alloc-diag' "$WORK/proxy.log" | tail -n 1 | sed -E 's/.*bytes=([0-9]+).*/\1/'
}

for path in / /16k; do
    log "warm-up: $WARMUP_REQUESTS requests on $path"
    requests "$WARMUP_REQUESTS" "$path"
done
sleep 1
for path in / /16k; do
    if (( LOAD_CONNECTIONS > 0 )); then
        # Under load: a warm-up at the same concurrency, then the counted run; wrk says how many requests it made.
        timeout $((LOAD_SECONDS + 30)) wrk -t1 -c"$LOAD_CONNECTIONS" -d"${LOAD_SECONDS}s" "http://127.0.0.1:$PP$path" >/dev/null || die "wrk failed on $path"
        a="$(reading)"
        count="$(timeout $((LOAD_SECONDS + 30)) wrk -t1 -c"$LOAD_CONNECTIONS" -d"${LOAD_SECONDS}s" "http://127.0.0.1:$PP$path" | awk '/requests in/ { print $1 }')"
        b="$(reading)"
        [[ "$count" =~ ^[0-9]+$ && "$count" -gt 0 ]] || die "wrk made no requests on $path"
        label="requests (wrk -c$LOAD_CONNECTIONS)"
    else
        a="$(reading)"
        requests "$N" "$path"
        b="$(reading)"
        count="$N"
        label="requests"
    fi
    printf 'alloc %-4s %d %s: %d bytes, %.0f bytes/request\n' "$path" "$count" "$label" "$((b - a))" "$(awk -v d="$((b - a))" -v n="$count" 'BEGIN { print d / n }')"
done
# With PROXY_ENV="PROXY_DIAG_ALLOC=types" the log also holds the sampled allocations by type, per reading.
cp "$WORK/proxy.log" "$OUT_DIR/last-alloc.log"
