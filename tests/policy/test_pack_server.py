"""The pack as the Pulumi CLI runs it: ``python -m pulumi.policy <engine> policy`` serving gRPC.

Checks what only the running pack shows: ``__main__.py`` finds ``tclive_policies`` next to it,
the CLI sees each policy's default enforcement level, and policy config changes it.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import grpc
import pytest
from google.protobuf import empty_pb2, struct_pb2
from policy.tclive_policies import LIVE_DOMAIN_TYPE
from pulumi.runtime.proto import analyzer_pb2, analyzer_pb2_grpc

REPOSITORY = Path(__file__).resolve().parents[2]
MINI_PROGRAM_PLAY_URN = f"urn:pulumi:dev::acme-live::{LIVE_DOMAIN_TYPE}::mp-play"


@pytest.fixture(scope="module")
def analyzer() -> Iterator[Any]:
    """A running pack and a gRPC stub to it; the engine address is never dialled by the pack."""
    pack = subprocess.Popen(
        [sys.executable, "-m", "pulumi.policy", "127.0.0.1:1", "policy"], cwd=REPOSITORY, stdout=subprocess.PIPE
    )
    try:
        assert pack.stdout is not None
        port = int(pack.stdout.readline())
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            yield analyzer_pb2_grpc.AnalyzerStub(channel)
    finally:
        pack.kill()
        pack.wait()


def unprotected_mini_program_play_domain() -> Any:
    properties = struct_pb2.Struct()
    properties.update(
        {
            "domain_name": "mp-play.example.com",
            "domain_type": "play",
            "scene": "mini_program",
            "plugin_license": "lic-0001",
        }
    )
    return analyzer_pb2.AnalyzerResource(
        type=LIVE_DOMAIN_TYPE,
        name="mp-play",
        urn=MINI_PROGRAM_PLAY_URN,
        properties=properties,
        options=analyzer_pb2.AnalyzerResourceOptions(protect=False),
    )


def stack_diagnostics(analyzer: Any) -> dict[str, int]:
    request = analyzer_pb2.AnalyzeStackRequest(resources=[unprotected_mini_program_play_domain()])
    return {d.policyName: d.enforcementLevel for d in analyzer.AnalyzeStack(request).diagnostics}


def test_pack_announces_its_policies_with_default_levels(analyzer: Any) -> None:
    info = analyzer.GetAnalyzerInfo(empty_pb2.Empty())
    assert info.name == "tclive"
    assert {p.name: p.enforcementLevel for p in info.policies} == {
        "tclive-live-domain-has-cname": analyzer_pb2.MANDATORY,
        "tclive-mini-program-play-domain-protected": analyzer_pb2.MANDATORY,
        "tclive-mini-program-play-cname-protected": analyzer_pb2.MANDATORY,
        "tclive-mini-program-domains-need-license": analyzer_pb2.MANDATORY,
        "tclive-unique-domain-names": analyzer_pb2.MANDATORY,
        "tclive-standard-play-domain-for-app-web": analyzer_pb2.ADVISORY,
    }


def test_unprotected_domain_is_refused_before_its_step(analyzer: Any) -> None:
    domain = unprotected_mini_program_play_domain()
    request = analyzer_pb2.AnalyzeRequest(
        type=domain.type, name=domain.name, urn=domain.urn, properties=domain.properties, options=domain.options
    )
    [diagnostic] = analyzer.Analyze(request).diagnostics
    assert diagnostic.policyName == "tclive-mini-program-play-domain-protected"
    assert diagnostic.enforcementLevel == analyzer_pb2.MANDATORY
    assert "LiveDomain 'mp-play' (mp-play.example.com)" in diagnostic.message


def test_policy_config_sets_levels_and_external_licences(analyzer: Any) -> None:
    assert stack_diagnostics(analyzer) == {
        "tclive-live-domain-has-cname": analyzer_pb2.MANDATORY,
        "tclive-mini-program-domains-need-license": analyzer_pb2.MANDATORY,
        "tclive-standard-play-domain-for-app-web": analyzer_pb2.ADVISORY,
    }
    external = struct_pb2.Struct()
    external.update({"externalLicenses": ["lic-0001"]})
    analyzer.Configure(
        analyzer_pb2.ConfigureAnalyzerRequest(
            policyConfig={
                "tclive-live-domain-has-cname": analyzer_pb2.PolicyConfig(enforcementLevel=analyzer_pb2.ADVISORY),
                "tclive-standard-play-domain-for-app-web": analyzer_pb2.PolicyConfig(
                    enforcementLevel=analyzer_pb2.DISABLED
                ),
                "tclive-mini-program-domains-need-license": analyzer_pb2.PolicyConfig(
                    enforcementLevel=analyzer_pb2.MANDATORY, properties=external
                ),
            }
        )
    )
    assert stack_diagnostics(analyzer) == {"tclive-live-domain-has-cname": analyzer_pb2.ADVISORY}
