"""Live (``live`` 2018-08-01) stream processing: callback, recording, transcoding, snapshot, watermark and time-shift templates and their rules.

Field names and types are the official SDK's (tencentcloud-sdk-python-live,
``tencentcloud/live/v20180801/models.py``, checked by tests/contract). Each family is a template
(Create/Modify/Delete/Describe; the watermark's are Add/Update/Delete/Describe) and rules binding it
to a push domain, app and stream (Create/Delete/Describe; a rule has no Modify action). Pages:

- callbacks: CreateLiveCallbackTemplate https://cloud.tencent.com/document/product/267/32637,
  DescribeLiveCallbackTemplates https://cloud.tencent.com/document/product/267/32632; events and the
  callback key's signature https://cloud.tencent.com/document/product/267/32744;
- recording: CreateLiveRecordTemplate https://cloud.tencent.com/document/product/267/32614 (at most 50
  templates), DescribeLiveRecordTemplates https://cloud.tencent.com/document/product/267/32609;
- transcoding: CreateLiveTranscodeTemplate https://cloud.tencent.com/document/product/267/32646,
  DescribeLiveTranscodeTemplates https://cloud.tencent.com/document/product/267/32641;
- snapshots: CreateLiveSnapshotTemplate https://cloud.tencent.com/document/product/267/32624,
  DescribeLiveSnapshotTemplates https://cloud.tencent.com/document/product/267/32619;
- watermarks: AddLiveWatermark https://cloud.tencent.com/document/product/267/30154;
- time-shift: CreateLiveTimeShiftTemplate https://www.tencentcloud.com/document/api/267/53725,
  ModifyLiveTimeShiftTemplate https://cloud.tencent.com/document/api/267/86164, CreateLiveTimeShiftRule
  https://www.tencentcloud.com/document/product/267/53726.

Request fields left out (``None``) are not sent: on a Modify action they keep their value.
The client stays at 20 requests/s for every one of them: the time-shift pages document 20/s, the
recording page 200/s, and 20/s is under every limit read.
"""

from __future__ import annotations

from pydantic import Field

from .api import Action, ApiObject, ApiRequest, ApiResponse

__all__ = [
    "ADD_LIVE_WATERMARK",
    "CREATE_LIVE_CALLBACK_RULE",
    "CREATE_LIVE_CALLBACK_TEMPLATE",
    "CREATE_LIVE_RECORD_RULE",
    "CREATE_LIVE_RECORD_TEMPLATE",
    "CREATE_LIVE_SNAPSHOT_RULE",
    "CREATE_LIVE_SNAPSHOT_TEMPLATE",
    "CREATE_LIVE_TIME_SHIFT_RULE",
    "CREATE_LIVE_TIME_SHIFT_TEMPLATE",
    "CREATE_LIVE_TRANSCODE_RULE",
    "CREATE_LIVE_TRANSCODE_TEMPLATE",
    "CREATE_LIVE_WATERMARK_RULE",
    "DELETE_LIVE_CALLBACK_RULE",
    "DELETE_LIVE_CALLBACK_TEMPLATE",
    "DELETE_LIVE_RECORD_RULE",
    "DELETE_LIVE_RECORD_TEMPLATE",
    "DELETE_LIVE_SNAPSHOT_RULE",
    "DELETE_LIVE_SNAPSHOT_TEMPLATE",
    "DELETE_LIVE_TIME_SHIFT_RULE",
    "DELETE_LIVE_TIME_SHIFT_TEMPLATE",
    "DELETE_LIVE_TRANSCODE_RULE",
    "DELETE_LIVE_TRANSCODE_TEMPLATE",
    "DELETE_LIVE_WATERMARK",
    "DELETE_LIVE_WATERMARK_RULE",
    "DESCRIBE_LIVE_CALLBACK_RULES",
    "DESCRIBE_LIVE_CALLBACK_TEMPLATE",
    "DESCRIBE_LIVE_CALLBACK_TEMPLATES",
    "DESCRIBE_LIVE_RECORD_RULES",
    "DESCRIBE_LIVE_RECORD_TEMPLATE",
    "DESCRIBE_LIVE_RECORD_TEMPLATES",
    "DESCRIBE_LIVE_SNAPSHOT_RULES",
    "DESCRIBE_LIVE_SNAPSHOT_TEMPLATE",
    "DESCRIBE_LIVE_SNAPSHOT_TEMPLATES",
    "DESCRIBE_LIVE_TIME_SHIFT_RULES",
    "DESCRIBE_LIVE_TIME_SHIFT_TEMPLATES",
    "DESCRIBE_LIVE_TRANSCODE_RULES",
    "DESCRIBE_LIVE_TRANSCODE_TEMPLATE",
    "DESCRIBE_LIVE_TRANSCODE_TEMPLATES",
    "DESCRIBE_LIVE_WATERMARK",
    "DESCRIBE_LIVE_WATERMARKS",
    "DESCRIBE_LIVE_WATERMARK_RULES",
    "MODIFY_LIVE_CALLBACK_TEMPLATE",
    "MODIFY_LIVE_RECORD_TEMPLATE",
    "MODIFY_LIVE_SNAPSHOT_TEMPLATE",
    "MODIFY_LIVE_TIME_SHIFT_TEMPLATE",
    "MODIFY_LIVE_TRANSCODE_TEMPLATE",
    "PROCESSING_ACTIONS",
    "UPDATE_LIVE_WATERMARK",
    "AddLiveWatermarkRequest",
    "AddLiveWatermarkResponse",
    "CallBackRuleInfo",
    "CallBackTemplateInfo",
    "ChildTemplateInfo",
    "CreateLiveCallbackRuleRequest",
    "CreateLiveCallbackRuleResponse",
    "CreateLiveCallbackTemplateRequest",
    "CreateLiveCallbackTemplateResponse",
    "CreateLiveRecordRuleRequest",
    "CreateLiveRecordRuleResponse",
    "CreateLiveRecordTemplateRequest",
    "CreateLiveRecordTemplateResponse",
    "CreateLiveSnapshotRuleRequest",
    "CreateLiveSnapshotRuleResponse",
    "CreateLiveSnapshotTemplateRequest",
    "CreateLiveSnapshotTemplateResponse",
    "CreateLiveTimeShiftRuleRequest",
    "CreateLiveTimeShiftRuleResponse",
    "CreateLiveTimeShiftTemplateRequest",
    "CreateLiveTimeShiftTemplateResponse",
    "CreateLiveTranscodeRuleRequest",
    "CreateLiveTranscodeRuleResponse",
    "CreateLiveTranscodeTemplateRequest",
    "CreateLiveTranscodeTemplateResponse",
    "CreateLiveWatermarkRuleRequest",
    "CreateLiveWatermarkRuleResponse",
    "DeleteLiveCallbackRuleRequest",
    "DeleteLiveCallbackRuleResponse",
    "DeleteLiveCallbackTemplateRequest",
    "DeleteLiveCallbackTemplateResponse",
    "DeleteLiveRecordRuleRequest",
    "DeleteLiveRecordRuleResponse",
    "DeleteLiveRecordTemplateRequest",
    "DeleteLiveRecordTemplateResponse",
    "DeleteLiveSnapshotRuleRequest",
    "DeleteLiveSnapshotRuleResponse",
    "DeleteLiveSnapshotTemplateRequest",
    "DeleteLiveSnapshotTemplateResponse",
    "DeleteLiveTimeShiftRuleRequest",
    "DeleteLiveTimeShiftRuleResponse",
    "DeleteLiveTimeShiftTemplateRequest",
    "DeleteLiveTimeShiftTemplateResponse",
    "DeleteLiveTranscodeRuleRequest",
    "DeleteLiveTranscodeRuleResponse",
    "DeleteLiveTranscodeTemplateRequest",
    "DeleteLiveTranscodeTemplateResponse",
    "DeleteLiveWatermarkRequest",
    "DeleteLiveWatermarkResponse",
    "DeleteLiveWatermarkRuleRequest",
    "DeleteLiveWatermarkRuleResponse",
    "DescribeLiveCallbackRulesRequest",
    "DescribeLiveCallbackRulesResponse",
    "DescribeLiveCallbackTemplateRequest",
    "DescribeLiveCallbackTemplateResponse",
    "DescribeLiveCallbackTemplatesRequest",
    "DescribeLiveCallbackTemplatesResponse",
    "DescribeLiveRecordRulesRequest",
    "DescribeLiveRecordRulesResponse",
    "DescribeLiveRecordTemplateRequest",
    "DescribeLiveRecordTemplateResponse",
    "DescribeLiveRecordTemplatesRequest",
    "DescribeLiveRecordTemplatesResponse",
    "DescribeLiveSnapshotRulesRequest",
    "DescribeLiveSnapshotRulesResponse",
    "DescribeLiveSnapshotTemplateRequest",
    "DescribeLiveSnapshotTemplateResponse",
    "DescribeLiveSnapshotTemplatesRequest",
    "DescribeLiveSnapshotTemplatesResponse",
    "DescribeLiveTimeShiftRulesRequest",
    "DescribeLiveTimeShiftRulesResponse",
    "DescribeLiveTimeShiftTemplatesRequest",
    "DescribeLiveTimeShiftTemplatesResponse",
    "DescribeLiveTranscodeRulesRequest",
    "DescribeLiveTranscodeRulesResponse",
    "DescribeLiveTranscodeTemplateRequest",
    "DescribeLiveTranscodeTemplateResponse",
    "DescribeLiveTranscodeTemplatesRequest",
    "DescribeLiveTranscodeTemplatesResponse",
    "DescribeLiveWatermarkRequest",
    "DescribeLiveWatermarkResponse",
    "DescribeLiveWatermarkRulesRequest",
    "DescribeLiveWatermarkRulesResponse",
    "DescribeLiveWatermarksRequest",
    "DescribeLiveWatermarksResponse",
    "FlvSpecialParam",
    "HlsSpecialParam",
    "ModifyLiveCallbackTemplateRequest",
    "ModifyLiveCallbackTemplateResponse",
    "ModifyLiveRecordTemplateRequest",
    "ModifyLiveRecordTemplateResponse",
    "ModifyLiveSnapshotTemplateRequest",
    "ModifyLiveSnapshotTemplateResponse",
    "ModifyLiveTimeShiftTemplateRequest",
    "ModifyLiveTimeShiftTemplateResponse",
    "ModifyLiveTranscodeTemplateRequest",
    "ModifyLiveTranscodeTemplateResponse",
    "RecordParam",
    "RecordTemplateInfo",
    "RuleInfo",
    "SnapshotTemplateInfo",
    "TemplateInfo",
    "TimeShiftTemplate",
    "UpdateLiveWatermarkRequest",
    "UpdateLiveWatermarkResponse",
    "WatermarkInfo",
]

