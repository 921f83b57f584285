"""``cleanpipe sites``: learn site profiles from a corpus, and look inside them."""

from __future__ import annotations

import argparse
import json

import cleanpipe
from cleanpipe_plugins.header_footer.sites import SiteProfiles, site_key

__all__ = ["add_sites_command"]


def add_sites_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """Add ``cleanpipe sites learn`` and ``cleanpipe sites show``."""
    sites = commands.add_parser(
        "sites",
        help="learn the lines each site repeats (for header-footer's profiles)",
        description="Site profiles: the short lines that the pages of one site "
        "repeat (menus, footers, labels). Learn them over a corpus, then pass "
        "them to the header-footer step: -O header-footer.profiles=FILE.",
    )
    actions = sites.add_subparsers(
        dest="sites_command", required=True, metavar="ACTION"
    )
    learn = actions.add_parser(
        "learn", help="learn profiles from JSONL records or files"
    )
    learn.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="as for 'cleanpipe run'"
    )
    learn.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="profiles file to write (JSON)",
    )
    learn.add_argument(
        "--site-field",
        default="url",
        metavar="NAME",
        help="the record field naming the site: a URL (its host is the site) or any value (default: url)",
    )
    learn.add_argument(
        "--text-field",
        default="text",
        metavar="NAME",
        help="the JSONL field holding the text (default: text)",
    )
    learn.add_argument(
        "--min-pages",
        type=int,
        default=2,
        metavar="N",
        help="a line is chrome once seen on N pages of a site (default: 2)",
    )
    learn.add_argument(
        "--min-share",
        type=float,
        default=0.5,
        metavar="SHARE",
        help="... and on this share of the site's pages (default: 0.5)",
    )
    learn.set_defaults(handler=_learn)
    show = actions.add_parser(
        "show", help="list the sites of a profiles file and their chrome lines"
    )
    show.add_argument("profiles", metavar="FILE")
    show.add_argument("sites", nargs="*", metavar="SITE", help="only these sites")
    show.set_defaults(handler=_show)


def _learn(args: argparse.Namespace) -> int:
    try:
        profiles = SiteProfiles(min_pages=args.min_pages, min_share=args.min_share)
    except ValueError as exc:
        raise cleanpipe.OptionError(str(exc)) from exc
    pages = 0
    for doc in cleanpipe.read_documents(args.inputs, text_field=args.text_field):
        value = doc.fields.get(args.site_field)
        if isinstance(value, str) and value:
            profiles.add(site_key(value) if "://" in value else value, doc.text)
            pages += 1
    profiles.save(args.output)
    print(
        f"learned {len(profiles.sites())} site(s) from {pages} page(s) into {args.output}"
    )
    return cleanpipe.ExitCode.OK


def _show(args: argparse.Namespace) -> int:
    try:
        profiles = SiteProfiles.load(args.profiles)
    except (OSError, ValueError) as exc:
        raise cleanpipe.CleanpipeError(str(exc)) from exc
    for site in args.sites or profiles.sites():
        chrome = sorted(profiles.chrome(site))
        print(
            json.dumps(
                {"site": site, "pages": profiles.pages(site), "chrome": chrome},
                ensure_ascii=False,
            )
        )
    return cleanpipe.ExitCode.OK
