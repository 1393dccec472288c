"""``CnameRecord``: the CNAME that points a live domain at the target Tencent assigned (R9).

Backends (``dns=``): ``dnspod`` (DNSPod API 3.0, Tencent or the emulator), ``rfc2136`` (TSIG-signed
UPDATE to your primary: BIND, Knot, PowerDNS…), ``manual`` (no writes: prints the record to add and
waits for it). Every backend adopts an identical CNAME, refuses to touch a different CNAME or other
data at the name unless ``overwrite=True``, guards updates and deletes on the value it last wrote,
and reads every write back (docs/design.md#writing-and-verifying-records).

Verification (``verify=``): ``dns`` queries every authoritative nameserver of the zone (or
``tclive:nameservers``) until all answer the target; ``cloud`` waits until the live domain reports
the CNAME configured (DescribeLiveDomain ``BCName``); ``none`` skips it. The default is ``dns`` on
every backend: the emulator's DNSPod nameservers answer for its zones (in-process when embedded,
on the port ``tclive emulator serve`` prints as ``TCLIVE_NAMESERVERS``), as Tencent's answer for yours.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi
from pulumi.dynamic import CheckResult, CreateResult, DiffResult, ReadResult, Resource, UpdateResult

from .. import rules
from ..cloud.live import DomainInfo, describe_live_domain
from ..dns.base import CnameState
from ..dns.propagation import wait_for_cname
from ..errors import PropagationTimeout, RuleViolation
from ._inputs import REQUIRED, Input, Inputs
from ._provider import TcliveProvider, as_bool, as_int, failures, is_unknown, known, poll, say

__all__ = ["INPUTS", "CnameRecord", "CnameRecordProvider"]

DEFAULT_TTL = 600
DEFAULT_VERIFY_TIMEOUT = 300

INPUTS = Inputs(
    "CnameRecord",
    Input(
        "name",
        str,
        REQUIRED,
        doc="The record name: the live domain, e.g. ``play.example.com``.",
        replaces=True,
        normalize=rules.normalize_domain_name,
        validated_by="rules.check_dns_name",
    ),
    Input(
        "target",
        str,
        REQUIRED,
        doc="Where it points: the LiveDomain's ``cname_target``. Updated in place.",
        normalize=rules.normalize_domain_name,
        validated_by="rules.check_cname_target",
    ),
    Input("dns", str, "dnspod", doc="The DNS backend.", replaces=True, choices=rules.DNS_BACKENDS),
    Input(
        "zone",
        str,
        doc="The zone holding ``name``; found automatically when omitted (DNSPod's zone list, or SOA queries to "
        "the RFC 2136 primary). A CNAME at the zone apex is refused.",
        replaces=True,
        compared=False,  # compared only when given: diff() below
        normalize=rules.normalize_domain_name,
        validated_by="rules.check_zone",
    ),
    Input(
        "ttl",
        int,
        DEFAULT_TTL,
        doc="TTL in seconds (DNSPod allows 1–604800). Updated in place.",
        validated_by="rules.check_ttl (the backend's range)",
    ),
    Input(
        "verify",
        str,
        doc="How to verify the record: ``dns``, ``cloud`` or ``none``; by default ``dns`` on every backend.",
        compared=False,
        choices=rules.VERIFY_MODES,
    ),
    Input(
        "verify_timeout",
        float,
        DEFAULT_VERIFY_TIMEOUT,
        doc="Seconds to wait for verification.",
        compared=False,
        validated_by="rules.check_verify_timeout",
    ),
    Input(
        "overwrite",
        bool,
        False,
        doc="``True`` to replace a different CNAME or other data already at ``name`` (``False``: refuse, and say "
        "what is there).",
        compared=False,
    ),
    outputs=("record_id", "verified", "nameservers", "verify_mode", "zone_discovered"),
)


def _record_line(name: str, target: str, ttl: int) -> str:
    return f"{name}. {ttl} IN CNAME {target}."


class CnameRecordProvider(TcliveProvider):
    """Dynamic provider of :class:`CnameRecord` (see the module docstring)."""

    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        inputs, problems = INPUTS.check(news)
        name = inputs.get("name")
        if not is_unknown(name):
            problems += rules.check_dns_name(name, "name")
        if known(inputs, "target") and not is_unknown(name):
            problems += rules.check_cname_target(inputs["target"], name=name)
        if inputs.get("zone") is not None and known(inputs, "zone") and not is_unknown(name):
            problems += rules.check_zone(inputs["zone"], name=name)
        if known(inputs, "ttl") and inputs.get("ttl") is not None and known(inputs, "dns"):
            problems += rules.check_ttl(inputs["ttl"], backend=str(inputs["dns"]))
        if not is_unknown(inputs.get("verify_timeout")):
            problems += rules.check_verify_timeout(inputs.get("verify_timeout"))
        return CheckResult(inputs, failures(problems))

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        changed = INPUTS.changed(olds, news)
        # The zone is compared only when the program gives it: otherwise it was discovered, and stays.
        if news.get("zone") is not None and (is_unknown(news["zone"]) or news["zone"] != olds.get("zone")):
            changed.append("zone")
        replaces = INPUTS.replacements(changed, news)
        return DiffResult(changes=bool(changed), replaces=replaces, delete_before_replace=bool(replaces))

    def create(self, props: dict[str, Any]) -> CreateResult:
        inputs = INPUTS.values(props)
        name, target, ttl = str(inputs["name"]), str(inputs["target"]), int(inputs["ttl"])
        backend = self.runtime.cname_backend(str(inputs["dns"]))
        zone = str(inputs["zone"] or backend.find_zone(name))
        if name == zone:
            raise RuleViolation(
                f"{name} is the apex of zone {zone}: a CNAME cannot sit at a zone apex (RFC 1034 §3.6.2, the apex "
                f"holds SOA and NS). Use a sub-domain such as play.{zone} for the live domain."
            )
        state = backend.ensure(name, zone, target, ttl, overwrite=bool(inputs["overwrite"]))
        return CreateResult(name, self._outputs(inputs, state, *self._verify(inputs, zone)))

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        inputs = INPUTS.values(props)
        zone = str(props.get("zone") or "")
        backend = self.runtime.cname_backend(str(inputs["dns"]))
        state = backend.read(id_, zone or backend.find_zone(id_))
        if state.target is None:
            return ReadResult("", {})
        refreshed = {**inputs, "target": state.target, "ttl": state.ttl if state.ttl is not None else inputs["ttl"]}
        if as_bool(props.get("zone_discovered"), False):
            refreshed["zone"] = None  # the program left it out; keep it out of the refreshed inputs
        verified = as_bool(props.get("verified"), False) and state.target == inputs["target"]
        nameservers = list(props.get("nameservers") or [])
        outputs = self._outputs(refreshed, state, verified, nameservers)
        return ReadResult(id_, outputs, {k: v for k, v in refreshed.items() if v is not None})

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        inputs = INPUTS.values(news)
        current = self._state(olds)
        backend = self.runtime.cname_backend(str(inputs["dns"]))
        state = backend.update(current, str(inputs["target"]), int(inputs["ttl"]))
        if current.target == state.target:
            verified, nameservers = as_bool(olds.get("verified"), False), list(olds.get("nameservers") or [])
        else:
            verified, nameservers = self._verify(inputs, state.zone)
        return UpdateResult(self._outputs(inputs, state, verified, nameservers))

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        inputs = INPUTS.values(props)
        backend = self.runtime.cname_backend(str(inputs["dns"]))
        if not backend.delete(self._state(props)):
            say(
                f"CnameRecord {id_}: no longer points at {props.get('target')}; left untouched "
                "(it was removed or changed outside this stack)."
            )

    def _state(self, outputs: Mapping[str, Any]) -> CnameState:
        return CnameState(
            fqdn=str(outputs["name"]),
            zone=str(outputs["zone"]),
            target=outputs.get("target"),
            ttl=as_int(outputs.get("ttl"), DEFAULT_TTL),
            other_types=(),
            record_id=str(outputs.get("record_id") or outputs["name"]),
        )

    def _outputs(
        self, inputs: Mapping[str, Any], state: CnameState, verified: bool, nameservers: list[str]
    ) -> dict[str, Any]:
        return {
            **inputs,
            "zone": state.zone,
            "zone_discovered": inputs.get("zone") is None,
            "target": state.target or inputs["target"],
            "ttl": state.ttl if state.ttl is not None else inputs["ttl"],
            "record_id": state.record_id,
            "verified": verified,
            "nameservers": nameservers,
            "verify_mode": self._verify_mode(inputs),
        }

    def _verify_mode(self, inputs: Mapping[str, Any]) -> str:
        mode = inputs.get("verify")
        return str(mode) if mode else "dns"

    def _verify(self, inputs: Mapping[str, Any], zone: str) -> tuple[bool, list[str]]:
        """Wait until the record is live; returns (verified, nameservers that confirmed it)."""
        mode = self._verify_mode(inputs)
        name, target, timeout = str(inputs["name"]), str(inputs["target"]), float(inputs["verify_timeout"])
        if mode == "none":
            return False, []
        if mode == "cloud":
            self._wait_cloud(name, target, timeout)
            return True, []
        servers = self.runtime.zone_servers(zone)
        try:
            wait_for_cname(
                name, target, nameservers=servers.nameservers, timeout=timeout, progress=say, exchange=servers.exchange
            )
        except PropagationTimeout as exc:
            if inputs["dns"] != "manual":
                raise
            raise PropagationTimeout(
                f"{exc} Add this record at your DNS provider: {_record_line(name, target, int(inputs['ttl']))}",
                answers=exc.answers,
            ) from None
        return True, [str(s) for s in servers.nameservers]

    def _wait_cloud(self, name: str, target: str, timeout: float) -> None:
        """Poll DescribeLiveDomain until Tencent reports the CNAME configured (BCName = 1)."""
        client = self.runtime.client()

        def ask() -> DomainInfo:
            info = describe_live_domain(client, name)
            if info is None:
                raise RuleViolation(
                    f"verify='cloud' for {name}: no live domain of that name exists in the account. Declare the "
                    "LiveDomain first (pass its cname_target as target), or use verify='dns'."
                )
            return info

        def timed_out(info: DomainInfo, elapsed: float) -> Exception:
            return PropagationTimeout(
                f"Tencent Cloud still reports the CNAME of {name} as not configured after {elapsed:.0f}s "
                f"(current CNAME {info.CurrentCName or 'none'!r}, expected {target}). Tencent can take 15–30 "
                "minutes to notice a DNS change: raise verify_timeout, or set verify='dns' or 'none'.",
                answers={"Tencent Cloud": info.CurrentCName or "no CNAME"},
            )

        poll(
            ask,
            lambda info: info.BCName == 1,
            timeout=timeout,
            waiting=f"Tencent Cloud to see the CNAME of {name}",
            timed_out=timed_out,
        )


@INPUTS.document
class CnameRecord(Resource, module="tclive", name="CnameRecord"):
    """The CNAME record ``name → target`` every live domain needs before it serves (R9).

    Give the CNAME of a mini-program play domain ``opts=pulumi.ResourceOptions(protect=True,
    retain_on_delete=True)``, like the domain: it must live as long as the domain (R8).
    ``MiniProgramLive`` does.

    Outputs: ``name``, ``target``, ``zone``, ``ttl``, ``record_id``, ``verified``, ``nameservers`` (the
    servers that confirmed the record), ``verify_mode`` (the verification used), ``zone_discovered``.
    """

    name: pulumi.Output[str]
    target: pulumi.Output[str]
    zone: pulumi.Output[str]
    ttl: pulumi.Output[int]
    record_id: pulumi.Output[str]
    verified: pulumi.Output[bool]
    nameservers: pulumi.Output[list[str]]
    verify_mode: pulumi.Output[str]
    zone_discovered: pulumi.Output[bool]

    def __init__(
        self,
        resource_name: str,
        *,
        name: pulumi.Input[str],
        target: pulumi.Input[str],
        dns: pulumi.Input[str] = "dnspod",
        zone: pulumi.Input[str] | None = None,
        ttl: pulumi.Input[int] = DEFAULT_TTL,
        verify: pulumi.Input[str] | None = None,
        verify_timeout: pulumi.Input[int] = DEFAULT_VERIFY_TIMEOUT,
        overwrite: pulumi.Input[bool] = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the record; see the class docstring for every argument."""
        super().__init__(CnameRecordProvider(), resource_name, INPUTS.props(locals()), opts)
