"""Importing a realistic network: gen_network.py's 10,000 people (10% with photos, national phone
formats, namesakes), and 100 of its cards into a network of 100,000 contacts.

What is timed is what the user waits for: the whole import (read, match, write) through the app's
services in a fresh process, the follow-up service's cadence resync on the published change
included (bench/_import_child.py). Prints `import_10k_network_s` (median of 3),
`import_10k_network_ratio_to_floor` (over bench/importing.py's floor on the same file, same run:
split into lines and insert one row per line; target <= 5), `import_10k_network_peak_rss_mb`
(the highest of the 3 runs' peak RSS; target <= 250) and `import_100_into_100k_s` (median of 3,
each into a fresh copy of a database of 100,000 generated contacts; target <= 0.3) and
`import_100_again_into_100k_s` (the same hundred cards imported again into that copy: all
matches that bring nothing new).
Needs ../shared/tools/gen_network.py; without it the figures are skipped with a note.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import _import_child
from bench.importing import floor_seconds

ROOT = Path(__file__).resolve().parent.parent
GENERATOR_CANDIDATES = (
    ROOT.parent / "shared" / "tools" / "gen_network.py",
    Path("/work/shared/tools/gen_network.py"),
)
PEOPLE = 10_000
RUNS = 3


def generate_network(people: int, folder: Path) -> Path | None:
    """gen_network.py's files for `people` in `folder`; its network.vcf (None without the tool)."""
    tool = next((p for p in GENERATOR_CANDIDATES if p.is_file()), None)
    if tool is None:
        return None
    command = [sys.executable, str(tool), str(people), str(folder)]
    subprocess.run(command, check=True, capture_output=True)
    return folder / "network.vcf"


def first_cards(path: Path, count: int) -> bytes:
    """The first `count` cards of a vCard file."""
    data = path.read_bytes()
    end = 0
    for _ in range(count):
        end = data.index(b"END:VCARD", end) + len(b"END:VCARD\r\n")
    return data[:end]


def network_figures(network: Path, root: Path) -> None:
    floors, runs = [], []
    data = network.read_bytes()
    for run in range(RUNS):
        floors.append(floor_seconds(data, root / f"floor-{run}.db"))
        runs.append(_import_child.run(root / f"network-{run}", network))
    seconds = statistics.median(r["seconds"] for r in runs)
    print(f"import_10k_network_s: {seconds:.3f}")
    print(f"import_10k_network_ratio_to_floor: {seconds / statistics.median(floors):.2f}")
    print(f"import_10k_network_peak_rss_mb: {max(r['peak_rss_mb'] for r in runs):.0f}")


def into_100k_figure(network: Path, root: Path) -> None:
    from bench.generate import generate_contacts

    big = root / "big"
    big.mkdir()
    generate_contacts(big / "netdesk.db", 100_000)
    cards = root / "hundred.vcf"
    cards.write_bytes(first_cards(network, 100))
    seconds, again = [], []
    for run in range(RUNS):
        copy = root / f"big-{run}"
        shutil.copytree(big, copy)
        seconds.append(_import_child.run(copy, cards)["seconds"])
        again.append(_import_child.run(copy, cards)["seconds"])
        shutil.rmtree(copy)
    print(f"import_100_into_100k_s: {statistics.median(seconds):.3f}")
    print(f"import_100_again_into_100k_s: {statistics.median(again):.3f}")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="netdesk-bench-network-") as tmp:
        root = Path(tmp)
        network = generate_network(PEOPLE, root / "net")
        if network is None:
            print("import_10k_network: skipped (../shared/tools/gen_network.py is absent)")
            return
        network_figures(network, root)
        into_100k_figure(network, root)


if __name__ == "__main__":
    main()
