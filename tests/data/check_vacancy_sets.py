#!/usr/bin/env python3
"""Checks the labelled vacancy sets in tests/data and the fixed tuning/held-out split.

- tests/data/vacancies: every text file is listed exactly once in labels.jsonl and in split.tsv,
  and split.tsv is exactly what the split rule below gives (so it cannot drift by hand edits);
  each profile label, and mixed as well as unmixed texts, occur in both parts.
- tests/data/vacancies-new: every text file is listed exactly once in labels.jsonl, there are at
  least 30 texts, and every profile label occurs.

Labels must use the ids of tests/data/vacancies/README.md. Python 3 standard library only.

    python3 tests/data/check_vacancy_sets.py          # check, exit 1 on any problem
    python3 tests/data/check_vacancy_sets.py --print  # print the split the rule gives (TSV)

The split rule (frozen on 2026-12-05, see tests/data/vacancies/README.md): per profile label,
list the mixed texts (second label set) first, then the unmixed ones, each group sorted by the
SHA-256 hex digest of the file name; the texts at positions 1, 4, 7, ... (i % 3 == 1, counting
from 0) are held out, the others are for tuning. Mixed texts first means a profile with two or
more mixed texts has one of them held out.
"""

import collections
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VACANCIES = os.path.join(HERE, "vacancies")
NEW = os.path.join(HERE, "vacancies-new")
SPLIT = os.path.join(VACANCIES, "split.tsv")
NOT_TEXTS = {"README.md", "labels.jsonl", "split.tsv"}
MIN_NEW = 30

PROFILES = [
    "begeleider-sociaal-culturele-activiteiten",
    "gemeenschapswerker",
    "programmator-cultuur-en-educatie",
    "campagnewerker",
    "belangenbehartiger",
    "BK-0338-3",
    "none",
]
CLUSTERS = [
    "de-eigen-deskundigheid-opbouwen",
    "afwegen-kiezen-ontwerpen",
    "organiseren-en-begeleiden",
    "orienteren-en-relaties",
    "communiceren",
    "ondersteunen-coachen-sturen",
    "vertegenwoordigen-samenwerken-netwerken",
    "rapporteren-evalueren-verantwoorden",
    "adviseren",
]
KINDS = {"vacancy", "job-description", "learning-outcomes", "cv-section"}
QUALITIES = {"good", "poor"}
LENGTHS = {"short", "medium", "long"}
PARTS = ("tuning", "heldout")


def text_files(folder):
    return sorted(f for f in os.listdir(folder)
                  if f not in NOT_TEXTS and os.path.isfile(os.path.join(folder, f)))


def read_labels(folder, errors):
    """The labels of a folder as a list of dicts; problems go to errors."""
    path = os.path.join(folder, "labels.jsonl")
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"{os.path.relpath(path, HERE)}:{number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: not JSON ({e})")
                continue
            check_row(row, where, errors)
            rows.append(row)
    return rows


def check_row(row, where, errors):
    keys = {"file", "profile", "second", "clusters", "kind", "quality", "length"}
    if set(row) != keys:
        errors.append(f"{where}: keys {sorted(row)} are not {sorted(keys)}")
        return
    if row["profile"] not in PROFILES:
        errors.append(f"{where}: unknown profile {row['profile']!r}")
    second = row["second"]
    if second is not None and (second not in PROFILES[:-1] or second == row["profile"]):
        errors.append(f"{where}: bad second label {second!r}")
    if row["profile"] == "none" and second is not None:
        errors.append(f"{where}: a 'none' text has no second label")
    clusters = row["clusters"]
    if not isinstance(clusters, list) or any(c not in CLUSTERS for c in clusters):
        errors.append(f"{where}: unknown cluster in {clusters!r}")
    elif clusters != sorted(clusters, key=CLUSTERS.index) or len(set(clusters)) != len(clusters):
        errors.append(f"{where}: clusters not unique and in model order")
    elif (row["profile"] == "none") != (not clusters):
        errors.append(f"{where}: clusters must be empty exactly for 'none'")
    for key, allowed in (("kind", KINDS), ("quality", QUALITIES), ("length", LENGTHS)):
        if row[key] not in allowed:
            errors.append(f"{where}: bad {key} {row[key]!r}")


