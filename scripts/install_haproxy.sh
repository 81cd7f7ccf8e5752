#!/usr/bin/env bash
# Debian's haproxy for `make serve` and tests/system/test_serving.py (the proxy in front of the
# Streamlit replicas). Only the binary is used: the package's own service is not started here.
set -euo pipefail
if command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "haproxy is missing: install Debian's package 'haproxy' (needs root)" >&2
  exit 1
fi
apt-get update -qq
# policy-rc.d 101: the package must not start its own haproxy service on port 80.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
