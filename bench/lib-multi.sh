#!/usr/bin/env bash
# Shared by bench/multi.sh and bench/soak.sh (sourced): a private PostgreSQL with a database "jimpam", the app
# published in Release, two instances on it (ports a_port, b_port), and one nginx with deploy/nginx's site in front
# (port front) plus a static server (port static) serving $work/static. Sets work, connection, pg_bin,
# postgres_folder; start_app/serving restart an instance; cleanup runs at exit.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/jimpam-multi.XXXXXX)
chmod 755 "$work"
duration=${DURATION:-5s}
rounds=${ROUNDS:-3}
kills=${KILLS:-20}
front=5280 a_port=5281 b_port=5282 static=5283
pids=()
postgres_folder=""

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  [ -n "$postgres_folder" ] && "$root/.ci/postgres.sh" stop "$postgres_folder"
  rm -rf "$work"
}
trap cleanup EXIT

for tool in wrk:wrk nginx:nginx-light; do
  if ! command -v "${tool%%:*}" >/dev/null 2>&1 && [ ! -x "/usr/sbin/${tool%%:*}" ]; then
    apt-get install -y "${tool##*:}" >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1; apt-get install -y "${tool##*:}" >/dev/null; }
  fi
done

postgres=$("$root/.ci/postgres.sh" start 55500)
postgres_folder=$(sed -n 1p <<<"$postgres")
server=$(sed -n 2p <<<"$postgres")
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$server")
password=$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$server")
PGPASSWORD=$password psql -h 127.0.0.1 -p "$port" -U jimpam -d postgres -qc "CREATE DATABASE jimpam"
connection="${server/Database=postgres/Database=jimpam}"

echo "bench: publishing the app (Release)..." >&2
dotnet publish "$root/src/JimPam.Wiki" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/app" -nologo -v q >/dev/null

declare -A app_pid
start_app() { # start_app <port>
  Database__Provider=Postgres ConnectionStrings__Wiki="$connection" Wiki__TrustedProxies__0=127.0.0.1 Wiki__FrontCache=true Wiki__Metrics__Enabled=true \
    ASPNETCORE_ENVIRONMENT=Production dotnet "$work/app/JimPam.Wiki.dll" --urls "http://127.0.0.1:$1" \
    >>"$work/app-$1.log" 2>&1 &
  app_pid[$1]=$!
  pids+=($!)
}
serving() { # serving <port>: waits for /healthz
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$1/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "bench: the app on $1 did not start" >&2
  tail -20 "$work/app-$1.log" >&2
  return 1
}
start_app $a_port
serving $a_port
start_app $b_port
serving $b_port
(cd "$work/app" && Database__Provider=Postgres ConnectionStrings__Wiki="$connection" dotnet JimPam.Wiki.dll editor add pam --password-stdin <<<"that's what she said, twice" >/dev/null)

mkdir -p "$work/static/seasons"
curl -fs "http://127.0.0.1:$a_port/seasons/3" -o "$work/static/seasons/3.html"
rss_of() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
sed -e "s/server 127.0.0.1:5081 /server 127.0.0.1:$a_port /" -e "s/server 127.0.0.1:5082 /server 127.0.0.1:$b_port /" \
    -e "s/listen 80;/listen 127.0.0.1:$front;/" -e "s#/var/cache/nginx/jimpam-wiki#$work/cache#" \
    "$root/deploy/nginx/jimpam-wiki.conf" > "$work/site.conf"
cat > "$work/nginx.conf" <<EOF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 4096; }
http {
    log_format timed '\$status \$request_time \$upstream_addr "\$request" \$upstream_cache_status';
    access_log $work/access.log timed;
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    include $work/site.conf;
    server {
        listen 127.0.0.1:$static;
        root $work/static;
        location = /seasons/3 { default_type text/html; try_files /seasons/3.html =404; }
    }
}
EOF
nginx -p "$work" -c "$work/nginx.conf"
sleep 0.5

