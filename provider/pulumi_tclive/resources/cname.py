"""``CnameRecord``: the CNAME that points a live domain at the target Tencent assigned (R9).

Backends (``dns=``): ``dnspod`` (DNSPod API 3.0, Tencent or the emulator), ``rfc2136`` (TSIG-signed
UPDATE to your primary: BIND, Knot, PowerDNS…), ``manual`` (no writes: prints the record to add and
waits for it). Every backend adopts an identical CNAME, refuses to touch a different CNAME or other
data at the name unless ``overwrite=True``, guards updates and deletes on the value it last wrote,
and reads every write back (docs/design.md#writing-and-verifying-records).

Verification (``verify=``): ``dns`` queries every authoritative nameserver of the zone (or
``tclive:nameservers``) until all answer the target; ``cloud`` waits until the live domain reports
the CNAME configured (DescribeLiveDomain ``BCName``); ``none`` skips it. The default is ``dns``,
except ``cloud`` for ``dns="dnspod"`` on the emulator, whose zones are served by no real DNS server.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi
from pulumi.dynamic import CheckResult, CreateResult, DiffResult, ReadResult, Resource, UpdateResult

from .. import rules
from ..cloud.live import DomainInfo
from ..dns.base import CnameState
from ..dns.propagation import authoritative_nameservers, wait_for_cname
from ..errors import PropagationTimeout, RuleViolation
from ._provider import TcliveProvider, as_bool, as_int, failures, is_unknown, known, poll, say
from .domain import describe_live_domain, mini_program_play_guard

__all__ = ["CnameRecord", "CnameRecordProvider"]

INPUTS = ("name", "target", "dns", "zone", "ttl", "verify", "verify_timeout", "overwrite")
DEFAULT_TTL = 600
DEFAULT_VERIFY_TIMEOUT = 300


def _inputs(props: Mapping[str, Any]) -> dict[str, Any]:
    values = {key: props.get(key) for key in INPUTS}
    values["dns"] = values["dns"] or "dnspod"
    values["ttl"] = as_int(values["ttl"], DEFAULT_TTL)
    timeout = values["verify_timeout"]
    values["verify_timeout"] = (
        float(timeout) if isinstance(timeout, int | float) and not isinstance(timeout, bool) else DEFAULT_VERIFY_TIMEOUT
    )
    values["overwrite"] = as_bool(values["overwrite"], False)
    return values


def _record_line(name: str, target: str, ttl: int) -> str:
    return f"{name}. {ttl} IN CNAME {target}."


class CnameRecordProvider(TcliveProvider):
    """Dynamic provider of :class:`CnameRecord` (see the module docstring)."""

    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        inputs = dict(news)
        for key in ("name", "target", "zone"):
            if isinstance(inputs.get(key), str):
                inputs[key] = rules.normalize_domain_name(inputs[key])
        inputs["dns"] = inputs.get("dns") or "dnspod"
        problems: list[rules.Problem] = []
        if known(inputs, "dns"):
            problems += rules.check_enum(inputs["dns"], rules.DNS_BACKENDS, "dns")
        name = inputs.get("name")
        if not is_unknown(name):
            problems += rules.check_dns_name(name, "name")
        if known(inputs, "target") and not is_unknown(name):
            problems += rules.check_cname_target(inputs["target"], name=name)
        if inputs.get("zone") is not None and known(inputs, "zone") and not is_unknown(name):
            problems += rules.check_zone(inputs["zone"], name=name)
        if known(inputs, "ttl") and inputs.get("ttl") is not None and known(inputs, "dns"):
            problems += rules.check_ttl(inputs["ttl"], backend=str(inputs["dns"]))
        verify = inputs.get("verify")
        if verify is not None and not is_unknown(verify):
            problems += rules.check_enum(verify, rules.VERIFY_MODES, "verify")
        if not is_unknown(inputs.get("verify_timeout")):
            problems += rules.check_verify_timeout(inputs.get("verify_timeout"))
        return CheckResult(inputs, failures(problems))

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        old, new = _inputs(olds), _inputs(news)
        changed = [k for k in ("name", "dns", "target", "ttl") if is_unknown(news.get(k)) or old[k] != new[k]]
        if news.get("zone") is not None and (is_unknown(news["zone"]) or news["zone"] != old["zone"]):
            changed.append("zone")
        replaces = [k for k in changed if k in ("name", "dns", "zone") and not is_unknown(news.get(k))]
        return DiffResult(changes=bool(changed), replaces=replaces, delete_before_replace=bool(replaces))

    def create(self, props: dict[str, Any]) -> CreateResult:
        inputs = _inputs(props)
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
        inputs = _inputs(props)
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
        inputs = _inputs(news)
        current = self._state(olds)
        backend = self.runtime.cname_backend(str(inputs["dns"]))
        state = backend.update(current, str(inputs["target"]), int(inputs["ttl"]))
        if current.target == state.target:
            verified, nameservers = as_bool(olds.get("verified"), False), list(olds.get("nameservers") or [])
        else:
            verified, nameservers = self._verify(inputs, state.zone)
        return UpdateResult(self._outputs(inputs, state, verified, nameservers))

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        inputs = _inputs(props)
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
        if mode:
            return str(mode)
        return "cloud" if inputs["dns"] == "dnspod" and self.settings.backend != "cloud" else "dns"

    def _verify(self, inputs: Mapping[str, Any], zone: str) -> tuple[bool, list[str]]:
        """Wait until the record is live; returns (verified, nameservers that confirmed it)."""
        mode = self._verify_mode(inputs)
        name, target, timeout = str(inputs["name"]), str(inputs["target"]), float(inputs["verify_timeout"])
        if mode == "none":
            return False, []
        if mode == "cloud":
            self._wait_cloud(name, target, timeout)
            return True, []
        servers = list(self.settings.nameservers) or authoritative_nameservers(zone)
        try:
            wait_for_cname(name, target, nameservers=servers, timeout=timeout, progress=say)
        except PropagationTimeout as exc:
            if inputs["dns"] != "manual":
                raise
            raise PropagationTimeout(
                f"{exc} Add this record at your DNS provider: {_record_line(name, target, int(inputs['ttl']))}",
                answers=exc.answers,
            ) from None
        return True, [str(s) for s in servers]

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


class CnameRecord(Resource, module="tclive", name="CnameRecord"):
    """The CNAME record ``name → target`` every live domain needs before it serves (R9).

    Args:
        resource_name: The Pulumi resource name.
        name: The record name: the live domain, e.g. ``play.example.com``. Changing it replaces the record.
        target: Where it points: the LiveDomain's ``cname_target``. Updated in place.
        dns: ``dnspod`` (default), ``rfc2136`` or ``manual``. Changing it replaces the record.
        zone: The zone holding ``name``; found automatically when omitted (DNSPod's zone list, or SOA
            queries to the RFC 2136 primary). A CNAME at the zone apex is refused.
        ttl: TTL in seconds (default 600; DNSPod allows 1–604800). Updated in place.
        verify: ``dns``, ``cloud`` or ``none``; default ``dns``, or ``cloud`` for DNSPod on the emulator.
        verify_timeout: Seconds to wait for verification (default 300).
        overwrite: ``True`` to replace a different CNAME or other data already at ``name`` (default ``False``:
            refuse, and say what is there).
        opts: Pulumi resource options. The CNAME of a mini-program play domain must live as long as the
            domain (R8): when ``name`` or ``target`` is that LiveDomain's ``domain_name`` or ``cname_target``
            output, the record is ``protect=True, retain_on_delete=True`` unless ``opts`` say otherwise.
            Otherwise give it those options yourself. ``MiniProgramLive`` does.

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
        props: dict[str, Any] = {
            "name": name,
            "target": target,
            "dns": dns,
            "zone": zone,
            "ttl": ttl,
            "verify": verify,
            "verify_timeout": verify_timeout,
            "overwrite": overwrite,
            "record_id": None,
            "verified": None,
            "nameservers": None,
            "verify_mode": None,
            "zone_discovered": None,
        }
        # R8: the CNAME of a mini-program play domain lives as long as the domain, unless opts say otherwise.
        opts = pulumi.ResourceOptions.merge(mini_program_play_guard(name, target), opts)
        super().__init__(CnameRecordProvider(), resource_name, props, opts)
