"""The services are created when first asked for (start-up loads only what the first view
needs), once each; the follow-ups at once, since they listen to the changes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from netdesk.core.importing import ImportService
from netdesk.core.opportunities import OpportunityService

ROOT = Path(__file__).resolve().parents[2]


def test_a_service_is_created_once_when_first_asked_for(services) -> None:
    assert "importing" not in vars(services)
    assert isinstance(services.importing, ImportService)
    assert services.importing is services.importing
    assert services.importing.contacts is services.contacts
    assert isinstance(services.opportunities, OpportunityService)
    assert services.opportunities.templates is services.templates


def test_your_profiles_need_no_event_service_which_shares_them(services) -> None:
    profiles = services.profiles  # Today's "Refresh your profiles" reads them as it is made

    assert "events" not in vars(services)
    assert services.events.profiles is profiles


def test_the_followups_listen_to_changes_before_any_other_service_is_asked_for(
    services,
) -> None:
    assert "followups" in vars(services)
    assert "contacts" not in vars(services)


def test_creating_the_services_imports_none_of_their_modules(tmp_path) -> None:
    probe = (
        "import sys; from netdesk.core.services import Services; from netdesk.paths import Paths;"
        f" Services(Paths({str(tmp_path)!r}, {str(tmp_path)!r}));"
        " print(sorted(m for m in sys.modules if m.startswith('netdesk.core.')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )

    loaded = done.stdout
    for module in ("importing", "event_import", "exporting", "opportunities", "contacts"):
        assert f"'netdesk.core.{module}'" not in loaded
