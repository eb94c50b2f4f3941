"""Typing of calls: module functions, builtins, `math`, scalar conversions like `i32(x)`."""
from __future__ import annotations

import ast
import difflib
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.frontend import alloc
from fastext.compiler.builtins import BUILTIN_FUNCS, MATH_FUNCS
from fastext.compiler import types as T
from fastext.compiler.types import (
    BOOL, C128, DIALECT_SCALARS, ERROR, F64, I64, OBJECT, Array, ErrorType, Scalar, Struct, Tuple, article, complex_part,
)

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker


_DRAINS = frozenset({"list", "sum", "min", "max", "sorted", "set"})   # consume a whole iterator


def math_supported() -> str:
    """The hint for an unknown `math` name: every function the registry has (the float ones of
    builtins.MATH_FUNCS and the integer and sequence ones of ops/pymath.py), then the constants."""
    from fastext.compiler.builtins import MATH_CONSTANTS
    names = sorted(s.partition(".")[2] for s in ops.spellings_under("math."))
    return "supported: " + ", ".join(names + sorted(MATH_CONSTANTS))

# the builtins that take a `range(...)` call as they take a list: a named range is spelled out for them
_OVER_RANGES = frozenset({"list", "sum", "sorted", "min", "max", "set", "reversed", "enumerate", "zip", "any", "all"})


def check_call(fc: "FunctionChecker", node: ast.Call) -> ir.Expr:
    try:
        return _check_call(fc, node)
    except _Poisoned:
        return ir.Expr(ERROR, fc.span(node))


