"""Two checkouts' starts until usable, paired: is a change to start-up faster, or noise?

`python -m bench._startup_ab BASE CHANGED [--view today] [--contacts 0] [--rounds 30]`

Each round starts a bare PySide6 window (the floor, as `bench.startup`), then BASE and CHANGED in
turn (which first alternates), each the way `bench.startup` times usable: the full check due, no
backup of the day. Prints the median ratio to the floor of each and the median of the rounds'
CHANGED/BASE. Start-up spreads by ±3% between runs on a quiet machine (BASE against itself, 16
rounds: paired medians 0.98-1.03): a change of a few percent needs 30 rounds or more.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from bench.startup import _child, _network, _usable_once


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench._startup_ab")
    parser.add_argument("base", type=Path)
    parser.add_argument("changed", type=Path)
    parser.add_argument("--view", default="today", choices=["today", "contacts"])
    parser.add_argument("--contacts", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="netdesk-ab-") as tmp:
        data_dir = _network(Path(tmp), args.contacts)
        checkouts = (args.base.resolve(), args.changed.resolve())
        for checkout in checkouts:
            _usable_once(data_dir, args.view, checkout)  # warm the file cache and the bytecode
        ratios: tuple[list[float], list[float]] = ([], [])
        for round_ in range(args.rounds):
            started, (painted,) = _child("bare", checkout=checkouts[0])
            floor = painted - started
            for side in (0, 1) if round_ % 2 == 0 else (1, 0):
                seconds, _stall, _after = _usable_once(data_dir, args.view, checkouts[side])
                ratios[side].append(seconds / floor)
    base, changed = (statistics.median(side) for side in ratios)
    paired = statistics.median(b / a for a, b in zip(*ratios, strict=True))
    print(f"startup_usable_ratio base: {base:.3f}")
    print(f"startup_usable_ratio changed: {changed:.3f}")
    print(f"changed/base, median of {args.rounds} rounds: {paired:.3f}")


if __name__ == "__main__":
    main()
