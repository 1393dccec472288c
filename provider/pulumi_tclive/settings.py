"""Provider settings: stack config first, then environment (README.md#configuration).

Settings are read in the provider process only, from ``configure()``: the Pulumi engine sends the
whole stack config there, namespaced and decrypted, every value a string
(docs/design.md#pulumi-engine-facts). Nothing here is ever stored on a pickled object, written to
state, or shown in a repr: :class:`ProviderSettings` hides its secrets.

Loading settings never touches the network and never requires credentials; only building a cloud
client (which happens in create/read/update/delete, never in check/diff) does.
"""

from __future__ import annotations

import difflib
import json
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .cloud.client import normalise_endpoint
from .dns.base import Nameserver, normalise_name
from .errors import ConfigurationError, DnsError
from .rules import check_dns_name

__all__ = [
    "CONFIG_KEYS",
    "DEFAULT_EMULATOR_STATE",
    "DEFAULT_REGION",
    "EMBEDDED",
    "ProviderSettings",
    "parse_nameservers",
    "unknown_config_keys",
]

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
    "emulator_zones": ("tclive:emulatorZones", "TCLIVE_EMULATOR_ZONES"),
    "rfc2136_server": ("tclive:rfc2136Server", "TCLIVE_RFC2136_SERVER"),
    "rfc2136_tsig_key_name": ("tclive:rfc2136TsigKeyName", "TCLIVE_RFC2136_TSIG_KEY_NAME"),
    "rfc2136_tsig_secret": ("tclive:rfc2136TsigSecret", "TCLIVE_RFC2136_TSIG_SECRET"),
    "rfc2136_tsig_algorithm": ("tclive:rfc2136TsigAlgorithm", "TCLIVE_RFC2136_TSIG_ALGORITHM"),
    "nameservers": ("tclive:nameservers", "TCLIVE_NAMESERVERS"),
    "write_retry_timeout": ("tclive:writeRetryTimeout", "TENCENTCLOUD_WRITE_RETRY_TIMEOUT"),
    "read_retry_timeout": ("tclive:readRetryTimeout", "TENCENTCLOUD_READ_RETRY_TIMEOUT"),
    "connect_retry_timeout": ("tclive:connectRetryTimeout", "TCLIVE_CONNECT_RETRY_TIMEOUT"),
}

CONFIG_KEYS: tuple[str, ...] = tuple(key for key, _ in _SOURCES.values())
"""Every ``tclive:*`` stack config key the providers read."""

_NAMESPACE = "tclive:"

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
    if not (seconds > 0 and math.isfinite(seconds)):
        raise ConfigurationError(
            f"{_describe_source(name)} is {value!r}; give a positive number of seconds, e.g. 300 (no unit)."
        )
    return seconds


def _parse_zones(value: str) -> tuple[str, ...]:
    """``[a.com, b.com]`` (a stack-file list arrives as JSON text; YAML flow style is accepted too) or
    ``a.com,b.com``, as normal-form zone names."""
    text = value.strip()
    items: list[str] = []
    if text.startswith("[") and text.endswith("]"):
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = text[1:-1].split(",")  # YAML flow style: [example.com, school.example.com]
        if not isinstance(parsed, list) or not all(isinstance(item, str) for item in parsed):
            raise ConfigurationError(
                f"{_describe_source('emulator_zones')} is {value!r}; give a list of zone names, "
                "e.g. `tclive:emulatorZones: [example.com]` in the stack file."
            )
        items = parsed
    else:
        items = text.split(",")
    zones = []
    for item in (i.strip().strip("'\"") for i in items):
        if not item:
            continue
        problems = check_dns_name(item, "tclive:emulatorZones")
        if problems:
            raise ConfigurationError(f"{_describe_source('emulator_zones')}: {problems[0].message()}")
        zones.append(normalise_name(item))
    return tuple(dict.fromkeys(zones))


def unknown_config_keys(config: Mapping[str, object]) -> list[str]:
    """One message per ``tclive:*`` key in ``config`` that no setting reads, naming the closest valid key.

    A misspelt key would otherwise be ignored silently, and a misspelt ``tclive:endpoint`` would send
    the deployment to real Tencent Cloud. Keys of other namespaces are the program's or other
    providers' business and are not looked at.

    :param config: the namespaced stack config keys (values are not read).
    """
    # Compared without the namespace and case-blind, so a short typo is not matched on "tclive:" alone.
    by_name = {key[len(_NAMESPACE) :].lower(): key for key in CONFIG_KEYS}
    problems = []
    for key in sorted(config):
        if not key.startswith(_NAMESPACE) or key in CONFIG_KEYS:
            continue
        closest = difflib.get_close_matches(key[len(_NAMESPACE) :].lower(), list(by_name), n=1, cutoff=0.6)
        if closest:
            hint = f"did you mean {by_name[closest[0]]}? Rename it"
        else:
            hint = f"the tclive keys are {', '.join(CONFIG_KEYS)}. Rename it"
        problems.append(f"unknown stack config key {key}: {hint}, or remove it with `pulumi config rm {key}`.")
    return problems


