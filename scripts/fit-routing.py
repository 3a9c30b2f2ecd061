#!/usr/bin/env python3
"""Fits the router's combination of its ranking parts (issue 12, fourth pass): a conditional logit over each topic's
parts for the order and a logistic regression over the question's parts for refusal (`LearnedRouting` in Swift), on
the parts of cross-validation's held-out cases. Never reads a held-out set: its input is

    .build/debug/probity-bench --dev --fold-vectors DIR --dump-features FEATURES.jsonl
    python3 scripts/fit-routing.py FEATURES.jsonl [--l2 …] [--shift …]

It reports, in the same 5 folds, the hand-set mix (to check it agrees with probity-bench), and the fitted one
cross-fitted (fold K's cases scored by a combination fitted on the other four folds' cases), then fitted on every
fold and scored on the development sets; and prints the coefficients to put in `LearnedRouting.standard`.
"""
import argparse, json
import numpy as np
from scipy.optimize import minimize

MIN_SCORE = 0.40


def load(path):
    rows = [json.loads(l) for l in open(path)]
    for r in rows:
        if r.get("empty"):
            continue
        for k in ["lm", "cls", "sim", "bm25", "conf", "matched"]:
            r[k] = np.array(r[k], dtype=float)
    return rows


def ranking_features(r):
    # per document: lm, cls, sim, bm25, confidence (LearnedRouting.rankingFeatures)
    n = len(r["bm25"])
    z = np.zeros(n)
    return np.stack([r["lm"] if len(r["lm"]) else z, r["cls"] if len(r["cls"]) else z, r["sim"] if len(r["sim"]) else z, r["bm25"], r["conf"]], 1)


def refusal_features(r, c, best, second, topics):
    bg = len(r["bm25"]) > topics
    sim = lambda t: r["sim"][t] if len(r["sim"]) else 0.0
    cls = lambda t: r["cls"][t] if len(r["cls"]) else 0.0
    return np.array([
        r["conf"][best], r["inScope"], sim(best), sim(topics) if bg else 0.0,
        max(-20, min(20, c[topics] - c[best])) if bg else 0.0, cls(topics) if bg else 0.0,
        r["bm25"][best], r["unknown"], np.log(max(r["weight"], 1e-3)), min(20, c[best] - c[second]) if second is not None else 20,
    ])


def order(r, c, topics):
    m = [t for t in range(topics) if r["matched"][t] > 0]
    return sorted(m, key=lambda t: -c[t])


def handset(r, topics, w):
    """TopicIndex.scores with the standard weights: (order, level)."""
    c = 0.4 * r["lm"] + 0.6 * r["cls"] + (20 * r["sim"] if len(r["sim"]) else 0)
    o = order(r, c, topics)
    if not o:
        return o, 0.0
    b = o[0]
    sim = r["sim"]
    level = r["conf"][b] + (0.4 if r["inScope"] else 0)
    if len(sim) and r["conf"][b] >= 0.2:
        level += 3 * max(0, sim[b] - sim[topics])
    level = min(1, level)
    gap = c[topics] - c[b] + 1.0
    if gap > 0:
        level *= np.exp(-gap)
    return o, level


HAND_SET_ORDER = None


def fit_ranking(rows, topics, l2):
    if HAND_SET_ORDER is not None:
        return HAND_SET_ORDER
    data = []
    for r in rows:
        if r.get("empty") or r["expected"] < 0:
            continue
        X = ranking_features(r)[:topics]
        m = r["matched"][:topics] > 0
        if not m[r["expected"]]:
            continue
        data.append((X[m], int(np.sum(m[: r["expected"]]))))
    def loss(w):
        total, grad = 0.0, np.zeros_like(w)
        for X, y in data:
            s = X @ w
            s -= s.max()
            p = np.exp(s); p /= p.sum()
            total -= np.log(p[y] + 1e-300)
            grad -= X[y] - p @ X
        return total / len(data) + l2 * w @ w, grad / len(data) + 2 * l2 * w
    # The five parts' hand-set start; any further part (scripts/encoder-routing-part.py adds one) starts at 0.
    w0 = np.concatenate([[0.4, 0.6, 20.0, 0.0, 0.0], np.zeros(data[0][0].shape[1] - 5)])
    return minimize(loss, w0, jac=True, method="L-BFGS-B").x


