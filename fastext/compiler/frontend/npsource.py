"""NumPy functions written as `.fx` source over operations the dialect already has, checked in
place at the call (frontend/synth.py): np.trapezoid, np.gradient, np.digitize, np.ptp,
np.ediff1d, np.sinc, np.array_equal, np.polyval, np.vander, np.modf, np.frexp, np.rot90,
np.moveaxis, np.union1d / intersect1d / setdiff1d, np.unwrap, np.split / array_split,
np.<ufunc>.reduceat, np.broadcast_to's typing, np.linalg.pinv and matrix_rank, and the matrix
norms of ord ±1, ±2, ±inf and 'nuc', np.take_along_axis, np.nanvar / nanstd, np.nanargmax /
nanargmin and np.correlate.

Each template follows the steps NumPy documents for the function (the same element operations
in the same order, so results are NumPy's to the bit where those operations are), with the
shape of the source chosen at compile time from the arguments' ranks: a slice along a constant
axis is spelled `_y[:, 1:]`, not computed.  Errors NumPy raises at run time are `raise`
statements of the template; arguments no template covers are located compile errors.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.frontend import synth
from fastext.compiler.frontend.arrays import _bind
from fastext.compiler.frontend.shape import array_arg, axis_arg, value_of
from fastext.compiler.types import F64, Array, Scalar, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker


def _given(bound: dict, name: str) -> bool:
    value = bound.get(name)
    return value is not None and not (isinstance(value, ast.Constant) and value.value is None)


def along(ndim: int, axis: int, item: str) -> str:
    """The subscript that takes `item` (a slice or index, as source) along `axis` of an
    `ndim`-D array and everything along the other axes."""
    return ", ".join(item if k == axis else ":" for k in range(ndim))


def _spread(ndim: int, axis: int) -> str:
    """The subscript that lays a 1-D array along `axis` of an `ndim`-D one (`[None, :, None]`)."""
    return ", ".join(":" if k == axis else "None" for k in range(ndim))


def _real(fc, node, value: ir.Expr, shown: str, what: str = "arrays") -> Scalar:
    t = value.type.dtype if isinstance(value.type, Array) else value.type
    if not isinstance(t, Scalar) or t.is_complex:
        raise fc.error(node, f"{shown}() of {article(value.type)} is not supported in .fx code",
                       f"{shown}() takes real {what} here")
    return t


def _number(fc, arg, node, shown: str, what: str) -> ir.Expr:
    value = value_of(fc, arg)
    if not isinstance(value.type, Scalar) or value.type.is_complex:
        raise fc.error(arg, f"{shown}(): {what} must be a real number, not {article(value.type)}",
                       f"pass a number as {what}")
    return value


# ----------------------------------------------------------------------------- trapezoid

def trapezoid(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.trapezoid(y, x=None, dx=1.0, axis=-1)`: NumPy's `(d * (y[1:] + y[:-1]) / 2.0).sum(axis)`
    with `d` the spacing `dx` or `np.diff(x)` (a 1-D x laid along `axis`, or x of y's rank)."""
    bound = _bind(fc, node, ["y", "x", "dx", "axis"], shown, 1)
    y = array_arg(fc, bound["y"], node, shown)
    _real(fc, node, y, shown)
    nd = y.type.ndim
    axis = axis_arg(fc, bound["axis"], nd, allow_none=False) if "axis" in bound else nd - 1
    values = {"_y": y}
    if _given(bound, "x"):
        x = array_arg(fc, bound["x"], node, shown)
        _real(fc, node, x, shown)
        values["_x"] = x
        if x.type.ndim == 1:
            spacing = "np.diff(_x)" if nd == 1 else f"np.diff(_x)[{_spread(nd, axis)}]"
        elif x.type.ndim == nd:
            spacing = f"np.diff(_x, axis={axis})"
        else:
            raise fc.error(bound["x"], f"{shown}(): x must be 1-D or of y's rank ({nd}), not {x.type.ndim}-D",
                           "pass the sample points as a 1-D array")
    else:
        values["_d"] = _number(fc, bound["dx"], node, shown, "dx") if _given(bound, "dx") \
            else ir.Const(F64, fc.span(node), 1.0)
        spacing = "_d"
    hi, lo = along(nd, axis, "1:"), along(nd, axis, ":-1")
    total = ".sum()" if nd == 1 else f".sum(axis={axis})"
    return synth.value(fc, f"_r = ({spacing} * (_y[{hi}] + _y[{lo}]) / 2.0){total}\n", node, values=values)


# ----------------------------------------------------------------------------- gradient

_GRADIENT_SHORT = ("Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) "
                   "elements are required.")


def gradient(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.gradient(f, *varargs, axis=None, edge_order=1)` with scalar spacings (none: 1.0; one for
    every axis; or one per axis): NumPy's uniform-spacing steps per axis — central differences
    `(f[2:] - f[:-2]) / (2.0 * dx)` inside, one-sided first- or second-order ones at the two ends.
    One axis gives an array, several a tuple of them; integer f is converted to float64 first,
    float f keeps its dtype."""
    from fastext.compiler.frontend.shape import axes_arg
    kw = {k.arg: k.value for k in node.keywords}
    unknown = [k for k in kw if k not in ("axis", "edge_order")]
    if unknown or any(isinstance(a, ast.Starred) for a in node.args) or not node.args:
        raise fc.error(node, f"{shown}() takes f, scalar spacings, axis= and edge_order= in .fx code",
                       f"{shown}(f), {shown}(f, dx), {shown}(f, dy, dx), {shown}(f, axis=0)")
    f = array_arg(fc, node.args[0], node, shown)
    t = _real(fc, node, f, shown)
    nd = f.type.ndim
    order = kw.get("edge_order", ast.Constant(1))
    if not (isinstance(order, ast.Constant) and order.value in (1, 2) and not isinstance(order.value, bool)):
        raise fc.error(order, f"{shown}(edge_order=...) must be the constant 1 or 2", "edge_order=1 (the default)")
    axes = list(range(nd)) if "axis" not in kw or isinstance(kw["axis"], ast.Constant) and kw["axis"].value is None \
        else axes_arg(fc, kw["axis"], nd)
    spacings = node.args[1:]
    if len(spacings) not in (0, 1, len(axes)):
        raise fc.error(node, f"{shown}(): give one spacing, or one per axis ({len(axes)})", f"{shown}(f, dx)")
    span = fc.span(node)
    values = {"_f0": f}
    for k, arg in enumerate(spacings):
        values[f"_d{k}"] = _number(fc, arg, node, shown, "the spacing")
    if not spacings:
        values["_d0"] = ir.Const(F64, span, 1.0)
    lines = ["_f = _f0" if t.is_float else "_f = _f0.astype('float64')"]
    short = f"raise ValueError({_GRADIENT_SHORT!r})"
    names = []
    for j, k in enumerate(axes):
        d = f"_d{j if len(spacings) > 1 else 0}"
        g = f"_g{j}"
        names.append(g)

        def at(item: str) -> str:
            return along(nd, k, item)
        lines += [f"_n = _f.shape[{k}]",
                  f"if _n < {order.value + 1}:", f"    {short}",
                  f"{g} = np.empty_like(_f)",
                  f"{g}[{at('1:-1')}] = (_f[{at('2:')}] - _f[{at(':-2')}]) / (2.0 * {d})"]
        if order.value == 1:
            lines += [f"{g}[{at('0:1')}] = (_f[{at('1:2')}] - _f[{at('0:1')}]) / {d}",
                      f"{g}[{at('_n - 1:')}] = (_f[{at('_n - 1:')}] - _f[{at('_n - 2:_n - 1')}]) / {d}"]
        else:
            lines += [f"_ca = -1.5 / {d}", f"_cb = 2.0 / {d}", f"_cc = -0.5 / {d}",
                      f"{g}[{at('0:1')}] = _ca * _f[{at('0:1')}] + _cb * _f[{at('1:2')}] + _cc * _f[{at('2:3')}]",
                      f"_ca = 0.5 / {d}", f"_cb = -2.0 / {d}", f"_cc = 1.5 / {d}",
                      f"{g}[{at('_n - 1:')}] = _ca * _f[{at('_n - 3:_n - 2')}] + _cb * _f[{at('_n - 2:_n - 1')}]"
                      f" + _cc * _f[{at('_n - 1:')}]"]
    lines.append(f"_r = {names[0]}" if len(names) == 1 else f"_r = ({', '.join(names)},)")
    return synth.value(fc, "\n".join(lines) + "\n", node, values=values)


# ----------------------------------------------------------------------------- digitize

def digitize(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.digitize(x, bins, right=False)`: NumPy's searchsorted of x in bins (side 'right' unless
    right=True), mirrored for decreasing bins; ValueError for bins that are neither."""
    bound = _bind(fc, node, ["x", "bins", "right"], shown, 2)
    x = value_of(fc, bound["x"])
    _real(fc, bound["x"], x, shown, "numbers")
    bins = array_arg(fc, bound["bins"], node, shown, "a 1-D array of bins")
    _real(fc, bound["bins"], bins, shown)
    if bins.type.ndim != 1:
        raise fc.error(bound["bins"], f"{shown}(): bins must be a 1-D array, not {bins.type.ndim}-D",
                       "pass a 1-D array of bin edges")
    right = bound.get("right", ast.Constant(False))
    if not (isinstance(right, ast.Constant) and isinstance(right.value, bool)):
        raise fc.error(right, f"{shown}(right=...) must be the constant True or False", "right=True")
    side = "left" if right.value else "right"
    # NumPy's monotonicity test: the first pair of unequal bins gives the direction, which no later
    # pair may reverse (a comparison with NaN reverses nothing); bins all equal count as increasing.
    source = f"""
