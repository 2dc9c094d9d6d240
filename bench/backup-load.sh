#!/usr/bin/env bash
# The backup under load (issue 20): the app serves a copy of a wiki (the seed, or BIG=path for a bigger one) while
# an editor saves a paragraph as fast as the form answers (bench/edit-delay.py --loop, no pause) and wrk reads pages
# on 8 connections; meanwhile `backup` copies the database three times. Reports each backup's time and size, its
# integrity check, the saves acknowledged during the run, and the last save acknowledged before each backup began
# found in its copy.
#
#   bash bench/backup-load.sh                    # the seeded wiki
#   BIG=/tmp/big.db bash bench/backup-load.sh    # a wiki made with `generate` (100 times the data)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
port=${PORT:-5093}
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

dotnet build "$root/src/JimPam.Wiki" -c Release -v q -nologo > /dev/null
app="$root/src/JimPam.Wiki/bin/Release/net10.0/JimPam.Wiki.dll"
db="$work/wiki.db"
if [ -n "${BIG:-}" ]; then cp "$BIG" "$db"; fi
setting="--ConnectionStrings:Wiki=Data Source=$db"
dotnet "$app" --urls "http://127.0.0.1:$port" "$setting" > "$work/app.log" 2>&1 &
pids+=($!)
until curl -sf "http://127.0.0.1:$port/healthz" > /dev/null; do sleep 0.5; done
printf "that's what she said, twice\n" | dotnet "$app" editor add pam --password-stdin "$setting" > /dev/null

SAVE_INTERVAL_S=0 python3 "$root/bench/edit-delay.py" --loop "http://127.0.0.1:$port" "http://127.0.0.1:$port" "$work/stop" > "$work/saves.json" &
saver=$!
pids+=($saver)
wrk -t2 -c8 -d120s "http://127.0.0.1:$port/seasons/5" > "$work/wrk.txt" &
pids+=($!)
sleep 5

echo "| backup | copy ms (its own report) | command ms (with start-up) | bytes | integrity | last save before it began, in the copy |"
echo "| --- | --- | --- | --- | --- | --- |"
for i in 1 2 3; do
  before=$(sqlite3 "file:$db?mode=ro" "SELECT MAX(Number) FROM Revisions WHERE Summary = 'soak'" 2>/dev/null || echo 0)
  start=$(date +%s%N)
  out=$(dotnet "$app" backup "$work/backup-$i.db" "$setting")
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  in_copy=$(sqlite3 "$work/backup-$i.db" "SELECT COUNT(*) FROM Revisions WHERE Summary = 'soak' AND Number = ${before:-0}")
  own=$(sed -E 's/.* in ([0-9,]+) ms.*/\1/' <<<"$out")
  echo "| $i | $own | $ms | $(stat -c %s "$work/backup-$i.db") | $(sqlite3 "$work/backup-$i.db" 'PRAGMA integrity_check') | revision ${before:-none}: $([ "$in_copy" = 1 ] && echo yes || echo NO) |"
  sleep 3
done
touch "$work/stop"
wait "$saver" || true
echo "Saves during the run: $(cat "$work/saves.json")"
echo "backup's own report: $out"
