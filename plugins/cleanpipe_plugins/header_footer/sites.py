"""Corpus mode for the header/footer step: learn the lines a site repeats.

Pages of one site share their chrome: the same menu items, footer lines and labels
come back on every page, while article text does not (CCNet drops repeated lines
for that reason).  :class:`SiteProfiles` counts, per site key (for example the host
of each record's URL, see :func:`site_key`), on how many pages each short block
occurs; blocks seen on at least ``min_pages`` pages and at least ``min_share`` of
the site's pages become the site's chrome, which :func:`.chrome.find_chrome`
takes as strong evidence (``site_chrome=profiles.chrome(site)``).

Profiles can be saved to and loaded from a JSON file, so a batch can be learned once
and applied later, or learned over several runs.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import attrs

from cleanpipe_plugins.header_footer.blocks import split_blocks, split_weak

__all__ = ["SiteProfiles", "site_key"]

_FORMAT = "cleanpipe.header_footer.site_profiles"
_VERSION = 1


def site_key(url: str) -> str:
    """The site of ``url``: its host, lowercased, without a leading ``www.``."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def _page_keys(text: str, max_words: int) -> set[str]:
    """Normalized short blocks of one page, cut as find_chrome may cut them."""
    keys: set[str] = set()
    for block in split_blocks(text):
        for part in {block, *split_weak(text, block)}:
            if part.key and part.words <= max_words:
                keys.add(part.key)
    return keys


@attrs.define
class SiteProfiles:
    """Per-site counts of the pages each short block occurs on.

    Attributes:
        min_pages: a block is chrome for a site once seen on this many of its pages.
        min_share: ... and on at least this share of the site's pages.
        max_words: only blocks of at most this many words are learned: long
            paragraphs repeat across a site rarely, and then are better kept.

    Two pages that are copies of one article teach its short sentences as chrome;
    deduplicate pages before learning.  Sentence-like blocks are only taken as
    chrome by ``find_chrome`` when they do not read as sentences, which limits the
    harm.
    """

    min_pages: int = attrs.field(default=2, validator=attrs.validators.ge(2))
    min_share: float = attrs.field(
        default=0.5, validator=[attrs.validators.gt(0.0), attrs.validators.le(1.0)]
    )
    max_words: int = attrs.field(default=25, validator=attrs.validators.ge(1))
    _pages: Counter[str] = attrs.field(factory=Counter, init=False)
    _blocks: dict[str, Counter[str]] = attrs.field(factory=dict, init=False)

    def add(self, site: str, text: str) -> None:
        """Count the short blocks of one page of ``site``."""
        self._pages[site] += 1
        self._blocks.setdefault(site, Counter()).update(
            _page_keys(text, self.max_words)
        )

    def sites(self) -> list[str]:
        """The sites learned, sorted."""
        return sorted(self._pages)

    def pages(self, site: str) -> int:
        """How many pages of ``site`` were added."""
        return self._pages[site]

    def chrome(self, site: str) -> frozenset[str]:
        """Normalized blocks that ``site`` repeats on enough of its pages."""
        floor = max(self.min_pages, self.min_share * self._pages[site])
        counts = self._blocks.get(site, Counter())
        return frozenset(key for key, pages in counts.items() if pages >= floor)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the profiles to ``path`` as JSON (atomically: temp file, rename)."""
        data = {
            "format": _FORMAT,
            "version": _VERSION,
            "min_pages": self.min_pages,
            "min_share": self.min_share,
            "max_words": self.max_words,
            "sites": {
                site: {"pages": pages, "blocks": dict(self._blocks.get(site, {}))}
                for site, pages in sorted(self._pages.items())
            },
        }
        target = Path(path)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False, sort_keys=True)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> SiteProfiles:
        """Read profiles written by :meth:`save`; raises ``ValueError`` if malformed."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            raise ValueError(f"{path}: not a site-profiles file")
        if data.get("version") != _VERSION:
            raise ValueError(f"{path}: unsupported version {data.get('version')!r}")
        try:
            profiles = cls(
                min_pages=data["min_pages"],
                min_share=data["min_share"],
                max_words=data["max_words"],
            )
            for site, entry in data["sites"].items():
                profiles._pages[site] = int(entry["pages"])
                profiles._blocks[site] = Counter(
                    {str(key): int(n) for key, n in entry["blocks"].items()}
                )
        except (KeyError, TypeError, AttributeError) as error:
            raise ValueError(f"{path}: malformed site profiles: {error}") from error
        return profiles
