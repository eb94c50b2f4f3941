"""NumPy's own annotations — `np.ndarray`, `npt.NDArray[np.float64]`, `NDArray[np.int64]`,
`np.ndarray[Any, np.dtype[np.float32]]` — read as dialect arrays, so code already annotated
for mypy compiles unchanged.

Those annotations name the dtype (or not: `np.ndarray` alone is read as float64) but not the
rank, which a dialect array needs.  A helper that only `.fx` code calls (`_name`, or a method of
a class whose instances stay inside compiled code) takes each call's array types, as if its parameter had no annotation (frontend/templates.py); for the
functions and methods Python calls, the rank of a parameter comes from how the body uses it
(`infer_rank`): `a[i, j]` or `a[i][j]` needs 2 axes, `a.shape[2]` 3, `axis=1` 2, a row loop
`for row in a` one more than the row's own use, and `n, m = a.shape` says exactly 2; with no
such use the parameter is 1-D.  A function whose *result* is annotated this way (alone or
inside `tuple[...]`) gets its result type from its `return` statements, as a template
instance does (frontend/templates.py).  A local `x: np.ndarray = ...` takes the value's type.

Python ignores these annotations, the compiled module checks them: an argument of another
rank or dtype is a `TypeError` naming the parameter (docs/language.md, "NumPy annotations").
"""
from __future__ import annotations

import ast

from fastext.compiler.frontend.scope import ModuleScope
from fastext.compiler.types import F64, Scalar

# what `from numpy.typing import X` / `from numpy import ndarray` bind (module.py)
NDARRAY_NAMES = ("NDArray", "ArrayLike", "ndarray")


def _dotted(node: ast.expr, scope: ModuleScope) -> str | None:
    """`numpy.typing.NDArray` for `npt.NDArray` (with `import numpy.typing as npt`) and the like:
    the full name an attribute chain or a name denotes, or None if it is not NumPy's."""
    from fastext.compiler.frontend.scope import attribute_chain
    b, parts = attribute_chain(scope, node)
    if b is None:
        return None
    if b.kind == "ndarraytype":
        return ".".join([b.value] + parts)
    if b.kind.startswith("module:numpy"):
        return ".".join([b.kind.partition(":")[2]] + parts)
    return None


def dotted(node: ast.expr, scope: ModuleScope) -> str | None:
    """The full NumPy name (`numpy.errstate`) an attribute chain or name denotes, or None."""
    return _dotted(node, scope)


def _is_array_name(node: ast.expr, scope: ModuleScope) -> bool:
    return _dotted(node, scope) in ("numpy.ndarray", "numpy.typing.NDArray", "numpy.typing.ArrayLike")


def is_array(node: ast.expr | None, scope: ModuleScope) -> bool:
    """Whether `node` is one of NumPy's array annotations (with or without a subscript)."""
    if node is None:
        return False
    return _is_array_name(node.value if isinstance(node, ast.Subscript) else node, scope)


def mentions_array(node: ast.expr | None, scope: ModuleScope) -> bool:
    """Whether a NumPy array annotation appears anywhere in `node` (`tuple[NDArray, float]`)."""
    return node is not None and any(is_array(n, scope) for n in ast.walk(node) if isinstance(n, ast.expr))


def _dtype_of(node: ast.expr, scope: ModuleScope) -> Scalar | None:
    """The scalar type `np.float64`, `np.dtype[np.float64]`, `float` name; None for `Any`,
    `np.floating` and other abstract ones (read as float64 by the caller)."""
    from fastext.compiler.frontend.alloc import NUMPY_DTYPES
    from fastext.compiler.types import BUILTIN_SCALARS
    if isinstance(node, ast.Subscript) and _dotted(node.value, scope) == "numpy.dtype":
        return _dtype_of(node.slice, scope)
    name = _dotted(node, scope)
    if name is not None and name.startswith("numpy."):
        return NUMPY_DTYPES.get(name[6:])
    if isinstance(node, ast.Name) and node.id in BUILTIN_SCALARS and scope.lookup(node.id) is None:
        return BUILTIN_SCALARS[node.id]
    found = scope.scalar(node.id) if isinstance(node, ast.Name) else None
    return found


