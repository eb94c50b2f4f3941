"""Typing of `np.random` calls and of the methods of `np.random.default_rng(...)` Generators
(the operations are declared in `ops/nprandom.py`; docs/numpy-random.md).

Every draw becomes one `ir.Intrinsic`: `random.draw` (`random.draw.np`) for one number,
`random.fill` for a new array, with

    args  = [the Generator, if a method] + the distribution's parameters + the dimensions
    attrs = {"dist": "random" | "normal" | "uniform" | "integers", "dtype": element type name,
             "generator": bool, "closed": [low, high] instead of [low, high)}

Parameters are scalars converted to f64 (`loc`, `scale`, `low`, `high` of floats) or i64 (integer
bounds); `randn()`/`standard_normal()` have none.  Results have NumPy's types: float64 (float32 on
request), int64 or the requested integer dtype; `size=None` gives a scalar, an int or a tuple an array.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.diagnostics import Diagnostic, FxSyntaxError
from fastext.compiler.frontend.alloc import _dim, resolve_dtype, shape_dims
from fastext.compiler.frontend.arrays import _bind, constant
from fastext.compiler.types import (
    ERROR, F32, F64, GENERATOR, I64, NONE, U64, Array, ErrorType, RandomGenerator, Scalar, article,
)

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

_FLOAT_PARAMS = {"uniform": (("low", 0.0), ("high", 1.0)), "normal": (("loc", 0.0), ("scale", 1.0)),
                 "exponential": (("scale", 1.0),), "poisson": (("lam", 1.0),)}


class _Poisoned(Exception):
    """An argument already carries a reported error: the call reports nothing more."""


def check_call(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str,
               receiver: ir.Expr | None = None) -> ir.Expr:
    """A call of an `np.random` function or a Generator method, typed as NumPy types it."""
    if fc.sig.target != "cpu":
        raise fc.error(node, f"{shown}() is not available in GPU code",
                       "draw the numbers on the CPU and pass them to the kernel as an array")
    try:
        return _check(fc, node, op, shown, receiver)
    except _Poisoned:
        return ir.Expr(ERROR, fc.span(node))


def _check(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver: ir.Expr | None) -> ir.Expr:
    kind = op.data["kind"]
    span = fc.span(node)
    if kind in ("rand", "randn"):
        dims = _positional_dims(fc, node, shown)
        return _draw(span, "random" if kind == "rand" else "normal", F64, [], [], dims, generator=False)
    bound = _bind(fc, node, list(op.data["params"]), shown, op.data["required"], receiver)
    if kind in ("seed", "default_rng"):
        given = None
        if kind == "seed" and not _is_none(bound.get("seed")):
            given = _seed_value(fc, bound["seed"], shown)
            if isinstance(given.type, Array):
                return ir.Intrinsic(NONE, span, "random.seed", [given], {"array": True})
        seed = [] if _is_none(bound.get("seed")) else [_int_arg(fc, bound["seed"], shown, "seed", given)]
        if kind == "seed":
            return ir.Intrinsic(NONE, span, "random.seed", seed)
        # a u64 seed is never negative (it reaches the lowering as the same 64 bits in an i64)
        unsigned = bool(seed) and isinstance(seed[0], ir.Cast) and seed[0].value.type == U64
        return ir.Intrinsic(GENERATOR, span, "random.default_rng", seed, {"unsigned": True} if unsigned else {})
    gen = [] if receiver is None else [receiver]
    if kind in ("shuffle", "permutation", "choice"):
        return _check_permuting(fc, node, kind, bound, shown, gen, span)
    if "out" in bound:
        raise fc.error(bound["out"], f"{shown}(..., out=) is not supported in .fx code",
                       f"assign the new array instead: a[...] = {shown}(a.shape)")
    dims = _size_dims(fc, bound)
    generator = receiver is not None
    if kind in ("random", "standard_normal"):
        dtype = F64
        if "dtype" in bound:
            dtype = resolve_dtype(fc, bound["dtype"]) or F64
            if dtype not in (F64, F32):
                raise fc.error(bound["dtype"], f"Unsupported dtype {_numpy_name(dtype)} for {kind} "
                                               "(NumPy raises TypeError)", "use np.float64 or np.float32")
        dist = "random" if kind == "random" else "normal"
        return _draw(span, dist, dtype, gen, [], dims, generator)
    if kind == "binomial":
        # (n, p): the trials an int, the probability a float
        params = [_int_arg(fc, bound["n"], shown, "n"), _float_arg(fc, bound["p"], shown, "p")]
        return _draw(span, kind, I64, gen, params, dims, generator)
    if kind in _FLOAT_PARAMS:
        params = [_float_arg(fc, bound[name], shown, name) if name in bound else ir.Const(F64, span, default)
                  for name, default in _FLOAT_PARAMS[kind]]
        # poisson: int64 deviates (a Python int for one, as NumPy returns)
        return _draw(span, kind, I64 if kind == "poisson" else F64, gen, params, dims, generator)
    # randint / integers: [low, high) or, with one bound, [0, low)
    low = _int_arg(fc, bound["low"], shown, "low")
    if _is_none(bound.get("high")):
        low, high = ir.Const(I64, span, 0), low
    else:
        high = _int_arg(fc, bound["high"], shown, "high")
    dtype = I64
    if not _is_none(bound.get("dtype")):
        dtype = resolve_dtype(fc, bound["dtype"]) or I64
        if not (dtype.is_int or dtype.is_bool):
            raise fc.error(bound["dtype"], f"Unsupported dtype {_numpy_name(dtype)} for {kind} "
                                           "(NumPy raises TypeError)", "use an integer type (np.int64, np.uint8, ...)")
    closed = "endpoint" in bound and constant(fc, bound["endpoint"], bool, "endpoint")
    # NumPy returns a Python int from randint() without dtype=, a NumPy scalar otherwise
    strong = generator or not _is_none(bound.get("dtype"))
    return _draw(span, "integers", dtype, gen, [low, high], dims, generator, closed=closed, strong=strong)


def _axis0(fc: "FunctionChecker", bound: dict, shown: str) -> None:
    if "axis" in bound and constant(fc, bound["axis"], int, "axis") != 0:
        raise fc.error(bound["axis"], f"{shown}() is supported along axis 0 only in .fx code",
                       "transpose first, e.g. rng.permutation(a.T).T")


def _array_arg(fc: "FunctionChecker", node: ast.expr, shown: str, name: str) -> ir.Expr:
    value = fc.expr(node)
    if isinstance(value.type, ErrorType):
        raise _Poisoned
    return value


def _check_permuting(fc: "FunctionChecker", node: ast.Call, kind: str, bound: dict, shown: str,
                     gen: list[ir.Expr], span) -> ir.Expr:
    """shuffle(x), permutation(x), choice(a, size, replace, p): NumPy's types and shapes."""
    generator = bool(gen)
    attrs: dict = {"generator": generator}
    if kind != "choice":
        _axis0(fc, bound, shown)
        x = _array_arg(fc, bound["x"], shown, "x")
        if kind == "permutation" and isinstance(x.type, Scalar):
            return ir.Intrinsic(Array(I64, 1), span, "random.permutation", gen + [_int_arg(fc, bound["x"], shown, "x", x)],
                                attrs | {"population": "int"})
        if not isinstance(x.type, Array) or not isinstance(x.type.dtype, Scalar):
            raise fc.error(bound["x"], f"{shown}() takes an array{' or an int' if kind == 'permutation' else ''}, "
                                       f"got {article(x.type)}", f"{shown}(a) with a NumPy array a")
        if kind == "permutation":
            return ir.Intrinsic(x.type, span, "random.permutation", gen + [x], attrs | {"population": "array"})
        if x.type.ndim > 2:
            raise fc.error(bound["x"], f"{shown}() supports 1-D and 2-D arrays in .fx code, "
                                       f"got {x.type.ndim} dimensions",
                           "shuffle a 2-D view: a.reshape(a.shape[0], -1) of a C-contiguous array")
        return ir.Intrinsic(NONE, span, "random.shuffle", [x] + gen, attrs)
    if "axis" in bound:
        _axis0(fc, bound, shown)
    if "shuffle" in bound:      # NumPy's Generator picks its sampling method by it
        attrs["shuffle"] = constant(fc, bound["shuffle"], bool, "shuffle")
    a = _array_arg(fc, bound["a"], shown, "a")
    if isinstance(a.type, Scalar):
        a = _int_arg(fc, bound["a"], shown, "a", a)
        population, item = "int", I64
    elif isinstance(a.type, Array) and isinstance(a.type.dtype, Scalar) and a.type.ndim == 1:
        population, item = "array", a.type.dtype
    elif isinstance(a.type, Array):
        raise fc.error(bound["a"], f"{shown}() takes an int or a 1-D array in .fx code, got {a.type.ndim} "
                                   "dimensions" + ("" if generator else " (NumPy raises ValueError)"),
                       "choose row indices instead: a[rng.choice(len(a), size)]")
    else:
        raise fc.error(bound["a"], f"{shown}() takes an int or a 1-D array, got {article(a.type)}",
                       f"{shown}(n, size) or {shown}(array, size)")
    dims = _size_dims(fc, bound)
    replace = True if "replace" not in bound else constant(fc, bound["replace"], bool, "replace")
    weights = []
    if not _is_none(bound.get("p")):
        p = _array_arg(fc, bound["p"], shown, "p")
        if not (isinstance(p.type, Array) and p.type.ndim == 1 and isinstance(p.type.dtype, Scalar)
                and p.type.dtype.is_real):
            raise fc.error(bound["p"], f"`p` of {shown}() must be a 1-D array of probabilities, "
                                       f"got {article(p.type)}", "p=np.array([0.2, 0.3, 0.5])")
        if p.type.dtype != F64:
            raise fc.error(bound["p"], f"`p` of {shown}() must be a float64 array in .fx code",
                           "convert it: p.astype(np.float64)")
        weights = [p]
    attrs |= {"population": population, "replace": bool(replace), "weights": bool(weights)}
    args = gen + [a] + weights
    if dims is not None:
        return ir.Intrinsic(Array(item, len(dims)), span, "random.choice", args + dims, attrs)
    return ir.Intrinsic(item, span, "random.choice" if population == "int" else "random.choice.np", args, attrs)


