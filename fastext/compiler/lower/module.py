"""Lowers a checked `ir.Module`: native bodies, then the ABI layer's entry points and init."""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler.lower.context import ModuleContext
from fastext.compiler.types import Array
from fastext.compiler.lower.function import FunctionLowering, native_signature


class LoweringError(Exception):
    """An unexpected failure while lowering, with the span of the statement it happened at."""

    def __init__(self, span, error: Exception):
        super().__init__(f"{type(error).__name__}: {error}")
        self.span = span


def lower_module(module: ir.Module, *, boundscheck: bool = True, profile: bool = False, triple: str = "",
                 datalayout: str = "", gpu_descriptor: bytes | None = None, host_features: str | None = None) -> str:
    """Typed IR → textual LLVM IR of the whole extension (runtime helpers not yet linked).

    An unexpected exception is re-raised as LoweringError carrying the span of the
    statement being lowered, so the driver can point the internal error at it.
    """
    import dataclasses
    # GPU functions (@gpu.kernel / @gpu.device) are compiled by fastext/compiler/gpu/, never for the CPU
    module = dataclasses.replace(module, functions={k: f for k, f in module.functions.items() if f.target == "cpu"})
    llmod = ll.Module(name=module.name)
    llmod.triple = triple or llmod.triple
    llmod.data_layout = datalayout
    ctx = ModuleContext(llmod, boundscheck=boundscheck, profile=profile, tracebacks=True)
    if host_features is not None:      # a build for this machine: libmvec's vector math where it has it
        from fastext.compiler.lower import vecmath
        ctx.vector_abis = vecmath.isas(llmod.triple, host_features)
    try:
        _lower(module, ctx, gpu_descriptor)
    except RecursionError:
        raise   # a deeply nested source: the driver lowers it again on a deep stack (compiler/deep.py)
    except Exception as e:
        from fastext import config
        if config.debug():
            raise
        raise LoweringError(ctx.current_span, e) from e
    from fastext.compiler.lower.vecmath import annotate
    return annotate(str(llmod), ctx.vector_variants)


def _lower(module: ir.Module, ctx: ModuleContext, gpu_descriptor: bytes | None = None) -> None:
    ctx.ir_module = module
    from fastext.compiler.capi import CApi
    from fastext.abi.moduledef import build_module_def
    from fastext.abi.wrapper import WrapperBuilder

    # Module-level globals are named `fx$...` (`$` is not valid in Python identifiers), so no
    # user function `fx.NAME` can collide with them.
    for fn in module.functions.values():
        llfn = ll.Function(ctx.module, native_signature(fn), f"fx.{fn.name}")
        llfn.linkage = "internal"
        ctx.functions[fn.name] = llfn
    if ctx.profile:
        from fastext.compiler.lower.profile import declare_bodies
        declare_bodies(ctx, module)
    from fastext.abi import namespace
    entries = namespace.entries(module)
    callable_fns = {fn.name: fn for _, fn in entries if namespace.python_callable(fn) is None}
    for fn in callable_fns.values():
        if not ctx.profile and any(isinstance(p.var.type, Array) for p in fn.params) \
                and _indexes_items(module, fn):
            variant = ll.Function(ctx.module, native_signature(fn), f"fx.{fn.name}.contiguous")
            variant.linkage = "internal"
            ctx.contiguous[fn.name] = variant
            from fastext.abi import noalias
            if noalias.wants_noalias(fn) and not fn.name.endswith("$py"):   # (Python calls of internal functions: no third copy)
                ctx.noalias[fn.name] = noalias.declare(ctx.module, native_signature(fn), fn)
    from fastext.compiler.lower import recursion
    plan = recursion.declare(ctx, module)
    clones = recursion.declare_clones(ctx, module)
    for fn in module.functions.values():
        ctx.current_span, ctx.current_function = fn.span, fn
        if plan.mode.get(fn.name) == "jump":
            recursion.emit_guard(ctx, fn)    # fx.NAME: the jump target around fx.NAME.r
        if fn.name in clones:
            recursion.lower_unrolled(ctx, fn, clones[fn.name])
        else:
            recursion.primary_lowering(ctx, fn).lower()
        if fn.name in ctx.contiguous:
            FunctionLowering(ctx, fn, contiguous=True).lower()
        if fn.name in ctx.noalias:
            FunctionLowering(ctx, fn, contiguous=True, noalias=True).lower()
    from fastext.compiler.lower.alloc import uses_arena
    ctx.arena_users = {fn.name for fn in callable_fns.values() if uses_arena(module, fn)}
    from fastext.compiler.lower.str_items import keeps_objects
    ctx.keeps_objects = keeps_objects(module)
    api = CApi(ctx.module)
    runtime = _declare_runtime(ctx.module)
    wb = WrapperBuilder(ctx, api, runtime)
    wrappers = {}
    for name, fn in entries:
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
    if ctx.module.globals.get("fx$blas") is not None:     # matrix products: find NumPy's BLAS at import
        from fastext.abi import blas
        extra.append(blas.describe_method(ctx))
        exec_slots.append(blas.exec_slot(ctx))
    init_names = [module.name] + (["fx"] if module.name != "fx" else [])
    build_module_def(ctx, api, module, wrappers, init_names, extra, gpu_descriptor, exec_slots, entries)


def _indexes_items(module: ir.Module, fn: ir.Function) -> bool:
    """Whether `fn` (or a function it calls) reads or stores array items one by one: only then
    does the contiguous variant — innermost strides known to be the item size — help LLVM; the
    loops of array expressions and registry operations choose their unit-stride versions at run
    time, and a second copy of them would only double the code to compile."""
    from fastext.compiler.analysis import callees

    def indexes(f: ir.Function) -> bool:
        return any(isinstance(st, ir.Store) or any(isinstance(e, ir.Index) for c in ir.children(st)
                                                   for e in ir.walk_exprs(c))
                   for st in ir.walk(f.body))

    return any(indexes(module.functions[name]) for name in {fn.name} | callees(module, fn.name))


def _declare_runtime(llmod: ll.Module) -> dict[str, ll.Function]:
    """Declarations of the helpers defined in `abi/runtime.py` (linked in by the back end)."""
    from fastext.compiler.capi import I32, I64, OBJ as ptr
    sigs = {
        "fx_parse_args": (I32, [ptr, I64, ptr, ptr, I64, I64, ptr, ptr]),
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
