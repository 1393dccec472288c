"""Live streaming security in the emulator: push/play auth keys, play-domain certificates, referer rules.

Request and response shapes are the official SDK's (``cloud/streaming.py``). Behaviour, as on
Tencent Cloud:

- a new push domain starts with push authentication enabled and a generated 32-hex-digit master
  key ("push authentication is enabled for push domains by default",
  https://www.tencentcloud.com/document/product/267/31059); a play domain starts with play
  authentication off, no certificate and no referer rule;
- Modify* actions change only the fields they are given;
- ModifyLiveDomainCertBindings uploads a PEM pair to the (emulated) SSL store, checks the key
  matches and the certificate has not expired, and skips every domain the certificate does not
  cover, listing it in ``MismatchedDomainNames`` and ``Errors``;
- auth keys, certificates and referer rules of a deleted domain go with it.

Error codes are from the SDK's ``live/v20180801/errorcodes.py``; where Tencent does not say which
code an action answers, the choice is listed in ``docs/emulator.md``.
"""

from __future__ import annotations

import json
import secrets
import string
from dataclasses import dataclass

from .. import tls
from ..cloud.streaming import (
    BatchDomainOperateErrors,
    DescribeLiveDomainCertBindingsRequest,
    DescribeLiveDomainCertBindingsResponse,
    DescribeLiveDomainCertRequest,
    DescribeLiveDomainCertResponse,
    DescribeLiveDomainRefererRequest,
    DescribeLiveDomainRefererResponse,
    DescribeLivePlayAuthKeyRequest,
    DescribeLivePlayAuthKeyResponse,
    DescribeLivePushAuthKeyRequest,
    DescribeLivePushAuthKeyResponse,
    DomainCertInfo,
    LiveDomainCertBindings,
    ModifyLiveDomainCertBindingsRequest,
    ModifyLiveDomainCertBindingsResponse,
    ModifyLiveDomainRefererRequest,
    ModifyLiveDomainRefererResponse,
    ModifyLivePlayAuthKeyRequest,
    ModifyLivePlayAuthKeyResponse,
    ModifyLivePushAuthKeyRequest,
    ModifyLivePushAuthKeyResponse,
    PlayAuthKeyInfo,
    PushAuthKeyInfo,
    RefererAuthConfig,
    UnBindLiveDomainCertRequest,
    UnBindLiveDomainCertResponse,
)
from ..errors import TencentCloudApiError
from .clock import beijing_text, from_unix
from .context import Context, Handler, fail

__all__ = ["DEFAULT_AUTH_DELTA", "STREAMING_HANDLERS", "domain_added", "domain_deleted", "domain_of_type"]

DEFAULT_AUTH_DELTA = 1800  # seconds a signed URL stays valid after its txTime on a new push domain
_PUSH, _PLAY = 0, 1
_CLOUD_CERT_ID_ALPHABET = string.ascii_letters + string.digits


def domain_added(ctx: Context, name: str, domain_type: int) -> None:
    """AddLiveDomain's side effect: a push domain gets push authentication on, with a generated key."""
    if domain_type == _PUSH:
        ctx.db.execute(
            "INSERT OR REPLACE INTO auth_keys (account_id, domain, enable, master_key, backup_key, auth_delta) "
            "VALUES (?, ?, 1, ?, '', ?)",
            (ctx.account_id, name, secrets.token_hex(16), DEFAULT_AUTH_DELTA),
        )


def domain_deleted(ctx: Context, name: str) -> None:
    """DeleteLiveDomain's side effect: the domain's security settings and processing rules go with it."""
    for table in ("auth_keys", "cert_bindings", "referers", "processing_rules"):
        ctx.db.execute(f"DELETE FROM {table} WHERE account_id = ? AND domain = ?", (ctx.account_id, name))


