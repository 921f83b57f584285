"""The ``cookie-banners`` step: remove cookie and consent banner lines from scraped text.

A scraper that saves a page's text saves its cookie banner too::

    We use cookies to improve your experience. By continuing you agree.
    Accept all cookies
    Reject all
    More than half of the troops...

The step removes the banner's lines, each edit recorded with the rule that
found it, and keeps them in ``metadata["cookie_banner"]``:

- ``cookie-notice``: a line that begins like a banner's notice ("We use
  cookies", "Wir verwenden Cookies", "Nous utilisons des cookies") and says
  cookie, consent or the like;
- ``cookie-control``: a line that is a banner control in any context
  ("Accept all cookies", "Cookie settings");
- ``cookie-button``: a line that is only a button label ("Accept", "OK",
  "Tout refuser", a lone close mark) next to a removed line, or next to another such
  button that is;
- ``cookie-extra``: a line that begins with one of the ``extra_phrases``.

The blank lines after a removed line go with it. Long lines are article text
whatever they begin with (``max_line_chars``).
"""

from __future__ import annotations

import functools
import itertools
import re

import attrs

import cleanpipe
from cleanpipe_cookie_banners.phrases import LANGUAGES

__all__ = ["Options", "remove_cookie_banners"]


def _known_languages(
    instance: Options, attribute: object, value: tuple[str, ...]
) -> None:
    unknown = sorted(set(value) - set(LANGUAGES))
    if unknown:
        msg = f"unknown language(s) {', '.join(unknown)}; known: {', '.join(LANGUAGES)}"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Options:
    """The options of ``cookie-banners``, set with ``-O cookie-banners.NAME=VALUE``."""

    #: The languages whose banners to look for, as ISO 639-1 codes.
    languages: tuple[str, ...] = attrs.field(
        default=tuple(LANGUAGES), validator=_known_languages
    )
    #: More ways a banner's notice begins on your sites, matched at the start
    #: of a line, ignoring case: ``-O 'cookie-banners.extra_phrases=Hinweis zu Cookies'``.
    extra_phrases: tuple[str, ...] = ()
    #: A line longer than this is article text, whatever it begins with.
    max_line_chars: int = attrs.field(default=600, validator=attrs.validators.gt(0))


@attrs.frozen
class _Patterns:
    notice: re.Pattern[str]
    keyword: re.Pattern[str]
    control: re.Pattern[str]
    button: re.Pattern[str]
    extra: tuple[str, ...]


def _any(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@functools.cache
def _patterns(options: Options) -> _Patterns:
    """The compiled phrases of the chosen languages, once per set of options."""
    languages = [LANGUAGES[code] for code in options.languages]
    flags = re.IGNORECASE
    return _Patterns(
        notice=re.compile(
            _any([p for lang in languages for p in lang.openings]), flags
        ),
        keyword=re.compile(
            _any([p for lang in languages for p in lang.keywords]), flags
        ),
        control=re.compile(
            _any([p for lang in languages for p in lang.controls]), flags
        ),
        button=re.compile(_any([p for lang in languages for p in lang.buttons]), flags),
        extra=tuple(phrase.casefold() for phrase in options.extra_phrases if phrase),
    )


# Bullets, quotes, brackets, emoji and punctuation around a label: "[Accept]",
# "🍪 We use cookies", "Accept all »".
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


def _rule(line: str, patterns: _Patterns, max_chars: int) -> str | None:
    """The rule that makes ``line`` a banner line on its own, or ``None``."""
    label = _EDGES.sub("", line)
    if not label or len(line.strip()) > max_chars:
        return None
    if label.casefold().startswith(patterns.extra):
        return "cookie-extra"
    if patterns.control.fullmatch(label):
        return "cookie-control"
    if patterns.notice.match(label) and patterns.keyword.search(label):
        return "cookie-notice"
    return None


def _is_button(line: str, patterns: _Patterns) -> bool:
    """Whether ``line`` is only a button label, or only symbols (a close mark)."""
    label = _EDGES.sub("", line)
    return not label or patterns.button.fullmatch(label) is not None


def remove_cookie_banners(
    doc: cleanpipe.Document, options: Options
) -> cleanpipe.Document:
    """Remove cookie and consent banner lines, recording each with its rule."""
    patterns = _patterns(options)
    lines = doc.text.splitlines(keepends=True)
    starts = list(itertools.accumulate(map(len, lines), initial=0))
    content = [i for i, line in enumerate(lines) if line.strip()]
    rules = {
        i: rule
        for i in content
        if (rule := _rule(lines[i], patterns, options.max_line_chars))
    }
    if not rules:
        return doc
    buttons = {i for i in content if i not in rules and _is_button(lines[i], patterns)}
    # A run of buttons next to a banner line belongs to it, on either side:
    # one sweep down the lines catches the runs below, one up those above.
    for order in (content, content[::-1]):
        for neighbour, line in itertools.pairwise(order):
            if line in buttons and neighbour in rules:
                rules[line] = "cookie-button"
    # Each removed line takes the blank lines after it, up to the next content.
    next_content = dict(itertools.pairwise([*content, len(lines)]))
    removed = sorted(rules)
    changes = [
        cleanpipe.Change(starts[i], starts[next_content[i]], "", rules[i])
        for i in removed
    ]
    banner = [lines[i].strip() for i in removed]
    return doc.apply(changes).with_metadata(cookie_banner=banner)


@cleanpipe.hookimpl
def cleanpipe_register_steps(register: cleanpipe.Register) -> None:
    """Offer the ``cookie-banners`` step."""
    register(
        "cookie-banners",
        remove_cookie_banners,
        description="Remove cookie and consent banner lines (en, de, fr, es, it, nl, pt).",
        options=Options,
    )
