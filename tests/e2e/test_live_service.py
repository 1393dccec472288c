"""The whole live service as code: all twelve processing resources against a served emulator, seen through the SDK.

One program declares a callback, recording, transcoding, snapshot, watermark and time-shift template
and a rule binding each to a push domain. Against the emulator server (what ``tclive emulator
serve`` runs, on a real socket), it goes through ``up``, a second ``up`` that changes nothing,
``refresh --expect-no-changes``, a bitrate change applied in place (same template id), a template
changed in the console (refresh reports it, ``up`` repairs it) and ``destroy``; every step is
checked through the official SDK's LiveClient.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pulumi_tclive.cloud.live import ADD_LIVE_DOMAIN, AddLiveDomainRequest
from pulumi_tclive.emulator import Emulator, EmulatorServer
from pulumi_tclive.testing import Engine

live_client = pytest.importorskip("tencentcloud.live.v20180801.live_client")
from tencentcloud.common import credential  # noqa: E402
from tencentcloud.common.profile.client_profile import ClientProfile  # noqa: E402
from tencentcloud.common.profile.http_profile import HttpProfile  # noqa: E402
from tencentcloud.live.v20180801 import models  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
PUSH = "push.example.com"

PROGRAM = """
import pulumi
import pulumi_tclive as tclive

config = pulumi.Config()
push = "push.example.com"
hooks = tclive.CallbackTemplate("hooks", template_name="hooks",
    stream_begin_notify_url="https://api.example.com/live/begin",
    stream_end_notify_url="https://api.example.com/live/end", callback_key=config.require_secret("callbackKey"))
tclive.CallbackRule("hooks-rule", domain_name=push, app_name="live", template_id=hooks.template_id)
replays = tclive.RecordTemplate("replays", template_name="replays",
    hls_param={"enable": 1, "storage_time": 30 * 86400})
tclive.RecordRule("replays-rule", domain_name=push, app_name="live", template_id=replays.template_id)
sd = tclive.TranscodeTemplate("sd", template_name="sd540", video_bitrate=config.require_int("bitrate"),
    width=960, height=540, gop=2)
tclive.TranscodeRule("sd-rule", domain_name=push, app_name="live", template_id=sd.template_id)
covers = tclive.SnapshotTemplate("covers", template_name="covers", cos_app_id=1250000000, cos_bucket="covers",
    cos_region="ap-guangzhou", snapshot_interval=30)
tclive.SnapshotRule("covers-rule", domain_name=push, app_name="live", template_id=covers.template_id)
logo = tclive.Watermark("logo", watermark_name="logo", picture_url="https://img.example.com/logo.png",
    x_position=5, y_position=5, width=10)
tclive.WatermarkRule("logo-rule", domain_name=push, app_name="live", template_id=logo.template_id)
rewind = tclive.TimeShiftTemplate("rewind", template_name="rewind", duration=86400, item_duration=5)
tclive.TimeShiftRule("rewind-rule", domain_name=push, app_name="live", template_id=rewind.template_id)
pulumi.export("transcode_template_id", sd.template_id)
"""


def _request(cls: type, **fields: Any) -> Any:
    model = cls()
    model.from_json_string(json.dumps(fields))
    return model


class Service:
    """The served emulator seen through the SDK: what exists, template by template."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def call(self, action: str, **fields: Any) -> Any:
        return getattr(self.client, action)(_request(getattr(models, f"{action}Request"), **fields))

    def everything(self) -> dict[str, list[Any]]:
        found = {
            family: [t.TemplateId for t in self.call(f"DescribeLive{family}Templates").Templates]
            for family in ("Callback", "Record", "Transcode", "Snapshot", "TimeShift")
        }
        found["Watermark"] = [w.WatermarkId for w in self.call("DescribeLiveWatermarks").WatermarkList]
        for family in ("Callback", "Record", "Transcode", "Snapshot", "TimeShift", "Watermark"):
            found[f"{family}Rule"] = [
                (r.DomainName, r.AppName, r.TemplateId) for r in self.call(f"DescribeLive{family}Rules").Rules
            ]
        return found


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, dict[str, str], Service]]:
    with Emulator(tmp_path / "served.sqlite3") as emulator, emulator.client() as admin:
        admin.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName=PUSH, DomainType=0))
        server = EmulatorServer(emulator, host="127.0.0.1", port=0).start()
        try:
            profile = ClientProfile(httpProfile=HttpProfile(protocol="http", endpoint=server.endpoint.split("://")[1]))
            keys = emulator.credentials
            sdk = live_client.LiveClient(credential.Credential(keys.secret_id, keys.secret_key), "", profile)
            program = tmp_path / "program"
            program.mkdir()
            (program / "__main__.py").write_text(PROGRAM)
            (program / "Pulumi.yaml").write_text("name: live-service\nruntime: python\n")
            (program / "Pulumi.dev.yaml").write_text(
                f"config:\n  tclive:endpoint: {server.endpoint}\n  tclive:secretId: {keys.secret_id}\n"
            )
            yield program, {"tclive:secretKey": keys.secret_key, "callbackKey": "hook-signing-key-1"}, Service(sdk)
        finally:
            server.close()


def _writes(result: Any) -> list[tuple[str, str]]:
    return [(s.op, s.name) for s in result.steps if s.op in ("create", "update", "replace", "delete")]


def test_all_twelve_through_up_no_op_refresh_in_place_change_drift_and_destroy(
    served: tuple[Path, dict[str, str], Service],
) -> None:
    program, secrets, sdk = served

    def engine(bitrate: int) -> Engine:
        return Engine(program, config={"bitrate": str(bitrate)}, secrets=secrets, env={"PYTHONPATH": str(REPO)})

    created = engine(900).up(skip_preview=True)
    assert created.ok, created.text
    assert len([op for op, _ in _writes(created) if op == "create"]) == 12
    exists = sdk.everything()
    assert all(len(ids) == 1 for ids in exists.values()), exists
    sd_id = exists["Transcode"][0]
    assert sdk.call("DescribeLiveTranscodeTemplate", TemplateId=sd_id).Template.VideoBitrate == 900
    assert sdk.call("DescribeLiveCallbackTemplate", TemplateId=exists["Callback"][0]).Template.CallbackKey == (
        "hook-signing-key-1"
    )
    assert "hook-signing-key-1" not in created.text + (program / ".tclive-state" / "dev.json").read_text()

    again = engine(900).up(skip_preview=True)
    assert again.ok and _writes(again) == [], again.text
    assert engine(900).refresh(expect_no_changes=True).ok

    changed = engine(1200).up(skip_preview=True)
    assert changed.ok, changed.text
    assert _writes(changed) == [("update", "sd")]
    assert sdk.everything() == exists  # same ids, same rules
    assert sdk.call("DescribeLiveTranscodeTemplate", TemplateId=sd_id).Template.VideoBitrate == 1200

    sdk.call("ModifyLiveTranscodeTemplate", TemplateId=sd_id, VideoBitrate=3000)  # someone uses the console
    drift = engine(1200).refresh(expect_no_changes=True)
    assert drift.exit_code == 7 and [(s.op, s.name) for s in drift.steps if s.op == "update"] == [("update", "sd")]
    repaired = engine(1200).up(skip_preview=True)
    assert repaired.ok and _writes(repaired) == [("update", "sd")], repaired.text
    assert sdk.call("DescribeLiveTranscodeTemplate", TemplateId=sd_id).Template.VideoBitrate == 1200

    destroyed = engine(1200).destroy()
    assert destroyed.ok, destroyed.text
    assert all(found == [] for found in sdk.everything().values())
