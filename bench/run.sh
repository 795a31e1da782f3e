#!/usr/bin/env bash
# bench/run.sh: HAProxy 2.6 against our `proxy`, same haproxy.cfg, same two nginx backends, all on 127.0.0.1.
# See bench/README.md. Knobs (environment): ROUNDS (3), DURATION (8, s), CONNECTIONS (64), WARMUP (15, s),
# WARMUP_16K (5, s), PROXY_CPU (1), LOAD_CPU (0), DIRECT (0; 1 adds a wrk-straight-to-nginx row), SKIP_BUILD (0),
# PROXY_BIN (bench/out/proxy/proxy; with SKIP_BUILD=1, another build to compare, e.g. bench/out/proxy-before/proxy), PROXY_ENV,
# NOISE_PCT (10: flag runs where the proxies' CPU was busier than this with other work).
set -euo pipefail

ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-8}"
CONNECTIONS="${CONNECTIONS:-64}"
WARMUP="${WARMUP:-15}"
WARMUP_16K="${WARMUP_16K:-5}"
PROXY_CPU="${PROXY_CPU:-1}"
LOAD_CPU="${LOAD_CPU:-0}"
DIRECT="${DIRECT:-0}"
SKIP_BUILD="${SKIP_BUILD:-0}"
NOISE_PCT="${NOISE_PCT:-10}"

for knob in ROUNDS DURATION CONNECTIONS WARMUP WARMUP_16K PROXY_CPU LOAD_CPU NOISE_PCT; do
    if ! [[ "${!knob}" =~ ^[0-9]+$ ]]; then
        echo "run.sh: $knob must be a whole number, got '${!knob}'" >&2
        exit 2
    fi
done
if (( ROUNDS < 1 || DURATION < 1 || CONNECTIONS < 1 )); then
    echo "run.sh: ROUNDS, DURATION and CONNECTIONS must be at least 1" >&2
    exit 2
fi

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
OUT_DIR="$SCRIPT_DIR/out"
PROXY_BIN="${PROXY_BIN:-$OUT_DIR/proxy/proxy}"  # another build to compare with SKIP_BUILD=1
HAPROXY_BIN="${HAPROXY_BIN:-/usr/sbin/haproxy}"

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------------------------
# Tools: install what is missing (Debian packages; needs root).
# ---------------------------------------------------------------------------------------------------------------
need_install=0
for tool in wrk nginx taskset curl ss; do
    command -v "$tool" >/dev/null 2>&1 || need_install=1
done
[[ -x "$HAPROXY_BIN" ]] || need_install=1
if (( need_install )); then
    (( EUID == 0 )) || die "wrk/haproxy/nginx missing and not root: install wrk haproxy nginx-light curl iproute2 util-linux"
    log "installing missing packages"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y wrk haproxy nginx-light curl iproute2 util-linux
fi
command -v dotnet >/dev/null 2>&1 || die "dotnet not found"
ncpu="$(nproc)"
(( PROXY_CPU < ncpu && LOAD_CPU < ncpu )) || die "PROXY_CPU=$PROXY_CPU / LOAD_CPU=$LOAD_CPU: this machine has $ncpu CPUs"

# ---------------------------------------------------------------------------------------------------------------
# Build the proxy once, Release.
# ---------------------------------------------------------------------------------------------------------------
mkdir -p "$OUT_DIR"
if [[ "$SKIP_BUILD" == 1 && -x "$PROXY_BIN" ]]; then
    log "SKIP_BUILD=1: using existing $PROXY_BIN"
else
    log "dotnet publish src/Proxy -c Release -o bench/out/proxy"
    dotnet publish "$REPO_ROOT/src/Proxy" -c Release -o "$OUT_DIR/proxy" --nologo >"$OUT_DIR/publish.log" 2>&1 \
        || { tail -n 30 "$OUT_DIR/publish.log" >&2; die "dotnet publish failed (full log: bench/out/publish.log)"; }
fi
[[ -x "$PROXY_BIN" ]] || die "$PROXY_BIN not found after publish"

