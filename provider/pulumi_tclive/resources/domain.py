"""``LiveDomain``: a live push or play domain, standard or mini-program (R4–R9).

Identity (a change needs a new domain): ``domain_name``, ``domain_type``, ``scene``, ``slow_live``.
Updated in place: ``enabled`` (Enable/ForbidLiveDomain) and ``play_region`` (ModifyLivePlayDomain).

A mini-program play domain can never be deleted or unbound once added (R8, 添加小程序直播的播放域名后，暂不支持删除解绑):
it is ``protect=True`` and ``retain_on_delete=True`` by default, ``check()`` refuses any change that
would need a new domain, and ``delete()`` refuses. Adding one is irreversible, so ``create()`` first
proves every precondition, and adds nothing when one fails: the licence is declared available
(``console_status``, R4; Tencent's AddLiveDomain refuses too while the account holds none); the domain has no
play traffic this month unless ``allow_used_domain=True`` (R7: that month's whole usage would be
billed at mini-program prices); and its CNAME can be written (``cname_dns``: the DNSPod zone
exists, or the RFC 2136 primary answers for the zone, and no foreign record holds the name unless
``cname_overwrite``).

API calls (docs/design.md#live-domain-actions): create = AddLiveDomain + DescribeLiveDomain
(+ DescribeBillBandwidthAndFluxList for a mini-program play domain, + ForbidLiveDomain only when
``enabled=False``); with ``adopt_existing=True`` an existing domain is found by DescribeLiveDomain
first and adopted with no write; read = DescribeLiveDomain; delete = DeleteLiveDomain. Terraform's
``tencentcloud_css_domain`` makes four calls per create (docs/design.md#what-terraform-does).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pulumi
from pulumi.dynamic import CheckResult, CreateResult, DiffResult, ReadResult, Resource, UpdateResult

from .. import rules
from ..cloud.client import TencentCloudClient
from ..cloud.live import (
    ADD_LIVE_DOMAIN,
    DELETE_LIVE_DOMAIN,
    DESCRIBE_BILL_BANDWIDTH_AND_FLUX_LIST,
    ENABLE_LIVE_DOMAIN,
    FORBID_LIVE_DOMAIN,
    MODIFY_LIVE_PLAY_DOMAIN,
    AddLiveDomainRequest,
    DeleteLiveDomainRequest,
    DescribeBillBandwidthAndFluxListRequest,
    DomainInfo,
    EnableLiveDomainRequest,
    ForbidLiveDomainRequest,
    ModifyLivePlayDomainRequest,
    describe_live_domain,
)
from ..errors import (
    DnsError,
    RuleViolation,
    TencentCloudApiError,
    TencentCloudError,
    ThrottledError,
    TransportError,
)
from ._inputs import REQUIRED, Input, Inputs
from ._provider import DRIFTED, TcliveProvider, as_bool, drifted, failures, is_unknown, say

__all__ = ["INPUTS", "LiveDomain", "LiveDomainProvider"]

INPUTS = Inputs(
    "LiveDomain",
    Input(
        "domain_name",
        str,
        REQUIRED,
        doc="The domain, e.g. ``mp-play.example.com`` (lower-cased, trailing dot dropped). Not an IP, wildcard, "
        "IDN or Tencent-owned name.",
        replaces=True,
        normalize=rules.normalize_domain_name,
        validated_by="rules.check_live_domain_name (R5)",
    ),
    Input(
        "domain_type",
        str,
        REQUIRED,
        doc="``push`` or ``play``.",
        replaces=True,
        choices=rules.DOMAIN_TYPES,
        validated_by="rules.check_domain_kind (R5, R6)",
    ),
    Input(
        "scene",
        str,
        "standard",
        doc="``standard`` (App/OBS/Web) or ``mini_program`` (the WeChat plugin).",
        replaces=True,
        choices=rules.DOMAIN_SCENES,
        validated_by="rules.check_domain_kind (R5, R6)",
    ),
    Input(
        "play_region",
        str,
        doc="Play domains only: ``mainland`` (the default for them), ``global`` or ``overseas``. Updated in place.",
        choices=rules.PLAY_REGIONS,
        default_for=lambda values: "mainland" if values["domain_type"] == "play" else None,
        validated_by="rules.check_domain_kind (R5, R6)",
    ),
    Input("slow_live", bool, False, doc="``True`` for slow live (慢直播, IsDelayLive).", replaces=True),
    Input(
        "plugin_license",
        None,
        doc='The :class:`PluginLicense` (or its AppID); required for ``scene="mini_program"``. While its status is '
        "known and not ``available``, preview fails with what to do next (R4).",
        validated_by="rules.check_domain_kind, rules.check_licence_status_for_domains (R4)",
    ),
    Input("enabled", bool, True, doc="``False`` to keep the domain disabled (ForbidLiveDomain). Updated in place."),
    Input(
        "adopt_existing",
        bool,
        False,
        doc="``True`` to manage a domain that already exists in the account, if its type, scene and slow-live "
        "setting match (``False``: an existing domain is an error).",
        compared=False,
    ),
    Input(
        "allow_used_domain",
        bool,
        False,
        doc="Mini-program play only: ``True`` to add a domain that already has play traffic this month, accepting "
        "that the whole month is billed at mini-program prices (R7).",
        compared=False,
    ),
    Input(
        "cname_dns",
        str,
        doc="Mini-program play only: ``dnspod``, ``rfc2136`` or ``manual``, the backend of this domain's "
        "CnameRecord. Before adding the domain (irreversible), ``up`` proves the CNAME can be written there: the "
        "DNSPod zone exists / the RFC 2136 primary answers for the zone, and no other record holds the name. "
        "``None``: not checked. ``MiniProgramLive`` sets it.",
        compared=False,  # a precondition only: read by create(), changing it changes nothing
        choices=rules.DNS_BACKENDS,
    ),
    Input("cname_zone", str, doc="The zone for that check (found automatically when omitted).", compared=False),
    Input(
        "cname_overwrite",
        bool,
        False,
        doc="``True`` when the CnameRecord has ``overwrite=True`` (a record at the name is then fine).",
        compared=False,
    ),
    Input(
        "allow_replace",
        bool,
        False,
        doc="Mini-program play only: ``True`` lets a change that needs a new domain (a new name) through preview. "
        "The old domain is never deleted: with the default ``retain_on_delete=True`` it is released and stays in "
        "the account. Use it with ``protect=False``. ``False``: refused (R8).",
        compared=False,
    ),
    Input(
        "plugin_license_status",
        str,
        argument=False,
        compared=False,
        doc="The PluginLicense's status output, for R4 at preview.",
        validated_by="rules.check_licence_status_for_domains (R4)",
    ),
    Input(
        "plugin_license_console_status",
        str,
        argument=False,
        compared=False,
        doc="The PluginLicense's console_status input, for R4 at preview.",
        validated_by="rules.check_licence_status_for_domains (R4)",
    ),
    outputs=("cname_target", "created_at", "adopted"),
)
IDENTITY = tuple(i.name for i in INPUTS.inputs if i.replaces)
DOMAIN_TYPE_CODES = {"push": 0, "play": 1}
PLAY_REGION_CODES = {"mainland": 1, "global": 2, "overseas": 3}
PLAY_REGION_NAMES = {code: name for name, code in PLAY_REGION_CODES.items()}
BEIJING = timezone(timedelta(hours=8))

_HINTS = {
    "InvalidParameter.MpPluginNoUse": (
        "The account holds no available mini-program live plugin licence. Apply, pass review and pay in "
        "云直播控制台 > 资源包/插件管理, set console_status='available' on the PluginLicense, then run the update again."
    ),
    "InvalidParameter.MpHostDelete": (
        "This mini-program domain was deleted this calendar month and cannot be added again until next month; "
        "use another domain name or wait."
    ),
    "FailedOperation.DomainNeedVerifyOwner": (
        "Tencent Cloud wants proof that you own the domain: verify it with AuthenticateDomainOwner "
        "(a TXT record) in the console, then run the update again."
    ),
    "FailedOperation.HostOutLimit": (
        "The account reached its live domain limit (100): delete unused domains or ask Tencent support to raise it."
    ),
    "FailedOperation.DeleteDomainInLockedTime": (
        "The domain had traffic in the last two days and is locked: deletion is allowed after two days without traffic."
    ),
    "InternalError.ChineseCharacterDetected": "Tencent Cloud does not accept Chinese (IDN) live domains.",
    "FailedOperation.ParentDomainAdded": "A parent domain of this name is already added; use a different name.",
    "FailedOperation.SubDomainAdded": "A sub-domain of this name is already added; use a different name.",
    "InternalError.DomainAlreadyExist": (
        "The domain is connected to another Tencent Cloud account; verify ownership, then add it again."
    ),
}


def _with_hint(exc: TencentCloudApiError, subject: str) -> TencentCloudApiError:
    hint = next((text for code, text in _HINTS.items() if exc.matches(code)), "")
    if not hint:
        return exc
    return TencentCloudApiError(
        action=exc.action,
        code=exc.code,
        message=exc.message,
        request_id=exc.request_id,
        attempts=exc.attempts,
        hint=f"{subject}: {hint}",
    )


def _inputs(props: Mapping[str, Any]) -> dict[str, Any]:
    """The input fields with defaults applied (also used on old outputs, which carry every input)."""
    return INPUTS.values(props)


def _declared_licence_status(inputs: Mapping[str, Any]) -> str | None:
    """The licence status the program declares (``console_status``, a plain input), or ``None`` when not given."""
    declared = inputs.get("plugin_license_console_status")
    if isinstance(declared, str) and declared:
        return declared
    status = inputs.get("plugin_license_status")  # console_status given as an Output: known once the licence exists
    return status if isinstance(status, str) and status in rules.LICENCE_STATUSES else None


def _licence_problems(status: str) -> list[rules.Problem]:
    record = (
        " The status is what you copy into console_status (on the PluginLicense or the MiniProgramLive): set it "
        "to the status the console shows once it changes."
    )
    return [
        rules.Problem(p.property, p.value, p.reason, p.fix + record)
        for p in rules.check_licence_status_for_domains(status)
    ]


def _is_mini_program_play(values: Mapping[str, Any]) -> bool:
    return values.get("domain_type") == "play" and values.get("scene") == "mini_program"


def _set_enabled(client: TencentCloudClient, name: str, enabled: bool) -> None:
    if enabled:
        client.call(ENABLE_LIVE_DOMAIN, EnableLiveDomainRequest(DomainName=name))
    else:
        client.call(FORBID_LIVE_DOMAIN, ForbidLiveDomainRequest(DomainName=name))


def _actual(info: DomainInfo) -> dict[str, Any]:
    """The domain as Tencent Cloud reports it, in the resource's terms."""
    domain_type = "play" if info.Type == 1 else "push"
    return {
        "domain_name": info.Name,
        "domain_type": domain_type,
        "scene": "mini_program" if info.IsMiniProgramLive == 1 else "standard",
        "slow_live": info.IsDelayLive == 1,
        "enabled": info.Status == 1,
        "play_region": PLAY_REGION_NAMES.get(info.PlayType, "mainland") if domain_type == "play" else None,
    }


