#!/usr/bin/env bash
# Make sure Debian's chromium is installed at /usr/bin/chromium, for the browser test
# (tests/browser). Playwright drives this system browser: its own browser download is not used.
# Installs with apt-get only when chromium is missing, and only as root; otherwise it says what to
# do and exits non-zero.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
    exit 0
fi

if ! command -v apt-get > /dev/null 2>&1; then
    echo "ensure_chromium: $CHROMIUM is missing and apt-get is not available." >&2
    echo "ensure_chromium: install Chromium so that $CHROMIUM exists, then re-run." >&2
    exit 1
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "ensure_chromium: $CHROMIUM is missing and installing it needs root." >&2
    echo "ensure_chromium: run: sudo apt-get update && sudo apt-get install -y chromium" >&2
    exit 1
fi

echo "ensure_chromium: installing Debian's chromium with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium

if [ ! -x "$CHROMIUM" ]; then
    echo "ensure_chromium: apt-get finished but $CHROMIUM is still missing." >&2
    exit 1
fi
"$CHROMIUM" --version >&2 || true
