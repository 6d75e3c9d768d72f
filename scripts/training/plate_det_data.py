"""Training frames for the plate detector, made here from the shared datasets and rendered plates.

Each sample is a BGR canvas (default 512x320) and the plate quadrilaterals in it.  Kinds:
- `photo`: a training-part dev photo (its labelled plate box), rescaled, shifted and recoloured, sometimes
  with an extra pasted plate;
- `paste`: a training-part negative photo with 1-3 plates pasted in with perspective, scale, blending,
  shadow, blur and noise: real US crops (training part), real Brazilian crops, plates rendered by
  `synth.render_plate`;
- `negative`: a training-part negative photo with nothing pasted but, often, hard negatives drawn on it:
  signs, shop-front and truck lettering, bumper stickers, dealer words and time stamps;
and every kind may get the night-IR look (grey, dark, bright plate), motion blur, rain streaks or glare.
Held-out files (data.is_held_out) are never read; a validation share of the training-part photos can be
kept apart for choosing the model.
"""
import glob
import hashlib
import os
import random

import cv2
import numpy as np

import data as D
import synth

WORDS = ["STOP", "ONE WAY", "SPEED LIMIT 35", "NO PARKING", "EXIT", "PIZZA", "OPEN", "SALE", "MOTEL",
         "AUTO PARTS", "TIRES", "HONDA", "TOYOTA", "FORD", "CHEVROLET", "DEALER", "CARMAX", "U-HAUL",
         "FEDEX", "UPS", "HOW'S MY DRIVING?", "CALL 1-800-555-0199", "DOT 1234567", "BABY ON BOARD",
         "HONOR STUDENT", "COEXIST", "4X4", "HYBRID", "LIMITED", "SPORT", "V6", "GT", "SE", "EX-L",
         "MAIN ST", "ELM AVE", "BUS ONLY", "YIELD", "CAUTION", "POLICE", "TAXI", "ICE COLD", "24 HR",
         "CAFE", "BANK", "PHARMACY", "LIQUOR", "HOTEL 6", "RT 66", "I-80 W", "GAS 3.59", "FOR RENT"]
FONTS = ["DejaVuSans-Bold.ttf", "DejaVuSans.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSansCondensed-Bold.ttf",
         "DejaVuSansMono-Bold.ttf", "DejaVuSerif.ttf"]


def val_share(path, percent):
    """Validation share of the training part: SHA-1 buckets just above the held-out ones."""
    h = int(hashlib.sha1(os.path.basename(path).encode("utf-8")).hexdigest()[:8], 16) % 100
    return D.HOLDOUT_PERCENT <= h < D.HOLDOUT_PERCENT + percent


def quad_of_box(x, y, w, h):
    return np.float32([[x, y], [x + w, y], [x + w, y + h], [x, y + h]])


class Sources:
    """Images read once into memory."""

    def __init__(self, root, val_percent=15, max_side=1280):
        def load(p):
            im = cv2.imread(p, cv2.IMREAD_COLOR)
            if im is None:
                return None
            s = min(1.0, max_side / max(im.shape[:2]))
            return im if s == 1.0 else cv2.resize(im, None, fx=s, fy=s, interpolation=cv2.INTER_AREA), s

        self.photos, self.val_photos = [], []
        for path, (x, y, w, h), _ in D.load_us_photos(root):
            if D.is_held_out(path):
                continue
            loaded = load(path)
            if loaded is None:
                continue
            im, s = loaded
            item = (im, [quad_of_box(x * s, y * s, w * s, h * s)], os.path.basename(path))
            (self.val_photos if val_share(path, val_percent) else self.photos).append(item)
        self.negatives, self.val_negatives = [], []
        for p in sorted(glob.glob(os.path.join(root, "negatives", "*"))):
            if not D.is_held_out(p):
                loaded = load(p)
                if loaded is not None:
                    (self.val_negatives if val_share(p, val_percent) else self.negatives).append(loaded[0])
        self.us_crops = [cv2.imread(p) for p, _ in D.load_us_crops(root) if not D.is_held_out(p)]
        br = sorted(glob.glob(os.path.join(root, "openalpr-br-plate-crops", "*.jpg")))
        self.br_crops = [cv2.imread(p) for p in br if not D.is_held_out(p)]
        self.us_crops = [c for c in self.us_crops if c is not None]
        self.br_crops = [c for c in self.br_crops if c is not None]

    def summary(self):
        return (f"{len(self.photos)} photos (+{len(self.val_photos)} validation), {len(self.negatives)} negatives "
                f"(+{len(self.val_negatives)} validation), "
                f"{len(self.us_crops)} US crops, {len(self.br_crops)} BR crops")


