"""DNSPod (``dnspod`` 2021-03-23) in the emulator: zones and records, per docs/design.md#dnspod-records.

The zones are also what the live handlers consult for ``BCName``/``CurrentCName`` and for
``dnsCheck`` ownership verification, so a CNAME written here is what the live domain "sees".
"""

from __future__ import annotations

import ipaddress
import re
import sqlite3
from dataclasses import dataclass

from ..cloud.dnspod import (
    DEFAULT_LINE,
    CreateDomainRequest,
    CreateDomainResponse,
    CreateRecordRequest,
    CreateRecordResponse,
    DeleteRecordRequest,
    DeleteRecordResponse,
    DescribeDomainListRequest,
    DescribeDomainListResponse,
    DescribeDomainRequest,
    DescribeDomainResponse,
    DescribeRecordListRequest,
    DescribeRecordListResponse,
    DescribeRecordRequest,
    DescribeRecordResponse,
    DomainCountInfo,
    DomainCreateInfo,
    DomainInfo,
    DomainListItem,
    ModifyRecordRequest,
    ModifyRecordResponse,
    RecordCountInfo,
    RecordInfo,
    RecordListItem,
    TagItem,
)
from .clock import beijing_text, from_unix
from .context import Context, Handler, fail

__all__ = ["DNSPOD_HANDLERS", "NAMESERVERS", "current_cname", "txt_values"]

NAMESERVERS = ("ns1.emulator.tclive.invalid", "ns2.emulator.tclive.invalid")
_DEFAULT_NS_TTL = 86400
_DEFAULT_TTL = 600  # docs/design.md#dnspod-records (TF's default, DNSPod's free-plan minimum)
_MAX_VALUE_LENGTH = 512
# DescribeDomainList "Limit ... 默认值为3000" (https://cloud.tencent.com/document/api/1427/56172).
_DEFAULT_LIST_LIMIT = 3000
# Every emulated zone is on DNSPod's free plan, in the default group, neither shared, starred, paused nor VIP.
_GRADE, _GRADE_TITLE, _GRADE_LEVEL = "DP_Free", "免费版", 2
_DEFAULT_GROUP_ID = 1
# Type values that select zones the emulator never has (shared, starred, paused, VIP); the rest list every zone.
_EMPTY_LIST_TYPES = frozenset({"SHARE", "ISMARK", "PAUSE", "VIP", "SHARE_OUT"})

# A few of DNSPod's line names and their ids; "默认" (id "0") is the one every record needs.
_LINES = {DEFAULT_LINE: "0", "电信": "10=0", "联通": "10=1", "教育网": "10=2", "移动": "10=3", "境外": "3=0"}
_LINE_NAMES = {line_id: name for name, line_id in _LINES.items()}
_RECORD_TYPES = ("A", "AAAA", "CNAME", "MX", "TXT", "NS", "CAA", "SRV", "SPF")
_HOSTNAME_TYPES = ("CNAME", "NS", "MX")
_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")
_SORT_COLUMNS = {
    "name": "host",
    "line": "line",
    "type": "type",
    "value": "value",
    "weight": "weight",
    "mx": "mx",
    "ttl": "ttl",
    "updated_on": "updated",
}


@dataclass(frozen=True)
class _Zone:
    id: int
    name: str
    punycode: str
    created: float


@dataclass(frozen=True)
class _Record:
    id: int
    zone_id: int
    host: str
    type: str
    line: str
    line_id: str
    value: str
    mx: int
    ttl: int
    weight: int | None
    status: str
    remark: str
    default_ns: bool
    updated: float

    def describe(self) -> str:
        return f"{self.type} {self.value}"


_RECORD_COLUMNS = "id, zone_id, host, type, line, line_id, value, mx, ttl, weight, status, remark, default_ns, updated"


