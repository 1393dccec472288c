"""Generated names: valid, unique Python identifiers and Pulumi names, stable from run to run; IDNs shown decoded."""

from __future__ import annotations

import keyword

from hypothesis import given
from hypothesis import strategies as st

from pulumi_tclive.importer._names import Namer, unicode_form


def test_domains_become_readable_identifiers() -> None:
    namer = Namer()
    assert namer.identifier("mp-play.example.com") == "mp_play_example_com"
    assert namer.identifier("1live.example.com") == "d_1live_example_com"
    assert namer.identifier("live.xn--bcher-kva.de") == "live_xn_bcher_kva_de"


def test_colliding_keyword_and_reserved_names_get_distinct_identifiers() -> None:
    namer = Namer()
    first, second = namer.identifier("a-b.example.com"), namer.identifier("a.b.example.com")
    assert (first, second) == ("a_b_example_com", "a_b_example_com_2")
    assert namer.identifier("import") == "import_"
    assert namer.identifier("config") == "config_2", "the program binds `config` itself"
    assert namer.identifier("pulumi") == "pulumi_2"


def test_pulumi_names_are_the_domains_and_unique() -> None:
    namer = Namer()
    assert namer.resource_name("play.example.com") == "play.example.com"
    assert namer.resource_name("play.example.com") == "play.example.com-2"
    assert "::" not in namer.resource_name("a::b")


def test_idns_are_shown_in_unicode() -> None:
    assert unicode_form("live.xn--bcher-kva.de") == "live.bücher.de"
    assert unicode_form("play.example.com") == "play.example.com"
    assert unicode_form("xn--broken--.example") == "xn--broken--.example"


@given(st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=30))
def test_any_labels_give_unique_valid_identifiers(labels: list[str]) -> None:
    namer = Namer()
    made = [namer.identifier(label) for label in labels]
    assert len(set(made)) == len(made)
    for name in made:
        assert name.isidentifier() and name.isascii() and not keyword.iskeyword(name)
