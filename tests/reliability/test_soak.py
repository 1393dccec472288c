"""Fault-injection soak: seeded lifecycles of LiveDomains and CnameRecords under emulator faults.

Each run sets a fault table (throttling, InternalError, HTTP 502, delays, answers dropped after the
write committed, and short ``Times`` bursts), then drives interleaved lifecycles through the provider
classes exactly as the engine calls them: check → create → read → check/diff/update → read → delete,
with the outputs kept as the engine's state. A failed operation leaves the state as it was and is
tried again later, as a re-run of ``pulumi up`` would. After every run, with faults off, what the
emulator holds must be exactly what the engine's state says: nothing duplicated, nothing orphaned.
"""

from __future__ import annotations

import logging
import random
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pytest

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.cloud.dnspod import CREATE_DOMAIN, CreateDomainRequest
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.emulator.console import FAULTABLE_ACTIONS
from pulumi_tclive.emulator.console_api import (
    APPROVE_PLUGIN_LICENSE,
    DESCRIBE_REQUEST_LOG,
    PAY_PLUGIN_LICENSE,
    SET_FAULTS,
    SUBMIT_PLUGIN_LICENSE,
    ApprovePluginLicenseRequest,
    DescribeRequestLogRequest,
    FaultRule,
    PayPluginLicenseRequest,
    SetFaultsRequest,
    SubmitPluginLicenseRequest,
)
from pulumi_tclive.errors import (
    DnsConflictError,
    RuleViolation,
    TcliveError,
    TencentCloudApiError,
    TransportError,
)
from pulumi_tclive.resources import CnameRecordProvider, LiveDomainProvider
from pulumi_tclive.resources._provider import TcliveProvider

from ._support import all_domains, all_records, configured, embedded_config, use_fast_backoff

SEED = 20260517
RUNS = 8
STANDARD_UNITS_PER_RUN = 5
STANDALONE_RECORDS_PER_RUN = 2
MAX_ATTEMPTS_PER_STEP = 30
ZONE = "example.com"
APP_ID = "wx0123456789abcdef"
RETRY_DEADLINE = "0.3"  # seconds, tclive:writeRetryTimeout / tclive:readRetryTimeout

INJECTED = {
    "RequestLimitExceeded": "RequestLimitExceeded",
    "InternalError": "InternalError",
    "injected HTTP 502": "HTTP 502",
    "committed, answer dropped (HTTP 504)": "answer dropped after commit",
}
BASE_RATES = {
    "RequestLimitExceededRate": 0.06,
    "InternalErrorRate": 0.03,
    "Http502Rate": 0.05,
    "DropResponseRate": 0.04,
}
WRITE_ACTIONS = (
    "AddLiveDomain",
    "DeleteLiveDomain",
    "EnableLiveDomain",
    "ForbidLiveDomain",
    "ModifyLivePlayDomain",
    "CreateRecord",
    "ModifyRecord",
    "DeleteRecord",
)
READ_ACTIONS = ("DescribeLiveDomain", "DescribeRecordList", "DescribeRecord", "DescribeDomainList")
STORMED_ACTIONS = ("AddLiveDomain", "DescribeLiveDomain", "DescribeRecordList")
STORM_TIMES = 45  # more consecutive faults than the client makes attempts within RETRY_DEADLINE