def array_of(node: ast.expr, scope: ModuleScope) -> tuple[Scalar, int | None]:
    """(dtype, rank) of a NumPy array annotation: the rank from a shape type
    (`np.ndarray[tuple[int, int], ...]`) or the inference (`fx_rank`), None if neither."""
    rank = getattr(node, "fx_rank", None)
    if not isinstance(node, ast.Subscript):
        return F64, rank
    args = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
    if len(args) == 2:      # np.ndarray[shape, dtype]
        shape, dtype = args
        if isinstance(shape, ast.Subscript) and isinstance(shape.value, ast.Name) and shape.value.id == "tuple":
            dims = shape.slice.elts if isinstance(shape.slice, ast.Tuple) else [shape.slice]
            if not any(isinstance(d, ast.Constant) and d.value is Ellipsis for d in dims):
                rank = len(dims)
    else:
        dtype = args[0]
    return _dtype_of(dtype, scope) or F64, rank


# ----------------------------------------------------------------------------- rank inference

def _int(node: ast.expr) -> int | None:
    """A constant int (`2`, `-1`), else None."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        k = _int(node.operand)
        return None if k is None else -k
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    return None


def _axes(call: ast.Call) -> int:
    """The rank an `axis=` keyword of a call asks for (0: none)."""
    need = 0
    for kw in call.keywords:
        if kw.arg in ("axis", "axis1", "axis2"):
            for v in kw.value.elts if isinstance(kw.value, ast.Tuple) else [kw.value]:
                k = _int(v)
                if k is not None:
                    need = max(need, k + 1 if k >= 0 else -k)
    return need


# NumPy functions of whole arrays (not ufuncs, which numbers take as well): an argument of one
# of these is an array
_ARRAY_FUNCS = frozenset(("dot", "vdot", "inner", "outer", "cross", "sum", "mean", "max", "min", "std", "var",
                          "prod", "argmax", "argmin", "norm", "median", "cumsum", "sort", "argsort", "concatenate",
                          "stack", "any", "all", "average", "ptp", "diff", "nonzero", "count_nonzero"))


# NumPy functions whose first argument is a matrix (or a stack of them): NumPy raises for a 1-D one
_MATRIX_FUNCS = frozenset(("inv", "det", "slogdet", "cholesky", "eigh", "eigvalsh", "qr", "svd", "pinv", "solve",
                           "lstsq", "matrix_power", "trace", "diagonal", "fill_diagonal", "tril_indices_from",
                           "triu_indices_from"))


def _entries(sl: ast.expr) -> tuple[int, int, bool]:
    """(axes an index tuple takes, how many of them are plain indices, whether it has `...`)."""
    items = sl.elts if isinstance(sl, ast.Tuple) else [sl]
    taken = [i for i in items if not (isinstance(i, ast.Constant) and i.value is None or _newaxis(i))]
    ellipsis = any(isinstance(i, ast.Constant) and i.value is Ellipsis for i in taken)
    return len(taken), sum(not isinstance(i, ast.Slice) for i in taken), ellipsis


def _newaxis(node: ast.expr) -> bool:
    """`np.newaxis` / `numpy.newaxis`: None under another name (adds an axis, takes none)."""
    return isinstance(node, ast.Attribute) and node.attr == "newaxis" and isinstance(node.value, ast.Name) \
        and node.value.id in ("np", "numpy")


def _names_of(target: ast.expr) -> list[ast.Name]:
    return [n for n in ast.walk(target) if isinstance(n, ast.Name)]


# what only an array has: a row variable read this way is a row, not a number
_ARRAY_ATTRS = frozenset(("shape", "size", "ndim", "T", "sum", "mean", "min", "max", "std", "var", "prod",
                          "argmin", "argmax", "copy", "reshape", "ravel", "flatten", "dot", "cumsum", "any",
                          "all", "astype", "sort", "argsort", "tolist", "transpose", "fill", "nonzero"))


def infer_rank(fn: ast.FunctionDef, name: str, returns_array: bool = False) -> int:
    """The rank the body of `fn` uses parameter `name` with (see the module docstring);
    `returns_array`: the result is annotated as one array, so what `return` gives has an axis."""
    direct = _rank(fn, name, set())
    if _exact(fn, name):
        return direct
    return max(1, direct, _flow_need(fn, name, returns_array))


def _exact(fn: ast.FunctionDef, name: str) -> bool:
    """Whether `n, m = a.shape` fixes the rank of `name` (nothing may raise it then)."""
    for node in ast.walk(fn):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Tuple):
            v = node.value
            if isinstance(v, ast.Attribute) and v.attr == "shape" and isinstance(v.value, ast.Name) \
                    and v.value.id == name and not any(isinstance(e, ast.Starred) for e in node.targets[0].elts):
                return True
    return False


# ----------------------------------------------------------------------------- ranks through values
#
# Code written for NumPy often reaches a parameter's rank only through a value computed from it:
# `(X * X).sum(axis=1)`, `lo = X.min(axis=0)` then `span[span == 0] = 1`, `col = K.sum(axis=0) / n`
# then `col[:, None]`, `np.einsum("ij,ij->i", X, X)`.  `_sources` says which parameter a value's
# rank follows and how many axes fewer it has; a need of the value becomes a need of that
# parameter.  Only a value that follows one parameter alone says anything: in `X - mu` the axes
# may come from either, and guessing too high would make the function refuse the arrays its
# callers pass (a located compile error, with the hint to annotate, is the better failure).

_AXIS_REDUCTIONS = frozenset(("sum", "mean", "max", "min", "std", "var", "prod", "amax", "amin", "nansum",
                              "nanmean", "nanmax", "nanmin", "nanstd", "nanvar", "median", "ptp", "all", "any",
                              "argmax", "argmin", "count_nonzero", "average", "nanargmax", "nanargmin"))
_ELEMENTWISE = frozenset(("abs", "absolute", "exp", "log", "log1p", "expm1", "sqrt", "square", "sin", "cos",
                          "tan", "tanh", "sign", "floor", "ceil", "negative", "conj", "conjugate", "real", "imag",
                          "isnan", "isfinite", "logical_not", "clip", "where", "maximum", "minimum"))
_SCALAR_ANNOTATIONS = frozenset(("int", "float", "bool", "complex", "i8", "i16", "i32", "i64", "u8", "u16",
                                 "u32", "u64", "f32", "f64", "c64", "c128"))


def _int_axis(call: ast.Call, method: bool) -> int | None:
    """The one constant int axis of a reduction call (keyword, or its positional place), None when
    it has none, several, or keeps the reduced axes."""
    for kw in call.keywords:
        if kw.arg == "keepdims" and not (isinstance(kw.value, ast.Constant) and kw.value.value is False):
            return None
    value = next((kw.value for kw in call.keywords if kw.arg == "axis"), None)
    place = 0 if method else 1
    if value is None and len(call.args) > place:
        value = call.args[place]
    return None if value is None else _int(value)


def _single_assignments(fn: ast.FunctionDef) -> dict[str, ast.expr]:
    """Locals bound by exactly one plain `name = value` (and by nothing else but `name op= ...`)."""
    counts: dict[str, int] = {}
    values: dict[str, ast.expr] = {}
    for node in ast.walk(fn):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
            if len(targets) == 1 and isinstance(targets[0], ast.Name):
                values[targets[0].id] = node.value
        elif isinstance(node, (ast.For, ast.comprehension)):
            targets = [node.target]
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        elif isinstance(node, (ast.With,)):
            targets = [i.optional_vars for i in node.items if i.optional_vars is not None]
        for t in targets:
            for n in _bound_names(t):
                counts[n] = counts.get(n, 0) + 1
    for arg in fn.args.args:
        counts[arg.arg] = counts.get(arg.arg, 0) + 1
    return {k: v for k, v in values.items() if counts.get(k) == 1}


def _bound_names(target: ast.expr) -> list[str]:
    """The names a target binds (`a[i] = v` and `o.x = v` bind none)."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [n for t in target.elts for n in _bound_names(t)]
    if isinstance(target, ast.Starred):
        return _bound_names(target.value)
    return []


