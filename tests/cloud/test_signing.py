"""TC3-HMAC-SHA256 against the official example values of signature v3 (docs/design.md#tc3-signing)."""

from __future__ import annotations

import hashlib
import hmac
import time

import pytest

from pulumi_tclive.cloud import signing

EXAMPLE_SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"
EXAMPLE_SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE"
TIMESTAMP = 1551113065
# The exact bytes of the documented body; the \u escapes are literal backslash-u text.
CVM_BODY = b'{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}'
CVM_HEADERS = {
    "Content-Type": "application/json; charset=utf-8",
    "Host": "cvm.tencentcloudapi.com",
    "X-TC-Action": "DescribeInstances",
}


def _hmac_sha256(key: bytes, message: str) -> bytes:
    return hmac.new(key, message.encode(), hashlib.sha256).digest()


def test_vector_a_body_canonical_request_and_signature() -> None:
    assert signing.sha256_hex(CVM_BODY) == "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064"
    canonical = signing.canonical_request(
        method="POST", headers=CVM_HEADERS, signed_headers=["content-type", "host"], payload=CVM_BODY
    )
    assert signing.sha256_hex(canonical.encode()) == "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031"
    assert (
        signing.signature(EXAMPLE_SECRET_KEY, TIMESTAMP, "cvm", canonical)
        == "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168"
    )


def test_vector_a_authorization_header() -> None:
    header = signing.authorization_header(
        secret_id=EXAMPLE_SECRET_ID,
        secret_key=EXAMPLE_SECRET_KEY,
        service="cvm",
        timestamp=TIMESTAMP,
        headers=CVM_HEADERS,
        payload=CVM_BODY,
    )
    assert header == (
        "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
        "SignedHeaders=content-type;host, "
        "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168"
    )


def test_vector_b_canonical_request_with_action_header() -> None:
    canonical = signing.canonical_request(
        method="POST",
        headers=CVM_HEADERS,
        signed_headers=["content-type", "host", "x-tc-action"],
        payload=CVM_BODY,
    )
    assert "x-tc-action:describeinstances\n" in canonical
    assert signing.sha256_hex(canonical.encode()) == "7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84"


def test_vector_b_key_chain_and_signature_from_published_k_date() -> None:
    # The doc masks vector B's secret key but publishes the derived keys; check every link after kDate.
    k_date = bytes.fromhex("da98fb70dcf6b112dc21038d1eeeb3a95c74b4dcb12c1131f864f6066bd02be0")
    k_service = _hmac_sha256(k_date, "cvm")
    assert k_service.hex() == "8d70cbefb03939f929db64d32dc2ba89b1095620119fe3e050e2b18c5bd2752f"
    k_signing = _hmac_sha256(k_service, "tc3_request")
    assert k_signing.hex() == "b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af"

    canonical = signing.canonical_request(
        method="POST",
        headers=CVM_HEADERS,
        signed_headers=["content-type", "host", "x-tc-action"],
        payload=CVM_BODY,
    )
    to_sign = signing.string_to_sign(TIMESTAMP, "cvm", canonical)
    assert to_sign.splitlines()[:3] == ["TC3-HMAC-SHA256", "1551113065", "2019-02-25/cvm/tc3_request"]
    assert (
        hmac.new(k_signing, to_sign.encode(), hashlib.sha256).hexdigest()
        == "10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f"
    )


def test_signing_key_chain_matches_the_documented_derivation() -> None:
    k_date = _hmac_sha256(b"TC3" + EXAMPLE_SECRET_KEY.encode(), "2019-02-25")
    expected = _hmac_sha256(_hmac_sha256(k_date, "cvm"), "tc3_request")
    assert signing.signing_key(EXAMPLE_SECRET_KEY, "2019-02-25", "cvm") == expected


