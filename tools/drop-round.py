#!/usr/bin/env python3
"""What fewer rounds would have said: copies a stored run with one timing round left out.

    tools/drop-round.py REPORTS RUN_ID OUT_REPORTS ROUND

ROUND (0-based) is removed from every result: its fork in jmh.json's rawData (primary and
secondary metrics, scores recomputed as the mean of what is left), in run.json's rounds and
forkSeconds, and in the run design's order; later rounds are renumbered. The profiled forks,
layouts and the log are copied unchanged. Then `./lab claims --reports OUT_REPORTS A B` and
`./lab compare --reports OUT_REPORTS A B` judge the shortened runs as they judge any run.
The README's "Running benchmarks" used it to choose quick's six rounds.
"""
import json
import os
import shutil
import sys


def drop(src_reports, run_id, out_reports, gone):
    src, out = os.path.join(src_reports, run_id), os.path.join(out_reports, run_id)
    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(src, out)
    run = json.load(open(os.path.join(out, 'run.json')))
    jmh = json.load(open(os.path.join(out, 'jmh.json')))
    if len(jmh) != len(run['results']):
        sys.exit(f'{run_id}: jmh.json and run.json list different results')
    for result, info in zip(jmh, run['results']):
        rounds = info['rounds']
        kept = [i for i, r in enumerate(rounds) if r != gone]
        info['rounds'] = [rounds[i] - (rounds[i] > gone) for i in kept]
        if info.get('forkSeconds'):
            info['forkSeconds'] = [info['forkSeconds'][i] for i in kept]
        metrics = [result['primaryMetric']] + list(result.get('secondaryMetrics', {}).values())
        for m in metrics:
            for field in ('rawData', 'rawDataHistogram'):
                if len(m.get(field, [])) == len(rounds):
                    m[field] = [m[field][i] for i in kept]
            values = [x for fork in m.get('rawData', []) for x in fork]
            if values:
                m['score'] = sum(values) / len(values)
        result['forks'] = len(kept)
    design = run['design']
    design['order'] = [o for r, o in enumerate(design['order']) if r != gone]
    design['rounds'] = design['timingForks'] = len(design['order'])
    run['configuration']['forks'] = design['rounds']
    json.dump(run, open(os.path.join(out, 'run.json'), 'w'), indent=2)
    json.dump(jmh, open(os.path.join(out, 'jmh.json'), 'w'), indent=2)


if __name__ == '__main__':
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    drop(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
