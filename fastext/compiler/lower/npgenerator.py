"""NumPy's Generator draws on a PCG64 state (lower/rng.py), value for value
(docs/numpy-random.md): its bounded integers per dtype, `random_interval` for shuffles, and
`choice(..., replace=False)`'s Floyd sampling with a hash set.

    i64 fx$gen.bounded.<bits>(i64* s, i64 span, i32* buf, i32* bcnt)  [0, span) as `integers`
    i64 fx$gen.interval(i64* s, i64 max)                                [0, max] as `shuffle`

`span` is high - low (+1 with endpoint=True) read unsigned, 0 for all 2**64 values; NumPy works
on the closed range rng = span - 1 and picks its words from rng and the dtype."""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler.lower import rng
from fastext.compiler.lower.context import I32, I64, ModuleContext
from fastext.compiler.lower.ircontrol import Var, for_range, while_loop
from fastext.compiler.lower.nplegacy import interval_function, mask
from fastext.compiler.lower.rng import I128, STATEP, _define


def _u32(ctx, b: ll.IRBuilder, s: ll.Value) -> ll.Value:
    return b.zext(b.call(rng.next_u32(ctx), [s]), I64)


def _buffered(ctx, b: ll.IRBuilder, s: ll.Value, bits: int, buf: ll.Value, bcnt: ll.Value) -> ll.Value:
    """NumPy's buffered_uint16/uint8/bool: the next `bits` bits of a 32-bit word kept in `buf`
    (`bcnt` more pieces left in it), a fresh next_uint32 when none are left."""
    with b.if_else(b.icmp_unsigned("==", b.load(bcnt), I32(0))) as (fresh, kept):
        with fresh:
            b.store(b.call(rng.next_u32(ctx), [s]), buf)
            b.store(I32(32 // bits - 1), bcnt)
        with kept:
            b.store(b.lshr(b.load(buf), I32(bits)), buf)
            b.store(b.sub(b.load(bcnt), I32(1)), bcnt)
    return b.zext(b.and_(b.load(buf), I32((1 << bits) - 1)), I64)


def _lemire_small(ctx, b: ll.IRBuilder, s: ll.Value, top: ll.Value, bits: int, word) -> ll.Value:
    """NumPy's buffered_bounded_lemire_uint<bits> (bits 8, 16, 32) on [0, top], top < 2**bits - 1:
    the high half of word·(top + 1), rejecting low halves below (2**bits - 1 - top) mod (top + 1)."""
    full = (1 << bits) - 1
    excl = b.add(top, I64(1))
    m = Var(b, I64, b.mul(word(), excl))
    with b.if_then(b.icmp_unsigned("<", b.and_(m.get(), I64(full)), excl), likely=False):
        threshold = b.urem(b.sub(I64(full), top), excl)

        def again():
            m.set(b.mul(word(), excl))
        while_loop(b, lambda: b.icmp_unsigned("<", b.and_(m.get(), I64(full)), threshold), again, "lemire")
    return b.lshr(m.get(), I64(bits))


def _lemire64(ctx, b: ll.IRBuilder, s: ll.Value, span: ll.Value) -> ll.Value:
    """NumPy's bounded_lemire_uint64 on [0, span): the high word of x·span, rejecting low words
    below 2**64 mod span."""
    def product():
        return b.mul(b.zext(b.call(rng.next_u64(ctx), [s]), I128), b.zext(span, I128))
    m = Var(b, I128, product())
    with b.if_then(b.icmp_unsigned("<", b.trunc(m.get(), I64), span), likely=False):
        threshold = b.urem(b.sub(I64(0), span), span)
        while_loop(b, lambda: b.icmp_unsigned("<", b.trunc(m.get(), I64), threshold),
                   lambda: m.set(product()), "lemire64")
    return b.trunc(b.lshr(m.get(), I128(64)), I64)


def bounded(ctx: ModuleContext, bits: int) -> ll.Function:
    """`i64 fx$gen.bounded.<bits>(i64* s, i64 span, i32* buf, i32* bcnt)`: NumPy Generator's
    `random_bounded_uint<bits>_fill` for one item (bits 1: bool).  One value draws nothing; a
    range that fills the word is a raw word; else Lemire's rejection — for 64-bit dtypes on a
    next_uint32 while the closed range fits 32 bits (PCG64 keeps the other half for the next
    32-bit draw), on next_uint64 above; 16- and 8-bit dtypes and bool on pieces of a buffered
    32-bit word (`buf`, `bcnt`: the fill's buffer, zero for a fresh one)."""
    def build(fn, b):
        s, span, buf, bcnt = fn.args
        top = b.sub(span, I64(1))
        with b.if_then(b.icmp_unsigned("==", top, I64(0))):
            b.ret(I64(0))
        if bits == 1:
            b.ret(_buffered(ctx, b, s, 1, buf, bcnt))
            return
        if bits in (8, 16):
            with b.if_then(b.icmp_unsigned("==", top, I64((1 << bits) - 1))):
                b.ret(_buffered(ctx, b, s, bits, buf, bcnt))
            b.ret(_lemire_small(ctx, b, s, top, bits, lambda: _buffered(ctx, b, s, bits, buf, bcnt)))
            return
        with b.if_then(b.icmp_unsigned("==", top, I64(0xFFFFFFFF))):
            b.ret(_u32(ctx, b, s))
        if bits == 64:
            with b.if_then(b.icmp_unsigned(">", top, I64(0xFFFFFFFF))):
                with b.if_then(b.icmp_unsigned("==", span, I64(0))):
                    b.ret(b.call(rng.next_u64(ctx), [s]))
                b.ret(_lemire64(ctx, b, s, span))
        b.ret(_lemire_small(ctx, b, s, top, 32, lambda: _u32(ctx, b, s)))
    return _define(ctx, f"fx$gen.bounded.{bits}", I64, [STATEP, I64, I32.as_pointer(), I32.as_pointer()],
                   build, inline=True)


def closed(ctx, b: ll.IRBuilder, s: ll.Value, top: ll.Value) -> ll.Value:
    """NumPy's random_bounded_uint64(0, top) for one number of [0, top], no buffer (choice's)."""
    null = ll.Constant(I32.as_pointer(), None)
    return b.call(bounded(ctx, 64), [s, b.add(top, I64(1)), null, null])


def interval(ctx: ModuleContext) -> ll.Function:
    """`i64 fx$gen.interval(i64* s, i64 max)`: NumPy's random_interval on the Generator's
    words, [0, max] by masked rejection: next_uint32 while max fits 32 bits, else next_uint64."""
    return interval_function(ctx, "fx$gen.interval", _u32, lambda ctx, b, s: b.call(rng.next_u64(ctx), [s]))


def shuffle_ints(ctx, b: ll.IRBuilder, s: ll.Value, data: ll.Value, n: ll.Value, first: ll.Value) -> None:
    """NumPy's `Generator._shuffle_int(n, first, data)`: for i from n - 1 down to `first`, swap
    data[i] with data[j], j of [0, i] by Lemire's bounded integers (not the masked
    random_interval of `shuffle`)."""
    def step(k):
        i = b.sub(b.sub(n, I64(1)), k)
        j = closed(ctx, b, s, i)
        pi, pj = b.gep(data, [i]), b.gep(data, [j])
        vi, vj = b.load(pi), b.load(pj)
        b.store(vj, pi)
        b.store(vi, pj)
    for_range(b, I64(0), b.sub(n, first), step, "shuffle_int")


def tail_shuffle(n: ll.Value, count: ll.Value, b: ll.IRBuilder, shuffle: bool) -> ll.Value:
    """Whether Generator.choice(n, count, replace=False) shuffles the tail of arange(n) (NumPy's
    heuristic: n > 10000 and count > n // cutoff, cutoff 50 with shuffle=True, 20 without)
    rather than Floyd's sampling."""
    cutoff = 50 if shuffle else 20
    return b.and_(b.icmp_signed(">", n, I64(10000)), b.icmp_signed(">", count, b.sdiv(n, I64(cutoff))))


def floyd_words(b: ll.IRBuilder, count: ll.Value) -> ll.Value:
    """An upper bound of the hash set's words for `count` items: mask(1.2·count) + 1 <= 2.4·count + 1."""
    return b.add(b.mul(count, I64(3)), I64(2))


def distinct(ctx, b: ll.IRBuilder, s: ll.Value, idx: ll.Value, count: ll.Value, n: ll.Value,
             scratch: ll.Value, shuffle: bool) -> None:
    """idx[0:count] = NumPy Generator.choice(n, count, replace=False) (no p): a tail shuffle of
    scratch = arange(n), or Floyd's algorithm — for j in [n - count, n) a number of [0, j],
    replaced by j when already taken (a linear-probing hash set in scratch, sized to the power
    of two above 1.2·count) — then, with `shuffle`, the items shuffled."""
    with b.if_else(tail_shuffle(n, count, b, shuffle)) as (tail, floyd):
        with tail:
            for_range(b, I64(0), n, lambda i: b.store(i, b.gep(scratch, [i])), "arange")
            first = b.select(b.icmp_signed(">", b.sub(n, count), I64(1)), b.sub(n, count), I64(1))
            shuffle_ints(ctx, b, s, scratch, n, first)
            start = b.sub(n, count)
            for_range(b, I64(0), count, lambda k: b.store(b.load(b.gep(scratch, [b.add(start, k)])),
                                                          b.gep(idx, [k])), "take")
        with floyd:
            size = b.fptoui(b.fmul(b.sitofp(count, ll.DoubleType()), ll.DoubleType()(1.2)), I64)
            # NumPy's gen_mask(0) is 0: a set of one slot
            hmask = b.select(b.icmp_unsigned("==", size, I64(0)), I64(0), mask(ctx, b, size))
            for_range(b, I64(0), b.add(hmask, I64(1)), lambda i: b.store(I64(-1), b.gep(scratch, [i])), "empty")
            base = b.sub(n, count)

            def probe(start, stop_at):
                loc = Var(b, I64, b.and_(start, hmask))

                def busy():
                    h = b.load(b.gep(scratch, [loc.get()]))
                    free = b.icmp_unsigned("==", h, I64(-1))
                    return b.not_(free) if stop_at is None else b.and_(b.not_(free), b.icmp_unsigned("!=", h, stop_at))
                while_loop(b, busy, lambda: loc.set(b.and_(b.add(loc.get(), I64(1)), hmask)), "probe")
                return loc.get()

            def pick(j):
                val = closed(ctx, b, s, j)
                loc = probe(val, val)
                slot = b.gep(scratch, [loc])
                out = b.gep(idx, [b.sub(j, base)])
                with b.if_else(b.icmp_unsigned("==", b.load(slot), I64(-1))) as (new, taken):
                    with new:
                        b.store(val, slot)
                        b.store(val, out)
                    with taken:
                        b.store(j, b.gep(scratch, [probe(j, None)]))
                        b.store(j, out)
            for_range(b, base, n, pick, "floyd")
            if shuffle:
                shuffle_ints(ctx, b, s, idx, count, I64(1))
