"""The import graph shows the architecture: no circles, no arrow from a lower room to a higher one.

Read from the source with `ast` (every import, inside functions and `TYPE_CHECKING` blocks too), so
a lazy import cannot hide an arrow running back up.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "crosswire"

# Rooms from the bottom up; a room may import its own layer and the layers below, never above.
LAYERS: list[set[str]] = [
    {"errors", "model", "positions", "config", "pipeline"},
    {"ingest", "clean", "geo", "store", "names"},
    {"nlp"},
    {"resources", "link", "reconcile"},
    {"stages", "engines"},
    {"present"},
    {"api", "notebook", "web"},
    {"cli"},
]
RANK = {room: i for i, rooms in enumerate(LAYERS) for room in rooms}
NLP_WINGS = {"entities", "time", "figures", "claims", "events"}


def module_name(path: Path, base: Path) -> str:
    parts = list(path.relative_to(base).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imports_of(path: Path, name: str, known: set[str]) -> set[str]:
    """The modules of `known` that the file `path` (module `name`) imports."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in known}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            submodules = {f"{target}.{a.name}" for a in node.names} & known
            found |= submodules or ({target} & known)
    found.discard(name)
    return found


@cache
def source_graph() -> dict[str, set[str]]:
    """The module import graph of the source tree, read once per test session (callers do not mutate it)."""
    files = {module_name(p, PACKAGE.parent): p for p in PACKAGE.rglob("*.py")}
    return {name: imports_of(path, name, set(files)) for name, path in files.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_no_module_imports_itself_back_through_others() -> None:
    assert cycles(source_graph()) == []


def test_every_room_is_placed_in_a_layer() -> None:
    rooms = {room(m) for m in source_graph()} - {""}
    assert rooms - set(RANK) == set(), "a new room needs its place in LAYERS"
    assert set(RANK) - rooms == set(), "LAYERS names a room the code no longer has"


def test_no_arrow_runs_from_a_lower_layer_to_a_higher_one() -> None:
    upward = []
    for source, targets in source_graph().items():
        for target in targets:
            if room(source) and room(target) and RANK[room(target)] > RANK[room(source)]:
                upward.append(f"{source} -> {target}")
    assert upward == []


def test_rooms_of_one_layer_do_not_import_each_other_in_a_circle() -> None:
    rooms: dict[str, set[str]] = defaultdict(set)
    for source, targets in source_graph().items():
        rooms[room(source)] |= {room(t) for t in targets if room(t) != room(source)}
    rooms.pop("", None)
    for r in rooms:
        rooms[r].discard("")
    assert cycles(rooms) == []


def test_only_the_version_is_taken_from_the_package_face() -> None:
    """The package's own `__init__` is the top (a lazy face over everything); a room below may read
    `__version__` from it (or import a sibling module through it) and nothing else."""
    for path in PACKAGE.rglob("*.py"):
        if path == PACKAGE / "__init__.py":
            continue
        name = module_name(path, PACKAGE.parent)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
                if target == "crosswire":
                    names = [a.name for a in node.names if not (PACKAGE / a.name).exists()
                             and not (PACKAGE / f"{a.name}.py").exists()]
                    assert names in ([], ["__version__"]), f"{name} imports {names} from the package face"


def _nlp_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and not node.level and (node.module or "").startswith("crosswire.nlp"):
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("crosswire.nlp")]
    return found


def test_code_outside_nlp_imports_the_wings_faces_never_their_modules() -> None:
    faces = {"crosswire.nlp"} | {f"crosswire.nlp.{wing}" for wing in NLP_WINGS}
    graph = source_graph()
    offenders = [f"{s} -> {t}" for s, targets in graph.items() if not s.startswith("crosswire.nlp")
                 for t in targets if t.startswith("crosswire.nlp") and t not in faces]
    for path in list((ROOT / "tests").rglob("*.py")) + list((ROOT / "bench").rglob("*.py")):
        offenders += [f"{path.relative_to(ROOT)} -> {m}" for m in _nlp_imports(path) if m not in faces]
    assert offenders == []


def test_nlp_holds_only_its_face_the_shared_parse_and_its_wings() -> None:
    top = {p.name for p in (PACKAGE / "nlp").iterdir() if p.name != "__pycache__"}
    assert top == {"__init__.py", "doc.py"} | NLP_WINGS


def test_every_wing_has_a_docstring_and_a_public_face() -> None:
    for wing in [PACKAGE / "nlp" / w for w in sorted(NLP_WINGS)] + [PACKAGE / "names"]:
        tree = ast.parse((wing / "__init__.py").read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{wing.name} has no docstring"
        names = [n for n in tree.body if isinstance(n, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in n.targets)]
        assert names, f"{wing.name} declares no __all__"


def test_no_module_is_over_600_lines() -> None:
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600}
    assert long == {}
