"""The embedded default backend: Tencent Cloud Live, DNSPod and a licence console on SQLite.

It speaks Tencent Cloud API 3.0 byte for byte (TC3 signatures, the ``{"Response": ...}``
envelope, real error codes), in-process through :meth:`Emulator.transport` or over a socket with
``tclive emulator serve``. See ``docs/emulator.md``.
"""

from __future__ import annotations

from .emulator import EMBEDDED_ENDPOINT, Emulator, ensure_zone
from .server import EmulatorServer, serve

__all__ = ["EMBEDDED_ENDPOINT", "Emulator", "EmulatorServer", "ensure_zone", "serve"]
