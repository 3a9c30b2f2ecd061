#!/usr/bin/env python3
"""A model TRAINED to hear facts the phrases miss (issue 9)? Development scenarios only.

    swift build --product probity-bench
    .build/debug/probity-bench --facts-encoder-dump /tmp/fm-facts.jsonl          # each line names its writer set
    python3 scripts/fact-model.py /tmp/fm-facts.jsonl --cache /tmp/fm-enc.npz --model ensemble --seeds 0,1,2 [--strict]
    python3 scripts/fact-model.py … $(bash scripts/fact-model-history.sh /tmp/fact-model | tail -1)   # + history reading

The frame is scripts/encoder-facts.py's unseen reading: every phrase that occurs in the message word for word is left
out, and a fact the phrase matcher then does not hear is read by the model. For each option of the fact the model sees
features of the message's spans (the whole, each sentence, each clause) against the option's remaining phrases and
label, through the sentence encoder's embeddings: the best cosine, the mean of the best three, the label's cosine, the
whole message's, the lead over the fact's other options, the best cosine by polarity (plain or negated clause against
plain or negated phrase), negation of the best span and phrase, how many of the nearest phrase's words the message
holds. `--model pairs` adds the elementwise product and the absolute difference of the best span and the option's
centroid (a logistic regression); `pairs-mlp` puts all of it through an MLP (32 hidden); `ensemble` averages the
scalar-feature regression and the pairs MLP (one per `--seeds`). One model is shared by every fact (so it can speak of
facts it saw little of): it scores each option as "the message states this option", and a fact is taken (or proposed)
when its best option's score reaches a threshold.

Training: every development scenario x every fact of its council's advice, each option a row (the stated option
positive; other options and the options of unstated facts negative), features from the phrases left after the leave-out.
Evaluation: cross-validated GROUPED BY WRITER SET (original, dev, dev2, dev3, blind: one left out at a time), on the
facts the phrase matcher misses in the unseen reading. `--strict`: for the left-out set, every phrase that occurs in
ANY of its messages is left out as well (as if nobody had written phrases from that writer's wording at all).
`--history`: a set read against the knowledge before its phrases (real unseen wording), by a model trained on the
other sets; with `--asked`, read as a PROPOSER at the questions the chat asked there, as `probity-bench --suggest`
reads the shipped suggester; with `--suggester`, as that suggester's second opinion (proposing where it does not).

Takes are judged as encoder-facts.py judges them: right / wrong against what the scenario states; else agreeing /
unsaid-wrong against what is true; else unknown (a fact nobody said). Precision: right or agreeing over all takes.
The bars (BENCHMARKS.md, "A model trained to hear facts the phrases miss"): a TAKER needs >= 97% precision in every
left-out set with >= 15% of the missed stated facts taken; a PROPOSER must clearly beat the shipped suggester.
"""
import argparse, json, os, re, sys
from collections import defaultdict
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
from sibling import module

ef = module("encoder_facts", "encoder-facts.py")

NEGATIONS = {"not", "no", "never", "nobody", "none", "nothing", "neither", "nor", "without", "noone", "nowhere", "cannot"}
STOP = set("""a an the to of in on at for and or but is are was were be been being i me my we our us you your he him his she
her it its they them their this that these those with by from as about into will would can could should do does did have has
had am so if than then there here what which who whom whose just also very too some any all""".split())
GROUPS = ["original", "dev", "dev2", "dev3", "blind"]


def words(text):
    text = text.lower().replace("n't", " not").replace("’", "'")
    return re.findall(r"[a-z0-9]+", text)


def stem(w):
    for suffix in ("ings", "ing", "ies", "ied", "es", "ed", "s"):
        if len(w) > len(suffix) + 2 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def negated(text):
    return any(w in NEGATIONS for w in words(text))


def clauses_of(says):
    """The message's clauses as encoder-facts.py cuts them (each also one of its spans)."""
    out = []
    for sentence in re.split(r"(?<=[.!?;])\s+", says):
        for clause in re.split(r",|;|\bbut\b|\band\b|\bso\b|\bbecause\b", sentence.strip()):
            clause = clause.strip(" .!?")
            if len(clause.split()) >= 2:
                out.append(clause)
    return out


