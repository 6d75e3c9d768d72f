"""Trains the plate detector (plate_det_model.PlateDetector) on frames from plate_det_data and exports ONNX.

Loss: DB's probability loss on the shrunk plate map, binary cross-entropy over the plate pixels and the
3x as many hardest background pixels (at least 256 per image, so plate-free frames teach too), plus a
Dice term.  Adam with a cosine schedule; checkpoints every --eval-every steps, so a stopped run resumes
(--resume).  Validation (training-part photos and negatives kept apart by plate_det_data.val_share) decodes
the map the way the firmware does and prints plate recall (IoU >= 0.5 with the labelled box) and false
boxes per image.  The held-out part is never read here.
"""
import argparse
import json
import os
import time

import cv2
import numpy as np
import torch
import torch.nn.functional as F

import plate_det_data as PD
from plate_det_model import PlateDetector, normalize


def db_loss(logits, target, neg_ratio=3, min_neg=256):
    bce = F.binary_cross_entropy_with_logits(logits, target, reduction="none").flatten(1)
    t = target.flatten(1)
    losses = []
    for b in range(t.shape[0]):
        pos = t[b] > 0.5
        npos = int(pos.sum())
        neg_loss = bce[b][~pos]
        k = min(neg_loss.numel(), max(min_neg, neg_ratio * npos))
        hard = torch.topk(neg_loss, k).values
        losses.append((bce[b][pos].sum() + hard.sum()) / (npos + k))
    p = torch.sigmoid(logits).flatten(1)
    inter = (p * t).sum(1)
    dice = 1 - (2 * inter + 1) / (p.sum(1) + t.sum(1) + 1)
    return torch.stack(losses).mean() + 0.5 * dice.mean()


def input_size(w, h, max_side=512, multiple=32):
    r = min(1.0, max_side / max(w, h))
    rnd = lambda v: max(multiple, int(round(v * r / multiple)) * multiple)
    return rnd(w), rnd(h)


def decode(prob, threshold=0.3, box_threshold=0.5, unclip=1.5, min_side=2):
    """Rotated plate boxes (4x2 corners, score) from a probability map, as the firmware's DbPostProcessor."""
    n, labels = cv2.connectedComponents((prob > threshold).astype(np.uint8), connectivity=8)
    out = []
    for i in range(1, n):
        ys, xs = np.nonzero(labels == i)
        if len(xs) < 3:
            continue
        score = float(prob[ys, xs].mean())
        if score < box_threshold:
            continue
        (cx, cy), (w, h), a = cv2.minAreaRect(np.stack([xs, ys], 1).astype(np.float32))
        if min(w, h) < min_side:
            continue
        w, h = w + 1, h + 1
        d = w * h * unclip / (2 * (w + h))
        out.append((cv2.boxPoints(((cx, cy), (w + 2 * d, h + 2 * d), a)), score))
    return out


def iou(a, b):
    ax0, ay0, ax1, ay1 = a
    bx0, by0, bx1, by1 = b
    iw = max(0, min(ax1, bx1) - max(ax0, bx0))
    ih = max(0, min(ay1, by1) - max(ay0, by0))
    i = iw * ih
    return i / max(1e-6, (ax1 - ax0) * (ay1 - ay0) + (bx1 - bx0) * (by1 - by0) - i)


def bounds(q):
    return (*q.min(0), *q.max(0))


@torch.no_grad()
def detect(model, bgr, max_side=512, **kw):
    h, w = bgr.shape[:2]
    iw, ih = input_size(w, h, max_side)
    x = normalize(cv2.resize(bgr, (iw, ih), interpolation=cv2.INTER_LINEAR)[None])
    prob = model(x)[0, 0].numpy()
    return [(q * [w / iw, h / ih], s) for q, s in decode(prob, **kw)]


def evaluate(model, photos, negatives, max_side=512, **kw):
    model.eval()
    found = false_pos = 0
    for im, quads, _ in photos:
        boxes = detect(model, im, max_side, **kw)
        truth = bounds(quads[0])
        hit = [iou(bounds(q), truth) >= 0.5 for q, _ in boxes]
        found += any(hit)
        false_pos += sum(1 for h, (q, _) in zip(hit, boxes) if not h and iou(bounds(q), truth) < 0.1)
    neg_boxes = sum(len(detect(model, im, max_side, **kw)) for im in negatives)
    model.train()
    return {"recall": found / max(1, len(photos)), "photos": len(photos),
            "false_per_photo": false_pos / max(1, len(photos)),
            "false_per_negative": neg_boxes / max(1, len(negatives)), "negatives": len(negatives)}