def _record(row: tuple[object, ...]) -> _Record:
    (rid, zone_id, host, rtype, line, line_id, value, mx, ttl, weight, status, remark, default_ns, updated) = row
    return _Record(
        int(str(rid)),
        int(str(zone_id)),
        str(host),
        str(rtype),
        str(line),
        str(line_id),
        str(value),
        int(str(mx)),
        int(str(ttl)),
        None if weight is None else int(str(weight)),
        str(status),
        str(remark),
        bool(default_ns),
        float(str(updated)),
    )


def _is_hostname(name: str, *, min_labels: int) -> bool:
    labels = name.split(".")
    return len(labels) >= min_labels and len(name) <= 253 and all(_LABEL.match(label) for label in labels)


def _punycode(name: str) -> str | None:
    """The A-label form of a zone name, or ``None`` when it is not a valid domain."""
    name = name.strip().rstrip(".").lower()
    try:
        ascii_name = name.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    return ascii_name if _is_hostname(ascii_name, min_labels=2) else None


def _same_value(a: str, b: str) -> bool:
    """DNSPod compares values case-insensitively and ignoring a trailing dot (docs/design.md#dnspod-records)."""
    return a.rstrip(".").lower() == b.rstrip(".").lower()


def _zone_by_request(ctx: Context, domain: str, domain_id: int | None) -> _Zone:
    if domain_id is not None:
        row = ctx.db.execute(
            "SELECT id, name, punycode, created FROM zones WHERE account_id = ? AND id = ?", (ctx.account_id, domain_id)
        ).fetchone()
        shown = f"id {domain_id}"
    else:
        key = _punycode(domain) or domain.strip().rstrip(".").lower()
        row = ctx.db.execute(
            "SELECT id, name, punycode, created FROM zones WHERE account_id = ? AND punycode = ?", (ctx.account_id, key)
        ).fetchone()
        shown = repr(domain)
    if row is None:
        raise fail(
            "InvalidParameterValue.DomainNotExists",
            f"The domain {shown} is not in this account's DNSPod. Add it with CreateDomain first, or check the spelling.",
        )
    return _Zone(int(row[0]), str(row[1]), str(row[2]), float(row[3]))


def _records_at(db: sqlite3.Connection, zone_id: int, host: str) -> list[_Record]:
    rows = db.execute(
        f"SELECT {_RECORD_COLUMNS} FROM records WHERE zone_id = ? AND host = ? ORDER BY id", (zone_id, host)
    ).fetchall()
    return [_record(row) for row in rows]


def _record_by_id(ctx: Context, zone: _Zone, record_id: int) -> _Record:
    row = ctx.db.execute(
        f"SELECT {_RECORD_COLUMNS} FROM records WHERE zone_id = ? AND id = ?", (zone.id, record_id)
    ).fetchone()
    if row is None:
        raise fail(
            "InvalidParameter.RecordIdInvalid",
            f"Record {record_id} does not exist in {zone.name}. List the zone's records with DescribeRecordList.",
        )
    return _record(row)


@dataclass(frozen=True)
class _RecordData:
    host: str
    type: str
    line: str
    line_id: str
    value: str
    mx: int
    ttl: int
    weight: int | None
    status: str


