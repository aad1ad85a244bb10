#!/usr/bin/env bash
# Runs the whole test suite against a throwaway PostgreSQL 15: a fresh cluster in a temporary folder,
# listening on 127.0.0.1 only, removed again when the script ends (also on failure or Ctrl-C).
# Extra arguments go to `dotnet test`, for example: ./test.sh --filter "FullyQualifiedName~Storage"
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

readonly PG_VERSION=15
readonly FIRST_PORT=55432
readonly PORT_ATTEMPTS=20

log() { echo "test.sh: $*" >&2; }

pg_bin() {
  if [ -x "/usr/lib/postgresql/$PG_VERSION/bin/initdb" ]; then
    echo "/usr/lib/postgresql/$PG_VERSION/bin"
  fi
}

install_postgres() {
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL $PG_VERSION is not installed and only root can install it (apt-get install postgresql-$PG_VERSION)."
    exit 1
  fi

  log "installing PostgreSQL $PG_VERSION"
  # The package would create and try to start a cluster of its own on port 5432; the tests need none.
  mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/50-no-main-cluster.conf
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  if apt-cache show "postgresql-$PG_VERSION" > /dev/null 2>&1; then
    apt-get install -y -q --no-install-recommends "postgresql-$PG_VERSION"
  else
    apt-get install -y -q --no-install-recommends postgresql
  fi
}

port_in_use() {
  (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null
}

if ! command -v dotnet > /dev/null 2>&1; then
  log "the .NET SDK is not installed (dotnet is not on PATH); install the .NET 10 SDK first."
  exit 1
fi

bin=$(pg_bin)
if [ -z "$bin" ]; then
  install_postgres
  bin=$(pg_bin)
fi
if [ -z "$bin" ]; then
  log "PostgreSQL $PG_VERSION is still missing after the installation (no /usr/lib/postgresql/$PG_VERSION/bin)."
  exit 1
fi

# initdb and postgres refuse to run as root, so as root the cluster belongs to the postgres user.
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres > /dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  as_owner=(runuser -u postgres --)
fi

# As root the folder must be reachable by the postgres user, which a private TMPDIR may not be.
tmp_base=${TMPDIR:-/tmp}
if [ "${#as_owner[@]}" -gt 0 ]; then
  tmp_base=/tmp
fi
pg_root=$(mktemp -d "$tmp_base/workflow-pg.XXXXXX")
pg_data="$pg_root/data"
pg_log="$pg_root/server.log"

cleanup() {
  local code=$?
  if [ -f "$pg_data/postmaster.pid" ]; then
    "${as_owner[@]}" "$bin/pg_ctl" -D "$pg_data" -m immediate -w stop > /dev/null 2>&1 || true
  fi
  rm -rf "$pg_root"
  exit "$code"
}
tests_pid=""

# Bash runs a trap only once its foreground command ends, so the tests run in the background, in a process
# group of their own, and a signal stops the whole run (build nodes and test hosts too) before cleaning up.
interrupt() {
  if [ -n "$tests_pid" ]; then
    kill -TERM -- "-$tests_pid" 2> /dev/null || true
    wait "$tests_pid" 2> /dev/null || true
  fi
  exit "$1"
}
trap cleanup EXIT
trap 'interrupt 130' INT
trap 'interrupt 143' TERM HUP

if [ "${#as_owner[@]}" -gt 0 ]; then
  chown postgres: "$pg_root"
fi
chmod 700 "$pg_root"

"${as_owner[@]}" "$bin/initdb" -D "$pg_data" -U postgres --auth=trust --encoding=UTF8 --locale=C \
  > "$pg_root/initdb.log" 2>&1 || { cat "$pg_root/initdb.log" >&2; exit 1; }

port=""
candidate=$FIRST_PORT
for _ in $(seq "$PORT_ATTEMPTS"); do
  if ! port_in_use "$candidate"; then
    # A throwaway cluster needs no durability; without it CREATE DATABASE and commits are fast.
    options="-c listen_addresses=127.0.0.1 -c port=$candidate -c unix_socket_directories=$pg_root"
    options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
    if "${as_owner[@]}" "$bin/pg_ctl" -D "$pg_data" -l "$pg_log" -o "$options" -w -t 60 start > /dev/null; then
      port=$candidate
      break
    fi
    # Another process may have taken the port between the check and the start; try the next one.
    log "PostgreSQL did not start on port $candidate:"
    tail -n 5 "$pg_log" >&2 || true
  fi
  candidate=$((candidate + 1))
done

if [ -z "$port" ]; then
  log "could not start PostgreSQL on any port from $FIRST_PORT to $((FIRST_PORT + PORT_ATTEMPTS - 1))."
  exit 1
fi

export WORKFLOW_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
log "PostgreSQL $PG_VERSION on 127.0.0.1:$port (data in $pg_root)"

# The designer's end-to-end tests drive Debian's Chromium; its unit tests and build need node and npm.
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "Chromium is not installed and only root can install it (apt-get install chromium)."
    exit 1
  fi
  log "installing Chromium for the designer tests"
  DEBIAN_FRONTEND=noninteractive apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium
fi
if ! command -v npm > /dev/null 2>&1; then
  log "npm is not installed; the designer (designer/) needs node 20 or newer with npm."
  exit 1
fi
log "designer: npm ci, unit tests and build"
(cd designer && npm ci --no-audit --no-fund --loglevel=error && npm test && npm run build)

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
setsid dotnet test Workflow.sln "$@" &
tests_pid=$!
set +e
wait "$tests_pid"
code=$?
set -e
tests_pid=""
exit "$code"
