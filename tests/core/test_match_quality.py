"""Who the importer takes for whom on a generated realistic network (tests/testdata/network.py):
namesakes at one employer stay apart, and every later row lands on its own person; every job
change of the newer LinkedIn export is listed and recorded in the history, and no other."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.testdata import network


@pytest.mark.parametrize("seed", [1, 2])
def test_network_import_matches_everyone_to_themselves(tmp_path: Path, seed: int, clock) -> None:
    if network.generator() is None:
        pytest.skip("../shared/tools/gen_network.py is absent")
    network.generate(300, seed, tmp_path / "net")
    quality = network.measure(tmp_path / "net", tmp_path / "data", clock)
    assert (quality.contacts_after_vcf, quality.impure_contacts) == (300, 0)
    assert quality.created_by_google_linkedin == 0
    assert (quality.precision, quality.recall) == (1.0, 1.0)
    assert quality.job_changes > 0 and quality.job_changes_applied == quality.job_changes


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_every_job_change_is_found_and_no_other(tmp_path: Path, seed: int, clock) -> None:
    if network.generator() is None:
        pytest.skip("../shared/tools/gen_network.py is absent")
    network.generate(300, seed, tmp_path / "net")
    quality = network.measure(tmp_path / "net", tmp_path / "data", clock)
    assert quality.job_changes > 0
    assert quality.job_changes_listed == quality.job_changes
    assert quality.false_job_changes == 0
    assert quality.job_histories == quality.job_changes
