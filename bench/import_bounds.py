"""Import time and memory on issue 15's adversarial shapes (tests/testdata/shapes.py) at 1×, 4×
and 16×.

Each import runs in its own process through the app's services (bench/_import_child.py), so each
peak RSS is that import's own. Prints, per shape, `import_bounds_<shape>_<n>x_s` and
`..._<n>x_peak_rss_mb`, then `import_bounds_<shape>_16x_ratio` (seconds at 16× over seconds at 1×;
linear work gives about 16, the target is <= 20). `python -m bench import_bounds SHAPE...` runs
only the shapes named.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench import _import_child
from tests.testdata.shapes import SHAPES

SCALES = (1, 4, 16)


def measure(shape: str, scale: int, root: Path) -> dict[str, float]:
    """The figures of importing `shape` at `scale` into a new database under `root`."""
    path = root / f"{shape}-{scale}x.vcf"
    path.write_bytes(SHAPES[shape](scale))
    try:
        return _import_child.run(root / f"data-{shape}-{scale}", path)
    finally:
        path.unlink()


def main(shapes: list[str] | None = None) -> None:
    with tempfile.TemporaryDirectory(prefix="netdesk-bench-bounds-") as tmp:
        for shape in shapes or list(SHAPES):
            seconds = {}
            for scale in SCALES:
                figures = measure(shape, scale, Path(tmp))
                seconds[scale] = figures["seconds"]
                print(f"import_bounds_{shape}_{scale}x_s: {figures['seconds']:.3f}")
                print(f"import_bounds_{shape}_{scale}x_peak_rss_mb: {figures['peak_rss_mb']:.0f}")
                sys.stdout.flush()
            print(f"import_bounds_{shape}_16x_ratio: {seconds[16] / seconds[1]:.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
