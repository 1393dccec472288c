"""Preview and update are separate deployments under the Pulumi CLI, each with its own provider
process (pkg/engine/deployment.go); the offline engine shares one between the two halves of ``up``.
Nothing may depend on that: ``check`` and ``diff`` (all a preview calls) build no client and leave
nothing in the module-level caches for the update to find, except ``_ANNOUNCED`` (the target line on
stderr, which the CLI prints once per process and so once per phase)."""

from __future__ import annotations

from typing import Any

import pulumi_tclive.resources
from pulumi_tclive.resources import _provider
from tests.resources.conftest import Stack

INPUTS: dict[str, Any] = {
    "domain_name": "play.example.com",
    "domain_type": "play",
    "name": "play.example.com",
    "target": "play.example.com.tlivecdn.com",
    "mini_program_app_id": "wx0123456789abcdef",
    "rules": ["servicewechat.com"],
}


def test_what_a_preview_calls_leaves_no_client_or_cache_for_the_update(stack: Stack) -> None:
    classes = [
        cls
        for cls in (getattr(pulumi_tclive.resources, name) for name in pulumi_tclive.resources.__all__)
        if isinstance(cls, type) and issubclass(cls, _provider.TcliveProvider)
    ]
    assert len(classes) >= 8
    runtimes = dict(_provider._RUNTIMES)
    for cls in classes:
        provider = stack.configure(cls())
        checked = provider.check({}, dict(INPUTS)).inputs
        provider.diff("play.example.com", checked, checked)
        provider.check(checked, dict(INPUTS))
    assert dict(_provider._RUNTIMES) == runtimes, "check/diff built a client"
    assert stack.calls() == {}, "check/diff called Tencent"
