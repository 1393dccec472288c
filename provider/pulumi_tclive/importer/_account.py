"""Reading an account for ``tclive import``: live domains, their CNAME records, plugin licences.

Every call here is a read (``Describe*`` actions, DNS queries); a test proves the emulator's request
log holds nothing else after an import. What is found becomes an :class:`Account`, which
:mod:`._render` turns into a program.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from .. import rules
from ..cloud.client import TencentCloudClient
from ..cloud.dnspod import (
    DEFAULT_LINE,
    DESCRIBE_DOMAIN_LIST,
    DESCRIBE_RECORD_LIST,
    DescribeDomainListRequest,
    DescribeRecordListRequest,
    RecordListItem,
)
from ..cloud.live import (
    DomainInfo,
    describe_live_domain,
    list_live_domains,
)
from ..dns.base import Nameserver, normalise_name
from ..dns.manual import ManualBackend
from ..emulator.console_api import DESCRIBE_PLUGIN_LICENSES, DescribePluginLicensesRequest
from ..errors import ConfigurationError, DnsError
from ._names import unicode_form
from ._processing import Processing, read_processing
from ._security import Security, read_security

__all__ = ["Account", "FoundDomain", "FoundLicence", "FoundRecord", "read_account"]

Progress = Callable[[str], None]

_PAGE = 100
_RECORD_PAGE = 3000
_PLAY_REGIONS = {1: "mainland", 2: "global", 3: "overseas"}


@dataclass(frozen=True)
class FoundRecord:
    """A CNAME that points a live domain at its target: where it lives and how to manage it.

    ``dns`` is the backend the generated ``CnameRecord`` uses: ``dnspod`` for a record found in
    DNSPod, ``manual`` for one found by querying ``--nameserver`` (its DNS is elsewhere).
    """

    zone: str
    ttl: int
    dns: Literal["dnspod", "manual"]


@dataclass(frozen=True)
class FoundDomain:
    """One live domain as the account holds it, in the resource's terms.

    ``notes`` are what the generated program flags next to the domain (no CNAME yet, a CNAME
    pointing elsewhere…); ``record`` is ``None`` when no CNAME to ``cname_target`` was found;
    ``security`` holds its authentication, certificate and referer settings.
    """

    name: str
    domain_type: Literal["push", "play"]
    scene: Literal["standard", "mini_program"]
    slow_live: bool
    enabled: bool
    play_region: str | None
    cname_target: str
    record: FoundRecord | None
    notes: tuple[str, ...] = ()
    security: Security = field(default_factory=Security)

    @property
    def is_mini_program_play(self) -> bool:
        """Never deletable once added (R8): emitted protected."""
        return self.domain_type == "play" and self.scene == "mini_program"


@dataclass(frozen=True)
class FoundLicence:
    """A plugin licence application as the emulator's licence console reports it."""

    app_id: str
    name: str
    subject_type: str
    scene: str
    service_categories: tuple[str, ...]
    status: str


@dataclass(frozen=True)
class Account:
    """Everything an import found, and what it left out.

    ``licences`` is ``None`` on real Tencent Cloud, which has no licence API; ``left_out`` lists,
    one sentence each, what exists but is not in the program, and why.
    """

    source: str
    backend: Literal["cloud", "embedded", "emulator"]
    domains: tuple[FoundDomain, ...]
    licences: tuple[FoundLicence, ...] | None
    zones: tuple[str, ...]
    nameservers: tuple[Nameserver, ...] = ()
    left_out: tuple[str, ...] = ()
    processing: Processing = field(default_factory=Processing)


def _list_zones(client: TencentCloudClient) -> list[str]:
    zones: list[str] = []
    offset = 0
    while True:
        page = client.call(DESCRIBE_DOMAIN_LIST, DescribeDomainListRequest(Offset=offset, Limit=_PAGE))
        zones += [normalise_name(item.Punycode or item.Name) for item in page.DomainList]
        offset += len(page.DomainList)
        if len(page.DomainList) < _PAGE or offset >= page.DomainCountInfo.AllTotal:
            return sorted(zones)


