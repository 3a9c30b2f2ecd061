#!/usr/bin/env python3
"""Derive the clean reading of Tower Hamlets' tracked-change draft (31 January 2022).

    python3 scripts/clean_tower_hamlets.py            # from the repository root

reads  Knowledge/councils/tower-hamlets/sources/004_a5769c4324a56c70.txt   (the seed, never modified)
writes Knowledge/councils/tower-hamlets/sources/004_tower-hamlets-clean.txt

The clean reading keeps insertions and drops deletions, reviewers' comments,
"Formatted:" notes, repeated page headers and formatting marks. Every rule is
listed below and in Knowledge/councils/tower-hamlets/sources/README.md; each rule that rewrites words
checks that it fires exactly as often as expected, so a changed seed stops the
script instead of silently producing a different reading. Paragraph numbers
are kept as printed (103.1, 144.1, 12.19.4 ...): the garbling stays visible.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "Knowledge", "councils", "tower-hamlets", "sources", "004_a5769c4324a56c70.txt")
OUT = os.path.join(ROOT, "Knowledge", "councils", "tower-hamlets", "sources", "004_tower-hamlets-clean.txt")

# R1. Whole lines dropped: reviewers' comments, formatting notes, page headers.
COMMENT = re.compile(r"^Commented \[[A-Z]+\d+(R\d+)?\]:")
FORMATTED = re.compile(r"^Formatted:")
PAGE_HEADER = "APPENDIX 1 \u2013 Part C, Section 32 Member / Officer Relations' Protocol"

# R2. Formatting marks removed (the words inside them are kept).
FORMAT_MARKS = ("**", "<u>", "</u>")

# R3. Run-together deletion+insertion pairs that the extraction struck as a
#     whole (13.3-13.5): read as the insertion, as the same pair reads everywhere
#     else; dropping them would leave "The rights of can be summarised".
STRUCK_PAIRS = [
    ("~~CouncillorsMembers~~", "Members", 6),
    ("~~CouncillorMember~~", "Member", 6),
]

# R4. Deletions: ~~...~~ is dropped (numbers included: ~~9.18.2~~, ~~8.43.16~~,
#     ~~144~~, ~~152~~, ~~15.2~~ ...). White space left before punctuation by a
#     dropped deletion is dropped too ("to ~~including ungrouped Councillors~~."
#     reads "to.").
DELETION = re.compile(r"[ \t]*~~(?:(?!~~).)*~~(?=[.,;:)])|~~(?:(?!~~).)*~~")

# R5. Run-together deletion+insertion pairs (deletion first): read as the insertion.
#     CouncillorMember also covers CouncillorMember's.
RUN_TOGETHER = [
    ("CouncillorsMembers", "Members", 61),
    ("CouncillorMember", "Member", 21),
    # heading 3; heading 2 prints the same pair with the strike kept:
    # "ROLES OF ~~MEMBERS~~COUNCILLORS", so MEMBERS is the deletion here too.
    ("MEMBERSCOUNCILLORS", "COUNCILLORS", 1),
    # 8.1: the old text (3.16) reads "Member's Enquiries", the new text of
    # section 8 reads "Members' Enquiries": apostrophe moved, deletion first.
    ("Member's'", "Members'", 1),
]

# R6. Space-separated deletion+insertion pairs (marked bold in the seed, or in
#     headings), deletion first, except the heading of section 8 (see README).
#     Applied to the running text only, never to the contents table.
PHRASE_PAIRS = [
    ("MEMBER COUNCILLOR TO MEMBER COUNCILLOR PROTOCOL EXPECTATIONS",
     "COUNCILLOR TO COUNCILLOR EXPECTATIONS", 1),
    ("MEMBERS COUNCILLORS AND LEGAL ACTION", "COUNCILLORS AND LEGAL ACTION", 1),
    ("MEMBERS' COUNCILLORS' ACCESS TO INFORMATION", "COUNCILLORS' ACCESS TO INFORMATION", 1),
    ("MEMBERS AND ACCESS TO INFORMATIONS' SERVICES AND THE USE OF COUNCIL FACILITIES",
     "MEMBERS AND ACCESS TO INFORMATION", 1),
    ("not make seek to avoid", "seek to avoid", 1),
]

# R7. Layout: the extraction's "- " before a paragraph number ("- 2.2", "- (iv)")
#     is dropped; real bullets keep "- "; runs of spaces become one; lines left
#     empty (or only "-") by R4 are dropped; blank-line runs become one.
NUMBERED_BULLET = re.compile(r"^- (?=(\d+(\.\d+)+|\([ivx]+\)) )")

# R8. A page header that falls inside a numbered paragraph (the text before it
#     does not end a sentence) is removed and the two halves joined: 1.3, 2.1, 7.3.
PARA_START = re.compile(r"^(\d+\.\d+(\.\d+)?|\([ivx]+\)) ")
EXPECTED_JOINS = 3


def count_replace(text, old, new, expected, what):
    n = text.count(old)
    if n != expected:
        sys.exit(f"{what}: expected {expected} of {old!r}, found {n}; the seed changed, review the rules")
    return text.replace(old, new)


def clean_line(line):
    for mark in FORMAT_MARKS:
        line = line.replace(mark, "")
    line = re.sub(r"[ \t]+", " ", line).strip()
    line = NUMBERED_BULLET.sub("", line)
    return line


def main():
    raw = open(SEED, encoding="utf-8").read()
    # The contents table (old sections 1-12) only loses its <u> marks (R2):
    # its underlines cannot be read consistently as insertions or deletions.
    # Word-level rules apply to the running text, in the order R3, R2, R4, R5, R6.
    body_at = raw.index("\n1. INTRODUCTION")
    contents, body = raw[:body_at], raw[body_at:]
    for old, new, n in STRUCK_PAIRS:
        body = count_replace(body, old, new, n, "R3")
    for mark in FORMAT_MARKS:
        body = body.replace(mark, "")
    body = DELETION.sub("", body)
    for old, new, n in RUN_TOGETHER:
        body = count_replace(body, old, new, n, "R5")
    for old, new, n in PHRASE_PAIRS:
        body = count_replace(body, old, new, n, "R6")

    lines = []
    for src in (contents + body).split("\n"):
        s = src.strip()
        if COMMENT.match(s) or FORMATTED.match(s):
            continue
        if s == PAGE_HEADER:
            lines.append(None)  # a page break, resolved below
            continue
        c = clean_line(src)
        if c in ("", "-"):
            # a blank line stays blank; a line that R4 emptied is dropped
            if s == "":
                lines.append("")
            continue
        lines.append(c)

    # R8: page breaks
    joins = 0
    out = []
    i = 0
    while i < len(lines):
        if lines[i] is None:
            j = i + 1
            while j < len(lines) and lines[j] == "":
                j += 1
            k = len(out) - 1
            while k >= 0 and out[k] == "":
                k -= 1
            prev = out[k] if k >= 0 else ""
            if j < len(lines) and lines[j] and PARA_START.match(prev) and not re.search(r"[.:;!?]$", prev):
                out[k] = prev + " " + lines[j]
                del out[k + 1:]
                joins += 1
                i = j + 1
                continue
            i += 1
            continue
        out.append(lines[i])
        i += 1
    if joins != EXPECTED_JOINS:
        sys.exit(f"R8: expected {EXPECTED_JOINS} page-break joins, made {joins}")

    text = "\n".join(out)
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    for leftover in ("~~", "**", "<u>", "Commented [", "Formatted:", "APPENDIX 1"):
        if leftover in text:
            sys.exit(f"leftover {leftover!r} in the clean reading")
    open(OUT, "w", encoding="utf-8").write(text)
    print(f"wrote {os.path.relpath(OUT, ROOT)}: {len(text.splitlines())} lines, {joins} page-break joins")


if __name__ == "__main__":
    main()
