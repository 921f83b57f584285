"""cleanpipe's built-in steps, one module each.

Each module is a plugin declared in ``[project.entry-points.cleanpipe]``,
exactly as a third-party plugin would be, and uses only the public
``cleanpipe`` API. What several steps share lives here, and in
:mod:`cleanpipe_plugins.words` (word frequencies).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

__all__ = ["EMOJI", "SPACE_MARKS", "char_class"]

#: Emoji and their modifiers, as the inside of a character class.
EMOJI = "\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d"
#: What sentence-split puts a missing space after, before a capital, an opening
#: quote or a link ("region.More", "said.“We"), as the inside of a character
#: class. related-links breaks words there too, so that a headline counts as
#: many words before sentence-split as after it.
SPACE_MARKS = f".!?*…”’\"')\\]:;{EMOJI}"


@functools.cache
def char_class(predicate: Callable[[str], bool]) -> str:
    """The body of a regex character class: the BMP characters meeting ``predicate``.

    Python's ``re`` has no ``\\p{Lu}``. Scanning the BMP costs about 0.1 s, so
    each class is built once per process and shared by the steps that use it
    (``char_class(str.isupper)`` serves both sentence-split and related-links);
    cased letters beyond the BMP are too rare in web text to be worth it.
    """
    parts = []
    start = None
    for code in range(0x10001):
        inside = code < 0x10000 and predicate(chr(code))
        if inside and start is None:
            start = code
        elif not inside and start is not None:
            first, last = re.escape(chr(start)), re.escape(chr(code - 1))
            parts.append(first if start == code - 1 else f"{first}-{last}")
            start = None
    return "".join(parts)