def _check_call(fc: "FunctionChecker", node: ast.Call) -> ir.Expr:
    func = node.func
    if isinstance(func, ast.Subscript):
        from fastext.compiler.frontend.funcvals import table_call
        called = table_call(fc, node)       # `ops[i](x)`, `handlers[name](a, b)`
        if called is not None:
            return called
    if isinstance(func, ast.Attribute):
        from fastext.compiler.frontend import gpu
        root = func.value
        while isinstance(root, ast.Attribute):
            root = root.value
        path = gpu.gpu_path(fc.scope, func) if not (isinstance(root, ast.Name) and root.id in fc.vars) else None
        if path is not None:
            return gpu.call(fc, node, path)
    if isinstance(func, ast.Name) and func.id not in fc.vars and \
            getattr(fc.scope.lookup(func.id), "kind", None) == "pyattr":      # `from re import sub`: sub(...)
        from fastext.compiler.frontend import objects
        return objects.call(fc, node, fc.expr(func), None)
    qualname = numpy_name(fc, func)
    if qualname is not None:
        return numpy_call(fc, node, qualname, ast.unparse(func))
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id not in fc.vars:
        b = fc.scope.lookup(func.value.id)
        if b is not None and b.kind == "modvar" and b.value[1] is not None:   # `BODIES.values()`
            from fastext.compiler.frontend.module_containers import method
            return method(fc, node, b)
        if b is not None and b.kind == "module:sys":     # `sys.setrecursionlimit(n)`: Python's sys, called
            from fastext.compiler.frontend import objects
            module = ir.Intrinsic(T.OBJECT, fc.span(func.value), "py.import", [], {"name": "sys"})
            return objects.call(fc, node, module, func.attr)
        if b is not None and b.kind == "module:math":
            if func.attr not in MATH_FUNCS and ops.by_spelling(f"math.{func.attr}") is not None:
                return math_call(fc, node, func.attr)
            if func.attr not in MATH_FUNCS:
                raise fc.error(func, f"math.{func.attr} is not supported in .fx code", math_supported())
            return math_call(fc, node, func.attr)
        if b is not None and b.kind == "module:cmath":
            from fastext.compiler.frontend.cmathcalls import CMATH_FUNCS, cmath_call, supported
            if func.attr not in CMATH_FUNCS:
                raise fc.error(func, f"cmath.{func.attr} is not supported in .fx code", f"supported: {supported()}")
            return cmath_call(fc, node, func.attr)
        if b is not None and b.kind in ("module:random", "module:time", "module:heapq", "module:bisect",
                                        "module:itertools", "module:functools", "module:operator"):
            from fastext.compiler.frontend.pymodules import call as pymodule_call
            return pymodule_call(fc, node, b.kind.partition(":")[2])
        if b is not None and b.kind == "module:collections" and func.attr in ("defaultdict", "Counter"):
            from fastext.compiler.frontend.collections import construct
            return construct(fc, node, func.attr)
        if b is not None and b.kind == "module:fastext":
            if func.attr in DIALECT_SCALARS:
                return conversion(fc, node, DIALECT_SCALARS[func.attr])
            if func.attr in alloc.ALLOC_FUNCS:
                return alloc.alloc_call(fc, node, func.attr, f"{func.value.id}.{func.attr}")
        if b is not None and b.kind == "structtype" and b.value.plain:   # `Vector.zero()`: a static method
            from fastext.compiler.frontend.classes import static_call
            return static_call(fc, node, b.value, func.value.id)
        if b is not None and b.kind == "module:fx":   # `other.f(x)`: a native call into another .fx module
            target = b.value.scope.names.get(func.attr)
            shown = f"{func.value.id}.{func.attr}"
            if target is None:
                from fastext.compiler.frontend.graph import missing_name as _missing_name
                missing = _missing_name(fc.span(func), b.value, func.attr)
                raise fc.error(func, missing.message, missing.hint)
            if target.kind == "generator":
                raise fc.error(func, f"`{shown}` is a generator of another .fx module: it cannot be inlined here",
                               "define the generator in this module, or call a function of the other "
                               "module that returns a list")
            return _call_binding(fc, node, target, shown)
    if isinstance(func, ast.Attribute):
        from fastext.compiler.frontend import translate
        if translate.is_str_attr(fc, func):      # `str.maketrans(x, y)`, `str.upper(s)`
            return translate.str_call(fc, node)
        owner = fc.expr(func.value)
        if isinstance(owner.type, ErrorType):
            raise _Poisoned
        from fastext.compiler.frontend import text
        if text.textual(owner.type):         # s.upper(), ",".join(xs), s.find(t)
            return text.method_call(fc, node, owner, func.attr)
        if isinstance(owner.type, T.PyObj):
            from fastext.compiler.frontend import objects
            return objects.call(fc, node, owner, func.attr)
        if isinstance(owner.type, Array):
            op = ops.by_spelling(f"ndarray.{func.attr}")
            if fc.sig.target != "cpu" and func.attr in ARRAY_METHODS:
                op = None     # in GPU code: the per-thread loops of `array.sum` & co. (no arena, no recursion)
            if op is not None and op.check is not None and not op.data.get("property"):
                return op.check(fc, node, op, f"{ast.unparse(func.value)}.{func.attr}", owner)
            return array_method(fc, node, owner, func.attr)
        if isinstance(owner.type, T.List):
            from fastext.compiler.frontend import lists
            return lists.method(fc, node, owner, func.attr)
        if isinstance(owner.type, (T.Dict, T.Set)):
            from fastext.compiler.frontend import dicts
            return dicts.method(fc, node, owner, func.attr)
        if isinstance(owner.type, Struct):
            from fastext.compiler.frontend.structs import method_call
            return method_call(fc, node, owner, func.attr)
        if isinstance(owner.type, T.RandomGenerator):     # rng.normal(0, 1, n) (ops/nprandom.py)
            op = ops.by_spelling(f"Generator.{func.attr}")
            if op is None:
                raise fc.error(func, f"numpy.random.Generator has no method `{func.attr}` in .fx code",
                               f"supported: {', '.join(s.partition('.')[2] for s in ops.spellings_under('Generator.'))}")
            return op.check(fc, node, op, f"{ast.unparse(func.value)}.{func.attr}", owner)
        if isinstance(owner.type, Scalar) and not owner.type.is_complex:     # n.bit_length(), x.is_integer()
            from fastext.compiler.frontend.pymath import scalar_method
            made = scalar_method(fc, node, owner, func.attr)
            if made is not None:
                return made
        if isinstance(owner.type, Scalar) and owner.type.is_complex:
            if func.attr != "conjugate":
                raise fc.error(func, f"complex numbers have no method `{func.attr}` in .fx code",
                               "supported: z.conjugate(), z.real, z.imag")
            _no_keywords(fc, node, "conjugate()")
            if node.args:
                raise fc.error(node, "conjugate() takes no arguments", "z.conjugate()")
            return ir.Intrinsic(owner.type, fc.span(node), "complex.conjugate", [owner])
    if isinstance(func, ast.Call) and numpy_name(fc, func.func) == "numpy.vectorize":    # np.vectorize(f)(x)
        from fastext.compiler.frontend import funcvals, npvectorize
        return npvectorize.call(fc, node, funcvals.value_of(fc, func))
    if isinstance(func, ast.Call):      # `make_adder(3)(x)` (frontend/factories.py)
        from fastext.compiler.frontend.factories import call_result
        made = call_result(fc, node)
        if made is not None:
            return made
    if not isinstance(func, ast.Name):
        raise fc.error(func, f"cannot call `{ast.unparse(func)}` in .fx code",
                       "call module functions, builtins (abs, min, max, int, float, bool, len, round) or math.*")
    name = func.id
    hook = getattr(fc, "synth_calls", {}).get(name)
    if hook is not None:          # an operation a template calls by a name of its own (frontend/synth.py)
        return hook(fc, node)
    if name in fc.funcvals and fc.funcvals[name].vectorized:     # `vf = np.vectorize(f)`: vf(x)
        from fastext.compiler.frontend import npvectorize
        return npvectorize.call(fc, node, fc.funcvals[name])
    if name in fc.funcvals:       # a local function value: a direct call (frontend/funcvals.py)
        from fastext.compiler.frontend.templates import call_value
        return call_value(fc, node, fc.funcvals[name])
    if name in fc.vars and isinstance(fc.vars[name].type, T.PyObj):   # a Python callable
        from fastext.compiler.frontend import objects
        return objects.call(fc, node, fc.load_name(func), None)
    if name in fc.vars and isinstance(fc.vars[name].type, ErrorType):
        raise _Poisoned      # a name whose definition failed (a nested def in error): reported there
    if name in fc.vars:
        raise fc.error(func, f"`{name}` is a local variable, not a function", "rename the variable or the function")
    b = fc.scope.lookup(name)
    if b is None and name in _DRAINS and len(node.args) == 1 and not node.keywords and \
            isinstance(node.args[0], ast.Name) and node.args[0].id in fc.iterators:
        from fastext.compiler.frontend.iterators import drained     # `list(it)`, `sum(it)`: the rest of `it`
        return drained(fc, node, fc.iterators[node.args[0].id])
    if name == "next" and b is None:      # the first item of a generator (frontend/generators.py)
        from fastext.compiler.frontend.generators import next_call
        return next_call(fc, node)
    if b is not None and b.kind == "factory":
        from fastext.compiler.frontend.factories import misplaced as factory_misplaced
        raise factory_misplaced(fc, node, name)
    if name in fc.generators or b is not None and b.kind == "generator":
        from fastext.compiler.frontend.generators import misplaced
        raise misplaced(fc, node, name)
    if b is not None:
        return _call_binding(fc, node, b, name)
    if name == "len" and len(node.args) == 1 and not node.keywords and b is None:
        from fastext.compiler.frontend import rangevals
        if rangevals.named(fc, node.args[0]) or rangevals.is_range_call(fc, node.args[0]):   # len(rx), len(range(...))
            return rangevals.length(fc, node)
    if b is None and name in _OVER_RANGES:
        from fastext.compiler.frontend import rangevals
        spelled = rangevals.spelled_out(fc, node, _OVER_RANGES)     # `list(rx)`, `sum(rx)`: as of `range(...)` itself
        if spelled is not node:
            return _check_call(fc, spelled)
    from fastext.compiler.frontend import text
    of_text = text.builtin_call(fc, node, name)     # str(x), hex(n), int(s, 16), bytearray(), ...
    if of_text is not None:
        return of_text
    if name == "isinstance":      # of class instances (frontend/inherit.py)
        from fastext.compiler.frontend import typetests
        folded = typetests.isinstance_call(fc, node)     # of numbers, str, containers: a constant
        if folded is not None:
            return folded
        from fastext.compiler.frontend.inherit import isinstance_call
        return isinstance_call(fc, node)
    if name in BUILTIN_FUNCS:
        return builtin_call(fc, node, name)
    if name in ("divmod", "pow"):     # ops/pymath.py
        op = ops.by_spelling(name)
        return op.check(fc, node, op, name)
    if name in ("dict", "set"):
        from fastext.compiler.frontend import dicts
        return dicts.constructor(fc, node, name)
    if name in ("list", "sorted", "any", "all", "tuple"):
        from fastext.compiler.frontend import lists
        if name == "tuple":
            return lists.tuple_call(fc, node)
        if name == "list":
            return lists.list_call(fc, node)
        if name == "sorted":
            return lists.sorted_call(fc, node)
        value = None if _loop_call(node.args[0] if node.args else None, fc) \
            else fc.expr(node.args[0]) if node.args else None
        if value is not None and isinstance(value.type, Array) and value.type.ndim == 1 and len(node.args) == 1 \
                and not node.keywords:      # all(a >= 0): Python iterates the items, as np.all reads them
            op = ops.by_spelling(f"numpy.{name}")
            return op.check(fc, node, op, name)
        folded = lists.fold_call(fc, node, name, value)
        if folded is None:
            raise fc.error(node, f"{name}() takes a list, a comprehension or a generator expression here",
                           f"{name}(x > 0 for x in xs); for arrays: np.{name}(a)")
        return folded
    if name == "reversed":     # the consumers of frontend/mapfilter.py's `reversed_values` take it
        raise fc.error(node, "reversed() is supported as a for loop's iterable and as the argument of list(), "
                       "sorted(), tuple(), set(), sum(), min(), max(), any(), all() and str.join()",
                       "write `xs[::-1]` for a reversed copy of a list, str or tuple")
    if name == "range":
        raise fc.error(node, "range() is only supported as the iterable of a for loop or bound to a name",
                       "for i in range(n): ..., or `rx = range(n)`, then `for i in rx`, `len(rx)`, `i in rx`")
    if name == "print":
        from fastext.compiler.frontend.printing import print_call
        return print_call(fc, node)
    if name in fc.scope.__dict__.get("failed_classes", ()):     # `Box(n)` of a class already in error
        from fastext.compiler.frontend.expressions import poison
        return poison(fc.span(node))
    from fastext.compiler.frontend.suggest import names_in_scope, unknown_name_hint
    raise fc.error(func, f"unknown function `{name}`", unknown_name_hint(
        name, names_in_scope(fc),
        "define it in this module, or use a builtin (abs, min, max, int, float, bool, len, round) or math.*"))


