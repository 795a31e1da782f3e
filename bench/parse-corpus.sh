#!/usr/bin/env bash
# bench/parse-corpus.sh: builds bench/ParseBench in Release and times HaproxyConfigLoader.Parse over every file of
# ../shared/corpus/haproxy, in process. Knobs (environment): PASSES (30), WARMUP (5), CORPUS (the corpus folder).
# Prints the time of one pass over the whole corpus (min / median / max over the passes). Target: under 1 s.
set -euo pipefail

PASSES="${PASSES:-30}"
WARMUP="${WARMUP:-5}"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
CORPUS="${CORPUS:-$(realpath -m "$REPO_ROOT/../shared/corpus/haproxy")}"
OUT="$SCRIPT_DIR/out/parse-bench"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$OUT"
if ! dotnet build "$SCRIPT_DIR/ParseBench/ParseBench.csproj" -c Release -nologo -v quiet -o "$OUT" >"$OUT/build.log" 2>&1; then
    cat "$OUT/build.log" >&2
    exit 1
fi
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit: $(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
dotnet "$OUT/ParseBench.dll" --passes "$PASSES" --warmup "$WARMUP" "$CORPUS"
