"""The aim figure for scripts/aim-figure: exact-read rate against plate height in pixels (docs/aim.md).

  aim_figure.py DATASETS [--manifest NAME] [--models DIR] [--out FILE.png] [--heights 10,12,...]
                         [--canvas keep|shrink] [--sim-seeds N] [--sim-frames N] [--sim-size WxH] [--json FILE] [--label TEXT]
  aim_figure.py --replot FILE.json --out FILE.png  draws a measurement saved with --json again

For each target plate height H it makes one folder of images in which every plate to score is H px tall, and runs
the firmware's own path once on it (`$ALPR_EDGE recognize --json FOLDER`):
- held-out dev photos (openalpr-us-dev, SHA-1 of the file name, first 8 hex digits mod 100 < 30), each downscaled
  (cv2.INTER_AREA) so its labelled plate box is H px tall; a photo whose plate is already smaller than H is left out
  of that H (never upscaled). Exact: the top plate's text (A-Z0-9, upper case) equals the label.
- simulated plates (`alpr-edge simulate`, day, SIZE frames): one frame per vehicle pass (the middle of the frames in
  which its plate is fully visible), downscaled so that plate is H px tall. Exact: any reported plate reads it.
--canvas keep (default) puts the downscaled image in the middle of a canvas of the original frame size (filled with
the image's mean colour): the plate is H px in a frame as large as the camera's, so the detector shrinks it as it
would shrink a real frame (its decoder.maxSide). --canvas shrink feeds the smaller image itself.

Needs numpy and cv2 (python3-opencv); the plot is drawn with cv2. ALPR_EDGE names the alpr-edge binary.
"""
import argparse
import datetime
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import cv2
import numpy as np

HOLDOUT_PERCENT = 30  # the split of scripts/training/data.py and scripts/eval_recognition.py
HEIGHTS = [10, 12, 14, 16, 18, 20, 22, 25, 28, 32, 36, 40, 48]
TARGET = 90.0  # per cent exact
FEW = 10  # bins with fewer plates than this get hollow markers


LOADED = {}  # model role -> precision alpr-edge reported it loaded ("precision" of its JSON lines)


class Fail(Exception):
    pass


def norm(text):
    return re.sub(r"[^A-Z0-9]", "", (text or "").upper())


def is_held_out(name, percent=HOLDOUT_PERCENT):
    return int(hashlib.sha1(os.path.basename(name).encode("utf-8")).hexdigest()[:8], 16) % 100 < percent


def held_out_photos(datasets):
    """[(path, (x, y, w, h), plate)] of the held-out dev photos, sorted by name."""
    folder = os.path.join(datasets, "openalpr-us-dev", "images")
    photos = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            parts = f.readline().rstrip("\r\n").split("\t")
        if len(parts) < 6 or not is_held_out(parts[0]):
            continue
        path = os.path.join(folder, parts[0])
        if os.path.exists(path):
            photos.append((path, tuple(int(v) for v in parts[1:5]), norm(parts[5])))
    return photos


def recognize(alpr, folders, options):
    """file path -> list of plates (best first), for every image alpr-edge reported on."""
    command = [alpr, "recognize", "--json", *options, *folders]
    run = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if run.returncode != 0:
        last = (run.stderr.strip().splitlines() or ["no message"])[-1]
        raise Fail(f"alpr-edge recognize failed (exit {run.returncode}): {last}")
    results = {}
    for line in run.stdout.splitlines():
        if line.startswith("{"):
            row = json.loads(line)
            results[os.path.abspath(row["file"])] = row.get("plates") or []
            if row.get("precision"):
                LOADED.update(row["precision"])
    return results


def scaled(image, factor, canvas):
    """image downscaled by factor (INTER_AREA); with canvas 'keep', centred on a canvas of the original size."""
    h, w = image.shape[:2]
    small = cv2.resize(image, (max(1, round(w * factor)), max(1, round(h * factor))), interpolation=cv2.INTER_AREA)
    if canvas == "shrink":
        return small
    out = np.empty_like(image)
    out[:] = image.reshape(-1, image.shape[2]).mean(axis=0).astype(image.dtype)
    sh, sw = small.shape[:2]
    y, x = (h - sh) // 2, (w - sw) // 2
    out[y:y + sh, x:x + sw] = small
    return out


def write_png(path, image):
    if not cv2.imwrite(path, image, [cv2.IMWRITE_PNG_COMPRESSION, 1]):
        raise Fail(f"could not write {path}")