def _record_data(request: CreateRecordRequest | ModifyRecordRequest) -> _RecordData:
    host = (request.SubDomain if request.SubDomain is not None else "@").strip().lower() or "@"
    if host != "@":
        labels = host.split(".")
        wildcard_ok = all(label != "*" for label in labels[1:])
        plain = [label for label in labels if label != "*"]
        if not wildcard_ok or not all(_LABEL.match(label) for label in plain):
            raise fail(
                "InvalidParameter.SubdomainInvalid",
                f"SubDomain {request.SubDomain!r} is not a valid host: use '@', '*', or labels of letters, digits, '-' and '_'.",
            )
    rtype = request.RecordType.strip().upper()
    if rtype not in _RECORD_TYPES:
        raise fail(
            "InvalidParameter.RecordTypeInvalid",
            f"RecordType {request.RecordType!r} is not supported; use one of {', '.join(_RECORD_TYPES)}.",
        )
    if request.RecordLineId is not None:
        if request.RecordLineId not in _LINE_NAMES:
            raise fail(
                "InvalidParameter.RecordLineInvalid", f"RecordLineId {request.RecordLineId!r} is not a known line."
            )
        line, line_id = _LINE_NAMES[request.RecordLineId], request.RecordLineId
    else:
        if request.RecordLine not in _LINES:
            raise fail(
                "InvalidParameter.RecordLineInvalid",
                f"RecordLine {request.RecordLine!r} is not a known line; use {DEFAULT_LINE!r} for the default line.",
            )
        line, line_id = request.RecordLine, _LINES[request.RecordLine]
    value = _record_value(rtype, request.Value)
    mx = 0
    if rtype == "MX":
        if request.MX is None:
            raise fail("MissingParameter", "MX (the priority, 1-50) is required for MX records.")
        mx = request.MX
    return _RecordData(
        host=host,
        type=rtype,
        line=line,
        line_id=line_id,
        value=value,
        mx=mx,
        ttl=request.TTL if request.TTL is not None else _DEFAULT_TTL,
        weight=request.Weight,
        status=request.Status or "ENABLE",
    )


def _record_value(rtype: str, raw: str) -> str:
    value = raw.strip()
    if not value:
        raise fail("InvalidParameter.RecordValueInvalid", f"The {rtype} record value is empty.")
    if len(value) > _MAX_VALUE_LENGTH:
        raise fail(
            "InvalidParameter.RecordValueLengthInvalid",
            f"The {rtype} record value is {len(value)} characters long; at most {_MAX_VALUE_LENGTH} are allowed.",
        )
    if rtype in ("A", "AAAA"):
        version = 4 if rtype == "A" else 6
        try:
            address = ipaddress.ip_address(value)
        except ValueError:
            address = None
        if address is None or address.version != version:
            raise fail(
                "InvalidParameter.RecordValueInvalid",
                f"{value!r} is not an IPv{version} address for an {rtype} record.",
            )
        return str(address)
    if rtype in _HOSTNAME_TYPES:
        host = value.rstrip(".").lower()
        if not _is_hostname(host, min_labels=2):
            raise fail("InvalidParameter.RecordValueInvalid", f"{raw!r} is not a host name for a {rtype} record.")
        return host + "."  # DNSPod stores host-name values fully qualified (docs/design.md#dnspod-records)
    return value


def _check_conflicts(zone: _Zone, data: _RecordData, existing: list[_Record]) -> None:
    """Refuse an identical record, a CNAME at the apex, and a CNAME beside other data on one host and line."""
    fqdn = zone.name if data.host == "@" else f"{data.host}.{zone.name}"
    same_line = [r for r in existing if r.line == data.line]
    for other in same_line:
        if other.type == data.type and _same_value(other.value, data.value):
            raise fail(
                "InvalidParameter.DomainRecordExist",
                f"The record already exists ({fqdn} {data.line} {other.describe()}, id {other.id}); there is no need to add it again.",
            )
    if data.type == "CNAME" and data.host == "@":
        raise fail(
            "InvalidParameter.CustomMessage",
            f"A CNAME record cannot be added at the zone apex of {zone.name} (@), where the zone's NS records live. "
            "Use a sub-domain.",
        )
    if data.type == "CNAME":
        others = [r for r in same_line if r.type != "CNAME" or not _same_value(r.value, data.value)]
    else:
        others = [r for r in same_line if r.type == "CNAME"]
    if others:
        listed = ", ".join(f"{r.describe()} (id {r.id})" for r in others)
        raise fail(
            "InvalidParameter.CustomMessage",
            f"A CNAME record cannot coexist with other records on the same host and line: {fqdn} (line {data.line}) "
            f"already has {listed}, so {data.type} {data.value} cannot be added. Delete or change the other record first.",
        )


def _refuse_default_ns(zone: _Zone, record: _Record) -> None:
    if record.default_ns:
        raise fail(
            "InvalidParameter.CustomMessage",
            f"Record {record.id} is one of {zone.name}'s default NS records, which DNSPod manages; it cannot be changed.",
        )


