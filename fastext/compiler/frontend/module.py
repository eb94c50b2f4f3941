"""The top level of one `.fx` file: imports, constants, options, function signatures."""
from __future__ import annotations

import ast
import math

from fastext.compiler.builtins import (
    DECORATORS, FASTEXT_NAMES, MATH_CONSTANTS, MATH_FUNCS, NUMPY_CONSTANTS, OPTION_DEFAULTS,
)
from fastext.compiler.diagnostics import ERROR_TYPE_NAME, Diagnostics, FxSyntaxError
from fastext.compiler import ops
from fastext.compiler.frontend import annotations
from fastext.compiler.frontend.alloc import ALLOC_FUNCS
from fastext.compiler.frontend.factories import is_factory
from fastext.compiler.frontend.generators import is_generator
from fastext.compiler.frontend.scope import Binding, ModuleScope, Signature
from fastext.compiler.frontend.classes import collect_class, is_plain_class
from fastext.compiler.frontend.structs import collect_struct, is_struct_class
from fastext.compiler.source import SourceFile, Span, without_docstring
from fastext.compiler.types import (
    BOOL, C128, Array, DIALECT_SCALARS, ERROR, F64, I64, NONE, OBJECT, SCALARS, ErrorType, Scalar, Struct, Tuple, Type,
    article, constant_fits, STR, STRV,
)

ALLOWED_MODULES = ("math", "cmath", "fastext", "random", "time", "heapq", "bisect", "itertools",
                   "functools", "operator")  # the last seven: frontend/pymodules.py
# `from typing import List`: the old spellings of the builtin generics, and `Any` (an array's dtype)
TYPING_ALIASES = {"List": "list", "Dict": "dict", "Set": "set", "Tuple": "tuple", "Any": "Any"}
NUMPY_SUBMODULES = ("numpy.random", "numpy.linalg", "numpy.fft", "numpy.lib.stride_tricks")     # importable by name; their functions are registry spellings


# special methods whose result Python fixes (or that programs all but always use so)
_DUNDER_RESULTS = {"__repr__": "str", "__str__": "str", "__len__": "int", "__bool__": "bool",
                   **{f"__{n}__": "bool" for n in ("eq", "ne", "lt", "le", "gt", "ge")}}


def _implicit_result(node: ast.FunctionDef):
    """The result type a `def` without a return annotation cannot but have: None for a body
    without `return value` (Python returns None), str for `__repr__`/`__str__`, int for
    `__len__`, bool for `__bool__`; None (the Python value) when only an annotation can tell."""
    from fastext.compiler.types import BOOL, I64
    if getattr(node, "fx_self", None) is not None and node.name.rsplit(".", 1)[-1] in _DUNDER_RESULTS:
        return {"str": STRV, "int": I64, "bool": BOOL}[_DUNDER_RESULTS[node.name.rsplit(".", 1)[-1]]]
    todo = list(node.body)
    while todo:
        n = todo.pop()
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue            # a nested function's returns are its own
        if isinstance(n, ast.Return) and n.value is not None and \
                not (isinstance(n.value, ast.Constant) and n.value.value is None):
            return None
        if isinstance(n, (ast.Yield, ast.YieldFrom)):
            return None
        todo.extend(ast.iter_child_nodes(n))
    return NONE


# builtins whose result from constant arguments is a constant (`ModuleCollector.folds`)
_FOLDED_CALLS = {"float": float, "int": int, "abs": abs, "min": min, "max": max, "round": round, "bool": bool}


def _named_elsewhere(tree: ast.Module | None, fn: ast.FunctionDef) -> bool:
    """Whether module code other than `fn` itself names the function (calls it or passes it on)."""
    if tree is None:
        return False
    for top in tree.body:
        if top is fn:
            continue
        if any(isinstance(n, ast.Name) and n.id == fn.name and isinstance(n.ctx, ast.Load) for n in ast.walk(top)):
            return True
    return False


def _inferred_result(node: ast.FunctionDef, jit_only: bool = False) -> bool:
    """Whether a module function's result type comes from its `return`s: every parameter is
    annotated and the result is not (`def floyd(n: int, edges: list[...]):`, as people write
    them), and it has no decorators but Numba's jit ones (`jit_only`).  It is checked as a
    template (frontend/templates.py): exported with the annotated types when its result can be
    returned to Python, else only .fx code calls it."""
    return node.returns is None and _implicit_result(node) is None and \
        all(a.annotation is not None for a in node.args.args) and (jit_only or not node.decorator_list)


def _bare_container(node: ast.expr) -> bool:
    """Whether a result annotation names a container kind without its items (`list`, `Dict`)."""
    name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None
    return name in ("list", "dict", "set", "tuple", "List", "Dict", "Set", "Tuple")


def required_marker(default: ast.expr | None) -> bool:
    """Whether a default is the stand-in `parameters` puts for a keyword-only parameter without one."""
    return getattr(default, "fx_required", False)


def parameters(node: ast.FunctionDef) -> None:
    """Python's parameter kinds as the dialect's plain parameter list.

    `def f(a, b, /, c, *xs: float, scale, tol=1e-8)`: the `*args` parameter becomes the ordinary
    parameter `xs: list[float]` after the positional ones (calls pack their extra arguments into
    that list: frontend/callshape.py; the entry point does the same with Python's: abi/wrapper.py),
    the keyword-only ones ordinary parameters after it.  A keyword-only parameter without a default
    gets a marked stand-in default (`required_marker`) so the defaults still line up with the last
    parameters; nothing ever evaluates it.  Recorded on the node: `fx_positional` (how many a call
    may pass by position, the packed list counted), `fx_posonly` (how many only by position) and
    `fx_vararg` (the list's index).  `**opts` becomes the last parameter, `opts: dict[str, T]`
    (`fx_kwargs` its index): calls put the keywords no parameter names into it."""
    a = node.args
    if not (a.kwonlyargs or a.vararg or a.posonlyargs or a.kwarg):
        return
    node.fx_posonly = len(a.posonlyargs)
    a.args = a.posonlyargs + a.args
    a.posonlyargs = []
    node.fx_positional = len(a.args)
    if a.vararg is not None:
        star = a.vararg
        packed = ast.copy_location(ast.arg(arg=star.arg, annotation=None), star)
        if star.annotation is not None:
            item = star.annotation
            packed.annotation = ast.copy_location(
                ast.Subscript(ast.copy_location(ast.Name("list", ast.Load()), item), item, ast.Load()), item)
        node.fx_vararg = len(a.args)
        # an unannotated `*args` the body passes on (`fn(*args)`): Python's tuple, typed per call
        # (any other one a list, whose number items promote to one type: `total(1, 2.5)`)
        node.fx_vararg_tuple = star.annotation is None and any(
            isinstance(n, ast.Starred) and isinstance(n.value, ast.Name) and n.value.id == star.arg
            for n in ast.walk(node))
        from fastext.compiler.frontend.callshape import reads_only
        node.fx_vararg_private = reads_only(node.body, star.arg)
        a.args = a.args + [packed]
        if a.defaults:      # `def f(a, b=1, *xs)`: calls always fill the packed list, a stand-in keeps the line-up
            a.defaults = list(a.defaults) + [_marker(star)]
        node.fx_positional += 1
        a.vararg = None
    a.defaults = list(a.defaults) + [_marker(arg) if d is None else d for arg, d in zip(a.kwonlyargs, a.kw_defaults)]
    a.args = a.args + a.kwonlyargs
    a.kwonlyargs, a.kw_defaults = [], []
    if a.kwarg is not None:     # `**opts: float`: the parameter `opts: dict[str, float]`, last
        star = a.kwarg
        packed = ast.copy_location(ast.arg(arg=star.arg, annotation=None), star)
        if star.annotation is not None:
            item = star.annotation
            key = ast.copy_location(ast.Name("str", ast.Load()), item)
            packed.annotation = ast.copy_location(
                ast.Subscript(ast.copy_location(ast.Name("dict", ast.Load()), item),
                              ast.copy_location(ast.Tuple([key, item], ast.Load()), item), ast.Load()), item)
        node.fx_kwargs = len(a.args)
        a.args = a.args + [packed]
        if a.defaults:
            a.defaults = list(a.defaults) + [_marker(star)]
        a.kwarg = None
    if hasattr(node, "fx_self"):    # a method: `self` (taken off `a.args`) is the signature's first parameter
        node.fx_positional += 1
        node.fx_posonly += bool(node.fx_posonly)
        for attr in ("fx_vararg", "fx_kwargs"):
            if hasattr(node, attr):
                setattr(node, attr, getattr(node, attr) + 1)