def decide_rows(rows, topics, wr):
    out = []
    for r in rows:
        if r.get("empty"):
            out.append(None); continue
        c = ranking_features(r) @ wr
        o = order(r, c, topics)
        if not o:
            out.append(None); continue
        out.append((o, refusal_features(r, c, o[0], o[1] if len(o) > 1 else None, topics)))
    return out


def fit_refusal(rows, decided, C, on_weight):
    X, y, sw = [], [], []
    for r, d in zip(rows, decided):
        if d is None:
            continue
        X.append(d[1]); y.append(r["expected"] >= 0); sw.append(on_weight if r["expected"] >= 0 else 1.0)
    X = np.array(X); y = np.array(y)
    mu, sd = X.mean(0), X.std(0) + 1e-9
    from sklearn.linear_model import LogisticRegression
    m = LogisticRegression(C=C, max_iter=5000).fit((X - mu) / sd, y, sample_weight=np.array(sw))
    w = m.coef_[0] / sd
    b = m.intercept_[0] - np.sum(m.coef_[0] * mu / sd)
    return np.concatenate([w, [b]])


def figures(rows, results):
    """results: per row (order, level) → top-1, top-3, on-topic refused, background refused."""
    n = t1 = t3 = ref = off = offref = r1 = 0
    for r, (o, level) in zip(rows, results):
        refused = not o or round(level * 10000) / 10000 < MIN_SCORE
        if r["expected"] < 0:
            off += 1; offref += refused
        else:
            n += 1; ref += refused
            t1 += (not refused) and o[0] == r["expected"]
            r1 += bool(o) and o[0] == r["expected"]
            t3 += r["expected"] in o[:3]
    return f"top-1 {t1 / max(n, 1):.1%} (ranked first {r1 / max(n, 1):.1%}) top-3 {t3 / max(n, 1):.1%} refused {ref}/{n}, off {offref}/{off}"


def learned(rows, topics, wr, wf, shift=0.0):
    out = []
    for d in decide_rows(rows, topics, wr):
        if d is None:
            out.append(([], 0.0)); continue
        z = d[1] @ wf[:-1] + wf[-1] + shift
        out.append((d[0], 1 / (1 + np.exp(-z))))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("features")
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--on-weight", type=float, default=1.0, help="weight of an on-topic case in the refusal fit")
    ap.add_argument("--hand-set-order", action="store_true", help="keep the hand-set order (0.4 LM + 0.6 classifier + "
                    "20 similarity) and fit only the refusal")
    ap.add_argument("--shifts", default="0", help="comma-separated shifts of the refusal intercept to report")
    args = ap.parse_args()
    rows = load(args.features)
    global HAND_SET_ORDER
    if args.hand_set_order:
        HAND_SET_ORDER = np.array([0.4, 0.6, 20.0, 0.0, 0.0])
    topics = next(len(r["bm25"]) for r in rows if not r.get("empty")) - 1
    cv = [r for r in rows if r["set"] == "cv"]
    dev = {s: [r for r in rows if r["set"] == s] for s in sorted({r["set"] for r in rows} - {"cv"})}
    print("hand-set:  CV", figures(cv, [handset(r, topics, None) if not r.get("empty") else ([], 0) for r in cv]),
          "|", " | ".join(f"{s} " + figures(v, [handset(r, topics, None) if not r.get("empty") else ([], 0) for r in v]) for s, v in dev.items()))
    shifts = [float(s) for s in args.shifts.split(",")]
    # Cross-fitting: fold K scored by a combination fitted on the other folds.
    per_shift = {s: [None] * len(cv) for s in shifts}
    for k in range(5):
        train = [r for r in cv if r["fold"] != k]
        wr = fit_ranking(train, topics, args.l2)
        wf = fit_refusal(train, decide_rows(train, topics, wr), args.C, args.on_weight)
        idx = [i for i, r in enumerate(cv) if r["fold"] == k]
        for s in shifts:
            res = learned([cv[i] for i in idx], topics, wr, wf, s)
            for i, x in zip(idx, res):
                per_shift[s][i] = x
    wr = fit_ranking(cv, topics, args.l2)
    wf = fit_refusal(cv, decide_rows(cv, topics, wr), args.C, args.on_weight)
    for s in shifts:
        print(f"learned (shift {s}): CV", figures(cv, per_shift[s]), "|",
              " | ".join(f"{n} " + figures(v, learned(v, topics, wr, wf, s)) for n, v in dev.items()))
    print("ranking:", ", ".join(f"{x:.6g}" for x in wr))
    print("refusal:", ", ".join(f"{x:.6g}" for x in wf))


if __name__ == "__main__":
    main()
