"""Program worker: runs one Pulumi program under ``pulumi.runtime.set_mocks`` in a fresh process.

Started by the engine as ``python <this file> SPEC_JSON`` with one end of a socket pair inherited
as file descriptor ``$TCLIVE_ENGINE_FD``. It runs as a script, not as ``-m pulumi_tclive...``, so
the worker imports only the SDK and the program (not this package's provider code); for the same
reason the channel both sides speak lives here. ``set_mocks`` and the SDK's
settings are process-global, so every program run gets its own interpreter. The mock monitor
forwards each ``RegisterResource`` / ``RegisterResourceOutputs`` request, byte for byte, to the
engine and hands the engine's answer back to the SDK; the engine does all the deciding.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import runpy
import socket
import struct
import sys
import threading
import traceback
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, cast

import pulumi
from google.protobuf import empty_pb2
from pulumi.runtime import mocks, run_in_stack, settings
from pulumi.runtime.proto import resource_pb2

__all__ = ["FD_ENV", "Channel", "ChannelClosed", "EngineRefusal", "ForwardingMonitor", "main"]

FD_ENV = "TCLIVE_ENGINE_FD"
"""Environment variable naming the worker's end of the socket pair (an inherited file descriptor)."""

_HEADER = struct.Struct(">I")


class ChannelClosed(Exception):
    """The other side closed the socket (the worker exited or the engine went away)."""


class Channel:
    """Send and receive JSON messages over a connected stream socket.

    Either side may send from several threads at once. :meth:`call` tags each request with an
    ``id`` and the answer carrying it goes back to that caller, so calls from several threads are
    in flight together (the engine answers independent registrations in parallel, in any order).

    :param sock: a connected stream socket.
    """

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._send_lock = threading.Lock()
        self._calls_lock = threading.Lock()
        self._calls: dict[int, Future[dict[str, Any]]] = {}
        self._next_id = 0
        self._reader: threading.Thread | None = None

    def send(self, message: dict[str, Any]) -> None:
        """Send one message.

        :param message: a JSON-serialisable dict.
        """
        body = json.dumps(message).encode("utf-8")
        with self._send_lock:
            self._sock.sendall(_HEADER.pack(len(body)) + body)

    def receive(self) -> dict[str, Any]:
        """Wait for the next message (the side that uses :meth:`call` leaves this to its reader).

        :raises ChannelClosed: when the peer closed the socket.
        """
        (length,) = _HEADER.unpack(self._read_exactly(_HEADER.size))
        message: dict[str, Any] = json.loads(self._read_exactly(length).decode("utf-8"))
        return message

    def call(self, message: dict[str, Any]) -> dict[str, Any]:
        """Send a request and wait for its answer; any number of threads may wait at once.

        :param message: the request.
        :raises ChannelClosed: when the peer closed the socket before answering.
        """
        answer: Future[dict[str, Any]] = Future()
        with self._calls_lock:
            self._next_id += 1
            ident = self._next_id
            self._calls[ident] = answer
            if self._reader is None:
                self._reader = threading.Thread(target=self._read_answers, name="engine-answers", daemon=True)
                self._reader.start()
        self.send({**message, "id": ident})
        return answer.result()

    def _read_answers(self) -> None:
        while True:
            try:
                message = self.receive()
            except (ChannelClosed, OSError) as exc:
                with self._calls_lock:
                    waiting, self._calls = list(self._calls.values()), {}
                for answer in waiting:
                    answer.set_exception(ChannelClosed(str(exc)))
                return
            with self._calls_lock:
                answer = self._calls.pop(int(message.pop("id")))
            answer.set_result(message)

    def close(self) -> None:
        """Close the socket."""
        self._sock.close()

    def _read_exactly(self, size: int) -> bytes:
        chunks: list[bytes] = []
        remaining = size
        while remaining:
            chunk = self._sock.recv(remaining)
            if not chunk:
                raise ChannelClosed("the peer closed the engine channel")
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)


class EngineRefusal(Exception):
    """The engine refused a registration (its error is already reported); ends the program."""


class _NoMocks(mocks.Mocks):
    """Mocks whose only remaining job, invokes, the offline engine does not support."""

    def call(self, args: mocks.MockCallArgs) -> tuple[dict[str, Any], list[tuple[str, str]] | None]:
        raise RuntimeError(
            f"the program invoked {args.token}; the offline engine runs no provider functions (invokes). "
            "Run this program with the real Pulumi CLI."
        )

    def new_resource(self, args: mocks.MockResourceArgs) -> tuple[str | None, dict[str, Any]]:
        raise RuntimeError(f"unexpected mock registration of {args.typ} {args.name!r}")


