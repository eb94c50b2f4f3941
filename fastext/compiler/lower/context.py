"""Per-module lowering state: LLVM types of dialect types, declarations, error reporting."""
from __future__ import annotations

from dataclasses import dataclass, field

from llvmlite import ir as ll

from fastext.compiler import types as T
from fastext.compiler.builtins import EXC_CODE

I1, I8, I32, I64 = ll.IntType(1), ll.IntType(8), ll.IntType(32), ll.IntType(64)
F32, F64 = ll.FloatType(), ll.DoubleType()
I8P = I8.as_pointer()
# The error record a native function fills before returning 1: exception code, a
# printf-style format (PyErr_Format syntax) and up to three integer arguments; then the
# call's context: a pointer to the arena's list head (lower/alloc.py) and the lowest stack
# address recursive functions may reach on this thread (lower/recursion.py; set by the entry
# point and by prange workers).  Copies of the record (saved by except/finally) carry the same
# values, so restoring one never loses a block or the limit.
# Field 1 is, in CPU modules (`ModuleContext.tracebacks`), a pointer to a constant SITE
# {format, file, function name, line}: the statement that raised the error, for the
# traceback (abi/traceback.py), at no cost — the same one store as a bare format pointer.
SITE = ll.LiteralStructType([I8P, I8P, I8P, I32])
# The last field: the int flag of an f64 result (frontend/intflags.py), stored by every return of
# a function with `int_return` and read by its entry point when boxing the result.
ERR = ll.LiteralStructType([I32, I8P, I64, I64, I64, I8P, I64, I64])
ERR_ARENA = 5
ERR_STACK = 6
ERR_INTRET = 7
ERRP = ERR.as_pointer()


# complex numbers are literal structs {re, im} of two floats, laid out as C's
# `double _Complex` / NumPy's complex128 ({float, float} for c64), so array items load directly.
C64, C128 = ll.LiteralStructType([F32, F32]), ll.LiteralStructType([F64, F64])
# A `str` parameter: {data, length in characters, bytes per character (1: ASCII text read in
# place, 4: a UCS-4 copy the entry point frees), the str object (borrowed)}.
STR_VIEW = ll.LiteralStructType([I8P, I64, I64, I8P])


def scalar_type(t: T.Scalar) -> ll.Type:
    if t.is_complex:
        return C64 if t.bits == 64 else C128
    if t.is_bool:
        return I1
    if t.is_float:
        return F32 if t.bits == 32 else F64
    return ll.IntType(t.bits)


def memory_type(t: T.Scalar) -> ll.Type:
    """How a scalar is stored in an array (bool is one byte); a struct item is packed."""
    if isinstance(t, T.Struct):
        return ll.LiteralStructType([memory_type(ft) for _, ft in t.fields], packed=True)
    return I8 if t.is_bool else scalar_type(t)


def array_type(t: T.Array) -> ll.Type:
    """Strided view: data pointer, shape, strides in bytes."""
    dims = ll.ArrayType(I64, t.ndim)
    return ll.LiteralStructType([I8P, dims, dims])


def record_type(t: T.Struct) -> ll.Type:
    """A struct's fields as one literal struct: the value of an immutable struct, the record a
    mutable struct points to."""
    return ll.LiteralStructType([value_type(ft) for _, ft in t.fields])


def value_type(t: T.Type) -> ll.Type:
    if isinstance(t, T.Scalar):
        return scalar_type(t)
    if isinstance(t, T.Array):
        return array_type(t)
    if isinstance(t, T.Tuple):
        return ll.LiteralStructType([value_type(i) for i in t.items])
    if isinstance(t, T.ClassRef):     # a class's reference to its own kind: untyped (lower/structs.py)
        return I8P
    if isinstance(t, T.Struct) and t.mutable:   # a reference to its record (lower/structs.py)
        return record_type(t).as_pointer()
    if isinstance(t, T.Struct):   # passed and returned by value, like a tuple
        return record_type(t)
    if isinstance(t, T.PyObj):
        return I8P                     # PyObject*, an owned reference in a local (lower/objects.py)
    if isinstance(t, T.Str):
        return STR_VIEW
    if isinstance(t, T.Char):
        return I32                     # the code point
    if isinstance(t, T.RandomGenerator):
        return I8P                     # a pointer to its state (lower/rng.py)
    if isinstance(t, (T.List, T.Dict, T.Set)):
        return I8P                     # a pointer to its header (lower/lists.py, lower/dicts.py)
    raise TypeError(f"no LLVM type for {t}")


