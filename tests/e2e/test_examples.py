"""The other runnable examples, through the offline engine on the embedded emulator."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pulumi_tclive.cloud.live import ADD_LIVE_DOMAIN, AddLiveDomainRequest

from .test_quickstart import Project, ops, project


@pytest.fixture
def education(tmp_path: Path) -> Iterator[Project]:
    yield from project(tmp_path, "education")


@pytest.fixture
def adopt_existing(tmp_path: Path) -> Iterator[Project]:
    yield from project(tmp_path, "adopt-existing")


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


def test_adopt_existing_takes_over_a_console_domain_and_converges_it(adopt_existing: Project) -> None:
    adopt_existing.console.call(
        ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName="legacy.example.com", DomainType=1, PlayType=1)
    )
    result = adopt_existing.engine.up()
    assert result.ok, result.text
    assert result.outputs["adopted"] is True
    assert adopt_existing.domains() == {"legacy.example.com": (1, 0, 1)}
    assert ops(adopt_existing.engine.up()) == {}


def test_adopt_existing_without_the_domain_simply_creates_it(adopt_existing: Project) -> None:
    result = adopt_existing.engine.up()
    assert result.ok, result.text
    assert result.outputs["adopted"] is False
    assert "legacy.example.com" in adopt_existing.domains()
