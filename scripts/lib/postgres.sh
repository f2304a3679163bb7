# A private, throwaway PostgreSQL cluster for the tests and the bench. Source this file; it needs root (the cluster
# belongs to the postgres user the Debian package creates) and sets PG_TMP and PG_PORT.
PG_VERSION=15
PG_BIN="/usr/lib/postgresql/$PG_VERSION/bin"
PG_TMP=""
PG_PORT=""

# A port nobody answers on: probe with bash's /dev/tcp (no python or netcat on a bare machine).
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

# Starts the cluster with any extra server settings given ("-c name=value" ...); prints its logs and fails if it can't.
start_postgres() {
  PG_TMP=$(mktemp -d /tmp/sanus-pg.XXXXXX)
  chown postgres:postgres "$PG_TMP"
  PG_PORT=$(free_port)
  # cd into the folder so the postgres user does not trip over a working directory it cannot read.
  (
    cd "$PG_TMP"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_TMP/data" -A trust -U postgres >"$PG_TMP/initdb.log"
    # fsync=off: a throwaway cluster does not need durability, and it runs faster without it.
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" \
      -o "-p $PG_PORT -k $PG_TMP -c listen_addresses=127.0.0.1 -c fsync=off $*" -w start >/dev/null
  ) || {
    cat "$PG_TMP"/*.log >&2 || true
    return 1
  }
  echo "PostgreSQL listens on 127.0.0.1:$PG_PORT (data in $PG_TMP)"
}

stop_postgres() {
  if [[ -n "$PG_TMP" && -d "$PG_TMP" ]]; then
    if [[ -f "$PG_TMP/data/postmaster.pid" ]]; then
      (cd "$PG_TMP" && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate -w stop >/dev/null 2>&1) || true
    fi
    rm -rf "$PG_TMP"
  fi
  PG_TMP=""
}
