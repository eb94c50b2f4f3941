"""Typing of new arrays and whole-view stores: `np.zeros(...)` & co., `a.copy()`, `a[1:] = ...`,
and the rule that a returned array is never a view of a parameter.

Allocation calls are spelled as in NumPy, through `import numpy as np` (`np.zeros`) or
`from fastext import zeros` (the same signatures, run by NumPy under plain Python):

    empty/zeros/ones(shape, dtype=float)      full(shape, fill_value, dtype=None)
    empty_like/zeros_like/ones_like(a, dtype=None)      full_like(a, fill_value, dtype=None)
    copy(a) (np.copy), a.copy()

They become `ir.Intrinsic`s named `array.<function>` whose type is the new array's:
args are the dimensions (each i64) or, for the `_like` forms, the source array, then the
fill value (already of the dtype) for `full`.  `a[...] = x` becomes `array.fill` (a
scalar) or `array.assign` (an array: NumPy's broadcasting and overlap rules).
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler.types import (
    BOOL, BUILTIN_SCALARS, C128, DIALECT_SCALARS, F64, I64, NONE, SCALARS, Array, ErrorType, List, Scalar, Tuple,
    article,
)

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

ALLOC_FUNCS = ("empty", "zeros", "ones", "full", "empty_like", "zeros_like", "ones_like", "full_like")
# The NumPy module's names `np.<name>` may use in .fx code (copy is np.copy(a)).
NUMPY_FUNCS = ALLOC_FUNCS + ("copy",)
NUMPY_DTYPES: dict[str, Scalar] = {
    "int8": SCALARS["i8"], "int16": SCALARS["i16"], "int32": SCALARS["i32"], "int64": SCALARS["i64"],
    "uint8": SCALARS["u8"], "uint16": SCALARS["u16"], "uint32": SCALARS["u32"], "uint64": SCALARS["u64"],
    "float32": SCALARS["f32"], "float64": F64, "complex64": SCALARS["c64"], "complex128": C128,
    "bool": BOOL, "bool_": BOOL,
}
DTYPE_HINT = "write a dialect type (f64, i32, …), a NumPy type (np.float64, np.int32, …) or float/int/bool/complex"
SHAPE_HINT = "the shape is an int or a tuple of ints: np.zeros(n), np.zeros((rows, cols)), np.zeros(a.shape)"


def numpy_call(fc: "FunctionChecker", node: ast.Call, name: str, shown: str) -> ir.Expr:
    """`np.<name>(...)`: one of the NumPy functions the dialect implements."""
    if name == "copy":
        if len(node.args) != 1 or node.keywords:
            raise fc.error(node, f"{shown}() takes one array here", f"{shown}(a), or a.copy()")
        return copy_of(fc, node, fc.expr(node.args[0]), node.args[0])
    if name not in ALLOC_FUNCS:
        from fastext.compiler import ops
        close = ops.close_to(f"numpy.{name}")
        prefix = shown.rpartition(".")[0]
        hint = f"did you mean {', '.join(prefix + '.' + c.rpartition('.')[2] for c in close)}? " if close else ""
        raise fc.error(node.func, f"`{shown}` is not supported in .fx code",
                       hint + "docs/language.md lists the NumPy functions .fx code can call; "
                              "write a loop for the rest")
    return alloc_call(fc, node, name, shown)


def copy_of(fc: "FunctionChecker", node: ast.AST, value: ir.Expr, where: ast.AST) -> ir.Expr:
    """`a.copy()`: a new C-contiguous array with the items of any view."""
    if isinstance(value.type, ErrorType):
        return value
    if not isinstance(value.type, Array):
        raise fc.error(where, f"cannot copy {article(value.type)}", "copy() takes an array")
    return ir.Intrinsic(value.type, fc.span(node), "array.copy", [value])


def alloc_call(fc: "FunctionChecker", node: ast.Call, name: str, shown: str) -> ir.Expr:
    """`zeros(shape, dtype=...)` and the rest of ALLOC_FUNCS, spelled `shown` in the source."""
    like, full = name.endswith("_like"), name.startswith("full")
    pnames = ["a" if like else "shape"] + (["fill_value"] if full else []) + ["dtype"]
    usage = f"{shown}({', '.join(pnames[:-1])}, dtype=f64)"
    if any(isinstance(a, ast.Starred) for a in node.args):
        raise fc.error(node, f"{shown}() does not take *args here", usage)
    if len(node.args) > len(pnames):
        raise fc.error(node, f"{shown}() takes at most {len(pnames)} arguments here, got {len(node.args)}", usage)
    bound: dict[str, ast.expr] = dict(zip(pnames, node.args))
    for kw in node.keywords:
        if kw.arg is None or kw.arg not in pnames:
            raise fc.error(kw.value, f"{shown}() has no parameter `{kw.arg}` in .fx code",
                           f"parameters: {', '.join(pnames)} (order=, like= … are not supported)")
        if kw.arg in bound:
            raise fc.error(kw.value, f"{shown}() got multiple values for `{kw.arg}`", usage)
        bound[kw.arg] = kw.value
    for p in pnames[:-1]:
        if p not in bound:
            raise fc.error(node, f"{shown}() is missing argument `{p}`", usage)
    span = fc.span(node)
    dtype = resolve_dtype(fc, bound["dtype"]) if "dtype" in bound else None
    args: list[ir.Expr] = []
    if like:
        src = fc.expr(bound["a"])
        if isinstance(src.type, ErrorType):
            return src
        if not isinstance(src.type, Array):
            raise fc.error(bound["a"], f"{shown}() needs an array, got {article(src.type)}",
                           f"{shown[:-5]}(shape) takes a shape")
        ndim = src.type.ndim
        args.append(src)
    else:
        dims = shape_dims(fc, bound["shape"])
        ndim = len(dims)
        args += dims
    if full:
        value = fc.expr(bound["fill_value"])
        if isinstance(value.type, ErrorType):
            return value
        if not isinstance(value.type, Scalar):
            raise fc.error(bound["fill_value"], f"the fill value must be a number, got {article(value.type)}",
                           "np.full(shape, 0.0)")
        if dtype is None:
            dtype = src.type.dtype if like else _full_dtype(value.type)
        args.append(fc.store_value(value, dtype, bound["fill_value"]))
    if dtype is None:
        dtype = src.type.dtype if like else F64
    return ir.Intrinsic(Array(dtype, ndim), span, f"array.{name}", args)


def _full_dtype(t: Scalar) -> Scalar:
    """NumPy's dtype for `full(shape, v)`: the default type of v's kind (as a Python number)."""
    if t.is_bool:
        return BOOL
    if t.is_complex:
        return C128
    return F64 if t.is_float else I64


def shape_dims(fc: "FunctionChecker", node: ast.expr) -> list[ir.Expr]:
    """The dimensions of a shape argument, each an i64 expression evaluated once."""
    if isinstance(node, ast.Tuple):
        if not node.elts:
            raise fc.error(node, "0-d arrays are not supported", "use a scalar, or a shape like (1,)")
        return [_dim(fc, e) for e in node.elts]
    value = fc.expr(node)
    if isinstance(value.type, ErrorType):
        return [value]
    if isinstance(value.type, Scalar):
        return [_dim(fc, node, value)]
    if isinstance(value.type, Tuple) and all(isinstance(t, Scalar) and t.is_int for t in value.type.items):
        if not value.type.items:
            raise fc.error(node, "0-d arrays are not supported", "use a scalar, or a shape like (1,)")
        if isinstance(value, ir.MakeTuple):
            return [fc.convert(v, I64) if v.type != SCALARS["u64"] else ir.Cast(I64, v.span, v)
                    for v in value.items]
        if isinstance(value, ir.Load):
            return [ir.Cast(I64, value.span, ir.TupleGet(t, value.span, value, k)) if t != I64
                    else ir.TupleGet(t, value.span, value, k) for k, t in enumerate(value.type.items)]
        raise fc.error(node, "pass the shape as a tuple or a variable", "s = f(x); np.zeros(s)")
    raise fc.error(node, f"the shape must be an int or a tuple of ints, not {value.type}", SHAPE_HINT)


def _dim(fc: "FunctionChecker", node: ast.expr, value: ir.Expr | None = None) -> ir.Expr:
    value = fc.expr(node) if value is None else value
    if isinstance(value.type, ErrorType):
        return value
    if not (isinstance(value.type, Scalar) and value.type.is_int):
        raise fc.error(node, f"array dimensions must be integers, not {value.type}",
                       "convert with int(...)" if isinstance(value.type, Scalar) else SHAPE_HINT)
    if isinstance(value, ir.Const) and int(value.value) < 0:
        raise fc.error(node, "negative dimensions are not allowed", "a dimension is 0 or more")
    if value.type == SCALARS["u64"]:
        return ir.Cast(I64, value.span, value)
    return fc.convert(value, I64)


def resolve_dtype(fc: "FunctionChecker", node: ast.expr) -> Scalar | None:
    """A `dtype=` argument: f64, fastext.f64, np.float64, float, "float64", `a.dtype`, None (the default)."""
    if isinstance(node, ast.Constant) and node.value is None:
        return None
    if isinstance(node, ast.Attribute) and node.attr == "dtype" and not _names_module(fc, node.value):
        value = fc.expr(node.value)          # `a.dtype`: the dtype of an array
        if isinstance(value.type, Array) and isinstance(value.type.dtype, Scalar):
            return value.type.dtype
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in NUMPY_DTYPES:
        return NUMPY_DTYPES[node.value]
    if isinstance(node, ast.Name) and node.id not in fc.vars:
        found = fc.scope.scalar(node.id)
        if found is not None:
            return found
        if node.id in BUILTIN_SCALARS and fc.scope.lookup(node.id) is None:
            return BUILTIN_SCALARS[node.id]
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id not in fc.vars:
        b = fc.scope.lookup(node.value.id)
        if b is not None and b.kind == "module:numpy" and node.attr in NUMPY_DTYPES:
            return NUMPY_DTYPES[node.attr]
        if b is not None and b.kind == "module:fastext" and node.attr in DIALECT_SCALARS:
            return DIALECT_SCALARS[node.attr]
    raise fc.error(node, f"`{ast.unparse(node)}` is not a dtype the dialect knows", DTYPE_HINT)


def _names_module(fc: "FunctionChecker", node: ast.expr) -> bool:
    """Whether `node` is a module-level name bound to a module (`np` in `np.dtype`)."""
    if not isinstance(node, ast.Name) or node.id in fc.vars:
        return False
    b = fc.scope.lookup(node.id)
    return b is not None and b.kind.startswith("module:")


# ----------------------------------------------------------------------------- slice assignment

def slice_assign(fc: "FunctionChecker", target: ast.Subscript, array: ir.Expr, value: ir.Expr,
                 node: ast.AST) -> list[ir.Stmt]:
    """`a[1:-1] = b[:-2]`, `a[:] = 0.0`, `out[i, :] = row`, `a[...] = b`: a store into every item of a view."""
    span = fc.span(node)
    view = slice_view(fc, target, array)
    dst: Array = view.type
    if isinstance(value.type, Scalar):
        return [ir.ExprStmt(span, ir.Intrinsic(NONE, span, "array.fill", [view, fc.store_value(value, dst.dtype, node)]))]
    if not isinstance(value.type, Array):
        raise fc.error(node, f"cannot assign {article(value.type)} to an array slice", "assign a number or an array")
    src: Array = value.type
    s, d = src.dtype, dst.dtype
    if s.is_float and not d.is_float and not d.is_complex or d.is_bool and not s.is_bool or s.is_complex and not d.is_complex:
        raise fc.error(node, f"cannot assign {s} items into {article(d)} array without a conversion",
                       "convert item by item in a loop: out[i] = int(x[i])" if s.is_float
                       else "use arrays of matching kinds")
    if src.ndim > dst.ndim:
        raise fc.error(node, f"cannot assign a {src.ndim}-D array to a {dst.ndim}-D slice",
                       "the right side needs the slice's rank or less (broadcast as in NumPy)")
    pre: list[ir.Stmt] = []
    if not isinstance(value, (ir.Load, ir.ArrayMap)):   # the right side first, as Python evaluates it
        # (a map's operands are evaluated before the target by its store: lower/arraymap.py)
        temp = fc.new_temp(value.type, node)
        pre.append(ir.Assign(span, temp, value))
        value = ir.Load(temp.type, span, temp)
    return pre + [ir.ExprStmt(span, ir.Intrinsic(NONE, span, "array.assign", [view, value]))]


def slice_view(fc: "FunctionChecker", target: ast.Subscript, array: ir.Expr) -> ir.Expr:
    """The view a slice target `a[1:, j]` / `a[...]` stores into."""
    if _is_ellipsis(target.slice):
        return ir.ArraySlice(array.type, fc.span(target), array, [])
    elts = target.slice.elts if isinstance(target.slice, ast.Tuple) else [target.slice]
    return fc.array_slice(target, array, elts)


def is_slice_target(target: ast.Subscript, atype: Array) -> bool:
    """Whether `a[...] = v` stores into a view (a slice, or fewer indices than dimensions)."""
    elts = target.slice.elts if isinstance(target.slice, ast.Tuple) else [target.slice]
    return _is_ellipsis(target.slice) or any(isinstance(e, ast.Slice) for e in elts) or len(elts) < atype.ndim


def _is_ellipsis(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is Ellipsis


# ----------------------------------------------------------------------------- returned arrays

def own_returns(fn: ir.Function, params_too: bool = True) -> None:
    """An exported function returns arrays Python may keep: where a returned array may be a
    parameter's memory (the parameter itself, a view of it, a name that was rebound from it —
    `x = x / x.sum(); return x` — through a tuple or an internal function), the return goes
    through `array.owned`, which copies the array when it does overlap a parameter's buffer
    (the caller's buffer is only borrowed for the call) and passes it on untouched otherwise;
    the parameter itself, unchanged (`return a`), is not copied: the entry point returns the
    caller's own object (`f(x) is x`, as in Python; `Function.returns_args`, abi/wrapper.py);
    a module-level array (or a view of it) is always copied — also by internal functions
    (`params_too=False`), whose results a caller may return.  Returns of arrays the call
    allocated are left alone (no check)."""
    from fastext.compiler.analysis import GLOBAL, _Facts
    if not _holds_array(fn.ret):
        return
    facts = _Facts(fn)
    params = [p.var for p in fn.params if isinstance(p.var.type, Array)] if params_too else []
    indices = {k for k, p in enumerate(fn.params) if isinstance(p.var.type, Array) and params_too} | {GLOBAL}
    # arrays inside tuple parameters (`pair: tuple[f64[:], f64[:]]`): borrowed buffers too, copied
    tuple_params = {k for k, p in enumerate(fn.params)
                    if params_too and isinstance(p.var.type, Tuple) and _holds_array(p.var.type)}
    indices |= tuple_params

    rebound = {id(s.var) for s in ir.walk(fn.body) if isinstance(s, ir.Assign)}

    def argument(value: ir.Expr) -> int | None:
        """The index of the array parameter `value` is, as it came (never rebound), else None."""
        if not (params_too and isinstance(value, ir.Load) and value.var.is_param and id(value.var) not in rebound):
            return None
        return next((k for k in indices - {GLOBAL} if fn.params[k].var is value.var), None)

    def owned(value: ir.Expr) -> ir.Expr:
        k = argument(value)
        if k is not None:       # `return a`: the entry point hands back the caller's own object
            fn.returns_args.add(k)
            return value
        roots = facts.roots(value) & indices
        if not roots:
            return value        # memory the call allocated (or no array at all): as it is
        if (GLOBAL in roots or roots & tuple_params) and isinstance(value.type, Array):   # always a copy
            return ir.Intrinsic(value.type, value.span, "array.copy", [value])
        if isinstance(value.type, Array):
            loads = [ir.Load(v.type, value.span, v) for v in params]
            return ir.Intrinsic(value.type, value.span, "array.owned", [value] + loads)
        if isinstance(value.type, Tuple) and isinstance(value, ir.MakeTuple):
            return ir.MakeTuple(value.type, value.span, [owned(item) for item in value.items])
        return value

    def owned_items(s: ir.Return) -> list[ir.Stmt]:
        """A returned list of arrays (a list's items are not followed by `roots`: any may be a
        view of a parameter, np.split's pieces are): each item passed through `array.owned`."""
        span, t, value = s.span, s.value.type, s.value
        lst = ir.Var(f"$ret{len(fn.locals)}", t, span)
        fn.locals.append(lst)
        i = ir.Var(f"$ret{len(fn.locals)}", I64, span)
        fn.locals.append(i)
        load, k = ir.Load(t, span, lst), ir.Load(I64, span, i)
        item = ir.Intrinsic(t.item, span, "list.get", [load, k])
        params_now = [ir.Load(v.type, span, v) for v in params]
        put = ir.ExprStmt(span, ir.Intrinsic(BOOL, span, "list.set", [
            ir.Load(t, span, lst), ir.Load(I64, span, i),
            ir.Intrinsic(t.item, span, "array.owned", [item] + params_now)]))
        loop = ir.ForRange(span, i, ir.Const(I64, span, 0), ir.Intrinsic(I64, span, "list.len", [ir.Load(t, span, lst)]),
                           ir.Const(I64, span, 1), [put], [])
        s.value = ir.Load(t, span, lst)
        return [ir.Assign(span, lst, value), loop]

    def rewrite(stmts: list[ir.Stmt]) -> list[ir.Stmt]:
        out: list[ir.Stmt] = []
        for s in stmts:
            if isinstance(s, ir.Return) and isinstance(s.value, ir.Expr) and isinstance(s.value.type, List) \
                    and isinstance(s.value.type.item, Array) and params and argument(s.value) is None \
                    and not (isinstance(s.value, ir.Load) and s.value.var.is_param):
                out += owned_items(s)
            elif isinstance(s, ir.Return) and s.value is not None and facts.roots(s.value) & indices:
                if isinstance(s.value.type, Tuple) and not isinstance(s.value, ir.MakeTuple):
                    temp = ir.Var(f"$ret{len(fn.locals)}", s.value.type, s.span)   # evaluate the tuple once
                    fn.locals.append(temp)
                    out.append(ir.Assign(s.span, temp, s.value))
                    load = ir.Load(temp.type, s.span, temp)
                    s.value = ir.MakeTuple(temp.type, s.span,
                                           [ir.TupleGet(t, s.span, load, i) for i, t in enumerate(temp.type.items)])
                s.value = owned(s.value)
            for body in ir.bodies(s):
                body[:] = rewrite(body)
            out.append(s)
        return out
    fn.body[:] = rewrite(fn.body)


def _holds_array(t) -> bool:
    return isinstance(t, Array) or isinstance(t, Tuple) and any(_holds_array(i) for i in t.items) or \
        isinstance(t, List) and isinstance(t.item, Array)