def _marker(arg: ast.arg) -> ast.expr:
    """The stand-in default of a parameter every call gives (`required_marker`)."""
    m = ast.copy_location(ast.Constant(Ellipsis), arg)
    m.fx_required = True
    return m


# special methods that take the values of a subscript or an `in` (`m[i, j] = v`): typed per call
_ITEM_METHODS = ("__getitem__", "__setitem__", "__contains__")


def _method_template(node: ast.FunctionDef) -> bool:
    """Whether a class's method is a template: an ordinary method (not a special one, whose
    calls frontend/dunders.py makes) of a plain class with a parameter or a result the annotations leave open."""
    method = node.name.rsplit(".", 1)[-1]
    if method.startswith("__") and method.endswith("__") and method not in _ITEM_METHODS or \
            not node.fx_self[0].plain:
        return False        # an @struct's methods are the dialect's: annotated, all bound for Python
    if any(a.annotation is None for a in node.args.args):
        return True
    from fastext.compiler.frontend.nptyping import infers_return
    return (node.returns is None or infers_return(node)) and _implicit_result(node) is None


def _resolved_or_none(node: ast.expr, scope):
    """The type an annotation names, or None when it names none."""
    try:
        return annotations.resolve(node, scope)
    except FxSyntaxError:
        return None


def _split_unpacking(body: list[ast.stmt]) -> list[ast.stmt]:
    """`A, B, C = 1, 2, 3` and `A = B = 0` at module level as one assignment per name.

    Python programs name their constants this way; each name is then an ordinary constant.
    Only where the split cannot change a value: the right side reads none of the names bound.
    """
    out: list[ast.stmt] = []
    for stmt in body:
        pairs = None
        if isinstance(stmt, ast.Assign) and all(isinstance(t, ast.Name) for t in stmt.targets) \
                and len(stmt.targets) > 1 and isinstance(stmt.value, ast.Constant):   # one object: numbers only
            pairs = [(t, stmt.value) for t in stmt.targets]
        elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and \
                isinstance(stmt.targets[0], (ast.Tuple, ast.List)) and isinstance(stmt.value, (ast.Tuple, ast.List)) \
                and len(stmt.targets[0].elts) == len(stmt.value.elts) and \
                all(isinstance(t, ast.Name) for t in stmt.targets[0].elts) and \
                not any(isinstance(v, ast.Starred) for v in stmt.value.elts):
            pairs = list(zip(stmt.targets[0].elts, stmt.value.elts))
        if pairs is not None:
            bound = {t.id for t, _ in pairs}
            read = {n.id for _, v in pairs for n in ast.walk(v) if isinstance(n, ast.Name)}
            if len(bound) == len(pairs) and not bound & read:
                for target, value in pairs:
                    one = ast.Assign(targets=[ast.Name(target.id, ast.Store())], value=value)
                    out.append(ast.copy_location(one, stmt))
                    ast.copy_location(one.targets[0], target)
                continue
        out.append(stmt)
    return out


