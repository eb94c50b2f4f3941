"""Native dicts and sets: insertion-ordered hash tables (docs/language.md, "Dicts and sets").

The layout is CPython's compact dict: the entries `{hash, key, value, live}` in insertion order
(`{key, value, live}` for integer keys, whose hash is the key), and an index table of `i32` slots
(EMPTY, DELETED or an entry number) probed with CPython's perturbation scheme.  Iteration walks
the entries, so a dict iterates in insertion order as Python's does (a set too: CPython's sets
iterate in hash order; here insertion order).  A deletion marks its entry dead; growing rebuilds
the index from the live entries, compacted.

A dict value is a pointer to the header `{used, n, cap, entries, mask, index, handle}`.  A new
table is one allocation in the call's arena (lower/alloc.py) — header, MIN_CAP entries and
MIN_SLOTS index slots — as lists are; tables that outgrow SMALL_MAX bytes are malloc'd, realloc'd
and freed as the dict grows, recorded in the dict's *handle* (an arena block through which the
call's release frees them: abi/arena.py).  Per key/value type, internal functions
(`fx$dict.find/grow.<types>`) do the work; the operations below call them.
"""
from __future__ import annotations

from types import SimpleNamespace

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.lower.context import ERRP, F64, I1, I32, I64, I8, I8P, value_type
from fastext.compiler.lower.ircontrol import Var, for_range, internal_function, while_loop
from fastext.compiler.lower.lists import equal, size_of

HEADER = ll.LiteralStructType([I64, I64, I64, I8P, I64, I32.as_pointer(), I8P])
USED, N, CAP, ENTRIES, MASK, INDEX, HANDLE = range(7)
HEADER_BYTES = 64        # the header rounded up: a new table's first entries follow it
EMPTY, DELETED = -1, -2
NULL = ll.Constant(I8P, None)
MIN_SLOTS = 8
MIN_CAP = 5              # entries a new table holds before it grows (2/3 of MIN_SLOTS)
MAX_ENTRIES = 1 << 30    # index slots are i32 entry numbers: growing past it (about 2^29 live) is a MemoryError
# entry fields by meaning; `entry_index` gives their position in a table's entry struct
HASH, KEY, VALUE, LIVE = range(4)
TEXT = 4                 # a str key's entry: its UTF-8 text and size (`entry_type`)
# fx_raise's format for "the exception's argument is the integer key" (abi/runtime.py)
KEY_ARG = "\x01"


def _tag(module: ll.Module, kind: str):
    """A type-based alias tag: header fields and table memory (entries, index) never alias, so
    LLVM keeps a dict's size, mask and table pointers in registers across the stores of a loop
    that fills it (as lists do: lower/lists.py)."""
    tags = module.__dict__.setdefault("_fx_dict_tbaa", {})
    if kind not in tags:
        if "root" not in tags:
            tags["root"] = module.add_metadata(["fastext dicts"])
        node = module.add_metadata([f"dict {kind}", tags["root"], I64(0)])
        tags[kind] = module.add_metadata([node, node, I64(0)])
    return tags[kind]


def hload(b: ll.IRBuilder, d: ll.Value, k: int) -> ll.Value:
    """Header field k of the dict `d`."""
    v = b.load(Table.field(b, d, k))
    v.set_metadata("tbaa", _tag(b.module, "header"))
    return v


def hstore(b: ll.IRBuilder, value: ll.Value, d: ll.Value, k: int) -> None:
    b.store(value, Table.field(b, d, k)).set_metadata("tbaa", _tag(b.module, "header"))


def tload(b: ll.IRBuilder, ptr: ll.Value) -> ll.Value:
    """A load from a table (entries or index)."""
    v = b.load(ptr)
    v.set_metadata("tbaa", _tag(b.module, "table"))
    return v


def tstore(b: ll.IRBuilder, value: ll.Value, ptr: ll.Value) -> None:
    b.store(value, ptr).set_metadata("tbaa", _tag(b.module, "table"))


def key_value(t: T.Type) -> tuple[T.Type, T.Type]:
    """(key type, value type) of a dict or set type (a set's value is a bool never read)."""
    return (t.key, t.value) if isinstance(t, T.Dict) else (t.item, T.BOOL)


def stores_hash(key: T.Type) -> bool:
    """Whether entries keep their key's hash: not for integer keys, whose hash is the key itself
    (recomputed for free when the index is rebuilt, and 8 bytes less per entry)."""
    return not (isinstance(key, T.Scalar) and (key.is_int or key == T.BOOL))


def entry_type(key: T.Type, value: T.Type) -> ll.Type:
    """An entry: `{hash, key, value, live}`, or `{key, value}` for integer keys (16 bytes for
    `dict[i64, i64]`: a dead one is an entry the index no longer names, see `live_function`).
    A str key's entry ends with the key's UTF-8 `{i8* text, i64 size}` (size -1: it has none),
    which lookups by bytes compare (lower/strkeys.py)."""
    if key == T.STRV:
        return ll.LiteralStructType([I64, value_type(key), value_type(value), I8, I8P, I64])
    if stores_hash(key):
        return ll.LiteralStructType([I64, value_type(key), value_type(value), I8])
    return ll.LiteralStructType([value_type(key), value_type(value)])


def entry_index(key: T.Type, f: int) -> int:
    """The position of field `f` (HASH, KEY, VALUE, LIVE) in an entry of a table with `key`s."""
    if stores_hash(key):
        return f
    if f in (HASH, LIVE):
        raise ValueError("integer keys keep no hash and no live mark")
    return f - 1


