#!/usr/bin/env bash
# Run Lokus as a district server on this machine: PostgreSQL, Redis, a Celery worker and gunicorn, all with the same
# DASHBOARD_* variables. `bash scripts/deploy-local.sh` starts what is not running (safe to run again);
# `bash scripts/deploy-local.sh --stop` stops everything it started (data kept under LOKUS_DEPLOY_DIR);
# `eval "$(bash scripts/deploy-local.sh --env)"` sets this shell's DASHBOARD_* to the deployed stack's, for the
# command line (`python -m dashboard backup ...`, `create-user`, ...).
#
# The variables of the first run are kept in LOKUS_DEPLOY_DIR/lokus.env (owner-only) and read by every later run
# (--stop, --env, a restart by a supervisor): a variable set in the environment still wins.
#
# Variables (defaults in brackets):
#   LOKUS_DEPLOY_DIR   [./instance/deploy]  PostgreSQL cluster, Redis, pid files, logs, generated passwords
#   LOKUS_PG_PORT      [5433]               port of the PostgreSQL cluster started here (127.0.0.1 only)
#   LOKUS_REDIS_PORT   [6380]               port of the Redis started here (127.0.0.1 only)
#   LOKUS_CELERY_CONCURRENCY [2]            Celery worker processes (imports running at once)
#   LOKUS_PYTHON       [.venv/bin/python]   the Python with Lokus installed (scripts/setup.sh makes .venv)
#   DASHBOARD_*        every app setting (README, Configuration); DASHBOARD_DATABASE_URL or
#                      DASHBOARD_CELERY_BROKER set by you means: use that server, start none here.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

STATE=${LOKUS_DEPLOY_DIR:-$ROOT/instance/deploy}
ENV_FILE=$STATE/lokus.env
KEPT=(LOKUS_PG_PORT LOKUS_REDIS_PORT LOKUS_CELERY_CONCURRENCY DASHBOARD_HOST DASHBOARD_PORT DASHBOARD_DATA_DIR
      DASHBOARD_DATABASE_URL DASHBOARD_CELERY_BROKER DASHBOARD_RATE_LIMIT_STORAGE)
if [ -f "$ENV_FILE" ]; then  # the first run's choices, unless the environment says otherwise
  while IFS='=' read -r name value; do
    case "$name" in '' | \#*) continue ;; esac
    [ -n "${!name:-}" ] || export "$name=$value"
  done <"$ENV_FILE"
fi
# A database or broker URL given by the operator (not one this script makes for its own servers).
GIVEN_DB=${DASHBOARD_DATABASE_URL:-}
GIVEN_BROKER=${DASHBOARD_CELERY_BROKER:-}
GIVEN_LIMITS=${DASHBOARD_RATE_LIMIT_STORAGE:-}
PG_PORT=${LOKUS_PG_PORT:-5433}
REDIS_PORT=${LOKUS_REDIS_PORT:-6380}
CONCURRENCY=${LOKUS_CELERY_CONCURRENCY:-2}
if [ -z "${LOKUS_PYTHON:-}" ] && [ ! -x .venv/bin/python ]; then bash scripts/setup.sh; fi
PY=${LOKUS_PYTHON:-$ROOT/.venv/bin/python}

say() { printf '== %s\n' "$*"; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

PG_BIN=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1 || true)
PG_DIR=$STATE/postgresql
# initdb and the server refuse to run as root: as root they run as the postgres OS user.
if [ "$(id -u)" -eq 0 ]; then AS_PG=(runuser -u postgres --); PG_SUPER=postgres; else AS_PG=(); PG_SUPER=$(id -un); fi

stop_pids() {  # stop_pids PIDFILE...: TERM to all at once, then wait up to 30 s (KILL after that)
  local file pid left pids=()
  for file in "$@"; do
    if alive "$file"; then pids+=("$(cat "$file")"); say "stopping $(basename "$file" .pid) (pid $(cat "$file"))"; fi
  done
  if [ "${#pids[@]}" -gt 0 ]; then
    kill -TERM "${pids[@]}" 2>/dev/null || true
    for _ in $(seq 150); do
      left=0
      for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && left=1; done
      [ "$left" = 0 ] && break
      sleep 0.2
    done
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"; done
  fi
  rm -f "$@"
}

