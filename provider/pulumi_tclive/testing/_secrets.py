"""Secret values in the state, encrypted under the stack's passphrase, as the Pulumi CLI's passphrase
secrets provider does (https://github.com/pulumi/pulumi/blob/master/pkg/secrets/passphrase/manager.go and
``symmetricCrypter`` in sdk/go/common/resource/config/crypt.go):

- the passphrase comes from ``PULUMI_CONFIG_PASSPHRASE`` or the file ``PULUMI_CONFIG_PASSPHRASE_FILE``;
- the stack file holds ``encryptionsalt: v1:<base64 8-byte salt>:v1:<nonce>:<ciphertext of "pulumi">``,
  which proves a passphrase right before anything is decrypted with it;
- the key is PBKDF2-HMAC-SHA256 of the passphrase and salt, 1,000,000 iterations, 32 bytes;
- a value is AES-256-GCM with a random 12-byte nonce, written ``v1:<base64 nonce>:<base64 ciphertext>``,
  of the value's JSON text, and stored as ``{"4dabf…": "1b47…", "ciphertext": "v1:…"}``, the CLI's
  secret property value in a checkpoint.

Without a passphrase nothing secret is written: the value is withheld (``"[secret]"``) as before.
"""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
from functools import cached_property
from pathlib import Path
from typing import Any, TypeGuard

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from pulumi_tclive.errors import ConfigurationError
from pulumi_tclive.testing._values import SECRET_PLACEHOLDER, SECRET_SIG, SIG_KEY

__all__ = ["PASSPHRASE_HINT", "SecretsManager", "displayed_outputs", "is_ciphertext", "stack_salt"]

PASSPHRASE_HINT = (
    "set PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE, a file holding it) to store secret "
    "outputs encrypted in the state, as the Pulumi CLI's passphrase secrets provider does"
)

_ITERATIONS = 1_000_000
_SALT_KEY = "encryptionsalt"


def is_ciphertext(value: Any) -> TypeGuard[dict[str, Any]]:
    """``True`` for a secret as the state stores it under a passphrase (``{sig: secret, ciphertext}``).

    :param value: a stored value.
    """
    return isinstance(value, dict) and value.get(SIG_KEY) == SECRET_SIG and "ciphertext" in value


def displayed_outputs(stored: dict[str, Any]) -> dict[str, Any]:
    """Stack outputs as they may be shown: an encrypted one as ``"[secret]"``.

    :param stored: the outputs as the state stores them.
    """
    return {key: SECRET_PLACEHOLDER if is_ciphertext(value) else value for key, value in stored.items()}


def stack_salt(stack_file: Path) -> str | None:
    """The stack file's ``encryptionsalt``, or ``None`` when it has none.

    :param stack_file: ``Pulumi.<stack>.yaml``.
    """
    text = stack_file.read_text(encoding="utf-8") if stack_file.is_file() else ""
    found = re.search(rf"^{_SALT_KEY}:\s*(\S+)\s*$", text, re.MULTILINE)
    return found.group(1).strip("\"'") if found else None


def _passphrase() -> str | None:
    if "PULUMI_CONFIG_PASSPHRASE" in os.environ:
        return os.environ["PULUMI_CONFIG_PASSPHRASE"]
    file = os.environ.get("PULUMI_CONFIG_PASSPHRASE_FILE")
    if not file:
        return None
    try:
        return Path(file).read_text(encoding="utf-8").rstrip("\r\n")
    except OSError as exc:
        raise ConfigurationError(
            f"PULUMI_CONFIG_PASSPHRASE_FILE names {file}, which cannot be read ({exc.strerror}); point it at "
            "the file holding the stack's passphrase."
        ) from None


