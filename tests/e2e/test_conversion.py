"""An existing standard domain turned into a mini-program play domain, through the offline engine (issue 17).

The change replaces the domain with one that can never be deleted (R8): preview refuses it until the
program acknowledges it, and then the domain and its CNAME come out protected and retained.
"""

from __future__ import annotations

from pathlib import Path

from tests.e2e.test_day2 import LICENCE, open_stack


def program(scene: str, *extra: str) -> str:
    arguments = "".join(f", {argument}" for argument in extra)
    return (
        "import pulumi\nimport pulumi_tclive as tclive\n"
        + LICENCE
        + f'play = tclive.LiveDomain("play", domain_name="play.example.com", domain_type="play", scene="{scene}", '
        f"plugin_license=lic{arguments})\n"
        'tclive.CnameRecord("play-cname", name=play.domain_name, target=play.cname_target)\n'
    )


def test_turning_a_standard_domain_into_a_mini_program_play_domain_needs_an_acknowledgement(tmp_path: Path) -> None:
    with open_stack(tmp_path / "conversion") as stack:
        stack.write(program("standard"))
        assert stack.engine.up(skip_preview=True).ok
        stack.write(program("mini_program"))
        refused = stack.engine.preview()
        assert refused.exit_code != 0
        assert "the mini-program play domain play.example.com, which can never be deleted" in refused.text
        assert "the change is permanent" in refused.text and "add acknowledge_permanent=True" in refused.text
        assert not stack.engine.up().ok and stack.domains() == {"play.example.com": (1, 0)}  # still standard

        stack.write(program("mini_program", "acknowledge_permanent=True"))
        converted = stack.engine.up()
        assert converted.ok, converted.text
        assert stack.domains() == {"play.example.com": (1, 1)}
        options = {entry.name: (entry.protect, entry.retain_on_delete) for entry in stack.engine.read_state().resources}
        assert options["play"] == options["play-cname"] == (True, True)
