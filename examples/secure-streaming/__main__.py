"""Secure streaming: a mini-program live setup whose URLs work as they would on Tencent Cloud.

On top of the quick start (licence, mini-program play domain, push domain, App play domain and
their CNAMEs) this turns on:

- push authentication with a generated key (Tencent's default for push domains): push URLs need
  ``txSecret``/``txTime``; sign one with ``tclive url sign … --key-from-stack``;
- play authentication on both play domains (generated keys);
- HTTPS on both play domains: a certificate checked at preview (key, chain order, SANs, expiry).
  Demo only: a self-signed certificate is made once in ``.tclive/`` (use your CA's in production);
- a Referer allow list (WeChat's servicewechat.com and the shop's own site; requests without a
  Referer, e.g. from apps, allowed).
"""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pulumi
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

import pulumi_tclive as tclive

PLAY_DOMAINS = ["mp-play.example.com", "play.example.com"]


def demo_certificate(directory: Path) -> tuple[str, str]:
    """A self-signed certificate for the play domains, made on the first run and reused (stable state)."""
    cert_path, key_path = directory / "demo-cert.pem", directory / "demo-key.pem"
    if not cert_path.exists():
        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, PLAY_DOMAINS[0])])
        now = datetime.now(UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(hours=1))
            .not_valid_after(now + timedelta(days=365))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(d) for d in PLAY_DOMAINS]), critical=False)
            .sign(key, hashes.SHA256())
        )
        directory.mkdir(parents=True, exist_ok=True)
        key_path.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        key_path.chmod(0o600)
        cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return cert_path.read_text(), key_path.read_text()


certificate, private_key = demo_certificate(Path(".tclive"))

site = tclive.MiniProgramLive(
    "shop",
    app_id="wx0123456789abcdef",
    mini_program_name="Acme Shop",
    service_categories=["电商平台"],
    console_status="available",  # as the console shows it (no API exists); the emulator's account holds it
    play_domain=PLAY_DOMAINS[0],
    push_domain="push.example.com",
    app_play_domain=PLAY_DOMAINS[1],
    plugin_version="1.2.1",
    play_auth=True,
    play_certificate=certificate,
    play_private_key=pulumi.Output.secret(private_key),
    referer_rules=["servicewechat.com", "www.example.com"],
    referer_allow_empty=True,
)

pulumi.export("license_status", site.license_status)
pulumi.export("push_url_template", site.push_url_template)
pulumi.export("play_url_templates", site.play_url_templates)
pulumi.export("app_play_url_templates", site.app_play_url_templates)
pulumi.export("app_json", site.app_json)
pulumi.export("certificate_expires_at", site.certificates["mp-play"].expires_at)
pulumi.export("push_key", site.push_auth_key.master_key if site.push_auth_key else None)
