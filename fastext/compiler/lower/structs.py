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

# A record of a class with a base or subclasses (`Struct.cid`) has one word in front of its
# fields: the id of the class that built it, which dispatch and isinstance read
# (frontend/inherit.py).  The fields stay where they are, so a base's fields sit at the same
# offsets in a subclass's record and a reference converts by a pointer cast.
CLASS_HEADER = 8


def new_record(fl, fields: ll.Value, t: T.Struct) -> ll.Value:
    """A new record in the arena holding the literal struct `fields`; its typed pointer."""
    from fastext.compiler.lower.alloc import small_alloc
    from fastext.compiler.lower.lists import size_of
    rt = record_type(t)
    header = CLASS_HEADER if t.plain and t.cid else 0
    # carved from the arena's current chunk (a bump and an atomic add), as list headers are
    size = size_of(rt) if not header else fl.b.add(size_of(rt), ll.Constant(ll.IntType(64), header))
    raw = fl.b.call(small_alloc(fl.ctx), [fl.err, size])
    fl.fail_if(fl.b.icmp_unsigned("==", raw, ll.Constant(raw.type, None)), "MemoryError", None)
    if header:       # the class id in front of the fields (a class with a base or subclasses)
        fl.b.store(ll.Constant(ll.IntType(64), t.cid), fl.b.bitcast(raw, ll.IntType(64).as_pointer()))
        raw = fl.b.gep(raw, [ll.Constant(ll.IntType(64), header)])
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


def class_id(fl, record: ll.Value) -> ll.Value:
    """The class id in a (non-None) record's header."""
    raw = fl.b.bitcast(record, ll.IntType(8).as_pointer())
    word = fl.b.gep(raw, [ll.Constant(ll.IntType(64), -CLASS_HEADER)])
    return fl.b.load(fl.b.bitcast(word, ll.IntType(64).as_pointer()))


def _one_of(fl, cid: ll.Value, cids) -> ll.Value:
    hit = ll.Constant(ll.IntType(1), 0)
    for k in cids:
        hit = fl.b.or_(hit, fl.b.icmp_unsigned("==", cid, ll.Constant(ll.IntType(64), k)))
    return hit


def lower_cast(fl, e, args: list[ll.Value]) -> ll.Value:
    """`record.cast`: the same record as a reference of another class of its hierarchy."""
    from fastext.compiler.lower.context import value_type
    (a,) = args
    t = value_type(e.type)
    return a if a.type == t else fl.b.bitcast(a, t)


def lower_isa(fl, e, args: list[ll.Value]) -> ll.Value:
    """`record.isa`: not None, and built by one of the classes `cids` (isinstance)."""
    (a,) = args
    b = fl.b
    present = b.icmp_unsigned("!=", a, ll.Constant(a.type, None))
    before = b.block
    with b.if_then(present):
        hit = _one_of(fl, class_id(fl, a), e.attrs["cids"])
        inside = b.block
    out = b.phi(ll.IntType(1))
    out.add_incoming(ll.Constant(ll.IntType(1), 0), before)
    out.add_incoming(hit, inside)
    return out


def lower_downcast(fl, e, args: list[ll.Value]) -> ll.Value:
    """`record.downcast`: a base reference as one to a subclass (`Sub.m(base_ref)`), TypeError
    when the record is of another class (None passes, as Python passes it)."""
    (a,) = args
    b = fl.b
    present = b.icmp_unsigned("!=", a, ll.Constant(a.type, None))
    before = b.block
    with b.if_then(present):
        wrong = b.not_(_one_of(fl, class_id(fl, a), e.attrs["cids"]))
        inside = b.block
    bad = b.phi(ll.IntType(1))
    bad.add_incoming(ll.Constant(ll.IntType(1), 0), before)
    bad.add_incoming(wrong, inside)
    fl.fail_if(bad, "TypeError", f"the instance is not a '{e.attrs['class']}'")
    return lower_cast(fl, e, args)


def lower_classconst(fl, e, args: list[ll.Value]) -> ll.Value:
    """`record.classconst`: a class constant that subclasses override, chosen by the record's
    class id (AttributeError for None, as Python raises)."""
    from fastext.compiler.lower.context import value_type
    (a,) = args
    fl.fail_if(fl.b.icmp_unsigned("==", a, ll.Constant(a.type, None)), "AttributeError",
               f"'NoneType' object has no attribute '{e.attrs['attr']}'")
    cid = class_id(fl, a)
    t = value_type(e.type)
    table = e.attrs["table"]
    out = ll.Constant(t, table[-1][1])
    for k, v in table[:-1]:
        out = fl.b.select(fl.b.icmp_unsigned("==", cid, ll.Constant(ll.IntType(64), k)), ll.Constant(t, v), out)
    return out
