#!/usr/bin/env bash
# The official postgres image's entrypoint contract, the part this project uses:
#   POSTGRES_PASSWORD  the superuser's password (required for a new database directory)
#   POSTGRES_USER      the superuser (default postgres)
#   POSTGRES_DB        a database made for it (default POSTGRES_USER)
#   PGDATA             the database directory (a bind mount keeps it on the host)
# On an empty PGDATA it runs initdb, then a temporary server on the socket only that makes the database, then the
# real one: "database system is ready to accept connections" is logged twice on a first start (what Testcontainers'
# PostgreSQL module waits for) and once on a directory that already holds a database. Run as root, it hands PGDATA
# to the postgres user and drops to it; run as another uid (docker run --user), it runs as that uid.
set -Eeuo pipefail

if [ "${1:0:1}" = '-' ]; then
  set -- postgres "$@"
fi
if [ "$1" != postgres ]; then
  exec "$@"
fi

if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA"
  chown -R postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
fi

if ! getent passwd "$(id -u)" >/dev/null 2>&1; then
  NSS_WRAPPER_PASSWD="$(mktemp)"
  NSS_WRAPPER_GROUP="$(mktemp)"
  echo "postgres:x:$(id -u):$(id -g):PostgreSQL:$PGDATA:/bin/false" > "$NSS_WRAPPER_PASSWD"
  echo "postgres:x:$(id -g):" > "$NSS_WRAPPER_GROUP"
  export NSS_WRAPPER_PASSWD NSS_WRAPPER_GROUP LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libnss_wrapper.so
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ]; then
    echo "docker-entrypoint.sh: PGDATA ($PGDATA) holds no database and POSTGRES_PASSWORD is not set:" \
      "set it to the superuser's password (-e POSTGRES_PASSWORD=...)" >&2
    exit 1
  fi
  user="${POSTGRES_USER:-postgres}"
  db="${POSTGRES_DB:-$user}"
  chmod 700 "$PGDATA"
  initdb --username="$user" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") --auth-local=trust \
    --auth-host=scram-sha-256 --encoding=UTF8 -D "$PGDATA"
  # Other containers on the network sign in with the password; the socket (this container only) needs none.
  echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
  if [ "$db" != postgres ]; then
    psql -v ON_ERROR_STOP=1 --username "$user" --dbname postgres --no-psqlrc \
      -c "CREATE DATABASE \"$db\""
  fi
  pg_ctl -D "$PGDATA" -m fast -w stop
  echo "docker-entrypoint.sh: PostgreSQL init process complete; ready for start up."
fi
exec "$@"
