"""The ``api`` fixture: the same test body runs against the emulator in-process and over a socket."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pulumi_tclive.emulator import EMBEDDED_ENDPOINT, Emulator, EmulatorServer
from tests.emulator.helpers import Api


@pytest.fixture(params=["in-process", "socket"])
def api(request: pytest.FixtureRequest, emulator: Emulator) -> Iterator[Api]:
    """The emulator in-process (WSGI transport) or served by waitress on 127.0.0.1."""
    if request.param == "in-process":
        yield Api(emulator, EMBEDDED_ENDPOINT, emulator.transport())
        return
    with EmulatorServer(emulator).start() as server:
        api = Api(emulator, server.endpoint, None)
        yield api
        api.client.close()
