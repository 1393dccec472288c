"""Where an import reads from: an emulator server by URL with credentials from the environment, and DNS hosted
outside DNSPod (``--nameserver``, against a real BIND 9)."""

from __future__ import annotations

from pathlib import Path

from pulumi_tclive.cloud.live import (
    ADD_LIVE_DOMAIN,
    DESCRIBE_LIVE_DOMAIN,
    AddLiveDomainRequest,
    DescribeLiveDomainRequest,
)
from pulumi_tclive.emulator import Emulator, EmulatorServer
from pulumi_tclive.testing import Engine
from tests.fixtures.bind import BindServer

from .support import REPO, WRITES, request_log, seed_module, tclive

NO_CREDENTIALS = {"TENCENTCLOUD_SECRET_ID": "", "TENCENTCLOUD_SECRET_KEY": "", "TCLIVE_ENDPOINT": ""}


def test_an_emulator_url_with_credentials_from_the_environment(tmp_path: Path) -> None:
    state = tmp_path / "emulator.sqlite3"
    seed_module().seed(state)
    with Emulator(state) as emulator, EmulatorServer(emulator).start() as server:
        refused = tclive("import", "--endpoint", server.endpoint, "--out", "out", cwd=tmp_path, env=NO_CREDENTIALS)
        assert refused.exit_code == 2
        assert "Tencent Cloud credentials are missing" in refused.stderr
        assert not (tmp_path / "out").exists()
        credentials = {
            "TENCENTCLOUD_SECRET_ID": emulator.credentials.secret_id,
            "TENCENTCLOUD_SECRET_KEY": emulator.credentials.secret_key,
        }
        run = tclive("import", "--endpoint", server.endpoint, "--out", "out", cwd=tmp_path, env=credentials)
    assert run.exit_code == 0, run.stderr
    stack = (tmp_path / "out" / "Pulumi.dev.yaml").read_text()
    assert f'tclive:endpoint: "{server.endpoint}"' in stack
    assert "TENCENTCLOUD_SECRET_KEY" in stack, "the stack file says where the credentials come from"
    for written in (tmp_path / "out").iterdir():
        assert emulator.credentials.secret_key not in written.read_text()
    assert "PluginLicense" in (tmp_path / "out" / "__main__.py").read_text()


def test_nameserver_imports_the_cnames_dns_serves(tmp_path: Path, bind_server: BindServer, record_name: str) -> None:
    served, missing = record_name, "no-cname-" + record_name
    state = tmp_path / "emulator.sqlite3"
    with Emulator(state) as emulator, emulator.client() as console:
        for name in (served, missing):
            console.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName=name, DomainType=1, PlayType=1))
        info = console.call(DESCRIBE_LIVE_DOMAIN, DescribeLiveDomainRequest(DomainName=served)).DomainInfo
        assert info is not None
        bind_server.add(served + ".", "CNAME", info.TargetDomain + ".", 900)
        nameserver = str(bind_server.nameserver)
        before = request_log(console)
        run = tclive(
            "import",
            "--endpoint",
            "embedded",
            "--state",
            str(state),
            "--nameserver",
            nameserver,
            "--out",
            "out",
            cwd=tmp_path,
        )
        assert run.exit_code == 0, run.stderr
        program = (tmp_path / "out" / "__main__.py").read_text()
        assert 'dns="manual"' in program and f'zone="{bind_server.zone}"' in program and "ttl=900" in program
        assert f'"{missing}-cname"' not in program
        assert f"# NO CNAME: no CNAME yet in DNS zone {bind_server.zone}" in program
        assert f'tclive:nameservers: "{nameserver}"' in (tmp_path / "out" / "Pulumi.dev.yaml").read_text()

        engine = Engine(tmp_path / "out", stack="dev", env={"PYTHONPATH": str(REPO)})
        result = engine.up()
        assert result.ok, result.text
        assert "DNS record already in place" in result.text
        calls = request_log(console)
        calls.subtract(before)
        assert not {action for action, n in calls.items() if n} & WRITES
        assert bind_server.lookup(served + ".", "CNAME") == [info.TargetDomain + "."]
        assert {op for op in engine.preview().counts if op in ("create", "update", "delete", "replace")} == set()
