"""NumPy's index tricks — `np.r_[...]`, `np.c_[...]`, `np.mgrid[...]` / `np.ogrid[...]` and
`a[np.ix_(rows, cols)]` — as the joins, grids and fancy indexing they mean, written as `.fx`
source (frontend/synth.py).

`np.r_[a, 0.0, 1:4, b]` joins its pieces along the first axis: arrays as they are, numbers as
1-item arrays, a slice `start:stop:step` as `np.arange(start, stop, step)` (a complex step `Nj`
as `np.linspace(start, stop, N)`), all cast to NumPy's result type of the pieces (numbers weak,
as NumPy's `result_type` sees them).  `np.c_[a, b]` makes 1-D pieces columns and joins along
the last axis.  `np.ix_(r, c)` gives index arrays that broadcast to the cross product: `m[np.ix_(r, c)]`
is `m[r[:, None], c[None, :]]` (a boolean array stands for its `np.nonzero`).

`np.mgrid[0:n, 0:m]` / `np.ogrid[...]` are NumPy's `nd_grid`: per slice a length
(`ceil((stop - start) / step)`, or `int(abs(step))` for a complex step `Nj`) and the values
`k * step + start` (a complex step: `step = (stop - start) / (N - 1)`) in int64, or float64 where
a bound or the step is a float; mgrid stacks the full grids into one array (shape `(len(key),) +
lengths`), ogrid gives the tuple of open ones (each 1-D grid along its own axis); one slice
alone gives its 1-D grid (`np.arange(start, stop, step)` for a real step)."""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler.frontend import synth
from fastext.compiler.frontend.arrays import _key
from fastext.compiler.frontend.shape import value_of
from fastext.compiler.ops import dtypes
from fastext.compiler.types import Array, ErrorType, Scalar, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker


def _numpy(fc: "FunctionChecker", node: ast.expr) -> str | None:
    from fastext.compiler.frontend.nptyping import dotted
    return dotted(node, fc.scope)


def subscript(fc: "FunctionChecker", node: ast.Subscript) -> ir.Expr | None:
    """The value of `np.r_[...]`, `np.c_[...]` or `a[np.ix_(...)]`; None for any other subscript."""
    name = _numpy(fc, node.value) if isinstance(node.value, (ast.Attribute, ast.Name)) else None
    if name in ("numpy.r_", "numpy.c_"):
        return _join(fc, node, name == "numpy.c_")
    if name in ("numpy.mgrid", "numpy.ogrid"):
        return _grid(fc, node, name == "numpy.ogrid")
    sl = node.slice
    if isinstance(sl, ast.Call) and _numpy(fc, sl.func) == "numpy.ix_":
        return _ix(fc, node, sl)
    return None


def _join(fc: "FunctionChecker", node: ast.Subscript, columns: bool) -> ir.Expr:
    shown = "np.c_" if columns else "np.r_"
    items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
    values: dict[str, ir.Expr] = {}
    pieces: list[tuple[str, str]] = []     # (kind, source name)
    for k, item in enumerate(items):
        if isinstance(item, ast.Slice):
            if columns:
                raise fc.error(item, f"{shown}[...] of a slice is not supported in .fx code",
                               "np.column_stack((a, np.arange(n)))")
            bounds: dict[str, ir.Expr] = {}
            source = _range(fc, item, k, bounds, shown)
            values[f"_p{k}"] = synth.value(fc, f"_r = {source}\n", item, values=bounds)
            pieces.append(("array", f"_p{k}"))
            continue
        if isinstance(item, ast.Constant) and isinstance(item.value, str):
            raise fc.error(item, f"{shown}[...] with a directive string is not supported in .fx code",
                           "np.concatenate((a, b), axis=1) or np.stack")
        v = value_of(fc, item)
        if isinstance(v.type, ErrorType):
            return v
        name = f"_p{k}"
        values[name] = v
        if isinstance(v.type, Array) and isinstance(v.type.dtype, Scalar):
            pieces.append(("array", name))
        elif isinstance(v.type, Scalar) and not columns:
            pieces.append(("number", name))
        else:
            raise fc.error(item, f"{shown}[...] of {article(v.type)} is not supported in .fx code",
                           "arrays" + ("" if columns else " and numbers"))
    t = dtypes.result_type([_key(v) for v in values.values()])
    dt = dtypes.numpy_name(t)

    def cast(name: str) -> str:
        v = values[name]
        return name if v.type.dtype == t else f"{name}.astype({dt!r})"
    parts = []
    for kind, name in pieces:
        if kind == "number":
            parts.append(f"np.full(1, {name}, dtype={dt!r})")
        elif columns and values[name].type.ndim == 1:
            parts.append(f"{cast(name)}[:, None]")
        else:
            parts.append(cast(name))
    if columns and any(values[n].type.ndim > 2 for _, n in pieces):
        raise fc.error(node, f"{shown}[...] of arrays beyond 2-D is not supported in .fx code", "np.concatenate")
    if not parts:
        raise fc.error(node, f"{shown}[] needs at least one piece", f"{shown}[a, b]")
    axis = 1 if columns else 0
    return synth.value(fc, f"_r = np.concatenate(({', '.join(parts)},), axis={axis})\n", node, values=values)