def live_function(module: ll.Module, key: T.Type, value: T.Type) -> ll.Function:
    """`i1 fx$dict.live.<types>(d, k)`: whether entry k is live.  Integer-key entries carry no
    mark: entry k is live when the index finds its key at k.  A dead entry's key is either gone
    from the index or found at the later entry that re-inserted it, never at k.  This stays true
    while `grow` compacts in place, checking entries in order: a slot naming an entry j < k that
    was overwritten by a moved live entry can match k's key only if k is dead (one live entry per
    key), and the first k entries are all it overwrites."""
    table = Table(SimpleNamespace(module=module), key, value)
    fn, b = internal_function(module, f"fx$dict.live.{table.suffix}", I1, [I8P, I64])
    if b is None:
        return fn
    d, k = fn.args
    with b.if_then(b.icmp_signed("==", hload(b, d, USED), hload(b, d, N))):
        b.ret(I1(1))      # no deletion since the last compaction: every entry is live
    kv = b.load(table.entry_field(b, d, k, KEY))
    found = b.call(table.find(), [d, kv, hash_of(b, kv, key)])
    b.ret(b.icmp_signed("==", b.extract_value(found, 1), k))
    return fn


def is_live(b: ll.IRBuilder, module: ll.Module, key: T.Type, value: T.Type, d: ll.Value, k: ll.Value) -> ll.Value:
    """Whether entry k of the dict `d` is live (its mark, or `live_function` for integer keys)."""
    if stores_hash(key):
        table = Table(SimpleNamespace(module=module), key, value)
        return b.icmp_unsigned("!=", b.load(table.entry_field(b, d, k, LIVE)), I8(0))
    return b.call(live_function(module, key, value), [d, k])


def _suffix(key: T.Type, value: T.Type) -> str:
    return f"{key}.{value}".replace(" ", "").replace("[", "(").replace("]", ")")


def hash_of(b: ll.IRBuilder, v: ll.Value, t: T.Type) -> ll.Value:
    """A 64-bit hash of a key: equal keys hash equally (0.0 and -0.0 included); the order of
    iteration never depends on it.  An integer is its own hash, as in CPython: keys close in
    value land in nearby index slots (locality for counting loops), and the probe's
    perturbation brings the high bits in when low ones collide."""
    if isinstance(t, T.Struct) and t.mutable:
        # a named tuple's or frozen dataclass's record (frontend/recordops.py): its fields' hash,
        # as Python hashes them (lists.equal compares the fields the same way)
        return hash_of(b, b.load(v), T.Struct(t.name, t.fields))
    if isinstance(t, (T.Tuple, T.Struct)):
        items = t.items if isinstance(t, T.Tuple) else tuple(ft for _, ft in t.fields)
        h = I64(0x345678)
        for k, it in enumerate(items):
            h = b.xor(b.mul(h, I64(1000003)), hash_of(b, b.extract_value(v, k), it))
        return _mix(b, h)
    if isinstance(t, T.Scalar) and t.is_complex:
        return _mix(b, b.xor(hash_of(b, b.extract_value(v, 0), T.complex_part(t)),
                             b.mul(hash_of(b, b.extract_value(v, 1), T.complex_part(t)), I64(1000003))))
    if isinstance(t, T.Scalar) and t.is_float:
        x = b.fadd(v if t.bits == 64 else b.fpext(v, F64), F64(0.0))     # -0.0 + 0.0 is 0.0
        return _mix(b, b.bitcast(x, I64))
    if isinstance(t, T.Scalar):
        return v if v.type == I64 else b.sext(v, I64) if t.signed and t != T.BOOL else b.zext(v, I64)
    raise NotImplementedError(f"hash of {t}")


def _mix(b: ll.IRBuilder, x: ll.Value) -> ll.Value:
    """splitmix64's finaliser: every input bit reaches the low bits the index table uses."""
    x = b.mul(b.xor(x, b.lshr(x, I64(30))), I64(0xBF58476D1CE4E5B9 - 2 ** 64))
    x = b.mul(b.xor(x, b.lshr(x, I64(27))), I64(0x94D049BB133111EB - 2 ** 64))
    return b.xor(x, b.lshr(x, I64(31)))


def probe(b: ll.IRBuilder, fn: ll.Function, d: ll.Value, h: ll.Value, compare) -> ll.Function:
    """The body of a `find` (`Table.find`, strkeys.find_bytes): CPython's open-addressing probe
    from `h`, returning {slot, entry} as `Table.find` documents.  `compare(slot, found)` emits the
    test of the live entry `slot` against the key sought and calls `found()` where it matches."""
    mask, index = hload(b, d, MASK), hload(b, d, INDEX)
    i = Var(b, I64, b.and_(h, mask))
    perturb = Var(b, I64, h)
    free = Var(b, I64, I64(-1))
    out_slot, out_entry = Var(b, I64, I64(0)), Var(b, I64, I64(-1))
    done = Var(b, I1, I1(0))

    def body():
        slot = b.sext(tload(b, b.gep(index, [i.get()])), I64)
        with b.if_else(b.icmp_signed(">=", slot, I64(0)), likely=True) as (live, other):
            with live:
                def found():
                    out_slot.set(i.get())
                    out_entry.set(slot)
                    done.set(I1(1))
                compare(slot, found)
            with other:
                with b.if_else(b.icmp_signed("==", slot, I64(EMPTY))) as (empty, dead):
                    with empty:
                        out_slot.set(b.select(b.icmp_signed(">=", free.get(), I64(0)), free.get(), i.get()))
                        out_entry.set(I64(-1))
                        done.set(I1(1))
                    with dead:
                        with b.if_then(b.icmp_signed("<", free.get(), I64(0))):
                            free.set(i.get())
        nxt, pert = _probe(b, i.get(), perturb.get(), mask)
        perturb.set(pert)
        i.set(nxt)
    while_loop(b, lambda: b.not_(done.get()), body, "probe")
    result = b.insert_value(ll.Constant(fn.ftype.return_type, None), out_slot.get(), 0)
    b.ret(b.insert_value(result, out_entry.get(), 1))
    return fn


