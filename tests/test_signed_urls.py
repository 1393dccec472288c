"""signed_url() against Tencent's worked example, and `tclive url sign` as a user runs it."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

import pulumi_tclive as tclive
from pulumi_tclive.cli import main
from pulumi_tclive.cloud.live import ADD_LIVE_DOMAIN, AddLiveDomainRequest
from pulumi_tclive.cloud.streaming import DESCRIBE_LIVE_PUSH_AUTH_KEY, DescribeLivePushAuthKeyRequest
from pulumi_tclive.emulator import Emulator
from pulumi_tclive.errors import UrlSigningError
from pulumi_tclive.url_command import parse_expiry

# https://www.tencentcloud.com/document/product/267/31560 ("Hotlink Protection URL Calculation")
DOC_KEY = "e12c46f2612d5106e2034781ab261ca3"
DOC_TX_TIME = 0x5C271099
DOC_URL = "rtmp://livepush.tcloud.com/live/test?txSecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=5C271099"


def test_tencents_worked_example() -> None:
    assert tclive.signed_url("rtmp://livepush.tcloud.com/live/test", DOC_KEY, DOC_TX_TIME) == DOC_URL


def test_an_aware_datetime_gives_the_same_url() -> None:
    moment = datetime.fromtimestamp(DOC_TX_TIME, tz=timezone(timedelta(hours=8)))
    assert tclive.signed_url("rtmp://livepush.tcloud.com/live/test", DOC_KEY, moment) == DOC_URL


def test_play_urls_sign_the_stream_name_without_extension_and_keep_other_parameters() -> None:
    url = tclive.signed_url("https://play.example.com/live/test_hd.flv?a=1", DOC_KEY, DOC_TX_TIME)
    query = parse_qs(urlsplit(url).query)
    assert query["a"] == ["1"] and query["txTime"] == ["5C271099"]
    assert query["txSecret"] == [hashlib.md5(f"{DOC_KEY}test_hd5C271099".encode()).hexdigest()]
    assert urlsplit(url).path == "/live/test_hd.flv"


def test_sha256_signs_the_same_string() -> None:
    url = tclive.signed_url("rtmp://livepush.tcloud.com/live/test", DOC_KEY, DOC_TX_TIME, algorithm="sha256")
    expected = hashlib.sha256(f"{DOC_KEY}test5C271099".encode()).hexdigest()
    assert parse_qs(urlsplit(url).query)["txSecret"] == [expected]


@pytest.mark.parametrize(
    ("url", "key", "expires", "algorithm", "says"),
    [
        ("rtmp://push.example.com/live/{stream_name}", DOC_KEY, DOC_TX_TIME, "md5", "template"),
        ("rtmp://push.example.com/", DOC_KEY, DOC_TX_TIME, "md5", "no stream name"),
        ("rtmp://push.example.com/live/", DOC_KEY, DOC_TX_TIME, "md5", "no stream name"),
        ("rtmp://push.example.com/room1", DOC_KEY, DOC_TX_TIME, "md5", "domain/AppName/StreamName"),
        ("ftp://push.example.com/live/a", DOC_KEY, DOC_TX_TIME, "md5", "neither pushes nor plays"),
        ("rtmp://push.example.com/live/a b", DOC_KEY, DOC_TX_TIME, "md5", "use letters, digits, '_' and '-'"),
        ("push.example.com/live/a", DOC_KEY, DOC_TX_TIME, "md5", "not an absolute URL"),
        (DOC_URL, DOC_KEY, DOC_TX_TIME, "md5", "already signed"),
        ("rtmp://push.example.com/live/a", "", DOC_TX_TIME, "md5", "key is empty"),
        ("rtmp://push.example.com/live/a", DOC_KEY, datetime(2030, 1, 1), "md5", "no time zone"),
        ("rtmp://push.example.com/live/a", DOC_KEY, -1, "md5", "outside 1970-2106"),
        ("rtmp://push.example.com/live/a", DOC_KEY, DOC_TX_TIME, "sha1", "not supported"),
    ],
)
def test_bad_arguments_say_what_to_do(url: str, key: str, expires: object, algorithm: str, says: str) -> None:
    with pytest.raises(UrlSigningError) as err:
        tclive.signed_url(url, key, expires, algorithm)  # type: ignore[arg-type]
    assert says in str(err.value)
    assert not key or key not in str(err.value)


def test_expiry_forms() -> None:
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    assert parse_expiry("2h", now) == now + timedelta(hours=2)
    assert parse_expiry("7d", now) == now + timedelta(days=7)
    assert parse_expiry("1546064025", now).timestamp() == DOC_TX_TIME
    assert parse_expiry("2026-12-01T20:00:00+08:00", now) == datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    for bad in ("soon", "2026-12-01T20:00:00"):
        with pytest.raises(UrlSigningError):
            parse_expiry(bad, now)


def test_cli_with_a_key(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["url", "sign", "rtmp://livepush.tcloud.com/live/test", "--key", DOC_KEY, "--expires", "2h"])
    out, err = capsys.readouterr()
    assert code == 0
    query = parse_qs(urlsplit(out.strip()).query)
    assert query["txSecret"] == [hashlib.md5(f"{DOC_KEY}test{query['txTime'][0]}".encode()).hexdigest()]
    assert int(query["txTime"][0], 16) > datetime.now(UTC).timestamp() and err.startswith("expires ")


# Issue 17: each of these signed with exit 0 before; none of them can stream.
@pytest.mark.parametrize(
    ("url", "expires", "says"),
    [
        ("rtmp://push.example.com/live/", "2h", "has no stream name"),  # was signed as stream "live"
        ("ftp://push.example.com/live/room1", "2h", "ftp:// URL, which Tencent Cloud Live neither pushes nor plays"),
        ("rtmp://push.example.com/live/room 1", "2h", "characters a stream name cannot carry"),
        ("rtmp://push.example.com/live/room%201", "2h", "characters a stream name cannot carry"),
        ("rtmp://push.example.com/live/room1", "1546064025", "in the past"),
    ],
)
def test_cli_refuses_what_cannot_stream_with_exit_2_and_nothing_on_stdout(
    capsys: pytest.CaptureFixture[str], url: str, expires: str, says: str
) -> None:
    code = main(["url", "sign", url, "--key", DOC_KEY, "--expires", expires])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.startswith("tclive url sign: ") and says in err and DOC_KEY not in err


def test_a_url_that_cannot_stream_is_refused_before_the_stack_is_asked_for_a_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = main(["url", "sign", "rtmp://push.example.com/live/", "--key-from-stack", "--cwd", str(tmp_path)])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "") and "has no stream name" in err  # not "no Pulumi.yaml in …"


def test_cli_refuses_a_template_with_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PUSH_KEY", DOC_KEY)
    code = main(["url", "sign", "rtmp://push.example.com/live/{stream_name}", "--key-env", "PUSH_KEY"])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and "template" in err and DOC_KEY not in err


# The second case is the repository's demo layout: the program in a subdirectory (`main:`), the state
# file given relative to it, as the provider (which runs there) resolves it.
@pytest.mark.parametrize("main", [".", "program"])
def test_cli_key_from_stack_asks_the_stacks_emulator(tmp_path: Path, main: str) -> None:
    state = tmp_path / ".tclive" / "emulator.sqlite3"
    relative_state = ".tclive/emulator.sqlite3" if main == "." else "../.tclive/emulator.sqlite3"
    (tmp_path / "Pulumi.yaml").write_text(f"name: signing\nruntime: python\nmain: {main}\n")
    (tmp_path / main).mkdir(exist_ok=True)
    (tmp_path / main / "__main__.py").write_text("")
    (tmp_path / "Pulumi.dev.yaml").write_text(
        f"config:\n  tclive:endpoint: embedded\n  tclive:emulatorState: {relative_state}\n"
    )
    with Emulator(state) as emulator, emulator.client() as console:
        console.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName="push.example.com", DomainType=0))
        info = console.call(DESCRIBE_LIVE_PUSH_AUTH_KEY, DescribeLivePushAuthKeyRequest(DomainName="push.example.com"))
        assert info.PushAuthKeyInfo is not None
        key = info.PushAuthKeyInfo.MasterAuthKey
    completed = subprocess.run(
        [sys.executable, "-m", "pulumi_tclive.cli", "url", "sign", "rtmp://push.example.com/live/room1",
         "--key-from-stack", "--cwd", str(tmp_path), "--expires", "2h"],
        capture_output=True,
        text=True,
        timeout=60,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    url = completed.stdout.strip()
    query = parse_qs(urlsplit(url).query)
    assert query["txSecret"] == [hashlib.md5(f"{key}room1{query['txTime'][0]}".encode()).hexdigest()]
    assert key not in completed.stdout + completed.stderr
