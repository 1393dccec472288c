"""Refresh as the Pulumi CLI runs it against these providers (pkg/resource/deploy/step.go ``RefreshStep``):
``read(id, old outputs)``, then ``diff(id, olds=refreshed outputs, news=old inputs)``; drift is a diff
that reports changes. Read never returns a key among the inputs that the program did not declare
(the CLI marks returned inputs secret only where the old inputs were: ``annotateSecrets``)."""

from __future__ import annotations

from typing import Any

from pulumi_tclive.cloud.live import ADD_LIVE_DOMAIN, AddLiveDomainRequest
from pulumi_tclive.cloud.streaming import (
    MODIFY_LIVE_PLAY_AUTH_KEY,
    MODIFY_LIVE_PUSH_AUTH_KEY,
    ModifyLivePlayAuthKeyRequest,
    ModifyLivePushAuthKeyRequest,
)
from pulumi_tclive.resources import LiveDomainProvider, PlayAuthKeyProvider, PushAuthKeyProvider
from tests.resources.conftest import Stack

BACKUP = "BackupKey0123456789abcdef01234567"
MASTER = "MasterKey0123456789abcdef01234567"
DECLARED = "Declared0123456789abcdef012345678"


def refresh(provider: Any, id_: str, outputs: dict[str, Any], inputs: dict[str, Any]) -> tuple[Any, bool]:
    """Read, then Diff with the CLI's refresh arguments; returns (the read result, drifted)."""
    read = provider.read(id_, outputs)
    assert read.id == id_
    return read, bool(provider.diff(id_, read.outs, inputs).changes)


def test_refresh_of_an_adopted_key_with_a_backup_key_returns_neither_key_among_the_inputs(stack: Stack) -> None:
    stack.console.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName="push.example.com", DomainType=0))
    stack.console.call(
        MODIFY_LIVE_PUSH_AUTH_KEY,
        ModifyLivePushAuthKeyRequest(DomainName="push.example.com", MasterAuthKey=MASTER, BackupAuthKey=BACKUP),
    )
    provider = stack.configure(PushAuthKeyProvider())
    inputs = provider.check({}, {"domain_name": "push.example.com", "adopt_existing": True}).inputs
    created = provider.create(inputs)
    assert created.outs["backup_key"] == BACKUP  # a secret output: the CLI passes it to read decrypted
    read, drifted = refresh(provider, created.id, created.outs, inputs)
    assert read.inputs is not None
    assert BACKUP not in repr(read.inputs) and MASTER not in repr(read.inputs), read.inputs
    assert not drifted


def test_a_declared_backup_key_stays_an_input(stack: Stack) -> None:
    stack.console.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName="push.example.com", DomainType=0))
    provider = stack.configure(PushAuthKeyProvider())
    inputs = provider.check({}, {"domain_name": "push.example.com", "backup_key": DECLARED}).inputs
    created = provider.create(inputs)
    read, drifted = refresh(provider, created.id, created.outs, inputs)
    assert read.inputs is not None and read.inputs["backup_key"] == DECLARED and not drifted


def test_a_generated_key_replaced_in_the_console_is_drift_until_up_writes_it(stack: Stack) -> None:
    stack.console.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName="play.example.com", DomainType=1))
    provider = stack.configure(PlayAuthKeyProvider())
    inputs = provider.check({}, {"domain_name": "play.example.com"}).inputs
    created = provider.create(inputs)
    assert not refresh(provider, created.id, created.outs, inputs)[1]
    stack.console.call(
        MODIFY_LIVE_PLAY_AUTH_KEY, ModifyLivePlayAuthKeyRequest(DomainName="play.example.com", AuthKey=MASTER)
    )
    read, drifted = refresh(provider, created.id, created.outs, inputs)
    assert drifted and read.inputs is not None and read.inputs["master_key"] is None
    assert refresh(provider, created.id, read.outs, inputs)[1], "reported again until up"
    assert provider.diff(created.id, read.outs, inputs).changes, "so up updates it"
    updated = provider.update(created.id, read.outs, inputs).outs
    assert updated["master_key"] == MASTER and not refresh(provider, created.id, updated, inputs)[1]


def test_a_declared_key_changed_in_the_console_is_drift(stack: Stack) -> None:
    stack.console.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName="push.example.com", DomainType=0))
    provider = stack.configure(PushAuthKeyProvider())
    inputs = provider.check({}, {"domain_name": "push.example.com", "master_key": DECLARED}).inputs
    created = provider.create(inputs)
    stack.console.call(
        MODIFY_LIVE_PUSH_AUTH_KEY, ModifyLivePushAuthKeyRequest(DomainName="push.example.com", MasterAuthKey=MASTER)
    )
    read, drifted = refresh(provider, created.id, created.outs, inputs)
    assert drifted and read.inputs is not None and read.inputs["master_key"] == DECLARED


def test_a_new_cname_target_from_tencent_is_drift(stack: Stack) -> None:
    provider = stack.configure(LiveDomainProvider())
    inputs = provider.check({}, {"domain_name": "push.example.com", "domain_type": "push"}).inputs
    created = provider.create(inputs)
    assert not refresh(provider, created.id, created.outs, inputs)[1]
    # As if Tencent had moved the domain since the state was written.
    stale = {**created.outs, "cname_target": "push.example.com.old-target.com"}
    read, drifted = refresh(provider, created.id, stale, inputs)
    assert drifted and read.outs["cname_target"] == created.outs["cname_target"]
    assert provider.diff(created.id, read.outs, inputs).changes
    updated = provider.update(created.id, read.outs, inputs).outs
    assert not provider.diff(created.id, updated, inputs).changes
