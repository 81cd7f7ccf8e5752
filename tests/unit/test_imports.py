"""The import rules of the house, read from the source (nothing is imported here).

- No import cycles between the project's modules, late (function-level) imports included: a
  cycle hides which module a newcomer must read first, and breaks on a change of import order.
- nplv_app is four rooms and a gate (``LAYERS``); nothing imports from a room above its own.
- The pure rooms (``content``, ``exports``) and the data package import neither Streamlit nor
  ``runtime``, so tests and exports call them without either.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The rooms of nplv_app, top to bottom: a module imports only from its own room or lower ones.
# frame (Streamlit: sidebar, state, ui, downloads) > data gate (data, derived) > runtime (caches,
# workers, speed-ups) > exports (files) > content (pure builders, texts, formats) > nplv_data.
LAYERS = (
    ("app", "views"),
    ("nplv_app.frame",),
    ("nplv_app.data", "nplv_app.derived"),
    ("nplv_app.runtime",),
    ("nplv_app.exports",),
    ("nplv_app.content",),
    ("nplv_data",),
)
PURE = ("nplv_data", "nplv_app.content", "nplv_app.exports")  # no Streamlit, no runtime


def _layer(name: str) -> int | None:
    for level, prefixes in enumerate(LAYERS):
        if any(name == p or name.startswith(p + ".") for p in prefixes):
            return level
    return None


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


def test_pure_rooms_import_neither_streamlit_nor_runtime():
    modules = _modules()
    for name, path in modules.items():
        if name.startswith(PURE):
            used = _imports(name, path, modules)
            assert not any(u == "streamlit" or u.startswith("streamlit.") for u in used), name
            assert not any(u.startswith("nplv_app.runtime") for u in used), name


def test_every_module_lives_in_a_room():
    assert [name for name in _modules() if _layer(name) is None] == ["nplv_app"]


def test_nothing_imports_upward():
    modules = _modules()
    upward = []
    for name, path in modules.items():
        own = _layer(name)
        for used in _imports(name, path, modules) & modules.keys():
            if own is not None and used != "nplv_app" and _layer(used) < own:
                upward.append(f"{name} -> {used}")
    assert upward == []


def test_chart_builders_take_frames_not_the_database():
    """Builders are pure (frames in, specs and frames out); the functions that run queries for
    them live in ``nplv_app.derived``."""
    modules = _modules()
    for name, path in modules.items():
        if name.startswith(("nplv_app.content", "nplv_app.exports")):
            assert "nplv_data.queries" not in _imports(name, path, modules), name
