"""The plate detector: PP-OCRv4's text-detection backbone and neck with a DB head retrained on plates.

PP-OCRv4's detector (PP-LCNetV3 backbone, RSE-FPN neck, DB head) is rebuilt in PyTorch from its ONNX
graph by `ppocr_torch.OnnxBackbone`, cut at the neck's output (`p2o.Concat.1`, 96 channels at 1/4 of
the input).  The DB head on top (3x3 conv, two 2x transposed convs, sigmoid) keeps its shape and starts
from the text head's weights, but is trained to light up *plate regions* (the plate rectangle shrunk
DB-style) instead of text lines.  So the exported ONNX model has the text detector's contract
(input `x` [1,3,H,W], BGR, ImageNet mean/std; output [1,1,H,W] probabilities) and the firmware's DB
post-processing decodes it with the manifest's `"regions": "plates"`.

The backbone stays frozen (its weights and BatchNorm statistics); the neck and head train.
"""
import numpy as np
import onnx
from onnx import numpy_helper
import torch
import torch.nn as nn

from ppocr_torch import OnnxBackbone

NECK_OUTPUT = "p2o.Concat.1"
HEAD = {  # ONNX initialiser names of PP-OCRv4's DB head
    "conv": "conv2d_159.w_0",
    "bn1": ("batch_norm_0.w_0", "batch_norm_0.b_0", "batch_norm_0.w_1", "batch_norm_0.w_2"),
    "up1": ("conv2d_transpose_0.w_0", "conv2d_transpose_0.b_0"),
    "bn2": ("batch_norm_1.w_0", "batch_norm_1.b_0", "batch_norm_1.w_1", "batch_norm_1.w_2"),
    "up2": ("conv2d_transpose_1.w_0", "conv2d_transpose_1.b_0"),
}
MEAN = np.array([0.485, 0.456, 0.406], np.float32)
STD = np.array([0.229, 0.224, 0.225], np.float32)


def normalize(bgr_uint8_batch):
    """[B, H, W, 3] BGR uint8 -> [B, 3, H, W] float32 as the manifest says (scale 1/255, ImageNet mean/std per channel)."""
    x = bgr_uint8_batch.astype(np.float32) / 255.0
    x = (x - MEAN) / STD
    return torch.from_numpy(x.transpose(0, 3, 1, 2).copy())


def _constants(path):
    m = onnx.load(path)
    return {n.output[0]: numpy_helper.to_array(n.attribute[0].t) for n in m.graph.node if n.op_type == "Constant"}


def _neck_start(nodes):
    """Index of the neck's first node: the first that reads a tensor made more than a block earlier
    (the FPN's lateral 1x1 convs read the backbone's stage outputs)."""
    made = {}
    for i, (_, ins, outs, _) in enumerate(nodes):
        if any(t in made and i - made[t] > 12 for t in ins):
            return i
        for o in outs:
            made[o] = i
    raise ValueError("no neck found")


class PlateDetector(nn.Module):
    def __init__(self, onnx_path, train_neck=True):
        super().__init__()
        self.body = OnnxBackbone(onnx_path, tap=NECK_OUTPUT)
        self.neck_start = _neck_start(self.body.nodes)
        frozen = {self.body._key(t) for _, ins, _, _ in self.body.nodes[:self.neck_start] for t in ins}
        if not train_neck:
            frozen |= {self.body._key(t) for _, ins, _, _ in self.body.nodes for t in ins}
        for k, p in self.body.params.items():
            p.requires_grad_(k not in frozen)
        c = _constants(onnx_path)
        t = lambda name: torch.from_numpy(c[name].astype(np.float32).copy())
        self.conv = nn.Conv2d(96, 24, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(24, eps=1e-5)
        self.up1 = nn.ConvTranspose2d(24, 24, 2, stride=2)
        self.bn2 = nn.BatchNorm2d(24, eps=1e-5)
        self.up2 = nn.ConvTranspose2d(24, 1, 2, stride=2)
        with torch.no_grad():
            self.conv.weight.copy_(t(HEAD["conv"]))
            for bn, names in ((self.bn1, HEAD["bn1"]), (self.bn2, HEAD["bn2"])):
                bn.weight.copy_(t(names[0]))
                bn.bias.copy_(t(names[1]))
                bn.running_mean.copy_(t(names[2]))
                bn.running_var.copy_(t(names[3]))
            for up, (w, b) in ((self.up1, HEAD["up1"]), (self.up2, HEAD["up2"])):
                up.weight.copy_(t(w))
                up.bias.copy_(t(b).reshape(-1))

    def trainable(self):
        return [p for p in self.parameters() if p.requires_grad]

    def features(self, x):
        nodes = self.body.nodes
        with torch.no_grad():
            env = self.body.run_nodes({"x": x}, nodes[:self.neck_start])
        env = self.body.run_nodes(env, nodes[self.neck_start:])
        return env[NECK_OUTPUT]

    def logits(self, x):
        f = self.features(x)
        y = torch.relu(self.bn1(self.conv(f)))
        y = torch.relu(self.bn2(self.up1(y)))
        return self.up2(y)

    def forward(self, x):
        return torch.sigmoid(self.logits(x))
