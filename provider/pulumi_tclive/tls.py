"""X.509 checks shared by :class:`PlayDomainCertificate` (at preview) and the emulator (at bind time).

Everything is done with the ``cryptography`` package: PEM parsing, key/certificate matching, chain
order (each certificate signed by the next), host-name coverage per RFC 6125 §6.4 (a ``*`` only as
the whole left-most label, matching exactly one label; the subject CN only when there is no DNS
SAN), and the validity window. Messages name the certificate's subject, SANs and dates, never the
private key.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

__all__ = [
    "CertificateSummary",
    "PrivateKey",
    "chain_problem",
    "covers",
    "key_problem",
    "load_chain",
    "load_private_key",
    "summarize",
]

_PEM_BEGIN = "-----BEGIN CERTIFICATE-----"

PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


@dataclass(frozen=True)
class CertificateSummary:
    """What a user recognises a certificate by.

    Args:
        subject: the subject distinguished name (RFC 4514), e.g. ``CN=play.example.com,O=Example``.
        dns_names: the DNS names it is valid for (SANs; the CN when there is no SAN).
        not_before: start of validity (UTC).
        not_after: end of validity (UTC).
        fingerprint: SHA-256 of the DER encoding, upper-case hex pairs separated by colons.
    """

    subject: str
    dns_names: tuple[str, ...]
    not_before: datetime
    not_after: datetime
    fingerprint: str

    def describe(self) -> str:
        """``subject …, SANs …, valid … to …`` for error messages."""
        names = ", ".join(self.dns_names) or "none"
        return (
            f"certificate subject {self.subject or '(empty)'}, SANs {names}, valid "
            f"{self.not_before:%Y-%m-%d %H:%M} to {self.not_after:%Y-%m-%d %H:%M} UTC"
        )


def load_chain(pem: str) -> list[x509.Certificate]:
    """The certificates of a PEM bundle, in file order.

    Raises:
        ValueError: the text holds no certificate, or one that does not parse (message says which).
    """
    if _PEM_BEGIN not in pem:
        raise ValueError(f"it holds no PEM certificate (no {_PEM_BEGIN} line)")
    try:
        return x509.load_pem_x509_certificates(pem.encode("utf-8"))
    except ValueError as exc:
        raise ValueError(f"a PEM certificate does not parse ({exc})") from None


def load_private_key(pem: str) -> PrivateKey:
    """An unencrypted PEM private key.

    Raises:
        ValueError: not a PEM private key, encrypted, or an unsupported type. The message never
            contains key material.
    """
    try:
        key = serialization.load_pem_private_key(pem.encode("utf-8"), password=None)
    except TypeError:
        raise ValueError(
            "the private key is encrypted; Tencent Cloud needs it unencrypted "
            "(decrypt it with `openssl pkey -in key.pem -out key.plain.pem`)"
        ) from None
    except (ValueError, UnsupportedAlgorithm):
        raise ValueError("the private key is not a PEM private key (-----BEGIN PRIVATE KEY----- …)") from None
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise ValueError(f"the private key is a {type(key).__name__}; use an RSA or ECDSA key")
    return key


def _dns_names(cert: x509.Certificate) -> tuple[str, ...]:
    try:
        sans = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        sans = None
    if sans is not None:
        names = sans.get_values_for_type(x509.DNSName)
        if names:
            return tuple(name.lower() for name in names)
    common = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return tuple(str(attr.value).lower() for attr in common)


def summarize(cert: x509.Certificate) -> CertificateSummary:
    """The :class:`CertificateSummary` of one certificate."""
    digest = cert.fingerprint(hashes.SHA256()).hex().upper()
    return CertificateSummary(
        subject=cert.subject.rfc4514_string(),
        dns_names=_dns_names(cert),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        fingerprint=":".join(digest[i : i + 2] for i in range(0, len(digest), 2)),
    )


def covers(dns_names: tuple[str, ...] | list[str], domain: str) -> bool:
    """True when one of ``dns_names`` matches ``domain`` (RFC 6125 §6.4.3 wildcards)."""
    host = domain.rstrip(".").lower()
    for pattern in (name.rstrip(".").lower() for name in dns_names):
        if pattern == host:
            return True
        if pattern.startswith("*.") and "*" not in pattern[2:]:
            head, _, rest = host.partition(".")
            if head and rest == pattern[2:] and rest.count(".") >= 1:
                return True
    return False


def key_problem(leaf: x509.Certificate, key: PrivateKey) -> bool:
    """True when ``key`` is NOT the private half of the leaf certificate's public key."""
    spki = serialization.PublicFormat.SubjectPublicKeyInfo
    der = serialization.Encoding.DER
    return leaf.public_key().public_bytes(der, spki) != key.public_key().public_bytes(der, spki)


def _issued_by(child: x509.Certificate, parent: x509.Certificate) -> bool:
    try:
        child.verify_directly_issued_by(parent)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def chain_problem(chain: list[x509.Certificate]) -> str | None:
    """Why the bundle is not leaf first, each certificate followed by its issuer; ``None`` when it is."""
    if len(chain) < 2:
        return None
    if all(_issued_by(chain[i], chain[i + 1]) for i in range(len(chain) - 1)):
        return None
    backwards = list(reversed(chain))
    if all(_issued_by(backwards[i], backwards[i + 1]) for i in range(len(backwards) - 1)):
        return (
            f"the chain is in reverse order: it starts with {chain[0].subject.rfc4514_string()} (an issuer) and ends "
            f"with the leaf {chain[-1].subject.rfc4514_string()}. Put the leaf certificate first, then each issuer"
        )
    for i in range(len(chain) - 1):
        if not _issued_by(chain[i], chain[i + 1]):
            return (
                f"certificate {i + 1} ({chain[i].subject.rfc4514_string()}) is not signed by certificate {i + 2} "
                f"({chain[i + 1].subject.rfc4514_string()}). Order the bundle leaf first, then each issuer, "
                "and leave out unrelated certificates"
            )
    return None  # pragma: no cover - the loop finds the broken link
