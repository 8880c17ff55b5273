"""Every view lists the Qt-free modules its module imports (`ViewSpec.needs`): shown first, it
has them imported on a worker, and one missing from the list would be imported on the GUI
thread while the view is made. A fresh process per view, since imports are seen only once."""

from __future__ import annotations

import pytest

from netdesk.ui.startup import QT_FREE_PACKAGES, STORE_MODULES
from netdesk.ui.views import default_views
from tests.ui.fresh_process import probe

PROBE = """
import importlib, json, sys
for name in sys.argv[1:-1]:
    importlib.import_module(name)
before = set(sys.modules)
importlib.import_module(sys.argv[-1])
print(json.dumps(sorted(set(sys.modules) - before)))
"""


@pytest.mark.parametrize("spec", default_views(), ids=lambda spec: spec.key)
def test_a_view_lists_the_qt_free_modules_it_imports(spec) -> None:
    imported = probe(PROBE, *STORE_MODULES, *spec.needs, spec.module)

    assert isinstance(imported, list)
    assert [name for name in imported if name.startswith(QT_FREE_PACKAGES)] == []
    assert all(name.startswith(QT_FREE_PACKAGES) for name in spec.needs)


@pytest.mark.parametrize("spec", default_views(), ids=lambda spec: spec.key)
def test_a_view_lists_only_modules_it_imports(spec) -> None:
    """Listed and not imported by the view, a module would be loaded before the view shown
    first is usable for nothing (Today listed the modules of its sections made after it)."""
    imported = probe(PROBE, *STORE_MODULES, spec.module)

    assert isinstance(imported, list)
    assert sorted(set(spec.needs) - set(imported)) == []
