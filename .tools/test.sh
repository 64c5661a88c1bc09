#!/usr/bin/env bash
# The README's test command. On a fresh machine it first installs what the suite needs and the machine lacks (Debian's
# Chromium and a font for the browser tests, Node's npm for the package tests), then runs every test: unit, package,
# browser end-to-end, reliability, the docs' snippets and the Unity-fidelity compile; then the unit tests once more in
# Release, where the JIT optimizes as a player build does (allocation tests once failed only there). Extra arguments go
# to both dotnet test runs.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Playwright drives the machine's Chromium; its own browser download is never wanted.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK (10 or later) is not installed; install it, then run this again" >&2
  exit 1
fi

apt_install() {
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
      echo "error: missing $*; install them (apt-get install $*) or run this as root" >&2
      return 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  ${sudo[@]+"${sudo[@]}"} apt-get update -qq
  ${sudo[@]+"${sudo[@]}"} apt-get install -y -qq "$@"
}

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]} (browser tests)"
  apt_install "${need[@]}"
fi
# A machine's own Node.js usually brings npm; Debian's npm conflicts with such a Node, so it is only a fallback.
if ! command -v npm >/dev/null 2>&1; then
  echo "== installing nodejs npm (package tests)"
  apt_install nodejs npm || echo "warning: npm could not be installed; the package tests will say so" >&2
fi

python3 .tools/meta.py --check 2>/dev/null || echo "(meta.py unavailable or failing; the PackageTests check the same rules)"

# Both runs run whatever the first found, so one CI pass shows every failure; the exit code is the first failure's.
status=0
dotnet test .dotnet/FrameIpc.slnx "$@" || status=$?

echo "== unit tests in Release"
dotnet test -c Release .dotnet/Tests/FrameIpc.Tests.csproj "$@" || { rc=$?; [ "$status" -ne 0 ] || status=$rc; }
exit "$status"