def _call_binding(fc: "FunctionChecker", node: ast.Call, b, name: str) -> ir.Expr:
    """A call of a module-level name (`name` as written, for messages)."""
    if b.kind == "func":
        return user_call(fc, node, b.value, name)
    if b.kind == "mathfn":
        return math_call(fc, node, b.value)
    if b.kind == "cmathfn":
        from fastext.compiler.frontend.cmathcalls import cmath_call
        return cmath_call(fc, node, b.value)
    if b.kind == "scalar":
        return conversion(fc, node, b.value)
    if b.kind == "alloc":
        return alloc.alloc_call(fc, node, b.value, name)
    if b.kind == "op":     # `from numpy import sqrt`
        return numpy_call(fc, node, b.value, name)
    if b.kind == "pycollection":     # defaultdict(int), Counter(words)
        from fastext.compiler.frontend.collections import construct
        return construct(fc, node, b.value)
    if b.kind == "structtype":
        from fastext.compiler.frontend.structs import struct_call
        return struct_call(fc, node, b.value, name)
    raise fc.error(node.func, f"`{name}` is not callable", "call a function defined in this module, a builtin or math.*")


def numpy_name(fc: "FunctionChecker", func: ast.expr) -> str | None:
    """`numpy.linalg.norm` for `np.linalg.norm` (a chain of attributes rooted at NumPy), else None."""
    parts = []
    while isinstance(func, ast.Attribute):
        parts.append(func.attr)
        func = func.value
    if not (isinstance(func, ast.Name) and parts and func.id not in fc.vars):
        return None
    if func.id == "np$numpy":        # a template's `np` (frontend/synth.py)
        return ".".join(["numpy"] + parts[::-1])
    b = fc.scope.lookup(func.id)
    if b is None or not (b.kind == "module:numpy" or b.kind.startswith("module:numpy.")):
        return None    # (`from numpy import random` binds module:numpy.random)
    return ".".join([b.kind.partition(":")[2]] + parts[::-1])


