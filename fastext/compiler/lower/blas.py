"""Calls into the BLAS NumPy uses: the module's table of CBLAS and LAPACK routines and typed calls of them.

A module whose code multiplies matrices (or solves systems) holds one internal global, `fx$blas`:
a pointer per routine of `ROUTINES` and `LAPACK`, a flag saying whether the library's integers
are 64-bit (ILP64, as in NumPy's wheels) and the name of the `dgemm` symbol found (for
`__fastext_blas__()`).  It is zero until the module's exec slot (`abi/blas.py`) fills it
at import; a zero pointer means "no BLAS" (or no LAPACK in it): the operation runs native
loops instead (`lower/gemm.py`, `lower/lapack.py`), so every call site tests the pointer
first (`usable`).  LAPACK routines are Fortran's: every argument by address (`ref`).

Nothing is linked against a BLAS: the generated module resolves the symbols itself with
`dlopen`/`dlsym`, so a prebuilt wheel works wherever NumPy is, with whatever BLAS that NumPy
was built with (OpenBLAS ILP64 in PyPI wheels, an LP64 CBLAS in distribution packages).
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import types as T
from fastext.compiler.lower.context import F32, F64, I1, I32, I64, I8P, ModuleContext, scalar_type

# the routines a product may call, per dtype letter: s f32, d f64, c c64, z c128
ROUTINES = ("sdot", "ddot", "cdotu_sub", "zdotu_sub", "sgemv", "dgemv", "cgemv", "zgemv",
            "sgemm", "dgemm", "cgemm", "zgemm", "ssyrk", "dsyrk", "csyrk", "zsyrk")
# the LAPACK routines of np.linalg.solve/inv (gesv), det/slogdet (getrf), cholesky (potrf), qr
# (geqrf, orgqr/ungqr), eigh/eigvalsh (syevd/heevd), svd (gesdd) and lstsq (gelsd), double precision as
# NumPy calls them; found
# with the CBLAS ones but not required (a BLAS without them: zero pointers)
LAPACK = ("dgesv", "zgesv", "dgetrf", "zgetrf", "dpotrf", "zpotrf", "dgeqrf", "zgeqrf", "dorgqr", "zungqr",
          "dsyevd", "zheevd", "dgesdd", "zgesdd", "dgelsd", "zgelsd", "dgeev")     # eig/eigvals: dgeev
TABLE = ll.LiteralStructType([I8P] * (len(ROUTINES) + len(LAPACK)) + [I32, I8P])   # routines, ilp64, dgemm's name
ILP64, NAME = len(ROUTINES) + len(LAPACK), len(ROUTINES) + len(LAPACK) + 1

ROW_MAJOR, NO_TRANS, TRANS = 101, 111, 112          # CBLAS_ORDER / CBLAS_TRANSPOSE values
INT32_MAX = (1 << 31) - 1


def letter(t: T.Scalar) -> str:
    """BLAS's letter for a dtype (only f32, f64, c64, c128 have routines)."""
    return {"f32": "s", "f64": "d", "c64": "c", "c128": "z"}[t.name]


def has_routines(t: T.Scalar) -> bool:
    return t.name in ("f32", "f64", "c64", "c128")


def table(ctx: ModuleContext) -> ll.GlobalVariable:
    """The module's `fx$blas` (zero-initialised; filled by the exec slot of `abi/blas.py`)."""
    from fastext.compiler.lower.ircontrol import internal_global
    return internal_global(ctx.module, "fx$blas", TABLE)


def _field(fl, k: int) -> ll.Value:
    return fl.b.gep(table(fl.ctx), [I32(0), I32(k)])


def _pointer(fl, routine: str) -> ll.Value:
    return fl.b.load(_field(fl, (ROUTINES + LAPACK).index(routine)))


def wide(fl) -> ll.Value:
    """Whether the library's integers are 64-bit (i1)."""
    return fl.b.icmp_signed("!=", fl.b.load(_field(fl, ILP64)), I32(0))


def usable(fl, routine: str, ints: list[ll.Value]) -> ll.Value:
    """Whether `routine` was found and can take these integer arguments (an LP64 library
    takes 32-bit integers: larger dimensions go to the native loops)."""
    b = fl.b
    found = b.icmp_unsigned("!=", _pointer(fl, routine), ll.Constant(I8P, None))
    fits = I1(1)
    for v in ints:
        fits = b.and_(fits, b.icmp_unsigned("<=", v, I64(INT32_MAX)))
    return b.and_(found, b.or_(wide(fl), fits))


def call(fl, routine: str, args: list[tuple[str, ll.Value]], ret: ll.Type = ll.VoidType()) -> ll.Value | None:
    """Call a routine (after `usable`): `args` are ("int", i64) for BLAS integers, ("enum", i32),
    ("ref", i64*) for an integer passed by address (LAPACK's; read back after the call: `info`),
    or ("value", anything passed as is).  The integers go as i64 or i32 as the library wants."""
    b = fl.b
    fnptr = _pointer(fl, routine)
    results = []
    with b.if_else(wide(fl)) as (ilp64, lp64):
        for branch, int_t in ((ilp64, I64), (lp64, I32)):
            with branch:
                types, values, narrowed = [], [], []
                for kind, v in args:
                    if kind == "int":
                        types.append(int_t)
                        values.append(v if int_t == I64 else b.trunc(v, I32))
                    elif kind == "ref" and int_t == I32:
                        slot = fl.entry_alloca(I32)
                        b.store(b.trunc(b.load(v), I32), slot)
                        types.append(slot.type)
                        values.append(slot)
                        narrowed.append((slot, v))
                    else:
                        types.append(v.type)
                        values.append(v)
                fn = b.bitcast(fnptr, ll.FunctionType(ret, types).as_pointer())
                result = b.call(fn, values)
                for slot, v in narrowed:
                    b.store(b.sext(b.load(slot), I64), v)
                results.append((result, b.block))
    if isinstance(ret, ll.VoidType):
        return None
    phi = b.phi(ret)
    for value, block in results:
        phi.add_incoming(value, block)
    return phi


def scalar_arg(fl, t: T.Scalar, value: float) -> tuple[str, ll.Value]:
    """alpha/beta: by value for real routines, through a pointer for complex ones."""
    if not t.is_complex:
        return "value", scalar_type(t)(value)
    part = F32 if t.bits == 64 else F64
    slot = fl.entry_alloca(scalar_type(t))
    fl.b.store(ll.Constant(scalar_type(t), [part(value), part(0.0)]), slot)
    return "value", fl.b.bitcast(slot, I8P)
