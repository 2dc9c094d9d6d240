#!/usr/bin/env bash
# Runs every test of JimPam.Wiki: unit, WebApplicationFactory and real-browser (Playwright) tests.
# The browser tests drive Debian's Chromium; when it is missing this script installs it with apt-get
# and says so. Extra arguments go to `dotnet test` (for example: ./test.sh --filter Season).
set -euo pipefail
cd "$(dirname "$0")"

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "test.sh: Chromium is not at $chromium; the browser tests need it. Installing Debian's chromium with apt-get..."
  if command -v apt-get >/dev/null 2>&1; then
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then
      sudo_cmd="sudo -n"
    fi
    if $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
      && $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; then
      echo "test.sh: installed $($chromium --version 2>/dev/null || echo chromium)."
    else
      echo "test.sh: could not install Chromium. Install it yourself (sudo apt-get install -y chromium) or set CHROMIUM_PATH; the browser tests will fail until then." >&2
    fi
  else
    echo "test.sh: no apt-get here. Install Chromium and set CHROMIUM_PATH; the browser tests will fail until then." >&2
  fi
fi

dotnet tool restore >/dev/null
dotnet test JimPam.Wiki.sln "$@"
