"""Native matrix products: the loops used for integer and boolean products (NumPy has no BLAS
for them either) and for floats when no BLAS was found at import.

Two internal functions per dtype, made on first use:

* `T fx$dot.<t>(n, x, sx, y, sy)`: sum of x[i] * y[i] in index order (byte strides; a
  unit-stride copy of the loop for LLVM's vectoriser);
* `void fx$gemm.<t>(M, N, K, A, sar, sac, B, sbr, sbc, C)`: C = A @ B into a new C-contiguous
  M×N block `C` (A and B by byte strides).  The loop order is i-k-j — `C[i, j0:j1] +=
  A[i, k] * B[k, j0:j1]`, a unit-stride inner loop that vectorises — tiled over j and k so a
  panel of B stays in cache while every row of A passes over it.  Each C[i, j] is summed in
  k order.

Integers wrap as NumPy's do; booleans combine with and/or (NumPy's bool matmul).
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import types as T
from fastext.compiler.lower.arraymap import _counted_loop, load, store_item
from fastext.compiler.lower.context import I32, I64, I8P, ModuleContext, memory_type, scalar_type
from fastext.compiler.lower.reduce import _add, _mul, _zero

TILE_BYTES_J = 4096      # bytes of one C row segment (kept in L1 across the k tile)
TILE_K = 64              # rows of B per panel: a panel is TILE_K * TILE_BYTES_J = 256 KiB (L2)


class _Body:
    """The part of a FunctionLowering the loop helpers use, for a function of our own."""

    def __init__(self, ctx: ModuleContext, fn: ll.Function):
        self.ctx, self.llfn = ctx, fn
        self.b = ll.IRBuilder(fn.append_basic_block("entry"))

    def new_block(self, name: str) -> ll.Block:
        return self.llfn.append_basic_block(name)


def _typed(b: ll.IRBuilder, ptr: ll.Value, t: T.Scalar) -> ll.Value:
    return b.bitcast(ptr, memory_type(t).as_pointer())


def _at(b: ll.IRBuilder, base: ll.Value, offset: ll.Value, t: T.Scalar) -> ll.Value:
    return _typed(b, b.gep(base, [offset]), t)


def dot_kernel(ctx: ModuleContext, t: T.Scalar) -> ll.Function:
    """`T fx$dot.<t>(i64 n, i8* x, i64 sx, i8* y, i64 sy)`."""
    name = f"fx$dot.{t.name}"
    fn = ctx.module.globals.get(name)
    if fn is not None:
        return fn
    fn = ll.Function(ctx.module, ll.FunctionType(scalar_type(t), [I64, I8P, I64, I8P, I64]), name)
    fn.linkage = "internal"
    n, x, sx, y, sy = fn.args
    f = _Body(ctx, fn)
    b = f.b
    acc = b.alloca(scalar_type(t))
    b.store(_zero(t), acc)
    size = I64(t.nbytes)
    unit = b.and_(b.icmp_signed("==", sx, size), b.icmp_signed("==", sy, size))

    def step(px, py):
        b.store(_add(f, b.load(acc), _mul(f, load(f, px, t), load(f, py, t), t), t), acc)

    with b.if_else(unit, likely=True) as (fast, general):
        with fast:
            tx, ty = _typed(b, x, t), _typed(b, y, t)
            _counted_loop(f, n, lambda i: step(b.gep(tx, [i]), b.gep(ty, [i])), "dot.unit")
        with general:
            _counted_loop(f, n, lambda i: step(_at(b, x, b.mul(i, sx), t), _at(b, y, b.mul(i, sy), t)), "dot.strided")
    b.ret(b.load(acc))
    return fn


def gemm_kernel(ctx: ModuleContext, t: T.Scalar) -> ll.Function:
    """`void fx$gemm.<t>(i64 M, i64 N, i64 K, i8* A, i64 sar, i64 sac, i8* B, i64 sbr, i64 sbc, i8* C)`."""
    name = f"fx$gemm.{t.name}"
    fn = ctx.module.globals.get(name)
    if fn is not None:
        return fn
    fn = ll.Function(ctx.module, ll.FunctionType(ll.VoidType(), [I64, I64, I64, I8P, I64, I64, I8P, I64, I64, I8P]),
                     name)
    fn.linkage = "internal"
    M, N, K, A, sar, sac, B, sbr, sbc, C = fn.args
    C.add_attribute("noalias")        # a new block: no operand can overlap it
    f = _Body(ctx, fn)
    b = f.b
    size = I64(t.nbytes)
    memset = ctx.intrinsic("memset", I8P, [I8P, I32, I64])
    b.call(memset, [C, I32(0), b.mul(b.mul(M, N), size)])
    jt = I64(max(1, TILE_BYTES_J // t.nbytes))
    kt = I64(TILE_K)

    def tiles(total, width, body, name):
        """for start in range(0, total, width): body(start, min(width, total - start))"""
        count = b.sdiv(b.add(total, b.sub(width, I64(1))), width)

        def tile(q):
            start = b.mul(q, width)
            left = b.sub(total, start)
            body(start, b.select(b.icmp_signed("<", left, width), left, width))
        _counted_loop(f, count, tile, name)

    def nest(unit: bool):
        def j_tile(j0, jn):
            def k_tile(k0, kn):
                def row(i):
                    crow = _at(b, C, b.mul(b.add(b.mul(i, N), j0), size), t)
                    arow = b.gep(A, [b.mul(i, sar)])

                    def over_k(dk):
                        k = b.add(k0, dk)
                        a = load(f, _at(b, arow, b.mul(k, sac), t), t)
                        brow = b.gep(B, [b.add(b.mul(k, sbr), b.mul(j0, sbc))])
                        tb = _typed(b, brow, t)

                        def over_j(j):
                            pc = b.gep(crow, [j])
                            pb = b.gep(tb, [j]) if unit else _at(b, brow, b.mul(j, sbc), t)
                            store_item(f, pc, _add(f, load(f, pc, t), _mul(f, a, load(f, pb, t), t), t), t)
                        _counted_loop(f, jn, over_j, "gemm.j")
                    _counted_loop(f, kn, over_k, "gemm.k")
                _counted_loop(f, M, row, "gemm.i")
            tiles(K, kt, k_tile, "gemm.kt")
        tiles(N, jt, j_tile, "gemm.jt")

    with b.if_else(b.icmp_signed("==", sbc, size), likely=True) as (fast, general):
        with fast:
            nest(True)
        with general:
            nest(False)
    b.ret_void()
    return fn


def zero_fill(fl, data: ll.Value, nbytes: ll.Value) -> None:
    """All-zero bytes: 0, 0.0, 0j and False alike."""
    memset = fl.ctx.intrinsic("memset", I8P, [I8P, I32, I64])
    fl.b.call(memset, [data, I32(0), nbytes])

