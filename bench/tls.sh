#!/usr/bin/env bash
# bench/tls.sh: TLS termination, HAProxy 2.6 against our `proxy` on the same certificate and the same nginx backend,
# all on 127.0.0.1. Two figures per key type (ECDSA P-256, RSA 2048):
#   new TLS connections/s  wrk with "Connection: close" (every request is a fresh TCP connection and full handshake)
#   keep-alive HTTPS req/s wrk on persistent connections (handshakes only at the start)
# and our figure as a ratio to HAProxy's, plus each process's CPU time per request (user + system from /proc/PID/stat,
# steadier than req/s on a shared machine). Knobs (environment): DURATION (5, s), CONNECTIONS (32), ROUNDS (1),
# WARMUP (10, s of keep-alive load on each fresh process before measuring: the .NET JIT tiers up under load), WARMUP_NEW
# (5, s of new connections after that, so the handshake path is warm too), SKIP_BUILD (0), PROXY_CPU (1), LOAD_CPU
# (0), BEFORE_BIN (another proxy build, e.g. bench/out/proxy-before/proxy, measured in the same rounds as "before").
# On a shared machine the figures are noisy; compare ratios and CPU us/req, not absolutes.
set -euo pipefail

DURATION="${DURATION:-5}"
CONNECTIONS="${CONNECTIONS:-32}"
ROUNDS="${ROUNDS:-1}"
WARMUP="${WARMUP:-10}"
WARMUP_NEW="${WARMUP_NEW:-5}"
BEFORE_BIN="${BEFORE_BIN:-}"
SKIP_BUILD="${SKIP_BUILD:-0}"
PROXY_CPU="${PROXY_CPU:-1}"
LOAD_CPU="${LOAD_CPU:-0}"
for knob in DURATION CONNECTIONS ROUNDS WARMUP WARMUP_NEW PROXY_CPU LOAD_CPU; do
    [[ "${!knob}" =~ ^[0-9]+$ ]] || { echo "tls.sh: $knob must be a whole number, got '${!knob}'" >&2; exit 2; }