class _ModuleCollector:
    def __init__(self, scope: ModuleScope, diags: Diagnostics, source: SourceFile, graph=None):
        self.scope, self.diags, self.source, self.graph = scope, diags, source, graph

    def span(self, node: ast.AST) -> Span:
        return Span.of(node, self.scope.file)

    def collect(self, tree: ast.Module) -> list[ast.FunctionDef]:
        defs: list[ast.FunctionDef] = []
        tree.body = _split_unpacking(tree.body)
        from fastext.compiler.frontend import classattrs, enums, lifting, memoize, numbatyped, records
        # @dataclass, NamedTuple: plain classes; @lru_cache: a memo dict; Enum: module-level instances;
        # class-level values the module changes: module variables;
        # nested functions calling siblings defined after them: module functions
        from fastext.compiler.frontend import eagergen
        # Numba's jitclasses, typed containers and type objects: plain classes, lists, dicts, scalars
        for rewrite in (numbatyped.rewrite, records.rewrite, memoize.rewrite, enums.rewrite, classattrs.rewrite, lifting.rewrite,
                        eagergen.rewrite):
            for e in rewrite(tree, self.scope.file):
                self.diags.add(e.diagnostic)
        self.tree = tree        # classes type unannotated `__init__` parameters from the calls in it
        # the module's function names, known before their signatures are read: `g = f` and
        # `def run(n: i64, f=eval_A)` name functions (frontend/funcvals.py)
        self.functions = {s.name for s in tree.body if isinstance(s, ast.FunctionDef) and not is_generator(s)
                          and not is_factory(s)}
        self.aliases: list[tuple[str, str, Span]] = []
        for d in evaluated_too_early(tree, self.scope.file):
            self.diags.add(d)
        from fastext.compiler.frontend import inherit, userexc
        inherit.prescan(self, tree)       # class ids, before any class is read
        from fastext.compiler.types import ClassRef     # fields may name classes defined further down
        self.scope.__dict__["forward_classes"] = {
            s.name: ClassRef(self.scope.qualify(s.name)) for s in tree.body
            if isinstance(s, ast.ClassDef) and is_plain_class(s) and not userexc.is_exception_class(self, s)}
        for stmt in without_docstring(tree.body):
            try:
                if isinstance(stmt, (ast.Import, ast.ImportFrom)):
                    self.import_(stmt)
                elif isinstance(stmt, (ast.Assign, ast.AnnAssign)):
                    self.constant(stmt)
                elif isinstance(stmt, ast.FunctionDef) and is_generator(stmt):
                    self.generator(stmt)       # inlined where it is iterated (frontend/generators.py)
                elif isinstance(stmt, ast.FunctionDef) and is_factory(stmt):
                    self.generator(stmt, "factory")     # expanded where it is called (frontend/factories.py)
                elif isinstance(stmt, ast.FunctionDef):
                    defs.append(stmt)
                elif isinstance(stmt, ast.ClassDef) and userexc.is_exception_class(self, stmt):
                    userexc.collect(self, stmt)      # `class InsufficientFunds(ValueError): pass`
                elif isinstance(stmt, ast.ClassDef) and is_struct_class(self, stmt):
                    defs.extend(collect_struct(self, stmt))   # its methods, named `Vec.norm`
                elif isinstance(stmt, ast.ClassDef) and is_plain_class(stmt):
                    defs.extend(collect_class(self, stmt))    # `__init__` and methods (frontend/classes.py)
                elif isinstance(stmt, ast.If) and _is_main_guard(stmt):
                    pass  # never true for an imported module; runs only in interpreted `python kernels.fx`
                elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                    pass
                else:
                    from fastext.compiler.frontend.expressions import NODE_NAMES
                    what = NODE_NAMES.get(type(stmt).__name__, type(stmt).__name__)
                    hint = "only imports, constants and functions may appear at module level"
                    if isinstance(stmt, ast.ClassDef):
                        hint = ("a class takes no decorators other than `@struct` (`from fastext import struct`); "
                                "write a plain class or an @struct")
                    if isinstance(stmt, ast.AsyncFunctionDef):
                        hint = "async functions are not supported; use def"
                    raise FxSyntaxError(self.span(stmt), f"unsupported module-level statement ({what})", hint)
            except FxSyntaxError as e:
                self.diags.add(e.diagnostic)
        self._unbound_forward_classes(tree, defs)
        defs.extend(inherit.dispatchers(self))    # `C.m@virtual` for overridden methods
        for node in defs:
            try:
                self.signature(node)
            except FxSyntaxError as e:
                self.diags.add(e.diagnostic)
        for local, name, span in self.aliases:       # `g = f`: g names the same function
            b = self.scope.names.get(name)
            if b is None or b.kind != "func":
                self.diags.error(span, f"`{name}` is not a function", "module-level aliases name a function: `g = f`")
            elif local in self.scope.names:
                self.diags.error(span, f"`{local}` is already bound at module level", "use another name")
            else:
                self.scope.names[local] = b
        return defs

    def _unbound_forward_classes(self, tree: ast.Module, defs: list) -> None:
        """A class whose field names a class further down that failed to compile fails too
        (its field's type would never be known); forward names end with the classes."""
        forward = self.scope.__dict__.pop("forward_classes", {})
        failed = {ref.name for ref in forward.values() if not hasattr(ref, "_target")}
        failed |= {self.scope.qualify(n) for n in self.scope.__dict__.get("failed_classes", ())}
        if not failed:
            return
        from fastext.compiler.types import ClassRef, Dict, List, Set, Tuple

        def names(t) -> set:
            if isinstance(t, ClassRef):
                return {t.name}
            inner = (t.item,) if isinstance(t, (List, Set)) else (t.key, t.value) if isinstance(t, Dict) else \
                t.items if isinstance(t, Tuple) else ()
            return set().union(*(names(i) for i in inner)) if inner else set()
        for stmt in tree.body:
            b = self.scope.names.get(stmt.name) if isinstance(stmt, ast.ClassDef) else None
            if b is None or b.kind != "structtype" or not b.value.plain:
                continue
            bad = next((f for f, t in b.value.fields if names(t) & failed), None)
            if bad is not None:
                del self.scope.names[stmt.name]
                self.scope.__dict__.setdefault("failed_classes", set()).add(stmt.name)
                defs[:] = [d for d in defs if not d.name.startswith(stmt.name + ".")]
                self.diags.error(self.span(stmt), f"field `{bad}` of class `{stmt.name}` names a class that "
                                 "failed to compile", "fix the errors of that class first")

    # -- imports
    def import_(self, stmt: ast.Import | ast.ImportFrom) -> None:
        names = self.scope.names
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.name == "fastext.gpu":   # the GPU kernel dialect (frontend/gpu.py)
                    names[alias.asname or "fastext"] = Binding("module:gpu" if alias.asname else "module:fastext")
                    continue
                if alias.name in ALLOWED_MODULES:
                    names[alias.asname or alias.name] = Binding(f"module:{alias.name}")
                    continue
                if alias.name == "sys":   # sys.stdout/stderr/stdin and sys.maxsize (frontend/printing.py)
                    names[alias.asname or alias.name] = Binding("module:sys")
                    continue
                if alias.name in ("typing", "collections.abc", "collections"):   # for `typing.Callable[...]`
                    names[alias.asname or alias.name.partition(".")[0]] = Binding(
                        f"module:{alias.name.partition('.')[0]}")
                    continue
                if alias.name == "numpy":   # np.zeros(...) & co. (frontend/alloc.py)
                    names[alias.asname or alias.name] = Binding("module:numpy")
                    continue
                if alias.name == "numba":   # Numba source as written: @numba.njit, numba.prange (frontend/numba.py)
                    names[alias.asname or alias.name] = Binding("module:numba")
                    continue
                if alias.name == "numpy.typing":   # annotations: npt.NDArray[np.float64] (frontend/nptyping.py)
                    names[alias.asname or "numpy"] = Binding("module:numpy.typing" if alias.asname else "module:numpy")
                    continue
                if alias.name in NUMPY_SUBMODULES:   # `import numpy.random as npr` / `import numpy.random`
                    names[alias.asname or "numpy"] = Binding(f"module:{alias.name}" if alias.asname else "module:numpy")
                    continue
                if "." in alias.name and not alias.asname:
                    raise FxSyntaxError(self.span(stmt), f"`import {alias.name}` is not supported in a .fx module",
                                        f"write `import {alias.name} as {alias.name.rpartition('.')[2]}` or "
                                        f"`from {alias.name} import f`")
                if self.python_module(alias.name, 0):     # `import re`: its functions called as objects
                    local = alias.asname or alias.name.partition(".")[0]
                    names[local] = Binding("module:py", alias.name if alias.asname else local)
                    continue
                unit = self.fx_module(stmt, alias.name, 0)
                names[alias.asname or alias.name] = Binding("module:fx", unit)
            return
        if stmt.module == "__future__":
            return
        if stmt.module == "numba" and not stmt.level:
            from fastext.compiler.frontend.numba import import_names
            import_names(self, stmt)
            return
        if stmt.module and stmt.module.startswith("numba.") and not stmt.level:
            from fastext.compiler.frontend.numba import REFUSED, refused
            for alias in stmt.names:     # `from numba.extending import overload`, `from numba import cfunc`
                if alias.name in REFUSED:
                    raise refused(Span.of(alias, self.scope.file) if hasattr(alias, "lineno") else self.span(stmt),
                                  alias.name)
        if stmt.module == "collections" and not stmt.level:     # defaultdict, Counter (frontend/collections.py)
            from fastext.compiler.frontend.collections import bind_names
            bind_names(self, stmt)
            return
        if stmt.module == "numpy.typing" and not stmt.level:     # NDArray[np.float64] (frontend/nptyping.py)
            for alias in stmt.names:
                if alias.name in ("NDArray", "ArrayLike"):
                    names[alias.asname or alias.name] = Binding("ndarraytype", f"numpy.typing.{alias.name}")
                else:
                    self.diags.error(Span.of(alias, self.scope.file) if hasattr(alias, "lineno") else self.span(stmt),
                                     f"numpy.typing.{alias.name} is not supported in .fx code",
                                     "annotate arrays `NDArray[np.float64]` (or f64[:], f64[:, :])")
            return
        if stmt.module in ("typing", "collections.abc") and not stmt.level:
            for alias in stmt.names:
                if alias.name == "Optional" and stmt.module == "typing":    # `Optional[Node]` (frontend/classes.py)
                    names[alias.asname or alias.name] = Binding("optional")
                    continue
                if stmt.module == "typing" and alias.name in TYPING_ALIASES:    # List[float] → list[float]
                    names[alias.asname or alias.name] = Binding("typingalias", TYPING_ALIASES[alias.name])
                    continue
                if alias.name != "Callable":     # annotations of function parameters (frontend/templates.py)
                    self.diags.error(Span.of(alias, self.scope.file) if hasattr(alias, "lineno") else self.span(stmt),
                                     f"{stmt.module}.{alias.name} is not supported in .fx code",
                                     "supported: `Callable` (function parameters), `Optional`, `Any`, "
                                     "`List`, `Dict`, `Set`, `Tuple`")
                    continue
                names[alias.asname or alias.name] = Binding("callable")
            return
        if stmt.module in ALLOWED_MODULES + ("numpy",) + NUMPY_SUBMODULES and not stmt.level:
            for alias in stmt.names:
                try:
                    self.import_name(stmt, alias)
                except FxSyntaxError as e:   # one bad name must not unbind the others
                    self.diags.add(e.diagnostic)
            return
        if stmt.module is None:   # `from . import other`: modules
            for alias in stmt.names:
                try:
                    unit = self.fx_module(alias, alias.name, stmt.level)
                    names[alias.asname or alias.name] = Binding("module:fx", unit)
                except FxSyntaxError as e:
                    self.diags.add(e.diagnostic)
            return
        if self.python_module(stmt.module, stmt.level):     # `from re import findall`: objects
            for alias in stmt.names:
                if alias.name == "*":
                    raise FxSyntaxError(self.span(stmt), f"`from {stmt.module} import *` is not supported",
                                        f"import the names you use, e.g. `import {stmt.module}`")
                names[alias.asname or alias.name] = Binding("pyattr", (stmt.module, alias.name))
            return
        unit = self.fx_module(stmt, stmt.module, stmt.level)
        for alias in stmt.names:
            try:
                self.import_fx_name(stmt, alias, unit)
            except FxSyntaxError as e:
                self.diags.add(e.diagnostic)

    def python_module(self, module: str, level: int) -> bool:
        """Whether an absolute import names a module Python imports (a `.py` module, a package, an
        extension, a builtin module) rather than a `.fx` one: `.fx` code then uses it as Python
        objects (docs/language.md, "Python modules")."""
        if level:
            return False
        from fastext.compiler.resolve import ResolveError, resolve
        try:
            resolve(self.scope.file, module, 0)
        except ResolveError as e:
            return e.python
        return False

    def fx_module(self, node: ast.AST, module: str, level: int):
        """The checked unit of the `.fx` module `module` (a located error if it is none)."""
        span = Span.of(node, self.scope.file) if hasattr(node, "lineno") else Span(self.scope.file, 1, 0, 1, 1)
        if self.graph is None:
            raise FxSyntaxError(span, f"cannot import `{'.' * level}{module}` in a .fx module",
                                "only `math`, `cmath`, `random`, `time`, `fastext`, `numpy` and .fx modules can be imported here")
        importer = next(u for u in self.graph.order if u.scope is self.scope)
        return self.graph.load(importer, module, level, span)

    def import_fx_name(self, stmt: ast.ImportFrom, alias: ast.alias, unit) -> None:
        """`from other import f`: `f` means what it means in `other` (a function, a constant, …)."""
        span = Span.of(alias, self.scope.file) if hasattr(alias, "lineno") else self.span(stmt)
        local = alias.asname or alias.name
        if alias.name == "*":
            raise FxSyntaxError(span, f"`from {stmt.module} import *` is not supported",
                                f"import the names you use, e.g. `from {'.' * stmt.level}{stmt.module} import f`")
        if not unit.done:   # an import cycle: `unit` is still being read; bind at the end
            importer = next(u for u in self.graph.order if u.scope is self.scope)
            self.scope.names[local] = Binding("func", unit.scope.qualify(alias.name))
            self.graph.pending.append((importer, local, span, unit, alias.name))
            return
        b = unit.scope.names.get(alias.name)
        if b is None:
            from fastext.compiler.frontend.graph import missing_name
            missing = missing_name(span, unit, alias.name)
            raise FxSyntaxError(span, missing.message, missing.hint)
        self.scope.names[local] = b

    def import_name(self, stmt: ast.ImportFrom, alias: ast.alias) -> None:
        names = self.scope.names
        local = alias.asname or alias.name
        span = Span.of(alias, self.scope.file) if hasattr(alias, "lineno") else self.span(stmt)
        if stmt.module in NUMPY_SUBMODULES:     # `from numpy.random import rand`: registry spellings
            qualname = f"{stmt.module}.{alias.name}"
            if qualname == "numpy.random.Generator":     # for annotations (frontend/annotations.py)
                names[local] = Binding("generatortype")
            elif ops.by_spelling(qualname) is None:
                close = ops.close_to(qualname)
                raise FxSyntaxError(span, f"{qualname} is not supported in .fx code",
                                    (f"did you mean {', '.join(close)}? " if close else "") +
                                    "docs/language.md lists the NumPy functions .fx code can use")
            else:
                names[local] = Binding("op", qualname)
        elif stmt.module == "numpy" and alias.name not in ALLOC_FUNCS:
            from fastext.compiler.frontend.alloc import NUMPY_DTYPES
            if alias.name == "ndarray":     # an annotation (frontend/nptyping.py)
                names[local] = Binding("ndarraytype", "numpy.ndarray")
            elif ops.by_spelling(f"numpy.{alias.name}") is not None:
                names[local] = Binding("op", f"numpy.{alias.name}")
            elif alias.name in NUMPY_CONSTANTS:
                names[local] = Binding("mathconst", NUMPY_CONSTANTS[alias.name], F64)
            elif alias.name in NUMPY_DTYPES:
                names[local] = Binding("scalar", NUMPY_DTYPES[alias.name])
            elif alias.name in ("linalg", "random", "fft"):
                names[local] = Binding(f"module:numpy.{alias.name}")
            else:
                close = ops.close_to(f"numpy.{alias.name}")
                raise FxSyntaxError(span, f"numpy.{alias.name} is not supported in .fx code",
                                    (f"did you mean {', '.join(close)}? " if close else "") +
                                    "docs/language.md lists the NumPy functions .fx code can use")
        elif stmt.module == "numpy" or alias.name in ALLOC_FUNCS and stmt.module == "fastext":
            names[local] = Binding("alloc", alias.name)
        elif stmt.module == "math":
            if alias.name in MATH_FUNCS or ops.by_spelling(f"math.{alias.name}") is not None:
                names[local] = Binding("mathfn", alias.name)
            elif alias.name in MATH_CONSTANTS:
                names[local] = Binding("mathconst", MATH_CONSTANTS[alias.name], F64)
            else:
                from fastext.compiler.frontend.calls import math_supported
                raise FxSyntaxError(span, f"math.{alias.name} is not supported in .fx code", math_supported())
        elif stmt.module == "cmath":
            from fastext.compiler.frontend.cmathcalls import CMATH_CONSTANTS, CMATH_FUNCS, supported
            if alias.name in CMATH_FUNCS:
                names[local] = Binding("cmathfn", alias.name)
            elif alias.name in CMATH_CONSTANTS:
                names[local] = Binding("mathconst", *CMATH_CONSTANTS[alias.name])
            else:
                raise FxSyntaxError(span, f"cmath.{alias.name} is not supported in .fx code", f"supported: {supported()}")
        elif stmt.module in ("random", "time", "heapq", "bisect", "itertools", "functools", "operator"):
            # Python's modules (frontend/pymodules.py)
            from fastext.compiler.frontend.pymodules import bind_name
            names[local] = bind_name(stmt.module, alias.name, span)
        elif alias.name in DIALECT_SCALARS:
            names[local] = Binding("scalar", DIALECT_SCALARS[alias.name])
        elif alias.name in FASTEXT_NAMES:
            names[local] = Binding(alias.name)
        elif alias.name == "gpu":   # the GPU kernel dialect (frontend/gpu.py)
            names[local] = Binding("module:gpu")
        elif alias.name == "*":     # the dialect names, as `fastext.__all__` lists them for plain Python
            for name in (*DIALECT_SCALARS, *FASTEXT_NAMES, *ALLOC_FUNCS):
                self.import_name(stmt, ast.alias(name=name))
        else:
            hint = f"available: {', '.join(sorted(DIALECT_SCALARS))}, prange, struct, {', '.join(ALLOC_FUNCS)}"
            raise FxSyntaxError(span, f"fastext has no dialect name `{alias.name}`", hint)

    # -- options
    def decorator_options(self, node: ast.FunctionDef) -> dict[str, bool]:
        """@unchecked / @fastmath / @inline (imported from fastext, or as fastext.X)."""
        options: dict[str, bool] = {}
        for deco in node.decorator_list:
            name = None
            from fastext.compiler.frontend.extern import extern_library
            library = extern_library(self, deco)
            if library is not None:     # @extern("m"): a C function (frontend/extern.py)
                options["extern"] = library
                continue
            from fastext.compiler.frontend.gpu import decorator_target
            target = decorator_target(self.scope, deco)
            if target is not None:
                if options.get("target", target) != target:
                    raise FxSyntaxError(self.span(deco), "a function is either @gpu.kernel or @gpu.device",
                                        "keep one of the two decorators")
                options["target"] = target
                continue
            from fastext.compiler.frontend.ufuncs import declaration
            ufunc = declaration(self, node, deco)
            if ufunc is not None:               # @vectorize / @guvectorize: a ufunc made at import
                if node.name in self.scope.ufuncs:
                    raise FxSyntaxError(self.span(deco), f"`{node.name}` has two ufunc decorators", "keep one")
                self.scope.ufuncs[node.name] = ufunc
                options["ufunc"] = ufunc        # calls in .fx code read it (frontend/ufuncs.py)
                continue
            from fastext.compiler.frontend.numba import jit_options
            numba_options = jit_options(self, deco)
            if numba_options is not None:       # @njit, @numba.jit(nopython=True, fastmath=True), ...
                options.update(numba_options)
                continue
            if isinstance(deco, ast.Name) and (self.scope.lookup(deco.id) or Binding("")).kind in DECORATORS:
                name = self.scope.lookup(deco.id).kind
            elif isinstance(deco, ast.Attribute) and isinstance(deco.value, ast.Name) and \
                    (self.scope.lookup(deco.value.id) or Binding("")).kind == "module:fastext":
                name = deco.attr if deco.attr in DECORATORS else None
            if name is None:
                from fastext.compiler.frontend.numba import refused_decorator
                numba_error = refused_decorator(self, deco)     # @numba.cfunc, @nb.generated_jit: say why
                if numba_error is not None:
                    raise numba_error
                raise FxSyntaxError(self.span(deco), f"unsupported decorator `{ast.unparse(deco)}`",
                                    f"supported: {', '.join('@' + d for d in DECORATORS)} (from fastext)")
            option, value = DECORATORS[name]
            options[option] = value
        return options

    def module_options(self, stmt: ast.Assign) -> None:
        """`__fastext__ = {"boundscheck": False, "fastmath": True}`: options for every function."""
        value = stmt.value
        if not isinstance(value, ast.Dict):
            raise FxSyntaxError(self.span(value), "`__fastext__` must be a dict of options",
                                '__fastext__ = {"boundscheck": False}')
        for key, item in zip(value.keys, value.values):
            if not (isinstance(key, ast.Constant) and key.value in OPTION_DEFAULTS):
                raise FxSyntaxError(self.span(key or value), f"unknown option {ast.unparse(key) if key else '**'}",
                                    f"options: {', '.join(map(repr, OPTION_DEFAULTS))}")
            if not (isinstance(item, ast.Constant) and isinstance(item.value, bool)):
                raise FxSyntaxError(self.span(item), f"option {key.value!r} must be True or False", "")
            self.scope.options[key.value] = item.value

    # -- constants
    def constant(self, stmt: ast.Assign | ast.AnnAssign) -> None:
        try:
            self._constant(stmt)
        except FxSyntaxError:
            # the name is still defined, with the error type: its uses report nothing more
            target = stmt.targets[0] if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 else \
                getattr(stmt, "target", None)
            if isinstance(target, ast.Name) and target.id not in self.scope.names:
                self.scope.names[target.id] = Binding("const", None, ERROR)
            raise

    def _constant(self, stmt: ast.Assign | ast.AnnAssign) -> None:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and \
                isinstance(stmt.targets[0], ast.Name) and stmt.targets[0].id == "__fastext__":
            return self.module_options(stmt)
        if isinstance(stmt, ast.Assign):
            if len(stmt.targets) != 1 or not isinstance(stmt.targets[0], ast.Name):
                raise FxSyntaxError(self.span(stmt), "module-level assignments must bind one name",
                                    "write `NAME = value`")
            target, value, declared = stmt.targets[0], stmt.value, None
            from fastext.compiler.frontend.translate import constant_table
            table = constant_table(value, self.scope.file)
            if table is not None:       # `COMP = str.maketrans("ACGT", "TGCA")` (frontend/translate.py)
                self.scope.names[target.id] = Binding("transtable", table)
                return
            funcs = getattr(self, "functions", ())
            entries = value.elts if isinstance(value, (ast.List, ast.Tuple)) else \
                value.values if isinstance(value, ast.Dict) and value.keys and all(
                    isinstance(k, ast.Constant) and type(k.value) in (str, int) for k in value.keys) else []
            from fastext.compiler.frontend.funcvals import BUILTIN_ENTRIES
            named = [isinstance(e, ast.Name) and (e.id in funcs or e.id in BUILTIN_ENTRIES and
                                                  e.id not in self.scope.names) for e in entries]
            if entries and all(named) and any(e.id in funcs for e in entries):
                # `OPS = {"+": add, "-": sub}`: a table of the module's functions (frontend/funcvals.py)
                keys = [k.value for k in value.keys] if isinstance(value, ast.Dict) else None
                self.scope.names[target.id] = Binding("functable", (keys, list(entries)))
                self.scope.tables[target.id] = value     # a module attribute too (frontend/graph.py)
                return
            if isinstance(value, ast.Name) and (value.id in getattr(self, "functions", ()) or
                                                (self.scope.lookup(value.id) or Binding("")).kind == "func"):
                self.aliases.append((target.id, value.id, self.span(stmt)))    # bound after the signatures
                return
        else:
            if not isinstance(stmt.target, ast.Name) or stmt.value is None:
                raise FxSyntaxError(self.span(stmt), "module-level annotated names need a value",
                                    "write `NAME: i32 = 16`")
            target, value = stmt.target, stmt.value
            declared = annotations.resolve(stmt.annotation, self.scope)
        from fastext.compiler.frontend import constsets
        elts = constsets.items(value) if declared is None else None
        if elts is not None:        # `RIGHT = {"^"}`: its items, known here (frontend/constsets.py)
            refused = constsets.refusal(self.tree, target.id, constsets.frozen(value), self.scope.file)
            if refused is not None:
                raise refused
            self.scope.names[target.id] = Binding("constset", elts)
            return
        from fastext.compiler.frontend import module_arrays
        if declared is None and module_arrays.is_array_expression(value, self.scope):   # `W = np.array([...])`
            array = module_arrays.evaluate(self.scope, value, self.scope.file)
            from fastext.compiler.ops.dtypes import from_numpy
            self.scope.names[target.id] = Binding("constarray", (self.scope.qualify(target.id), array),
                                                  Array(from_numpy(str(array.dtype)), array.ndim))
            return
        from fastext.compiler.frontend.structs import struct_constant
        struct = struct_constant(self, value, declared)   # `ORIGIN = Vec(0.0, 0.0)`
        if struct is not None:
            self.scope.names[target.id] = Binding("const", struct[1], struct[0])
            return
        from fastext.compiler.frontend import module_containers
        if declared is None and module_containers.wanted(self, value) and not self.constant_call(value):
            # `SYSTEM = list(BODIES.values())` (while `INF = float("inf")` is a constant)
            return module_containers.collect(self, target, value, stmt)
        result = self.const_value(value)
        if isinstance(result, str) and len(result) > 1 << 20:
            raise FxSyntaxError(self.span(value), "a str constant longer than 1 MiB",
                                "read large text at run time and pass it as a parameter")
        if isinstance(result, int) and not isinstance(result, bool) and not -2**63 <= result < 2**64:
            # intermediate values may be wider (`MASK = 2**64 - 1`), as in Python; the constant not
            raise FxSyntaxError(self.span(value), "integer constant does not fit in 64 bits",
                                "keep it within -2**63 .. 2**64 - 1 (u64 above i64's range), or use a float")
        vtype = declared or _type_of_constant(result)
        if declared is not None:
            if not isinstance(declared, Scalar):
                raise FxSyntaxError(self.span(stmt.annotation), "module constants must be scalars",
                                    "arrays cannot be module constants yet; pass them as parameters")
            if not constant_fits(result, declared):
                raise FxSyntaxError(self.span(value), f"{result!r} is not {article(declared)} value",
                                    f"write a value that fits {declared}, or convert it explicitly")
            result = _convert_constant(result, declared)
        self.scope.names[target.id] = Binding("const", result, vtype)

    def const_value(self, node: ast.expr):
        """Evaluate a constant expression over literals, other constants and math."""
        span = self.span(node)
        if isinstance(node, ast.Constant) and isinstance(node.value, (bool, int, float, complex, str)):
            return node.value     # a str: a module-level text constant (`ALU = "GGCC" "GGGC"`, `+`, `*`)
        if isinstance(node, ast.Name):
            b = self.scope.lookup(node.id)
            if b is not None and b.kind == "const" and isinstance(b.type, ErrorType):
                # a constant whose own definition failed (already reported): a silent follow-on
                raise FxSyntaxError(span, f"`{node.id}` has no value ({ERROR_TYPE_NAME})")
            if b is not None and b.kind == "const" and isinstance(b.type, Struct):
                raise FxSyntaxError(span, f"`{node.id}` is a {b.type} constant, not a number",
                                    f"write the value itself, e.g. {b.type}(...) for a struct field")
            if b is not None and b.kind in ("const", "mathconst"):
                return b.value
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            b = self.scope.lookup(node.value.id)
            if b is not None and b.kind == "module:math" and node.attr in MATH_CONSTANTS:
                return MATH_CONSTANTS[node.attr]
            if b is not None and b.kind == "module:numpy" and node.attr in NUMPY_CONSTANTS:
                return NUMPY_CONSTANTS[node.attr]
            if b is not None and b.kind == "module:cmath":
                from fastext.compiler.frontend.cmathcalls import CMATH_CONSTANTS
                if node.attr in CMATH_CONSTANTS:
                    return CMATH_CONSTANTS[node.attr][0]
            if b is not None and b.kind == "module:fx":
                c = b.value.scope.names.get(node.attr)
                if c is not None and c.kind in ("const", "mathconst"):
                    return c.value
        if isinstance(node, ast.Call) and self.folds(node):     # `INF = float("inf")`, `N = int(1e6)`
            args = [self.const_value(a) for a in node.args]
            return _apply(span, lambda: _FOLDED_CALLS[node.func.id](*args))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd, ast.Not, ast.Invert)):
            v = self.const_value(node.operand)
            return _apply(span, lambda: eval_unary(node.op, v))
        if isinstance(node, ast.BinOp):
            a, b = self.const_value(node.left), self.const_value(node.right)
            if isinstance(node.op, (ast.Pow, ast.LShift)) and all(type(v) is int for v in (a, b)) and b > 4096 \
                    and (abs(a) > 1 if isinstance(node.op, ast.Pow) else a != 0):
                raise FxSyntaxError(span, "integer constant does not fit in 64 bits",
                                    "keep it within -2**63 .. 2**64 - 1, or use a float")
            return _apply(span, lambda: eval_binary(node.op, a, b))
        raise FxSyntaxError(span, "module-level values must be constant numbers",
                            "use literals, other constants and math constants (e.g. `TWO_PI = 2 * math.pi`)")

    def constant_call(self, node: ast.expr) -> bool:
        """Whether a module-level value with calls in it is a constant all the same (`-float("inf")`)."""
        if not any(isinstance(sub, ast.Call) and self.folds(sub) for sub in ast.walk(node)):
            return False
        try:
            self.const_value(node)
        except FxSyntaxError:
            return False
        return True

    def folds(self, node: ast.expr) -> bool:
        """Whether `node` is a builtin conversion of constants that Python computes the same at
        import whatever runs it (`float("inf")`, `int(1e6)`, `abs(-3)`, `max(2, N)`)."""
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _FOLDED_CALLS
                and not node.keywords and node.args and self.scope.lookup(node.func.id) is None):
            return False
        for a in node.args:
            if isinstance(a, ast.Call):
                if not self.folds(a):
                    return False
            elif any(isinstance(sub, (ast.Call, ast.List, ast.Tuple, ast.Dict, ast.Set, ast.Starred,
                                      ast.comprehension)) for sub in ast.walk(a)):
                return False
        return True

    # -- signatures
    def signature(self, node: ast.FunctionDef) -> None:
        span = self.span(node)
        self.scope.defs[node.name] = node       # read by frontend/iterators.py's side-effect check
        options = self.decorator_options(node)
        target = options.pop("target", "cpu")
        a = node.args
        parameters(node)
        if node.returns is not None and target == "cpu":
            optional = annotations._optional(node.returns, self.scope)
            if optional is not None and not isinstance(_resolved_or_none(optional, self.scope), Struct):
                # `-> Optional[int]`: a number or None, as the returns give it (an object to Python)
                node.returns = None
            elif _bare_container(node.returns):
                # `-> list`, `-> dict`: the container the returns build, typed by them (a Python
                # one to Python callers; read as `object` it would refuse the native list it holds)
                node.returns = None
        from fastext.compiler.frontend import nptyping, templates
        from fastext.compiler.frontend.numba import signature_types
        signature_types(self, node)
        if not hasattr(node, "fx_self"):
            from fastext.compiler.frontend.pythran import export_types
            export_types(self, node)      # `#pythran export f(float[])` comments
        nptyping.prepare(node, self.scope)
        if target == "cpu" and not hasattr(node, "fx_self") and \
                (templates.is_template(node, self.scope, getattr(self, "functions", set())) or
                 nptyping.infers_return(node)):
            return self.template(node, options)
        if target == "cpu" and hasattr(node, "fx_self") and _method_template(node):
            return self.method_template(node, options)
        from fastext.compiler.frontend.numba import jit_only
        if target == "cpu" and not hasattr(node, "fx_self") and _inferred_result(node, jit_only(self, node)):
            return self.template(node, options)     # `def f(n: int):` — the result its returns give
        params: list[tuple[str, Type, Span]] = []
        if hasattr(node, "fx_self"):   # a struct method: `self` is the struct (frontend/structs.py)
            params.append(("self", *node.fx_self))
        for arg in a.args:
            if arg.annotation is None:
                raise FxSyntaxError(self.span(arg), f"parameter `{arg.arg}` of `{node.name}` needs a type annotation",
                                    f"write `{arg.arg}: f64` (or i64, f64[:], …)")
            ptype = annotations.resolve(arg.annotation, self.scope)
            if isinstance(ptype, Tuple) and not node.name.startswith("_") and target == "cpu":
                from fastext.abi.namespace import tuple_parameter
                if not tuple_parameter(ptype, arrays=True):     # taken from any sequence of its items
                    raise FxSyntaxError(self.span(arg.annotation), f"parameter `{arg.arg}` of the exported function "
                                        f"`{node.name}` is {ptype}: a tuple parameter holds numbers, structs, str "
                                        "values, lists, dicts, sets, arrays of numbers and tuples of them",
                                        "pass the other values as separate parameters (internal `_functions` may "
                                        "take any tuple)")
            params.append((arg.arg, ptype, self.span(arg)))
        if node.returns is None and target == "kernel":
            ret = NONE      # kernels return nothing: `-> None` is optional (docs/gpu.md)
        elif node.returns is None and target == "cpu" and _implicit_result(node) is not None:
            ret = _implicit_result(node)
        elif node.returns is None:
            hint = "write `-> f64`, `-> tuple[f64, i64]` or `-> None`"
            if target == "device":
                hint = "write the type it returns, e.g. `-> f32`, or `-> None`"
            raise FxSyntaxError(span, f"function `{node.name}` needs a return annotation", hint)
        else:
            ret = annotations.resolve(node.returns, self.scope, allow_none=True)
            if ret == STR:
                ret = STRV       # `-> str`: a str value, returned as the object itself (frontend/text.py)
        if not node.name.startswith("_") and target == "cpu":
            from fastext.compiler.frontend.nprandom import check_exported_signature
            check_exported_signature(node, params, ret, self.span)
        if not node.name.startswith("_") and "." not in node.name and target == "cpu":
            from fastext.compiler.frontend.classes import check_boundary
            try:
                check_boundary(node, params, ret, self.span)
            except FxSyntaxError:
                # `def check(t: Node) -> int` that the module's own code calls: compiled for those
                # calls only, as an internal function (Python's module does not get it)
                if not _named_elsewhere(self.tree, node):
                    raise
        from fastext.compiler.frontend.objects import check_signature
        check_signature(node, params, ret, options, self.span)
        if node.name in self.scope.ufuncs and not hasattr(node, "fx_self"):
            from fastext.compiler.frontend.ufuncs import check_annotated
            check_annotated(self.scope.ufuncs[node.name], node.name, params, ret)
        defaults: dict[str, tuple[Type, object]] = {}
        for (name, ptype, _), default in zip(params[len(params) - len(a.defaults):], a.defaults):
            if required_marker(default):
                continue        # keyword-only without a default, or the packed `*args`: every call gives it
            if ptype == OBJECT and isinstance(default, ast.Constant) and default.value is None:
                defaults[name] = (ptype, None)     # an optional object (a callback): None when not given
                continue
            if isinstance(ptype, Struct) and ptype.plain and isinstance(default, ast.Constant) and \
                    default.value is None:
                defaults[name] = (ptype, None)     # `nxt: Optional[Task] = None` (frontend/classes.py)
                continue
            if ptype == STR and isinstance(default, ast.Constant) and type(default.value) is str:
                try:
                    default.value.encode("utf-8")
                except UnicodeEncodeError:
                    raise FxSyntaxError(self.span(default), f"the default of `{name}` holds a lone surrogate",
                                        "use text that UTF-8 can encode") from None
                defaults[name] = (ptype, default.value)    # `ref: str = "sun"`: a str the module keeps
                continue
            if isinstance(default, ast.Constant) and isinstance(default.value, str):
                raise FxSyntaxError(self.span(default), f"default of `{name}` must be {article(ptype)} constant, "
                                    "not a str", "only `str` parameters take a str default")
            if isinstance(default, ast.Constant) and default.value is None:
                raise FxSyntaxError(self.span(default), f"`{name}` ({ptype}) cannot default to None",
                                    f"only `object` parameters can: `{name}: object = None`")
            value = self.const_value(default)
            if not isinstance(ptype, Scalar) or not constant_fits(value, ptype):
                raise FxSyntaxError(self.span(default), f"default of `{name}` must be {article(ptype)} constant",
                                    "defaults are limited to scalar constants")
            defaults[name] = (ptype, _convert_constant(value, ptype))
        if node.name in self.scope.signatures:
            raise FxSyntaxError(span, f"function `{node.name}` is defined twice", "rename one of them")
        if node.name in self.scope.names:
            raise FxSyntaxError(span, f"`{node.name}` is already bound at module level", "rename the function")
        from fastext.compiler.frontend.gpu import check_signature
        check_signature(self.scope, node, target, params, ret, defaults)
        if "extern" in options:
            from fastext.compiler.frontend.extern import check_declaration
            check_declaration(self, node, params, ret)
        sig = Signature(node.name, params, defaults, ret, span, options, target,
                        positional=getattr(node, "fx_positional", None), posonly=getattr(node, "fx_posonly", 0),
                        vararg=getattr(node, "fx_vararg", None),
                        vararg_private=getattr(node, "fx_vararg_private", False),
                        kwargs=getattr(node, "fx_kwargs", None))
        self.scope.signatures[node.name] = sig
        self.scope.registry[self.scope.qualify(node.name)] = sig
        if not hasattr(node, "fx_self"):
            self.scope.names[node.name] = Binding("func", self.scope.qualify(node.name))


    def generator(self, node: ast.FunctionDef, kind: str = "generator") -> None:
        """A generator function (or a function returning a function, `kind` "factory"): bound to its
        `def`, typed only where a loop iterates a call of it (where a call of it is bound or called)."""
        span = self.span(node)
        from fastext.compiler.frontend.numba import refused_decorator
        for deco in node.decorator_list:        # @numba.generated_jit returns a function: say why it is refused
            numba_error = refused_decorator(self, deco)
            if numba_error is not None:
                raise numba_error
        if node.decorator_list:
            raise FxSyntaxError(span, f"{'generator' if kind == 'generator' else 'function'} `{node.name}` cannot "
                                "be decorated", "remove the decorator: it is inlined where it is used")
        if node.name in self.scope.names or node.name in self.scope.signatures:
            raise FxSyntaxError(span, f"`{node.name}` is already bound at module level", "rename the generator")
        node.fx_file = self.scope.file      # inlined only into this module's functions (its names)
        self.scope.names[node.name] = Binding(kind, node)

    def method_template(self, node: ast.FunctionDef, options: dict) -> None:
        """A method with unannotated parameters or result (`def maximize(self, other):`):
        specialised per call as module functions are, `self` its first parameter."""
        from fastext.compiler.frontend.templates import Template, TParam
        qualname = self.scope.qualify(node.name)
        if qualname in self.scope.registry:
            raise FxSyntaxError(self.span(node), f"function `{node.name}` is defined twice", "rename one of them")
        tmpl = Template.of(node, qualname, self.scope, self.diags, options)
        stype, span = node.fx_self
        tmpl.params.insert(0, TParam("self", stype, None, None, span))
        self.scope.registry[qualname] = tmpl

    def template(self, node: ast.FunctionDef, options: dict) -> None:
        """A function specialised per call (frontend/templates.py): in the registry as a Template."""
        from fastext.compiler.frontend.templates import Template
        span = self.span(node)
        if node.name in self.scope.signatures or self.scope.qualify(node.name) in self.scope.registry:
            raise FxSyntaxError(span, f"function `{node.name}` is defined twice", "rename one of them")
        if node.name in self.scope.names:
            raise FxSyntaxError(span, f"`{node.name}` is already bound at module level", "rename the function")
        qualname = self.scope.qualify(node.name)
        self.scope.registry[qualname] = Template.of(node, qualname, self.scope, self.diags, options)
        self.scope.names[node.name] = Binding("func", qualname)


