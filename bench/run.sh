#!/usr/bin/env bash
# The benchmark harness (issue 8): the wiki against the static-file limit, measured in one run.
#
#   bash bench/run.sh            # writes bench/results/<date>.md, copies it into bench/README.md, prints it
#
# Settings (environment): DURATION (wrk run, default 10s), ROUNDS (app/nginx rounds per page, default 3),
# SCALE=0 to skip the 100x data run, APP_PORT / NGINX_PORT / REF_PORT (default 5180 / 5181 / 5182), REPORT (the
# results file).
#
# The reference (issue 17) is bench/Reference, a minimal Razor Pages app published the same way: cached, one Razor
# page behind the output cache that writes the saved bytes of each page under test; uncached, one page that renders
# about 25 KB from one EF Core query on SQLite. The wiki's targets are ratios to it, measured in the same run.
#
# It installs wrk and nginx with apt when they are missing and publishes the app in Release (ReadyToRun, as the
# README's deployment section does). Then:
#   1. cold start, process start to the first 200 on /seasons/1: with an empty database (migrate and seed) and
#      with an existing one, three times each (median);
#   2. the app on a freshly seeded database with the production settings (appsettings.json: output cache on,
#      request log on); the exact bytes of each page are saved and served by nginx on another port, the limit.
#      Each page is warmed, then wrk -t1 -c32 --latency runs ROUNDS times on the app and on nginx in turn; the
#      table has the medians and the ratio of the medians. Peak RSS of the app is read after this phase;
#   3. the same pages with the output cache off (Wiki:OutputCache=false): the cost of rendering;
#   4. the same pages with the request log off, ROUNDS times each like phase 2 (medians): the cost of logging;
#   5. the same pages on a wiki with 100 times the data (the app's own "generate --relationships 100 --events
#      100000"), cached and uncached.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/jimpam-bench.XXXXXX)
chmod 755 "$work" # nginx's workers run as another user (www-data) and must read the saved pages
app_port=${APP_PORT:-5180}
nginx_port=${NGINX_PORT:-5181}
ref_port=${REF_PORT:-5182}
duration=${DURATION:-10s}
rounds=${ROUNDS:-3}
scale=${SCALE:-1}
pages=(/ /seasons/3 /episodes/the-dundies /characters/pam-beesly /timeline)
app_pid=""
nginx_pid=""
ref_pid=""

cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$ref_pid" ] && kill "$ref_pid" 2>/dev/null || true
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
need curl curl
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

echo "bench: publishing the app (Release, ReadyToRun)" >&2
dotnet publish "$root/src/JimPam.Wiki" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/app" >/dev/null
echo "bench: publishing the reference app (Release, ReadyToRun)" >&2
dotnet publish "$root/bench/Reference" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/reference" >/dev/null

# Starts the reference app on the saved pages and its own database; sets ref_pid and waits for it.
start_reference() {
  (cd "$work/reference" && exec dotnet Reference.dll --urls "http://127.0.0.1:$ref_port" \
      "--Reference:Pages=$work/static" "--ConnectionStrings:Reference=Data Source=$work/reference.db" >>"$work/reference.log" 2>&1) &
  ref_pid=$!
  for _ in $(seq 1 1200); do
    if curl -fs -o /dev/null "http://127.0.0.1:$ref_port/uncached"; then
      return 0
    fi
    sleep 0.02
  done
  echo "bench: the reference app did not answer; its log:" >&2
  tail -20 "$work/reference.log" >&2
  exit 1
}

ref_rss_peak() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$ref_pid/status"; }

