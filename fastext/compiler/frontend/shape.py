"""Typing of shape functions (`ops/shape.py`): reshape, ravel, flatten, astype, concatenate and
the stacks, tile, repeat, roll, diff, flip, triu, tril, pad.

Sequences of arrays are tuple or list literals in the source (`np.concatenate((a, b))`), or
a tuple-typed value holding arrays.  Axes and counts that change the result's rank are
compile-time constants; sizes and shifts may be computed at run time.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.frontend.arrays import _bind, build, constant
from fastext.compiler.ops import dtypes
from fastext.compiler.types import BOOL, I64, NONE, U64, Array, ErrorType, Scalar, Struct, Tuple, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker


# ----------------------------------------------------------------------------- shared argument helpers

def poisoned():
    """An argument already carries a reported error: the call reports nothing more."""
    from fastext.compiler.frontend.calls import _Poisoned
    return _Poisoned()


def value_of(fc: "FunctionChecker", arg) -> ir.Expr:
    """A bound argument (an AST node, or the receiver already typed) as typed IR."""
    value = arg if isinstance(arg, ir.Expr) else fc.expr(arg)
    if isinstance(value.type, ErrorType):
        raise poisoned()
    return value


def array_arg(fc: "FunctionChecker", arg, node: ast.AST, shown: str, what: str = "an array") -> ir.Expr:
    """An argument that must be an array (of numbers)."""
    value = value_of(fc, arg)
    where = arg if isinstance(arg, ast.AST) else node
    from fastext.compiler.frontend.listarrays import from_list, is_list
    if is_list(value):          # NumPy functions read a list as np.asarray(list)
        return from_list(fc, value, where, None, shown)
    if not isinstance(value.type, Array):
        raise fc.error(where, f"{shown}() needs {what}, got {article(value.type)}",
                       "pass a NumPy array (np.array([...]) makes one from numbers)")
    if isinstance(value.type.dtype, Struct):
        raise fc.error(where, f"{shown}() is not supported on arrays of structs", "work on a field in a loop")
    return value


def int_arg(fc: "FunctionChecker", arg, shown: str, what: str) -> ir.Expr:
    """An integer argument (any int type), as i64."""
    value = value_of(fc, arg)
    if not (isinstance(value.type, Scalar) and (value.type.is_int or value.type.is_bool)):
        raise fc.error(arg, f"{shown}(): {what} must be an integer, not {value.type}", "convert with int(...)")
    if value.type == U64:
        return ir.Cast(I64, value.span, value)
    return fc.convert(value, I64)


def axis_arg(fc: "FunctionChecker", arg, ndim: int, allow_none: bool = True, what: str = "axis") -> int | None:
    """A constant axis in range(-ndim, ndim), normalised (None when allowed and given)."""
    if arg is None or isinstance(arg, ast.Constant) and arg.value is None:
        if not allow_none:
            raise fc.error(arg, f"{what} cannot be None here", f"{what}=0")
        return None
    axis = constant(fc, arg, int, what)
    if not -ndim <= axis < ndim:
        raise fc.error(arg, f"axis {axis} is out of bounds for array of dimension {ndim}",
                       "NumPy raises AxisError here")
    return axis % ndim


def axes_arg(fc: "FunctionChecker", arg, ndim: int) -> list[int] | None:
    """`axis=` as None, one constant int or a tuple of them (each normalised, no repeats)."""
    if arg is None or isinstance(arg, ast.Constant) and arg.value is None:
        return None
    elts = arg.elts if isinstance(arg, (ast.Tuple, ast.List)) else [arg]
    axes = [axis_arg(fc, e, ndim, allow_none=False) for e in elts]
    if len(set(axes)) != len(axes):
        raise fc.error(arg, "repeated axis", "name each axis once")
    return axes


def sequence(fc: "FunctionChecker", arg: ast.expr, shown: str, scalars: bool = False) -> list[ir.Expr]:
    """The arrays of a sequence argument: a tuple/list literal, or a tuple value holding arrays.
    `scalars`: numbers are one-item arrays of their own dtype (np.hstack & co. apply
    np.atleast_1d / atleast_2d to each item, so `np.hstack((d, 0.0))` appends a float64 0.0)."""
    if isinstance(arg, (ast.Tuple, ast.List)):
        items = [value_of(fc, e) for e in arg.elts]
        nodes = list(arg.elts)
    else:
        value = value_of(fc, arg)
        if not isinstance(value.type, Tuple):
            raise fc.error(arg, f"{shown}() takes a sequence of arrays, got {article(value.type)}",
                           f"{shown}((a, b)) — a tuple or list of arrays written in the call")
        items = list(value.items) if isinstance(value, ir.MakeTuple) else \
            [ir.TupleGet(t, value.span, value, k) for k, t in enumerate(value.type.items)]
        nodes = [arg] * len(items)
    if not items:
        raise fc.error(arg, "need at least one array to concatenate", f"{shown}((a, b))")
    if scalars:
        from fastext.compiler.frontend import synth
        items = [synth.value(fc, "_r = np.full(1, _x)\n", where, values={"_x": item})
                 if isinstance(item.type, Scalar) and not isinstance(item.type, Struct) else item
                 for item, where in zip(items, nodes)]
    for item, where in zip(items, nodes):
        if not isinstance(item.type, Array) or isinstance(item.type.dtype, Struct):
            raise fc.error(where, f"{shown}() joins arrays of numbers, got {article(item.type)}",
                           "scalars: make a 1-D array first, np.array([x])")
    return items


def astype_map(fc: "FunctionChecker", value: ir.Expr, dtype: Scalar, node: ast.AST) -> ir.Expr:
    """`value` converted item by item with NumPy's unsafe cast (an element-wise map: a new
    array where it is materialised)."""
    src = value.type.dtype
    if isinstance(value, ir.ArrayMap) and src == dtype:
        return value
    return build(fc, ops.get("array.astype"), [value], [src], dtype, node)


def common_dtype(fc: "FunctionChecker", items: list[ir.Expr], node: ast.AST) -> Scalar:
    """numpy.result_type of arrays' dtypes."""
    try:
        return dtypes.result_type([a.type.dtype.name for a in items])
    except dtypes.NoLoop as e:
        raise fc.error(node, f"these arrays have no common dtype ({e})", "convert them first with .astype()") from None


