"""Toy program for the review flags.

``alpha`` takes ``alphaName`` / ``alphaValue`` from config (a new name replaces it); ``beta`` holds
the secret ``betaValue``; ``invalid=N`` adds N items whose negative size fails Check, and one more,
fed by the first of them, that fails Check too.
"""

import pulumi
from tests.testing.toy_provider import Item

config = pulumi.Config()
Item("alpha", item_name=config.get("alphaName") or "alpha", value=config.get("alphaValue") or "one")
# The label is computed from the secret, so it is declared secret too (else state holds it in clear).
Item(
    "beta",
    item_name="beta",
    value=config.require_secret("betaValue"),
    opts=pulumi.ResourceOptions(additional_secret_outputs=["label"]),
)
bad = [
    Item(f"bad{index}", item_name=f"bad{index}", value="x", size=-(index + 1))
    for index in range(config.get_int("invalid") or 0)
]
if bad:
    # Fed by an invalid item, and invalid itself: it is checked all the same.
    Item("bad-child", item_name="bad-child", value=bad[0].label, size=-10)
secret_size = config.get_secret_int("secretSize")
if secret_size is not None:
    # A secret input that fails Check: the engine's message must not show its value.
    Item("secret-size", item_name="secret-size", value="x", size=secret_size)
