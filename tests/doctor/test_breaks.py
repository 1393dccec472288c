"""``tclive doctor`` on a deployed stack: healthy, then each out-of-band break fails exactly its check, with the fix."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped]

from pulumi_tclive.cli import main
from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.cloud.dnspod import (
    DELETE_RECORD,
    DESCRIBE_RECORD_LIST,
    MODIFY_RECORD,
    DeleteRecordRequest,
    DescribeRecordListRequest,
    ModifyRecordRequest,
)
from pulumi_tclive.cloud.live import FORBID_LIVE_DOMAIN, ForbidLiveDomainRequest
from pulumi_tclive.cloud.streaming import (
    DESCRIBE_LIVE_PUSH_AUTH_KEY,
    MODIFY_LIVE_DOMAIN_CERT_BINDINGS,
    MODIFY_LIVE_PUSH_AUTH_KEY,
    DescribeLivePushAuthKeyRequest,
    LiveCertDomainInfo,
    ModifyLiveDomainCertBindingsRequest,
    ModifyLivePushAuthKeyRequest,
)
from pulumi_tclive.emulator.console_api import (
    APPROVE_PLUGIN_LICENSE,
    DESCRIBE_REQUEST_LOG,
    PAY_PLUGIN_LICENSE,
    SET_CLOCK,
    SUBMIT_PLUGIN_LICENSE,
    ApprovePluginLicenseRequest,
    DescribeRequestLogRequest,
    PayPluginLicenseRequest,
    SetClockRequest,
    SubmitPluginLicenseRequest,
)
from tests.doctor.conftest import failed, only_failure, run_doctor
from tests.doctor.test_gitops import load_script
from tests.fixtures.certs import issue

DOMAINS = ("mp-play.example.com", "play.example.com", "push.example.com")


def _record_id(cloud: TencentCloudClient, sub: str) -> int:
    listed = cloud.call(
        DESCRIBE_RECORD_LIST, DescribeRecordListRequest(Domain="example.com", SubDomain=sub, ErrorOnEmpty="no")
    )
    return next(r.RecordId for r in listed.RecordList if r.Type == "CNAME")


def _calls(cloud: TencentCloudClient) -> dict[str, int]:
    return {c.Action: c.Count for c in cloud.call(DESCRIBE_REQUEST_LOG, DescribeRequestLogRequest()).Calls}


def test_a_healthy_stack_passes_with_one_call_per_domain_per_kind(
    stack: Path, cloud: TencentCloudClient, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _calls(cloud)
    status, document, _ = run_doctor(capsys, str(stack))
    assert status == 0, document
    assert not failed(document)
    checked = {(c["check"], c["subject"]) for c in document["checks"]}
    for domain in DOMAINS:
        assert ("domain", domain) in checked and ("cname", domain) in checked
    assert {("https", "mp-play.example.com"), ("https", "play.example.com")} <= checked
    assert {("push auth", "push.example.com"), ("play auth", "mp-play.example.com")} <= checked
    # Referer rules do not protect the RTMP and WebRTC play URLs the stack publishes: a warning, with the fix.
    referer = [c for c in document["checks"] if c["check"] == "referer"]
    assert referer and all(c["status"] == "warn" and "RTMP" in c["detail"] and c["fix"] for c in referer)
    assert document["summary"]["fail"] == 0 and document["summary"]["pass"] >= 10
    after = _calls(cloud)
    made = {action: after.get(action, 0) - before.get(action, 0) for action in after}
    assert made["DescribeLivePushAuthKey"] == 1 and made["DescribeLivePlayAuthKey"] == 2
    assert made["DescribeLiveDomainCert"] == 2 and made["DescribeLiveDomainReferer"] == 2
    assert made["DescribeLiveDomains"] <= 2  # one page each of normal and slow-live domains, for all domains
    assert made.get("DescribeLiveDomain", 0) == 0


def test_the_table_names_each_check_and_the_counts(stack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["doctor", str(stack)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["CHECK", "SUBJECT", "STATUS", "DETAIL"]
    assert "push.example.com" in out and "failed" in out.splitlines()[-1]


def test_a_deleted_cname_fails_the_cname_check_with_the_record_to_add(
    stack: Path, cloud: TencentCloudClient, capsys: pytest.CaptureFixture[str]
) -> None:
    cloud.call(DELETE_RECORD, DeleteRecordRequest(Domain="example.com", RecordId=_record_id(cloud, "push")))
    finding, _ = only_failure(capsys, str(stack), check="cname", subject="push.example.com")
    assert "`push.example.com. 600 IN CNAME push.example.com.tlivepush.com.` in zone example.com" in (finding["fix"])


def test_a_changed_cname_fails_naming_what_it_points_at(
    stack: Path, cloud: TencentCloudClient, capsys: pytest.CaptureFixture[str]
) -> None:
    request = ModifyRecordRequest(
        Domain="example.com",
        SubDomain="play",
        RecordType="CNAME",
        RecordLine="默认",
        Value="elsewhere.example.net.",
        RecordId=_record_id(cloud, "play"),
    )
    cloud.call(MODIFY_RECORD, request)
    finding, _ = only_failure(capsys, str(stack), check="cname", subject="play.example.com")
    assert "elsewhere.example.net" in finding["detail"]
    assert finding["fix"].startswith(
        "Replace the CNAME of play.example.com (now elsewhere.example.net) with "
        "`play.example.com. 600 IN CNAME play.example.com.tlivecdn.com.`"
    )


def test_a_forbidden_domain_fails_the_domain_check(
    stack: Path, cloud: TencentCloudClient, capsys: pytest.CaptureFixture[str]
) -> None:
    cloud.call(FORBID_LIVE_DOMAIN, ForbidLiveDomainRequest(DomainName="play.example.com"))
    finding, _ = only_failure(capsys, str(stack), check="domain", subject="play.example.com")
    assert "disabled" in finding["detail"]
    assert "tclive up" in finding["fix"]


def test_an_expired_licence_fails_the_licence_check(
    stack: Path, cloud: TencentCloudClient, capsys: pytest.CaptureFixture[str]
) -> None:
    # The emulated console holds the licence (as Tencent's console would); its clock then runs past the expiry.
    cloud.call(
        SUBMIT_PLUGIN_LICENSE,
        SubmitPluginLicenseRequest(
            MiniProgramAppId="wx0123456789abcdef",
            MiniProgramName="Acme Shop",
            SubjectType="enterprise",
            Scene="ecommerce",
            ServiceCategories=["电商平台"],
        ),
    )
    cloud.call(APPROVE_PLUGIN_LICENSE, ApprovePluginLicenseRequest(MiniProgramAppId="wx0123456789abcdef"))
    cloud.call(PAY_PLUGIN_LICENSE, PayPluginLicenseRequest(MiniProgramAppId="wx0123456789abcdef", Months=12))
    status, document, _ = run_doctor(capsys, str(stack))
    assert status == 0 and not failed(document)
    later = datetime.now(UTC) + timedelta(days=800)
    cloud.call(SET_CLOCK, SetClockRequest(Time=later.strftime("%Y-%m-%dT%H:%M:%SZ")))
    finding, _ = only_failure(capsys, str(stack), check="licence", subject="licence wx0123456789abcdef")
    assert "expired" in finding["detail"] and "Renew" in finding["fix"]


def test_a_certificate_near_expiry_fails_the_https_check(
    stack: Path, cloud: TencentCloudClient, capsys: pytest.CaptureFixture[str]
) -> None:
    soon = issue("mp-play.example.com", days=5)
    request = ModifyLiveDomainCertBindingsRequest(
        DomainInfos=[LiveCertDomainInfo(DomainName="mp-play.example.com", Status=1)],
        CertificatePublicKey=soon.chain,
        CertificatePrivateKey=soon.key,
    )
    cloud.call(MODIFY_LIVE_DOMAIN_CERT_BINDINGS, request)
    finding, _ = only_failure(capsys, str(stack), check="https", subject="mp-play.example.com")
    assert "within --expiry-days 30" in finding["detail"] and "PlayDomainCertificate" in finding["fix"]
    # A shorter horizon accepts it.
    status, document, _ = run_doctor(capsys, str(stack), "--expiry-days", "2")
    assert status == 0, failed(document)


def test_a_changed_push_key_fails_the_push_auth_check_without_showing_a_key(
    stack: Path, cloud: TencentCloudClient, capsys: pytest.CaptureFixture[str]
) -> None:
    old = cloud.call(DESCRIBE_LIVE_PUSH_AUTH_KEY, DescribeLivePushAuthKeyRequest(DomainName="push.example.com"))
    assert old.PushAuthKeyInfo is not None
    new_key = "0123456789abcdef0123456789abcdef"
    cloud.call(
        MODIFY_LIVE_PUSH_AUTH_KEY, ModifyLivePushAuthKeyRequest(DomainName="push.example.com", MasterAuthKey=new_key)
    )
    finding, shown = only_failure(capsys, str(stack), check="push auth", subject="push.example.com")
    assert "tclive refresh" in finding["fix"]
    assert new_key not in shown and old.PushAuthKeyInfo.MasterAuthKey not in shown


@pytest.mark.parametrize(
    ("plugin", "expected"),
    [
        ({"version": "1.1.0", "provider": "wx95a7d2b78cf30f98"}, "below the plugin's minimum 1.2.1"),
        ({"version": "1.3.4", "provider": "wx00000000000000aa"}, "provider wx00000000000000aa"),
    ],
    ids=["old", "foreign"],
)
def test_an_old_or_foreign_plugin_block_fails_the_app_json_check(
    stack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], plugin: dict[str, str], expected: str
) -> None:
    app_json = tmp_path / "app.json"
    app_json.write_text(json.dumps({"pages": ["pages/index"], "plugins": {"live-player-plugin": plugin}}))
    finding, _ = only_failure(capsys, str(stack), "--app-json", str(app_json), check="app.json", subject=str(app_json))
    assert expected in finding["detail"]
    assert '"provider": "wx95a7d2b78cf30f98"' in finding["fix"] and '"version": "1.3.4"' in finding["fix"]


def test_from_export_reads_the_same_stack(stack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A `pulumi stack export` document (secrets as Pulumi's secret objects) gives the same checks."""
    state = json.loads((stack / ".tclive-state" / "dev.json").read_text())
    secret = {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "ciphertext": "v1:AAAA"}

    def exported(values: dict[str, object], withheld: list[str]) -> dict[str, object]:
        return {key: secret if key in withheld else value for key, value in values.items()}

    resources: list[dict[str, object]] = [
        {
            "urn": "urn:pulumi:dev::tclive-secure-streaming::pulumi:pulumi:Stack::x-dev",
            "type": "pulumi:pulumi:Stack",
            "outputs": state["outputs"],
        }
    ]
    for entry in state["resources"]:
        resources.append(
            {
                "urn": entry["urn"],
                "type": entry["type"],
                "id": entry["id"],
                "inputs": exported(entry["inputs"], entry["secret_inputs"]),
                "outputs": exported(entry["outputs"], entry["secret_outputs"]),
            }
        )
    export = tmp_path / "stack.json"
    export.write_text(json.dumps({"version": 3, "deployment": {"resources": resources}}))
    from_state = run_doctor(capsys, str(stack))
    from_export = run_doctor(capsys, str(stack), "--from-export", str(export))
    assert from_export[0] == from_state[0] == 0

    def seen(document: dict[str, Any]) -> list[tuple[str, str, str, str]]:
        return [(c["check"], c["subject"], c["status"], c["detail"]) for c in document["checks"]]

    assert seen(from_export[1]) == seen(from_state[1])
    # Fixes name the command of the tool that deployed the stack.
    assert all("tclive up" not in c["fix"] for c in from_export[1]["checks"])


