"""Reads a ReaderSweep --dump file and prints two checks on the reader's decision:

1. the level chosen on the news questions held out by article: 5-fold cross-validation over
   news-dev's news, guizhou and oos questions (folds as TrainDecision splits them by article),
   each fold's level chosen on the other four;
2. whether stacking the reader's scores with the old word features does better on held-out
   SQuAD: logistic fits on fold 1, reported on fold 0, each at fold 1's best level.

Usage: /usr/bin/python3 src/train/python/reader/level_and_stack.py DUMP.tsv
Deterministic (full-batch gradient descent from zeros); needs numpy.
"""
import csv
import math
import sys

import numpy as np

LEVELS = [0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.76]
LOGITS = ('reader1', 'reader2', 'words')


def logit(p):
    p = min(max(float(p), 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def rates(rows, scores, t):
    """Share of answerable questions answered with the fact, share of the others declined."""
    a = [(r, s) for r, s in zip(rows, scores) if r['answerable'] == 'true']
    u = [(r, s) for r, s in zip(rows, scores) if r['answerable'] != 'true']
    fact = sum(1 for r, s in a if s >= t and r['fact'] == 'true') / max(1, len(a))
    dec = sum(1 for r, s in u if s < t) / max(1, len(u))
    return fact, dec, (fact + dec) / 2


def news_levels(rows):
    news = [r for r in rows if r['set'] == 'news']
    held = {}
    for k in sorted({r['fold'] for r in news}):
        train = [r for r in news if r['fold'] != k]
        test = [r for r in news if r['fold'] == k]
        s = [float(r['reader1']) for r in train]
        t = max(LEVELS, key=lambda t: (rates(train, s, t)[2], -abs(t - 0.3)))
        print(f'news fold {k}: level {t} chosen on the other folds')
        for r in test:
            right = (float(r['reader1']) >= t and r['fact'] == 'true') if r['answerable'] == 'true' \
                else float(r['reader1']) < t
            held.setdefault(r['kind'], [0, 0])
            held[r['kind']][0] += right
            held[r['kind']][1] += 1
    for kind, (right, n) in sorted(held.items()):
        print(f'  held out {kind}: {right}/{n}')
    ans = [v for k, v in held.items() if not k.startswith('oos')]
    oos = [v for k, v in held.items() if k.startswith('oos')]
    fa = sum(x[0] for x in ans) / sum(x[1] for x in ans)
    fu = sum(x[0] for x in oos) / sum(x[1] for x in oos)
    print(f'  held out: answered right {fa:.3f}, declined {fu:.3f}, balanced {(fa + fu) / 2:.3f}')


def features(r, names):
    return [logit(r[f]) if f in LOGITS else float(r[f]) for f in names]


def fit(x, y, l2=1e-2, steps=3000):
    x = np.array(x)
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([(x - mu) / sd, np.ones((len(x), 1))])
    y = np.array(y, float)
    w = np.zeros(z.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-z @ w))
        w -= 0.5 * (z.T @ (p - y) / len(y) + l2 * np.r_[w[:-1], 0])
    return lambda xn: 1 / (1 + np.exp(-np.hstack([(np.array(xn) - mu) / sd, np.ones((len(xn), 1))]) @ w))


def stacks(rows):
    squad = [r for r in rows if r['set'] == 'squad']
    train = [r for r in squad if r['fold'] == '1']
    test = [r for r in squad if r['fold'] == '0']
    for names in (['reader1'], ['reader1', 'reader2'], ['reader1', 'reader2', 'words'], ['reader1', 'words'],
                  ['reader1', 'reader2', 'words', 'top_cosine', 'p_cosine', 's_coverage', 's_missing_idf',
                   's_type_held', 'negation_mismatch']):
        f = fit([features(r, names) for r in train], [r['answerable'] == 'true' for r in train])
        st = f([features(r, names) for r in train])
        t = max(np.unique(np.round(st, 3)), key=lambda t: rates(train, st, t)[2])
        fact, dec, ba = rates(test, f([features(r, names) for r in test]), t)
        print(f'stack {"+".join(names)}: fold 0 fact {fact:.3f}, declined {dec:.3f}, balanced {ba:.3f}')


def main():
    rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
    news_levels(rows)
    stacks(rows)


if __name__ == '__main__':
    main()
