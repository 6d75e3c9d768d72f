"""Synthetic US-style licence plates rendered with PIL and DejaVu fonts.

Each plate: a light background (plain, two-tone or gradient), a thin border,
a state-like word on top, a slogan line at the bottom, optional sticker boxes,
and 5-8 dark characters in one of the DejaVu bold/condensed faces, optionally
split by a space, dash, dot or small emblem (US plates show the same).
Only the main characters are the label.
"""
import os
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
MAIN_FONTS = ["DejaVuSansCondensed-Bold.ttf", "DejaVuSansCondensed.ttf", "DejaVuSans-Bold.ttf",
              "DejaVuSansMono-Bold.ttf", "DejaVuSansMono.ttf", "DejaVuSerifCondensed-Bold.ttf",
              "DejaVuSans.ttf"]
# Narrow sans faces closer to the stamped US plate faces (Debian packages fonts-liberation, fonts-urw-base35,
# fonts-roboto-unhinted, fonts-freefont-ttf; scripts/train-recognizer requires them). Absolute paths.
PLATE_LIKE_FONTS = ["/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Bold.ttf",
                    "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf",
                    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
                    "/usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-Bold.otf",
                    "/usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-Regular.otf",
                    "/usr/share/fonts/truetype/roboto/unhinted/RobotoCondensed-Bold.ttf",
                    "/usr/share/fonts/truetype/roboto/unhinted/RobotoCondensed-Regular.ttf",
                    "/usr/share/fonts/truetype/roboto/unhinted/RobotoCondensed-Medium.ttf",
                    "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf"]


def plate_like_fonts():
    """The plate-like faces that are installed (the recogniser's training run refuses to start without all of them)."""
    return [f for f in PLATE_LIKE_FONTS if os.path.exists(f)]
SMALL_FONTS = ["DejaVuSans-Bold.ttf", "DejaVuSerif-BoldItalic.ttf", "DejaVuSerif.ttf",
               "DejaVuSans-Oblique.ttf", "DejaVuSansCondensed-Bold.ttf"]
STATES = ["ALABAMA", "ALASKA", "ARIZONA", "CALIFORNIA", "COLORADO", "DELAWARE", "FLORIDA",
          "GEORGIA", "IDAHO", "ILLINOIS", "INDIANA", "IOWA", "KANSAS", "KENTUCKY", "MAINE",
          "MARYLAND", "Massachusetts", "MICHIGAN", "Minnesota", "MISSISSIPPI", "MONTANA",
          "NEVADA", "New Hampshire", "New Jersey", "NEW YORK", "North Carolina", "OHIO",
          "OREGON", "PENNSYLVANIA", "Rhode Island", "TEXAS", "UTAH", "VERMONT", "VIRGINIA",
          "WASHINGTON", "Wisconsin", "WYOMING", "Washington, DC", "Hawaii", "Louisiana"]
SLOGANS = ["Garden State", "FAMOUS POTATOES", "The Spirit of America", "LAND OF LINCOLN",
           "Live Free or Die", "Great Lakes", "First in Flight", "Green Mountain State",
           "10,000 Lakes", "Sunshine State", "Ocean State", "Aloha State", "TRUCK",
           "Sportsman's Paradise", "Dealer", "America's Dairyland", "Share the Road", ""]
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "0123456789"

_font_cache = {}


def _font(name, size):
    k = (name, size)
    if k not in _font_cache:
        _font_cache[k] = ImageFont.truetype(os.path.join(FONT_DIR, name), size)
    return _font_cache[k]


def random_plate_text(rng):
    pats = ["LLLDDDD", "DLLLDDD", "LLLDDD", "DDDLLL", "LLDDDDD", "DLLDDD", "LLDDDD",
            "DDDDLL", "LDDDDD", "DDLLDD", "LLLLDDD", "DDDDDDD", "DLDDDDL", "DDLDDD",
            "LLLDDDL", "DDDLDD", "LLL DDDD", "LLDDDLL", "XXXXXX", "XXXXX", "XXXXXXX", "XXXXXXXX"]
    p = rng.choice(pats).replace(" ", "")
    out = []
    for c in p:
        if c == "L":
            out.append(rng.choice(LETTERS))
        elif c == "D":
            out.append(rng.choice(DIGITS))
        else:
            out.append(rng.choice(LETTERS + DIGITS))
    # repeated adjacent characters are common on real plates and hard for CTC
    if rng.random() < 0.25 and len(out) > 2:
        i = rng.randrange(len(out) - 1)
        out[i + 1] = out[i]
    return "".join(out)


def _rand_light(rng):
    base = rng.choice([(245, 245, 245), (250, 240, 200), (230, 240, 250), (240, 250, 240),
                       (250, 250, 230), (225, 225, 225), (255, 230, 140)])
    return tuple(int(np.clip(c + rng.randint(-20, 10), 0, 255)) for c in base)


