"""Preview (check) refusals of PushAuthKey, PlayAuthKey, PlayDomainCertificate and PlayReferer: one per rule."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from pulumi.dynamic.dynamic import serialize_provider

from pulumi_tclive import tls
from pulumi_tclive.resources import (
    PlayAuthKeyProvider,
    PlayDomainCertificateProvider,
    PlayRefererProvider,
    PushAuthKeyProvider,
)
from tests.fixtures.certs import issue, other_key

PLAY = "play.example.com"


def reasons(provider: Any, news: dict[str, Any]) -> list[str]:
    return [f"{f.property}: {f.reason}" for f in provider.check({}, news).failures]


# ---- auth keys ----------------------------------------------------------------------------------


def test_a_valid_push_key_passes_and_gets_defaults() -> None:
    result = PushAuthKeyProvider().check({}, {"domain_name": "Push.Example.com", "master_key": "abcDEF123456"})
    assert result.failures == []
    assert result.inputs["domain_name"] == "push.example.com"
    assert (result.inputs["enabled"], result.inputs["valid_seconds"], result.inputs["disable_on_delete"]) == (
        True,
        1800,
        False,
    )


@pytest.mark.parametrize(
    ("news", "says"),
    [
        ({"master_key": "short"}, "has 5 characters"),
        ({"master_key": "with space and !"}, "not only letters and digits"),
        ({"backup_key": "x" * 65}, "backup_key (a secret, not shown) has 65 characters"),
        ({"master_key": "sameKey12345", "backup_key": "sameKey12345"}, "backup_key equals master_key"),
        ({"valid_seconds": 0}, "valid_seconds is 0"),
        ({"valid_seconds": 2592001}, "2592000"),
        ({"valid_seconds": 1.5}, "whole seconds"),
        ({"enabled": "yes"}, "enabled is 'yes'"),
        ({"domain_type": "play"}, "PushAuthKey needs a push domain, and push.example.com is a play domain"),
    ],
)
def test_push_key_refusals(news: dict[str, Any], says: str) -> None:
    found = reasons(PushAuthKeyProvider(), {"domain_name": "push.example.com", **news})
    assert any(says in reason for reason in found), found
    for secret in (news.get("master_key"), news.get("backup_key")):
        assert not secret or all(secret not in reason for reason in found)


def test_play_key_only_on_play_domains() -> None:
    found = reasons(PlayAuthKeyProvider(), {"domain_name": "push.example.com", "domain_type": "push"})
    assert any("Use PushAuthKey for push domains" in r for r in found)
    assert reasons(PlayAuthKeyProvider(), {"domain_name": PLAY, "domain_type": "play"}) == []


@pytest.mark.parametrize(
    "cls", [PushAuthKeyProvider, PlayAuthKeyProvider, PlayDomainCertificateProvider, PlayRefererProvider]
)
def test_pickled_streaming_providers_hold_nothing(cls: type) -> None:
    raw = base64.b64decode(serialize_provider(cls()))
    assert len(raw) <= 512 and b"pulumi_tclive.resources" in raw


# ---- certificates -------------------------------------------------------------------------------


def cert_news(certificate: str, key: str, **extra: Any) -> dict[str, Any]:
    return {"domain_name": PLAY, "certificate": certificate, "private_key": key, **extra}


def test_a_good_chain_passes() -> None:
    cert = issue(PLAY)
    assert reasons(PlayDomainCertificateProvider(), cert_news(cert.chain, cert.key)) == []


def test_a_wildcard_covers_one_label_only() -> None:
    cert = issue("*.example.com")
    assert reasons(PlayDomainCertificateProvider(), cert_news(cert.chain, cert.key)) == []
    found = reasons(PlayDomainCertificateProvider(), cert_news(cert.chain, cert.key, domain_name="a.play.example.com"))
    assert any("SANs *.example.com" in r and "does not cover a.play.example.com" in r for r in found), found


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda c: cert_news("not a certificate", c.key), "no PEM certificate"),
        (
            lambda c: cert_news("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", c.key),
            "does not parse",
        ),
        (lambda c: cert_news(c.chain, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"), "not a PEM"),
        (lambda c: cert_news(c.chain, other_key()), "does not belong to the certificate subject CN=play.example.com"),
        (lambda c: cert_news(c.ca + c.leaf, c.key), "reverse order"),
        (lambda c: cert_news(c.chain, c.key, domain_type="push"), "needs a play domain"),
        (lambda c: cert_news(c.chain, c.key, cloud_cert_id="abc"), "not both"),
        (lambda c: {"domain_name": PLAY}, "No certificate given"),
        (lambda c: {"domain_name": PLAY, "certificate": c.chain}, "private_key is missing"),
    ],
)
def test_certificate_refusals(make: Any, says: str) -> None:
    cert = issue(PLAY)
    news = make(cert)
    found = reasons(PlayDomainCertificateProvider(), news)
    assert any(says in reason for reason in found), found
    key_body = cert.key.splitlines()[1]
    assert all(key_body not in reason for reason in found)


def test_the_reversed_chain_message_names_both_ends() -> None:
    cert = issue(PLAY)
    found = reasons(PlayDomainCertificateProvider(), cert_news(cert.ca + cert.leaf, cert.key))
    assert any("starts with CN=tclive test CA" in r and "the leaf CN=play.example.com" in r for r in found)


def test_expired_and_expiring_certificates() -> None:
    expired = issue(PLAY, days=-2, start_days_ago=90)
    found = reasons(PlayDomainCertificateProvider(), cert_news(expired.chain, expired.key))
    assert any("has expired" in r and "valid " in r for r in found)
    soon = issue(PLAY, days=5)
    found = reasons(PlayDomainCertificateProvider(), cert_news(soon.chain, soon.key))
    assert any("within min_valid_days=14" in r for r in found)
    assert reasons(PlayDomainCertificateProvider(), cert_news(soon.chain, soon.key, min_valid_days=0)) == []
    future = issue(PLAY, start_days_ago=-3)
    assert any(
        "not valid yet" in r for r in reasons(PlayDomainCertificateProvider(), cert_news(future.chain, future.key))
    )


def test_an_encrypted_key_is_refused_with_the_openssl_fix() -> None:
    cert = issue(PLAY)
    key = serialization.load_pem_private_key(cert.key.encode(), password=None)
    encrypted = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"pw"),
    ).decode()
    found = reasons(PlayDomainCertificateProvider(), cert_news(cert.chain, encrypted))
    assert any("encrypted" in r and "openssl pkey" in r for r in found)


def test_summary_dates_and_fingerprint() -> None:
    cert = issue(PLAY, "www.example.com")
    summary = tls.summarize(tls.load_chain(cert.leaf)[0])
    assert summary.dns_names == (PLAY, "www.example.com")
    assert summary.not_after > datetime.now(UTC)
    assert len(summary.fingerprint) == 95


@pytest.mark.parametrize(
    ("names", "domain", "covered"),
    [
        (["play.example.com"], "PLAY.example.com.", True),
        (["*.example.com"], "play.example.com", True),
        (["*.example.com"], "example.com", False),
        (["*.example.com"], "a.b.example.com", False),
        (["p*.example.com"], "play.example.com", False),
        (["*.com"], "example.com", False),
    ],
)
def test_rfc6125_matching(names: list[str], domain: str, covered: bool) -> None:
    assert tls.covers(names, domain) is covered


# ---- referer ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("news", "says"),
    [
        ({"rules": ["https://www.example.com/page"]}, "is not a host name"),
        ({"rules": ["www.example.com", "WWW.example.com"]}, "listed twice"),
        ({"rules": [], "allow_empty": False}, "refuses every browser"),
        ({"mode": "block", "rules": ["a.example.com"]}, "Use 'allow'"),
        ({"rules": "a.example.com"}, "Give a list of host names"),
        ({"domain_type": "push", "rules": ["a.example.com"]}, "needs a play domain"),
    ],
)
def test_referer_refusals(news: dict[str, Any], says: str) -> None:
    found = reasons(PlayRefererProvider(), {"domain_name": PLAY, **news})
    assert any(says in reason for reason in found), found


def test_unknown_rules_wait_for_the_update() -> None:
    from pulumi.output import Unknown

    assert reasons(PlayRefererProvider(), {"domain_name": PLAY, "rules": ["a.example.com", Unknown()]}) == []


def test_good_referer_rules_are_normalised() -> None:
    result = PlayRefererProvider().check(
        {}, {"domain_name": PLAY, "mode": "deny", "rules": ["*.Example.net", "cdn.example.com:8080"]}
    )
    assert result.failures == []
    assert result.inputs["rules"] == ["*.example.net", "cdn.example.com:8080"]
    empty_deny = PlayRefererProvider().check({}, {"domain_name": PLAY, "mode": "deny", "rules": []})
    assert empty_deny.failures == []
