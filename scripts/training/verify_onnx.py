"""Compare an exported plate-rec ONNX (run by ONNX Runtime through a small C# harness) with PyTorch.

usage: verify_onnx.py CHECKPOINT ONNX HARNESS_DLL DATA_DIR [N [WIDTH]]
(WIDTH: pad/crop inputs to this width instead of 320, to check the dynamic width)
Writes N preprocessed held-out crops to a raw float32 file, runs the harness
(`dotnet HARNESS model inputs N W outputs`), and prints the max abs difference
and whether the greedy decodes agree.
"""
import os
import subprocess
import sys
import tempfile

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data as D  # noqa: E402
from ppocr_torch import OnnxBackbone, load_keys  # noqa: E402
from train import PlateRecognizer, load_split, eval_image  # noqa: E402


def main():
    ckpt, onnx_path, harness, data_dir = sys.argv[1:5]
    n = int(sys.argv[5]) if len(sys.argv) > 5 else 40
    c = torch.load(ckpt)
    base = c["args"]["base"]
    if not os.path.isabs(base):
        base = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../..", base)
    model = PlateRecognizer(OnnxBackbone(base), load_keys(os.path.join(os.path.dirname(base), "ppocr_keys_v1.txt")))
    model.load_state_dict(c["state_dict"])
    model.eval()
    _, held = load_split(data_dir)
    held = held[:n]
    stretch = c["args"]["stretch"]
    width = int(sys.argv[6]) if len(sys.argv) > 6 else D.MAX_WIDTH
    x = np.stack([D.preprocess(eval_image(s), stretch=stretch) for s in held]).astype(np.float32)
    x = np.ascontiguousarray(x[:, :, :, :width])
    with torch.no_grad():
        ref = torch.softmax(model(torch.from_numpy(x)), -1).numpy()
    with tempfile.TemporaryDirectory() as td:
        xi, xo = os.path.join(td, "in.bin"), os.path.join(td, "out.bin")
        x.tofile(xi)
        print(subprocess.run(["dotnet", harness, onnx_path, xi, str(len(held)), str(x.shape[3]), xo],
                             check=True, capture_output=True, text=True).stdout.strip())
        got = np.fromfile(xo, np.float32).reshape(ref.shape)
    agree = sum(D.ctc_greedy(a) == D.ctc_greedy(b) for a, b in zip(ref, got))
    print(f"max |onnxruntime - torch| = {np.abs(ref - got).max():.2e}; decodes agree {agree}/{len(held)}")


if __name__ == "__main__":
    main()
