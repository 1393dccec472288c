"""CNAME (and TXT) records in DNSPod (Tencent Cloud DNS, or the emulator) through its API 3.0 record actions.

Only the default line (``默认``) is managed: records on other lines (split-horizon answers per
ISP or region) are neither read nor touched. DNSPod has no compare-and-swap, so ``update`` and
``delete`` are guarded by a fresh read of the record just before the write; the window between
the two calls is the only unguarded moment. DNSPod stores CNAME values with a trailing dot, so
values are compared in normal form.
"""

from __future__ import annotations

from ..cloud.client import TencentCloudClient
from ..cloud.dnspod import (
    CREATE_RECORD,
    DEFAULT_LINE,
    DELETE_RECORD,
    DESCRIBE_DOMAIN_LIST,
    DESCRIBE_RECORD,
    DESCRIBE_RECORD_LIST,
    MODIFY_RECORD,
    CreateRecordRequest,
    DeleteRecordRequest,
    DescribeDomainListRequest,
    DescribeRecordListRequest,
    DescribeRecordRequest,
    ModifyRecordRequest,
    RecordListItem,
)
from ..errors import DnsConflictError, DnsError, TencentCloudApiError
from .base import CnameState, check_cname_owner, check_ttl, normalise_name, refuse_foreign_data, relative_name

__all__ = ["DNSPOD_MAX_TTL", "DnspodBackend"]

DNSPOD_MAX_TTL = 604800
"""DNSPod accepts TTLs from 1 to 604800 s; the real minimum depends on the plan (600 on the free plan)."""

_PAGE = 100


