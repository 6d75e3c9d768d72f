"""Train the 37-class plate recogniser on top of PP-OCRv4's recogniser and export it to ONNX.

Usage: /usr/bin/python3 scripts/training/train.py --data ../shared/datasets --out firmware/models/plate-rec
See docs/recognizer-training.md.
"""
import argparse
import csv
import json
import math
import os
import random
import sys
import time

import cv2
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ppocr_torch import OnnxBackbone, load_keys  # noqa: E402
import data as D  # noqa: E402
import augment as A  # noqa: E402
import synth as S  # noqa: E402

# first parameter (in graph order) that is trained for each --train-from choice
TRAIN_FROM = {
    "head": None,                 # only the new 37-class head
    "neck": "conv2d_142_w_0",     # SVTR neck + head
    "block": "conv2d_183_w_0",    # last backbone block (depthwise 5x5 + pointwise 480) + neck + head
    "last": "conv2d_179_w_0",     # last 480-channel backbone blocks + neck + head
    "stage": "conv2d_169_w_0",    # the whole 240/480-channel stages
    "all": "conv2d_10_w_0",
}


class PlateRecognizer(nn.Module):
    def __init__(self, backbone, keys):
        super().__init__()
        self.backbone = backbone
        self.head = nn.Linear(120, len(D.ALPHABET) + 1)
        rows = [0] + [keys.index(c) for c in D.ALPHABET]
        with torch.no_grad():
            self.head.weight.copy_(backbone.cls_w[:, rows].t())
            self.head.bias.copy_(backbone.cls_b[rows])

    def forward(self, x):                       # logits [B, T, 37]
        return self.head(self.backbone(x))


class Exported(nn.Module):
    def __init__(self, m):
        super().__init__()
        self.m = m

    def forward(self, x):
        return torch.softmax(self.m(x), dim=2)


def param_order(backbone):
    seen = []
    for _, ins, _, _ in backbone.nodes:
        for i in ins:
            k = backbone._key(i)
            if k in backbone.params and k not in seen:
                seen.append(k)
    return seen


# ---------------------------------------------------------------- data
class RandomSource:
    """One seeded random source with the calls augment.py makes."""
    def __init__(self, rng, nrng):
        self.rng, self.nrng = rng, nrng

    def random(self):
        return self.rng.random()

    def uniform(self, a, b, size=None):
        return self.nrng.uniform(a, b, size) if size else self.rng.uniform(a, b)

    def choice(self, seq):
        return self.rng.choice(seq)

    def normal(self, mu, sigma, shape):
        return self.nrng.normal(mu, sigma, shape)


class Sample:
    def __init__(self, img, label, kind, box=None):
        self.img, self.label, self.kind, self.box = img, label, kind, box


def load_split(root, percent=D.HOLDOUT_PERCENT):
    train, held = [], []
    for path, label in D.load_us_crops(root):
        img = cv2.imread(path)
        if img is None or not label:
            continue
        s = Sample(img, label, "crop")
        s.name = os.path.basename(path)
        (held if D.is_held_out(path, percent) else train).append(s)
    for path, box, label in D.load_us_photos(root):
        img = cv2.imread(path)
        if img is None or not label:
            continue
        # keep only a generous region around the plate in memory
        s = Sample(img, label, "photo", box)
        s.name = os.path.basename(path)
        (held if D.is_held_out(path, percent) else train).append(s)
    return train, held


def load_br_crops(root, count, seed):
    """Up to `count` Brazilian plate crops (openalpr-br-plate-crops, training part only: the same SHA-1 split), as extra
    real plates: another font and format, but real camera blur, light and JPEG."""
    folder = os.path.join(root, "openalpr-br-plate-crops")
    with open(os.path.join(folder, "labels.csv"), newline="", encoding="utf-8") as f:
        rows = [r for r in csv.reader(f) if r and r[0] != "file" and not D.is_held_out(r[0])]
    random.Random(seed).shuffle(rows)
    out = []
    for name, plate in rows[:count]:
        img = cv2.imread(os.path.join(folder, name))
        label = D.clean(plate)
        if img is None or not label:
            continue
        s = Sample(img, label, "br")
        s.name = name
        out.append(s)
    print(f"Brazilian crops: {len(out)}", flush=True)
    return out


