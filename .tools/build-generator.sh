#!/usr/bin/env bash
# Rebuilds the [IpcMessage] codec generator from .dotnet/Generator and refreshes the DLL the package ships
# (Runtime/Generator/FrameIpc.Generator.dll). The build is deterministic, so an unchanged source gives the same bytes;
# PackageTests (GeneratorDllTests) fails when the shipped DLL is not the build of the current source.
#   bash .tools/build-generator.sh           refresh the shipped DLL
#   bash .tools/build-generator.sh --check   change nothing; exit 1 when the shipped DLL is stale
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
FRAMEIPC_BUILD_ROOT="$out" dotnet build "$root/.dotnet/Generator/FrameIpc.Generator.csproj" -c Release -nologo -v quiet >/dev/null
built="$out/bin/FrameIpc.Generator/Release/netstandard2.0/FrameIpc.Generator.dll"
shipped="$root/Runtime/Generator/FrameIpc.Generator.dll"
if [ "${1:-}" = "--check" ]; then
  cmp -s "$built" "$shipped" || { echo "stale: $shipped is not the build of .dotnet/Generator (run bash .tools/build-generator.sh)"; exit 1; }
  echo "ok: the shipped generator is the build of the current source"
else
  mkdir -p "$(dirname "$shipped")"
  cp "$built" "$shipped"
  sha256sum "$shipped"
fi
