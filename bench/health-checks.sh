#!/usr/bin/env bash
# CPU cost of health checks: 1,000 checked servers (inter 2s) spread over 4 local listeners.
# Measures the proxy's user+system CPU time from /proc/PID/stat over a window (default 30 s) after a warm-up,
# and prints it as % of one core. Optional: KIND=http for `option httpchk`, also runs haproxy 2.6 for reference.
# Usage: bench/health-checks.sh [servers] [seconds]     (only 127.0.0.1 is used; every process started is ended by PID)
set -euo pipefail
SERVERS=${1:-1000}
SECONDS_WINDOW=${2:-30}
KIND=${KIND:-tcp}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

dotnet build -c Release "$ROOT/src/Proxy" -o "$WORK/proxy" >/dev/null

# Four listeners that answer one HTTP response per connection and close (a TCP check just connects).
cat > "$WORK/listeners.py" <<'PY'
import socket, selectors, sys
sel = selectors.DefaultSelector()
for port in map(int, sys.argv[1:]):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.listen(1024); s.setblocking(False)
    sel.register(s, selectors.EVENT_READ, "listen")
while True:
    for key, _ in sel.select():
        if key.data == "listen":
            c, _ = key.fileobj.accept(); c.setblocking(False)
            sel.register(c, selectors.EVENT_READ, "conn")
        else:
            c = key.fileobj
            try:
                if c.recv(4096):
                    c.send(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            except OSError:
                pass
            sel.unregister(c); c.close()
PY
BASE=$((20000 + RANDOM % 20000))
python3 "$WORK/listeners.py" $BASE $((BASE+1)) $((BASE+2)) $((BASE+3)) & PIDS+=($!)

{
  printf 'defaults\n mode http\n timeout connect 1s\n timeout client 5s\n timeout server 5s\n'
  printf 'frontend fe\n bind 127.0.0.1:%d\n default_backend be\nbackend be\n' $((BASE+4))
  [ "$KIND" = http ] && printf ' option httpchk GET /health\n'
  for i in $(seq 1 "$SERVERS"); do printf ' server s%d 127.0.0.1:%d check inter 2s\n' "$i" $((BASE + i % 4)); done
} > "$WORK/bench.cfg"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
measure() { # name pid
  sleep 5
  local t0 t1 hz
  hz=$(getconf CLK_TCK); t0=$(cpu_ticks "$2"); sleep "$SECONDS_WINDOW"; t1=$(cpu_ticks "$2")
  awk -v n="$1" -v d=$((t1 - t0)) -v hz="$hz" -v w="$SECONDS_WINDOW" -v s="$SERVERS" -v k="$KIND" \
    'BEGIN { printf "%-8s %s checks, %d servers every 2 s: %.2f s CPU in %d s = %.2f%% of one core\n", n, k, s, d/hz, w, 100*d/hz/w }'
}

"$WORK/proxy/proxy" -f "$WORK/bench.cfg" -db > "$WORK/proxy.log" 2>&1 & PIDS+=($!)
measure proxy $!
if [ "$(grep -c 'is DOWN' "$WORK/proxy.log" || true)" != 0 ]; then echo "warning: some servers went DOWN during the run" >&2; fi
kill "${PIDS[-1]}"; unset 'PIDS[-1]'

if command -v haproxy >/dev/null; then
  haproxy -db -f "$WORK/bench.cfg" > "$WORK/haproxy.log" 2>&1 & PIDS+=($!)
  measure haproxy $!
fi
