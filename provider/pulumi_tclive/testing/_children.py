"""How the engine starts its child processes (the provider plugin and the program worker) so they end with it.

- **Their own process group**, as the Pulumi CLI starts plugins (``RegisterProcessGroup``:
  ``Setpgid`` in https://github.com/pulumi/pulumi/blob/master/sdk/go/common/util/cmdutil/child_unix.go):
  a Ctrl-C in the terminal reaches the engine only, which lets running steps finish instead of
  having the provider killed under them.
- **Killed by the kernel when the engine dies**: each child first runs this file as a script, which
  asks Linux to send it SIGKILL when its parent dies (``prctl(PR_SET_PDEATHSIG)``) before it runs
  the real module or script. A ``kill -9`` of the engine so leaves no provider that could go on
  writing to the cloud, with no cleanup pass that a SIGKILL would skip. If the engine died before
  that took effect, the child sees another parent and exits at once.

It is done at child start, not in a ``preexec_fn``: forking the engine, which runs gRPC threads,
with a Python hook between fork and exec can abort the child (gRPC's fork handlers). The death
signal is sent when the *thread* that started the child ends, so the engine starts its children
from the thread that runs the operation. As a script this file imports only the standard library.

Usage: ``python _children.py ENGINE_PID (-m MODULE | SCRIPT) ARGS…``.
"""

from __future__ import annotations

import ctypes
import os
import runpy
import signal
import sys
from collections.abc import Sequence
from typing import Any

__all__ = ["child_command", "child_process_options"]

_PR_SET_PDEATHSIG = 1


def child_command(command: Sequence[str]) -> list[str]:
    """``command`` (``[python, (-u), -m module | script, args…]``) run under this guard.

    :param command: the interpreter and its arguments, e.g. ``[sys.executable, "-u", "-m", "pulumi.dynamic"]``.
    """
    interpreter, *rest = command
    flags = ["-u"] if rest[:1] == ["-u"] else []
    return [interpreter, *flags, os.path.abspath(__file__), str(os.getpid()), *rest[len(flags) :]]


def child_process_options() -> dict[str, Any]:
    """``subprocess.Popen`` keyword arguments for a child: its own process group."""
    return {"process_group": 0}


def _guard(engine_pid: int) -> None:
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    if os.getppid() != engine_pid:  # the engine died before the line above took effect
        os._exit(1)


def _main() -> None:
    _guard(int(sys.argv[1]))
    if sys.argv[2] == "-m":
        sys.argv = [sys.argv[3], *sys.argv[4:]]
        sys.path[0] = os.getcwd()  # as `python -m` has it
        runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
    else:
        sys.argv = sys.argv[2:]
        sys.path[0] = os.path.dirname(os.path.abspath(sys.argv[0]))
        runpy.run_path(sys.argv[0], run_name="__main__")


if __name__ == "__main__":
    _main()
