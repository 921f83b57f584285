"""The ``related-links`` step: split a glued run of related headlines off the body."""

from __future__ import annotations

import re

import cleanpipe

__all__ = ["split_related_links"]

_LABEL = re.compile(r"(?m)(?:Related|Read more|More on this story)(?:\.\.\.|:|…)")
_JOIN = re.compile(r"(?<=[a-z'’])(?=[A-Z])")


def split_related_links(doc: cleanpipe.Document) -> cleanpipe.Document:
    """Move the headlines glued after a related-links label to metadata."""
    labels = list(_LABEL.finditer(doc.text))
    if not labels:
        return doc
    label = labels[-1]
    end = doc.text.find("\n", label.end())
    end = len(doc.text) if end < 0 else end
    headlines = [h for h in _JOIN.split(doc.text[label.end() : end]) if h.strip()]
    if len(headlines) < 2:
        return doc
    removed = doc.apply([(label.start(), end, "", "related-links")])
    return removed.with_metadata(related_links=headlines)


@cleanpipe.hookimpl
def cleanpipe_register_steps(register: cleanpipe.Register) -> None:
    register("related-links", split_related_links)
