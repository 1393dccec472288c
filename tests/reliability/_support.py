"""Shared helpers of the reliability tests: provider config on an embedded emulator file, fast retries,
and complete listings of what the emulator holds."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TypeVar

import pytest
from pulumi.dynamic import ConfigureRequest
from pulumi.dynamic.config import Config

from pulumi_tclive.cloud import client as client_module
from pulumi_tclive.cloud.client import RetryPolicy, TencentCloudClient
from pulumi_tclive.cloud.dnspod import (
    DESCRIBE_RECORD_LIST,
    DescribeRecordListRequest,
    RecordListItem,
)
from pulumi_tclive.cloud.live import DESCRIBE_LIVE_DOMAINS, DescribeLiveDomainsRequest, DomainInfo
from pulumi_tclive.resources._provider import TcliveProvider

__all__ = [
    "FAST_BASE_DELAY",
    "FAST_MAX_DELAY",
    "all_domains",
    "all_records",
    "configured",
    "embedded_config",
    "use_fast_backoff",
]

FAST_BASE_DELAY = 0.004
FAST_MAX_DELAY = 0.02
_PAGE_SIZE = 100

ProviderT = TypeVar("ProviderT", bound=TcliveProvider)


def use_fast_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every client the providers build back off in milliseconds instead of half-seconds.

    Only the deadlines are configurable (``tclive:writeRetryTimeout`` / ``tclive:readRetryTimeout``);
    the backoff base is not, so the policy class the runtime instantiates is swapped for one with
    small delays (the deadlines still come from the config).
    """
    fast = functools.partial(RetryPolicy, base_delay=FAST_BASE_DELAY, max_delay=FAST_MAX_DELAY)
    monkeypatch.setattr(client_module, "RetryPolicy", fast)


def embedded_config(state: Path, **extra: str) -> dict[str, str]:
    """The namespaced stack config of a provider on the embedded emulator file ``state``."""
    return {"tclive:endpoint": "embedded", "tclive:emulatorState": str(state), **extra}


def configured(provider: ProviderT, config: dict[str, str]) -> ProviderT:
    """``provider`` after ``configure()`` with ``config``, as the engine does it once per process."""
    provider.configure(ConfigureRequest(Config(config, "reliability")))
    return provider


def all_domains(client: TencentCloudClient) -> list[DomainInfo]:
    """Every live domain of the account: all pages of 100, normal and slow-live (``IsDelayLive`` 0 and 1)."""
    found: list[DomainInfo] = []
    for delay in (0, 1):
        page = 1
        while True:
            answer = client.call(
                DESCRIBE_LIVE_DOMAINS, DescribeLiveDomainsRequest(PageSize=_PAGE_SIZE, PageNum=page, IsDelayLive=delay)
            )
            found.extend(answer.DomainList)
            if not answer.DomainList or page * _PAGE_SIZE >= answer.AllCount:
                break
            page += 1
    return found


def all_records(client: TencentCloudClient, zone: str) -> list[RecordListItem]:
    """Every record of ``zone`` except the apex NS records DNSPod manages itself."""
    answer = client.call(DESCRIBE_RECORD_LIST, DescribeRecordListRequest(Domain=zone, ErrorOnEmpty="no", Limit=3000))
    return [record for record in answer.RecordList if not record.DefaultNS]