_SERVICE = "live"
_VERSION = "2018-08-01"


# ---- Callback -------------------------------------------------------------------------------------


class CreateLiveCallbackTemplateRequest(ApiRequest):
    TemplateName: str
    Description: str | None = None
    StreamBeginNotifyUrl: str | None = None
    StreamEndNotifyUrl: str | None = None
    RecordNotifyUrl: str | None = None
    RecordStatusNotifyUrl: str | None = None
    SnapshotNotifyUrl: str | None = None
    PornCensorshipNotifyUrl: str | None = None
    CallbackKey: str | None = None
    StreamMixNotifyUrl: str | None = None
    PushExceptionNotifyUrl: str | None = None
    AudioAuditNotifyUrl: str | None = None
    RecordExceptionNotifyUrl: str | None = None
    RecordExceptionLevels: list[str] | None = None


class CreateLiveCallbackTemplateResponse(ApiResponse):
    TemplateId: int = 0


class ModifyLiveCallbackTemplateRequest(ApiRequest):
    TemplateId: int
    TemplateName: str | None = None
    Description: str | None = None
    StreamBeginNotifyUrl: str | None = None
    StreamEndNotifyUrl: str | None = None
    RecordNotifyUrl: str | None = None
    RecordStatusNotifyUrl: str | None = None
    SnapshotNotifyUrl: str | None = None
    PornCensorshipNotifyUrl: str | None = None
    CallbackKey: str | None = None
    PushExceptionNotifyUrl: str | None = None
    AudioAuditNotifyUrl: str | None = None
    RecordExceptionNotifyUrl: str | None = None
    RecordExceptionLevels: list[str] | None = None


class ModifyLiveCallbackTemplateResponse(ApiResponse):
    pass


class DeleteLiveCallbackTemplateRequest(ApiRequest):
    TemplateId: int


class DeleteLiveCallbackTemplateResponse(ApiResponse):
    pass


class DescribeLiveCallbackTemplateRequest(ApiRequest):
    TemplateId: int


