"""Refresh reads and destroy deletes run at once, bounded by --parallel, as under the Pulumi CLI
(``refresh`` in pkg/resource/deploy/deployment_executor.go; ``ScheduleDeletes`` in step_generator.go)."""

from __future__ import annotations

from pathlib import Path

from pulumi_tclive.testing import Engine
from tests.testing.step_log_provider import logged, overlapping

REPO = Path(__file__).resolve().parents[2]
PARALLEL = 3


def test_refresh_and_destroy_overlap_up_to_parallel_and_destroy_deletes_dependants_first(tmp_path: Path) -> None:
    log = tmp_path / "steps.jsonl"
    engine = Engine(
        REPO / "tests" / "testing" / "programs" / "parallel",
        config={"steplog:path": str(log)},
        state_path=tmp_path / "state.json",
        env={"PYTHONPATH": str(REPO)},
        parallel=PARALLEL,
    )
    assert engine.up(skip_preview=True).ok

    refreshed = engine.refresh(expect_no_changes=True)
    assert refreshed.exit_code == 0, refreshed.text
    assert refreshed.counts == {"read": 10}, refreshed.counts
    assert 1 < overlapping(log, "read") <= PARALLEL

    destroyed = engine.destroy()
    assert destroyed.ok, destroyed.text
    assert 1 < overlapping(log, "delete") <= PARALLEL
    deletes = {entry["name"]: entry for entry in logged(log, "delete")}
    assert len(deletes) == 10 and deletes["tail"]["end"] <= deletes["head"]["start"], "tail depends on head"
    assert engine.read_state().resources == []
