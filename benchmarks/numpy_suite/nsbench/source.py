"""The kernel file as data: its functions, what each calls, and derived copies of it.

fastext, Numba and Pythran all compile a module as a whole, and one kernel they reject
would take every other kernel down with it.  So the harness compiles *subsets* of the
file: `subset_text` keeps the chosen functions (and the helpers they call) and blanks
every other line, which keeps line numbers identical to kernels.fx, so a compile error
in a subset points at the right line of the real file.  `pythran_source` writes the copy
Pythran compiles: no fastext import, no annotations, one `#pythran export` line per
kernel derived from its annotations.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Function:
    name: str
    first: int                 # first line (decorators included), 1-based
    last: int                  # last line, inclusive
    node: ast.FunctionDef
    calls: set[str] = field(default_factory=set)   # module functions it names

    @property
    def exported(self) -> bool:
        return not self.name.startswith("_")


@dataclass
class KernelFile:
    path: Path
    text: str
    functions: dict[str, Function]     # in file order

    @property
    def kernels(self) -> list[str]:
        """The exported (timed) functions, in file order."""
        return [n for n, f in self.functions.items() if f.exported]

    def closure(self, names) -> set[str]:
        """`names` and every module function they call, transitively."""
        todo, seen = list(names), set()
        while todo:
            n = todo.pop()
            if n not in seen:
                seen.add(n)
                todo.extend(self.functions[n].calls)
        return seen

    def users(self, name: str) -> list[str]:
        """The kernels whose closure contains `name` (itself included when exported)."""
        return [k for k in self.kernels if name in self.closure([k])]

    def function_at(self, line: int) -> str | None:
        for f in self.functions.values():
            if f.first <= line <= f.last:
                return f.name
        return None

    def subset_text(self, keep) -> str:
        """The file with every function outside closure(keep) blanked, line numbers unchanged."""
        wanted = self.closure(keep)
        lines = self.text.splitlines()
        for f in self.functions.values():
            if f.name not in wanted:
                for i in range(f.first - 1, f.last):
                    lines[i] = ""
        return "\n".join(lines) + "\n"


def load(path: Path) -> KernelFile:
    """Parse a kernel file (plain Python syntax) into its module-level functions."""
    text = path.read_text()
    tree = ast.parse(text, str(path))
    funcs = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            first = min([node.lineno] + [d.lineno for d in node.decorator_list])
            funcs[node.name] = Function(node.name, first, node.end_lineno, node)
    for f in funcs.values():
        f.calls = {n.id for n in ast.walk(f.node) if isinstance(n, ast.Name) and n.id in funcs and n.id != f.name}
    return KernelFile(path, text, funcs)


# ----------------------------------------------------------------------------- Pythran

# fastext dialect names -> Pythran's spelling, for array items and for scalars
_ITEM = {"f64": "float64", "float": "float64", "f32": "float32", "i64": "int64", "int": "int64",
         "i32": "int32", "u8": "uint8", "boolean": "bool", "bool_": "bool", "bool": "bool",
         "c128": "complex128", "complex": "complex128"}
_SCALAR = {"f64": "float", "float": "float", "i64": "int", "int": "int", "boolean": "bool",
           "bool": "bool", "f32": "float32", "i32": "int32", "c128": "complex", "complex": "complex"}


def pythran_type(ann: ast.expr) -> str:
    """`f64[:, :]` -> `float64[:,:]`, `i64` -> `int`: a parameter annotation in Pythran's export syntax."""
    if isinstance(ann, ast.Name):
        return _SCALAR[ann.id]
    if isinstance(ann, ast.Subscript) and isinstance(ann.value, ast.Name):
        dims = len(ann.slice.elts) if isinstance(ann.slice, ast.Tuple) else 1
        return f"{_ITEM[ann.value.id]}[{','.join(':' * dims)}]"
    raise ValueError(f"no Pythran spelling for annotation {ast.unparse(ann)}")


class _StripAnnotations(ast.NodeTransformer):
    def visit_FunctionDef(self, node):
        self.generic_visit(node)
        for a in node.args.args + node.args.kwonlyargs:
            a.annotation = None
        node.returns = None
        node.decorator_list = []          # fastext decorators mean nothing to Pythran
        return node

    def visit_AnnAssign(self, node):      # `x: f64 = 0.0` -> `x = 0.0`
        return ast.Assign([node.target], node.value, lineno=node.lineno) if node.value else None


def pythran_source(kf: KernelFile, keep) -> tuple[str, dict[str, tuple[int, int]]]:
    """The Pythran copy of the kernels in `keep` (and their helpers): (text, name -> line range
    in that text), so that an error Pythran reports at a line can be pinned on a kernel."""
    wanted = kf.closure(keep)
    tree = ast.parse(kf.text)
    out = ["# Generated by benchmarks/numpy_suite/run.py from kernels.fx: do not edit.",
           "# fastext annotations removed; one export line per kernel, derived from them."]
    for name in keep:
        f = kf.functions[name]
        params = ", ".join(pythran_type(a.annotation) for a in f.node.args.args)
        out.append(f"#pythran export {name}({params})")
    for node in tree.body:                # module header: imports (minus fastext) and constants
        if isinstance(node, ast.FunctionDef):
            continue
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("fastext"):
            continue
        if isinstance(node, ast.Import) and any(a.name.startswith("fastext") for a in node.names):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue                      # the module docstring
        out.append(ast.unparse(node))
    ranges = {}
    stripper = _StripAnnotations()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in wanted:
            out.append("")
            first = len(out) + 1
            out.extend(ast.unparse(stripper.visit(node)).splitlines())
            ranges[node.name] = (first, len(out))
    return "\n".join(out) + "\n", ranges
