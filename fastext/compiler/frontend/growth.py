"""Integers that grow by multiplying themselves in a loop: checked for overflow.

Python's `int` never overflows, and programs written for it let a loop multiply a value
up without bound (pidigits' spigot: `den *= k2`, factorials, `acc = (acc + num) * k`).
Compiled ints are 64-bit and wrap (docs/language.md, "Numbers"), which would turn such a
program's output into garbage without a word.  A compiler cannot tell in general how
far a loop goes, so the multiplications most likely to outgrow 64 bits — an `int` local
assigned, inside a loop, a product that involves its own value — are marked `checked`:
their lowering uses LLVM's overflow intrinsic and raises `OverflowError` (located in the
`.fx` traceback) where Python's result would no longer fit.  A product reduced in the same
statement (`h = (h * 31 + c) % M`) stays in range and never fires.  A product whose value only
reaches a mask of low bits (`x = (x * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)`, `% 2**32`: the
random-number generators of benchmark programs) is left unchecked: the low bits of a wrapped
`+ - * << & | ^` are exactly those of Python's unbounded result, so the masked value is Python's
(`_masked`).  Other arithmetic keeps
wrapping as documented, so vectorised sums are unaffected, and so do products of NumPy array
items (`p *= a[i]`: NumPy's int64 wraps) and `prange` reductions (documented to wrap).
"""
from __future__ import annotations

from fastext.compiler import ir
from fastext.compiler.types import I64


def mark(fn: ir.Function) -> None:
    """Set `checked` on the self-growing `int` products of `fn`'s loops."""
    parallel = {id(s) for loop in ir.walk(fn.body)
                if isinstance(loop, ir.ForRange) and loop.parallel is not None for s in ir.walk(loop.body)}
    for loop in ir.walk(fn.body):
        if not isinstance(loop, (ir.While, ir.ForRange)) or id(loop) in parallel or \
                isinstance(loop, ir.ForRange) and loop.parallel is not None:
            continue    # a prange reduction wraps by design, deterministically (docs/language.md)
        for s in ir.walk(loop.body):
            if isinstance(s, ir.Assign) and s.var.type == I64:
                _mark_products(s.value, s.var)


def _mark_products(value: ir.Expr, var: ir.Var) -> None:
    exact = _masked(value)
    for e in ir.walk_exprs(value):
        if isinstance(e, ir.BinOp) and e.op == "*" and e.type == I64 and _reads(e, var) and not _array_item(e) \
                and id(e) not in exact:
            e.checked = True


# operations whose low k bits depend only on the low k bits of their operands (two's complement)
_LOW_BITS = ("+", "-", "*", "<<", "&", "|", "^")


def _masked(value: ir.Expr) -> set[int]:
    """The ids of the products in `value` whose result only reaches, through `_LOW_BITS`
    operations, a mask `& M` or a `% M` (M a non-negative constant, a power of two for `%`):
    wrapping them leaves the masked result Python's."""
    exact: set[int] = set()
    for e in ir.walk_exprs(value):
        if not (isinstance(e, ir.BinOp) and e.type == I64 and e.op in ("&", "%")):
            continue
        for operand, other in ((e.left, e.right), (e.right, e.left)):
            m = _constant(other)
            if m is None or m < 0 or e.op == "%" and (operand is e.right or m == 0 or m & (m - 1)):
                continue
            todo = [operand]
            while todo:
                x = todo.pop()
                if isinstance(x, ir.BinOp) and x.type == I64 and x.op in _LOW_BITS:
                    if x.op == "*":
                        exact.add(id(x))
                    todo.extend((x.left,) if x.op == "<<" else (x.left, x.right))
    return exact


def _constant(e: ir.Expr) -> int | None:
    """The value of an int expression of constants only (`(1 << 48) - 1`); None otherwise."""
    if isinstance(e, ir.Const) and type(e.value) is int:
        return e.value
    if isinstance(e, ir.BinOp) and e.op in ("+", "-", "*", "<<", "&", "|", "^", "**"):
        a, b = _constant(e.left), _constant(e.right)
        if a is None or b is None or e.op in ("<<", "**") and not 0 <= b < 64:
            return None
        value = {"+": a + b, "-": a - b, "*": a * b, "<<": a << b if e.op == "<<" else 0, "&": a & b,
                 "|": a | b, "^": a ^ b, "**": a ** b if e.op == "**" else 0}[e.op]
        return value if -2 ** 63 <= value < 2 ** 63 else None
    return None


def _array_item(e: ir.Expr) -> bool:
    """Whether a product reads an array's items (`p *= a[i]`): NumPy's int64 wraps there, as
    `np.prod` does, and so does this."""
    return any(isinstance(x, (ir.Index, ir.Elem, ir.ArrayMap)) for x in ir.walk_exprs(e))


def _reads(e: ir.Expr, var: ir.Var) -> bool:
    return any(isinstance(x, ir.Load) and x.var is var for x in ir.walk_exprs(e))
