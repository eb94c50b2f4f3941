"""Sorting kernels: internal LLVM functions, one per dtype, that mirror NumPy's C code.

* `fx$sort.<t>(T* v, i64 n)`: NumPy's quicksort (npysort/quicksort.cpp): introsort with
  median-of-3 pivots, insertion sort below 16 items and heapsort past a depth of
  2*log2(n) — O(n log n) in the worst case, in place.  NumPy on x86 may use its SIMD sorts
  for some dtypes: the sorted values are the same (only the order of 0.0 and -0.0, which
  compare equal, may differ).
* `fx$select.<t>(T* v, i64 n, i64 k)`: a quickselect (np.partition's contract, for np.median and
  the quantiles): the item a sort puts at k, no greater one before it, no smaller one after.
* `fx$argsort.<t>(P* v, i64 lo, i64 hi, P* work)`: NumPy's merge sort for argsort
  (`amergesort0_`, insertion sort below 21 items) on (item, index) pairs: stable, so the
  indices are `np.argsort(kind='stable')`'s exactly; `work` holds (hi - lo) / 2 pairs.

`less` is NumPy's order: integers and bools by value, floats with NaN after everything
(`a < b || (b != b && a == a)`).
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import types as T
from fastext.compiler.lower.context import I1, I32, I64, memory_type
from fastext.compiler.lower.ircontrol import Var, do_while, for_range, internal_function, while_loop

SMALL_QUICKSORT = 15
SMALL_MERGESORT = 20
STACK = 128          # NumPy's PYA_QS_STACK (2 * bits of npy_intp)


def less(b: ll.IRBuilder, t: T.Scalar, x: ll.Value, y: ll.Value, nan_free: bool = False) -> ll.Value:
    """NumPy's `Tag::less(x, y)` for items of `t` (bools as i1 or as their i8 in memory);
    `nan_free`: neither is NaN (a plain compare)."""
    if t.is_float and nan_free:
        return b.fcmp_ordered("<", x, y)
    if t.is_float:
        return b.or_(b.fcmp_ordered("<", x, y), b.and_(b.fcmp_unordered("uno", y, y), b.fcmp_ordered("ord", x, x)))
    if t.signed:
        return b.icmp_signed("<", x, y)
    return b.icmp_unsigned("<", x, y)


def _swap(b: ll.IRBuilder, p: ll.Value, q: ll.Value) -> None:
    x, y = b.load(p), b.load(q)
    b.store(y, p)
    b.store(x, q)


def sort_function(module: ll.Module, t: T.Scalar) -> ll.Function:
    """`void fx$sort.<t>(T* v, i64 n)`: n contiguous items sorted in place, NaNs last: for floats
    the NaNs are first moved to the end (one pass), and the rest is sorted with plain compares."""
    if not t.is_float:
        return introsort_function(module, t)
    mt = memory_type(t)
    fn, b = internal_function(module, f"fx$sort.{t.name}", ll.VoidType(), [mt.as_pointer(), I64])
    if b is None:
        return fn
    v, n = fn.args
    b.call(introsort_function(module, t, nan_free=True), [v, _nans_last(b, v, n)])
    b.ret_void()
    return fn


def _nans_last(b: ll.IRBuilder, v: ll.Value, n: ll.Value) -> ll.Value:
    """Moves the NaNs of v[:n] to its end (one pass); returns the count of the other items."""
    at = lambda i: b.gep(v, [i])   # noqa: E731
    # two fingers: the first NaN from the left swaps with the last non-NaN from the right
    i, j = Var(b, I64, I64(0)), Var(b, I64, n)

    def step():
        x = b.load(at(i.get()))
        with b.if_else(b.fcmp_unordered("uno", x, x)) as (nan, number):
            with nan:
                last = b.sub(j.get(), I64(1))
                _swap(b, at(i.get()), at(last))
                j.set(last)
            with number:
                i.set(b.add(i.get(), I64(1)))
    while_loop(b, lambda: b.icmp_signed("<", i.get(), j.get()), step, "nans")
    return j.get()


def select_function(module: ll.Module, t: T.Scalar) -> ll.Function:
    """`void fx$select.<t>(T* v, i64 n, i64 k)`, k < n: v[k] becomes the item a sort puts there,
    with no greater item before it and no smaller one after (np.partition's contract, in which
    the order of the others is unspecified: it may differ from NumPy's).  NaNs go to the end first,
    as in `sort_function`; the largest item (k = n - 1: the second middle item of a median once the
    first is placed) is found by one scan; otherwise a quickselect narrows to the part holding k —
    NumPy's median-of-three pivot, a branch-free partition into smaller items and the others,
    then (k on the right) the items equal to the pivot and the greater ones — and the introsort
    finishes the last range (at most 16 items, or whatever is left after 2*log2(n) rounds:
    O(n log n) at worst)."""
    mt = memory_type(t)
    fn, b = internal_function(module, f"fx$select.{t.name}", ll.VoidType(), [mt.as_pointer(), I64, I64])
    if b is None:
        return fn
    v, n, k = fn.args
    nan_free = t.is_float
    m = _nans_last(b, v, n) if nan_free else n
    at = lambda i: b.gep(v, [i])   # noqa: E731
    with b.if_then(b.icmp_signed(">=", k, m)):      # a NaN there already
        b.ret_void()
    with b.if_then(b.icmp_signed("==", k, b.sub(m, I64(1)))):
        # the largest item (the second of a median's two, after the first): one scan to swap it there
        best, top = Var(b, I64, I64(0)), Var(b, mt, b.load(at(I64(0))))

        def scan(i):
            x = b.load(at(i))
            larger = less(b, t, top.get(), x, nan_free)
            best.set(b.select(larger, i, best.get()))
            top.set(b.select(larger, x, top.get()))
        for_range(b, I64(1), m, scan, "largest")
        _swap(b, at(best.get()), at(k))
        b.ret_void()
    lo, hi = Var(b, I64, I64(0)), Var(b, I64, b.sub(m, I64(1)))
    msb = b.sub(I64(63), b.call(module_intrinsic(module, "llvm.ctlz.i64", I64, [I64, I1]), [m, I1(0)]))
    depth = Var(b, I64, b.mul(msb, I64(2)))

    def narrow():
        low, high = lo.get(), hi.get()
        _swap(b, at(_median_of_three(b, t, at, low, high, nan_free)), at(low))
        pivot = b.load(at(low))
        j = _lomuto(b, t, at, b.add(low, I64(1)), high, lambda x: less(b, t, x, pivot, nan_free))
        pos = b.sub(j, I64(1))
        _swap(b, at(low), at(pos))       # [low, pos) < pivot == v[pos] <= [j, high]
        below = b.icmp_signed("<", k, pos)
        with b.if_else(b.icmp_signed(">", k, pos)) as (right, rest):
            with right:     # the items equal to the pivot next (many equal items end the search)
                e = _lomuto(b, t, at, j, high, lambda x: b.not_(less(b, t, pivot, x, nan_free)))
                equal = b.icmp_signed("<", k, e)
                lo.set(b.select(equal, k, e))
                hi.set(b.select(equal, k, high))
            with rest:
                lo.set(b.select(below, low, pos))
                hi.set(b.select(below, b.sub(pos, I64(1)), pos))
        depth.set(b.sub(depth.get(), I64(1)))
    while_loop(b, lambda: b.and_(b.icmp_signed(">", b.sub(hi.get(), lo.get()), I64(SMALL_QUICKSORT)),
                                 b.icmp_signed(">", depth.get(), I64(0))), narrow, "select")
    b.call(introsort_function(module, t, nan_free), [at(lo.get()), b.add(b.sub(hi.get(), lo.get()), I64(1))])
    b.ret_void()
    return fn


def _lomuto(b: ll.IRBuilder, t: T.Scalar, at, start: ll.Value, stop: ll.Value, first) -> ll.Value:
    """Moves the items x of v[start..stop] with first(x) before the others, without a branch per
    item (a swap every step, the boundary advanced by the test); returns that boundary."""
    j = Var(b, I64, start)

    def step(i):
        x = b.load(at(i))
        taken = first(x)
        b.store(b.load(at(j.get())), at(i))
        b.store(x, at(j.get()))
        j.set(b.add(j.get(), b.zext(taken, I64)))
    for_range(b, start, b.add(stop, I64(1)), step, "lomuto")
    return j.get()


def _median_of_three(b: ll.IRBuilder, t: T.Scalar, at, lo: ll.Value, hi: ll.Value, nan_free: bool) -> ll.Value:
    """NumPy's pivot choice: v[lo], v[mid], v[hi] put in order; returns mid."""
    pm = b.add(lo, b.ashr(b.sub(hi, lo), I64(1)))
    for x, y in ((pm, lo), (hi, pm), (pm, lo)):
        with b.if_then(less(b, t, b.load(at(x)), b.load(at(y)), nan_free)):
            _swap(b, at(x), at(y))
    return pm


def _partition(b: ll.IRBuilder, t: T.Scalar, at, lo: ll.Value, hi: ll.Value, nan_free: bool) -> ll.Value:
    """NumPy's quicksort step on v[lo..hi] (more than 3 items): the median of three as pivot,
    the two fingers' exchange; returns where the pivot lands (no greater item before it, no
    smaller one after)."""
    pm = _median_of_three(b, t, at, lo, hi, nan_free)
    vp = b.load(at(pm))
    pi, pj = Var(b, I64, lo), Var(b, I64, b.sub(hi, I64(1)))
    _swap(b, at(pm), at(pj.get()))

    def scan():
        def up():
            pi.set(b.add(pi.get(), I64(1)))
        do_while(b, up, lambda: less(b, t, b.load(at(pi.get())), vp, nan_free), "up")

        def down():
            pj.set(b.sub(pj.get(), I64(1)))
        do_while(b, down, lambda: less(b, t, vp, b.load(at(pj.get())), nan_free), "down")
        return b.icmp_signed(">=", pi.get(), pj.get())
    # for (;;) { ++pi...; --pj...; if (pi >= pj) break; swap }
    loop = b.append_basic_block("part.loop")
    out = b.append_basic_block("part.out")
    b.branch(loop)
    b.position_at_end(loop)
    crossed = scan()
    swap = b.append_basic_block("part.swap")
    b.cbranch(crossed, out, swap)
    b.position_at_end(swap)
    _swap(b, at(pi.get()), at(pj.get()))
    b.branch(loop)
    b.position_at_end(out)
    i = pi.get()
    _swap(b, at(i), at(b.sub(hi, I64(1))))
    return i


def introsort_function(module: ll.Module, t: T.Scalar, nan_free: bool = False) -> ll.Function:
    """`void fx$introsort.<t>(T* v, i64 n)`: NumPy's introsort of n contiguous items, in place
    (`nan_free`: the items hold no NaN, compared with plain `<`)."""
    mt = memory_type(t)
    name = f"fx$introsort.{t.name}{'.nonan' if nan_free else ''}"
    fn, b = internal_function(module, name, ll.VoidType(), [mt.as_pointer(), I64])
    if b is None:
        return fn
    v, n = fn.args
    heap = heapsort_function(module, t, nan_free)
    at = lambda i: b.gep(v, [i])   # noqa: E731
    pl, pr = Var(b, I64, I64(0)), Var(b, I64, b.sub(n, I64(1)))
    stack = b.alloca(ll.ArrayType(I64, STACK))
    depths = b.alloca(ll.ArrayType(I32, STACK // 2))
    sp, dp = Var(b, I64, I64(0)), Var(b, I64, I64(0))
    msb = b.sub(I64(63), b.call(module_intrinsic(module, "llvm.ctlz.i64", I64, [I64, I1]), [n, I1(0)]))
    cdepth = Var(b, I32, b.trunc(b.mul(b.select(b.icmp_signed(">", n, I64(0)), msb, I64(0)), I64(2)), I32))
    top = b.append_basic_block("top")
    pop = b.append_basic_block("pop")
    done = b.append_basic_block("done")
    b.branch(top)

    # for (;;): an exhausted depth sorts the range by heapsort
    b.position_at_end(top)
    with b.if_then(b.icmp_signed("<", cdepth.get(), I32(0)), likely=False):
        b.call(heap, [at(pl.get()), b.add(b.sub(pr.get(), pl.get()), I64(1))])
        b.branch(pop)

    def partition():
        lo, hi = pl.get(), pr.get()
        i = _partition(b, t, at, lo, hi, nan_free)
        # push the larger part, go on with the smaller
        s = sp.get()
        with b.if_else(b.icmp_signed("<", b.sub(i, lo), b.sub(hi, i))) as (left_small, right_small):
            with left_small:
                b.store(b.add(i, I64(1)), b.gep(stack, [I32(0), s]))
                b.store(hi, b.gep(stack, [I32(0), b.add(s, I64(1))]))
                pr.set(b.sub(i, I64(1)))
            with right_small:
                b.store(lo, b.gep(stack, [I32(0), s]))
                b.store(b.sub(i, I64(1)), b.gep(stack, [I32(0), b.add(s, I64(1))]))
                pl.set(b.add(i, I64(1)))
        sp.set(b.add(s, I64(2)))
        cdepth.set(b.sub(cdepth.get(), I32(1)))
        b.store(cdepth.get(), b.gep(depths, [I32(0), dp.get()]))
        dp.set(b.add(dp.get(), I64(1)))
    while_loop(b, lambda: b.icmp_signed(">", b.sub(pr.get(), pl.get()), I64(SMALL_QUICKSORT)), partition, "quick")

    # insertion sort of [pl, pr]
    def insert(i):
        vp = b.load(at(i))
        pj = Var(b, I64, i)
        lo = pl.get()

        def cond():
            j = pj.get()
            # `pj > pl && less(vp, v[pj - 1])`, the load only when the first part holds
            inside = b.icmp_signed(">", j, lo)
            prev = b.select(inside, b.sub(j, I64(1)), j)
            return b.and_(inside, less(b, t, vp, b.load(at(prev)), nan_free))

        def shift():
            j = pj.get()
            b.store(b.load(at(b.sub(j, I64(1)))), at(j))
            pj.set(b.sub(j, I64(1)))
        while_loop(b, cond, shift, "insert")
        b.store(vp, at(pj.get()))
    for_range(b, b.add(pl.get(), I64(1)), b.add(pr.get(), I64(1)), insert, "insertion")
    b.branch(pop)

    b.position_at_end(pop)
    s = sp.get()
    with b.if_then(b.icmp_signed("==", s, I64(0))):
        b.branch(done)
    pr.set(b.load(b.gep(stack, [I32(0), b.sub(s, I64(1))])))
    pl.set(b.load(b.gep(stack, [I32(0), b.sub(s, I64(2))])))
    sp.set(b.sub(s, I64(2)))
    d = b.sub(dp.get(), I64(1))
    cdepth.set(b.load(b.gep(depths, [I32(0), d])))
    dp.set(d)
    b.branch(top)

    b.position_at_end(done)
    b.ret_void()
    return fn


def heapsort_function(module: ll.Module, t: T.Scalar, nan_free: bool = False) -> ll.Function:
    """`void fx$heapsort.<t>(T* v, i64 n)`: NumPy's heapsort_ (the introsort's fallback)."""
    mt = memory_type(t)
    name = f"fx$heapsort.{t.name}{'.nonan' if nan_free else ''}"
    fn, b = internal_function(module, name, ll.VoidType(), [mt.as_pointer(), I64])
    if b is None:
        return fn
    v, n0 = fn.args
    a = lambda i: b.gep(v, [b.sub(i, I64(1))])   # noqa: E731  (1-based, as NumPy's `a = start - 1`)
    n = Var(b, I64, n0)

    def sift(tmp: ll.Value, start: ll.Value) -> None:
        i, j = Var(b, I64, start), Var(b, I64, b.shl(start, I64(1)))
        stop = b.append_basic_block("sift.stop")

        def body():
            jj = j.get()
            inside = b.icmp_signed("<", jj, n.get())
            right = b.select(inside, b.add(jj, I64(1)), jj)     # never read past the end
            with b.if_then(b.and_(inside, less(b, t, b.load(a(jj)), b.load(a(right)), nan_free))):
                j.set(right)
            jj = j.get()
            with b.if_else(less(b, t, tmp, b.load(a(jj)), nan_free)) as (down, _):
                with down:
                    b.store(b.load(a(jj)), a(i.get()))
                    i.set(jj)
                    j.set(b.add(jj, jj))
                with _:
                    b.branch(stop)
        while_loop(b, lambda: b.icmp_signed("<=", j.get(), n.get()), body, "sift")
        b.branch(stop)
        b.position_at_end(stop)
        b.store(tmp, a(i.get()))

    def build(l_):
        sift(b.load(a(l_)), l_)
    for_range(b, b.ashr(n0, I64(1)), I64(0), build, "heapify", step=-1)

    def pop():
        m = n.get()
        tmp = b.load(a(m))
        b.store(b.load(a(I64(1))), a(m))
        n.set(b.sub(m, I64(1)))
        sift(tmp, I64(1))
    while_loop(b, lambda: b.icmp_signed(">", n.get(), I64(1)), pop, "heap")
    b.ret_void()
    return fn


def pair_type(t: T.Scalar) -> ll.Type:
    """An item and its index, {T, i64}: what argsort sorts (the key beside its index, so merges
    stream through memory instead of gathering keys)."""
    return ll.LiteralStructType([memory_type(t), I64])


def argsort_function(module: ll.Module, t: T.Scalar) -> ll.Function:
    """`void fx$argsort.<t>(P* v, i64 lo, i64 hi, P* work)`: NumPy's stable merge sort
    (`amergesort0_`) of the (item, index) pairs v[lo:hi] by item; `work` holds (hi - lo) / 2 pairs."""
    pt = pair_type(t).as_pointer()
    fn, b = internal_function(module, f"fx$argsort.{t.name}", ll.VoidType(), [pt, I64, I64, pt])
    if b is None:
        return fn
    v, lo, hi, work = fn.args
    key = lambda pair: b.extract_value(pair, 0)   # noqa: E731
    with b.if_else(b.icmp_signed(">", b.sub(hi, lo), I64(SMALL_MERGESORT))) as (merge, small):
        with merge:
            pm = b.add(lo, b.ashr(b.sub(hi, lo), I64(1)))
            b.call(fn, [v, lo, pm, work])
            b.call(fn, [v, pm, hi, work])
            half = b.sub(pm, lo)
            for_range(b, I64(0), half, lambda k: b.store(b.load(b.gep(v, [b.add(lo, k)])), b.gep(work, [k])), "save")
            pj, pk, pmv = Var(b, I64, I64(0)), Var(b, I64, lo), Var(b, I64, pm)

            def step():
                right = b.load(b.gep(v, [pmv.get()]))
                left = b.load(b.gep(work, [pj.get()]))
                take_right = less(b, t, key(right), key(left))     # ties take the left one: stable
                b.store(b.select(take_right, right, left), b.gep(v, [pk.get()]))
                pmv.set(b.add(pmv.get(), b.zext(take_right, I64)))
                pj.set(b.add(pj.get(), b.zext(b.not_(take_right), I64)))
                pk.set(b.add(pk.get(), I64(1)))
            while_loop(b, lambda: b.and_(b.icmp_signed("<", pj.get(), half), b.icmp_signed("<", pmv.get(), hi)),
                       step, "merge")

            def rest():
                b.store(b.load(b.gep(work, [pj.get()])), b.gep(v, [pk.get()]))
                pj.set(b.add(pj.get(), I64(1)))
                pk.set(b.add(pk.get(), I64(1)))
            while_loop(b, lambda: b.icmp_signed("<", pj.get(), half), rest, "rest")
        with small:
            def insert(i):
                vp = b.load(b.gep(v, [i]))
                pj = Var(b, I64, i)

                def cond():
                    j = pj.get()
                    inside = b.icmp_signed(">", j, lo)
                    prev = b.select(inside, b.sub(j, I64(1)), j)
                    return b.and_(inside, less(b, t, key(vp), key(b.load(b.gep(v, [prev])))))

                def shift():
                    j = pj.get()
                    b.store(b.load(b.gep(v, [b.sub(j, I64(1))])), b.gep(v, [j]))
                    pj.set(b.sub(j, I64(1)))
                while_loop(b, cond, shift, "ainsert")
                b.store(vp, b.gep(v, [pj.get()]))
            for_range(b, b.add(lo, I64(1)), hi, insert, "ainsertion")
    b.ret_void()
    return fn


def module_intrinsic(module: ll.Module, name: str, ret: ll.Type, args: list[ll.Type]) -> ll.Function:
    """An LLVM intrinsic declared in `module` (internal functions have no ModuleContext at hand)."""
    fn = module.globals.get(name)
    if fn is None:
        fn = ll.Function(module, ll.FunctionType(ret, args), name)
    return fn
