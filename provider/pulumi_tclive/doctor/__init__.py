"""``tclive doctor``: prove the whole chain of a deployed live setup, with the fix for each break.

Reads what a stack deployed (the offline engine's state, or ``pulumi stack export``), asks the same
target as the provider (the embedded emulator, an emulator server, or Tencent Cloud) and DNS, and
reports one finding per check and subject: ``pass``, ``warn`` or ``fail``, with the fix.
"""

from __future__ import annotations

from ._app_json import CURRENT_PLUGIN_VERSION, PLUGIN_PAGE
from ._cli import add_doctor_command, doctor
from ._deployed import DeployedResource, Deployment, from_export, from_state
from ._findings import Finding, Planned
from ._lookup import Answer, AuthoritativeServers, CnameLookup, RecursiveResolver
from ._run import render_json, render_table, run_checks

__all__ = [
    "CURRENT_PLUGIN_VERSION",
    "PLUGIN_PAGE",
    "Answer",
    "AuthoritativeServers",
    "CnameLookup",
    "DeployedResource",
    "Deployment",
    "Finding",
    "Planned",
    "RecursiveResolver",
    "add_doctor_command",
    "doctor",
    "from_export",
    "from_state",
    "render_json",
    "render_table",
    "run_checks",
]