def create_domain(ctx: Context, req: CreateDomainRequest) -> CreateDomainResponse:
    """CreateDomain: add a zone with its two apex NS records."""
    punycode = _punycode(req.Domain)
    if punycode is None:
        raise fail(
            "InvalidParameter.DomainInvalid",
            f"{req.Domain!r} is not a valid domain; enter a main domain such as example.com.",
        )
    name = req.Domain.strip().rstrip(".").lower()
    if ctx.db.execute(
        "SELECT 1 FROM zones WHERE account_id = ? AND punycode = ?", (ctx.account_id, punycode)
    ).fetchone():
        raise fail("FailedOperation.DomainExists", f"The domain {name} is already in this account's DNSPod.")
    now = ctx.now.timestamp()
    zone_id = ctx.db.execute(
        "INSERT INTO zones (account_id, name, punycode, created) VALUES (?, ?, ?, ?)",
        (ctx.account_id, name, punycode, now),
    ).lastrowid
    assert zone_id is not None
    for tag in req.Tags or []:
        ctx.db.execute(
            "INSERT OR REPLACE INTO zone_tags (zone_id, tag_key, tag_value) VALUES (?, ?, ?)",
            (zone_id, tag.TagKey, tag.TagValue or ""),
        )
    for server in NAMESERVERS:
        ctx.db.execute(
            f"INSERT INTO records ({_RECORD_COLUMNS}) VALUES (NULL, ?, '@', 'NS', ?, '0', ?, 0, ?, NULL, 'ENABLE', '', 1, ?)",
            (zone_id, DEFAULT_LINE, server + ".", _DEFAULT_NS_TTL, now),
        )
    return CreateDomainResponse(
        DomainInfo=DomainCreateInfo(Id=zone_id, Domain=name, Punycode=punycode, GradeNsList=list(NAMESERVERS))
    )


def _owner(account_id: int) -> tuple[str, int]:
    """The account's ``Uin`` and its DNSPod ``Owner`` text (stable per account)."""
    uin = 100000000000 + account_id
    return f"qcloud_uin_{uin}@qcloud.com", uin


def _zone_tags(db: sqlite3.Connection, zone_id: int) -> list[TagItem]:
    rows = db.execute("SELECT tag_key, tag_value FROM zone_tags WHERE zone_id = ? ORDER BY tag_key", (zone_id,))
    return [TagItem(TagKey=str(key), TagValue=str(value)) for key, value in rows.fetchall()]


def _record_count(db: sqlite3.Connection, zone_id: int) -> int:
    return int(db.execute("SELECT COUNT(*) FROM records WHERE zone_id = ?", (zone_id,)).fetchone()[0])


def _zones(ctx: Context) -> list[_Zone]:
    rows = ctx.db.execute(
        "SELECT id, name, punycode, created FROM zones WHERE account_id = ? ORDER BY id", (ctx.account_id,)
    ).fetchall()
    return [_Zone(int(r[0]), str(r[1]), str(r[2]), float(r[3])) for r in rows]


def _tags_match(tags: list[TagItem], req: DescribeDomainListRequest) -> bool:
    """Every ``Tags`` filter must hold: the zone has the key, with one of the listed values if any are listed."""
    held = {tag.TagKey: tag.TagValue or "" for tag in tags}
    return all(f.TagKey in held and (not f.TagValue or held[f.TagKey] in f.TagValue) for f in req.Tags or [])