def _sources(e: ast.expr, fn: ast.FunctionDef, assigns: dict, seen: frozenset = frozenset()) -> dict | None:
    """{parameter: axes fewer} for the array parameters `e`'s rank follows; {} for a number;
    None when the value's rank cannot be told from the source."""
    if isinstance(e, ast.Constant):
        return {}
    if isinstance(e, ast.Name):
        params = {a.arg: a for a in fn.args.args}
        if e.id in params:
            ann = params[e.id].annotation
            if isinstance(ann, ast.Name) and ann.id in _SCALAR_ANNOTATIONS:
                return {}
            return {e.id: 0}
        if e.id in assigns and e.id not in seen:
            return _sources(assigns[e.id], fn, assigns, seen | {e.id})
        return None
    if isinstance(e, ast.UnaryOp):
        return _sources(e.operand, fn, assigns, seen)
    if isinstance(e, ast.BinOp) and not isinstance(e.op, ast.MatMult):
        left, right = _sources(e.left, fn, assigns, seen), _sources(e.right, fn, assigns, seen)
        if left is None or right is None:
            return None
        # `X - X.mean(axis=0)`: the same parameter twice broadcasts to the larger rank
        return {k: min(left.get(k, off), right.get(k, off)) for k, off in {**left, **right}.items()}
    if isinstance(e, ast.Subscript) and isinstance(e.value, ast.Attribute) and e.value.attr == "shape":
        return {}       # `X.shape[0]`: a number
    if isinstance(e, ast.Attribute) and e.attr in ("size", "ndim"):
        return {}
    if isinstance(e, ast.Attribute) and e.attr == "T":       # a transpose keeps the rank
        return _sources(e.value, fn, assigns, seen)
    if isinstance(e, ast.Call):
        f = e.func
        if isinstance(f, ast.Name) and f.id in ("len", "int", "float"):
            return {}
        if isinstance(f, ast.Attribute) and f.attr in _AXIS_REDUCTIONS:
            method = not (isinstance(f.value, ast.Name) and f.value.id in ("np", "numpy"))
            subject = f.value if method else (e.args[0] if e.args else None)
            axis = _int_axis(e, method)
            if subject is None or axis is None:
                return None
            inner = _sources(subject, fn, assigns, seen)
            return None if inner is None else {k: off + 1 for k, off in inner.items()}
        if isinstance(f, ast.Attribute) and f.attr in _ELEMENTWISE and isinstance(f.value, ast.Name) \
                and f.value.id in ("np", "numpy") and e.args and not e.keywords:
            parts = [_sources(a, fn, assigns, seen) for a in e.args]
            if any(p is None for p in parts):
                return None
            merged: dict = {}
            for p in parts:
                for k, off in p.items():
                    merged[k] = min(merged.get(k, off), off)
            return merged
    return None


