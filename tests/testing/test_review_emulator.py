"""The drift gate on the real product: the quick-start stack on the embedded emulator, a CNAME
changed out of band through the emulator's DNSPod API, and the engine's command line catching it.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.cloud.dnspod import (
    CREATE_DOMAIN,
    DESCRIBE_RECORD_LIST,
    MODIFY_RECORD,
    CreateDomainRequest,
    DescribeRecordListRequest,
    ModifyRecordRequest,
)
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.testing import main
from tests.fixtures.projects import link_virtualenv

REPO = Path(__file__).resolve().parents[2]
CNAME = "pulumi-python:dynamic/tclive:CnameRecord"


@pytest.fixture
def quickstart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, TencentCloudClient]]:
    directory = tmp_path / "examples" / "quickstart"
    shutil.copytree(REPO / "examples" / "quickstart", directory, ignore=shutil.ignore_patterns(".tclive*"))
    link_virtualenv(directory, tmp_path)
    emulator = Emulator(directory / ".tclive" / "emulator.sqlite3")
    console = emulator.client()
    console.call(CREATE_DOMAIN, CreateDomainRequest(Domain="example.com"))
    monkeypatch.setenv("PYTHONPATH", str(REPO))
    yield directory, console
    console.close()
    emulator.close()


def push_record(console: TencentCloudClient) -> tuple[int, str, int]:
    listed = console.call(
        DESCRIBE_RECORD_LIST, DescribeRecordListRequest(Domain="example.com", RecordType="CNAME", ErrorOnEmpty="no")
    )
    (record,) = [r for r in listed.RecordList if r.Name == "push"]
    return record.RecordId, record.Value, record.TTL


def test_an_out_of_band_ttl_change_fails_the_gate_and_up_repairs_it(
    quickstart: tuple[Path, TencentCloudClient], capsys: pytest.CaptureFixture[str]
) -> None:
    directory, console = quickstart
    assert main(["up", str(directory), "--json"]) == 0, capsys.readouterr().err
    created = json.loads(capsys.readouterr().out)
    assert set(created["changeSummary"]) == {"create"}
    assert created["changeSummary"]["create"] == len(created["steps"])
    assert {step["type"] for step in created["steps"]} >= {"tclive:index:MiniProgramLive", CNAME}
    assert all(step["urn"].startswith("urn:pulumi:dev::tclive-quickstart::") for step in created["steps"])
    assert main(["preview", str(directory), "--expect-no-changes"]) == 0, capsys.readouterr().out
    capsys.readouterr()

    record_id, value, ttl = push_record(console)
    console.call(
        MODIFY_RECORD,
        ModifyRecordRequest(
            Domain="example.com",
            SubDomain="push",
            RecordType="CNAME",
            RecordLine="默认",
            Value=value,
            RecordId=record_id,
            TTL=3600,
        ),
    )

    assert main(["preview", str(directory), "--refresh", "--expect-no-changes", "--json"]) == 7
    document = json.loads(capsys.readouterr().out)
    (step,) = document["steps"]
    assert step["op"] == "update" and step["type"] == CNAME and step["urn"].endswith("::acme-push-cname")
    assert step["detailedDiff"] == {"ttl": {"kind": "update", "inputDiff": True}}

    assert main(["refresh", str(directory), "--expect-no-changes"]) == 7
    out = capsys.readouterr().out
    assert f" ~  update   {CNAME} acme-push-cname [diff: ~ttl]" in out
    assert f"      ~ ttl: 3600 => {ttl}" not in out and f"      ~ ttl: {ttl} => 3600" in out

    assert main(["up", str(directory), "--diff"]) == 0
    out = capsys.readouterr().out
    assert f" ~  update   {CNAME} acme-push-cname [diff: ~ttl]" in out
    assert f"      ~ ttl: 3600 => {ttl}" in out
    assert push_record(console)[2] == ttl, "up put the TTL back"
