"""The key digests in state resist an offline guess (scrypt, salted), and older digests keep working."""

from __future__ import annotations

import hashlib
import re
from typing import Any

import pytest

from pulumi_tclive.cloud.live import ADD_LIVE_DOMAIN, AddLiveDomainRequest
from pulumi_tclive.resources import PushAuthKeyProvider
from pulumi_tclive.resources.auth_keys import digest_matches, key_digest
from tests.resources.conftest import Stack

PUSH = "push.example.com"
WEAK = "password"  # the kind of user-chosen key a fast digest would give away
SCRYPT_DIGEST = re.compile(r"^scrypt:[0-9a-f]{32}:[0-9a-f]{32}$")


def legacy_digest(domain: str, key: str) -> str:
    """What earlier versions stored: 16 hex digits of unkeyed SHA-256."""
    return hashlib.sha256(f"tclive-auth-key\0{domain}\0{key}".encode()).hexdigest()[:16]


@pytest.fixture
def created(stack: Stack) -> tuple[PushAuthKeyProvider, Any]:
    stack.console.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName=PUSH, DomainType=0))
    provider = stack.configure(PushAuthKeyProvider())
    assert isinstance(provider, PushAuthKeyProvider)
    return provider, provider.create(provider.check({}, {"domain_name": PUSH, "master_key": WEAK}).inputs)


def test_the_stored_digest_is_salted_scrypt_not_a_fast_hash(created: tuple[PushAuthKeyProvider, Any]) -> None:
    _, result = created
    digest = result.outs["master_key_digest"]
    assert SCRYPT_DIGEST.match(digest), digest
    assert legacy_digest(PUSH, WEAK) not in digest
    # Salted: the same key on the same domain gives another digest each time one is drawn.
    assert key_digest(PUSH, WEAK) != key_digest(PUSH, WEAK)
    assert digest_matches(PUSH, WEAK, digest) and not digest_matches(PUSH, WEAK + "x", digest)
    assert not digest_matches("other.example.com", WEAK, digest)


def test_refresh_keeps_the_digest_of_an_unchanged_key(created: tuple[PushAuthKeyProvider, Any]) -> None:
    provider, result = created
    refreshed = provider.read(result.id, result.outs)
    assert refreshed.outs["master_key_digest"] == result.outs["master_key_digest"]
    assert provider.diff(result.id, result.outs, {"domain_name": PUSH, "master_key": WEAK}).changes is False
    assert provider.diff(result.id, result.outs, {"domain_name": PUSH, "master_key": "another1"}).changes is True


def test_an_older_digest_is_recognised_kept_by_refresh_and_replaced_by_the_next_update(
    created: tuple[PushAuthKeyProvider, Any],
) -> None:
    provider, result = created
    old = {**result.outs, "master_key_digest": legacy_digest(PUSH, WEAK)}
    wanted = {"domain_name": PUSH, "master_key": WEAK}
    assert provider.diff(result.id, old, wanted).changes is False  # no false drift
    assert provider.diff(result.id, old, {**wanted, "master_key": "another1"}).changes is True
    assert provider.read(result.id, old).outs["master_key_digest"] == legacy_digest(PUSH, WEAK)
    updated = provider.update(result.id, old, {**provider.check({}, wanted).inputs, "valid_seconds": 600})
    assert SCRYPT_DIGEST.match(updated.outs["master_key_digest"])
    assert digest_matches(PUSH, WEAK, updated.outs["master_key_digest"])
