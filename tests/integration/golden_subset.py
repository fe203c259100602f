"""Checks that an exported document contains every field and value of a golden one.

Extra fields in the export are fine; strings are compared after collapsing whitespace runs, as
the issue asks. Lists must match element by element (same length, same order).
"""
import re


def _collapse(text):
    return re.sub(r"\s+", " ", text).strip()


def golden_differences(golden, actual, path="$"):
    """Yields a readable line per difference between golden and actual."""
    if isinstance(golden, dict):
        if not isinstance(actual, dict):
            yield f"{path}: expected an object, got {type(actual).__name__}"
            return
        for key, value in golden.items():
            if key not in actual:
                yield f"{path}.{key}: missing"
            else:
                yield from golden_differences(value, actual[key], f"{path}.{key}")
    elif isinstance(golden, list):
        if not isinstance(actual, list):
            yield f"{path}: expected a list, got {type(actual).__name__}"
            return
        if len(golden) != len(actual):
            yield f"{path}: {len(actual)} items, golden has {len(golden)}"
        for i, (g, a) in enumerate(zip(golden, actual)):
            yield from golden_differences(g, a, f"{path}[{i}]")
    elif isinstance(golden, str):
        if not isinstance(actual, str) or _collapse(golden) != _collapse(actual):
            yield f"{path}: expected {golden!r}, got {actual!r}"
    elif golden != actual or type(golden) is not type(actual):
        yield f"{path}: expected {golden!r}, got {actual!r}"
