"""``tclive emulator serve`` as a real process: its four stdout lines, a signed call, DNS over UDP and TCP, a clean stop."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import dns.flags
import dns.message
import dns.query
import pytest

from pulumi_tclive.cli import main
from pulumi_tclive.cloud.client import Credentials, TencentCloudClient
from pulumi_tclive.cloud.live import ADD_LIVE_DOMAIN, DESCRIBE_LIVE_DOMAIN
from pulumi_tclive.dns import DnspodBackend
from pulumi_tclive.dns.base import Nameserver
from pulumi_tclive.dns.propagation import query_cname
from pulumi_tclive.emulator import Emulator, ensure_zone


def test_serve_prints_endpoint_and_credentials_and_shares_the_state_file(emulator: Emulator) -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pulumi_tclive.cli",
            "emulator",
            "serve",
            "--port",
            "0",
            "--state",
            str(emulator.state_path),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline().rstrip("\n") for _ in range(4)]
        values = dict(line.split("=", 1) for line in lines)
        assert list(values) == [
            "TCLIVE_ENDPOINT",
            "TENCENTCLOUD_SECRET_ID",
            "TENCENTCLOUD_SECRET_KEY",
            "TCLIVE_NAMESERVERS",
        ]
        assert values["TCLIVE_ENDPOINT"].startswith("http://127.0.0.1:")
        credentials = Credentials(values["TENCENTCLOUD_SECRET_ID"], values["TENCENTCLOUD_SECRET_KEY"])
        assert credentials == emulator.credentials
        with TencentCloudClient(credentials, endpoint=values["TCLIVE_ENDPOINT"]) as client:
            client.call(ADD_LIVE_DOMAIN, ADD_LIVE_DOMAIN.request(DomainName="play.example.com", DomainType=1))
        with emulator.client() as local:  # another process wrote it into the same file
            info = local.call(DESCRIBE_LIVE_DOMAIN, DESCRIBE_LIVE_DOMAIN.request(DomainName="play.example.com"))
        assert info.DomainInfo is not None and info.DomainInfo.Name == "play.example.com"
        # The DNS side: the zone's CNAME, written through DNSPod's API, answered on the printed port.
        with emulator.client() as local:
            ensure_zone(local, "example.com")
            DnspodBackend(local).ensure(
                "play.example.com", "example.com", info.DomainInfo.TargetDomain, 600, overwrite=False
            )
        server = Nameserver.parse(values["TCLIVE_NAMESERVERS"])
        assert server.host == "127.0.0.1"
        assert query_cname("play.example.com", server) == info.DomainInfo.TargetDomain  # UDP
        query = dns.message.make_query("play.example.com", "CNAME")
        answer = dns.query.tcp(query, server.host, port=server.port, timeout=5)
        assert (
            answer.flags & dns.flags.AA and answer.answer[0][0].target.to_text() == info.DomainInfo.TargetDomain + "."
        )
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=10)
    assert process.returncode == 0
    assert "AddLiveDomain" in stderr and credentials.secret_key not in stderr


def test_serve_reports_an_unusable_state_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert main(["emulator", "serve", "--state", str(blocker / "state.sqlite3")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"The emulator state file {blocker / 'state.sqlite3'} cannot be opened" in captured.err
    assert "--state" in captured.err


@pytest.mark.parametrize("command", [["show"], ["call", "live", "DescribeLiveDomains"]])
def test_show_and_call_refuse_a_state_file_that_does_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    typo = tmp_path / "emulatr.sqlite3"
    assert main(["emulator", *command, "--state", str(typo)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"the state file {typo} ({typo}) does not exist" in captured.err and "--create" in captured.err
    assert not typo.exists()

    assert main(["emulator", *command, "--state", str(typo), "--create"]) == 0
    assert typo.exists()


def test_a_file_that_is_not_a_database_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database, but long enough to look like a file header to SQLite." * 20)
    assert main(["emulator", "show", "--state", str(notes)]) == 1
    error = capsys.readouterr().err
    assert f"The emulator state file {notes} is not an emulator state file" in error
    assert "Traceback" not in error and notes.read_text().startswith("not a database")


def test_show_into_a_closed_pipe_ends_quietly(emulator: Emulator) -> None:
    # `tclive emulator show | head`: the reader is gone before the tables are written.
    process = subprocess.Popen(
        [sys.executable, "-m", "pulumi_tclive.cli", "emulator", "show", "--state", str(emulator.state_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    process.stdout.close()
    _, stderr = process.communicate(timeout=60)
    assert stderr == ""
    assert process.returncode == 1


def test_help_says_what_the_tool_runs(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "offline engine" in text and "tclive preview|up|refresh|destroy [DIR]" in text
    assert "tclive emulator" in text
