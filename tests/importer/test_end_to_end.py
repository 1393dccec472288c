"""`tclive import` end to end on the embedded emulator, then the generated program through the offline engine.

The account is examples/adopt-existing/seed.py's: standard and mini-program domains (the
mini-program play domain with traffic this month), CNAMEs in two DNSPod zones, a disabled
domain, a domain with no CNAME yet, a domain under an IDN zone, push and play authentication, a
Referer allow list, and records that belong to no live domain; the fixture adds an HTTPS
certificate. The account and its import are made once per module; the tests that apply the program
(or import again) work on copies (`adopted`), so none depends on another having run.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pulumi_tclive.cloud.client import TencentCloudClient
from pulumi_tclive.cloud.dnspod import DESCRIBE_RECORD_LIST, DescribeRecordListRequest
from pulumi_tclive.cloud.live import DESCRIBE_LIVE_DOMAINS, DescribeLiveDomainsRequest
from pulumi_tclive.cloud.processing import (
    ADD_LIVE_WATERMARK,
    CREATE_LIVE_CALLBACK_RULE,
    CREATE_LIVE_CALLBACK_TEMPLATE,
    CREATE_LIVE_RECORD_RULE,
    CREATE_LIVE_RECORD_TEMPLATE,
    CREATE_LIVE_SNAPSHOT_RULE,
    CREATE_LIVE_SNAPSHOT_TEMPLATE,
    CREATE_LIVE_TIME_SHIFT_RULE,
    CREATE_LIVE_TIME_SHIFT_TEMPLATE,
    CREATE_LIVE_TRANSCODE_RULE,
    CREATE_LIVE_TRANSCODE_TEMPLATE,
    CREATE_LIVE_WATERMARK_RULE,
    AddLiveWatermarkRequest,
    CreateLiveCallbackTemplateRequest,
    CreateLiveRecordTemplateRequest,
    CreateLiveSnapshotTemplateRequest,
    CreateLiveTimeShiftTemplateRequest,
    CreateLiveTranscodeTemplateRequest,
    RecordParam,
)
from pulumi_tclive.cloud.streaming import (
    DESCRIBE_LIVE_DOMAIN_CERT_BINDINGS,
    DESCRIBE_LIVE_DOMAIN_REFERER,
    DESCRIBE_LIVE_PLAY_AUTH_KEY,
    DESCRIBE_LIVE_PUSH_AUTH_KEY,
    MODIFY_LIVE_DOMAIN_CERT_BINDINGS,
    DescribeLiveDomainCertBindingsRequest,
    DescribeLiveDomainRefererRequest,
    DescribeLivePlayAuthKeyRequest,
    DescribeLivePushAuthKeyRequest,
    LiveCertDomainInfo,
    ModifyLiveDomainCertBindingsRequest,
)
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.emulator.console_api import DESCRIBE_PLUGIN_LICENSES, DescribePluginLicensesRequest
from pulumi_tclive.testing import Engine, RunResult
from tests.fixtures.certs import issue

from .support import READ_ONLY, REPO, WRITES, Run, request_log, ruff, seed_module, tclive


@dataclass
class Account:
    """The seeded emulator, the directory the import writes to, and the first import's run."""

    root: Path
    out: Path
    console: TencentCloudClient
    imported: Run
    import_calls: dict[str, int]
    secrets: tuple[str, ...]  # the credentials, every auth key and the certificate's private key

    def run_import(self, *args: str, state: str | None = None) -> Run:
        """``tclive import`` on the seeded account (or on ``state``), run in ``root``."""
        chosen = state or str(self.root / "account" / "emulator.sqlite3")
        return tclive("import", "--endpoint", "embedded", "--state", chosen, *args, cwd=self.root)

    def snapshot(self) -> tuple[object, ...]:
        """Everything the account holds (domains, records, licences), to compare before and after."""
        domains = self.console.call(DESCRIBE_LIVE_DOMAINS, DescribeLiveDomainsRequest(PageSize=100)).DomainList
        records = [
            self.console.call(
                DESCRIBE_RECORD_LIST, DescribeRecordListRequest(Domain=zone, ErrorOnEmpty="no")
            ).RecordList
            for zone in ("example.com", "example.org", "xn--bcher-kva.de")
        ]
        licences = self.console.call(DESCRIBE_PLUGIN_LICENSES, DescribePluginLicensesRequest()).Licenses
        return (domains, records, licences, *security(self.console))


