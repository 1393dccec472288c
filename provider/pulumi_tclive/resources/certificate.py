"""``PlayDomainCertificate``: the HTTPS certificate of a play domain.

Bind: ModifyLiveDomainCertBindings (a PEM pair, which Tencent uploads to its SSL certificate
service, or ``CloudCertId`` for a certificate already there), skipped when the domain already has
that certificate bound with HTTPS on (so adopting one writes nothing); read: DescribeLiveDomainCertBindings
and DescribeLiveDomainCert; delete: UnBindLiveDomainCert. Terraform's equivalent is
``tencentcloud_css_play_domain_cert_attachment``.

Preview checks a PEM pair with ``cryptography`` (``pulumi_tclive.tls``): the PEM parses; the
private key is unencrypted and belongs to the leaf certificate; the bundle is leaf first, each
certificate signed by the next; a SAN covers the domain (RFC 6125 wildcards); the certificate is
valid now and for at least ``min_valid_days`` more days (default 14: a certificate that expires
sooner fails the preview; set 0 to accept it). Every message names the certificate's subject,
SANs and dates. A ``cloud_cert_id`` cannot be checked offline: the bind itself fails when the
certificate does not cover the domain (Tencent lists the domain in ``MismatchedDomainNames``).

The private key is only ever a secret: wrapped with ``Output.secret``, a secret output, never in
a message. Drift: refresh reads which certificate the domain has; another one (or none) shows as
a changed ``fingerprint`` (or a deleted resource) and the next ``up`` binds this one again.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import pulumi
from pulumi.dynamic import CheckFailure, CheckResult, CreateResult, DiffResult, ReadResult, Resource, UpdateResult

from .. import tls
from ..cloud.client import TencentCloudClient
from ..cloud.streaming import (
    DESCRIBE_LIVE_DOMAIN_CERT,
    DESCRIBE_LIVE_DOMAIN_CERT_BINDINGS,
    MODIFY_LIVE_DOMAIN_CERT_BINDINGS,
    UNBIND_LIVE_DOMAIN_CERT,
    DescribeLiveDomainCertBindingsRequest,
    DescribeLiveDomainCertRequest,
    LiveCertDomainInfo,
    ModifyLiveDomainCertBindingsRequest,
    UnBindLiveDomainCertRequest,
)
from ..errors import RuleViolation, TencentCloudApiError
from ._domain_ref import domain_inputs, domain_kind_problems, domain_reference
from ._inputs import Input, Inputs
from ._provider import TcliveProvider, as_int, failures, is_unknown, say

__all__ = [
    "DEFAULT_MIN_VALID_DAYS",
    "INPUTS",
    "PlayDomainCertificate",
    "PlayDomainCertificateProvider",
    "check_certificate",
]

DEFAULT_MIN_VALID_DAYS = 14
_NOT_FOUND = ("ResourceNotFound.CrtDomainNotFound", "ResourceNotFound.DomainNotExist", "InternalError.DomainNotExist")


def check_certificate(
    certificate: str, private_key: str, domain: str | None, *, now: datetime, min_valid_days: int
) -> list[CheckFailure]:
    """Every problem of a PEM pair for ``domain``; messages name the certificate, never the key."""
    try:
        chain = tls.load_chain(certificate)
    except ValueError as exc:
        return [CheckFailure("certificate", f"The certificate is not usable: {exc}. Give the PEM bundle, leaf first.")]
    leaf = tls.summarize(chain[0])
    found: list[CheckFailure] = []
    try:
        key = tls.load_private_key(private_key)
    except ValueError as exc:
        found.append(CheckFailure("", f"private_key (a secret, not shown) is not usable: {exc}."))
    else:
        if tls.key_problem(chain[0], key):
            found.append(
                CheckFailure(
                    "",
                    f"private_key (a secret, not shown) does not belong to the {leaf.describe()}. "
                    "Give the key the certificate was issued for.",
                )
            )
    order = tls.chain_problem(chain)
    if order:
        found.append(CheckFailure("certificate", f"The bundle is not in order: {order}."))
    if domain and not tls.covers(leaf.dns_names, domain):
        found.append(
            CheckFailure(
                "certificate",
                f"The {leaf.describe()} does not cover {domain}. Use a certificate whose SANs include {domain} "
                f"or *.{domain.partition('.')[2]}.",
            )
        )
    if leaf.not_before > now:
        found.append(CheckFailure("certificate", f"The {leaf.describe()} is not valid yet. Wait, or use another one."))
    if leaf.not_after <= now:
        found.append(CheckFailure("certificate", f"The {leaf.describe()} has expired. Renew it."))
    elif leaf.not_after - now < timedelta(days=min_valid_days):
        days = (leaf.not_after - now).days
        found.append(
            CheckFailure(
                "certificate",
                f"The {leaf.describe()} expires in {days} days, within min_valid_days={min_valid_days}. "
                "Renew it first, or set min_valid_days lower to bind it anyway.",
            )
        )
    return found


INPUTS = Inputs(
    "PlayDomainCertificate",
    *domain_inputs("play"),
    Input(
        "certificate",
        str,
        doc="The PEM bundle, leaf first then its issuers. Checked at preview (see the module docstring).",
        compared=False,  # through the bound certificate's fingerprint: diff() below
        validated_by="check_certificate",
    ),
    Input(
        "private_key",
        str,
        doc="The leaf's unencrypted PEM private key.",
        secret=True,
        compared=False,
        validated_by="check_certificate (a secret: its messages never quote it)",
    ),
    Input("cloud_cert_id", str, doc="Instead of a PEM pair: the ID of a certificate already in Tencent SSL."),
    Input("alias", str, doc="The name the uploaded certificate gets in Tencent SSL (by default ``tclive-<domain>``)."),
    Input(
        "min_valid_days",
        int,
        DEFAULT_MIN_VALID_DAYS,
        doc="Preview fails when the certificate expires within this many days (0 to allow).",
        range=(0, None),
        fix="Give 0 or more.",
    ),
    outputs=("bound_cloud_cert_id", "https_enabled", "expires_at", "fingerprint", "subject", "dns_names"),
)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class PlayDomainCertificateProvider(TcliveProvider):
    """Dynamic provider of :class:`PlayDomainCertificate` (see the module docstring)."""

    def check(self, olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        inputs, problems = INPUTS.check(news)
        problems += domain_kind_problems(
            inputs, "PlayDomainCertificate", "play", "Bind HTTPS certificates to play domains only."
        )
        days = inputs.get("min_valid_days")
        found = failures(problems)
        certificate, key, cloud_id = inputs.get("certificate"), inputs.get("private_key"), inputs.get("cloud_cert_id")
        pem_given = certificate is not None or key is not None
        if pem_given and cloud_id is not None:
            found.append(
                CheckFailure("cloud_cert_id", "Give either certificate + private_key, or cloud_cert_id, not both.")
            )
        elif not pem_given and cloud_id is None:
            found.append(
                CheckFailure(
                    "certificate",
                    "No certificate given. Give certificate (PEM) and private_key, or the cloud_cert_id of a "
                    "certificate in Tencent SSL.",
                )
            )
        elif pem_given and (certificate is None or key is None):
            missing = "private_key" if key is None else "certificate"
            found.append(CheckFailure("", f"{missing} is missing: a PEM certificate needs its private key."))
        elif pem_given and not any(is_unknown(v) for v in (certificate, key)):
            domain = inputs.get("domain_name")
            known_domain = domain if isinstance(domain, str) and not is_unknown(domain) else None
            if not isinstance(certificate, str) or not isinstance(key, str):
                found.append(CheckFailure("", "certificate and private_key must be PEM text."))
            else:
                found += check_certificate(
                    certificate,
                    key,
                    known_domain,
                    now=datetime.now(UTC),
                    min_valid_days=as_int(days, DEFAULT_MIN_VALID_DAYS) if not is_unknown(days) else 0,
                )
        return CheckResult(inputs, found)

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        new = INPUTS.values(news)
        changed = INPUTS.changed(olds, news)
        if is_unknown(news.get("certificate")):
            changed.append("certificate")
        wanted = new["certificate"]
        if isinstance(wanted, str):
            # The bound certificate's fingerprint (refreshed from Tencent) against the one declared.
            if _fingerprint(wanted) != olds.get("fingerprint"):
                changed.append("certificate")
        elif new["cloud_cert_id"] is not None and new["cloud_cert_id"] != olds.get("bound_cloud_cert_id"):
            changed.append("cloud_cert_id")
        if olds.get("https_enabled") is False and not changed:
            # The binding is there but HTTPS was switched off (in the console): up binds it again.
            changed.append("certificate" if new["certificate"] is not None else "cloud_cert_id")
        return DiffResult(
            changes=bool(changed), replaces=INPUTS.replacements(changed, news), delete_before_replace=False
        )

    def _bind(self, client: TencentCloudClient, inputs: Mapping[str, Any]) -> dict[str, Any] | None:
        domain = str(inputs["domain_name"])
        from ..cloud.live import describe_live_domain

        info = describe_live_domain(client, domain)
        if info is None:
            raise RuleViolation(
                f"PlayDomainCertificate: the live domain {domain} does not exist in this account. Declare it with "
                "LiveDomain (and pass that LiveDomain as domain_name), then run `pulumi up` again."
            )
        if info.Type != 1:
            raise RuleViolation(
                f"PlayDomainCertificate needs a play domain, and {domain} is a push domain. "
                "Bind HTTPS certificates to play domains only."
            )
        pem = inputs["certificate"]
        bound = self._outputs(client, inputs)
        if (
            bound is not None
            and bound["https_enabled"]
            and (
                bound["fingerprint"] == _fingerprint(pem)
                if pem is not None
                else bound["bound_cloud_cert_id"] == inputs["cloud_cert_id"]
            )
        ):
            return bound  # already bound, with HTTPS on: nothing to write (an adopted or repeated bind)
        request = ModifyLiveDomainCertBindingsRequest(
            DomainInfos=[LiveCertDomainInfo(DomainName=domain, Status=1)],
            CloudCertId=inputs["cloud_cert_id"] if pem is None else None,
            CertificatePublicKey=pem,
            CertificatePrivateKey=inputs["private_key"] if pem is not None else None,
            CertificateAlias=(inputs["alias"] or f"tclive-{domain}") if pem is not None else None,
        )
        try:
            answer = client.call(MODIFY_LIVE_DOMAIN_CERT_BINDINGS, request)
        except TencentCloudApiError as exc:
            raise RuleViolation(
                f"PlayDomainCertificate {domain}: Tencent Cloud refused the certificate ({exc.code}: {exc.message}). "
                "Fix the certificate (or cloud_cert_id) and run `pulumi up` again."
            ) from None
        failed = [e for e in answer.Errors if e.DomainName == domain]
        if domain in answer.MismatchedDomainNames or failed:
            detail = "; ".join(f"{e.Code}: {e.Message}" for e in failed) or "the certificate does not cover it"
            raise RuleViolation(
                f"PlayDomainCertificate {domain}: the certificate was not bound ({detail}). Use a certificate whose "
                "SANs cover the domain."
            )
        return self._outputs(client, inputs)

    @staticmethod
    def _outputs(client: TencentCloudClient, inputs: Mapping[str, Any]) -> dict[str, Any] | None:
        domain = str(inputs["domain_name"])
        found = client.call(
            DESCRIBE_LIVE_DOMAIN_CERT_BINDINGS, DescribeLiveDomainCertBindingsRequest(DomainName=domain)
        ).LiveDomainCertBindings
        if not found:
            return None
        binding = found[0]
        cert = client.call(DESCRIBE_LIVE_DOMAIN_CERT, DescribeLiveDomainCertRequest(DomainName=domain)).DomainCertInfo
        pem = cert.HttpsCrt if cert is not None else ""
        summary = tls.summarize(tls.load_chain(pem)[0]) if pem else None
        return {
            **inputs,
            "bound_cloud_cert_id": binding.CloudCertId,
            "https_enabled": binding.Status == 1,
            "expires_at": _iso(summary.not_after) if summary else "",
            "fingerprint": summary.fingerprint if summary else "",
            "subject": summary.subject if summary else "",
            "dns_names": list(summary.dns_names) if summary else [],
        }

    def create(self, props: dict[str, Any]) -> CreateResult:
        inputs = INPUTS.values(props)
        outputs = self._bind(self.runtime.client(), inputs)
        if outputs is None:
            raise RuleViolation(f"PlayDomainCertificate {inputs['domain_name']}: bound, but no binding is listed.")
        return CreateResult(str(inputs["domain_name"]), outputs)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        inputs = INPUTS.values(news)
        outputs = self._bind(self.runtime.client(), inputs)
        if outputs is None:
            raise RuleViolation(f"PlayDomainCertificate {id_}: bound, but no binding is listed.")
        return UpdateResult(outputs)

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        inputs = INPUTS.values(props)
        try:
            outputs = self._outputs(self.runtime.client(), inputs)
        except TencentCloudApiError as exc:
            if exc.matches(*_NOT_FOUND):
                return ReadResult("", {})
            raise
        if outputs is None:
            return ReadResult("", {})
        return ReadResult(id_, outputs, inputs)

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        try:
            self.runtime.client().call(UNBIND_LIVE_DOMAIN_CERT, UnBindLiveDomainCertRequest(DomainName=id_))
        except TencentCloudApiError as exc:
            if exc.matches(*_NOT_FOUND):
                say(f"PlayDomainCertificate {id_}: no certificate was bound any more.")
                return
            raise


def _fingerprint(pem: str) -> str | None:
    try:
        return tls.summarize(tls.load_chain(pem)[0]).fingerprint
    except ValueError:
        return None


@INPUTS.document
class PlayDomainCertificate(Resource, module="tclive", name="PlayDomainCertificate"):
    """An HTTPS certificate bound to a play domain (so ``https://`` play URLs work).

    Outputs: ``expires_at`` (ISO 8601 UTC), ``fingerprint`` (SHA-256, colon hex), ``subject``, ``dns_names``,
    ``bound_cloud_cert_id``, ``https_enabled``.
    """

    domain_name: pulumi.Output[str]
    expires_at: pulumi.Output[str]
    fingerprint: pulumi.Output[str]
    subject: pulumi.Output[str]
    dns_names: pulumi.Output[list[str]]
    bound_cloud_cert_id: pulumi.Output[str]
    https_enabled: pulumi.Output[bool]

    def __init__(
        self,
        resource_name: str,
        *,
        domain_name: Any,
        certificate: pulumi.Input[str] | None = None,
        private_key: pulumi.Input[str] | None = None,
        cloud_cert_id: pulumi.Input[str] | None = None,
        alias: pulumi.Input[str] | None = None,
        min_valid_days: pulumi.Input[int] = DEFAULT_MIN_VALID_DAYS,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the resource; every argument is documented on the class (``help(<class>)``)."""
        domain_name, domain_type, opts = domain_reference(domain_name, opts)
        props = INPUTS.props(locals(), domain_type=domain_type)
        super().__init__(PlayDomainCertificateProvider(), resource_name, props, INPUTS.options(opts))
