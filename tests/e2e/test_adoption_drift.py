"""adopt_existing is never reported as drift (issue 17): the README's lost-state recovery, then refresh."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.test_day2 import component, open_stack


def test_refresh_after_adopting_then_dropping_adopt_existing_reports_no_changes(tmp_path: Path) -> None:
    with open_stack(tmp_path / "adopted") as stack:
        stack.write(component(push_domain='"push.example.com"', adopt_existing="True"))
        assert stack.engine.up(skip_preview=True).ok
        stack.write(component(push_domain='"push.example.com"'))  # adoption done: the flag comes out
        assert stack.engine.up(skip_preview=True).ok
        refreshed = stack.engine.refresh(expect_no_changes=True)
        assert refreshed.exit_code == 0, refreshed.text
        assert "adopt_existing" not in refreshed.text