class CallBackTemplateInfo(ApiObject):
    """A callback template. ``CallbackKey`` signs the callbacks (https://cloud.tencent.com/document/product/267/32744)."""

    TemplateId: int = 0
    TemplateName: str = ""
    Description: str = ""
    StreamBeginNotifyUrl: str = ""
    StreamMixNotifyUrl: str = ""
    StreamEndNotifyUrl: str = ""
    RecordNotifyUrl: str = ""
    SnapshotNotifyUrl: str = ""
    PornCensorshipNotifyUrl: str = ""
    CallbackKey: str = ""
    PushExceptionNotifyUrl: str = ""
    AudioAuditNotifyUrl: str = ""
    RecordExceptionNotifyUrl: str = ""
    RecordExceptionLevels: list[str] = Field(default_factory=list)


class DescribeLiveCallbackTemplateResponse(ApiResponse):
    Template: CallBackTemplateInfo | None = None


class DescribeLiveCallbackTemplatesRequest(ApiRequest):
    pass


class DescribeLiveCallbackTemplatesResponse(ApiResponse):
    Templates: list[CallBackTemplateInfo] = Field(default_factory=list)


class CreateLiveCallbackRuleRequest(ApiRequest):
    DomainName: str
    TemplateId: int
    AppName: str | None = None


class CreateLiveCallbackRuleResponse(ApiResponse):
    pass


class DeleteLiveCallbackRuleRequest(ApiRequest):
    DomainName: str
    AppName: str | None = None


class DeleteLiveCallbackRuleResponse(ApiResponse):
    pass


class DescribeLiveCallbackRulesRequest(ApiRequest):
    pass


class CallBackRuleInfo(ApiObject):
    """A callback rule: a template bound to a push domain and app (callbacks have no stream level)."""

    CreateTime: str = ""
    UpdateTime: str = ""
    TemplateId: int = 0
    DomainName: str = ""
    AppName: str = ""


class DescribeLiveCallbackRulesResponse(ApiResponse):
    Rules: list[CallBackRuleInfo] = Field(default_factory=list)


# ---- Record ---------------------------------------------------------------------------------------


class RecordParam(ApiObject):
    """One recording format: ``RecordInterval`` 60–43200 s (FLV, MP4) or 60–7200 s (AAC), ignored for HLS; ``StorageTime`` 0 (for ever) up to 1500 days in seconds; ``Enable`` 0/1."""

    RecordInterval: int | None = None
    StorageTime: int | None = None
    Enable: int | None = None
    VodSubAppId: int | None = None
    VodFileName: str | None = None
    Procedure: str | None = None
    StorageMode: str | None = None
    ClassId: int | None = None
    CosBucketName: str | None = None
    CosBucketRegion: str | None = None
    CosBucketPath: str | None = None


class HlsSpecialParam(ApiObject):
    """HLS resume: ``FlowContinueDuration`` seconds a broken stream may come back into the same file (0–1800)."""

    FlowContinueDuration: int | None = None


HlsSpecialParamModel = HlsSpecialParam


class FlvSpecialParam(ApiObject):
    """FLV: ``UploadInRecording`` uploads while recording."""

    UploadInRecording: bool | None = None


FlvSpecialParamModel = FlvSpecialParam


class CreateLiveRecordTemplateRequest(ApiRequest):
    TemplateName: str
    Description: str | None = None
    FlvParam: RecordParam | None = None
    HlsParam: RecordParam | None = None
    Mp4Param: RecordParam | None = None
    AacParam: RecordParam | None = None
    IsDelayLive: int | None = None
    HlsSpecialParam: HlsSpecialParamModel | None = None
    Mp3Param: RecordParam | None = None
    CosStore: int | None = None
    RemoveWatermark: bool | None = None
    FlvSpecialParam: FlvSpecialParamModel | None = None


class CreateLiveRecordTemplateResponse(ApiResponse):
    TemplateId: int = 0


class ModifyLiveRecordTemplateRequest(ApiRequest):
    TemplateId: int
    TemplateName: str | None = None
    Description: str | None = None
    FlvParam: RecordParam | None = None
    HlsParam: RecordParam | None = None
    Mp4Param: RecordParam | None = None
    AacParam: RecordParam | None = None
    HlsSpecialParam: HlsSpecialParamModel | None = None
    Mp3Param: RecordParam | None = None
    RemoveWatermark: bool | None = None
    FlvSpecialParam: FlvSpecialParamModel | None = None


class ModifyLiveRecordTemplateResponse(ApiResponse):
    pass


class DeleteLiveRecordTemplateRequest(ApiRequest):
    TemplateId: int


class DeleteLiveRecordTemplateResponse(ApiResponse):
    pass


class DescribeLiveRecordTemplateRequest(ApiRequest):
    TemplateId: int


class RecordTemplateInfo(ApiObject):
    """A recording template as DescribeLiveRecordTemplate(s) report it."""

    TemplateId: int = 0
    TemplateName: str = ""
    Description: str = ""
    FlvParam: RecordParam | None = None
    HlsParam: RecordParam | None = None
    Mp4Param: RecordParam | None = None
    AacParam: RecordParam | None = None
    IsDelayLive: int = 0
    HlsSpecialParam: HlsSpecialParamModel | None = None
    Mp3Param: RecordParam | None = None
    RemoveWatermark: bool = False
    CosStore: int = 0
    FlvSpecialParam: FlvSpecialParamModel | None = None


class DescribeLiveRecordTemplateResponse(ApiResponse):
    Template: RecordTemplateInfo | None = None


class DescribeLiveRecordTemplatesRequest(ApiRequest):
    IsDelayLive: int | None = None


class DescribeLiveRecordTemplatesResponse(ApiResponse):
    Templates: list[RecordTemplateInfo] = Field(default_factory=list)


class CreateLiveRecordRuleRequest(ApiRequest):
    DomainName: str
    TemplateId: int
    AppName: str | None = None
    StreamName: str | None = None


class CreateLiveRecordRuleResponse(ApiResponse):
    pass


class DeleteLiveRecordRuleRequest(ApiRequest):
    DomainName: str
    AppName: str | None = None
    StreamName: str | None = None


class DeleteLiveRecordRuleResponse(ApiResponse):
    pass


class DescribeLiveRecordRulesRequest(ApiRequest):
    pass


class RuleInfo(ApiObject):
    """A rule binding a template to a push domain, app and stream (``""``: all); times are Beijing time."""

    CreateTime: str = ""
    UpdateTime: str = ""
    TemplateId: int = 0
    DomainName: str = ""
    AppName: str = ""
    StreamName: str = ""


class DescribeLiveRecordRulesResponse(ApiResponse):
    Rules: list[RuleInfo] = Field(default_factory=list)


# ---- Transcode ------------------------------------------------------------------------------------


