"""Numbers are echoed as the user wrote them, although Pulumi sends every number as a float."""

from __future__ import annotations

import pytest

from pulumi_tclive import rules


@pytest.mark.parametrize(("sent", "shown"), [(-5.0, "ttl -5 is outside"), (0.5, "ttl 0.5 is not a whole number")])
def test_a_ttl_is_echoed_as_written(sent: float, shown: str) -> None:
    [problem] = rules.check_ttl(sent, backend="dnspod")
    assert problem.message().startswith(shown)


@pytest.mark.parametrize(("sent", "shown"), [(-3.0, "-3"), (0.0, "0"), ("300", "'300'"), (True, "True")])
def test_a_verify_timeout_is_echoed_as_written(sent: object, shown: str) -> None:
    [problem] = rules.check_verify_timeout(sent)
    assert (
        problem.message()
        == f"verify_timeout is {shown}; it must be a positive number of seconds. Give seconds, e.g. 300."
    )


@pytest.mark.parametrize("sent", [None, 300.0, 0.5, 300])
def test_a_positive_verify_timeout_passes(sent: object) -> None:
    assert rules.check_verify_timeout(sent) == []
