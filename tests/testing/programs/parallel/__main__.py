"""Eight independent steps, then ``tail`` fed by ``head``'s output (so it must wait for it)."""

import pulumi
from tests.testing.step_log_provider import LoggedStep

for index in range(8):
    LoggedStep(f"independent-{index}")
head = LoggedStep("head")
tail = LoggedStep("tail", after=head.done)
pulumi.export("tail", tail.done)
