"""PluginLicense: R1–R3 at check time, a declaration with no API call on every backend, never revoking a licence."""

from __future__ import annotations

import pytest
from pulumi.output import Unknown

from pulumi_tclive.emulator.console_api import DESCRIBE_PLUGIN_LICENSES, DescribePluginLicensesRequest
from pulumi_tclive.resources.licence import PluginLicenseProvider

from .conftest import APP_ID, Stack, licence_inputs


def provider(stack: Stack, **extra: str) -> PluginLicenseProvider:
    p = PluginLicenseProvider()
    stack.configure(p, **extra)
    return p


@pytest.mark.parametrize(
    ("overrides", "prop", "needle"),
    [
        ({"subject_type": "individual"}, "subject_type", "individual"),
        ({"service_categories": ["在线教育"]}, "service_categories", "电商平台"),
        ({"scene": "education", "service_categories": ["电商平台"]}, "service_categories", "在线教育"),
        ({"mini_program_app_id": "wx123"}, "mini_program_app_id", "wx123"),
        ({"plugin_version": "1.2.0"}, "plugin_version", "1.2.1"),
        ({"scene": "offline_event", "service_categories": []}, "event_permit", ""),
        ({"console_status": "approved"}, "console_status", "approved"),
    ],
)
def test_check_refuses_bad_applications_naming_the_property(
    stack: Stack, overrides: dict[str, object], prop: str, needle: str
) -> None:
    result = provider(stack).check({}, licence_inputs(**overrides))
    props = {f.property for f in result.failures}
    assert prop in props
    assert any(needle in f.reason for f in result.failures if f.property == prop)


def test_check_accepts_a_good_application_and_defaults_the_plugin_version(stack: Stack) -> None:
    result = provider(stack).check({}, licence_inputs())
    assert result.failures == []
    assert result.inputs["plugin_version"] == "1.2.1"


def test_check_skips_values_unknown_during_preview(stack: Stack) -> None:
    result = provider(stack).check({}, licence_inputs(mini_program_app_id=Unknown(), scene=Unknown()))
    assert result.failures == []


@pytest.mark.parametrize("endpoint", ["embedded", "https://live.internal.tencentcloudapi.com"])
def test_the_licence_is_a_declaration_on_every_backend_and_calls_nothing(stack: Stack, endpoint: str) -> None:
    p = provider(stack, **{"tclive:endpoint": endpoint})  # no credentials: an API call would fail
    created = p.create(licence_inputs(console_status="pending_review"))
    assert created.id == APP_ID
    assert created.outs["status"] == "pending_review"
    assert created.outs["plugin_app_id"] == "wx95a7d2b78cf30f98"
    assert created.outs["min_plugin_version"] == "1.2.1"
    assert any("console_status" in step for step in created.outs["next_steps"])
    assert p.read(APP_ID, created.outs).outs["status"] == "pending_review"
    assert p.update(APP_ID, created.outs, licence_inputs(console_status="available")).outs["status"] == "available"
    # Nothing reached the emulator: no application in its console, no API call in its log.
    listed = stack.console.call(DESCRIBE_PLUGIN_LICENSES, DescribePluginLicensesRequest())
    assert listed.TotalCount == 0
    assert stack.calls() == {}


def test_without_console_status_the_status_is_undeclared(stack: Stack) -> None:
    stack.hold_available_licence(APP_ID)  # what the account holds is not asked: there is no API for it
    created = provider(stack, **{"tclive:emulatorAutoApprove": "true"}).create(licence_inputs())
    assert created.outs["status"] == "undeclared"
    assert created.outs["next_steps"][0].startswith("In the WeChat mini-program admin")


def test_delete_never_revokes_the_licence(stack: Stack) -> None:
    stack.hold_available_licence(APP_ID)
    p = provider(stack)
    created = p.create(licence_inputs(console_status="available"))
    p.delete(APP_ID, created.outs)
    listed = stack.console.call(DESCRIBE_PLUGIN_LICENSES, DescribePluginLicensesRequest(MiniProgramAppIds=[APP_ID]))
    assert [x.Status for x in listed.Licenses] == ["available"]


def test_app_id_change_replaces_other_changes_update(stack: Stack) -> None:
    p = provider(stack)
    outs = p.create(licence_inputs()).outs
    replaced = p.diff(APP_ID, outs, licence_inputs(mini_program_app_id="wxfedcba9876543210"))
    assert replaced.changes and replaced.replaces == ["mini_program_app_id"]
    renamed = p.diff(APP_ID, outs, licence_inputs(mini_program_name="Acme Mall"))
    assert renamed.changes and not renamed.replaces
    assert not p.diff(APP_ID, {**outs, "status": "available"}, licence_inputs()).changes


def test_a_new_console_status_is_an_update(stack: Stack) -> None:
    p = provider(stack)
    outs = p.create(licence_inputs(console_status="pending_payment")).outs
    assert not p.diff(APP_ID, outs, licence_inputs(console_status="pending_payment")).changes
    paid = p.diff(APP_ID, outs, licence_inputs(console_status="available"))
    assert paid.changes and not paid.replaces
    updated = p.update(APP_ID, outs, licence_inputs(console_status="available"))
    assert updated.outs["status"] == "available"
    assert len(updated.outs["next_steps"]) == 1  # adding the domains


def test_real_cloud_records_the_application_without_any_api_call(tmp_path: object) -> None:
    p = PluginLicenseProvider()
    from pulumi.dynamic import ConfigureRequest
    from pulumi.dynamic.config import Config

    p.configure(ConfigureRequest(Config({}, "tests")))  # real cloud, and no credentials at all
    created = p.create(licence_inputs(console_status="pending_payment"))
    assert created.outs["status"] == "pending_payment"
    assert created.outs["managed_by"] == "Tencent Cloud console"
    assert any("pay" in step.lower() or "付款" in step for step in created.outs["next_steps"])
    assert p.read(APP_ID, created.outs).outs["status"] == "pending_payment"
