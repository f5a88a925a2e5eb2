#!/usr/bin/env bash
# Runs the whole system: installs what is missing, builds, and starts the Aspire AppHost with its dashboard.
# Stop it with Ctrl+C or SIGTERM; the orchestrator then stops every process it started.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_prerequisites
ensure_buf

dotnet build Program287g.AppHost/Program287g.AppHost.csproj -nologo -v quiet -clp:ErrorsOnly
dotnet build tools/Program287g.DevToken/Program287g.DevToken.csproj -nologo -v quiet -clp:ErrorsOnly

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
