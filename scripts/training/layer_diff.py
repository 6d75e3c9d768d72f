"""Per-layer comparison of one int8 QDQ model run on two CPUs (or CPU kernels), and where x86's U8S8 kernels saturate.

    layer_diff.py augment --model INT8.onnx --out AUGMENTED.onnx
        every QuantizeLinear output (the uint8 tensor a QLinearConv writes once ONNX Runtime has fused DQ -> Conv -> Q)
        becomes a graph output beside the model's own outputs.
    layer_diff.py compare --model INT8.onnx --a DIR --b DIR [--names A,B] [--inputs DIR]
        DIRs written by `alpr-edge dump-tensors` for the augmented model (one per CPU); prints, in graph order, for each
        quantised tensor the share of elements that differ and the mean and largest difference in quantisation steps,
        and for the final output the largest difference and how often the per-step arg-max differs. With --inputs
        (the float inputs that were run) it also counts, per Conv with int8 weights, the pairs of uint8 x int8 products
        whose 16-bit sum could leave [-32768, 32767] (what VPMADDUBSW saturates on x86 without VNNI; the bound of
        qdq.pair_bound_share), judged on run A's activations: the Conv's input tensor as the uint8 values the kernel multiplies.

Needs Debian's python3-onnx and python3-numpy. A diagnostic: nothing ships from it.
"""
import argparse
import os
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qdq  # noqa: E402


def _q_outputs(model):
    return [n.output[0] for n in model.graph.node if n.op_type == "QuantizeLinear"]


def augment(args):
    model = onnx.load(args.model)
    existing = {o.name for o in model.graph.output}
    for name in _q_outputs(model):
        if name not in existing:
            model.graph.output.append(helper.make_tensor_value_info(name, TensorProto.UINT8, None))
    onnx.save(model, args.out)
    print(f"{args.out}: {len(model.graph.output)} outputs")


def _load_dump(folder):
    with open(os.path.join(folder, "outputs.txt"), encoding="utf-8") as f:
        names = [line.strip() for line in f if line.strip()]
    samples = sorted({f.rsplit(".", 2)[0] for f in os.listdir(folder) if f.endswith(".npy")})
    return names, samples


def _conv_weights(model):
    """For each Conv fed by a quantised input: (Conv node, input Q tensor, int8 weights [O, I/g, kh, kw], input zero point)."""
    inits = {i.name: i for i in model.graph.initializer}
    producers = {o: n for n in model.graph.node for o in n.output}
    found = []
    for conv in (n for n in model.graph.node if n.op_type == "Conv"):
        x_dq, w_dq = producers.get(conv.input[0]), producers.get(conv.input[1])
        if not x_dq or not w_dq or x_dq.op_type != "DequantizeLinear" or w_dq.op_type != "DequantizeLinear":
            continue
        w = numpy_helper.to_array(inits[w_dq.input[0]])
        if w.dtype != np.int8 or w.shape[1] == 1:
            continue  # uint8 weights run U8U8 kernels and depthwise Convs widen first: neither saturates
        zero = float(numpy_helper.to_array(inits[x_dq.input[2]]))
        found.append((conv, x_dq.input[0], w.astype(np.float32), zero))
    return found


def compare(args):
    model = onnx.load(args.model)
    names_a, samples = _load_dump(args.a)
    names_b, samples_b = _load_dump(args.b)
    if names_a != names_b or samples != samples_b:
        raise SystemExit("the two dumps are of different models or inputs")
    label_a, label_b = (args.names or "A,B").split(",")
    order = _q_outputs(model)
    saturation = {}
    if args.inputs:
        for conv, x_name, w, zero in _conv_weights(model):
            if x_name not in names_a:
                continue
            idx = names_a.index(x_name)
            if not all(os.path.exists(os.path.join(args.a, f"{smp}.{idx}.npy")) for smp in samples):
                continue
            shares = [qdq.pair_bound_share(conv, np.load(os.path.join(args.a, f"{smp}.{idx}.npy")), w, zero) for smp in samples]
            if shares:
                saturation[x_name] = float(np.mean(shares))
    print(f"{'tensor':<48} {'differ %':>9} {'mean steps':>11} {'max steps':>10} {'pairs over int16 %':>19}")
    for name in order:
        if name not in names_a:
            continue
        idx = names_a.index(name)
        if not all(os.path.exists(os.path.join(d, f"{s}.{idx}.npy")) for d in (args.a, args.b) for s in samples):
            print(f"{name[:48]:<48} {'(not dumped)':>9}")
            continue
        diffs = [np.abs(np.load(os.path.join(args.a, f"{s}.{idx}.npy")) - np.load(os.path.join(args.b, f"{s}.{idx}.npy"))) for s in samples]
        flat = np.concatenate([d.ravel() for d in diffs])
        sat = f"{100 * saturation[name]:.2f}" if name in saturation else ""
        print(f"{name[:48]:<48} {100 * np.mean(flat > 0):9.2f} {flat.mean():11.3f} {flat.max():10.0f} {sat:>19}")
    for out in model.graph.output:
        idx = names_a.index(out.name)
        a = [np.load(os.path.join(args.a, f"{s}.{idx}.npy")) for s in samples]
        b = [np.load(os.path.join(args.b, f"{s}.{idx}.npy")) for s in samples]
        delta = max(float(np.abs(x - y).max()) for x, y in zip(a, b))
        argmax = np.mean([np.mean(x.argmax(-1) != y.argmax(-1)) for x, y in zip(a, b)])
        print(f"output {out.name}: largest difference {delta:.4f}; per-step arg-max differs in {100 * argmax:.2f} % ({label_a} vs {label_b}, {len(samples)} inputs)")
    if saturation:
        worst = sorted(saturation.items(), key=lambda kv: -kv[1])[:5]
        print("Convs whose input most often saturates a uint8 x int8 pair (judged on " + label_a + "): "
              + ", ".join(f"{k} {100 * v:.2f} %" for k, v in worst))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("augment")
    a.add_argument("--model", required=True)
    a.add_argument("--out", required=True)
    c = sub.add_parser("compare")
    c.add_argument("--model", required=True, help="the int8 model (not augmented)")
    c.add_argument("--a", required=True)
    c.add_argument("--b", required=True)
    c.add_argument("--names", default="")
    c.add_argument("--inputs", default="", help="also estimate U8S8 pair saturation (needs int8 weights)")
    args = ap.parse_args()
    augment(args) if args.cmd == "augment" else compare(args)


if __name__ == "__main__":
    sys.exit(main())
