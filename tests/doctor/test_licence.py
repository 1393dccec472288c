"""The licence check judged from the stack's declaration (``console_status``), where no console answers for it."""

from __future__ import annotations

from pathlib import Path

from pulumi_tclive.doctor import DeployedResource, Deployment, Finding, doctor
from pulumi_tclive.settings import ProviderSettings


def _licence_findings(tmp_path: Path, *resources: DeployedResource) -> list[Finding]:
    settings = ProviderSettings.load(
        {"tclive:endpoint": "embedded", "tclive:emulatorState": str(tmp_path / "emulator.sqlite3")}
    )
    findings = doctor(Deployment("test", "dev", resources, {}, settings))
    return [f for f in findings if f.check == "licence"]


def test_a_declared_status_short_of_available_fails_with_the_next_step(tmp_path: Path) -> None:
    licence = DeployedResource(
        "PluginLicense",
        "shop",
        "wx0123456789abcdef",
        {"mini_program_app_id": "wx0123456789abcdef", "console_status": "pending_payment"},
        {"status": "pending_payment"},
    )
    [finding] = _licence_findings(tmp_path, licence)
    assert (finding.subject, finding.status) == ("licence wx0123456789abcdef", "fail")
    assert finding.detail == "status pending_payment by console_status (Tencent has no licence API)"
    assert finding.fix.startswith("Pay for the licence in 云直播控制台 > 资源包/插件管理")


def test_a_mini_program_domain_on_a_licence_the_stack_does_not_declare_warns(tmp_path: Path) -> None:
    domain = {"domain_name": "mp-play.example.com", "domain_type": "play", "scene": "mini_program"}
    play = DeployedResource(
        "LiveDomain", "mp-play", "mp-play.example.com", {**domain, "plugin_license": "wx00112233445566aa"}, {}
    )
    [finding] = _licence_findings(tmp_path, play)
    assert (finding.subject, finding.status) == ("licence wx00112233445566aa", "warn")
    assert "mp-play.example.com" in finding.detail and "run the doctor on the stack that declares it" in finding.fix
