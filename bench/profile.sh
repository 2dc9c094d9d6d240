#!/usr/bin/env bash
# Where an uncached request's time goes (issue 35): a CPU profile of the published app under load.
#
#   bash bench/profile.sh [PAGE]          # default /seasons/3; prints the top methods, exclusive and inclusive
#
# Installs dotnet-trace as a .NET global tool when it is missing (from NuGet: `dotnet tool install -g dotnet-trace`),
# publishes the app in Release (ReadyToRun), seeds a fresh database, starts the app with the output cache off (every
# request renders), warms the page, then traces the process with the sampling profiler (`dotnet-trace collect
# --profile dotnet-sampled-thread-time`) for DURATION while wrk -t1 -c16 loads the page, and prints
# `dotnet-trace report topN` (exclusive, then inclusive). The .nettrace file stays in TRACE_DIR (default /tmp) for
# PerfView or speedscope (--format Speedscope).
#
# Settings (environment): DURATION (default 20s), PORT (default 5195), TOP (default 40), TRACE_DIR, and any
# further settings for the app in APP_SETTINGS (for example "--Wiki:RequestLog=false").
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
page=${1:-/seasons/3}
duration=${DURATION:-20s}
port=${PORT:-5195}
top=${TOP:-40}
trace_dir=${TRACE_DIR:-/tmp}
read -r -a app_settings <<<"${APP_SETTINGS:-}"
work=$(mktemp -d /tmp/jimpam-profile.XXXXXX)
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

export PATH="$PATH:$HOME/.dotnet/tools"
if ! command -v dotnet-trace >/dev/null 2>&1; then
  echo "profile: installing dotnet-trace (dotnet tool install -g dotnet-trace)" >&2
  dotnet tool install -g dotnet-trace >/dev/null
fi
command -v wrk >/dev/null 2>&1 || apt-get install -y wrk >/dev/null

echo "profile: publishing the app (Release, ReadyToRun)" >&2
dotnet publish "$root/src/JimPam.Wiki" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/app" >/dev/null

(cd "$work/app" && exec dotnet JimPam.Wiki.dll --urls "http://127.0.0.1:$port" "--ConnectionStrings:Wiki=Data Source=$work/wiki.db" \
    --Wiki:OutputCache=false --Serilog:MinimumLevel:Default=Warning "${app_settings[@]}" >"$work/app.log" 2>&1) &
app_pid=$!
for _ in $(seq 1 3000); do
  curl -fs -o /dev/null "http://127.0.0.1:$port$page" && break
  sleep 0.02
done
wrk -t1 -c16 -d5s "http://127.0.0.1:$port$page" >/dev/null

trace="$trace_dir/jimpam-$(echo "$page" | tr -c 'a-z0-9\n' '-')-$(date +%H%M%S).nettrace"
seconds=${duration%s}
wrk -t1 -c16 -d"$((seconds + 4))s" "http://127.0.0.1:$port$page" >"$work/wrk.txt" &
wrk_pid=$!
sleep 1
dotnet-trace collect -p "$app_pid" --profile dotnet-sampled-thread-time --duration "00:00:00:$(printf '%02d' "$seconds")" -o "$trace" >/dev/null
wait "$wrk_pid"
echo "profile: $page under wrk -t1 -c16: $(awk '/Requests\/sec/ { print $2 }' "$work/wrk.txt") requests/s while traced; trace in $trace"
echo
echo "## exclusive (time on the stack's top)"
dotnet-trace report "$trace" topN -n "$top" 2>/dev/null
echo
echo "## inclusive (time anywhere on the stack)"
dotnet-trace report "$trace" topN -n "$top" --inclusive 2>/dev/null
