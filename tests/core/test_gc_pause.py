"""gc_paused: the collector is off inside and back as it was afterwards, also after an error."""

from __future__ import annotations

import gc

import pytest

from netdesk.core.gc_pause import gc_paused


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
