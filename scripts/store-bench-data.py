#!/usr/bin/env python3
"""Makes many transcripts from a few real ones, for the store's benchmarks (BENCHMARKS.md).

Each copy gets a new id, a start date spread over a year, a user and a machine; every line is re-chained
(prev and sha256 recomputed exactly as Probity writes them), so the server accepts each as a real one.
About 3% lose their seal (as if the chat was killed).

  store-bench-data.py files TEMPLATES N OUTDIR          # N .jsonl files in OUTDIR (for `transcripts sync`)
  store-bench-data.py copy TEMPLATES N USERS OUTDIR     # OUTDIR/<user>.tsv per user, for COPY probity.lines (transcript, seq, line)
"""
import glob, hashlib, json, os, random, re, sys

PREV = re.compile(r'"prev":"[0-9a-f]{64}"')
SUFFIX = ',"sha256":"'

def sha(b): return hashlib.sha256(b).hexdigest()

def chain(lines):
    """Recomputes prev and sha256 of each line (text without sha256 field in, full lines out)."""
    previous = sha(b"probity-transcript/1 genesis")
    out = []
    for body in lines:
        body = PREV.sub('"prev":"%s"' % previous, body, count=1)
        line = body + SUFFIX + sha((body + "}").encode()) + '"}'
        previous = sha(line.encode())
        out.append(line)
    return out

def load(templates):
    result = []
    for path in sorted(glob.glob(os.path.join(templates, "*.jsonl"))):
        bodies = [l[: l.rindex(SUFFIX)] for l in open(path, encoding="utf-8").read().splitlines()]
        result.append(bodies)
    return result

def copy_of(template, n, user, rng):
    header = json.loads(template[0] + "}")
    day = 1 + n % 365
    started = "2026-%02d-%02dT%02d:%02d:%02d.000Z" % (1 + (day - 1) // 31 % 12, 1 + (day - 1) % 28, rng.randrange(8, 18), rng.randrange(60), rng.randrange(60))
    tid = started[:4] + started[5:7] + started[8:10] + "T" + started[11:13] + started[14:16] + started[17:19] + "Z-%08x" % n
    h = header["header"]
    h.update(id=tid, started=started, user=user, machine="pc-%s" % user)
    header["time"] = started
    first = json.dumps(header, sort_keys=True, separators=(",", ":"), ensure_ascii=False)[:-1]
    bodies = [first] + template[1:]
    if rng.random() < 0.03:
        bodies = bodies[: rng.randrange(2, len(bodies) - 1)]  # killed: no seal
    return tid, chain(bodies)

def main():
    mode, templates, count = sys.argv[1], load(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(7)
    if mode == "files":
        out = sys.argv[4]
        os.makedirs(out, exist_ok=True)
        for n in range(count):
            tid, lines = copy_of(templates[n % len(templates)], n, "bench", rng)
            with open(os.path.join(out, tid + ".jsonl"), "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
    else:
        users, out = int(sys.argv[4]), sys.argv[5]
        os.makedirs(out, exist_ok=True)
        files = {}
        for n in range(count):
            user = "user%02d" % (n % users)
            if user not in files: files[user] = open(os.path.join(out, user + ".tsv"), "w", encoding="utf-8")
            tid, lines = copy_of(templates[n % len(templates)], n, user, rng)
            for seq, line in enumerate(lines, 1):
                # COPY text format: bytea as \x hex; backslashes in text doubled.
                files[user].write("%s\t%d\t\\\\x%s\n" % (tid, seq, line.encode().hex()))
        for f in files.values(): f.close()

main()
