"""How the engine starts its child processes (the provider plugin and the program worker) so they end with it.

- **Their own process group**, as the Pulumi CLI starts plugins (``RegisterProcessGroup``:
  ``Setpgid`` in https://github.com/pulumi/pulumi/blob/master/sdk/go/common/util/cmdutil/child_unix.go):
  a Ctrl-C in the terminal reaches the engine only, which lets running steps finish instead of
  having the provider killed under them.
- **Killed by the kernel when the engine dies** (Linux ``prctl(PR_SET_PDEATHSIG, SIGKILL)``, set in
  the child between ``fork`` and ``exec``): a ``kill -9`` of the engine leaves no provider that could
  go on writing to the cloud, with no cleanup pass that a SIGKILL would skip. If the engine died
  before the child set it, the child sees another parent and exits at once.

The death signal is sent when the *thread* that started the child ends, so the engine starts its
children from the thread that runs the operation (the main thread for the command line).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from collections.abc import Callable
from typing import Any

__all__ = ["child_process_options"]

_PR_SET_PDEATHSIG = 1


def _death_signal_setter() -> Callable[[], None] | None:
    """A function the child runs before ``exec``; ``None`` off Linux (no ``prctl``)."""
    if not sys.platform.startswith("linux"):
        return None
    # Resolved here, in the parent: the child between fork and exec does as little as possible.
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    parent = os.getpid()

    def set_death_signal() -> None:
        prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        if os.getppid() != parent:  # the engine died before the line above took effect
            os._exit(1)

    return set_death_signal


def child_process_options() -> dict[str, Any]:
    """``subprocess.Popen`` keyword arguments for a child that must end with the engine."""
    options: dict[str, Any] = {"process_group": 0}
    setter = _death_signal_setter()
    if setter is not None:
        options["preexec_fn"] = setter
    return options
