"""CnameRecord with dns="rfc2136" and dns="manual", verified at a real BIND 9 (verify="dns")."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from pulumi.dynamic import ConfigureRequest
from pulumi.dynamic.config import Config

from pulumi_tclive.errors import ConfigurationError, DnsConflictError, PropagationTimeout
from pulumi_tclive.resources.cname import CnameRecordProvider
from tests.fixtures.bind import BindServer

TARGET = "play.example.test.tlivecdn.com"


def provider(bind: BindServer, **extra: str) -> CnameRecordProvider:
    config = {
        "tclive:rfc2136Server": f"127.0.0.1:{bind.port}",
        "tclive:rfc2136TsigKeyName": bind.key_name,
        "tclive:rfc2136TsigSecret": bind.secret,
        "tclive:nameservers": f"127.0.0.1:{bind.port}",
        **extra,
    }
    p = CnameRecordProvider()
    p.configure(ConfigureRequest(Config(config, "tests")))
    return p


def record(name: str, **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {"name": name, "target": TARGET, "dns": "rfc2136", "ttl": 300.0, "verify_timeout": 5.0}
    values.update(overrides)
    return values


def test_rfc2136_lifecycle_with_dns_verification(bind_server: BindServer, record_name: str) -> None:
    p = provider(bind_server)
    created = p.create(record(record_name))
    assert created.outs["zone"] == "example.test"
    assert created.outs["verify_mode"] == "dns"
    assert created.outs["verified"] is True
    assert created.outs["nameservers"] == [f"127.0.0.1:{bind_server.port}"]
    assert bind_server.lookup(record_name + ".", "CNAME") == [TARGET + "."]

    updated = p.update(record_name, created.outs, record(record_name, target="other.example.net", ttl=600.0))
    assert bind_server.lookup(record_name + ".", "CNAME") == ["other.example.net."]
    assert updated.outs["ttl"] == 600

    p.delete(record_name, updated.outs)
    assert bind_server.lookup(record_name + ".", "CNAME") == []


def test_refresh_sees_out_of_band_change_and_deletion(bind_server: BindServer, record_name: str) -> None:
    p = provider(bind_server)
    outs = p.create(record(record_name, verify="none")).outs
    bind_server.remove(record_name + ".")
    bind_server.add(record_name + ".", "CNAME", "changed.example.net.")
    drifted = p.read(record_name, outs)
    assert drifted.outs["target"] == "changed.example.net"
    bind_server.remove(record_name + ".")
    assert p.read(record_name, outs).id == ""


def test_other_data_at_the_name_is_refused(bind_server: BindServer, record_name: str) -> None:
    bind_server.add(record_name + ".", "A", "192.0.2.10")
    with pytest.raises(DnsConflictError):
        provider(bind_server).create(record(record_name, verify="none"))
    assert bind_server.lookup(record_name + ".", "A") == ["192.0.2.10"]


def test_rfc2136_without_settings_is_a_configuration_error(record_name: str) -> None:
    p = CnameRecordProvider()
    p.configure(ConfigureRequest(Config({}, "tests")))
    with pytest.raises(ConfigurationError, match="tclive:rfc2136Server"):
        p.create(record(record_name))


def test_manual_mode_waits_for_the_record_a_person_adds(
    bind_server: BindServer, record_name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    def person() -> None:
        time.sleep(1.0)
        bind_server.add(record_name + ".", "CNAME", TARGET + ".")

    helper = threading.Thread(target=person)
    helper.start()
    created = provider(bind_server).create(record(record_name, dns="manual", verify_timeout=20.0))
    helper.join()
    assert created.outs["verified"] is True
    assert f"{record_name}. 300 IN CNAME {TARGET}." in capsys.readouterr().err


def test_manual_mode_times_out_with_the_instructions(bind_server: BindServer, record_name: str) -> None:
    with pytest.raises(PropagationTimeout) as err:
        provider(bind_server).create(record(record_name, dns="manual", verify_timeout=1.5))
    assert f"{record_name}. 300 IN CNAME {TARGET}." in str(err.value)
    assert f"127.0.0.1:{bind_server.port}" in str(err.value)