class RequestOutcomes(logging.Handler):
    """Collects the emulator's one-line-per-request log: (action, outcome), and any internal crash."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.outcomes: list[tuple[str, str]] = []
        self.crashes: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            self.crashes.append(record.getMessage())
            return
        args = record.args
        if isinstance(args, tuple) and len(args) == 5 and str(args[1]) in FAULTABLE_ACTIONS:
            self.outcomes.append((str(args[1]), str(args[3])))


@pytest.fixture
def request_outcomes() -> Iterator[RequestOutcomes]:
    logger = logging.getLogger("pulumi_tclive.emulator")
    handler = RequestOutcomes()
    previous = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(previous)


@dataclass
class Managed:
    """One resource as the engine sees it: the program's declared inputs and the stored state.

    ``target_from``: the LiveDomain whose ``cname_target`` output feeds this record's ``target``.
    """

    kind: Literal["domain", "cname"]
    name: str
    provider: TcliveProvider
    declared: dict[str, Any]
    target_from: Managed | None = None
    id: str | None = None
    inputs: dict[str, Any] = field(default_factory=dict)
    outputs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class Step:
    """One operation of a lifecycle (compared by identity); ``change`` holds the new declared inputs of an update."""

    op: Literal["create", "read", "update", "delete"]
    resource: Managed
    change: tuple[tuple[str, Any], ...] = ()

    def label(self) -> str:
        return f"{self.op} {self.resource.kind} {self.resource.name}"


class Deployer:
    """Applies steps the way the engine does and keeps its state; counts what happened."""

    def __init__(self, tally: Counter[str]) -> None:
        self.tally = tally
        self.failed: Counter[Step] = Counter()
        self.errors: list[str] = []

    def apply(self, step: Step) -> bool:
        """Run ``step``; on failure keep the previous state and return ``False`` (try again later)."""
        try:
            self._apply(step)
        except TcliveError as exc:
            self._surfaced(step, exc)
            self.failed[step] += 1
            return False
        if self.failed[step]:
            self.tally["operations recovered by a later re-run"] += 1
        return True

    def _apply(self, step: Step) -> None:
        res = step.resource
        provider: Any = res.provider
        if res.target_from is not None and step.op in ("create", "update"):
            res.declared["target"] = res.target_from.outputs["cname_target"]
        if step.op == "create":
            checked = provider.check({}, dict(res.declared))
            assert checked.failures == [], checked.failures
            created = provider.create(dict(checked.inputs))
            res.id, res.inputs, res.outputs = created.id, dict(checked.inputs), dict(created.outs)
            self._expect_declared(res)
        elif step.op == "read":
            assert res.id is not None
            read = provider.read(res.id, dict(res.outputs))
            assert read.id == res.id, f"{step.label()}: refresh lost the resource (it vanished from the cloud)"
            res.outputs = dict(read.outs)
            if read.inputs is not None:
                res.inputs = dict(read.inputs)
            self._expect_declared(res)
        elif step.op == "update":
            assert res.id is not None
            res.declared.update(dict(step.change))
            checked = provider.check(dict(res.inputs), dict(res.declared))
            assert checked.failures == [], checked.failures
            diff = provider.diff(res.id, dict(res.outputs), dict(checked.inputs))
            assert not diff.replaces, f"{step.label()}: an in-place change planned a replacement {diff.replaces}"
            if diff.changes:
                updated = provider.update(res.id, dict(res.outputs), dict(checked.inputs))
                res.outputs = dict(updated.outs)
            res.inputs = dict(checked.inputs)
            self._expect_declared(res)
        else:
            assert res.id is not None
            provider.delete(res.id, dict(res.outputs))
            res.id, res.inputs, res.outputs = None, {}, {}

    def _expect_declared(self, res: Managed) -> None:
        keys = ("enabled", "play_region") if res.kind == "domain" else ("target", "ttl")
        for key in keys:
            want = res.declared.get(key)
            if want is not None:
                assert res.outputs.get(key) == want, f"{res.name}: output {key}={res.outputs.get(key)!r}, want {want!r}"

    def _surfaced(self, step: Step, exc: TcliveError) -> None:
        text = str(exc)
        assert text.strip(), f"{step.label()}: {type(exc).__name__} with an empty message"
        if isinstance(exc, TencentCloudApiError):
            assert exc.action in text and exc.code in text, f"{step.label()}: message lacks action/code: {text}"
            self.tally[f"surfaced {type(exc).__name__} {exc.action} {exc.code}"] += 1
        elif isinstance(exc, TransportError):
            assert exc.action and exc.action in text, f"{step.label()}: message lacks the action: {text}"
            self.tally[f"surfaced TransportError {exc.action}"] += 1
        elif step.op == "create" and isinstance(exc, RuleViolation) and "already exists" in text:
            # The earlier attempt's AddLiveDomain committed but the create failed after it (answer
            # lost, or a later call failed): the re-run refuses its own domain. The user's remedy.
            assert self.failed[step] > 0, f"{step.label()}: refused on the first attempt: {text}"
            assert "adopt_existing=True" in text
            step.resource.declared["adopt_existing"] = True
            self.tally["re-run creates refused until adopt_existing=True (finding)"] += 1
        elif step.op == "update" and isinstance(exc, DnsConflictError) and "since it was last read" in text:
            # The earlier attempt's ModifyRecord committed: the guard sees our own write. The remedy
            # the message gives is `pulumi refresh`, then apply again.
            assert self.failed[step] > 0, f"{step.label()}: conflict on the first attempt: {text}"
            self.apply(Step("read", step.resource))
            self.tally["re-run updates refused until a refresh (finding)"] += 1
        else:
            self.tally[f"surfaced {type(exc).__name__}"] += 1
        self.errors.append(f"{step.label()}: {type(exc).__name__}: {text.splitlines()[0]}")


def domain_inputs(name: str, domain_type: str, *, scene: str = "standard", slow_live: bool = False) -> dict[str, Any]:
    values: dict[str, Any] = {"domain_name": name, "domain_type": domain_type, "scene": scene, "slow_live": slow_live}
    if scene == "mini_program":
        values.update(plugin_license=APP_ID, plugin_license_status="available")
    return values


def cname_inputs(name: str, verify: str, target: str | None = None) -> dict[str, Any]:
    return {"name": name, "target": target, "dns": "dnspod", "ttl": 600, "verify": verify, "verify_timeout": 5}


def standard_unit(rng: random.Random, run: int, index: int, providers: dict[str, TcliveProvider]) -> list[Step]:
    """A standard domain and its CNAME (verify="cloud"): created, refreshed, changed, refreshed, deleted."""
    domain_type = rng.choice(["push", "play"])
    name = f"r{run}-s{index}-{domain_type}.{ZONE}"
    domain = Managed(
        "domain", name, providers["domain"], domain_inputs(name, domain_type, slow_live=rng.random() < 0.3)
    )
    changes: list[tuple[str, Any]] = [("enabled", False)]
    if domain_type == "play":
        changes.append(("play_region", rng.choice(["global", "overseas"])))
    steps = [Step("create", domain), Step("read", domain)]
    record: Managed | None = None
    if rng.random() < 0.7:
        record = Managed("cname", name, providers["cname"], cname_inputs(name, "cloud"), target_from=domain)
        steps.append(Step("create", record))
        steps += [Step("read", record), Step("update", record, (("ttl", rng.choice([300, 1200, 3600])),))]
    steps += [Step("update", domain, tuple(rng.sample(changes, k=rng.randint(1, len(changes))))), Step("read", domain)]
    if record is not None:
        steps += [Step("read", record), Step("delete", record)]
    steps.append(Step("delete", domain))
    return steps


def standalone_record_unit(rng: random.Random, run: int, index: int, provider: TcliveProvider) -> list[Step]:
    """A CNAME with verify="none" whose target changes in place."""
    name = f"r{run}-c{index}.{ZONE}"
    record = Managed("cname", name, provider, cname_inputs(name, "none", f"origin-a{index}.example.net"))
    new_target = (("target", f"origin-b{index}.example.net"), ("ttl", rng.choice([600, 900])))
    return [
        Step("create", record),
        Step("read", record),
        Step("update", record, new_target),
        Step("read", record),
        Step("delete", record),
    ]


def mini_program_unit(rng: random.Random, run: int, provider: TcliveProvider) -> tuple[Managed, list[Step]]:
    """A mini-program domain (licence available): created and changed, never deleted."""
    domain_type = rng.choice(["push", "play"])
    name = f"r{run}-mp-{domain_type}.{ZONE}"
    domain = Managed("domain", name, provider, domain_inputs(name, domain_type, scene="mini_program"))
    change: tuple[tuple[str, Any], ...] = (("enabled", False),)
    if domain_type == "play":
        change = (("play_region", "global"),)
    return domain, [Step("create", domain), Step("read", domain), Step("update", domain, change), Step("read", domain)]


def fault_table(rng: random.Random, run: int) -> tuple[SetFaultsRequest, str, list[str]]:
    """Base rates on every action, plus two special rules: a delay, and a burst limited by ``Times``."""
    delayed = rng.choice(WRITE_ACTIONS + READ_ACTIONS)
    rules = [FaultRule(Action=delayed, DelayMs=rng.randint(2, 8), **BASE_RATES)]
    if run % 3 == 2:
        # A storm longer than the retry deadline: the client gives up (ThrottledError/TransportError)
        # and the engine's re-run finishes the job once the storm has passed.
        burst_action = rng.choice([a for a in STORMED_ACTIONS if a != delayed])
        burst_kind = rng.choice(["RequestLimitExceededRate", "Http502Rate"])
        times = STORM_TIMES
    else:
        burst_action = rng.choice([a for a in WRITE_ACTIONS + READ_ACTIONS if a != delayed])
        burst_kind = rng.choice(["RequestLimitExceededRate", "Http502Rate", "DropResponseRate"])
        times = rng.choice([1, 2, 3])
    rules.append(FaultRule(Action=burst_action, Times=times, **{burst_kind: 1.0}))
    rules.append(FaultRule(Action="*", **BASE_RATES))
    notes = [f"delay on {delayed}", f"{burst_kind.removesuffix('Rate')}×{times} on {burst_action}"]
    return SetFaultsRequest(Faults=rules, Seed=SEED + run), delayed, notes


def assert_emulator_matches_state(console: TencentCloudClient, resources: list[Managed]) -> None:
    """The emulator holds exactly the engine's live resources: no duplicate, no orphan, same settings."""
    domains = all_domains(console)
    names = [d.Name for d in domains]
    assert len(names) == len(set(names)), f"duplicated domains: {sorted(n for n in names if names.count(n) > 1)}"
    expected = {r.id: r for r in resources if r.kind == "domain" and r.id is not None}
    assert set(names) == set(expected), (
        f"orphaned in the emulator: {sorted(set(names) - set(expected))}; "
        f"lost from the emulator: {sorted(set(expected) - set(names))}"
    )
    for info in domains:
        outputs = expected[info.Name].outputs
        assert (info.Type == 1) == (outputs["domain_type"] == "play")
        assert (info.IsMiniProgramLive == 1) == (outputs["scene"] == "mini_program")
        assert (info.IsDelayLive == 1) == outputs["slow_live"]
        assert (info.Status == 1) == outputs["enabled"], f"{info.Name}: Status {info.Status} vs state {outputs}"
        if info.Type == 1:
            assert info.PlayType == {"mainland": 1, "global": 2, "overseas": 3}[outputs["play_region"]]
    records = all_records(console, ZONE)
    owners = [f"{r.Name}.{ZONE}" for r in records]
    assert len(owners) == len(set(owners)), f"duplicated records: {sorted(o for o in owners if owners.count(o) > 1)}"
    wanted = {r.id: r for r in resources if r.kind == "cname" and r.id is not None}
    assert set(owners) == set(wanted), (
        f"orphaned records: {sorted(set(owners) - set(wanted))}; lost records: {sorted(set(wanted) - set(owners))}"
    )
    for record in records:
        outputs = wanted[f"{record.Name}.{ZONE}"].outputs
        assert record.Type == "CNAME" and record.Value.rstrip(".") == outputs["target"]
        assert (record.TTL, str(record.RecordId)) == (outputs["ttl"], outputs["record_id"])


