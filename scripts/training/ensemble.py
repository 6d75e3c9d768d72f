"""Average several plate-rec training runs into one ONNX recogniser (a seed ensemble).

Every run fine-tunes the same suffix of PP-OCRv4's recogniser from the same frozen prefix (train.py --train-from), so the
ensemble runs the shared prefix once and each run's trained suffix on its output, and averages the runs' per-step
character probabilities. The exported graph has plate-rec's contract (input x [B, 3, 48, W], output probs [B, W/8, 37]).

  /usr/bin/python3 scripts/training/ensemble.py --runs /tmp/rec2 /tmp/rec3 --out firmware/models/plate-rec

Prints the held-out accuracy of each run and of the average (the same split and scoring as train.py), then writes
plate-rec.onnx, MODEL_CARD.md, manifest-entry.json and held-out.txt to --out.
"""
import argparse
import os
import sys
import time

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ppocr_torch import OnnxBackbone, load_keys  # noqa: E402
import train as T  # noqa: E402


class SeedEnsemble(nn.Module):
    """The runs' shared frozen prefix once, each run's suffix, the mean of their probabilities (returned as log
    probabilities, so train.Exported's softmax gives that mean back exactly)."""

    def __init__(self, models, cut):
        super().__init__()
        self.models = nn.ModuleList(models)
        self.cut = cut

    def forward(self, x):
        first = self.models[0].backbone
        z = first(x, stop=self.cut)
        name = first._cut_name(self.cut)
        probs = [torch.softmax(m.head(m.backbone(z, start=self.cut, input_name=name)), -1) for m in self.models]
        return torch.log(torch.stack(probs).mean(0).clamp_min(1e-8))


def load_run(folder, base, keys):
    ck = torch.load(os.path.join(folder, "checkpoint.pt"))
    model = T.PlateRecognizer(OnnxBackbone(base), keys)
    model.load_state_dict(ck["state_dict"])
    return model.eval(), argparse.Namespace(**ck["args"])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", nargs="+", required=True, help="train-recognizer output folders (each with checkpoint.pt)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--data", default=None, help="datasets folder (default: the first run's)")
    ap.add_argument("--base", default=os.path.join(os.path.dirname(__file__), "../../firmware/models/ppocr-v4/ch_PP-OCRv4_rec_infer.onnx"))
    ap.add_argument("--no-export", action="store_true")
    args = ap.parse_args()
    torch.set_num_threads(1)
    base = os.path.abspath(args.base)
    keys = load_keys(os.path.join(os.path.dirname(base), "ppocr_keys_v1.txt"))
    loaded = [load_run(r, base, keys) for r in args.runs]
    first = loaded[0][1]
    for _, a in loaded[1:]:
        if (a.train_from, a.stretch, a.holdout_percent) != (first.train_from, first.stretch, first.holdout_percent):
            raise SystemExit("ensemble.py: the runs differ in --train-from, --stretch or --holdout-percent; they cannot share a prefix")
    backbone = loaded[0][0].backbone
    cut = backbone.split_index(T.TRAIN_FROM[first.train_from])[0]
    _, held = T.load_split(args.data or first.data, first.holdout_percent)
    t0 = time.time()
    for folder, (model, a) in zip(args.runs, loaded):
        print(f"run {folder} (seed {a.seed}): {T.fmt(T.evaluate(model, held, first.stretch))}", flush=True)
    ensemble = SeedEnsemble([m for m, _ in loaded], cut).eval()
    res = T.evaluate(ensemble, held, first.stretch)
    print(f"HELD-OUT ensemble of {len(loaded)}: {T.fmt(res)}", flush=True)
    for kind, (_, _, wrong) in res.items():
        for w in wrong:
            print(f"  miss {kind}: {w[0]} truth {w[1]} read {w[2]}")
    if args.no_export:
        return
    from export import export_all
    out_args = argparse.Namespace(**{**vars(first), "out": args.out, "tag": f"ensemble of {len(loaded)}"})
    os.makedirs(args.out, exist_ok=True)
    train, _ = T.load_split(args.data or first.data, first.holdout_percent)
    boxes = [b for b in getattr(first, "detector_boxes", []) if os.path.exists(b)]
    if boxes:  # only counted for the model card
        train += T.load_detector_boxes(boxes, train)
    export_all(ensemble, out_args, res, train, held, time.time() - t0)
    seeds = ", ".join(str(a.seed) for _, a in loaded)
    with open(os.path.join(args.out, "MODEL_CARD.md"), "a", encoding="utf-8") as f:
        f.write(f"\n## Seed ensemble\nThis file averages {len(loaded)} training runs with the settings above and seeds {seeds} "
                f"(`scripts/training/ensemble.py`): the frozen prefix runs once, each run's trained suffix (from "
                f"`--train-from {first.train_from}`) runs on it, and the per-step character probabilities are averaged. "
                f"The training settings listed are those of the first run; the accuracy table is the ensemble's.\n")


if __name__ == "__main__":
    main()
