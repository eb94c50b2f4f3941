"""Native str builders: a loop that grows a str local only by `s += ...` writes UTF-8 bytes.

CPython grows such a str in place (one `realloc` per `+=`), but every piece is still an object:
`s += str(n) + c` makes the digits' str, the character's str and their sum before it appends.
Here, for the duration of the loop, the local has a byte buffer beside it (data, length and
capacity in the frame, grown by doubling): each `+=` writes its pieces straight into it --
an int's decimal digits, a character's UTF-8 encoding, an ASCII literal's bytes, any other str
value's UTF-8 (PyUnicode_AsUTF8AndSize: for an ASCII str, its own characters) -- and where the
loop ends the bytes are decoded once and appended to the local's str (PyUnicode_Append, in
place).  The variable's slot keeps the str made so far, so the reference rules are unchanged.

A loop qualifies for a local when, in the loop (its condition, body and `else`), the local is
read only as the left operand of its own `s = s + t` / `s += t` and assigned nowhere else, the
loop leaves only to its own end (no labelled `break`/`continue` past it), and the function has
no `try` statement (an exception raised in the loop leaves the function, so the bytes not yet
decoded are never seen).  A return inside the loop cannot read the local either.  The buffer
is freed when the function returns, normally or with an error (`release_objects`).
Code points of lone surrogates are written as UTF-8 would write them and decoded with
"surrogatepass"; a str piece holding one (it has no UTF-8 form) is appended as an object after
the pending bytes.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.lower.context import I1, I64, I8, I8P
from fastext.compiler.lower.ircontrol import Var, do_while, internal_function

NULL = ll.Constant(I8P, None)
_DIGITS = 24          # "-9223372036854775808" and room to spare


class Builder:
    """The frame slots of one local's buffer."""

    def __init__(self, fl):
        self.data = fl.entry_alloca(I8P)
        self.length = fl.entry_alloca(I64)
        self.cap = fl.entry_alloca(I64)
        # null until a loop uses it; made before any code, so that every exit frees it
        b = fl.b
        with b.goto_entry_block():
            b.position_after(self.data)       # (entry_alloca puts each new slot first)
            b.store(NULL, self.data)
            b.store(I64(0), self.cap)
            b.store(I64(0), self.length)


def plan(fl) -> None:
    """At entry, once the object variables are known: the loops that get builders, and the
    buffers' slots (every return the function emits after this frees them)."""
    fl.str_loops, fl.str_builders, fl.active_builders = {}, {}, {}
    if fl.fn.target != "cpu":
        return
    if any(isinstance(e, ir.ObjCall) and native_join(e) for e in ir.all_exprs(fl.fn.body)):
        fl.str_builders["join"] = Builder(fl)      # one buffer, reused by every join of the call
    from fastext.compiler.lower.text import appends_in_place
    if not fl.obj_vars or not any(isinstance(t, ir.Assign) and appends_in_place(t) for t in ir.walk(fl.fn.body)):
        return       # (most functions: no loop is scanned)
    for s in ir.walk(fl.fn.body):
        if isinstance(s, (ir.While, ir.ForRange)):
            chosen = _qualifying(fl, s)
            if chosen:
                fl.str_loops[id(s)] = chosen
                for var in chosen:
                    if id(var) not in fl.str_builders:
                        fl.str_builders[id(var)] = Builder(fl)


def lower_loop(fl, s, lower) -> None:
    """Lower the loop `s` with `lower(s)`, with builders for the str locals that qualify (not
    those a loop around it builds already)."""
    active = getattr(fl, "active_builders", {})
    chosen = [v for v in getattr(fl, "str_loops", {}).get(id(s), ()) if id(v) not in active]
    if not chosen:
        return lower(s)
    for var in chosen:
        fl.b.store(I64(0), fl.str_builders[id(var)].length)
        active[id(var)] = fl.str_builders[id(var)]
    try:
        lower(s)
    finally:
        for var in chosen:
            del active[id(var)]
    if not fl.b.block.is_terminated:
        for var in chosen:
            flush(fl, fl.slots[id(var)], fl.str_builders[id(var)])


def release(fl) -> None:
    """At a return: free the buffers (null where no loop has used them yet)."""
    for bld in getattr(fl, "str_builders", {}).values():
        fl.b.call(fl.ctx.intrinsic("free", ll.VoidType(), [I8P]), [fl.b.load(bld.data)])


