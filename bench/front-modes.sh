#!/usr/bin/env bash
# The front cache's two modes against the same reference, in one run (issue 18): is a long-lived, purged-on-edit
# front cache faster for anonymous readers than deploy/nginx's one-second micro-cache?
#
#   bash bench/front-modes.sh
#
# The purge mode is measured at its best case, a cache whose entries never expire while measured
# (proxy_cache_valid 1h, X-Accel-Expires ignored): whatever a purge costs at an edit comes on top. Both modes run
# with sendfile and open_file_cache on, and the reference (nginx serving the same page from a file) sends the same
# response headers as the app (its CSP and the other security headers, its ETag, Cache-Control), so both answers
# have the same bytes. Settings: DURATION (each wrk run, default 8s), ROUNDS (default 5), REPEATS (default 2: each
# mode measured that many times, alternating). Prints one line per measurement: the medians, and the median of the
# ratios of each front run to the reference run right after it. The machine's speed drifts by tens of percent from
# one run to the next (a shared virtual machine), so the paired ratios, each of two runs a few seconds apart, are the
# figure; short runs and many rounds (DURATION=2s ROUNDS=25) measure it best.
set -euo pipefail
DURATION=${DURATION:-8s} ROUNDS=${ROUNDS:-5}
source "$(dirname "$0")/lib-multi.sh"
rps() { wrk -t1 -c32 -d"$duration" "$1" | awk '/Requests\/sec/ {print $2}'; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# The app's own response headers, as nginx add_header lines for the reference.
headers=$(curl -sI "http://127.0.0.1:$a_port/seasons/3" | tr -d '\r' | awk -F': ' '
  tolower($1) ~ /^(cache-control|etag|content-security-policy|x-content-type-options|x-frame-options|referrer-policy|permissions-policy|cross-origin-opener-policy)$/ {
    q = (tolower($1) == "etag") ? "\x27" : "\""; printf "add_header %s %s%s%s always; ", $1, q, $2, q }')
tuning="sendfile on; tcp_nopush on; open_file_cache max=1000 inactive=30s; open_file_cache_valid 30s;"

mode() { # mode <micro|purge>
  local name=$1
  cp "$work/site.conf" "$work/site-$name.conf"
  if [ "$name" = purge ]; then
    sed -i -e 's/proxy_cache_valid 200 301 404 1s;/proxy_cache_valid 200 301 404 1h;/' \
      -e 's/proxy_ignore_headers Cache-Control Expires;/proxy_ignore_headers Cache-Control Expires X-Accel-Expires;/' "$work/site-$name.conf"
  fi
  sed -e "s#include $work/site.conf;#include $work/site-$name.conf; $tuning#" \
      -e "s#location = /seasons/3 {#location = /seasons/3 { etag off; $headers#" "$work/nginx.conf" > "$work/nginx-$name.conf"
  kill "$(cat "$work/nginx.pid")"
  sleep 1
  nginx -p "$work" -c "$work/nginx-$name.conf"
  sleep 0.5
  for port in $front $static; do wrk -t1 -c32 -d2s "http://127.0.0.1:$port/seasons/3" >/dev/null; done
  local fronts=() statics=()
  for _ in $(seq 1 "$rounds"); do
    fronts+=("$(rps "http://127.0.0.1:$front/seasons/3")")
    statics+=("$(rps "http://127.0.0.1:$static/seasons/3")")
  done
  local f s ratios=() i
  f=$(median "${fronts[@]}") s=$(median "${statics[@]}")
  for i in "${!fronts[@]}"; do ratios+=("$(awk -v f="${fronts[$i]}" -v s="${statics[$i]}" 'BEGIN {printf "%.3f", f / s}')"); done
  echo "$name: medians front $f req/s, reference $s req/s; median of the $rounds paired ratios $(median "${ratios[@]}") (ratios ${ratios[*]})"
}
for _ in $(seq 1 "${REPEATS:-2}"); do
  mode micro
  mode purge
done