def numpy_call(fc: "FunctionChecker", node: ast.Call, qualname: str, shown: str) -> ir.Expr:
    """A call of a NumPy function: its registry entry, a dtype used as a conversion
    (`np.float32(x)`), or an allocation function (frontend/alloc.py)."""
    op = ops.by_spelling(qualname)
    if op is not None and op.check is not None:
        return op.check(fc, node, op, shown)
    name = qualname[len("numpy."):]
    if name in alloc.NUMPY_DTYPES:
        return conversion(fc, node, alloc.NUMPY_DTYPES[name], numpy=True)
    return alloc.numpy_call(fc, node, name, shown)


def _no_keywords(fc, node: ast.Call, what: str) -> None:
    if node.keywords:
        raise fc.error(node.keywords[0].value, f"{what} takes no keyword arguments", "pass arguments by position")


class _Poisoned(Exception):
    """An argument already carries a reported error: the call reports nothing more."""


def _scalar_args(fc, node: ast.Call, what: str, real: bool = False) -> list[ir.Expr]:
    """The arguments, checked to be numbers (`real`: not complex either)."""
    args = [fc.expr(a) for a in node.args]
    for a, arg in zip(node.args, args):
        if isinstance(arg.type, ErrorType):
            raise _Poisoned
        if not isinstance(arg.type, Scalar):
            raise fc.error(a, f"{what} needs a number, got {article(arg.type)}",
                           "arrays are indexed element by element: a[i]" if isinstance(arg.type, Array) else "")
        if real and arg.type.is_complex:
            raise fc.error(a, f"{what} needs a real number, got {article(arg.type)}",
                           "use z.real, z.imag or abs(z)")
    return args


ARRAY_METHODS = ("sum", "min", "max", "fill", "copy", "item")


def array_method(fc: "FunctionChecker", node: ast.Call, array: ir.Expr, name: str) -> ir.Expr:
    """`a.sum()`, `a.min()`, `a.max()`, `a.fill(v)`: loops over every element, in index order."""
    span = fc.span(node)
    atype: Array = array.type
    if name not in ARRAY_METHODS:
        known = sorted(set(ARRAY_METHODS) | {s.rpartition(".")[2] for s in ops.spellings_under("ndarray.")
                                             if not ops.by_spelling(s).data.get("property")})
        close = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
        raise fc.error(node.func, f"arrays have no method `{name}` in .fx code",
                       (f"did you mean {', '.join(f'a.{m}()' for m in close)}? " if close else "")
                       + f"supported: {', '.join(f'a.{m}()' for m in known)}")
    _no_keywords(fc, node, f"a.{name}()")
    if isinstance(atype.dtype, Struct):
        raise fc.error(node.func, f"a.{name}() is not supported on arrays of structs", "write the loop")
    if name == "item":
        return _item(fc, node, array)
    if name == "copy":
        if node.args:
            raise fc.error(node, "a.copy() takes no arguments here", "order= is not supported: copies are C-contiguous")
        return alloc.copy_of(fc, node, array, node.func)
    if atype.dtype.is_complex and name != "fill":
        raise fc.error(node.func, f"a.{name}() is not supported on complex arrays yet", "write the loop")
    if name == "fill":
        if len(node.args) != 1:
            raise fc.error(node, "a.fill() takes one value", "a.fill(0.0)")
        (value,) = _scalar_args(fc, node, "a.fill()")
        return ir.Intrinsic(T.NONE, span, "array.fill", [array, fc.store_value(value, atype.dtype, node.args[0])])
    if node.args:
        raise fc.error(node, f"a.{name}() takes no arguments here", "axis= and other arguments are not supported yet")
    if name == "sum":
        # NumPy's result types: bools and integers sum in 64 bits (unsigned stay unsigned), floats keep theirs
        dtype = atype.dtype
        result = dtype if dtype.is_float else (T.U64 if dtype.kind == "uint" else I64)
        return ir.Intrinsic(result, span, "array.sum", [array])
    return ir.Intrinsic(atype.dtype, span, f"array.{name}", [array])


def _item(fc: "FunctionChecker", node: ast.Call, array: ir.Expr) -> ir.Expr:
    """`a.item()` (a one-item array), `a.item(k)` (flat index, C order), `a.item(i, j)`: one item.
    NumPy's errors: ValueError for item() of a bigger array, IndexError out of bounds."""
    span = fc.span(node)
    atype: Array = array.type
    indices = [fc.convert(i, I64) for i in _scalar_args(fc, node, "a.item()")]
    if any(not i.type.is_int for i in indices if isinstance(i.type, Scalar)):
        raise fc.error(node, "a.item() takes integer indices", "a.item(0)")
    if not indices:
        return ir.Intrinsic(atype.dtype, span, "array.item", [array])
    if len(indices) == atype.ndim:
        return ir.Index(atype.dtype, span, array, indices)
    if len(indices) == 1:       # a flat index into the items in C order
        flat = ir.Intrinsic(Array(atype.dtype, 1), span, "array.ravel", [array])
        return ir.Index(atype.dtype, span, flat, indices)
    raise fc.error(node, f"a.item() takes 0, 1 or {atype.ndim} indices for a {atype.ndim}-D array "
                         f"(ValueError in NumPy: incorrect number of indices)", "a.item(i, j)")


