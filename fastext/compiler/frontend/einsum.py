"""`np.einsum(subscripts, *operands)` (`ops/linalg.py`), typed as a composition of existing
operations, so it needs no lowering of its own.

Each operand gets one label per axis from the constant subscripts string.  A label repeated
within an operand (`'ii->i'`, `'ii'`) takes its diagonal: `array.combine_axes`, a view whose
axis strides add up (`ops/views.py`).  Every operand is then aligned to one index space — its
labels in order of first appearance over the operands — by views (a transpose, and a new axis
of size 1 for each label it lacks), the aligned operands are multiplied in one fused
element-wise loop in NumPy's result dtype of the operands (each converted first, as NumPy's
einsum does), the labels missing from the output are summed in one reduction over that tuple
of axes, in the same dtype (`int8` sums stay `int8`, `bool` ones are `any` of `and`s), and
the result is transposed to the output's order (a view, no copy).  Two operands that form a
matrix product — `'ij,jk->ik'`, `'ij,j->i'`, `'i,i->'`, `'bij,bjk->bik'`, with any order of
the labels of each operand and of the output — are the BLAS-backed product of
`frontend/linalg.py` of the operands transposed into place, at `@`'s speed.

Sums run in fastext's order (NumPy's einsum in its own): values agree within rounding.  An
output without any summed label is the product itself (one new array), or for one operand a
view of it, as NumPy returns.  `optimize=` is accepted and ignored (there is no contraction
order to choose for up to a few operands fused into one loop); `'...'` is a compile error.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.frontend.arrays import build
from fastext.compiler.ops import dtypes
from fastext.compiler.types import ERROR, Array, ErrorType, Scalar, Struct, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

_HINT = "name each axis with a letter: np.einsum('ij,jk->ik', a, b)"


def einsum_call(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.einsum('ij,jk->ik', a, b)`, `np.einsum('ii', a)`, ... (`optimize=` ignored)."""
    if fc.sig.target != "cpu":
        raise fc.error(node, f"{shown} is not supported in GPU code (it makes arrays)",
                       "compute the sums with loops over the items, or on the host")
    for kw in node.keywords:
        if kw.arg != "optimize":
            raise fc.error(kw.value if kw.arg else node, f"{shown}() has no parameter `{kw.arg}` in .fx code",
                           f"{shown}(subscripts, *operands, optimize=False)")
        if not isinstance(kw.value, ast.Constant):
            raise fc.error(kw.value, "optimize= must be a constant (it is accepted and ignored)", "optimize=True")
    if any(isinstance(a, ast.Starred) for a in node.args):
        raise fc.error(node, f"{shown}() does not take *args here", f"{shown}('ij,jk->ik', a, b)")
    if not node.args or not (isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
        raise fc.error(node.args[0] if node.args else node,
                       f"{shown}() needs the subscripts as a constant string (the interleaved form "
                       f"einsum(a, [0, 1], ...) is not supported)", _HINT)
    operands = [fc.expr(a) for a in node.args[1:]]
    if any(isinstance(v.type, ErrorType) for v in operands):
        return ir.Expr(ERROR, fc.span(node))
    if not operands:
        raise fc.error(node, "No input operands (ValueError in NumPy)", _HINT)
    for k, v in enumerate(operands):
        if not isinstance(v.type, Array) or isinstance(v.type.dtype, Struct) or not isinstance(v.type.dtype, Scalar):
            raise fc.error(node.args[k + 1], f"{shown}() operand {k} must be an array of numbers, got "
                                             f"{article(v.type)}", "pass arrays (np.array(x) for a number)")
    terms, out = _parse(fc, node.args[0], [v.type.ndim for v in operands])
    try:
        t = dtypes.result_type([v.type.dtype.name for v in operands])
    except dtypes.NoLoop as e:
        raise fc.error(node, f"{shown}() of these operand types: {e}", "convert an operand first") from None
    views = [_diagonal(fc, v, term, k, node) for k, (v, term) in enumerate(zip(operands, terms))]
    labels = [list(dict.fromkeys(term)) for term in terms]
    if len(views) == 2:
        product = _matrix_product(fc, views, labels, out, t, node, shown)
        if product is not None:
            return product
    return _contract(fc, views, labels, out, t, node)


def _parse(fc: "FunctionChecker", node: ast.Constant, ndims: list[int]) -> tuple[list[str], str]:
    """The labels of each operand and of the output (implicit: the labels seen once, sorted)."""
    text = node.value.replace(" ", "")
    if "." in text:
        raise fc.error(node, "'...' (broadcasting with an ellipsis) in einsum subscripts is not supported in .fx code",
                       "name every axis: 'bij,bjk->bik' instead of '...ij,...jk->...ik'")
    lhs, arrow, out = text.partition("->")
    if "-" in lhs + out or ">" in lhs + out or "," in out:
        raise fc.error(node, "einstein sum subscripts string may have one '->' followed by the output subscripts "
                             "(ValueError in NumPy)", _HINT)
    terms = lhs.split(",")
    if len(terms) != len(ndims):
        more = "more" if len(ndims) > len(terms) else "fewer"
        raise fc.error(node, f"{more} operands provided to einstein sum function than specified in the subscripts "
                             f"string ({len(ndims)} operands, {len(terms)} subscripts) (ValueError in NumPy)",
                       "one comma-separated group of letters per operand")
    for k, (term, ndim) in enumerate(zip(terms, ndims)):
        for c in term:
            if not (c.isascii() and c.isalpha()):
                raise fc.error(node, f"invalid subscript '{c}' in einstein sum subscripts string, subscripts must be "
                                     f"letters (ValueError in NumPy)", _HINT)
        if len(term) != ndim:
            raise fc.error(node, f"einstein sum subscripts string '{term}' has {len(term)} subscripts for operand {k}, "
                                 f"which has {ndim} dimensions (ValueError in NumPy)",
                           "one letter per axis; '...' is not supported")
    if not arrow:
        seen = "".join(terms)
        return terms, "".join(sorted(c for c in set(seen) if seen.count(c) == 1))
    for c in out:
        if not (c.isascii() and c.isalpha()):
            raise fc.error(node, f"invalid subscript '{c}' in einstein sum subscripts string, subscripts must be "
                                 f"letters (ValueError in NumPy)", _HINT)
        if out.count(c) > 1:
            raise fc.error(node, f"einstein sum subscripts string includes output subscript '{c}' multiple times "
                                 f"(ValueError in NumPy)", "each output letter once")
        if not any(c in term for term in terms):
            raise fc.error(node, f"einstein sum subscripts string included output subscript '{c}' which never "
                                 f"appeared in an input (ValueError in NumPy)", "output letters come from the inputs")
    return terms, out


def _diagonal(fc: "FunctionChecker", v: ir.Expr, term: str, k: int, node: ast.AST) -> ir.Expr:
    """The operand with a label repeated in its subscripts (`ii`) as one axis: its diagonal, a view."""
    unique = list(dict.fromkeys(term))
    if len(unique) == len(term):
        return v
    return ir.Intrinsic(Array(v.type.dtype, len(unique)), fc.span(node), "array.combine_axes", [v],
                        {"axes": tuple(unique.index(c) for c in term), "operand": k, "labels": "".join(unique)})


def _transpose(v: ir.Expr, have: list[str], want: list[str]) -> ir.Expr:
    """`v` (axes labelled `have`) with its axes in the order `want` (a view)."""
    if have == want:
        return v
    return ir.Intrinsic(v.type, v.span, "array.transpose", [v], {"axes": tuple(have.index(c) for c in want)})


def _contract(fc: "FunctionChecker", views: list[ir.Expr], labels: list[list[str]], out: str, t: Scalar,
              node: ast.AST) -> ir.Expr:
    """The general form: aligned views, one fused product, one sum over the labels not in the output."""
    span = fc.span(node)
    space = list(dict.fromkeys(c for ls in labels for c in ls))
    aligned = []
    for v, ls in zip(views, labels):
        order = [c for c in space if c in ls]
        v = _transpose(v, ls, order)
        if len(views) > 1 and len(ls) < len(space):
            items = [ir.SliceItem() if c in ls else ir.SliceItem(newaxis=True) for c in space]
            v = ir.ArraySlice(Array(v.type.dtype, len(space)), span, v, items)
        aligned.append(v)
    total = aligned[0]          # (one operand: t is its dtype)
    for v in aligned[1:]:
        total = build(fc, ops.get("np.multiply"), [total, v], [t, t], t, node)
    summed = tuple(k for k, c in enumerate(space) if c not in out)
    kept = [c for c in space if c in out]
    if summed:
        axis = None if not kept else summed[0] if len(summed) == 1 else summed
        total = ir.Intrinsic(Array(t, len(kept)) if kept else t, span, "np.sum", [total],
                             {"axis": axis, "dtype": t.name})
    if not kept:
        return total
    return _transpose(total, kept, list(out))


def _matrix_product(fc: "FunctionChecker", views: list[ir.Expr], labels: list[list[str]], out: str, t: Scalar,
                    node: ast.AST, shown: str) -> ir.Expr | None:
    """Two operands whose contraction is a matrix product (one summed label shared by both, at
    most one other label each, shared labels in the output as a stack): the operands transposed
    into (stack..., i, k) and (stack..., k, j) and multiplied by `frontend/linalg.py: product`.
    None for any other form, or where NumPy's matmul would give another dtype than einsum's."""
    from fastext.compiler.frontend.linalg import product
    la, lb = labels
    shared = [c for c in la if c in lb]
    summed = [c for c in shared if c not in out]
    stack = [c for c in shared if c in out]
    free_a, free_b = [c for c in la if c not in lb], [c for c in lb if c not in la]
    if len(summed) != 1 or len(free_a) > 1 or len(free_b) > 1 or any(c not in out for c in free_a + free_b):
        return None
    if stack and not (free_a and free_b):
        return None
    try:
        if dtypes.ufunc_loop("matmul", [v.type.dtype.name for v in views])[1][0] != t:
            return None
    except dtypes.NoLoop:
        return None
    left = _transpose(views[0], la, stack + free_a + summed)
    right = _transpose(views[1], lb, stack + summed + free_b)
    result = product(fc, left, right, node, "matmul", shown)
    if not isinstance(result.type, Array):
        return result
    return _transpose(result, stack + free_a + free_b, list(out))


# ----------------------------------------------------------------------------- tensordot

def _axes_pair(fc: "FunctionChecker", node: ast.expr, na: int, nb: int, shown: str) -> tuple[list[int], list[int]]:
    """The contracted axes of `np.tensordot`'s `axes=`: an int N (a's last N with b's first N), or
    two constant sequences of ints (negative ones count from the end)."""
    def ints(e: ast.expr) -> list[int] | None:
        items = e.elts if isinstance(e, (ast.Tuple, ast.List)) else [e]
        out = []
        for i in items:
            neg = isinstance(i, ast.UnaryOp) and isinstance(i.op, ast.USub)
            c = i.operand if neg else i
            if not (isinstance(c, ast.Constant) and type(c.value) is int):
                return None
            out.append(-c.value if neg else c.value)
        return out
    if isinstance(node, ast.Constant) and type(node.value) is int:
        n = node.value
        if not 0 <= n <= min(na, nb):
            raise fc.error(node, f"{shown}(): axes={n} is out of range for a {na}-D and a {nb}-D array",
                           f"axes between 0 and {min(na, nb)}")
        return list(range(na - n, na)), list(range(n))
    pair = node.elts if isinstance(node, (ast.Tuple, ast.List)) and len(node.elts) == 2 else None
    left, right = (ints(pair[0]), ints(pair[1])) if pair else (None, None)
    if left is None or right is None or len(left) != len(right):
        raise fc.error(node, f"{shown}(): axes must be a constant int or two constant sequences of ints of one length",
                       "axes=([1, 2], [0, 1])")
    for ax, nd in ((left, na), (right, nb)):
        for k, a in enumerate(ax):
            if not -nd <= a < nd:
                raise fc.error(node, f"{shown}(): axis {a} is out of bounds for array of dimension {nd}",
                               "NumPy raises AxisError here")
            ax[k] = a % nd
    return left, right


def tensordot_call(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.tensordot(a, b, axes=2)`: the sum over the paired axes of a's and b's products, the
    free axes of a then those of b — NumPy's matrix product of the reshaped operands, or the
    `np.einsum` it is where nothing is paired or no axis is free."""
    from fastext.compiler.frontend import synth
    from fastext.compiler.frontend.arrays import _bind
    from fastext.compiler.frontend.shape import array_arg
    bound = _bind(fc, node, ["a", "b", "axes"], shown, 2)
    a = array_arg(fc, bound["a"], node, shown)
    b = array_arg(fc, bound["b"], node, shown)
    na, nb = a.type.ndim, b.type.ndim
    axes = bound.get("axes", ast.Constant(2))
    left, right = _axes_pair(fc, axes, na, nb, shown)
    if len(set(left)) != len(left) or len(set(right)) != len(right):
        raise fc.error(axes, f"{shown}(): an axis is paired twice", "name each axis once")
    letters = iter("abcdefghijklmnopqrstuvwxyz")
    la = [next(letters) for _ in range(na)]
    lb = [next(letters) for _ in range(nb)]
    for i, j in zip(left, right):
        lb[j] = la[i]
    out = [la[k] for k in range(na) if k not in left] + [lb[k] for k in range(nb) if k not in right]
    free_a = [k for k in range(na) if k not in left]
    free_b = [k for k in range(nb) if k not in right]
    if not (free_a or free_b) or not left:
        spec = f"{''.join(la)},{''.join(lb)}->{''.join(out)}"
        return synth.value(fc, f"_r = np.einsum({spec!r}, _a, _b)\n", node, values={"_a": a, "_b": b})
    # NumPy's own steps: the free axes of a and the paired ones moved together, both operands
    # reshaped to matrices (a copy where the transpose needs one) and one BLAS product
    def prod(name: str, axes: list[int]) -> str:
        return " * ".join(f"{name}.shape[{k}]" for k in axes)
    shape = ", ".join([f"_a.shape[{k}]" for k in free_a] + [f"_b.shape[{k}]" for k in free_b])
    rows_a = [prod('_a', free_a)] if free_a else []     # no free axis: a vector, not a matrix
    cols_b = [prod('_b', free_b)] if free_b else []
    source = f"""\
_am = np.transpose(_a, {tuple(free_a + left)}).reshape({', '.join(rows_a + [prod('_a', left)])})
_bm = np.transpose(_b, {tuple(right + free_b)}).reshape({', '.join([prod('_b', right)] + cols_b)})
_r = (_am @ _bm).reshape(({shape},))
"""
    return synth.value(fc, source, node, values={"_a": a, "_b": b})
