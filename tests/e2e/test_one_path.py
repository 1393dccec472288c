"""One path: the quick start's whole life against ``tclive emulator serve``, every call through a recording proxy.

The providers talk to the served emulator as they would to Tencent Cloud: ``tclive:endpoint`` is a
URL, credentials and ``TCLIVE_NAMESERVERS`` come from what ``serve`` prints, and CNAMEs are verified
by DNS at the emulator's nameservers. Every request the providers make goes through a proxy that
records its service, version and action; each must be an action of Tencent's official SDK clients
(tencentcloud-sdk-python, the contract of tests/contract), which has no licence console.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from pulumi_tclive.cloud.client import Credentials, TencentCloudClient
from pulumi_tclive.cloud.live import list_live_domains
from pulumi_tclive.emulator import ensure_zone
from pulumi_tclive.testing import Engine
from tests.contract.oracle import SDK
from tests.fixtures.projects import link_virtualenv

REPO = Path(__file__).resolve().parents[2]
_SCOPE = re.compile(r"Credential=[^/]+/[^/]+/([a-z]+)/tc3_request")


class RecordingProxy:
    """Forwards every request to ``upstream`` unchanged (the signed Host header included) and records it."""

    def __init__(self, upstream: str) -> None:
        self.calls: list[tuple[str, str, str]] = []
        """``(service, version, action)`` of every request, in order."""
        forward = httpx.Client(base_url=upstream, timeout=30)
        calls = self.calls

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                scope = _SCOPE.search(self.headers.get("Authorization", ""))
                calls.append(
                    (
                        scope.group(1) if scope else "?",
                        self.headers.get("X-TC-Version", ""),
                        self.headers.get("X-TC-Action", ""),
                    )
                )
                answer = forward.post(self.path, content=body, headers=dict(self.headers.items()))
                self.send_response(answer.status_code)
                self.send_header("Content-Type", answer.headers.get("Content-Type", "application/json"))
                self.send_header("Content-Length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._forward = forward
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._forward.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[dict[str, str]]:
    """``tclive emulator serve`` in its own process (auto-approve: the account holds the licence); its printed lines."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pulumi_tclive.cli",
            "emulator",
            "serve",
            "--auto-approve",
            "--state",
            str(tmp_path / "served.sqlite3"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    yield dict(process.stdout.readline().rstrip("\n").split("=", 1) for _ in range(4))
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=10)


def test_the_quickstart_makes_only_calls_tencents_sdk_clients_have(tmp_path: Path, served: dict[str, str]) -> None:
    credentials = Credentials(served["TENCENTCLOUD_SECRET_ID"], served["TENCENTCLOUD_SECRET_KEY"])
    with TencentCloudClient(credentials, endpoint=served["TCLIVE_ENDPOINT"]) as account:
        ensure_zone(account, "example.com")  # the DNSPod zone the account holds, as a real account would
        proxy = RecordingProxy(served["TCLIVE_ENDPOINT"])
        try:
            project = tmp_path / "examples" / "quickstart"
            shutil.copytree(REPO / "examples" / "quickstart", project, ignore=shutil.ignore_patterns(".tclive*"))
            link_virtualenv(project, tmp_path)
            # Nothing here says "emulator": an endpoint URL, credentials and nameservers, as for Tencent Cloud.
            (project / "Pulumi.dev.yaml").write_text(f"config:\n  tclive:endpoint: {proxy.url}\n")
            engine = Engine(project, stack="dev", env={"PYTHONPATH": str(REPO), **served, "TCLIVE_ENDPOINT": None})
            up = engine.up()
            assert up.ok, up.text
            assert "the Tencent Cloud API at " + proxy.url in up.text
            refreshed = engine.refresh(expect_no_changes=True)
            assert refreshed.ok, refreshed.text
            # A whole destroy: unprotected, the mini-program play domain and its CNAME are still retained (R8).
            unprotect = [
                sys.executable,
                "-m",
                "pulumi_tclive.testing",
                "state",
                "unprotect",
                "--all",
                "-C",
                str(project),
            ]
            subprocess.run(unprotect, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(REPO)})
            destroyed = engine.destroy()
            assert destroyed.ok, destroyed.text
        finally:
            proxy.close()
        # The mini-program play domain can never be deleted (R8); everything else is gone.
        assert [d.Name for d in list_live_domains(account)] == ["mp-play.example.com"]
    actions = {(service, action) for service, _, action in proxy.calls}
    assert ("live", "AddLiveDomain") in actions and ("dnspod", "CreateRecord") in actions
    outside = sorted(
        f"{service} {version} {action}"
        for service, version, action in set(proxy.calls)
        if service not in SDK or version != SDK[service].version or not hasattr(SDK[service].client, action)
    )
    assert outside == [], f"calls Tencent's SDK clients do not have: {outside}"
