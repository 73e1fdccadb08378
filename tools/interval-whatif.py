#!/usr/bin/env python3
"""Would another paired interval make two runs' verdicts agree more often? An offline what-if.

    tools/interval-whatif.py REPORTS RUN_ID RUN_ID ...      (three or more runs of one profile)

For every reading the lab judges on a paired ratio (a speed-up or an equivalence claim whose
figure says "paired by round"; information rows left out), it recomputes the per-round log ratios from each run's jmh.json
and run.json and judges them again under four intervals:

  walsh   the lab's own (SignedRank.walshInterval with the signed-rank test): a check that this
          script reproduces the lab's verdicts; mismatches are printed
  t       mean of the log ratios ± t(n−1) · s/√n, with the paired t-test
  pooled  the same with s pooled over all the runs given (no run's own width wobbles)
  random  a random-effects interval: the run's own variance of the mean plus the between-run
          variance of the reading's mean, estimated from all the runs given (what a verdict that
          must survive the next run would use)

and prints the pairing noise (how far each round's log ratio strays from its run's median ratio)
and, per method, the mean number of readings two of the runs disagree on (verdicts compared
as judgements: "holds in direction only" is contradicted). The rules mirror lab.core.claims.Rules
(effect and equivalence); the lab itself is never changed by this script. Needs numpy and scipy.
"""
import itertools
import json
import math
import os
import re
import subprocess
import sys

import numpy as np
from scipy import stats

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JUDGEMENT = {'direction-only': 'contradicted'}


def fork_means(reports, run_id):
    """(workload, store, threads) -> {round: fork mean} of the run's timing forks."""
    run = json.load(open(os.path.join(reports, run_id, 'run.json')))
    jmh = json.load(open(os.path.join(reports, run_id, 'jmh.json')))
    out = {}
    for result, info in zip(jmh, run['results']):
        raw = result['primaryMetric'].get('rawData')
        if not raw:
            continue
        store = re.search(r'store=(\w+)', info['key'])
        workload = result['benchmark'].rsplit('.', 1)[1]
        key = (workload, store.group(1) if store else None, result['threads'])
        out[key] = dict(zip(info['rounds'], [float(np.mean(f)) for f in raw]))
    return out


def is_paired(result):
    """A reading the lab judged on a ratio paired by round (not information, not a spread's deviations)."""
    analysis = (result.get('figure') or {}).get('analysis') or ''
    return analysis.startswith('paired by round') and result['verdict'] not in ('information', 'not-testable')


def lab_readings(reports, run_id):
    text = subprocess.run([os.path.join(ROOT, 'lab'), 'claims', '--reports', reports, run_id, '--json'],
                          check=True, capture_output=True, text=True).stdout
    return json.loads(text)['results']


def signed_rank_p(d):
    d = [x for x in d if x != 0]
    ranks = stats.rankdata([abs(x) for x in d])
    w = sum(r for r, x in zip(ranks, d) if x > 0)
    sums = [sum(r for r, s in zip(ranks, signs) if s) for signs in itertools.product((0, 1), repeat=len(d))]
    low = sum(s <= w + 1e-9 for s in sums)
    high = sum(s >= w - 1e-9 for s in sums)
    return min(1.0, 2 * min(low, high) / len(sums))


