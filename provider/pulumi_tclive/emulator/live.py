"""Live (``live`` 2018-08-01) in the emulator: the eight domain actions and the play-traffic bill.

Behaviour follows docs/design.md#live-domain-actions and docs/design.md#the-licence-has-no-api; the choices
made where the real service is unconfirmed are listed in ``docs/emulator.md``.
"""

from __future__ import annotations

import hashlib
import math
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from ..cloud.live import (
    DOMAIN_TYPE_PLAY,
    AddLiveDomainRequest,
    AddLiveDomainResponse,
    AuthenticateDomainOwnerRequest,
    AuthenticateDomainOwnerResponse,
    BillDataInfo,
    DeleteLiveDomainRequest,
    DeleteLiveDomainResponse,
    DescribeBillBandwidthAndFluxListRequest,
    DescribeBillBandwidthAndFluxListResponse,
    DescribeLiveDomainRequest,
    DescribeLiveDomainResponse,
    DescribeLiveDomainsRequest,
    DescribeLiveDomainsResponse,
    DomainInfo,
    EnableLiveDomainRequest,
    EnableLiveDomainResponse,
    ForbidLiveDomainRequest,
    ForbidLiveDomainResponse,
    ModifyLivePlayDomainRequest,
    ModifyLivePlayDomainResponse,
)
from .clock import BEIJING, beijing_month, beijing_text, from_unix, iso_utc, parse_beijing, parse_iso_utc
from .context import Context, Handler, fail
from .dnspod import current_cname, txt_values
from .processing import PROCESSING_HANDLERS
from .streaming import STREAMING_HANDLERS, domain_added, domain_deleted

__all__ = [
    "LIVE_HANDLERS",
    "PLAY_SUFFIX",
    "PUSH_SUFFIX",
    "TRAFFIC_LOCK",
    "VERIFICATION_HOST",
    "main_domain",
    "ownership_content",
]

PLAY_SUFFIX = "tlivecdn.com"  # docs/design.md#live-domain-actions: <name>.tlivecdn.com for play
PUSH_SUFFIX = "tlivepush.com"  # and <name>.tlivepush.com for push domains
VERIFICATION_HOST = "cssauth"  # TXT host of dnsCheck: cssauth.<MainDomain> (unconfirmed: docs/emulator.md)
TRAFFIC_LOCK = timedelta(hours=48)  # DeleteLiveDomain: deletion locked for 2 days after traffic
_MAX_BILL_SPAN = timedelta(days=31)
_MAX_FIVE_MINUTE_SPAN = timedelta(days=1)
_BYTES_PER_MB = 1_000_000

# Second-level suffixes under which the registrable domain has three labels.
_SECOND_LEVEL_SUFFIXES = frozenset(
    {"com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn", "ac.cn", "co.uk", "org.uk", "com.hk", "com.tw"}
)
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_TLD = re.compile(r"^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$")
_KIND = {0: "push", 1: "play"}


@dataclass(frozen=True)
class _Domain:
    name: str
    type: int
    status: int
    play_type: int
    is_delay_live: int
    is_mini_program_live: int
    created: float

    @property
    def kind(self) -> str:
        scene = "mini-program " if self.is_mini_program_live else ""
        return f"{scene}{_KIND[self.type]} domain"


_DOMAIN_COLUMNS = "name, type, status, play_type, is_delay_live, is_mini_program_live, created"


def _domain(row: tuple[object, ...]) -> _Domain:
    name, dtype, status, play_type, delay, mini, created = row
    return _Domain(
        str(name),
        int(str(dtype)),
        int(str(status)),
        int(str(play_type)),
        int(str(delay)),
        int(str(mini)),
        float(str(created)),
    )


