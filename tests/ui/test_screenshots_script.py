"""scripts/screenshots.py on a small network at one size: every picture it promises is saved and
none is blank. The script runs in a process of its own, as it is meant to: it sets the locale,
the time zone and every NetDesk folder for itself, runs itself again for a fixed hash seed and
leaves with os._exit (Qt's teardown of its window can crash), none of which a test session
should take in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.testdata.network import generator

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "screenshots.py"
SIZE = "1024x768"
VIEWS = [
    "today",
    "today-goals",
    "today-quiet",
    "contacts",
    "contact-jobs",
    "contacts-none",
    "events",
    "followups-month",
    "followups-week",
    "me",
    "me-pitches",
    "company",
    "company-target",
    "opportunities",
    "opportunities-list",
    "opportunity-dialog",
    "import-preview",
    "import-json-question",
    "import-history",
    "import-preview-mixed",
    "import-result",
    "sync-status",
    "sync-settings",
    "sync-conflicts",
    "sync-preview",
]
"""The pictures taken at each size (sync-* only at 1024x768)."""
ONCE = [
    "focus-list",
    "focus-field",
    "focus-button",
    "tray-menu",
    "tray-due",
    "menu-file",
    "menu-edit",
    "menu-help",
    "shortcuts-560x680",
]


def _colours(image: QImage) -> int:
    """How many colours a grid of every third pixel holds (1: a blank picture)."""
    pixels = range(0, image.width(), 3), range(0, image.height(), 3)
    return len({image.pixel(x, y) for x in pixels[0] for y in pixels[1]})


def test_every_picture_is_saved_and_none_is_blank(tmp_path) -> None:
    tool = generator()
    if tool is None:
        pytest.skip("needs ../shared/tools/gen_network.py")
    out = tmp_path / "shots"
    command = [sys.executable, str(SCRIPT), str(out), "--people", "150", "--sizes", SIZE]
    result = subprocess.run([*command, "--generator", str(tool)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    expected = {f"{name}-{SIZE}.png" for name in VIEWS} | {f"{name}.png" for name in ONCE}
    assert {path.name for path in out.iterdir()} == expected
    for name in sorted(expected):
        image = QImage(str(out / name))
        assert not image.isNull() and _colours(image) > 2, name


def test_a_missing_generator_is_named_not_a_traceback(tmp_path) -> None:
    """Run from a clone without ../shared/tools it ended in a CalledProcessError traceback."""
    missing = tmp_path / "gen_network.py"
    command = [sys.executable, str(SCRIPT), str(tmp_path / "shots"), "--generator", str(missing)]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 2
    assert f"gen_network.py not found ({missing}): pass --generator PATH" in result.stderr
    assert "Traceback" not in result.stderr
