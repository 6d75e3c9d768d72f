"""Calibration inputs for int8 quantisation, preprocessed as the firmware does, written as float32 .npy files.

Sources: frames rendered by the project's simulated camera (`alpr-edge simulate`, day and night) and the *training* part of
the dev sets (files that are not held out by data.is_held_out, so every held-out figure stays clean). The choice of files
and the random crop margins come from one seeded generator, so the same seed gives the same inputs.
"""
import glob
import json
import os

import cv2
import numpy as np

import data as D

IMAGENET_MEAN = np.array([0.485, 0.456, 0.406], np.float32)
IMAGENET_STD = np.array([0.229, 0.224, 0.225], np.float32)


def det_input(bgr, max_side=960, multiple=32):
    """DbTextDetector's input: longer side at most max_side (never up), sides rounded to a multiple of 32, BGR,
    (pixel / 255 - mean) / std with the ImageNet mean and std applied to B, G, R in that order (as the manifest says)."""
    h, w = bgr.shape[:2]
    ratio = min(1.0, max_side / max(w, h))
    size = lambda side: max(multiple, int(round(side * ratio / multiple)) * multiple)
    resized = cv2.resize(bgr, (size(w), size(h)), interpolation=cv2.INTER_LINEAR).astype(np.float32)
    x = (resized / 255.0 - IMAGENET_MEAN) / IMAGENET_STD
    return x.transpose(2, 0, 1)[None].astype(np.float32)


def sim_frames(folders):
    """[(jpg path, [plate dicts from the frame's JSON])], sorted."""
    out = []
    for folder in folders:
        for jpg in sorted(glob.glob(os.path.join(folder, "*.jpg"))):
            with open(os.path.splitext(jpg)[0] + ".json", encoding="utf-8") as f:
                out.append((jpg, json.load(f)["plates"]))
    return out


def _pick(rng, items, count):
    if count >= len(items):
        return list(items)
    idx = sorted(rng.choice(len(items), size=count, replace=False))
    return [items[i] for i in idx]


def write_det_inputs(out_dir, data_root, sim_folders, rng, photos=32, frames=24, max_side=960):
    os.makedirs(out_dir, exist_ok=True)
    train_photos = [p for p in D.load_us_photos(data_root) if not D.is_held_out(p[0])] if data_root else []
    chosen = [p[0] for p in _pick(rng, train_photos, photos)] + [f[0] for f in _pick(rng, sim_frames(sim_folders), frames)]
    for i, path in enumerate(chosen):
        np.save(os.path.join(out_dir, f"{i:04d}.npy"), det_input(cv2.imread(path, cv2.IMREAD_COLOR), max_side))
    return chosen


def write_rec_inputs(out_dir, data_root, sim_folders, rng, stretch, crops=40, photos=30, sim_plates=30, lines=0):
    """Tight dev crops, dev photo plates cut with a random margin, simulated plates cut at their labelled box, and
    (lines > 0) that many photo plates cut to their middle rows, like the detector's character lines."""
    os.makedirs(out_dir, exist_ok=True)
    images, names = [], []
    if data_root:
        train_crops = [c for c in D.load_us_crops(data_root) if not D.is_held_out(c[0])]
        for path, _ in _pick(rng, train_crops, crops):
            images.append(cv2.imread(path, cv2.IMREAD_COLOR))
            names.append(path)
        train_photos = [p for p in D.load_us_photos(data_root) if not D.is_held_out(p[0])]
        for path, box, _ in _pick(rng, train_photos, photos):
            img = cv2.imread(path, cv2.IMREAD_COLOR)
            images.append(D.cut_box(img, box, pad_x=rng.uniform(0.0, 0.1), pad_y=rng.uniform(0.0, 0.25)))
            names.append(path)
    if data_root and lines:
        for path, box, _ in _pick(rng, train_photos, lines):
            img = cv2.imread(path, cv2.IMREAD_COLOR)
            images.append(D.cut_box(img, box, pad_x=rng.uniform(-0.04, 0.04), pad_y=rng.uniform(-0.3, -0.1)))
            names.append(path + "#line")
    visible = [(jpg, p) for jpg, plates in sim_frames(sim_folders) for p in plates if p.get("fullyVisible")]
    for jpg, plate in _pick(rng, visible, sim_plates):
        b = plate["box"]
        img = cv2.imread(jpg, cv2.IMREAD_COLOR)
        images.append(D.cut_box(img, (b["x"], b["y"], b["width"], b["height"]), pad_x=0.02, pad_y=0.05))
        names.append(f"{jpg}#{plate['text']}")
    for i, img in enumerate(images):
        np.save(os.path.join(out_dir, f"{i:04d}.npy"), D.preprocess(img, stretch=stretch)[None])
    return names
