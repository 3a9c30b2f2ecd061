#!/usr/bin/env python3
"""Could the sentence encoder hear facts the phrases miss (issue 9)? Development scenarios only.

    .build/debug/probity-bench --facts-encoder-dump /tmp/facts.jsonl
    python3 scripts/encoder-facts.py /tmp/facts.jsonl [--bench .build/debug/probity-bench] [--cache /tmp/facts-enc.npz]

For each development scenario's first message, the unseen reading (PhraseGeneralisationEvaluation): every phrase that
occurs in the message word for word is left out, so what is left is wording nobody wrote for it. For each fact of the
council's advice that the phrase matcher does not hear in that reading, each option's score is the highest cosine
between a span of the message (the whole, each sentence, each clause) and one of the option's remaining phrases (or
its label); the best option is taken when its score reaches a threshold and leads the next option's by a margin.
Each take is judged as PhraseGeneralisationEvaluation judges one: right or wrong against what the scenario states,
else agreeing or not with what is true, else unknown (a fact nobody said: as bad as a wrong one).
"""
import argparse, json, os, re, subprocess, sys, tempfile
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def clean(phrase):
    """A phrase as a sentence: its gaps ("present * to the * group") closed."""
    return " ".join(phrase.replace("*", " ").split())


def spans(says):
    """The whole message, its sentences, and its clauses (cut at commas, semicolons, 'and', 'but', 'so')."""
    out = {says.strip()}
    for sentence in re.split(r"(?<=[.!?;])\s+", says):
        sentence = sentence.strip()
        if len(sentence.split()) >= 2:
            out.add(sentence)
        for clause in re.split(r",|;|\bbut\b|\band\b|\bso\b|\bbecause\b", sentence):
            clause = clause.strip(" .!?")
            if len(clause.split()) >= 2:
                out.add(clause)
    return sorted(out)


def encode(texts, bench, encoder, threads):
    with tempfile.TemporaryDirectory() as d:
        src, out = os.path.join(d, "in.txt"), os.path.join(d, "out.txt")
        open(src, "w", encoding="utf-8").write("".join(" ".join(t.split()) + "\n" for t in texts))
        args = [bench, "--encode-lines", src, out, "--threads", str(threads)] + (["--encoder", encoder] if encoder else [])
        r = subprocess.run(args, capture_output=True, text=True, check=True)
        print("swift encoder:", r.stdout.strip(), file=sys.stderr)
        return np.array([json.loads(l) for l in open(out)], dtype=np.float32)


def judge(c, f, took):
    """A take of option `took` for fact `f` in case `c`: right or wrong against what the scenario states; else
    agreeing or unsaid-wrong against what is true; else unknown (a fact nobody said)."""
    key = f["key"]
    if key in c["stated"]:
        truth = set(c["stated"][key])
        return "right" if (took in truth if f["multiple"] else {took} == truth) else "wrong"
    if key in c["truth"]:
        truth = set(c["truth"][key])
        return "agreeing" if (took in truth if f["multiple"] else {took} == truth) else "unsaid-wrong"
    return "unknown"


def reading_arguments(ap):
    """The arguments of every reading of the dump: the dump, the Swift encoder (bench, file, threads) and its cache."""
    ap.add_argument("dump")
    ap.add_argument("--bench", default=os.path.join(ROOT, ".build/debug/probity-bench"))
    ap.add_argument("--encoder", default=os.path.join(ROOT, "Knowledge/catalogue/encoder.bin"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--cache")


def main():
    ap = argparse.ArgumentParser()
    reading_arguments(ap)
    ap.add_argument("--lines", action="store_true", help="print every take at the chosen setting")
    ap.add_argument("--at", default="0.75,0.08", help="the setting --lines prints: THRESHOLD,MARGIN")
    args = ap.parse_args()
    cases = [json.loads(l) for l in open(args.dump) if l.strip()]

    texts = set()
    for c in cases:
        texts.update(spans(c["says"]))
        for f in c["facts"]:
            for o in f["options"]:
                texts.update(clean(p) for p in o["phrases"])
                texts.add(o["label"])
    texts = sorted(t for t in texts if t.strip())
    E = None
    if args.cache and os.path.exists(args.cache):
        z = np.load(args.cache, allow_pickle=True)
        if list(z["texts"]) == texts:
            E = z["E"]
    if E is None:
        E = encode(texts, args.bench, args.encoder, args.threads)
        if args.cache:
            np.savez(args.cache, texts=np.array(texts, dtype=object), E=E)
    index = {t: i for i, t in enumerate(texts)}
    vec = lambda t: E[index[t]]

    # Every candidate take: (score, margin, judgement, line).
    takes, stated_total, stated_unheard = [], 0, 0
    for c in cases:
        S = np.stack([vec(t) for t in spans(c["says"])])
        for f in c["facts"]:
            key = f["key"]
            if key in c["stated"]:
                stated_total += 1
            if key in c["unseenHeard"]:
                continue
            if key in c["stated"]:
                stated_unheard += 1
            scores = []
            for o in f["options"]:
                phrases = [clean(p) for p in o["phrases"] if p not in o["seen"]] + [o["label"]]
                P = np.stack([vec(p) for p in phrases if p.strip()])
                sims = S @ P.T
                i, j = np.unravel_index(np.argmax(sims), sims.shape)
                scores.append((float(sims[i, j]), o["id"], phrases[j]))
            scores.sort(reverse=True)
            best, second = scores[0], scores[1] if len(scores) > 1 else (0.0, "", "")
            took = best[1]
            judgement = judge(c, f, took)
            takes.append((best[0], best[0] - second[0], judgement, f"{c['id']} {key}={took} by \"{best[2]}\" ({best[0]:.2f}, lead {best[0] - second[0]:.2f}) | {c['says']}"))

    print(f"{len(cases)} development scenarios; {stated_total} stated facts, {stated_unheard} not heard by the phrases in the unseen reading")
    print("threshold margin | right wrong | agreeing unsaid-wrong unknown | precision (right+agreeing over all takes)")
    for threshold in [0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85]:
        for margin in [0.0, 0.04, 0.08, 0.12, 0.16]:
            n = {k: 0 for k in ["right", "wrong", "agreeing", "unsaid-wrong", "unknown"]}
            for s, m, j, _ in takes:
                if s >= threshold and m >= margin:
                    n[j] += 1
            total = sum(n.values())
            good = n["right"] + n["agreeing"]
            print(f"{threshold:.2f} {margin:.2f} | {n['right']:4d} {n['wrong']:4d} | {n['agreeing']:4d} {n['unsaid-wrong']:4d} {n['unknown']:4d} | "
                  f"{good / total if total else 0:.1%} of {total}")
    if args.lines:
        threshold, margin = map(float, args.at.split(","))
        for s, m, j, line in sorted(takes, key=lambda x: x[2]):
            if s >= threshold and m >= margin:
                print(j.upper(), line)


if __name__ == "__main__":
    main()
