"""The other runnable examples, through the offline engine on the embedded emulator."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .test_quickstart import Project, ops, project


@pytest.fixture
def education(tmp_path: Path) -> Iterator[Project]:
    yield from project(tmp_path, "education")


def test_education_declares_the_three_domains_r6_recommends(education: Project) -> None:
    result = education.engine.up()
    assert result.ok, result.text
    assert ops(result) == {"create": 7}
    assert education.domains() == {
        "push.school.example.com": (0, 0, 1),
        "mp.school.example.com": (1, 1, 1),
        "play.school.example.com": (1, 0, 1),
    }
    assert set(education.records()) == {"push.school", "mp.school", "play.school"}
    protected = {entry.name for entry in education.engine.read_state().resources if entry.protect}
    assert protected == {"mp-play", "mp-play-cname"}  # R8: the CNAME lives as long as the domain
