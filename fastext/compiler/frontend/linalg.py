"""Linear algebra (`ops/linalg.py`): typing of `a @ b`, `np.matmul`, `np.dot`, `a.dot(b)`,
`np.inner`, `np.outer`, `np.vdot`, `np.trace`, `a @= b` and `np.linalg.solve`/`inv`/`det`/`slogdet`.

Result dtypes are NumPy's matmul loop for the two operand dtypes (`ops/dtypes.py` asks
NumPy: int @ int stays int, bool @ bool is bool, int32 @ float32 is float64).  Operand ranks:
1-D·1-D gives a scalar (a NumPy scalar under plain Python), 2-D@1-D and 1-D@2-D a vector,
2-D@2-D a matrix, and `@`/`np.matmul` also take stacks of matrices (3-D and more), whose
leading axes broadcast.  `np.dot` and `np.inner` of a scalar multiply (NumPy turns a Python
number into a 0-d array there: its dtype counts, unlike in `a * 2.0`).
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.frontend.arrays import _bind, build
from fastext.compiler.ops import dtypes
from fastext.compiler.types import (C64, C128, ERROR, F32, F64, I64, NONE, Array, ErrorType, Scalar, Struct,
                                    Tuple, article, complex_part)

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

SIGNATURE = "(n?,k),(k,m?)->(n?,m?)"
_PARAMS = {"matmul": ["x1", "x2"], "dot": ["a", "b"], "inner": ["a", "b"], "outer": ["a", "b"],
           "vdot": ["a", "b"], "trace": ["a", "offset"]}


def linalg_call(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str,
                receiver: ir.Expr | None = None) -> ir.Expr:
    """`np.matmul(a, b)`, `np.dot(a, b)`, `a.dot(b)`, `np.inner`, `np.outer`, `np.trace(a, offset)`."""
    kind = op.data["kind"]
    params = _PARAMS[kind]
    bound = _bind(fc, node, params, shown, 1 if kind == "trace" else 2, receiver)
    values = {k: v if isinstance(v, ir.Expr) else fc.expr(v) for k, v in bound.items()}
    if any(isinstance(v.type, ErrorType) for v in values.values()):
        return ir.Expr(ERROR, fc.span(node))
    if kind == "trace":
        return trace(fc, node, values["a"], values.get("offset"), shown)
    left, right = (values[p] for p in params)
    for v in (left, right):
        _check_operand(fc, v, node, shown)
    if kind == "matmul":
        return product(fc, left, right, node, "matmul", shown)
    if kind == "outer":
        return outer(fc, left, right, node, shown)
    if kind == "vdot":
        return vdot(fc, left, right, node, shown)
    if not isinstance(left.type, Array) or not isinstance(right.type, Array):
        return _scaled(fc, left, right, node)
    if kind == "inner" and right.type.ndim == 2:       # inner(a, b) = dot(a, b.T): NumPy's messages too
        right = ir.Intrinsic(right.type, right.span, "array.transpose", [right], {"axes": (1, 0)})
    return product(fc, left, right, node, "dot", shown)


def vdot(fc: "FunctionChecker", left: ir.Expr, right: ir.Expr, node: ast.AST, shown: str) -> ir.Expr:
    """`np.vdot(a, b)`: the dot product of the flattened arrays, the first one conjugated."""
    span = fc.span(node)
    flat = []
    for v in (left, right):
        if not isinstance(v.type, Array):
            raise fc.error(node, f"{shown} needs two arrays, got {article(v.type)}", "np.vdot(a, b) of arrays")
        flat.append(v if v.type.ndim == 1 else ir.Intrinsic(Array(v.type.dtype, 1), span, "array.ravel", [v]))
    if flat[0].type.dtype.is_complex:
        flat[0] = build(fc, ops.get("np.conjugate"), [flat[0]], [flat[0].type.dtype], flat[0].type.dtype, node)
    return product(fc, flat[0], flat[1], node, "dot", shown)


def matmul(fc: "FunctionChecker", left: ir.Expr, right: ir.Expr, node: ast.AST) -> ir.Expr:
    """`a @ b` (at least one operand is an array)."""
    for v in (left, right):
        _check_operand(fc, v, node, "`@`")
    return product(fc, left, right, node, "matmul", "`@`")


def _check_operand(fc: "FunctionChecker", v: ir.Expr, node: ast.AST, shown: str) -> None:
    t = v.type.dtype if isinstance(v.type, Array) else v.type
    if isinstance(t, Struct):
        raise fc.error(node, f"{shown} is not defined on arrays of structs", "multiply the fields in a loop")
    if not isinstance(t, Scalar):
        raise fc.error(node, f"{shown} needs numbers or arrays, got {article(v.type)}", "pass arrays")


def _dtype(fc: "FunctionChecker", left: ir.Expr, right: ir.Expr, node: ast.AST, shown: str) -> Scalar:
    """NumPy's matmul loop for the operands (both strong: arrays, or numbers made 0-d arrays)."""
    keys = [(v.type.dtype if isinstance(v.type, Array) else v.type).name for v in (left, right)]
    try:
        ins, outs = dtypes.ufunc_loop("matmul", keys)
    except dtypes.NoLoop as e:
        raise fc.error(node, f"{shown} is not defined for {keys[0]} and {keys[1]} operands ({e})",
                       "convert an operand first, e.g. a.astype(np.float64)") from None
    return outs[0]


