"""Static int8 quantisation of an fp32 ONNX graph in QDQ form, written with python3-onnx and numpy only.

prepare()   constants become initialisers, the opset is raised (rec: 9 -> 11), BatchNorm after Conv is folded;
augment()   the tensors to calibrate become extra graph outputs (alpr-edge calibrate runs that model);
quantize()  every Conv gets uint8 activations (QuantizeLinear/DequantizeLinear on its input and output, with the
            calibrated ranges), per-output-channel symmetric int8 weights and an int32 bias. ONNX Runtime fuses
            DQ -> Conv -> Q into QLinearConv. Everything else stays fp32.

Per-axis DequantizeLinear needs opset 13; for older graphs the Q/DQ nodes use the com.microsoft domain, which ONNX
Runtime accepts (and fuses) the same way.
"""
import numpy as np
import onnx
from onnx import helper, numpy_helper, version_converter, TensorProto

INT32_MAX = 2 ** 31 - 1
MS_DOMAIN = "com.microsoft"


def opset_of(model):
    return next(o.version for o in model.opset_import if o.domain in ("", "ai.onnx"))


def prepare(model, min_opset=11):
    """fp32 graph ready for quantisation; computes the same function as the input."""
    if opset_of(model) < min_opset:
        model = version_converter.convert_version(model, min_opset)
    _constants_to_initializers(model.graph)
    _fold_batch_norm(model.graph)
    return model


def _constants_to_initializers(graph):
    keep = []
    names = {i.name for i in graph.initializer}
    for node in graph.node:
        if node.op_type == "Constant" and len(node.attribute) == 1 and node.attribute[0].name == "value":
            tensor = onnx.TensorProto()
            tensor.CopyFrom(node.attribute[0].t)
            tensor.name = node.output[0]
            if tensor.name not in names:
                graph.initializer.append(tensor)
                names.add(tensor.name)
        else:
            keep.append(node)
    del graph.node[:]
    graph.node.extend(keep)
    # Initialisers must not also be declared as graph inputs for ONNX Runtime to treat them as constants.
    inputs = [i for i in graph.input if i.name not in names]
    del graph.input[:]
    graph.input.extend(inputs)


def _initializers(graph):
    return {i.name: i for i in graph.initializer}


def _consumers(graph):
    out = {}
    for node in graph.node:
        for name in node.input:
            out.setdefault(name, []).append(node)
    return out


def _fold_batch_norm(graph):
    inits = _initializers(graph)
    consumers = _consumers(graph)
    producers = {o: n for n in graph.node for o in n.output}
    graph_outputs = {o.name for o in graph.output}
    removed = []
    for bn in [n for n in graph.node if n.op_type == "BatchNormalization"]:
        conv = producers.get(bn.input[0])
        if conv is None or conv.op_type != "Conv" or len(consumers.get(conv.output[0], [])) != 1 or conv.output[0] in graph_outputs:
            continue
        if conv.input[1] not in inits or not all(i in inits for i in bn.input[1:5]):
            continue
        eps = next((a.f for a in bn.attribute if a.name == "epsilon"), 1e-5)
        gamma, beta, mean, var = (numpy_helper.to_array(inits[i]).astype(np.float64) for i in bn.input[1:5])
        w = numpy_helper.to_array(inits[conv.input[1]]).astype(np.float64)
        b = numpy_helper.to_array(inits[conv.input[2]]).astype(np.float64) if len(conv.input) > 2 and conv.input[2] else np.zeros(w.shape[0])
        k = gamma / np.sqrt(var + eps)
        w_name, b_name = conv.output[0] + "_folded_w", conv.output[0] + "_folded_b"
        graph.initializer.append(numpy_helper.from_array((w * k.reshape(-1, 1, 1, 1)).astype(np.float32), w_name))
        graph.initializer.append(numpy_helper.from_array(((b - mean) * k + beta).astype(np.float32), b_name))
        x = conv.input[0]
        del conv.input[:]
        conv.input.extend([x, w_name, b_name])
        conv.output[0] = bn.output[0]
        removed.append(bn)
    for bn in removed:
        graph.node.remove(bn)
    _drop_unused_initializers(graph)


def _drop_unused_initializers(graph):
    used = {i for n in graph.node for i in n.input} | {o.name for o in graph.output}
    keep = [i for i in graph.initializer if i.name in used]
    del graph.initializer[:]
    graph.initializer.extend(keep)