def test_seeded_lifecycles_under_faults_converge_to_the_engine_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request_outcomes: RequestOutcomes
) -> None:
    use_fast_backoff(monkeypatch)
    random.seed(SEED)  # the client's backoff jitter
    state = tmp_path / "emulator.sqlite3"
    console = Emulator(state).client()
    console.call(CREATE_DOMAIN, CreateDomainRequest(Domain=ZONE))
    console.call(
        SUBMIT_PLUGIN_LICENSE,
        SubmitPluginLicenseRequest(
            MiniProgramAppId=APP_ID,
            MiniProgramName="Acme Shop",
            SubjectType="enterprise",
            Scene="ecommerce",
            ServiceCategories=["电商平台"],
        ),
    )
    console.call(APPROVE_PLUGIN_LICENSE, ApprovePluginLicenseRequest(MiniProgramAppId=APP_ID))
    console.call(PAY_PLUGIN_LICENSE, PayPluginLicenseRequest(MiniProgramAppId=APP_ID))
    config = embedded_config(
        state, **{"tclive:writeRetryTimeout": RETRY_DEADLINE, "tclive:readRetryTimeout": RETRY_DEADLINE}
    )
    providers: dict[str, TcliveProvider] = {
        "domain": configured(LiveDomainProvider(), config),
        "cname": configured(CnameRecordProvider(), config),
    }
    tally: Counter[str] = Counter()
    deployer = Deployer(tally)
    kept: list[Managed] = []  # mini-program domains stay, run after run
    for run in range(RUNS):
        rng = random.Random(SEED * 100 + run)
        units: list[list[Step]] = [standard_unit(rng, run, i, providers) for i in range(STANDARD_UNITS_PER_RUN)] + [
            standalone_record_unit(rng, run, i, providers["cname"]) for i in range(STANDALONE_RECORDS_PER_RUN)
        ]
        mp_domain, mp_steps = mini_program_unit(rng, run, providers["domain"])
        units.append(mp_steps)
        resources = kept + list({id(s.resource): s.resource for u in units for s in u}.values())
        faults, delayed, notes = fault_table(rng, run)
        console.call(SET_FAULTS, faults)
        seen = len(request_outcomes.outcomes)
        while any(units):
            unit = rng.choice([u for u in units if u])
            step = unit[0]
            if deployer.apply(step):
                unit.pop(0)
            else:
                assert deployer.failed[step] < MAX_ATTEMPTS_PER_STEP, (
                    f"run {run}: {step.label()} failed {deployer.failed[step]} times; last errors:\n"
                    + "\n".join(deployer.errors[-5:])
                )
        console.call(SET_FAULTS, SetFaultsRequest(Faults=[]))
        tally["requests delayed"] += sum(1 for a, _ in request_outcomes.outcomes[seen:] if a == delayed)
        assert_emulator_matches_state(console, resources)
        kept.append(mp_domain)
        tally["runs"] += 1
        print(f"run {run}: faults {', '.join(notes)}; {len(deployer.errors)} failures surfaced so far", file=sys.stderr)

    assert request_outcomes.crashes == [], request_outcomes.crashes
    log = console.call(DESCRIBE_REQUEST_LOG, DescribeRequestLogRequest())
    outcomes = Counter(outcome for _, outcome in request_outcomes.outcomes)
    assert log.Total == sum(outcomes.values()), "every request the emulator counted was seen in its log"
    faults_injected = {label: outcomes[outcome] for outcome, label in INJECTED.items()}
    injected = sum(faults_injected.values())
    consequences = sum(v for k, v in tally.items() if k.endswith("(finding)"))
    surfaced = len(deployer.errors) - consequences
    print(
        f"soak: {tally['runs']} runs, {log.Total} requests, {injected} faults injected ("
        + ", ".join(f"{k} {v}" for k, v in faults_injected.items())
        + f") plus {tally['requests delayed']} requests delayed; {surfaced} failures surfaced to the engine, "
        f"{injected - surfaced} faults absorbed by client retries or idempotent re-reads, "
        f"{tally['operations recovered by a later re-run']} operations recovered by a later re-run, "
        f"{consequences} re-runs refused because of an earlier committed-but-failed attempt",
        file=sys.stderr,
    )
    for key, value in sorted(tally.items()):
        print(f"  {key}: {value}", file=sys.stderr)
    assert tally["runs"] == RUNS
    assert all(faults_injected.values()), f"every kind of fault was injected: {faults_injected}"
    assert tally["operations recovered by a later re-run"] > 0
    gave_up = [k for k in tally if k.startswith(("surfaced ThrottledError", "surfaced TransportError"))]
    assert gave_up, "a storm past the retry deadline surfaced, and its operation was re-run later"
    console.close()


