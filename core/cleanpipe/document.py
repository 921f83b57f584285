"""The document model: a frozen text with its metadata and the record of every edit."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

import attrs

__all__ = ["Change", "Document", "Edit", "replay"]


class Change(NamedTuple):
    """A change a step proposes: replace ``text[start:end]`` with ``after``.

    ``rule`` names why, in a short kebab-case id that users see in ``--explain``.
    A plain ``(start, end, after, rule)`` tuple is accepted wherever a
    ``Change`` is.
    """

    start: int
    end: int
    after: str
    rule: str


class Edit(NamedTuple):
    """One recorded edit: ``before`` at ``offset`` became ``after``.

    ``offset`` is a position in the text as the step received it, so the edits
    of one step, applied in order to that step's input, give its output
    (see :func:`replay`). A named tuple, not an attrs class: a step may make
    millions of edits on a large document, and a tuple is several times
    cheaper to make.
    """

    step: str
    rule: str
    offset: int
    before: str
    after: str


def _edit_tuple(edits: Iterable[Edit]) -> tuple[Edit, ...]:
    return tuple(edits)


def _frozen_mapping(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value))


@attrs.frozen
class Document:
    """A text on its way through the pipeline.

    Steps never mutate a document: they return a new one, made with
    :meth:`apply`, :meth:`with_metadata` or :meth:`evolve`.

    :ivar text: the current text.
    :ivar id: where the document came from (a file name, ``file:line``), for
        messages; ``None`` when unknown.
    :ivar metadata: a read-only mapping of what steps found or split off,
        such as ``metadata["related_links"]``.
    :ivar edits: every edit made so far, in order, by step and rule.
    """

    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    id: str | None = None
    metadata: Mapping[str, Any] = attrs.field(
        factory=dict, converter=_frozen_mapping, hash=False
    )
    edits: tuple[Edit, ...] = attrs.field(default=(), converter=_edit_tuple)

    def evolve(self, **changes: Any) -> Document:
        """Return a copy with the given attributes replaced."""
        return attrs.evolve(self, **changes)

    def with_metadata(self, **items: Any) -> Document:
        """Return a copy whose metadata also holds ``items``."""
        return attrs.evolve(self, metadata={**self.metadata, **items})

    def apply(self, changes: Iterable[Change | tuple[int, int, str, str]]) -> Document:
        """Apply ``changes`` to the text and record each one as an :class:`Edit`.

        The changes are positions in the current text; they must be sorted and
        must not overlap. The edits are recorded without a step name: the
        pipeline stamps the name of the step that made them.

        >>> doc = Document("region.More").apply([(7, 7, " ", "sentence-punct")])
        >>> doc.text, doc.edits[0].rule, doc.edits[0].offset
        ('region. More', 'sentence-punct', 7)
        """
        parts: list[str] = []
        edits: list[Edit] = []
        position = 0
        for start, end, after, rule in changes:
            if not position <= start <= end <= len(self.text):
                msg = (
                    f"change {rule!r} at {start}:{end} is out of order, overlaps "
                    f"the previous one or lies outside the text ({len(self.text)} chars)"
                )
                raise ValueError(msg)
            before = self.text[start:end]
            if before == after:
                continue
            parts += (self.text[position:start], after)
            edits.append(Edit("", rule, start, before, after))
            position = end
        if not edits:
            return self
        parts.append(self.text[position:])
        return attrs.evolve(self, text="".join(parts), edits=(*self.edits, *edits))


def replay(text: str, edits: Iterable[Edit]) -> str:
    """Apply recorded ``edits`` to ``text``, one step's edits after another.

    The edits of each step are positions in that step's input, so
    ``replay(original, doc.edits) == doc.text`` for any document the pipeline
    made from ``original``. Raises ``ValueError`` if an edit's ``before`` is not
    what the text holds at its offset.
    """
    current = text
    batch: list[Edit] = []
    for edit in edits:
        if batch and edit.step != batch[-1].step:
            current = _replay_step(current, batch)
            batch = []
        batch.append(edit)
    return _replay_step(current, batch) if batch else current


def _replay_step(text: str, edits: list[Edit]) -> str:
    for edit in edits:
        if text[edit.offset : edit.offset + len(edit.before)] != edit.before:
            msg = f"edit {edit.rule!r} of step {edit.step!r} does not match the text"
            raise ValueError(msg)
    changes = [
        Change(e.offset, e.offset + len(e.before), e.after, e.rule) for e in edits
    ]
    return Document(text).apply(changes).text
