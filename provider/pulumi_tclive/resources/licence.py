"""``PluginLicense``: the WeChat mini-program live plugin licence (小程序·云直播插件授权).

Rules enforced (docs/design.md#product-rules): R1 non-individual subject, R2 scene ↔ service category (and the
offline-event documents), R3 plugin AppID and minimum version, R4 the review → payment →
available lifecycle (``status``; LiveDomain refuses mini-program domains until it is available).

Tencent Cloud has no API for the licence (console only: docs/design.md#the-licence-has-no-api), so
the resource is a declaration on every backend, emulator included: it records the application and
takes ``status`` from ``console_status``, which you copy from the console (云直播控制台 > 资源包/插件管理)
as it moves on. No operation calls an API. R1–R3 are checked at preview; R4 is judged from
``console_status`` wherever it is given (LiveDomain), and by Tencent's AddLiveDomain, which refuses a
mini-program domain while the account holds no available licence (``InvalidParameter.MpPluginNoUse``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pulumi
from pulumi.dynamic import CheckResult, CreateResult, DiffResult, ReadResult, Resource, UpdateResult

from .. import rules
from ._inputs import REQUIRED, Input, Inputs
from ._provider import TcliveProvider, failures, is_unknown, say

__all__ = ["INPUTS", "PluginLicense", "PluginLicenseProvider"]

# Details of the application itself: once submitted they are changed in the console, not here.
APPLICATION_FIELDS = ("mini_program_name", "subject_type", "scene", "service_categories")
APPLY_URL = "https://cloud.tencent.com/apply/p/n6h3nx5f73"
UNDECLARED = "undeclared"
"""``status`` when no ``console_status`` is given: the provider cannot know it, and judges no R4 from it."""


def _stripped(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


INPUTS = Inputs(
    "PluginLicense",
    Input(
        "mini_program_app_id",
        str,
        REQUIRED,
        doc="The mini-program's AppID (``wx`` + 16 hex digits).",
        replaces=True,
        normalize=_stripped,
        validated_by="rules.check_app_id (R3)",
    ),
    Input(
        "mini_program_name",
        str,
        REQUIRED,
        doc="The mini-program's name as shown in the WeChat admin.",
        normalize=_stripped,
        validated_by="rules.check_mini_program_name",
    ),
    Input(
        "subject_type",
        str,
        REQUIRED,
        doc="``enterprise``, ``government``, ``media`` or ``other_org``; ``individual`` is refused (R1).",
        validated_by="rules.check_subject_type (R1)",
    ),
    Input(
        "scene",
        str,
        REQUIRED,
        doc="``ecommerce``, ``education`` or ``offline_event`` (R2).",
        validated_by="rules.check_scene (R2)",
    ),
    Input(
        "service_categories",
        list,
        REQUIRED,
        doc="The mini-program's service categories; the scene needs its category (R2): ``电商平台`` for "
        "e-commerce, one of the education categories for education.",
        item=str,
        validated_by="rules.check_scene (R2)",
    ),
    Input(
        "plugin_version",
        str,
        rules.MIN_PLUGIN_VERSION,
        doc=f"The plugin version the mini-program uses, at least ``{rules.MIN_PLUGIN_VERSION}`` (R3).",
        validated_by="rules.check_plugin_version (R3)",
    ),
    Input(
        "event_permit",
        str,
        doc="offline_event only: reference to the public-security permit (公安机关/派出所安全许可).",
        validated_by="rules.check_scene (R2)",
    ),
    Input(
        "venue_proof",
        str,
        doc="offline_event only: reference to the venue-use proof (场地使用证明).",
        validated_by="rules.check_scene (R2)",
    ),
    Input(
        "support_ticket",
        str,
        doc="offline_event only: the Tencent support ticket that confirmed the event.",
        validated_by="rules.check_scene (R2)",
    ),
    Input(
        "console_status",
        str,
        doc="The status the console shows (``pending_review``, ``pending_payment``, ``available``, ``rejected``, "
        "``expired``), on every backend: the licence's one source. Unset, ``status`` is ``undeclared`` and only "
        "Tencent's AddLiveDomain judges R4.",
        choices=rules.LICENCE_STATUSES,
    ),
    outputs=(
        "status",
        "plugin_app_id",
        "plugin_name",
        "min_plugin_version",
        "next_steps",
        "managed_by",
    ),
)


class PluginLicenseProvider(TcliveProvider):
    """Dynamic provider of :class:`PluginLicense` (see the module docstring)."""

    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        inputs, problems = INPUTS.check(news)
        if not is_unknown(inputs.get("mini_program_app_id")):
            problems += rules.check_app_id(inputs.get("mini_program_app_id"))
        if not is_unknown(inputs.get("mini_program_name")):
            problems += rules.check_mini_program_name(inputs.get("mini_program_name"))
        if not is_unknown(inputs.get("subject_type")):
            problems += rules.check_subject_type(inputs.get("subject_type"))
        scene_inputs = ("scene", "service_categories", "event_permit", "venue_proof", "support_ticket")
        if not any(is_unknown(inputs.get(k)) for k in scene_inputs):
            problems += rules.check_scene(
                inputs.get("scene"),
                inputs.get("service_categories"),
                event_permit=inputs.get("event_permit"),
                venue_proof=inputs.get("venue_proof"),
                support_ticket=inputs.get("support_ticket"),
            )
        if not is_unknown(inputs["plugin_version"]):
            problems += rules.check_plugin_version(inputs["plugin_version"])
        return CheckResult(inputs, failures(problems))

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        changed = INPUTS.changed(olds, news)
        return DiffResult(
            changes=bool(changed), replaces=INPUTS.replacements(changed, news), delete_before_replace=False
        )

    def create(self, props: dict[str, Any]) -> CreateResult:
        inputs = INPUTS.values(props)
        app_id = str(inputs["mini_program_app_id"])
        if inputs.get("console_status") != "available":
            say(
                f"PluginLicense {app_id}: Tencent Cloud has no API for plugin licences. Submit the application "
                f"with your screenshots at {APPLY_URL}, then set console_status to the status the console shows."
            )
        return CreateResult(app_id, _outputs(inputs))

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        inputs = INPUTS.values(props)
        return ReadResult(id_, _outputs(inputs), inputs)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        inputs = INPUTS.values(news)
        changed = [k for k in APPLICATION_FIELDS if INPUTS.values(olds)[k] != inputs[k]]
        if changed:
            say(
                f"PluginLicense {id_}: {', '.join(changed)} changed. The submitted application is not amended by "
                "pulumi-tclive; amend it in the console (or through Tencent support) so review sees the same details."
            )
        return UpdateResult(_outputs(inputs))

    def delete(self, id_: str, _props: dict[str, Any]) -> None:
        say(
            f"PluginLicense {id_}: removed from the stack only. A plugin licence is never revoked by pulumi-tclive; "
            "it stays in the console for its purchased period."
        )


def _outputs(inputs: dict[str, Any]) -> dict[str, Any]:
    """The declaration and what follows from it: no API is called (Tencent Cloud has none for the licence)."""
    status = inputs.get("console_status") or UNDECLARED
    return {
        **inputs,
        "status": status,
        "plugin_app_id": rules.PLUGIN_APP_ID,
        "plugin_name": rules.PLUGIN_NAME,
        "min_plugin_version": rules.MIN_PLUGIN_VERSION,
        "next_steps": rules.licence_next_steps(status, scene=str(inputs.get("scene") or ""), real_cloud=True),
        "managed_by": "Tencent Cloud console",
    }


@INPUTS.document
class PluginLicense(Resource, module="tclive", name="PluginLicense"):
    """The mini-program live plugin licence of one WeChat mini-program (R1–R4).

    Outputs: ``status`` (``console_status``, or ``undeclared``), ``plugin_app_id`` (``wx95a7d2b78cf30f98``),
    ``plugin_name``, ``min_plugin_version``, ``next_steps`` (the console steps still to do, in order), ``managed_by``.
    Deleting the resource never revokes a licence: it only leaves the stack.
    """

    mini_program_app_id: pulumi.Output[str]
    mini_program_name: pulumi.Output[str]
    subject_type: pulumi.Output[str]
    scene: pulumi.Output[str]
    service_categories: pulumi.Output[list[str]]
    plugin_version: pulumi.Output[str]
    status: pulumi.Output[str]
    plugin_app_id: pulumi.Output[str]
    plugin_name: pulumi.Output[str]
    min_plugin_version: pulumi.Output[str]
    next_steps: pulumi.Output[list[str]]
    managed_by: pulumi.Output[str]

    def __init__(
        self,
        resource_name: str,
        *,
        mini_program_app_id: pulumi.Input[str],
        mini_program_name: pulumi.Input[str],
        subject_type: pulumi.Input[str],
        scene: pulumi.Input[str],
        service_categories: pulumi.Input[Sequence[pulumi.Input[str]]],
        plugin_version: pulumi.Input[str] | None = None,
        event_permit: pulumi.Input[str] | None = None,
        venue_proof: pulumi.Input[str] | None = None,
        support_ticket: pulumi.Input[str] | None = None,
        console_status: pulumi.Input[str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """Declare the licence; see the class docstring for every argument."""
        super().__init__(PluginLicenseProvider(), resource_name, INPUTS.props(locals()), opts)
        # The plain input, so a LiveDomain can check R4 at preview (status is unknown then).
        self.console_status_input: pulumi.Input[str] | None = console_status