_nb = _b.shape[0]
_k = 1
while _k < _nb and _b[_k] == _b[_k - 1]:
    _k += 1
if _k >= _nb or _b[_k - 1] < _b[_k]:
    if np.any(_b[:-1] > _b[1:]):
        raise ValueError("bins must be monotonically increasing or decreasing")
    _r = np.searchsorted(_b, _x, side={side!r})
else:
    if np.any(_b[:-1] < _b[1:]):
        raise ValueError("bins must be monotonically increasing or decreasing")
    _r = _nb - np.searchsorted(_b[::-1], _x, side={side!r})
"""
    return synth.value(fc, source, node, values={"_x": x, "_b": bins})


# ----------------------------------------------------------------------------- ptp, ediff1d

def ptp(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.ptp(a, axis=None)`: `np.max(a, axis) - np.min(a, axis)` in a's dtype (integers wrap, as
    NumPy's subtract does); NumPy's ValueError for an empty array."""
    bound = _bind(fc, node, ["a", "axis", "keepdims"], shown, 1, receiver)
    a = array_arg(fc, bound["a"], node, shown)
    t = _real(fc, node, a, shown)
    if t.is_bool:
        raise fc.error(node, f"{shown}() of a bool array is not supported (NumPy raises TypeError: bools have no "
                             "subtraction)", f"{shown}(a.astype(np.int64))")
    keep = bound.get("keepdims")
    if keep is not None and not (isinstance(keep, ast.Constant) and keep.value in (False, True)):
        raise fc.error(keep, f"{shown}(keepdims=...) must be the constant True or False", "keepdims=True")
    args = []
    if _given(bound, "axis"):
        args.append(f"axis={ast.unparse(bound['axis'])}")
    if keep is not None and keep.value:
        args.append("keepdims=True")
    extra = "".join(", " + x for x in args)
    return synth.value(fc, f"_r = np.max(_a{extra}) - np.min(_a{extra})\n", node, values={"_a": a})