class ChildTemplateInfo(ApiObject):
    """One rung of an adaptive-bitrate transcode template."""

    TemplateId: int | None = None
    TemplateName: str | None = None
    Vcodec: str | None = None
    VideoBitrate: int | None = None
    Width: int | None = None
    Height: int | None = None
    Fps: int | None = None
    Gop: int | None = None
    NeedVideo: int | None = None
    NeedAudio: int | None = None
    BitrateToOrig: int | None = None
    HeightToOrig: int | None = None
    FpsToOrig: int | None = None
    ShortEdgeAsHeight: int | None = None
    HlsContainerFormat: str | None = None
    HlsMp4VideoCodecTag: str | None = None
    Acodec: str | None = None
    AudioBitrate: int | None = None


class CreateLiveTranscodeTemplateRequest(ApiRequest):
    TemplateName: str
    VideoBitrate: int
    Acodec: str | None = None
    AudioBitrate: int | None = None
    Vcodec: str | None = None
    Description: str | None = None
    NeedVideo: int | None = None
    Width: int | None = None
    NeedAudio: int | None = None
    Height: int | None = None
    Fps: int | None = None
    Gop: int | None = None
    Rotate: int | None = None
    Profile: str | None = None
    BitrateToOrig: int | None = None
    HeightToOrig: int | None = None
    FpsToOrig: int | None = None
    AiTransCode: int | None = None
    AdaptBitratePercent: float | None = None
    ShortEdgeAsHeight: int | None = None
    DRMType: str | None = None
    DRMTracks: str | None = None
    IsAdaptiveBitRate: int | None = None
    AdaptiveChildren: list[ChildTemplateInfo] | None = None
    AudienceDrivenTranscode: int | None = None
    AudienceThreshold: int | None = None


class CreateLiveTranscodeTemplateResponse(ApiResponse):
    TemplateId: int = 0


class ModifyLiveTranscodeTemplateRequest(ApiRequest):
    TemplateId: int
    Vcodec: str | None = None
    Acodec: str | None = None
    AudioBitrate: int | None = None
    Description: str | None = None
    VideoBitrate: int | None = None
    Width: int | None = None
    NeedVideo: int | None = None
    NeedAudio: int | None = None
    Height: int | None = None
    Fps: int | None = None
    Gop: int | None = None
    Rotate: int | None = None
    Profile: str | None = None
    BitrateToOrig: int | None = None
    HeightToOrig: int | None = None
    FpsToOrig: int | None = None
    AdaptBitratePercent: float | None = None
    ShortEdgeAsHeight: int | None = None
    DRMType: str | None = None
    DRMTracks: str | None = None
    IsAdaptiveBitRate: int | None = None
    AdaptiveChildren: list[ChildTemplateInfo] | None = None
    AudienceDrivenTranscode: int | None = None
    AudienceThreshold: int | None = None


class ModifyLiveTranscodeTemplateResponse(ApiResponse):
    pass


class DeleteLiveTranscodeTemplateRequest(ApiRequest):
    TemplateId: int


class DeleteLiveTranscodeTemplateResponse(ApiResponse):
    pass


class DescribeLiveTranscodeTemplateRequest(ApiRequest):
    TemplateId: int


class TemplateInfo(ApiObject):
    """A transcode template as DescribeLiveTranscodeTemplate(s) report it."""

    Vcodec: str = ""
    VideoBitrate: int = 0
    Acodec: str = ""
    AudioBitrate: int = 0
    Width: int = 0
    Height: int = 0
    Fps: int = 0
    Gop: int = 0
    Rotate: int = 0
    Profile: str = ""
    BitrateToOrig: int = 0
    HeightToOrig: int = 0
    FpsToOrig: int = 0
    NeedVideo: int = 0
    NeedAudio: int = 0
    TemplateId: int = 0
    TemplateName: str = ""
    Description: str = ""
    AiTransCode: int = 0
    AdaptBitratePercent: float = 0.0
    ShortEdgeAsHeight: int = 0
    DRMType: str = ""
    DRMTracks: str = ""
    IsAdaptiveBitRate: int = 0
    AdaptiveChildren: list[ChildTemplateInfo] = Field(default_factory=list)
    AudienceDrivenTranscode: int = 0
    AudienceThreshold: int = 0


class DescribeLiveTranscodeTemplateResponse(ApiResponse):
    Template: TemplateInfo | None = None


class DescribeLiveTranscodeTemplatesRequest(ApiRequest):
    TemplateType: int | None = None


class DescribeLiveTranscodeTemplatesResponse(ApiResponse):
    Templates: list[TemplateInfo] = Field(default_factory=list)


class CreateLiveTranscodeRuleRequest(ApiRequest):
    DomainName: str
    TemplateId: int
    AppName: str | None = None
    StreamName: str | None = None


class CreateLiveTranscodeRuleResponse(ApiResponse):
    pass


class DeleteLiveTranscodeRuleRequest(ApiRequest):
    DomainName: str
    AppName: str | None = None
    StreamName: str | None = None
    TemplateId: int | None = None


class DeleteLiveTranscodeRuleResponse(ApiResponse):
    pass


class DescribeLiveTranscodeRulesRequest(ApiRequest):
    TemplateIds: list[int] | None = None
    DomainNames: list[str] | None = None


class DescribeLiveTranscodeRulesResponse(ApiResponse):
    Rules: list[RuleInfo] = Field(default_factory=list)


# ---- Snapshot -------------------------------------------------------------------------------------


class CreateLiveSnapshotTemplateRequest(ApiRequest):
    TemplateName: str
    CosAppId: int
    CosBucket: str
    CosRegion: str
    Description: str | None = None
    SnapshotInterval: int | None = None
    Width: int | None = None
    Height: int | None = None
    PornFlag: int | None = None
    CosPrefix: str | None = None
    CosFileName: str | None = None


class CreateLiveSnapshotTemplateResponse(ApiResponse):
    TemplateId: int = 0


class ModifyLiveSnapshotTemplateRequest(ApiRequest):
    TemplateId: int
    CosAppId: int | None = None
    CosBucket: str | None = None
    CosRegion: str | None = None
    TemplateName: str | None = None
    Description: str | None = None
    SnapshotInterval: int | None = None
    Width: int | None = None
    Height: int | None = None
    PornFlag: int | None = None
    CosPrefix: str | None = None
    CosFileName: str | None = None


class ModifyLiveSnapshotTemplateResponse(ApiResponse):
    pass


class DeleteLiveSnapshotTemplateRequest(ApiRequest):
    TemplateId: int


