#!/bin/bash
# SUT adapter for ../shared/tools/vrrp-harness.sh (needs tcpdump and tshark; test.sh installs them):
# turns the harness's environment into a keepalived.conf and runs `proxy -k` on it in the foreground.
# HarnessTests runs it in the suite; by hand (put a tcpdump that adds --immediate-mode first on PATH, else the
# capture checks lose the last second of packets at random; see HarnessTests.ImmediateTcpdump):
#   dotnet build src/Proxy && SUT_KIND=cmd SUT_CMD="exec $PWD/tests/Vrrp.FunctionalTests/harness-sut.sh" \
#     ../shared/tools/vrrp-harness.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dll=${PROXY_DLL:-$here/../../src/Proxy/bin/Debug/net10.0/proxy.dll}
conf=$(mktemp "${TMPDIR:-/tmp}/vrrp-sut-XXXXXX.conf")
cat > "$conf" <<EOC
global_defs {
  script_user root
  enable_script_security
}
vrrp_script chk {
  script "$HEALTH_SCRIPT"
  interval $HEALTH_INTERVAL
  weight $HEALTH_WEIGHT
}
vrrp_instance VI_1 {
  interface $IFACE
  state $STATE
  virtual_router_id $VRID
  priority $PRIO
  advert_int $ADVERT_INT
  authentication {
    auth_type PASS
    auth_pass $PASS
  }
  virtual_ipaddress {
    $VIP/24
  }
  track_script {
    chk
  }
}
EOC
exec dotnet "$dll" -k "$conf"
