"""Notebook parameters: read a notebook's ``parameters`` cell, convert ``-p NAME VALUE``
strings to the type of its defaults, and inject the values as a cell of plain literals.

The values are injected after the ``parameters`` cell, as papermill does, so the same notebook
runs in JupyterLab with its defaults and headless with the report's values. Only text,
numbers and true/false are ever injected, written with ``repr`` and parsed back before use: a
value can never become code.

>>> import nbformat
>>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
...     "top = 20", metadata={"tags": ["parameters"]})])
>>> values = {"top": parse_value("5", notebook_parameters(nb)["top"])}
>>> print(inject_parameters(nb, values).cells[1].source)
# Parameters
top = 5
<BLANKLINE>
"""

from __future__ import annotations

import ast
import copy
import keyword
import math
from collections.abc import Mapping
from typing import Any

import nbformat

from analysis.report.errors import UsageError

__all__ = [
    "RESERVED",
    "check_name",
    "inject_parameters",
    "notebook_parameters",
    "parameters_cell_index",
    "parse_value",
    "render_parameters",
]

#: Parameters the report sets itself, and the option that sets each (never ``-p``).
RESERVED = {
    "input_path": "the PATH argument",
    "encoding": "--encoding",
    "text_column": "--text-column",
    "id_column": "--id-column",
    "date_column": "--date-column",
    "hard_wrapped": "--hard-wrapped / --not-hard-wrapped",
    "group_by": "--group-by",
    "store_dir": "--store",
}



def parse_value(text: str, default: Any = None) -> str | int | float | bool:
    """A ``-p NAME VALUE`` string as the type of the notebook's default (else guessed).

    >>> parse_value("20", 10), parse_value("20", "10"), parse_value("0.5", 1.0)
    (20, '20', 0.5)
    >>> parse_value("no", True), parse_value("7"), parse_value("1e3"), parse_value("x y")
    (False, 7, 1000.0, 'x y')
    """
    if isinstance(default, bool):
        low = text.strip().lower()
        if low in ("1", "true", "yes", "on"):
            return True
        if low in ("0", "false", "no", "off"):
            return False
        raise UsageError(f"expected true or false, got {text!r}")
    if isinstance(default, int):
        try:
            return int(text)
        except ValueError:
            raise UsageError(f"expected a whole number, got {text!r}") from None
    if isinstance(default, float):
        try:
            value = float(text)
        except ValueError:
            raise UsageError(f"expected a number, got {text!r}") from None
        if not math.isfinite(value):
            raise UsageError(f"expected a finite number, got {text!r}")
        return value
    if isinstance(default, str):
        return text
    if text in ("True", "False", "true", "false"):
        return text.lower() == "true"
    for convert in (int, float):
        try:
            value = convert(text)
        except ValueError:
            continue
        if isinstance(value, float) and not math.isfinite(value):
            break
        return value
    return text


def check_name(name: str) -> None:
    """Raise :class:`UsageError` unless ``name`` can be a Python variable.

    >>> check_name("top")
    >>> check_name("x=1; import os")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    analysis.report.errors.UsageError: parameter name 'x=1; import os' is not a Python identifier
    """
    if not isinstance(name, str) or not name.isidentifier() or keyword.iskeyword(name):
        raise UsageError(f"parameter name {name!r} is not a Python identifier")


