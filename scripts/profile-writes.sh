#!/usr/bin/env bash
# Where a write's CPU goes, on the whole machine: runs the writes benchmark (Release), samples every CPU with perf
# while the real RegisterAgency, SubmitApplication or NominateOfficer is under load, and prints the share of CPU per
# process (the benchmark hosts the services in-process; PostgreSQL and RabbitMQ are their own processes) and the top
# frames of the .NET process by CPU, self and inclusive (JIT-compiled frames named through the runtime's perf map;
# W^X off, or perf sees only "doublemapper"). Nothing else should run beside it.
#   scripts/profile-writes.sh [seconds sampled, default 10] [frames, default 5] [operation, default RegisterAgency]
set -euo pipefail
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
sample_seconds="${1:-10}"
frames="${2:-5}"
operation="${3:-RegisterAgency}"
case "$operation" in
  RegisterAgency|SubmitApplication|NominateOfficer) ;;
  *) echo "operation: RegisterAgency, SubmitApplication or NominateOfficer, not '$operation'" >&2; exit 2 ;;
esac
out="$repo_root/TestResults/profile"
mkdir -p "$out"
command -v perf >/dev/null || { echo "perf is missing: apt-get install linux-perf" >&2; exit 1; }

dotnet build -c Release "$repo_root/tools/Program287g.Benchmarks" -v q -nologo >/dev/null
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 dotnet run -c Release --no-build --project "$repo_root/tools/Program287g.Benchmarks" -- \
  writes --seconds $((sample_seconds + 10)) > "$out/writes.log" 2>&1 &
benchmark=$!
trap 'kill $benchmark 2>/dev/null || true' EXIT
# Each operation prints "<operation>, real: started" as its load begins; 3 s warm-up, then 2 s more to settle.
until grep -aq "$operation, real: started" "$out/writes.log"; do
  kill -0 $benchmark 2>/dev/null || { cat "$out/writes.log"; exit 1; }
  sleep 0.2
done
sleep 5
perf record -a -g -F 499 -o "$out/perf.data" -- sleep "$sample_seconds" 2>/dev/null
until grep -aq "$operation, real: [0-9]" "$out/writes.log"; do sleep 0.5; done
grep -a "$operation, real: [0-9]" "$out/writes.log"
app=$(pgrep -f "Release/net10.0/Program287g.Benchmarks" | head -1 || true)
echo "CPU by thread name while $operation ran (${sample_seconds} s, all cores; .NET threads are the benchmark"
echo "process with the services in it, postgres the database, *_scheduler/*_poll RabbitMQ's Erlang VM):"
perf report -i "$out/perf.data" --no-children --sort comm --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | head -12 || true
echo "CPU by binary:"
perf report -i "$out/perf.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | head -8 || true
echo "Top ${frames} frames of the .NET process (pid ${app:-?}) by CPU (self):"
perf report -i "$out/perf.data" --no-children ${app:+--pid "$app"} --sort sym --stdio -g none 2>/dev/null \
  | grep -E '^ +[0-9]' | head -"$frames" || true
echo "Top managed frames of the .NET process by CPU including what they call (Program287g, MassTransit, Npgsql, Grpc):"
perf report -i "$out/perf.data" --children ${app:+--pid "$app"} --sort sym --stdio -g none 2>/dev/null \
  | grep -E '^ +[0-9]' | grep -E 'Program287g|MassTransit|Npgsql|Grpc\.|Dapper|Microsoft\.AspNetCore' \
  | grep -vE 'StateMachineBox|ExecutionContextCallback' | sed -E 's/\(class .*\)|\(valuetype .*\)//' | head -$((frames * 4)) || true
