#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium, which the report's browser test (ReportBrowserTests)
# drives to check that the HTML report renders. Does nothing when /usr/bin/chromium already exists,
# so it is safe to run twice. Needs root (or sudo) and access to Debian's package archive.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "install-browser: root or sudo is needed to install chromium." >&2
    exit 1
  fi
  as_root=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! { "${as_root[@]}" apt-get update -q && \
       "${as_root[@]}" apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core; } \
       >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-browser: could not install chromium; see the apt-get output above." >&2
  exit 1
fi