def product(fc: "FunctionChecker", left: ir.Expr, right: ir.Expr, node: ast.AST, kind: str, shown: str) -> ir.Expr:
    """A matrix product (`kind` "matmul" or "dot": NumPy's ranks and messages of each)."""
    for k, v in enumerate((left, right)):
        if not isinstance(v.type, Array):
            raise fc.error(node, f"matmul: Input operand {k} does not have enough dimensions (has 0, gufunc core "
                                 f"with signature {SIGNATURE} requires 1) (ValueError in NumPy)",
                           "multiply by a scalar with *")
    na, nb = left.type.ndim, right.type.ndim
    if kind == "dot" and max(na, nb) > 2:
        raise fc.error(node, f"{shown} of a {max(na, nb)}-D array is not supported (NumPy's dot sums over the last "
                             f"axis of a and the second-to-last of b, unlike @)",
                       "for stacks of matrices use a @ b (np.matmul)")
    t = _dtype(fc, left, right, node, shown)
    if na == nb == 1:
        result = t
    else:
        core = (na >= 2) + (nb >= 2)
        result = Array(t, max(na - 2, nb - 2, 0) + core)
    name = "linalg.matmul" if kind == "matmul" else "linalg.dot"
    return ir.Intrinsic(result, fc.span(node), name, [left, right])


def _scaled(fc: "FunctionChecker", left: ir.Expr, right: ir.Expr, node: ast.AST) -> ir.Expr:
    """`np.dot(a, 2.0)`: the product with the number as a 0-d array (its dtype counts)."""
    keys = [(v.type.dtype if isinstance(v.type, Array) else v.type).name for v in (left, right)]
    try:
        ins, outs = dtypes.ufunc_loop("multiply", keys)
    except dtypes.NoLoop as e:
        raise fc.error(node, f"cannot multiply {keys[0]} by {keys[1]} ({e})", "convert an operand first") from None
    return build(fc, ops.get("np.multiply"), [left, right], ins, outs[0], node)


def outer_views(left: ir.Expr, right: ir.Expr) -> list[ir.Expr]:
    """`left[:, None]` and `right[None, :]` of 1-D operands (numbers as they are): the operands of
    an outer product, whose broadcast is the pairs."""
    def axis(v: ir.Expr, first: bool) -> ir.Expr:
        if not isinstance(v.type, Array):
            return v
        items = [ir.SliceItem(), ir.SliceItem(newaxis=True)] if first else [ir.SliceItem(newaxis=True)]
        return ir.ArraySlice(Array(v.type.dtype, 2), v.span, v, items)
    return [axis(left, True), axis(right, False)]


