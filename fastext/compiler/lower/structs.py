"""Struct items of structured arrays (`Vec[:]`): packed in memory, literal structs as values.

An array item is NumPy's packed layout (`memory_type`: a packed LLVM struct, bools as
bytes), loaded and stored with alignment 1; as a value it is the struct's literal type
(bools as i1).  These convert between the two, field by field.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import types as T
from fastext.compiler.lower.context import I8, memory_type, record_type


def from_memory(b: ll.IRBuilder, item: ll.Value, t: T.Struct) -> ll.Value:
    """The fields of a packed array item as a literal struct (a mutable struct's record contents)."""
    out = ll.Constant(record_type(t), ll.Undefined)
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


# ----------------------------------------------------------------------------- mutable structs
# A `@struct(mutable=True)` value is a pointer to a record (`record_type`: the fields' literal
# struct) in the call's arena, so every name, list item and callee holding it sees the same
# fields, as Python's references to one object do; the arena keeps it alive until the call ends.

def new_record(fl, fields: ll.Value, t: T.Struct) -> ll.Value:
    """A new record in the arena holding the literal struct `fields`; its typed pointer."""
    from fastext.compiler.lower.alloc import small_alloc
    from fastext.compiler.lower.lists import size_of
    rt = record_type(t)
    # carved from the arena's current chunk (a bump and an atomic add), as list headers are
    raw = fl.b.call(small_alloc(fl.ctx), [fl.err, size_of(rt)])
    fl.fail_if(fl.b.icmp_unsigned("==", raw, ll.Constant(raw.type, None)), "MemoryError", None)
    ptr = fl.b.bitcast(raw, rt.as_pointer())
    fl.b.store(fields, ptr)
    return ptr


def field_ptr(b: ll.IRBuilder, record: ll.Value, k: int) -> ll.Value:
    """The address of field `k` of a record."""
    return b.gep(record, [ll.Constant(ll.IntType(32), 0), ll.Constant(ll.IntType(32), k)])


def copy_in(fl, fields: ll.Value, t: T.Struct) -> ll.Value:
    """A mutable struct from its fields' literal struct (an array item, an argument): a new record."""
    return new_record(fl, fields, t)


def copy_out(b: ll.IRBuilder, record: ll.Value) -> ll.Value:
    """The fields of a record, as a literal struct (stored by value into an array item)."""
    return b.load(record)


def lower_same(fl, e, args: list[ll.Value]) -> ll.Value:
    """`record.same`: two references to one record (Python's `is`, and `==` without `__eq__`)."""
    a, b = args
    return fl.b.icmp_unsigned("==", a, b)


def lower_none(fl, e, args: list[ll.Value]) -> ll.Value:
    """`record.none`: no record (None), a null pointer of the class's reference type."""
    from fastext.compiler.lower.context import value_type
    t = value_type(e.type) if isinstance(e.type, T.Struct) else ll.IntType(8).as_pointer()
    return ll.Constant(t, None)


def lower_is_none(fl, e, args: list[ll.Value]) -> ll.Value:
    (a,) = args
    return fl.b.icmp_unsigned("==", a, ll.Constant(a.type, None))


def checked_record(fl, record: ll.Value, t: T.Struct, field: str) -> ll.Value:
    """`record`, after raising AttributeError when it is None (a class's reference may be)."""
    if t.plain:
        fl.fail_if(fl.b.icmp_unsigned("==", record, ll.Constant(record.type, None)), "AttributeError",
                   f"'NoneType' object has no attribute '{field}'")
    return record


def as_slot(b: ll.IRBuilder, value: ll.Value, slot_type: ll.Type) -> ll.Value:
    """A value stored into a field of another LLVM type: a class reference into an untyped
    pointer field (`types.ClassRef`), or back."""
    return value if value.type == slot_type else b.bitcast(value, slot_type)