def _dtype(fc: "FunctionChecker", bound: dict, name: str = "dtype") -> Scalar | None:
    from fastext.compiler.frontend.alloc import resolve_dtype
    return resolve_dtype(fc, bound[name]) if name in bound else None


def _order_c(fc: "FunctionChecker", bound: dict, shown: str) -> None:
    node = bound.pop("order", None)
    if node is not None and not (isinstance(node, ast.Constant) and node.value in ("C", "A", "K")):
        raise fc.error(node, f"{shown}(order=...) supports only 'C' in .fx code", "drop order=, or order='C'")


# ----------------------------------------------------------------------------- reshape, ravel, flatten, astype

def shape_values(fc: "FunctionChecker", nodes: list, shown: str) -> list[ir.Expr]:
    """The dimensions of a new shape: ints or one tuple (of ints, `a.shape`, a tuple value); each i64.
    Negative values are checked at run time (one may be -1: the unknown dimension)."""
    if len(nodes) == 1 and not isinstance(nodes[0], ir.Expr):
        node = nodes[0]
        if isinstance(node, (ast.Tuple, ast.List)):
            nodes = list(node.elts)
        else:
            value = value_of(fc, node)
            if isinstance(value.type, Tuple):
                if not all(isinstance(t, Scalar) and t.is_int for t in value.type.items):
                    raise fc.error(node, f"a shape holds integers, not {value.type}", "a.reshape((rows, cols))")
                items = list(value.items) if isinstance(value, ir.MakeTuple) else \
                    [ir.TupleGet(t, value.span, value, k) for k, t in enumerate(value.type.items)]
                return [ir.Cast(I64, v.span, v) if v.type == U64 else fc.convert(v, I64) for v in items]
    dims = [int_arg(fc, n, shown, "a dimension") for n in nodes]
    unknown = [d for d in dims if isinstance(d, ir.Const) and d.value < 0]
    if len(unknown) > 1:
        raise fc.error(nodes[-1], "can only specify one unknown dimension", "one -1 at most")
    if not dims:
        raise fc.error(nodes[0] if nodes else None, "0-d arrays are not supported", "a.reshape(-1) for 1-D")
    return dims


