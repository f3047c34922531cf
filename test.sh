#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK, builds, runs every test project and prints
# "N passed, N failed[, N skipped]" from the real results. Exit code is non-zero on any failure,
# and with CI=true also on any skipped test (named in the output): on CI nothing may pass by not running.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages: chromium for the browser tests. Installed only when missing.
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)  # not on PATH: Debian keeps the server under /usr/lib/postgresql/N/bin
command -v faketime >/dev/null 2>&1 || need_apt+=(faketime)
command -v systemd-analyze >/dev/null 2>&1 || need_apt+=(systemd)  # the install test verifies the node's unit
if [ ${#need_apt[@]} -gt 0 ]; then
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# npm packages for the independent gRPC peer, into a local folder.
npm ci --prefix tests/interop --no-audit --no-fund --loglevel=error

dotnet restore OneStop.sln
dotnet build OneStop.sln --no-restore -c Release -warnaserror

results="$root/artifacts/test-results"
rm -rf "$results"
set +e
dotnet test OneStop.sln --no-build -c Release --logger "trx" --results-directory "$results" -- RunConfiguration.TestSessionTimeout=2700000
status=$?
set -e

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  # Skipped xunit tests leave the summary's notExecuted at 0: count their results (outcome="NotExecuted") instead.
  n=$({ grep -o '<UnitTestResult [^>]*outcome="NotExecuted"' "$trx" || true; } | wc -l)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
if [ "$skipped" -gt 0 ]; then
  echo "skipped:"
  # One <UnitTestResult .../> per test; the skipped ones have outcome="NotExecuted".
  { grep -ho '<UnitTestResult [^>]*outcome="NotExecuted"[^>]*>' "$results"/*.trx || true; } | sed -n 's/.* testName="\([^"]*\)".*/  \1/p'
fi
if [ "$status" -ne 0 ] || [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
# CI set (the browser and interop attributes read it the same way) and not "false".
if [ -n "${CI:-}" ] && [ "${CI}" != "false" ] && [ "$skipped" -gt 0 ]; then
  echo "CI=${CI}: $skipped skipped test(s) fail the run"
  exit 1
fi
