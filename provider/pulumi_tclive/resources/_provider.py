"""What the three resource providers share: settings from ``configure()``, lazily built clients,
and helpers for the values the Pulumi engine sends (floats for numbers, ``Unknown`` in preview).

This module is the one seam between the providers and the cloud they talk to (docs/design.md#one-path):
:class:`Runtime` chooses the transport — ``tclive:endpoint: embedded`` hands API requests and DNS
queries to the in-process emulator, anything else sends them over the network to a Tencent Cloud
API 3.0 endpoint and the zones' nameservers — and nothing above it knows which cloud answers.

Provider instances hold nothing when they are pickled (they are pickled by reference into every
resource's ``__provider``), so credentials can never reach state. ``configure()`` runs in the
provider process after unpickling; clients are built on first use by create/read/update/delete,
never by check/diff, which stay offline.
"""

from __future__ import annotations

import functools
import sys
import threading
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from pulumi.dynamic import CheckFailure, CheckResult, ConfigureRequest, ResourceProvider
from pulumi.output import Unknown

from ..errors import ConfigurationError
from ..rules import Problem
from ..settings import _SOURCES, ProviderSettings, unknown_config_keys

if TYPE_CHECKING:
    from ..cloud.client import TencentCloudClient
    from ..dns.base import CnameBackend, TxtBackend
    from ..dns.dnspod import DnspodBackend
    from ..dns.manual import ManualBackend
    from ..dns.propagation import ZoneServers
    from ..dns.rfc2136 import Rfc2136Backend
    from ..emulator import Emulator

__all__ = [
    "DRIFTED",
    "Runtime",
    "TcliveProvider",
    "as_bool",
    "as_int",
    "drifted",
    "failures",
    "is_unknown",
    "known",
    "poll",
    "say",
    "zone_servers",
]

T = TypeVar("T")


def is_unknown(value: object) -> bool:
    """True for a value the engine does not know yet (preview)."""
    return isinstance(value, Unknown)


def known(props: Mapping[str, Any], key: str) -> bool:
    """True when ``key`` is present with a known value."""
    return key in props and not is_unknown(props[key])


DRIFTED = "drifted"
"""The output listing what ``read`` found changed outside the stack that no input says (a generated key,
Tencent's CNAME target): ``diff`` reports it, so refresh shows the drift (the CLI decides refresh
drift with ``Diff`` alone), and the next ``update`` writes the outputs again without it."""


def drifted(old_outputs: Mapping[str, Any], new_outputs: Mapping[str, Any], keys: tuple[str, ...]) -> list[str]:
    """``DRIFTED`` for ``read``: the ``keys`` whose refreshed output differs from the stored one, plus
    those an earlier refresh found (they stay until an update writes the resource again).

    :param old_outputs: the stored outputs (``read``'s ``props``). :param new_outputs: the refreshed ones.
    :param keys: the outputs to watch.
    """
    found = {str(key) for key in old_outputs.get(DRIFTED) or []}
    found |= {key for key in keys if key in old_outputs and old_outputs[key] != new_outputs.get(key)}
    return sorted(found)


def as_int(value: object, default: int) -> int:
    """Numbers arrive as floats (``600.0``); ``None`` means the default."""
    if value is None:
        return default
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int):
        return value
    return default


def as_bool(value: object, default: bool) -> bool:
    """Booleans arrive as booleans; ``None`` (dropped key) means the default."""
    return value if isinstance(value, bool) else default


def failures(problems: list[Problem]) -> list[CheckFailure]:
    """Rule problems as the engine's check failures (``property`` + ``reason. fix``)."""
    return [CheckFailure(p.property, p.message()) for p in problems]


def say(message: str) -> None:
    """A progress or notice line: the engine shows a dynamic provider's stderr to the user."""
    print(message, file=sys.stderr, flush=True)


def poll(
    ask: Callable[[], T],
    done: Callable[[T], bool],
    *,
    timeout: float,
    waiting: str,
    timed_out: Callable[[T, float], Exception],
) -> T:
    """Ask until ``done(answer)``, backing off from 0.5 s to 10 s, with progress lines on stderr.

    Raises ``timed_out(last answer, elapsed seconds)`` when the next wait would pass ``timeout``.
    """
    start = time.monotonic()
    delay = 0.5
    while True:
        answer = ask()
        if done(answer):
            return answer
        elapsed = time.monotonic() - start
        if elapsed + delay > timeout:
            raise timed_out(answer, elapsed)
        say(f"waiting for {waiting}, {elapsed:.0f}s of {timeout:.0f}s")
        time.sleep(delay)
        delay = min(delay * 2, 10.0)