def test_bad_usage_exits_2(
    stack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, _, err = run_doctor(capsys, str(stack), "--stack", "prod")
    assert status == 2 and "no stack named 'prod' found; stacks here: dev" in err
    status, _, err = run_doctor(capsys, str(stack), "--from-export", str(tmp_path / "missing.json"))
    assert status == 2 and "pulumi stack export --file" in err
    status, _, err = run_doctor(capsys, str(stack), "--app-json", str(tmp_path / "app.json"))
    assert status == 2 and "cannot read --app-json" in err
    # A stack on an endpoint without credentials: said once, not as a failure of every check.
    (stack / "Pulumi.dev.yaml").write_text("config:\n  tclive:endpoint: http://127.0.0.1:9\n")
    monkeypatch.delenv("TENCENTCLOUD_SECRET_ID", raising=False)
    monkeypatch.delenv("TENCENTCLOUD_SECRET_KEY", raising=False)
    status, document, err = run_doctor(capsys, str(stack))
    assert status == 2 and not document and err.count("Tencent Cloud credentials are missing") == 1


def test_on_tclive_emulator_serve_a_deleted_cname_fails(
    stack: Path, cloud: TencentCloudClient, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same stack served by `tclive emulator serve`: the doctor asks its API endpoint and its DNS port."""
    cloud.call(DELETE_RECORD, DeleteRecordRequest(Domain="example.com", RecordId=_record_id(cloud, "mp-play")))
    database = stack / ".tclive" / "emulator.sqlite3"
    server = subprocess.Popen(
        [sys.executable, "-m", "pulumi_tclive.cli", "emulator", "serve", "--state", str(database)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert server.stdout is not None
        announced = dict(server.stdout.readline().strip().split("=", 1) for _ in range(4))
        stack_file = stack / "Pulumi.dev.yaml"
        config = yaml.safe_load(stack_file.read_text())
        config["config"] = {"tclive:endpoint": announced["TCLIVE_ENDPOINT"]}
        stack_file.write_text(yaml.safe_dump(config))
        for name in ("TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TCLIVE_NAMESERVERS"):
            monkeypatch.setenv(name, announced[name])
        finding, _ = only_failure(capsys, str(stack), check="cname", subject="mp-play.example.com")
    finally:
        server.kill()  # its state is a copy: no need to wait for a graceful stop
        server.wait(timeout=10)
    assert "`mp-play.example.com. 600 IN CNAME mp-play.example.com.tlivecdn.com.`" in (finding["fix"])


def test_the_scheduled_gitops_job_fails_on_a_fail_and_reports_the_fix(
    stack: Path, cloud: TencentCloudClient, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """examples/gitops/workflows/doctor.yml's two commands, as the job runs them."""
    cloud.call(FORBID_LIVE_DOMAIN, ForbidLiveDomainRequest(DomainName="push.example.com"))
    assert main(["doctor", str(stack), "--json"]) == 1
    document = tmp_path / "doctor.json"
    document.write_text(capsys.readouterr().out)
    assert load_script().main([str(document)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("**tclive doctor**: 1 failed, ")
    assert lines[4].startswith("| domain | push.example.com | ❌ fail | is disabled (forbidden)")
    assert "--refresh` (the program declares it enabled" in lines[4]