done

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
OUT_DIR="$SCRIPT_DIR/out"
PROXY_BIN="$OUT_DIR/proxy/proxy"
HAPROXY_BIN="${HAPROXY_BIN:-/usr/sbin/haproxy}"
log() { printf '[tls-bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
for tool in wrk nginx openssl taskset; do command -v "$tool" >/dev/null || die "$tool is required"; done
[[ -x "$HAPROXY_BIN" ]] || die "haproxy not found at $HAPROXY_BIN"
[[ -z "$BEFORE_BIN" || -x "$BEFORE_BIN" ]] || die "BEFORE_BIN $BEFORE_BIN is not executable"
IMPLS=(haproxy proxy)
[[ -n "$BEFORE_BIN" ]] && IMPLS+=(before)

mkdir -p "$OUT_DIR"
if [[ "$SKIP_BUILD" != 1 || ! -x "$PROXY_BIN" ]]; then
    log "dotnet publish src/Proxy -c Release -o bench/out/proxy"
    dotnet publish "$REPO_ROOT/src/Proxy" -c Release -o "$OUT_DIR/proxy" --nologo >"$OUT_DIR/publish.log" 2>&1 \
        || { tail -n 30 "$OUT_DIR/publish.log" >&2; die "dotnet publish failed"; }
fi

WORK="$(mktemp -d /tmp/proxy-tls-bench.XXXXXX)"
STARTED_PIDS=()
cleanup() {
    local pid
    for pid in "${STARTED_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${STARTED_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_port() {  # wait_port PORT PID NAME
    local i
    for i in $(seq 1 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        kill -0 "$2" 2>/dev/null || die "$3 exited before listening on $1"
        sleep 0.1
    done
    die "$3 did not listen on $1 within 10 s"
}

# Certificates: one per key type, self-signed for example.com (wrk does not verify).
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$WORK/ecdsa.key" -out "$WORK/ecdsa.crt" \
    -subj /CN=example.com -days 2 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/rsa.key" -out "$WORK/rsa.crt" -subj /CN=example.com -days 2 2>/dev/null
cat "$WORK/ecdsa.crt" "$WORK/ecdsa.key" >"$WORK/ecdsa.pem"
cat "$WORK/rsa.crt" "$WORK/rsa.key" >"$WORK/rsa.pem"

# Backend: nginx answering 13 bytes.
NGINX_PORT="$(free_port)"
mkdir -p "$WORK/nginx/logs" "$WORK/nginx/tmp"
cat >"$WORK/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
    scgi_temp_path $WORK/nginx/tmp/scgi;
    keepalive_requests 1000000;
    server { listen 127.0.0.1:$NGINX_PORT; location / { return 200 "hello world\n"; } }
}
NGINX
taskset -c "$LOAD_CPU" nginx -p "$WORK/nginx/" -e "$WORK/nginx/logs/error.log" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' \
    >"$WORK/nginx.log" 2>&1 &
STARTED_PIDS+=($!)
wait_port "$NGINX_PORT" "${STARTED_PIDS[-1]}" nginx

config() {  # config PORT PEM
    cat <<CFG
global
    maxconn 4000
defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
frontend fe
    bind 127.0.0.1:$1 ssl crt $2
    default_backend be
backend be
    server s1 127.0.0.1:$NGINX_PORT
CFG
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# run_wrk PID SECONDS URL [extra wrk args] -> "requests/s CPU-us/request" (PID's CPU over the run / requests served)
run_wrk() {
    local pid="$1" seconds="$2" url="$3"; shift 3
    local before after out
    before="$(cpu_ticks "$pid")"
    out="$(taskset -c "$LOAD_CPU" wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" "$@" "$url" 2>&1)"
    after="$(cpu_ticks "$pid")"
    awk -v a="$before" -v b="$after" -v hz="$(getconf CLK_TCK)" '
        /requests in/ { n = $1 } /Requests\/sec/ { r = $2 }
        END { if (n > 0) printf "%s %.1f\n", r, (b - a) * 1e6 / hz / n; else print "0 n/a" }' <<<"$out"
}

header=(key test haproxy proxy ratio)
[[ -n "$BEFORE_BIN" ]] && header+=(before ratio)
header+=("us/req:" haproxy proxy)
[[ -n "$BEFORE_BIN" ]] && header+=(before)
printf '%-8s %-22s' "${header[0]}" "${header[1]}"; printf ' %10s' "${header[@]:2}"; printf '\n'
for key in ecdsa rsa; do
    for round in $(seq 1 "$ROUNDS"); do
        declare -A result=()
        for impl in "${IMPLS[@]}"; do
            port="$(free_port)"
            config "$port" "$WORK/$key.pem" >"$WORK/$impl-$key.cfg"
            case "$impl" in
                haproxy) taskset -c "$PROXY_CPU" "$HAPROXY_BIN" -db -f "$WORK/$impl-$key.cfg" >"$WORK/$impl.log" 2>&1 & ;;
                proxy) DOTNET_gcServer=0 taskset -c "$PROXY_CPU" "$PROXY_BIN" -f "$WORK/$impl-$key.cfg" >"$WORK/$impl.log" 2>&1 & ;;
                before) DOTNET_gcServer=0 taskset -c "$PROXY_CPU" "$BEFORE_BIN" -f "$WORK/$impl-$key.cfg" >"$WORK/$impl.log" 2>&1 & ;;
            esac
            pid=$!
            STARTED_PIDS+=("$pid")
            wait_port "$port" "$pid" "$impl"
            # Warm-up (JIT tiering of the request path, then of the handshake path; session caches).
            (( WARMUP > 0 )) && run_wrk "$pid" "$WARMUP" "https://127.0.0.1:$port/" >/dev/null
            (( WARMUP_NEW > 0 )) && run_wrk "$pid" "$WARMUP_NEW" "https://127.0.0.1:$port/" -H 'Connection: close' >/dev/null
            result[$impl-new]="$(run_wrk "$pid" "$DURATION" "https://127.0.0.1:$port/" -H 'Connection: close')"
            result[$impl-ka]="$(run_wrk "$pid" "$DURATION" "https://127.0.0.1:$port/")"
            kill "$pid"; wait "$pid" 2>/dev/null || true
        done
        for test in new ka; do
            name=$([[ $test == new ]] && echo "new TLS conn/s" || echo "keep-alive HTTPS req/s")
            read -r h hcpu <<<"${result[haproxy-$test]:-0 n/a}"
            row=("$h")
            cpus=("$hcpu")
            for impl in "${IMPLS[@]:1}"; do
                read -r p pcpu <<<"${result[$impl-$test]:-0 n/a}"
                row+=("$p" "$(awk -v p="$p" -v h="$h" 'BEGIN { if (h > 0) printf "%.2f", p / h; else print "n/a" }')")
                cpus+=("$pcpu")
            done
            printf '%-8s %-22s' "$key" "$name"; printf ' %10s' "${row[@]}" "" "${cpus[@]}"; printf '\n'
        done
        unset result
    done
done