def _rand_dark(rng):
    base = rng.choice([(20, 30, 120), (10, 10, 10), (150, 20, 20), (20, 80, 40), (40, 40, 90),
                       (60, 20, 80), (30, 30, 30)])
    return tuple(int(np.clip(c + rng.randint(-15, 25), 0, 255)) for c in base)


def render_plate(rng, text=None):
    """Returns (BGR uint8 image, label). Plate is about 2:1 (US plates are 12x6 in)."""
    text = text or random_plate_text(rng)
    W, H = 360, 180
    bg, fg = _rand_light(rng), _rand_dark(rng)
    if rng.random() < 0.08:  # occasional dark plate with light characters
        bg, fg = fg, _rand_light(rng)
    img = Image.new("RGB", (W, H), bg)
    d = ImageDraw.Draw(img)
    # background decoration: gradient band or two-tone
    r = rng.random()
    if r < 0.35:
        y0 = rng.randint(90, 150)
        col = tuple(int(np.clip(c + rng.randint(-60, 20), 0, 255)) for c in bg)
        d.rectangle([0, y0, W, H], fill=col)
    elif r < 0.55:
        for y in range(H):
            t = y / H
            col = tuple(int(c * (1 - 0.3 * t * rng.random() * 0.1) - 40 * t) for c in bg)
            d.line([0, y, W, y], fill=col)
    elif r < 0.7:  # top colour band
        col = _rand_dark(rng) if rng.random() < 0.5 else (200, 40, 40)
        d.rectangle([0, 0, W, rng.randint(25, 45)], fill=col)
    # border
    if rng.random() < 0.7:
        d.rounded_rectangle([2, 2, W - 3, H - 3], radius=12, outline=fg, width=rng.randint(1, 4))
    # state name
    state = rng.choice(STATES)
    sf = _font(rng.choice(SMALL_FONTS), rng.randint(22, 36))
    sw = d.textlength(state, font=sf)
    scol = fg if rng.random() < 0.6 else _rand_dark(rng)
    d.text(((W - sw) / 2 + rng.randint(-20, 20), rng.randint(3, 12)), state, font=sf, fill=scol)
    # slogan
    slogan = rng.choice(SLOGANS)
    if slogan:
        lf = _font(rng.choice(SMALL_FONTS), rng.randint(14, 22))
        lw = d.textlength(slogan, font=lf)
        d.text(((W - lw) / 2, H - rng.randint(26, 34)), slogan, font=lf, fill=scol)
    # stickers
    for _ in range(rng.randint(0, 2)):
        x = rng.choice([rng.randint(8, 40), rng.randint(W - 70, W - 40)])
        y = rng.choice([rng.randint(6, 20), rng.randint(H - 45, H - 30)])
        d.rectangle([x, y, x + rng.randint(28, 45), y + rng.randint(18, 28)], fill=_rand_dark(rng) if rng.random() < .5 else (250, 220, 40))
    # main characters
    extra = plate_like_fonts()
    fname = rng.choice(extra) if extra and rng.random() < 0.6 else rng.choice(MAIN_FONTS)
    size = rng.randint(80, 100)
    stroke = rng.choice([1, 2]) if rng.random() < 0.25 else 0  # heavier strokes, as embossed and painted characters
    f = _font(fname, size)
    sep_pos = rng.randint(2, max(2, len(text) - 2)) if rng.random() < 0.55 else -1
    sep = rng.choice([" ", "-", "·", "•", "  "]) if sep_pos > 0 else ""
    shown = text[:sep_pos] + sep + text[sep_pos:] if sep_pos > 0 else text
    tw = d.textlength(shown, font=f)
    max_w = W - 24
    if tw > max_w:  # shrink horizontally instead of making the font small: render then squeeze
        layer = Image.new("L", (int(tw) + 10, size + 30), 0)
        ImageDraw.Draw(layer).text((5, 0), shown, font=f, fill=255, stroke_width=stroke, stroke_fill=255)
        layer = layer.resize((max_w, layer.height), Image.BILINEAR)
        x0 = 12
    else:
        layer = Image.new("L", (int(tw) + 10, size + 30), 0)
        ImageDraw.Draw(layer).text((5, 0), shown, font=f, fill=255, stroke_width=stroke, stroke_fill=255)
        x0 = int((W - layer.width) / 2) + rng.randint(-8, 8)
    y0 = int(H / 2 - size * 0.62) + rng.randint(-6, 6)
    img.paste(Image.new("RGB", layer.size, fg), (x0, y0), layer)
    arr = np.asarray(img)[:, :, ::-1].copy()
    return arr, text


if __name__ == "__main__":
    import sys
    import cv2
    rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    ims = [cv2.resize(render_plate(rng)[0], (320, 160)) for _ in range(12)]
    cv2.imwrite("/tmp/synth_grid.png", np.vstack([np.hstack(ims[i:i + 4]) for i in range(0, 12, 4)]))