def _is_main_guard(stmt: ast.If) -> bool:
    t = stmt.test
    return (isinstance(t, ast.Compare) and isinstance(t.left, ast.Name) and t.left.id == "__name__"
            and len(t.comparators) == 1 and isinstance(t.comparators[0], ast.Constant)
            and t.comparators[0].value == "__main__")


def _type_of_constant(value) -> Type:
    if isinstance(value, str):
        return STRV
    if isinstance(value, bool):
        return BOOL
    if isinstance(value, int):     # beyond i64 (up to 2**64 - 1): u64, as such a literal in a function
        return I64 if value < 2**63 else SCALARS["u64"]
    if isinstance(value, complex):
        return C128
    return F64


def _convert_constant(value, t: Scalar):
    from fastext.dialect import ScalarType
    if t.is_bool:
        return bool(value)
    return ScalarType(t.name, t.kind, t.bits)(value)


def _apply(span: Span, fn):
    try:
        result = fn()
    except OverflowError as e:
        raise FxSyntaxError(span, f"cannot evaluate constant: {e}",
                            "integer constants must fit in i64; for a large number write a float (e.g. 1e300)") from None
    except (ArithmeticError, ValueError, TypeError) as e:
        raise FxSyntaxError(span, f"cannot evaluate constant: {e}", "check the constant expression") from None
    return result


