"""``callback_key`` never reaches outputs (state), an exception or stderr; a console change shows as a digest."""

from __future__ import annotations

import pytest

from pulumi_tclive.cloud.processing import MODIFY_LIVE_CALLBACK_TEMPLATE, ModifyLiveCallbackTemplateRequest
from pulumi_tclive.errors import RuleViolation
from pulumi_tclive.resources import CallbackTemplateProvider
from tests.resources.conftest import Stack

MARKER = "CallbackSecret5e1a9c77"


def test_callback_key_stays_out_of_outputs_errors_and_logs(stack: Stack, capsys: pytest.CaptureFixture[str]) -> None:
    provider = stack.configure(CallbackTemplateProvider())
    with pytest.raises(RuleViolation) as refused:  # check would refuse this URL; create must fail as cleanly
        provider.create({"template_name": "hooks", "stream_begin_notify_url": "ftp://x", "callback_key": MARKER})
    assert "InvalidParameter.InvalidCallbackUrl" in str(refused.value)
    assert MARKER not in str(refused.value) + repr(refused.value)
    wrong_type = provider.check({}, {"template_name": "hooks", "callback_key": [MARKER]}).failures
    assert [f.property for f in wrong_type] == ["callback_key"]
    assert "callback_key (a secret, not shown)" in wrong_type[0].reason and MARKER not in wrong_type[0].reason

    news = provider.check({}, {"template_name": "hooks", "callback_key": MARKER}).inputs
    created = provider.create(news)
    refreshed = provider.read(created.id, created.outs)
    assert MARKER not in repr(created.outs) + repr(refreshed.outs) + repr(refreshed.inputs)
    assert provider.diff(created.id, refreshed.outs, news).changes is False

    stack.console.call(
        MODIFY_LIVE_CALLBACK_TEMPLATE,
        ModifyLiveCallbackTemplateRequest(TemplateId=int(created.id), CallbackKey="other"),
    )
    drifted = provider.read(created.id, created.outs)
    assert drifted.outs["callback_key_digest"] != created.outs["callback_key_digest"]
    assert "other" not in repr(drifted.outs)
    assert provider.diff(created.id, drifted.outs, news).changes is True  # up puts the program's key back
    captured = capsys.readouterr()
    assert MARKER not in captured.out + captured.err
