"""Tencent's documented limits on processing templates: callback, recording, transcoding, snapshot, watermark, time-shift.

One table serves both sides of the ONE PATH: resources check a program's values against it at
preview (no API call), and the emulator refuses the same requests Tencent does, with the error
code Tencent answers. Each :class:`Limit` names the request field in Tencent's spelling (nested
ones as ``HlsParam.RecordInterval``) and where the limit is documented: the request model's
docstring in the official SDK (tencentcloud-sdk-python-live, ``tencentcloud/live/v20180801/
models.py``, the same text as the API pages) or a cloud.tencent.com page.

Values may arrive as Pulumi sends numbers (floats): a whole float counts as the integer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ._problem import Problem, _is_str, _show, _text

__all__ = [
    "CALLBACK_LIMITS",
    "RECORD_LIMITS",
    "SNAPSHOT_LIMITS",
    "TIME_SHIFT_DURATIONS",
    "TIME_SHIFT_LIMITS",
    "TRANSCODE_LIMITS",
    "WATERMARK_LIMITS",
    "Limit",
    "check_limits",
    "snake_case",
]

_SDK = "the official SDK's {model} docstring in tencentcloud/live/v20180801/models.py"
_TRANSCODE = _SDK.format(model="CreateLiveTranscodeTemplateRequest")
_RECORD = _SDK.format(model="RecordParam") + ", https://cloud.tencent.com/document/product/267/32614"
_SNAPSHOT = (
    _SDK.format(model="CreateLiveSnapshotTemplateRequest") + ", https://cloud.tencent.com/document/product/267/32624"
)
_TIME_SHIFT = (
    _SDK.format(model="CreateLiveTimeShiftTemplateRequest") + ", https://cloud.tencent.com/document/api/267/86164"
)
_WATERMARK = _SDK.format(model="AddLiveWatermarkRequest") + ", https://cloud.tencent.com/document/product/267/30154"
_CALLBACK = "https://cloud.tencent.com/document/product/267/32744"
_TEMPLATE_NAME = _SDK.format(model="CreateLiveCallbackTemplateRequest (and every other template's)")

_INVALID = "InvalidParameterValue"


@dataclass(frozen=True)
class Limit:
    """One documented limit on one request field.

    Args:
        field: Tencent's request field (``VideoBitrate``; nested: ``HlsParam.RecordInterval``).
        rule: the limit as a message states it (``"0–8000 kbps"``).
        accepts: whether a given value is within the limit.
        source: where Tencent documents it.
        code: the error code Tencent answers a request that breaks it (``errorcodes.py``).
    """

    field: str
    rule: str
    accepts: Callable[[object], bool]
    source: str
    code: str = _INVALID


def _whole(value: object) -> int | None:
    """The integer a value stands for (``5`` or ``5.0``), else None; booleans are not numbers here."""
    if type(value) is int:
        return value
    if type(value) is float and value.is_integer():
        return int(value)
    return None


def _between(low: int, high: int, *, even: bool = False) -> Callable[[object], bool]:
    def accepts(value: object) -> bool:
        number = _whole(value)
        return number is not None and low <= number <= high and (not even or number % 2 == 0)

    return accepts


def _fraction(low: float, high: float) -> Callable[[object], bool]:
    def accepts(value: object) -> bool:
        return type(value) in (int, float) and low <= float(value) <= high  # type: ignore[arg-type]

    return accepts


def _one_of(*choices: object) -> Callable[[object], bool]:
    def accepts(value: object) -> bool:
        if _is_str(value):
            return _text(value) in choices
        number = _whole(value)
        return number is not None and number in choices

    return accepts


def _text_matching(pattern: str) -> Callable[[object], bool]:
    compiled = re.compile(pattern)
    return lambda value: _is_str(value) and compiled.fullmatch(_text(value)) is not None


def _bytes_at_most(limit: int, pattern: str = r"[\w\-\u4e00-\u9fff]*") -> Callable[[object], bool]:
    compiled = re.compile(pattern)

    def accepts(value: object) -> bool:
        if not _is_str(value):
            return False
        text = _text(value)
        return len(text.encode()) <= limit and compiled.fullmatch(text) is not None

    return accepts


_FLAG = "0 or 1"
_flag = _one_of(0, 1)
_NAME_RULE = "at most 255 bytes of letters (Chinese included), digits, '_' and '-'"
_template_name = _bytes_at_most(255)

CALLBACK_LIMITS: tuple[Limit, ...] = (
    Limit("TemplateName", _NAME_RULE, _template_name, _TEMPLATE_NAME, "InvalidParameter.ArgsNotMatch"),
    *(
        Limit(
            field,
            "an http:// or https:// URL",
            _text_matching(r"https?://[^\s/]+\S*"),
            _CALLBACK,
            "InvalidParameter.InvalidCallbackUrl",
        )
        for field in (
            "StreamBeginNotifyUrl",
            "StreamEndNotifyUrl",
            "RecordNotifyUrl",
            "RecordStatusNotifyUrl",
            "SnapshotNotifyUrl",
            "PornCensorshipNotifyUrl",
            "PushExceptionNotifyUrl",
        )
    ),
)
"""Callback templates: the name and every notify URL."""

_FORMATS = ("FlvParam", "HlsParam", "Mp4Param", "AacParam", "Mp3Param")
_LONG_INTERVAL = {"FlvParam", "Mp4Param"}
MAX_STORAGE_DAYS = 1500

RECORD_LIMITS: tuple[Limit, ...] = (
    Limit("TemplateName", _NAME_RULE, _template_name, _TEMPLATE_NAME, "InvalidParameter.ArgsNotMatch"),
    *(
        Limit(f"{param}.RecordInterval", "60–43200 s", _between(60, 43200), _RECORD)
        for param in _FORMATS
        if param in _LONG_INTERVAL
    ),
    Limit("AacParam.RecordInterval", "60–7200 s", _between(60, 7200), _RECORD),
    *(
        Limit(
            f"{param}.StorageTime",
            f"0 (keep for ever) to {MAX_STORAGE_DAYS} days, in seconds (at most {MAX_STORAGE_DAYS * 86400})",
            _between(0, MAX_STORAGE_DAYS * 86400),
            _RECORD,
        )
        for param in _FORMATS
    ),
    *(Limit(f"{param}.Enable", _FLAG, _flag, _RECORD) for param in _FORMATS),
    Limit("CosStore", _FLAG, _flag, _SDK.format(model="CreateLiveRecordTemplateRequest")),
)
"""Recording templates: intervals per format, storage time, flags."""

TRANSCODE_LIMITS: tuple[Limit, ...] = (
    Limit(
        "TemplateName",
        "1–10 letters and digits (3–10 with ai_trans_code)",
        _text_matching(r"[A-Za-z0-9]{1,10}"),
        _TRANSCODE,
        "InvalidParameter.ArgsNotMatch",
    ),
    Limit(
        "VideoBitrate",
        "0–8000 kbps (0 keeps the source's)",
        _between(0, 8000),
        _TRANSCODE,
        "InvalidParameter.InvalidBitrate",
    ),
    Limit("AudioBitrate", "0–500 kbps", _between(0, 500), _TRANSCODE, "InvalidParameter.InvalidBitrate"),
    Limit("Width", "0–3000 and even (0 keeps the source's)", _between(0, 3000, even=True), _TRANSCODE),
    Limit("Height", "0–3000 and even (0 keeps the source's)", _between(0, 3000, even=True), _TRANSCODE),
    Limit("Fps", "0–60 fps", _between(0, 60), _TRANSCODE),
    Limit("Gop", "1–6 s", _between(1, 6), _TRANSCODE),
    Limit("Rotate", "0, 90, 180 or 270", _one_of(0, 90, 180, 270), _TRANSCODE),
    Limit("Vcodec", "'h264', 'h265' or 'origin'", _one_of("h264", "h265", "origin"), _TRANSCODE),
    Limit("Profile", "'baseline', 'main' or 'high'", _one_of("baseline", "main", "high"), _TRANSCODE),
    Limit("AdaptBitratePercent", "0.0–0.9", _fraction(0.0, 0.9), _TRANSCODE),
    *(
        Limit(field, _FLAG, _flag, _TRANSCODE)
        for field in ("BitrateToOrig", "HeightToOrig", "FpsToOrig", "AiTransCode", "ShortEdgeAsHeight")
    ),
)
"""Transcoding templates (the name's 3-character minimum with AiTransCode is checked by :func:`check_limits`)."""

SNAPSHOT_LIMITS: tuple[Limit, ...] = (
    Limit("TemplateName", _NAME_RULE, _template_name, _SNAPSHOT, "InvalidParameter.ArgsNotMatch"),
    Limit("SnapshotInterval", "2–300 s", _between(2, 300), _SNAPSHOT),
    Limit("Width", "0–3000 (0 keeps the source's)", _between(0, 3000), _SNAPSHOT),
    Limit("Height", "0–2000 (0 keeps the source's)", _between(0, 2000), _SNAPSHOT),
    Limit("PornFlag", _FLAG, _flag, _SNAPSHOT),
)
"""Snapshot templates."""

TIME_SHIFT_DURATIONS = (86400, 259200, 604800, 1296000, 2592000)
"""The time-shift windows Tencent offers, in seconds (1, 3, 7, 15 and 30 days)."""

TIME_SHIFT_LIMITS: tuple[Limit, ...] = (
    Limit("TemplateName", _NAME_RULE, _template_name, _TIME_SHIFT, "InvalidParameter.ArgsNotMatch"),
    Limit(
        "Duration",
        "one of " + ", ".join(map(str, TIME_SHIFT_DURATIONS)) + " s (1, 3, 7, 15 or 30 days)",
        _one_of(*TIME_SHIFT_DURATIONS),
        _TIME_SHIFT,
    ),
    Limit("ItemDuration", "3–10 s", _between(3, 10), _TIME_SHIFT),
    Limit("Area", "'Mainland' or 'Overseas'", _one_of("Mainland", "Overseas"), _TIME_SHIFT),
)
"""Time-shift templates."""

_FORBIDDEN_URL_CHARACTERS = ";(){}$>`#\"'|"
WATERMARK_LIMITS: tuple[Limit, ...] = (
    Limit(
        "WatermarkName",
        "at most 30 bytes",
        lambda value: _is_str(value) and 0 < len(_text(value).encode()) <= 30,
        _WATERMARK,
        "InvalidParameter.InvalidWatermark",
    ),
    Limit(
        "PictureUrl",
        "an http(s) URL without any of " + " ".join(_FORBIDDEN_URL_CHARACTERS),
        lambda value: _text_matching(r"https?://\S+")(value) and not set(_text(value)) & set(_FORBIDDEN_URL_CHARACTERS),
        _WATERMARK,
        "InvalidParameter.InvalidWatermark",
    ),
    *(
        Limit(field, "0–100 %", _between(0, 100), _WATERMARK, "InvalidParameter.InvalidWatermark")
        for field in ("XPosition", "YPosition", "Width", "Height")
    ),
    *(
        Limit(field, "360–4096 px", _between(360, 4096), _WATERMARK, "InvalidParameter.InvalidBackgroudResolution")
        for field in ("BackgroundWidth", "BackgroundHeight")
    ),
)
"""Watermarks."""


_WORD_START = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def snake_case(field: str) -> str:
    """A Tencent field name as a resource argument: ``VideoBitrate`` → ``video_bitrate``, ``HlsParam.RecordInterval`` → ``hls_param.record_interval``."""
    return ".".join(_WORD_START.sub("_", part).lower() for part in field.split("."))


def _lookup(body: Mapping[str, object], path: str) -> object:
    value: object = body
    for part in path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def check_limits(
    body: Mapping[str, object], limits: Sequence[Limit], name: Callable[[str], str] = snake_case
) -> list[tuple[Limit, Problem]]:
    """Every limit ``body`` breaks, with its problem; fields left out (``None``) take Tencent's default.

    Args:
        body: request fields in Tencent's spelling (nested parameters as dicts).
        limits: the family's table.
        name: how a message names a field (resources: the snake_case argument; the emulator: Tencent's).
    """
    broken: list[tuple[Limit, Problem]] = []
    for limit in limits:
        value = _lookup(body, limit.field)
        if value is None or limit.accepts(value):
            continue
        shown = name(limit.field)
        broken.append(
            (
                limit,
                Problem(
                    shown,
                    value,
                    f"{shown} {_show(value)} is outside Tencent's limit: {limit.rule}.",
                    f"Give {shown} a value within it (documented in {limit.source}).",
                ),
            )
        )
    name_value = body.get("TemplateName")
    too_short_for_ai = _is_str(name_value) and len(_text(name_value)) < 3
    if limits is TRANSCODE_LIMITS and _whole(body.get("AiTransCode")) == 1 and too_short_for_ai:
        shown = name("TemplateName")
        broken.append(
            (
                limits[0],
                Problem(
                    shown,
                    name_value,
                    f"{shown} {_show(name_value)} is too short for a top-speed codec template (ai_trans_code=1): "
                    "Tencent wants 3–10 letters and digits.",
                    f"Give {shown} at least 3 characters (documented in {_TRANSCODE}).",
                ),
            )
        )
    return broken
