"""Toy program: ``first`` and ``second`` (whose value is ``first``'s computed label).

Config ``firstName`` / ``firstValue`` change the first item; ``withSecond=false`` removes the second.
"""

import pulumi
from tests.testing.toy_provider import Item

config = pulumi.Config()
first = Item("first", item_name=config.get("firstName") or "first", value=config.get("firstValue") or "one")
pulumi.export("firstLabel", first.label)
if config.get_bool("withSecond") is not False:
    second = Item("second", item_name="second", value=first.label)
    pulumi.export("secondLabel", second.label)
pulumi.export("copies", config.get_int("copies"))
pulumi.export("token", pulumi.Config("toy").require_secret("apiToken"))
