"""Native lists: `list[T]` values (docs/language.md, "Lists").

A list value is a pointer to a header `{i64 len, i64 cap, T* data}`; both the header and the
items live in the call's arena (lower/alloc.py: `fx$alloc`), so a list is valid until the call
from Python returns, two names can share one list (Python's aliasing), and nothing is freed
while native code may still hold a pointer.  Growing allocates a buffer twice as large and
copies: the old buffer stays in the arena until the call ends, so the memory a list ever held
is less than twice its largest size.  Items are stored in their value form (`value_type`).

Every operation is one registry entry (`ops/lists.py`); the lowerings below receive the lowered
arguments and the `ir.Intrinsic`, whose `type`/argument types give the item type.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import ops
from fastext.compiler import types as T
from fastext.compiler.lower.context import I1, I32, I64, I8P, value_type
from fastext.compiler.lower.ircontrol import Var, for_range, while_loop

HEADER = ll.LiteralStructType([I64, I64, I8P])     # len, cap, data
LEN, CAP, DATA = 0, 1, 2
NULL = ll.Constant(I8P, None)
# Python raises MemoryError long before; a bound keeps `n * itemsize` far from overflowing
MAX_ITEMS = 2 ** 48
FLOAT_REPR = "\x02"     # a format starting so: its first argument is a double shown by its repr (abi/runtime.py)


def item_type(t: T.Type) -> T.Type:
    assert isinstance(t, T.List), t
    return t.item


def size_of(ty: ll.Type) -> ll.Constant:
    """The allocation size of one item (a constant LLVM folds)."""
    return ll.Constant(ty.as_pointer(), None).gep([I32(1)]).ptrtoint(I64)


def _hdr(fl, lst: ll.Value) -> ll.Value:
    return fl.b.bitcast(lst, HEADER.as_pointer())


def field(fl, lst: ll.Value, k: int) -> ll.Value:
    return fl.b.gep(_hdr(fl, lst), [I32(0), I32(k)])


def _tag(fl, kind: str):
    """A type-based alias tag: loads and stores of list headers and of list items never alias
    each other, so LLVM keeps a list's length and data pointer in registers across item stores."""
    tags = fl.ctx.__dict__.setdefault("_list_tbaa", {})
    if kind not in tags:
        module = fl.ctx.module
        if "root" not in tags:
            tags["root"] = module.add_metadata(["fastext lists"])
        node = module.add_metadata([f"list {kind}", tags["root"], I64(0)])
        tags[kind] = module.add_metadata([node, node, I64(0)])
    return tags[kind]


def hload(fl, lst: ll.Value, k: int) -> ll.Value:
    v = fl.b.load(field(fl, lst, k))
    v.set_metadata("tbaa", _tag(fl, "header"))
    return v


def hstore(fl, value: ll.Value, lst: ll.Value, k: int) -> None:
    fl.b.store(value, field(fl, lst, k)).set_metadata("tbaa", _tag(fl, "header"))


def iload(fl, lst: ll.Value, item: T.Type, k: ll.Value) -> ll.Value:
    v = fl.b.load(slot(fl, lst, item, k))
    v.set_metadata("tbaa", _tag(fl, "item"))
    return v


def istore(fl, value: ll.Value, lst: ll.Value, item: T.Type, k: ll.Value) -> None:
    fl.b.store(value, slot(fl, lst, item, k)).set_metadata("tbaa", _tag(fl, "item"))


def length(fl, lst: ll.Value) -> ll.Value:
    return hload(fl, lst, LEN)


def data(fl, lst: ll.Value, item: T.Type) -> ll.Value:
    return fl.b.bitcast(hload(fl, lst, DATA), value_type(item).as_pointer())


def slot(fl, lst: ll.Value, item: T.Type, k: ll.Value) -> ll.Value:
    return fl.b.gep(data(fl, lst, item), [k])


def _alloc(fl, nbytes: ll.Value) -> ll.Value:
    from fastext.compiler.lower.alloc import small_alloc
    p = fl.b.call(small_alloc(fl.ctx), [fl.err, nbytes])
    fl.fail_if(fl.b.icmp_unsigned("==", p, NULL), "MemoryError", None)
    return p


def new(fl, item: T.Type, n: ll.Value, cap: ll.Value | None = None) -> ll.Value:
    """A list of `n` items (uninitialised) with room for `cap` (at least n, at least 4)."""
    b = fl.b
    fl.fail_if(b.icmp_unsigned(">", n, I64(MAX_ITEMS)), "MemoryError", None)
    cap = n if cap is None else cap
    cap = b.select(b.icmp_signed("<", cap, I64(4)), I64(4), cap)
    # one arena block: the header, then the items (64 bytes in, keeping the arena's alignment)
    lst = _alloc(fl, b.add(I64(ITEMS_AT), b.mul(cap, size_of(value_type(item)))))
    buf = b.gep(lst, [I64(ITEMS_AT)])
    hstore(fl, n, lst, LEN)
    hstore(fl, cap, lst, CAP)
    hstore(fl, buf, lst, DATA)
    return lst


