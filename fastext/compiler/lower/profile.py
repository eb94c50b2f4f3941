"""The profiling build (`Options(profile=True)`, used by `fastext bench --profile`).

Every `.fx` function — exported, internal, imported from another `.fx` module — gets a
thin counting wrapper under its usual name `fx.NAME`, and its body moves to
`fx.NAME.body`.  The wrapper adds 1 to the function's call counter and the time spent
(CLOCK_MONOTONIC nanoseconds, inclusive of callees) to its time counter, with atomic
adds because bodies may run with the GIL released.  Calls between `.fx` functions go
through the wrappers, so internal and recursive calls are counted too.  The module
gains `__fastext_profile__()`: it returns `((name, calls, nanoseconds), ...)` for every
function and resets the counters.  The contiguous-array variants are not built here.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler.lower.context import I32, I64, ModuleContext

METH_NOARGS = 0x0004
TIMESPEC = ll.LiteralStructType([I64, I64])
CLOCK_MONOTONIC = 1
CLOCK_MONOTONIC_DARWIN = 6      # macOS numbers its clocks differently (<time.h>)


def declare_bodies(ctx: ModuleContext, module: ir.Module) -> None:
    """`fx.NAME.body` for every function: lowering emits bodies there; `fx.NAME` becomes the counter."""
    for k, fn in enumerate(module.functions.values()):
        wrapper = ctx.functions[fn.name]
        body = ll.Function(ctx.module, wrapper.function_type, f"fx.{fn.name}.body")
        body.linkage = "internal"
        ctx.bodies[fn.name] = body


def build_counters(ctx: ModuleContext, api, module: ir.Module) -> tuple[str, ll.Function, int, str]:
    """Fill in the counting wrappers and return the `__fastext_profile__` method entry."""
    names = list(module.functions)
    n = len(names)
    arr = ll.ArrayType(I64, n)
    calls = ll.GlobalVariable(ctx.module, arr, "fx$prof.calls")
    calls.initializer = ll.Constant(arr, [0] * n)
    calls.linkage = "internal"
    nanos = ll.GlobalVariable(ctx.module, arr, "fx$prof.ns")
    nanos.initializer = ll.Constant(arr, [0] * n)
    nanos.linkage = "internal"
    now = _now_ns(ctx)
    for k, name in enumerate(names):
        wrapper, body = ctx.functions[name], ctx.bodies[name]
        b = ll.IRBuilder(wrapper.append_basic_block("entry"))
        b.atomic_rmw("add", b.gep(calls, [I32(0), I32(k)]), I64(1), "monotonic")
        t0 = b.call(now, [])
        status = b.call(body, list(wrapper.args))
        b.atomic_rmw("add", b.gep(nanos, [I32(0), I32(k)]), b.sub(b.call(now, []), t0), "monotonic")
        b.ret(status)
    return "__fastext_profile__", _report(ctx, api, names, calls, nanos), METH_NOARGS, \
        "__fastext_profile__()\n--\n\nCalls and nanoseconds per .fx function since the last call; resets them."


def _now_ns(ctx: ModuleContext) -> ll.Function:
    clock = ll.Function(ctx.module, ll.FunctionType(I32, [I32, TIMESPEC.as_pointer()]), "clock_gettime")
    fn = ll.Function(ctx.module, ll.FunctionType(I64, []), "fx$prof.now")
    fn.linkage = "internal"
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    ts = b.alloca(TIMESPEC)
    from fastext.compiler.platforms import is_darwin
    b.call(clock, [I32(CLOCK_MONOTONIC_DARWIN if is_darwin(ctx.module.triple or "") else CLOCK_MONOTONIC), ts])
    sec = b.load(b.gep(ts, [I32(0), I32(0)]))
    nsec = b.load(b.gep(ts, [I32(0), I32(1)]))
    b.ret(b.add(b.mul(sec, I64(1_000_000_000)), nsec))
    return fn


def _report(ctx: ModuleContext, api, names: list[str], calls, nanos) -> ll.Function:
    """PyObject *__fastext_profile__(PyObject *module, PyObject *unused): read and reset."""
    from fastext.compiler.capi import OBJ
    build_value = ctx.module.globals.get("Py_BuildValue") or ll.Function(
        ctx.module, ll.FunctionType(OBJ, [OBJ], var_arg=True), "Py_BuildValue")
    fn = ll.Function(ctx.module, ll.FunctionType(OBJ, [OBJ, OBJ]), "fx$prof.report")
    fn.linkage = "internal"
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    tup = api.call(b, "PyTuple_New", I64(len(names)))
    with b.if_then(b.icmp_unsigned("==", tup, ll.Constant(OBJ, None)), likely=False):
        b.ret(ll.Constant(OBJ, None))
    fmt = ctx.cstring("(sLL)")
    for k, name in enumerate(names):
        call_slot, ns_slot = b.gep(calls, [I32(0), I32(k)]), b.gep(nanos, [I32(0), I32(k)])
        count = b.atomic_rmw("xchg", call_slot, I64(0), "monotonic")
        spent = b.atomic_rmw("xchg", ns_slot, I64(0), "monotonic")
        item = b.call(build_value, [fmt, ctx.cstring(name), count, spent])
        with b.if_then(b.icmp_unsigned("==", item, ll.Constant(OBJ, None)), likely=False):
            api.call(b, "Py_DecRef", tup)
            b.ret(ll.Constant(OBJ, None))
        api.call(b, "PyTuple_SetItem", tup, I64(k), item)
    b.ret(tup)
    return fn
