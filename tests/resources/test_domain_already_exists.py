""" "Already exists" names both fixes: aliases for a resource renamed in code, adopt_existing for one made outside."""

from __future__ import annotations

import pytest

from pulumi_tclive.cloud.live import ADD_LIVE_DOMAIN, AddLiveDomainRequest
from pulumi_tclive.errors import RuleViolation
from pulumi_tclive.resources.domain import LiveDomainProvider

from .conftest import Stack


def test_an_existing_domain_names_aliases_and_adopt_existing(stack: Stack) -> None:
    # What a rename in code leaves behind: the domain exists, this resource (its new name) has no record of it.
    stack.console.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName="play.example.com", DomainType=1))
    provider = stack.configure(LiveDomainProvider())
    with pytest.raises(RuleViolation) as refused:
        provider.create({"domain_name": "play.example.com", "domain_type": "play", "scene": "standard"})
    message = str(refused.value)
    assert message.startswith("Live domain play.example.com already exists in this Tencent Cloud account")
    assert "If you renamed this LiveDomain or its MiniProgramLive in code" in message
    assert 'opts=pulumi.ResourceOptions(aliases=[pulumi.Alias(name="OLD-NAME")])' in message
    assert "pulumi stack --show-urns" in message
    assert "made outside this stack" in message and "set adopt_existing=True on the LiveDomain" in message
