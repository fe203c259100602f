#!/usr/bin/env python3
"""Checks tests/data/crosswalk-judgements.tsv against JSON exports.

Usage:
  check_crosswalk_judgements.py [--judgements FILE] EXPORT.json...

The exports are `vakkaart export <id> --format json` files: exactly one framework (its cluster
ids are the valid clusters) and one or more qualifications. The check fails (exit 1, one line per
problem) unless
  - the header is `qualification, competence, acceptable_clusters, best_cluster, note`,
  - every competence number of every exported qualification appears exactly once,
  - every judged qualification and competence exists in the exports,
  - acceptable_clusters holds 1-3 distinct valid cluster ids, or is exactly `none`,
  - best_cluster is one of acceptable_clusters (`none` with `none`),
  - the note is not empty.
Lines starting with `#` and empty lines are skipped.
"""

import argparse
import json
import os
import sys

HEADER = ["qualification", "competence", "acceptable_clusters", "best_cluster", "note"]
NONE = "none"
MAX_ACCEPTABLE = 3


def load_exports(paths):
    """(cluster ids, {qualification id: [competence numbers]}) from the export files."""
    clusters = None
    qualifications = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        kind = doc.get("kind")
        if kind == "framework":
            if clusters is not None:
                raise SystemExit(f"{path}: a second framework export; pass exactly one")
            clusters = {c["id"] for c in doc["clusters"]}
        elif kind == "qualification":
            qualifications[doc["id"]] = [c["number"] for c in doc["competences"]]
        else:
            raise SystemExit(f"{path}: neither a framework nor a qualification export")
    if clusters is None:
        raise SystemExit("no framework export among the arguments (its clusters are needed)")
    if not qualifications:
        raise SystemExit("no qualification export among the arguments")
    return clusters, qualifications


def check(judgements_path, clusters, qualifications):
    """The list of problems found; empty when the file is consistent with the exports."""
    problems = []
    seen = {}
    header_seen = False
    with open(judgements_path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            where = f"{judgements_path}:{number}"
            fields = line.split("\t")
            if not header_seen:
                header_seen = True
                if fields != HEADER:
                    problems.append(f"{where}: header {fields}, expected {HEADER}")
                continue
            if len(fields) != len(HEADER):
                problems.append(f"{where}: {len(fields)} fields, expected {len(HEADER)}")
                continue
            qualification, competence, acceptable, best, note = fields
            if qualification not in qualifications:
                problems.append(f"{where}: qualification {qualification!r} is in no export")
                continue
            try:
                competence_number = int(competence)
            except ValueError:
                problems.append(f"{where}: competence {competence!r} is no number")
                continue
            if competence_number not in qualifications[qualification]:
                problems.append(f"{where}: {qualification} has no competence {competence_number}")
                continue
            key = (qualification, competence_number)
            if key in seen:
                problems.append(f"{where}: {qualification} competence {competence_number} "
                                f"judged again (first at line {seen[key]})")
                continue
            seen[key] = number
            ids = acceptable.split(",")
            if ids == [NONE]:
                if best != NONE:
                    problems.append(f"{where}: acceptable_clusters is none but best_cluster "
                                    f"is {best!r}")
            else:
                if not 1 <= len(ids) <= MAX_ACCEPTABLE:
                    problems.append(f"{where}: {len(ids)} acceptable clusters, expected 1-"
                                    f"{MAX_ACCEPTABLE}")
                if len(set(ids)) != len(ids):
                    problems.append(f"{where}: a cluster is listed twice in {acceptable!r}")
                for cluster in ids:
                    if cluster not in clusters:
                        problems.append(f"{where}: unknown cluster {cluster!r}")
                if best not in ids:
                    problems.append(f"{where}: best_cluster {best!r} is not among the "
                                    f"acceptable clusters")
            if not note.strip():
                problems.append(f"{where}: empty note")
    if not header_seen:
        problems.append(f"{judgements_path}: no header line")
    for qualification, numbers in sorted(qualifications.items()):
        for competence_number in numbers:
            if (qualification, competence_number) not in seen:
                problems.append(f"{judgements_path}: {qualification} competence "
                                f"{competence_number} is not judged")
    return problems, seen


def main():
    default = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                           "crosswalk-judgements.tsv")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judgements", default=default)
    parser.add_argument("exports", nargs="+", help="vakkaart export ... --format json files")
    args = parser.parse_args()
    clusters, qualifications = load_exports(args.exports)
    problems, seen = check(args.judgements, clusters, qualifications)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"FAILED: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"ok: {len(seen)} competences of {len(qualifications)} qualifications judged "
          f"against {len(clusters)} clusters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
