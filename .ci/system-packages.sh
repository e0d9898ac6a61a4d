#!/usr/bin/env bash
# Debian packages the test suite needs and a fresh machine may lack. Installs only what is missing.
set -euo pipefail
need=()
command -v git >/dev/null 2>&1 || need+=(git)
# The Sumatra test (api/src/sumatra) installs Sumatra from PyPI into a venv; Debian ships venv apart.
command -v python3 >/dev/null 2>&1 || need+=(python3)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || need+=(python3-venv)
# The dashboard's end-to-end tests and its benchmark drive Debian's Chromium (playwright-core never downloads a browser).
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# A monospace and a fallback sans font for the pages Chromium renders (the dashboard ships its own Inter).
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ] || need+=(fonts-dejavu-core)
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
