"""The :class:`Emulator`: one state file, its default credentials, and ways to reach it."""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType
from typing import Any
from wsgiref.types import WSGIApplication

import httpx

from ..cloud.client import Credentials, TencentCloudClient
from ..cloud.dnspod import CREATE_DOMAIN, DESCRIBE_DOMAIN_LIST, CreateDomainRequest, DescribeDomainListRequest
from ..errors import TencentCloudApiError
from .app import EmulatorApp
from .nameserver import answer
from .store import Store

__all__ = ["EMBEDDED_ENDPOINT", "Emulator", "ensure_zone"]

EMBEDDED_ENDPOINT = "http://emulator.tclive.invalid"
"""The base URL of the in-process emulator; ``.invalid`` never resolves, so nothing leaves the process."""


class Emulator:
    """Tencent Cloud Live + DNSPod + the licence console, emulated on a SQLite file.

    Opening a file that does not exist creates it with the default account and a random key pair,
    both persisted; any number of instances (threads, processes) may share one file.

    Args:
        state_path: the SQLite state file; its directory is created when missing.
        auto_approve: overrides the stored ``AutoApprovePluginLicenses`` setting for this instance
            only (``None``: use the stored setting).
    """

    def __init__(self, state_path: str | os.PathLike[str], *, auto_approve: bool | None = None) -> None:
        self.state_path = Path(state_path)
        self.auto_approve = auto_approve
        self._store = Store(self.state_path)
        key = self._store.default_key
        self.credentials = Credentials(key.secret_id, key.secret_key)
        """The default account's key pair."""
        self._app = EmulatorApp(self._store, auto_approve)

    def __repr__(self) -> str:
        return f"Emulator(state_path={str(self.state_path)!r}, secret_id={self.credentials.secret_id!r})"

    def wsgi_app(self) -> WSGIApplication:
        """The WSGI application speaking Tencent Cloud API 3.0 (serve it with any WSGI server)."""
        return self._app

    def transport(self) -> httpx.BaseTransport:
        """An httpx transport that hands requests to the emulator in-process."""
        return httpx.WSGITransport(app=self._app)

    def answer_dns(self, query: bytes, max_size: int = 65535) -> bytes:
        """The authoritative DNS answer of the emulator's DNSPod nameservers to ``query`` (wire format).

        The in-process seam of its DNS side, as :meth:`transport` is of its HTTP side; ``tclive
        emulator serve`` serves the same answers on a UDP and TCP port (emulator/nameserver.py).

        Args:
            query: one DNS query message in wire format.
            max_size: the largest answer the caller's transport carries (512 for plain UDP).
        """
        with self._store.transaction(write=False) as db:
            return answer(db, query, max_size=max_size)

    def client(self, **kwargs: Any) -> TencentCloudClient:
        """A :class:`TencentCloudClient` on the default credentials, talking to this emulator in-process.

        Args:
            kwargs: further :class:`TencentCloudClient` arguments (``retry``, ``progress``…).
        """
        return TencentCloudClient(self.credentials, endpoint=EMBEDDED_ENDPOINT, transport=self.transport(), **kwargs)

    def create_account(self) -> Credentials:
        """A new, empty account (its own domains, zones, licences and traffic) and its key pair."""
        key = self._store.create_account()
        return Credentials(key.secret_id, key.secret_key)

    def close(self) -> None:
        """Close the state file's connections (a later request reopens them)."""
        self._store.close()

    def __enter__(self) -> Emulator:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def ensure_zone(client: TencentCloudClient, zone: str) -> bool:
    """Make sure the DNSPod account ``client`` signs for holds the zone ``zone``, as a real account would.

    Returns True when the zone was added, False when it was there already.

    Args:
        client: a client of the emulator (embedded or served), signed for the account to seed.
        zone: the zone name, e.g. ``example.com``.
    """
    listed = client.call(DESCRIBE_DOMAIN_LIST, DescribeDomainListRequest(Keyword=zone))
    if any(z.Name == zone for z in listed.DomainList):
        return False
    try:
        client.call(CREATE_DOMAIN, CreateDomainRequest(Domain=zone))
    except TencentCloudApiError as exc:
        if exc.code != "FailedOperation.DomainExists":  # another process added it in between
            raise
        return False
    return True