class Generator:
    def __init__(self, sources, seed, size=(512, 320), mix=(0.3, 0.5, 0.2)):
        self.src = sources
        self.rng = random.Random(seed)
        self.nrng = np.random.default_rng(seed)
        self.size = size
        self.mix = mix

    # ---------------------------------------------------------------- plates
    def plate_image(self):
        r = self.rng.random()
        if r < 0.35 and self.src.us_crops:
            return self.rng.choice(self.src.us_crops)
        if r < 0.55 and self.src.br_crops:
            return self.rng.choice(self.src.br_crops)
        img, _ = synth.render_plate(self.rng)
        if self.rng.random() < 0.3:   # dirt and wear
            noise = cv2.GaussianBlur(self.nrng.normal(0, 1, img.shape[:2]).astype(np.float32), (0, 0), 12)
            img = np.clip(img.astype(np.float32) * (1 - 0.25 * np.abs(noise)[:, :, None] / (np.abs(noise).max() + 1e-6)), 0, 255).astype(np.uint8)
        return img

    def paste(self, canvas, plate, quads, width_frac=None):
        H, W = canvas.shape[:2]
        ph, pw = plate.shape[:2]
        aspect = pw / ph
        wf = width_frac or float(np.exp(self.rng.uniform(np.log(0.035), np.log(0.3))))
        w = W * wf
        h = w / aspect * self.rng.uniform(0.85, 1.15)
        if h < 6:
            return False
        for _ in range(20):
            cx, cy = self.rng.uniform(w / 2, W - w / 2), self.rng.uniform(h / 2, H - h / 2)
            base = np.float32([[cx - w / 2, cy - h / 2], [cx + w / 2, cy - h / 2], [cx + w / 2, cy + h / 2], [cx - w / 2, cy + h / 2]])
            if not any(_overlap(base, q) for q in quads):
                break
        else:
            return False
        ang = np.radians(self.rng.gauss(0, 4))
        R = np.float32([[np.cos(ang), -np.sin(ang)], [np.sin(ang), np.cos(ang)]])
        q = (base - [cx, cy]) @ R.T + [cx, cy]
        yaw = self.rng.uniform(-0.18, 0.18)            # one side nearer the camera
        q[[1, 2], 1] += np.float32([-1, 1]) * yaw * h / 2
        q[[0, 3], 1] += np.float32([1, -1]) * yaw * h / 2
        q += self.nrng.normal(0, 0.02 * h, q.shape).astype(np.float32)
        src = np.float32([[0, 0], [pw, 0], [pw, ph], [0, ph]])
        M = cv2.getPerspectiveTransform(src, q.astype(np.float32))
        warped = cv2.warpPerspective(plate, M, (W, H), flags=cv2.INTER_LINEAR)
        mask = cv2.warpPerspective(np.full((ph, pw), 255, np.uint8), M, (W, H))
        mask = cv2.GaussianBlur(mask, (3, 3), 0).astype(np.float32)[:, :, None] / 255.0
        # match the scene's light: scale the plate towards the local background's brightness
        x0, y0, x1, y1 = _bounds(q, W, H)
        local = canvas[y0:y1, x0:x1].astype(np.float32).mean() if x1 > x0 and y1 > y0 else 128
        gain = self.rng.uniform(0.6, 1.1) * (0.55 + 0.45 * local / 128)
        warped = np.clip(warped.astype(np.float32) * gain, 0, 255)
        if self.rng.random() < 0.6:   # a plate sits in a darker recess of the bumper
            ring = cv2.dilate((mask[:, :, 0] > 0.5).astype(np.uint8), np.ones((5, 5), np.uint8), iterations=max(1, int(h / 8)))
            canvas[ring > 0] = (canvas[ring > 0] * self.rng.uniform(0.5, 0.9)).astype(np.uint8)
        out = canvas.astype(np.float32) * (1 - mask) + warped * mask
        canvas[:] = np.clip(out, 0, 255).astype(np.uint8)
        quads.append(q.astype(np.float32))
        return True

    # ------------------------------------------------------- hard negatives
    def draw_text_things(self, canvas, n):
        from PIL import Image, ImageDraw
        H, W = canvas.shape[:2]
        for _ in range(n):
            kind = self.rng.random()
            if kind < 0.15:
                text = f"{self.rng.randint(2019, 2027)}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d} {self.rng.randint(0, 23):02d}:{self.rng.randint(0, 59):02d}:{self.rng.randint(0, 59):02d}"
            elif kind < 0.3:
                text = "".join(self.rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(self.rng.randint(2, 9)))
            else:
                text = self.rng.choice(WORDS)
            size = int(self.rng.uniform(0.02, 0.09) * H) + 6
            font = synth._font(self.rng.choice(FONTS), size)
            tmp = Image.new("L", (1, 1))
            tw = int(ImageDraw.Draw(tmp).textlength(text, font=font)) + 2 * size // 3
            th = int(size * 1.5)
            if tw >= W or th >= H:
                continue
            bg = tuple(self.rng.randint(0, 255) for _ in range(3))
            fg = tuple(255 - c if self.rng.random() < 0.8 else self.rng.randint(0, 255) for c in bg)
            panel = Image.new("RGB", (tw, th), bg)
            ImageDraw.Draw(panel).text((size // 3, size // 6), text, font=font, fill=fg)
            arr = np.asarray(panel)[:, :, ::-1]
            x, y = self.rng.randint(0, W - tw), self.rng.randint(0, H - th)
            if self.rng.random() < 0.3:   # lettering straight on the scene, no panel
                m = (np.abs(arr.astype(int) - np.array(bg[::-1])).sum(2) > 60)
                canvas[y:y + th, x:x + tw][m] = arr[m]
            else:
                canvas[y:y + th, x:x + tw] = arr

    # --------------------------------------------------------------- looks
    def look(self, img, quads):
        r = self.rng
        img = img.astype(np.float32)
        if r.random() < 0.15:   # night, IR illuminator: grey, dark scene, retro-reflective plate bright
            g = cv2.cvtColor(np.clip(img, 0, 255).astype(np.uint8), cv2.COLOR_BGR2GRAY).astype(np.float32)
            g = g * r.uniform(0.15, 0.45)
            for q in quads:
                m = np.zeros(g.shape, np.uint8)
                cv2.fillConvexPoly(m, q.astype(np.int32), 1)
                g[m > 0] = np.clip(g[m > 0] / 0.3 * r.uniform(0.8, 1.3), 0, 255)
            img = np.repeat(g[:, :, None], 3, 2)
        elif r.random() < 0.15:
            g = cv2.cvtColor(np.clip(img, 0, 255).astype(np.uint8), cv2.COLOR_BGR2GRAY).astype(np.float32)
            img = np.repeat(g[:, :, None], 3, 2)
        a, b = r.uniform(0.6, 1.35), r.uniform(-35, 35)
        img = img * a + b
        if r.random() < 0.1:   # glare: a bright blob
            H, W = img.shape[:2]
            yy, xx = np.mgrid[0:H, 0:W]
            cx, cy, s = r.uniform(0, W), r.uniform(0, H), r.uniform(0.05, 0.3) * W
            img += 200 * np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * s * s))[:, :, None]
        if r.random() < 0.08:  # rain streaks
            H, W = img.shape[:2]
            streaks = np.zeros((H, W), np.float32)
            for _ in range(r.randint(100, 400)):
                x, y = r.randint(0, W - 1), r.randint(0, H - 1)
                cv2.line(streaks, (x, y), (x + r.randint(-3, 3), y + r.randint(5, 15)), 1.0, 1)
            img += 60 * streaks[:, :, None]
        img = np.clip(img, 0, 255).astype(np.uint8)
        if r.random() < 0.2:
            k = r.choice([3, 5, 7, 9])
            ker = np.zeros((k, k), np.float32)
            ker[k // 2, :] = 1.0 / k
            img = cv2.filter2D(img, -1, ker)
        elif r.random() < 0.2:
            img = cv2.GaussianBlur(img, (0, 0), r.uniform(0.5, 1.5))
        if r.random() < 0.3:
            img = np.clip(img + self.nrng.normal(0, r.uniform(2, 10), img.shape), 0, 255).astype(np.uint8)
        if r.random() < 0.5:
            ok, enc = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, r.randint(30, 90)])
            img = cv2.imdecode(enc, cv2.IMREAD_COLOR)
        return img

    # ------------------------------------------------------------- framing
    def frame(self, img, quads, keep_plates=True):
        """Scale so the long side is about the canvas width, then cut/pad the canvas, keeping plates inside."""
        W, H = self.size
        s = W / max(img.shape[:2]) * float(np.exp(self.rng.uniform(np.log(0.75), np.log(1.6))))
        im = cv2.resize(img, None, fx=s, fy=s, interpolation=cv2.INTER_AREA if s < 1 else cv2.INTER_LINEAR)
        qs = [q * s for q in quads]
        ih, iw = im.shape[:2]
        lo_x, hi_x = min(0, iw - W), max(0, iw - W)
        lo_y, hi_y = min(0, ih - H), max(0, ih - H)
        ox, oy = self.rng.uniform(lo_x, hi_x), self.rng.uniform(lo_y, hi_y)
        if keep_plates and qs:
            q = qs[0]
            ox = float(np.clip(ox, q[:, 0].max() - W + 2, q[:, 0].min() - 2)) if q[:, 0].max() - q[:, 0].min() < W - 4 else ox
            oy = float(np.clip(oy, q[:, 1].max() - H + 2, q[:, 1].min() - 2)) if q[:, 1].max() - q[:, 1].min() < H - 4 else oy
        M = np.float32([[1, 0, -ox], [0, 1, -oy]])
        fill = tuple(int(v) for v in self.nrng.integers(0, 255, 3))
        canvas = cv2.warpAffine(im, M, (W, H), borderMode=cv2.BORDER_CONSTANT, borderValue=fill)
        qs = [q - [ox, oy] for q in qs]
        # plates cut by the canvas edge: keep those mostly inside (their label clipped by the mask later)
        inside = [q for q in qs if _inside_share(q, W, H) > 0.6]
        return canvas, [q.astype(np.float32) for q in inside]

    def sample(self):
        r = self.rng.random()
        if r < self.mix[0] and self.src.photos:
            im, qs, _ = self.rng.choice(self.src.photos)
            canvas, quads = self.frame(im, qs)
            if self.rng.random() < 0.25:
                self.paste(canvas, self.plate_image(), quads)
            if self.rng.random() < 0.3:
                self.draw_text_things(canvas, self.rng.randint(1, 3))
        elif r < self.mix[0] + self.mix[1]:
            canvas, quads = self.frame(self.rng.choice(self.src.negatives), [])
            if self.rng.random() < 0.5:
                self.draw_text_things(canvas, self.rng.randint(1, 4))
            for _ in range(self.rng.choice([1, 1, 1, 2, 2, 3])):
                self.paste(canvas, self.plate_image(), quads)
        else:
            canvas, quads = self.frame(self.rng.choice(self.src.negatives), [])
            if self.rng.random() < 0.7:
                self.draw_text_things(canvas, self.rng.randint(1, 6))
        return self.look(canvas, quads), quads


