#!/usr/bin/env python3
"""Checks the include graph of src/ against the allowed dependencies in docs/ARCHITECTURE.md.

The table between the markers `<!-- layering:begin -->` and `<!-- layering:end -->` lists, per
module (a folder under src/), the modules it may include and the external headers only it may
include. An include of another module not in its row, or of a fenced external header (sqlite3,
Xapian, httplib, CLI11, pqxx, libsodium) from a module whose row does not name it, fails. The table is the
documentation and the rule at once, so the two cannot drift apart.
Usage: check_layering.py [ROOT]   (exit status 1 on a forbidden include)
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent)
FENCED = {"sqlite3.h": "sqlite3", "xapian.h": "xapian", "httplib.h": "httplib",
          "CLI/CLI.hpp": "CLI11", "pqxx/pqxx": "pqxx", "sodium.h": "sodium"}


ALL_MODULES = sorted(p.name for p in (ROOT / "src").iterdir() if p.is_dir())


def read_table():
    doc = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- layering:begin -->(.*?)<!-- layering:end -->", doc, re.S)
    if not m:
        sys.exit("docs/ARCHITECTURE.md has no layering table")
    modules, externals = {}, {}
    for line in m.group(1).splitlines():
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or cells[0] in ("module", "") or set(cells[0]) <= set("-: "):
            continue
        mod = cells[0].rstrip("/")
        deps = cells[1]
        if deps.startswith("every module"):  # "every module" or "every module but `x`"
            but = {c.strip().strip("`") for c in deps.partition(" but ")[2].split(",")}
            deps = ",".join(m for m in ALL_MODULES if m not in but and m != mod)
        modules[mod] = {c.strip().strip("`").rstrip("/") for c in deps.split(",")} - {"—", "-", ""}
        externals[mod] = {c.strip().strip("`") for c in cells[2].split(",")} - {"—", "-", ""}
    return modules, externals


def main():
    allowed, externals = read_table()
    problems = []
    for path in sorted((ROOT / "src").rglob("*")):
        if path.suffix not in (".h", ".cpp"):
            continue
        rel = path.relative_to(ROOT / "src")
        mod = rel.parts[0]
        if mod not in allowed:
            problems.append(f"src/{rel}: module '{mod}' is not in the layering table")
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = re.match(r'\s*#\s*include\s+"([^"/]+)/', line)
            if m and m.group(1) != mod and m.group(1) not in allowed[mod]:
                problems.append(f"src/{rel}:{n}: {mod}/ may not include {m.group(1)}/ "
                                f"(allowed: {', '.join(sorted(allowed[mod])) or 'nothing'})")
            m = re.match(r"\s*#\s*include\s+<([^>]+)>", line)
            header = m.group(1) if m else ""
            if header.startswith("pqxx/"):
                header = "pqxx/pqxx"  # every libpqxx header is behind the same fence
            if m and header in FENCED and FENCED[header] not in externals[mod]:
                problems.append(f"src/{rel}:{n}: <{m.group(1)}> belongs behind its adapter; "
                                f"{mod}/ may not include it")
    for p in problems:
        print(p)
    if not problems:
        print(f"layering: {len(allowed)} modules, every include allowed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
