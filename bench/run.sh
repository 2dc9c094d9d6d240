#!/usr/bin/env bash
# The benchmark harness (issue 8): the wiki against the static-file limit, measured in one run.
#
#   bash bench/run.sh            # writes bench/results/<date>.md and prints it
#
# It installs wrk and nginx with apt when they are missing, publishes the app in Release, starts it on a
# loopback port with a fresh seeded database and the production logging configuration, saves the exact
# bytes of each measured page and serves them with nginx on another loopback port (the limit), then runs
# wrk on both in turn. It also measures the app with request logging off, cold start with an existing
# and with an empty database, and the app's peak RSS under load.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/jimpam-bench.XXXXXX)
app_port=${APP_PORT:-5180}
nginx_port=${NGINX_PORT:-5181}
duration=${DURATION:-10s}
pages=(/ /seasons/3 /episodes/the-dundies /characters/pam-beesly)
app_pid=""
nginx_pid=""

cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

need() {
  if ! command -v "$1" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$1" ]; then
    echo "bench: installing $2" >&2
    if ! apt-get install -y "$2" >/dev/null 2>&1; then
      apt-get update >/dev/null 2>&1
      apt-get install -y "$2" >/dev/null
    fi
  fi
}
need wrk wrk
need nginx nginx-light
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

echo "bench: publishing the app (Release)" >&2
dotnet publish "$root/src/JimPam.Wiki" -c Release -o "$work/app" >/dev/null

# Starts the app on a database; extra arguments are settings. Sets app_pid and waits for the first 200.
start_app() {
  local database=$1
  shift
  (cd "$work/app" && exec dotnet JimPam.Wiki.dll --urls "http://127.0.0.1:$app_port" \
      "--ConnectionStrings:Wiki=Data Source=$database" "$@" >>"$work/app.log" 2>&1) &
  app_pid=$!
  for _ in $(seq 1 600); do
    if curl -fs -o /dev/null "http://127.0.0.1:$app_port/seasons/1"; then
      return 0
    fi
    sleep 0.05
  done
  echo "bench: the app did not answer; its log:" >&2
  tail -20 "$work/app.log" >&2
  exit 1
}

stop_app() {
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

# Milliseconds from process start to the first 200 on /seasons/1.
cold_start() {
  local database=$1 begin end
  begin=$(date +%s%N)
  start_app "$database"
  end=$(date +%s%N)
  stop_app
  echo $(((end - begin) / 1000000))
}

# Runs wrk and prints "requests/s p50 p99" (latencies in ms).
measure() {
  local url=$1
  wrk -t1 -c32 -d5s "$url" >/dev/null
  wrk -t1 -c32 -d"$duration" --latency "$url" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}

rss_peak() {
  awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status"
}

# --- cold start ---------------------------------------------------------------------------------------
echo "bench: cold start" >&2
cold_empty=$(cold_start "$work/cold.db")
cold_existing=$(cold_start "$work/cold.db")

# --- the app, as configured for production ----------------------------------------------------------
start_app "$work/wiki.db"
mkdir -p "$work/static"
for page in "${pages[@]}"; do
  name=$(echo "$page" | tr '/' '_')
  [ "$name" = "_" ] && name="_home"
  curl -fs "http://127.0.0.1:$app_port$page" -o "$work/static/$name.html"
done

cat >"$work/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/static;
    location / { try_files \$uri.html =404; }
  }
}
EOF
"$nginx_bin" -c "$work/nginx.conf" &
nginx_pid=$!
sleep 0.5

# Tiered compilation settles only after every page has been served for a while: warm them all first.
warm_up() {
  for page in "${pages[@]}"; do
    wrk -t1 -c32 -d5s "http://127.0.0.1:$app_port$page" >/dev/null
  done
}

declare -A app_result nginx_result quiet_result
echo "bench: warming up" >&2
warm_up
for page in "${pages[@]}"; do
  name=$(echo "$page" | tr '/' '_')
  [ "$name" = "_" ] && name="_home"
  echo "bench: $page" >&2
  app_result[$page]=$(measure "http://127.0.0.1:$app_port$page")
  nginx_result[$page]=$(measure "http://127.0.0.1:$nginx_port/$name")
done
rss=$(rss_peak)
stop_app

# --- the app with request logging off ----------------------------------------------------------------
start_app "$work/wiki.db" "--Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware=Warning"
warm_up
for page in "${pages[@]}"; do
  echo "bench: $page, request logging off" >&2
  quiet_result[$page]=$(measure "http://127.0.0.1:$app_port$page")
done
stop_app

# --- the report ---------------------------------------------------------------------------------------
mkdir -p "$root/bench/results"
report="$root/bench/results/$(date -u +%Y-%m-%d).md"
{
  echo "# Benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)."
  echo "Method: \`bench/run.sh\` (published Release build, production logging, fresh seeded database; every page warmed 5 s, then wrk \`-t1 -c32\`, 5 s more on the page, then $duration measured; nginx serves the same bytes from files)."
  echo
  echo "| page | app req/s | p50 ms | p99 ms | nginx req/s | app/nginx | logging off req/s | logging cost |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  for page in "${pages[@]}"; do
    read -r rps p50 p99 <<<"${app_result[$page]}"
    read -r nrps _ _ <<<"${nginx_result[$page]}"
    read -r qrps _ _ <<<"${quiet_result[$page]}"
    ratio=$(awk -v a="$rps" -v n="$nrps" 'BEGIN { printf "%.3f", a / n }')
    cost=$(awk -v a="$rps" -v q="$qrps" 'BEGIN { printf "%.0f%%", (q - a) / q * 100 }')
    echo "| \`$page\` | $rps | $p50 | $p99 | $nrps | $ratio | $qrps | $cost |"
  done
  echo
  echo "Cold start to the first 200 on \`/seasons/1\`: ${cold_empty} ms with an empty database (migrate and seed), ${cold_existing} ms with an existing one."
  echo "Peak RSS of the app under load: ${rss} MiB."
} >"$report"
cat "$report"