def _validated_name(raw: str) -> str:
    """The domain name as the live service accepts it, or the error it answers (AddLiveDomain's errors)."""
    name = raw.strip()
    if not name.isascii():
        raise fail(
            "InternalError.ChineseCharacterDetected",
            f"The domain {raw!r} contains non-ASCII characters; Chinese (IDN) domains are not supported. "
            "Use an ASCII domain name.",
        )
    labels = name.split(".")
    if len(name) > 253 or any(len(label) > 63 for label in labels):
        raise fail(
            "InvalidParameter.DomainTooLong",
            f"The domain {name!r} is too long ({len(name)} characters; at most 253, and 63 per label).",
        )
    if name != name.lower():
        raise fail("InvalidParameter.DomainFormatError", f"The domain {name!r} has upper-case letters; use lower case.")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels) or not _TLD.match(labels[-1]):
        raise fail(
            "InvalidParameter.DomainFormatError",
            f"The domain {name!r} is not a valid domain name; use a name such as live.example.com.",
        )
    return name


def main_domain(name: str) -> str:
    """The registrable ("main") domain: the last two labels, three under suffixes such as ``com.cn``."""
    labels = name.rstrip(".").lower().split(".")
    count = 3 if ".".join(labels[-2:]) in _SECOND_LEVEL_SUFFIXES and len(labels) >= 3 else 2
    return ".".join(labels[-count:])


def ownership_content(account_id: int, main: str) -> str:
    """The verification content of a main domain: deterministic per (account, main domain)."""
    digest = hashlib.sha256(f"tclive-emulator/{account_id}/{main}".encode()).hexdigest()
    return f"cssauth_{digest[:32]}"


def _target_domain(domain: _Domain) -> str:
    return f"{domain.name}.{PLAY_SUFFIX if domain.type == DOMAIN_TYPE_PLAY else PUSH_SUFFIX}"


def _domain_info(ctx: Context, domain: _Domain) -> DomainInfo:
    target = _target_domain(domain)
    current = current_cname(ctx.db, ctx.account_id, domain.name)
    return DomainInfo(
        Name=domain.name,
        Type=domain.type,
        Status=domain.status,
        CreateTime=beijing_text(from_unix(domain.created)),
        BCName=1 if current and current.rstrip(".").lower() == target.lower() else 0,
        TargetDomain=target,
        PlayType=domain.play_type,
        IsDelayLive=domain.is_delay_live,
        CurrentCName=current,
        RentTag=0,
        RentExpireTime="",
        IsMiniProgramLive=domain.is_mini_program_live,
    )


def _find(ctx: Context, name: str) -> _Domain | None:
    row = ctx.db.execute(
        f"SELECT {_DOMAIN_COLUMNS} FROM domains WHERE account_id = ? AND name = ?",
        (ctx.account_id, name.strip().lower()),
    ).fetchone()
    return None if row is None else _domain(row)


def _require(ctx: Context, name: str) -> _Domain:
    domain = _find(ctx, name)
    if domain is None:
        raise fail(
            "ResourceNotFound.DomainNotExist",
            f"The domain {name!r} does not exist in this account. Check the name, or list domains with DescribeLiveDomains.",
        )
    return domain


def _is_verified(ctx: Context, main: str) -> bool:
    return (
        ctx.db.execute(
            "SELECT 1 FROM verified_owners WHERE account_id = ? AND main_domain = ?", (ctx.account_id, main)
        ).fetchone()
        is not None
    )


def _dns_check(ctx: Context, main: str) -> bool:
    """Look for the TXT record; on success remember the main domain as verified."""
    content = ownership_content(ctx.account_id, main)
    if content not in txt_values(ctx.db, ctx.account_id, f"{VERIFICATION_HOST}.{main}"):
        return False
    ctx.db.execute(
        "INSERT OR IGNORE INTO verified_owners (account_id, main_domain) VALUES (?, ?)", (ctx.account_id, main)
    )
    return True