def render_sim(alpr, into, seeds, frames, size):
    """[(frame path, plate text, plate box height)]: one frame per vehicle pass with a fully visible plate."""
    width, height = size
    picks = []
    for seed in seeds:
        folder = os.path.join(into, f"seed{seed}")
        run = subprocess.run([alpr, "simulate", "--seed", str(seed), "--frames", str(frames), "--width", str(width),
                              "--height", str(height), "--out", folder],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if run.returncode != 0:
            last = (run.stderr.strip().splitlines() or ["no message"])[-1]
            raise Fail(f"alpr-edge simulate failed (exit {run.returncode}): {last}")
        passes = {}  # vehicle id -> [(frame path, text, height)] in frame order
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".json"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                labels = json.load(f)
            image = next((os.path.join(folder, name[:-5] + ext) for ext in (".png", ".jpg")
                          if os.path.exists(os.path.join(folder, name[:-5] + ext))), None)
            if image is None or labels.get("night"):
                continue
            for plate in labels.get("plates", []):
                if plate.get("fullyVisible"):
                    passes.setdefault(plate.get("vehicleId"), []).append(
                        (image, norm(plate["text"]), int(plate["box"]["height"])))
        for vehicle in sorted(passes, key=str):
            seen = passes[vehicle]
            picks.append(seen[len(seen) // 2])
    return picks


def threshold(rows, key):
    """Smallest H from which every larger measured H reads >= TARGET; None if the largest does not."""
    best = None
    for row in sorted(rows, key=lambda r: r["height"], reverse=True):
        n, exact = row[key]
        if n == 0:
            continue
        if 100.0 * exact / n < TARGET:
            break
        best = row["height"]
    return best


def pct(n, exact):
    return f"{100.0 * exact / n:5.1f} %" if n else "    -  "


# ---------------------------------------------------------------------------------------------------- the plot (cv2)
FONT = cv2.FONT_HERSHEY_SIMPLEX
INK = (40, 40, 40)
GRID = (225, 225, 225)
RED = (40, 40, 210)
COLOURS = {"photos": (170, 90, 20), "sim": (20, 130, 235)}


def text(img, s, org, scale=0.5, colour=INK, thick=1, anchor="left"):
    (tw, th), _ = cv2.getTextSize(s, FONT, scale, thick)
    x, y = org
    if anchor == "centre":
        x -= tw // 2
    elif anchor == "right":
        x -= tw
    cv2.putText(img, s, (int(x), int(y)), FONT, scale, colour, thick, cv2.LINE_AA)
    return tw, th


def dashed(img, p, q, colour, thick=1, dash=10, gap=7):
    p, q = np.array(p, float), np.array(q, float)
    length = np.linalg.norm(q - p)
    if length == 0:
        return
    step = (q - p) / length
    d = 0.0
    while d < length:
        a, b = p + step * d, p + step * min(d + dash, length)
        cv2.line(img, tuple(int(round(v)) for v in a), tuple(int(round(v)) for v in b), colour, thick, cv2.LINE_AA)
        d += dash + gap


def marker(img, centre, colour, shape, filled):
    x, y = centre
    thick = -1 if filled else 2
    if shape == "circle":
        if not filled:
            cv2.circle(img, (x, y), 5, (255, 255, 255), -1, cv2.LINE_AA)
        cv2.circle(img, (x, y), 5, colour, thick, cv2.LINE_AA)
    else:
        if not filled:
            cv2.rectangle(img, (x - 5, y - 5), (x + 5, y + 5), (255, 255, 255), -1)
        cv2.rectangle(img, (x - 5, y - 5), (x + 5, y + 5), colour, thick, cv2.LINE_AA)


def plot(rows, curves, title, subtitle, out):
    """curves: [(key, label, shape, threshold)]; rows: the table."""
    W, H = 900, 560
    img = np.full((H, W, 3), 255, np.uint8)
    left, right, top, bottom = 82, 870, 70, 480
    heights = [r["height"] for r in rows]
    xmin, xmax = min(heights) - 2, max(heights) + 2

    def px(h):
        return int(round(left + (h - xmin) * (right - left) / (xmax - xmin)))

    def py(p):
        return int(round(bottom - p * (bottom - top) / 100.0))

    text(img, title, (W // 2, 30), 0.72, INK, 2, "centre")
    text(img, subtitle, (W // 2, 54), 0.45, (90, 90, 90), 1, "centre")
    for p in range(0, 101, 10):
        cv2.line(img, (left, py(p)), (right, py(p)), GRID, 1)
        text(img, str(p), (left - 8, py(p) + 5), 0.45, INK, 1, "right")
    for h in heights:
        cv2.line(img, (px(h), top), (px(h), bottom), GRID, 1)
        cv2.line(img, (px(h), bottom), (px(h), bottom + 6), INK, 1)
        text(img, str(h), (px(h), bottom + 22), 0.45, INK, 1, "centre")
    cv2.rectangle(img, (left, top), (right, bottom), INK, 1)
    text(img, "plate height in the frame (px, height of the labelled plate box)", ((left + right) // 2, H - 38),
         0.55, INK, 1, "centre")
    label = np.full((30, 260, 3), 255, np.uint8)
    text(label, "exact reads (%)", (130, 21), 0.55, INK, 1, "centre")
    label = cv2.rotate(label, cv2.ROTATE_90_COUNTERCLOCKWISE)
    y0 = (top + bottom) // 2 - label.shape[0] // 2
    img[y0:y0 + label.shape[0], 8:8 + label.shape[1]] = label

    dashed(img, (left, py(TARGET)), (right, py(TARGET)), RED, 2)
    text(img, "90 %", (right - 6, py(TARGET) - 7), 0.5, RED, 1, "right")

    for i, (key, _, shape, best) in enumerate(curves):
        colour = COLOURS[key]
        if best is not None:
            dashed(img, (px(best), py(TARGET)), (px(best), bottom), colour, 1, 4, 4)
            text(img, f"{best} px", (px(best) + 5, py(TARGET) + 20 + 17 * i), 0.5, colour, 1)
        points = [(px(r["height"]), py(100.0 * r[key][1] / r[key][0]), r[key][0]) for r in rows if r[key][0]]
        for a, b in zip(points, points[1:]):
            cv2.line(img, a[:2], b[:2], colour, 2, cv2.LINE_AA)
        for x, y, n in points:
            marker(img, (x, y), colour, shape, n >= FEW)

    # legend, lower right (the curves rise to the right, so that corner stays clear)
    lines = [(key, lab, shape) for key, lab, shape, _ in curves]
    width = max(cv2.getTextSize(lab, FONT, 0.47, 1)[0][0] for _, lab, _ in lines) + 50
    width = max(width, cv2.getTextSize("hollow marker: fewer than 10 plates in the bin", FONT, 0.42, 1)[0][0] + 20)
    lx, ly = right - width - 12, bottom - 30 - 22 * (len(lines) + 2)
    cv2.rectangle(img, (lx, ly), (right - 12, bottom - 30), (255, 255, 255), -1)
    cv2.rectangle(img, (lx, ly), (right - 12, bottom - 30), (170, 170, 170), 1)
    for i, (key, lab, shape) in enumerate(lines):
        y = ly + 20 + 22 * i
        cv2.line(img, (lx + 8, y - 4), (lx + 36, y - 4), COLOURS[key], 2, cv2.LINE_AA)
        marker(img, (lx + 22, y - 4), COLOURS[key], shape, True)
        text(img, lab, (lx + 44, y), 0.47)
    y = ly + 20 + 22 * len(lines)
    dashed(img, (lx + 8, y - 4), (lx + 36, y - 4), RED, 2, 6, 4)
    text(img, "90 % exact", (lx + 44, y), 0.47)
    text(img, "hollow marker: fewer than 10 plates in the bin", (lx + 10, y + 22), 0.42, (90, 90, 90))

    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    if not cv2.imwrite(out, img):
        raise Fail(f"could not write {out}")


# --------------------------------------------------------------------------------------------------------- main
class Parser(argparse.ArgumentParser):
    def error(self, message):
        raise Fail(message)


def parse(argv):
    p = Parser(prog="scripts/aim-figure", add_help=True)
    p.add_argument("datasets")
    p.add_argument("--manifest")
    p.add_argument("--models")
    p.add_argument("--out", default=os.environ.get("AIM_DEFAULT_OUT", "docs/aim-plate-height.png"))
    p.add_argument("--heights", default=",".join(str(h) for h in HEIGHTS))
    p.add_argument("--canvas", choices=["keep", "shrink"], default="keep")
    p.add_argument("--sim-seeds", type=int, default=10, help="simulated seeds 1..N (default 10)")
    p.add_argument("--sim-frames", type=int, default=60, help="frames per seed (default 60)")
    p.add_argument("--sim-size", default="1280x720")
    p.add_argument("--json", help="also write the table as JSON to this file")
    p.add_argument("--label", help="name of the model set in the output and on the plot (default: folder, manifest)")
    a = p.parse_args(argv)
    try:
        a.heights = sorted({int(v) for v in a.heights.split(",") if v.strip()})
    except ValueError:
        raise Fail(f"--heights takes comma-separated integers, was {a.heights}")
    if not a.heights or min(a.heights) < 4:
        raise Fail("--heights needs heights of 4 px or more")
    m = re.fullmatch(r"(\d+)x(\d+)", a.sim_size)
    if not m:
        raise Fail(f"--sim-size takes WxH, was {a.sim_size}")
    a.sim_size = (int(m.group(1)), int(m.group(2)))
    return a


def main(argv):
    a = parse(argv)
    alpr = os.environ.get("ALPR_EDGE", "")
    if not (alpr and os.access(alpr, os.X_OK)):
        raise Fail(f"alpr-edge not found at {alpr or '(ALPR_EDGE unset)'}")
    if not os.path.isdir(os.path.join(a.datasets, "openalpr-us-dev", "images")):
        raise Fail(f"no openalpr-us-dev/images in {a.datasets}")
    if a.models and not os.path.isdir(a.models):
        raise Fail(f"no such model folder: {a.models}")
    options = (["--manifest", a.manifest] if a.manifest else []) + (["--models", a.models] if a.models else [])
    photos = held_out_photos(a.datasets)
    if not photos:
        raise Fail("no held-out labelled photos found")
    started = time.monotonic()
    tmp = tempfile.mkdtemp(prefix="aim-figure-")
    try:
        log(f"{len(photos)} held-out photos, plates {min(p[1][3] for p in photos)}-{max(p[1][3] for p in photos)} px tall")
        native_dir = os.path.join(tmp, "native")  # links to the held-out photos at their own size
        os.makedirs(native_dir)
        for path, _, _ in photos:
            os.symlink(os.path.abspath(path), os.path.join(native_dir, os.path.basename(path)))
        native = recognize(alpr, [native_dir], options)
        read_native = {path for path, _, plate in photos  # photos read exactly at their own size
                       if native.get(os.path.join(native_dir, os.path.basename(path)))
                       and norm(native[os.path.join(native_dir, os.path.basename(path))][0]["text"]) == plate}
        native_exact = len(read_native)
        sim = render_sim(alpr, os.path.join(tmp, "render"), range(1, a.sim_seeds + 1), a.sim_frames, a.sim_size)
        if sim:
            log(f"{len(sim)} simulated vehicle passes ({a.sim_seeds} seeds x {a.sim_frames} frames, "
                f"{a.sim_size[0]}x{a.sim_size[1]}), plates {min(s[2] for s in sim)}-{max(s[2] for s in sim)} px tall")
        rows = []
        for height in a.heights:
            folder = os.path.join(tmp, f"h{height}")
            os.makedirs(os.path.join(folder, "photos"))
            os.makedirs(os.path.join(folder, "sim"))
            truth = {}  # image path -> (source, plate)
            for path, box, plate in photos:
                if box[3] < height:
                    continue
                image = cv2.imread(path, cv2.IMREAD_COLOR)
                if image is None:
                    raise Fail(f"could not read {path}")
                out = os.path.join(folder, "photos", os.path.splitext(os.path.basename(path))[0] + ".png")
                write_png(out, scaled(image, height / box[3], a.canvas))
                truth[out] = ("photos", plate, path in read_native)
            for i, (path, plate, plate_height) in enumerate(sim):
                if plate_height < height:
                    continue
                image = cv2.imread(path, cv2.IMREAD_COLOR)
                out = os.path.join(folder, "sim", f"{i:04d}-{os.path.basename(os.path.dirname(path))}-"
                                   f"{os.path.splitext(os.path.basename(path))[0]}.png")
                write_png(out, scaled(image, height / plate_height, a.canvas))
                truth[out] = ("sim", plate, False)
            t0 = time.monotonic()
            results = recognize(alpr, [os.path.join(folder, "photos"), os.path.join(folder, "sim")], options)
            row = {"height": height, "photos": [0, 0], "sim": [0, 0], "kept": [0, 0]}
            for out, (source, plate, was_read) in truth.items():
                plates = results.get(os.path.abspath(out), [])
                if source == "photos":
                    hit = bool(plates) and norm(plates[0]["text"]) == plate
                else:
                    hit = any(norm(p["text"]) == plate for p in plates)
                row[source][0] += 1
                row[source][1] += hit
                if was_read:  # of the photos read at their own size, how many still read at H
                    row["kept"][0] += 1
                    row["kept"][1] += hit
            rows.append(row)
            shutil.rmtree(folder)
            log(f"H {height:3d} px: photos {row['photos'][1]}/{row['photos'][0]}, "
                f"simulated {row['sim'][1]}/{row['sim'][0]} ({time.monotonic() - t0:.1f} s)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    best_photos, best_sim, best_kept = threshold(rows, "photos"), threshold(rows, "sim"), threshold(rows, "kept")
    models = a.label or f"{a.models or 'default models folder'}, {a.manifest or 'manifest.json'}"
    canvas = ("downscaled photo centred in a frame of its original size" if a.canvas == "keep"
              else "downscaled photo fed at its smaller size")
    print(f"models: {models}")
    print(f"canvas: {a.canvas} ({canvas})")
    if LOADED:
        print("loaded: " + ", ".join(f"{role} {precision}" for role, precision in sorted(LOADED.items())))
    print(f"held-out photos at their own size (plates {min(p[1][3] for p in photos)}-{max(p[1][3] for p in photos)} px): "
          f"{native_exact}/{len(photos)} exact ({100.0 * native_exact / len(photos):.1f} %)")
    print()
    print(f"{'H px':>5}  {'photos n':>8}  {'exact':>7}  {'simulated n':>11}  {'exact':>7}  "
          f"{'read at own size n':>18}  {'still exact':>11}")
    for r in rows:
        print(f"{r['height']:>5}  {r['photos'][0]:>8}  {pct(*r['photos']):>7}  {r['sim'][0]:>11}  {pct(*r['sim']):>7}  "
              f"{r['kept'][0]:>18}  {pct(*r['kept']):>11}")
    print()
    say = lambda b: f"{b} px" if b is not None else "none"
    print(f"smallest plate height reading >= {TARGET:.0f} % (every larger height too): "
          f"photos {say(best_photos)}, simulated {say(best_sim)}")
    print(f"(photos read at their own size that still read: >= {TARGET:.0f} % from {say(best_kept)}; not plotted)")

    result = {"models": models, "loaded": LOADED, "canvas": a.canvas, "date": datetime.date.today().isoformat(),
              "photos": len(photos), "native_exact": native_exact, "simulated": len(sim), "rows": rows,
              "threshold": {"photos": best_photos, "sim": best_sim, "kept": best_kept}}
    draw(result, a.out)
    print(f"plot: {a.out}")
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1)
    log(f"done in {time.monotonic() - started:.0f} s")
    return 0


def draw(result, out):
    """The plot of one measurement (the dict main writes with --json)."""
    def reach(key):
        best = result["threshold"][key]
        if best is not None:
            return f">= 90 % from {best} px up"
        top = max((100.0 * r[key][1] / r[key][0] for r in result["rows"] if r[key][0]), default=0.0)
        return "never reaches 90 %" if top < TARGET else "below 90 % at the largest height"
    curves = [("photos", f"held-out photos ({result['photos']}): {reach('photos')}", "circle",
               result["threshold"]["photos"]),
              ("sim", f"simulated plates ({result['simulated']}): {reach('sim')}", "square", result["threshold"]["sim"])]
    subtitle = f"alpr-edge recognize; models: {result['models']}; canvas: {result['canvas']}; {result['date']}"
    plot(result["rows"], curves, "Exact reads against plate height", subtitle, out)


def replot(argv):
    """--replot FILE.json --out FILE.png: draw a saved measurement again (nothing is measured)."""
    if len(argv) != 4 or argv[0] != "--replot" or argv[2] != "--out":
        raise Fail("usage: scripts/aim-figure --replot FILE.json --out FILE.png")
    try:
        with open(argv[1], encoding="utf-8") as f:
            result = json.load(f)
        draw(result, argv[3])
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise Fail(f"cannot replot {argv[1]}: {e}")
    print(f"plot: {argv[3]}")
    return 0


def log(message):
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    try:
        sys.exit(replot(sys.argv[1:]) if sys.argv[1:2] == ["--replot"] else main(sys.argv[1:]))
    except Fail as e:
        print(f"aim-figure: {e}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
