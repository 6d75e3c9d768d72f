"""Static int8 (QDQ) quantisation of one recognition model, calibrated with the firmware's ONNX Runtime.

    /usr/bin/python3 scripts/training/quantize.py --kind det|rec --model FP32.onnx --out INT8.onnx \
        --alpr-edge PATH --sim DIR [--sim DIR] [--data DATASETS] [--stretch 1.5] [--seed 1] [--work DIR]

1. prepare the fp32 graph (qdq.prepare: initialisers, opset >= 11, BatchNorm folded);
2. write calibration inputs (calibration_data: simulated frames + training part of the dev sets, seeded);
3. `alpr-edge calibrate` runs the graph with every Conv input/output exposed and writes averaged per-sample ranges;
   Options for the plate recogniser: --equalize-first (cross-layer equalisation of the first Conv pair, before
   calibrating) and --dead-zone (Conv output ranges narrowed to where the next activation is not flat);
4. qdq.quantize writes the QDQ model. Prints a JSON summary (sizes, sha256, sample counts) on the last line.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import onnx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import calibration_data as C  # noqa: E402
import qdq  # noqa: E402


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def saturating_convs(args, model, augmented, inputs, ranges):
    """Runs the fp32 model over the first N calibration inputs (alpr-edge dump-tensors) and judges every Conv's pair sums."""
    if not os.path.isdir(inputs):
        raise SystemExit("--avoid-saturation needs the calibration inputs (run without --ranges, or keep --work DIR/inputs)")
    chosen = sorted(f for f in os.listdir(inputs) if f.endswith(".npy"))[:args.avoid_saturation]
    with tempfile.TemporaryDirectory(prefix="alpr-saturation-") as tmp:
        subset, dump = os.path.join(tmp, "in"), os.path.join(tmp, "out")
        os.makedirs(subset)
        for f in chosen:
            os.symlink(os.path.abspath(os.path.join(inputs, f)), os.path.join(subset, f))
        subprocess.run([args.alpr_edge, "dump-tensors", "--model", augmented, "--inputs", subset, "--out", dump],
                       check=True, stdout=sys.stderr)
        with open(os.path.join(dump, "outputs.txt"), encoding="utf-8") as f:
            names = [line.strip() for line in f if line.strip()]
        dumps = [{name: np.load(os.path.join(dump, f"{os.path.splitext(c)[0]}.{i}.npy")) for i, name in enumerate(names)}
                 for c in chosen]
    risky = qdq.saturating_convs(model, ranges, dumps)
    for name, share in sorted(risky.items(), key=lambda kv: -kv[1]):
        print(f"quantize: {name}: {100 * share:.3f} % of outputs could saturate a 16-bit pair; 7-bit weights", file=sys.stderr)
    return risky


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kind", choices=["det", "rec"], required=True)
    ap.add_argument("--model", required=True, help="fp32 ONNX model")
    ap.add_argument("--out", required=True, help="int8 ONNX model to write")
    ap.add_argument("--alpr-edge", required=True, help="the built alpr-edge (its hidden calibrate verb runs ONNX Runtime)")
    ap.add_argument("--sim", action="append", default=[], help="folder written by alpr-edge simulate (repeatable)")
    ap.add_argument("--data", default="", help="datasets root (openalpr-us-dev, openalpr-us-crops-dev); training part only")
    ap.add_argument("--max-side", type=int, default=960, help="det: the manifest's maxSide (calibration inputs are scaled like the firmware does)")
    ap.add_argument("--stretch", type=float, default=1.5, help="rec: the manifest's horizontalStretch for this model")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", default="", help="keep the intermediate files here")
    ap.add_argument("--ranges", default="", help="reuse a ranges.json from an earlier run instead of calibrating")
    ap.add_argument("--lines", type=int, default=0, help="rec: extra calibration inputs cut like detector lines")
    ap.add_argument("--range-blend", type=float, default=0.0,
                    help="0: averaged per-sample ranges; 1: extremes over all samples; between: a blend")
    ap.add_argument("--weights-only", action="store_true", help="diagnostic: int8 weights, fp32 activations")
    ap.add_argument("--equalize-first", action="store_true",
                    help="cross-layer equalisation of the first Conv pair before calibrating (qdq.equalize_first_conv)")
    ap.add_argument("--dead-zone", action="store_true",
                    help="narrow Conv output ranges to where the following activation is not flat (qdq.dead_zone_bounds; exact)")
    ap.add_argument("--weights", choices=sorted(qdq.WEIGHT_FORMATS), default="int8",
                    help="weight format (qdq.WEIGHT_FORMATS): int8 (U8S8 kernels), int7 (reduce range) or uint8 (U8U8 kernels)")
    ap.add_argument("--int7", default="",
                    help="Convs whose weights are 7-bit (reduce range) whatever --weights says: names, or first:N / last:N")
    ap.add_argument("--avoid-saturation", type=int, default=0, metavar="N",
                    help="give 7-bit weights to every Conv whose uint8 x int8 products could saturate x86's 16-bit pair sums "
                         "(VPMADDUBSW, CPUs without VNNI) on any of the first N calibration inputs (qdq.saturating_convs)")
    ap.add_argument("--break-ranges", type=float, default=0.0,
                    help="test fixture only: shrink every activation range to this fraction (a deliberately broken int8 model)")
    ap.add_argument("--keep-fp32", default="", help="Conv nodes left in fp32: comma-separated names, or first:N / last:N")
    args = ap.parse_args()

    work = args.work or tempfile.mkdtemp(prefix="alpr-quantize-")
    os.makedirs(work, exist_ok=True)
    rng = np.random.default_rng(args.seed)
    model = qdq.prepare(onnx.load(args.model))
    inputs = os.path.join(work, "inputs")
    ranges_path = args.ranges or os.path.join(work, "ranges.json")
    used = []
    if not args.ranges:
        if args.kind == "det":
            used = C.write_det_inputs(inputs, args.data, args.sim, rng, max_side=args.max_side)
        else:
            used = C.write_rec_inputs(inputs, args.data, args.sim, rng, args.stretch, lines=args.lines)
    equalized = None
    if args.equalize_first:
        if not os.path.isdir(inputs):
            raise SystemExit("--equalize-first with --ranges needs the calibration inputs of that run in --work DIR/inputs")
        arrays = [np.load(os.path.join(inputs, f)) for f in sorted(os.listdir(inputs)) if f.endswith(".npy")]
        equalized = qdq.equalize_first_conv(model, arrays)
        if equalized is None:
            raise SystemExit("--equalize-first: the first Conv is not followed by a Conv alone")
    prepared = os.path.join(work, "prepared.onnx")
    onnx.save(model, prepared)
    names = qdq.tensors_to_calibrate(model)
    augmented = os.path.join(work, "augmented.onnx")
    onnx.save(qdq.augment(model, names), augmented)
    if not args.ranges:
        subprocess.run([args.alpr_edge, "calibrate", "--model", augmented, "--inputs", inputs, "--out", ranges_path, "--threads", "1"],
                       check=True, stdout=sys.stderr)
    with open(ranges_path, encoding="utf-8") as f:
        calibration = json.load(f)
    a = args.range_blend
    ranges = {k: (lo + a * (calibration["extremes"][k][0] - lo), hi + a * (calibration["extremes"][k][1] - hi)) if a else (lo, hi)
              for k, (lo, hi) in calibration["ranges"].items()}

    if args.break_ranges:
        ranges = {k: (lo * args.break_ranges, hi * args.break_ranges) for k, (lo, hi) in ranges.items()}
    dead_zone = qdq.dead_zone_bounds(model) if args.dead_zone else {}
    ranges = qdq.clip_ranges(ranges, dead_zone)
    skip = qdq.select_convs(model, args.keep_fp32)
    total_convs = len(qdq.conv_nodes(model))
    int7 = {name: "int7" for name in qdq.select_convs(model, args.int7)}
    risky = {}
    if args.avoid_saturation and args.weights == "int8":
        risky = saturating_convs(args, model, augmented, inputs, ranges)
        int7.update({name: "int7" for name in risky})
    q = qdq.quantize(model, ranges, skip=skip, weights_only=args.weights_only, weight_format=args.weights, weight_overrides=int7)
    onnx.checker.check_model(q)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    onnx.save(q, args.out)
    with open(os.path.join(work, "calibration-files.txt"), "a" if args.ranges else "w", encoding="utf-8") as f:
        f.write("\n".join(os.path.relpath(u, args.data) if args.data and u.startswith(args.data) else u for u in used) + "\n")
    summary = {
        "kind": args.kind, "fp32": args.model, "int8": args.out,
        "fp32_bytes": os.path.getsize(args.model), "int8_bytes": os.path.getsize(args.out), "sha256": sha256(args.out),
        "convs_quantized": total_convs - len(skip), "tensors_calibrated": len(ranges),
        "samples": len(used), "seed": args.seed, "stretch": args.stretch if args.kind == "rec" else None, "range_blend": a,
        "opset": qdq.opset_of(q), "work": work, "kept_fp32": sorted(skip),
        "dead_zone_ranges": len(dead_zone), "weights": args.weights, "int7_convs": sorted(int7), "saturation_checked_on": args.avoid_saturation or None, "broken_ranges": args.break_ranges or None,
        "equalized_first": [round(float(k), 3) for k in equalized] if equalized is not None else None,
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