def shrink_target(quads, size, ratio=0.4):
    """DB probability target: each plate quad shrunk by D = A (1 - r^2) / L along its own axes."""
    W, H = size
    target = np.zeros((H, W), np.float32)
    for q in quads:
        wq = (np.linalg.norm(q[1] - q[0]) + np.linalg.norm(q[2] - q[3])) / 2
        hq = (np.linalg.norm(q[3] - q[0]) + np.linalg.norm(q[2] - q[1])) / 2
        if wq < 2 or hq < 2:
            continue
        d = wq * hq * (1 - ratio ** 2) / (2 * (wq + hq))
        fx, fy = min(0.45, d / wq), min(0.45, d / hq)
        def at(u, v):
            top = q[0] + (q[1] - q[0]) * u
            bottom = q[3] + (q[2] - q[3]) * u
            return top + (bottom - top) * v
        inner = np.float32([at(fx, fy), at(1 - fx, fy), at(1 - fx, 1 - fy), at(fx, 1 - fy)])
        cv2.fillConvexPoly(target, np.round(inner).astype(np.int32), 1.0)
    return target


def _bounds(q, W, H):
    x0, y0 = np.floor(q.min(0)).astype(int)
    x1, y1 = np.ceil(q.max(0)).astype(int)
    return max(0, x0), max(0, y0), min(W, x1), min(H, y1)