def _self_product(e: ast.expr, fn: ast.FunctionDef, assigns: dict, name: str) -> bool:
    """Whether `e` is a matrix product (`@`, `np.dot`, `.dot`) of two values that follow `name` alone."""
    if isinstance(e, ast.BinOp) and isinstance(e.op, ast.MatMult):
        pair = [e.left, e.right]
    elif isinstance(e, ast.Call) and isinstance(e.func, ast.Attribute) and e.func.attr == "dot" and not e.keywords:
        numpy_call = isinstance(e.func.value, ast.Name) and e.func.value.id in ("np", "numpy")
        pair = list(e.args) if numpy_call else [e.func.value, *e.args]
    else:
        return False
    return len(pair) == 2 and all(_follows(_sources(p, fn, assigns), name) is not None for p in pair)


def _products(e: ast.expr, fn: ast.FunctionDef, assigns: dict, seen: frozenset = frozenset()):
    """The (left, right) operands of the matrix products (`@`, `np.dot(a, b)`, `a.dot(b)`) whose
    result is part of the array `e` is: through operators, unary signs, NumPy's element-wise
    functions and names assigned once."""
    if isinstance(e, ast.BinOp) and isinstance(e.op, ast.MatMult):
        yield e.left, e.right
    elif isinstance(e, ast.BinOp):
        yield from _products(e.left, fn, assigns, seen)
        yield from _products(e.right, fn, assigns, seen)
    elif isinstance(e, ast.UnaryOp):
        yield from _products(e.operand, fn, assigns, seen)
    elif isinstance(e, ast.Name) and e.id in assigns and e.id not in seen:
        yield from _products(assigns[e.id], fn, assigns, seen | {e.id})
    elif isinstance(e, ast.Call) and isinstance(e.func, ast.Attribute) and not e.keywords:
        f = e.func
        numpy_call = isinstance(f.value, ast.Name) and f.value.id in ("np", "numpy")
        if f.attr in ("dot", "matmul") and numpy_call and len(e.args) == 2:
            yield e.args[0], e.args[1]
        elif f.attr == "dot" and not numpy_call and len(e.args) == 1:
            yield f.value, e.args[0]
        elif f.attr in _ELEMENTWISE and numpy_call:
            for a in e.args:
                yield from _products(a, fn, assigns, seen)