def walsh(d):
    n = len(d)
    w = sorted((d[a] + d[b]) / 2 for a in range(n) for b in range(a, n))
    counts = [0] * (n * (n + 1) // 2 + 1)
    for signs in itertools.product((0, 1), repeat=n):
        counts[sum(r for r, s in zip(range(1, n + 1), signs) if s)] += 1
    cdf = np.cumsum(counts) / 2 ** n
    k = 1
    while k + 1 <= (len(w) + 1) // 2 and cdf[k] <= 0.025:
        k += 1
    return w[k - 1], w[len(w) - k]


def effect(p, up, lo, hi, band, claim_up):
    sig = p <= 0.05
    far = hi < 1 if claim_up else lo > 1
    if sig and up != claim_up and far:
        return 'contradicted'
    if lo >= band[0] and hi <= band[1]:
        return 'holds' if sig and up == claim_up else 'inconclusive'
    if hi < band[0] or lo > band[1]:
        return 'contradicted'
    return 'inconclusive'


def equivalence(lo, hi, band):
    if lo >= band[0] and hi <= band[1]:
        return 'holds'
    if hi < band[0] or lo > band[1]:
        return 'contradicted'
    return 'inconclusive'


def main(reports, run_ids):
    means = {r: fork_means(reports, r) for r in run_ids}
    lab = {r: lab_readings(reports, r) for r in run_ids}
    readings = {}
    for r in run_ids:
        for x in lab[r]:
            figure = x.get('figure') or {}
            m = re.match(r'(\w+), (\d+) threads?, (\w+) vs (\w+),', x['measured'])
            if is_paired(x) and m:
                readings[(x['id'], x['variant'])] = (m.group(1), int(m.group(2)), m.group(3), m.group(4), figure['band'],
                                                     x['method'].find('Equivalence:') >= 0)
    claim_up = {c['id']: c.get('figures', [1])[0] > 1 for c in json.load(open(os.path.join(
        ROOT, 'lab-core/src/main/resources/lab/core/claims/claims.json')))['claims']}

    def logs(run_id, reading):
        workload, threads, subject, base = reading[:4]
        s = means[run_id].get((workload, subject, threads))
        b = means[run_id].get((workload, base, threads))
        if not s or not b:
            return None
        return [math.log(b[r] / s[r]) for r in s if r in b]   # how many times faster the subject is

    per = {k: [l for l in (logs(r, rd) for r in run_ids) if l] for k, rd in readings.items()}
    pooled = {k: math.sqrt(np.mean([np.var(l, ddof=1) for l in v])) for k, v in per.items() if v}
    between = {k: max(0.0, np.var([np.mean(l) for l in v], ddof=1) - np.mean([np.var(l, ddof=1) / len(l) for l in v]))
               for k, v in per.items() if len(v) > 2}

    def judge(method, run_id, key):
        l = logs(run_id, readings[key])
        if not l or len(l) < 6:
            return None
        n, band, equiv = len(l), readings[key][4], readings[key][5]
        if method == 'walsh':
            lo, hi = walsh(l)
            p = signed_rank_p(l)
        else:
            m = float(np.mean(l))
            if method == 't':
                se, df = np.std(l, ddof=1) / math.sqrt(n), n - 1
            elif method == 'pooled':
                se, df = pooled[key] / math.sqrt(n), 1000
            else:
                se, df = math.sqrt(np.var(l, ddof=1) / n + between[key]), 1000
            h = stats.t.ppf(0.975, df) * se
            lo, hi = m - h, m + h
            p = 2 * stats.t.sf(abs(m) / se, df) if se > 0 else 0.0
        lo, hi = math.exp(lo), math.exp(hi)
        if equiv:
            return equivalence(lo, hi, band)
        return effect(p, float(np.median(l)) > 0, lo, hi, band, claim_up[key[0]])

    # the pairing noise itself: how far a round's log ratio strays from its run's median ratio
    actors = {'CHANNEL', 'DISRUPTOR', 'WAKEUP_FLOOR'}
    mad = {k: float(np.median([abs(x - np.median(l)) for l in v for x in l])) for k, v in per.items() if v}
    plain = [m for k, m in mad.items() if not actors & set(readings[k][2:4])]
    print(f'pairing noise: median absolute deviation of a per-round log ratio from its run\'s median, median over'
          f' {len(mad)} readings {np.median(list(mad.values())):.3f}; over the {len(plain)} without an actor store'
          f' {np.median(plain):.3f}')

    for method in ('walsh', 't', 'pooled', 'random'):
        verdicts = {r: {k: judge(method, r, k) for k in readings} for r in run_ids}
        if method == 'walsh':
            for r in run_ids:
                for x in lab[r]:
                    k = (x['id'], x['variant'])
                    ours = verdicts[r].get(k)
                    if ours and is_paired(x) and ours != JUDGEMENT.get(x['verdict'], x['verdict']):
                        print(f'  mismatch {r} {k}: lab {x["verdict"]}, here {ours}')
        keys = [k for k in readings if all(verdicts[r][k] for r in run_ids)]
        differ = [sum(verdicts[a][k] != verdicts[b][k] for k in keys) for a, b in itertools.combinations(run_ids, 2)]
        print(f'{method:7s} {len(keys)} paired readings: two runs disagree on {np.mean(differ):.2f} of them on average'
              f' (0–{max(differ)} over {len(differ)} pairs)')


if __name__ == '__main__':
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
