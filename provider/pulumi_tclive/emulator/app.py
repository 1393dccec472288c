"""The WSGI application: API 3.0 protocol checks (POST JSON or GET), TC3 and v1 authentication, routing, faults.

Every answer is HTTP 200 with ``Content-Type: application/json`` and the ``{"Response": ...}``
envelope (docs/design.md#api-30-protocol), errors included; the only exceptions are the injected faults that
imitate a broken gateway (HTTP 502, and HTTP 504 after committing for "drop the response").
"""

from __future__ import annotations

import hmac
import json
import logging
import random
import sqlite3
import time
import urllib.parse
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from wsgiref.types import StartResponse, WSGIEnvironment

from pydantic import ValidationError

from ..cloud import signing
from ..cloud.api import Action, ApiResponse
from ..cloud.dnspod import DNSPOD_ACTIONS, DNSPOD_SERVICE
from ..cloud.live import LIVE_ACTIONS, LIVE_SERVICE
from ..errors import TencentCloudApiError
from .console import CONSOLE_HANDLERS
from .console_api import CONSOLE_ACTIONS
from .context import Context, Handler, fail
from .dnspod import DNSPOD_HANDLERS
from .live import LIVE_HANDLERS
from .store import (
    AccountKey,
    Store,
    clock_offset,
    count_request,
    next_fault_draw,
    read_faults,
    read_settings,
    use_fault_rule,
)

__all__ = ["MAX_BODY_BYTES", "MAX_QUERY_BYTES", "SIGNATURE_WINDOW", "EmulatorApp"]

SIGNATURE_WINDOW = 300  # seconds of clock skew accepted (AuthFailure.SignatureExpire; signature v3: 5 minutes)
MAX_BODY_BYTES = 1 << 20
MAX_QUERY_BYTES = 32 << 10  # "GET 请求的请求包大小不得超过32KB" (https://cloud.tencent.com/document/api/267/20459)
# Signature v1 common parameters: stripped before the action's own parameters are validated.
_LEGACY_COMMON_PARAMETERS = frozenset(
    {"Action", "Version", "Timestamp", "Nonce", "SecretId", "Signature", "SignatureMethod", "Region", "Token"}
    | {"Language", "RequestClient"}
)
_COUNTED_SERVICES = (LIVE_SERVICE, DNSPOD_SERVICE)

log = logging.getLogger("pulumi_tclive.emulator")


@dataclass(frozen=True)
class _Route:
    action: Action[Any, Any]
    handler: Handler


def _routes() -> dict[str, dict[str, _Route]]:
    table: dict[str, dict[str, _Route]] = {}
    for actions, handlers in (
        (LIVE_ACTIONS, LIVE_HANDLERS),
        (DNSPOD_ACTIONS, DNSPOD_HANDLERS),
        (CONSOLE_ACTIONS, CONSOLE_HANDLERS),
    ):
        for action in actions:
            table.setdefault(action.service, {})[action.name] = _Route(action, handlers[action.name])
    return table


_ROUTES = _routes()
_VERSIONS = {service: next(iter(routes.values())).action.version for service, routes in _ROUTES.items()}


@dataclass(frozen=True)
class _Call:
    """An authenticated request: where it goes, whose account, and its parameters (a JSON body or a decoded form)."""

    service: str
    version: str
    action: str
    account_id: int
    body: bytes
    form: dict[str, Any] | None


@dataclass(frozen=True)
class _Answer:
    status: str
    content_type: str
    body: bytes
    outcome: str  # for the log line: "ok", the error code, or the gateway fault


def _envelope(fields: dict[str, Any], request_id: str) -> _Answer:
    body = json.dumps({"Response": {**fields, "RequestId": request_id}}, ensure_ascii=False, separators=(",", ":"))
    error = fields.get("Error")
    outcome = str(error["Code"]) if isinstance(error, dict) else "ok"
    return _Answer("200 OK", "application/json", body.encode("utf-8"), outcome)


