"""PlayDomainCertificate provider against the embedded emulator: a cloud_cert_id, a mismatch, a push domain."""

from __future__ import annotations

import pytest

from pulumi_tclive.cloud.live import ADD_LIVE_DOMAIN, AddLiveDomainRequest
from pulumi_tclive.cloud.streaming import DESCRIBE_LIVE_DOMAIN_CERT_BINDINGS, DescribeLiveDomainCertBindingsRequest
from pulumi_tclive.errors import RuleViolation
from pulumi_tclive.resources import PlayDomainCertificateProvider
from tests.fixtures.certs import issue
from tests.resources.conftest import Stack


@pytest.fixture
def domains(stack: Stack) -> Stack:
    for name, kind in (
        ("play.example.com", 1),
        ("www.example.com", 1),
        ("other.example.org", 1),
        ("push.example.com", 0),
    ):
        stack.console.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName=name, DomainType=kind))
    return stack


def test_a_cloud_cert_id_from_an_earlier_upload_binds_another_domain(domains: Stack) -> None:
    provider = domains.configure(PlayDomainCertificateProvider())
    cert = issue("play.example.com", "www.example.com")
    first = provider.create({"domain_name": "play.example.com", "certificate": cert.chain, "private_key": cert.key})
    cloud_id = first.outs["bound_cloud_cert_id"]
    second = provider.create({"domain_name": "www.example.com", "cloud_cert_id": cloud_id})
    assert second.outs["bound_cloud_cert_id"] == cloud_id
    assert second.outs["fingerprint"] == first.outs["fingerprint"]
    assert second.outs["dns_names"] == ["play.example.com", "www.example.com"]
    listed = domains.console.call(DESCRIBE_LIVE_DOMAIN_CERT_BINDINGS, DescribeLiveDomainCertBindingsRequest())
    assert sorted(b.DomainName for b in listed.LiveDomainCertBindings) == ["play.example.com", "www.example.com"]

    with pytest.raises(RuleViolation) as err:
        provider.create({"domain_name": "other.example.org", "cloud_cert_id": cloud_id})
    assert "was not bound" in str(err.value) and "InvalidParameter.CrtDomainNotFound" in str(err.value)


def test_a_push_domain_is_refused_before_any_upload(domains: Stack) -> None:
    provider = domains.configure(PlayDomainCertificateProvider())
    cert = issue("push.example.com")
    with pytest.raises(RuleViolation, match=r"needs a play domain, and push\.example\.com is a push domain"):
        provider.create({"domain_name": "push.example.com", "certificate": cert.chain, "private_key": cert.key})
    assert "ModifyLiveDomainCertBindings" not in domains.calls()


def test_delete_unbinds_and_tolerates_a_binding_already_gone(domains: Stack) -> None:
    provider = domains.configure(PlayDomainCertificateProvider())
    cert = issue("play.example.com")
    created = provider.create({"domain_name": "play.example.com", "certificate": cert.chain, "private_key": cert.key})
    provider.delete(created.id, created.outs)
    provider.delete(created.id, created.outs)  # a second delete (re-run after a failure) is fine
    assert provider.read(created.id, created.outs).id == ""
