"""The CNAME check of an RFC 2136 zone, against the real BIND the suite starts (tests/fixtures/bind.py):
the zone's primary asked directly, and the same server as a ``--resolver``."""

from __future__ import annotations

from pathlib import Path

from pulumi_tclive.doctor import DeployedResource, Deployment, Finding, doctor
from pulumi_tclive.settings import ProviderSettings
from tests.fixtures.bind import BindServer


def _check(bind_server: BindServer, tmp_path: Path, name: str, target: str) -> dict[str, Finding]:
    record = DeployedResource(
        "CnameRecord",
        "play-cname",
        name,
        {"name": name, "target": target, "dns": "rfc2136"},
        {"name": name, "target": target, "dns": "rfc2136", "zone": bind_server.zone, "ttl": 300},
    )
    settings = ProviderSettings.load(
        {
            "tclive:endpoint": "embedded",  # the live API side holds no domain: the CNAME is judged by the stack's target
            "tclive:emulatorState": str(tmp_path / "emulator.sqlite3"),
            "tclive:rfc2136Server": str(bind_server.nameserver),
            "tclive:rfc2136TsigKeyName": bind_server.key_name,
            "tclive:rfc2136TsigSecret": bind_server.secret,
        }
    )
    deployment = Deployment("test", "dev", (record,), {}, settings)
    findings = doctor(deployment, resolvers=(bind_server.nameserver,))
    return {f.check: f for f in findings}


def test_a_served_cname_passes_at_the_primary_and_the_resolver(
    bind_server: BindServer, record_name: str, tmp_path: Path
) -> None:
    target = f"{record_name}.tlivecdn.com"
    bind_server.add(f"{record_name}.", "CNAME", f"{target}.")
    found = _check(bind_server, tmp_path, record_name, target)
    assert found["cname"].status == "pass", found["cname"]
    assert found["resolver"].status == "pass", found["resolver"]


def test_a_missing_cname_fails_with_the_record_to_add(
    bind_server: BindServer, record_name: str, tmp_path: Path
) -> None:
    target = f"{record_name}.tlivecdn.com"
    found = _check(bind_server, tmp_path, record_name, target)
    assert found["cname"].status == "fail"
    assert "NXDOMAIN" in found["cname"].detail
    assert found["cname"].fix.startswith(
        f"Add `{record_name}. 300 IN CNAME {target}.` in zone {bind_server.zone} on your primary DNS server"
    )
    assert found["resolver"].status == "fail" and f"IN CNAME {target}." in found["resolver"].fix


def test_a_cname_pointing_elsewhere_fails_naming_it(bind_server: BindServer, record_name: str, tmp_path: Path) -> None:
    bind_server.add(f"{record_name}.", "CNAME", "cdn.other.test.")
    found = _check(bind_server, tmp_path, record_name, f"{record_name}.tlivecdn.com")
    assert found["cname"].status == "fail"
    assert found["cname"].fix.startswith(f"Replace the CNAME of {record_name} (now cdn.other.test) with")