@pytest.fixture
def quiet_stack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[TencentCloudClient, dict[str, str]]]:
    """A console client on a fresh emulator with the ``example.com`` zone, and the providers' config."""
    use_fast_backoff(monkeypatch)
    state = tmp_path / "emulator.sqlite3"
    console = Emulator(state).client()
    console.call(CREATE_DOMAIN, CreateDomainRequest(Domain=ZONE))
    yield console, embedded_config(state, **{"tclive:writeRetryTimeout": "0.3", "tclive:readRetryTimeout": "0.3"})
    console.close()


def created_outputs(provider: CnameRecordProvider, inputs: dict[str, Any]) -> dict[str, Any]:
    """Create the record without faults; its outputs (the engine's state)."""
    created = provider.create(dict(inputs))
    assert created.outs is not None
    return dict(created.outs)


COMMITTED_THEN_FAILED = {
    "the read-back after AddLiveDomain fails": [FaultRule(Action="DescribeLiveDomain", InternalErrorRate=1.0, Times=1)],
    "AddLiveDomain's answer is lost and its retry fails": [
        FaultRule(Action="AddLiveDomain", DropResponseRate=1.0, Times=1),
        FaultRule(Action="*", InternalErrorRate=1.0, Times=1),
    ],
    "AddLiveDomain's answers are lost until the deadline": [FaultRule(Action="AddLiveDomain", DropResponseRate=1.0)],
}


