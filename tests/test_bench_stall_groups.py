"""The GUI stall bench's choice of groups (`NETDESK_BENCH_STALL_GROUPS`, bench/gui_stall.py)."""

from __future__ import annotations

import pytest

from bench.gui_stall import GROUPS, chosen_groups


def test_every_group_runs_when_none_is_named() -> None:
    assert chosen_groups(None) == GROUPS
    assert chosen_groups("") == GROUPS


def test_named_groups_run_in_the_bench_order_the_import_last() -> None:
    assert chosen_groups("import, contact") == ("contact", "import")
    assert chosen_groups("views") == ("views",)


def test_an_unknown_group_is_refused_before_anything_runs() -> None:
    with pytest.raises(SystemExit, match="contcat"):
        chosen_groups("contcat,import")