def _scalar(inits, name):
    if name in inits:
        a = numpy_helper.to_array(inits[name])
        if a.size == 1:
            return float(a.reshape(-1)[0])
    return None


def dead_zone_bounds(model):
    """{Conv output: (lo, hi)} where everything below lo (above hi) reaches the rest of the graph unchanged as lo (hi):
    a Conv output read only by an activation that is flat there. Clipping the int8 range to these bounds is exact and
    spends the 256 levels where they matter. Patterns (PP-LCNetV3): [Mul a>0, Add b] then hardswish
    (x * clip(x + 3, 0, 6) / 6: flat 0 below -3), Relu (flat below 0), hardsigmoid as Mul 1/6, Add 0.5, Clip(0, 1)."""
    g = model.graph
    inits = _initializers(g)
    cons = _consumers(g)
    outputs = {o.name for o in g.output}

    def only(t, op):
        c = cons.get(t, [])
        return c[0] if len(c) == 1 and c[0].op_type == op and t not in outputs else None

    def other(node, t):  # the scalar constant a binary node combines t with
        rest = [i for i in node.input if i != t]
        return _scalar(inits, rest[0]) if len(rest) == 1 else None

    def clip_bounds(node):
        lo = _scalar(inits, node.input[1]) if len(node.input) > 1 and node.input[1] else None
        hi = _scalar(inits, node.input[2]) if len(node.input) > 2 and node.input[2] else None
        return lo, hi

    def bounds_at(t):
        c = cons.get(t, [])
        if t in outputs or not c:
            return None
        if len(c) == 1 and c[0].op_type == "Relu":
            return (0.0, None)
        # hardswish: t -> Add(+3) -> Clip(0, 6) -> Mul(t, .) [-> Div 6]; every reader of t is that Add or that Mul
        adds = [n for n in c if n.op_type == "Add" and other(n, t) == 3.0]
        if len(adds) == 1:
            clip = only(adds[0].output[0], "Clip")
            if clip is not None and clip_bounds(clip) == (0.0, 6.0):
                muls = [n for n in c if n.op_type == "Mul" and clip.output[0] in n.input]
                if len(muls) == 1 and len(c) == 2:
                    return (-3.0, None)
        # hardsigmoid: t -> Mul(1/6) -> Add(0.5) -> Clip(0, 1)
        if len(c) == 1 and c[0].op_type == "Mul":
            a = other(c[0], t)
            add = only(c[0].output[0], "Add")
            if a is not None and a > 0 and add is not None:
                b = other(add, c[0].output[0])
                clip = only(add.output[0], "Clip")
                if b is not None and clip is not None and clip_bounds(clip) == (0.0, 1.0):
                    return ((0.0 - b) / a, (1.0 - b) / a)
                # affine (learnable affine block) in front of an activation: map the activation's bounds back
                inner = bounds_at(add.output[0]) if b is not None else None
                if inner is not None:
                    lo, hi = inner
                    return ((lo - b) / a if lo is not None else None, (hi - b) / a if hi is not None else None)
        return None

    out = {}
    for conv in conv_nodes(model):
        b = bounds_at(conv.output[0])
        if b is not None:
            out[conv.output[0]] = b
    return out


def clip_ranges(ranges, bounds):
    """ranges narrowed to the activation dead-zone bounds (never widened)."""
    out = dict(ranges)
    for name, (lo, hi) in bounds.items():
        if name in out:
            a, b = out[name]
            out[name] = (max(a, lo) if lo is not None else a, min(b, hi) if hi is not None else b)
    return out