def positional_only_too_many(fc: "FunctionChecker", node: ast.Call, positional: int | None, leading: int,
                             name: str) -> None:
    """Python's TypeError for a keyword-only parameter passed by position (`f(x, 1e-6)` of
    `def f(x, *, tol=1e-8)`), as a located error."""
    if positional is not None and len(node.args) + leading > positional:
        n = positional - leading
        raise fc.error(node, f"`{name}` takes {n} positional argument{'s' if n != 1 else ''} but {len(node.args)} "
                             "were given (the others are keyword-only)", "pass the keyword-only ones by name")


def user_call(fc: "FunctionChecker", node: ast.Call, qualname: str, name: str,
              leading: list[ir.Expr] = ()) -> ir.Expr:
    """A call of a `.fx` function: `qualname` is its key in the registry (`f`, or `other.f` when
    imported), `name` how the call spells it; `leading`: arguments already bound to the first
    parameters (a struct method's `self`)."""
    sig = fc.scope.registry.get(qualname)
    if sig is None:
        raise fc.error(node.func, f"`{name}` is not a function", "call a function defined in a .fx module")
    from fastext.compiler.frontend.ufuncs import declared
    if declared(sig) is not None and not leading:    # a @vectorize function: NumPy's loops (frontend/ufuncs.py)
        from fastext.compiler import ops
        op = ops.get("fx.vectorized")
        return op.check(fc, node, op, name, qualname=qualname, sig=sig)
    from fastext.compiler.frontend.templates import Template, call
    if isinstance(sig, Template):     # specialised per call (frontend/templates.py)
        return call(fc, node, sig, name, leading=leading)
    from fastext.compiler.frontend.gpu import check_call_target
    check_call_target(fc, node, sig, name)
    span = fc.span(node)
    bound: dict[str, ir.Expr] = {p[0]: v for p, v in zip(sig.params, leading)}
    where: dict[str, ast.AST] = {p[0]: node.func for p in sig.params[:len(leading)]}
    params = sig.params[len(leading):]
    pnames = [p[0] for p in params]
    from fastext.compiler.frontend.callshape import shape
    node = shape(fc, node, pnames, sig.posonly, sig.vararg, name, len(leading), sig.kwargs)
    usage = f"call it as {name}({', '.join(pnames)})"
    if len(node.args) > len(params):
        raise fc.error(node, f"`{name}` takes {len(params)} arguments, got {len(node.args)}", usage)
    positional_only_too_many(fc, node, sig.positional, len(leading), name)
    for (pname, _, _), a in zip(params, node.args):
        bound[pname], where[pname] = fc.expr(a), a
    for kw in node.keywords:
        if kw.arg is None:
            raise fc.error(kw.value, "**kwargs in calls is not supported", f"pass arguments by name: {usage}")
        if kw.arg not in pnames:
            raise fc.error(kw.value, f"`{name}` has no parameter `{kw.arg}`", f"parameters: {', '.join(pnames)}")
        if kw.arg in bound:
            raise fc.error(kw.value, f"`{name}` got multiple values for `{kw.arg}`",
                           f"pass `{kw.arg}` either by position or by keyword; {usage}")
        bound[kw.arg], where[kw.arg] = fc.expr(kw.value), kw.value
    args = []
    for pname, ptype, _ in sig.params:
        if pname in bound:
            if sig.kwargs is not None and pname == sig.params[sig.kwargs][0] and isinstance(ptype, T.Dict):
                from fastext.compiler.frontend.callshape import coerce_keywords
                args.append(coerce_keywords(fc, bound[pname], ptype, where[pname], pname, name))
                continue
            args.append(fc.coerce(bound[pname], ptype, where[pname], f"argument `{pname}` of `{name}`"))
        elif pname in sig.defaults:
            dtype, value = sig.defaults[pname]
            if isinstance(dtype, T.Str):      # `ref: str = "sun"`: the literal's characters
                args.append(fc.coerce(ir.ObjConst(T.STRV, span, value), dtype, node, f"argument `{pname}` of `{name}`"))
                continue
            if isinstance(dtype, T.Struct) and dtype.plain:     # `nxt: Optional[Task] = None`
                args.append(ir.Intrinsic(dtype, span, "record.none", []))
                continue
            args.append(ir.ObjConst(dtype, span, None) if isinstance(dtype, T.PyObj) else ir.Const(dtype, span, value))
        else:
            raise fc.error(node, f"`{name}` is missing argument `{pname}`", usage)
    if sig.vararg is not None:      # `*args` packed at this call: in the frame when the callee only reads it
        from fastext.compiler.frontend.callshape import in_frame
        in_frame(args[sig.vararg], sig.vararg_private)
    ret = sig.ret
    return ir.Call(ret, span, qualname, args)


def math_call(fc: "FunctionChecker", node: ast.Call, name: str) -> ir.Expr:
    if name not in MATH_FUNCS:     # integer and sequence functions (ops/pymath.py)
        op = ops.by_spelling(f"math.{name}")
        return op.check(fc, node, op, f"math.{name}")
    fn = MATH_FUNCS[name]
    _no_keywords(fc, node, f"math.{name}")
    if len(node.args) != fn.arity:
        raise fc.error(node, f"math.{name} takes {fn.arity} argument{'s' if fn.arity > 1 else ''}, "
                             f"got {len(node.args)}", f"math.{name}({', '.join('xy'[:fn.arity])})")
    scalars = _scalar_args(fc, node, f"math.{name}", real=True)
    if fn.to_int and len(scalars) == 1 and (scalars[0].type.is_int or scalars[0].type.is_bool):
        # math.floor/ceil/trunc of an int is the int itself in Python (its __floor__); through
        # f64 an int beyond 2**53 would round, and 2**63 - 1 would overflow
        return scalars[0] if scalars[0].type.is_int else fc.convert(scalars[0], I64)
    args = [fc.convert(a, F64) for a in scalars]
    return ir.Intrinsic(fn.result, fc.span(node), f"math.{name}", args)