def render_parameters(parameters: Mapping[str, Any]) -> str:
    """The source of an injected-parameters cell: one ``name = literal`` line per parameter.

    Only str, int, float (finite) and bool values are accepted, written with ``repr`` so any
    text (quotes, backslashes, newlines, code) stays a literal; the result is parsed back and
    compared with the values before it is used.

    >>> print(render_parameters({"input_path": 'x"; import os #', "top": 5}))
    # Parameters
    input_path = 'x"; import os #'
    top = 5
    <BLANKLINE>
    >>> render_parameters({"f": [1]})  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    analysis.report.errors.UsageError: parameter f: only text, numbers and true/false are accepted
    """
    lines = ["# Parameters"]
    for name, value in parameters.items():
        check_name(name)
        if type(value) not in (str, int, float, bool):
            raise UsageError(f"parameter {name}: only text, numbers and true/false are accepted")
        if isinstance(value, float) and not math.isfinite(value):
            raise UsageError(f"parameter {name}: {value!r} is not a finite number")
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise UsageError(f"parameter {name}: the text is not valid Unicode") from None
        lines.append(f"{name} = {value!r}")
    source = "\n".join(lines) + "\n"
    _verify_parameters_source(source, parameters)
    return source


def _verify_parameters_source(source: str, parameters: Mapping[str, Any]) -> None:
    """Raise unless ``source`` is exactly the assignments of ``parameters`` as constants."""
    tree = ast.parse(source)
    if len(tree.body) != len(parameters):
        raise UsageError("parameters do not render to plain assignments")
    for stmt, (name, value) in zip(tree.body, parameters.items(), strict=True):
        ok = (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
            and stmt.targets[0].id == name
            and isinstance(stmt.value, ast.Constant | ast.UnaryOp)
        )
        if not ok or ast.literal_eval(stmt.value) != value:
            raise UsageError(f"parameter {name} does not render to a plain literal")


def parameters_cell_index(nb: nbformat.NotebookNode) -> int | None:
    """The index of the code cell tagged ``parameters`` (the first one), or None."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            return i
    return None


def notebook_parameters(nb: nbformat.NotebookNode) -> dict[str, Any]:
    """Names assigned in the notebook's ``parameters`` cell, with their literal defaults
    (``...`` when the default is not a literal).

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
    ...     "input_path = '../seeds/a.txt'\\ntop: int = 20  # words\\nx = f(1)",
    ...     metadata={"tags": ["parameters"]})])
    >>> notebook_parameters(nb)
    {'input_path': '../seeds/a.txt', 'top': 20, 'x': Ellipsis}
    """
    index = parameters_cell_index(nb)
    if index is None:
        return {}
    try:
        tree = ast.parse(nb.cells[index].source)
    except SyntaxError:
        return {}
    found: dict[str, Any] = {}
    for stmt in tree.body:
        targets: list[ast.expr] = []
        value = None
        if isinstance(stmt, ast.Assign):
            targets, value = stmt.targets, stmt.value
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            targets, value = [stmt.target], stmt.value
        for target in targets:
            if isinstance(target, ast.Name):
                try:
                    found[target.id] = ast.literal_eval(value)
                except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                    found[target.id] = ...
    return found


def inject_parameters(
    nb: nbformat.NotebookNode, parameters: Mapping[str, Any]
) -> nbformat.NotebookNode:
    """A copy of ``nb`` with an ``injected-parameters`` cell after its ``parameters`` cell
    (at the top when there is none), as papermill does, recorded in ``metadata.papermill``.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
    ...     "top = 20", metadata={"tags": ["parameters"]}), nbformat.v4.new_code_cell("1")])
    >>> out = inject_parameters(nb, {"top": 5})
    >>> [c.source for c in out.cells]
    ['top = 20', '# Parameters\\ntop = 5\\n', '1']
    >>> out.cells[1].metadata.tags, out.cells[1].id
    (['injected-parameters'], 'injected-parameters')
    """
    nb = copy.deepcopy(nb)
    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.metadata.get("tags", [])]
    cell = nbformat.v4.new_code_cell(source=render_parameters(parameters))
    cell.id = "injected-parameters"
    cell.metadata["tags"] = ["injected-parameters"]
    index = parameters_cell_index(nb)
    nb.cells.insert(0 if index is None else index + 1, cell)
    papermill = nb.metadata.setdefault("papermill", {})
    papermill["parameters"] = dict(parameters)
    return nb


