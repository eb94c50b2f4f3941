"""Typing of array creation (`ops/creation.py`): np.array, np.asarray, np.arange, np.linspace,
np.eye, np.identity, np.meshgrid.

Result dtypes are NumPy's, asked of NumPy (`ops/dtypes.py`).  In `np.array([...])` every
number counts by its own dtype — a Python number (a literal, a parameter, a local computed
from them) as NumPy's default for its kind (int64, float64, complex128, bool), an array item
or NumPy scalar by its dtype — as NumPy discovers the dtype of a list.  `np.arange` and
`np.linspace` take NumPy's dtype for their arguments' types (NumPy itself is run on sample
values of those types at compile time).
"""
from __future__ import annotations

import ast
from functools import lru_cache
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.frontend.arrays import _bind, constant, is_strong
from fastext.compiler.frontend.shape import array_arg, astype_map, int_arg, value_of
from fastext.compiler.ops import dtypes
from fastext.compiler.types import (
    BOOL, ERROR, F64, I64, NONE, SCALARS, U64, ErrorType, Array, Scalar, Struct, Tuple, article, constant_fits,
)

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker


def _dtype(fc: "FunctionChecker", bound: dict, name: str = "dtype") -> Scalar | None:
    from fastext.compiler.frontend.alloc import resolve_dtype
    return resolve_dtype(fc, bound[name]) if name in bound else None


def _discovered(e: ir.Expr) -> str:
    """The dtype NumPy discovers for one number of a list: its own (strong), or its kind's default."""
    t: Scalar = e.type
    if is_strong(e) or t.is_bool:
        return t.name
    return "c128" if t.is_complex else "f64" if t.is_float else "u64" if t == U64 else "i64"


# ----------------------------------------------------------------------------- np.array, np.asarray

def _nest(fc: "FunctionChecker", node: ast.expr, depth: int = 0) -> tuple[tuple[int, ...], list[ast.expr]]:
    """The shape and the leaves (C order) of a nested list/tuple literal."""
    if not isinstance(node, (ast.List, ast.Tuple)):
        return (), [node]
    parts = [_nest(fc, e, depth + 1) for e in node.elts]
    shapes = {shape for shape, _ in parts}
    if len(shapes) > 1:
        raise fc.error(node, "setting an array element with a sequence. The requested array has an inhomogeneous "
                             f"shape after {depth + 1} dimensions (ValueError in NumPy)",
                       "every row of a nested list needs the same length")
    inner = shapes.pop() if shapes else ()
    return (len(node.elts),) + inner, [leaf for _, leaves in parts for leaf in leaves]


