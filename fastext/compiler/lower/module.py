"""Lowers a checked `ir.Module`'s native bodies (`fx.NAME` and the variants the ABI stage asked
for); the entry points and module init are the ABI stage's (`fastext/abi/stage.py`), and
`compiler/emit.py` runs the two in order.  Nothing here imports `fastext.abi`."""
from __future__ import annotations

import dataclasses

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler.lower.context import ModuleContext
from fastext.compiler.lower.function import FunctionLowering, native_signature


class LoweringError(Exception):
    """An unexpected failure while lowering, with the span of the statement it happened at."""

    def __init__(self, span, error: Exception):
        super().__init__(f"{type(error).__name__}: {error}")
        self.span = span


def new_context(module: ir.Module, *, boundscheck: bool = True, profile: bool = False, triple: str = "",
                datalayout: str = "", host_features: str | None = None,
                debug_path: str | None = None) -> tuple[ir.Module, ModuleContext]:
    """The CPU part of `module` (GPU functions are fastext/compiler/gpu/'s) and a fresh context
    whose llvmlite module holds one declaration `fx.NAME` per function.  `debug_path`: the `.fx`
    file of a `-g` build (DWARF line tables and variables, lower/debuginfo.py)."""
    module = dataclasses.replace(module, functions={k: f for k, f in module.functions.items() if f.target == "cpu"})
    llmod = ll.Module(name=module.name)
    llmod.triple = triple or llmod.triple
    llmod.data_layout = datalayout
    ctx = ModuleContext(llmod, boundscheck=boundscheck, profile=profile, tracebacks=True)
    ctx.ir_module = module
    ctx.numpy_loops = True     # NumPy's bits for its transcendental ufuncs (lower/nploops.py)
    if host_features is not None:      # a build for this machine: libmvec's vector math where it has it
        from fastext.compiler.lower import vecmath
        ctx.vector_abis = vecmath.isas(llmod.triple, host_features)
    if debug_path is not None:
        from fastext.compiler.lower.debuginfo import DebugInfo
        ctx.debug = DebugInfo(llmod, debug_path)
    # Module-level globals are named `fx$...` (`$` is not valid in Python identifiers), so no
    # user function `fx.NAME` can collide with them.
    for fn in module.functions.values():
        llfn = ll.Function(ctx.module, native_signature(fn), f"fx.{fn.name}")
        llfn.linkage = "internal"
        ctx.functions[fn.name] = llfn
    if ctx.profile:
        from fastext.compiler.lower.profile import declare_bodies
        declare_bodies(ctx, module)
    return module, ctx


def guarded(ctx: ModuleContext, stage, *args):
    """`stage(*args)`, an unexpected exception re-raised as LoweringError carrying the span of
    the statement being lowered, so the driver can point the internal error at it."""
    try:
        return stage(*args)
    except RecursionError:
        raise   # a deeply nested source: the driver lowers it again on a deep stack (compiler/deep.py)
    except Exception as e:
        from fastext import config
        if config.debug():
            raise
        raise LoweringError(ctx.current_span, e) from e


def lower_bodies(module: ir.Module, ctx: ModuleContext) -> None:
    """Every function's native body, plus the contiguous and no-alias variants declared in
    `ctx.contiguous` / `ctx.noalias` (by the ABI stage's plan, before this runs)."""
    from fastext.compiler.lower import recursion
    plan = recursion.declare(ctx, module)
    clones = recursion.declare_clones(ctx, module)
    forwards = shared_bodies(module, ctx, plan, clones)
    for fn in module.functions.values():
        ctx.current_span, ctx.current_function = fn.span, fn
        if fn.extern:       # a C function: the call through its resolved pointer (lower/extern.py)
            from fastext.compiler.lower.extern import lower_extern
            lower_extern(ctx, fn)
            continue
        if fn.name in forwards and _instructions(ctx.functions[forwards[fn.name]]) >= SHARED_MIN_INSTRUCTIONS:
            original = ctx.functions[forwards[fn.name]]
            original.linkage = "hidden"
            _forward(ctx.functions[fn.name], original)
            continue
        if plan.mode.get(fn.name) == "jump":
            recursion.emit_guard(ctx, fn)    # fx.NAME: the jump target around fx.NAME.r
        if fn.name in clones:
            recursion.lower_unrolled(ctx, fn, clones[fn.name])
        else:
            recursion.primary_lowering(ctx, fn).lower()
        if ctx.contiguous.get(fn.name) not in (None, ctx.functions[fn.name]):   # (the general body may serve)
            FunctionLowering(ctx, fn, contiguous=True).lower()
        if fn.name in ctx.noalias:
            FunctionLowering(ctx, fn, contiguous=True, noalias=True).lower()


# A shared body's least size (LLVM instructions as lowered, before any optimisation): LLVM's
# O3 inliner leaves a function this large alone at two or more call sites anyway (its budget,
# 250, is ~50 plain instructions), so calling it across units loses no inlining; spectral
# norm's `_mul_av` has ~900 with bounds checks and 158 without.  At 800 the unchecked build
# kept private copies in spectral norm's unit, whose O3 then took 0.55 s of a 1.1 s compile
# (docs/performance.md, "Session 2026-12-07 (8)").
SHARED_MIN_INSTRUCTIONS = 100