@dataclass
class ModuleContext:
    module: ll.Module
    boundscheck: bool = True
    functions: dict[str, ll.Function] = field(default_factory=dict)
    contiguous: dict[str, ll.Function] = field(default_factory=dict)   # contiguous-array variants
    noalias: dict[str, ll.Function] = field(default_factory=dict)      # no-overlap variants (abi/noalias.py)
    ir_module: object = None       # the typed module being lowered (lower/speculate.py reads callees)
    profile: bool = False                                              # the instrumented build
    bodies: dict[str, ll.Function] = field(default_factory=dict)       # profile: bodies behind counters
    current_span: object = None    # the statement being lowered, for internal-error reports
    arena_users: set = field(default_factory=set)   # exported functions that may allocate arrays
    keeps_objects: bool = False    # containers hold str items: entry points release them (lower/kept.py)
    recursion: object = None       # lower/recursion.py: Plan (recursive functions and their checks)
    tracebacks: bool = False       # record .fx locations in the error record (the CPU module; abi/traceback.py)
    current_function: object = None   # the ir.Function being lowered (its name in tracebacks)
    vector_abis: list = field(default_factory=list)  # libmvec's vector ABIs usable here (lower/vecmath.py)
    vector_variants: dict = field(default_factory=dict)   # wrapper name → its vector versions
    numpy_loops: bool = False      # float ufuncs call NumPy's own loops (lower/nploops.py); CPU code only
    debug: object = None           # lower/debuginfo.py: DebugInfo of a `-g` build, else None
    _strings: dict[str, ll.GlobalVariable] = field(default_factory=dict)

    def cstring(self, text: str | bytes) -> ll.Constant:
        """A pointer to a private NUL-terminated constant string (UTF-8 of a str, or the bytes)."""
        gv = self._strings.get(text)
        if gv is None:
            data = bytearray((text if isinstance(text, bytes) else text.encode("utf-8")) + b"\0")
            gv = ll.GlobalVariable(self.module, ll.ArrayType(I8, len(data)), name=f".str.{len(self._strings)}")
            gv.initializer = ll.Constant(ll.ArrayType(I8, len(data)), data)
            gv.global_constant = True
            gv.linkage = "private"
            gv.unnamed_addr = True
            self._strings[text] = gv
        return gv.bitcast(I8P)

    def intrinsic(self, name: str, ret: ll.Type, args: list[ll.Type]) -> ll.Function:
        fn = self.module.globals.get(name)
        if fn is None:
            fn = ll.Function(self.module, ll.FunctionType(ret, args), name)
        return fn

    def libm(self, name: str, arity: int, exact: bool = False) -> ll.Function:
        """Declare the C library's `name(double, ...)`; `exact` marks it `nobuiltin` so LLVM
        calls it as written instead of substituting what it knows of it."""
        fn = self.intrinsic(name, F64, [F64] * arity)
        if exact and "nobuiltin" not in fn.attributes:
            fn.attributes.add("nobuiltin")
        return fn

    def libm_typed(self, name: str, arity: int, ty: ll.Type) -> ll.Function:
        """The C library's `name` for f32 or f64 (`expf`, `exp`), which LLVM may treat as the
        builtin it knows (NumPy's element-wise functions: no bit-for-bit promise), or its
        wrapper with vector versions from libmvec (lower/vecmath.py)."""
        from fastext.compiler.lower import vecmath
        return vecmath.scalar_function(self, name, arity, ty) or self.intrinsic(libm_symbol(name, ty), ty, [ty] * arity)


def libm_symbol(name: str, ty: ll.Type) -> str:
    """The C library's name of `name` for a float type: `exp`, `expf`."""
    return name if ty == F64 else name + "f"


def fill_error(b: ll.IRBuilder, err: ll.Value, ctx: ModuleContext, exc: str, fmt: str | None,
               args: tuple[ll.Value, ...] = ()) -> None:
    """Store an exception into the error record (no Python API: the GIL may be released).

    `fmt` is a PyErr_Format format; None raises the exception without arguments.
    """
    b.store(I32(EXC_CODE[exc]), b.gep(err, [I32(0), I32(0)]))
    where = site(ctx, fmt)
    if where is None:
        where = ctx.cstring(fmt) if fmt is not None else ll.Constant(I8P, None)
    b.store(where, b.gep(err, [I32(0), I32(1)]))
    for k, a in enumerate(args[:3]):
        b.store(a, b.gep(err, [I32(0), I32(2 + k)]))


def site(ctx: ModuleContext, fmt: str | None = None) -> ll.Value | None:
    """The constant SITE of the statement being lowered, with the error's format (None: this
    module records no sites)."""
    span, fn = ctx.current_span, ctx.current_function
    if not ctx.tracebacks:
        return None
    file, line = (span.file, span.line) if span is not None else ("", 0)
    name = fn.name.rpartition(".")[2].split("$")[0] if fn is not None else ""     # Vec.norm → norm, _f$py → _f
    key = (fmt, file, name, line)
    sites = ctx.__dict__.setdefault("_sites", {})
    gv = sites.get(key)
    if gv is None:
        gv = ll.GlobalVariable(ctx.module, SITE, name=f"fx$site.{len(sites)}")
        gv.initializer = ll.Constant(SITE, [ctx.cstring(fmt) if fmt is not None else ll.Constant(I8P, None),
                                            ctx.cstring(file), ctx.cstring(name), I32(line)])
        gv.global_constant, gv.linkage = True, "private"
        sites[key] = gv
    return gv.bitcast(I8P)


def call_site_status(ctx: ModuleContext) -> ll.Constant:
    """The status a function returns when a call at the current statement failed: 2 + the
    call site's index in `fx$call_sites` (status 1: the error was raised in the function
    itself).  Every level returns its own, so the entry point learns the outermost call
    site — the line of the exported function the error came through — for free."""
    if not ctx.tracebacks:
        return I32(1)
    where = site(ctx)
    calls = ctx.__dict__.setdefault("_call_sites", {})     # site global's name → (index, site)
    key = getattr(where, "name", str(where))
    if key not in calls:
        calls[key] = (len(calls), where)
    return I32(2 + calls[key][0])


def call_sites_table(ctx: ModuleContext) -> ll.GlobalVariable:
    """`fx$call_sites`, the table the status words index; made when the first entry point
    needs it, after every function is lowered (so it holds every call site)."""
    table = ctx.module.globals.get("fx$call_sites")
    if table is None:
        sites = [where for _, where in sorted(ctx.__dict__.get("_call_sites", {}).values(), key=lambda p: p[0])]
        arr = ll.ArrayType(I8P, max(1, len(sites)))
        table = ll.GlobalVariable(ctx.module, arr, "fx$call_sites")
        table.initializer = ll.Constant(arr, sites or [ll.Constant(I8P, None)])
        table.global_constant, table.linkage = True, "private"
    return table
