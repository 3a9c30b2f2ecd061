#!/usr/bin/env python3
"""Authoring aid: checks that every clause of the given council files is found in its source.

Normalises only white space, curly quotes and dash forms, as Knowledge/README.md says.
The authoritative check is the Swift test suite; this is for editing JSON by hand.
Usage: python3 scripts/check_verbatim.py Knowledge/councils/carlisle/versions/2007.json [...]
"""
import json, re, sys, os

def norm(s):
    s = s.replace("\u2018", "'").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = re.sub("--", "-", s)
    for d in ("\u2013", "\u2014", "\u2011", "\u2212", "\u2010"):
        s = s.replace(d, "-")
    return re.sub(r"\s+", " ", s).strip()

bad = 0
for path in sys.argv[1:]:
    doc = json.load(open(path, encoding="utf-8"))
    src = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(path))), doc["source"])
    source = norm(open(src, encoding="utf-8").read())
    ids = set()
    for i, c in enumerate(doc["clauses"]):
        if c["id"] in ids:
            print(f"{path}: clauses[{i}] duplicate id {c['id']}"); bad += 1
        ids.add(c["id"])
        if norm(c["text"]) not in source:
            t = norm(c["text"])
            # find the longest prefix that matches, to show where it diverges
            lo = 0
            while lo < len(t) and t[: lo + 1] in source:
                lo += 1
            print(f"{path}: clauses[{i}] ({c['id']}) not verbatim; diverges at char {lo}: ...{t[max(0, lo-40):lo]}[[{t[lo:lo+40]}]]")
            bad += 1
    print(f"{path}: {len(doc['clauses'])} clauses checked")
sys.exit(1 if bad else 0)