def equalize_first_conv(model, inputs, target="max"):
    """Cross-layer equalisation of the first Conv (reading the graph input) and the Conv that alone reads its output,
    with nothing in between: output channel c of the first is multiplied by k_c and input channel c of the second
    divided by k_c, which computes the same function (exact up to float rounding). k_c = R / r_c, with r_c the
    channel's per-sample max |y| averaged over the calibration inputs and R the largest r_c, so every channel uses the
    whole per-tensor int8 range instead of a few wide channels setting the step for all. Returns {k_c} or None."""
    g = model.graph
    inits = _initializers(g)
    cons = _consumers(g)
    graph_in = {i.name for i in g.input}
    convs = conv_nodes(model)
    first = next((n for n in convs if n.input[0] in graph_in), None)
    if first is None:
        return None
    readers = cons.get(first.output[0], [])
    if len(readers) != 1 or readers[0] not in convs or first.output[0] in {o.name for o in g.output}:
        return None
    second = readers[0]
    at = {a.name: helper.get_attribute_value(a) for a in first.attribute}
    w = numpy_helper.to_array(inits[first.input[1]]).astype(np.float64)
    b = numpy_helper.to_array(inits[first.input[2]]).astype(np.float64) if len(first.input) > 2 else np.zeros(w.shape[0])
    if at.get("group", 1) != 1 or at.get("dilations", [1, 1]) != [1, 1]:
        return None
    sy, sx = at.get("strides", [1, 1])
    p = at.get("pads", [0, 0, 0, 0])
    kh, kw = w.shape[2:]
    r = []
    for x in inputs:
        x = np.pad(x[0].astype(np.float64), ((0, 0), (p[0], p[2]), (p[1], p[3])))
        win = np.lib.stride_tricks.sliding_window_view(x, (kh, kw), axis=(1, 2))[:, ::sy, ::sx]  # C, H', W', kh, kw
        y = np.einsum("chwij,ocij->ohw", win, w) + b[:, None, None]
        r.append(np.abs(y).reshape(w.shape[0], -1).max(axis=1))
    r = np.maximum(np.mean(r, axis=0), 1e-6)
    k = r.max() / r
    w2 = numpy_helper.to_array(inits[second.input[1]]).astype(np.float64)
    a2 = {a.name: helper.get_attribute_value(a) for a in second.attribute}
    groups = a2.get("group", 1)
    per_group = w2.shape[1]
    w2 = w2.copy()
    for c in range(w.shape[0]):  # input channel c of the second Conv: group c // per_group, slot c % per_group
        out_per_group = w2.shape[0] // groups
        grp = c // per_group
        w2[grp * out_per_group:(grp + 1) * out_per_group, c % per_group] /= k[c]
    names = [first.output[0] + "_eq_w", first.output[0] + "_eq_b", second.output[0] + "_eq_w"]
    g.initializer.extend([numpy_helper.from_array((w * k[:, None, None, None]).astype(np.float32), names[0]),
                          numpy_helper.from_array((b * k).astype(np.float32), names[1]),
                          numpy_helper.from_array(w2.astype(np.float32), names[2])])
    first.input[1], second.input[1] = names[0], names[2]
    if len(first.input) > 2:
        first.input[2] = names[1]
    else:
        first.input.append(names[1])
    _drop_unused_initializers(g)
    return k


def conv_nodes(model):
    """Conv nodes with constant 4-D weights: the ones quantised."""
    inits = _initializers(model.graph)
    return [n for n in model.graph.node if n.op_type == "Conv" and n.input[1] in inits and len(inits[n.input[1]].dims) == 4]


def tensors_to_calibrate(model):
    names = []
    for node in conv_nodes(model):
        for name in (node.input[0], node.output[0]):
            if name not in names:
                names.append(name)
    return names


def augment(model, names):
    """A copy whose graph outputs are the original ones followed by every tensor in names."""
    out = onnx.ModelProto()
    out.CopyFrom(model)
    existing = {o.name for o in out.graph.output}
    for name in names:
        if name not in existing:
            out.graph.output.append(helper.make_tensor_value_info(name, TensorProto.FLOAT, None))
    return out


def activation_params(lo, hi):
    """uint8 asymmetric scale and zero point for the range [lo, hi] (widened to include 0)."""
    lo, hi = min(0.0, float(lo)), max(0.0, float(hi))
    if hi - lo < 1e-8:
        hi = lo + 1e-8
    scale = (hi - lo) / 255.0
    zero = int(np.clip(round(-lo / scale), 0, 255))
    return np.float32(scale), np.uint8(zero)


