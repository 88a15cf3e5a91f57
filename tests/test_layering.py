"""The package structure holds (DESIGN.md §9): no import cycle between signkit's packages,
``ir`` a leaf, every backend the only importer of its library, no reportlab internals."""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "signkit"


def unit(module: str) -> str:
    """The package (or top-level module) a dotted module name belongs to: signkit.layout.flow → layout."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def imports() -> dict[str, set[str]]:
    """signkit unit → the signkit units its modules import (at any level of the file)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        module = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        package = module if rel.name == "__init__" else module.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                    targets = [target] if node.module else [f"{target}.{a.name}" for a in node.names]
                elif node.module and node.module.startswith("signkit"):
                    targets = [node.module]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.startswith("signkit")]
            for target in targets:
                if target.startswith("signkit.") and unit(target) != unit(module):
                    graph[unit(module)].add(unit(target))
    return graph


def test_no_import_cycle_between_packages():
    graph = imports()
    seen: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        seen[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if seen.get(nxt) == 1:
                raise AssertionError("import cycle: " + " → ".join(stack[stack.index(nxt):] + [node, nxt]))
            if nxt not in seen:
                visit(nxt, stack + [node])
        seen[node] = 2

    for node in sorted(graph):
        if node not in seen:
            visit(node, [])


def test_ir_is_a_leaf_and_text_reads_only_the_ir():
    graph = imports()
    assert graph.get("ir", set()) == set()
    assert graph.get("text", set()) <= {"ir", "errors", "i18n"}


def test_each_library_has_one_importer_and_no_reportlab_internals():
    owners = {"reportlab": {"render/pdf.py"}, "svgwrite": {"render/svg.py"}, "cairosvg": {"render/png.py"},
              "cairocffi": {"render/png.py"}}
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(PACKAGE).as_posix()
        for library, allowed in owners.items():
            if re.search(rf"^\s*(import|from) {library}\b", text, re.M):
                assert rel in allowed, f"{rel} imports {library}"
        if rel == "render/pdf.py":
            assert not re.search(r"\b(canvas|doc|rl_config)\._\w", text) and "rl_config" not in text