class DnspodBackend:
    """Writes CNAMEs on DNSPod's default line with ``CreateRecord``/``ModifyRecord``/``DeleteRecord``.

    :param client: a client for Tencent Cloud or the emulator; the backend never closes it.
    """

    kind = "dnspod"

    def __init__(self, client: TencentCloudClient) -> None:
        self.client = client

    def __repr__(self) -> str:
        return "DnspodBackend()"

    def find_zone(self, fqdn: str) -> str:
        """The longest DNSPod zone in the account that ``fqdn`` is in or under.

        :param fqdn: the record name.
        """
        name = normalise_name(fqdn)
        zones: list[str] = []
        offset = 0
        while True:
            page = self.client.call(DESCRIBE_DOMAIN_LIST, DescribeDomainListRequest(Offset=offset, Limit=_PAGE))
            zones.extend(normalise_name(item.Punycode or item.Name) for item in page.DomainList)
            offset += len(page.DomainList)
            if len(page.DomainList) < _PAGE or offset >= page.DomainCountInfo.AllTotal:
                break
        matches = [zone for zone in zones if name == zone or name.endswith("." + zone)]
        if not matches:
            listed = ", ".join(sorted(zones)[:10]) or "none"
            raise DnsError(
                f"no DNSPod zone in this account contains {name} (zones: {listed}): add the zone to DNSPod "
                "(console or CreateDomain) or pass zone= explicitly"
            )
        return max(matches, key=len)

    def read(self, fqdn: str, zone: str) -> CnameState:
        """The default-line CNAME at ``fqdn`` and the other record types there.

        :param fqdn: the record name.
        :param zone: its DNSPod zone.
        """
        name, origin = normalise_name(fqdn), normalise_name(zone)
        return _state(name, origin, self._records(name, origin))

    def ensure(self, fqdn: str, zone: str, target: str, ttl: int, *, overwrite: bool) -> CnameState:
        """Make ``fqdn`` a CNAME to ``target`` (see :class:`~pulumi_tclive.dns.base.CnameBackend`).

        With ``overwrite``, an existing CNAME is modified in place and other records at the name
        are deleted before the CNAME is created.

        :param fqdn: the record name.
        :param zone: its DNSPod zone.
        :param target: the CNAME target.
        :param ttl: seconds (1-604800; DNSPod enforces the plan's minimum).
        :param overwrite: replace a different CNAME or other records instead of refusing.
        """
        name, origin, want = normalise_name(fqdn), normalise_name(zone), normalise_name(target)
        check_cname_owner(name, origin)
        check_ttl(ttl, low=1, high=DNSPOD_MAX_TTL, backend="DNSPod")
        for _ in range(2):
            records = self._records(name, origin)
            cnames = [r for r in records if r.Type == "CNAME"]
            others = [r for r in records if r.Type != "CNAME"]
            if cnames and normalise_name(cnames[0].Value) == want and not others:
                record = cnames[0]
                if ttl != record.TTL or record.Status != "ENABLE":
                    self._modify(name, origin, record.RecordId, want, ttl)
                return self._read_back(name, origin, record.RecordId, want, ttl)
            if (cnames or others) and not overwrite:
                raise DnsConflictError(
                    f"{name} already holds {_describe(records)} in DNSPod zone {origin}, which this resource did not "
                    f"create: a CNAME to {want} would clobber it. Remove it, point the resource at another name, or "
                    "set overwrite=True to replace it."
                )
            for record in others:
                self._delete_record(origin, record.RecordId)
            if cnames:
                self._modify(name, origin, cnames[0].RecordId, want, ttl)
                return self._read_back(name, origin, cnames[0].RecordId, want, ttl)
            record_id = self._create(name, origin, want, ttl)
            if record_id is not None:
                return self._read_back(name, origin, record_id, want, ttl)
        raise DnsConflictError(
            f"{name} in DNSPod zone {origin} keeps being created by someone else while this resource creates it: "
            "find out who else manages it, then run `pulumi up` again."
        )

    def prove_writable(self, fqdn: str, zone: str | None, *, overwrite: bool) -> str | None:
        """The zone exists in the DNSPod account and nothing else is at ``fqdn`` (unless ``overwrite``).

        :param fqdn: the record name.
        :param zone: its DNSPod zone; found in the account's zone list when ``None``.
        :param overwrite: a record already at the name may be replaced.
        """
        name = normalise_name(fqdn)
        origin = normalise_name(zone) if zone else self.find_zone(name)
        check_cname_owner(name, origin)
        try:
            records = self._records(name, origin)
        except TencentCloudApiError as exc:
            if exc.matches("InvalidParameterValue.DomainNotExists", "ResourceNotFound.NoDataOfDomain"):
                raise DnsError(
                    f"DNSPod zone {origin} does not exist in this account ({exc.code}): add the zone to DNSPod "
                    "(console or CreateDomain), or pass the zone that holds the name"
                ) from None
            raise
        refuse_foreign_data(_state(name, origin, records), f"DNSPod zone {origin}", overwrite=overwrite)
        return origin

    def update(self, current: CnameState, target: str, ttl: int) -> CnameState:
        """Point the CNAME at ``target`` with ``ttl`` if a fresh read still shows ``current.target``.

        :param current: the state last read or written.
        :param target: the new target.
        :param ttl: the new TTL.
        """
        want = normalise_name(target)
        check_ttl(ttl, low=1, high=DNSPOD_MAX_TTL, backend="DNSPod")
        fresh = self.read(current.fqdn, current.zone)
        if fresh.target == want and fresh.target != current.target:
            # Our own earlier write (its answer lost, or the run failed after it): finish, don't refuse.
            record_id = int(fresh.record_id)
            if fresh.ttl != ttl:
                self._modify(current.fqdn, current.zone, record_id, want, ttl)
            return self._read_back(current.fqdn, current.zone, record_id, want, ttl)
        if fresh.target is None or fresh.target != current.target:
            found = f"a CNAME to {fresh.target}" if fresh.target else "no CNAME"
            raise DnsConflictError(
                f"{current.fqdn} changed in DNSPod zone {current.zone} since it was last read: expected a CNAME to "
                f"{current.target}, found {found}. Run `pulumi refresh` to pick up the change, then apply again."
            )
        record_id = int(fresh.record_id)
        self._modify(current.fqdn, current.zone, record_id, want, ttl)
        return self._read_back(current.fqdn, current.zone, record_id, want, ttl)

    def delete(self, current: CnameState) -> bool:
        """Delete the CNAME if a fresh read still shows it pointing at ``current.target``.

        :param current: the state last read or written.
        """
        if current.target is None:
            return False
        fresh = self.read(current.fqdn, current.zone)
        if fresh.target != current.target:
            return False
        return self._delete_record(current.zone, int(fresh.record_id))

    def ensure_txt(self, fqdn: str, zone: str, value: str, ttl: int) -> None:
        """Add the default-line TXT ``value`` at ``fqdn`` unless it is there; other TXT values stay untouched.

        An existing identical value only gets its TTL set. A CNAME at the name is refused
        (:class:`DnsConflictError`). The record is read back by id.

        :param fqdn: the record name.
        :param zone: its DNSPod zone.
        :param value: the TXT text, unquoted.
        :param ttl: seconds (1-604800; DNSPod enforces the plan's minimum).
        """
        name, origin = normalise_name(fqdn), normalise_name(zone)
        check_ttl(ttl, low=1, high=DNSPOD_MAX_TTL, backend="DNSPod")
        sub = relative_name(name, origin)
        for _ in range(2):
            records = self._records(name, origin)
            cnames = [r for r in records if r.Type == "CNAME"]
            if cnames:
                raise DnsConflictError(
                    f"{name} holds {_describe(cnames)} in DNSPod zone {origin}: a TXT record cannot sit next to a "
                    f"CNAME. Remove the CNAME, or pass txt_host= the name Tencent Cloud expects the TXT record at."
                )
            same = [r for r in records if r.Type == "TXT" and _txt_text(r.Value) == value]
            if same:
                record_id = same[0].RecordId
                if ttl != same[0].TTL or same[0].Status != "ENABLE":
                    request = ModifyRecordRequest(
                        Domain=origin,
                        RecordId=record_id,
                        SubDomain=sub,
                        RecordType="TXT",
                        RecordLine=DEFAULT_LINE,
                        Value=value,
                        TTL=ttl,
                        Status="ENABLE",
                    )
                    self.client.call(MODIFY_RECORD, request)
                self._read_back_txt(name, origin, record_id, value, ttl)
                return
            create = CreateRecordRequest(
                Domain=origin, SubDomain=sub, RecordType="TXT", RecordLine=DEFAULT_LINE, Value=value, TTL=ttl
            )
            try:
                record_id = self.client.call(CREATE_RECORD, create).RecordId
            except TencentCloudApiError as exc:
                if exc.matches("InvalidParameter.DomainRecordExist"):
                    continue  # created meanwhile (our own lost answer, or someone else): adopt it
                raise
            self._read_back_txt(name, origin, record_id, value, ttl)
            return
        raise DnsConflictError(
            f"the TXT record {name} = {value!r} in DNSPod zone {origin} is reported to exist but cannot be read: "
            "check the record in the DNSPod console, then run `pulumi up` again."
        )

    def delete_txt(self, fqdn: str, zone: str, value: str) -> bool:
        """Delete the default-line TXT records at ``fqdn`` whose text is ``value``; other values stay.

        :param fqdn: the record name.
        :param zone: its DNSPod zone.
        :param value: the TXT text, unquoted.
        """
        name, origin = normalise_name(fqdn), normalise_name(zone)
        same = [r for r in self._records(name, origin) if r.Type == "TXT" and _txt_text(r.Value) == value]
        deleted = [self._delete_record(origin, r.RecordId) for r in same]
        return any(deleted)

    def _read_back_txt(self, name: str, origin: str, record_id: int, value: str, ttl: int) -> None:
        info = self.client.call(DESCRIBE_RECORD, DescribeRecordRequest(Domain=origin, RecordId=record_id)).RecordInfo
        if info.RecordType != "TXT" or _txt_text(info.Value) != value or ttl != info.TTL:
            raise DnsError(
                f"DNSPod record {record_id} for {name} in zone {origin} reads back as {info.RecordType} {info.Value} "
                f"(TTL {info.TTL}) instead of TXT {value!r} (TTL {ttl}): check the record in the DNSPod console"
            )

    def _records(self, name: str, origin: str) -> list[RecordListItem]:
        sub = relative_name(name, origin)
        request = DescribeRecordListRequest(Domain=origin, SubDomain=sub, ErrorOnEmpty="no", Limit=3000)
        try:
            response = self.client.call(DESCRIBE_RECORD_LIST, request)
        except TencentCloudApiError as exc:
            if exc.matches("ResourceNotFound.NoDataOfRecord"):
                return []
            raise
        return [
            r
            for r in response.RecordList
            if r.Name.lower() == sub.lower() and not r.DefaultNS and (r.Line == DEFAULT_LINE or r.LineId == "0")
        ]

    def _create(self, name: str, origin: str, target: str, ttl: int) -> int | None:
        """Create the CNAME; ``None`` when DNSPod says it appeared meanwhile (created by someone else)."""
        request = CreateRecordRequest(
            Domain=origin,
            SubDomain=relative_name(name, origin),
            RecordType="CNAME",
            RecordLine=DEFAULT_LINE,
            Value=target + ".",
            TTL=ttl,
        )
        try:
            return self.client.call(CREATE_RECORD, request).RecordId
        except TencentCloudApiError as exc:
            if exc.matches("InvalidParameter.DomainRecordExist"):
                return None
            raise

    def _modify(self, name: str, origin: str, record_id: int, target: str, ttl: int) -> None:
        request = ModifyRecordRequest(
            Domain=origin,
            RecordId=record_id,
            SubDomain=relative_name(name, origin),
            RecordType="CNAME",
            RecordLine=DEFAULT_LINE,
            Value=target + ".",
            TTL=ttl,
            Status="ENABLE",
        )
        self.client.call(MODIFY_RECORD, request)

    def _delete_record(self, origin: str, record_id: int) -> bool:
        try:
            self.client.call(DELETE_RECORD, DeleteRecordRequest(Domain=origin, RecordId=record_id))
        except TencentCloudApiError as exc:
            if exc.matches("InvalidParameter.RecordIdInvalid"):
                # Gone: by someone else on the first attempt, by our own lost-answer attempt on a retry.
                return exc.attempts > 1
            raise
        return True

    def _read_back(self, name: str, origin: str, record_id: int, target: str, ttl: int) -> CnameState:
        # By id: DescribeRecordList can lag behind a write by up to ~30 s (docs/design.md#dnspod-records).
        info = self.client.call(DESCRIBE_RECORD, DescribeRecordRequest(Domain=origin, RecordId=record_id)).RecordInfo
        if info.RecordType != "CNAME" or normalise_name(info.Value) != target or ttl != info.TTL:
            raise DnsError(
                f"DNSPod record {record_id} for {name} in zone {origin} reads back as {info.RecordType} {info.Value} "
                f"(TTL {info.TTL}) instead of CNAME {target} (TTL {ttl}): check the record in the DNSPod console"
            )
        return CnameState(name, origin, target, info.TTL, (), str(record_id))


def _state(name: str, origin: str, records: list[RecordListItem]) -> CnameState:
    cnames = [r for r in records if r.Type == "CNAME"]
    others = tuple(sorted({r.Type for r in records if r.Type != "CNAME"}))
    if not cnames:
        return CnameState(name, origin, None, None, others, "")
    record = cnames[0]
    return CnameState(name, origin, normalise_name(record.Value), record.TTL, others, str(record.RecordId))


def _txt_text(value: str) -> str:
    """A TXT value as DNSPod reports it, without the surrounding quotes it may add."""
    text = value.strip()
    return text[1:-1] if len(text) >= 2 and text.startswith('"') and text.endswith('"') else text


def _describe(records: list[RecordListItem]) -> str:
    return ", ".join(f"{r.Type} {r.Value} (RecordId {r.RecordId})" for r in records)