def _matrix_operand(e: ast.expr, fn: ast.FunctionDef, assigns: dict, name: str) -> bool:
    """Whether the returned array `e` holds a product whose left operand follows `name` alone and
    whose right operand shows no second axis of its own: of two 1-D operands the product is a
    number, so the left one is the matrix (`X @ coef`, `X.T @ (p - y)`, `np.dot(X, w)`) — NumPy
    code's matrix-times-vector; a right operand the body uses as 2-D (`W[:, j]`) leaves it be."""
    for left, right in _products(e, fn, assigns):
        if _follows(_sources(left, fn, assigns), name) is None:
            continue
        src = _sources(right, fn, assigns)
        if src is not None and len(src) == 1:
            (other, off), = src.items()
            if other != name and _rank(fn, other, set()) - off >= 2:
                continue
        return True
    return False


def _follows(src: dict | None, name: str) -> int | None:
    """The axes fewer than `name`'s that a value with sources `src` has, if it follows `name` alone."""
    if src is None or set(src) != {name}:
        return None
    return src[name]


def _flow_need(fn: ast.FunctionDef, name: str, returns_array: bool = False) -> int:
    """The axes `name` needs for the values computed from it (see above), and for a returned
    value that must be an array (`return np.ptp(X, axis=0)` under `-> np.ndarray`: X is 2-D)."""
    assigns = _single_assignments(fn)
    need = 0
    if returns_array:
        for node in ast.walk(fn):
            if isinstance(node, ast.Return) and node.value is not None:
                off = _follows(_sources(node.value, fn, assigns), name)
                if off is not None:
                    need = max(need, off + 1)
                if _self_product(node.value, fn, assigns, name):
                    need = max(need, 2)     # `np.dot(X, X.T)`: of 1-D operands a number
                if _matrix_operand(node.value, fn, assigns, name):
                    need = max(need, 2)     # `return X @ coef + b`: a matrix times a vector
    for local, value in assigns.items():
        off = _follows(_sources(value, fn, assigns), name)
        if off is not None:
            used = _rank(fn, local, set())
            if used:
                need = max(need, used + off)
    for node in ast.walk(fn):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            f = node.func
            numpy_call = isinstance(f.value, ast.Name) and f.value.id in ("np", "numpy")
            if (f.attr in _MATRIX_FUNCS or f.attr in ("diag", "diagonal")) and node.args and \
                    _self_product(node.args[0], fn, assigns, name):
                need = max(need, 2)     # `np.diag(X @ X.T)`: a matrix of X's own products
            if f.attr == "einsum" and numpy_call and node.args and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str):
                terms = node.args[0].value.split("->")[0].split(",")
                for term, operand in zip(terms, node.args[1:]):
                    if isinstance(operand, ast.Name) and operand.id == name and "." not in term:
                        need = max(need, len(term.strip()))
                continue
            if f.attr not in _AXIS_REDUCTIONS and f.attr not in ("cumsum", "cumprod", "sort", "argsort", "diff"):
                continue
            subject = (node.args[0] if node.args else None) if numpy_call else f.value
            if subject is None or isinstance(subject, ast.Name):
                continue        # a name itself: `_rank` reads it
            axis = _int_axis(node, not numpy_call)
            off = _follows(_sources(subject, fn, assigns), name)
            if axis is not None and off is not None:
                need = max(need, (axis + 1 if axis >= 0 else -axis) + off)
        elif isinstance(node, ast.Subscript) and not isinstance(node.value, (ast.Name, ast.Attribute, ast.Subscript)):
            off = _follows(_sources(node.value, fn, assigns), name)
            if off is not None:
                taken, _, ellipsis = _entries(node.slice)
                if not ellipsis:
                    need = max(need, taken + off)
    return need


