"""A marker secret never reaches a pickle, an output, a log line or an exception text."""

from __future__ import annotations

import base64
import pickletools
from pathlib import Path

import dill
import pytest
from pulumi.dynamic import ConfigureRequest
from pulumi.dynamic.config import Config
from pulumi.dynamic.dynamic import serialize_provider

from pulumi_tclive.errors import TencentCloudApiError
from pulumi_tclive.resources import CnameRecordProvider, LiveDomainProvider, PluginLicenseProvider
from pulumi_tclive.settings import ProviderSettings

MARKER = "MARKER-SECRET-7d1f0c2b"


@pytest.mark.parametrize("cls", [PluginLicenseProvider, LiveDomainProvider, CnameRecordProvider])
def test_pickled_provider_is_small_by_reference_and_holds_nothing(cls: type) -> None:
    encoded = serialize_provider(cls())
    raw = base64.b64decode(encoded)
    assert len(raw) <= 512
    assert b"pulumi_tclive.resources" in raw
    opcodes = {op.name for op, _, _ in pickletools.genops(raw)}
    assert "STACK_GLOBAL" in opcodes or "GLOBAL" in opcodes
    assert isinstance(dill.loads(raw), cls)


def test_a_configured_provider_still_pickles_without_secrets() -> None:
    provider = LiveDomainProvider()
    provider.configure(ConfigureRequest(Config({"tclive:secretKey": MARKER, "tclive:secretId": "AKID"}, "p")))
    assert provider.settings.secret_key == MARKER  # configured: the provider holds the key in memory
    raw = base64.b64decode(serialize_provider(provider))
    assert MARKER.encode() not in raw
    assert MARKER not in repr(provider.settings)
    # What the engine stores is the class by reference; unpickled, it is an unconfigured provider.
    assert dill.loads(raw).__dict__.get("_settings") is None


def test_settings_repr_hides_every_secret() -> None:
    settings = ProviderSettings.load(
        {"tclive:secretKey": MARKER, "tclive:rfc2136TsigSecret": MARKER, "tclive:securityToken": MARKER}, {}
    )
    assert MARKER not in repr(settings)


def test_a_wrong_key_fails_without_showing_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    provider = LiveDomainProvider()
    config = {
        "tclive:endpoint": "embedded",
        "tclive:emulatorState": str(tmp_path / "e.sqlite3"),
        "tclive:secretId": "AKIDunknown",
        "tclive:secretKey": MARKER,
    }
    provider.configure(ConfigureRequest(Config(config, "p")))
    with pytest.raises(TencentCloudApiError) as err:
        provider.create({"domain_name": "play.example.com", "domain_type": "play"})
    assert err.value.code.startswith("AuthFailure")
    captured = capsys.readouterr()
    assert MARKER not in str(err.value) and MARKER not in repr(err.value)
    assert MARKER not in captured.out + captured.err