class DeleteLiveSnapshotTemplateResponse(ApiResponse):
    pass


class DescribeLiveSnapshotTemplateRequest(ApiRequest):
    TemplateId: int


class SnapshotTemplateInfo(ApiObject):
    """A snapshot template: ``SnapshotInterval`` 2–300 s, COS destination, ``PornFlag`` 0/1."""

    TemplateId: int = 0
    TemplateName: str = ""
    SnapshotInterval: int = 0
    Width: int = 0
    Height: int = 0
    PornFlag: int = 0
    CosAppId: int = 0
    CosBucket: str = ""
    CosRegion: str = ""
    Description: str = ""
    CosPrefix: str = ""
    CosFileName: str = ""
    CosSecretId: str = ""
    CosSecretKey: str = ""


class DescribeLiveSnapshotTemplateResponse(ApiResponse):
    Template: SnapshotTemplateInfo | None = None


class DescribeLiveSnapshotTemplatesRequest(ApiRequest):
    pass


class DescribeLiveSnapshotTemplatesResponse(ApiResponse):
    Templates: list[SnapshotTemplateInfo] = Field(default_factory=list)


class CreateLiveSnapshotRuleRequest(ApiRequest):
    DomainName: str
    TemplateId: int
    AppName: str | None = None
    StreamName: str | None = None


class CreateLiveSnapshotRuleResponse(ApiResponse):
    pass


class DeleteLiveSnapshotRuleRequest(ApiRequest):
    DomainName: str
    AppName: str | None = None
    StreamName: str | None = None


class DeleteLiveSnapshotRuleResponse(ApiResponse):
    pass


class DescribeLiveSnapshotRulesRequest(ApiRequest):
    pass


class DescribeLiveSnapshotRulesResponse(ApiResponse):
    Rules: list[RuleInfo] = Field(default_factory=list)


# ---- Watermark ------------------------------------------------------------------------------------


class AddLiveWatermarkRequest(ApiRequest):
    PictureUrl: str
    WatermarkName: str
    XPosition: int | None = None
    YPosition: int | None = None
    Width: int | None = None
    Height: int | None = None
    BackgroundWidth: int | None = None
    BackgroundHeight: int | None = None


class AddLiveWatermarkResponse(ApiResponse):
    WatermarkId: int = 0


class UpdateLiveWatermarkRequest(ApiRequest):
    WatermarkId: int
    PictureUrl: str | None = None
    XPosition: int | None = None
    YPosition: int | None = None
    WatermarkName: str | None = None
    Width: int | None = None
    Height: int | None = None
    BackgroundWidth: int | None = None
    BackgroundHeight: int | None = None


class UpdateLiveWatermarkResponse(ApiResponse):
    pass


class DeleteLiveWatermarkRequest(ApiRequest):
    WatermarkId: int


class DeleteLiveWatermarkResponse(ApiResponse):
    pass


class DescribeLiveWatermarkRequest(ApiRequest):
    WatermarkId: int


class WatermarkInfo(ApiObject):
    """A watermark: picture URL, position and size in percent of the video."""

    WatermarkId: int = 0
    PictureUrl: str = ""
    XPosition: int = 0
    YPosition: int = 0
    WatermarkName: str = ""
    Status: int = 0
    CreateTime: str = ""
    Width: int = 0
    Height: int = 0
    BackgroundWidth: int = 0
    BackgroundHeight: int = 0


class DescribeLiveWatermarkResponse(ApiResponse):
    Watermark: WatermarkInfo | None = None


class DescribeLiveWatermarksRequest(ApiRequest):
    Name: str | None = None
    PageNo: int | None = None
    PageSize: int | None = None


class DescribeLiveWatermarksResponse(ApiResponse):
    TotalNum: int = 0
    WatermarkList: list[WatermarkInfo] = Field(default_factory=list)


class CreateLiveWatermarkRuleRequest(ApiRequest):
    DomainName: str
    TemplateId: int
    AppName: str | None = None
    StreamName: str | None = None


class CreateLiveWatermarkRuleResponse(ApiResponse):
    pass


class DeleteLiveWatermarkRuleRequest(ApiRequest):
    DomainName: str
    AppName: str | None = None
    StreamName: str | None = None


class DeleteLiveWatermarkRuleResponse(ApiResponse):
    pass


class DescribeLiveWatermarkRulesRequest(ApiRequest):
    pass


class DescribeLiveWatermarkRulesResponse(ApiResponse):
    Rules: list[RuleInfo] = Field(default_factory=list)


# ---- TimeShift ------------------------------------------------------------------------------------


class CreateLiveTimeShiftTemplateRequest(ApiRequest):
    TemplateName: str
    Duration: int
    Description: str | None = None
    Area: str | None = None
    ItemDuration: int | None = None
    RemoveWatermark: bool | None = None
    TranscodeTemplateIds: list[int] | None = None


class CreateLiveTimeShiftTemplateResponse(ApiResponse):
    TemplateId: int = 0


class ModifyLiveTimeShiftTemplateRequest(ApiRequest):
    TemplateId: int
    TemplateName: str | None = None
    Description: str | None = None
    Duration: int | None = None
    ItemDuration: int | None = None
    RemoveWatermark: bool | None = None
    TranscodeTemplateIds: list[int] | None = None
    Area: str | None = None


class ModifyLiveTimeShiftTemplateResponse(ApiResponse):
    pass


class DeleteLiveTimeShiftTemplateRequest(ApiRequest):
    TemplateId: int


class DeleteLiveTimeShiftTemplateResponse(ApiResponse):
    pass


class DescribeLiveTimeShiftTemplatesRequest(ApiRequest):
    pass


class TimeShiftTemplate(ApiObject):
    """A time-shift template: ``Duration`` seconds kept, ``ItemDuration`` 3–10 s segments, ``Area`` Mainland or Overseas."""

    TemplateName: str = ""
    Duration: int = 0
    ItemDuration: int = 0
    TemplateId: int = 0
    Description: str = ""
    Area: str = ""
    RemoveWatermark: bool = False
    TranscodeTemplateIds: list[int] = Field(default_factory=list)


class DescribeLiveTimeShiftTemplatesResponse(ApiResponse):
    Templates: list[TimeShiftTemplate] = Field(default_factory=list)


class CreateLiveTimeShiftRuleRequest(ApiRequest):
    DomainName: str
    TemplateId: int
    AppName: str | None = None
    StreamName: str | None = None


class CreateLiveTimeShiftRuleResponse(ApiResponse):
    pass