def array(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.array([[1, 2], [3, 4]], dtype=None)`, `np.array((x, y))`, `np.array([a, b])` (arrays:
    stacked), `np.array(a)` (a copy)."""
    bound = _bind(fc, node, ["object", "dtype", "copy"], shown, 1)
    dtype = _dtype(fc, bound)
    copy = constant(fc, bound["copy"], bool, "copy") if "copy" in bound else True
    return _from_object(fc, node, bound["object"], dtype, shown, copy)


def asarray(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.asarray(a)`: the array itself (converted when dtype= differs); a literal as np.array."""
    bound = _bind(fc, node, ["a", "dtype"], shown, 1)
    return _from_object(fc, node, bound["a"], _dtype(fc, bound), shown, copy=False)


def literal(fc: "FunctionChecker", node: ast.AST, obj: ast.List, shown: str) -> ir.Expr:
    """A list display where NumPy takes an array (`np.percentile(x, [25, 75])`): np.asarray of it."""
    return _from_object(fc, node, obj, None, shown, copy=False)


def _from_object(fc, node, obj: ast.expr, dtype: Scalar | None, shown: str, copy: bool) -> ir.Expr:
    span = fc.span(node)
    if isinstance(obj, (ast.List, ast.Tuple)):
        shape, leaves = _nest(fc, obj)
        values = [value_of(fc, leaf) for leaf in leaves]
        return _literal(fc, node, obj, shape, leaves, values, dtype, shown)
    value = value_of(fc, obj)
    from fastext.compiler.frontend.listarrays import from_list, is_list
    if is_list(value):
        return from_list(fc, value, obj, dtype, shown)
    if isinstance(value.type, Array):
        if isinstance(value.type.dtype, Struct):
            raise fc.error(obj, f"{shown}() of an array of structs is not supported", "copy it: a.copy()")
        if dtype is not None and dtype != value.type.dtype:
            return astype_map(fc, value, dtype, node)
        if not copy or isinstance(value, ir.ArrayMap):    # a map is a new array already
            return value
        return ir.Intrinsic(value.type, span, "array.copy", [value])
    if isinstance(value.type, Tuple):         # np.array(a.shape), np.array(t)
        items = list(value.items) if isinstance(value, ir.MakeTuple) else \
            [ir.TupleGet(t, value.span, value, k) for k, t in enumerate(value.type.items)]
        return _literal(fc, node, obj, (len(items),), [obj] * len(items), items, dtype, shown)
    raise fc.error(obj, f"{shown}() of {article(value.type)} would be a 0-d array, which .fx code does not have",
                   f"{shown}([x]) for a 1-element array, or use the number itself")


def _literal(fc, node, obj, shape, leaves, values: list[ir.Expr], dtype: Scalar | None, shown: str) -> ir.Expr:
    span = fc.span(node)
    arrays = [v for v in values if isinstance(v.type, Array)]
    if arrays:
        if len(arrays) != len(values) or len(shape) != 1:
            raise fc.error(obj, f"{shown}() of arrays takes one flat list of arrays of one shape",
                           "np.array([a, b]) stacks a and b (np.stack)")
        from fastext.compiler.frontend.shape import _joined
        ndim = arrays[0].type.ndim
        if any(a.type.ndim != ndim for a in arrays):
            raise fc.error(obj, "setting an array element with a sequence. The requested array has an inhomogeneous "
                                "shape after 1 dimensions (ValueError in NumPy)", "stack arrays of one shape")
        return _joined(fc, node, arrays, ndim + 1, 0, dtype, stack="array")
    for leaf, v in zip(leaves, values):
        if not isinstance(v.type, Scalar):
            raise fc.error(leaf, f"{shown}() holds numbers, not {article(v.type)}", "np.array([1.0, 2.0])")
    if dtype is None:
        dtype = dtypes.result_type([_discovered(v) for v in values]) if values else F64
    weak = []
    for leaf, v in zip(leaves, values):
        if v.type.is_complex and not dtype.is_complex and not dtype.is_bool:
            raise fc.error(leaf, f"a complex number cannot go into a {dtypes.numpy_name(dtype)} array "
                                 "(TypeError in NumPy)", "take .real, or use a complex dtype")
        python_int = not is_strong(v) and v.type.is_int
        if python_int and isinstance(v, ir.Const) and dtype.is_int and not constant_fits(v.value, dtype):
            raise fc.error(leaf, f"Python integer {v.value} out of bounds for {dtypes.numpy_name(dtype)}",
                           "NumPy 2 raises OverflowError here: use a value in range, or a wider dtype")
        weak.append(python_int)
    return ir.Intrinsic(Array(dtype, len(shape)), span, "array.literal", values,
                        {"shape": shape, "weak": tuple(weak)})


# ----------------------------------------------------------------------------- np.arange, np.linspace

def _number(fc, arg, shown: str, what: str) -> ir.Expr:
    value = value_of(fc, arg)
    if not isinstance(value.type, Scalar):
        raise fc.error(arg, f"{shown}(): {what} must be a number, got {article(value.type)}", f"{shown}(0.0, 1.0)")
    if value.type.is_complex:
        raise fc.error(arg, f"{shown}() of complex numbers is not supported", "use real start/stop/step")
    return value


def _key(e: ir.Expr) -> str:
    """How NumPy sees a number argument: a weak Python kind ("int", "float") or a dtype (dialect name)."""
    return dtypes.operand(e.type, not is_strong(e))


def _sample(key: str, value: int):
    """`value` as a number of that kind under plain Python: a Python number or a NumPy scalar."""
    import numpy
    if key in ("int", "float"):
        return {"int": int, "float": float}[key](value)
    return numpy.dtype(dtypes.numpy_name(SCALARS.get(key, BOOL))).type(value)


@lru_cache(maxsize=None)
def _numpy_dtype(function: str, keys: tuple[str, ...]) -> Scalar:
    """The dtype NumPy's arange/linspace gives for arguments of these kinds (it depends on the
    types only: NumPy is run on small sample values)."""
    import numpy
    if function == "arange":
        result = numpy.arange(*(_sample(k, v) for k, v in zip(keys, (1, 3, 1))))
    else:
        result = numpy.linspace(_sample(keys[0], 0), _sample(keys[1], 1), 3)
    return dtypes.from_numpy(str(result.dtype))


def arange(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.arange(stop)`, `np.arange(start, stop, step=1, dtype=None)`."""
    if any(kw.arg == "start" for kw in node.keywords) or len(node.args) >= 2 or \
            any(kw.arg == "stop" for kw in node.keywords):
        bound = _bind(fc, node, ["start", "stop", "step", "dtype"], shown, 1)
    else:
        bound = _bind(fc, node, ["stop", "dtype"], shown, 1)
    if "stop" not in bound:
        raise fc.error(node, f"{shown}() is missing argument `stop`", f"{shown}(start, stop)")
    start = _number(fc, bound["start"], shown, "start") if "start" in bound else ir.Const(I64, fc.span(node), 0)
    stop = _number(fc, bound["stop"], shown, "stop")
    step = _number(fc, bound["step"], shown, "step") if "step" in bound else ir.Const(I64, fc.span(node), 1)
    keys = tuple(_key(e) for e in (start, stop, step))
    try:
        # the type NumPy computes the length and `start + step` in (bools count as ints)
        arith = dtypes.result_type(["i64" if k == "bool" else k for k in keys])
        dtype = _dtype(fc, bound) or _numpy_dtype("arange", keys)
    except (dtypes.NoLoop, TypeError, ValueError) as e:
        raise fc.error(node, f"{shown}() of these argument types is not supported ({e})", "use ints or floats")
    if dtype.is_bool or dtype.is_complex:
        raise fc.error(node, f"{shown}(dtype={dtype}) is not supported", "an integer or float dtype")
    if arith.is_int:      # integers: exact arithmetic in 64 bits, as Python's ints
        arith = I64
    args = [e if e.type == arith else fc.convert(e, arith) for e in (start, stop, step)]
    return ir.Intrinsic(Array(dtype, 1), fc.span(node), "array.arange", args, {"strong_step": is_strong(step)})


