#!/usr/bin/env bash
# Starts a private PostgreSQL server on loopback for the tests: Debian's packages (installed when missing), a
# cluster of its own in a temporary folder owned by the postgres user, a role "jimpam" that may create databases,
# and password authentication on 127.0.0.1 only. Prints two lines: the server's folder (for stop) and the connection
# string the tests use. The port is the first free one from the one given (default 55432).
# Usage: .ci/postgres.sh start [port]  |  .ci/postgres.sh stop <folder>
set -euo pipefail

action="${1:-start}"
if [ "$action" = "stop" ]; then
  folder="$2"
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  su postgres -s /bin/sh -c "$bin/pg_ctl -D '$folder/data' -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$folder"
  exit 0
fi

port="${2:-55432}"
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
  port=$((port + 1))
done
if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  echo "postgres.sh: installing PostgreSQL with apt-get..." >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo -n"
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || true
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

folder=$(mktemp -d /tmp/jimpam-postgres.XXXXXX)
chmod 755 "$folder"
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
printf '%s\n' "$password" > "$folder/password"
chown -R postgres:postgres "$folder"
chmod 600 "$folder/password"

run_as_postgres() { su postgres -s /bin/sh -c "$1"; }
run_as_postgres "$bin/initdb -D '$folder/data' -U postgres --auth-local=trust --auth-host=md5 --encoding=UTF8 --locale=C.UTF-8 --pwfile='$folder/password'" >/dev/null
run_as_postgres "$bin/pg_ctl -D '$folder/data' -l '$folder/log' -w -o \"-p $port -k '$folder' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300\" start" >/dev/null
run_as_postgres "$bin/psql -h '$folder' -p $port -U postgres -v ON_ERROR_STOP=1 -q -c \"CREATE ROLE jimpam LOGIN CREATEDB PASSWORD '$password'\""

echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, folder $folder" >&2
echo "$folder"
echo "Host=127.0.0.1;Port=$port;Username=jimpam;Password=$password;Database=postgres"