# ---------------------------------------------------------------------------------------------------------------
# Temp dir, started PIDs, cleanup.
# ---------------------------------------------------------------------------------------------------------------
WORK="$(mktemp -d /tmp/proxy-bench.XXXXXX)"
STARTED_PIDS=()

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    local pid
    for pid in "${STARTED_PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${STARTED_PIDS[@]}"; do
        # bounded wait: 50 x 0.1 s, then KILL
        local i
        for ((i = 0; i < 50; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            kill -KILL "$pid" 2>/dev/null || true
        fi
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# free_port VAR: a free TCP port on 127.0.0.1 into VAR (random candidates, checked against `ss` and against
# ports already chosen; not in a subshell, so that CHOSEN_PORTS is kept).
CHOSEN_PORTS=" "
free_port() {
    local -n into="$1"
    local i port
    for ((i = 0; i < 200; i++)); do
        port=$((20000 + RANDOM % 40000))
        if [[ "$CHOSEN_PORTS" == *" $port "* ]]; then continue; fi
        if ! ss -Htan "( sport = :$port )" 2>/dev/null | grep -q .; then
            CHOSEN_PORTS+="$port "
            into="$port"
            return 0
        fi
    done
    die "no free port found"
}

# Wait until 127.0.0.1:PORT accepts a connection; bounded (100 x 0.1 s); fail if PID died.
wait_port() {
    local port="$1" pid="$2" name="$3" i
    for ((i = 0; i < 100; i++)); do
        if ! kill -0 "$pid" 2>/dev/null; then
            die "$name (pid $pid) exited before listening on $port; see log below:
$(tail -n 30 "$WORK/$name.log" 2>/dev/null)"
        fi
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            return 0
        fi
        sleep 0.1
    done
    die "$name did not listen on 127.0.0.1:$port within 10 s"
}

free_port NGINX_PORT1
free_port NGINX_PORT2
free_port HAPROXY_PORT
free_port PROXY_PORT

# ---------------------------------------------------------------------------------------------------------------
# Backends: one nginx, two server blocks. "/" -> 13 bytes, "/16k" -> 16384 bytes.
# ---------------------------------------------------------------------------------------------------------------
mkdir -p "$WORK/nginx/logs" "$WORK/nginx/tmp" "$WORK/www"
chmod 755 "$WORK" "$WORK/www"   # nginx workers run as nobody and must read the 16 KiB file
head -c 16384 /dev/zero | tr '\0' 'x' >"$WORK/www/16k.bin"
chmod 644 "$WORK/www/16k.bin"

nginx_server_block() {  # nginx_server_block PORT NAME
    cat <<EOF
    server {
        listen 127.0.0.1:$1 backlog=4096;
        add_header X-Backend $2 always;
        location = / {
            default_type text/plain;
            return 200 "Hello, world\n";
        }
        location = /16k {
            default_type application/octet-stream;
            alias $WORK/www/16k.bin;
        }
    }
EOF
}

cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events {
    worker_connections 4096;
}
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    keepalive_requests 1000000;
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
    scgi_temp_path $WORK/nginx/tmp/scgi;
$(nginx_server_block "$NGINX_PORT1" s1)
$(nginx_server_block "$NGINX_PORT2" s2)
}
EOF

nginx -t -q -p "$WORK/nginx/" -e "$WORK/nginx/logs/error.log" -c "$WORK/nginx/nginx.conf" >"$WORK/nginx-t.log" 2>&1 \
    || { cat "$WORK/nginx-t.log" >&2; die "nginx rejected its config"; }
taskset -c "$LOAD_CPU" nginx -p "$WORK/nginx/" -e "$WORK/nginx/logs/error.log" -c "$WORK/nginx/nginx.conf" \
    -g 'daemon off;' >"$WORK/nginx.log" 2>&1 &
NGINX_PID=$!
STARTED_PIDS+=("$NGINX_PID")
wait_port "$NGINX_PORT1" "$NGINX_PID" nginx
wait_port "$NGINX_PORT2" "$NGINX_PID" nginx

# ---------------------------------------------------------------------------------------------------------------
# One haproxy.cfg for both proxies (only the bind port differs).
# ---------------------------------------------------------------------------------------------------------------
# `nbthread 1` goes into the shared file when our proxy accepts it. If it does not, the line is left out of both
# (the file must stay the same) and HAProxy still runs one thread: pinned by taskset to one CPU, HAProxy 2.6 sizes
# nbthread from its CPU affinity (checked below through /proc/PID/status).
NOTES=()
write_cfg() {  # write_cfg BIND_PORT FILE WITH_NBTHREAD
    {
        echo "global"
        if [[ "$3" == 1 ]]; then echo "    nbthread 1"; fi
        cat <<EOF
    maxconn 4096

defaults
    mode http
    timeout connect 5s
    timeout client  30s
    timeout server  30s

frontend fe
    bind 127.0.0.1:$1
    default_backend be

backend be
    balance roundrobin
    server s1 127.0.0.1:$NGINX_PORT1
    server s2 127.0.0.1:$NGINX_PORT2
EOF
    } >"$2"
}
WITH_NBTHREAD=1
write_cfg "$PROXY_PORT" "$WORK/proxy.cfg" 1
if ! "$PROXY_BIN" -c -f "$WORK/proxy.cfg" >"$WORK/proxy-c.log" 2>&1; then
    WITH_NBTHREAD=0
    write_cfg "$PROXY_PORT" "$WORK/proxy.cfg" 0
    "$PROXY_BIN" -c -f "$WORK/proxy.cfg" >"$WORK/proxy-c.log" 2>&1 \
        || { cat "$WORK/proxy-c.log" >&2; die "proxy -c rejected the config"; }
    NOTES+=("our proxy rejects \`nbthread 1\` in \`global\`, so the shared haproxy.cfg leaves it out; HAProxy, pinned to one CPU, still ran with one thread (its default follows CPU affinity).")
    log "note: proxy rejects 'nbthread 1'; left out of the shared config (HAProxy's default follows its CPU affinity)"
fi
write_cfg "$HAPROXY_PORT" "$WORK/haproxy.cfg" "$WITH_NBTHREAD"
diff <(sed "s/:$HAPROXY_PORT\$/:PORT/" "$WORK/haproxy.cfg") <(sed "s/:$PROXY_PORT\$/:PORT/" "$WORK/proxy.cfg") >/dev/null \
    || die "the two configs differ beyond the bind port"
"$HAPROXY_BIN" -c -f "$WORK/haproxy.cfg" >"$WORK/haproxy-c.log" 2>&1 \
    || { cat "$WORK/haproxy-c.log" >&2; die "haproxy -c rejected the config"; }
cp "$WORK/haproxy.cfg" "$OUT_DIR/last-haproxy.cfg"

# ---------------------------------------------------------------------------------------------------------------
# Start both proxies, each pinned alone on PROXY_CPU.
# ---------------------------------------------------------------------------------------------------------------
taskset -c "$PROXY_CPU" "$HAPROXY_BIN" -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
HAPROXY_PID=$!
STARTED_PIDS+=("$HAPROXY_PID")

env DOTNET_TieredPGO=1 DOTNET_ReadyToRun=0 DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 \
    DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 DOTNET_gcServer=0 ${PROXY_ENV:-} \
    taskset -c "$PROXY_CPU" "$PROXY_BIN" -f "$WORK/proxy.cfg" >"$WORK/proxy.log" 2>&1 &
PROXY_PID=$!
STARTED_PIDS+=("$PROXY_PID")

wait_port "$HAPROXY_PORT" "$HAPROXY_PID" haproxy
wait_port "$PROXY_PORT" "$PROXY_PID" proxy
haproxy_threads="$(awk '/^Threads:/ { print $2 }' "/proc/$HAPROXY_PID/status")"
if [[ "$haproxy_threads" != 1 ]]; then
    die "HAProxy runs $haproxy_threads threads, expected 1 (pinning or nbthread not in effect)"
fi
log "nginx pid $NGINX_PID on :$NGINX_PORT1 :$NGINX_PORT2 (CPU$LOAD_CPU); haproxy pid $HAPROXY_PID on :$HAPROXY_PORT," \
    "proxy pid $PROXY_PID on :$PROXY_PORT (CPU$PROXY_CPU)"

# Sanity: both proxies answer 200 with the right body sizes, and round robin reaches both backends.
FAILURES=()
sanity() {
    local name="$1" port="$2" path="$3" want="$4" got
    got="$(curl -s -o /dev/null -m 5 -w '%{http_code} %{size_download}' "http://127.0.0.1:$port$path" || echo "curl-failed")"
    if [[ "$got" != "200 $want" ]]; then
        FAILURES+=("sanity $name $path: expected '200 $want', got '$got'")
        log "sanity FAILED: $name $path -> $got (want 200 $want)"
    fi
}
# Two requests in a row must reach s1 and s2 (nginx tags each answer with X-Backend).
round_robin() {
    local name="$1" port="$2" seen="" i b
    for i in 1 2; do
        b="$(curl -s -o /dev/null -m 5 -D - "http://127.0.0.1:$port/" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-backend" { print $2 }' || true)"
        seen+="${b:-none} "
    done
    if [[ "$seen" != "s1 s2 " && "$seen" != "s2 s1 " ]]; then
        FAILURES+=("sanity $name: two requests reached backends '${seen% }', expected s1 and s2 (balance roundrobin)")
        log "sanity FAILED: $name round robin -> ${seen% }"
    else
        log "sanity: $name answers 13 B on /, 16384 B on /16k; two requests went to ${seen% }"
    fi
}
for p in "haproxy $HAPROXY_PORT" "proxy $PROXY_PORT"; do
    set -- $p
    sanity "$1" "$2" / 13
    sanity "$1" "$2" /16k 16384
    round_robin "$1" "$2"
done

# ---------------------------------------------------------------------------------------------------------------
# wrk runs.
# ---------------------------------------------------------------------------------------------------------------
# CPU time (utime+stime, clock ticks) of a process.
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || true; }
# "BUSY TOTAL" ticks of one CPU from /proc/stat (busy = user nice system irq softirq steal).
cpu_line() { awk -v c="cpu$1" '$1 == c { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
CLK_TCK="$(getconf CLK_TCK)"

# Convert a wrk latency value (e.g. 812.00us, 1.15ms, 2.01s) to milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
        else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
        else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.3f", v * 60000 }
        else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
        else { printf "nan" } }'
}