def _list_records(client: TencentCloudClient, zone: str) -> list[RecordListItem]:
    records: list[RecordListItem] = []
    while True:
        request = DescribeRecordListRequest(Domain=zone, Offset=len(records), Limit=_RECORD_PAGE, ErrorOnEmpty="no")
        page = client.call(DESCRIBE_RECORD_LIST, request)
        records += page.RecordList
        if not page.RecordList or len(records) >= page.RecordCountInfo.TotalCount:
            return [r for r in records if not r.DefaultNS]


def _fqdn(record: RecordListItem, zone: str) -> str:
    host = record.Name.strip().rstrip(".").lower()
    return zone if host in ("@", "") else normalise_name(f"{host}.{zone}")


def _zone_of(name: str, zones: Sequence[str]) -> str | None:
    matches = [zone for zone in zones if name == zone or name.endswith("." + zone)]
    return max(matches, key=len) if matches else None


def _is_default_line(record: RecordListItem) -> bool:
    return record.Line == DEFAULT_LINE or record.LineId == "0"


def _base(info: DomainInfo) -> FoundDomain:
    play = info.Type == 1
    return FoundDomain(
        name=info.Name,
        domain_type="play" if play else "push",
        scene="mini_program" if info.IsMiniProgramLive == 1 else "standard",
        slow_live=info.IsDelayLive == 1,
        enabled=info.Status == 1,
        play_region=_PLAY_REGIONS.get(info.PlayType, "mainland") if play else None,
        cname_target=normalise_name(info.TargetDomain),
        record=None,
    )


def _record_line(name: str, target: str) -> str:
    return f"{name}. IN CNAME {target}."


def _from_dnspod(
    base: FoundDomain, zone: str | None, records: Sequence[RecordListItem], why_no_zone: str
) -> tuple[FoundRecord | None, list[str]]:
    """The DNSPod record of one domain (default line only, as ``CnameRecord(dns="dnspod")`` manages)."""
    want = _record_line(base.name, base.cname_target)
    if zone is None:
        return None, [f"no CNAME found: {why_no_zone}. Add `{want}` where its DNS is hosted if it is missing."]
    if base.name == zone:
        return None, [f"{base.name} is the apex of DNSPod zone {zone}, where no CNAME can exist."]
    here = [r for r in records if _fqdn(r, zone) == base.name]
    default = [r for r in here if _is_default_line(r)]
    notes = []
    if len(here) > len(default):
        lines = sorted({r.Line for r in here if not _is_default_line(r)})
        notes.append(
            f"records on DNSPod lines other than {DEFAULT_LINE} ({', '.join(lines)}) are left alone: "
            "CnameRecord manages the default line only."
        )
    cnames = [r for r in default if r.Type == "CNAME"]
    others = sorted({r.Type for r in default if r.Type != "CNAME"})
    if not cnames:
        held = f" (the name holds {', '.join(others)})" if others else ""
        return None, [*notes, f"no CNAME yet in DNSPod zone {zone}{held}: add `{want}`."]
    record = cnames[0]
    value = normalise_name(record.Value)
    if value != base.cname_target:
        return None, [
            *notes,
            f"its CNAME in DNSPod zone {zone} points at {value}, not at its target {base.cname_target}, "
            "so Tencent Cloud does not serve it: point the record at the target, then import again.",
        ]
    if record.Status != "ENABLE":
        return None, [
            *notes,
            f"its CNAME in DNSPod zone {zone} is paused (status {record.Status}); CnameRecord would enable it, "
            "so it is not imported: enable it in DNSPod, then import again.",
        ]
    if others:
        return None, [
            *notes,
            f"DNSPod zone {zone} holds {', '.join(others)} next to its CNAME, which CnameRecord refuses to "
            "adopt: remove the other records, then import again.",
        ]
    return FoundRecord(zone=zone, ttl=record.TTL, dns="dnspod"), notes