def _instructions(llfn: ll.Function) -> int:
    return sum(len(block.instructions) for block in llfn.blocks)


def shared_bodies(module: ir.Module, ctx: ModuleContext, plan, clones) -> dict[str, str]:
    """The `NAME$py` copies (frontend/graph.py: what Python calls of a function the module also
    calls) that may forward to their original instead of being a second body: {copy: original}.

    A copy is a second body to optimise in a second unit (spectral norm's `_mul_av`: a fifth of
    the module's compile time).  Where the original has a loop inside a loop -- a call costs
    nothing beside its work --, has two call sites or more and lowers to at least
    SHARED_MIN_INSTRUCTIONS (checked once it is lowered: LLVM would not inline it), and the copy is the
    same code (no arrays returned: `own_returns` would change it), the original is made a
    shared body (`define hidden`: compiler/units.py compiles it in a unit of its own, the
    others call it) and the copy a call of it."""
    if ctx.profile or ctx.debug is not None:
        return {}
    # call sites as LLVM will see them: each call in each body of its caller (a single one would
    # be inlined whatever the size, so that function stays a private copy)
    sites: dict[str, int] = {}
    for caller in module.functions.values():
        bodies = 1 + (ctx.contiguous.get(caller.name) not in (None, ctx.functions.get(caller.name))) \
            + (caller.name in ctx.noalias)
        for e in ir.all_exprs(caller.body):
            if isinstance(e, ir.Call):
                sites[e.func] = sites.get(e.func, 0) + bodies
    out = {}
    for name, fn in module.functions.items():
        original = module.functions.get(name[:-3]) if name.endswith("$py") else None
        if original is None or original.extern or fn.extern or _holds_arrays(original.ret):
            continue
        if any(plan.mode.get(n) or n in clones for n in (name, original.name)):
            continue
        if not _loop_nest(original.body) or sites.get(original.name, 0) < 2:
            continue
        out[name] = original.name
    return out


def _holds_arrays(t) -> bool:
    from fastext.compiler import types as T
    return isinstance(t, T.Array) or isinstance(t, T.Tuple) and any(_holds_arrays(i) for i in t.items)


def _loop_nest(body: list[ir.Stmt]) -> bool:
    """Whether `body` has a loop inside a loop."""
    loops = (ir.ForRange, ir.While)
    return any(isinstance(s, loops) and any(isinstance(t, loops) for inner in ir.bodies(s) for t in ir.walk(inner))
               for s in ir.walk(body))


def _forward(llfn: ll.Function, target: ll.Function) -> None:
    """`llfn`'s body: the call of `target` (the same signature) with its arguments."""
    b = ll.IRBuilder(llfn.append_basic_block("entry"))
    b.ret(b.call(target, list(llfn.args)))


def module_text(ctx: ModuleContext) -> str:
    """The finished module as LLVM IR text (vector-math variants annotated; a `-g` build's debug
    metadata finished first)."""
    if ctx.debug is not None:
        ctx.debug.finish()
    from fastext.compiler.lower.vecmath import annotate
    return annotate(str(ctx.module), ctx.vector_variants)


def indexes_items(module: ir.Module, fn: ir.Function) -> bool:
    """Whether an innermost loop of `fn` (or of a function it calls) reads or stores array
    items one by one: only there does a variant -- innermost strides known to be the item size,
    arrays known apart -- help LLVM (vectorising, keeping loads in registers across stores).
    An item read around an inner loop (mandelbrot's `out[j, i] = n` after its `while`) costs
    the same either way, and the loops of array expressions and registry operations choose
    their unit-stride versions at run time: a second copy of such code would only double what
    there is to compile."""
    return _innermost_indexing(module, fn.body, set())


def _innermost_indexing(module: ir.Module, stmts: list[ir.Stmt], seen: set[str]) -> bool:
    for st in ir.walk(stmts):
        if isinstance(st, (ir.ForRange, ir.While)) and not _has_loop(module, st.body, set()) \
                and _indexes(module, [st], set()):
            return True
    # the loops of the functions called (inlined or not)
    return any(_innermost_indexing(module, body, seen) for body in _calls(module, stmts, seen))


def _calls(module: ir.Module, stmts: list[ir.Stmt], seen: set[str]):
    """The bodies of the module functions `stmts` call, each once."""
    for e in ir.all_exprs(stmts):
        if isinstance(e, ir.Call) and e.func in module.functions and e.func not in seen:
            seen.add(e.func)
            yield module.functions[e.func].body


def _has_loop(module: ir.Module, stmts: list[ir.Stmt], seen: set[str]) -> bool:
    """`stmts` loop (a comprehension too), or call a function that does."""
    return any(isinstance(st, (ir.ForRange, ir.While)) for st in ir.walk(stmts)) or \
        any(_has_loop(module, body, seen) for body in _calls(module, stmts, seen))


def _indexes(module: ir.Module, stmts: list[ir.Stmt], seen: set[str]) -> bool:
    """`stmts` (or a function they call) read or store an array item."""
    return any(isinstance(st, ir.Store) for st in ir.walk(stmts)) or \
        any(isinstance(e, ir.Index) for e in ir.all_exprs(stmts)) or \
        any(_indexes(module, body, seen) for body in _calls(module, stmts, seen))
