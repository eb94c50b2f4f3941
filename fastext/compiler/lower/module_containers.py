"""Module-level containers in LLVM IR (frontend/module_containers.py has the design).

Each container name is one internal global `fx$modvar.<name>` holding the value form of its
type (a list's header pointer, a tuple's literal struct), zero until the module's init
function (`__fx_containers__`, run once by the namespace exec slot at import) stores it.  The
init's entry point allocates in the module arena `fx$modarena` instead of a call's arena and
never releases it (abi/wrapper.py): every block the containers use lives as long as the
process has the module, so a list reached through `SYSTEM` is valid in every later call.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler.lower.context import value_type
from fastext.compiler.lower.ircontrol import internal_global


def global_value(module: ll.Module, name: str, ty: ll.Type) -> ll.GlobalVariable:
    """The global that holds the module-level container `name` (created at its first use)."""
    return internal_global(module, f"fx$modvar.{name}", ty)


def scalar_global(module: ll.Module, name: str, t, init) -> ll.GlobalVariable:
    """The global of the module variable `name`, starting at the constant `init`."""
    gv = module.globals.get(f"fx$modscalar.{name}")
    if gv is None:
        ty = value_type(t)
        gv = ll.GlobalVariable(module, ty, f"fx$modscalar.{name}")
        gv.linkage = "internal"
        gv.initializer = ll.Constant(ty, int(init) if isinstance(ty, ll.IntType) else init)
    return gv


def module_arena(ctx) -> ll.Value:
    """`fx$modarena`: the arena ({head, current chunk}, lower/alloc.py: ARENA) of the module's
    containers; never released."""
    from fastext.compiler.lower.alloc import ARENA
    return internal_global(ctx.module, "fx$modarena", ARENA)


def lower_modvar(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """`module.load` (a load of the global) and `module.store` (the init's store into it);
    `modscalar.load`/`.store` of a module variable (frontend/module_scalars.py)."""
    if e.name.startswith("modscalar."):
        t = e.type if e.name == "modscalar.load" else e.args[0].type
        gv = scalar_global(fl.ctx.module, e.attrs["name"], t, e.attrs["init"])
        if e.name == "modscalar.load":
            return fl.b.load(gv)
        fl.b.store(args[0], gv)
        return ll.Constant(ll.IntType(1), 0)
    if e.name == "module.load":
        return fl.b.load(global_value(fl.ctx.module, e.attrs["name"], value_type(e.type)))
    gv = global_value(fl.ctx.module, e.attrs["name"], value_type(e.args[0].type))
    fl.b.store(args[0], gv)
    return ll.Constant(ll.IntType(1), 0)


def lower_modstr(fl, e: ir.Intrinsic, args: list[ir.Expr]) -> ll.Value:
    """`modstr.load` / `modstr.store` of a module str variable (frontend/module_scalars.py): the
    global `fx$modstr.<name>` owns one reference, made from the literal it starts as on its
    first use (NULL before); a load gives a new reference, a store takes one and releases the old."""
    from fastext.compiler import types as T
    from fastext.compiler.lower.ircontrol import internal_global
    b = fl.b
    ptr = ll.IntType(8).as_pointer()
    gv = internal_global(fl.ctx.module, f"fx$modstr.{e.attrs['name']}", ptr)
    new = fl.take(args[0]) if e.name == "modstr.store" else None
    with b.if_then(b.icmp_unsigned("==", b.load(gv), ll.Constant(ptr, None)), likely=False):
        b.store(fl.expr(ir.ObjConst(T.STRV, e.span, e.attrs["init"])), gv)
    current = b.load(gv)
    if new is None:
        fl.api.call(b, "Py_IncRef", current)
        return current
    b.store(new, gv)
    fl.api.call(b, "Py_DecRef", current)
    return ll.Constant(ll.IntType(1), 0)