def _has_available_license(ctx: Context) -> bool:
    """The account holds an available plugin licence (the console's 资源包/插件管理); with auto-approval, always."""
    if ctx.settings.auto_approve:
        return True  # tclive:emulatorAutoApprove: the account holds an available licence for every mini-program
    row = ctx.db.execute(
        "SELECT 1 FROM licenses WHERE account_id = ? AND status = 'available' AND expires > ? LIMIT 1",
        (ctx.account_id, ctx.now.timestamp()),
    ).fetchone()
    return row is not None


def add_live_domain(ctx: Context, req: AddLiveDomainRequest) -> AddLiveDomainResponse:
    """AddLiveDomain."""
    name = _validated_name(req.DomainName)
    existing = _find(ctx, name)
    if existing is not None:
        raise fail(
            "FailedOperation.DomainAdded",
            f"The domain {name} has already been added to this account (as a {existing.kind}).",
        )
    count = ctx.db.execute("SELECT COUNT(*) FROM domains WHERE account_id = ?", (ctx.account_id,)).fetchone()[0]
    if count >= ctx.settings.domain_limit:
        raise fail(
            "FailedOperation.HostOutLimit",
            f"The account already has {count} domains, the limit is {ctx.settings.domain_limit}. Delete unused domains first.",
        )
    main = main_domain(name)
    if ctx.settings.require_owner_verification and not _is_verified(ctx, main):
        verified_now = req.VerifyOwnerType == "dnsCheck" and _dns_check(ctx, main)
        if not verified_now:
            raise fail(
                "FailedOperation.DomainNeedVerifyOwner",
                f"The ownership of {main} must be verified first: add a TXT record "
                f"{VERIFICATION_HOST}.{main} = {ownership_content(ctx.account_id, main)} "
                "and call AuthenticateDomainOwner with VerifyType dnsCheck.",
            )
    if req.IsMiniProgramLive == 1 and not _has_available_license(ctx):
        raise fail(
            "InvalidParameter.MpPluginNoUse",
            "小程序插件没有授权: the mini-program live plugin is not authorised for this account (no plugin licence is available). "
            "Apply for the licence in the console and wait until it is available.",
        )
    month = beijing_month(ctx.now)
    if ctx.db.execute(
        "SELECT 1 FROM mini_program_deletions WHERE account_id = ? AND name = ? AND month = ?",
        (ctx.account_id, name, month),
    ).fetchone():
        raise fail(
            "InvalidParameter.MpHostDelete",
            f"The mini-program domain {name} was deleted this month ({month}, Beijing time); "
            "it cannot be added again until next month.",
        )
    default_play_type = 1 if req.DomainType == DOMAIN_TYPE_PLAY else 0
    ctx.db.execute(
        f"INSERT INTO domains (account_id, {_DOMAIN_COLUMNS}) VALUES (?, ?, ?, 1, ?, ?, ?, ?)",
        (
            ctx.account_id,
            name,
            req.DomainType,
            req.PlayType if req.PlayType is not None else default_play_type,
            req.IsDelayLive or 0,
            req.IsMiniProgramLive or 0,
            ctx.now.timestamp(),
        ),
    )
    domain_added(ctx, name, req.DomainType)  # push authentication on by default (emulator/streaming.py)
    return AddLiveDomainResponse()


def authenticate_domain_owner(ctx: Context, req: AuthenticateDomainOwnerRequest) -> AuthenticateDomainOwnerResponse:
    """AuthenticateDomainOwner: dnsCheck looks for the TXT record, dbCheck for an earlier success, fileCheck fails."""
    name = _validated_name(req.DomainName)
    main = main_domain(name)
    if req.VerifyType == "dnsCheck":
        verified = _dns_check(ctx, main)
    elif req.VerifyType == "dbCheck":
        verified = _is_verified(ctx, main)
    else:
        verified = False  # fileCheck: the emulator reaches no web server
    return AuthenticateDomainOwnerResponse(
        Content=ownership_content(ctx.account_id, main), Status=0 if verified else -1, MainDomain=main
    )