def conversion(fc: "FunctionChecker", node: ast.Call, t: Scalar, numpy: bool = False) -> ir.Expr:
    """`f32(x)`, `int(x)`, ...; `numpy`: NumPy's scalar type (`np.float32(x)`), whose result is a
    NumPy scalar in Python: typed (never a weak literal, even of a literal), so `np.float32(0.1) * 3`
    stays float32 as NEP 50 has it."""
    if numpy:
        value = conversion(fc, node, t)
        if isinstance(value, ir.Cast):
            value.strong = True
            return value
        if isinstance(value.type, Scalar):      # a literal, or a value of that type already
            return ir.Cast(t, value.span, value, strong=True)
        return value
    _no_keywords(fc, node, t.name)
    if len(node.args) != 1:
        raise fc.error(node, f"{t.name}() takes one argument", f"{t.name}(x)")
    from fastext.compiler.frontend import objects
    of_object = objects.explicit(fc, node, t)
    if of_object is not None:
        return of_object
    (value,) = _scalar_args(fc, node, f"{t.name}()")
    return _cast(fc, value, t, node)


# f64 values that may be Python ints (frontend/intflags.py: flag): `float(v)` of one is a float
_MAY_HOLD_INT = (ir.Load, ir.Call, ir.BinOp, ir.UnaryOp, ir.IfExp, ir.TupleGet)


def _cast(fc, value: ir.Expr, t: Scalar, node: ast.AST) -> ir.Expr:
    if isinstance(value.type, ErrorType):
        return value
    if value.type == t:
        if t == F64 and (isinstance(value, _MAY_HOLD_INT) or isinstance(value, ir.Intrinsic)
                         and value.name in ("min", "max", "abs", "dict.getitem", "dict.value", "list.get")):
            # no conversion, but Python's float: the int flag stops here (`float(total)` shows 0.0)
            return ir.Cast(t, fc.span(node), value, explicit=True)
        return value
    if value.type.is_complex and not t.is_complex and not t.is_bool:
        raise fc.error(node, f"cannot convert {article(value.type)} to {t.name} (Python raises TypeError)",
                       "use z.real, z.imag or abs(z)")
    if t.is_bool:
        return fc.truth(value, node)
    if isinstance(value, ir.Const) and not (value.type.is_float and t.is_int):
        made = fc.convert(value, t)
        if isinstance(made, ir.Const):
            made.int_literal = False        # `float(3)` is Python's float 3.0
        return made
    return ir.Cast(t, fc.span(node), value, explicit=True)


def _loop_call(arg: ast.expr | None, fc: "FunctionChecker | None" = None) -> bool:
    """A comprehension, generator expression, `zip/enumerate/range/reversed(...)` or a generator
    call (frontend/generators.py): iterated by the loops of frontend/lists.py, not typed as a value first."""
    if fc is not None:
        from fastext.compiler.frontend.generators import source
        if source(fc, arg) is not None:
            return True
    return isinstance(arg, (ast.ListComp, ast.GeneratorExp, ast.SetComp)) or isinstance(arg, ast.Call) and (
        isinstance(arg.func, ast.Name) and arg.func.id in ("zip", "enumerate", "range", "reversed")
        or isinstance(arg.func, ast.Attribute) and arg.func.attr in ("keys", "values", "items") and not arg.args)


def _items_builtin(fc: "FunctionChecker", node: ast.Call, name: str, value: ir.Expr | None = None) -> ir.Expr:
    """`sum(a)`, `min(a)`, `max(a)` of a 1-D array: Python's rules over its items (`ops/reductions.py`)."""
    if len(node.args) != 1:
        raise fc.error(node, f"{name}() takes one array here", f"{name}(a)" + (" + start" if name == "sum" else ""))
    value = fc.expr(node.args[0]) if value is None else value
    if isinstance(value.type, ErrorType):
        raise _Poisoned
    if isinstance(value.type, Tuple) and value.type.items and all(isinstance(t, Scalar) for t in value.type.items):
        return tuple_fold(fc, node, name, value)
    if isinstance(value.type, T.PyObj) and value.type.check in ("bytes", "bytearray"):
        # a `bytearray()` built here: its items are ints 0-255, so Python's own sum/min/max is an int
        target = ir.Intrinsic(OBJECT, fc.span(node), "py.builtin", [], {"name": name})
        call = ir.ObjCall(OBJECT, fc.span(node), target, None, [value], ())
        return ir.ObjConvert(I64, fc.span(node), call, "python", ast.unparse(node))
    if not isinstance(value.type, Array) or not isinstance(value.type.dtype, Scalar):
        raise fc.error(node.args[0], f"{name}() of {article(value.type)} is not supported yet",
                       f"{name}() of a 1-D array of numbers; for two or more numbers: min(a, b)")
    if value.type.ndim != 1:
        raise fc.error(node.args[0], f"{name}() of a {value.type.ndim}-D array iterates over its rows",
                       f"np.{name}(a, axis=0) is the same, in NumPy's order" if name == "sum"
                       else f"np.{name}(a) for the extreme item")
    t = value.type.dtype
    if name != "sum" and t.is_complex:
        raise fc.error(node, f"{name}() of complex numbers: they have no order (TypeError in Python)",
                       f"{name}(abs(z)) or a loop")
    if name == "sum" and t.is_bool:
        t = I64       # 0 + np.True_ is an int64
    return ir.Intrinsic(t, fc.span(node), f"py.{name}", [value], {"axis": None})


