"""Auth keys and private keys never reach an exception, stderr or a refreshed input (conftest's embedded stack)."""

from __future__ import annotations

import pytest

from pulumi_tclive.cloud.live import ADD_LIVE_DOMAIN, AddLiveDomainRequest
from pulumi_tclive.errors import RuleViolation
from pulumi_tclive.resources import PlayDomainCertificateProvider, PushAuthKeyProvider
from tests.fixtures.certs import issue, other_key
from tests.resources.conftest import Stack

MARKER = "MarkerSecret7d1f0c2b"


def test_a_failed_create_does_not_show_the_key(stack: Stack, capsys: pytest.CaptureFixture[str]) -> None:
    provider = stack.configure(PushAuthKeyProvider())
    with pytest.raises(RuleViolation) as err:
        provider.create({"domain_name": "missing.example.com", "master_key": MARKER})
    assert "does not exist" in str(err.value)
    captured = capsys.readouterr()
    assert MARKER not in str(err.value) + repr(err.value) + captured.out + captured.err


def test_a_refused_certificate_does_not_show_the_private_key(stack: Stack, capsys: pytest.CaptureFixture[str]) -> None:
    stack.console.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName="play.example.com", DomainType=1))
    cert, wrong = issue("play.example.com"), other_key()
    provider = stack.configure(PlayDomainCertificateProvider())
    with pytest.raises(RuleViolation) as err:  # check() would refuse this; create must fail as cleanly
        provider.create({"domain_name": "play.example.com", "certificate": cert.chain, "private_key": wrong})
    assert "InvalidParameter.CrtKeyNotMatch" in str(err.value)
    body = wrong.splitlines()[1]
    captured = capsys.readouterr()
    assert body not in str(err.value) + captured.out + captured.err


def test_refresh_keeps_a_generated_key_out_of_the_inputs(stack: Stack) -> None:
    stack.console.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName="push.example.com", DomainType=0))
    provider = stack.configure(PushAuthKeyProvider())
    checked = provider.check({}, {"domain_name": "push.example.com"}).inputs
    created = provider.create(checked)
    assert created.outs["master_key"] and created.outs["generated"] is True
    refreshed = provider.read(created.id, created.outs)
    assert refreshed.inputs is not None and refreshed.inputs["master_key"] is None
    assert refreshed.outs["master_key_digest"] == created.outs["master_key_digest"]