# Weight formats. All are symmetric per output channel; they differ in how ONNX Runtime's x86 kernels multiply them.
#   int8   [-127, 127], zero point 0: uint8 x int8 ("U8S8") kernels. Without VNNI, x86 (AVX2, AVX-512 without VNNI) sums
#          pairs of uint8 x int8 products in 16 bits with saturation (VPMADDUBSW): 2 x 255 x 127 > 32767, so a Conv whose
#          activations and weights are both large comes out clipped.
#   int7   [-63, 63], zero point 0 ("reduce range"): the same kernels, but 2 x 255 x 63 = 32130 fits 16 bits: exact
#          everywhere, at half the weight resolution.
#   uint8  [1, 255], zero point 128 (the int8 grid shifted): uint8 x uint8 ("U8U8") kernels, which widen to 16 bits
#          before multiplying on x86 and use UDOT on ARM: exact everywhere at full int8 weight resolution.
WEIGHT_FORMATS = {"int8": (127, 0), "int7": (63, 0), "uint8": (127, 128)}


def weight_params(w, bias, input_scale, levels=127):
    """Per-output-channel symmetric scales for weights quantised to [-levels, levels]; raised where the int32 bias would overflow."""
    flat = np.abs(w.reshape(w.shape[0], -1)).max(axis=1).astype(np.float64)
    scale = np.maximum(flat / float(levels), 1e-12)
    if bias is not None:
        needed = np.abs(bias.astype(np.float64)) / (float(input_scale) * (INT32_MAX * 0.5))
        scale = np.maximum(scale, needed)
    return scale.astype(np.float32)


def select_convs(model, spec):
    """Names of Conv nodes picked by spec: comma-separated node names, first:N and last:N (in graph order)."""
    convs = [n.name or n.output[0] for n in conv_nodes(model)]
    picked = set()
    for part in filter(None, (p.strip() for p in spec.split(","))):
        if part.startswith("first:"):
            picked.update(convs[:int(part[6:])])
        elif part.startswith("last:"):
            picked.update(convs[len(convs) - int(part[5:]):])
        elif part in convs:
            picked.add(part)
        else:
            raise SystemExit(f"--keep-fp32: no Conv named {part}")
    return picked


def quantize(model, ranges, skip=(), weights_only=False, weight_format="int8", weight_overrides=None):
    """QDQ int8 model from a prepared fp32 model and {tensor: (min, max)}; Convs named in skip stay fp32.
    weights_only (a diagnostic): int8 weights, fp32 activations and bias, to tell weight error from activation error.
    weight_format: a key of WEIGHT_FORMATS; weight_overrides: {Conv name: format} for Convs that take another one."""
    overrides = dict(weight_overrides or {})
    for fmt in [weight_format, *overrides.values()]:
        if fmt not in WEIGHT_FORMATS:
            raise ValueError(f"weight format {fmt!r}: expected one of {', '.join(WEIGHT_FORMATS)}")
    format_of = lambda conv: overrides.get(conv.name or conv.output[0], weight_format)
    graph = model.graph
    opset = opset_of(model)
    domain = "" if opset >= 13 else MS_DOMAIN
    if domain and not any(o.domain == MS_DOMAIN for o in model.opset_import):
        model.opset_import.append(helper.make_opsetid(MS_DOMAIN, 1))
    inits = _initializers(graph)
    graph_outputs = {o.name for o in graph.output}
    convs = [n for n in conv_nodes(model) if n.input[0] in ranges and n.output[0] in ranges and (n.name or n.output[0]) not in skip]
    params = {}
    new_inits = []

    def act(name):
        if name not in params:
            scale, zero = activation_params(*ranges[name])
            params[name] = (name + "_scale", name + "_zero")
            new_inits.append(numpy_helper.from_array(np.array(scale, np.float32), name + "_scale"))
            new_inits.append(numpy_helper.from_array(np.array(zero, np.uint8), name + "_zero"))
        return params[name]

    quantized = {}       # tensor -> its QuantizeLinear output
    new_nodes = {}       # id(node) -> nodes to insert before it
    after = {}           # id(node) -> nodes to insert after it
    dq_count = [0]
    dq_source = {}       # DequantizeLinear output -> the float tensor it stands for

    def q_of(tensor, anchor, where):
        if tensor not in quantized:
            s, z = act(tensor)
            qname = tensor + "_q"
            where.setdefault(id(anchor), []).append(helper.make_node("QuantizeLinear", [tensor, s, z], [qname], name=qname, domain=domain))
            quantized[tensor] = qname
        return quantized[tensor]

    def dq(tensor):
        s, z = params[tensor]
        dq_count[0] += 1
        out = f"{tensor}_dq{dq_count[0]}"
        dq_source[out] = tensor
        return helper.make_node("DequantizeLinear", [quantized[tensor], s, z], [out], name=out, domain=domain), out

    conv_ids = {id(n) for n in convs}
    # Conv outputs: quantised right after the Conv; every consumer reads its own DequantizeLinear.
    rewired = {}
    for conv in convs:
        y = conv.output[0]
        if y in graph_outputs or weights_only:
            continue
        q_of(y, conv, after)
        rewired[y] = True
    # Conv inputs: graph inputs and fp32 op outputs get a QuantizeLinear of their own (placed before the Conv).
    for conv in convs:
        x = conv.input[0]
        if x not in quantized and not weights_only:
            q_of(x, conv, new_nodes)

    nodes = []
    for node in graph.node:
        for q in new_nodes.get(id(node), []):
            nodes.append(q)
        # Reads of a quantised Conv output (and a quantised Conv's own input) go through a fresh DequantizeLinear.
        for i, name in enumerate(node.input):
            if (name in rewired) or (id(node) in conv_ids and i == 0 and name in quantized):
                d, out = dq(name)
                nodes.append(d)
                node.input[i] = out
        if id(node) in conv_ids and weights_only:
            _quantize_weights(node, None, inits, params, new_inits, nodes, domain, format_of(node))
        elif id(node) in conv_ids:
            _quantize_weights(node, dq_source[node.input[0]], inits, params, new_inits, nodes, domain, format_of(node))
        nodes.append(node)
        nodes.extend(after.get(id(node), []))
    del graph.node[:]
    graph.node.extend(nodes)
    graph.initializer.extend(new_inits)
    _drop_unused_initializers(graph)
    return model


