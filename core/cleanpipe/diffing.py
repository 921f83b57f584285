"""Edits of a ``str`` step, found by comparing its input and output."""

from __future__ import annotations

import difflib

from cleanpipe.document import Change

__all__ = ["diff_changes"]

# Character-level matching costs about len(a) * len(b) in the worst case; past
# this size the changed region is compared line by line instead.
_CHAR_DIFF_LIMIT = 2_000_000


def diff_changes(before: str, after: str, rule: str = "diff") -> list[Change]:
    """Return changes that turn ``before`` into ``after``.

    Small differences are located to the character; a large changed region is
    reported line by line, so a step that rewrites a 10 MB text costs one
    pass over its lines, not a quadratic comparison.

    >>> diff_changes("region.More", "region. More")
    [Change(start=7, end=7, after=' ', rule='diff')]
    """
    if before == after:
        return []
    head = _common_prefix(before, after)
    tail = _common_prefix(before[head:][::-1], after[head:][::-1])
    old, new = before[head : len(before) - tail], after[head : len(after) - tail]
    if len(old) * len(new) <= _CHAR_DIFF_LIMIT:
        return _matched(old, new, head, rule, list(old), list(new))
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    return _matched(old, new, head, rule, old_lines, new_lines)


def _common_prefix(a: str, b: str) -> int:
    # A binary search on slices: the comparisons run in C, not per character.
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _matched(
    old: str, new: str, base: int, rule: str, a: list[str], b: list[str]
) -> list[Change]:
    """Changes from matching the units ``a`` of ``old`` against ``b`` of ``new``."""
    a_pos = _positions(a)
    b_pos = _positions(b)
    changes = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            start, end = a_pos[i1], a_pos[i2]
            changes.append(
                Change(base + start, base + end, new[b_pos[j1] : b_pos[j2]], rule)
            )
    return changes


def _positions(units: list[str]) -> list[int]:
    positions = [0]
    for unit in units:
        positions.append(positions[-1] + len(unit))
    return positions
