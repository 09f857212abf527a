"""The package laid out as its data flows (issue 11): no import cycle, lazy imports included;
the layers import downwards only (a document caches its own tokens, so the tokeniser sits below
the documents); no source file over 700 lines, no function over 80 lines
(except VADER's scoring, which mirrors the reference implementation line by line)."""

from __future__ import annotations

import ast
from pathlib import Path

import analysis

ROOT = Path(analysis.__file__).parent

#: The layers, lowest first: a module may import its own layer and the layers below only.
LAYERS = [
    ["analysis", "analysis.tokenise"],
    ["analysis.corpus"],
    ["analysis.tables"],
    ["analysis.sentiment", "analysis.entities", "analysis.frequency", "analysis.readability"],
    ["analysis.concordance", "analysis.dispersion", "analysis.groups", "analysis.trends",
     "analysis.topics", "analysis.methods"],
    ["analysis.store"],
    ["analysis.present"],
    ["analysis.report", "analysis.__main__"],
]
#: Functions allowed to be long: VADER's scoring mirrors the reference line by line.
LONG_FUNCTIONS = {("sentiment/vader.py", "_valence"), ("sentiment/vader.py", "_score")}


def _modules() -> dict[str, Path]:
    out = {}
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(("analysis", *(parts[:-1] if parts[-1] == "__init__" else parts)))
        out[name] = path
    return out


MODULES = _modules()


def _imports(path: Path, name: str) -> set[str]:
    """Every analysis module ``path`` imports, at the top or inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("analysis")}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            if not base.startswith("analysis"):
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in MODULES else base)
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: _imports(path, name) for name, path in MODULES.items()}


def _layer(name: str) -> int:
    best = -1, 0
    for i, layer in enumerate(LAYERS):
        for prefix in layer:
            if (name == prefix or name.startswith(prefix + ".")) and len(prefix) > best[1]:
                best = i, len(prefix)
    assert best[0] >= 0, f"{name} is in no layer: add it to LAYERS"
    return best[0]


def test_no_import_cycle_lazy_imports_included():
    index, low, stack, on, cycles = {}, {}, [], set(), []

    def visit(v):  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    assert cycles == []


def test_layers_import_downwards_only():
    wrong = [(a, b) for a, targets in GRAPH.items() for b in targets
             if _layer(b) > _layer(a) and not (b == "analysis" or a.startswith(b + "."))]
    assert wrong == []


def test_files_stay_small():
    too_long_files = {str(p.relative_to(ROOT)): n for p in MODULES.values()
                      if (n := len(p.read_text(encoding="utf-8").splitlines())) > 700}
    assert too_long_files == {}


def test_functions_stay_small():
    long_functions = []
    for path in MODULES.values():
        rel = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                body = node.body
                first = body[1] if len(body) > 1 and isinstance(body[0], ast.Expr) and \
                    isinstance(getattr(body[0], "value", None), ast.Constant) else body[0]
                length = node.end_lineno - first.lineno + 1  # code, docstring left out
                if length > 80 and (rel, node.name) not in LONG_FUNCTIONS:
                    long_functions.append((rel, node.name, length))
    assert long_functions == []