def _probe(b: ll.IRBuilder, i: ll.Value, perturb: ll.Value, mask: ll.Value) -> tuple[ll.Value, ll.Value]:
    """CPython's next slot: perturb >>= 5, i = (5*i + 1 + perturb) & mask (visits every slot)."""
    perturb = b.lshr(perturb, I64(5))
    return b.and_(b.add(b.add(b.mul(i, I64(5)), I64(1)), perturb), mask), perturb


def _libc(ctx, name: str) -> ll.Function:
    return {"malloc": lambda: ctx.intrinsic("malloc", I8P, [I64]),
            "realloc": lambda: ctx.intrinsic("realloc", I8P, [I8P, I64]),
            "free": lambda: ctx.intrinsic("free", ll.VoidType(), [I8P])}[name]()


class Table:
    """The internal functions of one dict type, emitted on first use."""

    def __init__(self, ctx, key: T.Type, value: T.Type):
        self.ctx, self.key, self.value = ctx, key, value
        self.entry = entry_type(key, value)
        self.suffix = _suffix(key, value)

    # -------------------------------------------------------------- helpers on a builder
    @staticmethod
    def field(b, d, k):
        return b.gep(b.bitcast(d, HEADER.as_pointer()), [I32(0), I32(k)])

    def entries(self, b, d):
        return b.bitcast(hload(b, d, ENTRIES), self.entry.as_pointer())

    def entry_field(self, b, d, k, f):
        return b.gep(self.entries(b, d), [k, I32(entry_index(self.key, f))])

    def hash_at(self, b, entries, k):
        """The hash of entry k of the buffer `entries` (kept, or the integer key itself)."""
        if stores_hash(self.key):
            return b.load(b.gep(entries, [k, I32(0)]))
        return hash_of(b, b.load(b.gep(entries, [k, I32(entry_index(self.key, KEY))])), self.key)

    def _alloc(self, b, err, nbytes):
        from fastext.compiler.lower.alloc import small_alloc
        return b.call(small_alloc(self.ctx), [err, nbytes])

    # -------------------------------------------------------------- find
    def find(self) -> ll.Function:
        """`{i64 slot, i64 entry} find(d, key, hash)`: the index slot holding the key's entry
        (entry >= 0), or where to insert it (entry = -1: the first DELETED slot met, else the
        EMPTY one that ended the probe)."""
        fn, b = internal_function(self.ctx.module, f"fx$dict.find.{self.suffix}",
                                  ll.LiteralStructType([I64, I64]), [I8P, value_type(self.key), I64])
        if b is None:
            return fn
        d, key, h = fn.args
        entries = self.entries(b, d)

        def compare(slot, found):
            same = b.icmp_unsigned("==", tload(b, b.gep(entries, [slot, I32(entry_index(self.key, HASH))])), h) \
                if stores_hash(self.key) else I1(1)
            with b.if_then(same):
                k2 = tload(b, b.gep(entries, [slot, I32(entry_index(self.key, KEY))]))
                with b.if_then(equal(b, k2, key, self.key)):
                    found()
        return probe(b, fn, d, h, compare)

    # -------------------------------------------------------------- grow
    def _handle(self, b, err, d) -> ll.Value:
        """The dict's handle (an `i8*[2]` arena block the release frees the malloc'd entries and
        index through: abi/arena.py), made on first need; NULL when memory ran out."""
        from fastext.compiler.lower.alloc import tables_handle
        slot = self.field(b, d, HANDLE)
        out = Var(b, I8P, b.load(slot))
        with b.if_then(b.icmp_unsigned("==", out.get(), NULL), likely=False):
            made = b.call(tables_handle(self.ctx), [err])
            b.store(made, slot)
            out.set(made)
        return b.bitcast(out.get(), I8P.as_pointer())

    def _owned(self, b, handle_field: int, d, ptr) -> ll.Value:
        """Whether `ptr` (the entries or the index) is malloc'd memory the handle records."""
        h = b.bitcast(hload(b, d, HANDLE), I8P.as_pointer())
        rec = Var(b, I8P, NULL)
        with b.if_then(b.icmp_unsigned("!=", h, ll.Constant(h.type, None))):
            rec.set(b.load(b.gep(h, [I64(handle_field)])))
        return b.and_(b.icmp_unsigned("!=", rec.get(), NULL), b.icmp_unsigned("==", rec.get(), b.bitcast(ptr, I8P)))

    def grow(self) -> ll.Function:
        """`i32 grow(err, d, need)`: entries room for `need` and an index at most 2/3 full,
        rebuilt from the live entries (compacted in place, order kept).  1 when memory ran out
        (the dict unchanged but for a bigger entry buffer).

        Tables past SMALL_MAX bytes are malloc'd, not carved from the arena: growing reallocs
        the entries (mremap for large ones: no copy, no fresh pages for what is kept) and frees
        the old index, so a dict grown to n entries holds about n entries' memory, not the sum of
        every size it passed through.  The dict's handle records them for the call's release."""
        fn, b = internal_function(self.ctx.module, f"fx$dict.grow.{self.suffix}", I32, [ERRP, I8P, I64])
        if b is None:
            return fn
        from fastext.compiler.lower.alloc import SMALL_MAX, live_counter
        err, d, need = fn.args
        with b.if_then(b.icmp_signed(">=", need, I64(MAX_ENTRIES)), likely=False):
            b.ret(I32(1))
        # Everything that may fail comes first, so a MemoryError leaves a usable dict: a bigger
        # entry buffer (same entry numbers: the index stays valid), then the new index (not yet
        # installed).  Then the compaction, whose liveness checks still probe the old index.
        size = size_of(self.entry)
        used = hload(b, d, USED)
        n = hload(b, d, N)
        old = self.entries(b, d)
        counter = live_counter(self.ctx)
        cap = hload(b, d, CAP)
        with b.if_then(b.icmp_signed(">", need, cap)):
            twice = b.shl(cap, I64(1))
            newcap = b.select(b.icmp_signed(">", need, twice), need, twice)
            nbytes = b.mul(newcap, size)
            buf = Var(b, I8P, NULL)
            with b.if_else(b.icmp_unsigned(">", nbytes, I64(SMALL_MAX))) as (big, small):
                with big:
                    handle = self._handle(b, err, d)
                    with b.if_then(b.icmp_unsigned("==", handle, ll.Constant(handle.type, None)), likely=False):
                        b.ret(I32(1))
                    with b.if_else(self._owned(b, 0, d, old)) as (again, first):
                        with again:
                            buf.set(b.call(_libc(self.ctx, "realloc"), [b.bitcast(old, I8P), nbytes]))
                            with b.if_then(b.icmp_unsigned("==", buf.get(), NULL), likely=False):
                                b.ret(I32(1))
                        with first:
                            buf.set(b.call(_libc(self.ctx, "malloc"), [nbytes]))
                            with b.if_then(b.icmp_unsigned("==", buf.get(), NULL), likely=False):
                                b.ret(I32(1))
                            b.atomic_rmw("add", counter, I64(1), "monotonic")
                            self._copy_entries(b, buf.get(), old, n, size)
                    b.store(buf.get(), b.gep(handle, [I64(0)]))
                with small:
                    buf.set(self._alloc(b, err, nbytes))
                    with b.if_then(b.icmp_unsigned("==", buf.get(), NULL), likely=False):
                        b.ret(I32(1))
                    self._copy_entries(b, buf.get(), old, n, size)
            hstore(b, buf.get(), d, ENTRIES)
            hstore(b, newcap, d, CAP)
        # index: the smallest power of two > 3/2 * the entries' capacity (at least MIN_SLOTS), so
        # that while there is room for an entry the index is under 2/3 full (one check per insert)
        room = hload(b, d, CAP)
        room = b.select(b.icmp_signed(">", need, room), need, room)
        slots = Var(b, I64, I64(MIN_SLOTS))
        while_loop(b, lambda: b.icmp_signed("<=", b.udiv(b.mul(slots.get(), I64(2)), I64(3)), room),
                   lambda: slots.set(b.shl(slots.get(), I64(1))), "slots")
        oldindex = hload(b, d, INDEX)
        resized = b.icmp_signed("!=", slots.get(), b.add(hload(b, d, MASK), I64(1)))
        raw = Var(b, I8P, b.bitcast(oldindex, I8P))
        ibytes = b.mul(slots.get(), I64(4))
        with b.if_then(resized):
            with b.if_else(b.icmp_unsigned(">", ibytes, I64(SMALL_MAX))) as (big, small):
                with big:
                    handle = self._handle(b, err, d)
                    with b.if_then(b.icmp_unsigned("==", handle, ll.Constant(handle.type, None)), likely=False):
                        b.ret(I32(1))
                    raw.set(b.call(_libc(self.ctx, "malloc"), [ibytes]))
                    with b.if_then(b.icmp_unsigned("==", raw.get(), NULL), likely=False):
                        b.ret(I32(1))
                    b.atomic_rmw("add", counter, I64(1), "monotonic")
                with small:
                    raw.set(self._alloc(b, err, ibytes))
                    with b.if_then(b.icmp_unsigned("==", raw.get(), NULL), likely=False):
                        b.ret(I32(1))
        # live entries moved to the front of their own buffer, in order (kept <= k: never
        # overwrites one not yet moved; integer keys' liveness survives it: `live_function`)
        with b.if_then(b.icmp_signed("!=", used, n), likely=False):
            kept = Var(b, I64, I64(0))
            entries = self.entries(b, d)

            def move(k):
                with b.if_then(is_live(b, self.ctx.module, self.key, self.value, d, k)):
                    b.store(b.load(b.gep(entries, [k])), b.gep(entries, [kept.get()]))
                    kept.set(b.add(kept.get(), I64(1)))
            for_range(b, I64(0), n, move)
        hstore(b, used, d, N)
        with b.if_then(resized):
            with b.if_then(self._owned(b, 1, d, oldindex)):
                b.call(_libc(self.ctx, "free"), [b.bitcast(oldindex, I8P)])
                b.atomic_rmw("sub", counter, I64(1), "monotonic")
            h = b.bitcast(hload(b, d, HANDLE), I8P.as_pointer())
            with b.if_then(b.icmp_unsigned("!=", h, ll.Constant(h.type, None))):
                # the handle records the index only while it is malloc'd
                owned = b.icmp_unsigned(">", ibytes, I64(SMALL_MAX))
                b.store(b.select(owned, raw.get(), NULL), b.gep(h, [I64(1)]))
            hstore(b, b.bitcast(raw.get(), I32.as_pointer()), d, INDEX)
            hstore(b, b.sub(slots.get(), I64(1)), d, MASK)
        index = hload(b, d, INDEX)
        memset = self.ctx.intrinsic("memset", I8P, [I8P, I32, I64])
        b.call(memset, [b.bitcast(index, I8P), I32(0xFF), b.mul(slots.get(), I64(4))])    # every slot EMPTY (-1)
        mask = b.sub(slots.get(), I64(1))
        fresh = self.entries(b, d)

        def place(k):
            h = self.hash_at(b, fresh, k)
            i = Var(b, I64, b.and_(h, mask))
            perturb = Var(b, I64, h)

            def step():
                nxt, p = _probe(b, i.get(), perturb.get(), mask)
                perturb.set(p)
                i.set(nxt)
            while_loop(b, lambda: b.icmp_signed("!=", b.load(b.gep(index, [i.get()])), I32(EMPTY)), step, "place")
            b.store(b.trunc(k, I32), b.gep(index, [i.get()]))
        for_range(b, I64(0), used, place)
        b.ret(I32(0))
        return fn

    def reset(self) -> ll.Function:
        """`void reset(d)`: the table emptied.  Malloc'd tables are freed and the dict goes back to
        the room its own allocation holds (as `new` made it); arena-carved ones are kept, emptied
        (a dict refilled in a loop then grows no more)."""
        fn, b = internal_function(self.ctx.module, f"fx$dict.reset.{self.suffix}", ll.VoidType(), [I8P])
        if b is None:
            return fn
        from fastext.compiler.lower.alloc import live_counter
        d = fn.args[0]
        handle = b.bitcast(hload(b, d, HANDLE), I8P.as_pointer())
        with b.if_then(b.icmp_unsigned("!=", handle, ll.Constant(handle.type, None)), likely=False):
            held = [b.load(b.gep(handle, [I64(k)])) for k in range(2)]
            with b.if_then(b.or_(*(b.icmp_unsigned("!=", p, NULL) for p in held))):
                for k, p in enumerate(held):
                    with b.if_then(b.icmp_unsigned("!=", p, NULL)):
                        b.call(_libc(self.ctx, "free"), [p])
                        b.atomic_rmw("sub", live_counter(self.ctx), I64(1), "monotonic")
                    b.store(NULL, b.gep(handle, [I64(k)]))
                entries_bytes = _inline_entries_bytes(b, self.entry)
                hstore(b, b.gep(d, [I64(HEADER_BYTES)]), d, ENTRIES)
                hstore(b, I64(MIN_CAP), d, CAP)
                index = b.gep(d, [b.add(I64(HEADER_BYTES), entries_bytes)])
                hstore(b, b.bitcast(index, I32.as_pointer()), d, INDEX)
                hstore(b, I64(MIN_SLOTS - 1), d, MASK)
        for k in (USED, N):
            hstore(b, I64(0), d, k)
        index = b.bitcast(hload(b, d, INDEX), I8P)
        slots = b.add(hload(b, d, MASK), I64(1))
        memset = self.ctx.intrinsic("memset", I8P, [I8P, I32, I64])
        # small indexes (a table refilled in a loop) by constant-size stores, not a libc call
        other = fn.append_basic_block("other")
        switch = b.switch(slots, other)
        for size in (MIN_SLOTS, 2 * MIN_SLOTS, 4 * MIN_SLOTS, 8 * MIN_SLOTS):
            case = fn.append_basic_block(f"slots{size}")
            switch.add_case(I64(size), case)
            with b.goto_block(case):
                b.call(memset, [index, I32(0xFF), I64(4 * size)])
                b.ret_void()
        b.position_at_end(other)
        b.call(memset, [index, I32(0xFF), b.mul(slots, I64(4))])
        b.ret_void()
        return fn

    def _copy_entries(self, b, dst, src, count, size) -> None:
        memcpy = self.ctx.intrinsic("memcpy", I8P, [I8P, I8P, I64])
        b.call(memcpy, [dst, b.bitcast(src, I8P), b.mul(count, size)])