def _range(fc: "FunctionChecker", item: ast.Slice, k: int, values: dict, shown: str) -> str:
    """A slice piece of np.r_ as the source of its np.arange / np.linspace."""
    bounds = []
    for part, default in ((item.lower, "0"), (item.upper, None), (item.step, "1")):
        if part is None:
            if default is None:
                raise fc.error(item, f"{shown}[...] of a slice needs its stop", f"{shown}[0:n]")
            bounds.append(default)
            continue
        if part is item.step and isinstance(part, ast.Constant) and isinstance(part.value, complex):
            bounds.append(("num", int(abs(part.value))))
            continue
        name = f"_s{k}_{len(bounds)}"
        values[name] = value_of(fc, part)
        bounds.append(name)
    start, stop, step = bounds
    if isinstance(step, tuple):
        return f"np.linspace({start}, {stop}, {step[1]})"
    return f"np.arange({start}, {stop}, {step})"


def _ix(fc: "FunctionChecker", node: ast.Subscript, call: ast.Call) -> ir.Expr:
    if call.keywords or not call.args:
        raise fc.error(call, "np.ix_() takes the 1-D index arrays, one per axis", "a[np.ix_(rows, cols)]")
    base = fc.expr(node.value)
    if isinstance(base.type, ErrorType):
        return base
    if not isinstance(base.type, Array) or base.type.ndim < len(call.args):
        raise fc.error(node, f"np.ix_() with {len(call.args)} index arrays needs an array of at least that rank, "
                             f"not {article(base.type)}", "one index array per axis")
    values = {"_b": base}
    n = len(call.args)
    index = []
    for k, arg in enumerate(call.args):
        if isinstance(arg, ast.List):
            from fastext.compiler.frontend.creation import literal
            v = literal(fc, arg, arg, "np.ix_")
        else:
            v = value_of(fc, arg)
        if isinstance(v.type, ErrorType):
            return v
        it = v.type.dtype if isinstance(v.type, Array) else None
        if not (isinstance(v.type, Array) and v.type.ndim == 1 and isinstance(it, Scalar)
                and (it.is_int or it.is_bool)):
            raise fc.error(arg, f"np.ix_() takes 1-D integer or boolean arrays, not {article(v.type)}",
                           "np.array([0, 2]) or a mask")
        name = f"_i{k}"
        values[name] = v
        src = f"np.nonzero({name})[0]" if it.is_bool else name
        spread = ", ".join(":" if j == k else "None" for j in range(n))
        index.append(f"{src}[{spread}]")
    return synth.value(fc, f"_r = _b[{', '.join(index)}]\n", node, values=values)


def _grid(fc: "FunctionChecker", node: ast.Subscript, sparse: bool) -> ir.Expr:
    shown = "np.ogrid" if sparse else "np.mgrid"
    one = not isinstance(node.slice, ast.Tuple)
    items = [node.slice] if one else node.slice.elts
    values: dict[str, ir.Expr] = {}
    lines: list[str] = []
    grids: list[tuple[str, str, bool]] = []     # (start, stop, complex step) per slice
    floats = False
    for k, item in enumerate(items):
        if not isinstance(item, ast.Slice) or item.upper is None:
            raise fc.error(item, f"{shown}[...] takes slices start:stop:step with a stop", f"{shown}[0:n, 0:m]")
        parts = {}
        for part, default in (("start", item.lower), ("stop", item.upper), ("step", item.step)):
            if default is None:
                parts[part] = "0" if part == "start" else "1"
                continue
            v = value_of(fc, default)
            if isinstance(v.type, ErrorType):
                return v
            if not isinstance(v.type, Scalar) or v.type.is_bool or v.type.is_complex and part != "step":
                raise fc.error(default, f"{shown}[...]: the {part} must be a real number"
                                        f"{' (or a complex count Nj)' if part == 'step' else ''}, not "
                                        f"{article(v.type)}", f"{shown}[0.0:1.0:5j]")
            name = f"_{part}{k}"
            values[name] = v
            parts[part] = name
            if v.type.is_float or v.type.is_complex:
                floats = True
        start, stop, step = parts["start"], parts["stop"], parts["step"]
        complex_step = step in values and values[step].type.is_complex
        if complex_step:
            lines.append(f"_n{k} = int(abs({step}))")
            lines.append(f"_d{k} = ({stop} - {start}) / float(_n{k} - 1) if _n{k} != 1 else 1.0")
        else:
            lines.append(f"_n{k} = int(math.ceil(({stop} - {start}) / {step}))")
            lines.append(f"_d{k} = {step}")
        grids.append((start, stop, complex_step))
    typ = "float" if floats else "int"
    if one:
        start, stop, complex_step = grids[0]
        src = f"np.arange(0, _n0, 1, dtype=float) * _d0 + {start}" if complex_step else \
            f"np.arange({start}, {stop}, _d0)"
        lines.append(f"_r = {src}")
        return synth.value(fc, "import math\n" + "\n".join(lines) + "\n", node, values=values)
    lines += [f"if _n{k} < 0:\n    raise ValueError('negative dimensions are not allowed')" for k in range(len(items))]
    n = len(items)
    for k, (start, _, _) in enumerate(grids):
        lines.append(f"_g{k} = np.arange(_n{k}).astype({typ}) * _d{k} + {start}")
    if sparse:
        parts = [f"_g{k}[{', '.join(':' if j == k else 'None' for j in range(n))}]" for k in range(n)]
        lines.append(f"_r = ({', '.join(parts)},)")
    else:
        shape = ", ".join(f"_n{k}" for k in range(n))
        lines.append(f"_r = np.empty(({n}, {shape}), dtype={typ})")
        for k in range(n):
            lines.append(f"_r[{k}] = _g{k}[{', '.join(':' if j == k else 'None' for j in range(n))}]")
    return synth.value(fc, "import math\n" + "\n".join(lines) + "\n", node, values=values)
