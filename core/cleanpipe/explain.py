"""Human-readable accounts of what each step changed, and why.

``cleanpipe run --explain`` writes one per document to standard error: per
step, each small edit as an inline diff in its context, with the rule that
made it, and each removed block with its lines and the rule that removed it.
On a terminal the diff is in colour; elsewhere, or with ``NO_COLOR`` set, it
is plain text that marks each change ``[before → after]``.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from typing import IO

from cleanpipe.document import Document, Edit, replay

__all__ = ["explain", "wants_color"]

_CONTEXT = 24
_LONGEST = 72
# A deletion of text this long, or with a line break, reads better as the
# lines it removed than inline.
_BLOCK = 40
_BLOCK_LINES = 8

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_RED = "\x1b[31m"
_GREEN = "\x1b[32m"
_YELLOW = "\x1b[33m"
_CYAN = "\x1b[36m"
# In colour the change has no brackets or quotes, so whitespace must show.
_VISIBLE = str.maketrans({" ": "␣", "\n": "⏎", "\t": "⇥", "\r": "␍", "\u00a0": "⍽"})


def wants_color(stream: IO[str]) -> bool:
    """Whether to colour what goes to ``stream``.

    Only for a terminal, unless ``FORCE_COLOR`` is set; never when
    ``NO_COLOR`` is set (https://no-color.org) or ``TERM`` is ``dumb``.
    """
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


def explain(original: str, doc: Document, *, color: bool = False) -> str:
    """Describe ``doc.edits``, made from ``original``: per step, what changed and why.

    Positions (``@offset``) are offsets in the text the step received.

    >>> import cleanpipe
    >>> doc = cleanpipe.run("region.More", plugins="sentence-split")
    >>> print(explain("region.More", doc), end="")
    == document: 1 edit by 1 step
    -- sentence-split: 1 edit
       sentence-punct @7: …region.['' → ' ']More…
    """
    paint = _Painter(color)
    steps = itertools.groupby(doc.edits, key=lambda e: e.step)
    groups = [(step, list(edits)) for step, edits in steps]
    lines = [
        paint(
            _BOLD,
            f"== {doc.id or 'document'}: {_count(len(doc.edits), 'edit')} "
            f"by {_count(len(groups), 'step')}",
        )
    ]
    text = original
    for step, edits in groups:
        lines.append(paint(_CYAN, f"-- {step}: {_count(len(edits), 'edit')}"))
        lines += (
            f"   {line}" for edit in edits for line in _describe(text, edit, paint)
        )
        text = replay(text, edits)
    return "\n".join(lines) + "\n"


class _Painter:
    """Wraps text in an ANSI colour, or leaves it as it is."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, style: str, text: str) -> str:
        return f"{style}{text}{_RESET}" if self.color and text else text


def _describe(text: str, edit: Edit, paint: _Painter) -> Iterator[str]:
    rule = paint(_YELLOW, edit.rule)
    if _is_block(edit):
        yield from _removed_block(edit, rule, paint)
        return
    end = edit.offset + len(edit.before)
    left = _flat(text[max(0, edit.offset - _CONTEXT) : edit.offset])
    right = _flat(text[end : end + _CONTEXT])
    if paint.color:
        before = paint(_RED, _short(edit.before).translate(_VISIBLE))
        after = paint(_GREEN, _short(edit.after).translate(_VISIBLE))
        change = before + after
    else:
        change = f"[{_short(edit.before)!r} → {_short(edit.after)!r}]"
    yield f"{rule} @{edit.offset}: {paint(_DIM, '…' + left)}{change}{paint(_DIM, right + '…')}"


def _is_block(edit: Edit) -> bool:
    """Whether ``edit`` removed whole lines, or a stretch too long to show inline."""
    if edit.after or not edit.before.strip():
        return False
    return "\n" in edit.before or len(edit.before) > _BLOCK


def _removed_block(edit: Edit, rule: str, paint: _Painter) -> Iterator[str]:
    lines = [line for line in edit.before.split("\n") if line.strip()]
    size = f"{_count(len(lines), 'line')}, {_count(len(edit.before), 'char')}"
    yield f"{rule} @{edit.offset}: removed {size}:"
    for line in lines[:_BLOCK_LINES]:
        yield f"{paint(_DIM, '│')} {paint(_RED, _short(line, _LONGEST + 28))}"
    if len(lines) > _BLOCK_LINES:
        yield paint(_DIM, f"│ … {_count(len(lines) - _BLOCK_LINES, 'more line')}")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _short(text: str, longest: int = _LONGEST) -> str:
    if len(text) > longest:
        return f"{text[: longest // 2]} … {text[-longest // 2 :]}"
    return text


def _flat(text: str) -> str:
    return text.replace("\n", "⏎")
