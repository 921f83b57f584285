"""Steps: the functions plugins register, wrapped so that each runs the same way."""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable
from typing import Any, Protocol

import attrs

from cleanpipe.diffing import diff_changes
from cleanpipe.document import Document, Edit
from cleanpipe.errors import StepError

__all__ = ["Register", "Step"]


class Register(Protocol):
    """The ``register`` callback that ``cleanpipe_register_steps`` receives."""

    def __call__(
        self,
        name: str,
        function: Callable[..., Any],
        *,
        description: str = "",
        options: type[Any] | None = None,
    ) -> None: ...


@attrs.frozen
class Step:
    """A registered step, with the plugin and package it came from."""

    #: The name users write in ``--plugins``.
    name: str
    #: The step function, as the plugin registered it.
    function: Callable[..., Any] = attrs.field(repr=False)
    #: Whether ``function`` takes and returns a Document (else ``str``).
    takes_document: bool
    description: str = ""
    #: The frozen attrs class of the step's options, or ``None``.
    options: type[Any] | None = None
    #: The plugin that registered it (its entry-point name).
    plugin: str = ""
    #: The distribution that installed the plugin, ``name version``.
    package: str = ""

    @classmethod
    def create(
        cls,
        name: str,
        function: Callable[..., Any],
        *,
        description: str = "",
        options: type[Any] | None = None,
        plugin: str = "",
        package: str = "",
    ) -> Step:
        """Make a step, telling text steps from document steps by annotation."""
        if not description:
            description = (inspect.getdoc(function) or "").partition("\n")[0]
        return cls(
            name=name,
            function=function,
            takes_document=_takes_document(function),
            description=description,
            options=options,
            plugin=plugin,
            package=package,
        )

    def __call__(self, doc: Document, options: Any = None) -> Document:
        """Run the step on ``doc`` and stamp its name on the edits it made.

        Raises :class:`StepError` naming the step and its package when the
        function raises or returns the wrong type.
        """
        args = (options,) if self.options is not None else ()
        try:
            if self.takes_document:
                result = self.function(doc, *args)
            else:
                result = self.function(doc.text, *args)
        except Exception as exc:
            raise StepError(
                self.name, self.package, doc.id, f"{type(exc).__name__}: {exc}"
            ) from exc
        expected = Document if self.takes_document else str
        if not isinstance(result, expected):
            problem = f"returned {type(result).__name__}, expected {expected.__name__}"
            raise StepError(self.name, self.package, doc.id, problem)
        if isinstance(result, str):
            # Most steps change nothing in most documents: no diff, no copy.
            if result == doc.text:
                return doc
            result = doc.apply(diff_changes(doc.text, result))
        known = len(doc.edits)
        if len(result.edits) == known:
            return result
        return result.evolve(edits=_stamped(result.edits, known, self.name))


def _stamped(edits: tuple[Edit, ...], known: int, step: str) -> tuple[Edit, ...]:
    # Edit(...) directly: attrs.evolve per edit costs several times more.
    new = (Edit(step, *edit[1:]) for edit in edits[known:])
    return (*edits[:known], *new)


def _takes_document(function: Callable[..., Any]) -> bool:
    try:
        first = next(iter(inspect.signature(function).parameters.values()))
    except (StopIteration, TypeError, ValueError):
        return False
    annotation = first.annotation
    if isinstance(annotation, str):
        # Postponed annotations: resolve them when the module allows it.
        try:
            annotation = typing.get_type_hints(function).get(first.name, annotation)
        except Exception:  # noqa: BLE001 - an unresolvable hint: judge by its name
            return str(annotation).rpartition(".")[2] == "Document"
    return annotation is Document