class DeleteLiveTimeShiftRuleRequest(ApiRequest):
    DomainName: str
    AppName: str | None = None
    StreamName: str | None = None


class DeleteLiveTimeShiftRuleResponse(ApiResponse):
    pass


class DescribeLiveTimeShiftRulesRequest(ApiRequest):
    pass


class DescribeLiveTimeShiftRulesResponse(ApiResponse):
    Rules: list[RuleInfo] = Field(default_factory=list)


def _live(name: str, req: type, resp: type, *, read_only: bool) -> Action:  # type: ignore[type-arg]
    return Action(_SERVICE, _VERSION, name, req, resp, read_only, 20)


CREATE_LIVE_CALLBACK_TEMPLATE: Action[CreateLiveCallbackTemplateRequest, CreateLiveCallbackTemplateResponse] = _live(
    "CreateLiveCallbackTemplate", CreateLiveCallbackTemplateRequest, CreateLiveCallbackTemplateResponse, read_only=False
)
MODIFY_LIVE_CALLBACK_TEMPLATE: Action[ModifyLiveCallbackTemplateRequest, ModifyLiveCallbackTemplateResponse] = _live(
    "ModifyLiveCallbackTemplate", ModifyLiveCallbackTemplateRequest, ModifyLiveCallbackTemplateResponse, read_only=False
)
DELETE_LIVE_CALLBACK_TEMPLATE: Action[DeleteLiveCallbackTemplateRequest, DeleteLiveCallbackTemplateResponse] = _live(
    "DeleteLiveCallbackTemplate", DeleteLiveCallbackTemplateRequest, DeleteLiveCallbackTemplateResponse, read_only=False
)
DESCRIBE_LIVE_CALLBACK_TEMPLATE: Action[DescribeLiveCallbackTemplateRequest, DescribeLiveCallbackTemplateResponse] = (
    _live(
        "DescribeLiveCallbackTemplate",
        DescribeLiveCallbackTemplateRequest,
        DescribeLiveCallbackTemplateResponse,
        read_only=True,
    )
)
DESCRIBE_LIVE_CALLBACK_TEMPLATES: Action[
    DescribeLiveCallbackTemplatesRequest, DescribeLiveCallbackTemplatesResponse
] = _live(
    "DescribeLiveCallbackTemplates",
    DescribeLiveCallbackTemplatesRequest,
    DescribeLiveCallbackTemplatesResponse,
    read_only=True,
)
CREATE_LIVE_CALLBACK_RULE: Action[CreateLiveCallbackRuleRequest, CreateLiveCallbackRuleResponse] = _live(
    "CreateLiveCallbackRule", CreateLiveCallbackRuleRequest, CreateLiveCallbackRuleResponse, read_only=False
)
DELETE_LIVE_CALLBACK_RULE: Action[DeleteLiveCallbackRuleRequest, DeleteLiveCallbackRuleResponse] = _live(
    "DeleteLiveCallbackRule", DeleteLiveCallbackRuleRequest, DeleteLiveCallbackRuleResponse, read_only=False
)
DESCRIBE_LIVE_CALLBACK_RULES: Action[DescribeLiveCallbackRulesRequest, DescribeLiveCallbackRulesResponse] = _live(
    "DescribeLiveCallbackRules", DescribeLiveCallbackRulesRequest, DescribeLiveCallbackRulesResponse, read_only=True
)
CREATE_LIVE_RECORD_TEMPLATE: Action[CreateLiveRecordTemplateRequest, CreateLiveRecordTemplateResponse] = _live(
    "CreateLiveRecordTemplate", CreateLiveRecordTemplateRequest, CreateLiveRecordTemplateResponse, read_only=False
)
MODIFY_LIVE_RECORD_TEMPLATE: Action[ModifyLiveRecordTemplateRequest, ModifyLiveRecordTemplateResponse] = _live(
    "ModifyLiveRecordTemplate", ModifyLiveRecordTemplateRequest, ModifyLiveRecordTemplateResponse, read_only=False
)
DELETE_LIVE_RECORD_TEMPLATE: Action[DeleteLiveRecordTemplateRequest, DeleteLiveRecordTemplateResponse] = _live(
    "DeleteLiveRecordTemplate", DeleteLiveRecordTemplateRequest, DeleteLiveRecordTemplateResponse, read_only=False
)
DESCRIBE_LIVE_RECORD_TEMPLATE: Action[DescribeLiveRecordTemplateRequest, DescribeLiveRecordTemplateResponse] = _live(
    "DescribeLiveRecordTemplate", DescribeLiveRecordTemplateRequest, DescribeLiveRecordTemplateResponse, read_only=True
)
DESCRIBE_LIVE_RECORD_TEMPLATES: Action[DescribeLiveRecordTemplatesRequest, DescribeLiveRecordTemplatesResponse] = _live(
    "DescribeLiveRecordTemplates",
    DescribeLiveRecordTemplatesRequest,
    DescribeLiveRecordTemplatesResponse,
    read_only=True,
)
CREATE_LIVE_RECORD_RULE: Action[CreateLiveRecordRuleRequest, CreateLiveRecordRuleResponse] = _live(
    "CreateLiveRecordRule", CreateLiveRecordRuleRequest, CreateLiveRecordRuleResponse, read_only=False
)
DELETE_LIVE_RECORD_RULE: Action[DeleteLiveRecordRuleRequest, DeleteLiveRecordRuleResponse] = _live(
    "DeleteLiveRecordRule", DeleteLiveRecordRuleRequest, DeleteLiveRecordRuleResponse, read_only=False
)
DESCRIBE_LIVE_RECORD_RULES: Action[DescribeLiveRecordRulesRequest, DescribeLiveRecordRulesResponse] = _live(
    "DescribeLiveRecordRules", DescribeLiveRecordRulesRequest, DescribeLiveRecordRulesResponse, read_only=True
)
CREATE_LIVE_TRANSCODE_TEMPLATE: Action[CreateLiveTranscodeTemplateRequest, CreateLiveTranscodeTemplateResponse] = _live(
    "CreateLiveTranscodeTemplate",
    CreateLiveTranscodeTemplateRequest,
    CreateLiveTranscodeTemplateResponse,
    read_only=False,
)
MODIFY_LIVE_TRANSCODE_TEMPLATE: Action[ModifyLiveTranscodeTemplateRequest, ModifyLiveTranscodeTemplateResponse] = _live(
    "ModifyLiveTranscodeTemplate",
    ModifyLiveTranscodeTemplateRequest,
    ModifyLiveTranscodeTemplateResponse,
    read_only=False,
)
DELETE_LIVE_TRANSCODE_TEMPLATE: Action[DeleteLiveTranscodeTemplateRequest, DeleteLiveTranscodeTemplateResponse] = _live(
    "DeleteLiveTranscodeTemplate",
    DeleteLiveTranscodeTemplateRequest,
    DeleteLiveTranscodeTemplateResponse,
    read_only=False,
)
DESCRIBE_LIVE_TRANSCODE_TEMPLATE: Action[
    DescribeLiveTranscodeTemplateRequest, DescribeLiveTranscodeTemplateResponse
] = _live(
    "DescribeLiveTranscodeTemplate",
    DescribeLiveTranscodeTemplateRequest,
    DescribeLiveTranscodeTemplateResponse,
    read_only=True,
)
DESCRIBE_LIVE_TRANSCODE_TEMPLATES: Action[
    DescribeLiveTranscodeTemplatesRequest, DescribeLiveTranscodeTemplatesResponse
] = _live(
    "DescribeLiveTranscodeTemplates",
    DescribeLiveTranscodeTemplatesRequest,
    DescribeLiveTranscodeTemplatesResponse,
    read_only=True,
)
CREATE_LIVE_TRANSCODE_RULE: Action[CreateLiveTranscodeRuleRequest, CreateLiveTranscodeRuleResponse] = _live(
    "CreateLiveTranscodeRule", CreateLiveTranscodeRuleRequest, CreateLiveTranscodeRuleResponse, read_only=False
)
DELETE_LIVE_TRANSCODE_RULE: Action[DeleteLiveTranscodeRuleRequest, DeleteLiveTranscodeRuleResponse] = _live(
    "DeleteLiveTranscodeRule", DeleteLiveTranscodeRuleRequest, DeleteLiveTranscodeRuleResponse, read_only=False
)
DESCRIBE_LIVE_TRANSCODE_RULES: Action[DescribeLiveTranscodeRulesRequest, DescribeLiveTranscodeRulesResponse] = _live(
    "DescribeLiveTranscodeRules", DescribeLiveTranscodeRulesRequest, DescribeLiveTranscodeRulesResponse, read_only=True
)
CREATE_LIVE_SNAPSHOT_TEMPLATE: Action[CreateLiveSnapshotTemplateRequest, CreateLiveSnapshotTemplateResponse] = _live(
    "CreateLiveSnapshotTemplate", CreateLiveSnapshotTemplateRequest, CreateLiveSnapshotTemplateResponse, read_only=False
)
MODIFY_LIVE_SNAPSHOT_TEMPLATE: Action[ModifyLiveSnapshotTemplateRequest, ModifyLiveSnapshotTemplateResponse] = _live(
    "ModifyLiveSnapshotTemplate", ModifyLiveSnapshotTemplateRequest, ModifyLiveSnapshotTemplateResponse, read_only=False
)
DELETE_LIVE_SNAPSHOT_TEMPLATE: Action[DeleteLiveSnapshotTemplateRequest, DeleteLiveSnapshotTemplateResponse] = _live(
    "DeleteLiveSnapshotTemplate", DeleteLiveSnapshotTemplateRequest, DeleteLiveSnapshotTemplateResponse, read_only=False
)
DESCRIBE_LIVE_SNAPSHOT_TEMPLATE: Action[DescribeLiveSnapshotTemplateRequest, DescribeLiveSnapshotTemplateResponse] = (
    _live(
        "DescribeLiveSnapshotTemplate",
        DescribeLiveSnapshotTemplateRequest,
        DescribeLiveSnapshotTemplateResponse,
        read_only=True,
    )
)
DESCRIBE_LIVE_SNAPSHOT_TEMPLATES: Action[
    DescribeLiveSnapshotTemplatesRequest, DescribeLiveSnapshotTemplatesResponse
] = _live(
    "DescribeLiveSnapshotTemplates",
    DescribeLiveSnapshotTemplatesRequest,
    DescribeLiveSnapshotTemplatesResponse,
    read_only=True,
)
CREATE_LIVE_SNAPSHOT_RULE: Action[CreateLiveSnapshotRuleRequest, CreateLiveSnapshotRuleResponse] = _live(
    "CreateLiveSnapshotRule", CreateLiveSnapshotRuleRequest, CreateLiveSnapshotRuleResponse, read_only=False
)
DELETE_LIVE_SNAPSHOT_RULE: Action[DeleteLiveSnapshotRuleRequest, DeleteLiveSnapshotRuleResponse] = _live(
    "DeleteLiveSnapshotRule", DeleteLiveSnapshotRuleRequest, DeleteLiveSnapshotRuleResponse, read_only=False
)
DESCRIBE_LIVE_SNAPSHOT_RULES: Action[DescribeLiveSnapshotRulesRequest, DescribeLiveSnapshotRulesResponse] = _live(
    "DescribeLiveSnapshotRules", DescribeLiveSnapshotRulesRequest, DescribeLiveSnapshotRulesResponse, read_only=True
)
ADD_LIVE_WATERMARK: Action[AddLiveWatermarkRequest, AddLiveWatermarkResponse] = _live(
    "AddLiveWatermark", AddLiveWatermarkRequest, AddLiveWatermarkResponse, read_only=False
)
UPDATE_LIVE_WATERMARK: Action[UpdateLiveWatermarkRequest, UpdateLiveWatermarkResponse] = _live(
    "UpdateLiveWatermark", UpdateLiveWatermarkRequest, UpdateLiveWatermarkResponse, read_only=False
)
DELETE_LIVE_WATERMARK: Action[DeleteLiveWatermarkRequest, DeleteLiveWatermarkResponse] = _live(
    "DeleteLiveWatermark", DeleteLiveWatermarkRequest, DeleteLiveWatermarkResponse, read_only=False
)
DESCRIBE_LIVE_WATERMARK: Action[DescribeLiveWatermarkRequest, DescribeLiveWatermarkResponse] = _live(
    "DescribeLiveWatermark", DescribeLiveWatermarkRequest, DescribeLiveWatermarkResponse, read_only=True
)
DESCRIBE_LIVE_WATERMARKS: Action[DescribeLiveWatermarksRequest, DescribeLiveWatermarksResponse] = _live(
    "DescribeLiveWatermarks", DescribeLiveWatermarksRequest, DescribeLiveWatermarksResponse, read_only=True
)
CREATE_LIVE_WATERMARK_RULE: Action[CreateLiveWatermarkRuleRequest, CreateLiveWatermarkRuleResponse] = _live(
    "CreateLiveWatermarkRule", CreateLiveWatermarkRuleRequest, CreateLiveWatermarkRuleResponse, read_only=False
)
DELETE_LIVE_WATERMARK_RULE: Action[DeleteLiveWatermarkRuleRequest, DeleteLiveWatermarkRuleResponse] = _live(
    "DeleteLiveWatermarkRule", DeleteLiveWatermarkRuleRequest, DeleteLiveWatermarkRuleResponse, read_only=False
)
DESCRIBE_LIVE_WATERMARK_RULES: Action[DescribeLiveWatermarkRulesRequest, DescribeLiveWatermarkRulesResponse] = _live(
    "DescribeLiveWatermarkRules", DescribeLiveWatermarkRulesRequest, DescribeLiveWatermarkRulesResponse, read_only=True
)
CREATE_LIVE_TIME_SHIFT_TEMPLATE: Action[CreateLiveTimeShiftTemplateRequest, CreateLiveTimeShiftTemplateResponse] = (
    _live(
        "CreateLiveTimeShiftTemplate",
        CreateLiveTimeShiftTemplateRequest,
        CreateLiveTimeShiftTemplateResponse,
        read_only=False,
    )
)
MODIFY_LIVE_TIME_SHIFT_TEMPLATE: Action[ModifyLiveTimeShiftTemplateRequest, ModifyLiveTimeShiftTemplateResponse] = (
    _live(
        "ModifyLiveTimeShiftTemplate",
        ModifyLiveTimeShiftTemplateRequest,
        ModifyLiveTimeShiftTemplateResponse,
        read_only=False,
    )
)
DELETE_LIVE_TIME_SHIFT_TEMPLATE: Action[DeleteLiveTimeShiftTemplateRequest, DeleteLiveTimeShiftTemplateResponse] = (
    _live(
        "DeleteLiveTimeShiftTemplate",
        DeleteLiveTimeShiftTemplateRequest,
        DeleteLiveTimeShiftTemplateResponse,
        read_only=False,
    )
)
DESCRIBE_LIVE_TIME_SHIFT_TEMPLATES: Action[
    DescribeLiveTimeShiftTemplatesRequest, DescribeLiveTimeShiftTemplatesResponse
] = _live(
    "DescribeLiveTimeShiftTemplates",
    DescribeLiveTimeShiftTemplatesRequest,
    DescribeLiveTimeShiftTemplatesResponse,
    read_only=True,
)
CREATE_LIVE_TIME_SHIFT_RULE: Action[CreateLiveTimeShiftRuleRequest, CreateLiveTimeShiftRuleResponse] = _live(
    "CreateLiveTimeShiftRule", CreateLiveTimeShiftRuleRequest, CreateLiveTimeShiftRuleResponse, read_only=False
)
DELETE_LIVE_TIME_SHIFT_RULE: Action[DeleteLiveTimeShiftRuleRequest, DeleteLiveTimeShiftRuleResponse] = _live(
    "DeleteLiveTimeShiftRule", DeleteLiveTimeShiftRuleRequest, DeleteLiveTimeShiftRuleResponse, read_only=False
)
DESCRIBE_LIVE_TIME_SHIFT_RULES: Action[DescribeLiveTimeShiftRulesRequest, DescribeLiveTimeShiftRulesResponse] = _live(
    "DescribeLiveTimeShiftRules", DescribeLiveTimeShiftRulesRequest, DescribeLiveTimeShiftRulesResponse, read_only=True
)

