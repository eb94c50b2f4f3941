"""NumPy's ufuncs in `.fx` code against NumPy itself: every ufunc of the registry, over the
dtypes NumPy has loops for, on random arrays with edge values (0, -0, ±inf, NaN, extremes),
contiguous, strided and reversed; a scalar operand weak (a Python number) or strong.

One generated module holds a function per (ufunc, dtypes) so the compiler runs once.  Results
must have NumPy's dtype; values are equal (NaN equal to NaN) except for the transcendental
functions, where NumPy's own SIMD implementations and the C library may differ in the last
bits (docs/language.md: a relative tolerance of 1e-13 for f64, 1e-5 for f32).
"""
from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload

SHORT = {"float64": "f64", "float32": "f32", "int64": "i64", "int32": "i32", "uint8": "u8", "int8": "i8",
         "bool": "boolean", "complex128": "c128", "complex64": "c64", "uint64": "u64", "int16": "i16"}
EXACT_FLOAT = {"add", "subtract", "multiply", "true_divide", "floor_divide", "remainder", "fmod", "negative",
               "positive", "absolute", "fabs", "sign", "square", "reciprocal", "conjugate", "sqrt", "floor", "ceil",
               "trunc", "rint", "maximum", "minimum", "fmax", "fmin", "copysign", "isnan", "isinf", "isfinite",
               "signbit", "less", "less_equal", "greater", "greater_equal", "equal", "not_equal", "logical_and",
               "logical_or", "logical_xor", "logical_not", "deg2rad", "rad2deg"}
UNARY = ["negative", "positive", "absolute", "fabs", "sign", "square", "reciprocal", "conjugate", "sqrt", "cbrt",
         "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "arcsin", "arccos",
         "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh", "floor", "ceil", "trunc", "rint",
         "isnan", "isinf", "isfinite", "signbit", "logical_not", "invert", "deg2rad", "rad2deg"]
BINARY = ["add", "subtract", "multiply", "true_divide", "floor_divide", "remainder", "fmod", "power", "maximum",
          "minimum", "fmax", "fmin", "arctan2", "hypot", "copysign", "less", "less_equal", "greater",
          "greater_equal", "equal", "not_equal", "logical_and", "logical_or", "logical_xor", "bitwise_and",
          "bitwise_or", "bitwise_xor", "left_shift", "right_shift"]
UNARY_TYPES = ["float64", "float32", "int64", "uint8", "bool", "complex128"]
BINARY_TYPES = [("float64", "float64"), ("float32", "float32"), ("int64", "int64"), ("uint8", "int8"),
                ("float32", "int64"), ("bool", "bool")]
# complex loops the dialect has (cmath's algorithms); the rest are compile errors for complex
COMPLEX_UNARY = {"negative", "positive", "absolute", "sign", "square", "reciprocal", "conjugate", "sqrt", "exp",
                 "log", "log10", "sin", "cos", "tan", "sinh", "cosh", "tanh", "arcsin", "arccos", "arctan",
                 "arcsinh", "arccosh", "arctanh", "isnan", "isinf", "isfinite", "logical_not"}


def _loop(name: str, dtypes: tuple[str, ...]) -> str | None:
    """NumPy's output dtype for `name` on arrays of `dtypes`, or None when it has no loop the
    dialect can hold (NumPy raises, or gives float16)."""
    fn = getattr(np, name)
    try:
        loop = fn.resolve_dtypes(tuple(np.dtype(d) for d in dtypes) + (None,) * fn.nout)
    except (TypeError, ValueError):
        return None
    return str(loop[-1]) if all(str(d) in SHORT for d in loop) else None


def _cases() -> list[tuple[str, str, tuple[str, ...], str]]:
    cases = []
    for name in UNARY:
        for dt in UNARY_TYPES:
            if dt.startswith("complex") and name not in COMPLEX_UNARY:
                continue
            if name == "reciprocal" and dt not in ("float64", "float32", "complex128"):
                continue      # NumPy's integer reciprocal is C's undefined cast of 1.0 / 0
            out = _loop(name, (dt,))
            if out:
                cases.append((f"u_{name}_{SHORT[dt]}", name, (dt,), out))
    for name in BINARY:
        for pair in BINARY_TYPES:
            out = _loop(name, pair)
            if out:
                cases.append((f"b_{name}_{SHORT[pair[0]]}_{SHORT[pair[1]]}", name, pair, out))
    return cases


CASES = _cases()