PUSH_DOMAINS = ("push.example.com", "new-push.example.com", "live.example.org")
CALLBACK_KEY = "ImportedCallbackKey0419"


def seed_processing(console: TencentCloudClient) -> None:
    """One template of each kind on push.example.com, each bound by a rule, as someone made them in the console."""
    made = [
        console.call(
            CREATE_LIVE_CALLBACK_TEMPLATE,
            CreateLiveCallbackTemplateRequest(
                TemplateName="hooks", StreamBeginNotifyUrl="https://api.example.com/begin", CallbackKey=CALLBACK_KEY
            ),
        ).TemplateId,
        console.call(
            CREATE_LIVE_RECORD_TEMPLATE,
            CreateLiveRecordTemplateRequest(TemplateName="replays", HlsParam=RecordParam(Enable=1, StorageTime=86400)),
        ).TemplateId,
        console.call(
            CREATE_LIVE_TRANSCODE_TEMPLATE,
            CreateLiveTranscodeTemplateRequest(TemplateName="sd540", VideoBitrate=900, Height=540),
        ).TemplateId,
        console.call(
            CREATE_LIVE_SNAPSHOT_TEMPLATE,
            CreateLiveSnapshotTemplateRequest(
                TemplateName="covers", CosAppId=1250000000, CosBucket="c", CosRegion="ap-guangzhou"
            ),
        ).TemplateId,
        console.call(
            ADD_LIVE_WATERMARK,
            AddLiveWatermarkRequest(WatermarkName="logo", PictureUrl="https://img.example.com/l.png", XPosition=5),
        ).WatermarkId,
        console.call(
            CREATE_LIVE_TIME_SHIFT_TEMPLATE,
            CreateLiveTimeShiftTemplateRequest(TemplateName="rewind", Duration=86400),
        ).TemplateId,
    ]
    rules = (
        CREATE_LIVE_CALLBACK_RULE,
        CREATE_LIVE_RECORD_RULE,
        CREATE_LIVE_TRANSCODE_RULE,
        CREATE_LIVE_SNAPSHOT_RULE,
        CREATE_LIVE_WATERMARK_RULE,
        CREATE_LIVE_TIME_SHIFT_RULE,
    )
    for action, template_id in zip(rules, made, strict=True):
        console.call(action, action.request(DomainName="push.example.com", AppName="live", TemplateId=template_id))


def security(console: TencentCloudClient) -> tuple[object, ...]:
    """The auth keys of every push domain and of play.example.com, its certificate binding and referer rules."""
    push = [
        console.call(DESCRIBE_LIVE_PUSH_AUTH_KEY, DescribeLivePushAuthKeyRequest(DomainName=d)).PushAuthKeyInfo
        for d in PUSH_DOMAINS
    ]
    play = console.call(DESCRIBE_LIVE_PLAY_AUTH_KEY, DescribeLivePlayAuthKeyRequest(DomainName="play.example.com"))
    bindings = console.call(DESCRIBE_LIVE_DOMAIN_CERT_BINDINGS, DescribeLiveDomainCertBindingsRequest())
    referer = console.call(
        DESCRIBE_LIVE_DOMAIN_REFERER, DescribeLiveDomainRefererRequest(DomainName="play.example.com")
    )
    return (push, play.PlayAuthKeyInfo, bindings.LiveDomainCertBindings, referer.RefererAuthConfig)


@pytest.fixture(scope="module")
def account(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Account]:
    root = tmp_path_factory.mktemp("import")
    state = root / "account" / "emulator.sqlite3"
    seed_module().seed(state)
    certificate = issue("play.example.com")
    with Emulator(state) as emulator, emulator.client() as console:
        console.call(
            MODIFY_LIVE_DOMAIN_CERT_BINDINGS,
            ModifyLiveDomainCertBindingsRequest(
                DomainInfos=[LiveCertDomainInfo(DomainName="play.example.com", Status=1)],
                CertificatePublicKey=certificate.chain,
                CertificatePrivateKey=certificate.key,
            ),
        )
        seed_processing(console)
        push, play, _, _ = security(console)
        keys = [k for info in push for k in (info.MasterAuthKey, info.BackupAuthKey) if k]  # type: ignore[union-attr]
        keys += [k for k in (play.AuthKey, play.AuthBackKey) if k]  # type: ignore[union-attr]
        secrets = (emulator.credentials.secret_key, certificate.key, CALLBACK_KEY, *keys)
        before = request_log(console)
        run = tclive("import", "--endpoint", "embedded", "--state", str(state), "--out", "imported", cwd=root)
        calls = request_log(console)
        calls.subtract(before)
        made = {k: v for k, v in calls.items() if v}
        yield Account(root, root / "imported", console, run, made, secrets)


