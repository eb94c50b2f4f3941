"""`np.linalg.matrix_power(a, n)` typed as the matrix products NumPy computes (`ops/linalg.py`).

NumPy's algorithm, step for step, so that the results are its bits: n == 0 gives the identity
in a's dtype, n < 0 inverts first (`np.linalg.inv`, whose dtype is then the result's), n == 1 is
`a` itself (a view here: stores through the result reach `a`, as in NumPy), 2 is `a @ a`, 3 is
`(a @ a) @ a`, and larger n its binary decomposition — z squared once per bit of n, each set bit
multiplying the result by z on the right (`result @ z`).  Every intermediate is bound once by
`let`, so no product is computed twice and no lowering is needed.  The exponent is a
compile-time constant: the products are unrolled (an exponent known only at run time is a
located error with a loop to write instead).
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.frontend.arrays import _bind, let, raise_if, use
from fastext.compiler.frontend.compose_more import _const, _i, _reuse
from fastext.compiler.frontend.linalg import product
from fastext.compiler.frontend.shape import array_arg
from fastext.compiler.types import C64, C128, ERROR, F32, F64, I64, Array, ErrorType, Scalar

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

SQUARE = "Last 2 dimensions of the array must be square"


def matrix_power(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.linalg.matrix_power(a, n)` of a square matrix (or a stack of them, for n >= 1)."""
    bound = _bind(fc, node, ["a", "n"], shown, 2)
    a = array_arg(fc, bound["a"], node, shown, "a square matrix")
    if isinstance(a.type, ErrorType):
        return ir.Expr(ERROR, fc.span(node))
    n = _exponent(fc, bound["n"], shown)
    ndim = a.type.ndim
    if ndim < 2:
        raise fc.error(bound["a"], f"{ndim}-dimensional array given. Array must be at least two-dimensional "
                                   "(LinAlgError in NumPy)", f"{shown}(m, k) of a square matrix m")
    if ndim > 2 and n <= 0:
        raise fc.error(node, f"{shown}(a, {n}) of a stack of matrices is not supported in .fx code",
                       "loop over the matrices of the stack")
    span = fc.span(node)

    def make(A):
        def dim(axis: int) -> ir.Expr:
            return ir.ArrayDim(I64, span, A(), ndim + axis)
        square = raise_if(fc, node, _i(fc, node, "not_equal", dim(-2), dim(-1)), "LinAlgError", SQUARE)
        if n == 1:    # `a` itself: a view whose last start checks the shape first
            start = let(fc, node, [], lambda: ([square], _const(fc, node, 0)))
            items = [ir.SliceItem() for _ in range(ndim - 1)] + [ir.SliceItem(start=start)]
            return ir.ArraySlice(a.type, span, A(), items)
        if n == 0:    # np.eye in a's dtype
            eye = ir.Intrinsic(Array(a.type.dtype, 2), span, "array.eye", [dim(-2), dim(-1), _const(fc, node, 0)])
            return let(fc, node, [], lambda: ([square], eye))
        if n > 0:
            return let(fc, node, [], lambda: ([square], _power(fc, node, A, n)))
        inverse = ir.Intrinsic(Array(_inv_dtype(a.type.dtype), 2), span, "linalg.inv", [A()])
        if n == -1:
            return let(fc, node, [], lambda: ([square], inverse))
        return let(fc, node, [], lambda: ([square], let(fc, node, [inverse], lambda X: _power(
            fc, node, lambda: use(X), -n))))
    return _reuse(fc, node, a, make)


def _exponent(fc: "FunctionChecker", arg: ast.expr, shown: str) -> int:
    value = fc.expr(arg)
    if isinstance(value, ir.Const) and type(value.value) is int:
        return value.value
    if isinstance(value.type, Scalar) and not (value.type.is_int or value.type.is_bool) or \
            isinstance(value, ir.Const) and isinstance(value.value, float):
        raise fc.error(arg, f"exponent must be an integer (TypeError in NumPy), got {value.type}",
                       f"{shown}(m, 4)")
    raise fc.error(arg, f"the exponent of {shown}() must be a compile-time constant in .fx code "
                        "(the products are unrolled)",
                   "write it as a literal or a module constant; for an exponent known at run time, multiply in a "
                   "loop: r = m.copy(); for _ in range(k - 1): r = r @ m")


def _inv_dtype(t: Scalar) -> Scalar:
    """np.linalg.inv's result dtype (frontend/linalg.py: lapack_call's rule for one operand)."""
    if t.is_complex:
        return C64 if t == C64 else C128
    return F32 if t == F32 else F64


def _power(fc: "FunctionChecker", node: ast.Call, base, n: int) -> ir.Expr:
    """base ** n (n >= 2) by NumPy's sequence of products; `base()` gives the matrix again."""
    def mul(x: ir.Expr, y: ir.Expr) -> ir.Expr:
        return product(fc, x, y, node, "matmul", "np.linalg.matrix_power")
    if n == 2:
        return mul(base(), base())
    if n == 3:
        return mul(mul(base(), base()), base())

    def bit(z, result, k: int) -> ir.Expr:
        """One round of NumPy's loop, z the current square: multiply the result by z when the
        low bit of k is set, then square z for the next bit."""
        k, low = divmod(k, 2)
        if low:
            if result is None:
                result = z
            else:
                value = mul(result(), z())
                if k == 0:
                    return value
                return let(fc, node, [value], lambda R: square(z, lambda: use(R), k))
        if k == 0:
            return result()
        return square(z, result, k)

    def square(z, result, k: int) -> ir.Expr:
        return let(fc, node, [mul(z(), z())], lambda Z: bit(lambda: use(Z), result, k))
    return bit(base, None, n)