def _qualifying(fl, s) -> list[ir.Var]:
    if getattr(s, "parallel", None) is not None:
        return []
    has_try = fl.__dict__.get("_has_try")
    if has_try is None:
        has_try = fl._has_try = any(isinstance(t, ir.Try) for t in ir.walk(fl.fn.body))
    if has_try:
        return []
    from fastext.compiler.lower.text import appends_in_place
    stmts = s.body + s.orelse
    labels = {s.label} if isinstance(s, ir.ForRange) and s.label else set()
    labels |= {t.label for t in ir.walk(stmts) if isinstance(t, ir.ForRange) and t.label}
    appends: dict[int, list] = {}
    spoiled: set[int] = set()
    for t in ir.walk(stmts):
        if isinstance(t, (ir.Break, ir.Continue)) and t.label is not None and t.label not in labels:
            return []
        if isinstance(t, ir.Assign) and t.var.type == T.STRV:
            if appends_in_place(t) and not _reads(t.value.args[1], t.var):
                appends.setdefault(id(t.var), [t.var, 0])[1] += 1
            else:
                spoiled.add(id(t.var))
        else:
            for value in vars(t).values():
                for v in value if isinstance(value, list) else [value]:
                    if isinstance(v, ir.Var):
                        spoiled.add(id(v))
    if not appends:
        return []
    reads: dict[int, int] = {}
    exprs = list(ir.all_exprs(stmts))
    if isinstance(s, ir.While):
        cond = list(ir.walk_exprs(s.cond))
        if any(isinstance(e, ir.StmtExpr) for e in cond):
            return []       # (statements in the condition: not counted here)
        exprs += cond
    for e in exprs:
        if isinstance(e, ir.Load):
            reads[id(e.var)] = reads.get(id(e.var), 0) + 1
    return [var for key, (var, n) in appends.items()
            if key not in spoiled and reads.get(key, 0) == n
            and any(v is var for v in fl.obj_vars)]


def _reads(e: ir.Expr, var: ir.Var) -> bool:
    return any(isinstance(x, ir.Load) and x.var is var for x in ir.walk_exprs(e))


# ------------------------------------------------------------------------------ appending
def append(fl, s: ir.Assign) -> None:
    """`s += t` with a builder: the pieces of `t`, in order, written to the buffer."""
    bld = fl.active_builders[id(s.var)]
    for piece in _pieces(s.value.args[1]):
        _put(fl, s.var, bld, piece)


def _pieces(e: ir.Expr) -> list[ir.Expr]:
    """The operands of a `+` chain and of an f-string, left to right."""
    if isinstance(e, ir.Intrinsic) and e.type == T.STRV and (
            e.name == "text.add" or e.name == "text.concat" and all(a.type == T.STRV for a in e.args)):
        return [p for a in e.args for p in _pieces(a)]
    return [e]


def _put(fl, var: ir.Var, bld: Builder, piece: ir.Expr) -> None:
    b, api = fl.b, fl.api
    if isinstance(piece, ir.ObjConst) and isinstance(piece.text, str) and piece.text.isascii():
        if piece.text:
            _bytes(fl, bld, fl.ctx.cstring(piece.text), I64(len(piece.text)))
        return
    if isinstance(piece, ir.ObjBox) and isinstance(piece.value.type, T.Char):
        return _char(fl, bld, fl.expr(piece.value))
    if isinstance(piece, ir.Intrinsic) and piece.name == "text.str" and len(piece.args) == 1 \
            and isinstance(piece.args[0], ir.ObjBox) and _int_like(piece.args[0].value.type):
        v = fl.expr(piece.args[0].value)
        t = piece.args[0].value.type
        if v.type != I64:
            v = b.sext(v, I64) if t.kind == "int" else b.zext(v, I64)
        scratch = _scratch(fl)
        start = b.call(_digits_fn(fl), [scratch, v])
        _bytes(fl, bld, b.gep(scratch, [start]), b.sub(I64(_DIGITS), start))
        return
    obj = fl.use(piece)
    size = fl.entry_alloca(I64)
    text = api.call(b, "PyUnicode_AsUTF8AndSize", obj, size)
    with b.if_else(b.icmp_unsigned("==", text, NULL), likely=False) as (no_utf8, utf8):
        with no_utf8:
            # a lone surrogate has no UTF-8: the bytes so far, then this str as an object
            api.call(b, "PyErr_Clear")
            slot = fl.slots[id(var)]
            flush(fl, slot, bld)
            api.call(b, "PyUnicode_Append", slot, obj)
            fl.fail_if_null(b.load(slot))
        with utf8:
            _bytes(fl, bld, text, b.load(size))
    fl.drop(obj, piece)


def _int_like(t) -> bool:
    return isinstance(t, T.Scalar) and (t.kind == "int" or t.kind == "uint" and t.bits < 64)


