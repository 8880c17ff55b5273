"""The cyclic garbage collector paused while an import builds or writes many objects.

Every full collection walks all the drafts built so far (and gets slower the longer the process
has lived), which made parsing a large file markedly slower (bench/README.md). An import makes no
garbage cycles worth collecting mid-way; the collector runs again as soon as it is over.

The objects made meanwhile (drafts, their methods, the planned cards: many times the cards) would
all sit in the youngest generation, and the first young collection after the block would walk them
all at the end of every plan. They are moved to the oldest generation instead (`gc.freeze()` then
`gc.unfreeze()` splices the lists without walking them), where the next full collection looks at
them with everything else.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the collector for the block (left disabled if it was disabled before); what the
    block made joins the oldest generation."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()


_held = False


def hold_for_startup() -> None:
    """Stop collecting while the GUI starts, until `release_after_startup`: start-up makes the
    modules, the window and its views, which live as long as the process, and each full
    collection meanwhile walked them all again."""
    global _held
    _held = gc.isenabled()
    gc.disable()


def release_after_startup() -> None:
    """Collect again after `hold_for_startup` (nothing without a hold), everything made so far
    frozen (`gc.freeze`): kept for the session, it is never walked by a collection again, so
    later full collections are shorter too."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()