def linspace(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.linspace(start, stop, num=50, endpoint=True, dtype=None)` with NumPy's formula."""
    bound = _bind(fc, node, ["start", "stop", "num", "endpoint", "retstep", "dtype", "axis"], shown, 2)
    for name in ("retstep", "axis"):
        if name in bound and not (isinstance(bound[name], ast.Constant) and bound[name].value in (False, 0)):
            raise fc.error(bound[name], f"{shown}({name}=...) is not supported in .fx code", "drop it")
    start, stop = _number(fc, bound["start"], shown, "start"), _number(fc, bound["stop"], shown, "stop")
    num = int_arg(fc, bound["num"], shown, "num") if "num" in bound else ir.Const(I64, fc.span(node), 50)
    endpoint = constant(fc, bound["endpoint"], bool, "endpoint") if "endpoint" in bound else True
    keys = (_key(start), _key(stop))
    compute = _numpy_dtype("linspace", keys)     # NumPy's inexact result type of start and stop
    dtype = _dtype(fc, bound) or compute
    # `y += start`: NumPy adds start (a Python number: weak; else by its dtype) in the add loop's type
    try:
        ins, outs = dtypes.ufunc_loop("add", [compute.name, keys[0]])
    except dtypes.NoLoop as e:
        raise fc.error(node, f"{shown}(): {e}", "use floats") from None
    convert = lambda e, t: e if e.type == t else fc.convert(e, t)   # noqa: E731
    args = [convert(start, compute), convert(stop, compute), num, convert(start, ins[1])]
    return ir.Intrinsic(Array(dtype, 1), fc.span(node), "array.linspace", args,
                        {"endpoint": endpoint, "compute": compute.name, "add": (ins[0].name, outs[0].name)})


# ----------------------------------------------------------------------------- np.eye, np.identity, np.meshgrid

def eye(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.eye(N, M=None, k=0, dtype=float)`."""
    bound = _bind(fc, node, ["N", "M", "k", "dtype", "order"], shown, 1)
    if "order" in bound and not (isinstance(bound["order"], ast.Constant) and bound["order"].value == "C"):
        raise fc.error(bound["order"], f"{shown}(order=...) supports only 'C'", "drop order=")
    n = int_arg(fc, bound["N"], shown, "N")
    m_node = bound.get("M")
    m = n if m_node is None or isinstance(m_node, ast.Constant) and m_node.value is None else int_arg(fc, m_node, shown, "M")
    k = int_arg(fc, bound["k"], shown, "k") if "k" in bound else ir.Const(I64, fc.span(node), 0)
    dtype = _dtype(fc, bound) or F64
    return ir.Intrinsic(Array(dtype, 2), fc.span(node), "array.eye", [n, m, k])


def identity(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.identity(n, dtype=float)`: np.eye(n)."""
    bound = _bind(fc, node, ["n", "dtype"], shown, 1)
    n = int_arg(fc, bound["n"], shown, "n")
    dtype = _dtype(fc, bound) or F64
    return ir.Intrinsic(Array(dtype, 2), fc.span(node), "array.eye", [n, n, ir.Const(I64, fc.span(node), 0)])


def meshgrid(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.meshgrid(x, y, ..., indexing='xy')`: a tuple of new arrays, one per 1-D input."""
    if any(isinstance(a, ast.Starred) for a in node.args):
        raise fc.error(node, f"{shown}() does not take *args here", f"{shown}(x, y)")
    indexing = "xy"
    for kw in node.keywords:
        if kw.arg == "indexing" and isinstance(kw.value, ast.Constant) and kw.value.value in ("xy", "ij"):
            indexing = kw.value.value
        elif kw.arg == "copy" and isinstance(kw.value, ast.Constant) and kw.value.value is True:
            pass
        elif kw.arg == "sparse" and isinstance(kw.value, ast.Constant) and kw.value.value is False:
            pass
        else:
            raise fc.error(kw.value, f"{shown}(): {kw.arg}= is not supported here",
                           "indexing='xy' or 'ij' (sparse=False, copy=True)")
    if not node.args:
        raise fc.error(node, f"{shown}() with no arrays returns (); .fx code needs at least one", f"{shown}(x, y)")
    arrays = [array_arg(fc, a, node, shown, "1-D arrays") for a in node.args]
    for a, where in zip(arrays, node.args):
        if a.type.ndim != 1:
            raise fc.error(where, f"{shown}() takes 1-D arrays here, got a {a.type.ndim}-D one", "ravel it first")
    n = len(arrays)
    types = tuple(Array(a.type.dtype, n) for a in arrays)
    return ir.Intrinsic(Tuple(types), fc.span(node), "array.meshgrid", arrays, {"indexing": indexing})


# ----------------------------------------------------------------------------- diagonals

def diag(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.diag(v, k=0)`: a new matrix with the vector v on its k-th diagonal, or the k-th
    diagonal of a matrix v (as np.diagonal); `np.diagonal(a, offset=0)`, `a.diagonal(offset=0)`.
    A diagonal is a new array here (NumPy gives a read-only view: the values are the same)."""
    names = ["v", "k"] if op.name == "array.diag" else ["a", "offset"]
    bound = _bind(fc, node, names, shown, 1, receiver)
    array = fc.expr(bound[names[0]]) if not isinstance(bound[names[0]], ir.Expr) else bound[names[0]]
    if isinstance(array.type, ErrorType):
        return array
    span = fc.span(node)
    if not isinstance(array.type, Array) or not isinstance(array.type.dtype, Scalar):
        raise fc.error(node, f"{shown}() needs an array of numbers, got {article(array.type)}", f"{shown}(a)")
    k = int_arg(fc, bound[names[1]], shown, names[1]) if names[1] in bound else ir.Const(I64, span, 0)
    ndim = array.type.ndim
    if ndim == 1 and op.name == "array.diag":
        return ir.Intrinsic(Array(array.type.dtype, 2), span, "array.diag", [array, k])
    if ndim != 2:
        raise fc.error(node, f"{shown}() of a {ndim}-D array is not supported",
                       "a matrix (or, for np.diag, a vector)")
    return ir.Intrinsic(Array(array.type.dtype, 1), span, "array.diagonal", [array, k])


def fill_diagonal(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.fill_diagonal(a, val)`: a[i, i] = val for i < min(rows, cols), in place (a statement)."""
    bound = _bind(fc, node, ["a", "val", "wrap"], shown, 2)
    if "wrap" in bound and not (isinstance(bound["wrap"], ast.Constant) and bound["wrap"].value is False):
        raise fc.error(bound["wrap"], f"{shown}(wrap=True) is not supported", "drop wrap=")
    array = fc.expr(bound["a"])
    value = fc.expr(bound["val"])
    if isinstance(array.type, ErrorType) or isinstance(value.type, ErrorType):
        return ir.Expr(ERROR, fc.span(node))
    if not isinstance(array.type, Array) or array.type.ndim != 2 or not isinstance(array.type.dtype, Scalar):
        raise fc.error(bound["a"], f"{shown}() needs a matrix of numbers, got {article(array.type)}", f"{shown}(m, 0.0)")
    if not isinstance(value.type, Scalar):
        raise fc.error(bound["val"], f"{shown}() takes a number as val here, got {article(value.type)}",
                       "fill with one value; an array of values: a loop")
    stored = fc.store_value(value, array.type.dtype, bound["val"])
    return ir.Intrinsic(NONE, fc.span(node), "array.fill_diagonal", [array, stored])
