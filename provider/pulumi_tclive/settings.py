"""Provider settings: stack config first, then environment (README.md#configuration).

Settings are read in the provider process only, from ``configure()``: the Pulumi engine sends the
whole stack config there, namespaced and decrypted, every value a string
(docs/design.md#pulumi-engine-facts). Nothing here is ever stored on a pickled object, written to
state, or shown in a repr: :class:`ProviderSettings` hides its secrets.

Loading settings never touches the network and never requires credentials; only building a cloud
client (which happens in create/read/update/delete, never in check/diff) does.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .dns.base import Nameserver
from .errors import ConfigurationError, DnsError

__all__ = ["DEFAULT_EMULATOR_STATE", "DEFAULT_REGION", "EMBEDDED", "ProviderSettings", "parse_nameservers"]

DEFAULT_REGION = "ap-guangzhou"
DEFAULT_EMULATOR_STATE = ".tclive/emulator.sqlite3"
EMBEDDED = "embedded"

# (config key, environment variable) per setting; config wins.
_SOURCES: dict[str, tuple[str, str]] = {
    "secret_id": ("tclive:secretId", "TENCENTCLOUD_SECRET_ID"),
    "secret_key": ("tclive:secretKey", "TENCENTCLOUD_SECRET_KEY"),
    "security_token": ("tclive:securityToken", "TENCENTCLOUD_SECURITY_TOKEN"),
    "region": ("tclive:region", "TENCENTCLOUD_REGION"),
    "endpoint": ("tclive:endpoint", "TCLIVE_ENDPOINT"),
    "emulator_state": ("tclive:emulatorState", "TCLIVE_EMULATOR_STATE"),
    "emulator_auto_approve": ("tclive:emulatorAutoApprove", "TCLIVE_EMULATOR_AUTO_APPROVE"),
    "rfc2136_server": ("tclive:rfc2136Server", "TCLIVE_RFC2136_SERVER"),
    "rfc2136_tsig_key_name": ("tclive:rfc2136TsigKeyName", "TCLIVE_RFC2136_TSIG_KEY_NAME"),
    "rfc2136_tsig_secret": ("tclive:rfc2136TsigSecret", "TCLIVE_RFC2136_TSIG_SECRET"),
    "rfc2136_tsig_algorithm": ("tclive:rfc2136TsigAlgorithm", "TCLIVE_RFC2136_TSIG_ALGORITHM"),
    "nameservers": ("tclive:nameservers", "TCLIVE_NAMESERVERS"),
    "write_retry_timeout": ("tclive:writeRetryTimeout", "TENCENTCLOUD_WRITE_RETRY_TIMEOUT"),
    "read_retry_timeout": ("tclive:readRetryTimeout", "TENCENTCLOUD_READ_RETRY_TIMEOUT"),
}

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}

Backend = Literal["cloud", "embedded", "emulator"]


def _describe_source(name: str) -> str:
    key, env = _SOURCES[name]
    return f"stack config {key} (or environment variable {env})"


def parse_nameservers(text: str, *, setting: str) -> tuple[Nameserver, ...]:
    """Parse ``host[:port],…`` (IPv6 as ``[addr]:port``) into nameservers."""
    try:
        return tuple(Nameserver.parse(item) for item in text.split(",") if item.strip())
    except DnsError as exc:
        raise ConfigurationError(f"{setting}: {exc}") from None


def _parse_bool(value: str, name: str) -> bool:
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigurationError(f"{_describe_source(name)} is {value!r}; use true or false.")


def _parse_seconds(value: str, name: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds > 0:
        raise ConfigurationError(f"{_describe_source(name)} is {value!r}; give a positive number of seconds.")
    return seconds


@dataclass(frozen=True, repr=False)
class ProviderSettings:
    """Everything the providers need from stack config and environment.

    ``endpoint`` is ``None`` for real Tencent Cloud, ``"embedded"`` for the in-process emulator, or
    the base URL of an emulator server. Secrets (``secret_key``, ``security_token``,
    ``rfc2136_tsig_secret``) never appear in ``repr``.
    """

    secret_id: str | None = None
    secret_key: str | None = None
    security_token: str | None = None
    region: str = DEFAULT_REGION
    endpoint: str | None = None
    emulator_state: Path = field(default_factory=lambda: Path(DEFAULT_EMULATOR_STATE))
    emulator_auto_approve: bool | None = None
    rfc2136_server: Nameserver | None = None
    rfc2136_tsig_key_name: str | None = None
    rfc2136_tsig_secret: str | None = None
    rfc2136_tsig_algorithm: str = "hmac-sha256"
    nameservers: tuple[Nameserver, ...] = ()
    write_retry_timeout: float = 300.0
    read_retry_timeout: float = 180.0

    def __repr__(self) -> str:
        return (
            f"ProviderSettings(backend={self.backend!r}, region={self.region!r}, endpoint={self.endpoint!r}, "
            f"secret_id={'set' if self.secret_id else 'unset'}, secret_key={'set' if self.secret_key else 'unset'})"
        )

    @classmethod
    def load(cls, config: Mapping[str, str], environ: Mapping[str, str] | None = None) -> ProviderSettings:
        """Read settings from stack ``config`` (namespaced keys, string values) then ``environ``.

        Raises :class:`ConfigurationError` for malformed values; missing credentials are not an
        error here (only an operation that needs the cloud asks for them).
        """
        env = os.environ if environ is None else environ

        def get(name: str) -> str | None:
            key, var = _SOURCES[name]
            value = config.get(key)
            if value is None or value == "":
                value = env.get(var)
            return value.strip() if isinstance(value, str) and value.strip() else None

        endpoint = get("endpoint")
        if endpoint is not None:
            endpoint = endpoint.rstrip("/")
            if endpoint != EMBEDDED and not endpoint.startswith(("http://", "https://")):
                raise ConfigurationError(
                    f"{_describe_source('endpoint')} is {endpoint!r}; use 'embedded' for the in-process "
                    "emulator, http://host:port for an emulator server, or leave it unset for Tencent Cloud."
                )
        auto = get("emulator_auto_approve")
        server = get("rfc2136_server")
        servers = parse_nameservers(server, setting=_describe_source("rfc2136_server")) if server else ()
        if len(servers) > 1:
            raise ConfigurationError(
                f"{_describe_source('rfc2136_server')} is {server!r}; give exactly one primary server as host[:port]."
            )
        nameservers = get("nameservers")
        write = get("write_retry_timeout")
        read = get("read_retry_timeout")
        return cls(
            secret_id=get("secret_id"),
            secret_key=get("secret_key"),
            security_token=get("security_token"),
            region=get("region") or DEFAULT_REGION,
            endpoint=endpoint,
            emulator_state=Path(get("emulator_state") or DEFAULT_EMULATOR_STATE),
            emulator_auto_approve=None if auto is None else _parse_bool(auto, "emulator_auto_approve"),
            rfc2136_server=servers[0] if servers else None,
            rfc2136_tsig_key_name=get("rfc2136_tsig_key_name"),
            rfc2136_tsig_secret=get("rfc2136_tsig_secret"),
            rfc2136_tsig_algorithm=(get("rfc2136_tsig_algorithm") or "hmac-sha256").lower(),
            nameservers=parse_nameservers(nameservers, setting=_describe_source("nameservers")) if nameservers else (),
            write_retry_timeout=_parse_seconds(write, "write_retry_timeout") if write else 300.0,
            read_retry_timeout=_parse_seconds(read, "read_retry_timeout") if read else 180.0,
        )

    @property
    def backend(self) -> Backend:
        """``cloud`` (real Tencent Cloud), ``embedded`` (in-process emulator) or ``emulator`` (emulator server)."""
        if self.endpoint is None:
            return "cloud"
        return "embedded" if self.endpoint == EMBEDDED else "emulator"

    def require_credentials(self) -> tuple[str, str]:
        """The secret id and key, or a :class:`ConfigurationError` that says how to set them."""
        if not self.secret_id or not self.secret_key:
            missing = [n for n in ("secret_id", "secret_key") if not getattr(self, n)]
            where = " and ".join(_describe_source(n) for n in missing)
            raise ConfigurationError(
                f"Tencent Cloud credentials are missing: set {where}, e.g. "
                "`pulumi config set --secret tclive:secretKey <key>`; or set tclive:endpoint to 'embedded' "
                "to use the built-in emulator."
            )
        return self.secret_id, self.secret_key

    def require_rfc2136(self) -> tuple[Nameserver, str, str]:
        """The RFC 2136 primary, TSIG key name and secret, or a :class:`ConfigurationError`."""
        missing = [
            _describe_source(n)
            for n in ("rfc2136_server", "rfc2136_tsig_key_name", "rfc2136_tsig_secret")
            if not getattr(self, n)
        ]
        if missing or self.rfc2136_server is None or not self.rfc2136_tsig_key_name or not self.rfc2136_tsig_secret:
            raise ConfigurationError(
                "dns='rfc2136' needs the primary server and a TSIG key: set " + ", ".join(missing) + "."
            )
        return self.rfc2136_server, self.rfc2136_tsig_key_name, self.rfc2136_tsig_secret