def coverage(phrase, held):
    meaning = [stem(w) for w in words(phrase) if w not in STOP]
    if not meaning:
        return 0.0
    return sum(m in held for m in meaning) / len(meaning)


def group_of(cases):
    """The writer set of each case, as the dump names it."""
    if all("group" in c for c in cases):
        return [c["group"] for c in cases]
    sys.exit("the dump has no `group`: make it again with this checkout's probity-bench --facts-encoder-dump")


class Reader:
    """Features of every (case, fact, option), with a set of phrases left out."""

    def __init__(self, cases, vec, dim):
        self.cases, self.vec, self.dim, self.index = cases, vec, dim, None

    def rows(self, c, left_out, pairs):
        spans = ef.spans(c["says"])
        S = np.stack([self.vec(t) for t in spans])
        span_neg = np.array([negated(t) for t in spans])
        held = {stem(w) for w in words(c["says"]) if w not in STOP}
        clauses = [t for t in clauses_of(c["says"]) if t in self.index]
        C = np.stack([self.vec(t) for t in clauses]) if clauses else S[:1]
        clause_neg = np.array([negated(t) for t in clauses]) if clauses else span_neg[:1]
        whole = self.vec(c["says"].strip())
        out = []
        for f in c["facts"]:
            per = []
            for o in f["options"]:
                phrases = [ef.clean(p) for p in o["phrases"] if p not in left_out]
                phrases = [p for p in phrases if p.strip()]
                label = o["label"]
                texts = phrases + [label]
                P = np.stack([self.vec(t) for t in texts])
                sims = S @ P.T  # spans x phrases
                per_phrase = sims.max(0)
                i, j = np.unravel_index(np.argmax(sims), sims.shape)
                top = np.sort(per_phrase)[::-1]
                label_sim = float(sims[:, -1].max())
                cov = [coverage(t, held) for t in texts]
                best_phrase = texts[j]
                phrase_neg = np.array([negated(t) for t in texts])
                csims = C @ P.T
                def polar(cn, pn):
                    m = csims[np.ix_(clause_neg == cn, phrase_neg == pn)]
                    return float(m.max()) if m.size else 0.0
                pol = [polar(False, False), polar(True, True), polar(True, False), polar(False, True)]
                centroid = P.mean(0)
                centroid /= np.linalg.norm(centroid) + 1e-9
                per.append(dict(
                    o=o["id"], best=float(sims[i, j]), top3=float(top[:3].mean()), label=label_sim,
                    whole=float((whole @ P.T).max()),
                    cov_best=cov[j], cov_max=max(cov), cov_wtd=float(max(min(s, cv) for s, cv in zip(per_phrase, cov))),
                    span_neg=float(span_neg[i]), phrase_neg=float(negated(best_phrase)),
                    pol=pol, same=max(pol[0], pol[1]),
                    n_phrases=np.log1p(len(phrases)), span=S[i], centroid=centroid, best_text=best_phrase,
                ))
            bests = np.array([p["best"] for p in per])
            top3s = np.array([p["top3"] for p in per])
            covs = np.array([p["cov_wtd"] for p in per])
            sames = np.array([p["same"] for p in per])
            order = np.argsort(-bests)
            for k, p in enumerate(per):
                others = np.delete(bests, k)
                others3 = np.delete(top3s, k)
                othersc = np.delete(covs, k)
                otherss = np.delete(sames, k)
                lead = p["best"] - (others.max() if len(others) else 0.0)
                x = [
                    p["best"], p["top3"], p["label"], p["whole"], lead,
                    p["top3"] - (others3.max() if len(others3) else 0.0),
                    p["cov_wtd"] - (othersc.max() if len(othersc) else 0.0),
                    float(order[0] == k), p["best"] - bests.mean(),
                    p["cov_best"], p["cov_max"], p["cov_wtd"],
                    p["span_neg"], p["phrase_neg"], float(p["span_neg"] != p["phrase_neg"]),
                    p["n_phrases"], np.log(len(per)), float(f["multiple"]),
                    *p["pol"], p["same"], p["same"] - (otherss.max() if len(otherss) else 0.0),
                    float(clause_neg.any()),
                ]
                if pairs:
                    x = np.concatenate([np.array(x, dtype=np.float32), p["span"] * p["centroid"], np.abs(p["span"] - p["centroid"])])
                out.append((f["key"], p["o"], np.asarray(x, dtype=np.float32)))
        return out


