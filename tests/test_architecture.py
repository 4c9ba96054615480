"""The shape of the package, read from its source with `ast`: data flows one way (no import
cycle, at module level or inside functions), every module fits on a few screens, and every
function is short and simple unless its docstring says why not (docs/architecture.md)."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "nzdprk"
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 60
MAX_COMPLEXITY = 15
#: The words a docstring uses to keep a long or complex function as it is, with the reason.
REASON = "Long because"

#: Modules being reshaped by other work at the same time: their limits are checked once that
#: work is merged. Empty this set (and the test that keeps it honest will say so) after merging.
RESHAPING_ELSEWHERE: set[str] = set()


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {
    _module_name(path): path
    for path in sorted(PACKAGE.rglob("*.py"))
    if "__pycache__" not in path.parts
}


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _type_checking_only(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Whether an import sits under ``if TYPE_CHECKING:`` (never run, so it cannot cycle)."""
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def _imported(name: str, tree: ast.Module) -> Iterator[str]:
    """The package's modules that the module ``name`` imports, anywhere in its code."""
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    here = name if _is_package(name) else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if _type_checking_only(node, parents):
            continue
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name in MODULES)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = here.split(".")[: len(here.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                target = f"{base}.{alias.name}"
                yield target if target in MODULES else base


def import_graph() -> dict[str, set[str]]:
    """Module -> the package's modules it imports. An import of a package a module lives in
    (``from . import __version__``) is left out: Python has loaded it already."""
    graph = {}
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[name] = {
            target
            for target in _imported(name, tree)
            if target in MODULES and target != name and not name.startswith(target + ".")
        }
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_reads_every_kind_of_import():
    assert {"nzdprk.schema", "nzdprk.frames"} <= import_graph()["nzdprk.corpus"]
    assert "nzdprk.timelinejs" in import_graph()["nzdprk.export"]  # inside a function
    assert "nzdprk.plots.style" in import_graph()["nzdprk.plots.timeline"]  # from .style
    assert "nzdprk.labels" in import_graph()["nzdprk.plots.timeline"]  # from ..labels


def test_cycles_are_found_through_function_level_imports():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_among_the_package_modules():
    found = [c for c in cycles(import_graph()) if not set(c) <= RESHAPING_ELSEWHERE]
    assert found == [], "import cycles: " + "; ".join(" <-> ".join(c) for c in found)


def test_the_timeline_export_does_not_need_matplotlib():
    code = "import nzdprk.timelinejs, nzdprk.export, sys; print('matplotlib' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_no_module_is_longer_than_a_few_screens():
    long = {
        name: n
        for name, path in MODULES.items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
        and name not in RESHAPING_ELSEWHERE
    }
    assert long == {}, f"modules past {MAX_MODULE_LINES} lines: {long}"


def _functions() -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield name, node


def _excused(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return REASON in (ast.get_docstring(function) or "")


def test_no_function_is_longer_than_a_screen_without_a_reason():
    long = [
        f"{module}.{f.name} ({f.end_lineno - f.lineno + 1} lines)"
        for module, f in _functions()
        if f.end_lineno - f.lineno + 1 > MAX_FUNCTION_LINES
        and not _excused(f)
        and module not in RESHAPING_ELSEWHERE
    ]
    assert long == [], f"functions past {MAX_FUNCTION_LINES} lines: {long}"


def _too_complex() -> list[tuple[str, int, str]]:
    """(module, line, message) for every function ruff's mccabe check finds too complex."""
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (it is in requirements-dev)")
    done = subprocess.run(
        [ruff, "check", "--isolated", "--select", "C901", "--output-format", "json",
         "--config", f"lint.mccabe.max-complexity = {MAX_COMPLEXITY}", str(PACKAGE)],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    return [
        (_module_name(Path(item["filename"])), item["location"]["row"], item["message"])
        for item in json.loads(done.stdout)
    ]


def test_no_function_is_more_complex_than_a_reader_can_follow_without_a_reason():
    excused = {(module, f.lineno) for module, f in _functions() if _excused(f)}
    complex_ = [
        f"{module}: {message}"
        for module, line, message in _too_complex()
        if (module, line) not in excused and module not in RESHAPING_ELSEWHERE
    ]
    assert complex_ == [], f"functions past complexity {MAX_COMPLEXITY}: {complex_}"


def test_the_list_of_modules_reshaped_elsewhere_names_only_real_offenders():
    in_cycle = {m for c in cycles(import_graph()) for m in c}
    long = {m for m, p in MODULES.items() if len(p.read_text().splitlines()) > MAX_MODULE_LINES}
    long_functions = {
        m for m, f in _functions() if f.end_lineno - f.lineno + 1 > MAX_FUNCTION_LINES
    }
    complex_ = {module for module, _, _ in _too_complex()}
    assert in_cycle | long | long_functions | complex_ >= RESHAPING_ELSEWHERE, (
        "a module of RESHAPING_ELSEWHERE now keeps every limit: take it off the list"
    )
