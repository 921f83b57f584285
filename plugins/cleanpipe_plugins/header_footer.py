"""The ``header-footer`` step: remove the site chrome around an article."""

from __future__ import annotations

import re

import cleanpipe

__all__ = ["remove_header_footer"]

_PROSE = re.compile(r"[^\n]{200,}")


def remove_header_footer(doc: cleanpipe.Document) -> cleanpipe.Document:
    """Keep the lines from the title above the first prose block to the last one."""
    blocks = list(_PROSE.finditer(doc.text))
    if not blocks:
        return doc
    start, end = blocks[0].start(), blocks[-1].end()
    lines_before = doc.text[:start].rstrip("\n").rsplit("\n", 1)
    if len(lines_before) == 2 and len(lines_before[1]) > 20:
        start = len(lines_before[0]) + 1
    changes = [
        (0, start, "", "before-article"),
        (end, len(doc.text), "", "after-article"),
    ]
    removed = [doc.text[:start], doc.text[end:]]
    return doc.apply(changes).with_metadata(removed=[r for r in removed if r.strip()])


@cleanpipe.hookimpl
def cleanpipe_register_steps(register: cleanpipe.Register) -> None:
    register("header-footer", remove_header_footer)
