#!/usr/bin/env bash
# What uploads cost the app's memory, and whether one file can hold up the others (issue 33, finds 7 and 8).
#
#   bash bench/upload-memory.sh            (COUNT=20 pictures in the burst; SETTLE=15 seconds after it)
#
# The app is published in Release and started on a fresh SQLite database (seeded) in Production; an editor made on the
# command line logs in through the login form and uploads through the media page's form ("Upload and add": a new
# figure each, so no save conflicts with another), as a browser does. bench/PictureMaker makes the pictures: COUNT + 1
# different 4000 x 3000 (12-megapixel) JPEGs of about 4.9 MB, and a 78 KB PNG of 1 x 40,000,000 pixels.
# Memory is the app process's own, from /proc: VmHWM (the peak resident set since the process started) and VmRSS.
#   1. one upload, in an app that has served nothing else but the login: peak, and resident 15 s later;
#   2. a burst of COUNT uploads at once, in a new app: peak, and resident 15 s after the last answer;
#   3. three of the 1 x 40,000,000 PNGs at once, then a JPEG: how long each is answered after it is sent.
# STEPS=2 runs the second alone (any of 1, 2 and 3).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/jimpam-uploads.XXXXXX)
port=${PORT:-5291}
count=${COUNT:-20}
settle=${SETTLE:-15}
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

echo "bench: publishing the app (Release) and making the pictures..." >&2
dotnet publish "$root/src/JimPam.Wiki" -c Release -r linux-x64 --self-contained false -o "$work/app" -nologo -v q >/dev/null
dotnet build "$root/bench/PictureMaker" -c Release -o "$work/maker" -nologo -v q >/dev/null
dotnet "$work/maker/PictureMaker.dll" "$work/pictures" "$((count + 1))" 4000 3000
last="$work/pictures/photo-$(printf %02d "$count").jpg"
password="a long password for the upload bench"
export ASPNETCORE_ENVIRONMENT=Production
app_pid=""
start_app() { # start_app <name>: a fresh seeded database, an editor, the app on $port
  [ -n "$app_pid" ] && { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; }
  export ConnectionStrings__Wiki="Data Source=$work/$1.db"
  echo "$password" | dotnet "$work/app/JimPam.Wiki.dll" editor add bench --password-stdin >/dev/null
  dotnet "$work/app/JimPam.Wiki.dll" --urls "http://127.0.0.1:$port" >"$work/$1.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "bench: the app did not start" >&2; tail -20 "$work/$1.log" >&2; exit 1
}

jar="$work/cookies"
token() { sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1; }
log_in() {
  rm -f "$jar"
  local login_token
  login_token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/login" | token)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Form.Name=bench" --data-urlencode "Form.Password=$password" \
    --data-urlencode "__RequestVerificationToken=$login_token" "http://127.0.0.1:$port/login"
  form_token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/admin/media" | token)
}
upload() { # upload FILE: prints "HTTP status, milliseconds, the refusal if any"
  local started status answer="$work/answer-$BASHPID-$RANDOM.html"
  started=$(date +%s%N)
  status=$(curl -s -o "$answer" -w '%{http_code}' -b "$jar" \
    -F "__RequestVerificationToken=$form_token" -F "Form.Kind=Figure" -F "Form.Season=9" -F "Form.Position=999" \
    -F "Form.Body=A picture from the upload bench" -F "Form.Image.Alt=A test picture" -F "Form.Image.File=@$1" \
    "http://127.0.0.1:$port/admin/events/new")
  echo "$(basename "$1"): HTTP $status in $(( ($(date +%s%N) - started) / 1000000 )) ms $(grep -o 'field-error[^>]*>[^<]\+' "$answer" | sed 's/.*>//' | head -n 1)"
}
memory() { awk '/VmHWM|VmRSS/ {printf "%s %d MiB  ", $1, $2 / 1024}' "/proc/$app_pid/status"; echo; }
steps=${STEPS:-123}

if [[ $steps == *1* ]]; then
echo "== 1. one 12-megapixel upload"
start_app one
log_in
echo "before: $(memory)"
upload "$work/pictures/photo-00.jpg"
echo "after:  $(memory)"
sleep "$settle"
echo "${settle} s later: $(memory)"

fi

if [[ $steps == *2* ]]; then
echo "== 2. $count different 12-megapixel uploads at once"
start_app burst
log_in
echo "before: $(memory)"
for file in "$work"/pictures/photo-*.jpg; do [ "$file" = "$last" ] || upload "$file" & done
wait $(jobs -p | grep -v "^$app_pid$") 2>/dev/null || true
echo "after:  $(memory)"
sleep "$settle"
echo "${settle} s later: $(memory)"

fi

if [[ $steps == *3* ]]; then
echo "== 3. three PNGs of 1 x 40,000,000 pixels (78 KB each) at once, then a JPEG"
for _ in 1 2 3; do upload "$work/pictures/line.png" & done
sleep 0.5
upload "$last" &
wait $(jobs -p | grep -v "^$app_pid$") 2>/dev/null || true
echo "after:  $(memory)"
fi