def _draw(span, dist: str, dtype: Scalar, gen: list[ir.Expr], params: list[ir.Expr], dims: list[ir.Expr] | None,
          generator: bool, closed: bool = False, strong: bool = False) -> ir.Expr:
    attrs = {"dist": dist, "dtype": dtype.name, "generator": generator}
    if closed:
        attrs["closed"] = True
    if dims is not None:
        return ir.Intrinsic(Array(dtype, len(dims)), span, "random.fill", gen + params + dims, attrs)
    # one number: a Python float under plain Python (even for dtype=float32), or the integer type
    result = dtype if dist in ("integers", "poisson", "binomial") else F64
    return ir.Intrinsic(result, span, "random.draw.np" if strong else "random.draw", gen + params, attrs)


def _positional_dims(fc: "FunctionChecker", node: ast.Call, shown: str) -> list[ir.Expr] | None:
    """`rand(d0, d1, ...)`: each dimension an int (a tuple is a TypeError in NumPy); none: a scalar."""
    if node.keywords:
        raise fc.error(node.keywords[0].value, f"{shown}() takes no keyword arguments",
                       f"{shown}(d0, d1, ...) takes the dimensions one by one")
    if not node.args:
        return None
    dims = []
    for a in node.args:
        value = None if isinstance(a, ast.Starred) else fc.expr(a)
        if value is not None and isinstance(value.type, ErrorType):
            raise _Poisoned
        if value is None or not isinstance(value.type, Scalar):
            raise fc.error(a, f"{shown}() takes the dimensions as separate integers, not a shape "
                              "(NumPy raises TypeError)",
                           f"{shown}(2, 3), or np.random.random(shape) / np.random.standard_normal(shape)")
        dims.append(_dim(fc, a, value))
    return dims


