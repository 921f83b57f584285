"""The ``header-footer`` step: remove the site chrome around and inside an article.

The article is found from the text alone (:mod:`.chrome`): the page is cut into
blocks, each block scored (running prose is worth its words, menus, labels,
notices and time stamps cost), and the best-scoring contiguous run of blocks is
the article, widened to its title. Everything else goes, with its reason, and
stays in ``doc.metadata["header_footer"]["removed"]`` and in the edits.

Pages of one site repeat their chrome. Site profiles (:mod:`.sites`), learned
over a corpus with ``cleanpipe sites learn``, make those repeated lines strong
evidence: ``-O header-footer.profiles=profiles.json``.
"""

from __future__ import annotations

import argparse
import functools
from pathlib import Path

import attrs

import cleanpipe
from cleanpipe_plugins.header_footer.chrome import Options as ChromeOptions
from cleanpipe_plugins.header_footer.chrome import find_chrome
from cleanpipe_plugins.header_footer.commands import add_sites_command
from cleanpipe_plugins.header_footer.sites import SiteProfiles, site_key

__all__ = ["Options", "remove_header_footer"]


@functools.cache
def _load_profiles(path: str) -> SiteProfiles:
    try:
        return SiteProfiles.load(Path(path))
    except (OSError, ValueError) as exc:
        msg = f"cannot use site profiles {path}: {exc}"
        raise cleanpipe.OptionError(msg) from exc


def _readable_profiles(_: object, __: object, path: str | None) -> None:
    # Checked when the pipeline is built: a wrong path is a usage error,
    # not a failure on every document.
    if path is not None:
        _load_profiles(path)


@attrs.frozen
class Options(ChromeOptions):
    """The options of :class:`.chrome.Options`, and the site profiles to use.

    Attributes:
        profiles: a site-profiles file (``cleanpipe sites learn``); lines that
            a document's site repeats on its pages count as chrome.
        site_field: the record field that names a document's site: a URL (its
            host is the site) or any other value, used as it is.
    """

    profiles: str | None = attrs.field(default=None, validator=_readable_profiles)
    site_field: str = "url"


def _site_chrome(doc: cleanpipe.Document, options: Options) -> frozenset[str]:
    if options.profiles is None:
        return frozenset()
    value = doc.fields.get(options.site_field)
    if not isinstance(value, str) or not value:
        return frozenset()
    site = site_key(value) if "://" in value else value
    return _load_profiles(options.profiles).chrome(site)


def remove_header_footer(
    doc: cleanpipe.Document, options: Options
) -> cleanpipe.Document:
    """Remove the chrome before, after and inside the article, with reasons."""
    result = find_chrome(doc.text, options, _site_chrome(doc, options))
    cleaned = doc.apply(result.changes)
    # The metadata's texts are the edits' own strings where nothing is to be
    # stripped, not copies: a large page would otherwise hold its chrome twice.
    removed = [
        {"rule": edit.rule, "text": text}
        for edit in cleaned.edits[len(doc.edits) :]
        if (text := edit.before.strip())
    ]
    found = {"article_found": result.article_found, "removed": removed}
    return cleaned.with_metadata(header_footer=found)


@cleanpipe.hookimpl
def cleanpipe_register_steps(register: cleanpipe.Register) -> None:
    register(
        "header-footer",
        remove_header_footer,
        description="Remove site chrome (menus, labels, notices, footers) around "
        "and inside the article.",
        options=Options,
    )


@cleanpipe.hookimpl
def cleanpipe_register_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    add_sites_command(commands)
