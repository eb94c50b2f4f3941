"""Vectorised math for NumPy's element-wise functions: glibc's libmvec.

`np.exp(x)` & co. run one C library call per item unless LLVM knows a vector version of the
function.  glibc ships one (libmvec: `_ZGVeN8v_exp` computes 8 doubles with AVX-512,
`_ZGVdN4v_exp` 4 with AVX2, ...; ≤ 4 ulp), and LLVM's loop vectoriser uses a vector version
when the scalar call is marked with the `vector-function-abi-variant` attribute (the vector
function ABI).  NumPy itself computes these functions with its own SIMD code, so without this a
compiled `np.exp(x)` would be several times slower than NumPy's.

The scalar call of a NumPy ufunc goes to an internal wrapper `fx.vm.<name>` (never inlined,
`memory(none)`: the ufunc ignores errno) which calls the C library; `annotate` adds the
attribute and the vector declarations to the IR text (llvmlite's builder cannot write string
attributes). Only for host builds on Linux x86-64 with glibc's libmvec present, and only the
variants the installed libmvec exports: a module built for another CPU (wheels: `cpu` set)
calls the scalar functions. `math.*` keeps calling the C library as written (bit-identical to
CPython), through its own declarations.
"""
from __future__ import annotations

import functools
import re
import sys

from llvmlite import ir as ll

from fastext.compiler.lower.context import F32, libm_symbol

# functions libmvec has (glibc 2.22: exp log sin cos pow; 2.35: the rest), with their arity
FUNCTIONS = {"exp": 1, "log": 1, "sin": 1, "cos": 1, "pow": 2, "exp2": 1, "exp10": 1, "expm1": 1, "log2": 1,
             "log10": 1, "log1p": 1, "tan": 1, "asin": 1, "acos": 1, "atan": 1, "atan2": 2, "sinh": 1, "cosh": 1,
             "tanh": 1, "asinh": 1, "acosh": 1, "atanh": 1, "cbrt": 1, "hypot": 2, "erf": 1, "erfc": 1}
# ISA letter of the vector function ABI and the register width in bits, widest first
ISAS = (("e", 512, "+avx512f"), ("d", 256, "+avx2"), ("b", 128, ""))
PREFIX = "fx.vm."


@functools.cache
def _libmvec():
    if not sys.platform.startswith("linux"):
        return None
    import ctypes
    try:
        return ctypes.CDLL("libmvec.so.1")
    except OSError:
        return None


def isas(triple: str, features: str) -> list[tuple[str, int]]:
    """The vector ABIs usable on the target (letter, bits), or [] when libmvec is not used."""
    if not triple.startswith("x86_64") or "linux" not in triple or _libmvec() is None:
        return []
    out = []
    for letter, bits, feature in ISAS:
        if not feature or feature in features.split(","):
            out.append((letter, bits))
    return out


def variants(name: str, ty: ll.Type, abis: list[tuple[str, int]]) -> list[tuple[int, str]]:
    """(lanes, vector symbol) of `name` for float type `ty` that the installed libmvec exports."""
    lib = _libmvec()
    symbol = libm_symbol(name, ty)
    lanes_bits = 32 if ty == F32 else 64
    params = "v" * FUNCTIONS[name]
    out = []
    for letter, bits in abis:
        lanes = bits // lanes_bits
        vector = f"_ZGV{letter}N{lanes}{params}_{symbol}"
        if lib is not None and hasattr(lib, vector):
            out.append((lanes, vector))
    return out


def scalar_function(ctx, name: str, arity: int, ty: ll.Type) -> ll.Function | None:
    """The wrapper `fx.vm.<symbol>` for a NumPy ufunc's call of `name`, when a vector version
    exists for this target (None: call the C library directly)."""
    abis = getattr(ctx, "vector_abis", None)
    if not abis or name not in FUNCTIONS:
        return None
    symbol = libm_symbol(name, ty)
    wrapper = ctx.module.globals.get(PREFIX + symbol)
    if wrapper is not None:
        return wrapper
    found = variants(name, ty, abis)
    if not found:
        return None
    fnty = ll.FunctionType(ty, [ty] * arity)
    wrapper = ll.Function(ctx.module, fnty, PREFIX + symbol)
    wrapper.linkage = "internal"
    wrapper.attributes.add("noinline")      # the vectoriser maps calls of the wrapper, not of libm
    wrapper.attributes.add("nounwind")
    b = ll.IRBuilder(wrapper.append_basic_block("entry"))
    libm = ctx.module.globals.get(symbol) or ll.Function(ctx.module, fnty, symbol)
    b.ret(b.call(libm, list(wrapper.args)))
    ctx.vector_variants[PREFIX + symbol] = (fnty, found)
    return wrapper


def annotate(text: str, vector_variants: dict) -> str:
    """Add the vector-function ABI attribute to each wrapper's definition, and declare the
    vector functions (kept by `llvm.compiler.used` until the vectoriser has run, as are the
    wrappers' signatures)."""
    if not vector_variants:
        return text
    groups, decls, used = [], [], []
    for k, (name, (fnty, found)) in enumerate(sorted(vector_variants.items())):
        group = 9000 + k
        mangled = ",".join(f"_ZGV_LLVM_N{lanes}{'v' * len(fnty.args)}_{name}({vector})" for lanes, vector in found)
        groups.append(f'attributes #{group} = {{ noinline nounwind willreturn memory(none) '
                      f'"vector-function-abi-variant"="{mangled}" }}')
        pattern = re.compile(r'^(define internal \w+ @"' + re.escape(name) + r'"\([^)]*\))[^{\n]*', re.M)
        text, n = pattern.subn(lambda m: m.group(1) + f" #{group}", text)
        assert n == 1, name
        # the wrapper too: as an address-taken function it keeps its parameters (else LLVM drops
        # an argument every call passes as the same constant, `x ** -1.5`, and the one-argument
        # function no longer matches its two-argument vector variants)
        used.append(f'ptr @"{name}"')
        for lanes, vector in found:
            vt = f"<{lanes} x {fnty.return_type}>"
            decls.append(f'declare {vt} @"{vector}"({", ".join([vt] * len(fnty.args))})')
            used.append(f'ptr @"{vector}"')
    used_line = f'@llvm.compiler.used = appending global [{len(used)} x ptr] [{", ".join(used)}], ' \
                f'section "llvm.metadata"'
    return text + "\n" + "\n".join(decls + [used_line] + groups) + "\n"

