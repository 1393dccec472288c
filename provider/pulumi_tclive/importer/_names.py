"""Names in the generated program: Python identifiers and Pulumi resource names, unique and stable.

Live domains and DNS names arrive in A-label form (``live.xn--bcher-kva.de``); Python variables
are made from that ASCII form, and comments show the Unicode form next to it so a reader
recognises the name.
"""

from __future__ import annotations

import keyword
import re

import idna

__all__ = ["Namer", "unicode_form"]

_NOT_IDENTIFIER = re.compile(r"[^a-z0-9_]+")

# Names the generated module itself binds; a resource variable must never shadow them.
_RESERVED = frozenset({"pulumi", "tclive", "config"})


def unicode_form(name: str) -> str:
    """``name`` with its A-labels decoded (``xn--bcher-kva.de`` → ``bücher.de``); ``name`` itself when not an IDN."""
    if "xn--" not in name:
        return name
    try:
        return str(idna.decode(name))
    except idna.IDNAError:
        return name


class Namer:
    """Hands out Python identifiers and Pulumi names; the same request in the same order gives the same names."""

    def __init__(self) -> None:
        self._identifiers: set[str] = set(_RESERVED)
        self._resource_names: set[str] = set()

    def identifier(self, text: str) -> str:
        """A valid, unused Python identifier made from ``text`` (``mp-play.example.com`` → ``mp_play_example_com``).

        Args:
            text: a domain name, an AppID or any label.
        """
        base = _NOT_IDENTIFIER.sub("_", text.lower()).strip("_") or "resource"
        if base[0].isdigit():
            base = f"d_{base}"
        if keyword.iskeyword(base) or keyword.issoftkeyword(base):
            base = f"{base}_"
        return _first_free(base, self._identifiers, "_")

    def resource_name(self, text: str) -> str:
        """A Pulumi resource name: ``text`` itself when unused (names are unique per stack, ``::`` never appears).

        Args:
            text: the preferred name, e.g. the domain.
        """
        return _first_free(text.replace("::", "-"), self._resource_names, "-")


def _first_free(base: str, taken: set[str], separator: str) -> str:
    """``base``, or ``base<separator>2``, ``…3``: the first not in ``taken``, which it joins."""
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}{separator}{number}"
        number += 1
    taken.add(candidate)
    return candidate
