"""The stack lock: one operation that writes a stack's state at a time, as the Pulumi CLI's file backend.

The CLI's diy backend writes ``.pulumi/locks/<stack>/<id>.json`` holding ``{pid, username,
hostname, timestamp}`` before ``up``, ``refresh``, ``destroy`` and state edits (``Lock`` in
https://github.com/pulumi/pulumi/blob/master/pkg/backend/diy/lock.go), refuses to start while
another lock exists, naming each holder, and ``pulumi cancel`` deletes the locks
(``CancelCurrentUpdate`` in pkg/backend/diy/backend.go). ``preview`` takes no lock there, nor here.

Here the lock is one file next to the state file, ``<state>.lock``, created with ``O_CREAT |
O_EXCL`` (so two engines cannot both take it: the CLI needs a second check because a bucket has no
exclusive create), mode 0600 like the state file. Locks are per stack because state files are.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from pulumi_tclive.errors import ConfigurationError

__all__ = ["LockHolder", "StackLock", "lock_path", "remove_stale_lock"]


def lock_path(state_path: Path) -> Path:
    """The lock file of the stack whose state file is ``state_path`` (``<state>.lock``).

    :param state_path: the state file.
    """
    return state_path.with_name(state_path.name + ".lock")


@dataclass(frozen=True)
class LockHolder:
    """Who holds a lock, as the CLI's ``lockContent`` records it.

    :param pid: the holder's process id. :param username: its user. :param hostname: its host.
    :param timestamp: when it took the lock (RFC 3339).
    """

    pid: int
    username: str
    hostname: str
    timestamp: str

    @classmethod
    def read(cls, path: Path) -> LockHolder | None:
        """The holder named in the lock file ``path``; ``None`` when there is no lock or it is unreadable.

        :param path: the lock file.
        """
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                pid=int(document["pid"]),
                username=str(document["username"]),
                hostname=str(document["hostname"]),
                timestamp=str(document["timestamp"]),
            )
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def is_gone(self) -> bool:
        """``True`` when the holder ran on this host and its process no longer exists."""
        if self.hostname != socket.gethostname():
            return False
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return True
        except PermissionError:  # alive, another user's
            return False
        return False

    def describe(self, path: Path) -> str:
        """The CLI's line for this lock: ``<path>: created by user@host (pid N) at <time>``.

        :param path: the lock file.
        """
        return f"{path}: created by {self.username}@{self.hostname} (pid {self.pid}) at {self.timestamp}"


def _locked_message(path: Path, holder: LockHolder | None, command: str) -> str:
    # The CLI's checkForLock text (lock.go), with this engine's cancel command.
    who = holder.describe(path) if holder is not None else f"{path}: holder unreadable"
    return (
        "the stack is currently locked by 1 lock(s). Either wait for the other process(es) to end or delete "
        f"the lock file with `{command}`.\n  {who}"
    )


class StackLock:
    """Hold the stack's lock for the duration of a ``with`` block.

    :param state_path: the stack's state file. :param cancel_command: the command that removes a
        stale lock, named in the refusal (``tclive cancel --stack dev``).
    :raises ConfigurationError: on entry, when another process holds the lock (naming it).
    """

    def __init__(self, state_path: Path, *, cancel_command: str) -> None:
        self.path = lock_path(state_path)
        self._cancel_command = cancel_command
        self._held = False

    def __enter__(self) -> StackLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        holder = {
            "pid": os.getpid(),
            "username": getpass.getuser(),
            "hostname": socket.gethostname(),
            "timestamp": datetime.now(UTC).astimezone().isoformat(timespec="seconds"),
        }
        try:
            descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise ConfigurationError(
                _locked_message(self.path, LockHolder.read(self.path), self._cancel_command)
            ) from None
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            json.dump(holder, stream)
        self._held = True
        return self

    def release(self) -> None:
        """Remove the lock file if this process holds it (idempotent)."""
        if self._held:
            self._held = False
            self.path.unlink(missing_ok=True)

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.release()


def remove_stale_lock(state_path: Path, stack: str) -> str:
    """``tclive cancel``: remove the stack's lock when its holder is gone; returns what was done.

    The CLI's ``pulumi cancel`` deletes the diy backend's locks whoever holds them. Here a lock
    whose holder still runs on this host is refused instead: removing it would let a second
    operation write the state under a running one, which is what the lock prevents.

    :param state_path: the stack's state file. :param stack: the stack name, for the message.
    :raises ConfigurationError: when the holder is still running on this host (naming it).
    """
    path = lock_path(state_path)
    if not path.exists():
        return f"The stack '{stack}' has no running update to cancel (no lock file {path})."
    holder = LockHolder.read(path)
    if holder is not None and not holder.is_gone() and holder.hostname == socket.gethostname():
        raise ConfigurationError(
            f"the update holding the lock is still running: {holder.describe(path)}. Stop it first "
            f"(Ctrl-C in its terminal, or `kill -INT {holder.pid}`), then run this again."
        )
    path.unlink(missing_ok=True)
    return f"The currently running update for '{stack}' has been canceled!"
