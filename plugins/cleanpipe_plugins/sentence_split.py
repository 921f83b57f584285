"""The ``sentence-split`` step: put back the space lost where two blocks were glued."""

from __future__ import annotations

import re

import cleanpipe

__all__ = ["split_sentences"]

_GLUED = re.compile(r"(?<=[a-z][.!?])(?=[A-Z][a-z])")


def split_sentences(doc: cleanpipe.Document) -> cleanpipe.Document:
    """Insert a space between a sentence end and a glued capitalized word."""
    return doc.apply(
        cleanpipe.Change(m.start(), m.start(), " ", "sentence-punct")
        for m in _GLUED.finditer(doc.text)
    )


@cleanpipe.hookimpl
def cleanpipe_register_steps(register: cleanpipe.Register) -> None:
    register("sentence-split", split_sentences)
