"""Offline engine: run a Pulumi program's ``preview``/``up``/``refresh``/``destroy`` without the CLI.

Works for any Python dynamic provider. The program runs under ``pulumi.runtime.set_mocks`` in a
fresh process; every dynamic resource is sent over gRPC to one real ``python -m pulumi.dynamic``
process, as the Pulumi engine sends it. See ``docs/offline-engine.md``.

::

    from pulumi_tclive.testing import Engine

    result = Engine("examples/quickstart", stack="dev").up()
    assert result.ok, result.text
"""

from __future__ import annotations

from pulumi_tclive.testing._cli import main
from pulumi_tclive.testing._engine import Engine
from pulumi_tclive.testing._report import RunResult, Step
from pulumi_tclive.testing._state import ResourceState, StackState

__all__ = ["Engine", "ResourceState", "RunResult", "StackState", "Step", "main"]
