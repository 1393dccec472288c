"""The stream processing check: each declared rule is in the account and points at the template the stack
declares, which exists; callback URLs are https. The account is set up in-process as ``up`` would leave it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.cloud.live import ADD_LIVE_DOMAIN, AddLiveDomainRequest
from pulumi_tclive.cloud.processing import (
    CREATE_LIVE_CALLBACK_RULE,
    CREATE_LIVE_CALLBACK_TEMPLATE,
    CREATE_LIVE_RECORD_RULE,
    CREATE_LIVE_RECORD_TEMPLATE,
    CREATE_LIVE_TRANSCODE_RULE,
    CREATE_LIVE_TRANSCODE_TEMPLATE,
    DELETE_LIVE_RECORD_RULE,
    DELETE_LIVE_TRANSCODE_RULE,
    MODIFY_LIVE_CALLBACK_TEMPLATE,
    CreateLiveCallbackRuleRequest,
    CreateLiveCallbackTemplateRequest,
    CreateLiveRecordRuleRequest,
    CreateLiveRecordTemplateRequest,
    CreateLiveTranscodeRuleRequest,
    CreateLiveTranscodeTemplateRequest,
    DeleteLiveRecordRuleRequest,
    DeleteLiveTranscodeRuleRequest,
    ModifyLiveCallbackTemplateRequest,
)
from pulumi_tclive.doctor import DeployedResource, Deployment, Finding, doctor
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.settings import ProviderSettings

PUSH = "push.example.com"
CALLBACK_KEY = "callbackkey0123456789"
HLS = {"RecordInterval": 1800, "StorageTime": 0, "Enable": 1}


def _record_template(client: TencentCloudClient, name: str) -> int:
    request = CreateLiveRecordTemplateRequest.model_validate({"TemplateName": name, "HlsParam": HLS})
    return int(client.call(CREATE_LIVE_RECORD_TEMPLATE, request).TemplateId)


def _deploy(client: TencentCloudClient) -> tuple[DeployedResource, ...]:
    """What `up` of a record rule and a callback rule on the push domain leaves: the account and the stack."""
    client.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName=PUSH, DomainType=0))
    record = _record_template(client, "rec")
    client.call(
        CREATE_LIVE_RECORD_RULE, CreateLiveRecordRuleRequest(DomainName=PUSH, TemplateId=record, AppName="live")
    )
    callback = client.call(
        CREATE_LIVE_CALLBACK_TEMPLATE,
        CreateLiveCallbackTemplateRequest(
            TemplateName="hooks", StreamBeginNotifyUrl="https://hooks.example.com/begin", CallbackKey=CALLBACK_KEY
        ),
    ).TemplateId
    client.call(
        CREATE_LIVE_CALLBACK_RULE, CreateLiveCallbackRuleRequest(DomainName=PUSH, TemplateId=callback, AppName="live")
    )
    rule = {"domain_name": PUSH, "app_name": "live"}
    return (
        DeployedResource("RecordTemplate", "rec", str(record), {}, {"template_id": record, "template_name": "rec"}),
        DeployedResource("RecordRule", "rec-rule", "x", {**rule, "template_id": record}, {}),
        DeployedResource(
            "CallbackTemplate", "hooks", str(callback), {}, {"template_id": callback, "template_name": "hooks"}
        ),
        DeployedResource("CallbackRule", "hooks-rule", "y", {**rule, "template_id": callback}, {}),
    )


def _http_callback(client: TencentCloudClient, resources: tuple[DeployedResource, ...]) -> None:
    template_id = int(resources[2].outputs["template_id"])
    request = ModifyLiveCallbackTemplateRequest(
        TemplateId=template_id, StreamBeginNotifyUrl="http://hooks.example.com/begin"
    )
    client.call(MODIFY_LIVE_CALLBACK_TEMPLATE, request)


def _rule_deleted(client: TencentCloudClient, _resources: tuple[DeployedResource, ...]) -> None:
    client.call(DELETE_LIVE_RECORD_RULE, DeleteLiveRecordRuleRequest(DomainName=PUSH, AppName="live", StreamName=""))


def _rule_rebound(client: TencentCloudClient, _resources: tuple[DeployedResource, ...]) -> None:
    _rule_deleted(client, _resources)
    other = _record_template(client, "console-made")
    client.call(CREATE_LIVE_RECORD_RULE, CreateLiveRecordRuleRequest(DomainName=PUSH, TemplateId=other, AppName="live"))


def _findings(
    tmp_path: Path, brk: Callable[[TencentCloudClient, tuple[DeployedResource, ...]], None] | None
) -> list[Finding]:
    state = tmp_path / "emulator.sqlite3"
    emulator = Emulator(state)
    with emulator, emulator.client() as client:
        resources = _deploy(client)
        if brk is not None:
            brk(client, resources)
    settings = ProviderSettings.load({"tclive:endpoint": "embedded", "tclive:emulatorState": str(state)})
    return doctor(Deployment("test", "dev", resources, {}, settings))


def test_rules_on_existing_templates_and_https_callbacks_pass(tmp_path: Path) -> None:
    findings = _findings(tmp_path, None)
    assert {(f.subject, f.status) for f in findings} == {
        ("RecordRule push.example.com/live/*", "pass"),
        ("CallbackRule push.example.com/live", "pass"),
        ("CallbackTemplate hooks", "pass"),
    }


@pytest.mark.parametrize(
    ("brk", "subject", "detail", "fix"),
    [
        (_http_callback, "CallbackTemplate hooks", "StreamBeginNotifyUrl http://hooks.example.com/begin", "https://"),
        (_rule_deleted, "RecordRule push.example.com/live/*", "the rule is not in the account", "--refresh"),
        (
            _rule_rebound,
            "RecordRule push.example.com/live/*",
            "points at RecordTemplate 3, the stack declares 1",
            "--refresh",
        ),
    ],
    ids=["http-callback", "rule-deleted", "rule-rebound"],
)
def test_each_break_fails_exactly_its_subject(
    tmp_path: Path,
    brk: Callable[[TencentCloudClient, tuple[DeployedResource, ...]], None],
    subject: str,
    detail: str,
    fix: str,
) -> None:
    findings = _findings(tmp_path, brk)
    failing = [f for f in findings if f.status == "fail"]
    assert [(f.check, f.subject) for f in failing] == [("processing", subject)]
    assert detail in failing[0].detail and fix in failing[0].fix
    assert not any(CALLBACK_KEY in f.detail + f.fix for f in findings)  # a secret, read from Tencent, never shown


def test_a_transcoding_ladder_is_checked_rule_by_rule(tmp_path: Path) -> None:
    """Two templates on one stream (a ladder): deleting one rung's rule fails that rung only."""
    state = tmp_path / "emulator.sqlite3"
    emulator = Emulator(state)
    with emulator, emulator.client() as client:
        client.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName=PUSH, DomainType=0))
        rungs = []
        for name, bitrate in (("sd540", 900), ("hd720", 1800)):
            request = CreateLiveTranscodeTemplateRequest(TemplateName=name, VideoBitrate=bitrate)
            template_id = int(client.call(CREATE_LIVE_TRANSCODE_TEMPLATE, request).TemplateId)
            rule = CreateLiveTranscodeRuleRequest(DomainName=PUSH, TemplateId=template_id, AppName="", StreamName="")
            client.call(CREATE_LIVE_TRANSCODE_RULE, rule)
            rungs.append(
                DeployedResource("TranscodeRule", name, "x", {"domain_name": PUSH, "template_id": template_id}, {})
            )
        hd = int(rungs[1].inputs["template_id"])
        client.call(DELETE_LIVE_TRANSCODE_RULE, DeleteLiveTranscodeRuleRequest(DomainName=PUSH, TemplateId=hd))
    settings = ProviderSettings.load({"tclive:endpoint": "embedded", "tclive:emulatorState": str(state)})
    findings = doctor(Deployment("test", "dev", tuple(rungs), {}, settings))
    sd = int(rungs[0].inputs["template_id"])
    assert {(f.subject, f.status) for f in findings} == {
        (f"TranscodeRule push.example.com/*/* #{sd}", "pass"),
        (f"TranscodeRule push.example.com/*/* #{hd}", "fail"),
    }
