"""The ``tclive`` policy pack: run with ``pulumi preview --policy-pack policy``.

Only builds the pack; the policies live in ``tclive_policies`` so tests can import them without
starting the pack's gRPC server.
"""

from pulumi_policy import PolicyPack
from tclive_policies import ALL_POLICIES

PolicyPack("tclive", policies=ALL_POLICIES)
