"""Human-readable accounts of what each step changed, and why."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from cleanpipe.document import Document, Edit, replay

__all__ = ["explain"]

_CONTEXT = 24
_LONGEST = 72


def explain(original: str, doc: Document) -> str:
    """Describe ``doc.edits``: per step, each edit's rule, position and change.

    Positions are offsets in the text the step received, shown with a little
    of the text around them.
    """
    lines = [f"== {doc.id or 'document'}: {len(doc.edits)} edit(s)"]
    text = original
    for step, group in itertools.groupby(doc.edits, key=lambda e: e.step):
        edits = list(group)
        lines.append(f"-- {step}: {len(edits)} edit(s)")
        lines += (f"   {line}" for line in _describe(text, edits))
        text = replay(text, edits)
    return "\n".join(lines) + "\n"


def _describe(text: str, edits: list[Edit]) -> Iterator[str]:
    for edit in edits:
        end = edit.offset + len(edit.before)
        left = text[max(0, edit.offset - _CONTEXT) : edit.offset]
        right = text[end : end + _CONTEXT]
        change = f"[{_short(edit.before)} → {_short(edit.after)}]"
        context = f"…{_flat(left)}{change}{_flat(right)}…"
        yield f"{edit.rule} @{edit.offset}: {context}"


def _short(text: str) -> str:
    if len(text) > _LONGEST:
        text = f"{text[: _LONGEST // 2]} … {text[-_LONGEST // 2 :]}"
    return repr(text)


def _flat(text: str) -> str:
    return text.replace("\n", "⏎")
