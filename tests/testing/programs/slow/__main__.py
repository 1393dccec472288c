"""Two slow items, ``b`` fed by ``a`` (so ``b`` starts only once ``a`` is created)."""

import pulumi
from tests.testing.slow_provider import SlowItem

a = SlowItem("a")
b = SlowItem("b", after=a.done)
pulumi.export("b", b.done)
