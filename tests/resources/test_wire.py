"""LiveDomain over the real dynamic-provider gRPC protocol: a `python -m pulumi.dynamic` process,
configured with namespaced, secret-wrapped stack config, sent exactly what the engine sends."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pulumi.dynamic.dynamic import serialize_provider
from pulumi.runtime.proto import provider_pb2

from pulumi_tclive.emulator import Emulator
from pulumi_tclive.resources.domain import LiveDomainProvider
from pulumi_tclive.testing._provider import ProviderError, ProviderProcess, provider_environment
from pulumi_tclive.testing._values import UNKNOWN, struct_to_dict

REPO = Path(__file__).resolve().parents[2]
TYPE = "pulumi-python:dynamic/tclive:LiveDomain"
URN = f"urn:pulumi:dev::wire::{TYPE}::play"


@pytest.fixture
def plugin(tmp_path: Path) -> Iterator[tuple[ProviderProcess, list[str]]]:
    state = tmp_path / "emulator.sqlite3"
    with Emulator(state) as emulator:
        credentials = emulator.credentials
    lines: list[str] = []
    process = ProviderProcess(
        cwd=tmp_path,
        env=provider_environment(os.environ, project_name="wire", python_path=[REPO / "provider"]),
        config={
            "tclive:endpoint": "embedded",
            "tclive:emulatorState": str(state),
            "tclive:secretId": credentials.secret_id,
            "tclive:secretKey": credentials.secret_key,
        },
        # Only an unwrapped key signs correctly: the calls below succeed only if Configure saw plaintext.
        secret_keys=frozenset({"tclive:secretKey"}),
        on_output=lines.append,
    )
    yield process, lines
    process.close()


def news(provider: str, **values: Any) -> dict[str, Any]:
    return {
        "domain_name": "Play.Example.com",
        "domain_type": "play",
        "scene": "standard",
        "__provider": provider,
        **values,
    }


def test_full_lifecycle_as_the_engine_sends_it(plugin: tuple[ProviderProcess, list[str]]) -> None:
    process, _ = plugin
    provider = serialize_provider(LiveDomainProvider())

    preview = process.check(URN, TYPE, "play", {}, news(provider, domain_name=UNKNOWN))
    assert list(preview.failures) == []
    assert struct_to_dict(preview.inputs)["domain_name"] == UNKNOWN

    checked = process.check(URN, TYPE, "play", {}, news(provider))
    inputs = struct_to_dict(checked.inputs)
    assert inputs["domain_name"] == "play.example.com"

    id_, outputs = process.create(URN, TYPE, "play", inputs)
    assert id_ == "play.example.com"
    assert outputs["cname_target"] == "play.example.com.tlivecdn.com"

    regional = struct_to_dict(process.check(URN, TYPE, "play", inputs, news(provider, play_region="global")).inputs)
    diff = process.diff(URN, TYPE, "play", id_, outputs, inputs, regional, [])
    assert diff.changes == provider_pb2.DiffResponse.DIFF_SOME and list(diff.replaces) == []
    renamed = struct_to_dict(
        process.check(URN, TYPE, "play", {}, news(provider, domain_name="play2.example.com")).inputs
    )
    assert list(process.diff(URN, TYPE, "play", id_, outputs, inputs, renamed, []).replaces) == ["domain_name"]
    unknown = news(provider, domain_name=UNKNOWN)
    assert list(process.diff(URN, TYPE, "play", id_, outputs, inputs, unknown, []).replaces) == []

    updated = process.update(URN, TYPE, "play", id_, outputs, inputs, regional, [])
    assert updated["play_region"] == "global"
    read_id, read_outputs, read_inputs = process.read(URN, TYPE, "play", id_, updated, regional)
    assert read_id == id_ and read_outputs["play_region"] == "global"
    assert read_inputs is not None and read_inputs["play_region"] == "global"

    process.delete(URN, TYPE, "play", id_, updated, regional)
    assert process.read(URN, TYPE, "play", id_, updated, regional)[0] == ""


def test_check_failures_come_back_as_property_and_reason(plugin: tuple[ProviderProcess, list[str]]) -> None:
    process, _ = plugin
    provider = serialize_provider(LiveDomainProvider())
    failures = process.check(URN, TYPE, "play", {}, news(provider, domain_type="push", play_region="global")).failures
    assert [(f.property, "push" in f.reason) for f in failures] == [("play_region", True)]


def test_a_refused_delete_comes_back_as_an_error_naming_the_rule(plugin: tuple[ProviderProcess, list[str]]) -> None:
    process, _ = plugin
    provider = serialize_provider(LiveDomainProvider())
    outputs = news(provider, domain_name="mp.example.com", scene="mini_program")
    with pytest.raises(ProviderError) as err:
        process.delete(URN, TYPE, "play", "mp.example.com", outputs, outputs)
    assert "R8" in str(err.value.details) and "retain_on_delete" in str(err.value.details)
