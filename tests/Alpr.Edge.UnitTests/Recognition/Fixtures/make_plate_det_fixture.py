#!/usr/bin/python3
"""Writes plate-det.fixture.onnx: a tiny stand-in for a plate-region detector, in the same ONNX contract.

Contract (as the firmware's DB detector expects): input ``x`` [1, 3, H, W] float, normalised BGR with scale 1/255 and
the ImageNet mean/std; output [1, 1, H, W], a probability map. This graph has no weights to learn: it calls every
*bright* pixel of the normalised input a plate pixel.

    mean  = ReduceMean(x, axis 1)            brightness, about +2.2 for a white plate, -1.6 for a dark background
    close = -MaxPool(-MaxPool(mean, k), k)   a grey closing with a k x k window: fills the dark characters, state
                                             name and bolts inside a bright plate, does not grow the plate outwards
    map   = Sigmoid(close * GAIN + BIAS)     ~1 where the closing is above EDGE, ~0 below

So a light rectangle drawn on a dark frame is "a plate" covering the rectangle (not shrunk as a trained DB map is;
tests that use it declare a small unclipRatio). Run with Debian's python3-onnx and numpy:

    /usr/bin/python3 tests/Alpr.Edge.UnitTests/Recognition/Fixtures/make_plate_det_fixture.py

The output is deterministic (same bytes each run); Fixtures/README.md records its sha256.
"""

import os

import onnx
from onnx import TensorProto, helper

KERNEL = 9  # map pixels; fills dark strokes up to about 8 px wide (a plate's characters at the detector's 512 px scale)
EDGE = 0.5  # normalised brightness at which the map crosses 0.5
GAIN = 4.0  # steepness: white plate +2.2 -> 0.999, dark background -1.6 -> 0.0002
OPSET = 13


def build():
    pad = KERNEL // 2
    pool = {"kernel_shape": [KERNEL, KERNEL], "strides": [1, 1], "pads": [pad, pad, pad, pad]}
    nodes = [
        helper.make_node("ReduceMean", ["x"], ["brightness"], axes=[1], keepdims=1),
        helper.make_node("MaxPool", ["brightness"], ["dilated"], **pool),
        helper.make_node("Neg", ["dilated"], ["dilated_neg"]),
        helper.make_node("MaxPool", ["dilated_neg"], ["eroded_neg"], **pool),
        helper.make_node("Neg", ["eroded_neg"], ["closed"]),
        helper.make_node("Mul", ["closed", "gain"], ["scaled"]),
        helper.make_node("Add", ["scaled", "bias"], ["logits"]),
        helper.make_node("Sigmoid", ["logits"], ["maps"]),
    ]
    initializers = [
        helper.make_tensor("gain", TensorProto.FLOAT, [], [GAIN]),
        helper.make_tensor("bias", TensorProto.FLOAT, [], [-GAIN * EDGE]),
    ]
    graph = helper.make_graph(
        nodes,
        "plate_det_fixture",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 3, "height", "width"])],
        [helper.make_tensor_value_info("maps", TensorProto.FLOAT, ["batch", 1, "height", "width"])],
        initializers,
    )
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", OPSET)],
        producer_name="alpr-edge make_plate_det_fixture.py",
        doc_string="Test fixture: bright pixels are plate pixels (not a trained model).",
    )
    model.ir_version = 7
    onnx.checker.check_model(model, full_check=True)
    return model


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "plate-det.fixture.onnx")
    onnx.save(build(), out)
    print(out)


if __name__ == "__main__":
    main()