def load_detector_boxes(paths, train):
    """Training-part photos cut where the product's detector put its plate boxes: one sample per box of `alpr-edge recognize
    --json` output (the reported box is the padded region the reader is given) that overlaps the photo's true plate
    (IoU >= 0.3). Held-out photos are never in the files the script writes; any that is found is refused."""
    photos = {s.name: s for s in train if s.kind == "photo"}
    out, seen = [], 0
    for path in paths:
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            r = json.loads(line)
            name = os.path.basename(r["file"])
            if D.is_held_out(name):
                raise SystemExit(f"train.py: {path} has held-out photo {name}; detector boxes must come from training photos only")
            s = photos.get(name)
            if s is None:
                continue
            seen += 1
            for p in r["plates"]:
                x, y, w, h = p["box"]
                if w > 0 and h > 0 and box_iou((x, y, w, h), s.box) >= 0.3:
                    d = Sample(s.img, s.label, "detcut", (x, y, w, h))
                    d.name = name
                    out.append(d)
    print(f"detector boxes: {len(out)} plate boxes on {seen} training photos", flush=True)
    return out


def box_iou(a, b):
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    iw = max(0, min(ax + aw, bx + bw) - max(ax, bx))
    ih = max(0, min(ay + ah, by + bh) - max(ay, by))
    i = iw * ih
    return i / max(1e-6, aw * ah + bw * bh - i)


def eval_image(s):
    """The fixed crop used for scoring: tight crops as given; photo boxes padded 6 % / 12 %."""
    return s.img if s.kind == "crop" else D.cut_box(s.img, s.box)


def train_image(s, rng, args):
    if s.kind == "synth":
        img = s.img
        img = A.margins(img, rng, -0.02, 0.04)
    elif s.kind in ("crop", "br"):
        img = A.margins(s.img, rng, -0.04, 0.06)
    elif s.kind == "detcut":  # the region the product reads, moved a little as the detector's box moves between frames
        img = D.cut_box(s.img, s.box, pad_x=rng.uniform(-0.03, 0.03), pad_y=rng.uniform(-0.05, 0.05),
                        shift=(rng.uniform(-0.02, 0.02), rng.uniform(-0.04, 0.04)))
    else:
        img = D.cut_box(s.img, s.box, pad_x=rng.uniform(0.0, 0.15), pad_y=rng.uniform(0.0, 0.35),
                        shift=(rng.uniform(-0.04, 0.04), rng.uniform(-0.08, 0.08)))
    if rng.random() < 0.8:
        img = A.geometric(img, rng)
    img = A.photometric(img, rng, p_lowres=args.lowres)
    stretch = args.stretch * rng.uniform(0.85, 1.15)
    return D.preprocess(img, stretch=stretch)


