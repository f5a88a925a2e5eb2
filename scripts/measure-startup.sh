#!/usr/bin/env bash
# Start-up, measured (README, "Start-up"): ./run.sh from its launch to every service healthy, with everything built
# (run ./run.sh once first), and where the time goes: the script's own checks and builds, the AppHost's start, the
# servers, and each service. Usage: scripts/measure-startup.sh [runs, default 3]; extra environment goes to run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"

elapsed() { awk -v start="$1" -v now="$(date +%s.%N)" 'BEGIN { printf "%.1f", now - start }'; }

for run in $(seq "$runs"); do
  log="$(mktemp)"
  start="$(date +%s.%N)"
  # Each line of run.sh's output stamped with the seconds since its launch.
  setsid bash -c './run.sh 2>&1 | while IFS= read -r line; do printf "%s %s\n" "$(awk -v s='"$start"' -v n="$(date +%s.%N)" "BEGIN { printf \"%.1f\", n - s }")" "$line"; done' \
    > "$log" 2>&1 &
  group=$!
  declare -A healthy=()
  while [ "${#healthy[@]}" -lt 4 ]; do
    if awk -v e="$(elapsed "$start")" 'BEGIN { exit !(e > 180) }'; then
      echo "run $run: not every service healthy after 180 s; run.sh said:" >&2
      tail -20 "$log" >&2
      kill -TERM -- "-$group" 2>/dev/null || true
      exit 1
    fi
    while read -r service url; do
      if [ -z "${healthy[$service]:-}" ] && curl -fsS -o /dev/null --max-time 1 "$url" 2>/dev/null; then
        healthy[$service]="$(elapsed "$start")"
      fi
    done < <(grep -oE '(agency|agreement|nominee|notification) +gRPC [^ ]+ +health [^ ]+' "$log" | awk '{ print $1, $5 }')
    sleep 0.1
  done
  total="$(elapsed "$start")"
  stamp() { grep -m1 -F "$1" "$log" | awk '{ print $1 }'; }
  echo "run $run: every service healthy ${total} s after ./run.sh"
  printf '  %-44s %s s\n' "prerequisites checked, builds up to date" "$(stamp 'Dashboard: ')" \
    "AppHost: distributed application starting" "$(stamp 'Distributed application starting')" \
    "AppHost: distributed application started" "$(stamp 'Distributed application started')"
  for service in agency agreement nominee notification; do
    printf '  %-44s %s s\n' "$service healthy" "${healthy[$service]}"
  done
  unset healthy
  kill -TERM -- "-$group" 2>/dev/null || true
  # The orchestrator goes on ending what it started (DCP, PostgreSQL, RabbitMQ, Dovecot, smtp4dev) after the AppHost
  # exits, 12-15 s here: the next run must find their ports and data free.
  while pgrep -f "Program287g.AppHost|aspire-dcp|$PWD/.data|\.data/mailbox|smtp4dev" > /dev/null; do sleep 0.5; done
  if [ -n "${MEASURE_LOG:-}" ]; then cp "$log" "$MEASURE_LOG.$run"; fi
  rm -f "$log"
done