def delete_live_domain(ctx: Context, req: DeleteLiveDomainRequest) -> DeleteLiveDomainResponse:
    """DeleteLiveDomain."""
    domain = _find(ctx, req.DomainName)
    if domain is None or domain.type != req.DomainType:
        raise fail(
            "ResourceNotFound.DomainNotExist",
            f"The {_KIND[req.DomainType]} domain {req.DomainName!r} does not exist or does not match "
            f"(DomainType {req.DomainType}).",
        )
    if domain.is_mini_program_live and domain.type == DOMAIN_TYPE_PLAY:
        raise fail(
            "FailedOperation",
            f"{domain.name} is a mini-program play domain: deleting or unbinding mini-program play domains "
            "is not supported. Keep it, or forbid it with ForbidLiveDomain.",
        )
    recent = ctx.db.execute(
        "SELECT MAX(at) FROM traffic WHERE account_id = ? AND domain = ? AND bytes > 0 AND at > ?",
        (ctx.account_id, domain.name, (ctx.now - TRAFFIC_LOCK).timestamp()),
    ).fetchone()[0]
    if recent is not None:
        unlock = from_unix(float(recent)) + TRAFFIC_LOCK
        raise fail(
            "FailedOperation.DeleteDomainInLockedTime",
            f"{domain.name} had traffic in the last 2 days (last at {beijing_text(from_unix(float(recent)))} "
            f"Beijing time) and is locked; it can be deleted after {beijing_text(unlock)} Beijing time.",
        )
    ctx.db.execute("DELETE FROM domains WHERE account_id = ? AND name = ?", (ctx.account_id, domain.name))
    domain_deleted(ctx, domain.name)
    if domain.is_mini_program_live:
        ctx.db.execute(
            "INSERT OR IGNORE INTO mini_program_deletions (account_id, name, month) VALUES (?, ?, ?)",
            (ctx.account_id, domain.name, beijing_month(ctx.now)),
        )
    return DeleteLiveDomainResponse()


def describe_live_domain(ctx: Context, req: DescribeLiveDomainRequest) -> DescribeLiveDomainResponse:
    """DescribeLiveDomain."""
    return DescribeLiveDomainResponse(DomainInfo=_domain_info(ctx, _require(ctx, req.DomainName)))


def describe_live_domains(ctx: Context, req: DescribeLiveDomainsRequest) -> DescribeLiveDomainsResponse:
    """DescribeLiveDomains: filters, paging, the remaining quota and enabled play domains per region."""
    clauses: list[str] = ["account_id = ?", "is_delay_live = ?"]
    params: list[object] = [ctx.account_id, req.IsDelayLive or 0]  # IsDelayLive defaults to 0 (DescribeLiveDomains)
    if req.DomainStatus is not None:
        clauses.append("status = ?")
        params.append(req.DomainStatus)
    if req.DomainType is not None:
        clauses.append("type = ?")
        params.append(req.DomainType)
        if req.DomainType == DOMAIN_TYPE_PLAY and req.PlayType is not None:
            clauses.append("play_type = ?")
            params.append(req.PlayType)
    if req.DomainPrefix:
        clauses.append("substr(name, 1, ?) = ?")
        params.extend([len(req.DomainPrefix), req.DomainPrefix.lower()])
    where = " AND ".join(clauses)
    total = ctx.db.execute(f"SELECT COUNT(*) FROM domains WHERE {where}", params).fetchone()[0]
    size, page = req.PageSize or 10, req.PageNum or 1
    rows = ctx.db.execute(
        f"SELECT {_DOMAIN_COLUMNS} FROM domains WHERE {where} ORDER BY created DESC, rowid DESC LIMIT ? OFFSET ?",
        [*params, size, (page - 1) * size],
    ).fetchall()
    owned = ctx.db.execute("SELECT COUNT(*) FROM domains WHERE account_id = ?", (ctx.account_id,)).fetchone()[0]
    by_region = dict(
        ctx.db.execute(
            "SELECT play_type, COUNT(*) FROM domains WHERE account_id = ? AND type = 1 AND status = 1 GROUP BY play_type",
            (ctx.account_id,),
        ).fetchall()
    )
    return DescribeLiveDomainsResponse(
        AllCount=total,
        DomainList=[_domain_info(ctx, _domain(row)) for row in rows],
        CreateLimitCount=max(0, ctx.settings.domain_limit - owned),
        PlayTypeCount=[int(by_region.get(region, 0)) for region in (1, 2, 3)],
    )


