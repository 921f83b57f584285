"""Step options: typed ``attrs`` classes filled from the command line, files or code."""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs

from cleanpipe.errors import OptionError

__all__ = ["build_options", "describe_options", "parse_assignment"]

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def build_options(step: str, cls: type[Any] | None, values: Mapping[str, Any]) -> Any:
    """Return an instance of ``cls`` with ``values`` set, or raise ``OptionError``.

    Values may be strings from the command line, which are parsed according to
    the field's type, or already typed values from a TOML file or from code.
    """
    if cls is None:
        if values:
            msg = f"step {step!r} takes no options (got {', '.join(sorted(values))})"
            raise OptionError(msg)
        return None
    fields = {f.alias: f for f in attrs.fields(cls) if f.init}
    hints = typing.get_type_hints(cls)
    kwargs = {}
    for name, raw in values.items():
        if name not in fields:
            msg = (
                f"step {step!r} has no option {name!r}; its options are: "
                f"{describe_options(cls)}"
            )
            raise OptionError(msg)
        kwargs[name] = _convert(step, name, hints[fields[name].name], raw)
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as exc:
        msg = f"bad value for an option of step {step!r}: {exc}"
        raise OptionError(msg) from exc


def describe_options(cls: type[Any] | None) -> str:
    """One line per option: ``name: type = default``, for messages and help."""
    if cls is None:
        return "(none)"
    hints = typing.get_type_hints(cls)
    return ", ".join(
        f"{f.alias}: {_type_name(hints[f.name])} = {_default(f.default)}"
        for f in attrs.fields(cls)
        if f.init
    )


def _default(value: Any) -> str:
    if isinstance(value, frozenset | tuple):
        return ",".join(sorted(map(str, value))) or "(none)"
    return repr(value)


def parse_assignment(text: str) -> tuple[str, str, str]:
    """Split ``step.option=value`` into its three parts."""
    key, sep, value = text.partition("=")
    step, dot, name = key.strip().rpartition(".")
    if not (sep and dot and step and name):
        msg = f"option {text!r} must look like STEP.OPTION=VALUE"
        raise OptionError(msg)
    return step, name, value.strip()


def _convert(step: str, name: str, hint: Any, raw: Any) -> Any:
    if hint is float and type(raw) is int:
        return float(raw)  # TOML's "3" for a float option
    if not isinstance(raw, str) or hint is str:
        return _collection(hint, raw) if isinstance(raw, list) else raw
    try:
        return _parse(hint, raw)
    except ValueError:
        msg = f"option {step}.{name} takes {_type_name(hint)}, which {raw!r} is not"
        raise OptionError(msg) from None


def _parse(hint: Any, raw: str) -> Any:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        if raw.lower() in {"", "none"}:
            return None
        (inner,) = (a for a in args if a is not type(None))
        return _parse(inner, raw)
    if origin is typing.Literal:
        for choice in args:
            if str(choice) == raw:
                return choice
        raise ValueError(raw)
    if origin in (tuple, frozenset):
        parts = [_parse(args[0], p.strip()) for p in raw.split(",") if p.strip()]
        return _collection(hint, parts)
    if hint is bool:
        if raw.lower() in _TRUE:
            return True
        if raw.lower() in _FALSE:
            return False
        raise ValueError(raw)
    if hint in (int, float, str):
        return hint(raw)
    raise ValueError(raw)


def _collection(hint: Any, items: list[Any]) -> Any:
    return frozenset(items) if typing.get_origin(hint) is frozenset else tuple(items)


def _type_name(hint: Any) -> str:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal:
        return " | ".join(repr(a) for a in args)
    if origin in (tuple, frozenset):
        return f"comma list of {_type_name(args[0])}"
    if origin in (typing.Union, types.UnionType):
        return " | ".join(_type_name(a) for a in args)
    if hint is type(None):
        return "none"
    return getattr(hint, "__name__", str(hint))
