#!/usr/bin/env bash
# Fuzzes Probity with libFuzzer, one target at a time:
#
#   bash scripts/fuzz.sh [TARGET] [SECONDS]     # TARGET: json, knowledge, conversation, transcript, encoder or all (default all, 60 s each)
#   bash scripts/fuzz.sh --build-only [TARGET]  # build without running
#
# Everything lives in .build-fuzz/ (git ignores it): ProbityKit compiled once with -sanitize=fuzzer,address (again only
# when a source changes), one binary per target (Fuzz/Fuzz<Name>.swift with the checks of
# Tests/ProbityKitTests/Fuzz/FuzzChecks.swift), a working corpus per target seeded from the shipped knowledge, the test
# fixtures and the example transcripts, and what the fuzzer finds (findings/<target>/crash-*, slow-unit-*, timeout-*).
# Copy a finding into Tests/Fixtures/fuzz/<target>/ and FuzzRegressionTests runs it with every `swift test`.
# Extra libFuzzer flags can be given in FUZZ_FLAGS (e.g. FUZZ_FLAGS="-jobs=2").
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/.build-fuzz
SWIFTC=${SWIFTC:-swiftc}
FLAGS=(-O -sanitize=fuzzer,address -parse-as-library)

build_only=false
if [[ ${1:-} == --build-only ]]; then build_only=true; shift; fi
TARGET=${1:-all}
SECONDS_EACH=${2:-60}
ALL=(json knowledge conversation transcript encoder)

file_of() {
  case $1 in
    json) echo FuzzJSONParser ;; knowledge) echo FuzzKnowledgeLoader ;;
    conversation) echo FuzzConversation ;; transcript) echo FuzzTranscriptReader ;; encoder) echo FuzzEncoder ;;
    *) echo "unknown fuzz target '$1': choose json, knowledge, conversation, transcript, encoder or all" >&2; exit 64 ;;
  esac
}

if [[ $TARGET == all ]]; then targets=("${ALL[@]}"); else file_of "$TARGET" > /dev/null; targets=("$TARGET"); fi
[[ $SECONDS_EACH =~ ^[0-9]+$ ]] || { echo "SECONDS must be a whole number, not '$SECONDS_EACH'" >&2; exit 64; }

mkdir -p "$OUT/lib"
# ProbityBytes, ProbityEncoder and ProbityKit (each built on the ones before), instrumented, once per change of their
# sources.
MODULES=(ProbityBytes ProbityEncoder ProbityKit)
mapfile -t ALL_SOURCES < <(for m in "${MODULES[@]}"; do find "Sources/$m" -name '*.swift'; done | sort)
stamp=$(cat "${ALL_SOURCES[@]}" | sha256sum | cut -c1-16)
if [[ ! -f $OUT/lib/stamp || $(cat "$OUT/lib/stamp") != "$stamp" ]]; then
  rm -f "$OUT/lib/stamp"
  # The libpq shim ProbityKit imports: its module map (SwiftPM writes one; swiftc alone needs it) and its C code.
  printf 'module CLibPQShim {\n  header "%s/Sources/CLibPQShim/include/CLibPQShim.h"\n  export *\n}\n' "$ROOT" > "$OUT/lib/module.modulemap"
  clang -c -O1 -fsanitize=address -I Sources/CLibPQShim/include -I /usr/include/postgresql Sources/CLibPQShim/libpq.c \
    -o "$OUT/lib/CLibPQShim.o" && ar rcs "$OUT/lib/libCLibPQShim.a" "$OUT/lib/CLibPQShim.o"
  for m in "${MODULES[@]}"; do
    echo "fuzz: compiling $m with -sanitize=fuzzer,address (ProbityKit takes a few minutes)…" >&2
    mapfile -t SOURCES < <(find "Sources/$m" -name '*.swift' | sort)
    rm -f "$OUT/lib/lib$m.a"
    "$SWIFTC" "${FLAGS[@]}" -wmo -enable-testing -module-name "$m" -I "$OUT/lib" \
      -emit-module -emit-module-path "$OUT/lib/$m.swiftmodule" \
      -emit-library -static -o "$OUT/lib/lib$m.a" "${SOURCES[@]}" 2>&1 | grep -v 'Cannot export local symbol' >&2 || true
    [[ -f $OUT/lib/lib$m.a ]] || { echo "fuzz: $m did not compile" >&2; exit 1; }
  done
  echo "$stamp" > "$OUT/lib/stamp"