def _set_status(ctx: Context, name: str, status: int) -> None:
    domain = _require(ctx, name)
    ctx.db.execute(
        "UPDATE domains SET status = ? WHERE account_id = ? AND name = ?", (status, ctx.account_id, domain.name)
    )


def enable_live_domain(ctx: Context, req: EnableLiveDomainRequest) -> EnableLiveDomainResponse:
    """EnableLiveDomain (idempotent)."""
    _set_status(ctx, req.DomainName, 1)
    return EnableLiveDomainResponse()


def forbid_live_domain(ctx: Context, req: ForbidLiveDomainRequest) -> ForbidLiveDomainResponse:
    """ForbidLiveDomain (idempotent)."""
    _set_status(ctx, req.DomainName, 0)
    return ForbidLiveDomainResponse()


def modify_live_play_domain(ctx: Context, req: ModifyLivePlayDomainRequest) -> ModifyLivePlayDomainResponse:
    """ModifyLivePlayDomain: play domains only."""
    domain = _require(ctx, req.DomainName)
    if domain.type != DOMAIN_TYPE_PLAY:
        raise fail(
            "InvalidParameterValue",
            f"{domain.name} is a push domain; PlayType (the acceleration region) applies to play domains only.",
        )
    ctx.db.execute(
        "UPDATE domains SET play_type = ? WHERE account_id = ? AND name = ?",
        (req.PlayType, ctx.account_id, domain.name),
    )
    return ModifyLivePlayDomainResponse()


def _bill_time(field: str, text: str) -> tuple[datetime, Callable[[datetime], str]]:
    """Parse a bill time, with how answers write times: in the request's own form (ISO with its offset, or Beijing text).

    "接口返回支持两种时间格式(与接口请求传递的时间格式一致)" (https://cloud.tencent.com/document/api/267/43426).
    """
    if "T" in text:
        moment = parse_iso_utc(text)
        if moment is not None:
            stripped = text.strip()
            if stripped.endswith(("Z", "z")):
                return moment, iso_utc
            offset = datetime.fromisoformat(stripped).utcoffset()
            if offset is None:  # no offset: UTC, written back without one
                return moment, lambda at: at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
            zone = timezone(offset)
            return moment, lambda at: at.astimezone(zone).isoformat(timespec="seconds")
    else:
        moment = parse_beijing(text)
        if moment is not None:
            return moment, beijing_text
    raise fail(
        "InvalidParameterValue",
        f"{field} {text!r} is not a time: use YYYY-MM-DDThh:mm:ssZ (UTC, or another ISO 8601 offset) "
        "or YYYY-MM-DD hh:mm:ss (Beijing time).",
    )


