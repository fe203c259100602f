#!/usr/bin/env python3
"""Validate a search judgements file (default: the held-out set next to this script).

Usage:
  check_search_judgements.py SOCIARE_EXPORT.json BK_EXPORT.json
      [--judgements FILE] [--tuning TUNING.tsv ...] [--min-queries 60]

The two exports come from `vakkaart export sociare-2016 --format json` and
`vakkaart export BK-0338-3 --format json`. Checks: header and 3 tab-separated columns, grade
1..3, no duplicate (query, statement) pair, 1..8 statements per query, at least --min-queries
queries, every statement verbatim in one of the exports, and (with --tuning) no query shared
with any --tuning set, so the held-out set stays held out. Exit status 1 on any problem.
"""

import argparse
import json
import os
import sys
from collections import OrderedDict

HEADER = "query\tstatement\tgrade"


def export_strings(path):
    """Every string value in a JSON export (statement texts, titles, definitions, ...)."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    out = set()
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, str):
            out.add(node)
    return out


def query_names(path):
    names = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#") and line != HEADER:
                names.add(line.split("\t", 1)[0])
    return names


def check(path, statements, tuning_queries, min_queries):
    errors = []
    queries = OrderedDict()
    seen_pairs = set()
    header_seen = False
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            where = f"{path}:{number}"
            if not line or line.startswith("#"):
                continue
            if line == HEADER:
                header_seen = True
                continue
            cols = line.split("\t")
            if len(cols) != 3:
                errors.append(f"{where}: expected 3 tab-separated columns, got {len(cols)}")
                continue
            query, statement, grade = cols
            if not query.strip() or query != query.strip():
                errors.append(f"{where}: empty query or leading/trailing blanks")
            if grade not in ("1", "2", "3"):
                errors.append(f"{where}: grade must be 1, 2 or 3, got {grade!r}")
            if (query, statement) in seen_pairs:
                errors.append(f"{where}: duplicate pair ({query!r}, {statement!r})")
            seen_pairs.add((query, statement))
            if statement not in statements:
                errors.append(f"{where}: statement not verbatim in the exports: {statement!r}")
            queries.setdefault(query, []).append(grade)
    if not header_seen:
        errors.append(f"{path}: missing header line {HEADER!r}")
    for query, grades in queries.items():
        if not 1 <= len(grades) <= 8:
            errors.append(f"{path}: query {query!r} has {len(grades)} statements (1..8 allowed)")
        if query in tuning_queries:
            errors.append(f"{path}: query {query!r} is also in the tuning set")
    if len(queries) < min_queries:
        errors.append(f"{path}: {len(queries)} queries, at least {min_queries} required")
    return queries, errors


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sociare_export")
    parser.add_argument("bk_export")
    parser.add_argument("--judgements", default=os.path.join(here, "search-judgements-heldout.tsv"))
    parser.add_argument("--tuning", action="append", default=[],
                        help="tuning judgements (repeatable); their queries must not recur")
    parser.add_argument("--min-queries", type=int, default=60)
    args = parser.parse_args()

    statements = export_strings(args.sociare_export) | export_strings(args.bk_export)
    tuning = set().union(*(query_names(t) for t in args.tuning))
    queries, errors = check(args.judgements, statements, tuning, args.min_queries)
    for e in errors:
        print(e, file=sys.stderr)
    pairs = sum(len(g) for g in queries.values())
    relevant = sum(1 for g in queries.values() for x in g if x in ("2", "3"))
    status = "FAILED" if errors else "ok"
    print(f"{args.judgements}: {len(queries)} queries, {pairs} judged pairs "
          f"({relevant} with grade >= 2): {status}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