def _reserve(fl, bld: Builder, n: ll.Value) -> ll.Value:
    """Room for `n` more bytes; the address to write them at."""
    b = fl.b
    length = b.load(bld.length)
    need = b.add(length, n)
    with b.if_then(b.icmp_unsigned(">", need, b.load(bld.cap)), likely=False):
        # (by value, not through the slots: they stay registers in the loop)
        grown = b.call(_grow_fn(fl), [b.load(bld.data), b.load(bld.cap), need])
        data = b.extract_value(grown, 0)
        fl.fail_if_null(data)          # (MemoryError set; the old block is still freed at return)
        b.store(data, bld.data)
        b.store(b.extract_value(grown, 1), bld.cap)
    b.store(need, bld.length)
    return b.gep(b.load(bld.data), [length])


def _bytes(fl, bld: Builder, src: ll.Value, n: ll.Value) -> None:
    at = _reserve(fl, bld, n)
    fl.b.call(fl.ctx.intrinsic("memcpy", I8P, [I8P, I8P, I64]), [at, src, n])


def _char(fl, bld: Builder, cp: ll.Value) -> None:
    """One code point as UTF-8 (1 to 4 bytes; surrogates as "surrogatepass" writes them)."""
    b = fl.b
    cp = b.zext(cp, I64) if cp.type != I64 else cp
    ascii_ = b.icmp_unsigned("<", cp, I64(0x80))
    with b.if_else(ascii_, likely=True) as (one, more):
        with one:
            b.store(b.trunc(cp, I8), _reserve(fl, bld, I64(1)))
        with more:
            scratch = _scratch(fl)
            _bytes(fl, bld, scratch, b.call(_utf8_fn(fl), [scratch, cp]))


def flush(fl, slot: ll.Value, bld: Builder) -> None:
    """The pending bytes decoded and appended to the str in `slot` (in place when it owns it)."""
    b, api = fl.b, fl.api
    length = b.load(bld.length)
    with b.if_then(b.icmp_unsigned("!=", length, I64(0))):
        piece = api.call(b, "PyUnicode_DecodeUTF8", b.load(bld.data), length, fl.ctx.cstring("surrogatepass"))
        fl.fail_if_null(piece)
        b.store(I64(0), bld.length)
        fl.obj_temps.append(piece)
        api.call(b, "PyUnicode_Append", slot, piece)
        fl.drop(piece, None)
        fl.fail_if_null(b.load(slot))


# ------------------------------------------------------------------------------ "".join
def native_join(e: ir.ObjCall) -> bool:
    """`sep.join(xs)` of an ASCII literal separator and a native list of str values."""
    return (e.method == "join" and not e.kwnames and len(e.args) == 1
            and isinstance(e.value, ir.ObjConst) and isinstance(e.value.text, str) and e.value.text.isascii()
            and isinstance(e.args[0], ir.ObjBox) and isinstance(e.args[0].value.type, T.List)
            and e.args[0].value.type.item == T.STRV and not e.args[0].value.type.deque)


def join(fl, e: ir.ObjCall) -> ll.Value:
    """`sep.join(xs)` without boxing the list: the items' UTF-8 (for ASCII text, their own
    characters) copied into the function's join buffer, decoded once.  An item with a lone
    surrogate (no UTF-8) makes it box the list and call PyUnicode_Join, as before."""
    from fastext.compiler.lower.container_objects import to_object
    from fastext.compiler.lower.ircontrol import for_range
    from fastext.compiler.lower.lists import LEN, hload, iload
    b, api = fl.b, fl.api
    bld = fl.str_builders["join"]
    sep = e.value.text
    t = e.args[0].value.type
    lst = fl.expr(e.args[0].value)
    b.store(I64(0), bld.length)
    n = hload(fl, lst, LEN)
    no_utf8 = Var(b, I1, I1(0))
    size = fl.entry_alloca(I64)

    def item(k):
        with b.if_then(b.not_(no_utf8.get())):
            if sep:
                with b.if_then(b.icmp_signed(">", k, I64(0))):
                    _bytes(fl, bld, fl.ctx.cstring(sep), I64(len(sep)))
            text = api.call(b, "PyUnicode_AsUTF8AndSize", iload(fl, lst, T.STRV, k), size)
            with b.if_else(b.icmp_unsigned("==", text, NULL), likely=False) as (fails, fine):
                with fails:
                    api.call(b, "PyErr_Clear")
                    no_utf8.set(I1(1))
                with fine:
                    _bytes(fl, bld, text, b.load(size))
    for_range(b, I64(0), n, item, name="join")
    result = Var(b, I8P, NULL)
    with b.if_else(no_utf8.get(), likely=False) as (boxed, decoded):
        with boxed:
            items = to_object(api, b, lst, t)
            with b.if_then(b.icmp_unsigned("!=", items, NULL)):
                glue = api.call(b, "PyUnicode_FromStringAndSize", fl.ctx.cstring(sep), I64(len(sep)))
                with b.if_then(b.icmp_unsigned("!=", glue, NULL)):
                    result.set(api.call(b, "PyUnicode_Join", glue, items))
                    api.call(b, "Py_DecRef", glue)
                api.call(b, "Py_DecRef", items)
        with decoded:
            result.set(api.call(b, "PyUnicode_DecodeUTF8", b.load(bld.data), b.load(bld.length),
                                fl.ctx.cstring("surrogatepass")))
    r = result.get()
    fl.fail_if_null(r)
    return r


