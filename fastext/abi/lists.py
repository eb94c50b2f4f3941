"""Lists at the boundary: `list[T]` parameters converted from Python lists, list results
boxed into new Python lists (docs/language.md, "Lists").

A parameter's list is a copy in the call's arena (native code reads items without the C API);
so, as with NumPy's conversions, changes the function makes to it are not seen by the caller:
return the list to hand it back.  A result becomes a new `list` of boxed items.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.abi import objects
from fastext.compiler.capi import I32, I64, OBJ
from fastext.compiler import types as T
from fastext.compiler.lower.context import value_type
from fastext.compiler.lower.ircontrol import for_range
from fastext.compiler.lower.lists import CAP, DATA, HEADER, ITEMS_AT, LEN, size_of

NULL = ll.Constant(OBJ, None)


def _new(wb, err: ll.Value, item: T.Type, n: ll.Value) -> ll.Value:
    """A native list of `n` items in the call's arena; on failure MemoryError and the fail path."""
    from fastext.compiler.lower.alloc import small_alloc
    b, api = wb.b, wb.api
    alloc = small_alloc(wb.ctx)
    cap = b.select(b.icmp_signed("<", n, I64(4)), I64(4), n)
    hdr = b.call(alloc, [err, b.add(I64(ITEMS_AT), b.mul(cap, size_of(value_type(item))))])
    buf = b.gep(hdr, [I64(ITEMS_AT)])      # one block, as lower/lists.py: new makes them
    with b.if_then(b.icmp_unsigned("==", hdr, NULL), likely=False):
        api.call(b, "PyErr_NoMemory")
        b.branch(wb.fail_bb)
    h = b.bitcast(hdr, HEADER.as_pointer())
    for k, v in ((LEN, n), (CAP, cap), (DATA, buf)):
        b.store(v, b.gep(h, [I32(0), I32(k)]))
    return hdr


def _new_or_frame(wb, err: ll.Value, item: T.Type, n: ll.Value, room: int) -> ll.Value:
    """`_new`, or for at most `room` items a list in the entry point's frame (laid out as `_new`'s)."""
    b = wb.b
    block = wb.entry_alloca(ll.LiteralStructType([ll.ArrayType(ll.IntType(8), ITEMS_AT),
                                                  ll.ArrayType(value_type(item), room)]))
    block.align = 16
    small, large, done = (wb.llfn.append_basic_block(f"packed.{x}") for x in ("frame", "arena", "done"))
    b.cbranch(b.icmp_signed("<=", n, I64(room)), small, large)
    b.position_at_end(small)
    mine = b.bitcast(block, OBJ)
    h = b.bitcast(mine, HEADER.as_pointer())
    for k, v in ((LEN, n), (CAP, I64(room)), (DATA, b.bitcast(b.gep(block, [I32(0), I32(1), I32(0)]), OBJ))):
        b.store(v, b.gep(h, [I32(0), I32(k)]))
    b.branch(done)
    b.position_at_end(large)
    theirs = _new(wb, err, item, n)
    large_end = b.block
    b.branch(done)
    b.position_at_end(done)
    lst = b.phi(OBJ)
    lst.add_incoming(mine, small)
    lst.add_incoming(theirs, large_end)
    return lst


def _items(wb, lst: ll.Value, item: T.Type) -> ll.Value:
    b = wb.b
    h = b.bitcast(lst, HEADER.as_pointer())
    return b.bitcast(b.load(b.gep(h, [I32(0), I32(DATA)])), value_type(item).as_pointer())


def unbox_list(wb, t: T.List, obj: ll.Value, pname, what, err: ll.Value, name: str = "") -> ll.Value:
    """A `list[T]` argument (a Python list, or a subclass) copied into a native list; `name` is
    the parameter's (its items' messages say `'pairs[][1]'`)."""
    b, api = wb.b, wb.api
    objects.check_type(wb, obj, "PyList_Type", pname, what)
    return unbox_items(wb, t, api.call(b, "PyList_Size", obj), lambda k: api.call(b, "PyList_GetItem", obj, k),
                       pname, err, name)


def unbox_items(wb, t: T.List, n: ll.Value, get, pname, err: ll.Value, name: str = "",
                items: str | None = None, frame: int = 0) -> ll.Value:
    """A native `list[T]` of the `n` objects `get(k)` gives (borrowed references): a list
    argument's items, or the extra positional arguments a `*args` parameter packs; `items` is
    how messages describe them (default "a list of ...").  `frame`: up to that many items go
    into a block of the entry point's frame instead of the call's arena (it lives exactly as
    long as the call; a list that grows moves its items to the arena, as any list does)."""
    b = wb.b
    if not isinstance(t.item, (T.Scalar, T.Tuple, T.Struct, T.List)) and t.item != T.STRV:
        raise NotImplementedError(f"{t} parameters of exported functions")
    lst = _new(wb, err, t.item, n) if not frame else _new_or_frame(wb, err, t.item, n, frame)
    data = _items(wb, lst, t.item)
    item_what = wb.ctx.cstring(items or f"a list of {_describe(t.item)}")

    def one(k):
        got = get(k)
        if isinstance(t.item, T.Scalar):
            value = wb.unbox_scalar(t.item, got, pname, item_what)
        elif t.item == T.STRV:
            value = unbox_text(wb, err, got, pname, item_what)
        elif isinstance(t.item, T.List):     # list[list[f64]]: each row a native list of its own
            value = unbox_list(wb, t.item, got, pname, item_what, err, f"{name}[]")
        else:     # a tuple or struct item: any sequence of its items (abi/structs.py)
            from fastext.abi.structs import unbox_struct, unbox_tuple
            unbox = unbox_tuple if isinstance(t.item, T.Tuple) else unbox_struct
            value = unbox(wb, t.item, got, f"{name}[]")    # messages: 'pairs[][1]'

        b.store(value, b.gep(data, [k]))
    for_range(b, I64(0), n, one)
    return lst


