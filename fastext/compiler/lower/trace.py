"""`np.trace(a, offset)` in native code (`ops/linalg.py`): the diagonal walked as one strided line."""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.lower.arraymap import _counted_loop, load
from fastext.compiler.lower.context import I64, memory_type, scalar_type
from fastext.compiler.lower.reduce import _add, _cast, _zero, pairwise


def lower_trace(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """Sum of the diagonal `offset` (NumPy: a strided 1-D view summed as np.sum does)."""
    b = fl.b
    a, offset = args
    src: T.Scalar = e.args[0].type.dtype
    acc: T.Scalar = e.type
    r, c = (b.extract_value(a, [1, k]) for k in range(2))
    sr, sc = (b.extract_value(a, [2, k]) for k in range(2))
    above = b.icmp_signed(">=", offset, I64(0))
    row0 = b.select(above, I64(0), b.neg(offset))
    col0 = b.select(above, offset, I64(0))
    rows_left = b.select(above, r, b.add(r, offset))
    cols_left = b.select(above, b.sub(c, offset), c)
    n = b.select(b.icmp_signed("<", rows_left, cols_left), rows_left, cols_left)
    n = b.select(b.icmp_signed("<", n, I64(0)), I64(0), n)
    step = b.add(sr, sc)
    result = fl.entry_alloca(scalar_type(acc))
    b.store(_zero(acc), result)
    with b.if_then(b.icmp_signed(">", n, I64(0))):
        start = b.gep(b.extract_value(a, 0), [b.add(b.mul(row0, sr), b.mul(col0, sc))])
        if (acc.is_float or acc.is_complex) and src == acc:
            b.store(_add(fl, _zero(acc), b.call(pairwise(fl.ctx, acc), [start, n, step]), acc), result)
        else:
            def item(i):
                v = load(fl, b.bitcast(b.gep(start, [b.mul(i, step)]), memory_type(src).as_pointer()), src)
                b.store(_add(fl, b.load(result), _cast(fl, v, src, acc), acc), result)
            _counted_loop(fl, n, item, "trace")
    return b.load(result)
