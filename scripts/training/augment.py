"""Photometric and geometric augmentation for plate crops (numpy / OpenCV)."""
import cv2
import numpy as np


def geometric(img, rng, max_rot=3.0, max_shear=0.12, max_persp=0.04):
    h, w = img.shape[:2]
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    j = lambda s: rng.uniform(-s, s)
    dst = src + np.float32([[j(max_persp * w), j(max_persp * h)] for _ in range(4)])
    sh = j(max_shear) * h
    dst[:, 0] += np.float32([sh, sh, -sh, -sh]) / 2
    M = cv2.getPerspectiveTransform(src, dst)
    c, s = np.cos(np.radians(j(max_rot))), np.sin(np.radians(j(max_rot)))
    R = np.float64([[c, -s, (1 - c) * w / 2 + s * h / 2], [s, c, (1 - c) * h / 2 - s * w / 2], [0, 0, 1]])
    M = R @ M
    return cv2.warpPerspective(img, M, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def margins(img, rng, lo=-0.04, hi=0.06):
    """Cut (negative) or replicate-pad (positive) each side by a fraction of the size."""
    h, w = img.shape[:2]
    fr = [rng.uniform(lo, hi) for _ in range(4)]   # left, right, top, bottom
    px = [int(round(f * (w if i < 2 else h))) for i, f in enumerate(fr)]
    cut = [max(0, -p) for p in px]
    img = img[cut[2]:h - cut[3], cut[0]:w - cut[1]]
    pad = [max(0, p) for p in px]
    if any(pad):
        img = cv2.copyMakeBorder(img, pad[2], pad[3], pad[0], pad[1], cv2.BORDER_REPLICATE)
    return img


def photometric(img, rng, p_lowres=0.35):
    img = img.astype(np.float32)
    if rng.random() < 0.2:   # monochrome (IR / grey cameras)
        g = cv2.cvtColor(img.astype(np.uint8), cv2.COLOR_BGR2GRAY).astype(np.float32)
        img = np.repeat(g[:, :, None], 3, axis=2)
    elif rng.random() < 0.3:  # colour cast
        img = img * rng.uniform(0.85, 1.15, size=3)[None, None, :].astype(np.float32)
    a = rng.uniform(0.6, 1.3)
    b = rng.uniform(-40, 40)
    img = img * a + b + (1 - a) * img.mean() * rng.uniform(0, 1)
    if rng.random() < 0.3:
        gam = rng.uniform(0.7, 1.5)
        img = 255.0 * (np.clip(img, 0, 255) / 255.0) ** gam
    img = np.clip(img, 0, 255).astype(np.uint8)
    h, w = img.shape[:2]
    if rng.random() < p_lowres:  # low resolution: plate 12-43 px tall, as in the photos
        nh = max(10, min(h, int(48 * rng.uniform(0.25, 0.9))))
        nw = max(10, int(w * nh / h))
        img = cv2.resize(cv2.resize(img, (nw, nh), interpolation=cv2.INTER_AREA), (w, h),
                         interpolation=cv2.INTER_LINEAR)
    if rng.random() < 0.3:
        k = rng.choice([3, 5])
        img = cv2.GaussianBlur(img, (k, k), 0)
    elif rng.random() < 0.15:  # horizontal motion blur
        k = rng.choice([3, 5, 7])
        ker = np.zeros((k, k), np.float32)
        ker[k // 2, :] = 1.0 / k
        img = cv2.filter2D(img, -1, ker)
    if rng.random() < 0.3:
        img = np.clip(img.astype(np.float32) + rng.normal(0, rng.uniform(2, 12), img.shape), 0, 255).astype(np.uint8)
    if rng.random() < 0.3:
        q = int(rng.uniform(25, 90))
        ok, enc = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, q])
        img = cv2.imdecode(enc, cv2.IMREAD_COLOR)
    return img