def _weight_tensors(w, w_scale, weight_format):
    """Quantised weights and per-channel zero points in the format's type."""
    levels, zero = WEIGHT_FORMATS[weight_format]
    q = np.clip(np.round(w / w_scale.reshape((-1,) + (1,) * (w.ndim - 1))), -levels, levels)
    if zero:
        return (q + zero).astype(np.uint8), np.full(w.shape[0], zero, np.uint8)
    return q.astype(np.int8), np.zeros(w.shape[0], np.int8)


def _quantize_weights(conv, x, inits, params, new_inits, nodes, domain, weight_format="int8"):
    levels = WEIGHT_FORMATS[weight_format][0]
    w = numpy_helper.to_array(inits[conv.input[1]]).astype(np.float32)
    base = conv.name or conv.output[0]
    names = [base + s for s in ("_w_q", "_w_scale", "_w_zero")]
    if x is None:  # weights only: the bias stays fp32
        w_scale = weight_params(w, None, 1.0, levels)
    else:
        x_scale = numpy_helper.to_array(next(i for i in new_inits if i.name == params[x][0]))
        bias = numpy_helper.to_array(inits[conv.input[2]]).astype(np.float32) if len(conv.input) > 2 and conv.input[2] else None
        w_scale = weight_params(w, bias, x_scale, levels)
    w_q, w_zero = _weight_tensors(w, w_scale, weight_format)
    new_inits += [numpy_helper.from_array(w_q, names[0]), numpy_helper.from_array(w_scale, names[1]),
                  numpy_helper.from_array(w_zero, names[2])]
    nodes.append(helper.make_node("DequantizeLinear", names, [base + "_w_dq"], name=base + "_w_dq", axis=0, domain=domain))
    conv.input[1] = base + "_w_dq"
    if x is not None and bias is not None:
        b_scale = (w_scale.astype(np.float64) * float(x_scale)).astype(np.float32)
        b_q = np.clip(np.round(bias / b_scale), -INT32_MAX, INT32_MAX).astype(np.int32)
        bn = [base + s for s in ("_b_q", "_b_scale", "_b_zero")]
        new_inits += [numpy_helper.from_array(b_q, bn[0]), numpy_helper.from_array(b_scale, bn[1]),
                      numpy_helper.from_array(np.zeros(w.shape[0], np.int32), bn[2])]
        nodes.append(helper.make_node("DequantizeLinear", bn, [base + "_b_dq"], name=base + "_b_dq", axis=0, domain=domain))
        conv.input[2] = base + "_b_dq"


