"""Finding plugins, loading them one by one, and collecting the steps they offer."""

from __future__ import annotations

import importlib.metadata
import os
import re
from collections.abc import Callable, Iterable
from typing import Any

import attrs
import pluggy

from cleanpipe import hookspecs
from cleanpipe.errors import PluginError
from cleanpipe.steps import Step

__all__ = ["ENTRY_POINT_GROUP", "Registry", "load_registry"]

#: The entry-point group that installed plugin packages declare.
ENTRY_POINT_GROUP = "cleanpipe"

#: The distribution whose steps win a name clash: cleanpipe's own built-ins.
_BUILTIN_PACKAGE = "cleanpipe"

_STEP_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*\Z")


@attrs.frozen
class Registry:
    """The steps that the installed plugins offer, and what went wrong loading them.

    :ivar steps: step name → :class:`Step`, in the order they were registered.
    :ivar problems: one :class:`PluginError` per plugin that failed to import
        or to register a step; the other plugins' steps are still there.
    """

    steps: dict[str, Step]
    problems: tuple[PluginError, ...] = ()
    #: ``(plugin, add)`` per plugin that adds subcommands: ``add(commands)``
    #: calls its ``cleanpipe_register_commands``.
    commands: tuple[tuple[str, Callable[..., object]], ...] = ()


def load_registry(
    *, plugins: Iterable[object] = (), autoload: bool | None = None
) -> Registry:
    """Load the installed plugins (and ``plugins``) and collect their steps.

    Entry points of the group ``cleanpipe`` are loaded one at a time, so a
    package that fails to import is reported by name and the others still
    load. Set ``CLEANPIPE_DISABLE_PLUGIN_AUTOLOAD=1`` (or ``autoload=False``)
    to load only ``plugins``; ``CLEANPIPE_DISABLE_PLUGINS=a,b`` blocks
    entry points by name.
    """
    if autoload is None:
        autoload = not os.environ.get("CLEANPIPE_DISABLE_PLUGIN_AUTOLOAD")
    pm = pluggy.PluginManager(ENTRY_POINT_GROUP)
    pm.add_hookspecs(hookspecs)
    problems: list[PluginError] = []
    blocked = {
        n.strip() for n in os.environ.get("CLEANPIPE_DISABLE_PLUGINS", "").split(",")
    }
    for name in blocked - {""}:
        pm.set_blocked(name)
    # The installed plugins, read in one pass over the installed distributions
    # (pluggy's load_setuptools_entrypoints reads them all again for each
    # plugin loaded by name), and loaded one at a time.
    packages: dict[str, str] = {}
    if autoload:
        for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            if pm.is_blocked(entry_point.name) or pm.has_plugin(entry_point.name):
                continue  # a blocked plugin is not even imported
            package = _package_of(entry_point)
            try:
                pm.register(entry_point.load(), name=entry_point.name)
            except Exception as exc:  # noqa: BLE001 - any import error is the plugin's
                problem = f"failed to load: {type(exc).__name__}: {exc}"
                problems.append(PluginError(entry_point.name, package, problem))
            else:
                packages[entry_point.name] = package
    for plugin in plugins:
        pm.register(plugin)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        name = pm.get_name(exc.plugin) or repr(exc.plugin)
        problems.append(PluginError(name, "its package", f"is invalid: {exc}"))
        pm.unregister(exc.plugin)
    steps = _collect_steps(pm, packages, problems)
    commands = tuple(
        (impl.plugin_name, impl.function)
        for impl in pm.hook.cleanpipe_register_commands.get_hookimpls()
    )
    return Registry(steps=steps, problems=tuple(problems), commands=commands)


def _package_of(entry_point: importlib.metadata.EntryPoint) -> str:
    """``name version`` of the distribution that declares ``entry_point``."""
    dist = entry_point.dist
    if dist is None:
        return "unknown package"
    metadata = dist.metadata  # read and parsed anew at each access: once here
    return f"{metadata['Name']} {metadata['Version']}"


def _collect_steps(
    pm: pluggy.PluginManager, packages: dict[str, str], problems: list[PluginError]
) -> dict[str, Step]:
    """Call each plugin's hook on its own, so every step is stamped with its plugin."""
    offered: list[Step] = []
    for impl in pm.hook.cleanpipe_register_steps.get_hookimpls():
        package = packages.get(impl.plugin_name, "not installed")

        def register(
            name: str,
            function: Callable[..., Any],
            *,
            description: str = "",
            options: type[Any] | None = None,
            _plugin: str = impl.plugin_name,
            _package: str = package,
        ) -> None:
            if not _STEP_NAME.match(name):
                msg = f"step name {name!r} must be lower case words joined by '-'"
                raise ValueError(msg)
            if not callable(function):
                msg = f"step {name!r} is not callable"
                raise TypeError(msg)
            if options is not None and not attrs.has(options):
                msg = f"options of step {name!r} must be an attrs class"
                raise TypeError(msg)
            offered.append(
                Step.create(
                    name,
                    function,
                    description=description,
                    options=options,
                    plugin=_plugin,
                    package=_package,
                )
            )

        try:
            impl.function(**({"register": register} if impl.argnames else {}))
        except Exception as exc:  # noqa: BLE001 - whatever a plugin raises is reported
            problem = f"failed to register its steps: {type(exc).__name__}: {exc}"
            problems.append(PluginError(impl.plugin_name, package, problem))
    return _resolve_clashes(offered, problems)


def _resolve_clashes(
    offered: list[Step], problems: list[PluginError]
) -> dict[str, Step]:
    # Built-ins first: a third-party step can never replace a default step.
    ranked = sorted(
        offered,
        key=lambda s: (s.package.partition(" ")[0] != _BUILTIN_PACKAGE, s.plugin),
    )
    steps: dict[str, Step] = {}
    for step in ranked:
        kept = steps.setdefault(step.name, step)
        if kept is not step:
            problem = (
                f"registers step {step.name!r}, which plugin {kept.plugin!r} "
                f"({kept.package}) already registers; it is ignored"
            )
            problems.append(PluginError(step.plugin, step.package, problem))
    return steps
