"""Processing templates and rules in the emulator: callback, recording, transcoding, snapshot, watermark, time-shift.

Request and response shapes are the official SDK's (``cloud/processing.py``). Behaviour, as on
Tencent Cloud:

- a template is refused when a field breaks Tencent's documented limits (``rules/_processing.py``,
  each limit with its page), with the code Tencent answers; recording templates are capped at 50
  (https://cloud.tencent.com/document/product/267/32614), and the emulator applies that cap to
  every family;
- Modify (Update for the watermark) changes only the fields it is given;
- a template still bound by a rule cannot be deleted (``FailedOperation.ConfInUsed``);
- a rule binds a template to a push domain, app and stream (``""`` for all; callback rules have no
  stream); there is one rule per family for each domain, app and stream
  (``FailedOperation.RuleAlreadyExist``), except transcoding, where one stream may carry several
  templates (a ladder), one rule each;
- rules of a deleted domain go with it (emulator/streaming.py).

Error codes are from the SDK's ``live/v20180801/errorcodes.py``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..cloud.api import ApiObject, ApiRequest, ApiResponse
from ..cloud.processing import (
    AddLiveWatermarkResponse,
    CallBackRuleInfo,
    CallBackTemplateInfo,
    CreateLiveCallbackRuleResponse,
    CreateLiveCallbackTemplateResponse,
    CreateLiveRecordRuleResponse,
    CreateLiveRecordTemplateResponse,
    CreateLiveSnapshotRuleResponse,
    CreateLiveSnapshotTemplateResponse,
    CreateLiveTimeShiftRuleResponse,
    CreateLiveTimeShiftTemplateResponse,
    CreateLiveTranscodeRuleResponse,
    CreateLiveTranscodeTemplateResponse,
    CreateLiveWatermarkRuleResponse,
    DeleteLiveCallbackRuleResponse,
    DeleteLiveCallbackTemplateResponse,
    DeleteLiveRecordRuleResponse,
    DeleteLiveRecordTemplateResponse,
    DeleteLiveSnapshotRuleResponse,
    DeleteLiveSnapshotTemplateResponse,
    DeleteLiveTimeShiftRuleResponse,
    DeleteLiveTimeShiftTemplateResponse,
    DeleteLiveTranscodeRuleResponse,
    DeleteLiveTranscodeTemplateResponse,
    DeleteLiveWatermarkResponse,
    DeleteLiveWatermarkRuleResponse,
    DescribeLiveCallbackRulesResponse,
    DescribeLiveCallbackTemplateResponse,
    DescribeLiveCallbackTemplatesResponse,
    DescribeLiveRecordRulesResponse,
    DescribeLiveRecordTemplateResponse,
    DescribeLiveRecordTemplatesRequest,
    DescribeLiveRecordTemplatesResponse,
    DescribeLiveSnapshotRulesResponse,
    DescribeLiveSnapshotTemplateResponse,
    DescribeLiveSnapshotTemplatesResponse,
    DescribeLiveTimeShiftRulesResponse,
    DescribeLiveTimeShiftTemplatesResponse,
    DescribeLiveTranscodeRulesRequest,
    DescribeLiveTranscodeRulesResponse,
    DescribeLiveTranscodeTemplateResponse,
    DescribeLiveTranscodeTemplatesResponse,
    DescribeLiveWatermarkResponse,
    DescribeLiveWatermarkRulesResponse,
    DescribeLiveWatermarksRequest,
    DescribeLiveWatermarksResponse,
    ModifyLiveCallbackTemplateResponse,
    ModifyLiveRecordTemplateResponse,
    ModifyLiveSnapshotTemplateResponse,
    ModifyLiveTimeShiftTemplateResponse,
    ModifyLiveTranscodeTemplateResponse,
    RecordTemplateInfo,
    RuleInfo,
    SnapshotTemplateInfo,
    TemplateInfo,
    TimeShiftTemplate,
    UpdateLiveWatermarkResponse,
    WatermarkInfo,
)
from ..rules import (
    CALLBACK_LIMITS,
    RECORD_LIMITS,
    SNAPSHOT_LIMITS,
    TIME_SHIFT_LIMITS,
    TRANSCODE_LIMITS,
    WATERMARK_LIMITS,
    Limit,
    check_limits,
)
from .clock import beijing_text, from_unix
from .context import Context, Handler, fail
from .streaming import domain_of_type

__all__ = ["PROCESSING_HANDLERS"]

TEMPLATE_LIMIT = 50
_PUSH = 0


@dataclass(frozen=True)
class _Family:
    """One kind of template and its rules, as the handlers treat them alike."""

    kind: str  # stored in the tables: "callback", "record", …
    label: str  # in messages: "callback template"
    info: type[ApiObject]  # the template as Describe* returns it
    id_field: str  # "TemplateId", or the watermark's "WatermarkId"
    limits: tuple[Limit, ...]
    defaults: Mapping[str, object]  # Tencent's documented defaults of fields left out at creation
    nested_defaults: Mapping[str, Mapping[str, object]] = field(default_factory=dict)  # per nested parameter
    per_stream: bool = True  # callback rules bind a domain and app only
    ladder: bool = False  # transcoding: several templates per stream
    missing_code: str = "InvalidParameter.TemplateNotFound"


_CALLBACK = _Family(
    "callback", "callback template", CallBackTemplateInfo, "TemplateId", CALLBACK_LIMITS, {}, per_stream=False
)
# A format left out is reported off, with the default interval (RecordParam's docstring: 1800 s).
_RECORD_PARAM = {"RecordInterval": 1800, "StorageTime": 0, "Enable": 0, "VodSubAppId": 0, "VodFileName": ""}
_RECORD = _Family(
    "record",
    "recording template",
    RecordTemplateInfo,
    "TemplateId",
    RECORD_LIMITS,
    {},
    {
        **{param: _RECORD_PARAM for param in ("FlvParam", "HlsParam", "Mp4Param", "AacParam", "Mp3Param")},
        "HlsSpecialParam": {"FlowContinueDuration": 0},
        "FlvSpecialParam": {"UploadInRecording": False},
    },
)
_TRANSCODE = _Family(
    "transcode",
    "transcoding template",
    TemplateInfo,
    "TemplateId",
    TRANSCODE_LIMITS,
    {"Vcodec": "origin", "Profile": "baseline", "NeedVideo": 1, "NeedAudio": 1},
    ladder=True,
)
_SNAPSHOT = _Family(
    "snapshot", "snapshot template", SnapshotTemplateInfo, "TemplateId", SNAPSHOT_LIMITS, {"SnapshotInterval": 10}
)
_WATERMARK = _Family(
    "watermark",
    "watermark",
    WatermarkInfo,
    "WatermarkId",
    WATERMARK_LIMITS,
    {"BackgroundWidth": 1920, "BackgroundHeight": 1080},
    missing_code="ResourceNotFound.WatermarkNotExist",
)
_TIME_SHIFT = _Family(
    "timeshift",
    "time-shift template",
    TimeShiftTemplate,
    "TemplateId",
    TIME_SHIFT_LIMITS,
    {"Area": "Mainland", "ItemDuration": 5},
)


def _body(req: ApiRequest, *leave_out: str) -> dict[str, Any]:
    return {k: v for k, v in req.to_body().items() if k not in leave_out}


def _complete(family: _Family, body: dict[str, Any]) -> dict[str, Any]:
    """``body`` with every nested parameter present, its left-out fields at Tencent's defaults."""
    for name, defaults in family.nested_defaults.items():
        body[name] = {**defaults, **(body.get(name) or {})}
    return body


