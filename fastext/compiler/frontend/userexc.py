"""Exception classes of the module: `class InsufficientFunds(ValueError): pass`.

Each is a real Python exception class, made once by the compiled module
(`PyErr_NewException("mod.InsufficientFunds", base)`, op `py.excclass`, lower/text.py) from
its base — a builtin exception or another exception class of the module — and bound as
`mod.InsufficientFunds` (a getter, as module containers have: frontend/module_containers.py).
`raise InsufficientFunds(f"...")` raises it as a Python exception (the error record's
PYERR_CODE), `except InsufficientFunds as e` matches it by class (PyErr_ExceptionMatches), and
`except ValueError` catches it too, as in Python.

A class whose body has methods (`__init__(self, msg, pos)` storing `self.pos`, `__str__`, ...)
or class-level values is made from its own source instead: the class statement runs as Python
once (Py_CompileString/PyEval_EvalCode in a namespace of the builtins, the base and the class),
so its methods are Python's, and `raise ParseError("bad", 3)` calls the class with the boxed
arguments and raises the instance; `e.pos` in a handler is a Python attribute read.  Methods see
builtins only: a name of the `.fx` module read in them is a located error."""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.builtins import EXCEPTIONS
from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.frontend.scope import Binding
from fastext.compiler.source import without_docstring

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

MARK = "fx:"        # handler names of the module's exception classes: MARK + qualified name


def is_exception_class(collector, node: ast.ClassDef) -> bool:
    """A class whose one base is a builtin exception or an exception class above it."""
    if len(node.bases) != 1 or node.keywords or node.decorator_list or not isinstance(node.bases[0], ast.Name):
        return False
    base = node.bases[0].id
    b = collector.scope.lookup(base)
    return b is not None and b.kind == "excclass" or b is None and base in EXCEPTIONS + ("BaseException",)


def collect(collector, node: ast.ClassDef) -> None:
    """Bind the class (`Binding("excclass", attrs)`, the attributes `py.excclass` makes it from)."""
    scope = collector.scope
    source = None
    if any(not isinstance(stmt, ast.Pass) for stmt in without_docstring(node.body)):
        source = _python_source(collector, node)
    if node.name in scope.names or node.name in scope.signatures:
        raise FxSyntaxError(collector.span(node), f"`{node.name}` is already bound at module level",
                            "rename the class")
    base = node.bases[0].id
    b = scope.lookup(base)
    above = b.value if b is not None else {"chain": (), "builtin": base}
    attrs = {"chain": ((scope.qualify(node.name), node.name),) + above["chain"], "builtin": above["builtin"]}
    if source is not None:
        attrs.update(source=source, file=scope.file)
    if source is not None or above.get("made_by_python"):      # its instances are made by calling it
        attrs["made_by_python"] = True
    scope.names[node.name] = Binding("excclass", attrs)
    scope.__dict__.setdefault("exception_classes", []).append((node.name, attrs, collector.span(node)))


def _python_source(collector, node: ast.ClassDef) -> str:
    """The class statement as Python runs it (lower/text.py: exception_class), its first line
    at the class's line of the file (so tracebacks through its methods name the right lines).
    Its body holds methods, class-level assignments, docstrings and `pass`; the methods may read
    builtins, their own names, the class and its base (the namespace they run in)."""
    import builtins
    visible = set(dir(builtins)) | {node.name, node.bases[0].id, "__class__"}
    for stmt in without_docstring(node.body):
        if isinstance(stmt, ast.FunctionDef):
            own = {a.arg for a in ast.walk(stmt.args) if isinstance(a, ast.arg)} | \
                {n.id for n in ast.walk(stmt) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
            for n in ast.walk(stmt):
                if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and n.id not in own | visible:
                    raise FxSyntaxError(collector.span(n), f"`{n.id}` is not visible in the methods of exception "
                                        f"class `{node.name}`: they run as Python, seeing builtins, the class "
                                        "and its base only", "pass the value to the exception when raising it "
                                        f"(`raise {node.name}(msg, {n.id})`)")
        elif not isinstance(stmt, (ast.Pass, ast.Assign, ast.AnnAssign)):
            raise FxSyntaxError(collector.span(stmt), f"exception class `{node.name}` holds methods and "
                                "class-level values only", "move the rest to module level")
    return "\n" * (node.lineno - 1) + ast.unparse(ast.ClassDef(node.name, node.bases, node.keywords, node.body, [],
                                                               **({"type_params": []} if hasattr(node, "type_params")
                                                                  else {})))


def class_value(span, attrs: dict) -> ir.Expr:
    """The class object (a new reference)."""
    return ir.Intrinsic(T.OBJECT, span, "py.excclass", [], dict(attrs))


def binding(fc: "FunctionChecker", node: ast.expr) -> dict | None:
    """The attributes of the module's exception class `node` names, or None."""
    if isinstance(node, ast.Name) and node.id not in fc.vars:
        b = fc.scope.lookup(node.id)
        if b is not None and b.kind == "excclass":
            return b.value
    return None


def raise_(fc: "FunctionChecker", node: ast.Raise, exc: ast.expr) -> ir.Stmt | None:
    """`raise E`, `raise E()`, `raise E(message)` of a module exception class; None for others."""
    call = exc if isinstance(exc, ast.Call) else None
    attrs = binding(fc, call.func if call is not None else exc)
    if attrs is None:
        return None
    span = fc.span(node)
    value = None
    if call is not None and attrs.get("made_by_python"):     # its `__init__` (or its base's): Python makes it
        from fastext.compiler.frontend import objects
        value = objects.call(fc, call, class_value(span, attrs), None)
    elif call is not None:
        if call.keywords or len(call.args) > 1:
            raise fc.error(call, "exceptions take at most one message argument",
                           f"raise {attrs['chain'][0][1]}(f\"...\")")
        if call.args:
            from fastext.compiler.frontend.text import boxed
            arg = call.args[0]
            value = boxed(fc, fc.expr(arg), arg)
    return ir.Raise(span, attrs["builtin"], None, value, cls=class_value(span, attrs))


def getters(scope) -> dict[str, ir.Function]:
    """`__fx_get_NAME__` for each exception class: what `mod.NAME` answers."""
    from fastext.compiler.frontend.module_containers import getter
    out = {}
    for name, attrs, span in scope.__dict__.get("exception_classes", []):
        fn = ir.Function(getter(name), [], T.OBJECT, [ir.Return(span, class_value(span, attrs))], span, locals=[])
        fn.exported = False
        out[fn.name] = fn
    return out


def handler_name(fc: "FunctionChecker", item: ast.expr) -> tuple[str, dict] | None:
    """`except E:` of a module exception class: (its handler name, its attributes)."""
    attrs = binding(fc, item)
    if attrs is None:
        return None
    return MARK + attrs["chain"][0][0], attrs