def describe_domain_list(ctx: Context, req: DescribeDomainListRequest) -> DescribeDomainListResponse:
    """DescribeDomainList (https://cloud.tencent.com/document/api/1427/56172): every documented field is returned.

    Filters: ``Keyword`` (substring of the name or punycode), ``Type``, ``GroupId`` and ``Tags``;
    ``Offset`` 0 and ``Limit`` 3000 by default, as documented.
    """
    zones = _zones(ctx)
    tags = {zone.id: _zone_tags(ctx.db, zone.id) for zone in zones}
    keyword = (req.Keyword or "").lower()
    matched = [
        zone
        for zone in zones
        if (keyword in zone.name or keyword in zone.punycode)
        and req.Type not in _EMPTY_LIST_TYPES
        and req.GroupId in (None, _DEFAULT_GROUP_ID)
        and _tags_match(tags[zone.id], req)
    ]
    offset = req.Offset or 0
    limit = req.Limit or _DEFAULT_LIST_LIMIT
    owner, _ = _owner(ctx.account_id)
    in_group = len(zones) if req.GroupId in (None, _DEFAULT_GROUP_ID) else 0
    return DescribeDomainListResponse(
        DomainCountInfo=DomainCountInfo(
            DomainTotal=len(matched),
            AllTotal=len(zones),
            MineTotal=len(zones),
            ShareTotal=0,
            VipTotal=0,
            PauseTotal=0,
            ErrorTotal=0,
            LockTotal=0,
            SpamTotal=0,
            VipExpire=0,
            ShareOutTotal=0,
            GroupTotal=in_group,
        ),
        DomainList=[
            DomainListItem(
                DomainId=zone.id,
                Name=zone.name,
                Status="ENABLE",
                TTL=_DEFAULT_TTL,
                CNAMESpeedup="DISABLE",
                DNSStatus="",
                Grade=_GRADE,
                GroupId=_DEFAULT_GROUP_ID,
                SearchEnginePush="NO",
                Remark="",
                Punycode=zone.punycode,
                EffectiveDNS=list(NAMESERVERS),
                GradeLevel=_GRADE_LEVEL,
                GradeTitle=_GRADE_TITLE,
                IsVip="NO",
                VipStartAt="",
                VipEndAt="",
                VipAutoRenew="DEFAULT",
                RecordCount=_record_count(ctx.db, zone.id),
                CreatedOn=beijing_text(from_unix(zone.created)),
                UpdatedOn=beijing_text(from_unix(zone.created)),
                Owner=owner,
                TagList=tags[zone.id],
            )
            for zone in matched[offset : offset + limit]
        ],
    )


def describe_domain(ctx: Context, req: DescribeDomainRequest) -> DescribeDomainResponse:
    """DescribeDomain (https://cloud.tencent.com/document/api/1427/56173): one zone, ``DomainId`` winning over ``Domain``."""
    zone = _zone_by_request(ctx, req.Domain, req.DomainId)
    owner, uin = _owner(ctx.account_id)
    created = beijing_text(from_unix(zone.created))
    return DescribeDomainResponse(
        DomainInfo=DomainInfo(
            DomainId=zone.id,
            Status="ENABLE",
            Grade=_GRADE,
            GroupId=_DEFAULT_GROUP_ID,
            IsMark="no",
            TTL=_DEFAULT_TTL,
            CnameSpeedup="DISABLE",
            Remark="",
            Punycode=zone.punycode,
            DnsStatus="",
            DnspodNsList=list(NAMESERVERS),
            Domain=zone.name,
            GradeLevel=_GRADE_LEVEL,
            UserId=ctx.account_id,
            IsVip="NO",
            Owner=owner,
            GradeTitle=_GRADE_TITLE,
            CreatedOn=created,
            UpdatedOn=created,
            Uin=str(uin),
            ActualNsList=list(NAMESERVERS),
            RecordCount=_record_count(ctx.db, zone.id),
            OwnerNick="",
            IsGracePeriod="NO",
            VipBuffered="NO",
            VipStartAt=None,
            VipEndAt=None,
            VipAutoRenew=None,
            VipResourceId=None,
            IsSubDomain=any(zone.punycode.endswith("." + other.punycode) for other in _zones(ctx)),
            TagList=_zone_tags(ctx.db, zone.id),
            SearchEnginePush="NO",
            SlaveDNS="NO",
            DNSStatus="",
            CNAMESpeedup="DISABLE",
        )
    )