def domain_of_type(ctx: Context, raw: str, *, want: int) -> str:
    """The stored name of a domain of type ``want``, or Tencent's not-found errors."""
    name = raw.strip().lower()
    row = ctx.db.execute(
        "SELECT type FROM domains WHERE account_id = ? AND name = ?", (ctx.account_id, name)
    ).fetchone()
    if row is None:
        raise fail(
            "ResourceNotFound.DomainNotExist",
            f"The domain {raw!r} does not exist in this account. Add it with AddLiveDomain first.",
        )
    if int(row[0]) != want:
        if want == _PUSH:
            raise fail(
                "ResourceNotFound.PushDomainNoRecord",
                f"{name} is a play domain; push authentication and processing rules apply to push domains only.",
            )
        raise fail(
            "ResourceNotFound.PlayDomainNoRecord",
            f"{name} is a push domain; this setting applies to play domains only.",
        )
    return name


@dataclass(frozen=True)
class _Auth:
    enable: int
    master: str
    backup: str
    delta: int


def _auth(ctx: Context, name: str) -> _Auth:
    row = ctx.db.execute(
        "SELECT enable, master_key, backup_key, auth_delta FROM auth_keys WHERE account_id = ? AND domain = ?",
        (ctx.account_id, name),
    ).fetchone()
    if row is None:
        return _Auth(0, "", "", 0)
    return _Auth(int(row[0]), str(row[1]), str(row[2]), int(row[3]))


def _store_auth(ctx: Context, name: str, auth: _Auth) -> None:
    if auth.delta < 0:
        raise fail("InvalidParameterValue", f"AuthDelta {auth.delta} is negative; give the validity in seconds.")
    if auth.enable == 1 and not auth.master:
        raise fail(
            "InvalidParameter",
            f"Authentication of {name} cannot be enabled without a master key; give MasterAuthKey (AuthKey).",
        )
    ctx.db.execute(
        "INSERT OR REPLACE INTO auth_keys (account_id, domain, enable, master_key, backup_key, auth_delta) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (ctx.account_id, name, auth.enable, auth.master, auth.backup, auth.delta),
    )


def _pick(new: object, old: object) -> object:
    return old if new is None else new


def describe_live_push_auth_key(ctx: Context, req: DescribeLivePushAuthKeyRequest) -> DescribeLivePushAuthKeyResponse:
    """DescribeLivePushAuthKey."""
    name = domain_of_type(ctx, req.DomainName, want=_PUSH)
    auth = _auth(ctx, name)
    return DescribeLivePushAuthKeyResponse(
        PushAuthKeyInfo=PushAuthKeyInfo(
            DomainName=name,
            Enable=auth.enable,
            MasterAuthKey=auth.master,
            BackupAuthKey=auth.backup,
            AuthDelta=auth.delta,
        )
    )


def modify_live_push_auth_key(ctx: Context, req: ModifyLivePushAuthKeyRequest) -> ModifyLivePushAuthKeyResponse:
    """ModifyLivePushAuthKey: fields left out keep their value."""
    name = domain_of_type(ctx, req.DomainName, want=_PUSH)
    old = _auth(ctx, name)
    new = _Auth(
        int(str(_pick(req.Enable, old.enable))),
        str(_pick(req.MasterAuthKey, old.master)),
        str(_pick(req.BackupAuthKey, old.backup)),
        int(str(_pick(req.AuthDelta, old.delta))),
    )
    _store_auth(ctx, name, new)
    return ModifyLivePushAuthKeyResponse()


def describe_live_play_auth_key(ctx: Context, req: DescribeLivePlayAuthKeyRequest) -> DescribeLivePlayAuthKeyResponse:
    """DescribeLivePlayAuthKey."""
    name = domain_of_type(ctx, req.DomainName, want=_PLAY)
    auth = _auth(ctx, name)
    return DescribeLivePlayAuthKeyResponse(
        PlayAuthKeyInfo=PlayAuthKeyInfo(
            DomainName=name, Enable=auth.enable, AuthKey=auth.master, AuthDelta=auth.delta, AuthBackKey=auth.backup
        )
    )


def modify_live_play_auth_key(ctx: Context, req: ModifyLivePlayAuthKeyRequest) -> ModifyLivePlayAuthKeyResponse:
    """ModifyLivePlayAuthKey: fields left out keep their value."""
    name = domain_of_type(ctx, req.DomainName, want=_PLAY)
    old = _auth(ctx, name)
    new = _Auth(
        int(str(_pick(req.Enable, old.enable))),
        str(_pick(req.AuthKey, old.master)),
        str(_pick(req.AuthBackKey, old.backup)),
        int(str(_pick(req.AuthDelta, old.delta))),
    )
    _store_auth(ctx, name, new)
    return ModifyLivePlayAuthKeyResponse()