def _refuse_broken_limits(family: _Family, body: Mapping[str, object]) -> None:
    broken = check_limits(body, family.limits, name=lambda field: field)
    if broken:
        limit, problem = broken[0]
        raise fail(limit.code, problem.message())


def _load(ctx: Context, family: _Family, template_id: int) -> dict[str, Any]:
    row = ctx.db.execute(
        "SELECT body FROM processing_templates WHERE account_id = ? AND kind = ? AND id = ?",
        (ctx.account_id, family.kind, template_id),
    ).fetchone()
    if row is None:
        raise fail(
            family.missing_code,
            f"There is no {family.label} with {family.id_field} {template_id} in this account; "
            f"list them with Describe and use one of their ids.",
        )
    body: dict[str, Any] = json.loads(str(row[0]))
    return body


def _info(family: _Family, template_id: int, body: Mapping[str, Any], created: float) -> Any:
    extra: dict[str, object] = {family.id_field: template_id}
    if family is _WATERMARK:
        extra |= {"Status": 0, "CreateTime": beijing_text(from_unix(created))}
    return family.info.model_validate({**body, **extra})


def _templates(ctx: Context, family: _Family) -> list[Any]:
    rows = ctx.db.execute(
        "SELECT id, body, created FROM processing_templates WHERE account_id = ? AND kind = ? ORDER BY id",
        (ctx.account_id, family.kind),
    ).fetchall()
    return [_info(family, int(r[0]), json.loads(str(r[1])), float(r[2])) for r in rows]