def eval_unary(op: ast.unaryop, v):
    return {ast.USub: lambda: -v, ast.UAdd: lambda: +v, ast.Not: lambda: not v, ast.Invert: lambda: ~v}[type(op)]()


def eval_binary(op: ast.operator, a, b):
    import operator as o
    table = {ast.Add: o.add, ast.Sub: o.sub, ast.Mult: o.mul, ast.Div: o.truediv, ast.FloorDiv: o.floordiv,
             ast.Mod: o.mod, ast.Pow: o.pow, ast.LShift: o.lshift, ast.RShift: o.rshift,
             ast.BitAnd: o.and_, ast.BitOr: o.or_, ast.BitXor: o.xor}
    if type(op) not in table:
        raise TypeError("unsupported operator")
    _check_size(op, a, b)
    result = table[type(op)](a, b)
    if isinstance(result, complex) and not (isinstance(a, complex) or isinstance(b, complex)) or \
            isinstance(result, float) and math.isnan(result) and not (
            isinstance(a, float) and math.isnan(a)):
        raise ValueError("result is not a real number")
    return result


def _check_size(op: ast.operator, a, b) -> None:
    """Refuse to fold an integer `**` or `<<` whose result would have more than
    `config.CONSTANT_INT_BITS` bits (`10 ** 10 ** 10` would take minutes and gigabytes to
    compute, only to be refused as not fitting i64): an OverflowError, reported where the
    constant is written."""
    from fastext import config
    ints = isinstance(a, int) and isinstance(b, int) and not isinstance(a, bool) and not isinstance(b, bool)
    if not ints or b <= 0:
        return
    if isinstance(op, ast.Pow) and abs(a) > 1:
        bits = b * math.log2(abs(a))
    elif isinstance(op, ast.LShift) and a != 0:
        bits = b + abs(a).bit_length()
    else:
        return
    if bits > config.CONSTANT_INT_BITS:
        raise ConstantTooLarge(f"the result would have about {bits:.3g} bits; an integer constant holds at most 64")


