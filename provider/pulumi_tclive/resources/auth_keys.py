"""``PushAuthKey`` and ``PlayAuthKey``: a live domain's URL authentication (hotlink protection) keys.

Push: DescribeLivePushAuthKey / ModifyLivePushAuthKey (MasterAuthKey, BackupAuthKey, AuthDelta).
Play: DescribeLivePlayAuthKey / ModifyLivePlayAuthKey (AuthKey, AuthBackKey, AuthDelta).
Terraform's equivalents are ``tencentcloud_css_push_auth_key_config`` / ``tencentcloud_css_play_auth_key_config``.

Keys:

- ``master_key=None`` means "generated": create puts a fresh 32-hex-digit key (the form Tencent's
  console generates) on the domain; updates keep whatever key the domain has, so the key is stable
  and only ever changes when the program says so. ``backup_key=None`` means no backup key.
- Every key is a secret: the resource wraps the inputs with ``Output.secret`` and declares
  ``master_key``/``backup_key`` as secret outputs. State also holds a salted digest of each key
  (``master_key_digest``, ``backup_key_digest``: 16 hex digits of SHA-256 over the domain and the
  key), which is how a key changed in the console shows on refresh without revealing either value.
- Rotation: set ``backup_key`` to the new key (both work), move clients to it, then set
  ``master_key`` to it and ``backup_key`` to ``None`` (or the next key).
- ``adopt_existing=True`` (what ``tclive import`` writes) takes over the keys the domain has: a key
  left ``None`` keeps the domain's, and create writes nothing when the domain already has the
  declared ``enabled`` and ``valid_seconds``. No key ever needs to appear in the program.

Delete leaves the domain's authentication as it is (a push domain keeps authentication on with the
last key: Tencent's default for push domains). ``disable_on_delete=True`` switches authentication
off instead (Enable=0); the keys stay on the domain.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pulumi
from pulumi.dynamic import CheckFailure, CheckResult, CreateResult, DiffResult, ReadResult, Resource, UpdateResult

from ..cloud.client import TencentCloudClient
from ..cloud.streaming import (
    DESCRIBE_LIVE_PLAY_AUTH_KEY,
    DESCRIBE_LIVE_PUSH_AUTH_KEY,
    MODIFY_LIVE_PLAY_AUTH_KEY,
    MODIFY_LIVE_PUSH_AUTH_KEY,
    DescribeLivePlayAuthKeyRequest,
    DescribeLivePushAuthKeyRequest,
    ModifyLivePlayAuthKeyRequest,
    ModifyLivePushAuthKeyRequest,
)
from ..errors import RuleViolation, TencentCloudApiError
from ._domain_ref import domain_inputs, domain_kind_problems, domain_reference
from ._inputs import Input, Inputs
from ._provider import DRIFTED, TcliveProvider, as_bool, drifted, failures, is_unknown, say

__all__ = [
    "DEFAULT_VALID_SECONDS",
    "INPUTS",
    "MAX_VALID_SECONDS",
    "PlayAuthKey",
    "PlayAuthKeyProvider",
    "PushAuthKey",
    "PushAuthKeyProvider",
    "check_auth_key",
    "key_digest",
]

DEFAULT_VALID_SECONDS = 1800
MAX_VALID_SECONDS = 30 * 24 * 3600
KEY_LENGTHS = (8, 64)
_KEY = re.compile(r"^[A-Za-z0-9]+$")


def key_digest(domain: str, key: str) -> str:
    """16 hex digits of SHA-256 over the domain and the key: stable, salted per domain, not the key."""
    if not key:
        return ""
    return hashlib.sha256(f"tclive-auth-key\0{domain}\0{key}".encode()).hexdigest()[:16]


def check_auth_key(value: object, property: str) -> list[CheckFailure]:
    """The key rules, as property-less failures whose text never quotes the key (it is a secret)."""
    if value is None or is_unknown(value):
        return []
    low, high = KEY_LENGTHS
    if isinstance(value, str) and _KEY.match(value) and low <= len(value) <= high:
        return []
    if not isinstance(value, str):
        what = f"is a {type(value).__name__}, not text"
    elif value and not _KEY.match(value):
        what = f"has {len(value)} characters, not only letters and digits"
    else:
        what = f"has {len(value)} characters"
    return [
        CheckFailure(
            "",
            f"{property} (a secret, not shown) {what}. Use {low}-{high} letters and digits "
            f"(e.g. `openssl rand -hex 16`), or leave {property} unset to have a key generated.",
        )
    ]


@dataclass(frozen=True)
class _Kind:
    """What differs between push and play authentication."""

    resource: str
    domain_type: str
    other: str

    def describe(self, client: TencentCloudClient, domain: str) -> tuple[int, str, str, int]:
        """(Enable, master key, backup key, AuthDelta) as the domain has them."""
        if self.domain_type == "push":
            push = client.call(DESCRIBE_LIVE_PUSH_AUTH_KEY, DescribeLivePushAuthKeyRequest(DomainName=domain))
            p = push.PushAuthKeyInfo
            return (p.Enable, p.MasterAuthKey, p.BackupAuthKey, p.AuthDelta) if p else (0, "", "", 0)
        play = client.call(DESCRIBE_LIVE_PLAY_AUTH_KEY, DescribeLivePlayAuthKeyRequest(DomainName=domain))
        q = play.PlayAuthKeyInfo
        return (q.Enable, q.AuthKey, q.AuthBackKey, q.AuthDelta) if q else (0, "", "", 0)

    def modify(
        self,
        client: TencentCloudClient,
        domain: str,
        *,
        enable: int,
        master: str | None = None,
        backup: str | None = None,
        delta: int | None = None,
    ) -> None:
        if self.domain_type == "push":
            client.call(
                MODIFY_LIVE_PUSH_AUTH_KEY,
                ModifyLivePushAuthKeyRequest(
                    DomainName=domain, Enable=enable, MasterAuthKey=master, BackupAuthKey=backup, AuthDelta=delta
                ),
            )
        else:
            client.call(
                MODIFY_LIVE_PLAY_AUTH_KEY,
                ModifyLivePlayAuthKeyRequest(
                    DomainName=domain, Enable=enable, AuthKey=master, AuthBackKey=backup, AuthDelta=delta
                ),
            )


PUSH = _Kind("PushAuthKey", "push", "PlayAuthKey")
PLAY = _Kind("PlayAuthKey", "play", "PushAuthKey")


INPUTS = Inputs(
    "PushAuthKey/PlayAuthKey",
    *domain_inputs("push (PushAuthKey) or play (PlayAuthKey)"),
    Input("enabled", bool, True, doc="Authentication on or off."),
    Input(
        "master_key",
        str,
        doc="The key URLs are signed with (MasterAuthKey / AuthKey): 8-64 letters and digits. ``None`` generates "
        "one on create and keeps it.",
        secret=True,
        compared=False,  # through its digest: diff() below
        validated_by="check_auth_key (a secret: its message never quotes it)",
    ),
    Input(
        "backup_key",
        str,
        doc="A second valid key for rotation (BackupAuthKey / AuthBackKey), or ``None`` for none.",
        secret=True,
        compared=False,
        validated_by="check_auth_key (a secret: its message never quotes it)",
    ),
    Input(
        "valid_seconds",
        int,
        DEFAULT_VALID_SECONDS,
        doc="AuthDelta: how long past its ``txTime`` a URL is still accepted, 1 s to 30 days.",
        range=(1, MAX_VALID_SECONDS),
        unit="seconds",
        fix=f"Give whole seconds from 1 to {MAX_VALID_SECONDS} (30 days); {DEFAULT_VALID_SECONDS} is the default.",
    ),
    Input(
        "disable_on_delete",
        bool,
        False,
        doc="``True`` switches authentication off when the resource is deleted; ``False`` leaves the domain as it is.",
    ),
    Input(
        "adopt_existing",
        bool,
        False,
        doc="``True`` keeps the keys the domain already has wherever ``master_key`` or ``backup_key`` is ``None``, "
        "and writes nothing on create when the domain is as declared (``tclive import`` writes this).",
        compared=False,
    ),
    outputs=("master_key_digest", "backup_key_digest", "generated"),
)


class _AuthKeyProvider(TcliveProvider):
    kind: _Kind

    def check(self, olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        inputs, problems = INPUTS.check(news)
        problems += domain_kind_problems(
            inputs,
            self.kind.resource,
            self.kind.domain_type,
            f"Use {self.kind.other} for {inputs.get('domain_type')} domains, or point this one at a "
            f"{self.kind.domain_type} domain.",
        )
        found = failures(problems)
        found += check_auth_key(inputs.get("master_key"), "master_key")
        found += check_auth_key(inputs.get("backup_key"), "backup_key")
        master, backup = inputs.get("master_key"), inputs.get("backup_key")
        if isinstance(master, str) and master and master == backup:
            found.append(
                CheckFailure("", "backup_key equals master_key. Give a different backup key, or leave it unset.")
            )
        return CheckResult(inputs, found)

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        new = INPUTS.values(news)
        changed = INPUTS.changed(olds, news)
        domain = str(new["domain_name"])
        for key in ("master_key", "backup_key"):
            wanted = new[key]
            if is_unknown(wanted):
                changed.append(key)
            elif ((key == "backup_key" and not new["adopt_existing"]) or wanted is not None) and key_digest(
                domain, wanted or ""
            ) != (olds.get(f"{key}_digest") or ""):
                # Digests, because the old key itself may be withheld from the provider (a secret).
                changed.append(key)
        # A key no input says (generated, or kept from the domain) that refresh found replaced.
        changed += [
            k.removesuffix("_digest") for k in olds.get(DRIFTED) or [] if k.removesuffix("_digest") not in changed
        ]
        return DiffResult(
            changes=bool(changed), replaces=INPUTS.replacements(changed, news), delete_before_replace=False
        )

    def _current(self, client: TencentCloudClient, domain: str) -> tuple[int, str, str, int]:
        try:
            return self.kind.describe(client, domain)
        except TencentCloudApiError as exc:
            if exc.matches("ResourceNotFound.DomainNotExist", "InternalError.DomainNotExist"):
                raise RuleViolation(
                    f"{self.kind.resource}: the live domain {domain} does not exist in this account. Declare it "
                    f"with LiveDomain (and pass that LiveDomain as domain_name), then run `pulumi up` again."
                ) from None
            if exc.matches("ResourceNotFound.PushDomainNoRecord", "ResourceNotFound.PlayDomainNoRecord"):
                raise RuleViolation(
                    f"{self.kind.resource} needs a {self.kind.domain_type} domain, and {domain} is not one. "
                    f"Use {self.kind.other} for it, or point this resource at a {self.kind.domain_type} domain."
                ) from None
            raise

    def _apply(
        self, client: TencentCloudClient, inputs: Mapping[str, Any], master: str, backup: str | None = None
    ) -> dict[str, Any]:
        domain = str(inputs["domain_name"])
        backup = str(inputs["backup_key"] or "") if backup is None else backup
        self.kind.modify(
            client,
            domain,
            enable=1 if inputs["enabled"] else 0,
            master=master,
            backup=backup,
            delta=int(inputs["valid_seconds"]),
        )
        return self._outputs(inputs, master, backup)

    @staticmethod
    def _outputs(inputs: Mapping[str, Any], master: str, backup: str) -> dict[str, Any]:
        domain = str(inputs["domain_name"])
        return {
            **inputs,
            "master_key": master,
            "backup_key": backup,
            "master_key_digest": key_digest(domain, master),
            "backup_key_digest": key_digest(domain, backup),
            "generated": inputs["master_key"] is None,
            "backup_declared": inputs["backup_key"] is not None,
        }

    def create(self, props: dict[str, Any]) -> CreateResult:
        inputs = INPUTS.values(props)
        domain = str(inputs["domain_name"])
        client = self.runtime.client()
        enable, current_master, current_backup, delta = self._current(client, domain)  # before any write
        if inputs["adopt_existing"]:
            # Keys left None keep the domain's; nothing is written when the domain is as declared.
            master = str(inputs["master_key"] or current_master or secrets.token_hex(16))
            backup = current_backup if inputs["backup_key"] is None else str(inputs["backup_key"])
            same = (enable == 1) == inputs["enabled"] and delta == inputs["valid_seconds"]
            if same and (master, backup) == (current_master, current_backup):
                say(f"{self.kind.resource} {domain}: adopted the domain's authentication as it is.")
                return CreateResult(domain, self._outputs(inputs, master, backup))
            return CreateResult(domain, self._apply(client, inputs, master, backup))
        master = str(inputs["master_key"] or secrets.token_hex(16))
        return CreateResult(domain, self._apply(client, inputs, master))

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        inputs = INPUTS.values(news)
        client = self.runtime.client()
        _, current_master, current_backup, _ = self._current(client, id_)
        # A generated key stays what the domain has; one is generated only if the domain has none.
        master = str(inputs["master_key"] or current_master or secrets.token_hex(16))
        keep_backup = inputs["adopt_existing"] and inputs["backup_key"] is None
        return UpdateResult(self._apply(client, inputs, master, current_backup if keep_backup else None))

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        try:
            enable, master, backup, delta = self.kind.describe(self.runtime.client(), id_)
        except TencentCloudApiError as exc:
            if exc.matches("ResourceNotFound.DomainNotExist", "InternalError.DomainNotExist"):
                return ReadResult("", {})
            raise
        # ``props`` are the old outputs: they hold every key, also those the program left out (a
        # generated key, a backup key kept from the domain). Those were never inputs and must not
        # become any: the CLI marks returned inputs secret only where the old inputs were secret
        # (annotateSecrets in pkg/resource/plugin/provider_plugin.go), so one would reach state in clear.
        generated = as_bool(props.get("generated"), False)
        old = INPUTS.values(props)
        backup_declared = as_bool(props.get("backup_declared"), not old["adopt_existing"]) and bool(old["backup_key"])
        inputs = {
            **old,
            "enabled": enable == 1,
            "valid_seconds": delta,
            "master_key": None if generated else old["master_key"],
            "backup_key": old["backup_key"] if backup_declared else None,
        }
        outputs = {
            **self._outputs(inputs, master, backup),
            "generated": generated,
            "backup_declared": backup_declared,
        }
        outputs[DRIFTED] = drifted(props, outputs, ("master_key_digest", "backup_key_digest"))
        return ReadResult(id_, outputs, inputs)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        if not as_bool(props.get("disable_on_delete"), False):
            say(f"{self.kind.resource} {id_}: left as it is (disable_on_delete is false).")
            return
        try:
            self.kind.modify(self.runtime.client(), id_, enable=0)
        except TencentCloudApiError as exc:
            if exc.matches("ResourceNotFound.DomainNotExist", "InternalError.DomainNotExist"):
                return
            raise
        say(f"{self.kind.resource} {id_}: authentication switched off (disable_on_delete).")


class PushAuthKeyProvider(_AuthKeyProvider):
    """Dynamic provider of :class:`PushAuthKey`."""

    kind = PUSH


class PlayAuthKeyProvider(_AuthKeyProvider):
    """Dynamic provider of :class:`PlayAuthKey`."""

    kind = PLAY


class _AuthKeyResource(Resource):
    """What PushAuthKey and PlayAuthKey share: arguments, secret wrapping, outputs."""

    provider_class: type[_AuthKeyProvider]

    domain_name: pulumi.Output[str]
    enabled: pulumi.Output[bool]
    master_key: pulumi.Output[str]
    backup_key: pulumi.Output[str]
    valid_seconds: pulumi.Output[int]
    master_key_digest: pulumi.Output[str]
    backup_key_digest: pulumi.Output[str]
    generated: pulumi.Output[bool]

    def __init__(
        self,
        resource_name: str,
        *,
        domain_name: Any,
        enabled: pulumi.Input[bool] = True,
        master_key: pulumi.Input[str] | None = None,
        backup_key: pulumi.Input[str] | None = None,
        valid_seconds: pulumi.Input[int] = DEFAULT_VALID_SECONDS,
        disable_on_delete: bool = False,
        adopt_existing: bool = False,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the resource; every argument is documented on the class (``help(<class>)``)."""
        domain_name, domain_type, opts = domain_reference(domain_name, opts)
        props = INPUTS.props(locals(), domain_type=domain_type)
        super().__init__(self.provider_class(), resource_name, props, INPUTS.options(opts))


@INPUTS.document
class PushAuthKey(_AuthKeyResource, module="tclive", name="PushAuthKey"):
    """Push authentication of a push domain: on/off, master and backup keys, validity.

    Tencent enables push authentication on every new push domain with a generated key; this
    resource takes that setting over. Push URLs then need ``txSecret``/``txTime``
    (:func:`pulumi_tclive.signed_url` or ``tclive url sign``).

    Outputs: ``master_key``, ``backup_key`` (secrets), ``master_key_digest``, ``backup_key_digest``,
    ``generated`` (the master key was generated).
    """

    provider_class = PushAuthKeyProvider


@INPUTS.document
class PlayAuthKey(_AuthKeyResource, module="tclive", name="PlayAuthKey"):
    """Play authentication of a play domain: on/off, key and backup key, validity.

    Play domains start with authentication off; with it on, play URLs need ``txSecret``/``txTime``
    signed with this key.

    Outputs: as :class:`PushAuthKey`.
    """

    provider_class = PlayAuthKeyProvider