def _describe_one(ctx: Context, family: _Family, template_id: int) -> Any:
    row = ctx.db.execute(
        "SELECT created FROM processing_templates WHERE account_id = ? AND kind = ? AND id = ?",
        (ctx.account_id, family.kind, template_id),
    ).fetchone()
    body = _load(ctx, family, template_id)
    return _info(family, template_id, body, float(row[0]))


def _create(ctx: Context, family: _Family, req: ApiRequest) -> int:
    body = _complete(family, {**family.defaults, **_body(req)})
    _refuse_broken_limits(family, body)
    count = ctx.db.execute(
        "SELECT COUNT(*) FROM processing_templates WHERE account_id = ? AND kind = ?", (ctx.account_id, family.kind)
    ).fetchone()[0]
    if count >= TEMPLATE_LIMIT:
        raise fail(
            "InternalError.ConfOutLimit",
            f"This account already has {count} {family.label}s, Tencent's limit; delete one you no longer use.",
        )
    if (
        family is _TRANSCODE
        and ctx.db.execute(
            "SELECT 1 FROM processing_templates WHERE account_id = ? AND kind = ? AND name = ?",
            (ctx.account_id, family.kind, body["TemplateName"]),
        ).fetchone()
    ):
        raise fail(
            "InvalidParameter.ProcessorAlreadyExist",
            f"A transcoding template named {body['TemplateName']!r} already exists; transcoding template names "
            "are unique in an account. Choose another name.",
        )
    cursor = ctx.db.execute(
        "INSERT INTO processing_templates (account_id, kind, name, body, created) VALUES (?, ?, ?, ?, ?)",
        (
            ctx.account_id,
            family.kind,
            str(body.get("TemplateName", body.get("WatermarkName", ""))),
            json.dumps(body),
            ctx.now.timestamp(),
        ),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _modify(ctx: Context, family: _Family, req: ApiRequest) -> None:
    template_id = int(getattr(req, family.id_field))
    body = _complete(family, {**_load(ctx, family, template_id), **_body(req, family.id_field)})
    _refuse_broken_limits(family, body)
    ctx.db.execute(
        "UPDATE processing_templates SET body = ?, name = ? WHERE account_id = ? AND kind = ? AND id = ?",
        (
            json.dumps(body),
            str(body.get("TemplateName", body.get("WatermarkName", ""))),
            ctx.account_id,
            family.kind,
            template_id,
        ),
    )


def _delete(ctx: Context, family: _Family, template_id: int) -> None:
    _load(ctx, family, template_id)
    bound = ctx.db.execute(
        "SELECT domain, app, stream FROM processing_rules WHERE account_id = ? AND kind = ? AND template_id = ? "
        "ORDER BY domain, app, stream",
        (ctx.account_id, family.kind, template_id),
    ).fetchall()
    if bound:
        where = ", ".join(f"{d}/{a or '*'}/{s or '*'}" for d, a, s in bound)
        raise fail(
            "FailedOperation.ConfInUsed",
            f"The {family.label} {template_id} is still bound by rules ({where}); delete those rules first.",
        )
    ctx.db.execute(
        "DELETE FROM processing_templates WHERE account_id = ? AND kind = ? AND id = ?",
        (ctx.account_id, family.kind, template_id),
    )


def _create_rule(ctx: Context, family: _Family, req: Any) -> None:
    domain = domain_of_type(ctx, req.DomainName, want=_PUSH)
    _load(ctx, family, int(req.TemplateId))
    app, stream = req.AppName or "", (getattr(req, "StreamName", None) or "") if family.per_stream else ""
    clash = ctx.db.execute(
        "SELECT template_id FROM processing_rules WHERE account_id = ? AND kind = ? AND domain = ? AND app = ? "
        "AND stream = ?" + (" AND template_id = ?" if family.ladder else ""),
        (ctx.account_id, family.kind, domain, app, stream, *((int(req.TemplateId),) if family.ladder else ())),
    ).fetchone()
    if clash is not None:
        raise fail(
            "FailedOperation.RuleAlreadyExist",
            f"{domain} (app {app or '*'}, stream {stream or '*'}) already has a {family.kind} rule, bound to "
            f"template {clash[0]}; delete it first.",
        )
    ctx.db.execute(
        "INSERT INTO processing_rules (account_id, kind, domain, app, stream, template_id, created) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (ctx.account_id, family.kind, domain, app, stream, int(req.TemplateId), ctx.now.timestamp()),
    )


def _delete_rule(ctx: Context, family: _Family, req: Any) -> None:
    domain = req.DomainName.strip().lower()
    app, stream = req.AppName or "", (getattr(req, "StreamName", None) or "") if family.per_stream else ""
    template_id = getattr(req, "TemplateId", None) if family.ladder else None
    deleted = ctx.db.execute(
        "DELETE FROM processing_rules WHERE account_id = ? AND kind = ? AND domain = ? AND app = ? AND stream = ?"
        + (" AND template_id = ?" if template_id is not None else ""),
        (ctx.account_id, family.kind, domain, app, stream, *((template_id,) if template_id is not None else ())),
    ).rowcount
    if not deleted:
        raise fail(
            "InvalidParameter.RuleNotFound",
            f"There is no {family.kind} rule on {domain} (app {app or '*'}, stream {stream or '*'}).",
        )


def _rules(ctx: Context, family: _Family) -> list[tuple[str, str, str, int, float]]:
    rows = ctx.db.execute(
        "SELECT domain, app, stream, template_id, created FROM processing_rules WHERE account_id = ? AND kind = ? "
        "ORDER BY domain, app, stream, template_id",
        (ctx.account_id, family.kind),
    ).fetchall()
    return [(str(d), str(a), str(s), int(t), float(c)) for d, a, s, t, c in rows]


def _rule_infos(ctx: Context, family: _Family) -> list[RuleInfo]:
    return [
        RuleInfo(
            CreateTime=beijing_text(from_unix(created)),
            UpdateTime=beijing_text(from_unix(created)),
            TemplateId=template_id,
            DomainName=domain,
            AppName=app,
            StreamName=stream,
        )
        for domain, app, stream, template_id, created in _rules(ctx, family)
    ]


def _handlers(
    family: _Family, names: tuple[str, str, str, str, str, str, str], responses: tuple[type[ApiResponse], ...]
) -> dict[str, Handler]:
    """The handlers every family has: create/modify/delete/describe-one/describe-all templates, create/delete rules.

    A name left empty is an action the family lacks (time-shift has no DescribeLiveTimeShiftTemplate);
    handlers that differ by family (filters, callback rules' shape) are listed after, replacing these.
    """
    create, modify, delete, describe_one, describe_all, create_rule, delete_rule = names
    created, modified, deleted, described, listed, rule_created, rule_deleted = responses
    key = "WatermarkList" if family is _WATERMARK else "Templates"
    one = "Watermark" if family is _WATERMARK else "Template"

    def on_create(ctx: Context, req: Any) -> ApiResponse:
        return created.model_validate({family.id_field: _create(ctx, family, req)})

    def on_modify(ctx: Context, req: Any) -> ApiResponse:
        _modify(ctx, family, req)
        return modified()

    def on_delete(ctx: Context, req: Any) -> ApiResponse:
        _delete(ctx, family, int(getattr(req, family.id_field)))
        return deleted()

    def on_describe_one(ctx: Context, req: Any) -> ApiResponse:
        return described.model_validate({one: _describe_one(ctx, family, int(getattr(req, family.id_field)))})

    def on_describe_all(ctx: Context, req: Any) -> ApiResponse:
        return listed.model_validate({key: _templates(ctx, family)})

    def on_create_rule(ctx: Context, req: Any) -> ApiResponse:
        _create_rule(ctx, family, req)
        return rule_created()

    def on_delete_rule(ctx: Context, req: Any) -> ApiResponse:
        _delete_rule(ctx, family, req)
        return rule_deleted()

    handlers: dict[str, Callable[[Context, Any], ApiResponse]] = {
        create: on_create,
        modify: on_modify,
        delete: on_delete,
        describe_one: on_describe_one,
        describe_all: on_describe_all,
        create_rule: on_create_rule,
        delete_rule: on_delete_rule,
    }
    return {name: handler for name, handler in handlers.items() if name}


def describe_live_callback_rules(ctx: Context, req: Any) -> DescribeLiveCallbackRulesResponse:
    """DescribeLiveCallbackRules: callback rules have no stream."""
    return DescribeLiveCallbackRulesResponse(
        Rules=[
            CallBackRuleInfo(
                CreateTime=beijing_text(from_unix(created)),
                UpdateTime=beijing_text(from_unix(created)),
                TemplateId=template_id,
                DomainName=domain,
                AppName=app,
            )
            for domain, app, _, template_id, created in _rules(ctx, _CALLBACK)
        ]
    )


def describe_live_record_templates(ctx: Context, req: DescribeLiveRecordTemplatesRequest) -> ApiResponse:
    """DescribeLiveRecordTemplates: ``IsDelayLive`` 1 lists the slow-live templates, otherwise the ordinary ones."""
    wanted = req.IsDelayLive or 0
    return DescribeLiveRecordTemplatesResponse(
        Templates=[t for t in _templates(ctx, _RECORD) if t.IsDelayLive == wanted]
    )


def describe_live_transcode_rules(ctx: Context, req: DescribeLiveTranscodeRulesRequest) -> ApiResponse:
    """DescribeLiveTranscodeRules: optionally only the given templates and domains."""
    rules = _rule_infos(ctx, _TRANSCODE)
    if req.TemplateIds:
        rules = [r for r in rules if r.TemplateId in req.TemplateIds]
    if req.DomainNames:
        rules = [r for r in rules if r.DomainName in {d.strip().lower() for d in req.DomainNames}]
    return DescribeLiveTranscodeRulesResponse(Rules=rules)


def describe_live_watermarks(ctx: Context, req: DescribeLiveWatermarksRequest) -> ApiResponse:
    """DescribeLiveWatermarks: optionally by name, paged by ``PageNo`` (from 1) and ``PageSize``."""
    found = [w for w in _templates(ctx, _WATERMARK) if not req.Name or w.WatermarkName == req.Name]
    size, number = req.PageSize or 100, req.PageNo or 1
    return DescribeLiveWatermarksResponse(TotalNum=len(found), WatermarkList=found[(number - 1) * size : number * size])


def _described_rules(family: _Family, response: type[ApiResponse]) -> Handler:
    def describe(ctx: Context, req: Any) -> ApiResponse:
        return response.model_validate({"Rules": _rule_infos(ctx, family)})

    describe.__doc__ = f"Describe the {family.kind} rules."
    return describe


PROCESSING_HANDLERS: dict[str, Handler] = {
    **_handlers(
        _CALLBACK,
        (
            "CreateLiveCallbackTemplate",
            "ModifyLiveCallbackTemplate",
            "DeleteLiveCallbackTemplate",
            "DescribeLiveCallbackTemplate",
            "DescribeLiveCallbackTemplates",
            "CreateLiveCallbackRule",
            "DeleteLiveCallbackRule",
        ),
        (
            CreateLiveCallbackTemplateResponse,
            ModifyLiveCallbackTemplateResponse,
            DeleteLiveCallbackTemplateResponse,
            DescribeLiveCallbackTemplateResponse,
            DescribeLiveCallbackTemplatesResponse,
            CreateLiveCallbackRuleResponse,
            DeleteLiveCallbackRuleResponse,
        ),
    ),
    "DescribeLiveCallbackRules": describe_live_callback_rules,
    **_handlers(
        _RECORD,
        (
            "CreateLiveRecordTemplate",
            "ModifyLiveRecordTemplate",
            "DeleteLiveRecordTemplate",
            "DescribeLiveRecordTemplate",
            "DescribeLiveRecordTemplates",
            "CreateLiveRecordRule",
            "DeleteLiveRecordRule",
        ),
        (
            CreateLiveRecordTemplateResponse,
            ModifyLiveRecordTemplateResponse,
            DeleteLiveRecordTemplateResponse,
            DescribeLiveRecordTemplateResponse,
            DescribeLiveRecordTemplatesResponse,
            CreateLiveRecordRuleResponse,
            DeleteLiveRecordRuleResponse,
        ),
    ),
    "DescribeLiveRecordTemplates": describe_live_record_templates,  # replaces the generic one: filters
    "DescribeLiveRecordRules": _described_rules(_RECORD, DescribeLiveRecordRulesResponse),
    **_handlers(
        _TRANSCODE,
        (
            "CreateLiveTranscodeTemplate",
            "ModifyLiveTranscodeTemplate",
            "DeleteLiveTranscodeTemplate",
            "DescribeLiveTranscodeTemplate",
            "DescribeLiveTranscodeTemplates",
            "CreateLiveTranscodeRule",
            "DeleteLiveTranscodeRule",
        ),
        (
            CreateLiveTranscodeTemplateResponse,
            ModifyLiveTranscodeTemplateResponse,
            DeleteLiveTranscodeTemplateResponse,
            DescribeLiveTranscodeTemplateResponse,
            DescribeLiveTranscodeTemplatesResponse,
            CreateLiveTranscodeRuleResponse,
            DeleteLiveTranscodeRuleResponse,
        ),
    ),
    "DescribeLiveTranscodeRules": describe_live_transcode_rules,
    **_handlers(
        _SNAPSHOT,
        (
            "CreateLiveSnapshotTemplate",
            "ModifyLiveSnapshotTemplate",
            "DeleteLiveSnapshotTemplate",
            "DescribeLiveSnapshotTemplate",
            "DescribeLiveSnapshotTemplates",
            "CreateLiveSnapshotRule",
            "DeleteLiveSnapshotRule",
        ),
        (
            CreateLiveSnapshotTemplateResponse,
            ModifyLiveSnapshotTemplateResponse,
            DeleteLiveSnapshotTemplateResponse,
            DescribeLiveSnapshotTemplateResponse,
            DescribeLiveSnapshotTemplatesResponse,
            CreateLiveSnapshotRuleResponse,
            DeleteLiveSnapshotRuleResponse,
        ),
    ),
    "DescribeLiveSnapshotRules": _described_rules(_SNAPSHOT, DescribeLiveSnapshotRulesResponse),
    **_handlers(
        _WATERMARK,
        (
            "AddLiveWatermark",
            "UpdateLiveWatermark",
            "DeleteLiveWatermark",
            "DescribeLiveWatermark",
            "DescribeLiveWatermarks",
            "CreateLiveWatermarkRule",
            "DeleteLiveWatermarkRule",
        ),
        (
            AddLiveWatermarkResponse,
            UpdateLiveWatermarkResponse,
            DeleteLiveWatermarkResponse,
            DescribeLiveWatermarkResponse,
            DescribeLiveWatermarksResponse,
            CreateLiveWatermarkRuleResponse,
            DeleteLiveWatermarkRuleResponse,
        ),
    ),
    "DescribeLiveWatermarks": describe_live_watermarks,
    "DescribeLiveWatermarkRules": _described_rules(_WATERMARK, DescribeLiveWatermarkRulesResponse),
    **_handlers(
        _TIME_SHIFT,
        (
            "CreateLiveTimeShiftTemplate",
            "ModifyLiveTimeShiftTemplate",
            "DeleteLiveTimeShiftTemplate",
            "",
            "DescribeLiveTimeShiftTemplates",
            "CreateLiveTimeShiftRule",
            "DeleteLiveTimeShiftRule",
        ),
        (
            CreateLiveTimeShiftTemplateResponse,
            ModifyLiveTimeShiftTemplateResponse,
            DeleteLiveTimeShiftTemplateResponse,
            DescribeLiveTimeShiftTemplatesResponse,
            DescribeLiveTimeShiftTemplatesResponse,
            CreateLiveTimeShiftRuleResponse,
            DeleteLiveTimeShiftRuleResponse,
        ),
    ),
    "DescribeLiveTimeShiftRules": _described_rules(_TIME_SHIFT, DescribeLiveTimeShiftRulesResponse),
}
