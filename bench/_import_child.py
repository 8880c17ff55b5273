"""One import in a fresh process, as the app wires it: `python -m bench._import_child DATA FILE...`.

Builds the app's `Services` over DATA (a new or existing data dir), plans and applies the import of
FILE... through `services.importing` (the follow-up service's cadence resync runs on the published
change, as in the app) and prints one JSON line: `seconds` (plan + apply), `peak_rss_mb` (the
process's high-water mark, start-up included), `created`, `failed` and `job_changes`. A process
each, so every peak is its import's own.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def import_files(data_dir: Path, files: list[Path]) -> dict[str, float]:
    """Import `files` into the database in `data_dir`; the figures of that import."""
    from netdesk import paths as netdesk_paths
    from netdesk.core.services import Services
    from netdesk.store.db import close_database, open_database

    paths = netdesk_paths.resolve(data_dir)
    open_database(paths.database, daily_backup=False)
    services = Services(paths=paths)
    started = time.perf_counter()
    plan = services.importing.plan(files)
    report = services.importing.apply(plan)
    seconds = time.perf_counter() - started
    close_database()
    return {
        "seconds": seconds,
        "peak_rss_mb": peak_rss_kb() / 1024,
        "created": report.created,
        "failed": report.failed,
        "job_changes": report.job_changes,
    }


def peak_rss_kb() -> int:
    """This process's peak resident memory: VmHWM where /proc has it (getrusage's ru_maxrss
    keeps the high-water mark of the parent that forked this process, before the exec)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1])


def run(data_dir: Path, *files: Path) -> dict[str, float]:
    """The figures of importing `files` into `data_dir`, measured in a child process."""
    import subprocess

    args = [sys.executable, "-m", "bench._import_child", str(data_dir), *map(str, files)]
    done = subprocess.run(args, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    figures = import_files(Path(sys.argv[1]), [Path(a) for a in sys.argv[2:]])
    print(json.dumps(figures))
