#!/usr/bin/env python3
"""Makes a large knowledge base for measuring Probity at scale: a copy of Knowledge/ with N extra
council folders, each a copy of one of the shipped councils under a new id and name (so every clause
is still verbatim against its own copy of the source). Nothing it writes belongs in git.

Usage: python3 scripts/generate-councils.py N OUT        e.g.  python3 scripts/generate-councils.py 316 /tmp/probity-320
The shipped councils stay, so OUT holds N + 4 councils.
"""
import json, os, shutil, sys

def main():
    if len(sys.argv) != 3 or not sys.argv[1].isdigit():
        sys.exit(__doc__)
    count, out = int(sys.argv[1]), sys.argv[2]
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Knowledge")
    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(here, out)
    shipped = sorted(d for d in os.listdir(os.path.join(here, "councils")) if not d.startswith("."))
    for i in range(count):
        model = shipped[i % len(shipped)]
        new_id = f"synthetic-{i + 1:03d}"
        folder = os.path.join(out, "councils", new_id)
        shutil.copytree(os.path.join(here, "councils", model), folder)
        path = os.path.join(folder, "council.json")
        council = json.load(open(path, encoding="utf-8"))
        council["id"] = new_id
        council["name"] = f"Synthetic Borough Council {i + 1:03d}"
        council["shortName"] = f"Synthetic {i + 1:03d}"
        with open(path, "w", encoding="utf-8") as f:
            json.dump(council, f, indent=2, ensure_ascii=False)
            f.write("\n")
    print(f"{out}: {len(shipped) + count} councils")

main()
