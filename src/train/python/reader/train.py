"""Fine-tunes the reader (a cross-encoder from all-MiniLM-L6-v2) on pairs written by BuildReaderData.

Usage (DEVELOPMENT.md, Training the reader):
  /usr/bin/python3 src/train/python/reader/train.py --data DIR --minilm all-minilm-l6-v2.onnx --work DIR --out DIR

Trains with a fixed seed, checkpoints every few minutes into --work and resumes from there, then
exports reader.onnx (fp16 weights, fp32 compute), reader-check.tsv (fixed pairs and their scores)
and reader.txt (command, input hashes, figures) into --out.
"""
import argparse
import hashlib
import os
import random
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from minilm import Reader, load_minilm  # noqa: E402

SEED = 20261205


def sha256(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 20), b''):
            h.update(block)
    return h.hexdigest()


def read_pairs(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            group, label, second, ids = line.rstrip('\n').split('\t')
            rows.append((group, int(label), int(second), [int(x) for x in ids.split()]))
    return rows


def batches(rows, size, rng):
    """Batches of similar length: shuffled, then sorted by length within windows of 50 batches."""
    order = list(range(len(rows)))
    rng.shuffle(order)
    window = size * 50
    out = []
    for w in range(0, len(order), window):
        chunk = sorted(order[w:w + window], key=lambda i: len(rows[i][3]))
        out.extend(chunk[i:i + size] for i in range(0, len(chunk), size))
    rng.shuffle(out)
    return out


def tensors(rows, idx):
    n = max(len(rows[i][3]) for i in idx)
    ids = torch.zeros((len(idx), n), dtype=torch.long)
    mask = torch.zeros((len(idx), n), dtype=torch.long)
    types = torch.zeros((len(idx), n), dtype=torch.long)
    labels = torch.zeros(len(idx))
    for j, i in enumerate(idx):
        _, label, second, x = rows[i]
        ids[j, :len(x)] = torch.tensor(x)
        mask[j, :len(x)] = 1
        types[j, second:len(x)] = 1
        labels[j] = label
    return ids, mask, types, labels


def scores(model, rows, size=64):
    model.eval()
    out = []
    with torch.no_grad(), torch.autocast('cpu', dtype=torch.bfloat16):
        order = sorted(range(len(rows)), key=lambda i: len(rows[i][3]))
        res = {}
        for k in range(0, len(order), size):
            idx = order[k:k + size]
            ids, mask, types, _ = tensors(rows, idx)
            for i, s in zip(idx, model(ids, mask, types).float().tolist()):
                res[i] = s
    model.train()
    return [res[i] for i in range(len(rows))]


def auc(labels, s):
    pos = [x for x, y in zip(s, labels) if y]
    neg = [x for x, y in zip(s, labels) if not y]
    if not pos or not neg:
        return float('nan')
    ranks = np.argsort(np.argsort(np.array(pos + neg))) + 1
    return (ranks[:len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def export(model, path, layers):
    import onnx
    from onnx import numpy_helper, helper, TensorProto

    model.eval()
    ids = torch.tensor([[101, 2054, 102, 2023, 102]])
    tmp = path + '.fp32'
    torch.onnx.export(model, (ids, torch.ones_like(ids), torch.zeros_like(ids)), tmp,
                      input_names=['input_ids', 'attention_mask', 'token_type_ids'], output_names=['logits'],
                      dynamic_axes={'input_ids': {0: 'batch', 1: 'pieces'}, 'attention_mask': {0: 'batch', 1: 'pieces'},
                                    'token_type_ids': {0: 'batch', 1: 'pieces'}, 'logits': {0: 'batch'}},
                      opset_version=14, do_constant_folding=True)
    m = onnx.load(tmp)
    os.remove(tmp)
    # weights stored as fp16 (half the size), cast back to fp32 once when the session starts
    g = m.graph
    casts = []
    for t in list(g.initializer):
        if t.data_type != TensorProto.FLOAT or np.prod(t.dims) < 1024:
            continue
        a = numpy_helper.to_array(t).astype(np.float16)
        half = numpy_helper.from_array(a, t.name + '_fp16')
        g.initializer.remove(t)
        g.initializer.append(half)
        casts.append(helper.make_node('Cast', [t.name + '_fp16'], [t.name], to=TensorProto.FLOAT))
    for c in reversed(casts):
        g.node.insert(0, c)
    onnx.checker.check_model(m)
    onnx.save(m, path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--data', required=True)
    ap.add_argument('--minilm', required=True)
    ap.add_argument('--work', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--layers', type=int, default=4)
    ap.add_argument('--batch', type=int, default=32)
    ap.add_argument('--lr', type=float, default=5e-5)
    ap.add_argument('--epochs', type=float, default=1.0)
    ap.add_argument('--checkpoint-minutes', type=float, default=5.0)
    ap.add_argument('--init', help="start from this checkpoint's weights (a fresh optimizer and schedule)")
    args = ap.parse_args()
    torch.set_num_threads(2)
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    os.makedirs(args.work, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)

    train = read_pairs(os.path.join(args.data, 'train.tsv'))
    valid = read_pairs(os.path.join(args.data, 'valid.tsv'))
    rng = random.Random(SEED)
    plan = batches(train, args.batch, rng)
    steps = int(len(plan) * args.epochs)
    if steps > len(plan):
        plan = plan + batches(train, args.batch, rng)
    plan = plan[:steps]
    model = Reader(args.layers)
    load_minilm(model, args.minilm)
    if args.init:
        model.load_state_dict(torch.load(args.init)['model'])
    model.word.weight.requires_grad_(False)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    warmup = max(1, steps // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / max(1, steps - warmup))))
    start = 0
    ckpt = os.path.join(args.work, 'checkpoint.pt')
    if os.path.exists(ckpt):
        state = torch.load(ckpt)
        model.load_state_dict(state['model'])
        opt.load_state_dict(state['opt'])
        sched.load_state_dict(state['sched'])
        start = state['step']
        torch.set_rng_state(state['torch_rng'])
        print('resumed at step %d of %d' % (start, steps), flush=True)
    model.train()
    last = time.time()
    t0 = time.time()
    loss_sum, loss_n = 0.0, 0
    for step in range(start, steps):
        ids, mask, types, labels = tensors(train, plan[step])
        with torch.autocast('cpu', dtype=torch.bfloat16):
            logits = model(ids, mask, types)
        loss = torch.nn.functional.binary_cross_entropy_with_logits(logits.float(), labels)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        sched.step()
        loss_sum += loss.item()
        loss_n += 1
        if (step + 1) % 100 == 0:
            rate = (step + 1 - start) * args.batch / (time.time() - t0)
            print('step %d/%d loss %.4f %.1f pairs/s' % (step + 1, steps, loss_sum / loss_n, rate), flush=True)
            loss_sum, loss_n = 0.0, 0
        if time.time() - last > args.checkpoint_minutes * 60 or step + 1 == steps:
            torch.save({'model': model.state_dict(), 'opt': opt.state_dict(), 'sched': sched.state_dict(),
                        'step': step + 1, 'torch_rng': torch.get_rng_state()}, ckpt + '.tmp')
            os.replace(ckpt + '.tmp', ckpt)
            last = time.time()

    # held-out pair figures on a fixed sample of the validation fold
    vr = random.Random(SEED)
    sample = vr.sample(valid, min(4000, len(valid)))
    s = scores(model, sample)
    figure = auc([r[1] for r in sample], s)
    print('validation pair AUC %.4f on %d pairs' % (figure, len(sample)), flush=True)

    onnx_path = os.path.join(args.out, 'reader.onnx')
    export(model, onnx_path, args.layers)
    check = sample[:8]
    model.eval()
    with torch.no_grad():
        exact = [model(*tensors(check, [i])[:3]).item() for i in range(len(check))]
    with open(os.path.join(args.out, 'reader-check.tsv'), 'w', encoding='utf-8') as f:
        for r, x in zip(check, exact):
            f.write('%.6f\t%d\t%s\n' % (x, r[2], ' '.join(map(str, r[3]))))
    with open(os.path.join(args.out, 'reader.txt'), 'w', encoding='utf-8') as f:
        f.write('Written by src/train/python/reader/train.py (DEVELOPMENT.md, Training the reader)\n')
        f.write('command: %s\n' % ' '.join(sys.argv))
        f.write('seed %d, layers %d, batch %d, lr %g, epochs %g, steps %d, torch %s\n'
                % (SEED, args.layers, args.batch, args.lr, args.epochs, steps, torch.__version__))
        f.write('train.tsv sha256 %s (%d pairs)\n' % (sha256(os.path.join(args.data, 'train.tsv')), len(train)))
        f.write('valid.tsv sha256 %s (%d pairs)\n' % (sha256(os.path.join(args.data, 'valid.tsv')), len(valid)))
        f.write('minilm onnx sha256 %s\n' % sha256(args.minilm))
        if args.init:
            f.write('started from %s (sha256 %s)\n' % (os.path.basename(args.init), sha256(args.init)))
        f.write('validation pair AUC %.4f on %d pairs of SQuAD 2.0 fold 1 (never trained on)\n' % (figure, len(sample)))
        with open(os.path.join(args.data, 'data.txt'), encoding='utf-8') as d:
            f.write('\nBuildReaderData:\n' + d.read())


if __name__ == '__main__':
    main()