# ------------------------------------------------------------------------- the operations
def _table(fl, t: T.Type) -> Table:
    return Table(fl.ctx, *key_value(t))


def new(fl, t: T.Type) -> ll.Value:
    """An empty dict or set: one arena allocation holding the header, room for MIN_CAP entries
    and an index of MIN_SLOTS slots (a bigger table is made when it grows)."""
    b = fl.b
    from fastext.compiler.lower.alloc import small_alloc
    entries_bytes = _inline_entries_bytes(b, entry_type(*key_value(t)))
    d = b.call(small_alloc(fl.ctx), [fl.err, b.add(I64(HEADER_BYTES + 4 * MIN_SLOTS), entries_bytes)])
    fl.fail_if(b.icmp_unsigned("==", d, NULL), "MemoryError", None)
    for k in (USED, N):
        hstore(b, I64(0), d, k)
    hstore(b, I64(MIN_CAP), d, CAP)
    hstore(b, b.gep(d, [I64(HEADER_BYTES)]), d, ENTRIES)
    index = b.gep(d, [b.add(I64(HEADER_BYTES), entries_bytes)])
    hstore(b, b.bitcast(index, I32.as_pointer()), d, INDEX)
    hstore(b, I64(MIN_SLOTS - 1), d, MASK)
    hstore(b, NULL, d, HANDLE)
    memset = fl.ctx.intrinsic("memset", I8P, [I8P, I32, I64])
    b.call(memset, [index, I32(0xFF), I64(4 * MIN_SLOTS)])     # every slot EMPTY (-1)
    return d


