#!/usr/bin/env bash
# The soak (issue 18): two instances on one PostgreSQL database behind deploy/nginx, ten minutes of mixed reads and
# saves at about half the measured capacity. Reports errors, p99 latency minute by minute, and each instance's
# memory (RSS) at the start and end of every minute.
#
#   bash bench/soak.sh            # MINUTES (default 10); WAIT_MS sets the wait between a connection's requests
#                                 # instead of measuring the capacity first (to compare two runs at the same load)
#
# The load: wrk through nginx, 4 connections a core, each request one of /seasons/N?soak=n (rendered: a key of
# its own), /episodes/..., /characters/..., /timeline (front-cached), /search?q=...; the capacity is measured first
# (30 s flat out), then each connection waits between requests so the rate is about half of it. Meanwhile an editor
# saves a paragraph every 2 s through A's and B's forms in turn (bench/edit-delay.py's login and form code), and
# every save's answer is counted.
#
# Memory: each minute, besides RSS, the GC heap after its last collection (all generations, from /metrics'
# dotnet_gc_last_collection_heap_size_bytes). With dotnet-gcdump on the PATH (dotnet tool install -g dotnet-gcdump),
# each instance's live objects are also counted before the load and after it: a gcdump forces a full collection, so
# what it counts is what the process still holds, which is the answer to "is this growth".
set -euo pipefail
source "$(dirname "$0")/lib-multi.sh"
minutes=${MINUTES:-10}

cat > "$work/mixed.lua" <<'LUA'
local n = 0
local pages = { "/seasons/%d?soak=%d", "/episodes/the-dundies?soak=%d", "/characters/pam-beesly?soak=%d", "/timeline", "/seasons/3", "/search?q=teapot&soak=%d" }
wait_ms = tonumber(os.getenv("SOAK_WAIT_MS") or "0")
request = function()
  n = n + 1
  local k = (n % #pages) + 1
  local path
  if k == 1 then path = string.format(pages[1], (n % 9) + 1, n) else path = string.format(pages[k], n) end
  return wrk.format("GET", path)
end
delay = function() return wait_ms end
LUA

connections=16
if [ -n "${WAIT_MS:-}" ]; then
  capacity="not measured (WAIT_MS given)"
else
  capacity=$(SOAK_WAIT_MS=0 wrk -t2 -c$connections -d30s -s "$work/mixed.lua" "http://127.0.0.1:$front" | awk '/Requests\/sec/ {print $2}')
  # Flat out, each connection's request takes connections/capacity seconds; for half the capacity each waits twice
  # that between requests (a little under half, as latency falls with the load). The first soak waited once that,
  # which made 83% of the capacity, not half.
  wait_ms=$(awk -v c="$capacity" -v n=$connections 'BEGIN {printf "%d", 2 * 1000 * n / c}')
fi
wait_ms=${WAIT_MS:-$wait_ms}

python3 "$root/bench/edit-delay.py" --loop "http://127.0.0.1:$a_port" "http://127.0.0.1:$b_port" "$work/stop" > "$work/saves.json" &
saver=$!
pids+=($saver)

: > "$work/access.log"
kill -USR1 "$(cat "$work/nginx.pid")"
heap_of() { # heap_of <port>: the GC heap after the last collection, all generations, MiB
  curl -fs "http://127.0.0.1:$1/metrics" | awk '/^dotnet_gc_last_collection_heap_size_bytes\{/ {s += $NF} END {printf "%.0f", s / 1048576}'; }
live_of() { # live_of <pid> <label>: live objects after a forced full collection, MiB (dotnet-gcdump), or "-"
  command -v dotnet-gcdump >/dev/null 2>&1 || { echo -; return; }
  dotnet-gcdump collect -p "$1" -o "$work/$2.gcdump" >/dev/null 2>&1 || { echo -; return; }
  dotnet-gcdump report "$work/$2.gcdump" 2>/dev/null | awk '/GC Heap bytes/ {gsub(",", "", $1); printf "%.1f", $1 / 1048576; exit}'; }
live_a0=$(live_of "${app_pid[$a_port]}" a-start) live_b0=$(live_of "${app_pid[$b_port]}" b-start)
echo "| minute | requests | errors (5xx, socket) | p50 ms | p99 ms | RSS A MiB | RSS B MiB | GC heap A MiB | GC heap B MiB |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
start_a=$(rss_of "${app_pid[$a_port]}") start_b=$(rss_of "${app_pid[$b_port]}")
total=0 errors=0
for minute in $(seq 1 "$minutes"); do
  out=$(SOAK_WAIT_MS=$wait_ms wrk -t2 -c$connections -d60s --latency -s "$work/mixed.lua" "http://127.0.0.1:$front")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  bad=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); bad=${bad:-0}
  socket=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out"); socket=${socket:-0}
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  total=$((total + requests)); errors=$((errors + bad + socket))
  echo "| $minute | $requests | $bad, $socket | $p50 | $p99 | $(rss_of "${app_pid[$a_port]}") | $(rss_of "${app_pid[$b_port]}") | $(heap_of $a_port) | $(heap_of $b_port) |"
done
touch "$work/stop"
wait "$saver" || true
server_errors=$(awk '$1 >= 500' "$work/access.log" | wc -l)
echo
echo "Capacity measured first: $capacity req/s (mixed, flat out, $connections connections); the soak waited ${wait_ms} ms between a connection's requests."
echo "Total: $total requests, $errors errors (nginx logged $server_errors answers of 500 or more). RSS at the start: A $start_a MiB, B $start_b MiB."
echo "Saves: $(cat "$work/saves.json")"
echo "Live objects after a full collection (dotnet-gcdump), MiB: A $live_a0 before the load, $(live_of "${app_pid[$a_port]}" a-end) after; B $live_b0 before, $(live_of "${app_pid[$b_port]}" b-end) after. RSS after: A $(rss_of "${app_pid[$a_port]}") MiB, B $(rss_of "${app_pid[$b_port]}") MiB."