def check_files_listed(folder, rows, errors):
    """Every text file is listed exactly once and every listed file exists."""
    name = os.path.basename(folder)
    counts = collections.Counter(r.get("file") for r in rows)
    for f, n in counts.items():
        if n > 1:
            errors.append(f"{name}/labels.jsonl: {f} listed {n} times")
    files = set(text_files(folder))
    for f in sorted(files - set(counts)):
        errors.append(f"{name}/labels.jsonl: {f} is not listed")
    for f in sorted(set(counts) - files):
        errors.append(f"{name}/labels.jsonl: {f} does not exist")


def file_hash(name):
    return hashlib.sha256(name.encode("utf-8")).hexdigest()


def split_by_rule(rows):
    """file -> part, by the rule in the module docstring."""
    by_profile = collections.defaultdict(list)
    for r in rows:
        by_profile[r["profile"]].append(r)
    parts = {}
    for group in by_profile.values():
        ordered = sorted(group, key=lambda r: (r["second"] is None, file_hash(r["file"])))
        for i, r in enumerate(ordered):
            parts[r["file"]] = "heldout" if i % 3 == 1 else "tuning"
    return parts


def read_split(errors):
    parts = {}
    with open(SPLIT, encoding="utf-8") as f:
        lines = f.read().splitlines()
    if not lines or lines[0] != "file\tpart":
        errors.append("split.tsv: the header must be 'file<TAB>part'")
        return parts
    for number, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        if len(cells) != 2 or cells[1] not in PARTS:
            errors.append(f"split.tsv:{number}: want 'file<TAB>tuning|heldout', got {line!r}")
            continue
        if cells[0] in parts:
            errors.append(f"split.tsv:{number}: {cells[0]} listed twice")
        parts[cells[0]] = cells[1]
    return parts


def check_split(rows, errors):
    parts = read_split(errors)
    files = {r["file"] for r in rows}
    for f in sorted(files - set(parts)):
        errors.append(f"split.tsv: {f} is not listed")
    for f in sorted(set(parts) - files):
        errors.append(f"split.tsv: {f} is not in labels.jsonl")
    rule = split_by_rule(rows)
    for f in sorted(files & set(parts)):
        if parts[f] != rule[f]:
            errors.append(f"split.tsv: {f} is {parts[f]}, the frozen rule says {rule[f]}")
    for part in PARTS:
        in_part = [r for r in rows if parts.get(r["file"]) == part]
        for p in sorted(set(PROFILES) - {r["profile"] for r in in_part}):
            errors.append(f"split.tsv: no {p} text in the {part} part")
        if not any(r["second"] for r in in_part):
            errors.append(f"split.tsv: no mixed text in the {part} part")
    return parts


def table(title, groups):
    """Counts per profile (and mixed) for named groups of rows."""
    print(title)
    print(f"  {'profile':44}" + "".join(f"{g:>18}" for g in groups))
    for p in PROFILES:
        cells = []
        for rows in groups.values():
            mine = [r for r in rows if r["profile"] == p]
            cells.append(f"{len(mine)} ({sum(1 for r in mine if r['second'])} mixed)")
        print(f"  {p:44}" + "".join(f"{c:>18}" for c in cells))
    print(f"  {'total':44}" + "".join(
        f"{str(len(rows)) + ' (' + str(sum(1 for r in rows if r['second'])) + ' mixed)':>18}"
        for rows in groups.values()))


def main():
    errors = []
    old = read_labels(VACANCIES, errors)
    if "--print" in sys.argv[1:]:
        rule = split_by_rule(old)
        print("file\tpart")
        for r in old:
            print(f"{r['file']}\t{rule[r['file']]}")
        return 0
    check_files_listed(VACANCIES, old, errors)
    parts = check_split(old, errors)
    new = read_labels(NEW, errors)
    check_files_listed(NEW, new, errors)
    if len(new) < MIN_NEW:
        errors.append(f"vacancies-new: {len(new)} texts, want at least {MIN_NEW}")
    for p in sorted(set(PROFILES) - {r["profile"] for r in new}):
        errors.append(f"vacancies-new: no {p} text")
    overlap = set(text_files(VACANCIES)) & set(text_files(NEW))
    for f in sorted(overlap):
        errors.append(f"vacancies-new: {f} also names a file in vacancies")
    table("texts per profile", {
        "tuning": [r for r in old if parts.get(r["file"]) == "tuning"],
        "heldout": [r for r in old if parts.get(r["file"]) == "heldout"],
        "vacancies-new": new,
    })
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
