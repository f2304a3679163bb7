#!/usr/bin/env bash
# The one test command (see docs in /work/shared/ARCHITECTURE.md, "Tests").
# For a fresh Debian 12 machine with only the .NET SDK, running as root: installs what is missing,
# checks formatting and migrations, builds, runs the suites on SQLite and on a private PostgreSQL
# cluster, runs the browser tests, and ends with one line "N passed, N failed".
set -euo pipefail

# Work from the repository root wherever we are called from.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DEBIAN_FRONTEND=noninteractive

RESULTS="$ROOT/TestResults/ci"
# shellcheck source=lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"

passed=0
failed=0   # failed tests plus failed steps (format, build, migrations, a suite that crashed)
started=$(date +%s)

say() { printf '\n==> %s\n' "$*"; }
problem() {
  printf '\n*** FAILED: %s\n' "$*" >&2
  failed=$((failed + 1))
}

# Runs on every exit, expected or not: stop what we started, then print the closing line last.
# An abort that nothing counted yet (set -e on an unexpected error) counts as one failure, so the
# line never claims success for a run that did not finish.
on_exit() {
  local rc=$?
  trap - EXIT
  stop_postgres
  if [[ $rc -ne 0 && $failed -eq 0 ]]; then
    printf '\n*** FAILED: the test script stopped early (exit code %s)\n' "$rc" >&2
    failed=1
  fi
  printf '\nTook %ss; results in %s, browser screenshots in %s\n' \
    "$(($(date +%s) - started))" "$RESULTS" "$ROOT/tests/Sanus.BrowserTests/bin/screenshots"
  echo "$passed passed, $failed failed"
  if [[ $failed -gt 0 || $rc -ne 0 ]]; then
    exit 1
  fi
  exit 0
}
trap on_exit EXIT
# Bash runs the EXIT trap on a signal only if the signal is trapped: stop PostgreSQL when CI cancels too.
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
say "System packages"
is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# The private cluster needs the version-15 binaries themselves, not just any postgresql package.
[[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] || missing+=(postgresql)
is_installed fonts-dejavu-core || missing+=(fonts-dejavu-core)
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "Installing: ${missing[*]}"
  apt-get update -q
  # --no-install-recommends keeps the install small; nothing recommended is needed headless.
  apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
else
  echo "chromium, postgresql $PG_VERSION and fonts-dejavu-core are present"
fi

# ---------------------------------------------------------------------------------------------
say "Restore"
dotnet tool restore
dotnet restore Sanus.slnx

say "Format check"
if ! dotnet format Sanus.slnx --verify-no-changes --no-restore; then
  problem "code is not formatted as .editorconfig asks; run 'dotnet format Sanus.slnx' and commit"
fi

say "Build (Release)"
if ! dotnet build Sanus.slnx -c Release --no-restore; then
  problem "the build failed (warnings are errors)"
  exit 1
fi

# A model change without its migration would break the other provider at run time: check both.
for provider in Sqlite Postgres; do
  say "Pending model changes: $provider"
  # Note: in `dotnet ef`, -c means --context, so the configuration must be spelled out.
  if ! dotnet ef migrations has-pending-model-changes --project "src/Sanus.Migrations.$provider" --no-build --configuration Release; then
    problem "the model has changes without a $provider migration; add one with: dotnet ef migrations add <Name> --project src/Sanus.Migrations.$provider"
  fi
done

# ---------------------------------------------------------------------------------------------
say "Private PostgreSQL $PG_VERSION cluster"
start_postgres || {
  problem "could not start PostgreSQL"
  exit 1
}

# ---------------------------------------------------------------------------------------------
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# Adds the counters of one TRX file to the totals and sets $ran to the number of tests it executed.
# (A variable, not output: a $(...) subshell would lose the updated totals.)
trx_attr() { grep -o " $1=\"[0-9]*\"" <<<"$2" | grep -o '[0-9]*' || echo 0; }
count_trx() {
  local counters p f e t a
  counters=$(grep -o '<Counters [^>]*>' "$1") || return 1
  p=$(trx_attr passed "$counters") f=$(trx_attr failed "$counters") e=$(trx_attr error "$counters")
  t=$(trx_attr timeout "$counters") a=$(trx_attr aborted "$counters")
  passed=$((passed + p))
  failed=$((failed + f + e + t + a))
  ran=$((p + f + e + t + a))
}

# Runs one suite; a failing suite does not stop the others, so every result is counted.
run_suite() {
  local name=$1 project=$2 rc=0 before=$failed
  say "Tests: $name"
  # --blame-hang-timeout ends a hung test host (and names the test) instead of eating CI's time.
  dotnet test "$project" -c Release --no-build \
    --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" \
    --blame-hang-timeout 10m || rc=$?
  ran=0
  if [[ -f "$RESULTS/$name.trx" ]] && count_trx "$RESULTS/$name.trx"; then
    if [[ $ran -eq 0 ]]; then
      problem "$name: no test ran"
    elif [[ $rc -ne 0 && $failed -eq $before ]]; then
      problem "$name: dotnet test exited with $rc although no test failed"
    fi
  else
    problem "$name: no results (dotnet test exited with $rc)"
  fi
}

run_suite sqlite tests/Sanus.Tests
SANUS_TEST_DB=postgres SANUS_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres" \
  run_suite postgres tests/Sanus.Tests
run_suite browser tests/Sanus.BrowserTests

# The closing line is printed by on_exit, after PostgreSQL is stopped.
if [[ $passed -eq 0 && $failed -eq 0 ]]; then
  problem "no test ran at all"
fi
