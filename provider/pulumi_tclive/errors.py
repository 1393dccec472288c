"""The one exception hierarchy of pulumi-tclive.

Every error the package raises on purpose derives from :class:`TcliveError`. Each message says
what was wrong, the value involved, and what to do about it; none ever contains a credential.

::

    TcliveError
    ├── ConfigurationError          provider settings missing or malformed
    ├── RuleViolation               a product rule (R1–R9) refuses the operation
    ├── UrlSigningError             signed_url() / `tclive url sign` refuse their arguments (also a ValueError)
    ├── TencentCloudError           anything on the way to or from Tencent Cloud (or the emulator)
    │   ├── TencentCloudApiError    the API answered with Response.Error (code, message, request id)
    │   │   └── ThrottledError      RequestLimitExceeded* that outlived the retry deadline
    │   └── TransportError          network failure, non-200 answer, or a body that is not the envelope
    ├── DnsError                    DNS writes, reads and propagation checks
    │   ├── DnsUpdateError          an RFC 2136 UPDATE was refused or failed (rcode, TSIG, timeout)
    │   ├── DnsConflictError        the name holds data this resource did not create
    │   └── PropagationTimeout      the record did not appear at every authoritative server in time
    └── ImportRefused               `tclive import` would overwrite an earlier import (pass --force)
"""

from __future__ import annotations

__all__ = [
    "ConfigurationError",
    "DnsConflictError",
    "DnsError",
    "DnsUpdateError",
    "ImportRefused",
    "PropagationTimeout",
    "RuleViolation",
    "TcliveError",
    "TencentCloudApiError",
    "TencentCloudError",
    "ThrottledError",
    "TransportError",
    "UrlSigningError",
    "code_matches",
]


def code_matches(code: str, *codes: str) -> bool:
    """True when Tencent's error ``code`` equals one of ``codes`` or is a sub-code of one (``A.B`` matches ``A``)."""
    return any(code == c or code.startswith(c + ".") for c in codes)


class TcliveError(Exception):
    """Root of every error pulumi-tclive raises on purpose."""


class ConfigurationError(TcliveError):
    """Provider settings are missing or malformed (stack config ``tclive:*`` or environment)."""


class RuleViolation(TcliveError):
    """A product rule refuses the operation, e.g. deleting a mini-program play domain (R8)."""


class UrlSigningError(TcliveError, ValueError):
    """``signed_url()`` or ``tclive url sign`` cannot sign: a URL without a stream name, a bad key or expiry."""


class TencentCloudError(TcliveError):
    """A failure talking to Tencent Cloud API 3.0 (or the emulator that speaks it).

    ``action`` names the API action; ``attempts`` counts the tries made before giving up.
    """

    def __init__(self, message: str, *, action: str = "", attempts: int = 1) -> None:
        super().__init__(message)
        self.action = action
        self.attempts = attempts


class TencentCloudApiError(TencentCloudError):
    """The API answered with ``Response.Error``.

    ``code`` is Tencent's error code (``FailedOperation.DomainAdded``), ``message`` its text and
    ``request_id`` the ``RequestId`` to quote to Tencent support.
    """

    def __init__(
        self,
        *,
        action: str,
        code: str,
        message: str,
        request_id: str,
        attempts: int = 1,
        hint: str = "",
    ) -> None:
        text = f"{action} failed with {code}: {message} (RequestId {request_id or 'none'})"
        if attempts > 1:
            text += f" after {attempts} attempts"
        if hint:
            text += f". {hint}"
        super().__init__(text, action=action, attempts=attempts)
        self.code = code
        self.message = message
        self.request_id = request_id
        self.hint = hint

    def matches(self, *codes: str) -> bool:
        """True when the code equals one of ``codes`` or is a sub-code of one (``A.B`` matches ``A``)."""
        return code_matches(self.code, *codes)


class ThrottledError(TencentCloudApiError):
    """``RequestLimitExceeded`` (or a sub-code) persisted until the retry deadline."""


class TransportError(TencentCloudError):
    """The request got no usable answer: network error, timeout, non-200 status or a non-envelope body.

    ``request_sent`` is ``False`` when no connection was ever made (the host name did not resolve, the
    connection was refused or timed out): the request cannot have had any effect.
    """

    def __init__(self, message: str, *, action: str = "", attempts: int = 1, request_sent: bool = True) -> None:
        super().__init__(message, action=action, attempts=attempts)
        self.request_sent = request_sent


class DnsError(TcliveError):
    """A DNS operation failed."""


class DnsUpdateError(DnsError):
    """An RFC 2136 UPDATE was refused or failed; ``rcode`` is the DNS response code text when known."""

    def __init__(self, message: str, *, rcode: str = "") -> None:
        super().__init__(message)
        self.rcode = rcode


class DnsConflictError(DnsError):
    """The record name already holds data this resource did not create (set ``overwrite=True`` to replace)."""


class PropagationTimeout(DnsError):
    """The CNAME did not show up at every authoritative nameserver before the deadline.

    ``answers`` maps each nameserver (``host:port``) to what it last answered.
    """

    def __init__(self, message: str, *, answers: dict[str, str]) -> None:
        super().__init__(message)
        self.answers = answers


class ImportRefused(TcliveError):
    """``tclive import`` refuses to overwrite the files of an earlier import without ``--force``."""