def unbox_text(wb, err: ll.Value, obj: ll.Value, pname, what) -> ll.Value:
    """A str item of an argument (a `str` or subclass, else TypeError), kept alive by the
    call's arena as every stored str item is (lower/kept.py)."""
    from fastext.compiler.lower.kept import keep_function
    b = wb.b
    objects.check_type(wb, obj, "PyUnicode_Type", pname, what)
    rc = b.call(keep_function(wb.ctx), [err, obj])
    with b.if_then(b.icmp_signed("!=", rc, I32(0)), likely=False):
        wb.api.call(b, "PyErr_NoMemory")
        b.branch(wb.fail_bb)
    return obj


def box_item(wb, t: T.Type, v: ll.Value) -> ll.Value:
    """A new reference to the Python value of an item (a str item is the object itself)."""
    if t == T.STRV:
        wb.api.call(wb.b, "Py_IncRef", v)
        return v
    return wb.box(t, v)


def _describe(t: T.Scalar) -> str:
    from fastext.abi.wrapper import describe
    return describe(t)


def box_container(wb, t, c: ll.Value, intflags: ll.Value | None = None) -> ll.Value:
    """A result list, dict or set as a new Python one, with the entry point's boxing of items (arrays owning their blocks,
    structs as their classes); a failure releases the arena and returns NULL.  `intflags`: the
    returned container's int flags (container_objects.python_container)."""
    from fastext.compiler.lower.container_objects import python_container

    def fail():
        wb.release_arena()
        wb.b.ret(NULL)
    return python_container(wb.api, wb.b, c, t, lambda it, v: box_item(wb, it, v), fail, intflags)


def _unbox_key(wb, t: T.Type, obj: ll.Value, pname, what) -> ll.Value:
    """A key or value of a dict or set argument: a number, or a str (the object, borrowed)."""
    if t == T.STRV:
        objects.check_type(wb, obj, "PyUnicode_Type", pname, what)
        return obj
    return wb.unbox_scalar(t, obj, pname, what)


def unbox_table(wb, t, obj: ll.Value, pname, what, err: ll.Value) -> ll.Value:
    """A `dict[K, V]` / `set[K]` argument (a Python dict / set, or a subclass) copied into a native
    table, in the argument's iteration order."""
    b, api = wb.b, wb.api
    from fastext.compiler.lower.dicts import key_value, table_functions
    key_t, value_t = key_value(t)
    is_dict = isinstance(t, T.Dict)
    objects.check_type(wb, obj, "PyDict_Type" if is_dict else "PySet_Type", pname, what)
    make, insert = table_functions(wb.ctx, t)
    table = b.call(make, [err])
    with b.if_then(b.icmp_unsigned("==", table, NULL), likely=False):
        api.call(b, "PyErr_NoMemory")
        b.branch(wb.fail_bb)
    it = api.call(b, "PyObject_GetIter", obj)
    with b.if_then(b.icmp_unsigned("==", it, NULL), likely=False):
        b.branch(wb.fail_bb)
    item_what = wb.ctx.cstring(f"a {'dict' if is_dict else 'set'} of {t.key if is_dict else t.item}"
                               + (f" to {t.value}" if is_dict else ""))
    key_slot = wb.entry_alloca(OBJ)
    b.store(NULL, key_slot)
    # a failing item conversion releases the iterator and the key on its way out
    outer_fail, cleanup = wb.fail_bb, wb.llfn.append_basic_block("table.cleanup")
    wb.fail_bb = cleanup
    head, body, done = (wb.llfn.append_basic_block(f"table.{x}") for x in ("head", "body", "done"))
    b.branch(head)
    b.position_at_end(head)
    key_obj = api.call(b, "PyIter_Next", it)
    b.store(key_obj, key_slot)
    b.cbranch(b.icmp_unsigned("==", key_obj, NULL), done, body)
    b.position_at_end(body)
    key = _unbox_key(wb, key_t, key_obj, pname, item_what)
    if is_dict:
        value_obj = api.call(b, "PyDict_GetItem", obj, key_obj)
        value = _unbox_key(wb, value_t, value_obj, pname, item_what)
    else:
        value = ll.IntType(1)(0)
    rc = b.call(insert, [err, table, key, value])     # str keys and values: kept by the insert
    api.call(b, "Py_DecRef", key_obj)
    b.store(NULL, key_slot)
    with b.if_then(b.icmp_signed("!=", rc, I32(0)), likely=False):
        with b.if_then(b.icmp_signed("==", rc, I32(1))):     # 2: a str key's hash raised
            api.call(b, "PyErr_NoMemory")
        b.branch(cleanup)
    b.branch(head)
    b.position_at_end(cleanup)
    api.call(b, "Py_DecRef", it)
    api.call(b, "Py_DecRef", b.load(key_slot))
    b.branch(outer_fail)
    wb.fail_bb = outer_fail
    b.position_at_end(done)
    api.call(b, "Py_DecRef", it)
    with b.if_then(b.icmp_unsigned("!=", api.call(b, "PyErr_Occurred"), NULL), likely=False):
        b.branch(outer_fail)       # the iteration itself failed
    return table
