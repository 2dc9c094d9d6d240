#!/usr/bin/env bash
# A/B of two commits on the same pages, measured in one run (issue 35):
#
#   bash bench/compare.sh BASE [HEAD]     # e.g. bash bench/compare.sh main~1
#
# Builds both commits in Release (ReadyToRun, as bench/run.sh and the README's deployment do) from git worktrees,
# gives each a freshly seeded database of its own (its own first start), then, for each mode (uncached: the output
# cache off, so every request renders; cached: the production settings), starts both apps side by side, warms each
# page on both, and runs wrk on A, then on B, in turn, ROUNDS times. It prints, per mode and page, the medians of
# A and B in requests/s and the median of the paired ratios B/A (above 1: B is faster), with their spread.
#
# Settings (environment): ROUNDS (pairs per page, default 6), DURATION (each wrk run, default 4s), WARM (default 4s),
# CONNECTIONS (default 16), MODES (default "uncached cached"), PAGES (default the five of bench/run.sh),
# A_PORT / B_PORT (default 5190 / 5191). Single pairs spread about ±20% on a 2-core machine; the median of six
# is steady to a few percent, which is why a change is reported as that median, never as one run.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
base=${1:?usage: bench/compare.sh BASE [HEAD]}
head=${2:-HEAD}
rounds=${ROUNDS:-6}
duration=${DURATION:-4s}
warm_for=${WARM:-4s}
connections=${CONNECTIONS:-16}
read -r -a modes <<<"${MODES:-uncached cached}"
read -r -a pages <<<"${PAGES:-/ /seasons/3 /episodes/the-dundies /characters/pam-beesly /timeline}"
a_port=${A_PORT:-5190}
b_port=${B_PORT:-5191}
work=$(mktemp -d /tmp/jimpam-compare.XXXXXX)
a_pid=""
b_pid=""

cleanup() {
  [ -n "$a_pid" ] && kill "$a_pid" 2>/dev/null || true
  [ -n "$b_pid" ] && kill "$b_pid" 2>/dev/null || true
  git -C "$root" worktree remove --force "$work/a-src" 2>/dev/null || true
  git -C "$root" worktree remove --force "$work/b-src" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for tool in wrk curl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "compare: installing $tool" >&2
    apt-get install -y "$tool" >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y "$tool" >/dev/null; }
  fi
done

a_rev=$(git -C "$root" rev-parse --short "$base")
b_rev=$(git -C "$root" rev-parse --short "$head")
for side in a b; do
  rev=$a_rev
  [ "$side" = b ] && rev=$b_rev
  echo "compare: building $side = $rev (Release, ReadyToRun)" >&2
  git -C "$root" worktree add --detach "$work/$side-src" "$rev" >/dev/null 2>&1
  dotnet publish "$work/$side-src/src/JimPam.Wiki" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$work/$side-app" >"$work/$side-build.log" 2>&1 || { tail -20 "$work/$side-build.log" >&2; exit 1; }
done

# Starts one side's app on its own database; extra arguments are settings. Prints the pid once it answers.
start() {
  local side=$1 port=$2
  shift 2
  (cd "$work/$side-app" && exec dotnet JimPam.Wiki.dll --urls "http://127.0.0.1:$port" \
      "--ConnectionStrings:Wiki=Data Source=$work/$side.db" --Serilog:MinimumLevel:Default=Warning "$@" >>"$work/$side.log" 2>&1) &
  local pid=$!
  for _ in $(seq 1 3000); do
    if curl -fs -o /dev/null "http://127.0.0.1:$port/seasons/1"; then
      echo "$pid"
      return 0
    fi
    sleep 0.02
  done
  echo "compare: $side did not answer; its log:" >&2
  tail -20 "$work/$side.log" >&2
  exit 1
}

# The apps are not this shell's children (they start in a command substitution), so wait by polling.
stop() {
  kill "$1" 2>/dev/null || true
  while kill -0 "$1" 2>/dev/null; do sleep 0.1; done
}

rps() { wrk -t1 -c"$connections" -d"$duration" "$1" | awk '/Requests\/sec/ { printf "%.0f\n", $2 }'; }

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf 'A = %s, B = %s; %s pairs of wrk -t1 -c%s -d%s per page, alternating A then B\n\n' "$a_rev" "$b_rev" "$rounds" "$connections" "$duration"
printf '| mode | page | A req/s (median) | B req/s (median) | B/A (median of pairs) | spread |\n| --- | --- | --- | --- | --- | --- |\n'
for mode in "${modes[@]}"; do
  settings=()
  [ "$mode" = uncached ] && settings=(--Wiki:OutputCache=false)
  a_pid=$(start a "$a_port" "${settings[@]}")
  b_pid=$(start b "$b_port" "${settings[@]}")
  for page in "${pages[@]}"; do
    wrk -t1 -c"$connections" -d"$warm_for" "http://127.0.0.1:$a_port$page" >/dev/null
    wrk -t1 -c"$connections" -d"$warm_for" "http://127.0.0.1:$b_port$page" >/dev/null
    : >"$work/pairs"
    for _ in $(seq 1 "$rounds"); do
      a=$(rps "http://127.0.0.1:$a_port$page")
      b=$(rps "http://127.0.0.1:$b_port$page")
      echo "$a $b" >>"$work/pairs"
    done
    a_med=$(awk '{ print $1 }' "$work/pairs" | median)
    b_med=$(awk '{ print $2 }' "$work/pairs" | median)
    ratio=$(awk '{ printf "%.3f\n", $2 / $1 }' "$work/pairs" | median)
    spread=$(awk '{ printf "%.2f\n", $2 / $1 }' "$work/pairs" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo "–" hi }')
    printf '| %s | `%s` | %s | %s | %.2f | %s |\n' "$mode" "$page" "$a_med" "$b_med" "$ratio" "$spread"
  done
  stop "$a_pid"; a_pid=""
  stop "$b_pid"; b_pid=""
done