def _size_dims(fc: "FunctionChecker", bound: dict) -> list[ir.Expr] | None:
    """The dimensions of a `size=` argument (None: one number)."""
    size = bound.get("size")
    dims = None if _is_none(size) else shape_dims(fc, size)
    if dims is not None and any(isinstance(d.type, ErrorType) for d in dims):
        raise _Poisoned
    return dims


def _is_none(node) -> bool:
    return node is None or isinstance(node, ast.Constant) and node.value is None


def _seed_value(fc: "FunctionChecker", node: ast.expr, shown: str) -> ir.Expr:
    """The seed given to `np.random.seed`, typed: a number, or an integer array (NumPy's
    init_by_array of its items) — one dimension only: NumPy flattens others, which the caller
    can spell."""
    value = fc.expr(node)
    if not isinstance(value.type, Array):
        return value
    if not (isinstance(value.type.dtype, Scalar) and value.type.dtype.is_int and not value.type.dtype.is_bool):
        raise fc.error(node, f"the seed array of {shown}() must hold integers, got {article(value.type)}",
                       "seed with an int, or an integer array such as np.array([1, 2, 3])")
    if value.type.ndim != 1:
        raise fc.error(node, f"the seed array of {shown}() must be 1-D in .fx code, got {article(value.type)}",
                       "flatten it: np.random.seed(a.ravel())")
    return value


