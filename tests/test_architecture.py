"""The house rules that keep the package navigable, checked on its source (no import needed):
no import cycles between eventwire modules, imports at the top of a module (a function may import
only the optional heavy libraries listed here, or, in the CLI, what a command needs, so that
``eventwire --help`` starts fast), and no path outside the repository in product code or tests."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "eventwire"
TESTS = Path(__file__).resolve().parent
#: Libraries a function may import lazily: slow to load, and only some commands need them.
LAZY_OK = {"ray", "warcio", "dateparser", "uvicorn", "multiprocessing", "trafilatura",
           "feedparser", "altair"}
#: Modules whose functions may import eventwire modules lazily: the command-line shell (each
#: command loads only what it needs) and the package's notebook entry points.
LAZY_SHELLS = {"eventwire.cli", "eventwire"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, ast.Module]:
    return {_module_name(p): ast.parse(p.read_text(encoding="utf-8")) for p in SRC.rglob("*.py")}


def _imported(node: ast.Import | ast.ImportFrom, modules: set[str]) -> set[str]:
    """The eventwire modules an import statement loads (``from pkg import mod`` included)."""
    if isinstance(node, ast.Import):
        return {a.name for a in node.names if a.name in modules}
    base = node.module or ""
    out = {base} if base in modules else set()
    out |= {f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in modules}
    return out


def _top_level_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Imports run when the module loads (``if TYPE_CHECKING:`` blocks excluded)."""
    out: list[ast.Import | ast.ImportFrom] = []
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            out.append(node)
        elif isinstance(node, ast.If) and not (isinstance(node.test, ast.Name)
                                               and node.test.id == "TYPE_CHECKING"):
            out += [n for n in node.body if isinstance(n, ast.Import | ast.ImportFrom)]
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    names = set(modules)
    graph: dict[str, set[str]] = {}
    for name, tree in modules.items():
        deps: set[str] = set()
        for node in _top_level_imports(tree):
            deps |= _imported(node, names)
        # Importing a.b.c runs the package a.b first (unless it is the importer's own package,
        # which is already loading).
        own = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)}
        for dep in list(deps):
            parts = dep.split(".")
            deps |= ({".".join(parts[:i]) for i in range(2, len(parts))} & names) - own
        graph[name] = deps - {name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            if dep == "eventwire":
                continue  # the root package's __init__ imports nothing at load time
            if state.get(dep) == 1:
                return stack[stack.index(dep):] + [dep]
            if dep not in state and (found := visit(dep)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycles() -> None:
    cycle = _cycle(_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_imports_inside_functions_only_for_heavy_libraries() -> None:
    bad = []
    for name, tree in _modules().items():
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(fn):
                if not isinstance(node, ast.Import | ast.ImportFrom):
                    continue
                roots = {a.name.split(".")[0] for a in node.names} if isinstance(node, ast.Import) \
                    else {(node.module or "").split(".")[0]}
                if roots <= LAZY_OK or (roots == {"eventwire"} and name in LAZY_SHELLS):
                    continue
                if name == "eventwire.cli" and not roots & {"eventwire"}:
                    continue  # the CLI's own optional libraries (rich progress, uvicorn ...)
                bad.append(f"{name}.{fn.name}: {ast.unparse(node)}")
    assert not bad, "imports inside functions:\n" + "\n".join(bad)


_OUTSIDE = re.compile(r"\.\./shared|\bDESIGN\.md\b|/work/")


@pytest.mark.parametrize("root", [SRC, TESTS], ids=["src", "tests"])
def test_no_reference_to_paths_outside_the_repo(root: Path) -> None:
    found = [f"{p.relative_to(root.parent)}:{n}" for p in root.rglob("*.py") if p.name != __file__
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if _OUTSIDE.search(line) and p != Path(__file__)]
    assert not found, "paths outside the repository: " + ", ".join(found)