def _outputs(inputs: Mapping[str, Any], info: DomainInfo, *, adopted: bool) -> dict[str, Any]:
    # No observed CNAME status here: it changes when the CnameRecord (created after this domain) is
    # written, so recording it would make every refresh after `up` report drift. CnameRecord verifies it.
    return {
        **inputs,
        **_actual(info),
        "cname_target": info.TargetDomain,
        "created_at": info.CreateTime,
        "adopted": adopted,
    }


class LiveDomainProvider(TcliveProvider):
    """Dynamic provider of :class:`LiveDomain` (see the module docstring)."""

    def check(self, olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        # Defaults go into the checked inputs, so refreshed inputs (which carry them) match the program's.
        inputs, problems = INPUTS.check(news)
        if not is_unknown(inputs.get("domain_name")):
            problems += rules.check_live_domain_name(inputs.get("domain_name"))
        kind = (inputs.get("domain_type"), inputs.get("scene") or "standard", inputs.get("play_region"))
        if not any(is_unknown(v) for v in kind):
            has_licence = inputs.get("plugin_license") is not None
            problems += rules.check_domain_kind(*kind, has_licence=has_licence)
        # R4 is about adding mini-program domains: an existing one is not refused when its licence lapses.
        declared = _declared_licence_status(inputs)
        if not olds and inputs.get("scene") == "mini_program" and declared is not None:
            problems += _licence_problems(declared)
        if olds and not problems and inputs.get("allow_replace") is not True:
            old = _inputs(olds)
            new = {k: v for k, v in _inputs(inputs).items() if not is_unknown(inputs.get(k))}
            problems += rules.check_mini_program_play_change(old, {**old, **new})
        return CheckResult(inputs, failures(problems))

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        changed = INPUTS.changed(olds, news)
        changed += [k for k in olds.get(DRIFTED) or [] if k not in changed]  # Tencent's CNAME target, on refresh
        replaces = INPUTS.replacements(changed, news)
        # Tencent keys domains by name: the same name with another type/scene must go before it comes back.
        same_name = "domain_name" not in changed
        return DiffResult(changes=bool(changed), replaces=replaces, delete_before_replace=bool(replaces) and same_name)

    def create(self, props: dict[str, Any]) -> CreateResult:
        inputs = _inputs(props)
        name = str(inputs["domain_name"])
        client = self.runtime.client()
        if inputs["adopt_existing"]:
            # An existing domain is adopted after one read: no AddLiveDomain (no write call), and no R7
            # usage query, which guards adding a domain, not managing one that is already there.
            existing = describe_live_domain(client, name)
            if existing is not None:
                return self._adopt(client, name, inputs, existing)
        if _is_mini_program_play(inputs):
            # Adding it cannot be undone (R8): prove every precondition first, add nothing if one fails.
            try:
                self._require_available_licence(name, inputs)
                if not inputs["allow_used_domain"]:
                    self._refuse_used_domain(client, name)
                self._require_writable_cname(name, inputs)
            except RuleViolation:
                # Its own traffic or CNAME fails the checks when it is already there: say that instead.
                if not inputs["adopt_existing"] and describe_live_domain(client, name) is not None:
                    raise _already_exists(name) from None
                raise
        adopted = False
        try:
            client.call(
                ADD_LIVE_DOMAIN,
                AddLiveDomainRequest(
                    DomainName=name,
                    DomainType=DOMAIN_TYPE_CODES[str(inputs["domain_type"])],
                    PlayType=PLAY_REGION_CODES[str(inputs["play_region"])] if inputs["domain_type"] == "play" else None,
                    IsDelayLive=1 if inputs["slow_live"] else 0,
                    IsMiniProgramLive=1 if inputs["scene"] == "mini_program" else 0,
                ),
            )
        except TencentCloudApiError as exc:
            if exc.matches("FailedOperation.DomainAdded", "InvalidParameter.DomainAlreadyExist"):
                # Our own earlier attempt may have been committed with its answer lost (attempts > 1).
                if not (inputs["adopt_existing"] or exc.attempts > 1):
                    raise _already_exists(name) from None
                adopted = True
            elif exc.matches("InternalError") or (isinstance(exc, ThrottledError) and exc.attempts > 1):
                adopted = self._added_anyway(client, name, exc)
            else:
                raise _with_hint(exc, f"live domain {name}") from None
        except TransportError as exc:
            if not exc.request_sent:  # no connection was ever made: nothing can have been added
                raise
            adopted = self._added_anyway(client, name, exc)
        info = describe_live_domain(client, name)
        if info is None:
            raise RuleViolation(
                f"Live domain {name} was accepted by AddLiveDomain but DescribeLiveDomain does not find it; "
                "run `pulumi up` again (the next attempt adopts it if it appears)."
            )
        if adopted:
            return self._adopt(client, name, inputs, info)
        if not inputs["enabled"]:
            _set_enabled(client, name, False)
            info = info.model_copy(update={"Status": 0})
        return CreateResult(name, _outputs(inputs, info, adopted=adopted))

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        info = describe_live_domain(self.runtime.client(), id_)
        if info is None:
            return ReadResult("", {})
        inputs = {**_inputs(props), **_actual(info)}
        outputs = _outputs(inputs, info, adopted=as_bool(props.get("adopted"), False))
        # No input says the CNAME target: a new one (Tencent moved the domain) is drift diff reports.
        outputs[DRIFTED] = drifted(props, outputs, ("cname_target",))
        return ReadResult(id_, outputs, inputs)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        inputs = _inputs(news)
        old = _inputs(olds)
        client = self.runtime.client()
        calls = 0
        if inputs["domain_type"] == "play" and inputs["play_region"] != old["play_region"]:
            region = PLAY_REGION_CODES[str(inputs["play_region"])]
            client.call(MODIFY_LIVE_PLAY_DOMAIN, ModifyLivePlayDomainRequest(DomainName=id_, PlayType=region))
            calls += 1
        if inputs["enabled"] != old["enabled"]:
            _set_enabled(client, id_, bool(inputs["enabled"]))
            calls += 1
        if calls == 0:
            kept: dict[str, Any] = {k: olds[k] for k in ("cname_target", "created_at", "adopted") if k in olds}
            return UpdateResult({**inputs, **kept})
        info = describe_live_domain(client, id_)
        if info is None:
            raise RuleViolation(f"Live domain {id_} disappeared during the update; run `pulumi refresh`, then up.")
        return UpdateResult(_outputs(inputs, info, adopted=as_bool(olds.get("adopted"), False)))

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        values = _inputs(props)
        if _is_mini_program_play(values):
            # Only reached when someone set retain_on_delete=False: the default retains it (the engine never calls delete).
            raise RuleViolation(
                f"Live domain {id_} was not deleted: {rules.R8_REASON}. Keep retain_on_delete=True on it (the default). "
                + rules.r8_release_advice(id_)
            )
        try:
            self.runtime.client().call(
                DELETE_LIVE_DOMAIN,
                DeleteLiveDomainRequest(DomainName=id_, DomainType=DOMAIN_TYPE_CODES[str(values["domain_type"])]),
            )
        except TencentCloudApiError as exc:
            if exc.matches("ResourceNotFound.DomainNotExist"):
                say(f"LiveDomain {id_}: already gone from the account.")
                return
            raise _with_hint(exc, f"live domain {id_}") from None

    def _added_anyway(self, client: TencentCloudClient, name: str, failure: TencentCloudError) -> bool:
        """After an ambiguous AddLiveDomain failure: True when the add was committed after all."""
        try:
            found = describe_live_domain(client, name)
        except TencentCloudError:
            raise failure from None  # the add is what failed; the check could not tell more
        if found is None:
            raise failure
        say(f"LiveDomain {name}: AddLiveDomain failed ambiguously ({failure}), but the domain exists; adopting it.")
        return True

    def _refuse_used_domain(self, client: TencentCloudClient, name: str) -> None:
        """R7: a mini-program play domain bills the whole month at mini-program prices."""
        now = datetime.now(UTC).astimezone(BEIJING)
        start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        # To the end of today: billing data lags, and a sample stamped this second must count.
        end = now.replace(hour=23, minute=59, second=59, microsecond=0)
        usage = client.call(
            DESCRIBE_BILL_BANDWIDTH_AND_FLUX_LIST,
            DescribeBillBandwidthAndFluxListRequest(
                StartTime=start.strftime("%Y-%m-%d %H:%M:%S"),
                EndTime=end.strftime("%Y-%m-%d %H:%M:%S"),
                PlayDomains=[name],
                Granularity=1440,
            ),
        )
        if usage.SumFlux > 0:
            raise RuleViolation(
                f"Live domain {name} already has {usage.SumFlux:.2f} MB of play traffic this month "
                f"({start:%Y-%m}). Adding it as a mini-program play domain bills all of this month's usage at "
                "mini-program prices (R7: 建议使用当月没有产生消耗的自有域名; Tencent Cloud docs on mini-program prices: "
                "https://cloud.tencent.com/document/product/1078/34643). Use a domain with no usage this month, "
                "wait until next month, or set allow_used_domain=True to accept the billing."
            )

    def _adopt(
        self, client: TencentCloudClient, name: str, inputs: Mapping[str, Any], info: DomainInfo
    ) -> CreateResult:
        """A domain already in the account, with adopt_existing: its identity must match; settings converge."""
        self._require_match(name, inputs, info)
        say(f"LiveDomain {name}: adopted the existing domain (created {info.CreateTime}).")
        info = self._converge(client, name, inputs, info)
        return CreateResult(name, _outputs(inputs, info, adopted=True))

    def _require_available_licence(self, name: str, inputs: Mapping[str, Any]) -> None:
        """R4 from the declared licence status (no API exists for the licence); undeclared, AddLiveDomain judges it."""
        declared = _declared_licence_status(inputs)
        problems = [] if declared is None else _licence_problems(declared)
        if problems:
            raise RuleViolation(f"Live domain {name} was not added: {problems[0].message()}")

    def _require_writable_cname(self, name: str, inputs: Mapping[str, Any]) -> None:
        """The CNAME the domain needs (R9) can be written where its CnameRecord will write it."""
        kind = inputs.get("cname_dns")
        if not kind:
            return
        backend = self.runtime.cname_backend(str(kind))
        zone = inputs.get("cname_zone")
        try:
            backend.prove_writable(name, str(zone) if zone else None, overwrite=bool(inputs["cname_overwrite"]))
        except DnsError as exc:
            raise RuleViolation(
                f"Live domain {name} was not added: adding a mini-program play domain cannot be undone (R8), so its "
                f"CNAME must be writable first, and it is not: {exc}"
            ) from None

    def _require_match(self, name: str, inputs: Mapping[str, Any], info: DomainInfo) -> None:
        actual = _actual(info)
        wrong = [f"{k} is {actual[k]!r} there, {inputs[k]!r} here" for k in IDENTITY if actual[k] != inputs[k]]
        if wrong:
            raise RuleViolation(
                f"Live domain {name} already exists in the account but does not match this LiveDomain "
                f"({'; '.join(wrong)}). Declare it as it is, or use another domain name."
            )

    def _converge(
        self, client: TencentCloudClient, name: str, inputs: Mapping[str, Any], info: DomainInfo
    ) -> DomainInfo:
        """Bring an adopted domain's updatable settings to what the program declares."""
        actual = _actual(info)
        changed = False
        if inputs["domain_type"] == "play" and actual["play_region"] != inputs["play_region"]:
            region = PLAY_REGION_CODES[str(inputs["play_region"])]
            client.call(MODIFY_LIVE_PLAY_DOMAIN, ModifyLivePlayDomainRequest(DomainName=name, PlayType=region))
            changed = True
        if actual["enabled"] != inputs["enabled"]:
            _set_enabled(client, name, bool(inputs["enabled"]))
            changed = True
        if not changed:
            return info
        refreshed = describe_live_domain(client, name)
        return refreshed if refreshed is not None else info


def _already_exists(name: str) -> RuleViolation:
    return RuleViolation(
        f"Live domain {name} already exists in this Tencent Cloud account. If a previous `pulumi up` added it and "
        "failed before recording it, the state file was lost, or it was added in the console, set "
        "adopt_existing=True on the LiveDomain (or on the MiniProgramLive) to manage the existing domain."
    )


@INPUTS.document
class LiveDomain(Resource, module="tclive", name="LiveDomain"):
    """A live push or play domain (R5): standard or mini-program, with the CNAME target Tencent assigns.

    A mini-program play domain is ``protect=True`` and ``retain_on_delete=True`` unless ``opts`` say
    otherwise: it can never be deleted (R8). To stop managing it, set ``protect=False``, run ``pulumi up``,
    then remove it: it stays in the account.

    Outputs: the inputs, plus ``cname_target`` (point the domain's CNAME here, R9), ``created_at`` (Beijing
    time), ``adopted``. Whether Tencent sees the CNAME is verified by the CnameRecord (``verify="cloud"``).
    """

    domain_name: pulumi.Output[str]
    domain_type: pulumi.Output[str]
    scene: pulumi.Output[str]
    play_region: pulumi.Output[str | None]
    slow_live: pulumi.Output[bool]
    enabled: pulumi.Output[bool]
    cname_target: pulumi.Output[str]
    created_at: pulumi.Output[str]
    adopted: pulumi.Output[bool]

    def __init__(
        self,
        resource_name: str,
        *,
        domain_name: pulumi.Input[str],
        domain_type: pulumi.Input[str],
        scene: pulumi.Input[str] = "standard",
        play_region: pulumi.Input[str] | None = None,
        slow_live: pulumi.Input[bool] = False,
        plugin_license: Any = None,
        enabled: pulumi.Input[bool] = True,
        adopt_existing: bool = False,
        allow_used_domain: bool = False,
        cname_dns: str | None = None,
        cname_zone: str | None = None,
        cname_overwrite: bool = False,
        allow_replace: bool = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the domain; see the class docstring for every argument."""
        from .licence import PluginLicense

        licence_id: Any = plugin_license
        licence_status: Any = None
        console_status: Any = None
        if isinstance(plugin_license, PluginLicense):
            licence_id = plugin_license.mini_program_app_id
            licence_status = plugin_license.status
            console_status = plugin_license.console_status_input
            opts = pulumi.ResourceOptions.merge(pulumi.ResourceOptions(depends_on=[plugin_license]), opts)
        if domain_type == "play" and scene == "mini_program":
            # R8: undeletable, so protected and retained unless the caller explicitly says otherwise.
            opts = pulumi.ResourceOptions.merge(pulumi.ResourceOptions(protect=True, retain_on_delete=True), opts)
        props = INPUTS.props(
            locals(),
            plugin_license=licence_id,
            plugin_license_status=licence_status,
            plugin_license_console_status=console_status,
        )
        super().__init__(LiveDomainProvider(), resource_name, props, opts)