# run_wrk LABEL PORT PATH SECONDS PID -> sets R_RPS R_P50 R_P99 R_CPU_US (CPU us per request of PID; "-" if no PID),
# R_LOAD_BUSY (% busy of LOAD_CPU: near 100 means wrk + nginx are the limit) and R_OTHER (% of PROXY_CPU busy with
# anything but PID: interrupts, softirq, other processes; a noise indicator), and appends to FAILURES when wrk fails,
# sees non-2xx/3xx responses or socket errors, or PID died.
RESULTS_DIR="$WORK/results"
mkdir -p "$RESULTS_DIR"
RUN_SEQ=0
run_wrk() {
    local label="$1" port="$2" path="$3" secs="$4" pid="$5"
    local out="$RESULTS_DIR/$(printf '%03d' "$RUN_SEQ")-${label// /_}.txt"
    RUN_SEQ=$((RUN_SEQ + 1))
    local t0=0 t1=0 rc=0 lc0 lc1 pc0 pc1 cpu_ok=1
    lc0="$(cpu_line "$LOAD_CPU")"; pc0="$(cpu_line "$PROXY_CPU")"
    if [[ -n "$pid" ]]; then t0="$(cpu_ticks "$pid")"; fi
    taskset -c "$LOAD_CPU" wrk -t1 -c"$CONNECTIONS" -d"${secs}s" --timeout 5s --latency \
        "http://127.0.0.1:$port$path" >"$out" 2>&1 || rc=$?
    if [[ -n "$pid" ]]; then t1="$(cpu_ticks "$pid")"; fi
    lc1="$(cpu_line "$LOAD_CPU")"; pc1="$(cpu_line "$PROXY_CPU")"
    if [[ -z "$t0" || -z "$t1" ]]; then cpu_ok=0; t0=0; t1=0; fi  # process gone: no CPU figures
    R_LOAD_BUSY="$(awk -v a="$lc0" -v b="$lc1" 'BEGIN { split(a, x, " "); split(b, y, " ");
        d = y[2] - x[2]; if (d > 0) printf "%.0f", 100 * (y[1] - x[1]) / d; else print "-" }')"
    R_OTHER="$(awk -v a="$pc0" -v b="$pc1" -v p="$((t1 - t0))" -v ok="$cpu_ok" 'BEGIN { if (!ok) { print "-"; exit } split(a, x, " "); split(b, y, " ");
        d = y[2] - x[2]; o = 100 * (y[1] - x[1] - p) / d; if (o < 0) o = 0; if (d > 0) printf "%.0f", o; else print "-" }')"
    R_RPS="$(awk '/^Requests\/sec:/ { print $2 }' "$out")"
    R_P50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")"
    R_P99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")"
    local total
    total="$(awk '/requests in/ { print $1 }' "$out")"
    if [[ -n "$pid" && "$cpu_ok" == 1 && -n "$total" && "$total" != 0 ]]; then
        R_CPU_US="$(awk -v a="$t0" -v b="$t1" -v hz="$CLK_TCK" -v n="$total" 'BEGIN { printf "%.1f", (b - a) / hz * 1e6 / n }')"
    else
        R_CPU_US="-"
    fi
    local problems=()
    (( rc == 0 )) || problems+=("wrk exit $rc")
    [[ -n "$R_RPS" ]] || { problems+=("no Requests/sec in output"); R_RPS=0; }
    if grep -q 'Non-2xx or 3xx responses' "$out"; then
        problems+=("$(grep 'Non-2xx or 3xx responses' "$out" | sed 's/^ *//')")
    fi
    if grep -q 'Socket errors' "$out"; then
        problems+=("$(grep 'Socket errors' "$out" | sed 's/^ *//')")
    fi
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
        problems+=("process $pid died")
    fi
    if (( ${#problems[@]} > 0 )); then
        local joined="" pr
        for pr in "${problems[@]}"; do joined+="${joined:+; }$pr"; done
        FAILURES+=("$label $path: $joined")
        log "  FAILED $label $path: $joined (wrk output kept in bench/out/wrk/)"
    fi
    log "  $label $path: ${R_RPS} req/s, p50 ${R_P50} ms, p99 ${R_P99} ms, CPU ${R_CPU_US} us/req;" \
        "CPU$LOAD_CPU (wrk+nginx) ${R_LOAD_BUSY}% busy, CPU$PROXY_CPU ${R_OTHER}% busy with other work"
}

declare -A PORT_OF=([haproxy]="$HAPROXY_PORT" [proxy]="$PROXY_PORT" [direct]="$NGINX_PORT1")
declare -A PID_OF=([haproxy]="$HAPROXY_PID" [proxy]="$PROXY_PID" [direct]="")
TARGETS=(haproxy proxy)
if [[ "$DIRECT" == 1 ]]; then TARGETS=(direct haproxy proxy); fi
BODIES=(/ /16k)

log "warm-up: ${WARMUP}s on / and ${WARMUP_16K}s on /16k for each proxy"
for t in haproxy proxy; do
    if (( WARMUP > 0 )); then run_wrk "warmup-$t" "${PORT_OF[$t]}" / "$WARMUP" "${PID_OF[$t]}"; fi
    if (( WARMUP_16K > 0 )); then run_wrk "warmup-$t" "${PORT_OF[$t]}" /16k "$WARMUP_16K" "${PID_OF[$t]}"; fi
done

# Per-round results, one line each: TARGET BODY ROUND RPS P50 P99 CPU_US LOAD_BUSY% OTHER%
RAW="$WORK/raw.tsv"
: >"$RAW"
for ((r = 1; r <= ROUNDS; r++)); do
    log "round $r/$ROUNDS"
    for body in "${BODIES[@]}"; do
        for t in "${TARGETS[@]}"; do
            run_wrk "$t" "${PORT_OF[$t]}" "$body" "$DURATION" "${PID_OF[$t]}"
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$body" "$r" "$R_RPS" "$R_P50" "$R_P99" "$R_CPU_US" \
                "$R_LOAD_BUSY" "$R_OTHER" >>"$RAW"
        done
    done
done

# Peak RSS (VmHWM) at the end of the runs.
hwm_mb() { awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || true; }
declare -A RSS_OF=([direct]="-")
RSS_OF[haproxy]="$(hwm_mb "$HAPROXY_PID")"; RSS_OF[haproxy]="${RSS_OF[haproxy]:-?}"
RSS_OF[proxy]="$(hwm_mb "$PROXY_PID")"; RSS_OF[proxy]="${RSS_OF[proxy]:-?}"

# Keep the raw material.
rm -rf "$OUT_DIR/wrk"
cp -r "$RESULTS_DIR" "$OUT_DIR/wrk"
cp "$RAW" "$OUT_DIR/last-run.tsv"
cp "$WORK/proxy.log" "$OUT_DIR/last-proxy.log" 2>/dev/null || true
cp "$WORK/haproxy.log" "$OUT_DIR/last-haproxy.log" 2>/dev/null || true

# ---------------------------------------------------------------------------------------------------------------
# Report: medians over rounds; ratios are medians of the per-round ratios to HAProxy.
# ---------------------------------------------------------------------------------------------------------------
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) { print "nan"; exit } if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
col() { awk -F'\t' -v t="$1" -v b="$2" -v c="$3" '$1 == t && $2 == b { print $c }' "$RAW"; }
ratio_col() {  # per-round ratio target/haproxy of column c, median
    awk -F'\t' -v t="$1" -v b="$2" -v c="$3" '
        $2 == b && $1 == "haproxy" { h[$3] = $c }
        $2 == b && $1 == t { x[$3] = $c }
        END { for (r in x) if ((r in h) && h[r] + 0 > 0 && x[r] != "-") printf "%.4f\n", x[r] / h[r] }' "$RAW" | median
}
spread() {  # (max - min) / median of column c over rounds, in %
    col "$1" "$2" "$3" | sort -g | awk '{ a[NR] = $1 } END { if (NR < 2) { print "-"; exit }
        m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; if (m > 0) printf "%.0f%%", 100 * (a[NR] - a[1]) / m; else print "-" }'
}
fmt() { awk -v v="$1" -v f="$2" 'BEGIN { if (v == "nan" || v == "" || v == "-") print "-"; else printf f, v }'; }