def outer(fc: "FunctionChecker", left: ir.Expr, right: ir.Expr, node: ast.AST, shown: str) -> ir.Expr:
    """`np.outer(a, b)`: out[i, j] = a[i] * b[j], one fused loop (vectors or numbers)."""
    for v in (left, right):
        if isinstance(v.type, Array) and v.type.ndim != 1:
            raise fc.error(node, f"{shown} of a {v.type.ndim}-D array is not supported (NumPy flattens it first)",
                           "pass 1-D arrays")
    if not isinstance(left.type, Array) and not isinstance(right.type, Array):
        raise fc.error(node, f"{shown} needs an array operand", "np.outer(a, b) with vectors a and b")
    span = fc.span(node)
    keys = [(v.type.dtype if isinstance(v.type, Array) else v.type).name for v in (left, right)]
    try:
        ins, outs = dtypes.ufunc_loop("multiply", keys)
    except dtypes.NoLoop as e:
        raise fc.error(node, f"{shown} is not defined for {keys[0]} and {keys[1]} ({e})", "convert an operand") from None
    result = build(fc, ops.get("np.multiply"), outer_views(left, right), ins, outs[0], node)
    result.span = span
    return result


def trace(fc: "FunctionChecker", node: ast.Call, a: ir.Expr, offset: ir.Expr | None, shown: str) -> ir.Expr:
    """`np.trace(a, offset=0)` of a matrix: its sum's dtype (`frontend/reductions.py`)."""
    from fastext.compiler.frontend.reductions import result_dtype
    if not isinstance(a.type, Array):
        raise fc.error(node, f"{shown} needs an array, got {article(a.type)}", "np.trace(matrix)")
    if a.type.ndim != 2:
        if a.type.ndim < 2:
            raise fc.error(node, "diag requires an array of at least two dimensions (ValueError in NumPy)",
                           "np.trace needs a matrix")
        raise fc.error(node, f"{shown} of a {a.type.ndim}-D array is not supported (the result would be an array)",
                       "take the trace of each matrix in a loop")
    if isinstance(a.type.dtype, Struct) or not isinstance(a.type.dtype, Scalar):
        raise fc.error(node, f"{shown} is not defined on arrays of structs", "sum a field in a loop")
    span = fc.span(node)
    if offset is None:
        offset = ir.Const(I64, span, 0)
    elif not (isinstance(offset.type, Scalar) and (offset.type.is_int or offset.type.is_bool)):
        raise fc.error(node, f"offset must be an integer, got {article(offset.type)}", "np.trace(a, 1)")
    return ir.Intrinsic(result_dtype("sum", a.type.dtype), span, "linalg.trace", [a, fc.convert(offset, I64)])


_LAPACK_PARAMS = {"solve": ["a", "b"], "inv": ["a"], "det": ["a"], "slogdet": ["a"], "cholesky": ["a"],
                  "qr": ["a"], "eigh": ["a"], "eigvalsh": ["a"], "eig": ["a"], "eigvals": ["a"], "svd": ["a"], "lstsq": ["a", "b"]}