HEADER_BYTES = 24
SCRATCH_BYTES = 512     # slice assignments whose source is the target: items copied aside in the frame
ITEMS_AT = 32     # the items follow the header in one block (16-byte aligned, as the arena's small objects are)


def reserve(fl, lst: ll.Value, item: T.Type, need: ll.Value) -> None:
    """Room for `need` items: a buffer of max(need, 2 * cap) items when the current one is short."""
    b = fl.b
    cap = hload(fl, lst, CAP)
    with b.if_then(b.icmp_signed(">", need, cap), likely=False):
        fl.fail_if(b.icmp_unsigned(">", need, I64(MAX_ITEMS)), "MemoryError", None)
        twice = b.shl(cap, I64(1))
        newcap = b.select(b.icmp_signed(">", need, twice), need, twice)
        size = size_of(value_type(item))
        buf = _alloc(fl, b.mul(newcap, size))
        _memmove(fl, buf, hload(fl, lst, DATA), b.mul(length(fl, lst), size))
        hstore(fl, buf, lst, DATA)
        hstore(fl, newcap, lst, CAP)


def _memmove(fl, dst: ll.Value, src: ll.Value, nbytes: ll.Value) -> None:
    move = fl.ctx.intrinsic("memmove", I8P, [I8P, I8P, I64])
    fl.b.call(move, [dst, src, nbytes])


def _move_items(fl, lst: ll.Value, item: T.Type, dst: ll.Value, src: ll.Value, count: ll.Value) -> None:
    """Move `count` items inside `lst` from index `src` to index `dst` (overlap allowed)."""
    b = fl.b
    p = data(fl, lst, item)
    _memmove(fl, b.bitcast(b.gep(p, [dst]), I8P), b.bitcast(b.gep(p, [src]), I8P),
             b.mul(count, size_of(value_type(item))))


def _copy_items(fl, item: T.Type, dst: ll.Value, dst_at: ll.Value, src: ll.Value, src_at: ll.Value,
                count: ll.Value) -> None:
    """Copy `count` items from list `src` at `src_at` into list `dst` at `dst_at`."""
    b = fl.b
    d = b.bitcast(b.gep(data(fl, dst, item), [dst_at]), I8P)
    s = b.bitcast(b.gep(data(fl, src, item), [src_at]), I8P)
    _memmove(fl, d, s, b.mul(count, size_of(value_type(item))))


def index(fl, lst: ll.Value, k: ll.Value, message: str, proven: bool = False) -> ll.Value:
    """`k` made non-negative (Python's negative indices), IndexError(`message`) outside;
    `proven`: `k` is known to be in [0, len) (lower/hoist.py)."""
    if proven:
        return k
    return fl.wrap_index(k, length(fl, lst), "IndexError", message)