class SecretsManager:
    """Encrypt and decrypt secret values of one stack under its passphrase.

    :param passphrase: the passphrase. :param salt_state: the stack file's ``encryptionsalt``
        (``None`` for a stack that has none yet: a new salt is made, see :attr:`salt_state`).
    """

    def __init__(self, passphrase: str, salt_state: str | None) -> None:
        self._passphrase = passphrase
        self._given = salt_state
        self._salt = secrets.token_bytes(8) if salt_state is None else self._parse(salt_state)

    @staticmethod
    def _parse(state: str) -> bytes:
        version, _, rest = state.partition(":")
        encoded, _, _check = rest.partition(":")
        try:
            if version != "v1":
                raise ValueError(f"unknown version {version!r}")
            return base64.b64decode(encoded, validate=True)
        except ValueError as exc:
            raise ConfigurationError(
                f"the stack file's {_SALT_KEY} {state[:24]!r}… is malformed ({exc}); restore the line from "
                "version control: the secrets in the state were encrypted with it."
            ) from None

    @classmethod
    def for_stack(cls, stack_file: Path) -> SecretsManager | None:
        """The stack's manager, or ``None`` when no passphrase is set.

        :param stack_file: ``Pulumi.<stack>.yaml``; its ``encryptionsalt`` is read (and written the
            first time a secret is stored, see :meth:`remember_salt`).
        """
        phrase = _passphrase()
        return None if phrase is None else cls(phrase, stack_salt(stack_file))

    @cached_property
    def _aead(self) -> AESGCM:
        key = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=self._salt, iterations=_ITERATIONS).derive(
            self._passphrase.encode("utf-8")
        )
        aead = AESGCM(key)
        if self._given is not None and self._open(aead, self._given.split(":", 2)[2]) != "pulumi":
            raise ConfigurationError(
                "incorrect passphrase: PULUMI_CONFIG_PASSPHRASE (or the file PULUMI_CONFIG_PASSPHRASE_FILE names) is "
                "not the one the stack's secrets were encrypted with; set the stack's passphrase."
            )
        return aead

    @staticmethod
    def _seal(aead: AESGCM, text: str) -> str:
        nonce = secrets.token_bytes(12)
        sealed = aead.encrypt(nonce, text.encode("utf-8"), None)
        return f"v1:{base64.b64encode(nonce).decode()}:{base64.b64encode(sealed).decode()}"

    @staticmethod
    def _open(aead: AESGCM, ciphertext: str) -> str | None:
        parts = ciphertext.split(":")
        try:
            if len(parts) != 3 or parts[0] != "v1":
                return None
            return aead.decrypt(base64.b64decode(parts[1]), base64.b64decode(parts[2]), None).decode("utf-8")
        except (ValueError, InvalidTag):
            return None

    @property
    def used(self) -> bool:
        """``True`` once the key has been derived (something was encrypted or decrypted)."""
        return "_aead" in vars(self)

    @property
    def salt_state(self) -> str:
        """The ``encryptionsalt`` value for the stack file: the salt and ``"pulumi"`` encrypted with the key."""
        if self._given is None:
            self._given = f"v1:{base64.b64encode(self._salt).decode()}:{self._seal(self._aead, 'pulumi')}"
        return self._given

    def remember_salt(self, stack_file: Path) -> None:
        """Write ``encryptionsalt`` into the stack file if it has none (the CLI writes it there).

        :param stack_file: ``Pulumi.<stack>.yaml``.
        """
        text = stack_file.read_text(encoding="utf-8") if stack_file.is_file() else ""
        if re.search(rf"^{_SALT_KEY}:", text, re.MULTILINE):
            return
        stack_file.write_text(f"{_SALT_KEY}: {self.salt_state}\n" + text, encoding="utf-8")

    def encrypt(self, value: Any) -> dict[str, Any]:
        """The stored form of a secret ``value``.

        :param value: a plain (unwrapped) value.
        """
        return {SIG_KEY: SECRET_SIG, "ciphertext": self._seal(self._aead, json.dumps(value, sort_keys=True))}

    def decrypt(self, stored: dict[str, Any]) -> Any:
        """The value of a stored secret.

        :param stored: what :meth:`encrypt` returned.
        :raises ConfigurationError: when it cannot be decrypted with this passphrase.
        """
        text = self._open(self._aead, str(stored.get("ciphertext", "")))
        if text is None:
            raise ConfigurationError(
                "a secret in the state cannot be decrypted with this passphrase; set the stack's passphrase "
                "(PULUMI_CONFIG_PASSPHRASE)."
            )
        return json.loads(text)