def _scalar_arg(fc: "FunctionChecker", node: ast.expr, shown: str, name: str, value: ir.Expr | None = None) -> ir.Expr:
    value = fc.expr(node) if value is None else value
    if isinstance(value.type, ErrorType):
        raise _Poisoned
    if isinstance(value.type, Array):
        raise fc.error(node, f"`{name}` of {shown}() must be a number in .fx code, not an array",
                       "arrays of parameters (broadcasting) are not supported yet: draw standard values "
                       "and transform them, e.g. loc + scale * rng.standard_normal(loc.shape)")
    if not (isinstance(value.type, Scalar) and value.type.is_real):
        raise fc.error(node, f"`{name}` of {shown}() must be a real number, got {article(value.type)}", "")
    return value


def _float_arg(fc: "FunctionChecker", node: ast.expr, shown: str, name: str) -> ir.Expr:
    return fc.convert(_scalar_arg(fc, node, shown, name), F64)


def _int_arg(fc: "FunctionChecker", node: ast.expr, shown: str, name: str, value: ir.Expr | None = None) -> ir.Expr:
    value = _scalar_arg(fc, node, shown, name, value)
    if value.type.is_float:
        raise fc.error(node, f"`{name}` of {shown}() must be an integer in .fx code, got {article(value.type)}",
                       "convert with int(...)")
    if value.type == U64:
        return ir.Cast(I64, value.span, value)
    return fc.convert(value, I64)


def _numpy_name(t: Scalar) -> str:
    from fastext.compiler.ops import dtypes
    return dtypes.numpy_name(t)


def check_exported_signature(node: ast.FunctionDef, params, ret, span_of) -> None:
    """A Generator never crosses into Python: exported functions neither take nor return one."""
    for name, ptype, pspan in params:
        if isinstance(ptype, RandomGenerator):
            raise FxSyntaxError(pspan, f"parameter `{name}` of the exported function `{node.name}` cannot be "
                                       "a numpy.random.Generator",
                                "take a seed and create it inside: rng = np.random.default_rng(seed) "
                                "(internal `_functions` may take Generators)")
    if isinstance(ret, RandomGenerator):
        raise FxSyntaxError(span_of(node.returns), f"the exported function `{node.name}` cannot return "
                                                   "a numpy.random.Generator",
                            "return the numbers it draws (internal `_functions` may return Generators)")


def reject_shared_generators(fc: "FunctionChecker", loop: ir.ForRange) -> None:
    """A Generator made outside a prange loop cannot be used in its body: its threads would
    advance one state at once.  (One made inside the body is private to an iteration.)"""
    for var in loop.parallel.captured:
        if isinstance(var.type, RandomGenerator):
            use = next((e for e in ir.all_exprs(loop.body) if isinstance(e, ir.Load) and e.var is var), loop)
            fc.diags.add(Diagnostic(use.span, f"the Generator `{var.name}` is shared by the threads of this "
                                               "prange loop",
                                    "draw with np.random.* in the body (each thread has a stream of its own), "
                                    "or make a Generator per iteration: np.random.default_rng(seed + i)"))

