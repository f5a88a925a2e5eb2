#!/usr/bin/env bash
# The fault drills (README, "Proof under fire"): installs what is missing, builds in Release, and runs them.
# Arguments go to the drills (--drill 1 3, --calls 3000, --concurrency 16, --deadline 10, --drain 300).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_prerequisites
dotnet build tools/Program287g.Drills/Program287g.Drills.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
exec dotnet run -c Release --no-build --project tools/Program287g.Drills -- "$@"