def create_record(ctx: Context, req: CreateRecordRequest) -> CreateRecordResponse:
    """CreateRecord."""
    zone = _zone_by_request(ctx, req.Domain, req.DomainId)
    data = _record_data(req)
    _check_conflicts(zone, data, _records_at(ctx.db, zone.id, data.host))
    record_id = ctx.db.execute(
        f"INSERT INTO records ({_RECORD_COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
        (
            zone.id,
            data.host,
            data.type,
            data.line,
            data.line_id,
            data.value,
            data.mx,
            data.ttl,
            data.weight,
            data.status,
            req.Remark or "",
            ctx.now.timestamp(),
        ),
    ).lastrowid
    assert record_id is not None
    return CreateRecordResponse(RecordId=record_id)


def modify_record(ctx: Context, req: ModifyRecordRequest) -> ModifyRecordResponse:
    """ModifyRecord: unset optional fields take DNSPod's defaults (SubDomain ``@``, TTL 600, ENABLE)."""
    zone = _zone_by_request(ctx, req.Domain, req.DomainId)
    current = _record_by_id(ctx, zone, req.RecordId)
    _refuse_default_ns(zone, current)
    data = _record_data(req)
    existing = [r for r in _records_at(ctx.db, zone.id, data.host) if r.id != current.id]
    _check_conflicts(zone, data, existing)
    remark = current.remark if req.Remark is None else req.Remark
    ctx.db.execute(
        "UPDATE records SET host = ?, type = ?, line = ?, line_id = ?, value = ?, mx = ?, ttl = ?, weight = ?, "
        "status = ?, remark = ?, updated = ? WHERE id = ?",
        (
            data.host,
            data.type,
            data.line,
            data.line_id,
            data.value,
            data.mx,
            data.ttl,
            data.weight,
            data.status,
            remark,
            ctx.now.timestamp(),
            current.id,
        ),
    )
    return ModifyRecordResponse(RecordId=current.id)


def delete_record(ctx: Context, req: DeleteRecordRequest) -> DeleteRecordResponse:
    """DeleteRecord."""
    zone = _zone_by_request(ctx, req.Domain, req.DomainId)
    record = _record_by_id(ctx, zone, req.RecordId)
    _refuse_default_ns(zone, record)
    ctx.db.execute("DELETE FROM records WHERE id = ?", (record.id,))
    return DeleteRecordResponse()


def describe_record(ctx: Context, req: DescribeRecordRequest) -> DescribeRecordResponse:
    """DescribeRecord."""
    zone = _zone_by_request(ctx, req.Domain, req.DomainId)
    record = _record_by_id(ctx, zone, req.RecordId)
    return DescribeRecordResponse(
        RecordInfo=RecordInfo(
            Id=record.id,
            SubDomain=record.host,
            RecordType=record.type,
            RecordLine=record.line,
            RecordLineId=record.line_id,
            Value=record.value,
            Weight=record.weight,
            MX=record.mx,
            TTL=record.ttl,
            Enabled=1 if record.status == "ENABLE" else 0,
            Remark=record.remark,
            UpdatedOn=beijing_text(from_unix(record.updated)),
            DomainId=zone.id,
        )
    )


