"""NumPy's own inner loops for its transcendental ufuncs: the bits NumPy gives.

NumPy computes `np.exp`, `np.log`, `np.sin`, ... with its own SIMD code (AVX-512 or AVX2
variants chosen at NumPy's import), whose last bits differ from the C library's in a few
per cent of the items.  The oracle of a compiled `np.exp(x)` is NumPy itself, so compiled
code calls the very loop NumPy calls: at import the module's exec slot (`abi/nploops.py`)
finds it in the ufunc object's loop table and stores it, with its `data` pointer, in the
module global `fx$nploop.<ufunc>.<letter>` (`d` float64, `f` float32).  The loop has NumPy's
inner-loop signature, `void loop(char **args, npy_intp const *dimensions, npy_intp const
*steps, void *data)`; NumPy's loops give the same bits whatever the count, one item or many.

Calls go through one internal helper per loop, `fx$nploop.run.<ufunc>.<letter>(in..., out,
n)` over contiguous items.  Its pointer is null only where the module found no NumPy at
import (or a ufunc object laid out unlike NumPy's: the exec slot checks) — then the helper
computes the items with the C library, as before.

Array expressions call the helper once per chunk of items (`lower/mapchunks.py`); a ufunc
on a single number calls it with n = 1.  A `@fastmath` function keeps the C library's
functions for both (vectorised with libmvec where the loop allows: lower/vecmath.py), for
speed where NumPy's own loop is slow (float64 `sin`/`cos`), at the price of last-bit
differences from NumPy.  GPU code
keeps libdevice.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.lower.context import F32, F64, I32, I64, I8P

PREFIX = "fx$nploop."
SLOT = ll.LiteralStructType([I8P, I8P])          # the loop's function pointer and its data
LOOP_TYPE = ll.FunctionType(ll.VoidType(), [I8P.as_pointer(), I64.as_pointer(), I64.as_pointer(), I8P])
# NumPy's type numbers of the loops' items (NPY_FLOAT, NPY_DOUBLE) and the slot names' letters
TYPENUM = {"f": 11, "d": 12}


def letter(t: T.Scalar) -> str | None:
    """`d` for float64, `f` for float32, None for a dtype NumPy's loops are not used for."""
    return {"f64": "d", "f32": "f"}.get(getattr(t, "name", None))


def applies(fl, e: ir.Expr) -> bool:
    """Whether `e` is a float ufunc call lowered through NumPy's loop in this function (not in
    a `@fastmath` one, which keeps the C library's functions, vectorised with libmvec)."""
    if not isinstance(e, ir.Intrinsic) or not getattr(fl.ctx, "numpy_loops", False) or fl.fast_flags:
        return False
    from fastext.compiler import ops
    try:
        op = ops.get(e.name)
    except KeyError:
        return False
    return bool(op.data.get("numpy_loop")) and letter(e.type) is not None and not e.attrs


def slot(ctx, ufunc: str, code: str) -> ll.GlobalVariable:
    """The module global holding NumPy's `ufunc` loop for type letter `code` (null until import)."""
    from fastext.compiler.lower.ircontrol import internal_global
    return internal_global(ctx.module, f"{PREFIX}{ufunc}.{code}", SLOT)


def slots(ctx) -> list[tuple[str, str, int, ll.GlobalVariable]]:
    """(ufunc, letter, nin, global) of every loop this module calls, for the exec slot."""
    out = []
    for name, gv in list(ctx.module.globals.items()):
        if name.startswith(PREFIX) and isinstance(gv, ll.GlobalVariable) and gv.value_type == SLOT:
            ufunc, _, code = name[len(PREFIX):].rpartition(".")
            out.append((ufunc, code, ctx.__dict__.get("_nploop_nin", {}).get(ufunc, 1), gv))
    return out


def runner(ctx, ufunc: str, libm: str, nin: int, t: T.Scalar) -> ll.Function:
    """`void fx$nploop.run.<ufunc>.<letter>(T* in0, [T* in1,] T* out, i64 n, i64 step0, [i64 step1,] i64
    out_step)`: NumPy's loop over n items (`step` bytes apart), or the C library's `libm` item by
    item when the module has none."""
    code = letter(t)
    name = f"{PREFIX}run.{ufunc}.{code}"
    fn = ctx.module.globals.get(name)
    if fn is not None:
        return fn
    ctx.__dict__.setdefault("_nploop_nin", {})[ufunc] = nin
    ty = F64 if code == "d" else F32
    ptr = ty.as_pointer()
    fn = ll.Function(ctx.module, ll.FunctionType(ll.VoidType(), [ptr] * (nin + 1) + [I64] * (nin + 2)), name)
    fn.linkage = "internal"
    fn.attributes.add("nounwind")
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    pointers, n, byte_steps = fn.args[:nin + 1], fn.args[nin + 1], list(fn.args[nin + 2:])
    args, steps, dims = b.alloca(I8P, nin + 1), b.alloca(I64, nin + 1), b.alloca(I64)   # static: in the entry
    gv = slot(ctx, ufunc, code)
    loop = b.load(b.gep(gv, [I32(0), I32(0)]))
    data = b.load(b.gep(gv, [I32(0), I32(1)]))
    with b.if_else(b.icmp_unsigned("!=", loop, ll.Constant(I8P, None)), likely=True) as (numpy, clib):
        with numpy:
            for k, p in enumerate(pointers):
                b.store(b.bitcast(p, I8P), b.gep(args, [I32(k)]))
                b.store(byte_steps[k], b.gep(steps, [I32(k)]))
            b.store(n, dims)
            b.call(b.bitcast(loop, LOOP_TYPE.as_pointer()), [args, dims, steps, data])
        with clib:
            _clib_loop(ctx, b, libm, nin, ty, pointers, n, byte_steps)
    b.ret_void()
    return fn


def _clib_loop(ctx, b: ll.IRBuilder, libm: str, nin: int, ty, pointers, n, steps) -> None:
    """out[i] = libm(in0[i], ...) for i < n (a module imported without NumPy)."""
    from fastext.compiler.lower.context import libm_symbol
    from fastext.compiler.lower.ircontrol import for_range
    f = ctx.intrinsic(libm_symbol(libm, ty), ty, [ty] * nin)

    def item(i):
        items = [b.bitcast(b.gep(b.bitcast(p, I8P), [b.mul(i, step)]), p.type) for p, step in zip(pointers, steps)]
        b.store(b.call(f, [b.load(p) for p in items[:nin]]), items[nin])
    for_range(b, I64(0), n, item, "clib")


def op_names(e: ir.Intrinsic) -> tuple[str, str, int]:
    """(NumPy's ufunc name, the C library's name, nin) of a switched ufunc call."""
    from fastext.compiler import ops
    data = ops.get(e.name).data
    return data["ufunc"], data["numpy_loop"], data["nin"]


def scalar(fl, ufunc: str, libm: str, t: T.Scalar, args: list[ll.Value]) -> ll.Value:
    """NumPy's loop on one item (n = 1): NumPy's bits for `np.exp(x)` on a number."""
    b = fl.b
    ty = args[0].type
    fn = runner(fl.ctx, ufunc, libm, len(args), t)
    cells = [fl.entry_alloca(ty) for _ in range(len(args) + 1)]
    for cell, v in zip(cells, args):
        b.store(v, cell)
    b.call(fn, cells + [I64(1)] + [I64(t.nbytes)] * (len(args) + 1))
    return b.load(cells[-1])
