"""No false drift through the offline engine: `refresh` right after `up` changes nothing, for every example.

Volatile observed status (whether Tencent sees the CNAME) belongs to the CnameRecord, which verifies
it; a real out-of-band change is still reported.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pulumi_tclive.cloud.dnspod import CREATE_DOMAIN, CreateDomainRequest
from pulumi_tclive.cloud.live import (
    DESCRIBE_LIVE_DOMAINS,
    FORBID_LIVE_DOMAIN,
    DescribeLiveDomainsRequest,
    ForbidLiveDomainRequest,
)
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.testing import Engine

from .test_day2 import REPO, changes

EXAMPLE_CONFIG = {
    "offline-event": {
        "tclive-offline-event:eventPermit": "SH-PSB-2026-0042",
        "tclive-offline-event:venueProof": "contract/expo-hall-7.pdf",
        "tclive-offline-event:supportTicket": "ticket-20261120-001",
    }
}


# Every example with a stack file that runs offline, so a new example is covered without an edit here.
OFFLINE_EXAMPLES = sorted(path.parent.name for path in (REPO / "examples").glob("*/Pulumi.dev.yaml"))


@pytest.mark.parametrize("example", OFFLINE_EXAMPLES)
def test_refresh_right_after_up_changes_nothing_for_every_example(tmp_path: Path, example: str) -> None:
    directory = tmp_path / example
    # Without the local state of earlier runs (`make examples` and `make adopt-existing` apply them in place).
    shutil.copytree(REPO / "examples" / example, directory, ignore=shutil.ignore_patterns(".tclive", ".tclive-state"))
    emulator = Emulator(directory / ".tclive" / "emulator.sqlite3")
    console = emulator.client()
    try:
        console.call(CREATE_DOMAIN, CreateDomainRequest(Domain="example.com"))
        engine = Engine(directory, stack="dev", config=EXAMPLE_CONFIG.get(example), env={"PYTHONPATH": str(REPO)})
        up = engine.up(skip_preview=True)
        assert up.ok, up.text
        # A no-op up in between: it must keep withheld (secret) outputs withheld, or refresh sees them as drift.
        again = engine.up(skip_preview=True)
        assert again.ok, again.text
        refreshed = engine.refresh()
        assert refreshed.ok, refreshed.text
        assert changes(refreshed) == {}, refreshed.text
        # A real out-of-band change is still reported.
        listed = console.call(DESCRIBE_LIVE_DOMAINS, DescribeLiveDomainsRequest(PageSize=100))
        console.call(FORBID_LIVE_DOMAIN, ForbidLiveDomainRequest(DomainName=listed.DomainList[0].Name))
        assert changes(engine.refresh()) == {"update": 1}
    finally:
        console.close()
        emulator.close()
