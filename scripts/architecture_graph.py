"""Print the package-level import graph of netdesk as a Mermaid diagram.

docs/architecture.md embeds this output; tests/test_architecture.py checks that it is current,
so the picture in the docs is made from the code and cannot drift from it.
Run: `.venv/bin/python scripts/architecture_graph.py`.
"""

from __future__ import annotations

import grimp

ROOT = "netdesk"


def room(module: str) -> str:
    """The room a module lives in: `ui/contacts`, `core`, `paths`, ..."""
    parts = module.split(".")[1:]
    if not parts:
        return ROOT
    if parts[0] == "ui" and len(parts) > 2:
        return f"ui/{parts[1]}"
    return "ui" if parts[0] == "ui" else parts[0]


def arrows() -> list[tuple[str, str]]:
    """Every (importer room, imported room) pair, sorted, without self-arrows."""
    graph = grimp.build_graph(ROOT)
    pairs: set[tuple[str, str]] = set()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            source, target = room(module), room(imported)
            if source != target:
                pairs.add((source, target))
    return sorted(pairs)


def mermaid() -> str:
    """The graph as a Mermaid flowchart, one arrow a line."""
    lines = ["```mermaid", "flowchart TD"]
    lines += [f'    {_node(a)}["{a}"] --> {_node(b)}["{b}"]' for a, b in arrows()]
    lines.append("```")
    return "\n".join(lines)


def _node(name: str) -> str:
    return name.replace("/", "_").replace("__", "")


if __name__ == "__main__":
    print(mermaid())