# ------------------------------------------------------------------------------ helpers
def _scratch(fl) -> ll.Value:
    """The function's frame buffer for one piece's bytes (digits, a character's UTF-8)."""
    if getattr(fl, "str_scratch", None) is None:
        fl.str_scratch = fl.entry_alloca(ll.ArrayType(I8, _DIGITS))
    return fl.b.bitcast(fl.str_scratch, I8P)      # (here: the entry's alloca dominates every use)


def _grow_fn(fl) -> ll.Function:
    """grow(data, cap, need) -> {data, cap}: the block reallocated to twice the capacity (at
    least `need`, at least 64); a null data with MemoryError set when realloc fails."""
    pair = ll.LiteralStructType([I8P, I64])
    fn, b = internal_function(fl.ctx.module, "fx$strbuf.grow", pair, [I8P, I64, I64])
    if b is not None:
        fn.attributes.add("noinline")
        fn.attributes.add("cold")
        data, cap, need = fn.args
        doubled = b.mul(cap, I64(2))
        size = b.select(b.icmp_unsigned(">", doubled, need), doubled, need)
        size = b.select(b.icmp_unsigned("<", size, I64(64)), I64(64), size)
        grown = b.call(fl.ctx.intrinsic("realloc", I8P, [I8P, I64]), [data, size])
        with b.if_then(b.icmp_unsigned("==", grown, NULL), likely=False):
            fl.api.call(b, "PyErr_NoMemory")
        result = b.insert_value(ll.Constant(pair, ll.Undefined), grown, 0)
        b.ret(b.insert_value(result, size, 1))
    return fn


def _digits_fn(fl) -> ll.Function:
    """digits(buf, v) -> start: str(v) of the i64 `v` written backwards to end at buf[_DIGITS]."""
    fn, b = internal_function(fl.ctx.module, "fx$strbuf.digits", I64, [I8P, I64])
    if b is not None:
        buf, v = fn.args
        negative = b.icmp_signed("<", v, I64(0))
        u = Var(b, I64, b.select(negative, b.sub(I64(0), v), v))     # |INT64_MIN| read unsigned
        pos = Var(b, I64, I64(_DIGITS))

        def put(ch):
            pos.set(b.sub(pos.get(), I64(1)))
            b.store(ch, b.gep(buf, [pos.get()]))

        def digit():
            put(b.add(b.trunc(b.urem(u.get(), I64(10)), I8), I8(ord("0"))))
            u.set(b.udiv(u.get(), I64(10)))
        do_while(b, digit, lambda: b.icmp_unsigned("!=", u.get(), I64(0)), name="digits")
        with b.if_then(negative):
            put(I8(ord("-")))
        b.ret(pos.get())
    return fn


def _utf8_fn(fl) -> ll.Function:
    """utf8(buf, cp) -> n: a code point of 0x80 or more as its 2 to 4 UTF-8 bytes at buf."""
    fn, b = internal_function(fl.ctx.module, "fx$strbuf.utf8", I64, [I8P, I64])
    if b is not None:
        at, cp = fn.args

        def byte(k, value):
            b.store(b.trunc(value, I8), b.gep(at, [I64(k)]))

        def cont(shift):    # a continuation byte: 10xxxxxx of the bits from `shift` up
            return b.or_(b.and_(b.lshr(cp, I64(shift)), I64(0x3F)), I64(0x80))
        with b.if_then(b.icmp_unsigned("<", cp, I64(0x800))):
            byte(0, b.or_(b.lshr(cp, I64(6)), I64(0xC0)))
            byte(1, cont(0))
            b.ret(I64(2))
        with b.if_then(b.icmp_unsigned("<", cp, I64(0x10000))):
            byte(0, b.or_(b.lshr(cp, I64(12)), I64(0xE0)))
            byte(1, cont(6))
            byte(2, cont(0))
            b.ret(I64(3))
        byte(0, b.or_(b.lshr(cp, I64(18)), I64(0xF0)))
        byte(1, cont(12))
        byte(2, cont(6))
        byte(3, cont(0))
        b.ret(I64(4))
    return fn


__all__ = ["lower_loop", "append", "flush", "release", "plan", "join", "native_join"]
