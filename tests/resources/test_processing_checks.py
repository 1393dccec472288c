"""Preview refusals of the twelve processing resources: one test per Tencent limit, each making zero API calls.

Every provider is configured as the engine configures it, against an embedded emulator, so the
request log proves that ``check`` called nothing.
"""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_tclive.resources import (
    CallbackRuleProvider,
    CallbackTemplateProvider,
    RecordRuleProvider,
    RecordTemplateProvider,
    SnapshotRuleProvider,
    SnapshotTemplateProvider,
    TimeShiftRuleProvider,
    TimeShiftTemplateProvider,
    TranscodeRuleProvider,
    TranscodeTemplateProvider,
    WatermarkProvider,
    WatermarkRuleProvider,
)
from pulumi_tclive.resources._provider import TcliveProvider
from tests.resources.conftest import Stack

SD = {"template_name": "sd540", "video_bitrate": 900.0}
COS = {"template_name": "covers", "cos_app_id": 1250000000.0, "cos_bucket": "covers", "cos_region": "ap-guangzhou"}
LOGO = {"watermark_name": "logo", "picture_url": "https://img.example.com/logo.png"}
REWIND = {"template_name": "rewind", "duration": 86400.0}

# (provider, inputs, the argument refused, a fragment of the message)
REFUSALS: list[tuple[type[TcliveProvider], dict[str, Any], str, str]] = [
    (TranscodeTemplateProvider, {**SD, "video_bitrate": 8001.0}, "video_bitrate", "0–8000 kbps"),
    (TranscodeTemplateProvider, {**SD, "width": 3002.0}, "width", "0–3000 and even"),
    (TranscodeTemplateProvider, {**SD, "height": 541.0}, "height", "0–3000 and even"),
    (TranscodeTemplateProvider, {**SD, "fps": 61.0}, "fps", "0–60 fps"),
    (TranscodeTemplateProvider, {**SD, "gop": 7.0}, "gop", "1–6 s"),
    (TranscodeTemplateProvider, {**SD, "audio_bitrate": 501.0}, "audio_bitrate", "0–500 kbps"),
    (TranscodeTemplateProvider, {**SD, "template_name": "sd_540"}, "template_name", "1–10 letters and digits"),
    (TranscodeTemplateProvider, {**SD, "template_name": "a" * 11}, "template_name", "1–10 letters and digits"),
    (TranscodeTemplateProvider, {**SD, "template_name": "hd", "ai_trans_code": 1.0}, "template_name", "3–10"),
    (
        RecordTemplateProvider,
        {"template_name": "r", "flv_param": {"record_interval": 59.0}},
        "flv_param.record_interval",
        "60–43200 s",
    ),
    (
        RecordTemplateProvider,
        {"template_name": "r", "mp4_param": {"record_interval": 43201.0}},
        "mp4_param.record_interval",
        "60–43200 s",
    ),
    (
        RecordTemplateProvider,
        {"template_name": "r", "aac_param": {"record_interval": 7201.0}},
        "aac_param.record_interval",
        "60–7200 s",
    ),
    (
        RecordTemplateProvider,
        {"template_name": "r", "hls_param": {"storage_time": 1501.0 * 86400}},
        "hls_param.storage_time",
        "1500 days",
    ),
    (SnapshotTemplateProvider, {**COS, "snapshot_interval": 1.0}, "snapshot_interval", "2–300 s"),
    (SnapshotTemplateProvider, {**COS, "snapshot_interval": 301.0}, "snapshot_interval", "2–300 s"),
    (TimeShiftTemplateProvider, {**REWIND, "duration": 3600.0}, "duration", "86400, 259200, 604800, 1296000, 2592000"),
    (TimeShiftTemplateProvider, {**REWIND, "item_duration": 2.0}, "item_duration", "3–10 s"),
    (TimeShiftTemplateProvider, {**REWIND, "item_duration": 11.0}, "item_duration", "3–10 s"),
    (TimeShiftTemplateProvider, {**REWIND, "area": "Asia"}, "area", "'Mainland' or 'Overseas'"),
    (WatermarkProvider, {**LOGO, "watermark_name": "水印" * 6}, "watermark_name", "at most 30 bytes"),
    (WatermarkProvider, {**LOGO, "picture_url": "https://img.example.com/a;b.png"}, "picture_url", "without any of"),
    (WatermarkProvider, {**LOGO, "picture_url": "https://img.example.com/$(id).png"}, "picture_url", "without any of"),
    (WatermarkProvider, {**LOGO, "x_position": 101.0}, "x_position", "0–100 %"),
    (WatermarkProvider, {**LOGO, "y_position": -1.0}, "y_position", "0–100 %"),
    (
        CallbackTemplateProvider,
        {"template_name": "h", "stream_begin_notify_url": "ftp://h.example.com"},
        "stream_begin_notify_url",
        "http:// or https://",
    ),
    (
        CallbackTemplateProvider,
        {"template_name": "h", "push_exception_notify_url": "api.example.com/x"},
        "push_exception_notify_url",
        "http:// or https://",
    ),
    (CallbackTemplateProvider, {"template_name": "x" * 256}, "template_name", "at most 255 bytes"),
    (RecordTemplateProvider, {"template_name": "replays 30d"}, "template_name", "at most 255 bytes of letters"),
    (SnapshotTemplateProvider, {**COS, "template_name": "covers/2"}, "template_name", "at most 255 bytes of letters"),
    (
        TimeShiftTemplateProvider,
        {**REWIND, "template_name": "re:wind"},
        "template_name",
        "at most 255 bytes of letters",
    ),
    (TranscodeTemplateProvider, {"template_name": "sd"}, "video_bitrate", "is missing"),
]


