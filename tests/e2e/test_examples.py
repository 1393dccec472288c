"""Every example that runs offline, from a fresh copy of its committed files, with its one documented command.

`python -m pulumi_tclive.testing up examples/NAME` (what `make examples` runs) applies it to the embedded
emulator its stack file names, with the zones its stack file lists; a second `up` changes nothing.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pulumi_tclive.cloud.api import Action
from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.cloud.dnspod import DESCRIBE_RECORD_LIST, DescribeRecordListRequest
from pulumi_tclive.cloud.live import (
    DESCRIBE_LIVE_DOMAINS,
    FORBID_LIVE_DOMAIN,
    DescribeLiveDomainsRequest,
    ForbidLiveDomainRequest,
)
from pulumi_tclive.cloud.processing import (
    DESCRIBE_LIVE_CALLBACK_RULES,
    DESCRIBE_LIVE_CALLBACK_TEMPLATES,
    DESCRIBE_LIVE_RECORD_RULES,
    DESCRIBE_LIVE_RECORD_TEMPLATES,
    DESCRIBE_LIVE_TRANSCODE_RULES,
    DESCRIBE_LIVE_TRANSCODE_TEMPLATES,
    DESCRIBE_LIVE_WATERMARK_RULES,
    DESCRIBE_LIVE_WATERMARKS,
)
from pulumi_tclive.emulator import Emulator, EmulatorServer
from pulumi_tclive.testing import Engine
from tests.fixtures.certs import issue
from tests.fixtures.projects import link_virtualenv

REPO = Path(__file__).resolve().parents[2]
PROCESSING_LISTS: dict[str, tuple[Action[Any, Any], str, str]] = {
    "TranscodeTemplates": (DESCRIBE_LIVE_TRANSCODE_TEMPLATES, "Templates", "TemplateName"),
    "Watermarks": (DESCRIBE_LIVE_WATERMARKS, "WatermarkList", "WatermarkName"),
    "RecordTemplates": (DESCRIBE_LIVE_RECORD_TEMPLATES, "Templates", "TemplateName"),
    "CallbackTemplates": (DESCRIBE_LIVE_CALLBACK_TEMPLATES, "Templates", "TemplateName"),
}
PROCESSING_RULES: dict[str, Action[Any, Any]] = {
    "TranscodeRules": DESCRIBE_LIVE_TRANSCODE_RULES,
    "WatermarkRules": DESCRIBE_LIVE_WATERMARK_RULES,
    "RecordRules": DESCRIBE_LIVE_RECORD_RULES,
    "CallbackRules": DESCRIBE_LIVE_CALLBACK_RULES,
}
EXAMPLES = REPO / "examples"

# Every example with a dev stack runs offline; real-cloud (no dev stack) and gitops (no program) do not.
RUNNABLE = sorted(path.parent.name for path in EXAMPLES.glob("*/Pulumi.dev.yaml"))

# What each example leaves in the emulator: domain -> (type, mini-program, enabled); zone -> CNAME hosts.
EXPECTED_DOMAINS = {
    "quickstart": {
        "mp-play.example.com": (1, 1, 1),
        "play.example.com": (1, 0, 1),
        "push.example.com": (0, 0, 1),
    },
    "education": {
        "push.school.example.com": (0, 0, 1),
        "mp.school.example.com": (1, 1, 1),
        "play.school.example.com": (1, 0, 1),
    },
    "offline-event": {"mp.expo.example.com": (1, 1, 1)},
    # What examples/adopt-existing/seed.py seeds, created from scratch (its IDN domain is not in the program).
    "adopt-existing": {
        "live.example.org": (0, 0, 1),
        "mp-play.example.com": (1, 1, 1),
        "new-push.example.com": (0, 0, 1),
        "old-play.example.com": (1, 0, 0),
        "play.example.com": (1, 0, 1),
        "push.example.com": (0, 0, 1),
    },
}
EXPECTED_RECORDS = {
    "quickstart": ("example.com", {"mp-play", "play", "push"}),
    "education": ("school.example.com", {"mp", "play", "push"}),
    "offline-event": ("example.com", {"mp.expo"}),
    "adopt-existing": ("example.com", {"mp-play", "old-play", "play", "push"}),
}
# R8: a mini-program play domain is protected, and so is its CNAME (it lives as long as the domain).
EXPECTED_PROTECTED = {
    "education": {"mp-play", "mp-play-cname"},
    "adopt-existing": {"mp-play.example.com", "mp-play.example.com-cname"},
}
# What each example applies to the streams pushed to its push domain: template names, and the rules binding them.
EXPECTED_PROCESSING = {
    "quickstart": {
        "TranscodeTemplates": {"sd540", "hd720"},
        "Watermarks": {"acme-logo"},
        "TranscodeRules": {("push.example.com", "sd540"), ("push.example.com", "hd720")},
        "WatermarkRules": {("push.example.com", "acme-logo")},
    },
    "education": {
        "RecordTemplates": {"replays"},
        "CallbackTemplates": {"class-events"},
        "RecordRules": {("push.school.example.com", "replays")},
        "CallbackRules": {("push.school.example.com", "class-events")},
    },
}
DOCUMENT_PROPERTIES = ("event_permit", "venue_proof", "support_ticket")


def committed_copy(name: str, destination: Path) -> Path:
    """A copy of ``examples/NAME`` holding only the files git tracks (no local state of earlier runs)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--", f"examples/{name}"], cwd=REPO, capture_output=True, check=True
    ).stdout.decode()
    directory = destination / "examples" / name  # where `virtualenv: ../../.venv` is right, as in the repository
    for relative in filter(None, listed.split("\0")):
        target = directory / Path(relative).relative_to(f"examples/{name}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / relative, target)
    link_virtualenv(directory, destination)
    return directory


def offline(operation: str, directory: Path, cwd: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    """The documented command, run from another directory than the example's."""
    return subprocess.run(
        [sys.executable, "-m", "pulumi_tclive.testing", operation, str(directory), *flags],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def summary(completed: subprocess.CompletedProcess[str]) -> str:
    return [line for line in completed.stdout.splitlines() if line.startswith("Resources:")][-1]


def test_every_runnable_example_is_covered() -> None:
    assert set(RUNNABLE) >= set(EXPECTED_DOMAINS), RUNNABLE
    assert "real-cloud" not in RUNNABLE and "gitops" not in RUNNABLE


@pytest.mark.parametrize("name", RUNNABLE)
def test_an_example_runs_from_a_fresh_copy_and_a_second_up_changes_nothing(name: str, tmp_path: Path) -> None:
    directory = committed_copy(name, tmp_path / "clone")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    stack_file = directory / "Pulumi.dev.yaml"
    if name == "offline-event":
        refused = offline("preview", directory, elsewhere)
        assert refused.returncode != 0
        assert all(prop in refused.stdout for prop in DOCUMENT_PROPERTIES), refused.stdout
        assert "公安" in refused.stdout  # the permit comes from the public-security bureau, in the console's words
        # The documents are given by uncommenting the stack file's commented lines, as it says.
        stack_file.write_text(re.sub(r"(?m)^  # (tclive-offline-event:)", r"  \1", stack_file.read_text()))

    first = offline("up", directory, elsewhere)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "created" in summary(first)
    second = offline("up", directory, elsewhere, "--skip-preview")  # as `make examples` runs it a second time
    assert second.returncode == 0, second.stdout + second.stderr
    assert re.fullmatch(r"Resources: \d+ unchanged", summary(second)), second.stdout
    # No false drift: refresh right after up, and after a no-op up that must keep secret outputs withheld
    # (else refresh would take the key read back from the cloud for drift).
    refreshed = offline("refresh", directory, elsewhere)
    assert refreshed.returncode == 0, refreshed.stdout + refreshed.stderr
    assert re.fullmatch(r"Resources: \d+ unchanged", summary(refreshed)), refreshed.stdout

    # The state is the example's own, next to its stack file, whatever the current directory was.
    state = directory / ".tclive" / "emulator.sqlite3"
    assert state.is_file() and not (elsewhere / ".tclive").exists()
    if name in EXPECTED_DOMAINS:
        with Emulator(state) as emulator, emulator.client() as console:
            assert domains(console) == EXPECTED_DOMAINS[name]
            if name in EXPECTED_RECORDS:
                zone, hosts = EXPECTED_RECORDS[name]
                assert records(console, zone) == hosts
            if name in EXPECTED_PROCESSING:
                assert processing(console, set(EXPECTED_PROCESSING[name])) == EXPECTED_PROCESSING[name]
    if name in EXPECTED_PROTECTED:
        protected = {entry.name for entry in Engine(directory, stack="dev").read_state().resources if entry.protect}
        assert protected == EXPECTED_PROTECTED[name]
    if name == "quickstart":  # what `make demo` applies: the README's emulator commands run on it next
        run_readme_emulator_commands(directory)

    if name != "quickstart":  # tests/e2e/test_drift.py covers console changes of every kind
        return
    # A real out-of-band change is still reported: a domain of the stack forbidden in the console.
    managed = {e.id for e in Engine(directory, stack="dev").read_state().resources if e.type.endswith(":LiveDomain")}
    with Emulator(state) as emulator, emulator.client() as console:
        listed = console.call(DESCRIBE_LIVE_DOMAINS, DescribeLiveDomainsRequest(PageSize=100))
        forbidden = next(d.Name for d in listed.DomainList if d.Status == 1 and d.Name in managed)
        console.call(FORBID_LIVE_DOMAIN, ForbidLiveDomainRequest(DomainName=forbidden))
    drifted = offline("refresh", directory, elsewhere, "--json")
    assert drifted.returncode == 0, drifted.stderr
    assert json.loads(drifted.stdout)["changeSummary"].get("update") == 1, drifted.stdout


def domains(console: TencentCloudClient) -> dict[str, tuple[int, int, int]]:
    listed = console.call(DESCRIBE_LIVE_DOMAINS, DescribeLiveDomainsRequest(PageSize=100))
    return {d.Name: (d.Type, d.IsMiniProgramLive, d.Status) for d in listed.DomainList}


def processing(console: TencentCloudClient, wanted: set[str]) -> dict[str, set[Any]]:
    """Template names and (domain, template name) rules, for the families in ``wanted`` (``"TranscodeRules"``…)."""
    found: dict[str, set[Any]] = {}
    names: dict[int, str] = {}
    for family, (action, attribute, name) in PROCESSING_LISTS.items():
        listed = getattr(console.call(action, action.request()), attribute)
        names |= {getattr(item, "WatermarkId", getattr(item, "TemplateId", 0)): getattr(item, name) for item in listed}
        if family in wanted:
            found[family] = {getattr(item, name) for item in listed}
    for family, action in PROCESSING_RULES.items():
        if family in wanted:
            rules = console.call(action, action.request()).Rules
            found[family] = {(rule.DomainName, names[rule.TemplateId]) for rule in rules}
    return found


def records(console: TencentCloudClient, zone: str) -> set[str]:
    listed = console.call(
        DESCRIBE_RECORD_LIST, DescribeRecordListRequest(Domain=zone, RecordType="CNAME", ErrorOnEmpty="no")
    )
    return {r.Name for r in listed.RecordList}


def readme_emulator_commands() -> list[str]:
    """The `tclive emulator …` lines of the README's emulator section (not `serve`, which runs until stopped)."""
    readme = (REPO / "README.md").read_text()
    section = readme.split("\n## The emulator\n", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line.split("  #", 1)[0].strip() for line in block.splitlines()]
    return [c for c in commands if c.startswith("tclive emulator ") and not c.startswith("tclive emulator serve")]


def run_readme_emulator_commands(directory: Path) -> None:
    """Run the README's emulator commands where `make demo` would leave its state: .tclive/ of the cwd."""
    commands = readme_emulator_commands()
    assert len(commands) >= 4
    tclive = Path(sys.executable).with_name("tclive")
    for command in commands:
        argv = [str(tclive), *shlex.split(command)[1:]]
        completed = subprocess.run(argv, cwd=directory, capture_output=True, text=True, timeout=60)
        assert completed.returncode == 0, f"{command}\n{completed.stdout}{completed.stderr}"


def python_blocks(path: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", path.read_text(), re.S)


# What the README's snippets take as given: stack config, the datetime names, and a certificate file.
SNIPPET_PRELUDE = "import pulumi\nfrom datetime import UTC, datetime\n\ncfg = pulumi.Config()\n\n"


def test_the_readme_python_snippets_preview_cleanly(tmp_path: Path) -> None:
    # Together they form one program (each snippet builds on the one before), checked by every provider.
    directory = tmp_path / "snippets"
    directory.mkdir()
    (directory / "__main__.py").write_text(SNIPPET_PRELUDE + "\n".join(python_blocks(REPO / "README.md")))
    (directory / "Pulumi.yaml").write_text("name: snippets\nruntime: python\n")
    (directory / "Pulumi.dev.yaml").write_text("config:\n  tclive:endpoint: embedded\n")
    issued = issue("mp-play.example.com")
    (directory / "fullchain.pem").write_text(issued.chain)
    secrets = {"playKey": "0123456789abcdef0123456789abcdef", "playKeyPem": issued.key}
    preview = Engine(directory, stack="dev", secrets=secrets).preview()
    assert preview.ok, preview.text
    assert not {"update", "replace", "delete"} & set(preview.counts), preview.text


def test_the_emulator_doc_python_snippets_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # They talk to a served emulator at the port the doc shows, with the key pair it printed.
    monkeypatch.chdir(tmp_path)
    snippets = python_blocks(REPO / "docs" / "emulator.md")
    assert snippets
    with Emulator(tmp_path / "served.sqlite3") as served:
        server = EmulatorServer(served, host="127.0.0.1", port=0).start()
        try:
            for snippet in snippets:
                if "tencentcloud" in snippet:
                    pytest.importorskip("tencentcloud.live.v20180801")
                code = compile(
                    snippet.replace("127.0.0.1:41733", server.endpoint.removeprefix("http://")), "doc", "exec"
                )
                namespace: dict[str, object] = {
                    "secret_id": served.credentials.secret_id,
                    "secret_key": served.credentials.secret_key,
                }
                exec(code, namespace)
                for value in namespace.values():
                    if isinstance(value, Emulator | TencentCloudClient):
                        value.close()
        finally:
            server.close()
