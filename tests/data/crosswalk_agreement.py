#!/usr/bin/env python3
"""How far two judgements of the crosswalk judged set agree (the frozen one and a second judge's).

Usage:
  crosswalk_agreement.py FIRST.tsv SECOND.tsv

Per part (tuning = BK-0338-3, held-out = the others, all): the share of competences with the same
best cluster, the share where one judge's best is among the other's acceptable clusters (what the
crosswalk's top-1 is scored by), agreement on "none", and Cohen's kappa on the best cluster. Both
files must judge the same competences (check_crosswalk_judgements.py checks each against the
exports).
"""

import sys
from collections import Counter


def load(path):
    """{(qualification, competence): (acceptable set, best)}."""
    judged = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("qualification\t") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            judged[(fields[0], fields[1])] = (set(fields[2].split(",")), fields[3])
    return judged


def kappa(first, second, keys):
    """Cohen's kappa of the best clusters: agreement beyond what chance gives."""
    n = len(keys)
    observed = sum(first[k][1] == second[k][1] for k in keys) / n
    a = Counter(first[k][1] for k in keys)
    b = Counter(second[k][1] for k in keys)
    chance = sum(a[c] * b[c] for c in set(a) | set(b)) / (n * n)
    return (observed - chance) / (1 - chance) if chance < 1 else 1.0


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    first, second = load(sys.argv[1]), load(sys.argv[2])
    if first.keys() != second.keys():
        raise SystemExit("the two files judge different competences")
    parts = {
        "tuning": [k for k in first if k[0] == "BK-0338-3"],
        "held-out": [k for k in first if k[0] != "BK-0338-3"],
        "all": list(first),
    }
    print(f"{'part':9} {'n':>3} {'same best':>10} {'2nd in 1st':>11} {'1st in 2nd':>11} "
          f"{'none agree':>11} {'kappa':>6}")
    for part, keys in parts.items():
        n = len(keys)
        same = sum(first[k][1] == second[k][1] for k in keys) / n
        second_in_first = sum(second[k][1] in first[k][0] for k in keys) / n
        first_in_second = sum(first[k][1] in second[k][0] for k in keys) / n
        none = sum((first[k][1] == "none") == (second[k][1] == "none") for k in keys) / n
        print(f"{part:9} {n:3d} {same:10.3f} {second_in_first:11.3f} {first_in_second:11.3f} "
              f"{none:11.3f} {kappa(first, second, keys):6.3f}")


if __name__ == "__main__":
    main()