class Runtime:
    """Clients for one set of settings, built lazily and shared by every provider in the process."""

    def __init__(self, settings: ProviderSettings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._client: TencentCloudClient | None = None
        self._emulator: Emulator | None = None

    def client(self) -> TencentCloudClient:
        """The API client: the in-process emulator for ``embedded``, else the endpoint over the network."""
        with self._lock:
            if self._client is None:
                self._client = self._build_client()
            return self._client

    def _build_client(self) -> TencentCloudClient:
        from ..cloud.client import Credentials, RetryPolicy, TencentCloudClient

        settings = self.settings
        retry = RetryPolicy(
            write_deadline=settings.write_retry_timeout,
            read_deadline=settings.read_retry_timeout,
            connect_deadline=settings.connect_retry_timeout,
        )
        if settings.embedded:
            from ..emulator import Emulator

            try:
                emulator = Emulator(settings.emulator_state, auto_approve=settings.emulator_auto_approve)
            except ConfigurationError as exc:
                raise ConfigurationError(
                    f"{exc} The file is set by stack config tclive:emulatorState (or environment variable "
                    "TCLIVE_EMULATOR_STATE), relative to the program's directory."
                ) from None
            self._emulator = emulator
            if settings.secret_id and settings.secret_key:
                credentials = Credentials(settings.secret_id, settings.secret_key, settings.security_token)
                client = TencentCloudClient(
                    credentials,
                    endpoint=emulator_endpoint(),
                    transport=emulator.transport(),
                    region=settings.region,
                    retry=retry,
                    progress=say,
                )
            else:
                client = emulator.client(region=settings.region, retry=retry, progress=say)
            # The zones a DNSPod account would already hold (tclive:emulatorZones), in the account used.
            from ..emulator import ensure_zone

            for zone in settings.emulator_zones:
                ensure_zone(client, zone)
            return client
        secret_id, secret_key = settings.require_credentials()
        return TencentCloudClient(
            Credentials(secret_id, secret_key, settings.security_token),
            endpoint=settings.endpoint,
            region=settings.region,
            retry=retry,
            progress=say,
        )

    def zone_servers(self, zone: str) -> ZoneServers:
        """The authoritative servers of ``zone`` and how to query them (see :func:`zone_servers`)."""
        from ..dns.propagation import ZoneServers, authoritative_nameservers

        if self.settings.nameservers:
            return ZoneServers(self.settings.nameservers)
        if not self.settings.embedded:
            return ZoneServers(tuple(authoritative_nameservers(zone)))
        self.client()  # opens the emulator (and adds tclive:emulatorZones)
        assert self._emulator is not None
        return _embedded_zone_servers(self._emulator, zone)

    def cname_backend(self, kind: str) -> CnameBackend:
        """The DNS backend for ``dns=kind``."""
        return self._dns_backend(kind)

    def txt_backend(self, kind: str) -> TxtBackend:
        """The same DNS backend for ``dns=kind``, as a writer of TXT records (DomainOwnership)."""
        return self._dns_backend(kind)

    def _dns_backend(self, kind: str) -> DnspodBackend | Rfc2136Backend | ManualBackend:
        if kind == "dnspod":
            from ..dns.dnspod import DnspodBackend

            return DnspodBackend(self.client())
        if kind == "rfc2136":
            from ..dns.rfc2136 import Rfc2136Backend

            server, key_name, secret = self.settings.require_rfc2136()
            return Rfc2136Backend(
                server, key_name=key_name, secret=secret, algorithm=self.settings.rfc2136_tsig_algorithm
            )
        if kind == "manual":
            from ..dns.manual import ManualBackend

            return ManualBackend(self.settings.nameservers or None)
        raise ConfigurationError(f"dns={kind!r} is not a DNS backend; use 'dnspod', 'rfc2136' or 'manual'.")


def _embedded_zone_servers(emulator: Emulator, zone: str) -> ZoneServers:
    """The zone's NS set as the embedded emulator's DNS answers it, every query answered in-process."""
    import dns.message
    import dns.rdatatype

    from ..dns.base import Nameserver, dns_name
    from ..dns.propagation import ZoneServers, direct_query
    from ..errors import DnsError

    def exchange(query: dns.message.Message, _nameserver: Nameserver, _timeout: float) -> dns.message.Message:
        return dns.message.from_wire(emulator.answer_dns(query.to_wire()))

    # The emulator answers for all its nameservers alike: any one of them is asked for the zone's NS set.
    answer = direct_query(
        dns_name(zone), dns.rdatatype.NS, Nameserver("ns1.emulator.tclive.invalid"), 2.0, exchange=exchange
    )
    hosts = sorted(
        {
            rdata.target.to_text(omit_final_dot=True)
            for rrset in answer.answer
            for rdata in rrset
            if rrset.rdtype == dns.rdatatype.NS
        }
    )
    if not hosts:
        raise DnsError(
            f"the embedded emulator's DNSPod holds no zone {zone}, so no nameserver serves it: add the zone to "
            "tclive:emulatorZones (or write the record with dns='dnspod' into a zone listed there)."
        )
    return ZoneServers(tuple(Nameserver(host) for host in hosts), exchange)


def zone_servers(settings: ProviderSettings, zone: str) -> ZoneServers:
    """How to ask the authoritative servers of ``zone``, for these settings: the one DNS seam.

    ``tclive:nameservers`` when set (over the network); on the embedded emulator its DNSPod
    nameservers (the zone's NS records), answered in-process with no socket; otherwise the zone's NS
    set, found with the system's resolver and queried over the network. ``CnameRecord`` verifies
    with it; pass the result to :func:`pulumi_tclive.dns.propagation.wait_for_cname` or
    :func:`~pulumi_tclive.dns.propagation.probe_cname` (``nameservers`` and ``exchange``).

    Raises :class:`~pulumi_tclive.errors.DnsError` when the zone's servers cannot be found.

    Args:
        settings: the provider settings (``ProviderSettings.load``).
        zone: the zone name, e.g. ``example.com``.
    """
    return _runtime_for(settings).zone_servers(zone)


def emulator_endpoint() -> str:
    """The base URL the embedded emulator answers on (never resolved: the transport is in-process)."""
    from ..emulator import EMBEDDED_ENDPOINT

    return EMBEDDED_ENDPOINT


_ANNOUNCED: set[ProviderSettings] = set()
_ANNOUNCED_LOCK = threading.Lock()


def _announce_target(settings: ProviderSettings) -> None:
    """Print where operations go, once per process and settings (every provider class is configured)."""
    with _ANNOUNCED_LOCK:
        if settings in _ANNOUNCED:
            return
        _ANNOUNCED.add(settings)
    say(settings.describe_target())


CheckMethod = Callable[[Any, dict[str, Any], dict[str, Any]], CheckResult]


def _with_settings_failures(check: CheckMethod) -> CheckMethod:
    @functools.wraps(check)
    def checked(self: TcliveProvider, olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        result = check(self, olds, news)
        return CheckResult(result.inputs, [*self.settings_failures(), *(result.failures or [])])

    return checked


_RUNTIMES: dict[ProviderSettings, Runtime] = {}
_RUNTIMES_LOCK = threading.Lock()


def _runtime_for(settings: ProviderSettings) -> Runtime:
    with _RUNTIMES_LOCK:
        runtime = _RUNTIMES.get(settings)
        if runtime is None:
            runtime = _RUNTIMES[settings] = Runtime(settings)
        return runtime


class TcliveProvider(ResourceProvider):
    """Base of the three providers: settings from ``configure()``, a shared :class:`Runtime`.

    ``serialize_as_secret_always`` is ``False`` on purpose: the provider is pickled by reference
    (module and class name, ~100 bytes) and captures no settings or secrets, so there is nothing to
    hide, and state stays readable. A test proves the pickle holds no secret.
    """

    serialize_as_secret_always = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Every provider's ``check()`` also reports bad settings, so a typo fails preview, not up."""
        super().__init_subclass__(**kwargs)
        own_check = cls.__dict__.get("check")
        if own_check is not None:
            cls.check = _with_settings_failures(own_check)  # type: ignore[method-assign,assignment]

    def configure(self, req: ConfigureRequest) -> None:
        """Read settings from the namespaced stack config the engine sends (then the environment).

        Also notes every unknown ``tclive:*`` key for ``check()``, and prints the target (embedded
        emulator and its file, an emulator URL, or real Tencent Cloud and its region) as the first
        line of provider output: the CLI shows a dynamic provider's stderr under the stack's
        diagnostics (``runtrace`` in https://github.com/pulumi/pulumi/blob/master/pkg/resource/plugin/plugin.go).
        """
        config = {key: str(value) for key, _ in _SOURCES.values() if (value := req.config.get(key)) is not None}
        # pulumi.dynamic.Config offers only get(); the engine sends it every stack key (namespace kept).
        every_key: Mapping[str, object] = getattr(req.config, "_props", {})
        # In a project named "tclive", the program's own keys live in the tclive: namespace too.
        project = getattr(req.config, "_project_name", "")
        self._load(config, unknown=[] if project == "tclive" else unknown_config_keys(every_key))
        if self._settings is not None:
            _announce_target(self._settings)

    def _load(self, config: Mapping[str, str], *, unknown: list[str] | None = None) -> None:
        self._unknown_keys = unknown or []
        try:
            self._settings: ProviderSettings | None = ProviderSettings.load(config)
            self._settings_error: ConfigurationError | None = None
        except ConfigurationError as exc:
            self._settings, self._settings_error = None, exc

    def settings_failures(self) -> list[CheckFailure]:
        """Unknown ``tclive:*`` keys and malformed settings, as check failures (empty when all is well)."""
        if not hasattr(self, "_settings_error"):
            self._load({})
        problems = list(self._unknown_keys)
        if self._settings_error is not None:
            problems.append(str(self._settings_error))
        return [CheckFailure("", problem) for problem in problems]

    @property
    def settings(self) -> ProviderSettings:
        """The settings; raises the configuration error (if any) only when an operation needs them."""
        if not hasattr(self, "_settings_error"):
            self._load({})
        if self._settings is None:
            assert self._settings_error is not None
            raise self._settings_error
        return self._settings

    @property
    def runtime(self) -> Runtime:
        """The shared clients for these settings."""
        return _runtime_for(self.settings)
