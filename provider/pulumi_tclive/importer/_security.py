"""Reading a domain's streaming security for ``tclive import``: auth keys, HTTPS certificate, referer rules.

Keys are read only to learn whether authentication is set up; they are never kept: the program
declares ``PushAuthKey``/``PlayAuthKey`` with ``adopt_existing=True``, which takes over the keys the
domain has, so no secret is ever written. A setting the resource would refuse at preview is left
out with the reason instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pulumi.dynamic import ResourceProvider

from ..cloud.client import TencentCloudClient
from ..cloud.streaming import (
    DESCRIBE_LIVE_DOMAIN_CERT_BINDINGS,
    DESCRIBE_LIVE_DOMAIN_REFERER,
    DESCRIBE_LIVE_PLAY_AUTH_KEY,
    DESCRIBE_LIVE_PUSH_AUTH_KEY,
    DescribeLiveDomainCertBindingsRequest,
    DescribeLiveDomainRefererRequest,
    DescribeLivePlayAuthKeyRequest,
    DescribeLivePushAuthKeyRequest,
)
from ..resources.auth_keys import PlayAuthKeyProvider, PushAuthKeyProvider
from ..resources.referer import PlayRefererProvider

__all__ = ["FoundAuth", "FoundCertificate", "FoundReferer", "Security", "read_security"]


@dataclass(frozen=True)
class FoundAuth:
    """URL authentication of a domain (push or play, by the domain's type); its keys stay in the account."""

    enabled: bool
    valid_seconds: int


@dataclass(frozen=True)
class FoundCertificate:
    """The certificate bound to a play domain, by its Tencent SSL id (no private key is needed to keep it)."""

    cloud_cert_id: str
    expires_at: str


@dataclass(frozen=True)
class FoundReferer:
    """A play domain's Referer check."""

    mode: str
    rules: tuple[str, ...]
    allow_empty: bool


@dataclass(frozen=True)
class Security:
    """What of the domain's security can be declared, and notes on what cannot."""

    auth: FoundAuth | None = None
    certificate: FoundCertificate | None = None
    referer: FoundReferer | None = None
    notes: tuple[str, ...] = ()


def _refused(provider: ResourceProvider, inputs: dict[str, Any]) -> str | None:
    """What the resource's own preview check would say about these inputs (``None``: it accepts them)."""
    failures = provider.check({}, inputs).failures or []
    return "; ".join(f.reason for f in failures) or None


def read_security(client: TencentCloudClient, name: str, domain_type: str) -> Security:
    """Read ``name``'s authentication, and for a play domain its certificate binding and referer rules.

    Args:
        client: a client for Tencent Cloud or the emulator.
        name: the live domain.
        domain_type: ``push`` or ``play``.
    """
    notes: list[str] = []
    auth: FoundAuth | None = None
    if domain_type == "push":
        push = client.call(DESCRIBE_LIVE_PUSH_AUTH_KEY, DescribeLivePushAuthKeyRequest(DomainName=name)).PushAuthKeyInfo
        state = (push.Enable, bool(push.MasterAuthKey), push.AuthDelta) if push else None
        provider: ResourceProvider = PushAuthKeyProvider()
        resource = "PushAuthKey"
    else:
        play = client.call(DESCRIBE_LIVE_PLAY_AUTH_KEY, DescribeLivePlayAuthKeyRequest(DomainName=name)).PlayAuthKeyInfo
        state = (play.Enable, bool(play.AuthKey), play.AuthDelta) if play else None
        provider = PlayAuthKeyProvider()
        resource = "PlayAuthKey"
    if state is not None and (state[0] == 1 or state[1]):
        found = FoundAuth(enabled=state[0] == 1, valid_seconds=state[2])
        inputs = {
            "domain_name": name,
            "domain_type": domain_type,
            "enabled": found.enabled,
            "valid_seconds": found.valid_seconds,
            "adopt_existing": True,
        }
        refused = _refused(provider, inputs)
        if refused is None:
            auth = found
        else:
            notes.append(f"its {domain_type} authentication is not imported: {resource} refuses it ({refused}).")
    if domain_type != "play":
        return Security(auth=auth, notes=tuple(notes))

    certificate: FoundCertificate | None = None
    bindings = client.call(
        DESCRIBE_LIVE_DOMAIN_CERT_BINDINGS, DescribeLiveDomainCertBindingsRequest(DomainName=name)
    ).LiveDomainCertBindings
    bound = next((b for b in bindings if b.DomainName == name), None)
    if bound is not None:
        if bound.CloudCertId and bound.Status == 1:
            certificate = FoundCertificate(cloud_cert_id=bound.CloudCertId, expires_at=bound.CertExpireTime)
        elif bound.CloudCertId:
            notes.append(
                f"its certificate {bound.CloudCertId} is bound with HTTPS off, which PlayDomainCertificate cannot "
                "declare (it binds with HTTPS on): not imported."
            )
        else:
            notes.append("its bound certificate has no Tencent SSL id to declare it by: not imported.")

    referer: FoundReferer | None = None
    config = client.call(
        DESCRIBE_LIVE_DOMAIN_REFERER, DescribeLiveDomainRefererRequest(DomainName=name)
    ).RefererAuthConfig
    if config is not None and config.Enable == 1:
        found_referer = FoundReferer(
            mode="allow" if config.Type == 1 else "deny",
            rules=tuple(rule for rule in config.Rules.split(";") if rule),
            allow_empty=config.AllowEmpty == 1,
        )
        inputs = {
            "domain_name": name,
            "domain_type": "play",
            "mode": found_referer.mode,
            "rules": list(found_referer.rules),
            "allow_empty": found_referer.allow_empty,
        }
        refused = _refused(PlayRefererProvider(), inputs)
        if refused is None:
            referer = found_referer
        else:
            notes.append(f"its referer rules are not imported: PlayReferer refuses them ({refused}).")
    return Security(auth=auth, certificate=certificate, referer=referer, notes=tuple(notes))
