"""Complex numbers (c128 = Python's complex, c64): compiled vs interpreted, arrays, bad input, diagnostics.

The interpreted module (tests/fx/complex.fx run as plain Python) is the oracle; c128
results must be bit-identical (signed zeros and NaN included), since every operation
is CPython's algorithm step for step (Smith's division as `_Py_c_quot`, `c_powi`,
`hypot` for abs).
"""
from __future__ import annotations

import functools
import math
import os

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bitexact
import fxload
from bitexact import same
from fastext.compiler.diagnostics import CompileError
from fastext.compiler.driver import compile_source

COMPLEX = os.path.join(fxload.FX_DIR, "complex.fx")
SETTINGS = settings(max_examples=int(os.environ.get("FASTEXT_DIFF_EXAMPLES", "60")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def m():
    return fxload.compiled(COMPLEX)


@pytest.fixture(scope="module")
def py():
    return fxload.interpreted(COMPLEX)


check = functools.partial(bitexact.check, errors=(Exception,), messages=False)


SPECIAL = st.sampled_from([0.0, -0.0, 1.0, -1.0, math.inf, -math.inf, math.nan, 1e308, -1e308, 5e-324, 1e-300])
FLOATS = st.one_of(st.floats(-1e6, 1e6, allow_nan=False, width=64), SPECIAL, st.floats(allow_nan=True))
COMPLEXES = st.builds(complex, FLOATS, FLOATS)


@SETTINGS
@given(a=COMPLEXES, b=COMPLEXES)
def test_binary_ops(m, py, a, b):
    for name in ("add", "sub", "mul", "div", "eq"):
        check(m, py, name, a, b)
    check(m, py, "ne", a, b.real)


@SETTINGS
@given(a=COMPLEXES, x=FLOATS, n=st.integers(-1000, 1000))
def test_unary_and_mixed(m, py, a, x, n):
    for name in ("neg", "parts", "conj", "modulus", "truth", "powi", "to_c64"):
        check(m, py, name, a)
    check(m, py, "mixed", a, x, n)
    check(m, py, "literals", x)
    check(m, py, "make", x, a.real)


@SETTINGS
@given(z=st.builds(complex, st.floats(-2, 2), st.floats(-2, 2)), n=st.integers(0, 30))
def test_loops(m, py, z, n):
    check(m, py, "square_accumulate", z, n)
    check(m, py, "mandel", z, 100)


def test_special_cases(m, py):
    for a, b in [(1 + 1j, 0j), (1 + 1j, -0.0 + 0j), (0j, 0j), (1j, complex(0, math.nan)),
                 (complex(math.inf, 1), complex(math.inf, math.inf)), (1e308 + 1e308j, 1e-308 + 1e-308j)]:
        for name in ("div", "mul", "add", "sub"):
            check(m, py, name, a, b)
    with pytest.raises(ZeroDivisionError, match="complex division by zero"):
        m.div(1 + 2j, 0j)
    with pytest.raises(OverflowError, match="absolute value too large"):
        m.modulus(1.5e308 + 1.5e308j)
    check(m, py, "modulus", 1.5e308 + 1.5e308j)
    assert m.modulus(complex(math.inf, math.nan)) == math.inf
    for z in (0j, 1e200 + 1e200j, complex(1e200, 0), complex(math.inf, 0), 1e-200j):
        check(m, py, "powi", z)
    with pytest.raises(ZeroDivisionError):
        m.powi(0j)
    with pytest.raises(OverflowError, match="complex exponentiation"):
        m.powi(complex(1e200, 0))


def test_c64(m):
    z = m.c64_ops(1 + 2j, 3 + 4j)
    a, b = np.complex64(1 + 2j), np.complex64(3 + 4j)
    assert z == complex(a * b + a / np.float32(2))
    assert m.to_c64(0.1 + 0.2j) == complex(np.complex64(0.1 + 0.2j))


def test_mandelbrot_matches_plain_python(m):
    h, w, maxiter = 48, 64, 100
    x0, y0, dx, dy = -2.0, -1.2, 3.0 / w, 2.4 / h
    out = np.zeros((h, w), np.int64)
    m.mandelbrot(out, x0, y0, dx, dy, maxiter)

    def plain(c):   # plain Python, no fastext
        z = 0j
        for k in range(maxiter):
            z = z * z + c
            if abs(z) > 2.0:
                return k
        return maxiter
    expected = [[plain(complex(x0 + j * dx, y0 + i * dy)) for j in range(w)] for i in range(h)]
    assert out.tolist() == expected
    assert len(set(out.ravel().tolist())) > 10


# ---------------------------------------------------------------------------- arrays

def test_arrays_1d_and_views(m, py):
    rng = np.random.default_rng(1)
    base = rng.normal(size=40) + 1j * rng.normal(size=40)
    for view in (base, base[::2], base[::-3], base[5:9]):
        assert same(m.csum(view), py.csum(view.copy()))
        assert same(m.cdot(view, view[::-1]), py.cdot(view.copy(), view[::-1].copy()))
    assert m.csum(np.zeros(0, complex)) == 0j


def test_arrays_2d_writes(m, py):
    rng = np.random.default_rng(2)
    base = rng.normal(size=(6, 8)) + 1j * rng.normal(size=(6, 8))
    for index in ((slice(None), slice(None)), (slice(None, None, 2), slice(None, None, -1))):
        a, b = base.copy(), base.copy()
        va, vb = a[index], b[index]
        m.scale(va, 2 - 0.5j)
        py.scale(vb, 2 - 0.5j)
        assert np.array_equal(a, b)
        m.scale(va.T, 1j)
        py.scale(vb.T, 1j)
        assert np.array_equal(a, b)


def test_array_stores_and_fill(m, py):
    a = np.zeros(5, complex)
    m.store_real(a, np.arange(5.0))
    assert a.tolist() == [0j, 1 + 0j, 2 + 0j, 3 + 0j, 4 + 0j]
    m.fill(a[::2], 1 - 1j)
    assert a.tolist() == [1 - 1j, 1 + 0j, 1 - 1j, 3 + 0j, 1 - 1j]
    a64 = np.array([1 + 1j, 2.5 - 1j, 0.25j], np.complex64)
    assert m.sum64(a64) == complex(np.complex64(a64[0] + a64[1] + a64[2]))
    assert py.csum(np.array([1j, 2.0])) == 2 + 1j       # interpreted items are Python complex


# ---------------------------------------------------------------------------- calling convention

def test_accepts_numbers(m):
    assert m.add(1, 2.5) == 3.5 + 0j and type(m.add(1, 2)) is complex
    assert m.add(True, np.float64(2)) == 3 + 0j
    assert m.add(np.complex128(1 + 1j), np.complex64(2 - 1j)) == 3 + 0j
    assert m.add(np.int32(4), np.float32(0.5)) == 4.5 + 0j

    class C(complex):
        pass

    class D:
        def __complex__(self):
            return 1j
    assert m.add(C(1, 2), D()) == 1 + 3j
    assert m.default() == 2j and m.default(z=1) == 2 + 0j
    assert type(m.sum64(np.zeros(1, np.complex64))) is complex


@pytest.mark.parametrize("bad", ["1+2j", None, [1j], b"x", object()])
def test_bad_scalar(m, bad):
    with pytest.raises(TypeError, match=r"add\(\) argument 'b' must be complex \(c128\)"):
        m.add(1j, bad)


def test_bad_complex_dunder(m):
    class Bad:
        def __complex__(self):
            return "no"

    class Raises:
        def __complex__(self):
            raise RuntimeError("boom")
    with pytest.raises(TypeError, match="must be complex"):
        m.add(1j, Bad())
    with pytest.raises(RuntimeError, match="boom"):
        m.add(1j, Raises())


@pytest.mark.parametrize("bad, exc, needle", [
    (np.zeros(3), ValueError, "format 'd'"),
    (np.zeros(3, np.complex64), ValueError, "format 'Zf'"),
    (np.zeros((2, 2), complex), ValueError, "2-D"),
    ([1j, 2j], TypeError, "must be c128"),
    (1j, TypeError, "must be c128"),
])
def test_bad_arrays(m, bad, exc, needle):
    with pytest.raises(exc, match=r"csum\(\) argument 'a'") as info:
        m.csum(bad)
    assert needle in str(info.value)


def test_readonly_complex_array(m):
    a = np.zeros(3, complex)
    a.flags.writeable = False
    with pytest.raises(ValueError, match="writable"):
        m.fill(a, 1j)
    assert m.csum(a) == 0j


def test_c64_array_rejects_c128(m):
    with pytest.raises(ValueError, match="complex64"):
        m.sum64(np.zeros(2, complex))


# ---------------------------------------------------------------------------- diagnostics

def diag(body: str, header: str = "from fastext import f64, c64, c128\n\n\n"):
    with pytest.raises(CompileError) as info:
        compile_source(header + body, "cx.fx", "cx")
    (d,) = info.value.diagnostics
    return d


@pytest.mark.parametrize("body, needle, hint", [
    ("def f(a: complex, b: complex) -> bool:\n    return a < b\n", "'<' is not supported between complex", "abs(z)"),
    ("def f(a: complex) -> bool:\n    return 0 <= a\n", "'<=' is not supported between complex", "unordered"),
    ("def f(a: complex) -> f64:\n    x: f64 = a\n    return x\n", "cannot take a c128", "z.real"),
    ("def f(a: complex) -> f64:\n    return a\n", "return value has type f64", "z.real"),
    ("def f(a: complex) -> f64:\n    return float(a)\n", "cannot convert a c128 to f64", "z.real"),
    ("def f(a: complex) -> int:\n    return int(a)\n", "cannot convert a c128", "abs(z)"),
    ("def f(a: c128) -> c64:\n    return a\n", "cannot take a c128", ""),
    ("def f(a: complex) -> complex:\n    return a // 2\n", "unsupported operand type for //", "+ - *"),
    ("def f(a: complex) -> complex:\n    return a % 2\n", "unsupported operand type for %", "**"),
    ("def f(a: complex) -> f64:\n    return max(a, 1.0)\n", "needs a real number", "abs(z)"),
    ("def f(a: f64[:], z: complex) -> None:\n    a[0] = z\n", "cannot take a c128", "z.real"),
    ("def f(a: complex) -> f64:\n    return a.phase\n", "no attribute `phase`", ".real and .imag"),
    ("def f(a: c128[:]) -> c128:\n    return a.min()\n", "of complex numbers is not supported", "abs(z)"),
])
def test_diagnostics(body, needle, hint):
    d = diag(body)
    assert needle in d.message, d.message
    assert hint in d.hint, d.hint
    assert d.span.line >= 4


def test_math_rejects_complex():
    d = diag("def f(a: complex) -> f64:\n    return math.sqrt(a)\n", "import math\nfrom fastext import f64\n\n\n")
    assert "needs a real number" in d.message


def test_runtime_types():
    from fastext import c64, c128
    assert c128(1) == 1 + 0j and type(c128(2.5)) is complex
    assert c64(0.1 + 0.2j) == complex(np.complex64(0.1 + 0.2j))
    assert repr(c128[:, :]) == "c128[:, :]"
    with pytest.raises(TypeError):
        c128("1j")
