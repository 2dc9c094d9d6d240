#!/usr/bin/env bash
# The multi-instance benchmark (issue 18): two app instances on one PostgreSQL database behind deploy/nginx, on this
# machine, in one run. Prints a Markdown report (bench/README.md, "More than one machine", has the last one).
#
#   bash bench/multi.sh
#
# Settings (environment): DURATION (each wrk run, default 5s), ROUNDS (default 3), KILLS (default 20), PHASES
# (default "front edit kill pg": which of the phases below to run).
# It installs wrk, nginx and PostgreSQL with apt when missing, starts a private PostgreSQL (.ci/postgres.sh),
# publishes the app in Release, and starts two instances (ports 5281, 5282) and one nginx with deploy/nginx's site
# (port 5280) plus a plain static server (port 5283) that serves the exact bytes of the page under test. Then:
#   1. the front: anonymous /seasons/3 through nginx's micro-cache against nginx serving the same bytes from a
#      file, wrk -t1 -c32, ROUNDS alternating rounds, medians and their ratio; and one instance's own cached page;
#   2. an edit's delay: an editor saves on instance A (its login and edit forms, bench/edit-delay.py); then
#      anonymous readers through nginx are polled every 20 ms until the page shows the edit (the delay), and the
#      other instance B is read once, at once (stale or not), 20 times;
#   3. kills under load: wrk reads /seasons/3?kill=N (uncached at the front, each its own key) and other pages
#      through nginx for the whole phase while an instance is killed with SIGKILL and started again, KILLS times,
#      alternating A and B; nginx's access log counts the failed GETs (status >= 500);
#   4. PostgreSQL restarted under load: pg_ctl restart -m fast while wrk reads through nginx; failed GETs counted
#      the same way, and whether both instances still answer and a save still works afterwards.
set -euo pipefail
source "$(dirname "$0")/lib-multi.sh"

