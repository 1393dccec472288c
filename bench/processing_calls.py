"""API calls per operation of the twelve processing resources, and a refresh of 100 rules, beside Terraform's.

Run from the repository root: ``python -m bench.processing_calls``. The providers are called
directly, configured as the engine configures them, on an embedded emulator whose account holds
one push domain; the emulator counts the calls (``DescribeRequestLog``). Terraform's figures are
read from terraform-provider-tencentcloud's ``tencentcloud/services/css/resource_tc_css_*.go``
(commit f6970a9, 2026-08-21): a template's create and update end with its read (create/modify + 1
describe), its read is 1 describe, its delete 1 call; a ``*_rule_attachment`` has no update (any
change is a new attachment), its create ends with a read of every rule of the kind (2), its read
lists them (1) and its delete lists them before deleting (2). Prints figures, asserts nothing.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pulumi.dynamic import ConfigureRequest
from pulumi.dynamic.config import Config

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.cloud.live import ADD_LIVE_DOMAIN, AddLiveDomainRequest
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.resources import (
    CallbackRuleProvider,
    CallbackTemplateProvider,
    RecordRuleProvider,
    RecordTemplateProvider,
    SnapshotRuleProvider,
    SnapshotTemplateProvider,
    TimeShiftRuleProvider,
    TimeShiftTemplateProvider,
    TranscodeRuleProvider,
    TranscodeTemplateProvider,
    WatermarkProvider,
    WatermarkRuleProvider,
)
from pulumi_tclive.resources._provider import TcliveProvider

from ._common import count_calls, elapsed

__all__ = ["main"]

PUSH = "push.example.com"
RULES = 100

# (template provider, its inputs, a change Tencent's Modify can make, its rule provider)
FAMILIES: list[tuple[type[TcliveProvider], dict[str, Any], dict[str, Any], type[TcliveProvider]]] = [
    (
        CallbackTemplateProvider,
        {"template_name": "hooks", "stream_begin_notify_url": "https://api.example.com/b"},
        {"stream_end_notify_url": "https://api.example.com/e"},
        CallbackRuleProvider,
    ),
    (
        RecordTemplateProvider,
        {"template_name": "replays", "hls_param": {"enable": 1, "storage_time": 2592000}},
        {"description": "changed"},
        RecordRuleProvider,
    ),
    (
        TranscodeTemplateProvider,
        {"template_name": "sd", "video_bitrate": 900},
        {"video_bitrate": 1200},
        TranscodeRuleProvider,
    ),
    (
        SnapshotTemplateProvider,
        {"template_name": "covers", "cos_app_id": 1250000000, "cos_bucket": "c", "cos_region": "ap-guangzhou"},
        {"snapshot_interval": 30},
        SnapshotRuleProvider,
    ),
    (
        WatermarkProvider,
        {"watermark_name": "logo", "picture_url": "https://img.example.com/l.png"},
        {"x_position": 50},
        WatermarkRuleProvider,
    ),
    (
        TimeShiftTemplateProvider,
        {"template_name": "rewind", "duration": 86400},
        {"duration": 259200},
        TimeShiftRuleProvider,
    ),
]
TERRAFORM_TEMPLATE = {"create": 2, "read": 1, "update": 2, "delete": 1}
TERRAFORM_RULE = {"create": 2, "read": 1, "update": None, "delete": 2}


def _configured(provider_class: type[TcliveProvider], state: Path) -> TcliveProvider:
    provider = provider_class()
    provider.configure(
        ConfigureRequest(Config({"tclive:endpoint": "embedded", "tclive:emulatorState": str(state)}, "bench"))
    )
    return provider


def _counted(console: TencentCloudClient, operation: Callable[[], Any]) -> tuple[int, Any]:
    with count_calls(console) as made:
        result = operation()
    return sum(made.values()), result


def _family(console: TencentCloudClient, state: Path, family: tuple[Any, ...]) -> list[tuple[str, dict[str, Any]]]:
    template_class, inputs, change, rule_class = family
    template = _configured(template_class, state)
    checked = template.check({}, inputs).inputs
    calls: dict[str, Any] = {}
    calls["create"], created = _counted(console, lambda: template.create(checked))
    calls["read"], _ = _counted(console, lambda: template.read(created.id, created.outs))
    changed = template.check(created.outs, {**inputs, **change}).inputs
    calls["update"], updated = _counted(console, lambda: template.update(created.id, created.outs, changed))
    rule = _configured(rule_class, state)
    rule_inputs = rule.check({}, {"domain_name": PUSH, "app_name": "live", "template_id": int(created.id)}).inputs
    rule_calls: dict[str, Any] = {"update": None}  # a rule has no update: a change replaces it
    rule_calls["create"], bound = _counted(console, lambda: rule.create(rule_inputs))
    rule_calls["read"], _ = _counted(console, lambda: rule.read(bound.id, bound.outs))
    rule_calls["delete"], _ = _counted(console, lambda: rule.delete(bound.id, bound.outs))
    calls["delete"], _ = _counted(console, lambda: template.delete(created.id, updated.outs))
    template_name = template_class.__name__.removesuffix("Provider")
    return [(template_name, calls), (rule_class.__name__.removesuffix("Provider"), rule_calls)]


def _refresh_of_rules(console: TencentCloudClient, state: Path) -> tuple[int, float]:
    """Calls and seconds to read back 100 record rules (one per stream), as a refresh reads each resource."""
    template = _configured(RecordTemplateProvider, state)
    created = template.create(template.check({}, {"template_name": "many"}).inputs)
    rule = _configured(RecordRuleProvider, state)
    bound = []
    for number in range(RULES):
        news = {"domain_name": PUSH, "app_name": "live", "stream_name": f"room{number}", "template_id": int(created.id)}
        bound.append(rule.create(rule.check({}, news).inputs))
    start = time.perf_counter()
    calls, _ = _counted(console, lambda: [rule.read(b.id, b.outs) for b in bound])
    return calls, elapsed(start)


def main(quick: bool = False) -> None:
    """Run the benchmark and print the figures.

    :param quick: accepted for ``bench.__main__``; the run is already small.
    """
    del quick
    print("== processing_calls: API calls per operation of the processing resources, beside Terraform's ==")
    with tempfile.TemporaryDirectory(prefix="tclive-bench-processing-") as tmp:
        state = Path(tmp) / "emulator.sqlite3"
        with Emulator(state) as emulator, emulator.client() as console:
            console.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName=PUSH, DomainType=0))
            print("| resource | create | read | update | delete | Terraform (create/read/update/delete) |")
            print("|---|---|---|---|---|---|")
            for family in FAMILIES:
                for name, calls in _family(console, state, family):
                    terraform = TERRAFORM_RULE if name.endswith("Rule") else TERRAFORM_TEMPLATE
                    ours = " | ".join(
                        "–" if calls[k] is None else str(calls[k]) for k in ("create", "read", "update", "delete")
                    )
                    theirs = "/".join("–" if terraform[k] is None else str(terraform[k]) for k in terraform)
                    print(f"| {name} | {ours} | {theirs} |")
            calls, seconds = _refresh_of_rules(console, state)
            print(
                f"refresh of {RULES} RecordRules: {calls} calls ({calls / RULES:.0f} per rule, Terraform 1 per rule), "
                f"{seconds * 1000:.0f} ms in-process"
            )


if __name__ == "__main__":
    main()
