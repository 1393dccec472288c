"""A dynamic provider that does nothing: the baseline ``preview_cost`` compares the tclive providers with.

It must live in an importable module (not ``__main__``) so it pickles by reference, like ours.
"""

from __future__ import annotations

from typing import Any

from pulumi.dynamic import CheckResult, DiffResult, ResourceProvider

__all__ = ["NoopProvider"]


class NoopProvider(ResourceProvider):
    """``check`` returns the new inputs unchanged and ``diff`` reports no change, at once."""

    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        """Accept the new inputs as they are.

        :param _olds: the old inputs (ignored).
        :param news: the new inputs.
        """
        return CheckResult(news, [])

    def diff(self, _id: str, _olds: dict[str, Any], _news: dict[str, Any]) -> DiffResult:
        """Report no change.

        :param _id: the resource id (ignored). :param _olds: the old outputs (ignored).
        :param _news: the new inputs (ignored).
        """
        return DiffResult(changes=False)