# ---- certificates -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Certificate:
    id: int
    cloud_cert_id: str
    alias: str
    pem: str
    dns_names: tuple[str, ...]
    expires: float
    created: float


_CERT_COLUMNS = "id, cloud_cert_id, alias, certificate, dns_names, expires, created"


def _certificate(row: tuple[object, ...]) -> _Certificate:
    id_, cloud_id, alias, pem, names, expires, created = row
    return _Certificate(
        int(str(id_)),
        str(cloud_id),
        str(alias),
        str(pem),
        tuple(json.loads(str(names))),
        float(str(expires)),
        float(str(created)),
    )


def _upload(ctx: Context, public: str, private: str, alias: str) -> _Certificate:
    """Check a PEM pair as the SSL upload does and store the certificate (never the private key)."""
    try:
        chain = tls.load_chain(public)
    except ValueError as exc:
        raise fail(
            "InvalidParameter.CrtDateNotLegal", f"CertificatePublicKey is not a valid certificate: {exc}."
        ) from None
    summary = tls.summarize(chain[0])
    try:
        key = tls.load_private_key(private)
    except ValueError as exc:
        raise fail("InvalidParameter.CrtDateNotLegal", f"CertificatePrivateKey is not usable: {exc}.") from None
    if tls.key_problem(chain[0], key):
        raise fail(
            "InvalidParameter.CrtKeyNotMatch",
            f"CertificatePrivateKey does not belong to the {summary.describe()}.",
        )
    if summary.not_after <= ctx.now:
        raise fail("InvalidParameter.CrtDateOverdue", f"The {summary.describe()} has expired.")
    cloud_id = "".join(secrets.choice(_CLOUD_CERT_ID_ALPHABET) for _ in range(8))
    cursor = ctx.db.execute(
        "INSERT INTO certificates (account_id, cloud_cert_id, alias, certificate, dns_names, expires, created) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            ctx.account_id,
            cloud_id,
            alias,
            public,
            json.dumps(list(summary.dns_names)),
            summary.not_after.timestamp(),
            ctx.now.timestamp(),
        ),
    )
    row = ctx.db.execute(f"SELECT {_CERT_COLUMNS} FROM certificates WHERE id = ?", (cursor.lastrowid,)).fetchone()
    return _certificate(row)


def _by_cloud_id(ctx: Context, cloud_id: str) -> _Certificate:
    row = ctx.db.execute(
        f"SELECT {_CERT_COLUMNS} FROM certificates WHERE account_id = ? AND cloud_cert_id = ?",
        (ctx.account_id, cloud_id),
    ).fetchone()
    if row is None:
        raise fail(
            "InvalidParameter.CloudCrtIdError",
            f"CloudCertId {cloud_id!r} is not a certificate in this account's SSL certificate store.",
        )
    return _certificate(row)


