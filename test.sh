#!/usr/bin/env bash
# Builds and runs every test project, then prints "N passed, N failed" as its last line.
# As root it first installs the Debian packages the tests drive (once; later runs find them present).
# With CI=true a skipped test counts as a failure: nothing may hide behind a missing dependency in CI.
set -euo pipefail
cd "$(dirname "$0")"

packages=(haproxy keepalived rsyslog iproute2 curl openssl tcpdump tshark python3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing Debian packages the tests need: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Not root: cannot install ${missing[*]}; the tests that need them will be skipped (and fail when CI=true)."
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Proxy.sln -c Debug -nologo -v quiet

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# One test assembly at a time (-m:1): the functional suites time real sockets and processes, and two of them
# sharing 2 cores made timing-sensitive tests flaky.
dotnet test Proxy.sln -c Debug --no-build -nologo -m:1 2>&1 | tee "$log" || status=$?

# One summary line per test assembly, e.g. "Passed!  - Failed:     0, Passed:    65, Skipped:     0, Total:    65, …".
read -r passed failed skipped assemblies < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
    n++
  }
  END { printf "%d %d %d %d\n", p, f, s, n }' "$log")

expected=$(ls tests/*/*.csproj | wc -l)
if [ "$assemblies" -ne "$expected" ]; then
  echo "Only $assemblies of $expected test projects reported results."
  failed=$((failed + 1))
fi
if [ "${CI:-}" = "true" ] && [ "$skipped" -gt 0 ]; then
  echo "CI=true: $skipped skipped test(s) count as failures."
  failed=$((failed + skipped))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
