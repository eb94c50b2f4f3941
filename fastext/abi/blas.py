"""Finding a BLAS at import: the exec slot that fills the module's `fx$blas` table (`lower/blas.py`).

A module whose products can use BLAS gets a `Py_mod_exec` slot that runs once per import,
with the GIL held, before any of its functions can be called:

1. `FASTEXT_BLAS` in the environment decides where to look: unset, empty or `numpy` — NumPy's
   own BLAS; `0` or `none` — no BLAS (the native loops; for tests and comparisons); anything
   else — the path of a shared library to `dlopen` instead.
2. NumPy's BLAS: import `numpy._core._multiarray_umath` (NumPy 2; `numpy.core.` for NumPy 1),
   take its `__file__`, `dlopen` that extension (already loaded: this only returns its handle)
   and look the CBLAS symbols up through the handle, which searches the libraries it was
   linked against — the `libscipy_openblas64_` of a wheel, or the system's `libcblas`.  So the
   module calls exactly the BLAS NumPy calls, with its thread pool and its thread settings
   (`threadpoolctl`, `OPENBLAS_NUM_THREADS`), and never loads a second one.
3. Each naming scheme of `NAMINGS` is tried in order; the first under which every routine of
   `ROUTINES` exists wins, and decides the integer width.  The LAPACK routines of `LAPACK`
   (Fortran names: `scipy_dgesv_64_` beside `scipy_cblas_dgemm64_`) are looked up under the same
   scheme, in the same library NumPy's `np.linalg` calls; one that is missing stays zero.

Anything that fails (no NumPy, no library, missing symbols) leaves the table empty and the
import succeeds: products then run the native loops.  Only libc's `dlopen`/`dlsym`/`getenv`/
`strcmp` and Limited-API functions are called, so a module in a wheel needs nothing of fastext.
"""
from __future__ import annotations


from llvmlite import ir as ll

from fastext.compiler.capi import I32, OBJ, CApi
from fastext.config import BLAS_ENV
from fastext.compiler.lower.blas import ILP64, LAPACK, NAME, ROUTINES, table
from fastext.compiler.lower.context import I8, I8P, ModuleContext

ENV = BLAS_ENV
# (symbol prefix, CBLAS suffix, 64-bit integers, LAPACK suffix): NumPy >= 2 wheels (scipy-openblas64),
# NumPy 1.22-1.26 wheels (openblas64_), Accelerate's ILP64 interface (NumPy on macOS 14+), MKL's
# ILP64 names, scipy-openblas32, and plain LP64 CBLAS (distribution and conda NumPy builds)
NAMINGS = (("scipy_", "64_", True, "_64_"), ("", "64_", True, "_64_"),
           ("", "$NEWLAPACK$ILP64", True, "$NEWLAPACK$ILP64"), ("", "_64", True, "_64"),
           ("scipy_", "", False, "_"), ("", "", False, "_"))
NUMPY_MODULES = ("numpy._core._multiarray_umath", "numpy.core._multiarray_umath")
RTLD_LAZY = 1
RTLD_LOCAL_DARWIN = 4       # <dlfcn.h> of macOS; glibc's RTLD_LOCAL is 0
METH_NOARGS = 0x0004


def symbol(routine: str, prefix: str, suffix: str) -> str:
    return f"{prefix}cblas_{routine}{suffix}"


