"""Tencent Cloud API 3.0: the signed client and the action definitions it sends.

The action modules are imported by path: ``pulumi_tclive.cloud.live``, ``.dnspod`` and ``.streaming``
(the emulator's own console actions are in ``pulumi_tclive.emulator.console_api``).
"""

from .api import Action
from .client import Credentials, RetryPolicy, TencentCloudClient

__all__ = ["Action", "Credentials", "RetryPolicy", "TencentCloudClient"]
