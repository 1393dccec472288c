"""The :class:`Problem` every check returns, and the never-raising helpers that show values in it.

Checks take any object a Pulumi program can pass (``None``, floats, dicts, huge strings, objects
whose dunder methods raise), so these helpers read values without calling overridden methods.
"""

from __future__ import annotations

import math
import reprlib
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Problem", "check_enum"]

_SHOWN_CHARACTERS = 80


@dataclass(frozen=True)
class Problem:
    """One broken rule, phrased for the person who wrote the Pulumi program.

    Args:
        property: the resource argument at fault, e.g. ``"domain_name"``.
        value: the value as given (not normalised).
        reason: what is wrong, quoting the value.
        fix: what to do about it.
    """

    property: str
    value: object
    reason: str
    fix: str

    def message(self) -> str:
        """The whole message: the reason followed by the fix."""
        return f"{self.reason} {self.fix}"


def _is_str(value: object) -> bool:
    # isinstance() consults a __class__ attribute that foreign objects may make raise; type() cannot.
    return issubclass(type(value), str)


def _text(value: object) -> str:
    """An exact ``str`` copy of a str (or str subclass), immune to overridden methods."""
    return str.__str__(value)


class _Shortener(reprlib.Repr):
    """``reprlib.Repr`` that writes a whole float as the integer the user wrote: Pulumi sends every
    number as a float, so ``ttl=-5`` arrives as ``-5.0``."""

    def repr_float(self, x: float, level: int) -> str:
        if math.isfinite(x) and x.is_integer():
            return str(int(x))
        return repr(x)


def _show(value: object) -> str:
    """``repr`` of any value, at most about 80 characters, never raising."""
    if _is_str(value):
        text = _text(value)
        if len(text) <= _SHOWN_CHARACTERS:
            return repr(text)
        return f"{text[: _SHOWN_CHARACTERS - 3]!r}… ({len(text)} characters)"
    shortener = _Shortener()
    shortener.maxstring = _SHOWN_CHARACTERS
    shortener.maxother = _SHOWN_CHARACTERS
    try:
        shown = shortener.repr(value)
    except Exception:  # foreign __repr__, or an int too long to print
        return "<a value that cannot be displayed>"
    if len(shown) <= _SHOWN_CHARACTERS:
        return shown
    return shown[: _SHOWN_CHARACTERS - 1] + "…"


def _type_name(value: object) -> str:
    try:
        return str(type(value).__qualname__)
    except Exception:  # a metaclass may make even this raise
        return "object"


def _listing(items: Sequence[str], limit: int = 4) -> str:
    shown = ", ".join(_show(item) for item in items[:limit])
    return shown if len(items) <= limit else f"{shown} and {len(items) - limit} more"


def _same(left: object, right: object) -> bool:
    """Equality that tolerates foreign ``__eq__`` methods which raise or return non-booleans."""
    if left is right:
        return True
    try:
        return (left == right) is True
    except Exception:
        return False


def _truthy(value: object) -> bool:
    try:
        return bool(value)
    except Exception:
        return False


def _enum_member(value: object, allowed: Sequence[str]) -> str | None:
    """The member of ``allowed`` that ``value`` is, or None."""
    if not _is_str(value):
        return None
    text = _text(value)
    return text if text in tuple(allowed) else None


def check_enum(value: object, allowed: Sequence[str], property: str) -> list[Problem]:
    """Check that ``value`` is one of the ``allowed`` strings (exact, case-sensitive).

    Args:
        value: the value as given.
        allowed: the accepted values, in the order the message lists them.
        property: the argument name to report problems against.
    """
    try:
        choices = tuple(_text(item) for item in allowed if _is_str(item))
    except Exception:  # a foreign sequence may fail to iterate
        choices = ()
    if _enum_member(value, choices) is not None:
        return []
    listed = ", ".join(repr(choice) for choice in choices)
    fix = f"Use one of: {listed}."
    if _is_str(value):
        folded = _text(value).strip().lower().replace("-", "_").replace(" ", "_")
        if folded in choices:
            fix = f"Did you mean {folded!r}? Values are lower-case. {fix}"
    if value is None:
        reason = f"{property} is missing."
    else:
        reason = f"{property} {_show(value)} is not one of the accepted values."
    return [Problem(property, value, reason, fix)]
