#!/usr/bin/env bash
# Issue 7's benchmarks (not part of CI): the default tier on SQLite (where the budgets apply) and on a private
# PostgreSQL cluster, and with --large the large tier on PostgreSQL (about 45 million rows: allow an hour or more).
# Each run prints its table and writes bench/results/<database>-<tier>.md and .json; bench/results/latest.md gathers them.
# Usage: ./scripts/bench.sh [--tier tiny|default] [--large] [--sqlite-only]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# shellcheck source=lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"

tier=default large=false sqlite_only=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tier) tier=$2; shift 2 ;;
    --large) large=true; shift ;;
    --sqlite-only) sqlite_only=true; shift ;;
    *) echo "Unknown argument $1; usage: ./scripts/bench.sh [--tier tiny|default] [--large] [--sqlite-only]" >&2; exit 2 ;;
  esac
done

trap stop_postgres EXIT
if [[ $sqlite_only == false && ! -x "$PG_BIN/initdb" ]]; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql </dev/null
fi

dotnet build bench/Sanus.Bench -c Release -v quiet
bench() { dotnet bench/Sanus.Bench/bin/Release/net10.0/Sanus.Bench.dll --out bench/results "$@"; }
runs=("sqlite-$tier")
bench --tier "$tier"

if [[ $sqlite_only == false ]]; then
  # Room for the 200 simulated users' connections, and memory for the large tier's indexes.
  start_postgres -c max_connections=400 -c shared_buffers=512MB -c maintenance_work_mem=512MB -c max_wal_size=4GB
  server="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Maximum Pool Size=300"
  bench --tier "$tier" --pg "$server"
  runs+=("postgresql-$tier")
  if [[ $large == true ]]; then
    # Growth from default to large is what this run shows; the import and the mixed load are the default tier's.
    bench --tier large --pg "$server" --no-import --no-load
    runs+=("postgresql-large")
  fi
fi

{
  echo "# Latest bench results"
  echo
  for run in "${runs[@]}"; do cat "bench/results/$run.md"; echo; done
} >bench/results/latest.md
echo "Wrote bench/results/latest.md"
