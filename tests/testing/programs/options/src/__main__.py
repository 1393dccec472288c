"""Toy program exercising resource options; config flags add, remove or change resources."""

import pulumi
from tests.testing.toy_provider import Item, ProtectedItem

config = pulumi.Config()
group = pulumi.ComponentResource("toy:index:Group", "group")
if config.get_bool("withGuarded") is not False:
    ProtectedItem("guarded", item_name=config.get("guardedName") or "guarded", value="g")
if config.get_bool("withKept") is not False:
    Item("kept", item_name="kept", value="k", opts=pulumi.ResourceOptions(retain_on_delete=True, parent=group))
Item(
    "sticky",
    item_name="sticky",
    value=config.get("stickyValue") or "s1",
    opts=pulumi.ResourceOptions(ignore_changes=["value"]),
)
Item(
    "swapped",
    item_name=config.get("swappedName") or "swap-a",
    value="w",
    opts=pulumi.ResourceOptions(delete_before_replace=True),
)
if config.get_bool("withVault"):
    # The label is computed from the secret value, so it must be declared secret too.
    Item(
        "vault",
        item_name="vault",
        value=pulumi.Output.secret("hunter2-in-vault"),
        opts=pulumi.ResourceOptions(additional_secret_outputs=["label"]),
    )
if config.get_bool("withBad"):
    Item("bad", item_name="bad", value="x", size=-1)
if config.get_bool("withBoom"):
    Item("boom", item_name="explode", value="x")
