#!/usr/bin/env bash
# Runs every test tier (unit, service, end-to-end) after installing what is missing. The servers the tests need
# are started by the tests themselves. Ends with "tests: N passed, N failed" counted from the test results.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
# Each phase's wall time, printed as it ends: where a fresh machine's run goes is read off CI's log.
phase_started=$SECONDS
phase_done() {
  echo "time: $1 took $((SECONDS - phase_started)) s"
  phase_started=$SECONDS
}
ensure_prerequisites
ensure_chromium
phase_done "installing the prerequisites"

results="$repo_root/TestResults"
rm -rf "$results"
if ! dotnet build Program287g.sln -nologo -v quiet -clp:ErrorsOnly; then
  echo "tests: 0 passed, 1 failed (the build failed)"
  exit 1
fi
phase_done "the build"
# One dotnet test per test project, each writing its own TRX file (in one solution-wide run the projects' default
# TRX names are timestamps to the second and can overwrite each other). One after the other: on two cores the
# end-to-end tier's whole system and the service tier's servers would otherwise starve each other.
status=0
for project in tests/*/*.csproj; do
  grep -q '<IsTestProject>true</IsTestProject>' "$project" || continue
  name="$(basename "$project" .csproj)"
  # A test that hangs is a bug to find, not a run to wait out: after 15 minutes on one test the runner writes a dump
  # of the test host (TestResults/<guid>/), names the test it was running, and fails the run.
  dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=${name}.trx" \
    --logger "console;verbosity=minimal" --results-directory "$results" \
    --blame-hang-timeout 15m --blame-hang-dump-type full "$@" || status=1
  phase_done "$name"
done

passed=0 failed=0 executed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*' "$trx")"
  passed=$((passed + $(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")))
  failed=$((failed + $(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")))
  executed=$((executed + $(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")))
done
# A run that executed nothing, or whose runner failed without a failing test, is a failure too.
if [ "$executed" -eq 0 ] || { [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; }; then
  failed=$((failed + 1))
  status=1
fi
echo "tests: ${passed} passed, ${failed} failed"
exit "$status"
