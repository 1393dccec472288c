"""``[diff: …]`` groups a step's properties as the CLI's rows.go does: adds, then deletes, then updates."""

from __future__ import annotations

from pulumi_tclive.testing._diff import property_diffs, short_diff


def test_a_diff_mixing_adds_deletes_and_updates_groups_them_in_the_clis_order() -> None:
    # Key order (a, b, m, n, x, z) is not group order: only grouping puts "+" first, "-" second, "~" last.
    olds = {"a_ttl": 600, "b_weight": 1, "m_comment": "old", "n_region": "global", "same": True}
    news = {"a_ttl": 300, "b_weight": 2, "x_remark": "new", "z_line": "默认", "same": True}
    diffs = property_diffs(olds, news, replaces=("b_weight",))
    assert [(d.key, d.kind, d.symbol) for d in diffs] == [
        ("a_ttl", "update", "~"),
        ("b_weight", "update-replace", "~"),
        ("m_comment", "delete", "-"),
        ("n_region", "delete", "-"),
        ("x_remark", "add", "+"),
        ("z_line", "add", "+"),
    ]
    assert short_diff(diffs) == "diff: +x_remark,z_line-m_comment,n_region~a_ttl,b_weight"
