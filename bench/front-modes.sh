#!/usr/bin/env bash
# The front cache's modes against the same reference, in one run (issue 18): how close does deploy/nginx's
# micro-cache come to nginx serving the same bytes from a file, and would another way of keeping pages be closer?
#
#   bash bench/front-modes.sh                  # MODES (default "micro purge"), DURATION (default 2s), ROUNDS (default 20)
#   PROFILE=1 MODES=micro bash bench/front-modes.sh   # perf profiles of nginx's workers instead (apt-get install linux-perf)
#
# Modes, each a change to deploy/nginx's file as this run installs it:
#   micro   the file as it is: a one-second micro-cache that follows the app's X-Accel-Expires;
#   purge   the best case of a purge-on-edit cache: entries that never expire while measured (proxy_cache_valid 1h,
#           X-Accel-Expires ignored); whatever a purge costs at an edit comes on top;
#   valid1  nginx's own "1s" (X-Accel-Expires ignored), which keeps a page one to two seconds;
#   lite    the cached answer carries only nginx's own few headers and the front adds the app's security headers
#           (an upstream of plain nginx serving the saved page): what leaving those headers to nginx would save, and
#           the floor of proxy_cache itself, since no cached answer can carry less;
#   varnish a front that keeps pages in memory instead of files: Debian's Varnish (malloc storage) in front of the
#           instances, keeping each page a second as the micro-cache does (apt-get install varnish when missing). Its
#           CPU figure is varnishd's, not nginx's.
# All modes run with sendfile and open_file_cache on, and the reference sends the app's own response headers (its CSP
# and the other security headers, ETag, Cache-Control) from its configuration, so both answer with the same bytes.
#
# Each round runs wrk -t1 -c32 for DURATION on the front, then on the reference. Two figures per mode:
# - the median of the paired ratios (front / reference, each pair a few seconds apart); the machine's speed drifts by
#   tens of percent between runs (a shared virtual machine), so many short pairs measure it best;
# - nginx's CPU time per request (its workers' utime + stime over the run, from /proc, over wrk's request count),
#   which the drift moves much less: what the front costs nginx against what a file costs it.
set -euo pipefail
source "$(dirname "$0")/lib-multi.sh"
duration=${DURATION:-2s} rounds=${ROUNDS:-20}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
serving_processes() { # the processes that serve a port: varnishd's for Varnish's, else nginx's workers
  if [ "$1" = "$varnish_port" ]; then echo "$(cat "$work/varnish.pid")"; pgrep -P "$(cat "$work/varnish.pid")"; else pgrep -P "$(cat "$work/nginx.pid")"; fi; }