@dataclass(frozen=True)
class Adopted:
    """A copy of the imported program after its first ``up``: that run, and the account around it."""

    directory: Path
    up: RunResult
    calls: dict[str, int]  # live and DNSPod calls the up made, per action
    before: tuple[object, ...]  # Account.snapshot() before and after the up
    after: tuple[object, ...]


@pytest.fixture(scope="module")
def adopted(account: Account) -> Adopted:
    directory = account.root / "adopted"  # a sibling of imported/: the stack file's emulatorState still holds
    shutil.copytree(account.out, directory)
    before_log, before = request_log(account.console), account.snapshot()
    result = Engine(directory, stack="dev", env={"PYTHONPATH": str(REPO)}).up()
    calls = request_log(account.console)
    calls.subtract(before_log)
    return Adopted(directory, result, {action: n for action, n in calls.items() if n}, before, account.snapshot())


def ops(result: RunResult) -> dict[str, int]:
    return {op: n for op, n in result.counts.items() if op in ("create", "update", "replace", "delete")}


def test_import_only_reads_and_reports_on_both_streams(account: Account) -> None:
    assert account.imported.exit_code == 0, account.imported.stderr
    assert set(account.import_calls) <= READ_ONLY, account.import_calls
    assert account.import_calls["DescribeLiveDomain"] == 7  # one per domain, the IDN one included
    assert "Listing live domains" in account.imported.stderr
    assert "Listing live domains" not in account.imported.stdout
    table = account.imported.stdout.splitlines()
    assert table[0].split() == ["live", "domain", "kind", "enabled", "CNAME", "(zone,", "backend)", "note"]
    assert any(line.startswith("new-push.example.com") and "flagged: no CNAME" in line for line in table)
    assert sorted(p.name for p in account.out.iterdir()) == [
        "Pulumi.dev.yaml",
        "Pulumi.yaml",
        "README.md",
        "__main__.py",
    ]


def test_the_program_declares_the_account_as_it_is(account: Account) -> None:
    program = (account.out / "__main__.py").read_text()
    # The disabled domain stays disabled, the mini-program play domain and its CNAME are protected.
    old_play = program[program.index('"old-play.example.com",') :]
    assert "enabled=False" in old_play[: old_play.index(")")]
    mp_play = program[program.index('"mp-play.example.com",') :]
    assert "protect=True, retain_on_delete=True" in mp_play[: mp_play.index("\n)")]
    assert "plugin_license=licence_wx0123456789abcdef" in mp_play
    assert 'play_region="global"' in program[program.index('"play.example.com",') :]
    # The domain without a CNAME is flagged, and gets no CnameRecord (up would create one).
    assert "# NO CNAME: no CNAME yet in DNSPod zone example.com: add" in program
    assert '"new-push.example.com-cname"' not in program
    assert 'zone="example.org"' in program
    # Security settings as the domains have them; keys stay in the account (adopt_existing keeps them).
    assert program.count("tclive.PushAuthKey(") == 3
    play_auth = program[program.index('"play.example.com-play-auth",') :]
    assert "valid_seconds=3600" in play_auth and "adopt_existing=True" in play_auth
    bound = security(account.console)[2]
    assert f'cloud_cert_id="{bound[0].CloudCertId}"' in program  # type: ignore[index]
    assert 'rules=["example.com", "*.example.com"]' in program
    # Processing templates with their arguments (never the callback key), each rule naming its template.
    sd540 = program[program.index("sd540 = tclive.TranscodeTemplate(") :]
    assert "video_bitrate=900," in sd540[: sd540.index("\n)")] and "height=540," in sd540[: sd540.index("\n)")]
    assert 'hls_param={"record_interval": 1800, "storage_time": 86400, "enable": 1}' in program
    assert "template_id=sd540.template_id," in program and program.count("adopt_existing=True") >= 12
    assert program.count("Rule(") == 6
    # Records of no live domain are not imported; the IDN domain LiveDomain refuses is left out, with why.
    for foreign in ("www", "cdn", "alias", "192.0.2.10", "xn--bcher-kva"):
        assert foreign not in program
    readme = (account.out / "README.md").read_text()
    assert "live.xn--bcher-kva.de (live.bücher.de) is not imported" in readme
    assert "alias.example.com (DNSPod zone example.com) is a CNAME to play.example.com.tlivecdn.com" in readme
    assert "new-push.example.com: no CNAME yet" in readme
    stack = (account.out / "Pulumi.dev.yaml").read_text()
    assert 'tclive:emulatorState: "../account/emulator.sqlite3"' in stack
    for written in account.out.iterdir():
        for secret in account.secrets:
            assert secret not in written.read_text(), f"{written.name} holds a secret"
    for secret in account.secrets:
        assert secret not in account.imported.stdout + account.imported.stderr