class ForwardingMonitor(mocks.MockMonitor):
    """A mock monitor that sends registrations to the engine instead of answering them itself.

    :param channel: the socket to the engine.
    """

    def __init__(self, channel: Channel) -> None:
        super().__init__(_NoMocks())
        self._channel = channel

    def RegisterResource(self, request: resource_pb2.RegisterResourceRequest) -> Any:
        """Forward a registration; the engine runs Check/Diff/Create/… and answers with the state."""
        answer = self._channel.call(
            {"kind": "register", "request": base64.b64encode(request.SerializeToString()).decode("ascii")}
        )
        if "error" in answer:
            raise EngineRefusal(str(answer["error"]))
        return resource_pb2.RegisterResourceResponse.FromString(base64.b64decode(answer["response"]))

    def RegisterResourceOutputs(self, request: resource_pb2.RegisterResourceOutputsRequest) -> Any:
        """Forward outputs (the stack's exports arrive here)."""
        self._channel.call(
            {"kind": "outputs", "request": base64.b64encode(request.SerializeToString()).decode("ascii")}
        )
        return empty_pb2.Empty()

    def ReadResource(self, request: resource_pb2.ReadResourceRequest) -> Any:
        """Refuse get-style reads (``opts.id``)."""
        raise RuntimeError(
            f"{request.type} resource {request.name!r} is read with opts.id; the offline engine does not "
            "support reading existing resources. Run this program with the real Pulumi CLI."
        )


def _program_traceback(exc: BaseException) -> str:
    """The traceback without the frames of the SDK, asyncio, runpy and this worker."""
    # This file and the guard that starts it (_children.py) are the engine's, not the program's.
    internal = (
        str(Path(pulumi.__file__).parent),
        str(Path(asyncio.__file__).parent),
        str(Path(__file__).parent),
        "<frozen runpy>",
    )
    formatted = traceback.TracebackException.from_exception(exc)
    formatted.stack = traceback.StackSummary.from_list(
        [frame for frame in formatted.stack if not frame.filename.startswith(internal)]
    )
    return "".join(formatted.format())


def main() -> int:
    """Run the program described by ``sys.argv[1]`` and report the outcome to the engine."""
    spec: dict[str, Any] = json.loads(sys.argv[1])
    channel = Channel(socket.socket(fileno=int(os.environ.pop(FD_ENV))))
    program_dir = str(spec["program_dir"])
    # As a script, sys.path[0] is this directory; the program's directory takes its place.
    sys.path[0] = program_dir
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    # As the Python language host sizes the SDK's executor for `--parallel P`: 4 × P threads.
    loop.set_default_executor(ThreadPoolExecutor(max_workers=max(int(spec.get("parallel", 1)), 1) * 4))
    # A placeholder root keeps set_mocks from registering (and finishing) a stack of its own;
    # run_in_stack below registers the real one, whose outputs are the program's exports.
    settings.ROOT.set(cast(Any, object()))
    mocks.set_mocks(
        _NoMocks(),
        project=str(spec["project"]),
        stack=str(spec["stack"]),
        preview=bool(spec["preview"]),
        monitor=ForwardingMonitor(channel),
    )
    settings.ROOT.set(None)
    main_py = str(Path(program_dir) / "__main__.py")

    async def execute() -> None:
        runpy.run_path(main_py, run_name="__main__")
        # One turn of the event loop lets the registrations the program scheduled start, so the
        # SDK's wait_for_rpcs awaits each of them in turn. Without it that wait finds no RPC yet and
        # falls through to its asyncio.wait(FIRST_COMPLETED) loop over every pending output, which
        # re-arms a callback on each of them after every answer: O(N²) for N resources.
        await asyncio.sleep(0)

    error = ""
    try:
        loop.run_until_complete(run_in_stack(execute))
    except EngineRefusal:
        error = "refused"
    except BaseException as exc:  # any program failure, even SystemExit, is reported to the engine
        error = _program_traceback(exc)
    sys.stdout.flush()
    sys.stderr.flush()
    channel.call({"kind": "done", "error": error})
    channel.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