def describe_bill_bandwidth_and_flux_list(
    ctx: Context, req: DescribeBillBandwidthAndFluxListRequest
) -> DescribeBillBandwidthAndFluxListResponse:
    """DescribeBillBandwidthAndFluxList (https://cloud.tencent.com/document/api/267/43426) from RecordTraffic samples.

    Flux and SumFlux in MB (bytes / 1e6), Bandwidth in Mbps. Spans: at most 31 days, and at most
    one day at the default 5-minute granularity ("5：5分钟粒度，（跨度不支持超过1天）").
    """
    start, stamp_text = _bill_time("StartTime", req.StartTime)
    end, _ = _bill_time("EndTime", req.EndTime)
    if end < start or end - start > _MAX_BILL_SPAN:
        raise fail(
            "InvalidParameterValue",
            f"EndTime {req.EndTime!r} must not be before StartTime {req.StartTime!r}, and the span may be at most 31 days.",
        )
    if (req.Granularity or 5) == 5 and end - start > _MAX_FIVE_MINUTE_SPAN:
        raise fail(
            "InvalidParameterValue",
            f"StartTime {req.StartTime!r} to EndTime {req.EndTime!r} spans more than one day, which the 5-minute "
            "granularity does not support; query at most one day, or use Granularity 60 or 1440.",
        )
    minutes = req.Granularity or 5
    bucket_seconds = minutes * 60
    # Day buckets start at Beijing midnight; 5/60-minute buckets align the same in UTC and UTC+8.
    align = BEIJING.utcoffset(None).total_seconds() if minutes == 1440 else 0.0
    first = math.floor((start.timestamp() + align) / bucket_seconds) * bucket_seconds - align
    samples = _traffic(ctx.db, ctx.account_id, req.PlayDomains, start, end)
    counted = req.MainlandOrOversea != "Oversea" and req.ServiceName != "LEB"  # samples are mainland LVB traffic
    bytes_by_bucket: dict[int, int] = {}
    for at, amount in samples if counted else []:
        index = int((at - first) // bucket_seconds)
        bytes_by_bucket[index] = bytes_by_bucket.get(index, 0) + amount
    count = int((end.timestamp() - first) // bucket_seconds) + 1

    def stamp(index: int) -> str:
        return stamp_text(from_unix(first + index * bucket_seconds))

    points = [
        BillDataInfo(
            Time=stamp(i),
            Bandwidth=round(bytes_by_bucket.get(i, 0) * 8 / 1_000_000 / bucket_seconds, 6),
            Flux=bytes_by_bucket.get(i, 0) / _BYTES_PER_MB,
            PeakTime=stamp(i),
        )
        for i in range(count)
    ]
    peak = max(points, key=lambda p: p.Bandwidth)
    ranked = sorted(points, key=lambda p: p.Bandwidth)
    p95 = ranked[max(0, math.ceil(len(ranked) * 0.95) - 1)]
    return DescribeBillBandwidthAndFluxListResponse(
        PeakBandwidthTime=peak.Time,
        PeakBandwidth=peak.Bandwidth,
        P95PeakBandwidthTime=p95.Time,
        P95PeakBandwidth=p95.Bandwidth,
        SumFlux=sum(bytes_by_bucket.values()) / _BYTES_PER_MB,
        DataInfoList=points,
    )


def _traffic(
    db: sqlite3.Connection, account_id: int, domains: list[str] | None, start: datetime, end: datetime
) -> list[tuple[float, int]]:
    query = "SELECT at, bytes FROM traffic WHERE account_id = ? AND at >= ? AND at <= ?"
    params: list[object] = [account_id, start.timestamp(), end.timestamp()]
    if domains:  # an empty list, like no list, means every domain
        names = [d.strip().lower() for d in domains]
        query += f" AND domain IN ({', '.join('?' for _ in names)})"
        params.extend(names)
    return [(float(at), int(amount)) for at, amount in db.execute(query, params).fetchall()]


LIVE_HANDLERS: dict[str, Handler] = {
    "AddLiveDomain": add_live_domain,
    "AuthenticateDomainOwner": authenticate_domain_owner,
    "DeleteLiveDomain": delete_live_domain,
    "DescribeLiveDomain": describe_live_domain,
    "DescribeLiveDomains": describe_live_domains,
    "EnableLiveDomain": enable_live_domain,
    "ForbidLiveDomain": forbid_live_domain,
    "ModifyLivePlayDomain": modify_live_play_domain,
    "DescribeBillBandwidthAndFluxList": describe_bill_bandwidth_and_flux_list,
    **STREAMING_HANDLERS,
    **PROCESSING_HANDLERS,
}