def label(c, key, option):
    return int(key in c["stated"] and option in c["stated"][key])


class Ensemble:
    """The mean of the scalar-feature logistic regression (on the first columns) and the MLP on every column (itself
    the mean of MLPs trained from different seeds, `--seeds`)."""

    def __init__(self, C, dim, seeds):
        self.dim = dim
        self.scalar = make_model("features", None)
        self.mlps = [make_model("pairs-mlp", C, seed=seed) for seed in seeds]

    def fit(self, X, y):
        self.k = X.shape[1] - 2 * self.dim
        self.scalar.fit(X[:, : self.k], y)
        for mlp in self.mlps:
            mlp.fit(X, y)
        return self

    def predict_proba(self, X):
        mlp = sum(m.predict_proba(X) for m in self.mlps) / len(self.mlps)
        return (self.scalar.predict_proba(X[:, : self.k]) + mlp) / 2


def make_model(kind, C=None, seed=0, dim=384, seeds=(0,)):
    if kind == "ensemble":
        return Ensemble(C, dim, seeds)
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    if kind in ("mlp", "pairs-mlp"):
        return make_pipeline(StandardScaler(), MLPClassifier(hidden_layer_sizes=(32,), alpha=C or 1e-2, max_iter=400,
                                                             early_stopping=True, random_state=seed))
    return make_pipeline(StandardScaler(), LogisticRegression(C=C or (0.1 if kind == "pairs" else 1.0), max_iter=3000))