@dataclass(frozen=True, repr=False)
class ProviderSettings:
    """Everything the providers need from stack config and environment.

    ``endpoint`` is ``None`` for Tencent Cloud's public endpoints, ``"embedded"`` for the in-process
    emulator, or the base URL of a Tencent Cloud API 3.0 endpoint, real or emulated: the providers
    cannot tell which, and only ``"embedded"`` changes how requests travel (in-process, no socket).
    Secrets (``secret_key``, ``security_token``, ``rfc2136_tsig_secret``) never appear in ``repr``.
    """

    secret_id: str | None = None
    secret_key: str | None = None
    security_token: str | None = None
    region: str = DEFAULT_REGION
    endpoint: str | None = None
    emulator_state: Path = field(default_factory=lambda: Path(DEFAULT_EMULATOR_STATE))
    emulator_auto_approve: bool | None = None
    emulator_zones: tuple[str, ...] = ()
    rfc2136_server: Nameserver | None = None
    rfc2136_tsig_key_name: str | None = None
    rfc2136_tsig_secret: str | None = None
    rfc2136_tsig_algorithm: str = "hmac-sha256"
    nameservers: tuple[Nameserver, ...] = ()
    write_retry_timeout: float = 300.0
    read_retry_timeout: float = 180.0
    connect_retry_timeout: float = 60.0

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
        if endpoint is not None and endpoint != EMBEDDED:
            if not endpoint.startswith(("http://", "https://")):
                typo = difflib.get_close_matches(endpoint.lower(), [EMBEDDED], n=1, cutoff=0.6)
                raise ConfigurationError(
                    f"{_describe_source('endpoint')} is {endpoint!r}; "
                    + ("did you mean 'embedded'? " if typo else "")
                    + "Use 'embedded' for the in-process emulator, the http(s):// URL of a Tencent Cloud API 3.0 "
                    "endpoint (an emulator server's, e.g. http://127.0.0.1:8080, or a private one), "
                    "or leave it unset for Tencent Cloud's public endpoints."
                )
            endpoint = normalise_endpoint(endpoint)
        zones = get("emulator_zones")
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
        connect = get("connect_retry_timeout")
        return cls(
            secret_id=get("secret_id"),
            secret_key=get("secret_key"),
            security_token=get("security_token"),
            region=get("region") or DEFAULT_REGION,
            endpoint=endpoint,
            emulator_state=Path(get("emulator_state") or DEFAULT_EMULATOR_STATE),
            emulator_auto_approve=None if auto is None else _parse_bool(auto, "emulator_auto_approve"),
            emulator_zones=_parse_zones(zones) if zones else (),
            rfc2136_server=servers[0] if servers else None,
            rfc2136_tsig_key_name=get("rfc2136_tsig_key_name"),
            rfc2136_tsig_secret=get("rfc2136_tsig_secret"),
            rfc2136_tsig_algorithm=(get("rfc2136_tsig_algorithm") or "hmac-sha256").lower(),
            nameservers=parse_nameservers(nameservers, setting=_describe_source("nameservers")) if nameservers else (),
            write_retry_timeout=_parse_seconds(write, "write_retry_timeout") if write else 300.0,
            read_retry_timeout=_parse_seconds(read, "read_retry_timeout") if read else 180.0,
            connect_retry_timeout=_parse_seconds(connect, "connect_retry_timeout") if connect else 60.0,
        )

    @property
    def embedded(self) -> bool:
        """True for the in-process emulator: the one setting that changes the transport (resources/_provider.py)."""
        return self.endpoint == EMBEDDED

    @property
    def backend(self) -> Backend:
        """``cloud`` (no endpoint), ``embedded`` or ``emulator`` (an endpoint URL): for ``tclive import`` only.

        The resource providers never read it (docs/design.md#one-path).
        """
        if self.endpoint is None:
            return "cloud"
        return "embedded" if self.endpoint == EMBEDDED else "emulator"

    def describe_target(self) -> str:
        """Where operations go, for the first line of provider output: the endpoint, and its file or region."""
        if self.embedded:
            zones = (
                f"; DNSPod zones {', '.join(self.emulator_zones)} (tclive:emulatorZones)" if self.emulator_zones else ""
            )
            return (
                f"tclive: target: the embedded emulator, state file {self.emulator_state.resolve()} "
                f"(tclive:emulatorState){zones}"
            )
        ignored = "; tclive:emulatorZones is ignored (embedded emulator only)" if self.emulator_zones else ""
        if self.endpoint is not None:
            return f"tclive: target: the Tencent Cloud API at {self.endpoint}, region {self.region} (tclive:endpoint){ignored}"
        return (
            f"tclive: target: real Tencent Cloud, region {self.region} (tclive:endpoint is unset; "
            f"set it to 'embedded' for the built-in emulator){ignored}"
        )

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
