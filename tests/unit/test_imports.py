"""The import rules of the house, read from the source (nothing is imported here).

- No import cycles between the project's modules, late (function-level) imports included: a
  cycle hides which module a newcomer must read first, and breaks on a change of import order.
- The pure modules (data package, formats, texts, selection, charts, maps, exports, the
  workshop parser, the page list) import no Streamlit, so tests and exports call them without it.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PURE = ("nplv_data", "nplv_app.fmt", "nplv_app.i18n", "nplv_app.text", "nplv_app.selection",
        "nplv_app.theme", "nplv_app.charts", "nplv_app.maps", "nplv_app.overview",
        "nplv_app.exports", "nplv_app.workshop", "nplv_app.pages", "nplv_app.memo")


def _modules() -> dict[str, Path]:
    found = {}
    files = [*ROOT.glob("nplv_app/**/*.py"), *ROOT.glob("nplv_data/**/*.py"),
             *ROOT.glob("views/*.py"), ROOT / "app.py"]
    for path in files:
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Every module of ours (or outside name, as given) that ``name`` imports anywhere."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            out.add(base)
            out.update(f"{base}.{alias.name}" for alias in node.names
                       if f"{base}.{alias.name}" in modules)
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) & modules.keys()
            for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                other = stack.pop()
                group.append(other)
                if other == node:
                    break
            if len(group) > 1 or node in graph[node]:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles():
    assert _cycles(_graph()) == []


def test_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_pure_modules_import_no_streamlit():
    modules = _modules()
    for name, path in modules.items():
        if name.startswith(PURE):
            used = _imports(name, path, modules)
            assert not any(u == "streamlit" or u.startswith("streamlit.") for u in used), name


def test_chart_builders_take_frames_not_the_database():
    """Builders are pure (frames in, specs and frames out); the functions that run queries for
    them live in ``nplv_app.derived``."""
    modules = _modules()
    for name, path in modules.items():
        if name.startswith(("nplv_app.charts", "nplv_app.maps", "nplv_app.overview",
                            "nplv_app.exports")):
            assert "nplv_data.queries" not in _imports(name, path, modules), name
