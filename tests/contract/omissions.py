"""Every known, justified difference between pulumi-tclive and the official SDK, in one place, with its reason.

``tests/contract`` fails on any difference not listed here, and on any entry here that is no
longer a difference (so the list cannot rot).
"""

from __future__ import annotations

__all__ = ["ERRORS_NOT_THROUGH_SDK", "FIELD_OMISSIONS", "SERVICES_WITHOUT_SDK"]

FIELD_OMISSIONS: dict[tuple[str, str, str], str] = {}
"""``(service, model, field)`` → why our model leaves out a field the SDK has. Empty: none is left out."""

SERVICES_WITHOUT_SDK: dict[str, str] = {
    "emulator": (
        "The emulator-only console (service 'emulator' 2026-01-01: SubmitPluginLicense, DescribePluginLicenses, "
        "ApprovePluginLicense, PayPluginLicense, RejectPluginLicense, ExpirePluginLicense, SetFaults, RecordTraffic, "
        "SetClock, Reset, DescribeRequestLog, UpdateSettings) has no Tencent Cloud API and so no SDK model: "
        "the mini-program plugin licence exists only in the Tencent Cloud console, and the rest are test controls. "
        "They are for people and tests only: no provider operation calls them (tests/e2e/test_one_path.py)."
    ),
}
"""Services whose actions and models have no counterpart in the SDK."""

ERRORS_NOT_THROUGH_SDK: dict[str, str] = {
    "UnsupportedProtocol": (
        "The SDK sends only GET and POST (it refuses other methods itself); tests/emulator/test_protocol.py sends PUT."
    ),
}
"""Emulated error codes the SDK cannot provoke, with where they are tested instead."""
