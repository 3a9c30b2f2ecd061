#!/usr/bin/env bash
# The history reading for scripts/fact-model.py (development data only): each development set against the knowledge
# as it stood before its authors wrote phrases for it (BENCHMARKS.md, "history reading of dev3"). For each set it
# writes, under OUT (default /tmp/fact-model): the facts dump (hist-SET.jsonl), the questions the chat asked
# (asked-SET.tsv) and the shipped suggester's proposals at its setting (sugg-SET.txt), then prints the flags that
# hand them to scripts/fact-model.py. Needs .build/debug/probity-bench (swift build --product probity-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/fact-model}
mkdir -p "$out"
bench=.build/debug/probity-bench
flags=""
for spec in "dev:78121f4^:--only dev-" "dev2:44b1528^:--only dev2-" "dev3:5ac1575:--only dev3-" "blind:07b1f26:--folder scenarios-blind"; do
    set="${spec%%:*}"; rest="${spec#*:}"; commit="${rest%%:*}"; only="${rest#*:}"
    old="$out/old-$set"
    rm -rf "$old" && mkdir -p "$old"
    git archive "$commit" Knowledge | tar -x -C "$old"
    ln -s "$PWD/Tests" "$old/Tests"
    cp Knowledge/catalogue/vectors.bin "$old/Knowledge/catalogue/"   # the older catalogues have none (the suggester needs them)
    PROBITY_KNOWLEDGE="$old/Knowledge" "$bench" --facts-encoder-dump "$out/hist-$set.jsonl" > /dev/null
    # shellcheck disable=SC2086
    PROBITY_KNOWLEDGE="$old/Knowledge" "$bench" --scenarios --half dev $only --asked "$out/asked-$set.tsv" | tail -1
    # shellcheck disable=SC2086
    PROBITY_KNOWLEDGE="$old/Knowledge" "$bench" --suggest --show 0.65,0.08 $only > "$out/sugg-$set.txt"
    flags="$flags --history $set=$out/hist-$set.jsonl --asked $set=$out/asked-$set.tsv --suggester $set=$out/sugg-$set.txt"
done
echo "$flags"