# ------------------------------------------------------------------------- the operations
def lower_list(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """Lower one `list.*` operation (ops/lists.py)."""
    return _LOWER[e.name.partition(".")[2]](fl, e, args)


def keep_item(fl, v: ll.Value, item: T.Type, value: ir.Expr | None = None) -> None:
    """A str item about to be stored: its reference taken by the call's arena (lower/kept.py).
    Items copied from another container (slices, `+`, copies) are kept already, and so is a
    `value` read from a native list (`line.append(chars[k])`): the arena holds every item a
    container ever had until the call ends."""
    if item == T.STRV and not _kept_already(value):
        from fastext.compiler.lower.kept import keep
        keep(fl, v)
    # a tuple's str fields were kept when the tuple was made (lower/function.py: e_MakeTuple)


def _kept_already(value: ir.Expr | None) -> bool:
    return isinstance(value, ir.Intrinsic) and value.name in ("list.get", "list.pop")


def _frame_list(fl, item: T.Type, n: int) -> ll.Value:
    """A list of `n` items in the function's frame (one entry alloca: the header, then the items
    at ITEMS_AT as `new` lays them out), for the packed `*args` of a call whose callee only reads
    it (`attrs["frame"]`: frontend/callshape.py); its storage is the same at every run of the call."""
    b = fl.b
    cap = max(n, 4)
    block = fl.entry_alloca(ll.LiteralStructType([ll.ArrayType(ll.IntType(8), ITEMS_AT),
                                                  ll.ArrayType(value_type(item), cap)]))
    block.align = 16
    lst = b.bitcast(block, NULL.type)
    hstore(fl, I64(n), lst, LEN)
    hstore(fl, I64(cap), lst, CAP)
    hstore(fl, b.bitcast(b.gep(block, [I32(0), I32(1), I32(0)]), NULL.type), lst, DATA)
    return lst


def _display(fl, e, args):
    item = item_type(e.type)
    lst = _frame_list(fl, item, len(args)) if e.attrs.get("frame") else new(fl, item, I64(len(args)))
    for k, v in enumerate(args):
        keep_item(fl, v, item)
        istore(fl, v, lst, item, I64(k))
    return lst


def _empty(fl, e, args):
    return new(fl, item_type(e.type), I64(0), capacity_hint(fl, args[0]) if args else None)


HINT_ITEMS = 1 << 26    # a larger hint (a loop that may stop early) is not reserved up front


def capacity_hint(fl, hint: ll.Value) -> ll.Value:
    """The room `list.empty(hint)` reserves: the hint (an upper bound on the items the
    comprehension appends), 0 when it is negative or beyond HINT_ITEMS (growth by doubling then)."""
    b = fl.b
    return b.select(b.icmp_unsigned(">", hint, I64(HINT_ITEMS)), I64(0), hint)


def _repeat(fl, e, args):
    b = fl.b
    item = item_type(e.type)
    src, times = args
    times = b.select(b.icmp_signed("<", times, I64(0)), I64(0), times)
    n = length(fl, src)
    mul = fl.ctx.intrinsic("llvm.umul.with.overflow.i64", ll.LiteralStructType([I64, I1]), [I64, I64])
    r = b.call(mul, [n, times])
    fl.fail_if(b.extract_value(r, 1), "MemoryError", None)
    lst = new(fl, item, b.extract_value(r, 0))
    if isinstance(item, T.Scalar) and not item.is_complex:
        # `[x] * n`, the common case: one item stored n times (vectorises)
        with b.if_then(b.icmp_signed("==", n, I64(1))):
            v = iload(fl, src, item, I64(0))
            for_range(b, I64(0), times, lambda k: istore(fl, v, lst, item, k))
        with b.if_then(b.icmp_signed("!=", n, I64(1))):
            for_range(b, I64(0), times, lambda k: _copy_items(fl, item, lst, b.mul(k, n), src, I64(0), n))
    else:
        for_range(b, I64(0), times, lambda k: _copy_items(fl, item, lst, b.mul(k, n), src, I64(0), n))
    return lst


def _concat(fl, e, args):
    b = fl.b
    item = item_type(e.type)
    x, y = args
    nx, ny = length(fl, x), length(fl, y)
    lst = new(fl, item, b.add(nx, ny))
    _copy_items(fl, item, lst, I64(0), x, I64(0), nx)
    _copy_items(fl, item, lst, nx, y, I64(0), ny)
    return lst


def _len(fl, e, args):
    return length(fl, args[0])


def _get(fl, e, args):
    lst, k = args
    return iload(fl, lst, e.type, index(fl, lst, k, "list index out of range", id(e) in fl.proven))


def _set(fl, e, args):
    lst, k, v = args
    item = item_type(e.args[0].type)
    k = index(fl, lst, k, "list assignment index out of range", id(e) in fl.proven)
    keep_item(fl, v, item, e.args[2])
    istore(fl, v, lst, item, k)
    return I1(0)


def _append(fl, e, args):
    b = fl.b
    lst, v = args
    item = item_type(e.args[0].type)
    n = length(fl, lst)
    reserve(fl, lst, item, b.add(n, I64(1)))
    keep_item(fl, v, item, e.args[1])
    istore(fl, v, lst, item, n)
    hstore(fl, b.add(n, I64(1)), lst, LEN)
    return I1(0)


def _extend(fl, e, args):
    b = fl.b
    lst, other = args
    item = item_type(e.args[0].type)
    n, m = length(fl, lst), length(fl, other)     # m read first: `xs.extend(xs)` doubles xs
    reserve(fl, lst, item, b.add(n, m))
    _copy_items(fl, item, lst, n, other, I64(0), m)
    hstore(fl, b.add(n, m), lst, LEN)
    return I1(0)


def _pop(fl, e, args):
    b = fl.b
    lst = args[0]
    item = e.type
    n = length(fl, lst)
    fl.fail_if(b.icmp_signed("==", n, I64(0)), "IndexError",
               "list assignment index out of range" if e.attrs.get("message") == "del" else "pop from empty list")
    if len(args) == 1:
        k = b.sub(n, I64(1))
    else:
        k = args[1]
        k = b.select(b.icmp_signed("<", k, I64(0)), b.add(k, n), k)
        fl.fail_if(b.icmp_unsigned(">=", k, n), "IndexError",
                   "list assignment index out of range" if e.attrs.get("message") == "del" else "pop index out of range")
    v = iload(fl, lst, item, k)
    last = b.sub(n, I64(1))
    if len(args) > 1:
        # pop(0) (a deque's popleft, a queue's list.pop(0)): the items' start moves one item on
        # instead of the items moving back: O(1).  The slot left behind is the arena's until the
        # call ends, as a grown list's old buffer is (reserve never frees).
        with b.if_else(b.icmp_signed("==", k, I64(0))) as (front, other):
            with front:
                hstore(fl, b.gep(hload(fl, lst, DATA), [size_of(value_type(item))]), lst, DATA)
                hstore(fl, b.sub(hload(fl, lst, CAP), I64(1)), lst, CAP)
            with other:
                _move_items(fl, lst, item, k, b.add(k, I64(1)), b.sub(last, k))
    else:
        _move_items(fl, lst, item, k, b.add(k, I64(1)), b.sub(last, k))
    hstore(fl, last, lst, LEN)
    return v


def _insert(fl, e, args):
    b = fl.b
    lst, k, v = args
    item = item_type(e.args[0].type)
    n = length(fl, lst)
    # Python clamps: negative from the end (at least 0), beyond the end appends
    k = b.select(b.icmp_signed("<", k, I64(0)), b.add(k, n), k)
    k = b.select(b.icmp_signed("<", k, I64(0)), I64(0), k)
    k = b.select(b.icmp_signed(">", k, n), n, k)
    reserve(fl, lst, item, b.add(n, I64(1)))
    keep_item(fl, v, item, e.args[2])
    _move_items(fl, lst, item, b.add(k, I64(1)), k, b.sub(n, k))
    istore(fl, v, lst, item, k)
    hstore(fl, b.add(n, I64(1)), lst, LEN)
    return I1(0)


def _bounds(fl, n: ll.Value, e: ir.Intrinsic, start, stop, step, present=None):
    """(start, count, step) of the slice: arith.slice_bounds with the absent bounds as None."""
    from fastext.compiler.lower.arith import slice_bounds
    has = e.attrs["present"] if present is None else present
    return slice_bounds(fl, n, start if has[0] else None, stop if has[1] else None, step if has[2] else None)


def _slice(fl, e, args):
    b = fl.b
    item = item_type(e.type)
    src, start, stop, step = args
    start, count, step = _bounds(fl, length(fl, src), e, start, stop, step)
    lst = new(fl, item, count)
    if e.attrs["present"][2]:
        for_range(b, I64(0), count, lambda k: istore(fl, iload(fl, src, item, b.add(start, b.mul(k, step))), lst, item, k))
    else:
        _copy_items(fl, item, lst, I64(0), src, start, count)
    return lst


def _assign_slice(fl, e, args):
    """`xs[a:b] = ys` (the range replaced, the list may grow or shrink) and `xs[a:b:c] = ys`
    (as many items as the extended slice has, else ValueError as Python).  With attrs
    `source` (the present bounds of a slice `ys[d:e:f]` fused into the statement), the source
    items are read straight from `ys`, through a scratch buffer freed at once when `ys` is `xs`
    or the source is strided (`perm[:k + 1] = perm[k::-1]` allocates nothing in the arena)."""
    b = fl.b
    lst = args[0]
    item = item_type(e.args[0].type)
    n = length(fl, lst)
    if e.attrs.get("fill"):
        _fill_slice(fl, e, args, n, item)
        return I1(0)
    quick = _in_range_flip(fl, e, args, n)
    if quick is None:
        _assign_slice_general(fl, e, args, n, item)
        return I1(0)
    flip, first, count = quick
    with b.if_else(flip, likely=True) as (swap, general):
        with swap:
            _reverse_range(fl, lst, item, first, count)
        with general:
            _assign_slice_general(fl, e, args, n, item)
    return I1(0)


def _fill_slice(fl, e, args, n, item) -> None:
    """`xs[a:b:c] = [v] * k` (attrs `fill`; args: the list, the bounds, v, k): v stored into the
    slice's items, no list made.  An extended slice needs exactly k items (ValueError as Python);
    a unit-step one is replaced by k items (the list grows or shrinks)."""
    b = fl.b
    lst, v, times = args[0], args[4], args[5]
    times = b.select(b.icmp_signed("<", times, I64(0)), I64(0), times)
    start, count, step = _bounds(fl, n, e, *args[1:4])
    unit = b.icmp_signed("==", step, I64(1)) if e.attrs["present"][2] else I1(1)
    with b.if_else(unit) as (contiguous, extended):
        with contiguous:
            with b.if_then(b.icmp_signed("!=", count, times), likely=False):
                fl.fail_if(b.icmp_unsigned(">", times, I64(MAX_ITEMS)), "MemoryError", None)
                newlen = b.add(b.sub(n, count), times)
                with b.if_then(b.icmp_signed(">", newlen, n)):
                    reserve(fl, lst, item, newlen)
                tail = b.add(start, count)
                _move_items(fl, lst, item, b.add(start, times), tail, b.sub(n, tail))
                hstore(fl, newlen, lst, LEN)
            for_range(b, I64(0), times, lambda k: istore(fl, v, lst, item, b.add(start, k)))
        with extended:
            fl.fail_if(b.icmp_signed("!=", times, count), "ValueError",
                       "attempt to assign sequence of size %lld to extended slice of size %lld", (times, count))
            for_range(b, I64(0), count, lambda k: istore(fl, v, lst, item, b.add(start, b.mul(k, step))))


def _in_range_flip(fl, e, args, n):
    """(condition, first, count) of the reversal `xs[a:b] = xs[b-1:a-1:-1]` (also `xs[:k+1] = xs[k::-1]`,
    the pancake flip) when its bounds are already in range, 0 <= a <= b <= n: a few compares
    instead of Python's normalisation of both slices; None for other statement shapes."""
    b = fl.b
    present, source = e.attrs["present"], e.attrs.get("source")
    sstep = e.args[7] if source is not None and len(e.args) > 7 else None
    if present[2] or not (source and source[2] and isinstance(sstep, ir.Const) and sstep.value == -1 and source[0]):
        return None
    lst, start, stop, src, sstart, sstop = args[0], args[1], args[2], args[4], args[5], args[6]
    first = start if present[0] else I64(0)
    last = stop if present[1] else n
    ok = b.and_(b.icmp_unsigned("==", lst, src), b.icmp_unsigned("<=", last, n))
    ok = b.and_(ok, b.icmp_unsigned("<=", first, last))
    # the source starts at the last item of the range (b >= 1, so not Python's -1) ...
    ok = b.and_(ok, b.and_(b.icmp_unsigned("<", sstart, n), b.icmp_signed("==", b.add(sstart, I64(1)), last)))
    # ... and ends at the first: a present stop is a - 1 >= 0, an absent one runs to index 0
    if source[1]:
        ends = b.and_(b.icmp_signed(">=", sstop, I64(0)), b.icmp_signed("==", b.add(sstop, I64(1)), first))
    else:
        ends = b.icmp_signed("==", first, I64(0))
    return b.and_(ok, ends), first, b.sub(last, first)


def _assign_slice_general(fl, e, args, n, item) -> None:
    """`_assign_slice` with Python's normalisation of the bounds (any list, any slices)."""
    b = fl.b
    lst, start, stop, step, src = args[:5]
    start, count, step = _bounds(fl, n, e, start, stop, step)
    size = size_of(value_type(item))
    if "source" in e.attrs:
        sstart, m, sstep = _bounds(fl, length(fl, src), e, *args[5:8], present=e.attrs["source"])
    else:
        sstart, m, sstep = I64(0), length(fl, src), I64(1)
    same = b.icmp_unsigned("==", lst, src)
    same_size = b.icmp_signed("==", count, m)
    # `xs[a:b] = xs[b-1:a-1:-1]` (a flip, as fannkuch does): the items swapped in place
    flip = b.and_(b.and_(same, same_size), b.and_(b.icmp_signed("==", sstep, I64(-1)), b.icmp_signed(
        "==", sstart, b.add(start, b.sub(m, I64(1))))))
    if e.attrs["present"][2]:
        flip = b.and_(flip, b.icmp_signed("==", step, I64(1)))
    done = fl.new_block("list.flip.done")
    swap, rest = fl.new_block("list.flip"), fl.new_block("list.assign")
    b.cbranch(flip, swap, rest)
    b.position_at_end(swap)
    _reverse_range(fl, lst, item, start, m)
    b.branch(done)
    b.position_at_end(rest)
    # a unit-step source is read in place unless it is the target and the target changes size
    # (memmove copes with the overlap of a same-size replacement)
    in_place = b.and_(same_size, b.icmp_signed("==", step, I64(1)) if e.attrs["present"][2] else I1(1))
    direct = b.and_(b.icmp_signed("==", sstep, I64(1)), b.or_(b.not_(same), in_place))
    items = Var(b, value_type(item).as_pointer(), slot(fl, src, item, sstart))
    scratch = Var(b, I8P, NULL)
    with b.if_then(b.not_(direct), likely=False):
        # a few items go through a buffer in the frame; more through one malloc'd and freed
        nbytes = b.mul(m, size)
        small = fl.entry_alloca(ll.ArrayType(I64, SCRATCH_BYTES // 8))
        with b.if_then(b.icmp_unsigned(">", nbytes, I64(SCRATCH_BYTES)), likely=False):
            malloc = fl.ctx.intrinsic("malloc", I8P, [I64])
            buf = b.call(malloc, [nbytes])
            fl.fail_if(b.icmp_unsigned("==", buf, NULL), "MemoryError", None)
            scratch.set(buf)
        buf = b.select(b.icmp_unsigned("==", scratch.get(), NULL), b.bitcast(small, I8P), scratch.get())
        typed = b.bitcast(buf, value_type(item).as_pointer())
        for_range(b, I64(0), m, lambda k: b.store(
            iload(fl, src, item, b.add(sstart, b.mul(k, sstep))), b.gep(typed, [k])))
        items.set(typed)
    if e.attrs["present"][2]:
        one = b.icmp_signed("==", step, I64(1))
        with b.if_else(one) as (contiguous, extended):
            with contiguous:
                _replace(fl, lst, item, start, count, items.get(), m)
            with extended:
                with b.if_then(b.icmp_signed("!=", m, count), likely=False):
                    _free(fl, scratch.get())
                    fl.fail_if(I1(1), "ValueError",
                               "attempt to assign sequence of size %lld to extended slice of size %lld", (m, count))
                for_range(b, I64(0), count, lambda k: istore(fl, b.load(b.gep(items.get(), [k])), lst, item, b.add(start, b.mul(k, step))))
    else:
        _replace(fl, lst, item, start, count, items.get(), m)
    _free(fl, scratch.get())
    b.branch(done)
    b.position_at_end(done)


def _free(fl, p: ll.Value) -> None:
    with fl.b.if_then(fl.b.icmp_unsigned("!=", p, NULL), likely=False):
        fl.b.call(fl.ctx.intrinsic("free", ll.VoidType(), [I8P]), [p])


def _reverse_range(fl, lst: ll.Value, item: T.Type, start: ll.Value, count: ll.Value) -> None:
    """Items [start, start + count) of `lst` reversed in place."""
    b = fl.b

    def swap(k):
        j = b.sub(b.add(start, b.sub(count, I64(1))), k)
        i = b.add(start, k)
        x, y = iload(fl, lst, item, i), iload(fl, lst, item, j)
        istore(fl, y, lst, item, i)
        istore(fl, x, lst, item, j)
    for_range(b, I64(0), b.sdiv(count, I64(2)), swap)


def _replace(fl, lst, item, start, count, items, m) -> None:
    """Items [start, start + count) of `lst` replaced by the `m` items at `items` (not in `lst`)."""
    b = fl.b
    n = length(fl, lst)
    newlen = b.add(b.sub(n, count), m)
    with b.if_then(b.icmp_signed(">", newlen, n)):
        reserve(fl, lst, item, newlen)
    tail = b.add(start, count)
    with b.if_then(b.icmp_signed("!=", count, m)):     # same size (a flip in place): no tail to move
        _move_items(fl, lst, item, b.add(start, m), tail, b.sub(n, tail))
    _memmove(fl, b.bitcast(slot(fl, lst, item, start), I8P), b.bitcast(items, I8P),
             b.mul(m, size_of(value_type(item))))
    hstore(fl, newlen, lst, LEN)


def equal(b: ll.IRBuilder, a: ll.Value, b_: ll.Value, t: T.Type) -> ll.Value:
    """Python's `==` of two items of type `t` (numbers, bools, str, tuples of them)."""
    if t == T.STRV:
        from fastext.compiler.lower.str_items import equal_text
        return equal_text(b, a, b_)
    if isinstance(t, T.Struct) and t.mutable:
        # `x in xs` of records: the same record, or equal fields (the class's `__eq__`)
        fields = equal(b, b.load(a), b.load(b_), T.Struct(t.name, t.fields))
        return b.or_(b.icmp_unsigned("==", a, b_), fields)
    if isinstance(t, (T.Tuple, T.Struct)):
        items = t.items if isinstance(t, T.Tuple) else tuple(ft for _, ft in t.fields)
        out = I1(1)
        for k, it in enumerate(items):
            out = b.and_(out, equal(b, b.extract_value(a, k), b.extract_value(b_, k), it))
        return out
    if isinstance(t, T.Scalar) and t.is_complex:
        return b.and_(b.fcmp_ordered("==", b.extract_value(a, 0), b.extract_value(b_, 0)),
                      b.fcmp_ordered("==", b.extract_value(a, 1), b.extract_value(b_, 1)))
    if isinstance(t, T.Scalar) and t.is_float:
        return b.fcmp_ordered("==", a, b_)
    return b.icmp_unsigned("==", a, b_)


def find(fl, lst: ll.Value, item: T.Type, v: ll.Value) -> ll.Value:
    """The index of the first item equal to `v`, or -1."""
    b = fl.b
    n = length(fl, lst)
    if item == T.STRV:
        # a C-API comparison is a call with branches: only items inside the list are compared
        found, i = Var(b, I64, I64(-1)), Var(b, I64, I64(0))

        def step():
            with b.if_then(equal(b, iload(fl, lst, item, i.get()), v, item)):
                found.set(i.get())
            i.set(b.add(i.get(), I64(1)))
        while_loop(b, lambda: b.and_(b.icmp_signed("<", i.get(), n), b.icmp_signed("<", found.get(), I64(0))),
                   step, "list.find")
        return found.get()
    k = Var(b, I64, I64(0))
    while_loop(b, lambda: b.and_(b.icmp_signed("<", k.get(), n),
                                 b.not_(equal(b, iload(fl, lst, item, k.get()), v, item))),
               lambda: k.set(b.add(k.get(), I64(1))), "list.find")
    return b.select(b.icmp_signed("<", k.get(), n), k.get(), I64(-1))


def _contains(fl, e, args):
    lst, v = args
    return fl.b.icmp_signed(">=", find(fl, lst, item_type(e.args[0].type), v), I64(0))


def _index(fl, e, args):
    lst, v = args
    item = item_type(e.args[0].type)
    k = find(fl, lst, item, v)
    missing = fl.b.icmp_signed("<", k, I64(0))
    if isinstance(item, T.Scalar) and item.is_int:     # Python's message names the value
        wide = v if item.bits == 64 else fl.b.sext(v, I64) if item.signed else fl.b.zext(v, I64)
        fl.fail_if(missing, "ValueError", "%llu is not in list" if item == T.U64 else "%lld is not in list", (wide,))
    elif isinstance(item, T.Scalar) and item.is_float:     # "2.5 is not in list": the float's repr (abi/runtime.py)
        wide = v if item.bits == 64 else fl.b.fpext(v, ll.DoubleType())
        fl.fail_if(missing, "ValueError", FLOAT_REPR + "%U is not in list", (fl.b.bitcast(wide, I64),))
    else:
        fl.fail_if(missing, "ValueError", "value is not in list")
    return k


def _remove(fl, e, args):
    b = fl.b
    lst, v = args
    item = item_type(e.args[0].type)
    k = find(fl, lst, item, v)
    fl.fail_if(b.icmp_signed("<", k, I64(0)), "ValueError", "list.remove(x): x not in list")
    last = b.sub(length(fl, lst), I64(1))
    _move_items(fl, lst, item, k, b.add(k, I64(1)), b.sub(last, k))
    hstore(fl, last, lst, LEN)
    return I1(0)


def _count(fl, e, args):
    b = fl.b
    lst, v = args
    item = item_type(e.args[0].type)
    total = Var(b, I64, I64(0))
    for_range(b, I64(0), length(fl, lst), lambda k: total.set(
        b.add(total.get(), b.zext(equal(b, iload(fl, lst, item, k), v, item), I64))))
    return total.get()


def _reverse(fl, e, args):
    lst = args[0]
    item = item_type(e.args[0].type)
    _reverse_range(fl, lst, item, I64(0), length(fl, lst))
    return I1(0)


def _unpack(fl, e, args):
    b = fl.b
    n, want = length(fl, args[0]), I64(e.attrs["count"])
    fl.fail_if(b.icmp_signed("<", n, want), "ValueError",
               "not enough values to unpack (expected %lld, got %lld)", (want, n))
    fl.fail_if(b.icmp_signed(">", n, want), "ValueError", f"too many values to unpack (expected {e.attrs['count']})")
    return I1(0)


def _clear(fl, e, args):
    hstore(fl, I64(0), args[0], LEN)
    return I1(0)


def _copy(fl, e, args):
    item = item_type(e.type)
    n = length(fl, args[0])
    lst = new(fl, item, n)
    _copy_items(fl, item, lst, I64(0), args[0], I64(0), n)
    return lst


def _from_range(fl, e, args):
    b = fl.b
    start, stop, step = args
    from fastext.compiler.lower.arith import range_length
    n = range_length(fl, start, stop, step)
    lst = new(fl, T.I64, n)
    for_range(b, I64(0), n, lambda k: istore(fl, b.add(start, b.mul(k, step)), lst, T.I64, k))
    return lst


def _from_array(fl, e, args):
    b = fl.b
    item = item_type(e.type)
    array = args[0]
    atype: T.Array = e.args[0].type
    n = b.extract_value(array, [1, 0])
    stride = b.extract_value(array, [2, 0])
    lst = new(fl, item, n)
    base = b.extract_value(array, 0)
    from fastext.compiler.lower.context import memory_type

    def one(k):
        p = b.bitcast(b.gep(base, [b.mul(k, stride)]), memory_type(atype.dtype).as_pointer())
        v = b.load(p, align=atype.dtype.align)
        if atype.dtype.is_bool:
            v = b.trunc(v, I1)
        istore(fl, v, lst, item, k)
    for_range(b, I64(0), n, one)
    return lst


def _from_strs(fl, e, args):
    from fastext.compiler.lower.str_items import from_strs
    return from_strs(fl, e)


def _sort(fl, e, args):
    """`xs.sort()` of real numbers (`reverse=True`: sorted, then reversed).  Equal numbers are
    indistinguishable, so the kernel's instability cannot show; NaNs go last (Python's order
    with NaNs depends on where they are)."""
    from fastext.compiler.lower.sortkernels import sort_function
    item = item_type(e.args[0].type)
    fl.b.call(sort_function(fl.ctx.module, item), [data(fl, args[0], item), length(fl, args[0])])
    if e.attrs.get("reverse"):
        _reverse(fl, e, args)
    return I1(0)


_LOWER = {
    "display": _display, "empty": _empty, "repeat": _repeat, "concat": _concat, "len": _len,
    "get": _get, "set": _set, "append": _append, "extend": _extend, "pop": _pop, "insert": _insert,
    "slice": _slice, "assign_slice": _assign_slice, "contains": _contains, "index": _index,
    "remove": _remove, "count": _count, "reverse": _reverse, "clear": _clear, "copy": _copy,
    "from_range": _from_range, "from_array": _from_array, "sort": _sort, "unpack": _unpack,
    "from_strs": _from_strs,
}


# ------------------------------------------------------------------------- reused storage
# The ops through which a list named by a variable never reaches another name: (op, argument
# positions that may be such a variable).  Item positions (`append`'s value, ...) are not here:
# a list stored as an item of another is reachable from it.
_READS = {
    "len": (0,), "get": (0,), "set": (0,), "append": (0,), "extend": (0, 1), "pop": (0,), "insert": (0,),
    "slice": (0,), "assign_slice": (0, 4), "contains": (0,), "index": (0,), "count": (0,), "remove": (0,),
    "reverse": (0,), "clear": (0,), "copy": (0,), "sort": (0,), "unpack": (0,), "repeat": (0,), "concat": (0, 1),
}
REUSABLE = ("list.copy", "list.slice", "list.empty")   # values an assignment may build in place


def loop_aliases(fn: ir.Function, containers: set[int]) -> list[tuple[int, ir.Load]]:
    """(temporary, load) of the `$t = xs` copies of a container variable into a compiler
    temporary (what `for x in xs` and `reversed(xs)` iterate) that cannot outlive `xs`'s
    container: `$t` is assigned only there, and read only by the statements after it in the same
    block, none of which assigns `xs`.  If `$t` itself only reaches reading operations, such a
    load does not make the container reachable once `xs` is given a new one."""
    lists = containers
    assigned: dict[int, int] = {}
    for st in ir.walk(fn.body):
        var = getattr(st, "var", None)
        if var is not None:
            assigned[id(var)] = assigned.get(id(var), 0) + 1
    loads: dict[int, int] = {}
    for e in ir.all_exprs(fn.body):
        if isinstance(e, ir.Load):
            loads[id(e.var)] = loads.get(id(e.var), 0) + 1
    blocks = [fn.body] + [b for st in ir.walk(fn.body) for b in ir.bodies(st)] + \
        [e.body for e in ir.all_exprs(fn.body) if isinstance(e, ir.StmtExpr)]
    out: list[tuple[int, ir.Load]] = []
    for block in blocks:
        for i, st in enumerate(block):
            if not (isinstance(st, ir.Assign) and st.var.name.startswith("$") and id(st.var) in lists
                    and isinstance(st.value, ir.Load) and id(st.value.var) in lists
                    and assigned.get(id(st.var)) == 1):
                continue
            temp, source = id(st.var), id(st.value.var)
            seen, last = 0, i
            for j in range(i + 1, len(block)):
                here = sum(1 for e in ir.all_exprs([block[j]]) if isinstance(e, ir.Load) and id(e.var) == temp)
                if here:
                    seen, last = seen + here, j
            if seen != loads.get(temp, 0):
                continue
            window = block[i + 1:last + 1]
            if any(getattr(x, "var", None) is not None and id(x.var) == source for x in ir.walk(window)):
                continue
            out.append((temp, st.value))
    return out


def confined(fn: ir.Function) -> set[int]:
    """The list variables whose list no other name, container or call can reach: every load of
    one is an operand of a `_READS` position (or the load a loop over it makes: `loop_aliases`,
    whose temporary is held to the same rule).  Assigning such a variable a copy or slice may
    copy into the list it holds instead of making a new one (`perm = perm1[:]` in a loop)."""
    lists = {id(v) for v in fn.locals if isinstance(v.type, T.List)}
    allowed: set[int] = set()
    loads: list[ir.Load] = []
    for e in ir.all_exprs(fn.body):
        if isinstance(e, ir.Load) and id(e.var) in lists:
            loads.append(e)
        elif isinstance(e, ir.Intrinsic) and e.name.startswith("list."):
            for k in _READS.get(e.name[5:], ()):
                if k < len(e.args) and isinstance(e.args[k], ir.Load):
                    allowed.add(id(e.args[k]))
        elif isinstance(e, ir.ObjBox) and isinstance(e.value, ir.Load) and isinstance(e.value.type, T.List):
            allowed.add(id(e.value))    # made a new Python list (print(xs), "".join(xs)): a copy, not the list
    escaping = {id(load.var) for load in loads if id(load) not in allowed}
    allowed |= {id(load) for temp, load in loop_aliases(fn, lists) if temp not in escaping}
    out = lists - {id(load.var) for load in loads if id(load) not in allowed}
    for s in ir.walk(fn.body):     # a variable also given a list from elsewhere may share it
        if isinstance(s, ir.Assign) and id(s.var) in out and not (
                isinstance(s.value, ir.Intrinsic) and s.value.name.startswith("list.")
                and ops.get(s.value.name).allocates):
            out.discard(id(s.var))
    return out


def assign_reusing(fl, s: ir.Assign) -> None:
    """`xs = ys[a:b:c]` / `xs = ys[:]` / `xs = []` for a confined `xs`: copied into (emptied in)
    the list `xs` holds (a new one the first time, or when `ys` is that list)."""
    b = fl.b
    e: ir.Intrinsic = s.value
    item = item_type(e.type)
    target = fl.slots[id(s.var)]
    args = [fl.expr(a) for a in e.args]
    if e.name == "list.empty":
        old = b.load(target)
        with b.if_else(b.icmp_unsigned("!=", old, NULL)) as (into, fresh):
            with into:
                hstore(fl, I64(0), old, LEN)
                if args:
                    reserve(fl, old, item, capacity_hint(fl, args[0]))
            with fresh:
                b.store(lower_list(fl, e, args), target)
        return
    src = args[0]
    old = b.load(target)
    reuse = b.and_(b.icmp_unsigned("!=", old, NULL), b.icmp_unsigned("!=", old, src))
    with b.if_else(reuse) as (into, fresh):
        with into:
            if e.name == "list.slice":
                start, count, step = _bounds(fl, length(fl, src), e, *args[1:4])
            else:
                start, count, step = I64(0), length(fl, src), I64(1)
            hstore(fl, I64(0), old, LEN)      # nothing to keep: reserve copies no items
            reserve(fl, old, item, count)
            with b.if_else(b.icmp_signed("==", step, I64(1))) as (contiguous, strided):
                with contiguous:
                    _copy_items(fl, item, old, I64(0), src, start, count)
                with strided:
                    for_range(b, I64(0), count, lambda k: istore(
                        fl, iload(fl, src, item, b.add(start, b.mul(k, step))), old, item, k))
            hstore(fl, count, old, LEN)
        with fresh:
            b.store(lower_list(fl, e, args), target)