def main():
    ap = argparse.ArgumentParser()
    ef.reading_arguments(ap)
    ap.add_argument("--model", default="features", choices=["features", "pairs", "mlp", "pairs-mlp", "ensemble"])
    ap.add_argument("--seeds", type=lambda v: [int(x) for x in v.split(",")], default=[0],
                    help="the ensemble's MLPs: one per seed, averaged (0 alone unless told)")
    ap.add_argument("--C", type=float, help="the logistic regression's inverse regularisation (the MLP's alpha)")
    ap.add_argument("--strict", action="store_true", help="leave out every phrase any message of the left-out set uses")
    ap.add_argument("--history", action="append", default=[], metavar="SET=DUMP",
                    help="also read SET in the history reading: DUMP is --facts-encoder-dump made against the knowledge "
                         "before that set's phrases; the model is trained on the other sets (leave-out reading) and "
                         "reads the facts the old phrases, all of them, did not hear")
    ap.add_argument("--asked", action="append", default=[], metavar="SET=FILE",
                    help="the questions the chat asked in SET's history reading (probity-bench --scenarios --half dev "
                         "--asked FILE against the old knowledge): the history reading is then read as a PROPOSER, only "
                         "at those questions, as probity-bench --suggest reads the shipped suggester")
    ap.add_argument("--suggester", action="append", default=[], metavar="SET=FILE",
                    help="the shipped suggester's proposals in SET's history reading (probity-bench --suggest --show "
                         "0.65,0.08 against the old knowledge): the model is then also read as its SECOND OPINION, "
                         "proposing only where the suggester proposes nothing")
    ap.add_argument("--train-history", action="store_true",
                    help="train the history reading's model on the other sets' history readings as well")
    ap.add_argument("--lines", help="print every take at THRESHOLD (judged, with the message)")
    args = ap.parse_args()
    cases = [json.loads(l) for l in open(args.dump) if l.strip()]
    groups = group_of(cases)
    history = []
    for spec in args.history:
        g, path = spec.split("=", 1)
        old = [json.loads(l) for l in open(path) if l.strip()]
        history.append((g, [c for c, h in zip(old, group_of(old)) if h == g]))

    texts = set()
    for c in cases + [c for _, hs in history for c in hs]:
        texts.update(ef.spans(c["says"]))
        texts.add(c["says"].strip())
        for f in c["facts"]:
            for o in f["options"]:
                texts.update(ef.clean(p) for p in o["phrases"])
                texts.add(o["label"])
    texts = sorted(t for t in texts if t.strip())
    E = None
    if args.cache and os.path.exists(args.cache):
        z = np.load(args.cache, allow_pickle=True)
        known = {t: i for i, t in enumerate(z["texts"])}
        missing = [t for t in texts if t not in known]
        if missing:
            extra = ef.encode(missing, args.bench, args.encoder, args.threads)
            allt = list(z["texts"]) + missing
            E = np.concatenate([z["E"], extra])
            np.savez(args.cache, texts=np.array(allt, dtype=object), E=E)
            known = {t: i for i, t in enumerate(allt)}
        else:
            E = z["E"]
        index = known
    else:
        E = ef.encode(texts, args.bench, args.encoder, args.threads)
        index = {t: i for i, t in enumerate(texts)}
        if args.cache:
            np.savez(args.cache, texts=np.array(texts, dtype=object), E=E)
    reader = Reader(cases, lambda t: E[index[t]], E.shape[1])
    reader.index = index
    pairs = args.model.startswith("pairs") or args.model == "ensemble"

    # Per case: phrases seen in its own message (the unseen reading), and per set: every phrase any of its messages uses.
    seen = [{p for f in c["facts"] for o in f["options"] for p in o["seen"]} for c in cases]
    group_seen = defaultdict(set)
    for g, s in zip(groups, seen):
        group_seen[g] |= s
    base = [reader.rows(c, seen[n], pairs) for n, c in enumerate(cases)]
    strict = [reader.rows(c, group_seen[groups[n]], pairs) for n, c in enumerate(cases)] if args.strict else base

    thresholds = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99]
    table = {g: {t: defaultdict(int) for t in thresholds} for g in GROUPS}
    missed = defaultdict(int)
    lines = []
    for held in GROUPS:
        train = [n for n in range(len(cases)) if groups[n] != held]
        test = [n for n in range(len(cases)) if groups[n] == held]
        if not test:
            continue
        X = np.stack([x for n in train for _, _, x in base[n]])
        y = np.array([label(cases[n], k, o) for n in train for k, o, _ in base[n]])
        model = make_model(args.model, args.C, seeds=args.seeds).fit(X, y)
        for n in test:
            c = cases[n]
            rows = strict[n]
            p = model.predict_proba(np.stack([x for _, _, x in rows]))[:, 1]
            for f in c["facts"]:
                if f["key"] in c["unseenHeard"]:
                    continue
                if f["key"] in c["stated"]:
                    missed[held] += 1
                idx = [i for i, (k, _, _) in enumerate(rows) if k == f["key"]]
                best = max(idx, key=lambda i: p[i])
                took, score = rows[best][1], float(p[best])
                j = ef.judge(c, f, took)
                for t in thresholds:
                    if score >= t:
                        table[held][t][j] += 1
                if args.lines and score >= float(args.lines):
                    lines.append(f"{j.upper()} [{held}] {c['id']} {f['key']}={took} ({score:.3f}) | {c['says']}")

    print(f"model {args.model}{' strict' if args.strict else ''}; {len(cases)} development scenarios; missed stated facts by set: "
          + ", ".join(f"{g} {missed[g]}" for g in GROUPS))
    print("threshold | set | takes right wrong agreeing unsaid-wrong unknown | precision | share of missed stated facts taken right")
    for t in thresholds:
        total = defaultdict(int)
        for g in GROUPS + ["all"]:
            n = total if g == "all" else table[g][t]
            if g != "all":
                for k, v in n.items():
                    total[k] += v
            m = sum(missed.values()) if g == "all" else missed[g]
            takes = sum(n.values())
            good = n["right"] + n["agreeing"]
            print(f"{t:.2f} | {g:8s} | {takes:4d} {n['right']:4d} {n['wrong']:4d} {n['agreeing']:4d} {n['unsaid-wrong']:4d} {n['unknown']:4d}"
                  f" | {good / takes if takes else 0:6.1%} | {n['right'] / m if m else 0:5.1%}")
    asked = {}
    for spec in args.asked:
        g, path = spec.split("=", 1)
        asked[g] = {tuple(l.rstrip("\n").split("\t")[:2]) for l in open(path) if l.strip()}
    proposer = {t: defaultdict(int) for t in thresholds}
    second = {t: defaultdict(int) for t in thresholds}
    suggested = {}
    for spec in args.suggester:
        g, path = spec.split("=", 1)
        for l in open(path):
            parts = l.split()
            if not parts or parts[0] not in ("RIGHT", "WRONG", "UNSTATED"):
                continue
            # RIGHT ID FACT=OPTION …, WRONG (stated …) ID FACT=OPTION …, UNSTATED [(… the truth)] ID FACT=OPTION …
            ident = next(i for i in range(1, len(parts) - 1) if "/" in parts[i] and "=" in parts[i + 1])
            fact = parts[ident + 1].split("=")[0]
            j = {"RIGHT": "right", "WRONG": "wrong"}.get(parts[0]) or (
                "unsaid-wrong" if "(AGAINST" in parts else "agreeing" if "(agrees" in parts else "unknown")
            suggested[(g, parts[ident], fact)] = j
    proposer_questions = defaultdict(int)
    history_rows = {g: [reader.rows(c, set(), pairs) for c in hs] for g, hs in history}
    for g, hs in history:
        train = [n for n in range(len(cases)) if groups[n] != g]
        X = [x for n in train for _, _, x in base[n]]
        y = [label(cases[n], k, o) for n in train for k, o, _ in base[n]]
        if args.train_history:
            # The other sets' history readings as well: real unseen wording, the facts their old phrases missed.
            for h, other in history:
                if h == g:
                    continue
                for c, rows in zip(other, history_rows[h]):
                    for k, o, x in rows:
                        if k not in c["heard"]:
                            X.append(x)
                            y.append(label(c, k, o))
        model = make_model(args.model, args.C, seeds=args.seeds).fit(np.stack(X), np.array(y))
        counts = {t: defaultdict(int) for t in thresholds}
        m = 0
        for c, rows in zip(hs, history_rows[g]):
            p = model.predict_proba(np.stack([x for _, _, x in rows]))[:, 1]
            for f in c["facts"]:
                at_question = (c["id"], f["key"]) in asked.get(g, set())
                if at_question:
                    proposer_questions["stated" if f["key"] in c["stated"] else "unstated"] += 1
                if f["key"] in c["heard"] and not at_question:
                    continue
                idx = [i for i, (k, _, _) in enumerate(rows) if k == f["key"]]
                best = max(idx, key=lambda i: p[i])
                j = ef.judge(c, f, rows[best][1])
                for t in thresholds:
                    if p[best] >= t and at_question:
                        proposer[t][j] += 1
                    if at_question and (g, c["id"], f["key"]) in suggested:
                        second[t][suggested[(g, c["id"], f["key"])]] += 1
                    elif p[best] >= t and at_question:
                        second[t][j] += 1
                if f["key"] in c["heard"]:
                    continue
                m += f["key"] in c["stated"]
                for t in thresholds:
                    if p[best] >= t:
                        counts[t][j] += 1
                if args.lines and p[best] >= float(args.lines):
                    lines.append(f"{j.upper()} [history {g}] {c['id']} {f['key']}={rows[best][1]} ({p[best]:.3f}) | {c['says']}")
        print(f"history reading of {g}: {len(hs)} scenarios, {m} stated facts the phrases then missed")
        for t in thresholds:
            n = counts[t]
            takes = sum(n.values())
            print(f"{t:.2f} | history {g:8s} | {takes:4d} {n['right']:4d} {n['wrong']:4d} {n['agreeing']:4d} {n['unsaid-wrong']:4d} {n['unknown']:4d}"
                  f" | {(n['right'] + n['agreeing']) / takes if takes else 0:6.1%} | {n['right'] / m if m else 0:5.1%}")
    if asked:
        print(f"as a proposer at the questions asked in the history reading of {', '.join(asked)}: "
              f"{proposer_questions['stated']} asked whose answer had been given, {proposer_questions['unstated']} others")
        print("threshold | proposed right, wrong (stated) | proposed on unstated facts: agreeing, against the truth, unknown")
        for t in thresholds:
            n = proposer[t]
            print(f"{t:.2f} | {n['right']:4d} {n['wrong']:4d} | {n['agreeing']:4d} {n['unsaid-wrong']:4d} {n['unknown']:4d}")
    if suggested:
        print(f"as the suggester's second opinion ({len(suggested)} proposals of its own): proposed right, wrong | on unstated facts")
        for t in thresholds:
            n = second[t]
            print(f"{t:.2f} | {n['right']:4d} {n['wrong']:4d} | {n['agreeing']:4d} {n['unsaid-wrong']:4d} {n['unknown']:4d}")
    for l in sorted(lines):
        print(l)


if __name__ == "__main__":
    main()