@pytest.mark.parametrize("rules", COMMITTED_THEN_FAILED.values(), ids=list(COMMITTED_THEN_FAILED))
def test_a_rerun_after_a_committed_but_failed_create_succeeds(
    quiet_stack: tuple[TencentCloudClient, dict[str, str]], rules: list[FaultRule]
) -> None:
    console, config = quiet_stack
    provider = configured(LiveDomainProvider(), config)
    inputs = provider.check({}, domain_inputs(f"push.{ZONE}", "push")).inputs
    console.call(SET_FAULTS, SetFaultsRequest(Faults=rules, Seed=1))
    try:
        result = provider.create(dict(inputs))
    except TcliveError:  # the engine records nothing; the next `pulumi up` creates again, faults gone
        console.call(SET_FAULTS, SetFaultsRequest(Faults=[]))
        result = provider.create(dict(inputs))
    assert result.id == f"push.{ZONE}"
    assert [d.Name for d in all_domains(console)] == [f"push.{ZONE}"]


COMMITTED_MODIFY = {
    "the read-back after ModifyRecord fails": [FaultRule(Action="DescribeRecord", InternalErrorRate=1.0, Times=1)],
    "ModifyRecord's answers are lost until the deadline": [FaultRule(Action="ModifyRecord", DropResponseRate=1.0)],
}


