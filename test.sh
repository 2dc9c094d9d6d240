#!/usr/bin/env bash
# Runs every test of JimPam.Wiki: unit, WebApplicationFactory and browser tests.
# Extra arguments go to `dotnet test` (for example: ./test.sh --filter Season).
set -euo pipefail
cd "$(dirname "$0")"

dotnet tool restore >/dev/null
dotnet test JimPam.Wiki.sln "$@"
