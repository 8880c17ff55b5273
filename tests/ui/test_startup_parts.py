"""Start-up imports a view's modules (and the importer's, sync's) a few a step, leaves first
(`startup.ui_parts`): each part, imported in the planned order, loads no other `netdesk.ui`
module, so no step defines a whole view. A fresh process per module: imports are seen once."""

from __future__ import annotations

import pytest

from netdesk.ui.startup import TOOL_MODULES
from netdesk.ui.views import default_views
from tests.ui.fresh_process import probe

PROBE = """
import importlib, json, sys
import netdesk.ui.main_window
from netdesk.ui.startup import ui_parts
parts = ui_parts(sys.argv[1])
loads = []
for part in parts:
    before = set(sys.modules)
    importlib.import_module(part)
    loads.append(sorted(n for n in set(sys.modules) - before if n.startswith("netdesk.ui")))
print(json.dumps([parts, loads, ui_parts(sys.argv[1])]))
"""


@pytest.mark.parametrize(
    "module", [*(spec.module for spec in default_views()), *TOOL_MODULES], ids=str
)
def test_each_part_of_a_view_loads_only_itself(module: str) -> None:
    parts, loads, after = probe(PROBE, module)  # type: ignore[misc]

    assert parts[-1] == module and len(parts) > 1
    assert loads == [[part] for part in parts]
    assert after == []  # those imported already are left out
