"""The doctor's runner: a progress line on stderr while a run lasts over a second; a check that cannot reach
the cloud fails with the reason instead of stopping the others."""

from __future__ import annotations

import threading

from pulumi_tclive.doctor import Finding, Planned, run_checks
from pulumi_tclive.errors import TransportError


def test_a_long_run_reports_progress_and_a_failing_call_fails_only_its_check() -> None:
    lines: list[str] = []
    reported = threading.Event()

    def progress(line: str) -> None:
        lines.append(line)
        reported.set()

    def slow() -> list[Finding]:
        # Finishes only once the runner has said how far it is (at one second), whatever the machine's speed.
        assert reported.wait(30), "no progress line within 30 s"
        return [Finding("domain", "play.example.com", "pass", "enabled")]

    def unreachable() -> list[Finding]:
        raise TransportError("DescribeLiveDomains at live.tencentcloudapi.com: connection refused")

    findings = run_checks(
        [Planned("domain", "play.example.com", slow), Planned("cname", "push.example.com", unreachable)],
        progress=progress,
    )
    assert lines[0].startswith("tclive doctor: ") and "/2 checks done" in lines[0]
    assert lines[-1].startswith("tclive doctor: 2/2 checks done in ")
    assert [(f.check, f.subject, f.status) for f in findings] == [
        ("domain", "play.example.com", "pass"),
        ("cname", "push.example.com", "fail"),
    ]
    assert "connection refused" in findings[1].detail and "credentials" in findings[1].fix
