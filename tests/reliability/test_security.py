"""Secrets never leak, and the emulator refuses requests it cannot authenticate.

Through the offline engine, a small stack goes through up, up, refresh, two failing ups (an API
refusal and an unreachable RFC 2136 server signing with the TSIG secret) and destroy with the secret
key, a TSIG secret and a security token configured as secrets. None of them may appear in the state
file, the pickled ``__provider`` values, anything printed, the diagnostics (provider tracebacks
included) or the stack outputs.

Already covered elsewhere, not repeated here: the emulator's auth codes for a read request
(``tests/emulator/test_protocol.py``), RFC 2136 refusing an unsigned UPDATE
(``tests/dns/test_rfc2136.py::test_unsigned_update_is_refused_by_the_server``), and a wrong key on the
provider classes (``tests/resources/test_secrets.py``).
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from pulumi_tclive.cloud import signing
from pulumi_tclive.cloud.client import Credentials, TencentCloudClient
from pulumi_tclive.cloud.dnspod import CREATE_DOMAIN, CreateDomainRequest
from pulumi_tclive.cloud.live import ADD_LIVE_DOMAIN, AddLiveDomainRequest
from pulumi_tclive.emulator import EMBEDDED_ENDPOINT, Emulator
from pulumi_tclive.emulator.console_api import DESCRIBE_REQUEST_LOG, DescribeRequestLogRequest
from pulumi_tclive.testing import Engine, RunResult

from ._support import all_domains

PROGRAM = Path(__file__).parent / "programs" / "secrets"
TSIG_SECRET = base64.b64encode(b"reliability-tsig-marker-7f3e9a1c").decode()
TOKEN = "reliability-token-marker-2c8d4e6f0a1b"
WRONG_KEY = "reliability-wrong-key-marker-9a0b1c2d"


class Evidence:
    """Everything a user or a log collector could see: printed text, diagnostics, outputs, state, pickles."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.texts: list[str] = []
        self.pickles: list[bytes] = []

    def add(self, result: RunResult) -> RunResult:
        self.texts += [result.text, *result.diagnostics, json.dumps(result.outputs, ensure_ascii=False)]
        if self.engine.state_path.exists():
            document = self.engine.state_path.read_text(encoding="utf-8")
            self.texts.append(document)
            for resource in json.loads(document)["resources"]:
                for values in (resource["inputs"], resource["outputs"]):
                    if "__provider" in values:
                        self.pickles.append(base64.b64decode(values["__provider"]))
        return result

    def assert_never_shows(self, *secrets: str) -> None:
        assert all(secrets) and self.texts
        for secret in secrets:
            assert not [t for t in self.texts if secret in t], f"a secret ({secret[:6]}…) leaked into output or state"
            assert not [p for p in self.pickles if secret.encode() in p], f"a secret ({secret[:6]}…) is in a pickle"


@pytest.fixture
def emulator(tmp_path: Path) -> Iterator[Emulator]:
    """An emulator with the ``example.com`` zone and an existing ``taken.example.com`` domain."""
    instance = Emulator(tmp_path / "emulator.sqlite3")
    with instance.client() as console:
        console.call(CREATE_DOMAIN, CreateDomainRequest(Domain="example.com"))
        console.call(ADD_LIVE_DOMAIN, AddLiveDomainRequest(DomainName="taken.example.com", DomainType=1))
    yield instance
    instance.close()


def make_engine(emulator: Emulator, tmp_path: Path, secret_key: str, **config: str) -> Engine:
    return Engine(
        PROGRAM,
        stack="dev",
        config={
            "tclive:endpoint": "embedded",
            "tclive:emulatorState": str(emulator.state_path),
            "tclive:emulatorAutoApprove": "true",
            "tclive:secretId": emulator.credentials.secret_id,
            **config,
        },
        secrets={
            "tclive:secretKey": secret_key,
            "tclive:rfc2136TsigSecret": TSIG_SECRET,
            "tclive:securityToken": TOKEN,
        },
        state_path=tmp_path / "state.json",
    )