def _from_dns(base: FoundDomain, backend: ManualBackend) -> tuple[FoundRecord | None, list[str]]:
    """The CNAME the given nameservers answer for one domain."""
    want = _record_line(base.name, base.cname_target)
    try:
        zone = backend.find_zone(base.name)
        state = backend.read(base.name, zone)
    except DnsError as exc:
        return None, [f"no CNAME found: the DNS query failed ({exc}). Add `{want}` if it is missing."]
    if state.target is None:
        return None, [f"no CNAME yet in DNS zone {zone}: add `{want}`."]
    if state.target != base.cname_target:
        return None, [
            f"its CNAME in DNS points at {state.target}, not at its target {base.cname_target}: point the "
            "record at the target, then import again."
        ]
    return FoundRecord(zone=zone, ttl=state.ttl or 600, dns="manual"), []


def read_account(
    client: TencentCloudClient,
    *,
    backend: Literal["cloud", "embedded", "emulator"],
    source: str,
    domains: Sequence[str] | None = None,
    zones: Sequence[str] | None = None,
    nameservers: Sequence[Nameserver] = (),
    progress: Progress = lambda _line: None,
) -> Account:
    """Read the live domains (all, or ``domains``), their CNAMEs and the plugin licences; read-only.

    Args:
        client: a client for Tencent Cloud or the emulator.
        backend: which of the two it talks to (the licence console exists on the emulator only).
        source: how the account is described in the generated files.
        domains: the live domains to import (default: every domain in the account).
        zones: the DNSPod zones to look for CNAME records in (default: every zone of the account).
        nameservers: look the CNAMEs up in DNS at these servers instead of DNSPod.
        progress: receives one line per step (the CLI prints them on stderr).
    """
    progress("Listing live domains (DescribeLiveDomains)…")
    listed = list_live_domains(client)
    progress(f"  {len(listed)} live domain(s) in the account.")
    names = [info.Name for info in listed]
    if domains is not None:
        wanted = [normalise_name(d) for d in domains]
        unknown = [d for d in wanted if d not in names]
        if unknown:
            raise ConfigurationError(
                f"--domains names {', '.join(unknown)}, which the account does not have; its live domains are: "
                f"{', '.join(names) or 'none'}. Fix the list, or use --all."
            )
        names = [n for n in names if n in set(wanted)]
    infos: list[DomainInfo] = []
    for name in names:
        progress(f"Reading live domain {name} (DescribeLiveDomain)…")
        info = describe_live_domain(client, name)  # None: deleted between the list and the describe
        if info is not None:
            infos.append(info)
    left_out: list[str] = []
    bases = []
    for info in infos:
        problems = rules.check_live_domain_name(info.Name)
        if problems:
            # The program would fail preview on it: say so here instead.
            left_out.append(
                f"{info.Name} ({unicode_form(info.Name)}) is not imported: LiveDomain refuses the name "
                f"({problems[0].reason}) The domain stays in the account, unmanaged."
            )
            continue
        bases.append(_base(info))

    found: list[FoundDomain] = []
    searched: tuple[str, ...] = ()
    if nameservers:
        servers = ", ".join(map(str, nameservers))
        progress(f"Looking up the CNAMEs in DNS at {servers}…")
        manual = ManualBackend(nameservers)
        for base in bases:
            record, notes = _from_dns(base, manual)
            found.append(replace(base, record=record, notes=tuple(notes)))
    else:
        progress("Listing DNSPod zones (DescribeDomainList)…")
        account_zones = _list_zones(client)
        if zones:
            wanted_zones = [normalise_name(z) for z in zones]
            missing = [z for z in wanted_zones if z not in account_zones]
            if missing:
                raise ConfigurationError(
                    f"--zone {', '.join(missing)}: not a DNSPod zone of this account (its zones: "
                    f"{', '.join(account_zones) or 'none'}). Fix the zone, or use --nameserver when the DNS is "
                    "hosted elsewhere."
                )
            account_zones = sorted(set(wanted_zones))
        by_zone = {base.name: _zone_of(base.name, account_zones) for base in bases}
        used = sorted({z for z in by_zone.values() if z is not None})
        searched = tuple(used)
        records: dict[str, list[RecordListItem]] = {}
        for zone in used:
            progress(f"Reading DNSPod zone {zone} (DescribeRecordList)…")
            records[zone] = _list_records(client, zone)
        why = (
            "none of the zones given with --zone holds it (import without --zone to look in every zone)"
            if zones
            else "no DNSPod zone of this account holds it (import with --nameserver if its DNS is hosted elsewhere)"
        )
        targets = {base.cname_target: base.name for base in bases}
        for base in bases:
            home = by_zone[base.name]
            record, notes = _from_dnspod(base, home, records.get(home, []) if home else [], why)
            found.append(replace(base, record=record, notes=tuple(notes)))
        ours = {base.name for base in bases}
        for zone in used:
            foreign = 0
            for r in records[zone]:
                fqdn = _fqdn(r, zone)
                if fqdn in ours:
                    continue
                foreign += 1
                if r.Type == "CNAME" and normalise_name(r.Value) in targets:
                    left_out.append(
                        f"{fqdn} (DNSPod zone {zone}) is a CNAME to {normalise_name(r.Value)}, the target of "
                        f"{targets[normalise_name(r.Value)]}, but is not itself a live domain: Tencent Cloud serves "
                        "only the live domain's own name, so it is not imported."
                    )
            if foreign:
                left_out.append(
                    f"{foreign} other record(s) in DNSPod zone {zone} belong to no live domain: left alone."
                )

    for index, domain in enumerate(found):
        progress(f"Reading the authentication, certificate and referer settings of {domain.name}…")
        security = read_security(client, domain.name, domain.domain_type)
        found[index] = replace(domain, security=security, notes=(*domain.notes, *security.notes))

    licences: tuple[FoundLicence, ...] | None = None
    if backend == "cloud":
        if any(d.scene == "mini_program" for d in found):
            progress("Plugin licences: Tencent Cloud has no API for them; the program reads them from stack config.")
    else:
        progress("Listing plugin licences (the emulator's licence console)…")
        answer = client.call(DESCRIBE_PLUGIN_LICENSES, DescribePluginLicensesRequest())
        licences = tuple(
            FoundLicence(
                app_id=x.MiniProgramAppId,
                name=x.MiniProgramName,
                subject_type=x.SubjectType,
                scene=x.Scene,
                service_categories=tuple(x.ServiceCategories),
                status=x.Status,
            )
            for x in sorted(answer.Licenses, key=lambda x: x.MiniProgramAppId)
        )
        if licences and not any(x.status == "available" for x in licences):
            # R4: LiveDomain refuses mini-program domains while the licence is not available.
            status = ", ".join(sorted({x.status for x in licences}))
            note = (
                f"the account's plugin licence is {status}, not available: `up` stops at this domain (R4) until "
                "the licence is renewed or paid in the console."
            )
            found = [replace(d, notes=(*d.notes, note)) if d.scene == "mini_program" else d for d in found]
        if domains is not None and licences and not any(d.scene == "mini_program" for d in found):
            left_out.append(
                f"{len(licences)} plugin licence(s): no domain chosen with --domains needs one; import with --all "
                "to declare them."
            )
            licences = ()
    processing = read_processing(client, progress)
    if domains is not None:  # the rules on the chosen domains, and the templates they bind
        chosen = {d.name for d in found}
        kept_rules = tuple(r for r in processing.rules if r.domain_name in chosen)
        bound = {(r.template_resource, r.template_id) for r in kept_rules}
        kept = tuple(t for t in processing.templates if (t.resource, t.template_id) in bound)
        processing = Processing(kept, kept_rules)
    return Account(
        source=source,
        backend=backend,
        domains=tuple(found),
        licences=licences,
        zones=searched,
        nameservers=tuple(nameservers),
        left_out=tuple(left_out),
        processing=processing,
    )
