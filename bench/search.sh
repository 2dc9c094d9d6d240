#!/usr/bin/env bash
# Search latency on the seed data (issue 10): publishes a Release build, starts it on a fresh seeded database and
# runs bench/search-latency.py against it. Prints one Markdown table row per endpoint.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'kill "${app:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet publish "$root/src/JimPam.Wiki" -c Release -o "$work/pub" -v quiet -nologo >/dev/null
port=5097
ConnectionStrings__Wiki="Data Source=$work/wiki.db" Wiki__ApiRequestsPerMinute=100000 \
  dotnet "$work/pub/JimPam.Wiki.dll" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
echo "| endpoint | queries | p50 | p99 | max | mean | statuses |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
python3 "$root/bench/search-latency.py" "http://127.0.0.1:$port" "$root/seed-data/jim-and-pam.article.txt" "$root/seed-data/episodes.csv" "${QUERIES:-300}"
