#!/usr/bin/env python3
"""Lists files in src/ over the line limit and functions over the length limit.

Functions are found on clang-formatted code: a definition opens with a line at column 0 that
ends in "{" (after a ")" or an initialiser list) and closes with the next "}" at column 0.
A file or function may exceed its limit when a comment `// size: <reason>` sits in its first
lines (a file) or on the lines just above it (a function): the reason is written where the
reader meets the size. Exit status 1 when an unexplained one is found.
"""
import pathlib
import re
import sys

MAX_FILE_LINES = 800
MAX_FUNCTION_LINES = 120
ROOT = pathlib.Path(__file__).resolve().parent.parent


def functions(lines):
    start = None
    for i, line in enumerate(lines):
        if start is None:
            if (line and not line[0].isspace() and line.rstrip().endswith("{")
                    and not re.match(r"(namespace|class|struct|enum|union|extern|static const|const|constexpr|inline constexpr|#)", line)
                    and ("(" in line or (i > 0 and ")" in lines[i - 1]))):
                start = i
        elif line.startswith("}"):
            yield start, i
            start = None


def explained(lines, at):
    return any("// size:" in l for l in lines[max(0, at - 4):at + 1])


def main():
    problems = []
    report = "--report" in sys.argv
    for path in sorted((ROOT / "src").rglob("*")):
        if path.suffix not in (".cpp", ".h"):
            continue
        lines = path.read_text(encoding="utf-8").split("\n")
        rel = path.relative_to(ROOT)
        if len(lines) > MAX_FILE_LINES and not explained(lines, 3):
            problems.append(f"{rel}: {len(lines)} lines (limit {MAX_FILE_LINES})")
        for begin, end in functions(lines):
            n = end - begin + 1
            if n > MAX_FUNCTION_LINES and not explained(lines, begin):
                head = lines[begin].strip()
                if not head.endswith(")") and "(" not in head:
                    head = lines[begin - 1].strip() + " " + head
                problems.append(f"{rel}:{begin + 1}: function of {n} lines (limit "
                                f"{MAX_FUNCTION_LINES}): {head[:80]}")
    for p in problems:
        print(p)
    return 1 if problems and not report else 0


if __name__ == "__main__":
    sys.exit(main())