def export(model, path):
    model.eval()

    class Exported(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, x):
            return self.m(x)

    x = torch.zeros(1, 3, 320, 512)
    torch.onnx.export(Exported(model), x, path, input_names=["x"], output_names=["plate_map"], opset_version=11,
                      dynamic_axes={"x": {0: "batch", 2: "height", 3: "width"}, "plate_map": {0: "batch", 2: "height", 3: "width"}})
    model.train()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True)
    ap.add_argument("--base", required=True, help="PP-OCRv4 det ONNX (ch_PP-OCRv4_det_infer.onnx)")
    ap.add_argument("--out", required=True, help="folder for checkpoint.pt, plate-det.onnx, train-log.json")
    ap.add_argument("--steps", type=int, default=6000)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--size", default="512x320", help="training canvas WxH")
    ap.add_argument("--max-side", type=int, default=512, help="detector input's longer side at validation")
    ap.add_argument("--val-percent", type=int, default=15)
    ap.add_argument("--eval-every", type=int, default=500)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--minutes", type=float, default=0, help="stop (checkpoint, export) after this long; 0 = no limit")
    ap.add_argument("--freeze-neck", action="store_true")
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--export-only", action="store_true", help="export --out's checkpoint.pt to plate-det.onnx and stop")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    if args.export_only:
        model = PlateDetector(args.base)
        ck = torch.load(os.path.join(args.out, "checkpoint.pt"))
        model.load_state_dict(ck["model"])
        export(model, os.path.join(args.out, "plate-det.onnx"))
        print(f"exported step {ck['step']} to", os.path.join(args.out, "plate-det.onnx"))
        return
    torch.manual_seed(args.seed)
    os.makedirs(args.out, exist_ok=True)
    size = tuple(int(v) for v in args.size.split("x"))

    src = PD.Sources(args.data, args.val_percent)
    print("data:", src.summary(), flush=True)
    gen = PD.Generator(src, args.seed, size)
    model = PlateDetector(args.base, train_neck=not args.freeze_neck)
    opt = torch.optim.Adam(model.trainable(), lr=args.lr)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 0.5 * (1 + np.cos(np.pi * min(1.0, s / args.steps))) * min(1.0, (s + 1) / 200))
    ckpt_path = os.path.join(args.out, "checkpoint.pt")
    step, log = 0, []
    if args.resume and os.path.exists(ckpt_path):
        ck = torch.load(ckpt_path)
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["opt"])
        sched.load_state_dict(ck["sched"])
        step, log = ck["step"], ck["log"]
        gen = PD.Generator(src, args.seed + step, size)
        print(f"resumed at step {step}", flush=True)

    def save():
        torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                    "step": step, "log": log, "args": vars(args)}, ckpt_path)

    started = time.time()
    cpu0 = time.process_time()
    model.train()
    running = []
    while step < args.steps:
        batch = [gen.sample() for _ in range(args.batch)]
        x = normalize(np.stack([b[0] for b in batch]))
        t = torch.from_numpy(np.stack([PD.shrink_target(b[1], size) for b in batch]))[:, None]
        loss = db_loss(model.logits(x), t)
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        step += 1
        running.append(float(loss))
        if step % 50 == 0:
            print(f"step {step} loss {np.mean(running[-50:]):.4f} lr {sched.get_last_lr()[0]:.2e} "
                  f"{(time.time() - started) / 60:.1f} min", flush=True)
        out_of_time = args.minutes and (time.time() - started) / 60 > args.minutes
        if step % args.eval_every == 0 or step == args.steps or out_of_time:
            res = evaluate(model, src.val_photos, src.val_negatives, args.max_side)
            res.update(step=step, loss=float(np.mean(running[-args.eval_every:])), minutes=(time.time() - started) / 60)
            log.append(res)
            print("validation:", json.dumps(res), flush=True)
            save()
        if out_of_time:
            print("time limit reached", flush=True)
            break
    export(model, os.path.join(args.out, "plate-det.onnx"))
    with open(os.path.join(args.out, "train-log.json"), "w") as f:
        json.dump({"args": vars(args), "data": src.summary(), "steps": step, "log": log,
                   "wall_minutes": (time.time() - started) / 60, "cpu_minutes": (time.process_time() - cpu0) / 60}, f, indent=1)
    print("exported", os.path.join(args.out, "plate-det.onnx"), flush=True)


if __name__ == "__main__":
    main()