def test_the_program_is_formatted_and_passes_ruff(account: Account) -> None:
    for config in (["--isolated"], ["--config", str(REPO / "pyproject.toml")]):
        checked = ruff("check", *config, "__main__.py", cwd=account.out)
        assert checked.returncode == 0, checked.stdout + checked.stderr
        formatted = ruff("format", *config, "--check", "__main__.py", cwd=account.out)
        assert formatted.returncode == 0, formatted.stdout + formatted.stderr


def test_up_makes_no_create_update_or_delete_call(adopted: Adopted) -> None:
    result = adopted.up
    assert result.ok, result.text
    assert ops(result) == {"create": 30}  # every create is an adoption: 18, and 6 templates with their 6 rules
    assert adopted.calls, "up read the account"
    assert not set(adopted.calls) & WRITES, adopted.calls
    assert "DescribeBillBandwidthAndFluxList" not in adopted.calls, "adoption skips the R7 query"
    assert adopted.after == adopted.before
    assert "adopted the existing domain" in result.text


def test_the_preview_after_up_shows_no_changes(adopted: Adopted) -> None:
    assert adopted.up.ok, adopted.up.text
    result = Engine(adopted.directory, stack="dev", env={"PYTHONPATH": str(REPO)}).preview()
    assert result.ok, result.text
    assert ops(result) == {}
    assert "30 unchanged" in result.text


def test_importing_again_into_the_same_directory_refuses_without_force(account: Account, adopted: Adopted) -> None:
    # Into a copy of the applied program (a sibling of imported/, as the stack file's emulatorState expects).
    again_dir = account.root / "again"
    shutil.copytree(adopted.directory, again_dir)
    program, state = (again_dir / "__main__.py").read_text(), (again_dir / ".tclive-state" / "dev.json").read_text()
    again = account.run_import("--out", again_dir.name)
    assert again.exit_code == 1
    assert "already holds Pulumi.dev.yaml, Pulumi.yaml, README.md, __main__.py" in again.stderr
    assert "--force" in again.stderr
    assert again.stdout == ""
    forced = account.run_import("--out", again_dir.name, "--force")
    assert forced.exit_code == 0, forced.stderr
    assert (again_dir / "__main__.py").read_text() == program, "the same account gives the same program"
    assert (again_dir / ".tclive-state" / "dev.json").read_text() == state, "--force leaves other files alone"


def test_bad_selections_fail_with_what_exists(account: Account) -> None:
    unknown = account.run_import("--domains", "nope.example.com", "--out", "x")
    assert unknown.exit_code == 2
    assert "nope.example.com" in unknown.stderr and "mp-play.example.com" in unknown.stderr
    zone = account.run_import("--zone", "example.net", "--out", "x")
    assert zone.exit_code == 2
    assert "example.net: not a DNSPod zone of this account" in zone.stderr
    missing = account.run_import("--out", "x", state="nowhere.sqlite3")
    assert missing.exit_code == 2
    assert "there is no emulator state file at nowhere.sqlite3" in missing.stderr
    assert not (account.root / "x").exists() and not (account.root / "nowhere.sqlite3").exists()


def test_domains_selects_part_of_the_account(account: Account) -> None:
    run = account.run_import("--domains", "push.example.com,PLAY.example.com.", "--out", "part")
    assert run.exit_code == 0, run.stderr
    program = (account.root / "part" / "__main__.py").read_text()
    assert '"play.example.com",' in program and '"push.example.com",' in program
    assert "mp-play" not in program and "PluginLicense" not in program
