"""Provider settings: unknown keys, malformed values, emulator zones, and the target line."""

from __future__ import annotations

from pathlib import Path

import pytest

from pulumi_tclive.errors import ConfigurationError
from pulumi_tclive.settings import CONFIG_KEYS, ProviderSettings, unknown_config_keys


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("tclive:endpont", "tclive:endpoint"),
        ("tclive:emulatorstate", "tclive:emulatorState"),
        ("tclive:writeRetryTimout", "tclive:writeRetryTimeout"),
        ("tclive:emulatorZone", "tclive:emulatorZones"),
        ("tclive:secretkey", "tclive:secretKey"),
    ],
)
def test_an_unknown_key_names_the_closest_valid_key(typo: str, meant: str) -> None:
    [message] = unknown_config_keys({typo: "x"})
    assert message.startswith(f"unknown stack config key {typo}: did you mean {meant}?")
    assert f"pulumi config rm {typo}" in message


def test_a_key_like_no_other_lists_the_valid_keys() -> None:
    [message] = unknown_config_keys({"tclive:zzz": "1"})
    assert "did you mean" not in message
    assert all(key in message for key in CONFIG_KEYS)


def test_valid_keys_and_other_namespaces_pass() -> None:
    config = dict.fromkeys(CONFIG_KEYS, "x") | {"aws:region": "x", "tclive-quickstart:appId": "x"}
    assert unknown_config_keys(config) == []


@pytest.mark.parametrize(
    ("endpoint", "expected"),
    [
        ("emedded", "did you mean 'embedded'?"),
        ("127.0.0.1:8080", "Tencent Cloud API 3.0 endpoint"),
        ("http://", "it has no host"),
        ("http://127.0.0.1:8080/api", "root path"),
    ],
)
def test_a_malformed_endpoint_is_refused_with_the_fix(endpoint: str, expected: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        ProviderSettings.load({"tclive:endpoint": endpoint}, {})
    assert expected in str(caught.value)
    assert endpoint in str(caught.value)


def test_an_endpoint_url_is_normalised() -> None:
    settings = ProviderSettings.load({"tclive:endpoint": "http://127.0.0.1:8080/"}, {})
    assert settings.endpoint == "http://127.0.0.1:8080"


@pytest.mark.parametrize("value", ["5m", "0", "-1", "nan", "inf"])
def test_a_malformed_retry_timeout_is_refused(value: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        ProviderSettings.load({"tclive:writeRetryTimeout": value}, {})
    assert f"tclive:writeRetryTimeout (or environment variable TENCENTCLOUD_WRITE_RETRY_TIMEOUT) is {value!r}" in str(
        caught.value
    )
    assert "positive number of seconds" in str(caught.value)


@pytest.mark.parametrize(
    "value",
    ['["Example.com", "school.example.com."]', "example.com, school.example.com", "[example.com]", "example.com"],
)
def test_emulator_zones_from_a_list_or_commas(value: str) -> None:
    zones = ProviderSettings.load({"tclive:emulatorZones": value}, {}).emulator_zones
    assert zones[0] == "example.com"
    assert set(zones) <= {"example.com", "school.example.com"}


@pytest.mark.parametrize(("value", "expected"), [('[{"a": 1}]', "give a list"), ("[com]", "com"), ("a..b", "a..b")])
def test_malformed_emulator_zones_are_refused(value: str, expected: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        ProviderSettings.load({"tclive:emulatorZones": value}, {})
    assert "tclive:emulatorZones" in str(caught.value)
    assert expected in str(caught.value)


def test_the_target_line_names_the_backend_and_where_it_is(tmp_path: Path) -> None:
    state = tmp_path / "emulator.sqlite3"
    embedded = ProviderSettings.load(
        {"tclive:endpoint": "embedded", "tclive:emulatorState": str(state), "tclive:emulatorZones": "[example.com]"},
        {},
    )
    assert embedded.describe_target() == (
        f"tclive: target: the embedded emulator, state file {state} (tclive:emulatorState); "
        "DNSPod zones example.com (tclive:emulatorZones)"
    )
    # Any endpoint is a Tencent Cloud API endpoint, real or emulated: nothing says "emulator".
    for url in ("http://127.0.0.1:8080", "https://live.internal.tencentcloudapi.com"):
        server = ProviderSettings.load({"tclive:endpoint": url}, {})
        assert server.describe_target() == (
            f"tclive: target: the Tencent Cloud API at {url}, region ap-guangzhou (tclive:endpoint)"
        )
    cloud = ProviderSettings.load({"tclive:region": "ap-shanghai"}, {})
    assert cloud.describe_target().startswith("tclive: target: real Tencent Cloud, region ap-shanghai")


def test_zones_outside_the_embedded_emulator_are_said_to_be_ignored() -> None:
    cloud = ProviderSettings.load({"tclive:emulatorZones": "[example.com]"}, {})
    assert cloud.describe_target().endswith("; tclive:emulatorZones is ignored (embedded emulator only)")