PROCESSING_ACTIONS = (
    CREATE_LIVE_CALLBACK_TEMPLATE,
    MODIFY_LIVE_CALLBACK_TEMPLATE,
    DELETE_LIVE_CALLBACK_TEMPLATE,
    DESCRIBE_LIVE_CALLBACK_TEMPLATE,
    DESCRIBE_LIVE_CALLBACK_TEMPLATES,
    CREATE_LIVE_CALLBACK_RULE,
    DELETE_LIVE_CALLBACK_RULE,
    DESCRIBE_LIVE_CALLBACK_RULES,
    CREATE_LIVE_RECORD_TEMPLATE,
    MODIFY_LIVE_RECORD_TEMPLATE,
    DELETE_LIVE_RECORD_TEMPLATE,
    DESCRIBE_LIVE_RECORD_TEMPLATE,
    DESCRIBE_LIVE_RECORD_TEMPLATES,
    CREATE_LIVE_RECORD_RULE,
    DELETE_LIVE_RECORD_RULE,
    DESCRIBE_LIVE_RECORD_RULES,
    CREATE_LIVE_TRANSCODE_TEMPLATE,
    MODIFY_LIVE_TRANSCODE_TEMPLATE,
    DELETE_LIVE_TRANSCODE_TEMPLATE,
    DESCRIBE_LIVE_TRANSCODE_TEMPLATE,
    DESCRIBE_LIVE_TRANSCODE_TEMPLATES,
    CREATE_LIVE_TRANSCODE_RULE,
    DELETE_LIVE_TRANSCODE_RULE,
    DESCRIBE_LIVE_TRANSCODE_RULES,
    CREATE_LIVE_SNAPSHOT_TEMPLATE,
    MODIFY_LIVE_SNAPSHOT_TEMPLATE,
    DELETE_LIVE_SNAPSHOT_TEMPLATE,
    DESCRIBE_LIVE_SNAPSHOT_TEMPLATE,
    DESCRIBE_LIVE_SNAPSHOT_TEMPLATES,
    CREATE_LIVE_SNAPSHOT_RULE,
    DELETE_LIVE_SNAPSHOT_RULE,
    DESCRIBE_LIVE_SNAPSHOT_RULES,
    ADD_LIVE_WATERMARK,
    UPDATE_LIVE_WATERMARK,
    DELETE_LIVE_WATERMARK,
    DESCRIBE_LIVE_WATERMARK,
    DESCRIBE_LIVE_WATERMARKS,
    CREATE_LIVE_WATERMARK_RULE,
    DELETE_LIVE_WATERMARK_RULE,
    DESCRIBE_LIVE_WATERMARK_RULES,
    CREATE_LIVE_TIME_SHIFT_TEMPLATE,
    MODIFY_LIVE_TIME_SHIFT_TEMPLATE,
    DELETE_LIVE_TIME_SHIFT_TEMPLATE,
    DESCRIBE_LIVE_TIME_SHIFT_TEMPLATES,
    CREATE_LIVE_TIME_SHIFT_RULE,
    DELETE_LIVE_TIME_SHIFT_RULE,
    DESCRIBE_LIVE_TIME_SHIFT_RULES,
)
