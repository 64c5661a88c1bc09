#!/usr/bin/env bash
# Instructions per message of the engine's 10,000-message tick (GeneratedCodecBenchmarks.Tick's case), counted by
# valgrind callgrind, which the machine's load does not change: runs the Benchmarks' --tick-loop once with 1 tick and
# once with 3 (DOTNET_TieredCompilation=0, so every method is compiled once, fully optimised, before it first runs) and
# divides the difference by 20,000 messages, so startup, setup and the JIT cancel out.
#
#   bash .tools/callgrind-tick.sh [--with-send] [BENCHMARKS_DLL]
#
# Without a DLL it builds this checkout's .dotnet/Benchmarks in Release first. --with-send counts the view's send of
# each message too (the frames are otherwise captured once and replayed into the engine's connection: receive only).
set -euo pipefail
extra=()
if [ "${1:-}" = --with-send ]; then extra=(--with-send); shift; fi
dll=${1:-}
if [ -z "$dll" ]; then
  repo=$(cd "$(dirname "$0")/.." && pwd)
  dotnet build -c Release --nologo -v quiet "$repo/.dotnet/Benchmarks/FrameIpc.Benchmarks.csproj" >/dev/null
  root=${FRAMEIPC_BUILD_ROOT:-$repo/.dotnet}
  dll=$root/bin/FrameIpc.Benchmarks/Release/net10.0/FrameIpc.Benchmarks.dll
fi
count() {
  DOTNET_TieredCompilation=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    dotnet "$dll" --tick-loop "$1" 1 ${extra[@]+"${extra[@]}"} 2>&1 | grep -oE 'Collected : [0-9]+' | grep -oE '[0-9]+$'
}
one=$(count 1)
three=$(count 3)
echo "$(( (three - one) / 20000 )) instructions per message ($one for 1 tick, $three for 3)"
