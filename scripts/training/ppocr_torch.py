"""PyTorch re-implementation of the PP-OCRv4 recogniser, built from its ONNX graph.

A small interpreter walks the ONNX nodes in order and executes each with the
equivalent torch operation.  Float weight constants (named weights, i.e. not
the exporter's `p2o.*` helper constants) become `nn.Parameter`s so the network
can be fine-tuned.  The four Reshape nodes whose target shape depends on the
input (batch and width) are replaced by explicit shape formulas so that the
module traces to an ONNX graph with a dynamic batch and width.

The module returns the 120-channel sequence features that feed PP-OCRv4's
6,625-class classifier (`transpose_51.tmp_0`, shape [B, W/8, 120]); the new
plate head (`PlateRecognizer`) is added on top.
"""
import numpy as np
import onnx
from onnx import numpy_helper
import torch
import torch.nn as nn
import torch.nn.functional as F

TAP = "transpose_51.tmp_0"          # classifier input [B, T, 120]
CLS_W, CLS_B = "linear_85.w_0", "linear_85.b_0"


def _attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


class OnnxBackbone(nn.Module):
    def __init__(self, onnx_path, tap=TAP):
        super().__init__()
        model = onnx.load(onnx_path)
        self.params = nn.ParameterDict()
        self.consts = {}
        self.nodes = []
        self.bn_nodes = []
        self.cls_w = self.cls_b = None
        for n in model.graph.node:
            if n.op_type == "Constant":
                arr = numpy_helper.to_array(n.attribute[0].t).copy()
                name = n.output[0]
                if name == CLS_W:
                    self.cls_w = torch.from_numpy(arr.astype(np.float32))
                elif name == CLS_B:
                    self.cls_b = torch.from_numpy(arr.astype(np.float32))
                elif arr.dtype == np.float32 and not name.startswith("p2o.") and arr.size > 1:
                    self.params[self._key(name)] = nn.Parameter(torch.from_numpy(arr))
                else:
                    self.consts[name] = torch.from_numpy(arr)
                continue
            self.nodes.append((n.op_type, list(n.input), list(n.output), _attrs(n)))
            if n.output[0] == tap:
                break
        self.tap = tap
        # BatchNorm running statistics stay frozen (batch statistics on small
        # batches of plates would be noisy): they are buffers, not parameters.
        for op, ins, outs, at in self.nodes:
            if op == "BatchNormalization":
                for k in ins[3:5]:
                    p = self.params.pop(self._key(k))
                    self.register_buffer(self._key(k), p.data.clone())

    @staticmethod
    def _key(name):
        return name.replace(".", "_")

    def _get(self, env, name):
        if name in env:
            return env[name]
        k = self._key(name)
        if k in self.params:
            return self.params[k]
        if hasattr(self, k) and isinstance(getattr(self, k), torch.Tensor):
            return getattr(self, k)
        return self.consts[name]

    def split_index(self, param_key):
        """Index of the first node that uses `param_key`, and the one tensor that crosses
        the cut there (the backbone is a chain at block boundaries; checked)."""
        i = next(j for j, n in enumerate(self.nodes) if any(self._key(t) == param_key for t in n[1]))
        produced_before = {"x"} | {o for n in self.nodes[:i] for o in n[2]}
        crossing = {t for n in self.nodes[i:] for t in n[1] if t in produced_before}
        assert len(crossing) == 1, crossing
        return i, crossing.pop()

    def forward(self, x, start=0, stop=None, input_name="x"):
        """Run nodes[start:stop]; `x` is the tensor named `input_name`.  With stop set,
        returns the tensor that crosses the cut at `stop` (see split_index)."""
        env = self.run_nodes({input_name: x}, self.nodes[start:stop])
        if stop is not None:
            return env[self._cut_name(stop)]
        return env[self.tap]

    def run_nodes(self, env, nodes):
        """Execute `nodes` in order on `env` (tensor name -> tensor); returns `env` with their outputs."""
        for op, ins, outs, at in nodes:
            a = [self._get(env, i) if i else None for i in ins]
            o = outs[0]
            if op == "Conv":
                p = at.get("pads", [0, 0, 0, 0])
                assert p[0] == p[2] and p[1] == p[3]
                y = F.conv2d(a[0], a[1], a[2] if len(a) > 2 else None, stride=at["strides"],
                             padding=(p[0], p[1]), dilation=at["dilations"], groups=at["group"])
            elif op == "BatchNormalization":
                y = F.batch_norm(a[0], a[3], a[4], a[1], a[2], training=False, eps=at["epsilon"])
            elif op == "Mul":
                y = a[0] * a[1]
            elif op == "Add":
                y = a[0] + a[1]
            elif op == "Sub":
                y = a[0] - a[1]
            elif op == "Div":
                y = a[0] / a[1]
            elif op == "Pow":
                y = a[0] * a[0] if float(a[1]) == 2.0 else torch.pow(a[0], a[1])
            elif op == "Sqrt":
                y = torch.sqrt(a[0])
            elif op == "Clip":
                # opset < 11: bounds are attributes; opset >= 11: optional inputs
                lo = at.get("min", float(a[1]) if len(a) > 1 and a[1] is not None else None)
                hi = at.get("max", float(a[2]) if len(a) > 2 and a[2] is not None else None)
                y = torch.clamp(a[0], lo, hi)
            elif op == "Sigmoid":
                y = torch.sigmoid(a[0])
            elif op == "HardSigmoid":
                y = torch.clamp(a[0] * at.get("alpha", 0.2) + at.get("beta", 0.5), 0, 1)
            elif op == "Relu":
                y = torch.relu(a[0])
            elif op == "MatMul":
                y = torch.matmul(a[0], a[1])
            elif op == "Softmax":
                y = torch.softmax(a[0], dim=at["axis"])
            elif op == "ReduceMean":
                y = a[0].mean(dim=at["axes"], keepdim=bool(at.get("keepdims", 1)))
            elif op == "GlobalAveragePool":
                y = a[0].mean(dim=(2, 3), keepdim=True)
            elif op == "AveragePool":
                assert at.get("pads", [0, 0, 0, 0]) == [0, 0, 0, 0]
                y = F.avg_pool2d(a[0], at["kernel_shape"], at["strides"])
            elif op == "Transpose":
                y = a[0].permute(*at["perm"])
            elif op == "Squeeze":
                # select() exports as a plain Gather (squeeze on a dynamic
                # dimension would export as an If node)
                y = a[0]
                for ax in sorted(at["axes"], reverse=True):
                    y = y.select(ax, 0)
            elif op == "Concat":
                if all(t is not None and t.dtype in (torch.int64, torch.int32) and t.dim() <= 1 for t in a):
                    y = torch.cat([t.reshape(-1).long() for t in a])   # shape arithmetic
                else:
                    y = torch.cat(a, dim=at["axis"])
            elif op == "Shape":
                y = torch.tensor(a[0].shape, dtype=torch.int64)  # only feeds the replaced Reshapes
            elif op == "Cast":
                y = a[0].long() if at["to"] in (6, 7) else a[0].float()
            elif op == "Slice":
                (ax,), (s,), (e,) = at["axes"], at["starts"], at["ends"]
                idx = [slice(None)] * a[0].dim()
                idx[ax] = slice(s, e)
                y = a[0][tuple(idx)]
            elif op == "Resize":
                assert at.get("mode", b"nearest") == b"nearest", at
                sc = [float(v) for v in a[2]]
                assert sc[:2] == [1.0, 1.0] and all(v == int(v) for v in sc), sc
                y = F.interpolate(a[0], scale_factor=(sc[2], sc[3]), mode="nearest")
            elif op == "Reshape":
                y = self._reshape(o, a[0])
            else:
                raise NotImplementedError(op)
            env[o] = y
        return env

    def _cut_name(self, stop):
        produced_before = {"x"} | {o for n in self.nodes[:stop] for o in n[2]}
        crossing = {t for n in self.nodes[stop:] for t in n[1] if t in produced_before}
        assert len(crossing) == 1, crossing
        return next(iter(crossing))

    @staticmethod
    def _reshape(name, x):
        # Explicit, trace-friendly forms of the graph's shape-dependent reshapes.
        b = x.shape[0]
        if name.startswith("flatten_"):            # [B, C, 1, W] -> [B, C, W]
            return x.flatten(2)
        if name in ("reshape2_25.tmp_0", "reshape2_27.tmp_0"):   # qkv: [B, N, 3, heads, dh]
            return x.reshape(b, -1, 3, 8, x.shape[-1] // 24)
        if name in ("reshape2_26.tmp_0", "reshape2_28.tmp_0"):   # [B, N, heads*dh]
            return x.reshape(b, x.shape[1], -1)
        if name == "reshape2_29.tmp_0":            # [B, N, C] -> [B, 1, N, C]
            return x.unsqueeze(1)
        raise NotImplementedError(name)


def load_keys(path):
    keys = ["<blank>"] + [l.rstrip("\n") for l in open(path, encoding="utf-8")] + [" "]
    return keys
