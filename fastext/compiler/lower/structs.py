"""Struct items of structured arrays (`Vec[:]`): packed in memory, literal structs as values.

An array item is NumPy's packed layout (`memory_type`: a packed LLVM struct, bools as
bytes), loaded and stored with alignment 1; as a value it is the struct's literal type
(bools as i1).  These convert between the two, field by field.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import types as T
from fastext.compiler.lower.context import I8, memory_type, value_type


def from_memory(b: ll.IRBuilder, item: ll.Value, t: T.Struct) -> ll.Value:
    """The struct value of a packed array item."""
    out = ll.Constant(value_type(t), ll.Undefined)
    for k, (_, ft) in enumerate(t.fields):
        v = b.extract_value(item, k)
        if isinstance(ft, T.Struct):
            v = from_memory(b, v, ft)
        elif ft.is_bool:
            v = b.icmp_unsigned("!=", v, I8(0))
        out = b.insert_value(out, v, k)
    return out


def to_memory(b: ll.IRBuilder, value: ll.Value, t: T.Struct) -> ll.Value:
    """A struct value as a packed array item."""
    out = ll.Constant(memory_type(t), ll.Undefined)
    for k, (_, ft) in enumerate(t.fields):
        v = b.extract_value(value, k)
        if isinstance(ft, T.Struct):
            v = to_memory(b, v, ft)
        elif ft.is_bool:
            v = b.zext(v, I8)
        out = b.insert_value(out, v, k)
    return out
