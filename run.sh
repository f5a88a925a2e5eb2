#!/usr/bin/env bash
# Runs the whole system: installs what is missing, builds, and starts the Aspire AppHost with its dashboard.
# Stop it with Ctrl+C or SIGTERM; the orchestrator then stops every process it started.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_prerequisites
ensure_buf

# The builds, unless nothing they read changed since the last one that succeeded: MSBuild's own up-to-date check
# costs 8-11 s on a 2-core machine, a third of the start-up (README, "Start-up").
build_stamp=Program287g.AppHost/bin/.run-build-stamp
build_inputs=(Program287g.AppHost Program287g.ServiceDefaults services console protos tools/Program287g.DevToken
  tools/Program287g.LocalServers Directory.Build.props Directory.Packages.props global.json)
changed="$( [ -f "$build_stamp" ] && find "${build_inputs[@]}" -type f -newer "$build_stamp" \
  -not -path '*/bin/*' -not -path '*/obj/*' -print -quit 2>/dev/null || echo "no stamp")"
if [ -n "$changed" ]; then
  dotnet build Program287g.AppHost/Program287g.AppHost.csproj -nologo -v quiet -clp:ErrorsOnly
  dotnet build tools/Program287g.DevToken/Program287g.DevToken.csproj -nologo -v quiet -clp:ErrorsOnly
  touch "$build_stamp"
fi

dashboard_port="$(free_port "${DASHBOARD_PORT:-18888}")"
export ASPNETCORE_URLS="http://127.0.0.1:${dashboard_port}"
export ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://127.0.0.1:$(free_port "${DASHBOARD_OTLP_PORT:-18889}")"
export ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://127.0.0.1:$(free_port "${DASHBOARD_RESOURCE_PORT:-18890}")"
# Plain http on loopback, no login token: a local development system, not a deployment.
export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true
export DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development
if [ -n "${PROGRAM287G_INFRASTRUCTURE:-}" ]; then
  export Infrastructure__Mode="$PROGRAM287G_INFRASTRUCTURE"
fi

echo "Dashboard: http://127.0.0.1:${dashboard_port}"
# The built AppHost itself, not `dotnet run`: one MSBuild evaluation and one wrapper process fewer.
exec Program287g.AppHost/bin/Debug/net10.0/Program287g.AppHost
