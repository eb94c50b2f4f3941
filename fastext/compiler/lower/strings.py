"""Characters of `str` parameters (the `str.*` and `char.*` intrinsics).

A str view (`context.STR_VIEW`) holds the characters either as the ASCII text itself (1 byte
each, read in place) or as a UCS-4 copy (4 bytes each) the entry point made for any other
text; an item load branches on that width, which LLVM hoists out of loops.  Characters are
their code points (i32).
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler.lower.context import I32, I64


def lower_string(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    b = fl.b
    if e.name == "str.len":
        return b.extract_value(args[0], 1)
    if e.name == "char.code":
        return args[0]
    if e.name == "char.ord":
        return b.zext(args[0], I64)
    if e.name == "str.item":
        return item(fl, *args)
    if e.name == "str.eq":
        return equals(fl, args[0], [c.value for c in e.args[1:]])
    raise NotImplementedError(e.name)


def equals(fl, view: ll.Value, codes: list[int]) -> ll.Value:
    """s == "literal": the same length, then the same characters (short-circuit)."""
    b = fl.b
    same_len = b.icmp_signed("==", b.extract_value(view, 1), I64(len(codes)))
    if not codes:
        return same_len
    pre = b.block
    body, end = fl.new_block("str.eq.chars"), fl.new_block("str.eq")
    b.cbranch(same_len, body, end)
    b.position_at_end(body)
    result = ll.Constant(ll.IntType(1), 1)
    for k, code in enumerate(codes):
        result = b.and_(result, b.icmp_unsigned("==", load(fl, view, I64(k)), I32(code)))
    body_end = b.block
    b.branch(end)
    b.position_at_end(end)
    phi = b.phi(ll.IntType(1))
    phi.add_incoming(ll.Constant(ll.IntType(1), 0), pre)
    phi.add_incoming(result, body_end)
    return phi


def item(fl, view: ll.Value, idx: ll.Value) -> ll.Value:
    """s[idx]: negative indices count from the end; IndexError (Python's message) outside."""
    n = fl.b.extract_value(view, 1)
    return load(fl, view, fl.wrap_index(idx, n, "IndexError", "string index out of range"))


def load(fl, view: ll.Value, wrapped: ll.Value) -> ll.Value:
    """The character at a valid index, by the view's width."""
    b = fl.b
    data = b.extract_value(view, 0)
    narrow = b.icmp_signed("==", b.extract_value(view, 2), I64(1))
    ascii_bb, wide_bb, done = fl.new_block("str.ascii"), fl.new_block("str.ucs4"), fl.new_block("str.item")
    b.cbranch(narrow, ascii_bb, wide_bb)
    b.position_at_end(ascii_bb)
    byte = b.zext(b.load(b.gep(data, [wrapped])), I32)
    b.branch(done)
    b.position_at_end(wide_bb)
    wide = b.load(b.gep(b.bitcast(data, I32.as_pointer()), [wrapped]), align=4)
    b.branch(done)
    b.position_at_end(done)
    phi = b.phi(I32)
    phi.add_incoming(byte, ascii_bb)
    phi.add_incoming(wide, wide_bb)
    return phi

