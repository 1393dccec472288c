"""Property-level diffs: which top-level properties a step changes, and how they print.

The Pulumi CLI shows, on each update or replace line, ``[diff: +added~updated-deleted]``
(``writeShortDiff`` in pkg/backend/display/rows.go) and, with ``--diff``, one line per property
(``printObjectDiff`` in pkg/backend/display/object_diff.go): ``~ ttl: 600 => 300``. Dynamic
providers return no detailed diff, so the CLI compares old and new inputs itself, leaving out
internal keys starting ``__`` (``resource.IsInternalPropertyKey``); this module does the same.
https://github.com/pulumi/pulumi/blob/master/pkg/backend/display/rows.go
https://github.com/pulumi/pulumi/blob/master/pkg/backend/display/object_diff.go
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from pulumi_tclive.testing._values import SECRET_PLACEHOLDER, UNKNOWN, contains_secret, contains_unknown, is_secret

__all__ = ["DIFFED_OPS", "PropertyDiff", "StepDetail", "property_diffs", "render_value", "short_diff"]

_SYMBOLS = {"add": "+", "delete": "-", "update": "~"}
DIFFED_OPS = frozenset({"update", "replace"})
"""The CLI shows ``[diff: …]`` only where there are both an old and a new state (rows.go ``getDiffInfo``)."""


@dataclass(frozen=True)
class PropertyDiff:
    """One top-level property that differs between the old and the new state of a resource.

    :param key: the property name.
    :param kind: ``add``, ``delete`` or ``update``, suffixed ``-replace`` when the provider named
        this property as forcing a replacement (the kinds of Pulumi's ``PropertyDiff``).
    :param old: the old value as it may be shown (``"[secret]"`` for a secret), ``None`` when absent.
    :param new: the new value as it may be shown (secrets hidden, unknowns as the sentinel).
    """

    key: str
    kind: str
    old: Any = None
    new: Any = None

    @property
    def symbol(self) -> str:
        """``+``, ``-`` or ``~``."""
        return _SYMBOLS[self.kind.removesuffix("-replace")]


def _shown(value: Any, secret: bool) -> Any:
    """The value as it may be displayed: a secret (or anything holding one) as ``[secret]``."""
    if secret or is_secret(value) or contains_secret(value):
        return SECRET_PLACEHOLDER
    return value


@dataclass(frozen=True)
class StepDetail:
    """What a step changes, for the ``[diff: …]`` note, ``--diff`` and ``--json``.

    :param urn: the resource URN. :param id: its id ("" when not known yet).
    :param diffs: the properties that differ (for a create every input is an add, for a delete
        every old input a delete).
    :param replace_reasons: the properties the provider said force a replacement.
    :param input_diff: ``True`` when old inputs were compared with new inputs, ``False`` for a
        refresh (old outputs with what the provider reads now), as Pulumi's ``PropertyDiff.inputDiff``.
    :param expand: print the old → new values even without ``--diff`` (refresh drift).
    """

    urn: str
    id: str = ""
    diffs: tuple[PropertyDiff, ...] = ()
    replace_reasons: tuple[str, ...] = ()
    input_diff: bool = True
    expand: bool = False

    def json_step(self, op: str, type_: str) -> dict[str, Any]:
        """This step in the shape of Pulumi's ``PreviewStep`` (pkg/display/json.go), plus ``type``.

        :param op: the step's op. :param type_: the resource type token.
        """
        diffed = op in DIFFED_OPS
        step: dict[str, Any] = {"op": op, "urn": self.urn, "type": type_}
        if diffed and self.diffs:
            step["diffReasons"] = [diff.key for diff in self.diffs]
        if self.replace_reasons:
            step["replaceReasons"] = list(self.replace_reasons)
        step["detailedDiff"] = (
            {diff.key: {"kind": diff.kind, "inputDiff": self.input_diff} for diff in self.diffs} if diffed else None
        )
        return step

    @classmethod
    def between(
        cls,
        urn: str,
        id_: str,
        olds: Mapping[str, Any],
        news: Mapping[str, Any],
        *,
        old_secrets: Collection[str] = (),
        new_secrets: Collection[str] = (),
        replaces: Collection[str] = (),
    ) -> StepDetail:
        """The detail of a step from old to new inputs (:func:`property_diffs` explains the arguments).

        :param urn: the resource URN. :param id_: its id ("" when not known yet).
        """
        diffs = property_diffs(olds, news, old_secrets=old_secrets, new_secrets=new_secrets, replaces=replaces)
        return cls(urn, id_, tuple(diffs), tuple(sorted(replaces)))


def property_diffs(
    olds: Mapping[str, Any],
    news: Mapping[str, Any],
    *,
    old_secrets: Collection[str] = (),
    new_secrets: Collection[str] = (),
    replaces: Collection[str] = (),
) -> list[PropertyDiff]:
    """Compare two property maps key by key, as the CLI does when a provider gives no detailed diff.

    A secret on either side is shown as ``[secret]`` and counts as changed (the offline engine never
    stores secret values, so it cannot tell; a value that became secret changed for the CLI too). Keys starting ``__`` are
    internal and left out. ``None`` and an absent key are the same.

    :param olds: the old values (the state's inputs, or outputs for a refresh).
    :param news: the new values (checked inputs, or what Read returned).
    :param old_secrets: keys whose old value is secret (withheld in state).
    :param new_secrets: keys whose new value is secret.
    :param replaces: the keys the provider said force a replacement.
    :returns: the differing properties, sorted by key.
    """
    found: list[PropertyDiff] = []
    for key in sorted(set(olds) | set(news)):
        if key.startswith("__"):
            continue
        old, new = olds.get(key), news.get(key)
        old_secret, new_secret = key in old_secrets, key in new_secrets
        if old is None and new is None:
            continue
        if not (old_secret or new_secret) and old == new and not contains_unknown(new):
            continue
        kind = "add" if old is None else "delete" if new is None else "update"
        if key in replaces:
            kind += "-replace"
        found.append(PropertyDiff(key, kind, _shown(old, old_secret), _shown(new, new_secret)))
    return found


def short_diff(diffs: list[PropertyDiff]) -> str:
    """``diff: +a,b-c~d`` (adds, then deletes, then updates, each sorted), or ``""`` when none.

    :param diffs: the differing properties.
    """
    parts = []
    for kind in ("add", "delete", "update"):
        keys = sorted(diff.key for diff in diffs if diff.kind.removesuffix("-replace") == kind)
        if keys:
            parts.append(_SYMBOLS[kind] + ",".join(keys))
    return "diff: " + "".join(parts) if parts else ""


def render_value(value: Any) -> str:
    """Print one value as the CLI's ``printPrimitivePropertyValue`` does: strings quoted, numbers
    without a needless ``.0``, ``<null>``, ``[unknown]`` (a value known only after the update),
    ``[secret]``. Lists and maps print as compact JSON on one line.

    :param value: a display value from :class:`PropertyDiff`.
    """
    if value == UNKNOWN:
        return "[unknown]"
    if value == SECRET_PLACEHOLDER:
        return SECRET_PLACEHOLDER
    if value is None:
        return "<null>"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if math.isfinite(value) and value.is_integer() else f"{value:g}"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(_masked(value), ensure_ascii=False, sort_keys=True)


def _masked(value: Any) -> Any:
    if value == UNKNOWN:
        return "[unknown]"
    if isinstance(value, dict):
        return {key: _masked(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_masked(item) for item in value]
    return value
