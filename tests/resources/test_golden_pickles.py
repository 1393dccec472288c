"""Every stack stores its resources' provider as a pickle by reference (``__provider``: module and
class name, base64). Renaming or moving a provider class would break read, update and delete of
every existing stack, so the strings stacks hold today must keep loading; a renamed class keeps an
importable alias under its old name.

The servicer loads ``__provider`` with dill (``get_provider`` in
https://github.com/pulumi/pulumi/blob/1b5949891b3cefcb9974752b24a5ecef0acc86c8/sdk/python/lib/pulumi/dynamic/__main__.py).
A new provider class: add the line the failing test prints.
"""

from __future__ import annotations

import base64

import dill
import pytest
from pulumi.dynamic.dynamic import serialize_provider

import pulumi_tclive.resources
from pulumi_tclive.resources._provider import TcliveProvider

# "module.Class": the __provider string as stacks store it (never edit one; only add).
GOLDEN = {
    "pulumi_tclive.resources.auth_keys.PlayAuthKeyProvider": "gASVQAAAAAAAAACMIXB1bHVtaV90Y2xpdmUucmVzb3VyY2VzLmF1dGhfa2V5c5SME1BsYXlBdXRoS2V5UHJvdmlkZXKUk5QpgZQu",
    "pulumi_tclive.resources.auth_keys.PushAuthKeyProvider": "gASVQAAAAAAAAACMIXB1bHVtaV90Y2xpdmUucmVzb3VyY2VzLmF1dGhfa2V5c5SME1B1c2hBdXRoS2V5UHJvdmlkZXKUk5QpgZQu",
    "pulumi_tclive.resources.callback.CallbackRuleProvider": "gASVQAAAAAAAAACMIHB1bHVtaV90Y2xpdmUucmVzb3VyY2VzLmNhbGxiYWNrlIwUQ2FsbGJhY2tSdWxlUHJvdmlkZXKUk5QpgZQu",
    "pulumi_tclive.resources.callback.CallbackTemplateProvider": "gASVRAAAAAAAAACMIHB1bHVtaV90Y2xpdmUucmVzb3VyY2VzLmNhbGxiYWNrlIwYQ2FsbGJhY2tUZW1wbGF0ZVByb3ZpZGVylJOUKYGULg==",
    "pulumi_tclive.resources.certificate.PlayDomainCertificateProvider": "gASVTAAAAAAAAACMI3B1bHVtaV90Y2xpdmUucmVzb3VyY2VzLmNlcnRpZmljYXRllIwdUGxheURvbWFpbkNlcnRpZmljYXRlUHJvdmlkZXKUk5QpgZQu",
    "pulumi_tclive.resources.cname.CnameRecordProvider": "gASVPAAAAAAAAACMHXB1bHVtaV90Y2xpdmUucmVzb3VyY2VzLmNuYW1llIwTQ25hbWVSZWNvcmRQcm92aWRlcpSTlCmBlC4=",
    "pulumi_tclive.resources.domain.LiveDomainProvider": "gASVPAAAAAAAAACMHnB1bHVtaV90Y2xpdmUucmVzb3VyY2VzLmRvbWFpbpSMEkxpdmVEb21haW5Qcm92aWRlcpSTlCmBlC4=",
    "pulumi_tclive.resources.licence.PluginLicenseProvider": "gASVQAAAAAAAAACMH3B1bHVtaV90Y2xpdmUucmVzb3VyY2VzLmxpY2VuY2WUjBVQbHVnaW5MaWNlbnNlUHJvdmlkZXKUk5QpgZQu",
    "pulumi_tclive.resources.ownership.DomainOwnershipProvider": "gASVRAAAAAAAAACMIXB1bHVtaV90Y2xpdmUucmVzb3VyY2VzLm93bmVyc2hpcJSMF0RvbWFpbk93bmVyc2hpcFByb3ZpZGVylJOUKYGULg==",
    "pulumi_tclive.resources.record.RecordRuleProvider": "gASVPAAAAAAAAACMHnB1bHVtaV90Y2xpdmUucmVzb3VyY2VzLnJlY29yZJSMElJlY29yZFJ1bGVQcm92aWRlcpSTlCmBlC4=",
    "pulumi_tclive.resources.record.RecordTemplateProvider": "gASVQAAAAAAAAACMHnB1bHVtaV90Y2xpdmUucmVzb3VyY2VzLnJlY29yZJSMFlJlY29yZFRlbXBsYXRlUHJvdmlkZXKUk5QpgZQu",
    "pulumi_tclive.resources.referer.PlayRefererProvider": "gASVPgAAAAAAAACMH3B1bHVtaV90Y2xpdmUucmVzb3VyY2VzLnJlZmVyZXKUjBNQbGF5UmVmZXJlclByb3ZpZGVylJOUKYGULg==",
    "pulumi_tclive.resources.snapshot.SnapshotRuleProvider": "gASVQAAAAAAAAACMIHB1bHVtaV90Y2xpdmUucmVzb3VyY2VzLnNuYXBzaG90lIwUU25hcHNob3RSdWxlUHJvdmlkZXKUk5QpgZQu",
    "pulumi_tclive.resources.snapshot.SnapshotTemplateProvider": "gASVRAAAAAAAAACMIHB1bHVtaV90Y2xpdmUucmVzb3VyY2VzLnNuYXBzaG90lIwYU25hcHNob3RUZW1wbGF0ZVByb3ZpZGVylJOUKYGULg==",
    "pulumi_tclive.resources.time_shift.TimeShiftRuleProvider": "gASVQwAAAAAAAACMInB1bHVtaV90Y2xpdmUucmVzb3VyY2VzLnRpbWVfc2hpZnSUjBVUaW1lU2hpZnRSdWxlUHJvdmlkZXKUk5QpgZQu",
    "pulumi_tclive.resources.time_shift.TimeShiftTemplateProvider": "gASVRwAAAAAAAACMInB1bHVtaV90Y2xpdmUucmVzb3VyY2VzLnRpbWVfc2hpZnSUjBlUaW1lU2hpZnRUZW1wbGF0ZVByb3ZpZGVylJOUKYGULg==",
    "pulumi_tclive.resources.transcode.TranscodeRuleProvider": "gASVQgAAAAAAAACMIXB1bHVtaV90Y2xpdmUucmVzb3VyY2VzLnRyYW5zY29kZZSMFVRyYW5zY29kZVJ1bGVQcm92aWRlcpSTlCmBlC4=",
    "pulumi_tclive.resources.transcode.TranscodeTemplateProvider": "gASVRgAAAAAAAACMIXB1bHVtaV90Y2xpdmUucmVzb3VyY2VzLnRyYW5zY29kZZSMGVRyYW5zY29kZVRlbXBsYXRlUHJvdmlkZXKUk5QpgZQu",
    "pulumi_tclive.resources.watermark.WatermarkProvider": "gASVPgAAAAAAAACMIXB1bHVtaV90Y2xpdmUucmVzb3VyY2VzLndhdGVybWFya5SMEVdhdGVybWFya1Byb3ZpZGVylJOUKYGULg==",
    "pulumi_tclive.resources.watermark.WatermarkRuleProvider": "gASVQgAAAAAAAACMIXB1bHVtaV90Y2xpdmUucmVzb3VyY2VzLndhdGVybWFya5SMFVdhdGVybWFya1J1bGVQcm92aWRlcpSTlCmBlC4=",
}


def provider_classes() -> dict[str, type[TcliveProvider]]:
    """Every public provider class the package exports today, by ``module.Class``."""
    exported = (getattr(pulumi_tclive.resources, name) for name in pulumi_tclive.resources.__all__)
    return {
        f"{cls.__module__}.{cls.__qualname__}": cls
        for cls in exported
        if isinstance(cls, type) and issubclass(cls, TcliveProvider)
    }


@pytest.mark.parametrize("qualified", sorted(GOLDEN))
def test_a_stored_provider_still_loads_as_its_class(qualified: str) -> None:
    loaded = dill.loads(base64.b64decode(GOLDEN[qualified]))
    module, _, name = qualified.rpartition(".")
    assert isinstance(loaded, TcliveProvider)
    assert type(loaded).__name__ == name or getattr(__import__(module, fromlist=[name]), name) is type(loaded)


def test_every_provider_class_has_a_golden_pickle() -> None:
    missing = {
        qualified: serialize_provider(cls()) for qualified, cls in provider_classes().items() if qualified not in GOLDEN
    }
    assert not missing, "add to GOLDEN:\n" + "\n".join(f'    "{q}": "{s}",' for q, s in sorted(missing.items()))
