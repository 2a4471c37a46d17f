"""The shape of the code, read from the source with ast (no import is run):

- the layers of werkplaats/ as its folders say them (werkplaats/__init__.py):
  a subpackage imports only from the layers below it, never from beside or
  above, and no module imports itself round a circle (function-level imports
  included);
- no function longer than MAX_LINES, anywhere in the project's Python."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.unit

PACKAGE = ROOT / "werkplaats"
# Rank per subpackage: an import must go to a lower rank (or stay inside its
# own subpackage). Packages of equal rank stand side by side and do not
# import each other.
RANKS = {"core": 0, "content": 1, "theme": 1, "site": 2, "editing": 3, "quality": 3}
# The core knows nothing of the generator: only the theme's guard reads
# Material's and MkDocs' installed files (their templates and versions).
GENERATOR_MODULES = ("mkdocs", "material", "properdocs")
READS_THE_GENERATOR = {"werkplaats.theme.material_guard"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The werkplaats modules `name` imports, anywhere in the file."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            # `from werkplaats.site import agenda` imports the module werkplaats.site.agenda
            found |= {f"{target}.{alias.name}" for alias in node.names if f"{target}.{alias.name}" in known}
    return {f for f in found if f.split(".")[0] in ("werkplaats",) + GENERATOR_MODULES}


def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imports(name, path, set(found)) for name, path in found.items()}


def layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def test_every_module_lives_in_a_layer():
    loose = [name for name in modules() if name != "werkplaats" and layer(name) not in RANKS]
    assert loose == [], f"modules outside the layers {sorted(RANKS)}: {loose}"


def test_imports_only_go_down():
    wrong = []
    for name, targets in graph().items():
        here = layer(name)
        for target in targets:
            there = layer(target)
            if target.split(".")[0] != "werkplaats" or there is None or there == here:
                continue
            if here is None or RANKS[there] >= RANKS[here]:
                wrong.append(f"{name} imports {target} ({here} -> {there})")
    assert wrong == [], "\n".join(wrong)


def test_no_module_imports_itself_round_a_circle():
    edges = {name: {t for t in targets if t in modules()} for name, targets in graph().items()}
    # Packages import their modules' names only through `from . import x`;
    # an __init__ importing nothing keeps them out of every circle.
    circles, state = [], {}

    def visit(node, trail):
        state[node] = "open"
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                circles.append(" -> ".join(trail[trail.index(nxt) :] + [nxt]))
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    assert circles == [], "\n".join(circles)


def test_only_the_theme_guard_reads_the_generator():
    readers = {name for name, targets in graph().items() if any(t.split(".")[0] in GENERATOR_MODULES for t in targets)}
    assert readers == READS_THE_GENERATOR


def test_the_checker_sees_a_wrong_import(tmp_path, monkeypatch):
    """A content module importing the site layer, and a circle, are found."""
    fake = tmp_path / "werkplaats"
    for layer_name in ("content", "site"):
        (fake / layer_name).mkdir(parents=True)
        (fake / layer_name / "__init__.py").write_text("")
    (fake / "__init__.py").write_text("")
    (fake / "content" / "model.py").write_text("from ..site import agenda\n")
    (fake / "site" / "agenda.py").write_text("def f():\n    from ..content import model\n")
    import test_code_shape as me

    monkeypatch.setattr(me, "PACKAGE", fake)
    monkeypatch.setattr(me, "ROOT", tmp_path)
    with pytest.raises(AssertionError, match="werkplaats.content.model imports werkplaats.site.agenda"):
        me.test_imports_only_go_down()
    with pytest.raises(AssertionError, match="werkplaats.content.model -> werkplaats.site.agenda -> werkplaats.content.model"):
        me.test_no_module_imports_itself_round_a_circle()


MAX_LINES = 80
PYTHON_FOLDERS = ("werkplaats", "hooks", "tools", "tests")


def test_no_function_is_longer_than_80_lines():
    long = []
    for folder in PYTHON_FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    lines = node.end_lineno - node.lineno + 1
                    if lines > MAX_LINES:
                        long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {lines} lines")
    assert long == [], "\n".join(long)