def test_authorization_header_signs_the_headers_it_names() -> None:
    # Vector B's inputs under the example key; a third-party value, not an official one.
    header = signing.authorization_header(
        secret_id=EXAMPLE_SECRET_ID,
        secret_key=EXAMPLE_SECRET_KEY,
        service="cvm",
        timestamp=TIMESTAMP,
        headers=CVM_HEADERS,
        payload=CVM_BODY,
        signed_headers=("x-tc-action", "host", "content-type"),
    )
    assert "SignedHeaders=content-type;host;x-tc-action," in header
    assert header.endswith("Signature=644be983de9a8a3f00db8eadaba61467c3b429e2215758ba897b738ca469fd26")


def test_self_computed_live_vector() -> None:
    body = b'{"DomainName":"www.test.com","DomainType":0}'
    headers = {"Content-Type": "application/json", "Host": "live.tencentcloudapi.com"}
    canonical = signing.canonical_request(
        method="POST", headers=headers, signed_headers=["content-type", "host"], payload=body
    )
    assert signing.sha256_hex(body) == "a423c106bd861c390d5dd5daee694821b540b7e92972db14fc9acf2ee568fdde"
    assert signing.sha256_hex(canonical.encode()) == "038e6b5754b5da5cc3296c35c905f2fba97f5871536100f25f897478e636ec32"
    assert (
        signing.signature(EXAMPLE_SECRET_KEY, TIMESTAMP, "live", canonical)
        == "2752291ffd94b3e7a9f6e3343d905f5edd5f3d9366e70cb34c6fb7dd86d7a9c7"
    )


@pytest.mark.parametrize(
    ("timestamp", "date"),
    [
        (1551113065, "2019-02-25"),  # 2019-02-26 08:44 in UTC+8, still the 25th in UTC
        (1551139199, "2019-02-25"),  # 23:59:59 UTC
        (1551139200, "2019-02-26"),  # midnight UTC
    ],
)
def test_scope_date_is_the_utc_date_whatever_the_local_zone(
    timestamp: int, date: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        assert signing.scope_date(timestamp) == date
        assert signing.credential_scope(timestamp, "live") == f"{date}/live/tc3_request"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_parse_authorization_reads_a_real_header() -> None:
    header = signing.authorization_header(
        secret_id=EXAMPLE_SECRET_ID,
        secret_key=EXAMPLE_SECRET_KEY,
        service="live",
        timestamp=TIMESTAMP,
        headers={"Content-Type": "application/json", "Host": "live.tencentcloudapi.com"},
        payload=b"{}",
    )
    parsed = signing.parse_authorization(header)
    assert parsed is not None
    assert parsed.secret_id == EXAMPLE_SECRET_ID
    assert parsed.date == "2019-02-25"
    assert parsed.service == "live"
    assert parsed.signed_headers == ("content-type", "host")
    assert parsed.signature == header.rsplit("Signature=", 1)[1]


_GOOD = (
    "TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2019-02-25/live/tc3_request, "
    "SignedHeaders=content-type;host, Signature=" + "a" * 64
)


@pytest.mark.parametrize(
    "header",
    [
        "",
        "Bearer abc",
        _GOOD.replace("TC3-HMAC-SHA256", "HMAC-SHA256"),
        _GOOD.replace("/tc3_request", "/request"),
        _GOOD.replace("2019-02-25", "20190225"),
        _GOOD.replace("SignedHeaders=content-type;host", "SignedHeaders=host"),
        _GOOD.replace("SignedHeaders=content-type;host", "SignedHeaders=content-type"),
        _GOOD.replace("a" * 64, "a" * 63),
        _GOOD.replace("a" * 64, "A" * 64),
        _GOOD.replace(", Signature=", ", Sig="),
        _GOOD.replace("Credential=AKIDEXAMPLE/", "Credential=/"),
    ],
)
def test_parse_authorization_rejects_malformed_headers(header: str) -> None:
    assert signing.parse_authorization(_GOOD) is not None
    assert signing.parse_authorization(header) is None