# x86 without VNNI multiplies uint8 activations by int8 weights with VPMADDUBSW, which adds each adjacent pair of products
# in 16 bits with saturation. A pair's sum is at most the two largest |a_k x w_k| of the dot product (a: the raw uint8
# value, zero point included; padding reads the zero point), so where those two stay within int16 no pairing can saturate.
INT16_MAX = 32767


def _patches(x, kernel, strides, pads, dilations, pad_value):
    """[positions, C*kh*kw] patches of x [C, H, W] (float), padded with pad_value."""
    c, _, _ = x.shape
    kh, kw = kernel
    x = np.pad(x, ((0, 0), (pads[0], pads[2]), (pads[1], pads[3])), constant_values=pad_value)
    h, w = x.shape[1:]
    oh = (h - dilations[0] * (kh - 1) - 1) // strides[0] + 1
    ow = (w - dilations[1] * (kw - 1) - 1) // strides[1] + 1
    cols = np.empty((c, kh, kw, oh, ow), x.dtype)
    for i in range(kh):
        for j in range(kw):
            r, s = i * dilations[0], j * dilations[1]
            cols[:, i, j] = x[:, r:r + strides[0] * oh:strides[0], s:s + strides[1] * ow:strides[1]]
    return cols.reshape(c * kh * kw, oh * ow).T


def pair_bound_share(conv, x_u8, w_q, pad_value, margin=1.0):
    """Share of a Conv's outputs whose two largest |uint8 activation x int8 weight| products add up to more than
    margin x INT16_MAX, for one input x_u8 [1, C, H, W] (raw uint8 values; padding reads pad_value, the zero point) and
    int8 weights w_q [O, C/g, kh, kw]."""
    attrs = {a.name: helper.get_attribute_value(a) for a in conv.attribute}
    group = attrs.get("group", 1)
    o, cg, kh, kw = w_q.shape
    strides = attrs.get("strides", [1, 1])
    dilations = attrs.get("dilations", [1, 1])
    pads = attrs.get("pads", [0, 0, 0, 0])
    limit = margin * INT16_MAX
    x = np.abs(x_u8[0].astype(np.float32))
    over = total = 0
    per_group = o // group
    for g in range(group):
        cols = _patches(x[g * cg:(g + 1) * cg], (kh, kw), strides, pads, dilations, pad_value)  # [P, K]
        weights = np.abs(w_q[g * per_group:(g + 1) * per_group].reshape(per_group, -1).astype(np.float32))  # [Og, K]
        if weights.shape[1] < 2:
            total += per_group * cols.shape[0]
            continue
        for row in weights:
            prod = cols * row
            top2 = np.partition(prod, -2, axis=1)[:, -2:].sum(axis=1)
            over += int((top2 > limit).sum())
            total += top2.size
    return over / max(total, 1)


def saturating_convs(model, ranges, dumps, levels=127, margin=1.0):
    """{Conv name: share of outputs at risk} for every Conv whose int8 weights (per channel, [-levels, levels]) could
    saturate a VPMADDUBSW pair on some calibration input. dumps: [{tensor: float array}] of the fp32 Conv inputs
    (alpr-edge dump-tensors of the augmented model); Convs whose input is not in the dumps are judged at the range's
    extremes, which is the worst case."""
    inits = _initializers(model.graph)
    risky = {}
    for conv in conv_nodes(model):
        x_name = conv.input[0]
        if x_name not in ranges or conv.output[0] not in ranges:
            continue
        if numpy_helper.to_array(inits[conv.input[1]]).shape[1] == 1:
            continue  # depthwise: ONNX Runtime's depthwise kernel widens before it multiplies (checked: exact across CPUs)
        w = numpy_helper.to_array(inits[conv.input[1]]).astype(np.float32)
        scale = np.maximum(np.abs(w.reshape(w.shape[0], -1)).max(axis=1) / float(levels), 1e-12)
        w_q = np.clip(np.round(w / scale.reshape(-1, 1, 1, 1)), -levels, levels)
        s, z = activation_params(*ranges[x_name])
        shares = []
        for dump in dumps:
            if x_name not in dump:
                continue
            x_u8 = np.clip(np.round(dump[x_name] / s) + int(z), 0, 255)
            shares.append(pair_bound_share(conv, x_u8, w_q, float(z), margin))
        share = max(shares) if shares else 1.0
        if share > 0:
            risky[conv.name or conv.output[0]] = share
    return risky
