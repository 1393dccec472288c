"""Adopt a live domain that already exists in the account (added in the console, or by a failed run).

`pulumi import` does not work for Python dynamic resources (pulumi/pulumi#16175), so adoption is an
argument: with adopt_existing=True, create finds the domain, checks that its type, scene and
slow-live setting match the declaration (a mismatch is an error, never a silent change), then
brings enabled/play_region to what is declared. Without it, an existing domain is an error.

Try it on the emulator: add the domain out of band first, e.g. from the repository root with
    tclive emulator call --state examples/adopt-existing/.tclive/emulator.sqlite3 --create \
        live AddLiveDomain '{"DomainName": "legacy.example.com", "DomainType": 1}'
then `python -m pulumi_tclive.testing up examples/adopt-existing` (from any directory).
"""

import pulumi

import pulumi_tclive as tclive

legacy = tclive.LiveDomain(
    "legacy-play",
    domain_name="legacy.example.com",
    domain_type="play",
    play_region="global",
    adopt_existing=True,
)

pulumi.export("adopted", legacy.adopted)
pulumi.export("cname_target", legacy.cname_target)