def _error(code: str, message: str, request_id: str) -> _Answer:
    return _envelope({"Error": {"Code": code, "Message": message}}, request_id)


_GATEWAY_502 = _Answer(
    "502 Bad Gateway",
    "text/html",
    b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>"
    b"<p>tclive emulator: injected fault</p></body></html>",
    "injected HTTP 502",
)
_GATEWAY_504 = _Answer(
    "504 Gateway Timeout",
    "text/html",
    b"<html><head><title>504 Gateway Timeout</title></head><body><h1>504 Gateway Timeout</h1>"
    b"<p>tclive emulator: injected fault (the request was carried out; its answer was dropped)</p></body></html>",
    "committed, answer dropped (HTTP 504)",
)


def _header(environ: WSGIEnvironment, name: str) -> str | None:
    key = name.upper().replace("-", "_")
    if key not in ("CONTENT_TYPE", "CONTENT_LENGTH"):
        key = "HTTP_" + key
    value = environ.get(key)
    return value if isinstance(value, str) else None


def _read_body(environ: WSGIEnvironment) -> bytes:
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length <= 0:
        return b""
    data: bytes = environ["wsgi.input"].read(min(length, MAX_BODY_BYTES + 1))
    return data


def _form_pairs(text: str) -> list[tuple[str, str]]:
    return urllib.parse.parse_qsl(text, keep_blank_values=True)