@torch.no_grad()
def build_pool(backbone, cut, train, ar, args):
    """args.copies augmented versions of every real training sample plus args.synth_count
    augmented synthetic plates, pushed through the frozen prefix nodes[:cut]; float16."""
    copies = lambda s: args.photo_copies if s.kind in ("photo", "detcut") else args.br_copies if s.kind == "br" else args.copies
    items = [s for s in train for _ in range(copies(s))]
    srng = random.Random(args.seed + 1000)
    items += [Sample(*S.render_plate(srng), "synth") for _ in range(args.synth_count)]
    xs, ys = [], []
    bs = 32
    for i in range(0, len(items), bs):
        chunk = items[i:i + bs]
        x = torch.from_numpy(np.stack([train_image(s, ar, args) for s in chunk]))
        z = backbone(x, stop=cut) if cut < len(backbone.nodes) else backbone(x)
        xs.append(z.half())
        ys += [s.label for s in chunk]
        if (i // bs) % 20 == 0:
            print(f"  pool {i + len(chunk)}/{len(items)}", flush=True)
    return torch.cat(xs), ys


def encode(labels):
    targets = torch.tensor([D.ALPHABET.index(c) + 1 for l in labels for c in l], dtype=torch.long)
    lengths = torch.tensor([len(l) for l in labels], dtype=torch.long)
    return targets, lengths


# ---------------------------------------------------------------- evaluation
@torch.no_grad()
def evaluate(model, samples, stretch, bs=32):
    model.eval()
    res = {}
    for kind in ("crop", "photo"):
        ss = [s for s in samples if s.kind == kind]
        ok, wrong = 0, []
        for i in range(0, len(ss), bs):
            chunk = ss[i:i + bs]
            x = torch.from_numpy(np.stack([D.preprocess(eval_image(s), stretch=stretch) for s in chunk]))
            p = torch.softmax(model(x), -1).numpy()
            for s, pr in zip(chunk, p):
                t = D.ctc_greedy(pr)
                if t == s.label:
                    ok += 1
                else:
                    wrong.append((s.name, s.label, t))
        res[kind] = (ok, len(ss), wrong)
    return res


def fmt(res):
    return ", ".join(f"{k} {v[0]}/{v[1]} = {100.0 * v[0] / max(1, v[1]):.1f} %" for k, v in res.items())


# ---------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "../../../shared/datasets"))
    ap.add_argument("--base", default=os.path.join(os.path.dirname(__file__), "../../firmware/models/ppocr-v4/ch_PP-OCRv4_rec_infer.onnx"))
    ap.add_argument("--keys", default=None)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "../../firmware/models/plate-rec"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--steps", type=int, default=600)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=1e-3, help="head learning rate")
    ap.add_argument("--backbone-lr", type=float, default=2e-4)
    ap.add_argument("--train-from", choices=list(TRAIN_FROM), default="block")
    ap.add_argument("--head-steps", type=int, default=100, help="steps with only the head trained first")
    ap.add_argument("--copies", type=int, default=8, help="augmented copies of each real training image")
    ap.add_argument("--photo-copies", type=int, default=12, help="augmented copies of each training photo's plate")
    ap.add_argument("--synth-count", type=int, default=1500, help="synthetic plates in the pool")
    ap.add_argument("--lowres", type=float, default=0.5, help="probability of the low-resolution augmentation")
    ap.add_argument("--stretch", type=float, default=D.STRETCH)
    ap.add_argument("--holdout-percent", type=int, default=D.HOLDOUT_PERCENT,
                    help="fixed held-out share (SHA-1 of the file name); 0 trains on everything and reports nothing")
    ap.add_argument("--threads", type=int, default=1,
                    help="torch threads (1 is faster on a shared, oversubscribed CPU)")
    ap.add_argument("--pool-cache", default="", help="folder to keep the augmented feature pool in between runs")
    ap.add_argument("--eval-every", type=int, default=0)
    ap.add_argument("--no-export", action="store_true")
    ap.add_argument("--tag", default="")
    ap.add_argument("--br-crops", type=int, default=0, help="Brazilian plate crops (training part) added as real plates, each augmented --br-copies times")
    ap.add_argument("--br-copies", type=int, default=1)
    ap.add_argument("--detector-boxes", action="append", default=[],
                    help="`alpr-edge recognize --json` lines on training photos (repeatable): their plate boxes become extra samples")
    args = ap.parse_args()
    args.base = os.path.abspath(args.base)

    torch.set_num_threads(args.threads)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    nrng = np.random.default_rng(args.seed)

    ar = RandomSource(rng, nrng)

    keys = load_keys(args.keys or os.path.join(os.path.dirname(args.base), "ppocr_keys_v1.txt"))
    backbone = OnnxBackbone(args.base)
    model = PlateRecognizer(backbone, keys)

    t0 = time.time()
    train, held = load_split(args.data, args.holdout_percent)
    print(f"train: {sum(s.kind == 'crop' for s in train)} crops + {sum(s.kind == 'photo' for s in train)} photos; "
          f"held out: {sum(s.kind == 'crop' for s in held)} crops + {sum(s.kind == 'photo' for s in held)} photos", flush=True)

    if args.detector_boxes:
        train += load_detector_boxes(args.detector_boxes, train)
    if args.br_crops:
        train += load_br_crops(args.data, args.br_crops, args.seed)

    order = param_order(backbone)
    first = TRAIN_FROM[args.train_from]
    trainable = set(order[order.index(first):]) if first else set()
    bb_params = [p for k, p in backbone.params.items() if k in trainable]
    for k, p in backbone.params.items():
        p.requires_grad_(False)
    print(f"backbone parameters trained: {sum(p.numel() for p in bb_params)} of "
          f"{sum(p.numel() for p in backbone.params.values())}", flush=True)

    # Augmented pool: the frozen part of the network (everything before the first trained
    # parameter) runs once per augmented sample; training then runs only the trained suffix.
    cut = backbone.split_index(first)[0] if first else None
    if cut is None:
        cut = len(backbone.nodes)
    key = f"{args.seed}-{args.copies}-{args.photo_copies}-{args.lowres}-{args.synth_count}-{args.stretch}-{cut}-{len(train)}"
    cache = os.path.join(args.pool_cache, f"plate-rec-pool-{key}.pt") if args.pool_cache else None
    if cache and os.path.exists(cache):
        pool_x, pool_y = torch.load(cache)
    else:
        pool_x, pool_y = build_pool(backbone, cut, train, ar, args)
        if cache:
            torch.save((pool_x, pool_y), cache)
    print(f"pool: {len(pool_y)} samples, cut tensor {tuple(pool_x.shape[1:])} ({time.time() - t0:.0f} s)", flush=True)

    def suffix(z):
        return model.head(backbone(z.float(), start=cut, input_name=backbone._cut_name(cut)) if cut < len(backbone.nodes) else z.float())

    opt = torch.optim.AdamW([{"params": model.head.parameters(), "lr": args.lr, "weight_decay": 1e-4},
                             {"params": bb_params, "lr": args.backbone_lr, "weight_decay": 0.0}])
    base_lrs = [g["lr"] for g in opt.param_groups]
    model.train()
    losses = []
    perm = []
    for step in range(args.steps):
        if step == args.head_steps:
            for p in bb_params:
                p.requires_grad_(True)
        # warm-up then cosine decay
        f = min(1.0, (step + 1) / 30) * 0.5 * (1 + math.cos(math.pi * step / args.steps))
        for g, lr in zip(opt.param_groups, base_lrs):
            g["lr"] = lr * f
        if len(perm) < args.batch:
            perm = list(rng.sample(range(len(pool_y)), len(pool_y)))
        idx, perm = perm[:args.batch], perm[args.batch:]
        targets, lengths = encode([pool_y[i] for i in idx])
        logits = suffix(pool_x[idx])                        # [B, T, C]
        lp = F.log_softmax(logits, -1).permute(1, 0, 2)     # [T, B, C]
        inlen = torch.full((len(idx),), lp.shape[0], dtype=torch.long)
        loss = F.ctc_loss(lp, targets, inlen, lengths, blank=0, zero_infinity=True)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_([p for g in opt.param_groups for p in g["params"]], 5.0)
        opt.step()
        losses.append(loss.item())
        if (step + 1) % 50 == 0:
            print(f"step {step + 1}/{args.steps} loss {np.mean(losses[-50:]):.3f} "
                  f"({time.time() - t0:.0f} s)", flush=True)
        if args.eval_every and (step + 1) % args.eval_every == 0 and step + 1 < args.steps:
            print("  held-out:", fmt(evaluate(model, held, args.stretch)), flush=True)
            model.train()
    train_s = time.time() - t0
    res = evaluate(model, held, args.stretch)
    print(f"HELD-OUT {args.tag}: {fmt(res)}  (training {train_s:.0f} s)", flush=True)
    for kind, (ok, n, wrong) in res.items():
        for w in wrong:
            print(f"  miss {kind}: {w[0]} truth {w[1]} read {w[2]}")
    if args.no_export:
        return
    os.makedirs(args.out, exist_ok=True)
    torch.save({"state_dict": model.state_dict(), "args": vars(args)}, os.path.join(args.out, "checkpoint.pt"))
    from export import export_all
    export_all(model, args, res, train, held, train_s)


if __name__ == "__main__":
    main()
