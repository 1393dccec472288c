"""Signed push/play URLs: Tencent's hotlink protection (``txSecret`` + ``txTime``).

Tencent's "Hotlink Protection URL Calculation" (https://www.tencentcloud.com/document/product/267/31560):

- ``txTime`` is the URL's expiry as Unix seconds in upper-case hexadecimal (``5C271099``);
- ``txSecret = MD5(KEY + StreamName + txTime)`` in lower-case hex, ``KEY`` being the domain's push
  (or play) authentication key and ``StreamName`` the stream ID;
- worked example: KEY ``e12c46f2612d5106e2034781ab261ca3``, StreamName ``test``, txTime ``5C271099``
  give ``txSecret=f85a2ab363fe4deaffef9754d79da6fe``, so
  ``rtmp://livepush.tcloud.com/live/test?txSecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=5C271099``.

The same page says SHA-256 "has also been added" and the push address generator offers MD5 or
SHA256 (https://cloud.tencent.com/document/product/267/32833): ``algorithm="sha256"`` puts
SHA-256 of the same string in ``txSecret``. Tencent publishes no worked example for it.

The stream name is the URL's last path segment without its extension (``test.flv`` → ``test``,
``test_hd.m3u8`` → ``test_hd``): a transcoded stream is signed with its suffixed name.

Only URLs that can stream are signed (Tencent's "Splicing Live Streaming URLs",
https://www.tencentcloud.com/document/product/267/38393): ``rtmp://``, ``webrtc://``, ``http://`` or
``https://`` (FLV, HLS), then ``domain/AppName/StreamName``. Tencent recommends letters and digits
for the stream name and joins a transcoding template's name with ``_``; we accept letters, digits,
``_`` and ``-`` (a space, or anything percent-encoded, never reaches the stream it was meant for).
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from typing import Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .errors import UrlSigningError

__all__ = ["SIGNATURE_ALGORITHMS", "STREAM_SCHEMES", "signed_url", "stream_name", "tx_secret", "tx_time"]

SIGNATURE_ALGORITHMS = ("md5", "sha256")
STREAM_SCHEMES = ("rtmp", "webrtc", "http", "https")
"""The URL schemes Tencent Cloud Live pushes and plays over (RTMP, WebRTC, HTTP-FLV and HLS)."""
_STREAM_NAME = re.compile(r"^[A-Za-z0-9_-]+$")
_MAX_TX_TIME = 0xFFFFFFFF  # txTime is an 8-hex-digit Unix time in every Tencent example


def tx_time(expires_at: datetime | int) -> str:
    """``txTime``: the expiry as upper-case hex Unix seconds.

    Args:
        expires_at: an aware ``datetime`` or Unix seconds.

    Raises:
        UrlSigningError: a naive datetime (ambiguous), or a time before 1970 or after 2106.
    """
    if isinstance(expires_at, datetime):
        if expires_at.tzinfo is None or expires_at.utcoffset() is None:
            raise UrlSigningError(
                f"expires_at {expires_at.isoformat()} has no time zone; give an aware datetime "
                "(datetime(..., tzinfo=timezone.utc)) or Unix seconds."
            )
        seconds = int(expires_at.timestamp())
    elif isinstance(expires_at, int) and not isinstance(expires_at, bool):
        seconds = expires_at
    else:
        raise UrlSigningError(
            f"expires_at {expires_at!r} is neither a datetime nor Unix seconds; give an aware datetime or an int."
        )
    if not 0 < seconds <= _MAX_TX_TIME:
        raise UrlSigningError(
            f"expires_at {seconds} (Unix seconds) is outside 1970-2106; give a time such as now + 2 hours."
        )
    return format(seconds, "X")


def stream_name(url: str) -> str:
    """The stream name a URL is signed with: its last path segment without the extension.

    Raises:
        UrlSigningError: not an absolute URL of one of :data:`STREAM_SCHEMES`, no ``/AppName/StreamName`` path (``rtmp://host/live/`` names no stream), an unfilled
            ``{stream_name}`` template, or a name with other characters than letters, digits, ``_`` and ``-``.
    """
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        raise UrlSigningError(f"{url!r} is not an absolute URL; give e.g. rtmp://push.example.com/live/room1.")
    if parts.scheme.lower() not in STREAM_SCHEMES:
        raise UrlSigningError(
            f"{url!r} is a {parts.scheme}:// URL, which Tencent Cloud Live neither pushes nor plays over: use "
            f"{', '.join(f'{scheme}://' for scheme in STREAM_SCHEMES)}, e.g. rtmp://push.example.com/live/room1."
        )
    app, _, segment = parts.path.rpartition("/")
    name = segment.rpartition(".")[0] if "." in segment else segment
    if "{" in segment or "}" in segment:
        raise UrlSigningError(
            f"The URL {url!r} is a template: replace {segment!r} with the stream name first "
            "(e.g. rtmp://push.example.com/live/room1)."
        )
    if not name or not app.strip("/"):
        raise UrlSigningError(
            f"The URL {url!r} has no stream name: a stream URL is domain/AppName/StreamName. Give the full "
            "stream URL, e.g. rtmp://push.example.com/live/room1."
        )
    if not _STREAM_NAME.match(name):
        raise UrlSigningError(
            f"The stream name {name!r} in {url!r} has characters a stream name cannot carry (a space, '%', …): "
            "use letters, digits, '_' and '-', e.g. room_1."
        )
    return name


def tx_secret(key: str, name: str, time_hex: str, algorithm: Literal["md5", "sha256"] | str = "md5") -> str:
    """``txSecret = HASH(key + StreamName + txTime)`` in lower-case hex."""
    if algorithm not in SIGNATURE_ALGORITHMS:
        raise UrlSigningError(f"algorithm {algorithm!r} is not supported; use 'md5' (Tencent's default) or 'sha256'.")
    return hashlib.new(algorithm, f"{key}{name}{time_hex}".encode()).hexdigest()


def signed_url(url: str, key: str, expires_at: datetime | int, algorithm: str = "md5") -> str:
    """The URL with ``txSecret`` and ``txTime`` appended, valid until ``expires_at`` (plus the domain's AuthDelta).

    Args:
        url: a push or play URL of one stream, e.g. ``rtmp://push.example.com/live/room1`` or
            ``https://play.example.com/live/room1.flv``. Other query parameters are kept.
        key: the domain's authentication key (PushAuthKey / PlayAuthKey ``master_key`` or ``backup_key``).
        expires_at: when the URL stops working: an aware ``datetime`` or Unix seconds.
        algorithm: ``md5`` (Tencent's default) or ``sha256``.

    Raises:
        UrlSigningError: an empty key, a URL that cannot stream (another scheme than :data:`STREAM_SCHEMES`, no
            stream name, a stream name with a space) or is already signed, a bad expiry or algorithm. The key
            never appears in the message.
    """
    if not isinstance(key, str) or not key.strip():
        raise UrlSigningError("The key is empty; give the domain's authentication key (e.g. PushAuthKey.master_key).")
    name = stream_name(url)
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    if any(name in ("txSecret", "txTime") for name, _ in query):
        raise UrlSigningError(f"The URL {url!r} is already signed (it has txSecret/txTime); sign the bare URL.")
    time_hex = tx_time(expires_at)
    secret = tx_secret(key, name, time_hex, algorithm)
    signed = urlencode([*query, ("txSecret", secret), ("txTime", time_hex)])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, signed, parts.fragment))
