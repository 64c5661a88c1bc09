#!/usr/bin/env bash
# Compares the benchmarks of two commits in one run: checks both out (git worktree, under a temporary folder), builds
# each one's .dotnet/Benchmarks in Release, runs the same filter on both with each commit's own harness, and prints one
# table with both means and allocations and their ratios, so "within 15 %" is one command's output.
#
#   bash .tools/bench-compare.sh OLD_COMMIT NEW_COMMIT ['FILTER'] [more arguments for both runs]
#
# FILTER is BenchmarkDotNet's (default '*'; quote it). Without more arguments each side runs the suite's own measurement
# job (a short job: 5 warm-ups, 10 iterations, CPU time; see Harness/BenchmarkConfigs.cs). Pass --dry for a quick
# check that both sides run (one in-process run each, timings meaningless), or --wall-clock for elapsed time. Do not
# pass --job: the harness already adds its job, and BenchmarkDotNet would run both. The worktrees and builds are
# removed at the end; KEEP=1 keeps them (their folder is printed).
set -euo pipefail

if [ $# -lt 2 ]; then
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
old_rev=$1 new_rev=$2
shift 2
filter='*'
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then filter=$1; shift; fi
extra=("$@")

repo=$(cd "$(dirname "$0")/.." && git rev-parse --show-toplevel)
old=$(git -C "$repo" rev-parse --verify "$old_rev^{commit}")
new=$(git -C "$repo" rev-parse --verify "$new_rev^{commit}")

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

work=$(mktemp -d /tmp/frameipc-bench-compare.XXXXXX)
cleanup() {
  for side in old new; do
    [ -d "$work/$side/src" ] && git -C "$repo" worktree remove --force "$work/$side/src" >/dev/null 2>&1 || true
  done
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $work" >&2; else rm -rf "$work"; git -C "$repo" worktree prune; fi
}
trap cleanup EXIT

# Each side gets its own checkout and its own build root (FRAMEIPC_BUILD_ROOT), so nothing of one is used by the other.
prepare() {
  local side=$1 commit=$2
  echo "== $side: ${commit:0:12} $(git -C "$repo" log -1 --format=%s "$commit")"
  git -C "$repo" worktree add --detach --quiet "$work/$side/src" "$commit"
  FRAMEIPC_BUILD_ROOT="$work/$side/build" dotnet build -c Release --nologo -v quiet \
    "$work/$side/src/.dotnet/Benchmarks/FrameIpc.Benchmarks.csproj" >"$work/$side/build.log" 2>&1 \
    || { tail -30 "$work/$side/build.log" >&2; echo "error: the $side commit's benchmarks do not build" >&2; exit 1; }
}

run() {
  local side=$1
  echo "== $side: running --filter '$filter' ${extra[*]-}"
  # Results are told apart by time: only files written after this side's build count.
  (cd "$work/$side/src" && FRAMEIPC_BUILD_ROOT="$work/$side/build" dotnet run --no-build -c Release --project .dotnet/Benchmarks -- \
    --filter "$filter" --exporters json ${extra[@]+"${extra[@]}"}) >"$work/$side/run.log" 2>&1 \
    || { tail -40 "$work/$side/run.log" >&2; echo "error: the $side commit's benchmarks failed (log above)" >&2; exit 1; }
  find "$work/$side/build" "$work/$side/src/.dotnet" -path '*BenchmarkDotNet.Artifacts/results/*-report-full*.json' \
    -newer "$work/$side/build.log" 2>/dev/null >"$work/$side/results.txt"
  [ -s "$work/$side/results.txt" ] || { tail -40 "$work/$side/run.log" >&2; echo "error: no results from the $side commit" >&2; exit 1; }
}

prepare old "$old"
prepare new "$new"
run old
run new

python3 - "$work/old/results.txt" "$work/new/results.txt" "${old:0:10}" "${new:0:10}" <<'EOF'
import json, sys

def load(listing):
    rows = {}
    for path in open(listing).read().split():
        for b in json.load(open(path)).get("Benchmarks", []):
            stats, memory = b.get("Statistics") or {}, b.get("Memory") or {}
            # Type, method and parameters name a case; the job is the same on both sides (the harness's).
            key = f'{b.get("Type")}.{b.get("MethodTitle") or b.get("Method")}'
            if b.get("Parameters"): key += f' [{b["Parameters"]}]'
            key = key.replace("|", "/")
            rows[key] = (stats.get("Mean"), memory.get("BytesAllocatedPerOperation"))
    return rows

def time(ns):
    if ns is None: return "n/a"
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("us", 1e3)):
        if ns >= scale: return f"{ns / scale:.3f} {unit}"
    return f"{ns:.1f} ns"

def ratio(new, old):
    if new is None or old is None: return "n/a"
    if old == 0: return "1.00" if new == 0 else "inf"
    return f"{new / old:.2f}"

old, new = load(sys.argv[1]), load(sys.argv[2])
print(f"\nMeans and allocations per operation; ratios are new / old (old {sys.argv[3]}, new {sys.argv[4]}).")
print("| benchmark | old mean | new mean | time new/old | old allocated | new allocated | bytes new/old |")
print("|---|---:|---:|---:|---:|---:|---:|")
worst = None
for key in list(old) + [k for k in new if k not in old]:
    (om, oa), (nm, na) = old.get(key, (None, None)), new.get(key, (None, None))
    r = ratio(nm, om)
    if r not in ("n/a", "inf") and (worst is None or float(r) > worst[0]): worst = (float(r), key)
    fmt = lambda b: "n/a" if b is None else f"{b:,} B"
    print(f"| {key} | {time(om)} | {time(nm)} | {r} | {fmt(oa)} | {fmt(na)} | {ratio(na, oa)} |")
only = [k for k in old if k not in new] + [k for k in new if k not in old]
if only: print(f"\n{len(only)} benchmark(s) ran on one side only (n/a above).")
if worst: print(f"\nSlowest relative to old: {worst[1]} at {worst[0]:.2f}x ({'within' if worst[0] <= 1.15 else 'beyond'} 15 %).")
EOF