def test_secrets_never_leak_across_up_refresh_failures_and_destroy(
    emulator: Emulator, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    secret_key = emulator.credentials.secret_key
    engine = make_engine(emulator, tmp_path, secret_key)
    evidence = Evidence(engine)

    for result in (evidence.add(engine.up()), evidence.add(engine.up()), evidence.add(engine.refresh())):
        assert result.ok, result.text
    assert result.outputs["push_target"] == "push.example.com.tlivepush.com"

    taken = make_engine(emulator, tmp_path, secret_key, **{"reliability:failWith": "taken"})
    refused = Evidence(taken).add(taken.up())
    evidence.texts += [refused.text, *refused.diagnostics]
    assert not refused.ok and "taken.example.com already exists" in refused.text

    unreachable = make_engine(
        emulator,
        tmp_path,
        secret_key,
        **{
            "reliability:failWith": "rfc2136",
            "tclive:rfc2136Server": "127.0.0.1:1",
            "tclive:rfc2136TsigKeyName": "ddns-key",
        },
    )
    failed = Evidence(unreachable).add(unreachable.up())
    evidence.texts += [failed.text, *failed.diagnostics]
    assert not failed.ok and "127.0.0.1:1" in failed.text

    destroyed = evidence.add(engine.destroy())
    assert destroyed.ok, destroyed.text
    with emulator.client() as console:
        assert [d.Name for d in all_domains(console)] == ["taken.example.com"]

    captured = capfd.readouterr()
    evidence.texts += [captured.out, captured.err]
    assert len(evidence.pickles) >= 6, "every state written held the three resources' pickles"
    evidence.assert_never_shows(secret_key, TSIG_SECRET, TOKEN)


def test_a_wrong_secret_key_fails_with_a_hint_and_is_never_shown(emulator: Emulator, tmp_path: Path) -> None:
    engine = make_engine(emulator, tmp_path, WRONG_KEY)
    evidence = Evidence(engine)
    result = evidence.add(engine.up())
    assert not result.ok
    assert "AuthFailure.SignatureFailure" in result.text and "tclive:secretKey" in result.text
    evidence.assert_never_shows(WRONG_KEY, TSIG_SECRET, TOKEN)


def _signed_add(
    emulator: Emulator,
    *,
    credentials: Credentials | None = None,
    timestamp_offset: int = 0,
    sign: bool = True,
    tamper: bool = False,
) -> httpx.Response:
    """An AddLiveDomain request for ``new.example.com`` made by hand, correct unless told otherwise."""
    creds = credentials or emulator.credentials
    body = b'{"DomainName":"new.example.com","DomainType":0}'
    stamp = int(time.time()) + timestamp_offset
    headers = {"Content-Type": "application/json", "Host": httpx.URL(EMBEDDED_ENDPOINT).netloc.decode()}
    authorization = signing.authorization_header(
        secret_id=creds.secret_id,
        secret_key=creds.secret_key,
        service="live",
        timestamp=stamp,
        headers=headers,
        payload=body,
    )
    headers.update({"X-TC-Action": "AddLiveDomain", "X-TC-Version": "2018-08-01", "X-TC-Timestamp": str(stamp)})
    if sign:
        headers["Authorization"] = authorization
    sent = body.replace(b"new.", b"evil.") if tamper else body
    with httpx.Client(transport=emulator.transport()) as http:
        return http.post(EMBEDDED_ENDPOINT + "/", content=sent, headers=headers)


REFUSED = {
    "unsigned": ({"sign": False}, "AuthFailure.InvalidAuthorization"),
    "signed with the wrong key": ({"wrong_key": True}, "AuthFailure.SignatureFailure"),
    "body changed after signing": ({"tamper": True}, "AuthFailure.SignatureFailure"),
    "expired (6 minutes old)": ({"timestamp_offset": -360}, "AuthFailure.SignatureExpire"),
    "from the future (6 minutes ahead)": ({"timestamp_offset": 360}, "AuthFailure.SignatureExpire"),
    "unknown key": ({"unknown": True}, "AuthFailure.SecretIdNotFound"),
}


@pytest.mark.parametrize(("how", "code"), REFUSED.values(), ids=list(REFUSED))
def test_the_emulator_refuses_a_write_it_cannot_authenticate_and_changes_nothing(
    emulator: Emulator, how: dict[str, object], code: str
) -> None:
    options = dict(how)
    credentials = None
    if options.pop("wrong_key", False):
        credentials = Credentials(emulator.credentials.secret_id, WRONG_KEY)
    if options.pop("unknown", False):
        credentials = Credentials("AKID" + "u" * 32, WRONG_KEY)
    answer = _signed_add(emulator, credentials=credentials, **options)  # type: ignore[arg-type]
    assert answer.status_code == 200
    error = json.loads(answer.content)["Response"]["Error"]
    assert error["Code"] == code
    assert WRONG_KEY not in answer.text and emulator.credentials.secret_key not in answer.text
    with TencentCloudClient(emulator.credentials, endpoint=EMBEDDED_ENDPOINT, transport=emulator.transport()) as api:
        assert [d.Name for d in all_domains(api)] == ["taken.example.com"], "the refused write did nothing"
        calls = {c.Action: c.Count for c in api.call(DESCRIBE_REQUEST_LOG, DescribeRequestLogRequest()).Calls}
    assert calls["AddLiveDomain"] == 1, "the fixture's own AddLiveDomain is the only one that reached the API"


def test_a_correctly_signed_request_is_accepted(emulator: Emulator) -> None:
    """The control for the refusals above: the same hand-made request, correctly signed, adds the domain."""
    answer = _signed_add(emulator)
    assert "Error" not in json.loads(answer.content)["Response"]
    with emulator.client() as api:
        assert sorted(d.Name for d in all_domains(api)) == ["new.example.com", "taken.example.com"]
