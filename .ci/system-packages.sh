#!/usr/bin/env bash
# Debian packages the test suite needs and a fresh machine may lack. Installs only what is missing.
set -euo pipefail
need=()
command -v git >/dev/null 2>&1 || need+=(git)
# The Sumatra test (api/src/sumatra) installs Sumatra from PyPI into a venv; Debian ships venv apart.
command -v python3 >/dev/null 2>&1 || need+=(python3)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || need+=(python3-venv)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing packages: ${need[*]} (run as root or install them)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
echo "system packages present"