def tuple_fold(fc: "FunctionChecker", node: ast.AST, name: str, value: ir.Expr) -> ir.Expr:
    """`sum/min/max` (and NumPy's `prod`) of a tuple of numbers such as `a.shape`: its items
    combined in order (a tuple value is read once: a name or a tuple expression)."""
    span = fc.span(node)
    if not isinstance(value, (ir.MakeTuple, ir.Load)):
        raise fc.error(node, f"{name}() of a computed tuple is not supported here", "assign the tuple to a name first")
    items = list(value.items) if isinstance(value, ir.MakeTuple) else \
        [ir.TupleGet(t, span, value, k) for k, t in enumerate(value.type.items)]
    if name in ("min", "max"):
        t = items[0].type
        for other in items[1:]:
            t = fc.result_type(ir.Expr(t, span), other)
        return ir.Intrinsic(t, span, name, [fc.convert(i, t) for i in items]) if len(items) > 1 else items[0]
    total = ir.Const(I64, span, 0 if name == "sum" else 1)
    for item in items:
        total = fc.binop("+" if name == "sum" else "*", total, item, node)
    return total


def _with_default(fc: "FunctionChecker", node: ast.Call, name: str) -> ir.Expr:
    """`max(xs, default=d)`, `min((len(w) for w in ws), default=0)`: the items collected once
    into a list, then `max(items) if items else d`."""
    default = next(kw.value for kw in node.keywords if kw.arg == "default")
    rest = [kw for kw in node.keywords if kw.arg != "default"]
    arg = node.args[0]
    if isinstance(arg, ast.GeneratorExp):
        arg = ast.ListComp(arg.elt, arg.generators)
    elif not isinstance(arg, (ast.Name, ast.ListComp, ast.List)):
        arg = ast.Call(ast.Name("list", ast.Load()), [arg], [])
    fc.temp_count += 1
    items = f"$items{fc.temp_count}"
    bind = ast.Assign([ast.Name(items, ast.Store())], arg)
    pick = ast.IfExp(ast.Name(items, ast.Load()),
                     ast.Call(node.func, [ast.Name(items, ast.Load())], rest), default)
    for part in (bind, pick):
        for sub in ast.walk(part):
            if not hasattr(sub, "lineno"):
                ast.copy_location(sub, node)
    before = len(fc.diags.items)
    stmts = fc.block([bind])
    if len(fc.diags.items) != before:
        return ir.Expr(ERROR, fc.span(node))
    result = fc.expr(pick)
    return ir.StmtExpr(result.type, fc.span(node), stmts, result)


def _several_with_key(fc: "FunctionChecker", node: ast.Call, name: str) -> ir.Expr:
    """`min(a, b, key=f)`: the arguments as the list `min([a, b], key=f)` picks from (the same
    first-of-the-smallest rule, the arguments evaluated once, left to right); `key=None` is no key."""
    for kw in node.keywords:
        if kw.arg != "key":
            what = "**kwargs" if kw.arg is None else f"`{kw.arg}=`"
            raise fc.error(kw.value, f"{name}() with several arguments takes only `key=`, not {what}",
                           f"{name}(a, b, key=f); `default=` goes with one iterable: {name}(xs, default=d)")
    key = node.keywords[0].value
    if isinstance(key, ast.Constant) and key.value is None:
        return builtin_call(fc, ast.copy_location(ast.Call(node.func, node.args, []), node), name)
    items = ast.copy_location(ast.List(list(node.args), ast.Load()), node)
    return builtin_call(fc, ast.copy_location(ast.Call(node.func, [items], node.keywords), node), name)