workers_cpu() { local t=0 p; for p in $(serving_processes "$1"); do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo $t; }
run() { # run <port>: "<req/s> <CPU µs per request of the processes that serve it>"
  local before after out
  before=$(workers_cpu "$1"); out=$(wrk -t1 -c32 -d"$duration" "http://127.0.0.1:$1/seasons/3"); after=$(workers_cpu "$1")
  awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '/requests in/ {n = $1} /Requests\/sec/ {r = $2}
    END {printf "%s %.2f\n", r, ticks * 1000000 / hz / n}' <<<"$out"; }

# The app's own response headers, as nginx add_header lines.
headers=$(curl -sI "http://127.0.0.1:$a_port/seasons/3" | tr -d '\r' | awk -F': ' '
  tolower($1) ~ /^(cache-control|etag|content-security-policy|x-content-type-options|x-frame-options|referrer-policy|permissions-policy|cross-origin-opener-policy)$/ {
    q = (tolower($1) == "etag") ? "\x27" : "\""; printf "add_header %s %s%s%s always; ", $1, q, $2, q }')
tuning="sendfile on; tcp_nopush on; open_file_cache max=1000 inactive=30s; open_file_cache_valid 30s;"
ignore_accel='s/proxy_ignore_headers Cache-Control Expires;/proxy_ignore_headers Cache-Control Expires X-Accel-Expires;/'
plain_upstream=5284 varnish_port=5285

mode() { # mode <name> <sed expression>...
  local name=$1 site="$work/site-$1.conf"
  shift
  cp "$work/site.conf" "$site"
  for expression in "$@"; do sed -i -e "$expression" "$site"; done
  if [ "$name" = lite ]; then
    echo "server { listen 127.0.0.1:$plain_upstream; root $work/static; etag off; location = /seasons/3 { default_type text/html; try_files /seasons/3.html =404; } }" >>"$site"
  fi
  sed -e "s#include $work/site.conf;#include $site; $tuning#" \
      -e "s#location = /seasons/3 {#location = /seasons/3 { etag off; $headers#" "$work/nginx.conf" >"$work/nginx-$name.conf"
  kill "$(cat "$work/nginx.pid")"
  sleep 1
  nginx -p "$work" -c "$work/nginx-$name.conf"
  sleep 0.5
  local target=$front
  if [ "$name" = varnish ]; then
    command -v varnishd >/dev/null || apt-get install -y varnish >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1; apt-get install -y varnish >/dev/null; }
    # The instances' answers kept a second (and served stale for ten while one is fetched, as nginx's updating), with
    # Varnish's own headers taken off so it answers with the same bytes as the others.
    cat >"$work/front.vcl" <<VCL
vcl 4.1;
backend a { .host = "127.0.0.1"; .port = "$a_port"; }
sub vcl_backend_response { set beresp.ttl = 1s; set beresp.grace = 10s; return (deliver); }
sub vcl_deliver { unset resp.http.Via; unset resp.http.X-Varnish; unset resp.http.Age; unset resp.http.X-Accel-Expires; }
VCL
    varnishd -a "127.0.0.1:$varnish_port" -f "$work/front.vcl" -s malloc,64m -n "$work/varnish" -P "$work/varnish.pid"
    trap 'kill "$(cat "$work/varnish.pid")" 2>/dev/null || true; cleanup' EXIT
    sleep 1
    target=$varnish_port
  fi
  for port in $target $static; do wrk -t1 -c32 -d2s "http://127.0.0.1:$port/seasons/3" >/dev/null; done
  if [ -n "${PROFILE:-}" ]; then
    local workers load
    workers=$(pgrep -P "$(cat "$work/nginx.pid")" | paste -sd,)
    for port in $front $static; do
      wrk -t1 -c32 -d10s "http://127.0.0.1:$port/seasons/3" >/dev/null &
      load=$!
      sleep 1
      perf record -F 4999 -p "$workers" -o "$work/perf-$name-$port.data" -- sleep 7 2>/dev/null
      wait "$load"
      echo "== $name, port $port ($([ "$port" = "$front" ] && echo front || echo reference)): nginx's own functions"
      perf report -i "$work/perf-$name-$port.data" --no-children --sort dso,sym 2>/dev/null | grep '\[\.\]' | head -12
    done
    return
  fi
  local fronts=() statics=() front_cpu=() static_cpu=() ratios=() result i
  for _ in $(seq 1 "$rounds"); do
    result=$(run "$target"); fronts+=("${result% *}"); front_cpu+=("${result#* }")
    result=$(run "$static"); statics+=("${result% *}"); static_cpu+=("${result#* }")
  done
  for i in "${!fronts[@]}"; do ratios+=("$(awk -v f="${fronts[$i]}" -v s="${statics[$i]}" 'BEGIN {printf "%.3f", f / s}')"); done
  echo "$name: medians front $(median "${fronts[@]}") req/s, reference $(median "${statics[@]}") req/s;" \
    "median of the $rounds paired ratios $(median "${ratios[@]}") (${ratios[*]});" \
    "CPU per request: front $(median "${front_cpu[@]}") µs, reference $(median "${static_cpu[@]}") µs"
  if [ "$name" = varnish ]; then
    echo "varnish: $(varnishstat -n "$work/varnish" -1 -f MAIN.cache_hit -f MAIN.cache_miss -f MAIN.cache_hitmiss -f MAIN.cache_hitpass | awk '{printf "%s %s; ", $1, $2}')"
  fi
}
for name in ${MODES:-micro purge}; do
  case $name in
    micro) mode micro ;;
    purge) mode purge 's/proxy_cache_valid 200 301 404 1s;/proxy_cache_valid 200 301 404 1h;/' "$ignore_accel" ;;
    valid1) mode valid1 "$ignore_accel" ;;
    varnish) mode varnish ;;
    lite) mode lite "s#proxy_pass http://jimpam_wiki;#proxy_pass http://127.0.0.1:$plain_upstream; $headers#" ;;
    *) echo "bench: unknown mode $name (micro, purge, valid1, lite, varnish)" >&2; exit 2 ;;
  esac
done