def exec_slot(ctx: ModuleContext) -> ll.Function:
    """`int fx$blas.exec(PyObject *module)`: fill `fx$blas`; always 0 (a missing BLAS is no error)."""
    api = CApi(ctx.module)
    fn = ll.Function(ctx.module, ll.FunctionType(I32, [OBJ]), "fx$blas.exec")
    fn.linkage = "internal"
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    null = ll.Constant(I8P, None)
    getenv = ctx.intrinsic("getenv", I8P, [I8P])
    strcmp = ctx.intrinsic("strcmp", I32, [I8P, I8P])
    dlopen = ctx.intrinsic("dlopen", I8P, [I8P, I32])
    dlsym = ctx.intrinsic("dlsym", I8P, [I8P, I8P])
    from fastext.compiler.platforms import is_darwin
    RTLD_LOCAL = RTLD_LOCAL_DARWIN if is_darwin(ctx.module.triple or "") else 0     # the target's, not ours
    handle = b.alloca(I8P)
    b.store(null, handle)
    numpy_block, symbols_block = fn.append_basic_block("numpy"), fn.append_basic_block("symbols")

    def same(text: ll.Value, word: str) -> ll.Value:
        return b.icmp_signed("==", b.call(strcmp, [text, ctx.cstring(word)]), I32(0))

    env = b.call(getenv, [ctx.cstring(ENV)])
    with b.if_then(b.icmp_unsigned("!=", env, null)):
        with b.if_then(b.icmp_unsigned("!=", b.load(env), I8(0))):
            with b.if_then(b.or_(same(env, "0"), same(env, "none"))):
                b.ret(I32(0))
            with b.if_then(b.not_(same(env, "numpy"))):
                b.store(b.call(dlopen, [env, I32(2 | RTLD_LOCAL)]), handle)     # RTLD_NOW: a library of its own
                b.branch(symbols_block)
    b.branch(numpy_block)

    b.position_at_end(numpy_block)
    slot = b.alloca(OBJ)
    b.store(null, slot)
    for name in NUMPY_MODULES:          # the first that imports
        with b.if_then(b.icmp_unsigned("==", b.load(slot), null)):
            b.store(api.call(b, "PyImport_ImportModule", ctx.cstring(name)), slot)
            with b.if_then(b.icmp_unsigned("==", b.load(slot), null)):
                api.call(b, "PyErr_Clear")
    module = b.load(slot)
    with b.if_then(b.icmp_unsigned("==", module, null)):
        b.ret(I32(0))
    path_obj = api.call(b, "PyObject_GetAttrString", module, ctx.cstring("__file__"))
    api.call(b, "Py_DecRef", module)
    with b.if_then(b.icmp_unsigned("==", path_obj, null)):
        api.call(b, "PyErr_Clear")
        b.ret(I32(0))
    path = api.call(b, "PyUnicode_AsUTF8AndSize", path_obj, ll.Constant(ll.IntType(64).as_pointer(), None))
    with b.if_then(b.icmp_unsigned("==", path, null)):
        api.call(b, "PyErr_Clear")
        api.call(b, "Py_DecRef", path_obj)
        b.ret(I32(0))
    b.store(b.call(dlopen, [path, I32(RTLD_LAZY | RTLD_LOCAL)]), handle)
    api.call(b, "Py_DecRef", path_obj)
    b.branch(symbols_block)

    b.position_at_end(symbols_block)
    lib = b.load(handle)
    with b.if_then(b.icmp_unsigned("==", lib, null)):
        b.ret(I32(0))
    tbl = table(ctx)
    for prefix, suffix, wide, fortran in NAMINGS:
        found = [b.call(dlsym, [lib, ctx.cstring(symbol(r, prefix, suffix))]) for r in ROUTINES]
        every = ll.Constant(ll.IntType(1), 1)
        for p in found:
            every = b.and_(every, b.icmp_unsigned("!=", p, null))
        with b.if_then(every):
            found += [b.call(dlsym, [lib, ctx.cstring(f"{prefix}{r}{fortran}")]) for r in LAPACK]
            for k, p in enumerate(found):
                b.store(p, b.gep(tbl, [I32(0), I32(k)]))
            b.store(I32(int(wide)), b.gep(tbl, [I32(0), I32(ILP64)]))
            b.store(ctx.cstring(symbol("dgemm", prefix, suffix)), b.gep(tbl, [I32(0), I32(NAME)]))
            b.ret(I32(0))
    b.ret(I32(0))
    return fn


def describe_method(ctx: ModuleContext) -> tuple[str, ll.Function, int, str]:
    """`__fastext_blas__()`: the dgemm symbol the module calls (`'scipy_cblas_dgemm64_'`), or None
    when its products run the native loops."""
    api = CApi(ctx.module)
    fn = ll.Function(ctx.module, ll.FunctionType(OBJ, [OBJ, OBJ]), "fx$blas.describe")
    fn.linkage = "internal"
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    name = b.load(b.gep(table(ctx), [I32(0), I32(NAME)]))
    b.ret(api.call(b, "Py_BuildValue", ctx.cstring("s"), name))      # NULL → None
    doc = ("__fastext_blas__()\n--\n\nThe BLAS routine this module's matrix products call (its dgemm symbol), "
           "or None when they run native loops (docs/numpy-linalg.md).")
    return "__fastext_blas__", fn, METH_NOARGS, doc
