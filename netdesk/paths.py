"""Every path NetDesk uses, in one place.

The data directory comes from `--data-dir`, else `NETDESK_DATA_DIR`, else platformdirs' user data
dir. Logs go to platformdirs' log dir (or `<data dir>/logs` when the data dir is overridden, so a
test or a portable install keeps everything together).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NamedTuple

APP_NAME = "NetDesk"
APP_ID = "netdesk"
ENV_DATA_DIR = "NETDESK_DATA_DIR"


class Paths(NamedTuple):
    """Resolved locations for one run of NetDesk (a NamedTuple: `dataclasses` is not loaded
    before the first paint)."""

    data_dir: Path
    log_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "netdesk.db"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "netdesk.log"

    @property
    def socket_name(self) -> str:
        """The single-instance server name, unique per data dir and user."""
        import zlib  # loaded already; hashlib would load OpenSSL before the first paint

        digest = f"{zlib.crc32(str(self.data_dir.resolve()).encode()):08x}"
        user = os.environ.get("USER") or os.environ.get("USERNAME") or str(os.getuid())
        return f"netdesk-{user}-{digest}"


def resolve(data_dir: str | os.PathLike[str] | None = None) -> Paths:
    """Resolve the data and log directories from the argument, environment and platform."""
    chosen = data_dir or os.environ.get(ENV_DATA_DIR)
    if chosen:
        root = Path(chosen).expanduser().resolve()
        return Paths(data_dir=root, log_dir=root / "logs")
    import platformdirs

    return Paths(
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )


def resources_dir() -> Path:
    """The `resources/` folder: beside the package in a checkout, inside the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def licences_dir() -> Path:
    """Where LICENSE is: the checkout's root, or the bundle's `licenses/`, which also holds the
    THIRD-PARTY-NOTICES.txt that packaging/notices.py writes at build time."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "licenses"
    return Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    """A file under `resources/`."""
    return resources_dir().joinpath(*parts)