def _source() -> str:
    lines = ["import numpy as np", "from fastext import f64, f32, i64, i32, i16, i8, u8, u64, c64, c128, boolean", ""]
    for fname, name, dts, out in CASES:
        params = ", ".join(f"{'xy'[k]}: {SHORT[d]}[:]" for k, d in enumerate(dts))
        args = ", ".join("xy"[:len(dts)])
        lines.append(f"def {fname}({params}) -> {SHORT[out]}[:]:\n    return np.{name}({args})\n")
    # weak and strong scalars beside arrays (NEP 50)
    lines.append("def weak_f32(x: f32[:], s: float) -> f32[:]:\n    return x * s + 1\n")
    lines.append("def strong_f32(x: f32[:], y: f64[:]) -> f64[:]:\n    return x * y[0]\n")
    lines.append("def weak_i8(x: i8[:], k: int) -> i8[:]:\n    return x + k\n")
    lines.append("def weak_int_float(x: i32[:]) -> f64[:]:\n    return x * 0.5\n")
    lines.append("def scalar_sqrt(v: float) -> float:\n    return np.sqrt(v)\n")
    lines.append("def scalar_where(c: bool, a: float, b: float) -> float:\n    return np.where(c, a, b)\n")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def mods(tmp_path_factory):
    path = tmp_path_factory.mktemp("ufuncs") / "np_ufuncs.fx"
    path.write_text(_source())
    return fxload.compiled(str(path)), fxload.interpreted(str(path))


def _values(dtype: str, n: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return rng.integers(0, 2, n).astype(bool)
    if dt.kind in "iu":
        info = np.iinfo(dt)
        edge = np.array([0, 1, info.min, info.max, -1 if info.min < 0 else 2, 3, 7], dtype=dt)
        return np.concatenate([edge, rng.integers(info.min, info.max, n, endpoint=True, dtype=dt)])[:n] \
            if n <= 7 else np.concatenate([edge, rng.integers(info.min // 2, info.max // 2, n - 7, dtype=dt)])
    special = [0.0, -0.0, 1.0, -1.0, 0.5, np.inf, -np.inf, np.nan, 1e300, -1e-300, 3.0, 710.0]
    base = np.concatenate([special, rng.standard_normal(max(n - len(special), 0)) * 10.0 ** rng.integers(-3, 4, max(
        n - len(special), 0))])[:n]
    if dt.kind == "c":
        # finite parts of moderate size: where C99's csin & co. overflow, NumPy and cmath's
        # algorithms (which raise there) give different infinities and NaNs
        tame = np.nan_to_num(base, nan=0.5, posinf=2.0, neginf=-2.0) % 50.0 - 25.0
        return (tame + 1j * np.roll(tame, 3)).astype(dt)
    with np.errstate(over="ignore"):
        return base.astype(dt)


def _same(got: np.ndarray, want: np.ndarray, name: str) -> None:
    assert got.dtype == want.dtype, (name, got.dtype, want.dtype)
    assert got.shape == want.shape
    if got.dtype.kind in "fc" and name not in EXACT_FLOAT:
        rtol = 1e-5 if got.dtype in (np.float32, np.complex64) else 1e-13
        np.testing.assert_allclose(got, want, rtol=rtol, atol=0, equal_nan=True, err_msg=name)
    else:
        assert np.array_equal(got, want, equal_nan=got.dtype.kind in "fc"), (name, got, want)


@settings(max_examples=10, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(0, 40), step=st.sampled_from([1, 2, -1, -3]))
def test_every_ufunc_matches_numpy(mods, seed, n, step):
    native, _ = mods
    for fname, name, dts, _out in CASES:
        args = [_values(d, n * abs(step), seed + k)[::step] for k, d in enumerate(dts)]
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            try:
                want = getattr(np, name)(*args)
            except ValueError as e:     # integer ** negative integer
                with pytest.raises(ValueError, match="negative integer powers"):
                    getattr(native, fname)(*args)
                assert "negative integer powers" in str(e)
                continue
        _same(getattr(native, fname)(*args), want, fname)


def test_nep50_weak_and_strong_scalars(mods):
    native, oracle = mods
    x32 = np.arange(5, dtype=np.float32) / 3
    for f, args in (("weak_f32", (x32, 2.5)), ("strong_f32", (x32, np.array([0.1]))),
                    ("weak_i8", (np.array([1, 100, -128], np.int8), 100)), ("weak_int_float", (np.arange(4, dtype=np.int32),))):
        got, want = getattr(native, f)(*args), getattr(oracle, f)(*args)
        assert got.dtype == want.dtype and np.array_equal(got, want), (f, got, want)


def test_ufuncs_on_scalars_have_numpy_semantics(mods):
    native, _ = mods
    assert np.isnan(native.scalar_sqrt(-1.0))         # NumPy: nan, where math.sqrt raises
    assert native.scalar_sqrt(4.0) == 2.0
    assert native.scalar_where(True, 1.0, 2.0) == 1.0 and native.scalar_where(False, 1.0, 2.0) == 2.0


def test_case_count():
    """The matrix covers most of the registry's ufuncs over several dtypes (guards the generator)."""
    assert len(CASES) > 200
