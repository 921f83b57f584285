"""The plugin API: every hook a cleanpipe plugin can implement.

A plugin is a module (or any object) with functions marked ``@cleanpipe.hookimpl``
whose names are the hooks below. Installed packages announce their plugin
modules in the entry-point group ``cleanpipe``::

    [project.entry-points.cleanpipe]
    shout = "cleanpipe_shout"

Discovery is automatic, activation is explicit: a step registered by a plugin
runs only when the user names it in ``--plugins``, at the position they name
it. The order in which pluggy calls the hooks never decides the order of the
steps, so installing a plugin never changes what ``--plugins default`` does.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from cleanpipe.steps import Register

__all__ = ["hookimpl", "hookspec"]

hookspec = pluggy.HookspecMarker("cleanpipe")
"""Marker for the hook specifications below (cleanpipe's own use)."""

hookimpl = pluggy.HookimplMarker("cleanpipe")
"""Marker for plugins' hook implementations: ``@cleanpipe.hookimpl``."""


@hookspec
def cleanpipe_register_steps(register: Register) -> None:
    """Offer cleaning steps by calling ``register`` once per step.

    Called once, when the plugins are loaded. ``register`` takes::

        register(name, function, *, description="", options=None)

    :param name: the step's name, the one users write in ``--plugins``:
        lower case, digits and ``-`` (``"shout"``, ``"related-links"``). It must
        not clash with another installed step: a clash is reported and the
        step of the later plugin is ignored (built-in steps always win).
    :param function: the step itself. It takes and returns ``str``, or takes
        and returns a :class:`cleanpipe.Document`, as its first parameter's
        annotation says (``str`` when there is none).

        - A ``str`` step returns the new text; cleanpipe records its edits by
          comparing the text before and after (rule ``"diff"``).
        - A ``Document`` step returns a new document, made with
          ``doc.apply(changes)`` (each change ``(start, end, after, rule)``
          is recorded as an edit, with its rule and position) and
          ``doc.with_metadata(...)`` for what it found or split off.

        If the step declares ``options``, it is called as
        ``function(text_or_doc, options)`` with an instance of that class.
    :param description: one line for ``cleanpipe plugins``; defaults to the
        first line of the function's docstring.
    :param options: a frozen ``attrs`` class whose fields (each with a
        default) are the step's options. Users set them with
        ``-O name.field=value`` on the command line, in ``[tool.cleanpipe]``
        of ``pyproject.toml`` or in ``cleanpipe.toml``, or as
        ``cleanpipe.clean(text, name={"field": value})``. Field types
        ``bool``, ``int``, ``float``, ``str`` and ``tuple[str, ...]`` are
        parsed from the command line; ``attrs`` validators check values.

    A step must not keep state between documents: pipelines may run it in
    several processes, on documents in any order.

    Example::

        @cleanpipe.hookimpl
        def cleanpipe_register_steps(register):
            register("shout", shout, description="Upper-case the text.")

        def shout(text: str) -> str:
            return text.upper()
    """


@hookspec
def cleanpipe_register_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """Add subcommands to the ``cleanpipe`` command line.

    Called once, when the command line is built. ``commands`` is the
    :mod:`argparse` sub-parsers object: add a parser, its arguments, and a
    ``handler`` default, the function that runs the command with the parsed
    arguments and returns the exit status::

        @cleanpipe.hookimpl
        def cleanpipe_register_commands(commands):
            sites = commands.add_parser("sites", help="learn site profiles")
            sites.add_argument("inputs", nargs="+")
            sites.set_defaults(handler=learn)

        def learn(args) -> int:
            ...
            return 0

    A handler reports a problem by raising :class:`cleanpipe.CleanpipeError`
    (one line on standard error, exit status from the error), as ``run``
    does. A command whose name is taken by cleanpipe or by another plugin is
    reported and left out.
    """