def reshape(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`a.reshape(2, 3)`, `a.reshape((2, -1))`, `np.reshape(a, shape)`: a view when NumPy gives one."""
    if receiver is not None:
        array = array_arg(fc, receiver, node, shown)
        bound = {}
        args = list(node.args)
        for kw in node.keywords:
            if kw.arg in ("shape", "order") and kw.arg not in bound:
                bound[kw.arg] = kw.value
            else:
                raise fc.error(kw.value, f"{shown}() has no parameter `{kw.arg}` in .fx code", "a.reshape(rows, cols)")
        if "shape" in bound:
            args.append(bound.pop("shape"))
        _order_c(fc, bound, shown)
        if not args:
            raise fc.error(node, f"{shown}() needs a shape", "a.reshape(rows, cols)")
    else:
        names = ["a", "shape", "order"]
        if any(kw.arg == "newshape" for kw in node.keywords):
            names[1] = "newshape"
        bound = _bind(fc, node, names, shown, 2)
        array = array_arg(fc, bound["a"], node, shown)
        _order_c(fc, bound, shown)
        args = [bound[names[1]]]
    dims = shape_values(fc, args, shown)
    return ir.Intrinsic(Array(array.type.dtype, len(dims)), fc.span(node), "array.reshape", [array] + dims)


def ravel(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`a.ravel()`, `np.ravel(a)`: 1-D, a view of a C-contiguous array."""
    bound = _bind(fc, node, ["a", "order"], shown, 1, receiver)
    array = array_arg(fc, bound["a"], node, shown)
    _order_c(fc, bound, shown)
    return ir.Intrinsic(Array(array.type.dtype, 1), fc.span(node), "array.ravel", [array])


def flatten(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`a.flatten()`: always a copy (the ravel of a new C-contiguous copy)."""
    bound = _bind(fc, node, ["a", "order"], shown, 1, receiver)
    array = array_arg(fc, bound["a"], node, shown)
    _order_c(fc, bound, shown)
    span = fc.span(node)
    fresh = array if isinstance(array, ir.ArrayMap) else ir.Intrinsic(array.type, span, "array.copy", [array])
    return ir.Intrinsic(Array(array.type.dtype, 1), span, "array.ravel", [fresh])


def astype(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`a.astype(dtype)`: a converted copy (NumPy's unsafe cast); `copy=False` keeps `a` when
    the dtype is already right."""
    bound = _bind(fc, node, ["a", "dtype", "order", "casting", "subok", "copy"], shown, 2, receiver)
    array = array_arg(fc, bound["a"], node, shown)
    _order_c(fc, bound, shown)
    if "casting" in bound and not (isinstance(bound["casting"], ast.Constant) and bound["casting"].value == "unsafe"):
        raise fc.error(bound["casting"], f"{shown}(casting=...) supports only 'unsafe' (the default)", "drop casting=")
    dtype = _dtype(fc, bound)
    if dtype is None:
        raise fc.error(bound["dtype"], "astype(None) is float64 in NumPy: write it out", "a.astype(np.float64)")
    copy = constant(fc, bound["copy"], bool, "copy") if "copy" in bound else True
    if not copy and dtype == array.type.dtype:
        return array
    if array.type.dtype.is_complex and not dtype.is_complex:
        raise fc.error(node, f"{shown}(): casting complex values to {dtype} discards the imaginary part "
                             "(NumPy's ComplexWarning)", "take .real first: a.real.astype(...)")
    if isinstance(array, ir.ArrayMap) and array.type.dtype == dtype:
        return array
    return astype_map(fc, array, dtype, node)


# ----------------------------------------------------------------------------- joining

def _joined(fc, node, items: list[ir.Expr], ndim: int, axis: int | None, dtype: Scalar | None,
            stack: bool | str = False) -> ir.Expr:
    """An `array.concatenate` of `items` (each of rank `ndim`, or `ndim - 1`: given a size-1
    axis at `axis`), converted to the result dtype first.  `stack`: the arguments must have one
    shape (np.stack's message; "array": np.array's)."""
    dtype = dtype or common_dtype(fc, items, node)
    items = [a if a.type.dtype == dtype else astype_map(fc, a, dtype, node) for a in items]
    out_ndim = 1 if axis is None else ndim
    return ir.Intrinsic(Array(dtype, out_ndim), fc.span(node), "array.concatenate", items,
                        {"axis": axis, "stack": stack})


def _same_ndim(fc, node, items: list[ir.Expr], what: str = "") -> int:
    ndim = items[0].type.ndim
    for k, a in enumerate(items[1:], 1):
        if a.type.ndim != ndim:
            raise fc.error(node, f"all the input arrays must have same number of dimensions, but the array at "
                                 f"index 0 has {ndim} dimension(s) and the array at index {k} has "
                                 f"{a.type.ndim} dimension(s){what}", "join arrays of one rank")
    return ndim


def _joining(fc, node, shown: str) -> tuple[dict, list[ir.Expr]]:
    """The bound arguments and the arrays of np.concatenate/np.stack (no out= nor casting=)."""
    bound = _bind(fc, node, ["arrays", "axis", "out", "dtype", "casting"], shown, 1)
    for name in ("out", "casting"):
        if name in bound:
            raise fc.error(bound[name], f"{shown}({name}=...) is not supported in .fx code", "drop it")
    return bound, sequence(fc, bound["arrays"], shown)


def _listed(fc, arg: ast.expr) -> ir.Expr | None:
    """The sequence argument of a join when it is a native list value (`parts` built by
    `.append`), typed once; None for a tuple/list written in the call or any other value."""
    from fastext.compiler.frontend.listarrays import is_list
    if isinstance(arg, (ast.Tuple, ast.List)):
        return None
    value = value_of(fc, arg)
    return value if is_list(value) else None


def concatenate(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.concatenate((a, b), axis=0)`: along an existing axis; axis=None flattens first."""
    from fastext.compiler.frontend import listarrays
    bound = _bind(fc, node, ["arrays", "axis", "out", "dtype", "casting"], shown, 1)
    listed = _listed(fc, bound["arrays"])
    if listed is not None:
        axis = bound.get("axis", ast.Constant(0))
        return listarrays.join(fc, listed, node, "concatenate", axis, _dtype(fc, bound), shown)
    bound, items = _joining(fc, node, shown)
    dtype = _dtype(fc, bound)
    if "axis" in bound and isinstance(bound["axis"], ast.Constant) and bound["axis"].value is None:
        return _joined(fc, node, items, 1, None, dtype)
    ndim = _same_ndim(fc, node, items)
    axis = axis_arg(fc, bound.get("axis"), ndim, allow_none=False) if "axis" in bound else 0
    return _joined(fc, node, items, ndim, axis, dtype)


def stack(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.stack((a, b), axis=0)`: arrays of one shape along a new axis."""
    from fastext.compiler.frontend import listarrays
    bound = _bind(fc, node, ["arrays", "axis", "out", "dtype", "casting"], shown, 1)
    listed = _listed(fc, bound["arrays"])
    if listed is not None:
        axis = bound.get("axis", ast.Constant(0))
        return listarrays.join(fc, listed, node, "stack", axis, _dtype(fc, bound), shown)
    bound, items = _joining(fc, node, shown)
    ndim = items[0].type.ndim
    if any(a.type.ndim != ndim for a in items):
        raise fc.error(node, "all input arrays must have the same shape", "stack arrays of one shape")
    axis = axis_arg(fc, bound.get("axis"), ndim + 1, allow_none=False) if "axis" in bound else 0
    return _joined(fc, node, items, ndim + 1, axis, _dtype(fc, bound), stack=True)


def _plain_sequence(fc, node, shown: str) -> tuple[list[ir.Expr], Scalar | None]:
    """The arrays of hstack & co. and their dtype= (None: NumPy's result type)."""
    bound = _bind(fc, node, ["tup", "dtype", "casting"], shown, 1)
    if "casting" in bound:
        raise fc.error(bound["casting"], f"{shown}(casting=...) is not supported in .fx code", "drop it")
    return sequence(fc, bound["tup"], shown, scalars=True), _dtype(fc, bound)


def _listed_plain(fc, node, shown: str, kind: str) -> ir.Expr | None:
    """hstack & co. of a native list of arrays (listarrays.join), else None."""
    from fastext.compiler.frontend import listarrays
    bound = _bind(fc, node, ["tup", "dtype", "casting"], shown, 1)
    listed = _listed(fc, bound["tup"])
    if listed is None:
        return None
    return listarrays.join(fc, listed, node, kind, None, _dtype(fc, bound), shown)


def hstack(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.hstack`: 1-D arrays end to end (axis 0), others along axis 1."""
    listed = _listed_plain(fc, node, shown, "hstack")
    if listed is not None:
        return listed
    items, dtype = _plain_sequence(fc, node, shown)
    ndim = _same_ndim(fc, node, items)
    return _joined(fc, node, items, ndim, 0 if ndim == 1 else 1, dtype)


def _rows_or_columns(fc: "FunctionChecker", node: ast.Call, shown: str, hint: str):
    """The items of `np.vstack`/`np.column_stack` (1-D and 2-D arrays may mix), their rank, their dtype."""
    items, dtype = _plain_sequence(fc, node, shown)
    ndim = max(2, max(a.type.ndim for a in items))
    for k, a in enumerate(items):
        if a.type.ndim != ndim and not (ndim == 2 and a.type.ndim == 1):
            raise fc.error(node, f"all the input arrays must have same number of dimensions, but the array at "
                                 f"index {k} has {max(2, a.type.ndim)} dimension(s) and the others {ndim}", hint)
    return items, ndim, dtype


def vstack(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.vstack`: along axis 0, a 1-D array (n,) taken as a row (1, n)."""
    listed = _listed_plain(fc, node, shown, "vstack")
    if listed is not None:
        return listed
    items, ndim, dtype = _rows_or_columns(fc, node, shown, "join arrays of one rank")
    return _joined(fc, node, items, ndim, 0, dtype)


def column_stack(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.column_stack`: 1-D arrays as columns (n, 1), 2-D arrays as they are, along axis 1."""
    listed = _listed_plain(fc, node, shown, "column_stack")
    if listed is not None:
        return listed
    items, ndim, dtype = _rows_or_columns(fc, node, shown, "join 1-D and 2-D arrays")
    return _joined(fc, node, items, ndim, 1, dtype)


# ----------------------------------------------------------------------------- tile, repeat, roll, diff, flip

def _int_list(fc, arg, shown: str, what: str) -> list[ir.Expr]:
    """An int or a tuple/list of ints (the count fixed at compile time)."""
    if isinstance(arg, (ast.Tuple, ast.List)):
        return [int_arg(fc, e, shown, what) for e in arg.elts]
    value = value_of(fc, arg)
    if isinstance(value.type, Tuple):
        items = list(value.items) if isinstance(value, ir.MakeTuple) else \
            [ir.TupleGet(t, value.span, value, k) for k, t in enumerate(value.type.items)]
        for v in items:
            if not (isinstance(v.type, Scalar) and v.type.is_int):
                raise fc.error(arg, f"{shown}(): {what} must be integers, not {value.type}", "a tuple of ints")
        return [ir.Cast(I64, v.span, v) if v.type == U64 else fc.convert(v, I64) for v in items]
    return [int_arg(fc, value, shown, what)]


def tile(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.tile(a, reps)`: reps an int or a tuple of ints; rank max(a.ndim, len(reps))."""
    bound = _bind(fc, node, ["A", "reps"], shown, 2)
    array = array_arg(fc, bound["A"], node, shown)
    reps = _int_list(fc, bound["reps"], shown, "reps")
    if not reps:
        raise fc.error(bound["reps"], "np.tile(a, ()) is a copy of a", "a.copy()")
    ndim = max(array.type.ndim, len(reps))
    return ir.Intrinsic(Array(array.type.dtype, ndim), fc.span(node), "array.tile", [array] + reps)


def repeat(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.repeat(a, n, axis=None)`: each item n times (n an int)."""
    bound = _bind(fc, node, ["a", "repeats", "axis"], shown, 2, receiver)
    array = array_arg(fc, bound["a"], node, shown)
    repeats = value_of(fc, bound["repeats"])
    if isinstance(repeats.type, Array):
        raise fc.error(bound["repeats"], f"{shown}() with an array of counts is not supported yet",
                       "one int count for every item")
    count = int_arg(fc, repeats, shown, "repeats")
    axis = axis_arg(fc, bound.get("axis"), array.type.ndim)
    ndim = 1 if axis is None else array.type.ndim
    return ir.Intrinsic(Array(array.type.dtype, ndim), fc.span(node), "array.repeat", [array, count], {"axis": axis})


def roll(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.roll(a, shift, axis=None)`: shift an int (or a tuple, one per axis of a tuple axis=)."""
    bound = _bind(fc, node, ["a", "shift", "axis"], shown, 2)
    array = array_arg(fc, bound["a"], node, shown)
    shifts = _int_list(fc, bound["shift"], shown, "shift")
    axes = axes_arg(fc, bound.get("axis"), array.type.ndim)
    if axes is None:
        if len(shifts) != 1:
            raise fc.error(bound["shift"], f"{shown}() of the flattened array takes one shift", "np.roll(a, 3)")
    elif len(shifts) == 1 and len(axes) > 1:
        shifts = shifts * len(axes)
    elif len(shifts) != len(axes):
        raise fc.error(node, "'shift' and 'axis' should be scalars or 1D sequences of the same length",
                       "one shift per axis")
    return ir.Intrinsic(array.type, fc.span(node), "array.roll", [array] + shifts,
                        {"axes": None if axes is None else tuple(axes)})


def diff(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.diff(a, n=1, axis=-1)`: n rounds of a[1:] - a[:-1] (bools: !=); an n known only at run
    time is a loop of one-round diffs (each round keeps the dtype, so the loop's value has one type)."""
    bound = _bind(fc, node, ["a", "n", "axis", "prepend", "append"], shown, 1)
    for name in ("prepend", "append"):
        if name in bound:
            raise fc.error(bound[name], f"{shown}({name}=...) is not supported yet", "np.concatenate first")
    array = array_arg(fc, bound["a"], node, shown)
    literal = lambda e: isinstance(e, ast.Constant) or isinstance(e, ast.UnaryOp) and literal(e.operand)  # noqa: E731
    if "n" in bound and not literal(bound["n"]):
        return _diff_times(fc, node, array, bound, shown)
    n = constant(fc, bound["n"], int, "n") if "n" in bound else 1
    if n < 0:
        raise fc.error(bound["n"], f"order must be non-negative but got {n}", "n=1")
    if n == 0:
        return array
    axis = axis_arg(fc, bound["axis"], array.type.ndim, allow_none=False) if "axis" in bound \
        else array.type.ndim - 1
    types = []
    t = array.type.dtype
    for _ in range(n):
        name = "not_equal" if t.is_bool else "subtract"
        try:
            ins, outs = dtypes.ufunc_loop(name, [t.name, t.name])
        except dtypes.NoLoop as e:
            raise fc.error(node, f"{shown}() is not defined for {t} ({e})", "convert first with .astype()") from None
        types.append((name, ins[0].name, outs[0].name))
        t = outs[0]
    return ir.Intrinsic(Array(t, array.type.ndim), fc.span(node), "array.diff", [array],
                        {"axis": axis, "steps": tuple(types)})


def _diff_times(fc, node: ast.Call, array: ir.Expr, bound: dict, shown: str) -> ir.Expr:
    """`np.diff(a, n)` with n a run-time int: NumPy's ValueError for n < 0, `a` itself for 0."""
    from fastext.compiler.frontend import synth
    n = int_arg(fc, bound["n"], shown, "n")
    axis = axis_arg(fc, bound["axis"], array.type.ndim, allow_none=False) if "axis" in bound \
        else array.type.ndim - 1
    t = array.type.dtype
    try:
        _, outs = dtypes.ufunc_loop("not_equal" if t.is_bool else "subtract", [t.name, t.name])
    except dtypes.NoLoop as e:
        raise fc.error(node, f"{shown}() is not defined for {t} ({e})", "convert first with .astype()") from None
    if outs[0] != t:
        raise fc.error(bound["n"], f"{shown}() of {t} with a run-time n changes dtype each round", "a constant n")
    source = f"""\
if _k < 0:
    raise ValueError(f"order must be non-negative but got {{_k}}")
_r = _a
for _i in range(_k):
    _r = np.diff(_r, axis={axis})
"""
    return synth.value(fc, source, node, values={"_a": array, "_k": n})


def flip(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.flip(a, axis)`, `np.fliplr(a)`, `np.flipud(a)`: the view `a[::-1]` along those axes."""
    name = op.name.partition(".")[2]
    if name == "flip":
        bound = _bind(fc, node, ["m", "axis"], shown, 1)
    else:
        bound = _bind(fc, node, ["m"], shown, 1)
    array = array_arg(fc, bound["m"], node, shown)
    ndim = array.type.ndim
    if name == "fliplr":
        if ndim < 2:
            raise fc.error(node, "Input must be >= 2-d.", "np.flip(a) for a 1-D array")
        axes = [1]
    elif name == "flipud":
        axes = [0]
    else:
        axes = axes_arg(fc, bound.get("axis"), ndim)
        if axes is None:
            axes = list(range(ndim))
    span = fc.span(node)
    items = [ir.SliceItem(step=ir.Const(I64, span, -1)) if k in axes else ir.SliceItem() for k in range(ndim)]
    return ir.ArraySlice(array.type, span, array, items)


def triangle(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.triu(m, k=0)`, `np.tril(m, k=0)` of a matrix: `np.where(j - i >= k, m, 0)` (`<=` for
    tril) over the index grids `np.arange(cols)[None, :]` and `np.arange(rows)[:, None]`, so the
    copy is one fused loop with no mask array."""
    bound = _bind(fc, node, ["m", "k"], shown, 1)
    array = array_arg(fc, bound["m"], node, shown)
    if array.type.ndim != 2:
        raise fc.error(node, f"{shown}() of a {array.type.ndim}-D array is not supported", "pass a matrix")
    span = fc.span(node)
    k = value_of(fc, bound["k"]) if "k" in bound else ir.Const(I64, span, 0)
    if not (isinstance(k.type, Scalar) and k.type.is_int):
        raise fc.error(bound.get("k", node), f"{shown}() needs an integer k, got {article(k.type)}", "k=1")

    def index(axis: int) -> ir.Expr:
        n = ir.ArrayDim(I64, span, array, axis)
        indices = ir.Intrinsic(Array(I64, 1), span, "array.arange", [ir.Const(I64, span, 0), n, ir.Const(I64, span, 1)],
                               {"strong_step": False})
        items = [ir.SliceItem(), ir.SliceItem(newaxis=True)] if axis == 0 else [ir.SliceItem(newaxis=True), ir.SliceItem()]
        return ir.ArraySlice(Array(I64, 2), span, indices, items)

    offset = build(fc, ops.get("np.subtract"), [index(1), index(0)], [I64, I64], I64, node)
    compare = "np.greater_equal" if op.name == "array.triu" else "np.less_equal"
    keep = build(fc, ops.get(compare), [offset, fc.convert(k, I64)], [I64, I64], BOOL, node)
    dtype = array.type.dtype
    return build(fc, ops.get("np.where"), [keep, array, fc.convert(ir.Const(I64, span, 0), dtype)],
                 [BOOL, dtype, dtype], dtype, node)


def expand_dims(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.expand_dims(a, axis)`: the view with a new axis of size 1 at `axis` (an int or a tuple,
    in the result's numbering), as `a[:, None]` is."""
    bound = _bind(fc, node, ["a", "axis"], shown, 2)
    array = array_arg(fc, bound["a"], node, shown)
    out_ndim = array.type.ndim + (len(bound["axis"].elts) if isinstance(bound["axis"], ast.Tuple) else 1)
    new = set(axes_arg(fc, bound["axis"], out_ndim))
    items = [ir.SliceItem(newaxis=True) if k in new else ir.SliceItem() for k in range(out_ndim)]
    return ir.ArraySlice(Array(array.type.dtype, out_ndim), fc.span(node), array, items)


def swapaxes(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.swapaxes(a, axis1, axis2)`, `a.swapaxes(axis1, axis2)`: the transposed view."""
    bound = _bind(fc, node, ["a", "axis1", "axis2"], shown, 3, receiver)
    array = array_arg(fc, bound["a"], node, shown)
    ndim = array.type.ndim
    i, j = (axis_arg(fc, bound[k], ndim, allow_none=False) for k in ("axis1", "axis2"))
    axes = list(range(ndim))
    axes[i], axes[j] = axes[j], axes[i]
    return ir.Intrinsic(array.type, fc.span(node), "array.transpose", [array], {"axes": tuple(axes)})


# ----------------------------------------------------------------------------- pad

_PAD_MODES = ("constant", "edge", "reflect", "symmetric", "wrap")


def _pad_widths(fc, arg, ndim: int, shown: str) -> list[tuple[ir.Expr, ir.Expr]]:
    """pad_width as NumPy broadcasts it to (ndim, 2): n, (n,), (before, after), ((before, after),)
    or one pair per axis; each an integer."""
    def ints(node) -> list:
        if isinstance(node, (ast.Tuple, ast.List)):
            return [ints(e) for e in node.elts]
        return int_arg(fc, node, shown, "pad_width")
    shape_hint = "an int, (before, after), or ((before, after), ...) with one pair per axis"
    widths = ints(arg)
    if not isinstance(widths, list):
        widths = [[widths]]
    elif widths and not isinstance(widths[0], list):
        widths = [widths]
    if not all(isinstance(w, list) and len(w) in (1, 2) and not any(isinstance(x, list) for x in w) for w in widths) \
            or len(widths) not in (1, ndim):
        raise fc.error(arg, f"{shown}(): pad_width must be {shape_hint} (NumPy broadcasts it to ({ndim}, 2))",
                       "np.pad(a, 1), np.pad(a, (1, 2))")
    pairs = [(w[0], w[-1]) for w in widths]
    return pairs * ndim if len(pairs) == 1 else pairs


def pad(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.pad(a, pad_width, mode='constant', constant_values=0)` and mode='edge' ('reflect',
    'symmetric', 'wrap': frontend/npedit.py): a new array
    (np.full with the constant, or np.empty) with `a` stored in its middle, then for 'edge' the
    outer slices along each axis in turn stored from the slice next to them (so corners get a
    corner item) — the stores NumPy's pad makes."""
    bound = _bind(fc, node, ["array", "pad_width", "mode", "stat_length", "constant_values", "end_values",
                             "reflect_type"], shown, 2)
    mode = "constant"
    if "mode" in bound:
        m = bound["mode"]
        if not (isinstance(m, ast.Constant) and m.value in _PAD_MODES):
            raise fc.error(m, f"{shown}() supports the modes {', '.join(map(repr, _PAD_MODES))} in .fx code",
                           "mode='constant' (with constant_values=), 'edge', 'reflect', 'symmetric' or 'wrap'")
        mode = m.value
    for name in ("stat_length", "end_values", "reflect_type"):
        if name in bound:
            raise fc.error(bound[name], f"{shown}({name}=...) is for modes .fx code does not support",
                           "mode='constant' or mode='edge'")
    array = array_arg(fc, bound["array"], node, shown)
    dtype, ndim = array.type.dtype, array.type.ndim
    widths = _pad_widths(fc, bound["pad_width"], ndim, shown)
    if mode in ("reflect", "symmetric", "wrap"):
        from fastext.compiler.frontend.npedit import pad_periodic
        return pad_periodic(fc, node, array, widths, mode)
    span = fc.span(node)
    if "constant_values" in bound and mode != "constant":
        raise fc.error(bound["constant_values"], f"{shown}(constant_values=...) is for mode='constant'",
                       "drop constant_values=")
    fill = value_of(fc, bound["constant_values"]) if "constant_values" in bound else ir.Const(I64, span, 0)
    if not isinstance(fill.type, Scalar):
        raise fc.error(bound["constant_values"], f"{shown}(): constant_values must be one number in .fx code, "
                                                 f"got {article(fill.type)}", "constant_values=0.0")
    if fill.type.is_complex and not dtype.is_complex:
        raise fc.error(bound["constant_values"], f"{shown}(): a complex constant_values for a {dtype} array "
                                                 "drops its imaginary part", "pass its .real")
    fill = ir.Cast(dtype, span, fill) if fill.type != dtype else fill    # stored into the array, as NumPy does
    flat = [w for pair in widths for w in pair]
    from fastext.compiler.frontend.arrays import let, raise_if, typed, use
    f = lambda name, *args: typed(fc, node, name, list(args), BOOL if name.startswith("logical") else I64)  # noqa
    zero = lambda: ir.Const(I64, span, 0)   # noqa: E731

    def body(A, *ws):
        pairs = [(ws[2 * k], ws[2 * k + 1]) for k in range(ndim)]
        add = lambda x, y: fc.binop("+", x, y, node)   # noqa: E731
        n = lambda k: ir.ArrayDim(I64, span, use(A), k)   # noqa: E731
        checks = [raise_if(fc, node, f("less", use(w), zero()), "ValueError", "index can't contain negative values")
                  for w in ws]
        if mode == "edge":
            for k, (b, a) in enumerate(pairs):
                padded = f("logical_or", f("greater", use(b), zero()), f("greater", use(a), zero()))
                checks.append(raise_if(fc, node, f("logical_and", f("equal", n(k), zero()), padded), "ValueError",
                                       f"can't extend empty axis {k} using modes other than 'constant' or 'empty'"))
        dims = [add(add(n(k), use(b)), use(a)) for k, (b, a) in enumerate(pairs)]
        new = ir.Intrinsic(Array(dtype, ndim), span, "array.full" if mode == "constant" else "array.empty",
                           dims + ([fill] if mode == "constant" else []))

        def stores(O):
            def part(axis: int, start, stop) -> ir.Expr:
                """O[start:stop] along `axis`: whole along the axes before it (padded already), a's
                extent along the others."""
                items = [ir.SliceItem(start=start, stop=stop) if k == axis else ir.SliceItem() if k < axis
                         else ir.SliceItem(start=use(b), stop=add(use(b), n(k))) for k, (b, a) in enumerate(pairs)]
                return ir.ArraySlice(O.type, span, use(O), items)

            def store(target, value):
                return ir.Intrinsic(NONE, span, "array.assign", [target, value])
            effects = [store(part(-1, None, None), use(A))]
            for k, (b, a) in enumerate(pairs if mode == "edge" else []):
                end = lambda: add(use(b), n(k))   # noqa: E731
                effects += [store(part(k, zero(), use(b)), part(k, use(b), add(use(b), ir.Const(I64, span, 1)))),
                            store(part(k, end(), None), part(k, fc.binop("-", end(), ir.Const(I64, span, 1), node),
                                                             end()))]
            return effects, use(O)
        return checks, let(fc, node, [new], stores)
    return let(fc, node, [array, *flat], body)