class ConstantTooLarge(OverflowError):
    """Constant folding refused to compute an integer this large (`_check_size`)."""


def evaluated_too_early(tree: ast.Module, path: str) -> list:
    """Names that plain Python evaluates before the module binds them — a NameError at import
    of the interpreted module, so the compiler rejects them too (it must not accept what
    Python rejects).  Without `from __future__ import annotations` (and before Python 3.14,
    which evaluates annotations lazily) a `def`'s annotations are evaluated when the `def`
    runs: a method annotated with its own struct (`def add(self, o: P)` inside `class P`),
    or a function or method annotated with a struct defined further down.  Defaults are
    evaluated then in every version: one naming a constant defined further down fails too."""
    import sys
    from fastext.compiler.diagnostics import Diagnostic
    body = without_docstring(tree.body)
    lazy = sys.version_info >= (3, 14) or any(
        isinstance(s, ast.ImportFrom) and s.module == "__future__" and any(a.name == "annotations" for a in s.names)
        for s in body)
    later: set[str] = set()       # this module's struct classes and constants, until they are bound
    for stmt in body:
        if isinstance(stmt, ast.ClassDef):
            later.add(stmt.name)
        elif isinstance(stmt, ast.Assign):
            later.update(t.id for t in stmt.targets if isinstance(t, ast.Name))
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            later.add(stmt.target.id)
    out: list = []

    def check(fn: ast.FunctionDef, unbound: set[str], owner: str | None) -> None:
        annotated = [a.annotation for a in fn.args.args + fn.args.kwonlyargs if a.annotation is not None]
        if fn.returns is not None:
            annotated.append(fn.returns)
        places = ([] if lazy else [(a, "annotation") for a in annotated]) + \
            [(d, "default") for d in fn.args.defaults + [d for d in fn.args.kw_defaults if d is not None]]
        for expr, what in places:
            for node in ast.walk(expr):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id in unbound:
                    if owner == node.id:
                        why = (f"`{node.id}` is not bound yet while the body of class `{owner}` runs: plain Python "
                               f"evaluates the {what}s of `{fn.name}` then and raises NameError")
                    else:
                        why = (f"`{node.id}` is defined further down the module: plain Python evaluates the {what}s "
                               f"of `{fn.name}` when the `def` runs and raises NameError")
                    hint = ("add `from __future__ import annotations` at the top of the file (annotations are then "
                            f"not evaluated), or quote it: '{node.id}'") if what == "annotation" else \
                        f"define `{node.id}` before `{fn.name}`"
                    out.append(Diagnostic(Span.of(node, path), why, hint))
                    return

    for stmt in body:
        if isinstance(stmt, ast.FunctionDef):
            check(stmt, later, None)
            later.discard(stmt.name)
        elif isinstance(stmt, ast.ClassDef):
            for member in stmt.body:
                if isinstance(member, ast.FunctionDef):
                    check(member, later, stmt.name)
                elif isinstance(member, ast.AnnAssign) and not lazy:   # a field: evaluated with the class body
                    field = ast.FunctionDef(name=f"{stmt.name}.{ast.unparse(member.target)}",
                                            args=ast.arguments([], [], None, [], [], None, []), body=[],
                                            decorator_list=[], returns=member.annotation)
                    check(field, later, stmt.name)
            later.discard(stmt.name)
        elif isinstance(stmt, ast.Assign):
            later.difference_update(t.id for t in stmt.targets if isinstance(t, ast.Name))
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            later.discard(stmt.target.id)
    return out
