#!/usr/bin/env bash
# A season page with its picture in place, on a phone (issue 19): Lighthouse's performance score for /seasons/3 in
# its mobile emulation (a Moto G Power: 412 px wide at 1.75 device pixels, slow 4G, a 4x slower CPU), and the bytes
# of the picture the phone downloads, against the page's other bytes.
#
#   PHOTO=/path/to/photo.jpg bash bench/picture-weight.sh
#
# The app is published in Release and started on a fresh SQLite database (seeded), an editor is made on the command
# line, logs in through the login form and uploads PHOTO into Season 3's figure through the figure's form, as a
# browser does. Lighthouse (npm "lighthouse", installed into a temporary folder unless LIGHTHOUSE names one) drives
# Debian's chromium. With no PHOTO, a 4000 x 3000 (12-megapixel) test picture is made as a PNG: colour gradients
# under fine noise, which compresses worse than most photographs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/jimpam-picture.XXXXXX)
port=5290
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

lighthouse=${LIGHTHOUSE:-}
if [ -z "$lighthouse" ]; then
  npm install --prefix "$work/lh" --no-audit --no-fund lighthouse@12 >/dev/null 2>&1
  lighthouse="$work/lh/node_modules/.bin/lighthouse"
fi

echo "bench: publishing the app (Release)..." >&2
dotnet publish "$root/src/JimPam.Wiki" -c Release -r linux-x64 --self-contained false -o "$work/app" -nologo -v q >/dev/null
password="a long password for the picture bench"
export ASPNETCORE_ENVIRONMENT=Production
app_pid=""
start_app() { # start_app <name> [media folder]: a fresh seeded database, an editor, the app on $port
  [ -n "$app_pid" ] && { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; }
  export ConnectionStrings__Wiki="Data Source=$work/$1.db" Wiki__MediaFolder="${2:-}"
  echo "$password" | dotnet "$work/app/JimPam.Wiki.dll" editor add bench --password-stdin >/dev/null
  dotnet "$work/app/JimPam.Wiki.dll" --urls "http://127.0.0.1:$port" >"$work/$1.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "bench: the app did not start" >&2; tail -20 "$work/$1.log" >&2; exit 1
}

photo=${PHOTO:-}
if [ -z "$photo" ]; then
  photo="$work/photo.png"
  node -e '
const zlib = require("zlib"), fs = require("fs");
const w = 4000, h = 3000, rows = [];
let seed = 1; const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
for (let y = 0; y < h; y++) {
  const row = Buffer.alloc(1 + w * 3);
  for (let x = 0; x < w; x++) {
    const n = Math.round((rnd() - 0.5) * 6);
    row[1 + x * 3] = Math.max(0, Math.min(255, 40 + 180 * x / w + n));
    row[2 + x * 3] = Math.max(0, Math.min(255, 60 + 120 * y / h + n));
    row[3 + x * 3] = Math.max(0, Math.min(255, 200 - 150 * (x + y) / (w + h) + n));
  }
  rows.push(row);
}
const crc = b => { let c = ~0; for (const x of b) { c ^= x; for (let k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1; } return ~c >>> 0; };
const chunk = (type, data) => { const t = Buffer.from(type), len = Buffer.alloc(4), c = Buffer.alloc(4); len.writeUInt32BE(data.length); c.writeUInt32BE(crc(Buffer.concat([t, data]))); return Buffer.concat([len, t, data, c]); };
const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;
fs.writeFileSync(process.argv[1], Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]));
' "$photo"
fi