def builtin_call(fc: "FunctionChecker", node: ast.Call, name: str) -> ir.Expr:
    span = fc.span(node)
    if name in ("min", "max") and len(node.args) == 1 and any(kw.arg == "default" for kw in node.keywords):
        return _with_default(fc, node, name)
    if name in ("min", "max") and len(node.args) > 1 and node.keywords:
        return _several_with_key(fc, node, name)
    if not (name in ("min", "max") and len(node.args) == 1):     # min(xs, key=f): frontend/listsort.py
        _no_keywords(fc, node, f"{name}()")
    if name == "ord":
        from fastext.compiler.frontend import strings
        of_char = strings.ord_of(fc, node)     # ord(c) of a character of a str parameter
        if of_char is not None:
            return of_char
        # ord("\n") / ord(b"a"): a compile-time constant
        arg = node.args[0] if len(node.args) == 1 else None
        if not (isinstance(arg, ast.Constant) and isinstance(arg.value, (str, bytes)) and len(arg.value) == 1):
            raise fc.error(node, "ord() takes a one-character string or bytes literal", 'ord("\\n")')
        value = arg.value[0] if isinstance(arg.value, bytes) else ord(arg.value)
        return ir.Const(I64, span, value)
    if name == "len":
        if len(node.args) != 1:
            raise fc.error(node, "len() takes one argument", "len(a)")
        from fastext.compiler.frontend.funcvals import table_of
        table = table_of(fc, node.args[0])
        if table is not None:       # `len(ops)` of a table of functions
            return ir.Const(I64, span, len(table[1]))
        value = fc.expr(node.args[0])
        if isinstance(value.type, ErrorType):
            raise _Poisoned
        from fastext.compiler.frontend import dunders, recordops
        value = recordops.as_tuple(fc, value, node) or value     # `len(p)` of a named tuple
        if dunders.involved(value):      # `len(q)` → q.__len__()
            return fc.convert(dunders.builtin(fc, "len", value, node), I64)
        if isinstance(value.type, Array):
            return ir.ArrayDim(I64, span, value, 0)
        if isinstance(value.type, Tuple):
            return ir.Const(I64, span, len(value.type.items))
        if isinstance(value.type, T.Str):
            from fastext.compiler.frontend import strings
            return strings.length(span, value)
        if isinstance(value.type, T.PyObj):
            return ir.ObjLen(I64, span, value)
        if isinstance(value.type, T.List):
            return ir.Intrinsic(I64, span, "list.len", [value])
        if isinstance(value.type, (T.Dict, T.Set)):
            return ir.Intrinsic(I64, span, "dict.len", [value])
        raise fc.error(node.args[0], f"len() of {article(value.type)}", "len() takes an array or a tuple")
    if name == "sum" and len(node.args) in (1, 2) or name in ("min", "max") and len(node.args) == 1:
        from fastext.compiler.frontend import lists
        arg = node.args[0]
        value = None if _loop_call(arg, fc) else fc.expr(arg)
        folded = lists.fold_call(fc, node, name, value)
        if folded is not None:
            return folded
        _no_keywords(fc, node, f"{name}() of {article(value.type) if value is not None else 'this'}")
        return _items_builtin(fc, node, name, value)
    if name in ("min", "max"):
        if len(node.args) < 2:
            raise fc.error(node, f"{name}() needs at least two numbers in .fx code",
                           "reductions over arrays: write a loop")
        args = _scalar_args(fc, node, f"{name}()", real=True)
        t, weak = args[0].type, isinstance(args[0], ir.Const)
        for a in args[1:]:
            # literals are weak here too: max(x_i32, 0) stays i32
            left = ir.Const(t, span, 0) if weak else ir.Expr(t, span)
            t, weak = fc.result_type(left, a), weak and isinstance(a, ir.Const)
        return ir.Intrinsic(t, span, name, [fc.convert(a, t) for a in args])
    if name == "complex":
        if not 1 <= len(node.args) <= 2:
            raise fc.error(node, "complex() takes one or two numbers here", "complex(re, im)")
        if len(node.args) == 1:
            from fastext.compiler.frontend import objects
            of_object = objects.explicit(fc, node, C128)
            if of_object is not None:
                return of_object
            (value,) = _scalar_args(fc, node, "complex()")
            return _cast(fc, value, C128, node)
        re, im = _scalar_args(fc, node, "complex()", real=True)
        return ir.Intrinsic(C128, span, "complex.make", [fc.convert(re, F64), fc.convert(im, F64)])
    if len(node.args) != 1 and name != "round":
        raise fc.error(node, f"{name}() takes one argument", f"{name}(x)")
    if name in ("int", "float", "bool"):
        from fastext.compiler.frontend import objects
        of_object = objects.explicit(fc, node, {"int": I64, "float": F64, "bool": BOOL}[name])
        if of_object is not None:
            return of_object
    if name == "bool":     # Python's truth of anything a condition takes: bool(xs), bool(d), bool(v)
        value = fc.expr(node.args[0])
        if isinstance(value.type, ErrorType) or not isinstance(value.type, Array):
            return value if isinstance(value.type, ErrorType) else fc.truth(value, node)
    if name == "round":
        if len(node.args) == 2:     # round(x, n): CPython's own correctly rounded __round__ (through the C API)
            from fastext.compiler.frontend import objects
            value, digits = _scalar_args(fc, node, "round()", real=True)
            if not digits.type.is_int:
                raise fc.error(node.args[1], "round()'s ndigits must be an int", "round(x, 2)")
            call = ir.ObjCall(OBJECT, span, objects.box(fc, value, node.args[0]), "__round__",
                              [objects.box(fc, fc.convert(digits, I64), node.args[1])])
            return ir.ObjConvert(F64 if value.type.is_float else I64, span, call, "python", ast.unparse(node))
        if len(node.args) != 1:
            raise fc.error(node, "round() takes a number and, optionally, ndigits", "round(x) or round(x, 2)")
        (value,) = _scalar_args(fc, node, "round()", real=True)
        if value.type.is_float:
            return ir.Intrinsic(I64, span, "round", [value])
        return fc.convert(value, I64)
    if name == "abs" and len(node.args) == 1:
        arg = fc.expr(node.args[0])
        from fastext.compiler.frontend import dunders
        if dunders.involved(arg):            # `abs(v)` → v.__abs__()
            return dunders.builtin(fc, "abs", arg, node)
        if isinstance(arg.type, Array):     # abs(a) is np.absolute(a), as ndarray.__abs__ is
            from fastext.compiler.frontend.arrays import elementwise
            return elementwise(fc, ops.get("np.absolute"), [arg], node)
    (value,) = _scalar_args(fc, node, f"{name}()")
    if name == "abs":
        if value.type.is_complex:
            return ir.Intrinsic(complex_part(value.type), span, "abs", [value])
        t = I64 if value.type == BOOL else value.type
        if t.kind == "uint":
            return value
        return ir.Intrinsic(t, span, "abs", [fc.convert(value, t)])
    if name == "int":
        return _cast(fc, value, I64, node)
    if name == "float":
        return _cast(fc, value, F64, node)
    if name == "bool":
        return fc.truth(value, node)
    raise fc.error(node, f"unsupported builtin {name}", "see docs/language.md for the builtins")