def _unflatten(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """``Tags.0.TagKey=a`` style parameters (GET and signature v1) as the JSON document they flatten."""
    root: dict[str, Any] = {}
    for key, value in pairs:
        parts = key.split(".")
        node = root
        for part in parts[:-1]:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                raise fail("InvalidParameter", f"The parameter {key} conflicts with {part}={child!r}.")
            node = child
        if isinstance(node.get(parts[-1]), dict):
            raise fail("InvalidParameter", f"The parameter {key} is given both as a value and as a structure.")
        node[parts[-1]] = value
    return {name: _as_lists(value) for name, value in root.items()}


def _as_lists(node: Any) -> Any:
    """Turn ``{"0": a, "1": b}`` into ``[a, b]`` all the way down (``Name.N`` is an array in Tencent's notation)."""
    if not isinstance(node, dict):
        return node
    converted = {name: _as_lists(value) for name, value in node.items()}
    if converted and all(name.isdigit() for name in converted):
        indexes = sorted(int(name) for name in converted)
        if indexes != list(range(len(indexes))):
            raise fail(
                "InvalidParameter",
                f"Array indexes {indexes} have gaps; number the items of a list 0, 1, 2, … in order.",
            )
        return [converted[str(index)] for index in indexes]
    return converted


def _validation_failure(exc: ValidationError) -> TencentCloudApiError:
    """``missing`` → MissingParameter, ``extra_forbidden`` → UnknownParameter, anything else → InvalidParameterValue."""
    first = exc.errors(include_url=False)[0]
    field = ".".join(str(part) for part in first["loc"]) or "the body"
    if first["type"] == "missing":
        return fail("MissingParameter", f"The required parameter {field} is missing.")
    if first["type"] == "extra_forbidden":
        return fail("UnknownParameter", f"The parameter {field} is not a parameter of this action; remove it.")
    shown = json.dumps(first.get("input"), ensure_ascii=False, default=str)
    if len(shown) > 200:
        shown = shown[:200] + "…"
    return fail("InvalidParameterValue", f"The value {shown} of parameter {field} is invalid: {first['msg']}.")


class EmulatorApp:
    """The WSGI callable serving ``live``, ``dnspod`` and ``emulator`` from one state file.

    Args:
        store: the open state file.
        auto_approve_override: overrides the stored auto-approve setting for this app (``None``: use it).
    """

    def __init__(self, store: Store, auto_approve_override: bool | None) -> None:
        self._store = store
        self._auto_approve_override = auto_approve_override

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        """Answer one request; never raises and never answers a traceback."""
        request_id = str(uuid.uuid4())
        started = time.perf_counter()
        try:
            answer = self._answer(environ, request_id)
        except TencentCloudApiError as exc:
            answer = _error(exc.code, exc.message, request_id)
        except Exception:
            log.exception("request %s failed inside the emulator", request_id)
            answer = _error(
                "InternalError",
                f"The emulator failed to process the request (RequestId {request_id}); its log has the details.",
                request_id,
            )
        log.info(
            "%s %s %s -> %s %.1fms",
            request_id,
            _header(environ, "X-TC-Action") or "-",
            answer.status.split()[0],
            answer.outcome,
            (time.perf_counter() - started) * 1000,
        )
        start_response(
            answer.status, [("Content-Type", answer.content_type), ("Content-Length", str(len(answer.body)))]
        )
        return [answer.body]

    def _answer(self, environ: WSGIEnvironment, request_id: str) -> _Answer:
        # API 3.0 accepts POST and GET (https://cloud.tencent.com/document/api/267/20459, 请求结构).
        method = str(environ.get("REQUEST_METHOD"))
        if method not in ("POST", "GET"):
            raise fail(
                "UnsupportedProtocol",
                f"The method {method} is not supported: send POST (JSON body) or GET (parameters in the query string).",
            )
        query = str(environ.get("QUERY_STRING") or "")
        if len(query) > MAX_QUERY_BYTES:
            raise fail(
                "RequestSizeLimitExceeded",
                f"The query string of a GET is {len(query)} bytes, over the {MAX_QUERY_BYTES}-byte limit; "
                "send the parameters as a POST JSON body instead.",
            )
        body = _read_body(environ) if method == "POST" else b""
        if len(body) > MAX_BODY_BYTES:  # before the signature, which a truncated read could never match
            raise fail("RequestSizeLimitExceeded", f"The request body exceeds {MAX_BODY_BYTES} bytes.")
        call: _Call | None = None
        if _header(environ, "Authorization") is None and _header(environ, "X-TC-Action") is None:
            # Signature v1 carries everything, Signature included, in the query string or the form body.
            form = _form_pairs(query if method == "GET" else body.decode("utf-8", errors="replace"))
            if any(key == "Signature" for key, _ in form):
                call = self._legacy_call(environ, method, form)
        if call is None:
            call = self._tc3_call(environ, method, query, body)
        routes = _ROUTES.get(call.service)
        if routes is None:
            raise fail(
                "NoSuchProduct",
                f"The service {call.service!r} of the credential scope is not served here; "
                f"use one of {', '.join(sorted(_ROUTES))}.",
            )
        if call.version != _VERSIONS[call.service]:
            raise fail(
                "NoSuchVersion",
                f"The version {call.version} of {call.service} is not supported; use {_VERSIONS[call.service]}.",
            )
        route = routes.get(call.action)
        if route is None:
            raise fail("InvalidAction", f"The action {call.action} does not exist in {call.service} {call.version}.")
        return self._dispatch(route, call, request_id)

    def _authenticate(self, secret_id: str, timestamp_text: str) -> tuple[AccountKey, int]:
        key = self._store.lookup_key(secret_id)
        if key is None:
            raise fail(
                "AuthFailure.SecretIdNotFound",
                f"The SecretId {secret_id} does not exist in this emulator; use the credentials it printed.",
            )
        try:
            timestamp = int(timestamp_text)
        except ValueError:
            raise fail("InvalidParameter", f"The timestamp {timestamp_text!r} is not Unix time in seconds.") from None
        now = time.time()  # freshness uses real time, whatever the business clock says
        if abs(now - timestamp) > SIGNATURE_WINDOW:
            raise fail(
                "AuthFailure.SignatureExpire",
                f"The request timestamp {timestamp} differs from the server time {int(now)} by more than "
                f"{SIGNATURE_WINDOW} seconds; check the client's clock.",
            )
        return key, timestamp

    def _tc3_call(self, environ: WSGIEnvironment, method: str, query: str, body: bytes) -> _Call:
        """Signature v3 (https://cloud.tencent.com/document/api/1427/56189): POST JSON or GET, signed or unsigned payload."""
        headers = {name: _header(environ, name) for name in ("X-TC-Action", "X-TC-Version", "X-TC-Timestamp")}
        for name, value in headers.items():
            if not value:
                raise fail("MissingParameter", f"The request header {name} is missing.")
        action_name, version, timestamp_text = (str(v) for v in headers.values())
        authorization = signing.parse_authorization(_header(environ, "Authorization") or "")
        if authorization is None:
            raise fail(
                "AuthFailure.InvalidAuthorization",
                "The Authorization header is missing or not in TC3-HMAC-SHA256 format "
                "(TC3-HMAC-SHA256 Credential=<SecretId>/<date>/<service>/tc3_request, SignedHeaders=..., Signature=...).",
            )
        key, timestamp = self._authenticate(authorization.secret_id, timestamp_text)
        if authorization.date != signing.scope_date(timestamp):
            raise fail(
                "AuthFailure.SignatureFailure",
                f"The credential scope date {authorization.date} is not the UTC date of X-TC-Timestamp "
                f"({signing.scope_date(timestamp)}).",
            )
        # X-TC-Content-SHA256: UNSIGNED-PAYLOAD replaces the body by that text in the hash (the SDKs' unsignedPayload).
        unsigned = (_header(environ, "X-TC-Content-SHA256") or "").strip() == signing.UNSIGNED_PAYLOAD
        hashed = signing.UNSIGNED_PAYLOAD.encode() if unsigned else body
        signed_values = {name: _header(environ, name) or "" for name in authorization.signed_headers}
        canonical = signing.canonical_request(
            method=method,
            headers=signed_values,
            signed_headers=list(authorization.signed_headers),
            payload=hashed,
            query=query if method == "GET" else "",
        )
        expected = signing.signature(key.secret_key, timestamp, authorization.service, canonical)
        if not hmac.compare_digest(expected, authorization.signature):
            raise fail(
                "AuthFailure.SignatureFailure",
                "The provided credentials could not be validated. Please check your signature is correct.",
            )
        form = _unflatten(_form_pairs(query)) if method == "GET" else None
        return _Call(authorization.service, version, action_name, key.account_id, body, form)

    def _legacy_call(self, environ: WSGIEnvironment, method: str, form: list[tuple[str, str]]) -> _Call:
        """Signature v1, HmacSHA256 or HmacSHA1 (common parameters: https://cloud.tencent.com/document/api/1427/56188).

        v1 has no credential scope, so the service is the first label of ``Host`` when it names one,
        else the one whose version is ``Version`` (the three services have distinct versions).
        """
        params = dict(form)
        for name in ("Action", "Version", "Timestamp", "Nonce", "SecretId"):
            if not params.get(name):
                raise fail(
                    "MissingParameter",
                    f"The common parameter {name} of signature v1 is missing; add it, or sign with TC3-HMAC-SHA256.",
                )
        algorithm = params.get("SignatureMethod", "HmacSHA1")
        if algorithm not in signing.LEGACY_ALGORITHMS:
            raise fail(
                "AuthFailure.SignatureFailure",
                f"SignatureMethod {algorithm!r} is not supported; use HmacSHA256 or HmacSHA1, or sign with TC3-HMAC-SHA256.",
            )
        key, _ = self._authenticate(params["SecretId"], params["Timestamp"])
        host = _header(environ, "Host") or ""
        signed = {name: value for name, value in form if name != "Signature"}
        expected = signing.legacy_signature(
            secret_key=key.secret_key, method=method, host=host, params=signed, algorithm=algorithm
        )
        if not hmac.compare_digest(expected, params["Signature"]):
            raise fail(
                "AuthFailure.SignatureFailure",
                "The provided credentials could not be validated. Please check your signature is correct.",
            )
        version = params["Version"]
        label = host.split(".", 1)[0].lower()
        by_version = [service for service, served in _VERSIONS.items() if served == version]
        service = label if label in _ROUTES else (by_version[0] if by_version else label)
        document = _unflatten([(k, v) for k, v in form if k not in _LEGACY_COMMON_PARAMETERS])
        return _Call(service, version, params["Action"], key.account_id, b"", document)

    def _dispatch(self, route: _Route, call: _Call, request_id: str) -> _Answer:
        action = route.action
        counted = action.service in _COUNTED_SERVICES
        if counted:
            # The delay comes first and outside the transaction, so a slow answer holds no lock.
            rule = read_faults(self._store.connection()).rule_for(action.name)
            if rule is not None and rule.DelayMs:
                time.sleep(rule.DelayMs / 1000)
        outcome = None
        with self._store.transaction(write=counted or not action.read_only) as db:
            if counted:
                count_request(db, action.service, action.name)
                outcome = _draw(db, action.name)
            if outcome == "RequestLimitExceeded":
                return _error(
                    "RequestLimitExceeded", "The request rate limit was exceeded (injected fault).", request_id
                )
            if outcome == "InternalError":
                return _error("InternalError", "An internal error occurred (injected fault).", request_id)
            if outcome == "502":
                return _GATEWAY_502
            answer = self._perform(db, route, call, request_id)
        # "drop": the work is committed, then the answer is lost on the way back, as behind a timed-out gateway.
        return _GATEWAY_504 if outcome == "drop" else answer

    def _perform(self, db: sqlite3.Connection, route: _Route, call: _Call, request_id: str) -> _Answer:
        document: object = call.form
        if document is None:
            try:
                document = json.loads(call.body)
            except ValueError:
                document = None
        if not isinstance(document, dict):
            return _error(
                "InvalidParameter",
                "The request body is not JSON: send a JSON object of the action's parameters.",
                request_id,
            )
        try:
            request = route.action.request.model_validate(document)
        except ValidationError as exc:
            failure = _validation_failure(exc)
            return _error(failure.code, failure.message, request_id)
        ctx = Context(
            db=db,
            account_id=call.account_id,
            now=datetime.fromtimestamp(time.time() + clock_offset(db), tz=UTC),
            settings=read_settings(db, self._auto_approve_override),
            auto_approve_override=self._auto_approve_override,
        )
        db.execute("SAVEPOINT action")
        try:
            response: ApiResponse = route.handler(ctx, request)
        except TencentCloudApiError as exc:
            db.execute("ROLLBACK TO action")  # undo the handler's writes, keep the request count
            db.execute("RELEASE action")
            return _error(exc.code, exc.message, request_id)
        except OverflowError:
            db.execute("ROLLBACK TO action")
            db.execute("RELEASE action")
            return _error(
                "InvalidParameterValue", "A number in the request exceeds the 64-bit integer range.", request_id
            )
        db.execute("RELEASE action")
        fields = response.model_dump(mode="json")
        fields.pop("RequestId", None)
        return _envelope(fields, request_id)


def _draw(db: sqlite3.Connection, action: str) -> str | None:
    """One seeded draw decides the outcome: throttled, internal error, 502, dropped answer, or none."""
    table = read_faults(db)
    rule = table.rule_for(action)
    if rule is None:
        return None
    if rule.Times is not None:
        use_fault_rule(db, table, rule)
    rates = (
        ("RequestLimitExceeded", rule.RequestLimitExceededRate),
        ("InternalError", rule.InternalErrorRate),
        ("502", rule.Http502Rate),
        ("drop", rule.DropResponseRate),
    )
    if not any(rate for _, rate in rates):
        return None
    value = random.Random(f"{table.seed}:{next_fault_draw(db)}").random()
    threshold = 0.0
    for outcome, rate in rates:
        threshold += rate
        if value < threshold:
            return outcome
    return None