def lapack_call(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str) -> ir.Expr:
    """`np.linalg.solve(a, b)`, `inv(a)`, `det(a)`, `slogdet(a)`, `cholesky(a)`, `qr(a, mode)`,
    `eigh(a, UPLO)`, `eigvalsh(a, UPLO)`, `svd(a, full_matrices, compute_uv)`, `lstsq(a, b, rcond)` of
    one matrix (b a vector or a matrix; the constant flags in `attrs`).  The result's dtype is NumPy's `_commonType`: float32 (complex64) when every operand
    is float32 or complex64, else float64 (complex128: integers and booleans count as float64);
    NumPy computes in double precision either way, and so does the lowering, which converts while
    it copies the operands into LAPACK's work arrays.  Stacks of matrices, which NumPy loops over,
    are not supported: a clear compile error."""
    kind = op.data["kind"]
    params = _LAPACK_PARAMS[kind]
    attrs = {}
    if kind == "qr":                 # mode= a constant: it decides the result's type
        bound = _bind(fc, node, ["a", "mode"], shown, 1)
        mode = bound.pop("mode", None)
        if mode is not None:
            if not (isinstance(mode, ast.Constant) and mode.value in ("reduced", "complete", "r")):
                raise fc.error(mode, f"{shown}(mode=...) must be the constant 'reduced', 'complete' or 'r' in .fx code",
                               "mode='reduced' (the default): the tuple (q, r)")
            attrs["mode"] = mode.value
    elif kind == "lstsq":                   # rcond=None: NumPy's default, computed at run time
        bound = _bind(fc, node, ["a", "b", "rcond"], shown, 2)
        rcond = bound.pop("rcond", None)
        if rcond is not None and not (isinstance(rcond, ast.Constant) and rcond.value is None):
            value = fc.expr(rcond)
            if not (isinstance(value.type, Scalar) and value.type.is_real):
                raise fc.error(rcond, f"{shown}(rcond=...) must be a real number or None", "rcond=None")
            bound["rcond"] = value
            params = ["a", "b", "rcond"]
    elif kind == "svd":                     # constant flags: they decide the result's type
        bound = _bind(fc, node, ["a", "full_matrices", "compute_uv", "hermitian"], shown, 1)
        flags = {}
        for name, default in (("full_matrices", True), ("compute_uv", True), ("hermitian", False)):
            value = bound.pop(name, ast.Constant(default))
            if not (isinstance(value, ast.Constant) and isinstance(value.value, bool)):
                raise fc.error(value, f"{shown}({name}=...) must be the constant True or False", f"{name}={default}")
            flags[name] = value.value
        if flags["hermitian"]:
            raise fc.error(node, f"{shown}(hermitian=True) is not supported in .fx code",
                           "np.linalg.eigh gives the eigen-decomposition of a Hermitian matrix")
        attrs["job"] = "N" if not flags["compute_uv"] else "A" if flags["full_matrices"] else "S"
    elif kind in ("eigh", "eigvalsh"):     # UPLO= a constant: which triangle LAPACK reads
        bound = _bind(fc, node, ["a", "UPLO"], shown, 1)
        uplo = bound.pop("UPLO", None)
        if uplo is not None:
            if not (isinstance(uplo, ast.Constant) and uplo.value in ("L", "U")):
                raise fc.error(uplo, f"{shown}(UPLO=...) must be the constant 'L' or 'U'", "UPLO='L' (the default)")
            attrs["uplo"] = uplo.value
    else:
        bound = _bind(fc, node, params, shown, len(params))
    values = [v if isinstance(v, ir.Expr) else fc.expr(v) for v in (bound[p] for p in params)]
    if any(isinstance(v.type, ErrorType) for v in values):
        return ir.Expr(ERROR, fc.span(node))
    hint = f"{shown} takes one square matrix; loop over a stack"
    a = values[0]
    nd = a.type.ndim if isinstance(a.type, Array) else 0
    if nd < 2:
        raise fc.error(node, f"{nd}-dimensional array given. Array must be at least two-dimensional "
                             f"(LinAlgError in NumPy)", hint)
    if kind == "lstsq":
        nb = values[1].type.ndim if isinstance(values[1].type, Array) else 0
        if nb not in (1, 2) or nd != 2:
            raise fc.error(node, f"{shown} takes a matrix a and a vector or matrix b", f"{shown}(a, b)")
        values = values[:2] + [fc.convert(v, F64) for v in values[2:]]
    if kind == "solve":
        nb = values[1].type.ndim if isinstance(values[1].type, Array) else 0
        if nb == 0:
            raise fc.error(node, "solve: Input operand 1 does not have enough dimensions (has 0, gufunc core with "
                                 "signature (m,m),(m,n)->(m,n) requires 2) (ValueError in NumPy)",
                           "b is a vector or a matrix")
        nd = max(nd, nb)
    if nd > 2:
        raise fc.error(node, f"{shown} of a {nd}-D array (a stack of matrices) is not supported", hint)
    dts = [v.type.dtype for v in values[:2 if kind == "lstsq" else None]]
    for dt in dts:
        if not isinstance(dt, Scalar):
            raise fc.error(node, f"{shown} of an array of structs: array type is unsupported in linalg "
                                 f"(TypeError in NumPy)", "pass an array of numbers")
    if kind in ("eig", "eigvals") and any(dt.is_complex for dt in dts):
        raise fc.error(node, f"{shown} of a complex matrix is not supported in .fx code",
                       "real matrices (LAPACK's dgeev); np.linalg.eigh for Hermitian ones")
    single = all(dt in (F32, C64) for dt in dts)
    t = (C64 if single else C128) if any(dt.is_complex for dt in dts) else (F32 if single else F64)
    result = {"solve": Array(t, values[-1].type.ndim) if kind == "solve" else t, "inv": Array(t, 2),
              "cholesky": Array(t, 2), "det": t,
              "slogdet": Tuple((t, complex_part(t) if t.is_complex else t)),
              "qr": Array(t, 2) if attrs.get("mode") == "r" else Tuple((Array(t, 2), Array(t, 2))),
              "eigh": Tuple((Array(complex_part(t) if t.is_complex else t, 1), Array(t, 2))),
              "eigvalsh": Array(complex_part(t) if t.is_complex else t, 1),
              # always complex: NumPy's dtype (real when every eigenvalue is) depends on the values
              "eig": Tuple((Array(C64 if single else C128, 1), Array(C64 if single else C128, 2))),
              "eigvals": Array(C64 if single else C128, 1),
              "lstsq": Tuple((Array(t, values[1].type.ndim) if kind == "lstsq" else t,
                              Array(complex_part(t) if t.is_complex else t, 1), I64,
                              Array(complex_part(t) if t.is_complex else t, 1))),
              "svd": Array(complex_part(t) if t.is_complex else t, 1) if attrs.get("job") == "N" else
              Tuple((Array(t, 2), Array(complex_part(t) if t.is_complex else t, 1), Array(t, 2)))}[kind]
    return ir.Intrinsic(result, fc.span(node), op.name, values, attrs)


