#!/usr/bin/env bash
# Runs every test of JimPam.Wiki: unit, WebApplicationFactory, real-process and real-browser (Playwright) tests, then
# the integration tests that hold on any engine ([Trait("Engine", "Any")]) again on PostgreSQL.
# Installs what the tests need when it is missing, and says so:
#   - Debian's nginx (nginx-light), for the test of deploy/'s configuration in front of two instances;
#   - Debian's PostgreSQL, started as a private server on loopback for the run (.ci/postgres.sh), or set
#     JIMPAM_TEST_POSTGRES to a connection string whose role may create databases;
#   - Debian's Chromium, for the browser tests (or set CHROMIUM_PATH);
#   - a Java runtime and the W3C Nu HTML checker (npm package vnu-jar, pinned in tests/tools), for the HTML check;
#   - Redocly's OpenAPI linter (npm package @redocly/cli, pinned in tests/tools), for the OpenAPI document's lint.
# Extra arguments go to `dotnet test` (for example: ./test.sh --logger trx); each pass has a --filter of its own.
set -euo pipefail
cd "$(dirname "$0")"

apt_updated=""
apt_install() {
  # apt_install <what it is for> <package>...
  local purpose="$1"
  shift
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: no apt-get here. Install $* yourself; $purpose will fail until then." >&2
    return 0
  fi
  local sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd="sudo -n"
  fi
  echo "test.sh: installing $* with apt-get, for $purpose..."
  if [ -z "$apt_updated" ]; then
    $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get update -qq || true
    apt_updated=1
  fi
  if ! $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; then
    echo "test.sh: could not install $*. Install it yourself; $purpose will fail until then." >&2
  fi
}

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "test.sh: Chromium is not at $chromium."
  apt_install "the browser tests" chromium fonts-dejavu-core
fi

if [ ! -x /usr/sbin/nginx ] && ! command -v nginx >/dev/null 2>&1; then
  echo "test.sh: no nginx, which the deployment test (deploy/nginx in front of two instances) needs."
  apt_install "the deployment test" nginx-light
fi

if ! command -v java >/dev/null 2>&1; then
  echo "test.sh: no Java runtime, which the Nu HTML checker needs."
  apt_install "the HTML validity test" default-jre-headless
fi

if { [ -z "${VNU_JAR:-}" ] && [ ! -f tests/tools/node_modules/vnu-jar/build/dist/vnu.jar ]; } \
   || [ ! -f tests/tools/node_modules/@redocly/cli/bin/cli.js ]; then
  if ! command -v npm >/dev/null 2>&1; then
    apt_install "the HTML validity and OpenAPI lint tests" nodejs npm
  fi
  echo "test.sh: installing the Nu HTML checker (vnu-jar) and Redocly's linter (@redocly/cli) with npm into tests/tools..."
  npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error \
    || echo "test.sh: could not install the npm test tools; the HTML validity and OpenAPI lint tests will fail until then." >&2
fi

dotnet tool restore >/dev/null
dotnet build JimPam.Wiki.sln -nologo -clp:ErrorsOnly

# One project after the other. `dotnet test` on the solution runs the projects at once, and on two cores that
# measured slower: 8m38s for both at once against 4m33s and 3m39s one after the other (the unit tests' app
# processes and Chromium taking turns on the same cores).
status=0
for project in $(find tests -name '*.csproj' | sort); do
  # The tests of PostgreSQL's own side ([Trait("Engine", "Postgres")]) run in the PostgreSQL pass below.
  dotnet test "$project" --no-build --filter "Engine!=Postgres" "$@" || status=$?
done

# The same integration tests on PostgreSQL: a server of the run's own unless one is named.
if [ -z "${JIMPAM_TEST_POSTGRES:-}" ]; then
  if ! postgres=$(.ci/postgres.sh start 55432); then
    echo "test.sh: could not start PostgreSQL (see above), so the PostgreSQL tests cannot run." >&2
    exit 1
  fi
  postgres_folder=$(sed -n 1p <<<"$postgres")
  JIMPAM_TEST_POSTGRES=$(sed -n 2p <<<"$postgres")
  trap '.ci/postgres.sh stop "$postgres_folder"' EXIT
fi
JIMPAM_TEST_PROVIDER=Postgres JIMPAM_TEST_POSTGRES="$JIMPAM_TEST_POSTGRES" \
  dotnet test tests/JimPam.Wiki.Tests/JimPam.Wiki.Tests.csproj --no-build --filter "(Engine=Any|Engine=Postgres)&Needs!=SqliteFile" "$@" || status=$?
exit "$status"
