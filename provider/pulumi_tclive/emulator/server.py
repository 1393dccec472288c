"""Serving the emulator over a socket with waitress, in the foreground or in a background thread."""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from types import FrameType, TracebackType
from typing import Any

from waitress import wasyncore
from waitress.server import BaseWSGIServer, create_server

from .app import MAX_BODY_BYTES
from .emulator import Emulator

__all__ = ["EmulatorServer", "serve"]

SERVER_BODY_LIMIT = 2 * MAX_BODY_BYTES
"""Bodies from this size on are refused by waitress before they are read (HTTP 413)."""

_POLL_SECONDS = 0.1  # how quickly the loop notices close()

log = logging.getLogger("pulumi_tclive.emulator")


class EmulatorServer:
    """A waitress server for one :class:`Emulator`, bound as soon as it is created.

    Args:
        emulator: the emulator to serve.
        host: the address to listen on; loopback by default.
        port: the TCP port; 0 picks a free one (read it back from :attr:`endpoint`).
        threads: waitress worker threads.
    """

    def __init__(self, emulator: Emulator, *, host: str = "127.0.0.1", port: int = 0, threads: int = 8) -> None:
        self.emulator = emulator
        # waitress's stubs type the map as sockets; at run time it holds dispatchers.
        self._map: dict[int, Any] = {}
        server = create_server(
            emulator.wsgi_app(),
            map=self._map,
            host=host,
            port=port,
            threads=threads,
            ident="tclive-emulator",
            # waitress would buffer up to 1 GiB before the app sees a request. A body a little over the app's
            # limit still reaches the app, which answers Tencent's RequestSizeLimitExceeded envelope; anything
            # larger is answered 413 at once by its declared length, a chunked body as soon as it passes this.
            max_request_body_size=SERVER_BODY_LIMIT,
        )
        if not isinstance(server, BaseWSGIServer):
            raise TypeError(f"waitress created {type(server).__name__} for one host and port")  # pragma: no cover
        self._server = server
        listener = server.socket
        assert listener is not None
        bound_host, bound_port = listener.getsockname()[:2]
        self.host: str = str(bound_host)
        self.port: int = int(bound_port)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def endpoint(self) -> str:
        """``http://HOST:PORT`` of the server."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def run(self) -> None:
        """Serve until :meth:`close` is called (from another thread or a signal handler)."""
        try:
            while not self._stop.is_set() and self._map:
                wasyncore.loop(timeout=_POLL_SECONDS, map=self._map, count=1)
        finally:
            wasyncore.close_all(self._map)
            self._server.task_dispatcher.shutdown()

    def start(self) -> EmulatorServer:
        """Serve in a daemon thread; returns ``self``."""
        self._thread = threading.Thread(target=self.run, name="tclive-emulator-server", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving: close the listener and every connection, and wait for the serving thread."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def __enter__(self) -> EmulatorServer:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def serve(
    emulator: Emulator,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    threads: int = 8,
    ready: Callable[[EmulatorServer], None] | None = None,
) -> None:
    """Serve ``emulator`` in the foreground until SIGINT or SIGTERM.

    Args:
        emulator: the emulator to serve.
        host: the address to listen on; loopback by default.
        port: the TCP port; 0 picks a free one.
        threads: waitress worker threads.
        ready: called with the bound server before serving starts (to print the endpoint).
    """
    server = EmulatorServer(emulator, host=host, port=port, threads=threads)

    def stop(signum: int, frame: FrameType | None) -> None:
        log.info("received %s, shutting down", signal.Signals(signum).name)
        server.close()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        if ready is not None:
            ready(server)
        log.info("serving %s on %s", emulator.state_path, server.endpoint)
        server.run()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
