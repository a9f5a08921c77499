"""The package's shape holds: no import cycles, unique file names, dimensions kept apart.

The import graph is read from the source (AST), so it sees every import that can run:
module-level ones and those inside functions alike. Imports under ``if TYPE_CHECKING:`` are
left out (they never run). An import of ``newsfigs.a.b`` also runs the ``__init__`` of its
parent packages; those implicit edges are left out too, or every module would be in a cycle
with ``newsfigs/__init__.py``, which imports the public API.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsfigs"
DIMENSIONS = ("figures", "dates", "names")
SHARED = (
    "newsfigs.core",
    "newsfigs.numbers",
    "newsfigs.units",
    "newsfigs.models",
    "newsfigs.date_info",
)
"""What a dimension may import besides itself: the core and the top-level public modules."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement that can run (function bodies included, TYPE_CHECKING out)."""
    out: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            out.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return out


def _resolve(name: str) -> str | None:
    """The package module ``name`` refers to (``newsfigs.models.Document`` → models)."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def _targets(node: ast.Import | ast.ImportFrom, module: str) -> set[str]:
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    else:
        base = node.module or ""
        if node.level:  # relative: from its package
            package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
            for _ in range(node.level - 1):
                package = package.rpartition(".")[0]
            base = f"{package}.{base}" if base else package
        names = [f"{base}.{a.name}" for a in node.names]  # a submodule, or a name in ``base``
    found = {_resolve(n) for n in names}
    return {t for t in found if t is not None and t != module}


def import_graph() -> dict[str, set[str]]:
    """Module → package modules it imports at run time."""
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        edges: set[str] = set()
        for node in _runtime_imports(tree):
            edges |= _targets(node, module)
        graph[module] = edges
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component: list[str] = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return out


def test_the_graph_sees_function_level_imports_and_finds_cycles() -> None:
    graph = import_graph()
    assert "newsfigs.dates.find_dates" in graph["newsfigs.api"]  # inside default_recognizers
    assert "newsfigs.units" in graph["newsfigs.models"]  # inside Figure.quantity
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles() -> None:
    assert _cycles(import_graph()) == []


def test_no_two_modules_share_a_file_name() -> None:
    names = Counter(p.name for p in MODULES.values() if p.name != "__init__.py")
    assert [n for n, count in names.items() if count > 1] == []


def test_dimensions_import_only_core_the_public_modules_and_themselves() -> None:
    graph = import_graph()
    wrong: dict[str, list[str]] = {}
    for dim in DIMENSIONS:
        own = f"newsfigs.{dim}"
        for module, targets in graph.items():
            if module != own and not module.startswith(own + "."):
                continue
            bad = [
                t
                for t in sorted(targets)
                if not (t == own or t.startswith(own + "."))
                and not any(t == s or t.startswith(s + ".") for s in SHARED)
            ]
            if bad:
                wrong[module] = bad
    assert wrong == {}


def test_ci_runs_what_reviewers_run() -> None:
    """``.ci/run``: the README's test command plus ruff and strict mypy over the package."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    root = PACKAGE.parents[1]
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    mypy = config["tool"]["mypy"]
    assert mypy["strict"] is True and "src/newsfigs" in mypy["files"]
    dev = " ".join(config["project"]["optional-dependencies"]["dev"])
    assert all(tool in dev for tool in ("ruff", "mypy", "types-regex"))
    ruff = config["tool"]["ruff"]
    excluded = [*ruff.get("exclude", []), *ruff.get("extend-exclude", [])]
    assert not any("tools" in e for e in excluded), "tools/ is ruff-checked"
    lines = [ln.strip() for ln in (root / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    for command in ('pip install -q -e ".[test]"', "ruff check .", "mypy", "pytest"):
        assert command in lines, command
