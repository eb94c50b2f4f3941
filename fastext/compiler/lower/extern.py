"""Calls of `@extern` C functions (frontend/extern.py): `fx.NAME` loads the pointer the module
resolved at import (`fx$extern.NAME`, filled by abi/extern.py) and calls it; it is always
inlined, so a call in a loop is one load and one indirect call, nothing of Python between.

C's view of the arguments: numbers by value, `bool` as C's `_Bool` (one byte), an array as
the address of its first item (`void *`: the C function sees `double *` or whatever it declares).
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.lower.context import I8, I8P, I32, ModuleContext, scalar_type


def pointer_slot(ctx: ModuleContext, fn: ir.Function) -> ll.GlobalVariable:
    """The module global holding the resolved address of `fn`'s C function (NULL until import)."""
    name = f"fx$extern.{fn.name.removesuffix('$py')}"     # Python's copy `NAME$py` shares it
    slot = ctx.module.globals.get(name)
    if slot is None:
        slot = ll.GlobalVariable(ctx.module, I8P, name)
        slot.initializer = ll.Constant(I8P, None)
        slot.linkage = "internal"
    return slot


def c_type(t: T.Type) -> ll.Type:
    if isinstance(t, T.Array):
        return I8P
    if t == T.NONE:
        return ll.VoidType()
    return I8 if t.is_bool else scalar_type(t)


def symbol(fn: ir.Function) -> str:
    """The C symbol: the function's own name (`other.cbrt` imported from other.fx, and Python's
    copy of it `other.cbrt$py` (frontend/graph.py), are `cbrt`)."""
    return fn.name.removesuffix("$py").rpartition(".")[2]


def lower_extern(ctx: ModuleContext, fn: ir.Function) -> None:
    """The body of `fx.NAME` for an @extern function: the indirect call, status 0."""
    llfn = ctx.bodies.get(fn.name, ctx.functions[fn.name])
    llfn.attributes.add("alwaysinline")
    b = ll.IRBuilder(llfn.append_basic_block("entry"))
    args = []
    for p, arg in zip(fn.params, llfn.args[1:]):
        t = p.var.type
        if isinstance(t, T.Array):
            args.append(b.extract_value(arg, 0))            # the data pointer of the view
        elif t.is_bool:
            args.append(b.zext(arg, I8))
        else:
            args.append(arg)
    ctype = ll.FunctionType(c_type(fn.ret), [c_type(p.var.type) for p in fn.params])
    target = b.bitcast(b.load(pointer_slot(ctx, fn)), ctype.as_pointer())
    result = b.call(target, args)
    if fn.ret == T.NONE:
        b.ret(I32(0))
        return
    if fn.ret.is_bool:
        result = b.icmp_unsigned("!=", result, I8(0))
    out = ll.Constant(llfn.function_type.return_type, None)
    out = b.insert_value(out, I32(0), 0)
    b.ret(b.insert_value(out, result, 1))
