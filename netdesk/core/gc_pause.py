"""The cyclic garbage collector paused while an import builds or writes many objects.

Measured on 10,000 vCards (`python -m bench importing`): parsing took 0.54 s with the collector
running and 0.33 s without it, because every full collection walks all the drafts built so far
(and gets slower the longer the process has lived). An import makes no garbage cycles worth
collecting mid-way; the collector runs again as soon as it is over.

The objects made meanwhile (a plan of 10,000 cards leaves ~115,000: drafts, their methods, the
planned cards) would all sit in the youngest generation, and the first young collection after the
block would walk them: ~40 ms at the end of every plan. They are moved to the oldest generation
instead (`gc.freeze()` then `gc.unfreeze()` splices the lists without walking them), where the
next full collection looks at them with everything else.
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