def _overlap(a, b):
    ax0, ay0 = a.min(0)
    ax1, ay1 = a.max(0)
    bx0, by0 = b.min(0)
    bx1, by1 = b.max(0)
    return ax0 < bx1 + 4 and bx0 < ax1 + 4 and ay0 < by1 + 4 and by0 < ay1 + 4


def _inside_share(q, W, H):
    x0, y0 = q.min(0)
    x1, y1 = q.max(0)
    area = max(1e-6, (x1 - x0) * (y1 - y0))
    ix = max(0.0, min(W, x1) - max(0, x0))
    iy = max(0.0, min(H, y1) - max(0, y0))
    return ix * iy / area


if __name__ == "__main__":
    import sys
    root = sys.argv[1] if len(sys.argv) > 1 else "../shared/datasets"
    g = Generator(Sources(root), seed=1)
    print(g.src.summary())
    tiles = []
    for i in range(12):
        im, qs = g.sample()
        t = shrink_target(qs, g.size)
        for q in qs:
            cv2.polylines(im, [q.astype(np.int32)], True, (0, 255, 0), 1)
        im[:, :, 2] = np.maximum(im[:, :, 2], (t * 255).astype(np.uint8))
        tiles.append(im)
    rows = [np.hstack(tiles[i:i + 3]) for i in range(0, 12, 3)]
    cv2.imwrite("/tmp/plate_det_samples.jpg", np.vstack(rows))