def _ids(case: tuple[type[TcliveProvider], dict[str, Any], str, str]) -> str:
    return f"{case[0].__name__.removesuffix('Provider')}-{case[2]}-{case[3][:12]}"


@pytest.mark.parametrize("case", REFUSALS, ids=[_ids(c) for c in REFUSALS])
def test_preview_refuses_what_tencent_would_with_zero_calls(
    stack: Stack, case: tuple[type[TcliveProvider], dict[str, Any], str, str]
) -> None:
    provider_class, news, refused, fragment = case
    provider = stack.configure(provider_class())
    result = provider.check({}, news)
    assert [f.property for f in result.failures] == [refused.split(".")[0]], result.failures
    assert fragment in result.failures[0].reason
    assert refused in result.failures[0].reason
    assert stack.calls() == {}


RULES = [
    CallbackRuleProvider,
    RecordRuleProvider,
    TranscodeRuleProvider,
    SnapshotRuleProvider,
    WatermarkRuleProvider,
    TimeShiftRuleProvider,
]


@pytest.mark.parametrize("provider_class", RULES, ids=lambda c: c.__name__.removesuffix("Provider"))
def test_a_rule_on_a_declared_play_domain_is_refused_with_zero_calls(
    stack: Stack, provider_class: type[TcliveProvider]
) -> None:
    # A LiveDomain given as domain_name sends its domain_type along (resources/_domain_ref.py).
    provider = stack.configure(provider_class())
    news = {"domain_name": "play.example.com", "domain_type": "play", "app_name": "live", "template_id": 7.0}
    result = provider.check({}, news)
    assert [f.property for f in result.failures] == ["domain_name"]
    assert "needs a push domain, and play.example.com is a play domain" in result.failures[0].reason
    assert stack.calls() == {}
    assert provider.check({}, {**news, "domain_type": "push"}).failures == []


def test_valid_templates_pass_with_whole_numbers_and_no_calls(stack: Stack) -> None:
    for provider_class, news in (
        (TranscodeTemplateProvider, {**SD, "width": 960.0, "height": 540.0, "fps": 25.0, "gop": 2.0}),
        (RecordTemplateProvider, {"template_name": "replays", "hls_param": {"enable": 1.0, "storage_time": 2592000.0}}),
        (SnapshotTemplateProvider, COS),
        (WatermarkProvider, {**LOGO, "x_position": 100.0}),
        (TimeShiftTemplateProvider, {**REWIND, "area": "Overseas"}),
        (CallbackTemplateProvider, {"template_name": "hooks", "stream_end_notify_url": "http://h.example.com/e"}),
    ):
        result = stack.configure(provider_class()).check({}, news)
        assert result.failures == [], (provider_class.__name__, result.failures)
    assert stack.calls() == {}