def _inline_entries_bytes(b: ll.IRBuilder, entry: ll.Type) -> ll.Value:
    """The room for MIN_CAP entries in a new table's allocation (a multiple of 16: the index follows)."""
    return b.and_(b.add(b.mul(size_of(entry), I64(MIN_CAP)), I64(15)), I64(~15))


def _grow(fl, table: Table, d, need) -> None:
    rc = fl.b.call(table.grow(), [fl.err, d, need])
    fl.fail_if(fl.b.icmp_signed("!=", rc, I32(0)), "MemoryError", None)


def lookup(fl, table: Table, d, key) -> tuple[ll.Value, ll.Value, ll.Value]:
    """(hash, index slot, entry number or -1) of `key`."""
    b = fl.b
    if table.key == T.STRV:
        from fastext.compiler.lower.str_items import hash_text
        h = hash_text(fl, key)
    else:
        h = hash_of(b, key, table.key)
    found = b.call(table.find(), [d, key, h])
    return h, b.extract_value(found, 0), b.extract_value(found, 1)


def store(fl, table: Table, d, key, value, replace: bool = True, probe=None, make_key=None) -> None:
    """`d[key] = value`: the value replaced in place (unless not `replace`: a set's add), or a
    new entry at the end.  `probe`: the key's (hash, slot, entry) found already; `make_key`:
    the key's object made only when it is inserted (a str key found by its bytes: lower/strkeys.py)."""
    b = fl.b
    h, slot, entry = probe if probe is not None else lookup(fl, table, d, key)
    from fastext.compiler.lower.lists import keep_item
    keep_item(fl, value, table.value)     # str values (and keys, below) kept by the arena
    with b.if_else(b.icmp_signed(">=", entry, I64(0))) as (found, missing):
        with found:
            if replace:
                b.store(value, table.entry_field(b, d, entry, VALUE))
        with missing:
            if make_key is not None:
                key = make_key()
                keep_item(fl, key, table.key)
                fl.drop(key, None)          # the arena's reference keeps it alive
            else:
                keep_item(fl, key, table.key)
            n = hload(b, d, N)
            slot_var = Var(b, I64, slot)
            # room for one more entry (then the index stays under 2/3 full: `Table.grow`)
            full = b.icmp_signed(">=", n, hload(b, d, CAP))
            with b.if_then(full, likely=False):
                used = hload(b, d, USED)
                _grow(fl, table, d, b.add(b.mul(used, I64(2)), I64(1)))
                slot_var.set(b.extract_value(b.call(table.find(), [d, key, h]), 0))
            n = hload(b, d, N)
            index = hload(b, d, INDEX)
            # one store of the whole entry: the header's fields are not reloaded between its parts
            made = ll.Constant(table.entry, None)
            for f, v in ((HASH, h), (KEY, key), (VALUE, value), (LIVE, I8(1))):
                if f in (KEY, VALUE) or stores_hash(table.key):
                    made = b.insert_value(made, v, entry_index(table.key, f))
            if table.key == T.STRV:
                from fastext.compiler.lower.strkeys import utf8_of
                text = b.call(utf8_of(b.module), [key])
                made = b.insert_value(made, b.extract_value(text, 0), TEXT)
                made = b.insert_value(made, b.extract_value(text, 1), TEXT + 1)
            tstore(b, made, b.gep(table.entries(b, d), [n]))
            tstore(b, b.trunc(n, I32), b.gep(index, [slot_var.get()]))
            hstore(b, b.add(n, I64(1)), d, N)
            hstore(b, b.add(hload(b, d, USED), I64(1)), d, USED)