def modify_live_domain_cert_bindings(
    ctx: Context, req: ModifyLiveDomainCertBindingsRequest
) -> ModifyLiveDomainCertBindingsResponse:
    """ModifyLiveDomainCertBindings: bind (CloudCertId or an uploaded pair) or only switch HTTPS rules."""
    certificate: _Certificate | None = None
    if req.CloudCertId:
        certificate = _by_cloud_id(ctx, req.CloudCertId)
    elif req.CertificatePublicKey or req.CertificatePrivateKey:
        if not (req.CertificatePublicKey and req.CertificatePrivateKey):
            raise fail(
                "InvalidParameter.CrtOrKeyNotExist",
                "Give both CertificatePublicKey and CertificatePrivateKey, or a CloudCertId.",
            )
        certificate = _upload(ctx, req.CertificatePublicKey, req.CertificatePrivateKey, req.CertificateAlias or "")
    mismatched: list[str] = []
    errors: list[BatchDomainOperateErrors] = []
    for item in req.DomainInfos:
        try:
            name = domain_of_type(ctx, item.DomainName, want=_PLAY)
        except TencentCloudApiError as exc:  # the batch reports per-domain failures instead of failing
            errors.append(BatchDomainOperateErrors(DomainName=item.DomainName, Code=exc.code, Message=exc.message))
            continue
        current = ctx.db.execute(
            "SELECT cert_id, status FROM cert_bindings WHERE account_id = ? AND domain = ?", (ctx.account_id, name)
        ).fetchone()
        if certificate is None:
            if current is None:
                errors.append(
                    BatchDomainOperateErrors(
                        DomainName=name,
                        Code="ResourceNotFound.CrtDomainNotFound",
                        Message=f"{name} has no certificate bound; give CloudCertId or a certificate pair.",
                    )
                )
                continue
            status = int(current[1]) if item.Status == -1 else item.Status
            ctx.db.execute(
                "UPDATE cert_bindings SET status = ?, updated = ? WHERE account_id = ? AND domain = ?",
                (status, ctx.now.timestamp(), ctx.account_id, name),
            )
            continue
        if not tls.covers(certificate.dns_names, name):
            mismatched.append(name)
            errors.append(
                BatchDomainOperateErrors(
                    DomainName=name,
                    Code="InvalidParameter.CrtDomainNotFound",
                    Message=f"The certificate (DNS names {', '.join(certificate.dns_names)}) does not cover {name}.",
                )
            )
            continue
        status = (int(current[1]) if current is not None else 1) if item.Status == -1 else item.Status
        ctx.db.execute(
            "INSERT OR REPLACE INTO cert_bindings (account_id, domain, cert_id, status, updated) VALUES (?, ?, ?, ?, ?)",
            (ctx.account_id, name, certificate.id, status, ctx.now.timestamp()),
        )
    return ModifyLiveDomainCertBindingsResponse(MismatchedDomainNames=mismatched, Errors=errors)


def _bindings(ctx: Context) -> list[tuple[str, int, float, _Certificate]]:
    rows = ctx.db.execute(
        f"SELECT b.domain, b.status, b.updated, {', '.join('c.' + c for c in _CERT_COLUMNS.split(', '))} "
        "FROM cert_bindings b JOIN certificates c ON c.id = b.cert_id WHERE b.account_id = ? ORDER BY b.domain",
        (ctx.account_id,),
    ).fetchall()
    return [(str(r[0]), int(r[1]), float(r[2]), _certificate(tuple(r[3:]))) for r in rows]


def describe_live_domain_cert_bindings(
    ctx: Context, req: DescribeLiveDomainCertBindingsRequest
) -> DescribeLiveDomainCertBindingsResponse:
    """DescribeLiveDomainCertBindings: filter by name or substring, order by expiry, page by Offset/Length."""
    found = _bindings(ctx)
    if req.DomainName:
        found = [b for b in found if b[0] == req.DomainName.strip().lower()]
    if req.DomainSearch:
        found = [b for b in found if req.DomainSearch.strip().lower() in b[0]]
    if req.OrderBy:
        found.sort(key=lambda b: b[3].expires, reverse=req.OrderBy == "ExpireTimeDesc")
    offset, length = req.Offset or 0, req.Length or 50
    page = found[offset : offset + length]
    return DescribeLiveDomainCertBindingsResponse(
        LiveDomainCertBindings=[
            LiveDomainCertBindings(
                DomainName=domain,
                CertificateAlias=cert.alias,
                CertType=0,
                Status=status,
                CertExpireTime=beijing_text(from_unix(cert.expires)),
                CertId=cert.id,
                CloudCertId=cert.cloud_cert_id,
                UpdateTime=beijing_text(from_unix(updated)),
            )
            for domain, status, updated, cert in page
        ],
        TotalNum=len(found),
    )