@pytest.mark.parametrize("rules", COMMITTED_MODIFY.values(), ids=list(COMMITTED_MODIFY))
def test_a_rerun_after_a_committed_but_failed_record_update_succeeds(
    quiet_stack: tuple[TencentCloudClient, dict[str, str]], rules: list[FaultRule]
) -> None:
    console, config = quiet_stack
    provider = configured(CnameRecordProvider(), config)
    name = f"www.{ZONE}"
    olds = dict(provider.check({}, cname_inputs(name, "none", "origin-a.example.net")).inputs)
    outputs = created_outputs(provider, olds)
    news = dict(provider.check(olds, cname_inputs(name, "none", "origin-b.example.net")).inputs)
    console.call(SET_FAULTS, SetFaultsRequest(Faults=rules, Seed=1))
    try:
        result = provider.update(name, dict(outputs), dict(news))
    except TcliveError:  # the engine keeps the old state; the next `pulumi up` updates again, faults gone
        console.call(SET_FAULTS, SetFaultsRequest(Faults=[]))
        result = provider.update(name, dict(outputs), dict(news))
    assert result.outs is not None and result.outs["target"] == "origin-b.example.net"
    assert [(r.Name, r.Value) for r in all_records(console, ZONE)] == [("www", "origin-b.example.net.")]


def test_a_delete_whose_answer_was_lost_does_not_blame_someone_else(
    quiet_stack: tuple[TencentCloudClient, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    console, config = quiet_stack
    provider = configured(CnameRecordProvider(), config)
    name = f"www.{ZONE}"
    outputs = created_outputs(
        provider, dict(provider.check({}, cname_inputs(name, "none", "origin-a.example.net")).inputs)
    )
    console.call(SET_FAULTS, SetFaultsRequest(Faults=[FaultRule(Action="DeleteRecord", DropResponseRate=1.0, Times=1)]))
    capsys.readouterr()
    provider.delete(name, outputs)
    assert all_records(console, ZONE) == []
    assert "outside this stack" not in capsys.readouterr().err
