#!/usr/bin/env bash
# Reproduces the whole-process figures in BENCHMARKS.md: a release build, then hyperfine
# (apt-get install hyperfine) and GNU time for peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
command -v hyperfine >/dev/null || { echo "install hyperfine: apt-get install -y hyperfine" >&2; exit 1; }
swift build -c release --product probity >&2
P=.build/release/probity
WALK="$P walk document-access --council carlisle --role member --answer carl-what=committee-docs --answer member-of=no --answer exempt-check=no --answer purpose=ward-problem --answer interest=no --json"
hyperfine -N --warmup 5 --runs 50 --export-markdown /tmp/probity-core-bench.md \
  "$P --version" "$P validate" "$WALK" "$P topics --json" "$P clause carlisle 116"
cat /tmp/probity-core-bench.md
for cmd in "$P validate" "$WALK"; do
  /usr/bin/time -f "peak RSS %M KB  ($cmd)" $cmd >/dev/null
done
