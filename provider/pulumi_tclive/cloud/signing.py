"""Tencent Cloud API 3.0 request signing: TC3-HMAC-SHA256 (signature v3) and the legacy v1 HmacSHA256/HmacSHA1.

Signature v3: https://cloud.tencent.com/document/api/1427/56189; the v1 common parameters
(``Nonce``, ``SecretId``, ``SignatureMethod``, ``Signature``): https://cloud.tencent.com/document/api/1427/56188.
The same functions sign on the client and verify on the emulator, so the two cannot drift apart;
``tests/contract`` proves they agree with the official SDK's signer. The algorithm and Tencent's
example values: docs/design.md#tc3-signing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

__all__ = [
    "ALGORITHM",
    "LEGACY_ALGORITHMS",
    "UNSIGNED_PAYLOAD",
    "ParsedAuthorization",
    "authorization_header",
    "canonical_request",
    "credential_scope",
    "legacy_signature",
    "parse_authorization",
    "scope_date",
    "sha256_hex",
    "signature",
    "signing_key",
    "string_to_sign",
]

ALGORITHM = "TC3-HMAC-SHA256"
UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD"
"""``X-TC-Content-SHA256`` value meaning "the body is not hashed": the payload hash is SHA-256 of this text."""
LEGACY_ALGORITHMS = {"HmacSHA256": hashlib.sha256, "HmacSHA1": hashlib.sha1}
"""Signature v1 methods by their ``SignatureMethod`` name; v1 defaults to HmacSHA1 when it is absent."""


def sha256_hex(data: bytes) -> str:
    """Lower-case hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def scope_date(timestamp: int) -> str:
    """The credential-scope date: the **UTC** date of ``timestamp`` (local time breaks around midnight)."""
    return datetime.fromtimestamp(timestamp, tz=UTC).strftime("%Y-%m-%d")


def credential_scope(timestamp: int, service: str) -> str:
    """``<UTC date>/<service>/tc3_request``."""
    return f"{scope_date(timestamp)}/{service}/tc3_request"


def canonical_request(
    *,
    method: str,
    headers: Mapping[str, str],
    signed_headers: list[str],
    payload: bytes,
    query: str = "",
) -> str:
    """The six-line canonical request of signature v3, step 1.

    ``headers`` maps header names (any case) to values; ``signed_headers`` lists the lower-case
    names to sign. Names and values are lower-cased and trimmed as the algorithm requires.
    """
    lowered = {k.lower(): v for k, v in headers.items()}
    names = sorted(h.lower() for h in signed_headers)
    canonical_headers = "".join(f"{n}:{lowered.get(n, '').strip().lower()}\n" for n in names)
    return "\n".join([method.upper(), "/", query, canonical_headers, ";".join(names), sha256_hex(payload)])


def string_to_sign(timestamp: int, service: str, canonical: str) -> str:
    """``TC3-HMAC-SHA256 \\n timestamp \\n scope \\n SHA256(canonical request)``."""
    return "\n".join([ALGORITHM, str(timestamp), credential_scope(timestamp, service), sha256_hex(canonical.encode())])


def _hmac(key: bytes, msg: str) -> bytes:
    return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).digest()


def signing_key(secret_key: str, date: str, service: str) -> bytes:
    """``kSigning`` derived as kDate → kService → kSigning (binary digests chained)."""
    k_date = _hmac(("TC3" + secret_key).encode("utf-8"), date)
    k_service = _hmac(k_date, service)
    return _hmac(k_service, "tc3_request")


def signature(secret_key: str, timestamp: int, service: str, canonical: str) -> str:
    """Lower-case hex signature of a canonical request."""
    key = signing_key(secret_key, scope_date(timestamp), service)
    return hmac.new(key, string_to_sign(timestamp, service, canonical).encode(), hashlib.sha256).hexdigest()


def authorization_header(
    *,
    secret_id: str,
    secret_key: str,
    service: str,
    timestamp: int,
    headers: Mapping[str, str],
    payload: bytes,
    signed_headers: tuple[str, ...] = ("content-type", "host"),
    method: str = "POST",
    query: str = "",
) -> str:
    """The ``Authorization`` header value for a request of ``payload`` with ``headers``.

    The official SDKs sign exactly ``content-type;host``; that is the default here. A GET signs
    its query string (``query``) and an empty payload; for an unsigned payload pass
    ``UNSIGNED_PAYLOAD.encode()`` as ``payload`` (and send ``X-TC-Content-SHA256: UNSIGNED-PAYLOAD``).
    """
    canonical = canonical_request(
        method=method, headers=headers, signed_headers=list(signed_headers), payload=payload, query=query
    )
    sig = signature(secret_key, timestamp, service, canonical)
    names = ";".join(sorted(signed_headers))
    scope = credential_scope(timestamp, service)
    return f"{ALGORITHM} Credential={secret_id}/{scope}, SignedHeaders={names}, Signature={sig}"


_AUTH_RE = re.compile(
    r"^TC3-HMAC-SHA256 Credential=(?P<id>[^/\s,]+)/(?P<date>\d{4}-\d{2}-\d{2})/(?P<service>[a-z0-9]+)/tc3_request,"
    r"\s*SignedHeaders=(?P<signed>[a-z0-9;\-]+),\s*Signature=(?P<sig>[0-9a-f]{64})$"
)


@dataclass(frozen=True)
class ParsedAuthorization:
    """The parts of a TC3 ``Authorization`` header."""

    secret_id: str
    date: str
    service: str
    signed_headers: tuple[str, ...]
    signature: str


def parse_authorization(value: str) -> ParsedAuthorization | None:
    """Parse an ``Authorization`` header; ``None`` when it is not in Tencent's TC3 format."""
    m = _AUTH_RE.match(value.strip())
    if m is None:
        return None
    signed = tuple(m.group("signed").split(";"))
    if "content-type" not in signed or "host" not in signed:
        return None
    return ParsedAuthorization(m.group("id"), m.group("date"), m.group("service"), signed, m.group("sig"))


def legacy_signature(*, secret_key: str, method: str, host: str, params: Mapping[str, str], algorithm: str) -> str:
    """The signature v1 ``Signature`` parameter: base64 HMAC of ``METHOD host/?k=v&...`` (keys sorted, values raw).

    ``params`` are the request's parameters without ``Signature``; ``algorithm`` is a key of
    :data:`LEGACY_ALGORITHMS`.
    """
    query = "&".join(f"{key}={params[key]}" for key in sorted(params))
    text = f"{method.upper()}{host}/?{query}"
    digest = hmac.new(secret_key.encode("utf-8"), text.encode("utf-8"), LEGACY_ALGORITHMS[algorithm]).digest()
    return base64.b64encode(digest).decode("ascii")