REPORT="$OUT_DIR/last-run.md"
{
    echo "## proxy vs HAProxy ($(date -u '+%Y-%m-%d %H:%M UTC'))"
    echo
    echo "wrk -t1 -c$CONNECTIONS -d${DURATION}s, $ROUNDS rounds interleaved, medians; warm-up ${WARMUP}s + ${WARMUP_16K}s (16k) per proxy;" \
         "proxies on CPU$PROXY_CPU, wrk + nginx on CPU$LOAD_CPU; keep-alive; x HAProxy = median of per-round ratios."
    echo
    echo "| body | target | req/s | req/s spread | p50 ms | p99 ms | CPU us/req | peak RSS MB | req/s x HAProxy | p99 x HAProxy | RSS x HAProxy |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
    for body in "${BODIES[@]}"; do
        bname="13 B"; [[ "$body" == /16k ]] && bname="16 KiB"
        for t in "${TARGETS[@]}"; do
            rps="$(col "$t" "$body" 4 | median)"
            p50="$(col "$t" "$body" 5 | median)"
            p99="$(col "$t" "$body" 6 | median)"
            cpu="$(col "$t" "$body" 7 | grep -v '^-$' | median || true)"
            rss="${RSS_OF[$t]}"
            if [[ "$t" == haproxy ]]; then
                rr="1.00"; pr="1.00"; sr="1.00"
            else
                rr="$(fmt "$(ratio_col "$t" "$body" 4)" '%.2f')"
                pr="$(fmt "$(ratio_col "$t" "$body" 6)" '%.2f')"
                sr="-"
                if [[ "$rss" != "-" && "$rss" != "?" && "${RSS_OF[haproxy]}" != "?" ]]; then
                    sr="$(awk -v a="$rss" -v b="${RSS_OF[haproxy]}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')"
                fi
            fi
            printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$bname" "$t" \
                "$(fmt "$rps" '%.0f')" "$(spread "$t" "$body" 4)" "$(fmt "$p50" '%.2f')" "$(fmt "$p99" '%.2f')" "$(fmt "$cpu" '%.1f')" \
                "$rss" "$rr" "$pr" "$sr"
        done
    done
    echo
    echo "Peak RSS is VmHWM of the process after all its runs (warm-up included), shared by both bodies." \
         "Spread is (max - min) / median of req/s over the rounds."
    noisy="$(awk -F'\t' -v lim="$NOISE_PCT" '$9 != "-" && $9 + 0 > lim { printf "%s %s round %s (%s%%); ", $1, $2, $3, $9 }' "$RAW")"
    if [[ -n "$noisy" ]]; then
        echo
        echo "Noise: CPU$PROXY_CPU was more than ${NOISE_PCT}% busy with other work during: ${noisy%; }."
    fi
    for who in proxy haproxy; do
        nlines="$(wc -l <"$WORK/$who.log" 2>/dev/null || echo 0)"
        if (( nlines > 0 )); then
            echo
            echo "Note: $who wrote $nlines line(s) to stdout/stderr during the runs (bench/out/last-$who.log); first: \`$(head -n 1 "$WORK/$who.log" | cut -c1-200)\`"
        fi
    done
    for n in "${NOTES[@]}"; do echo; echo "Note: $n"; done
    if (( ${#FAILURES[@]} > 0 )); then
        echo
        echo "**FAILED runs (${#FAILURES[@]}):**"
        for f in "${FAILURES[@]}"; do echo "- $f"; done
    else
        echo
        echo "All runs clean: no non-2xx/3xx responses, no socket errors, no process died."
    fi
} >"$REPORT"
cat "$REPORT"

if (( ${#FAILURES[@]} > 0 )); then
    log "${#FAILURES[@]} run(s) failed; wrk outputs in bench/out/wrk/, proxy log in bench/out/last-proxy.log"
    exit 1
fi
exit 0