# Starts the app on a database; extra arguments are settings. Sets app_pid and waits for the first 200.
start_app() {
  local database=$1
  shift
  (cd "$work/app" && exec dotnet JimPam.Wiki.dll --urls "http://127.0.0.1:$app_port" \
      "--ConnectionStrings:Wiki=Data Source=$database" "$@" >>"$work/app.log" 2>&1) &
  app_pid=$!
  for _ in $(seq 1 1200); do
    if curl -fs -o /dev/null "http://127.0.0.1:$app_port/seasons/1"; then
      return 0
    fi
    sleep 0.02
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

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# One wrk run; prints "requests/s p50 p99" (latencies in ms).
wrk_run() {
  wrk -t1 -c32 -d"$duration" --latency "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}

warm() { wrk -t1 -c32 -d"${WARM:-5s}" "$1" >/dev/null; }

name_of() {
  local name
  name=$(echo "$1" | tr '/' '_')
  [ "$name" = "_" ] && name="_home"
  echo "$name"
}

rss_peak() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status"; }

# Each page once on the running app, after a warm-up: prints "page rps p50 p99" lines.
measure_once() {
  for page in "${pages[@]}"; do
    warm "http://127.0.0.1:$app_port$page"
    echo "$page $(wrk_run "http://127.0.0.1:$app_port$page")"
  done
}

# Each page ROUNDS times after a warm-up, as the production phase measures the app: prints "page rps p50 p99" medians.
measure_rounds() {
  for page in "${pages[@]}"; do
    warm "http://127.0.0.1:$app_port$page"
    : >"$work/rounds.runs"
    for _ in $(seq 1 "$rounds"); do
      wrk_run "http://127.0.0.1:$app_port$page" >>"$work/rounds.runs"
    done
    echo "$page $(cut -d' ' -f1 "$work/rounds.runs" | median) $(cut -d' ' -f2 "$work/rounds.runs" | median) $(cut -d' ' -f3 "$work/rounds.runs" | median)"
  done
}

# --- 1. cold start ---------------------------------------------------------------------------------------
echo "bench: cold start" >&2
empties=() existings=()
for i in 1 2 3; do
  rm -f "$work/cold.db"*
  empties+=("$(cold_start "$work/cold.db")")
  existings+=("$(cold_start "$work/cold.db")")
done
cold_empty=$(printf '%s\n' "${empties[@]}" | median)
cold_existing=$(printf '%s\n' "${existings[@]}" | median)

# --- 2. production settings against nginx ------------------------------------------------------------------
cp "$work/cold.db" "$work/wiki.db"
start_app "$work/wiki.db"
mkdir -p "$work/static"
for page in "${pages[@]}"; do
  curl -fs "http://127.0.0.1:$app_port$page" -o "$work/static/$(name_of "$page").html"
done

cat >"$work/nginx.conf" <<EOF
worker_processes auto;
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
for _ in $(seq 1 100); do
  curl -fs -o /dev/null "http://127.0.0.1:$nginx_port/_home" && break
  sleep 0.05
done
for page in "${pages[@]}"; do
  curl -fs "http://127.0.0.1:$nginx_port/$(name_of "$page")" -o "$work/nginx-copy.html" || true
  if ! cmp -s "$work/nginx-copy.html" "$work/static/$(name_of "$page").html"; then
    tail -5 "$work/nginx-error.log" >&2 || true
    echo "bench: nginx on port $nginx_port does not serve the saved $page (is another server on that port?)" >&2
    exit 1
  fi
done

start_reference
for page in "${pages[@]}"; do
  curl -fs "http://127.0.0.1:$ref_port/cached/$(name_of "$page")" -o "$work/ref-copy.html"
  if ! cmp -s "$work/ref-copy.html" "$work/static/$(name_of "$page").html"; then
    echo "bench: the reference app does not write the saved bytes of $page" >&2
    exit 1
  fi
done

declare -A app_result nginx_result ref_result uncached_result quiet_result big_result big_uncached_result
for page in "${pages[@]}"; do
  echo "bench: $page, app, reference and nginx, $rounds rounds" >&2
  app_url="http://127.0.0.1:$app_port$page"
  nginx_url="http://127.0.0.1:$nginx_port/$(name_of "$page")"
  ref_url="http://127.0.0.1:$ref_port/cached/$(name_of "$page")"
  warm "$app_url"
  warm "$nginx_url"
  warm "$ref_url"
  : >"$work/app.runs"
  : >"$work/nginx.runs"
  : >"$work/ref.runs"
  for _ in $(seq 1 "$rounds"); do
    wrk_run "$app_url" >>"$work/app.runs"
    wrk_run "$ref_url" >>"$work/ref.runs"
    wrk_run "$nginx_url" >>"$work/nginx.runs"
  done
  app_result[$page]="$(cut -d' ' -f1 "$work/app.runs" | median) $(cut -d' ' -f2 "$work/app.runs" | median) $(cut -d' ' -f3 "$work/app.runs" | median)"
  ref_result[$page]="$(cut -d' ' -f1 "$work/ref.runs" | median)"
  nginx_result[$page]="$(cut -d' ' -f1 "$work/nginx.runs" | median)"
done
rss=$(rss_peak)
stop_app

# The reference's uncached page, rounds like the app's pages; then its peak RSS after the same load.
echo "bench: the reference's uncached page" >&2
warm "http://127.0.0.1:$ref_port/uncached"
: >"$work/ref-uncached.runs"
for _ in $(seq 1 "$rounds"); do
  wrk_run "http://127.0.0.1:$ref_port/uncached" >>"$work/ref-uncached.runs"
done
ref_uncached="$(cut -d' ' -f1 "$work/ref-uncached.runs" | median) $(cut -d' ' -f2 "$work/ref-uncached.runs" | median)"
ref_uncached_bytes=$(curl -fs "http://127.0.0.1:$ref_port/uncached" | wc -c)
ref_rss=$(ref_rss_peak)
kill "$ref_pid" 2>/dev/null || true
wait "$ref_pid" 2>/dev/null || true
ref_pid=""

# --- 3. output cache off -----------------------------------------------------------------------------------
echo "bench: output cache off" >&2
start_app "$work/wiki.db" "--Wiki:OutputCache=false"
while read -r page rps p50 p99; do uncached_result[$page]="$rps $p50 $p99"; done < <(measure_rounds)
rss_uncached=$(rss_peak)
stop_app

# --- 4. request log off ------------------------------------------------------------------------------------
echo "bench: request log off" >&2
start_app "$work/wiki.db" "--Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware=Warning"
while read -r page rps p50 p99; do quiet_result[$page]="$rps $p50 $p99"; done < <(measure_rounds)
stop_app

# --- 5. 100 times the data ---------------------------------------------------------------------------------
if [ "$scale" != "0" ]; then
  echo "bench: generating 100 relationships and 100,000 events" >&2
  generate_begin=$(date +%s)
  (cd "$work/app" && dotnet JimPam.Wiki.dll generate --relationships 100 --events 100000 --into "$work/big.db" >>"$work/app.log" 2>&1)
  generate_seconds=$(($(date +%s) - generate_begin))
  big_size=$(du -m "$work/big.db" | cut -f1)
  big_cold=$(cold_start "$work/big.db")
  start_app "$work/big.db"
  while read -r page rps p50 p99; do big_result[$page]="$rps $p50 $p99"; done < <(measure_once)
  rss_big=$(rss_peak)
  stop_app
  start_app "$work/big.db" "--Wiki:OutputCache=false"
  while read -r page rps p50 p99; do big_uncached_result[$page]="$rps $p50 $p99"; done < <(measure_rounds)
  rss_big_uncached=$(rss_peak)
  stop_app
fi

# --- the report ------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v n="$2" 'BEGIN { printf "%.2f", a / n }'; }
mkdir -p "$root/bench/results"
report="${REPORT:-$root/bench/results/$(date -u +%Y-%m-%d).md}"
{
  echo "## Benchmark of $(date -u '+%Y-%m-%d %H:%M UTC') (commit $(git -C "$root" rev-parse --short HEAD))"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); $(dotnet --version) SDK; wrk and the server share the cores."
  echo
  echo "Method: \`bench/run.sh\`. Published Release build (ReadyToRun), production settings, a freshly seeded"
  echo "database. Each page warmed 5 s, then wrk \`-t1 -c32 -d$duration --latency\` $rounds times on the app and on nginx in"
  echo "turn (nginx serves the same bytes from files); medians. Request log off: $rounds runs per page, medians. Other modes:"
  echo "one $duration run per page after a warm-up."
  echo
  echo "### Cached pages against the reference (target: at least 0.95) and nginx (\`worker_processes auto\`)"
  echo
  echo "| page | app req/s | p50 ms | p99 ms | reference req/s | app/reference | nginx req/s | app/nginx |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  for page in "${pages[@]}"; do
    read -r rps p50 p99 <<<"${app_result[$page]}"
    nrps=${nginx_result[$page]}
    rrps=${ref_result[$page]}
    echo "| \`$page\` | $rps | $p50 | $p99 | $rrps | $(ratio "$rps" "$rrps") | $nrps | $(ratio "$rps" "$nrps") |"
  done
  echo
  read -r rurps rup50 <<<"$ref_uncached"
  echo "### Output cache off against the reference's uncached page (target: at least 0.40), and request log off"
  echo
  echo "The reference's uncached page: $rurps req/s, p50 $rup50 ms, ${ref_uncached_bytes} bytes from one EF Core query."
  echo
  echo "| page | uncached req/s | p50 ms | p99 ms | uncached/reference | uncached/nginx | log off req/s | cost of the log |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  for page in "${pages[@]}"; do
    read -r rps _ _ <<<"${app_result[$page]}"
    read -r urps up50 up99 <<<"${uncached_result[$page]}"
    read -r qrps _ _ <<<"${quiet_result[$page]}"
    cost=$(awk -v a="$rps" -v q="$qrps" 'BEGIN { printf "%.0f%%", (q - a) / q * 100 }')
    echo "| \`$page\` | $urps | $up50 | $up99 | $(ratio "$urps" "$rurps") | $(ratio "$urps" "${nginx_result[$page]}") | $qrps | $cost |"
  done
  echo
  echo "### Start and memory"
  echo
  echo "- Cold start, process start to the first 200 on \`/seasons/1\` (median of 3): ${cold_existing} ms with an existing database (target 1,500), ${cold_empty} ms with an empty one (migrate and seed; target 3,000)."
  echo "- Peak RSS (VmHWM) of the app: ${rss} MiB after the cached runs, ${rss_uncached} MiB after the uncached ones; the reference's after its cached and uncached runs: ${ref_rss} MiB (target: at most 1.3 times the reference's; $(ratio "$rss_uncached" "$ref_rss") here)."
  if [ "$scale" != "0" ]; then
    echo
    echo "### 100 times the data (target: every uncached page's p50 within 1.3x of its seed figure)"
    echo
    echo "\`generate --relationships 100 --events 100000\` took ${generate_seconds} s and made a ${big_size} MiB database. Cold start on it: ${big_cold} ms. Peak RSS: ${rss_big} MiB cached, ${rss_big_uncached} MiB uncached."
    echo
    echo "| page | cached req/s | p50 ms | p50 vs seed | uncached req/s | p50 ms | p50 vs seed |"
    echo "| --- | --- | --- | --- | --- | --- | --- |"
    for page in "${pages[@]}"; do
      read -r brps bp50 _ <<<"${big_result[$page]}"
      read -r burps bup50 _ <<<"${big_uncached_result[$page]}"
      read -r _ p50 _ <<<"${app_result[$page]}"
      read -r _ up50 _ <<<"${uncached_result[$page]}"
      echo "| \`$page\` | $brps | $bp50 | $(ratio "$bp50" "$p50")x | $burps | $bup50 | $(ratio "$bup50" "$up50")x |"
    done
  fi
} >"$report"

# The latest results also go into bench/README.md, between its markers.
readme="$root/bench/README.md"
if grep -q '<!-- latest:start -->' "$readme"; then
  awk -v report="$report" '
    /<!-- latest:start -->/ { print; while ((getline line < report) > 0) print line; skip = 1; next }
    /<!-- latest:end -->/ { skip = 0 }
    !skip { print }' "$readme" >"$work/README.md"
  cp "$work/README.md" "$readme"
fi
cat "$report"
