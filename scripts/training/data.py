"""Datasets, the fixed held-out split, and the preprocessing the product must replicate."""
import csv
import glob
import hashlib
import os
import re

import cv2
import numpy as np

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"   # class i+1; class 0 is the CTC blank
HEIGHT = 48
MAX_WIDTH = 320
STRETCH = 2.5
HOLDOUT_PERCENT = 30


def is_held_out(name, percent=HOLDOUT_PERCENT):
    """Fixed split: SHA-1 of the file's base name, first 8 hex digits mod 100 < percent."""
    h = int(hashlib.sha1(os.path.basename(name).encode("utf-8")).hexdigest()[:8], 16)
    return h % 100 < percent


def clean(text):
    return re.sub(r"[^A-Z0-9]", "", text.upper())


def load_us_crops(root):
    d = os.path.join(root, "openalpr-us-crops-dev")
    out = []
    with open(os.path.join(d, "groundtruth.csv"), newline="") as f:
        for row in csv.reader(f):
            if len(row) < 3 or row[0] == "file":
                continue
            out.append((os.path.join(d, row[0]), clean(row[2])))
    return out


def load_us_photos(root):
    """[(jpg path, (x, y, w, h), plate)] from openalpr-us-dev/images/*.txt"""
    out = []
    for t in sorted(glob.glob(os.path.join(root, "openalpr-us-dev", "images", "*.txt"))):
        for line in open(t):
            p = line.rstrip("\n").split("\t")
            if len(p) < 6:
                continue
            x, y, w, h = map(int, p[1:5])
            out.append((os.path.join(os.path.dirname(t), p[0]), (x, y, w, h), clean(p[5])))
    return out


def cut_box(img, box, pad_x=0.06, pad_y=0.12, shift=(0.0, 0.0)):
    """Crop an axis-aligned box padded by a fraction of its size (clamped to the image)."""
    x, y, w, h = box
    cx = x + w / 2 + shift[0] * w
    cy = y + h / 2 + shift[1] * h
    hw = w * (0.5 + pad_x)
    hh = h * (0.5 + pad_y)
    H, W = img.shape[:2]
    x0, x1 = int(round(max(0, cx - hw))), int(round(min(W, cx + hw)))
    y0, y1 = int(round(max(0, cy - hh))), int(round(min(H, cy + hh)))
    return img[y0:y1, x0:x1]


def preprocess(bgr, stretch=STRETCH, height=HEIGHT, max_width=MAX_WIDTH, pad_to=MAX_WIDTH):
    """The exact input transform (the C# side must match it).

    1. keep OpenCV's BGR channel order (PP-OCR was trained on BGR);
    2. target width = min(max_width, ceil(height * w / h * stretch));
    3. cv2.resize to (target width, 48) with INTER_LINEAR;
    4. value = (pixel / 255 - 0.5) / 0.5;
    5. right-pad with 0 (after normalisation) up to pad_to columns.
    Returns float32 CHW.
    """
    h, w = bgr.shape[:2]
    tw = int(min(max_width, max(8, np.ceil(height * w / h * stretch))))
    r = cv2.resize(bgr, (tw, height), interpolation=cv2.INTER_LINEAR).astype(np.float32)
    r = (r / 255.0 - 0.5) / 0.5
    out = np.zeros((3, height, max(pad_to or tw, tw)), np.float32)
    out[:, :, :tw] = r.transpose(2, 0, 1)
    return out


def ctc_greedy(probs, alphabet=ALPHABET):
    """probs [T, C] -> text; class 0 blank, class i -> alphabet[i-1]."""
    idx = probs.argmax(-1)
    s, prev = [], 0
    for i in idx:
        i = int(i)
        if i != prev and i != 0:
            s.append(alphabet[i - 1])
        prev = i
    return "".join(s)
