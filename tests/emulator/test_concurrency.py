"""Many threads and several emulator instances on one state file: no errors, no lost writes."""

from __future__ import annotations

import threading
from collections.abc import Callable

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.cloud.dnspod import CREATE_DOMAIN, CREATE_RECORD, DEFAULT_LINE, DESCRIBE_RECORD_LIST
from pulumi_tclive.cloud.live import ADD_LIVE_DOMAIN, DESCRIBE_LIVE_DOMAINS, FORBID_LIVE_DOMAIN
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.emulator.console_api import DESCRIBE_REQUEST_LOG, UPDATE_SETTINGS

THREADS = 8
REQUESTS = 200


def worker(make_client: Callable[[], TencentCloudClient], index: int, errors: list[BaseException]) -> None:
    """REQUESTS mixed calls: a quarter adds a domain, a quarter a record, the rest read or update."""
    zone = f"zone{index}.example"
    try:
        with make_client() as client:
            client.call(CREATE_DOMAIN, CREATE_DOMAIN.request(Domain=zone))
            for n in range(REQUESTS - 1):
                name = f"d{n}.t{index}.example.com"
                match n % 4:
                    case 0:
                        client.call(ADD_LIVE_DOMAIN, ADD_LIVE_DOMAIN.request(DomainName=name, DomainType=n % 8 // 4))
                    case 1:
                        request = CREATE_RECORD.request(
                            Domain=zone, SubDomain=f"h{n}", RecordType="A", RecordLine=DEFAULT_LINE, Value="192.0.2.1"
                        )
                        client.call(CREATE_RECORD, request)
                    case 2:
                        client.call(
                            FORBID_LIVE_DOMAIN, FORBID_LIVE_DOMAIN.request(DomainName=f"d{n - 2}.t{index}.example.com")
                        )
                    case _:
                        client.call(DESCRIBE_RECORD_LIST, DESCRIBE_RECORD_LIST.request(Domain=zone, Limit=5))
    except BaseException as exc:  # collected and asserted on the main thread
        errors.append(exc)


def hammer(make_clients: list[Callable[[], TencentCloudClient]]) -> None:
    errors: list[BaseException] = []
    threads = [
        threading.Thread(target=worker, args=(make_clients[i % len(make_clients)], i, errors)) for i in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def check_counts(client: TencentCloudClient) -> None:
    per_thread = (REQUESTS - 1 + 3) // 4  # n % 4 == 0 for n in 0..REQUESTS-2
    domains = client.call(DESCRIBE_LIVE_DOMAINS, DESCRIBE_LIVE_DOMAINS.request(PageSize=10))
    assert domains.AllCount == THREADS * per_thread
    forbidden = client.call(DESCRIBE_LIVE_DOMAINS, DESCRIBE_LIVE_DOMAINS.request(DomainStatus=0))
    assert forbidden.AllCount == THREADS * per_thread
    for index in range(THREADS):
        records = client.call(DESCRIBE_RECORD_LIST, DESCRIBE_RECORD_LIST.request(Domain=f"zone{index}.example"))
        assert records.RecordCountInfo.TotalCount == per_thread + 2  # plus the two default NS records
    log = {c.Action: c.Count for c in client.call(DESCRIBE_REQUEST_LOG, DESCRIBE_REQUEST_LOG.request()).Calls}
    assert log["AddLiveDomain"] == THREADS * per_thread
    assert log["CreateDomain"] == THREADS


def test_eight_threads_over_a_socket(emulator_server: tuple[str, object, Emulator]) -> None:
    endpoint, _, emulator = emulator_server
    with emulator.client() as admin:
        admin.call(UPDATE_SETTINGS, UPDATE_SETTINGS.request(DomainLimit=1000))
        hammer([lambda: TencentCloudClient(emulator.credentials, endpoint=endpoint)])
        check_counts(admin)


def test_two_instances_on_one_file(emulator: Emulator) -> None:
    second = Emulator(emulator.state_path)
    assert second.credentials == emulator.credentials
    with emulator.client() as admin:
        admin.call(UPDATE_SETTINGS, UPDATE_SETTINGS.request(DomainLimit=1000))
        hammer([emulator.client, second.client])
        check_counts(admin)
    second.close()