def remove(fl, table: Table, d, entry, slot) -> None:
    """The entry found at `slot` removed (its slot DELETED, the entry dead)."""
    b = fl.b
    if stores_hash(table.key):      # integer keys: dead once the index no longer names it
        b.store(I8(0), table.entry_field(b, d, entry, LIVE))
    b.store(I32(DELETED), b.gep(hload(b, d, INDEX), [slot]))
    hstore(b, b.sub(hload(b, d, USED), I64(1)), d, USED)


def lower_dict(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """Lower one `dict.*` / `set.*` operation (ops/dicts.py)."""
    return _LOWER[e.name.partition(".")[2]](fl, e, args)


def _new(fl, e, args):
    d = new(fl, e.type)
    _fill(fl, _table(fl, e.type), e.type, d, args)
    return d


def _fill(fl, table: Table, t: T.Type, d, args) -> None:
    """A display's items (a set's) or key, value pairs (a dict's) stored in order."""
    if isinstance(t, T.Set):
        for k in args:
            store(fl, table, d, k, I1(0), replace=False)
    else:
        for k, v in zip(args[0::2], args[1::2]):
            store(fl, table, d, k, v)


def _container(e: ir.Intrinsic) -> T.Type:
    return e.args[0].type


def _setitem(fl, e, args):
    d, key = args[0], args[1]
    value = args[2] if len(args) > 2 else I1(0)
    store(fl, _table(fl, _container(e)), d, key, value, replace=len(args) > 2)
    return I1(0)


def _key_error(fl, table: Table, missing: ll.Value, key: ll.Value) -> None:
    """KeyError(key) when `missing` holds: the key itself as the argument, as Python's dict raises."""
    b = fl.b
    if isinstance(table.key, T.Scalar) and table.key.is_int:
        wide = key if table.key.bits == 64 else b.sext(key, I64) if table.key.signed else b.zext(key, I64)
        fl.fail_if(missing, "KeyError", KEY_ARG, (wide,))
    elif table.key == T.STRV:
        from fastext.compiler.lower.str_items import key_error
        key_error(fl, missing, key)
    else:
        fl.fail_if(missing, "KeyError", None)


def _getitem(fl, e, args):
    """`d[k]` (KeyError), `d.get(k, default)`, `d.setdefault(k, default)`, `d.pop(k[, default])`."""
    b = fl.b
    kind = e.attrs.get("kind", "get")
    d, key = args[0], args[1]
    table = _table(fl, _container(e))
    _, slot, entry = lookup(fl, table, d, key)
    missing = b.icmp_signed("<", entry, I64(0))
    if kind == "default":       # a defaultdict's d[k]: a missing key gets the default, made only then
        result = Var(b, value_type(table.value), ll.Constant(value_type(table.value), None))
        with b.if_else(missing) as (absent, present):
            with absent:
                made = _default_value(fl, table.value)
                store(fl, table, d, key, made)
                result.set(made)
            with present:
                result.set(b.load(table.entry_field(b, d, entry, VALUE)))
        return result.get()
    if len(args) == 2:
        _key_error(fl, table, missing, key)
        value = b.load(table.entry_field(b, d, entry, VALUE))
        if kind == "pop":
            remove(fl, table, d, entry, slot)
        return value
    result = Var(b, value_type(table.value), args[2])
    with b.if_else(missing) as (absent, present):
        with absent:
            if kind == "setdefault":
                store(fl, table, d, key, args[2])
        with present:
            result.set(b.load(table.entry_field(b, d, entry, VALUE)))
            if kind == "pop":
                remove(fl, table, d, entry, slot)
    return result.get()


def _default_value(fl, t: T.Type) -> ll.Value:
    """What a defaultdict's factory makes: zero of a number type, a new empty list or set."""
    if isinstance(t, T.List):
        from fastext.compiler.lower import lists
        return lists.new(fl, t.item, I64(0))
    if isinstance(t, T.Set):
        return new(fl, t)
    return ll.Constant(value_type(t), None)


def _contains(fl, e, args):
    d, key = args
    _, _, entry = lookup(fl, _table(fl, _container(e)), d, key)
    return fl.b.icmp_signed(">=", entry, I64(0))


def _delitem(fl, e, args):
    """`del d[k]`, `s.remove(x)` (KeyError when absent), `s.discard(x)` (nothing then)."""
    b = fl.b
    d, key = args
    table = _table(fl, _container(e))
    _, slot, entry = lookup(fl, table, d, key)
    missing = b.icmp_signed("<", entry, I64(0))
    if e.attrs.get("kind") == "discard":
        with b.if_then(b.not_(missing)):
            remove(fl, table, d, entry, slot)
        return I1(0)
    _key_error(fl, table, missing, key)
    remove(fl, table, d, entry, slot)
    return I1(0)


def _len(fl, e, args):
    return fl.b.load(Table.field(fl.b, args[0], USED))


def _slots(fl, e, args):
    """The number of entries ever made (dead ones included): what iteration walks."""
    return fl.b.load(Table.field(fl.b, args[0], N))


def _compact(fl, e, args):
    """Before a loop over the entries: dead entries squeezed out, so entry k is the k-th key."""
    b = fl.b
    d = args[0]
    with b.if_then(b.icmp_signed("!=", hload(b, d, USED), hload(b, d, N)), likely=False):
        _grow(fl, _table(fl, _container(e)), d, hload(b, d, CAP))
    return I1(0)


def _entry(fl, e, args, f: int):
    """Field `f` of entry k during a loop; RuntimeError as Python's when the dict changed size."""
    b = fl.b
    d, k = args[0], args[1]
    table = _table(fl, _container(e))
    what = "dictionary" if isinstance(_container(e), T.Dict) else "Set"
    changed = b.icmp_signed("!=", hload(b, d, USED), args[2])
    fl.fail_if(changed, "RuntimeError", f"{what} changed size during iteration")
    if e.attrs.get("check_only"):
        return ll.Constant(value_type(e.type), None)
    return b.load(table.entry_field(b, d, k, f))


def _entry_key(fl, e, args):
    return _entry(fl, e, args, KEY)


def _entry_value(fl, e, args):
    return _entry(fl, e, args, VALUE)


def _clear(fl, e, args):
    fl.b.call(_table(fl, _container(e)).reset(), [args[0]])
    return I1(0)


def _copy(fl, e, args):
    """`d.copy()`, `dict(d)`, `set(s)`: the live entries inserted in order into a new table."""
    b = fl.b
    src = args[0]
    table = _table(fl, e.type)
    d = new(fl, e.type)
    count = hload(b, src, USED)
    with b.if_then(b.icmp_signed(">", count, I64(MIN_CAP))):
        _grow(fl, table, d, count)      # sized once, not grown step by step

    def one(k):
        with b.if_then(is_live(b, fl.ctx.module, table.key, table.value, src, k)):
            store(fl, table, d, b.load(table.entry_field(b, src, k, KEY)), b.load(table.entry_field(b, src, k, VALUE)))
    for_range(b, I64(0), hload(b, src, N), one)
    return d


_LOWER = {
    "new": _new, "setitem": _setitem, "getitem": _getitem, "contains": _contains, "delitem": _delitem,
    "plain": lambda fl, e, args: args[0],
    "len": _len, "slots": _slots, "compact": _compact, "key": _entry_key, "value": _entry_value, "clear": _clear,
    "copy": _copy,
}


class _Entry:
    """Just what `new` and `store` use of a FunctionLowering, for the entry point's own helpers:
    a failed check returns `failure` from the helper being emitted."""

    def __init__(self, ctx, b: ll.IRBuilder, err: ll.Value, failure: ll.Value):
        self.ctx, self.b, self.err, self.failure = ctx, b, err, failure

    def fail_if(self, cond, exc, fmt, args=(), deferrable=False):
        from fastext.compiler.lower.context import fill_error
        with self.b.if_then(cond, likely=False):
            fill_error(self.b, self.err, self.ctx, exc, fmt, args)
            self.b.ret(self.failure)

    def py_fail_if(self, cond):
        """A Python exception is set (a str key's hash failed): return 2, the exception kept."""
        with self.b.if_then(cond, likely=False):
            self.b.ret(ll.Constant(self.failure.type, 2 if isinstance(self.failure.type, ll.IntType) else None))


def table_functions(ctx, t: T.Type) -> tuple[ll.Function, ll.Function]:
    """`i8* fx$dict.make.<t>(err)` (NULL when memory ran out) and `i32 fx$dict.put.<t>(err, d,
    key, value)` (1 then): the entry point builds a dict or set argument with them."""
    key, value = key_value(t)
    suffix = _suffix(key, value)
    make, b = internal_function(ctx.module, f"fx$dict.make.{suffix}", I8P, [ERRP])
    if b is not None:
        shim = _Entry(ctx, b, make.args[0], NULL)
        b.ret(new(shim, t))
    put, b = internal_function(ctx.module, f"fx$dict.put.{suffix}", I32,
                               [ERRP, I8P, value_type(key), value_type(value)])
    if b is not None:
        err, d, k, v = put.args
        shim = _Entry(ctx, b, err, I32(1))
        store(shim, Table(ctx, key, value), d, k, v)
        b.ret(I32(0))
    return make, put


# ------------------------------------------------------------------------- reused tables
# The ops through which a dict or set named by a variable never reaches another name: the
# container argument.  A loop iterates a compiler temporary holding the table (`$t = d`), never
# the variable itself: `_ITERATE` is allowed on those (lists.loop_aliases: the loop cannot
# outlive the table, the body does not rebind the variable).
_READS = ("setitem", "getitem", "contains", "delitem", "len", "clear", "copy")
_ITERATE = ("compact", "slots", "key", "value")


def confined(fn: ir.Function) -> set[int]:
    """The dict and set variables whose table no other name, container or call can reach: every
    load of one is the container operand of a `_READS` op or the copy a loop over it iterates,
    and every assignment a new table.  Assigning such a variable a new table may empty the one it
    holds instead (`s = set()` or `len(set(...))` in a loop: the table's memory is used again,
    not carved anew each time).  None in functions with prange loops, whose threads would share
    one variable's old table."""
    if any(isinstance(s, ir.ForRange) and s.parallel is not None for s in ir.walk(fn.body)):
        return set()
    from fastext.compiler.lower.lists import loop_aliases
    tables = {id(v) for v in fn.locals if isinstance(v.type, (T.Dict, T.Set))}
    allowed: set[int] = set()
    loads: list[ir.Load] = []
    for e in ir.all_exprs(fn.body):
        if isinstance(e, ir.Load) and id(e.var) in tables:
            loads.append(e)
        elif isinstance(e, ir.Intrinsic) and e.name.startswith("dict.") and e.args:
            op = e.name.partition(".")[2]
            operand = e.args[0]
            while isinstance(operand, ir.StmtExpr):     # `len(set(...))`: the comprehension's table
                operand = operand.result
            if isinstance(operand, ir.Load) and (
                    op in _READS or op in _ITERATE and operand.var.name.startswith("$")):
                allowed.add(id(operand))
    escaping = {id(load.var) for load in loads if id(load) not in allowed}
    allowed |= {id(load) for temp, load in loop_aliases(fn, tables) if temp not in escaping}
    out = tables - {id(load.var) for load in loads if id(load) not in allowed}
    for s in ir.walk(fn.body):     # a variable also given a table from elsewhere may share it
        var = getattr(s, "var", None)
        if var is not None and id(var) in out and not (
                isinstance(s, ir.Assign) and isinstance(s.value, ir.Intrinsic) and s.value.name == "dict.new"):
            out.discard(id(var))
    return out


def assign_reusing(fl, s: ir.Assign) -> None:
    """`s = set()`, `d = {k: v}` for a confined variable: the table it holds emptied and filled
    (a new one the first time).  The items are evaluated first: they may read the old table."""
    b = fl.b
    e: ir.Intrinsic = s.value
    args = [fl.expr(a) for a in e.args]
    target = fl.slots[id(s.var)]
    old = b.load(target)
    table = _table(fl, e.type)
    with b.if_else(b.icmp_unsigned("!=", old, NULL)) as (into, fresh):
        with into:
            b.call(table.reset(), [old])
            _fill(fl, table, e.type, old, args)
        with fresh:
            b.store(_new(fl, e, args), target)