rps() { wrk -t1 -c32 -d"$duration" "$1" | awk '/Requests\/sec/ {print $2}'; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

phases=${PHASES:-front edit kill pg}
front_rps=- static_rps=1 app_rps=- delay_median=- delay_max=- stale_b=- kill_failed=- kill_requests=- kill_statuses=- pg_failed=- pg_requests=- pg_failed_cached=- a_after=- b_after=- kill_saves=-
# 1. The front against nginx serving the same bytes, and one instance's own cache.
if [[ " $phases " == *" front "* ]]; then
for url in "http://127.0.0.1:$front/seasons/3" "http://127.0.0.1:$static/seasons/3" "http://127.0.0.1:$a_port/seasons/3"; do
  wrk -t1 -c32 -d2s "$url" >/dev/null
done
front_runs=() static_runs=() app_runs=()
for _ in $(seq 1 "$rounds"); do
  front_runs+=("$(rps "http://127.0.0.1:$front/seasons/3")")
  static_runs+=("$(rps "http://127.0.0.1:$static/seasons/3")")
  app_runs+=("$(rps "http://127.0.0.1:$a_port/seasons/3")")
done
front_rps=$(median "${front_runs[@]}")
static_rps=$(median "${static_runs[@]}")
app_rps=$(median "${app_runs[@]}")
fi

# 2. An edit's delay to anonymous readers through the front, and B's next read.
if [[ " $phases " == *" edit "* ]]; then
edits=$(python3 "$root/bench/edit-delay.py" "http://127.0.0.1:$a_port" "http://127.0.0.1:$b_port" "http://127.0.0.1:$front" 20)
delays=($(python3 -c 'import json,sys; print(" ".join(map(str, json.loads(sys.argv[1])["delays_ms"])))' "$edits"))
stale_b=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["stale_on_b"])' "$edits")
delay_median=$(median "${delays[@]}")
delay_max=$(printf '%s\n' "${delays[@]}" | sort -n | tail -n 1)
fi

# 3. Kills under load through nginx.
if [[ " $phases " == *" kill "* ]]; then
: > "$work/access.log"
kill -USR1 "$(cat "$work/nginx.pid")"
load_seconds=$((kills * 8 + 10))
cat > "$work/kill.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  local paths = { "/seasons/3?kill=" .. n, "/episodes/the-dundies?kill=" .. n, "/characters/pam-beesly?kill=" .. n, "/timeline" }
  return wrk.format("GET", paths[(n % 4) + 1])
end
LUA
wrk -t2 -c32 -d"${load_seconds}s" -s "$work/kill.lua" "http://127.0.0.1:$front" > "$work/kill-wrk.txt" &
wrk_pid=$!
# An editor saves every 2 s on A and B in turn meanwhile; afterwards every acknowledged save must be in the history.
python3 "$root/bench/edit-delay.py" --loop "http://127.0.0.1:$a_port" "http://127.0.0.1:$b_port" "$work/stop-saves" > "$work/kill-saves.json" &
saver=$!
sleep 3
for i in $(seq 1 "$kills"); do
  target=$([ $((i % 2)) -eq 1 ] && echo $a_port || echo $b_port)
  kill -9 "${app_pid[$target]}"
  sleep 0.5
  start_app "$target"
  serving "$target"
  # As an operator's systemd would (RestartSec=1), with time for nginx to put it back in rotation before the next kill.
  sleep 3
done
wait "$wrk_pid"
touch "$work/stop-saves"
wait "$saver" || true
acknowledged=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["saved"])' "$work/kill-saves.json")
in_history=$(PGPASSWORD=$password psql -h 127.0.0.1 -p "$port" -U jimpam -d jimpam -Atc "SELECT count(*) FROM \"Revisions\" WHERE \"Summary\" = 'soak'")
kill_saves="$acknowledged acknowledged, $in_history in the history, $((acknowledged > in_history ? acknowledged - in_history : 0)) lost ($(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["statuses"])' "$work/kill-saves.json"))"
sleep 0.5
kill_requests=$(wc -l < "$work/access.log")
kill_failed=$(awk '$1 >= 500' "$work/access.log" | wc -l)
kill_statuses=$(awk '{print $1}' "$work/access.log" | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')
cp "$work/access.log" /tmp/multi-kill-access.log 2>/dev/null || true
cp "$work"/app-*.log /tmp/ 2>/dev/null || true
fi

# 4. PostgreSQL restarted under load.
if [[ " $phases " == *" pg "* ]]; then
: > "$work/access.log"
kill -USR1 "$(cat "$work/nginx.pid")"
cat > "$work/pg.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  if n % 2 == 0 then return wrk.format("GET", "/seasons/3") end
  return wrk.format("GET", "/seasons/3?pg=" .. n)
end
LUA
wrk -t1 -c16 -d20s -s "$work/pg.lua" "http://127.0.0.1:$front" > "$work/pg-wrk.txt" &
wrk_pid=$!
sleep 5
su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D '$postgres_folder/data' -m fast -w restart" >/dev/null
restarted_at=$(date +%s)
wait "$wrk_pid"
sleep 0.5
pg_requests=$(wc -l < "$work/access.log")
pg_failed=$(awk '$1 >= 500' "$work/access.log" | wc -l)
pg_failed_cached=$(awk '$1 >= 500 && $5 == "/seasons/3"' "$work/access.log" | wc -l)
a_after=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$a_port/seasons/2?after=1")
b_after=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$b_port/seasons/2?after=1")
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
cat <<EOF
## More than one machine ($(date -u +%Y-%m-%d' '%H:%M) UTC, $(git -C "$root" rev-parse --short HEAD))

Two instances on one PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') database, behind deploy/nginx/jimpam-wiki.conf, all on this machine
($(nproc) cores). Method: bench/multi.sh; wrk -t1 -c32, $rounds alternating rounds of $duration, medians.

| measure | result |
| --- | --- |
| anonymous \`/seasons/3\` through the front (micro-cache) | $front_rps req/s |
| nginx serving the same bytes from a file | $static_rps req/s |
| **front / nginx** | **$(ratio "$front_rps" "$static_rps")** |
| one instance's own cached \`/seasons/3\` (PostgreSQL, LISTEN/NOTIFY check) | $app_rps req/s ($(ratio "$app_rps" "$static_rps") of nginx) |
| an edit's delay to anonymous readers through the front (20 saves) | median $delay_median ms, at most $delay_max ms |
| the other instance's next read right after each save's answer | $stale_b stale of 20 |
| kills under load: SIGKILL of an instance, restarted, alternating | $kills kills; $kill_failed failed GETs of $kill_requests through nginx (statuses: $kill_statuses); saves meanwhile: $kill_saves |
| PostgreSQL restarted (pg_ctl restart -m fast) under load | $pg_failed failed GETs of $pg_requests ($pg_failed_cached of them for the front-cached page); afterwards A answers $a_after, B $b_after |
EOF
