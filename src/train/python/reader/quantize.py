"""Rewrites an exported reader so that its weight matrices are int8 (dynamic quantization).

Each MatMul by a constant matrix W becomes DynamicQuantizeLinear(x) -> MatMulInteger(x_q, W_q) ->
Cast -> Mul(x_scale * w_scale), with W_q = round(W / w_scale) per output column (symmetric, zero
point 0) and x quantized per tensor at run time. ONNX Runtime runs MatMulInteger with the CPU's
int8 dot-product instructions (AVX-512 VNNI here). The attention products (activation by
activation) stay in float. Other large initializers are stored as fp16 and cast back once.

Usage: /usr/bin/python3 src/train/python/reader/quantize.py IN.onnx OUT.onnx
"""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def quantize(model):
    g = model.graph
    init = {t.name: t for t in g.initializer}
    new_nodes = []
    quantized = 0
    for n in g.node:
        if n.op_type != 'MatMul' or n.input[1] not in init:
            new_nodes.append(n)
            continue
        w = numpy_helper.to_array(init[n.input[1]]).astype(np.float32)
        if w.ndim != 2:
            new_nodes.append(n)
            continue
        scale = np.maximum(np.abs(w).max(axis=0), 1e-8) / 127.0
        wq = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
        base = n.output[0]
        g.initializer.append(numpy_helper.from_array(wq, base + '_wq'))
        g.initializer.append(numpy_helper.from_array(scale.astype(np.float32), base + '_ws'))
        new_nodes.append(helper.make_node('DynamicQuantizeLinear', [n.input[0]],
                                          [base + '_xq', base + '_xs', base + '_xz']))
        new_nodes.append(helper.make_node('MatMulInteger', [base + '_xq', base + '_wq', base + '_xz'], [base + '_i32']))
        new_nodes.append(helper.make_node('Cast', [base + '_i32'], [base + '_f'], to=TensorProto.FLOAT))
        new_nodes.append(helper.make_node('Mul', [base + '_xs', base + '_ws'], [base + '_s']))
        new_nodes.append(helper.make_node('Mul', [base + '_f', base + '_s'], [base]))
        quantized += 1
    used = {i for n in new_nodes for i in n.input}
    for t in list(g.initializer):
        if t.name not in used:
            g.initializer.remove(t)
    del g.node[:]
    g.node.extend(new_nodes)
    return quantized


def fp16_storage(model):
    g = model.graph
    casts = []
    for t in list(g.initializer):
        if t.data_type != TensorProto.FLOAT or np.prod(t.dims) < 1024:
            continue
        a = numpy_helper.to_array(t).astype(np.float16)
        g.initializer.remove(t)
        g.initializer.append(numpy_helper.from_array(a, t.name + '_fp16'))
        casts.append(helper.make_node('Cast', [t.name + '_fp16'], [t.name], to=TensorProto.FLOAT))
    for c in reversed(casts):
        g.node.insert(0, c)


def main():
    model = onnx.load(sys.argv[1])
    # an fp16-stored model: fold its casts back into fp32 initializers first
    g = model.graph
    init = {t.name: t for t in g.initializer}
    for n in list(g.node):
        if n.op_type == 'Cast' and n.input[0] in init and n.input[0].endswith('_fp16'):
            a = numpy_helper.to_array(init[n.input[0]]).astype(np.float32)
            g.initializer.remove(init[n.input[0]])
            g.initializer.append(numpy_helper.from_array(a, n.output[0]))
            g.node.remove(n)
    count = quantize(model)
    fp16_storage(model)
    onnx.checker.check_model(model)
    onnx.save(model, sys.argv[2])
    print('quantized %d matrices' % count)


if __name__ == '__main__':
    main()