upload() { # upload: logs in and uploads $photo into Season 3's figure, as a browser does (antiforgery tokens, cookies kept)
  local jar="$work/cookies-$RANDOM"
  token() { sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1; }
  login_token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/login" | token)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Form.Name=bench" --data-urlencode "Form.Password=$password" \
    --data-urlencode "__RequestVerificationToken=$login_token" "http://127.0.0.1:$port/login"
  figure=$(curl -s "http://127.0.0.1:$port/seasons/3" | grep -o 'figure class="event-figure" id="event-[0-9]*' | head -n 1 | grep -o '[0-9]*$')
  edit="http://127.0.0.1:$port/admin/events/$figure/edit"
  page=$(curl -s -c "$jar" -b "$jar" "$edit")
  revision=$(sed -n 's/.*name="Form.BaseRevision" value="\([0-9]*\)".*/\1/p' <<<"$page" | head -n 1)
  started=$(date +%s%N)
  status=$(curl -s -o "$work/upload.html" -w '%{http_code}' -c "$jar" -b "$jar" \
    -F "__RequestVerificationToken=$(token <<<"$page")" -F "Form.BaseRevision=$revision" -F "Form.Season=3" -F "Form.Position=$(sed -n 's/.*name="Form.Position"[^>]*value="\([0-9]*\)".*/\1/p' <<<"$page" | head -n 1)" \
    -F "Form.Body=" -F "Form.Image.Alt=A test picture" -F "Form.Image.File=@$photo" "$edit")
  echo "upload: HTTP $status in $(( ($(date +%s%N) - started) / 1000000 )) ms ($(stat -c %s "$photo") bytes)"
  [ "$status" = 302 ] || { grep -o 'field-error[^<]*<' "$work/upload.html" >&2; exit 1; }
}

start_app database
upload

CHROME_PATH=/usr/bin/chromium "$lighthouse" "http://127.0.0.1:$port/seasons/3" --quiet --only-categories=performance \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync" \
  --output=json --output-path="$work/report.json" >/dev/null 2>&1
curl -s "http://127.0.0.1:$port/api/v1/seasons/3" > "$work/season.json"
node -e '
const r = require(process.argv[1]);
const files = {};
for (const e of require(process.argv[2]).events) for (const v of (e.image ? e.image.variants : [])) files[v.link.split("/").pop()] = v;
const items = r.audits["network-requests"].details.items;
const media = items.filter(i => i.url.includes("/media/"));
const total = items.reduce((s, i) => s + (i.transferSize || 0), 0);
console.log(`lighthouse performance (mobile): ${r.categories.performance.score}`);
for (const id of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"])
  console.log(`  ${id}: ${r.audits[id].displayValue}`);
for (const m of media) { const f = files[m.url.split("/").pop()] || {}; console.log(`picture downloaded: ${f.type} ${f.width} x ${f.height}, ${m.transferSize} bytes (${m.resourceSize} body)`); }
console.log(`page total: ${items.length} requests, ${total} bytes transferred`);
' "$work/report.json" "$work/season.json"

# Serving a picture file: the phone's AVIF from the database store (above), then from a folder store, against nginx
# serving the same file from a folder (worker_processes auto, sendfile), with wrk: 2 threads, 32 connections.
name=$(node -e 'for (const e of require(process.argv[1]).events) if (e.image) console.log(e.image.variants.find(v => v.type === "image/avif" && v.width === 640).link.split("/").pop())' "$work/season.json")
rps() { wrk -t2 -c32 -d"${DURATION:-8s}" "$1" | awk '/Requests\/sec/ {print $2}'; }
database=$(rps "http://127.0.0.1:$port/media/$name")
start_app folder "$work/media"
upload
folder=$(rps "http://127.0.0.1:$port/media/$name")
mkdir -p "$work/nginx/logs"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes auto; pid $work/nginx/nginx.pid; error_log $work/nginx/error.log;
events { worker_connections 1024; }
http { access_log off; sendfile on; tcp_nopush on; types { image/avif avif; }
  server { listen 127.0.0.1:5291; location /media/ { alias $work/media/; add_header Cache-Control "public, max-age=31536000, immutable"; } } }
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf"
reference=$(rps "http://127.0.0.1:5291/media/$name")
kill "$(cat "$work/nginx/nginx.pid")"
echo "serving $name ($(stat -c %s "$work/media/$name") bytes), requests a second: database store $database, folder store $folder, nginx $reference"
awk -v d="$database" -v f="$folder" -v n="$reference" 'BEGIN { printf "ratios to nginx: database %.2f, folder %.2f\n", d / n, f / n }'