def _rank(fn: ast.FunctionDef, name: str, seen: set[str]) -> int:
    """The axes `name` needs (0: used as a number, or not seen used)."""
    seen = seen | {name}
    need = 0
    for node in ast.walk(fn):
        if isinstance(node, ast.Attribute) and node.attr in _ARRAY_ATTRS and isinstance(node.value, ast.Name) \
                and node.value.id == name:
            need = max(need, 1)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "len" and \
                node.args and isinstance(node.args[0], ast.Name) and node.args[0].id == name:
            need = max(need, 1)
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Tuple):
            v = node.value
            if isinstance(v, ast.Attribute) and v.attr == "shape" and isinstance(v.value, ast.Name) \
                    and v.value.id == name and not any(isinstance(e, ast.Starred) for e in node.targets[0].elts):
                return len(node.targets[0].elts)         # `n, m = a.shape`: exactly that many
        if isinstance(node, ast.Subscript):
            need = max(need, _subscript_need(node, name))
        elif isinstance(node, ast.Call):
            f = node.func
            on_name = isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == name
            first = node.args and isinstance(node.args[0], ast.Name) and node.args[0].id == name
            if on_name or first:
                need = max(need, _axes(node))
            if isinstance(f, ast.Attribute) and f.attr in _ARRAY_FUNCS and \
                    any(isinstance(a, ast.Name) and a.id == name for a in node.args):
                need = max(need, 1)
            if isinstance(f, ast.Attribute) and f.attr in _MATRIX_FUNCS and first:
                need = max(need, 2)
        elif isinstance(node, (ast.For, ast.comprehension)):
            rows = _row_names(node.iter, node.target, name)
            for row in rows:
                if row not in seen:
                    need = max(need, 1 + _rank(fn, row, seen))
    return need


def _subscript_need(node: ast.Subscript, name: str) -> int:
    """The axes `a[...]`, `a[i][j]` or `a.shape[k]` needs of `name` (0: not about it)."""
    v = node.value
    if isinstance(v, ast.Attribute) and v.attr == "shape" and isinstance(v.value, ast.Name) and v.value.id == name:
        k = _int(node.slice)
        return 0 if k is None else k + 1 if k >= 0 else -k
    chain = [node]
    while isinstance(chain[-1].value, ast.Subscript):
        chain.append(chain[-1].value)
    base = chain[-1].value
    if not (isinstance(base, ast.Name) and base.id == name):
        return 0
    need = indexed = 0
    for level in reversed(chain):          # innermost (applied first) to outermost
        taken, plain, ellipsis = _entries(level.slice)
        if ellipsis:
            return need
        need = max(need, indexed + taken)
        indexed += plain
    return need


def _row_names(iterable: ast.expr, target: ast.expr, name: str) -> list[str]:
    """The loop variables that take rows of `name`: `for r in a`, `for i, r in enumerate(a)`,
    `for r, s in zip(a, b)`."""
    if isinstance(iterable, ast.Name) and iterable.id == name and isinstance(target, ast.Name):
        return [target.id]
    if isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Name) and isinstance(target, ast.Tuple):
        if iterable.func.id == "enumerate" and iterable.args and len(target.elts) == 2:
            return _row_names(iterable.args[0], target.elts[1], name)
        if iterable.func.id == "zip" and len(target.elts) == len(iterable.args):
            return [r for a, t in zip(iterable.args, target.elts) for r in _row_names(a, t, name)]
    return []


# ----------------------------------------------------------------------------- the function pass

def prepare(fn: ast.FunctionDef, scope: ModuleScope) -> None:
    """Mark `fn`'s NumPy array annotations before its signature is read: each parameter's
    rank (`fx_rank`), a result to infer (`fx_infer_return`), locals whose annotation the
    value's type replaces (`fx_value_typed`).  Idempotent."""
    if getattr(fn, "fx_nptyping", False):
        return
    fn.fx_nptyping = True
    internal = _internal(fn)
    for arg in fn.args.args:
        if is_array(arg.annotation, scope) and getattr(arg.annotation, "fx_rank", None) is None:
            if internal:        # a helper only .fx code calls: typed per call (frontend/templates.py)
                arg.annotation = None
            else:
                arg.annotation.fx_rank = infer_rank(fn, arg.arg, is_array(fn.returns, scope))
    if mentions_array(fn.returns, scope):
        fn.fx_infer_return = True
    for node in ast.walk(fn):
        if isinstance(node, ast.AnnAssign) and node.value is not None and is_array(node.annotation, scope):
            node.fx_value_typed = True


def _internal(fn: ast.FunctionDef) -> bool:
    """Whether only `.fx` code calls `fn`: a `_helper`, or a method of a class whose instances
    stay inside compiled code (frontend/classes.py: `linked`)."""
    if not hasattr(fn, "fx_self"):
        return fn.name.startswith("_")
    from fastext.compiler.frontend.classes import linked
    stype = fn.fx_self[0]
    return getattr(stype, "plain", False) and linked(stype) is not None


def infers_return(fn: ast.FunctionDef) -> bool:
    """Whether `fn`'s result type comes from its returns (a NumPy array annotation: `prepare`)."""
    return getattr(fn, "fx_infer_return", False)
