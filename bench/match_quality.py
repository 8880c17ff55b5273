"""Who the importer takes for whom, on gen_network.py data, measured against its truth.json.

Prints, for each network (N people, seed), the figures `tests.testdata.network.measure` gives
(contacts after the vCard file, impure contacts, contacts the later files created, pairwise
match precision and recall, job changes applied, listed, false and kept in the history; what
each means is said there), and exits 1 unless all are what a correct importer gives.

    python -m bench match_quality                         # N = 2,000, seed 1
    python -m bench.match_quality --n 2000 10000 --seeds 1 2 3 4 5

Needs ../shared/tools/gen_network.py (the shared tools of the project).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from tests.testdata.network import generate, generator, measure


def run(sizes: list[int], seeds: list[int]) -> bool:
    """Measure and print every (N, seed); whether all were perfect."""
    perfect = True
    with tempfile.TemporaryDirectory(prefix="netdesk-match-") as tmp:
        for n in sizes:
            for seed in seeds:
                folder = Path(tmp) / f"net-{n}-{seed}"
                generate(n, seed, folder)
                quality = measure(folder, folder / "data")
                perfect &= quality.perfect()
                print(
                    f"match N={n} seed={seed}: contacts_after_vcf {quality.contacts_after_vcf}"
                    f"/{quality.people}, impure_contacts {quality.impure_contacts}, "
                    f"created_by_google_linkedin {quality.created_by_google_linkedin}, "
                    f"match_precision {quality.precision:.4f}, "
                    f"match_recall {quality.recall:.4f}, job_changes_applied "
                    f"{quality.job_changes_applied}/{quality.job_changes}, job_changes_listed "
                    f"{quality.job_changes_listed}/{quality.job_changes}, false_job_changes "
                    f"{quality.false_job_changes}, job_histories "
                    f"{quality.job_histories}/{quality.job_changes}",
                    flush=True,
                )
    return perfect


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[2000])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1])
    args = parser.parse_args(argv or [])
    if generator() is None:
        print("match quality: skipped (../shared/tools/gen_network.py is absent)")
        return
    if not run(args.n, args.seeds):
        raise SystemExit(1)


if __name__ == "__main__":
    main(sys.argv[1:])