def describe_record_list(ctx: Context, req: DescribeRecordListRequest) -> DescribeRecordListResponse:
    """DescribeRecordList, including the two apex NS records (``DefaultNS``) as DNSPod lists them."""
    zone = _zone_by_request(ctx, req.Domain, req.DomainId)
    host_filter = req.SubDomain if req.SubDomain is not None else req.Subdomain
    clauses: list[str] = ["zone_id = ?"]
    params: list[object] = [zone.id]
    if host_filter:
        clauses.append("host = ?")
        params.append(host_filter.strip().lower())
    if req.RecordType:
        clauses.append("type = ?")
        params.append(req.RecordType.strip().upper())
    if req.RecordLineId is not None:
        clauses.append("line_id = ?")
        params.append(req.RecordLineId)
    elif req.RecordLine:
        clauses.append("line = ?")
        params.append(req.RecordLine)
    if req.Keyword:
        clauses.append("(instr(host, ?) > 0 OR instr(lower(value), ?) > 0)")
        params.extend([req.Keyword.lower(), req.Keyword.lower()])
    if req.SortField is not None and req.SortField not in _SORT_COLUMNS:
        raise fail(
            "InvalidParameter",
            f"SortField {req.SortField!r} is not supported; use one of {', '.join(_SORT_COLUMNS)}.",
        )
    direction = "DESC" if req.SortType == "DESC" else "ASC"
    order = f"{_SORT_COLUMNS[req.SortField]} {direction}, id" if req.SortField else "default_ns DESC, id"
    rows = ctx.db.execute(
        f"SELECT {_RECORD_COLUMNS} FROM records WHERE {' AND '.join(clauses)} ORDER BY {order}", params
    ).fetchall()
    records = [_record(row) for row in rows]
    if not records and req.ErrorOnEmpty != "no":
        raise fail("ResourceNotFound.NoDataOfRecord", f"No record in {zone.name} matches the query.")
    offset = req.Offset or 0
    page = records[offset : offset + (req.Limit or 100)]
    return DescribeRecordListResponse(
        RecordCountInfo=RecordCountInfo(SubdomainCount=len(records), ListCount=len(page), TotalCount=len(records)),
        RecordList=[
            RecordListItem(
                RecordId=r.id,
                Value=r.value,
                Status=r.status,
                UpdatedOn=beijing_text(from_unix(r.updated)),
                Name=r.host,
                Line=r.line,
                LineId=r.line_id,
                Type=r.type,
                Weight=r.weight,
                Remark=r.remark,
                TTL=r.ttl,
                MX=r.mx,
                # A bool on every record, false on ordinary ones (https://cloud.tencent.com/document/api/1427/56166 examples).
                DefaultNS=r.default_ns,
            )
            for r in page
        ],
    )


def _zone_of(db: sqlite3.Connection, account_id: int, fqdn: str) -> tuple[int, str] | None:
    """The deepest zone of the account containing ``fqdn`` and the host inside it (``@`` at the apex)."""
    name = fqdn.rstrip(".").lower()
    labels = name.split(".")
    for start in range(len(labels) - 1):
        candidate = ".".join(labels[start:])
        row = db.execute(
            "SELECT id FROM zones WHERE account_id = ? AND punycode = ?", (account_id, candidate)
        ).fetchone()
        if row is not None:
            return int(row[0]), ".".join(labels[:start]) or "@"
    return None


def current_cname(db: sqlite3.Connection, account_id: int, fqdn: str) -> str:
    """The enabled CNAME at ``fqdn`` in the account's zones (default line first), with its trailing dot; ``""`` if none."""
    found = _zone_of(db, account_id, fqdn)
    if found is None:
        return ""
    zone_id, host = found
    row = db.execute(
        "SELECT value FROM records WHERE zone_id = ? AND host = ? AND type = 'CNAME' AND status = 'ENABLE' "
        "ORDER BY line <> ?, id LIMIT 1",
        (zone_id, host, DEFAULT_LINE),
    ).fetchone()
    return "" if row is None else str(row[0])


def txt_values(db: sqlite3.Connection, account_id: int, fqdn: str) -> list[str]:
    """The enabled TXT values at ``fqdn`` in the account's zones, surrounding quotes removed."""
    found = _zone_of(db, account_id, fqdn)
    if found is None:
        return []
    zone_id, host = found
    rows = db.execute(
        "SELECT value FROM records WHERE zone_id = ? AND host = ? AND type = 'TXT' AND status = 'ENABLE'",
        (zone_id, host),
    ).fetchall()
    return [str(row[0]).strip().strip('"') for row in rows]


DNSPOD_HANDLERS: dict[str, Handler] = {
    "CreateDomain": create_domain,
    "DescribeDomain": describe_domain,
    "DescribeDomainList": describe_domain_list,
    "CreateRecord": create_record,
    "ModifyRecord": modify_record,
    "DeleteRecord": delete_record,
    "DescribeRecord": describe_record,
    "DescribeRecordList": describe_record_list,
}
