"""MiniProgramLive refuses one domain name in two roles before registering anything (issue 17, finding 4)."""

from __future__ import annotations

import pytest

import pulumi_tclive as tclive
from pulumi_tclive.errors import RuleViolation
from tests.resources.test_program import CapturingMonitor, monitor  # noqa: F401 (the fixture)

MP = "mp-play.example.com"


@pytest.mark.parametrize(
    ("play", "push", "app_play", "says"),
    [
        (MP, None, "MP-Play.example.com.", f"{MP} is both its play_domain (the mini-program play domain"),
        (
            MP,
            MP,
            None,
            f"{MP} is both its play_domain (the mini-program play domain the plugin plays from) and its push",
        ),
        (MP, "play.example.com", "play.example.com", "play.example.com is both its push_domain (the push domain)"),
    ],
    ids=["play-and-app-play", "play-and-push", "push-and-app-play"],
)
def test_one_name_in_two_roles_fails_before_anything_is_registered(
    monitor: CapturingMonitor,  # noqa: F811 (the fixture imported above)
    play: str,
    push: str | None,
    app_play: str | None,
    says: str,
) -> None:
    with pytest.raises(RuleViolation) as refused:
        tclive.MiniProgramLive(
            "acme",
            app_id="wx0123456789abcdef",
            mini_program_name="Acme",
            service_categories=["电商平台"],
            play_domain=play,
            push_domain=push,
            app_play_domain=app_play,
        )
    message = str(refused.value)
    assert message.startswith("MiniProgramLive 'acme': ") and says in message
    assert "a name of its own" in message and "adopt_existing" not in message
    assert monitor.registrations == {}
