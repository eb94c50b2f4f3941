"""The ABI stage of the driver: what Python sees of a module.

It runs around the lowering of the native bodies (compiler/emit.py): `plan` first
declares which entry points get contiguous and no-alias variants of their bodies (the
lowering emits them), `build` afterwards emits the entry points (`fxw.NAME`), the
module's extra methods and exec slots, the method table, `PyModuleDef` and `PyInit_*`.
The ABI layer imports the lowering's helpers; the lowering never imports it.
"""
from __future__ import annotations

from dataclasses import dataclass

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler.lower.context import ModuleContext
from fastext.compiler.lower.function import native_signature
from fastext.compiler.lower.module import indexes_items
from fastext.compiler.types import Array


@dataclass
class EntryPlan:
    """The module's namespace entries and the functions Python can call natively."""

    entries: list
    callable_fns: dict[str, ir.Function]


def plan(module: ir.Module, ctx: ModuleContext) -> EntryPlan:
    """Declare the body variants the entry points will choose between at call time."""
    from fastext.abi import namespace, noalias
    entries = namespace.entries(module)
    callable_fns = {fn.name: fn for _, fn in entries if namespace.python_callable(fn) is None}
    for fn in callable_fns.values():
        # `$py`: the copy Python calls of a function the module also calls internally (a
        # `_helper`); the module's own calls inline their copies, so Python's copy gets no
        # variants: one body, half the compile time of that unit (docs/performance.md)
        if not ctx.profile and any(isinstance(p.var.type, Array) for p in fn.params) \
                and indexes_items(module, fn) and not fn.name.endswith("$py"):
            if noalias.wants_noalias(fn):
                # Dense arrays that do not overlap (nearly every call) run the no-alias copy;
                # dense ones that overlap (`f(x, x)`) run the general body rather than a third
                # copy of their own, which would cost as much compile time as the body for a
                # case LLVM's own run-time stride and overlap checks already handle well.
                ctx.noalias[fn.name] = noalias.declare(ctx.module, native_signature(fn), fn)
                ctx.contiguous[fn.name] = ctx.functions[fn.name]
                continue
            variant = ll.Function(ctx.module, native_signature(fn), f"fx.{fn.name}.contiguous")
            variant.linkage = "internal"
            ctx.contiguous[fn.name] = variant
    for u in module.ufuncs:      # gufunc loops call a unit-stride version when the core strides allow
        for loop in u.loops if u.kind == "guvectorize" and not ctx.profile else ():
            fn = module.functions[loop.function]
            if fn.name not in ctx.contiguous and any(isinstance(p.var.type, Array) for p in fn.params):
                variant = ll.Function(ctx.module, native_signature(fn), f"fx.{fn.name}.contiguous")
                variant.linkage = "internal"
                ctx.contiguous[fn.name] = variant
    return EntryPlan(entries, callable_fns)


def build(module: ir.Module, ctx: ModuleContext, entry_plan: EntryPlan, gpu_descriptor: bytes | None = None) -> None:
    """Entry points, extra methods, exec slots and the module definition, after the bodies."""
    from fastext.abi import namespace
    from fastext.abi.moduledef import build_module_def
    from fastext.abi.wrapper import WrapperBuilder
    from fastext.compiler.capi import CApi
    from fastext.compiler.lower.alloc import uses_arena
    from fastext.compiler.lower.str_items import keeps_objects
    callable_fns = entry_plan.callable_fns
    ctx.arena_users = {fn.name for fn in callable_fns.values() if uses_arena(module, fn)}
    ctx.keeps_objects = keeps_objects(module)
    api = CApi(ctx.module)
    runtime = declare_runtime(ctx.module)
    wb = WrapperBuilder(ctx, api, runtime)
    wrappers = {}
    for name, fn in entry_plan.entries:
        ctx.current_span = fn.span
        if fn.name in callable_fns:
            if fn.name not in wrappers:
                wrappers[fn.name] = wb.build(fn, name)
        else:
            wrappers[name] = namespace.refusing_entry(ctx, name, namespace.python_callable(fn))
    extra = []
    if ctx.profile:
        from fastext.compiler.lower.profile import build_counters
        extra.append(build_counters(ctx, api, module))
    if ctx.module.globals.get("fx$live_blocks") is not None:
        from fastext.abi.arena import ArenaEmitter
        extra.append(ArenaEmitter(ctx, api).live_blocks_method())
    exec_slots = []
    from fastext.compiler.lower.chunkcache import fork_exec_slot, has_cache
    if has_cache(ctx):     # the arena's chunk cache: its lock freed in a forked child
        exec_slots.append(fork_exec_slot(ctx))
    if any(fn.extern for fn in module.functions.values()):   # @extern: load the libraries at import
        from fastext.abi import extern
        exec_slots.append(extern.exec_slot(ctx, module))
    if ctx.module.globals.get("fx$blas") is not None:     # matrix products: find NumPy's BLAS at import
        from fastext.abi import blas
        extra.append(blas.describe_method(ctx))
        exec_slots.append(blas.exec_slot(ctx))
    from fastext.compiler.lower.nploops import slots as nploop_slots
    if nploop_slots(ctx):     # NumPy's transcendental ufuncs: find NumPy's own loops at import
        from fastext.abi import nploops
        exec_slots.append(nploops.exec_slot(ctx))
    if module.ufuncs:     # @vectorize / @guvectorize: ufuncs made through NumPy's C API at import
        from fastext.abi import ufuncs
        exec_slots.append(ufuncs.exec_slot(ctx, module.ufuncs))
    init_names = [module.name] + (["fx"] if module.name != "fx" else [])
    build_module_def(ctx, api, module, wrappers, init_names, extra, gpu_descriptor, exec_slots, entry_plan.entries)


def declare_runtime(llmod: ll.Module) -> dict[str, ll.Function]:
    """Declarations of the helpers defined in `abi/runtime.py` (linked in by the back end)."""
    from fastext.compiler.capi import I32, I64, OBJ as ptr
    sigs = {
        "fx_parse_args": (I32, [ptr, I64, ptr, ptr, I64, ptr, ptr, ptr, I64, I64, I64, ptr, ptr]),
        "fx_unbox_int_slow": (I32, [ptr, I64, I64, ptr, ptr, ptr, ptr]),
        "fx_unbox_u64_slow": (I32, [ptr, ptr, ptr, ptr, ptr]),
        "fx_unbox_f64_slow": (I32, [ptr, ptr, ptr, ptr, ptr]),
        "fx_unbox_bool_slow": (I32, [ptr, ptr, ptr, ptr, ptr]),
        "fx_unbox_complex_slow": (I32, [ptr, ptr, ptr, ptr, ptr]),
        "fx_get_buffer": (I32, [ptr, ptr, I32, I64, I32, I32, ptr, ptr, ptr]),
        "fx_buffer_layout": (I32, [ptr, ptr, ptr, ptr]),
        "fx_check_dims": (I32, [ptr, I32, ptr, ptr]),
        "fx_release": (ll.VoidType(), [ptr]),
        "fx_float_overflow": (I32, [ptr, ptr, ptr, ptr]),
        "fx_raise": (ptr, [ptr]),
    }
    # (the body's object conversions may have declared some already: lower/objects.py)
    return {name: llmod.globals.get(name) or ll.Function(llmod, ll.FunctionType(ret, args), name)
            for name, (ret, args) in sigs.items()}