def ediff1d(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.ediff1d(ary, to_end=None, to_begin=None)`: the differences of the flattened array in its
    dtype, with to_begin / to_end (numbers or arrays, flattened) joined at the ends."""
    bound = _bind(fc, node, ["ary", "to_end", "to_begin"], shown, 1)
    a = array_arg(fc, bound["ary"], node, shown)
    t = _real(fc, node, a, shown)
    if t.is_bool:
        raise fc.error(node, f"{shown}() of a bool array is not supported (NumPy raises TypeError: bools have no "
                             "subtraction)", f"{shown}(a.astype(np.int64))")
    from fastext.compiler.ops.dtypes import can_cast, numpy_name
    values = {"_a": a}
    parts = []
    for name in ("to_begin", "to_end"):
        if not _given(bound, name):
            continue
        v = value_of(fc, bound[name])
        vt = v.type.dtype if isinstance(v.type, Array) else v.type
        if not isinstance(vt, Scalar) or not can_cast(vt, t, "same_kind"):
            raise fc.error(bound[name], f"{shown}(): {name} of {article(v.type)} cannot be cast to the array's "
                                        f"dtype {t} (NumPy raises TypeError)", "convert it: .astype(...)")
        values["_" + name] = v
        parts.append(name)
    flat = "_a" if a.type.ndim == 1 else "np.ravel(_a)"

    def piece(name: str) -> str:       # to_begin / to_end as a 1-D array of a's dtype
        v = values["_" + name]
        if not isinstance(v.type, Array):
            return f"np.full(1, _{name}, dtype={numpy_name(t)!r})"
        if v.type.ndim == 1 and v.type.dtype == t:
            return f"_{name}"
        return f"np.ravel(_{name}).astype({numpy_name(t)!r})"
    seq = [piece("to_begin")] if "to_begin" in parts else []
    seq += ["_d"] + ([piece("to_end")] if "to_end" in parts else [])
    join = f"np.concatenate(({', '.join(seq)}))" if parts else "_d"
    return synth.value(fc, f"_f = {flat}\n_d = _f[1:] - _f[:-1]\n_r = {join}\n", node, values=values)


# ----------------------------------------------------------------------------- sinc

def sinc(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.sinc(x)`: NumPy's `y = pi * where(x == 0, 1.0e-20, x); sin(y) / y` (1 at 0)."""
    bound = _bind(fc, node, ["x"], shown, 1)
    x = value_of(fc, bound["x"])
    _real(fc, bound["x"], x, shown, "numbers")
    if isinstance(x.type, Array):
        source = "_y = 3.141592653589793 * np.where(_x == 0, 1.0e-20, _x)\n_r = np.sin(_y) / _y\n"
    else:
        t = "np.float32" if x.type.is_float and x.type.bits == 32 else "np.float64"
        source = f"_y = 3.141592653589793 * {t}(1.0e-20 if _x == 0 else _x)\n_r = np.sin(_y) / _y\n"
    return synth.value(fc, source, node, values={"_x": x})


# ----------------------------------------------------------------------------- array_equal

def array_equal(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.array_equal(a1, a2, equal_nan=False)`: False for two shapes, else whether every item
    compares equal (with equal_nan, NaN equal to NaN)."""
    bound = _bind(fc, node, ["a1", "a2", "equal_nan"], shown, 2)
    a, b = array_arg(fc, bound["a1"], node, shown), array_arg(fc, bound["a2"], node, shown)
    nan = bound.get("equal_nan", ast.Constant(False))
    if not (isinstance(nan, ast.Constant) and isinstance(nan.value, bool)):
        raise fc.error(nan, f"{shown}(equal_nan=...) must be the constant True or False", "equal_nan=True")
    if a.type.ndim != b.type.ndim:
        return synth.value(fc, "_r = False\n", node, values={"_a": a, "_b": b})
    same = " and ".join(f"_a.shape[{k}] == _b.shape[{k}]" for k in range(a.type.ndim)) or "True"
    equal = "_a == _b"
    floats = [isinstance(v.type.dtype, Scalar) and (v.type.dtype.is_float or v.type.dtype.is_complex) for v in (a, b)]
    if nan.value and all(floats):
        equal = "(_a == _b) | (np.isnan(_a) & np.isnan(_b))"
    source = f"_r = False\nif {same}:\n    _r = bool(np.all({equal}))\n"
    return synth.value(fc, source, node, values={"_a": a, "_b": b})


# ----------------------------------------------------------------------------- polyval, vander

def _dtype_name(t: Scalar) -> str:
    from fastext.compiler.ops.dtypes import numpy_name
    return numpy_name(t)


def polyval(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.polyval(p, x)`: NumPy's Horner loop `y = y * x + p[i]` from zeros shaped like x, in
    the result type of x's and p's dtypes (an empty p: zeros of that type)."""
    from fastext.compiler.ops.dtypes import result_type
    bound = _bind(fc, node, ["p", "x"], shown, 2)
    p = array_arg(fc, bound["p"], node, shown, "a 1-D array of coefficients")
    if p.type.ndim != 1:
        raise fc.error(bound["p"], f"{shown}(): p must be a 1-D array of coefficients, not {p.type.ndim}-D",
                       "highest power first")
    x = value_of(fc, bound["x"])
    tx, tp = _real(fc, bound["x"], x, shown, "numbers"), _real(fc, bound["p"], p, shown)
    out = _dtype_name(result_type([tx.name, tp.name]))
    if isinstance(x.type, Array):
        source = f"_r = np.zeros_like(_x, dtype={out!r})\nfor _i in range(_p.shape[0]):\n    _r *= _x\n    _r += _p[_i]\n"
    else:
        source = f"_r = np.{out}(0)\nfor _i in range(_p.shape[0]):\n    _r = _r * _x + _p[_i]\n"
    return synth.value(fc, source, node, values={"_p": p, "_x": x})


def polyfit(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.polyfit(x, y, deg, rcond=None, w=None)`: NumPy's steps — x and y as float64, the
    Vandermonde matrix of deg + 1 columns (times w per row), each column divided by its norm,
    `np.linalg.lstsq` with rcond len(x) * eps by default, the coefficients divided by the norms;
    NumPy's errors for a negative deg, an empty x or lengths that differ.  (`full=`/`cov=` and the
    RankWarning of an ill-conditioned fit are not supported.)"""
    from fastext.compiler.frontend.shape import int_arg
    bound = _bind(fc, node, ["x", "y", "deg", "rcond", "full", "w", "cov"], shown, 3)
    for name in ("full", "cov"):
        if name in bound and not (isinstance(bound[name], ast.Constant) and bound[name].value is False):
            raise fc.error(bound[name], f"{shown}({name}=...) is not supported in .fx code", "leave it out")
    x, y = array_arg(fc, bound["x"], node, shown), array_arg(fc, bound["y"], node, shown)
    for arg, v in ((bound["x"], x), (bound["y"], y)):
        _real(fc, arg, v, shown)
    if x.type.ndim != 1:
        raise fc.error(bound["x"], f"{shown}(): expected 1D vector for x, not {x.type.ndim}-D", "pass a 1-D array")
    if y.type.ndim > 2:
        raise fc.error(bound["y"], f"{shown}(): expected 1D or 2D array for y, not {y.type.ndim}-D", "one fit per column")
    values = {"_x": x, "_y": y, "_deg": int_arg(fc, bound["deg"], shown, "deg")}
    values["_rc"] = _number(fc, bound["rcond"], node, shown, "rcond") if _given(bound, "rcond") \
        else ir.Const(F64, fc.span(node), -1.0)
    weighted = _given(bound, "w")
    if weighted:
        values["_w"] = array_arg(fc, bound["w"], node, shown)
    across = "" if y.type.ndim == 1 else "[:, None]"
    source = """
if _deg < 0:
    raise ValueError("expected deg >= 0")
if _x.shape[0] == 0:
    raise TypeError("expected non-empty vector for x")
if _x.shape[0] != _y.shape[0]:
    raise TypeError("expected x and y to have same length")
_xf = _x.astype('float64')
_rhs = _y.astype('float64')
_lhs = np.vander(_xf, _deg + 1)
"""
    if weighted:
        source += f"""
_wf = _w.astype('float64')
if _wf.shape[0] != _y.shape[0]:
    raise TypeError("expected x and w to have same length")
_lhs = _lhs * _wf[:, None]
_rhs = _rhs * _wf{across}
"""
    source += f"""
_cut = _rc if _rc >= 0.0 else _x.shape[0] * 2.220446049250313e-16
_sc = np.sqrt((_lhs * _lhs).sum(axis=0))
_lhs = _lhs / _sc
_c = np.linalg.lstsq(_lhs, _rhs, rcond=_cut)[0]
_r = _c / _sc{across}
"""
    return synth.value(fc, source, node, values=values)


def vander(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.vander(x, N=None, increasing=False)`: the columns 1, x, x*x, ... (NumPy's running product
    along each row, `np.multiply.accumulate`), reversed unless increasing, in x's dtype promoted
    with int64."""
    import numpy
    from fastext.compiler.ops.dtypes import from_numpy
    bound = _bind(fc, node, ["x", "N", "increasing"], shown, 1)
    x = array_arg(fc, bound["x"], node, shown, "a 1-D array")
    t = x.type.dtype
    if x.type.ndim != 1 or not isinstance(t, Scalar):
        raise fc.error(bound["x"], f"{shown}(): x must be a one-dimensional array, not {article(x.type)}",
                       "pass a 1-D array")
    inc = bound.get("increasing", ast.Constant(False))
    if not (isinstance(inc, ast.Constant) and isinstance(inc.value, bool)):
        raise fc.error(inc, f"{shown}(increasing=...) must be the constant True or False", "increasing=True")
    out = from_numpy(str(numpy.promote_types(_dtype_name(t), "int64")))
    values = {"_x": x}
    if _given(bound, "N"):
        from fastext.compiler.frontend.shape import int_arg
        values["_m"] = int_arg(fc, bound["N"], shown, "N")
    else:
        values["_m"] = ir.ArrayDim(Scalar("i64", "int", 64), fc.span(node), x, 0)
    view = "_v" if inc.value else "_v[:, ::-1]"
    source = f"""
_v = np.empty((_x.shape[0], _m), dtype={_dtype_name(out)!r})
_t = {view}
if _m > 0:
    _t[:, 0] = 1
if _m > 1:
    _t[:, 1:] = _x[:, None]
    _t[:, 1:] = np.cumprod(_t[:, 1:], axis=1)
_r = _v
"""
    return synth.value(fc, source, node, values=values)


# ----------------------------------------------------------------------------- modf, frexp

def _floats(fc, node, shown: str) -> tuple[ir.Expr, str]:
    """The one argument of np.modf / np.frexp, and the source of it as floats (ints and bools as
    float64, NumPy's loop for them)."""
    bound = _bind(fc, node, ["x"], shown, 1)
    x = value_of(fc, bound["x"])
    t = _real(fc, bound["x"], x, shown, "numbers")
    if t.is_float:
        return x, "_x" if isinstance(x.type, Array) else f"np.{_dtype_name(t)}(_x)"
    return x, "_x.astype('float64')" if isinstance(x.type, Array) else "np.float64(_x)"


def modf(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.modf(x)`: (x - trunc(x), trunc(x)), the fraction given x's sign (so -2.0 gives -0.0) and
    0 for an infinite x.  `x - trunc(x)` is exact: the fraction of a float is representable."""
    x, f = _floats(fc, node, shown)
    source = f"""
_f = {f}
_i = np.trunc(_f)
_r = (np.copysign(np.where(np.isinf(_f), 0.0, _f - _i), _f), _i)
"""
    if not isinstance(x.type, Array):
        source = source.replace("np.where(np.isinf(_f), 0.0, _f - _i)", "(np.copysign(0.0, _f) if np.isinf(_f) else _f - _i)")
    return synth.value(fc, source, node, values={"_x": x})


def frexp(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.frexp(x)`: the tuple (mantissa, exponent) of C's frexp, each part one element-wise
    operation (`np.frexp.mantissa`, `np.frexp.exponent`, ops/ufuncs.py) over the same values."""
    from fastext.compiler.frontend.arrays import elementwise
    x, f = _floats(fc, node, shown)

    def part(name: str):
        return lambda fc2, call: elementwise(fc2, ops.get(f"np.frexp.{name}"), [fc2.expr(call.args[0])], call)
    return synth.value(fc, f"_f = {f}\n_r = (_m(_f), _e(_f))\n", node, values={"_x": x},
                       calls={"_m": part("mantissa"), "_e": part("exponent")})


# ----------------------------------------------------------------------------- rot90, moveaxis

def _axis_pair(fc, arg, nd: int, shown: str) -> tuple[int, int]:
    if not (isinstance(arg, (ast.Tuple, ast.List)) and len(arg.elts) == 2):
        raise fc.error(arg, f"{shown}(): axes must be a constant pair of axes", "axes=(0, 1)")
    a0, a1 = (axis_arg(fc, e, nd, allow_none=False) for e in arg.elts)
    if a0 == a1:
        raise fc.error(arg, f"{shown}(): the two axes must be different", "axes=(0, 1)")
    return a0, a1


def sliding_window_view(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.lib.stride_tricks.sliding_window_view(x, w, axis=None)` of a 1-D x, or along a constant
    axis of any x: the windows `x[i:i + w]` along that axis, each a row of the new last axis.
    NumPy gives a read-only view; this is a copy of its items (the same values, w times the
    memory; docs/language.md), with NumPy's ValueErrors for a negative or too large window."""
    from fastext.compiler.frontend.shape import int_arg
    bound = _bind(fc, node, ["x", "window_shape", "axis", "subok", "writeable"], shown, 2)
    for name in ("subok", "writeable"):
        if name in bound and not (isinstance(bound[name], ast.Constant) and bound[name].value is False):
            raise fc.error(bound[name], f"{shown}({name}=...) is not supported in .fx code", "leave it out")
    x = array_arg(fc, bound["x"], node, shown)
    nd = x.type.ndim
    if _given(bound, "axis"):
        axis = axis_arg(fc, bound["axis"], nd, allow_none=False)
    elif nd == 1:
        axis = 0
    else:
        raise fc.error(node, f"{shown}() of a {nd}-D array needs axis= in .fx code",
                       f"{shown}(x, w, axis=0): one window axis")
    if isinstance(bound["window_shape"], (ast.Tuple, ast.List)):
        raise fc.error(bound["window_shape"], f"{shown}(): give one window length (an int) in .fx code",
                       f"{shown}(x, w, axis=k)")
    values = {"_x": x, "_w": int_arg(fc, bound["window_shape"], shown, "window_shape")}
    dims = ", ".join("_n" if k == axis else f"_x.shape[{k}]" for k in range(nd))
    source = f"""
if _w < 0:
    raise ValueError("`window_shape` cannot contain negative values")
if _w > _x.shape[{axis}]:
    raise ValueError("window shape cannot be larger than input array shape")
_n = _x.shape[{axis}] - _w + 1
_r = np.empty(({dims}, _w), dtype=_x.dtype)
for _i in range(_n):
    _r[{along(nd + 1, axis, "_i")}] = np.moveaxis(_x[{along(nd, axis, "_i:_i + _w")}], {axis}, -1)
"""
    return synth.value(fc, source, node, values=values)


def rot90(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.rot90(m, k=1, axes=(0, 1))`: a view, as NumPy builds it — k % 4 of 0 is m, 2 flips both
    axes, 1 flips axes[1] then swaps the two, 3 swaps them then flips axes[1]; k may be known only
    at run time (each case is a view of the same rank)."""
    bound = _bind(fc, node, ["m", "k", "axes"], shown, 1)
    m = array_arg(fc, bound["m"], node, shown)
    nd = m.type.ndim
    if nd < 2:
        raise fc.error(bound["m"], f"{shown}() needs an array of at least 2 dimensions, got {nd}-D",
                       "rotate a matrix")
    a0, a1 = _axis_pair(fc, bound["axes"], nd, shown) if "axes" in bound else (0, 1)
    values = {"_m": m}
    if "k" in bound:
        from fastext.compiler.frontend.shape import int_arg
        values["_k0"] = int_arg(fc, bound["k"], shown, "k")
    else:
        values["_k0"] = ir.Const(Scalar("i64", "int", 64), fc.span(node), 1)
    perm = list(range(nd))
    perm[a0], perm[a1] = perm[a1], perm[a0]
    swap = f"np.transpose(%s, {tuple(perm)})"
    flip1 = f"[{along(nd, a1, '::-1')}]"
    source = f"""
_k = _k0 % 4
if _k == 0:
    _r = _m[{along(nd, 0, ':')}]
elif _k == 2:
    _r = _m[{along(nd, a0, '::-1')}]{flip1}
elif _k == 1:
    _r = {swap % ('_m' + flip1)}
else:
    _r = {swap % '_m'}{flip1}
"""
    return synth.value(fc, source, node, values=values)


def _axes_list(fc, arg, nd: int, shown: str, what: str) -> list[int]:
    items = arg.elts if isinstance(arg, (ast.Tuple, ast.List)) else [arg]
    axes = [axis_arg(fc, e, nd, allow_none=False, what=what) for e in items]
    if len(set(axes)) != len(axes):
        raise fc.error(arg, f"{shown}(): repeated axis in `{what}` argument", "name each axis once")
    return axes


def moveaxis(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.moveaxis(a, source, destination)` with constant axes: the transposed view NumPy returns
    (the order computed here: the other axes keep their order, the moved ones go to their places)."""
    bound = _bind(fc, node, ["a", "source", "destination"], shown, 3)
    a = array_arg(fc, bound["a"], node, shown)
    nd = a.type.ndim
    src = _axes_list(fc, bound["source"], nd, shown, "source")
    dst = _axes_list(fc, bound["destination"], nd, shown, "destination")
    if len(src) != len(dst):
        raise fc.error(node, f"{shown}(): `source` and `destination` arguments must have the same number of "
                             "elements", "one destination per moved axis")
    order = [k for k in range(nd) if k not in src]
    for d, s in sorted(zip(dst, src)):
        order.insert(d, s)
    return synth.value(fc, f"_r = np.transpose(_a, {tuple(order)})\n", node, values={"_a": a})


# ----------------------------------------------------------------------------- sets

def _flat_numbers(fc, arg, node, shown: str) -> ir.Expr:
    value = array_arg(fc, arg, node, shown)
    _real(fc, arg, value, shown)
    return value


def set_function(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.union1d(a, b)`, `np.intersect1d(a, b)`, `np.setdiff1d(a, b)`: the sorted distinct
    values NumPy gives, as NumPy finds them — union: np.unique of both flattened; intersection:
    the equal neighbours of the sorted distinct values of each; difference: a's distinct values
    not np.isin b (NaN is in nothing)."""
    kind = op.data["kind"]
    bound = _bind(fc, node, ["ar1", "ar2"] + ([] if kind == "union" else ["assume_unique"]), shown, 2)
    if "assume_unique" in bound and not (isinstance(bound["assume_unique"], ast.Constant)
                                         and bound["assume_unique"].value is False):
        raise fc.error(bound["assume_unique"], f"{shown}(assume_unique=...) is not supported in .fx code",
                       "leave it out: the inputs are made unique (same values)")
    a, b = (_flat_numbers(fc, bound[k], node, shown) for k in ("ar1", "ar2"))
    source = {
        "union": "_r = np.unique(np.concatenate((np.ravel(_a), np.ravel(_b))))\n",
        "intersect": ("_s = np.concatenate((np.unique(_a), np.unique(_b)))\n_s.sort()\n"
                      "_r = _s[:-1][_s[1:] == _s[:-1]]\n"),
        "setdiff": "_u = np.unique(_a)\n_r = _u[np.logical_not(np.isin(_u, _b))]\n",
    }[kind]
    return synth.value(fc, source, node, values={"_a": a, "_b": b})


# ----------------------------------------------------------------------------- unwrap

def unwrap(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.unwrap(p, discont=None, axis=-1, period=2*pi)` of floats (or ints with a float period):
    NumPy's steps — the differences taken into [-period/2, period/2) by np.mod (a difference of
    exactly -period/2 going up becomes +period/2), corrections where |difference| >= discont
    (default period/2), added to p[1:] as their running sum along axis."""
    import math
    from fastext.compiler.ops.dtypes import result_type
    bound = _bind(fc, node, ["p", "discont", "axis", "period"], shown, 1)
    p = array_arg(fc, bound["p"], node, shown)
    t = _real(fc, node, p, shown)
    nd = p.type.ndim
    axis = axis_arg(fc, bound["axis"], nd, allow_none=False) if "axis" in bound else nd - 1
    span = fc.span(node)
    period = _number(fc, bound["period"], node, shown, "period") if _given(bound, "period") \
        else ir.Const(F64, span, 2 * math.pi)
    if not period.type.is_float or t.is_bool:
        raise fc.error(bound.get("period", node), f"{shown}() with an integer period (or of bools) is not supported "
                                                  "in .fx code", "give the period as a float: period=360.0")
    out = result_type([t.name, "float"])
    values = {"_p": p, "_period": period}
    disc = "_hi"
    if _given(bound, "discont"):
        values["_disc"] = _number(fc, bound["discont"], node, shown, "discont")
        disc = "_disc"
    d = f", axis={axis}" if nd > 1 else ""
    source = f"""
_dd = np.diff(_p{d})
_hi = _period / 2
_m = np.mod(_dd + _hi, _period) - _hi
_m = np.where((_m == -_hi) & (_dd > 0), _hi, _m)
_c = np.where(np.abs(_dd) < {disc}, 0.0, _m - _dd)
_r = _p.astype({_dtype_name(out)!r})
_r[{along(nd, axis, '1:')}] = _p[{along(nd, axis, '1:')}] + np.cumsum(_c{d})
"""
    return synth.value(fc, source, node, values=values)


# ----------------------------------------------------------------------------- matrix norms

def matrix_norm(fc: "FunctionChecker", node: ast.Call, ord_node, x: ir.Expr) -> ir.Expr | None:
    """`np.linalg.norm(m, ord)` of a matrix for ord 1, -1, inf, -inf: NumPy's largest (smallest)
    sum of |items| down the columns (1) or along the rows (inf); 2, -2: the largest (smallest)
    singular value, 'nuc' their sum (np.linalg.svd); ints as float64; None for the other ords
    (frontend/reductions.py types them)."""
    import math
    if isinstance(ord_node, ast.Constant) and ord_node.value == "nuc":
        f = "_x" if x.type.dtype.is_float or x.type.dtype.is_complex else "_x.astype('float64')"
        return synth.value(fc, f"_r = np.sum(np.linalg.svd({f}, compute_uv=False))\n", node, values={"_x": x})
    if ord_node is None or isinstance(ord_node, ast.Constant) and not isinstance(ord_node.value, (int, float)):
        return None
    value = fc.expr(ord_node)
    if not isinstance(value, ir.Const) or value.value not in (1, -1, 2, -2, math.inf, -math.inf) or \
            isinstance(value.value, bool):
        return None
    t = x.type.dtype
    if abs(value.value) == 2:
        f = "_x" if t.is_float or t.is_complex else "_x.astype('float64')"
        pick = "max" if value.value > 0 else "min"
        return synth.value(fc, f"_r = np.{pick}(np.linalg.svd({f}, compute_uv=False))\n", node, values={"_x": x})
    pick = "max" if value.value > 0 else "min"
    axis = 0 if abs(value.value) == 1 else 1
    f = "_x" if t.is_float or t.is_complex else "_x.astype('float64')"
    source = f"_s = np.sum(np.abs({f}), axis={axis})\n_r = np.{pick}(_s)\n"
    if pick == "max":       # NumPy's maximum starts from 0 (a norm is not negative): 0 for no items
        out = "float32" if t.is_float and t.bits == 32 or t.is_complex and t.bits == 64 else "float64"
        source = f"_s = np.sum(np.abs({f}), axis={axis})\n_r = np.max(_s) if _s.shape[0] > 0 else np.{out}(0.0)\n"
    return synth.value(fc, source, node, values={"_x": x})


# ----------------------------------------------------------------------------- reduceat

def reduceat(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.add.reduceat(a, indices, axis=0)` (and multiply, maximum, minimum): for each index i,
    the reduction (np.sum, np.prod, np.max, np.min, their dtypes) of a[indices[i]:indices[i+1]]
    along axis 0 — a[indices[i]] itself where the next index is not greater, up to the end for
    the last; NumPy's IndexError for an index outside [0, len(a))."""
    from fastext.compiler.frontend.reductions import result_dtype
    ufunc = shown.rpartition(".")[0].rpartition(".")[2]
    reduction = op.data["targets"][ufunc]
    bound = _bind(fc, node, ["array", "indices", "axis", "dtype", "out"], shown, 2)
    for name in ("dtype", "out"):
        if _given(bound, name):
            raise fc.error(bound[name], f"{shown}({name}=...) is not supported in .fx code", "leave it out")
    a = array_arg(fc, bound["array"], node, shown)
    t = _real(fc, node, a, shown)
    nd = a.type.ndim
    if "axis" in bound and axis_arg(fc, bound["axis"], nd, allow_none=False) != 0:
        raise fc.error(bound["axis"], f"{shown}() along an axis other than 0 is not supported in .fx code",
                       f"move the axis first: {shown}(np.moveaxis(a, k, 0), indices)")
    idx = array_arg(fc, bound["indices"], node, shown, "a 1-D array of integer indices")
    if idx.type.ndim != 1 or not (idx.type.dtype.is_int or idx.type.dtype.is_bool):
        raise fc.error(bound["indices"], f"{shown}(): indices must be a 1-D array of integers, not "
                                         f"{article(idx.type)}", "np.array([0, 4, 6])")
    out = result_dtype(reduction, t)
    rest = "".join(f", _a.shape[{k}]" for k in range(1, nd))
    # NumPy's reduce loop starts from the slice's first item: a float sum is a[s] plus the pairwise
    # sum of the rest, line by line along axis 0 (a column's np.sum is pairwise at any stride);
    # the other reductions fold the slice in order, as np.prod/max/min do
    segment = f"np.{reduction}(_a[_s:_e]{', axis=0' if nd > 1 else ''})"
    if ufunc == "add" and nd > 2:
        raise fc.error(bound["array"], f"{shown}() of arrays of more than 2 dimensions is not supported in .fx code",
                       f"reshape to 2-D first: {shown}(a.reshape(a.shape[0], -1), indices)")
    if ufunc == "add":
        segment = "_a[_s] + np.sum(_a[_s + 1:_e])" if nd == 1 else \
            "_a[_s]\n        for _j in range(_a.shape[1]):\n            _r[_i, _j] += np.sum(_a[_s + 1:_e, _j])"
    source = f"""
_n = _a.shape[0]
_m = _ix.shape[0]
_r = np.empty((_m{rest}), dtype={_dtype_name(out)!r})
for _i in range(_m):
    _s = _ix[_i]
    if _s < 0 or _s >= _n:
        raise IndexError("index " + str(_s) + " out-of-bounds in {ufunc}.reduceat [0, " + str(_n) + ")")
    _e = _n
    if _i + 1 < _m:
        _e = _ix[_i + 1]
    if _s < _e:
        _r[_i] = {segment}
    else:
        _r[_i] = _a[_s]
"""
    return synth.value(fc, source, node, values={"_a": a, "_ix": idx})


# ----------------------------------------------------------------------------- split

def split(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.split(ary, indices_or_sections, axis=0)` and `np.array_split`: a list of views along a
    constant axis — N sections (array_split: the first len % N one item longer; split: NumPy's
    ValueError unless N divides the length), or the pieces between sorted indices (a 1-D int
    array or a list of ints; slices as Python's, so out-of-range indices clamp)."""
    from fastext.compiler.types import List
    bound = _bind(fc, node, ["ary", "indices_or_sections", "axis"], shown, 2)
    a = array_arg(fc, bound["ary"], node, shown)
    nd = a.type.ndim
    axis = axis_arg(fc, bound["axis"], nd, allow_none=False) if "axis" in bound else 0
    how = value_of(fc, bound["indices_or_sections"])
    values = {"_a": a, "_how": how}
    if isinstance(how.type, Scalar) and (how.type.is_int or how.type.is_bool):
        piece = along(nd, axis, "_i * _each + min(_i, _extra):(_i + 1) * _each + min(_i + 1, _extra)")
        equal = ("if _t % _how != 0:\n    raise ValueError('array split does not result in an equal division')\n"
                 if op.data["equal"] else "")
        source = f"""
_t = _a.shape[{axis}]
if _how <= 0:
    raise ValueError("number sections must be larger than 0.")
{equal}_each = _t // _how
_extra = _t % _how
_r = [_a[{piece}] for _i in range(_how)]
"""
    elif (isinstance(how.type, Array) and how.type.ndim == 1 or isinstance(how.type, List)) and \
            isinstance(how.type.item if isinstance(how.type, List) else how.type.dtype, Scalar) and \
            (how.type.item if isinstance(how.type, List) else how.type.dtype).is_int:
        piece = along(nd, axis, "(0 if _j == 0 else _how[_j - 1]):(_t if _j == _k else _how[_j])")
        source = f"_t = _a.shape[{axis}]\n_k = len(_how)\n_r = [_a[{piece}] for _j in range(_k + 1)]\n"
    else:
        raise fc.error(bound["indices_or_sections"], f"{shown}(): indices_or_sections must be an int or a 1-D "
                                                     f"sequence of ints, not {article(how.type)}",
                       f"{shown}(a, 3) or {shown}(a, [2, 5])")
    return synth.value(fc, source, node, values=values)


# ----------------------------------------------------------------------------- broadcast_to

def broadcast_to(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.broadcast_to(array, shape)`: the view `array.broadcast_to` (ops/views.py); a number
    gives `np.full(shape, x)` (NumPy's value, a new array)."""
    from fastext.compiler.frontend.alloc import shape_dims
    bound = _bind(fc, node, ["array", "shape", "subok"], shown, 2)
    if "subok" in bound and not (isinstance(bound["subok"], ast.Constant) and bound["subok"].value is False):
        raise fc.error(bound["subok"], f"{shown}(subok=...) is not supported in .fx code", "leave it out")
    x = value_of(fc, bound["array"])
    dims = shape_dims(fc, bound["shape"])
    if isinstance(x.type, Scalar):
        values = {f"_d{k}": d for k, d in enumerate(dims)}
        values["_x"] = x
        shape = "(" + ", ".join(f"_d{k}" for k in range(len(dims))) + ",)"
        return synth.value(fc, f"_r = np.full({shape}, _x)\n", node, values=values)
    a = array_arg(fc, bound["array"], node, shown)
    if len(dims) < a.type.ndim:
        raise fc.error(bound["shape"], f"{shown}(): input operand has more dimensions than allowed by the axis "
                                       f"remapping (a {a.type.ndim}-D array to {len(dims)} dimensions; NumPy raises "
                                       "ValueError)", f"give a shape of at least {a.type.ndim} dimensions")
    return ir.Intrinsic(Array(a.type.dtype, len(dims)), fc.span(node), op.name, [a, *dims])


# ----------------------------------------------------------------------------- pinv, matrix_rank

def pinv(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.linalg.pinv(a, rcond=None)` of a matrix: NumPy's steps through np.linalg.svd of conj(a) —
    the singular values above rcond * max(s) (rcond 1e-15 by default, a float64) inverted, the
    others 0, then vt^T @ (s[:, None] * u^T); an empty matrix gives an empty (n, m) array."""
    bound = _bind(fc, node, ["a", "rcond", "hermitian"], shown, 1)
    if "hermitian" in bound and not (isinstance(bound["hermitian"], ast.Constant) and bound["hermitian"].value is False):
        raise fc.error(bound["hermitian"], f"{shown}(hermitian=True) is not supported in .fx code", "leave it out")
    a = array_arg(fc, bound["a"], node, shown, "a matrix")
    t = a.type.dtype
    if a.type.ndim != 2 or not isinstance(t, Scalar):
        raise fc.error(bound["a"], f"{shown}() of {article(a.type)} is not supported in .fx code: it takes one matrix",
                       "loop over a stack of matrices")
    values = {"_a": a}
    values["_rc"] = _number(fc, bound["rcond"], node, shown, "rcond") if _given(bound, "rcond") \
        else ir.Const(F64, fc.span(node), 1e-15)
    f = "np.conjugate(_a)" if t.is_complex else ("_a" if t.is_float else "_a.astype('float64')")
    real = "float32" if t.name in ("f32", "c64") else "float64"
    out = {"f32": "float32", "c64": "complex64", "c128": "complex128"}.get(t.name, "float64")
    source = f"""
if _a.shape[0] == 0 or _a.shape[1] == 0:
    _r = np.empty((_a.shape[1], _a.shape[0]), dtype={out!r})
else:
    _u, _s, _vt = np.linalg.svd({f}, full_matrices=False)
    _cut = np.float64(_rc) * np.max(_s)
    _s = np.where(_s > _cut, 1 / _s, np.{real}(0))
    _r = np.transpose(_vt) @ (_s[:, None] * np.transpose(_u))
"""
    return synth.value(fc, source, node, values=values)


def matrix_rank(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.linalg.matrix_rank(A, tol=None)`: the singular values of np.linalg.svd above tol (default:
    max(s) * max(m, n) * eps of s's dtype, in that dtype), counted; a vector: 1 unless all zero."""
    bound = _bind(fc, node, ["A", "tol", "hermitian", "rtol"], shown, 1)
    for name in ("hermitian", "rtol"):
        if _given(bound, name) and not (isinstance(bound[name], ast.Constant) and bound[name].value is False):
            raise fc.error(bound[name], f"{shown}({name}=...) is not supported in .fx code", "tol=...")
    a = array_arg(fc, bound["A"], node, shown, "a matrix")
    t = a.type.dtype
    if a.type.ndim > 2 or not isinstance(t, Scalar):
        raise fc.error(bound["A"], f"{shown}() of {article(a.type)} is not supported in .fx code", "one matrix")
    if a.type.ndim == 1:
        return synth.value(fc, "_r = 0 if np.all(_a == 0) else 1\n", node, values={"_a": a})
    import numpy
    real = "float32" if t.name in ("f32", "c64") else "float64"
    values = {"_a": a}
    if _given(bound, "tol"):
        values["_tol"] = _number(fc, bound["tol"], node, shown, "tol")
        tol = "_tol"
    else:
        eps = float(numpy.finfo(real).eps)
        tol = (f"(np.max(_s) if _s.shape[0] > 0 else np.{real}(0)) * "
               f"(np.{real}(max(_a.shape[0], _a.shape[1])) * np.{real}({eps!r}))")
    f = "_a" if t.is_float or t.is_complex else "_a.astype('float64')"
    source = f"_s = np.linalg.svd({f}, compute_uv=False)\n_r = int(np.count_nonzero(_s > {tol}))\n"
    return synth.value(fc, source, node, values=values)


# ----------------------------------------------------------------------------- apply_along_axis

def apply_along_axis(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.apply_along_axis(func1d, axis, arr)` of an array of 2 or more dimensions: `func1d` (a
    `.fx` function, an alias or a lambda, called directly) on each 1-D slice along `axis`, the
    other axes walked in C order, the results stacked as NumPy stacks them — numbers into an
    array of the other axes, 1-D arrays into one with the result's axis where `axis` was;
    NumPy's ValueError when there are no slices."""
    from fastext.compiler.frontend.listsort import key_function
    bound = _bind(fc, node, ["func1d", "axis", "arr"], shown, 3)
    if node.keywords and any(k.arg not in ("func1d", "axis", "arr") for k in node.keywords) or len(node.args) > 3:
        raise fc.error(node, f"{shown}(): extra arguments for func1d are not supported in .fx code",
                       f"bind them in a lambda: {shown}(lambda v: f(v, k), axis, arr)")
    call, funcs = key_function(fc, bound["func1d"])
    if call is None:
        raise fc.error(bound["func1d"], f"{shown}() needs a function", f"{shown}(lambda v: v.sum(), 1, a)")
    a = array_arg(fc, bound["arr"], node, shown)
    nd = a.type.ndim
    if nd < 2:
        raise fc.error(bound["arr"], f"{shown}() of a {nd}-D array is not supported in .fx code",
                       "pass an array of 2 or more dimensions (for a 1-D one, call the function itself)")
    axis = axis_arg(fc, bound["axis"], nd, allow_none=False)
    others = [k for k in range(nd) if k != axis]
    index = ", ".join(":" if k == axis else f"_i{k}" for k in range(nd))
    empty = " or ".join(f"_a.shape[{k}] == 0" for k in others)
    head = f"""
if {empty}:
    raise ValueError("Cannot apply_along_axis when any iteration dimensions are 0")
"""
    if nd == 2:     # the one other axis first; `.T` puts a result's axis back where axis 0 was
        stack = f"[{call}(_a[{index}]) for _i{others[0]} in range(_a.shape[{others[0]}])]"
        source = head + f"_r = np.array({stack}){'.T' if axis == 0 else ''}\n"
        return synth.value(fc, source, node, values={"_a": a}, funcs=funcs)
    # the slices in C order of the other axes, stacked flat, then given those axes' shape
    loops = " ".join(f"for _i{k} in range(_a.shape[{k}])" for k in others)
    dims = ", ".join(f"_a.shape[{k}]" for k in others)
    source = head + f"_flat = np.array([{call}(_a[{index}]) {loops}])\n"
    if _array_result(fc, node, call, funcs, a, ", ".join(":" if k == axis else "0" for k in range(nd))):
        source += f"_r = _flat.reshape(({dims}, _flat.shape[1]))\n"
        if axis != nd - 1:
            source += f"_r = np.moveaxis(_r, {nd - 1}, {axis})\n"
    else:
        source += f"_r = _flat.reshape(({dims}))\n"
    return synth.value(fc, source, node, values={"_a": a}, funcs=funcs)


def _array_result(fc, node: ast.Call, call: str, funcs: dict, a: ir.Expr, first: str) -> bool:
    """Whether `func1d` gives an array (rather than a number) for a slice of `a`: its call on the
    first slice, typed and then dropped (the other axes are moved only for array results)."""
    probe = synth.value(fc, f"_r = {call}(_a[{first}])\n", node, values={"_a": a}, funcs=funcs)
    return isinstance(probe.type, Array)


# ----------------------------------------------------------------------------- take_along_axis

def take_along_axis(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.take_along_axis(arr, indices, axis)` of 1-D and 2-D arrays: item `[p, q]` of the result
    is `arr[p, indices[p, q]]` (axis 1) or `arr[indices[p, q], q]` (axis 0), the other axis
    broadcast where one of the two has length 1; the indices wrap and are checked as `arr[i]`."""
    bound = _bind(fc, node, ["arr", "indices", "axis"], shown, 3)
    a = array_arg(fc, bound["arr"], node, shown)
    idx = array_arg(fc, bound["indices"], node, shown, "an integer array")
    it = idx.type.dtype
    if not (isinstance(it, Scalar) and it.is_int and not it.is_bool):
        raise fc.error(bound["indices"], f"{shown}(): indices must be an integer array, not {article(idx.type)}",
                       "np.argsort(...) or .astype(np.int64) gives one")
    nd = a.type.ndim
    if isinstance(bound["axis"], ast.Constant) and bound["axis"].value is None:
        if nd != 1:
            raise fc.error(bound["axis"], f"{shown}(axis=None) of a {nd}-D array is not supported in .fx code",
                           f"{shown}(arr.ravel(), indices, 0)")
        axis = 0
    else:
        axis = axis_arg(fc, bound["axis"], nd, allow_none=False)
    if idx.type.ndim != nd or nd > 2:
        raise fc.error(node, f"{shown}(): indices must have arr's rank ({nd}), got {idx.type.ndim}-D"
                       if idx.type.ndim != nd else f"{shown}() of a {nd}-D array is not supported in .fx code",
                       "1-D and 2-D arrays with indices of the same rank")
    from fastext.compiler.ops.dtypes import numpy_name
    dt = numpy_name(a.type.dtype)
    if nd == 1:
        return synth.value(fc, "_r = _a[_i]\n", node, values={"_a": a, "_i": idx})
    other = 1 - axis
    item = "_a[_p if _n0 > 1 else 0, _i[_p if _m0 > 1 else 0, _q]]" if axis == 1 else \
        "_a[_i[_p, _q if _m1 > 1 else 0], _q if _n1 > 1 else 0]"
    source = f"""\
_n0, _n1 = _a.shape
_m0, _m1 = _i.shape
_o = max(_n{other}, _m{other})
if (_n{other} != _o and _n{other} != 1) or (_m{other} != _o and _m{other} != 1):
    raise ValueError("shape mismatch: indexing arrays could not be broadcast together")
_r = np.empty(({'_o, _m1' if axis == 1 else '_m0, _o'}), dtype={dt!r})
for _p in range(_r.shape[0]):
    for _q in range(_r.shape[1]):
        _r[_p, _q] = {item}
"""
    return synth.value(fc, source, node, values={"_a": a, "_i": idx})


# ----------------------------------------------------------------------------- nanvar, nanstd, nanargmax

def _nan_floats(fc, node, shown: str) -> tuple[dict, ir.Expr, int | None]:
    bound = _bind(fc, node, ["a", "axis", "dtype", "out", "ddof", "keepdims"], shown, 1)
    for k in ("dtype", "out", "keepdims"):
        if _given(bound, k):
            raise fc.error(bound[k], f"{shown}({k}=...) is not supported in .fx code", f"leave {k}= out")
    a = array_arg(fc, bound["a"], node, shown)
    t = _real(fc, node, a, shown)
    if not t.is_float or t.bits != 64:
        raise fc.error(node, f"{shown}() of {article(a.type)} is not supported in .fx code",
                       f"{shown}() takes float64 arrays here (np.var/np.std have no NaN to skip in integers)")
    axis = axis_arg(fc, bound["axis"], a.type.ndim, allow_none=True) if _given(bound, "axis") else None
    return bound, a, axis


def nanvar(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.nanvar(a, axis=None, ddof=0)` / `np.nanstd` of float64 arrays: NumPy's steps — NaN read
    as 0, the count of the others, their mean, squared deviations with NaN's replaced by 0, their
    sum over count - ddof (NaN for an all-NaN line, where NumPy warns)."""
    bound, a, axis = _nan_floats(fc, node, shown)
    values = {"_a": a}
    values["_dd"] = _number(fc, bound["ddof"], node, shown, "ddof") if _given(bound, "ddof") \
        else ir.Const(F64, fc.span(node), 0.0)
    ax = "" if axis is None else f", axis={axis}"
    keep = "" if axis is None else ", keepdims=True"
    root = "np.sqrt(_v)" if op.name == "np.nanstd" else "_v"
    source = f"""\
_m = np.isnan(_a)
_z = np.where(_m, 0.0, _a)
_c = np.sum(~_m{ax}{keep})
_avg = np.sum(_z{ax}{keep}) / _c
_d = np.where(_m, 0.0, _z - _avg)
_v = np.sum(_d * _d{ax}) / (np.sum(~_m{ax}) - _dd)
_r = {root}
"""
    return synth.value(fc, source, node, values=values)


def nanargext(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.nanargmax(a, axis=None)` / `np.nanargmin`: NumPy's steps — NaN replaced by -inf (+inf),
    the argmax (argmin) of that, and ValueError("All-NaN slice encountered") for a line of NaN."""
    bound = _bind(fc, node, ["a", "axis"], shown, 1)
    a = array_arg(fc, bound["a"], node, shown)
    t = _real(fc, node, a, shown)
    fn = "argmax" if op.name == "np.nanargmax" else "argmin"
    if not t.is_float:
        ax = "" if not _given(bound, "axis") else f", axis={axis_arg(fc, bound['axis'], a.type.ndim)}"
        return synth.value(fc, f"_r = np.{fn}(_a{ax})\n", node, values={"_a": a})
    fill = '-float("inf")' if fn == "argmax" else 'float("inf")'
    axis = axis_arg(fc, bound["axis"], a.type.ndim, allow_none=True) if _given(bound, "axis") else None
    ax = "" if axis is None else f", axis={axis}"
    test = "np.all(_m)" if axis is None else f"np.any(np.all(_m{ax}))"
    source = f"""\
_m = np.isnan(_a)
if {test}:
    raise ValueError("All-NaN slice encountered")
_r = np.{fn}(np.where(_m, {fill}, _a){ax})
"""
    return synth.value(fc, source, node, values={"_a": a})


# ----------------------------------------------------------------------------- correlate

def correlate(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.correlate(a, v, mode='valid')` of real 1-D arrays: NumPy's
    `convolve(a, v[::-1], mode)` (for real v the conjugate is v itself)."""
    bound = _bind(fc, node, ["a", "v", "mode"], shown, 2)
    a = array_arg(fc, bound["a"], node, shown)
    v = array_arg(fc, bound["v"], node, shown)
    _real(fc, node, a, shown)
    _real(fc, node, v, shown)
    mode = bound.get("mode")
    if mode is None:
        mode_s = "valid"
    elif isinstance(mode, ast.Constant) and mode.value in ("valid", "same", "full"):
        mode_s = mode.value
    else:
        raise fc.error(mode, f"{shown}(mode=...) must be the constant 'valid', 'same' or 'full'", "mode='full'")
    if mode_s == "same":
        raise fc.error(mode, f"{shown}(mode='same') is not supported in .fx code (NumPy centres it differently "
                             "from np.convolve)", "mode='full' and a slice")
    if mode_s == "valid":
        # NumPy swaps the inputs when v is longer (and reverses the result)
        source = """\
if _v.shape[0] > _a.shape[0]:
    _r = np.convolve(_v, _a[::-1], mode="valid")[::-1].copy()
else:
    _r = np.convolve(_a, _v[::-1], mode="valid")
"""
    else:
        source = f"_r = np.convolve(_a, _v[::-1], mode={mode_s!r})\n"
    return synth.value(fc, source, node, values={"_a": a, "_v": v})


# ----------------------------------------------------------------------------- indices

def indices(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.indices(dimensions, dtype=int)` (dense): an array of shape (d, *dimensions) whose k-th
    item holds each position's index along axis k — d fixed by the tuple's length."""
    from fastext.compiler.frontend.shape import _int_list
    bound = _bind(fc, node, ["dimensions", "dtype", "sparse"], shown, 1)
    if "sparse" in bound and not (isinstance(bound["sparse"], ast.Constant) and bound["sparse"].value is False):
        raise fc.error(bound["sparse"], f"{shown}(sparse=True) is not supported in .fx code", "np.ogrid[0:n, 0:m]")
    dims = _int_list(fc, bound["dimensions"], shown, "dimensions")
    dtype = "int64"
    if "dtype" in bound:
        from fastext.compiler.frontend.alloc import resolve_dtype
        dtype = _dtype_name(resolve_dtype(fc, bound["dtype"]))
    d = len(dims)
    values = {f"_s{k}": v for k, v in enumerate(dims)}
    shape = "".join(f", _s{k}" for k in range(d))
    lines = [f"_r = np.empty(({d}{shape}), dtype={dtype!r})"]
    for k in range(d):
        spread = ", ".join(":" if j == k else "None" for j in range(d))
        lines.append(f"_r[{k}] = np.arange(_s{k})[{spread}]")
    return synth.value(fc, "\n".join(lines) + "\n", node, values=values)