own_urls() {  # the URLs of the servers this script runs, from the passwords it generated (nothing started)
  if [ -z "$GIVEN_DB" ] && [ -s "$STATE/db-password" ]; then
    DASHBOARD_DATABASE_URL="postgresql+psycopg://lokus:$(cat "$STATE/db-password")@127.0.0.1:$PG_PORT/lokus"
  fi
  if [ -z "$GIVEN_BROKER" ] && [ -s "$STATE/redis-password" ]; then
    DASHBOARD_CELERY_BROKER="redis://:$(cat "$STATE/redis-password")@127.0.0.1:$REDIS_PORT/0"
    [ -n "$GIVEN_LIMITS" ] || DASHBOARD_RATE_LIMIT_STORAGE="redis://:$(cat "$STATE/redis-password")@127.0.0.1:$REDIS_PORT/1"
  fi
}

if [ "${1:-}" = "--env" ]; then
  own_urls
  for name in DASHBOARD_DATABASE_URL DASHBOARD_CELERY_BROKER DASHBOARD_RATE_LIMIT_STORAGE DASHBOARD_DATA_DIR; do
    [ -z "${!name:-}" ] || printf 'export %s=%q\n' "$name" "${!name}"
  done
  exit 0
fi

if [ "${1:-}" = "--stop" ]; then
  stop_pids "$STATE/gunicorn.pid" "$STATE/celery.pid"  # the app servers and the worker finish their requests and jobs
  stop_pids "$STATE/redis.pid"
  if [ -n "$PG_BIN" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
    say "stopping PostgreSQL"
    "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null || true
  fi
  say "stopped (data kept in $STATE and ${DASHBOARD_DATA_DIR:-$ROOT/instance})"
  exit 0
fi

mkdir -p "$STATE"
(  # this run's choices, for the next runs (ports, host, the operator's own servers); owner-only: URLs hold passwords
  umask 077
  LOKUS_PG_PORT=$PG_PORT LOKUS_REDIS_PORT=$REDIS_PORT LOKUS_CELERY_CONCURRENCY=$CONCURRENCY
  DASHBOARD_DATABASE_URL=$GIVEN_DB DASHBOARD_CELERY_BROKER=$GIVEN_BROKER DASHBOARD_RATE_LIMIT_STORAGE=$GIVEN_LIMITS
  {
    echo "# written by scripts/deploy-local.sh at each start; read by every later run (the environment wins)"
    for name in "${KEPT[@]}"; do [ -z "${!name:-}" ] || echo "$name=${!name}"; done
  } >"$ENV_FILE.new"
  mv "$ENV_FILE.new" "$ENV_FILE"
)
# Others may not list it; as root, the postgres OS user must still pass through to its cluster.
if [ "$(id -u)" -eq 0 ]; then chmod 711 "$STATE"; else chmod 700 "$STATE"; fi
secret() {  # secret NAME: a random password generated once into $STATE/NAME (owner-only)
  [ -s "$STATE/$1" ] || (umask 077 && "$PY" -c 'import secrets; print(secrets.token_urlsafe(24))' >"$STATE/$1")
  cat "$STATE/$1"
}

# PostgreSQL: an own cluster under $STATE (password authentication over TCP, 127.0.0.1 only).
if [ -z "${DASHBOARD_DATABASE_URL:-}" ]; then
  [ -n "$PG_BIN" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
  DB_PASSWORD=$(secret db-password)
  if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
    say "creating a PostgreSQL cluster in $PG_DIR"
    mkdir -p "$PG_DIR"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$PG_DIR"; fi
    "${AS_PG[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U "$PG_SUPER" -E UTF8 --auth-local=peer \
      --auth-host=scram-sha-256 >"$PG_DIR/initdb.log"
  fi
  if ! "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; then
    say "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR" start >/dev/null
  fi
  psql_super() { "${AS_PG[@]}" "$PG_BIN/psql" -h "$PG_DIR" -p "$PG_PORT" -U "$PG_SUPER" -d postgres -qtA "$@"; }
  if [ "$(psql_super -c "SELECT 1 FROM pg_roles WHERE rolname = 'lokus'")" != 1 ]; then
    say "creating the database role lokus"
    psql_super <<<"CREATE ROLE lokus LOGIN PASSWORD '$DB_PASSWORD'" >/dev/null  # on stdin, never in ps
  fi
  if [ "$(psql_super -c "SELECT 1 FROM pg_database WHERE datname = 'lokus'")" != 1 ]; then
    say "creating the database lokus"
    psql_super -c "CREATE DATABASE lokus OWNER lokus ENCODING 'UTF8'" >/dev/null
  fi
  export DASHBOARD_DATABASE_URL="postgresql+psycopg://lokus:$DB_PASSWORD@127.0.0.1:$PG_PORT/lokus"
fi

# Redis: Celery's broker and result store (db 0) and the sign-in rate limits shared by every process (db 1).
if [ -z "${DASHBOARD_CELERY_BROKER:-}" ]; then
  command -v redis-server >/dev/null || { echo "redis-server not found (apt-get install redis-server)" >&2; exit 1; }
  REDIS_PASSWORD=$(secret redis-password)
  if ! alive "$STATE/redis.pid"; then
    say "starting Redis on 127.0.0.1:$REDIS_PORT"
    mkdir -p "$STATE/redis"
    (umask 077 && cat >"$STATE/redis.conf" <<EOF
bind 127.0.0.1
port $REDIS_PORT
requirepass $REDIS_PASSWORD
daemonize yes
pidfile $STATE/redis.pid
logfile $STATE/redis.log
dir $STATE/redis
save ""
appendonly no
EOF
    )
    redis-server "$STATE/redis.conf"
    for _ in $(seq 40); do alive "$STATE/redis.pid" && break; sleep 0.25; done
  fi
  export DASHBOARD_CELERY_BROKER="redis://:$REDIS_PASSWORD@127.0.0.1:$REDIS_PORT/0"
  export DASHBOARD_RATE_LIMIT_STORAGE=${DASHBOARD_RATE_LIMIT_STORAGE:-redis://:$REDIS_PASSWORD@127.0.0.1:$REDIS_PORT/1}
fi

HOST=${DASHBOARD_HOST:-127.0.0.1}
PORT=${DASHBOARD_PORT:-8050}
if ! alive "$STATE/gunicorn.pid" || ! alive "$STATE/celery.pid"; then
  say "preparing the database"
  "$PY" - <<'EOF'
import sys

from dashboard.application import create_app
from dashboard.cli import main

create_app()  # schema upgrade and demo district once, before several processes start at the same moment
# On a new installation: an administrator with a random password, printed once (never a default password).
sys.exit(main(["first-admin"]))
EOF
fi

if ! alive "$STATE/celery.pid"; then
  say "starting the Celery worker ($CONCURRENCY processes)"
  # In the background rather than --detach, which would build the app twice (before and after detaching).
  setsid "$PY" -m celery -A dashboard.worker worker --loglevel=INFO --concurrency="$CONCURRENCY" \
    >>"$STATE/celery.log" 2>&1 </dev/null &
  echo $! >"$STATE/celery.pid"
fi

if ! alive "$STATE/gunicorn.pid"; then
  say "starting gunicorn on $HOST:$PORT"
  "$PY" -m gunicorn app:server --daemon --pid "$STATE/gunicorn.pid" --error-logfile "$STATE/gunicorn.log" \
    --capture-output --control-socket "$STATE/gunicorn.ctl"
fi

for _ in $(seq 240); do
  curl -fsS -o /dev/null "http://$HOST:$PORT/login" 2>/dev/null && break
  sleep 0.5
done
curl -fsS -o /dev/null "http://$HOST:$PORT/login" || { echo "gunicorn did not answer; see $STATE/gunicorn.log" >&2; exit 1; }
alive "$STATE/celery.pid" || { echo "the Celery worker stopped; see $STATE/celery.log" >&2; exit 1; }

echo
echo "Lokus: http://$HOST:$PORT   (logs in $STATE)"
echo "Stop:  bash scripts/deploy-local.sh --stop"
echo "Command line on this stack: eval \"\$(bash scripts/deploy-local.sh --env)\"; .venv/bin/python -m dashboard ..."
