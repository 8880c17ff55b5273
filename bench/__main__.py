"""Run every benchmark module (or the ones named on the command line)."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def _modules() -> list[str]:
    here = Path(__file__).parent
    return sorted(
        info.name
        for info in pkgutil.iter_modules([str(here)])
        if not info.name.startswith("_") and info.name != "generate"
    )


def main(names: list[str]) -> None:
    for name in names or _modules():
        module = importlib.import_module(f"bench.{name}")
        runner = getattr(module, "main", None)
        if runner is not None:
            runner()
            sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