def matmul_inplace(fc: "FunctionChecker", node: ast.AugAssign) -> list[ir.Stmt]:
    """`a @= b`: NumPy's np.matmul(a, b, out=a) — the product computed first, then stored into
    a, whose shape it must have (checked at run time) and whose dtype it is cast to (same_kind)."""
    from fastext.compiler.frontend import alloc
    from fastext.compiler.frontend.expressions import poisoned
    target = node.target
    pre: list[ir.Stmt] = []
    if isinstance(target, ast.Name):
        current = fc.load_name(target)
    elif isinstance(target, ast.Subscript):
        array = fc.expr(target.value)
        if poisoned(array):
            return []
        if not (isinstance(array.type, Array) and alloc.is_slice_target(target, array.type)):
            raise fc.error(target, "`@=` needs an array target", "a @= b, or a[:] @= b for a view")
        view = alloc.slice_view(fc, target, array)
        temp = fc.new_temp(view.type, target)
        pre = [ir.Assign(fc.span(target), temp, view)]
        current = ir.Load(temp.type, temp.span, temp)
    else:
        raise fc.error(target, "`@=` needs an array target", "a @= b")
    value = fc.expr(node.value)
    if poisoned(current, value):
        return []
    if not isinstance(current.type, Array):
        raise fc.error(node, "@ needs arrays (matrix product)", "use * to multiply numbers")
    result = matmul(fc, current, value, node)
    if not isinstance(result.type, Array) or result.type.ndim != current.type.ndim:
        got = "a scalar" if not isinstance(result.type, Array) else f"a {result.type.ndim}-D array"
        raise fc.error(node, f"`@=`: the product is {got}, which cannot be stored into the "
                             f"{current.type.ndim}-D array (ValueError in NumPy)",
                       "assign the product to a new name: c = a @ b")
    src, dst = result.type.dtype, current.type.dtype
    if src != dst and not dtypes.can_cast(src, dst, "same_kind"):
        raise fc.error(node, f"Cannot cast ufunc 'matmul' output from dtype('{dtypes.numpy_name(src)}') to "
                             f"dtype('{dtypes.numpy_name(dst)}') with casting rule 'same_kind' (UFuncTypeError in NumPy)",
                       "c = (a @ b).astype(...), or make a of the product's dtype")
    span = fc.span(node)
    return pre + [ir.ExprStmt(span, ir.Intrinsic(NONE, span, "linalg.store_product", [current, result]))]
