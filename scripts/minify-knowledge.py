#!/usr/bin/env python3
"""Copies a knowledge folder with every JSON file minified (no white space outside strings, one line).

    python3 scripts/minify-knowledge.py Knowledge /tmp/knowledge-min

Everything else (source texts, READMEs) is copied as it is. The JSON is re-serialised from Python's reading of it
(object member order kept, non-ASCII kept as UTF-8), so `probity validate` must find the copy exactly as sound as
the original: BENCHMARKS.md compares the two loading times.
"""
import json
import os
import shutil
import sys


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 64
    source, target = sys.argv[1], sys.argv[2]
    if os.path.exists(target):
        shutil.rmtree(target)
    shutil.copytree(source, target)
    count = 0
    for folder, _, names in os.walk(target):
        for name in names:
            if not name.endswith(".json"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as f:
                value = json.load(f)
            with open(path, "w", encoding="utf-8") as f:
                json.dump(value, f, ensure_ascii=False, separators=(",", ":"))
            count += 1
    print(f"{count} JSON files minified into {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