fi

seed() {
  local target=$1 dir=$2
  mkdir -p "$dir"
  # What is committed (seeds, and inputs a fuzzer found a problem with) joins every corpus, old or new.
  if [[ -d Fuzz/seeds/$target ]]; then cp Fuzz/seeds/"$target"/* "$dir/"; fi
  if [[ -d Tests/Fixtures/fuzz/$target ]]; then cp Tests/Fixtures/fuzz/"$target"/* "$dir/" 2>/dev/null || true; fi
  # The seeds made here, once per corpus.
  [[ -f $dir.seeded ]] && return 0
  touch "$dir.seeded"
  case $target in
    json) cp Tests/Fixtures/json/*.json "$dir/" 2>/dev/null || true
          find Knowledge/catalogue Tests/Fixtures/knowledge -name '*.json' -size -64k | head -200 | while read -r f; do cp "$f" "$dir/$(echo "$f" | tr / _)"; done ;;
    knowledge) # first byte: which file of the sound fixture the rest replaces (sorted order, as FuzzChecks has it)
          i=0
          while read -r f; do
            { printf "\\$(printf '%03o' $i)"; cat "Tests/Fixtures/knowledge/sound/$f"; } > "$dir/sound-$i"; i=$((i + 1))
          done < <(cd Tests/Fixtures/knowledge/sound && find . -name '*.json' | sed 's|^\./||' | LC_ALL=C sort) ;;
    conversation) for f in transcripts/examples/*.input; do cp "$f" "$dir/"; done
          printf 'carlisle\nmember\ncan I see the exempt report\n1\nback\nwhy\nchange 1\nhelp\ntopics\nclause 116\nsearch need to know\ncompare\nquit\n' > "$dir/commands" ;;
    transcript) ;;
    encoder) # first byte odd: a second-stage part; even: an encoder file (Fuzz/seeds/encoder/tiny-encoder: a whole small file that loads)
          { printf '\001'; cat Knowledge/catalogue/encoder-routing.json; } > "$dir/part"
          { printf '\001'; printf '{"encoderSHA256": "x", "classes": ["a", "(background)"], "ranking": [1,2,3,4,5,6], "intercepts": [0, 0], "weights": [[1], [2]]}'; } > "$dir/small-part"
          { printf '\000'; head -c 4096 Knowledge/catalogue/encoder.bin 2>/dev/null; } > "$dir/encoder-head" ;;
  esac
}

for target in "${targets[@]}"; do
  name=$(file_of "$target")
  bin=$OUT/fuzz-$target
  if [[ ! -x $bin || $bin -ot $OUT/lib/stamp || $bin -ot Fuzz/$name.swift || $bin -ot Tests/ProbityKitTests/Fuzz/FuzzChecks.swift ]]; then
    echo "fuzz: building $target…" >&2
    "$SWIFTC" "${FLAGS[@]}" -module-name "$name" -I "$OUT/lib" \
      -L "$OUT/lib" -lProbityKit -lProbityEncoder -lProbityBytes -lCLibPQShim \
      "Fuzz/$name.swift" Tests/ProbityKitTests/Fuzz/FuzzChecks.swift Tests/ProbityTestSupport/Paths.swift \
      -o "$bin" 2>&1 | grep -v 'Cannot export local symbol' >&2 || true
    [[ -x $bin ]] || { echo "fuzz: $target did not build" >&2; exit 1; }
  fi
  $build_only && continue
  corpus=$OUT/corpus/$target findings=$OUT/findings/$target
  seed "$target" "$corpus"
  mkdir -p "$findings"
  dict=()
  [[ -f Fuzz/$target.dict ]] && dict=(-dict="Fuzz/$target.dict")
  echo "fuzz: $target for $SECONDS_EACH s (corpus $corpus, findings $findings)" >&2
  # Leaks are not findings here: the knowledge and router are built once per process and kept.
  rm -rf "$OUT/scratch"
  status=0
  PROBITY_FUZZ_SCRATCH=$OUT/scratch ASAN_OPTIONS=detect_leaks=0 "$bin" "$corpus" "${dict[@]}" -max_total_time="$SECONDS_EACH" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -report_slow_units=2 -artifact_prefix="$findings/" -print_final_stats=1 ${FUZZ_FLAGS:-} || status=$?
  rm -rf "$OUT/scratch"
  [[ $status == 0 ]] || { echo "fuzz: $target found a problem: see $findings" >&2; exit "$status"; }
done
