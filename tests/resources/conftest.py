"""Providers configured exactly as the engine configures them, against an embedded emulator file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pulumi.dynamic import ConfigureRequest
from pulumi.dynamic.config import Config

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.emulator.console_api import (
    DESCRIBE_REQUEST_LOG,
    RESET,
    DescribeRequestLogRequest,
    ResetRequest,
)
from pulumi_tclive.resources._provider import TcliveProvider
from tests.fixtures.emulator import hold_available_licence


@dataclass
class Stack:
    """One emulator state file, a console client on it, and the config the providers get."""

    state: Path
    console: TencentCloudClient
    config: dict[str, str]

    def configure(self, provider: TcliveProvider, **extra: str) -> TcliveProvider:
        provider.configure(ConfigureRequest(Config({**self.config, **extra}, "tests")))
        return provider

    def calls(self) -> dict[str, int]:
        log = self.console.call(DESCRIBE_REQUEST_LOG, DescribeRequestLogRequest())
        return {c.Action: c.Count for c in log.Calls}

    def reset_log(self) -> None:
        """Reset wipes everything; only for a fresh start."""
        self.console.call(RESET, ResetRequest())

    def hold_available_licence(self, app_id: str) -> None:
        """What a person does in the console: the account then holds an available licence."""
        hold_available_licence(self.console, app_id)


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[Stack]:
    state = tmp_path / "emulator.sqlite3"
    emulator = Emulator(state)
    console = emulator.client()
    yield Stack(state, console, {"tclive:endpoint": "embedded", "tclive:emulatorState": str(state)})
    console.close()


APP_ID = "wx0123456789abcdef"


def licence_inputs(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "mini_program_app_id": APP_ID,
        "mini_program_name": "Acme Shop",
        "subject_type": "enterprise",
        "scene": "ecommerce",
        "service_categories": ["电商平台"],
    }
    values.update(overrides)
    return values
