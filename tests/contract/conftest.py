"""``sdk_env``: a served emulator (real socket, port 0) for the official SDK, with an admin client to arrange state.

One server per test module, emptied with the console's ``Reset`` before every test (credentials
survive it): starting a server and a state file per test would cost more than the tests themselves.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pulumi_tclive.emulator import Emulator, EmulatorServer
from pulumi_tclive.emulator.console_api import RESET, ResetRequest
from tests.contract.sdk_env import SdkEnv


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SdkEnv]:
    emulator = Emulator(tmp_path_factory.mktemp("contract") / "emulator.sqlite3")
    with EmulatorServer(emulator, threads=2).start() as server, emulator.client() as admin:
        yield SdkEnv(server.endpoint, emulator.credentials, emulator, admin)
    emulator.close()


@pytest.fixture
def sdk_env(served: SdkEnv) -> SdkEnv:
    served.admin.call(RESET, ResetRequest())
    return served