def unbind_live_domain_cert(ctx: Context, req: UnBindLiveDomainCertRequest) -> UnBindLiveDomainCertResponse:
    """UnBindLiveDomainCert (the ``formal`` rule; the emulator has no gray rules)."""
    name = domain_of_type(ctx, req.DomainName, want=_PLAY)
    if req.Type == "gray":
        return UnBindLiveDomainCertResponse()
    deleted = ctx.db.execute(
        "DELETE FROM cert_bindings WHERE account_id = ? AND domain = ?", (ctx.account_id, name)
    ).rowcount
    if not deleted:
        raise fail("ResourceNotFound.CrtDomainNotFound", f"{name} has no certificate bound.")
    return UnBindLiveDomainCertResponse()


def describe_live_domain_cert(ctx: Context, req: DescribeLiveDomainCertRequest) -> DescribeLiveDomainCertResponse:
    """DescribeLiveDomainCert: the certificate bound to one play domain (public PEM only)."""
    name = domain_of_type(ctx, req.DomainName, want=_PLAY)
    match = [b for b in _bindings(ctx) if b[0] == name]
    if not match:
        raise fail("ResourceNotFound.CrtDomainNotFound", f"{name} has no certificate bound.")
    _, status, _, cert = match[0]
    return DescribeLiveDomainCertResponse(
        DomainCertInfo=DomainCertInfo(
            CertId=cert.id,
            CertName=cert.alias,
            Description=cert.alias,
            CreateTime=beijing_text(from_unix(cert.created)),
            HttpsCrt=cert.pem,
            CertType=0,
            CertExpireTime=beijing_text(from_unix(cert.expires)),
            DomainName=name,
            Status=status,
            CertDomains=list(cert.dns_names),
            CloudCertId=cert.cloud_cert_id,
        )
    )


# ---- referer rules ------------------------------------------------------------------------------


def describe_live_domain_referer(
    ctx: Context, req: DescribeLiveDomainRefererRequest
) -> DescribeLiveDomainRefererResponse:
    """DescribeLiveDomainReferer: off, blacklist, no rules until configured."""
    name = domain_of_type(ctx, req.DomainName, want=_PLAY)
    row = ctx.db.execute(
        "SELECT enable, type, allow_empty, rules FROM referers WHERE account_id = ? AND domain = ?",
        (ctx.account_id, name),
    ).fetchone()
    enable, type_, allow_empty, rules = row if row is not None else (0, 0, 0, "")
    return DescribeLiveDomainRefererResponse(
        RefererAuthConfig=RefererAuthConfig(
            DomainName=name, Enable=int(enable), Type=int(type_), AllowEmpty=int(allow_empty), Rules=str(rules)
        )
    )


def modify_live_domain_referer(ctx: Context, req: ModifyLiveDomainRefererRequest) -> ModifyLiveDomainRefererResponse:
    """ModifyLiveDomainReferer: replaces the whole configuration."""
    name = domain_of_type(ctx, req.DomainName, want=_PLAY)
    rules = [rule.strip() for rule in req.Rules.split(";") if rule.strip()]
    bad = [rule for rule in rules if "/" in rule or " " in rule]
    if bad:
        raise fail(
            "InvalidParameterValue",
            f"Rules holds {bad[0]!r}; give host names (www.example.com, *.example.com) separated by ';'.",
        )
    ctx.db.execute(
        "INSERT OR REPLACE INTO referers (account_id, domain, enable, type, allow_empty, rules) VALUES (?, ?, ?, ?, ?, ?)",
        (ctx.account_id, name, req.Enable, req.Type, req.AllowEmpty, ";".join(rules)),
    )
    return ModifyLiveDomainRefererResponse()


STREAMING_HANDLERS: dict[str, Handler] = {
    "DescribeLivePushAuthKey": describe_live_push_auth_key,
    "ModifyLivePushAuthKey": modify_live_push_auth_key,
    "DescribeLivePlayAuthKey": describe_live_play_auth_key,
    "ModifyLivePlayAuthKey": modify_live_play_auth_key,
    "ModifyLiveDomainCertBindings": modify_live_domain_cert_bindings,
    "DescribeLiveDomainCertBindings": describe_live_domain_cert_bindings,
    "UnBindLiveDomainCert": unbind_live_domain_cert,
    "DescribeLiveDomainCert": describe_live_domain_cert,
    "DescribeLiveDomainReferer": describe_live_domain_referer,
    "ModifyLiveDomainReferer": modify_live_domain_referer,
}
