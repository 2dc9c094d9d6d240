#!/usr/bin/env bash
# Where instances keep their cached pages (issue 18): each in its own memory, evicted across instances through
# PostgreSQL LISTEN/NOTIFY (what the wiki does), or one output cache shared in Redis
# (Microsoft.AspNetCore.OutputCaching.StackExchangeRedis). The issue asks that the cached ratio stay within 10% of one
# instance's, so this measures what a Redis store costs a cached read, in one run:
#
#   bash bench/cache-store.sh        # DURATION (each wrk run, default 5s), ROUNDS (default 7)
#
# Both are bench/Reference, the minimal Razor Pages app of the same framework, serving the same saved wiki page
# (/seasons/3's bytes) behind the output cache: one with the default in-memory store, one with Reference:Redis
# pointing at a redis-server of Debian's started here on loopback (no persistence). Runs alternate, wrk -t1 -c32
# against one app at a time; prints the medians and the median of the paired ratios (Redis / memory).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
duration=${DURATION:-5s} rounds=${ROUNDS:-7}
work=$(mktemp -d /tmp/jimpam-store.XXXXXX)
memory_port=5291 redis_app_port=5292 redis_port=56379
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

for tool in wrk:wrk redis-server:redis-server; do
  if ! command -v "${tool%%:*}" >/dev/null 2>&1; then
    apt-get install -y "${tool##*:}" >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1; apt-get install -y "${tool##*:}" >/dev/null; }
  fi
done
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
  --dir "$work" --logfile "$work/redis.log" --pidfile "$work/redis.pid"
redis-server --version >&2

echo "bench: publishing the reference app (Release, ReadyToRun)" >&2
dotnet publish "$root/bench/Reference" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/reference" -nologo -v q >/dev/null

# The page: the wiki's /seasons/3, saved by a seeded wiki of this build.
dotnet publish "$root/src/JimPam.Wiki" -c Release -r linux-x64 --self-contained false -o "$work/app" -nologo -v q >/dev/null
(cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production exec dotnet JimPam.Wiki.dll --urls "http://127.0.0.1:5290" \
  "--ConnectionStrings:Wiki=Data Source=$work/wiki.db" >"$work/app.log" 2>&1) &
pids+=($!)
mkdir -p "$work/pages"
for _ in $(seq 1 1200); do curl -fs "http://127.0.0.1:5290/seasons/3" -o "$work/pages/seasons-3.html" && break; sleep 0.1; done
kill "${pids[0]}"

start() { # start <port> [redis]
  (cd "$work/reference" && exec dotnet Reference.dll --urls "http://127.0.0.1:$1" "--Reference:Pages=$work/pages" \
    "--ConnectionStrings:Reference=Data Source=$work/reference-$1.db" ${2:+"--Reference:Redis=127.0.0.1:$redis_port"} \
    >"$work/reference-$1.log" 2>&1) &
  pids+=($!)
  for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$1/cached/seasons-3" && return 0; sleep 0.1; done
  echo "bench: the reference on $1 did not start" >&2; cat "$work/reference-$1.log" >&2; return 1
}
start $memory_port
start $redis_app_port redis
for port in $memory_port $redis_app_port; do
  curl -fs "http://127.0.0.1:$port/cached/seasons-3" | cmp -s - "$work/pages/seasons-3.html" \
    || { echo "bench: the reference on $port does not serve the saved page" >&2; exit 1; }
done
keys=$(redis-cli -p "$redis_port" dbsize)
[ "$keys" -ge 1 ] || { echo "bench: nothing was stored in Redis" >&2; exit 1; }

rps() { wrk -t1 -c32 -d"$duration" "$1" | awk '/Requests\/sec/ {print $2}'; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for port in $memory_port $redis_app_port; do wrk -t1 -c32 -d3s "http://127.0.0.1:$port/cached/seasons-3" >/dev/null; done
memory=() shared=() ratios=()
for _ in $(seq 1 "$rounds"); do
  m=$(rps "http://127.0.0.1:$memory_port/cached/seasons-3")
  r=$(rps "http://127.0.0.1:$redis_app_port/cached/seasons-3")
  memory+=("$m") shared+=("$r")
  ratios+=("$(awk -v r="$r" -v m="$m" 'BEGIN {printf "%.3f", r / m}')")
done
echo "Page: /seasons/3, $(wc -c <"$work/pages/seasons-3.html") bytes; Redis held $keys key(s) after the first read."
echo "In-memory output cache: median $(median "${memory[@]}") req/s (${memory[*]})"
echo "Redis output cache:     median $(median "${shared[@]}") req/s (${shared[*]})"
echo "Redis / memory, median of $rounds paired runs: $(median "${ratios[@]}") (${ratios[*]})"
