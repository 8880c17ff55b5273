"""gc_paused: the collector is off inside and back as it was afterwards, also after an error;
the hold of the GUI's start-up."""

from __future__ import annotations

import gc

import pytest

from netdesk.core.gc_pause import gc_paused, hold_for_startup, release_after_startup


def test_collector_paused_and_restored() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        assert not gc.isenabled()
        raise RuntimeError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled(), "left disabled when it was disabled before"
    finally:
        gc.enable()


def test_what_the_block_made_joins_the_oldest_generation() -> None:
    class Node:
        pass

    with gc_paused():
        made = [Node() for _ in range(1000)]
        cycle: list[object] = []
        cycle.append(cycle)
    young = {id(o) for o in gc.get_objects(generation=0)}
    assert not any(id(node) in young for node in made)
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(node) in oldest for node in made)
    del cycle, made
    assert gc.collect() >= 1  # a full collection still finds the garbage cycle made inside


@pytest.fixture
def unfrozen():
    yield
    gc.unfreeze()
    gc.enable()


def test_held_for_startup_then_what_it_made_is_kept_frozen(unfrozen) -> None:
    """The GUI's start-up runs without collections; released, what it made is never walked
    again; a release without a hold changes nothing."""
    before = gc.get_freeze_count()
    release_after_startup()
    assert gc.isenabled() and gc.get_freeze_count() == before
    hold_for_startup()
    assert not gc.isenabled()
    window = [object() for _ in range(100)]
    release_after_startup()
    assert gc.isenabled() and gc.get_freeze_count() >= before + len(window)
    frozen = gc.get_freeze_count()
    release_after_startup()
    assert gc.get_freeze_count() == frozen
