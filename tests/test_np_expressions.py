"""Array expressions (`ir.ArrayMap`): operators, broadcasting, in-place updates, overlap,
`out=`, `x[:, None]`, NEP 50 dtypes — compiled results against plain Python with NumPy
(the interpreted module), over shapes, strides and dtypes."""
from __future__ import annotations

import os
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import fxload
from fastext.compiler.driver import check_file

PATH = os.path.join(fxload.FX_DIR, "np_expr.fx")
SETTINGS = settings(max_examples=30, deadline=None)
floats = st.floats(-1e3, 1e3, allow_nan=False, width=64)


@pytest.fixture(scope="module")
def mods():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


def same(got, want) -> None:
    if isinstance(want, tuple):
        assert isinstance(got, tuple) and len(got) == len(want)
        for g, w in zip(got, want):
            same(g, w)
        return
    if isinstance(want, np.ndarray):
        assert isinstance(got, np.ndarray) and got.dtype == want.dtype and got.shape == want.shape, (got, want)
        if want.dtype.kind in "fc":
            # `a ** 1.5` through sqrt and complex ufuncs may differ from NumPy's in the last bits
            # (docs/language.md; the float transcendental ufuncs are NumPy's bits: test_np_exact.py);
            # a difference of two such results cancels digits, hence an absolute floor too
            scale = float(np.nanmax(np.abs(want[np.isfinite(want)]), initial=1.0))
            np.testing.assert_allclose(got, want, rtol=1e-13, atol=1e-13 * scale, equal_nan=True)
        else:
            assert np.array_equal(got, want)
        return
    assert got == want or (got != got and want != want), (got, want)


def both(mods, name, *args):
    """Call `name` in both modes on fresh copies of the arguments; compare results and arguments."""
    out = []
    for m in mods:
        real = [a.copy() if isinstance(a, np.ndarray) else a for a in args]
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            try:
                out.append((getattr(m, name)(*real), None, real))
            except Exception as e:  # noqa: BLE001 - compared below
                out.append((None, e, real))
    (got, got_exc, got_args), (want, want_exc, want_args) = out
    assert type(got_exc) is type(want_exc), (got_exc, want_exc)
    if want_exc is None:
        same(got, want)
        for g, w in zip(got_args, want_args):
            if isinstance(w, np.ndarray):
                same(g, w)
    return got


def vec(n: int, seed: int, step: int = 1) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal(n * abs(step)) * 3
    return v[::step]


@SETTINGS
@given(n=st.integers(0, 50), seed=st.integers(0, 2**32 - 1), step=st.sampled_from([1, 2, -1]), a=floats)
def test_elementwise_1d(mods, n, seed, step, a):
    x, y = vec(n, seed, step), vec(n, seed + 1, step)
    both(mods, "axpy", a, x, y)
    both(mods, "fused", x, y)
    both(mods, "compare_select", x, -0.5, 0.5)
    both(mods, "clip_round", x)
    both(mods, "from_import", x)
    both(mods, "constants", x)
    both(mods, "power_shortcuts", np.abs(x))
    both(mods, "rebind", x)
    both(mods, "in_loop", np.abs(x) + 1.0, 5)


@SETTINGS
@given(rows=st.integers(0, 7), cols=st.integers(0, 9), seed=st.integers(0, 2**32 - 1),
       transpose=st.booleans())
def test_broadcasting_2d(mods, rows, cols, seed, transpose):
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((cols, rows)).T if transpose else rng.standard_normal((rows, cols))
    both(mods, "broadcast3", a, rng.standard_normal(cols), rng.standard_normal((rows, 1)))
    both(mods, "outer_diff", rng.standard_normal(rows), rng.standard_normal(cols))
    both(mods, "pairwise", rng.standard_normal((rows, 3)))
    both(mods, "transpose_expr", a)


def test_shape_errors(mods):
    native, _ = mods
    with pytest.raises(ValueError, match=r"operands could not be broadcast together with shapes \(3,\) \(4,\) "):
        native.axpy(1.0, np.ones(3), np.ones(4))
    with pytest.raises(ValueError, match=r"operands could not be broadcast together with shapes \(2,3\) \(4,\)"):
        native.broadcast3(np.ones((2, 3)), np.ones(4), np.ones((2, 1)))
    with pytest.raises(ValueError, match=r"could not be broadcast together with shapes \(3,\) \(4,\) into shape \(3,\)"):
        native.inplace(np.ones(3), np.ones(4))


@SETTINGS
@given(n=st.integers(1, 40), seed=st.integers(0, 2**32 - 1))
def test_inplace_and_overlap(mods, n, seed):
    x, y = vec(n, seed), vec(n, seed + 1)
    both(mods, "inplace", x, y)
    both(mods, "overlap_shift", x)         # a[1:] = a[:-1] + 1: NumPy computes the right side first
    both(mods, "overlap_reverse", x)
    both(mods, "inplace_rows", np.abs(np.outer(x, y)) + 1.0, np.abs(x) + 1.0)
    out = np.empty(n)
    both(mods, "out_arg", x, y, out)


@SETTINGS
@given(a=hnp.arrays(np.int64, st.integers(0, 20), elements=st.integers(-2**40, 2**40)),
       b=st.integers(-5, 5))
def test_integer_operators(mods, a, b):
    both(mods, "ints", a, np.full(len(a), b, dtype=np.int64))   # b == 0: NumPy's 0, no exception


def test_dtypes_follow_numpy(mods):
    rng = np.random.default_rng(0)
    x, y, z = rng.integers(-9, 9, 6).astype(np.int32), rng.standard_normal(6).astype(np.float32), \
        rng.integers(0, 255, 6).astype(np.uint8)
    assert both(mods, "mixed_dtypes", x, y, z).dtype == np.float64          # int32 * float32 -> float64
    assert both(mods, "f32_stays", np.abs(y)).dtype == np.float32           # weak Python scalars keep f32
    a, b = rng.integers(0, 2, 9).astype(bool), rng.integers(0, 2, 9).astype(bool)
    both(mods, "bool_logic", a, b)
    z1 = rng.standard_normal(5) + 1j * rng.standard_normal(5)
    both(mods, "complex_expr", z1, z1[::-1])
    both(mods, "complex_parts", z1)
    both(mods, "scalar_ops", 0.5, -2.0)


def test_complex_sign_special_values():
    z = np.array([complex(np.inf, 1), complex(np.nan, np.inf), complex(np.inf, np.inf), complex(-np.inf, np.nan),
                  complex(1, np.nan), complex(0, -0.0), complex(3, 4), complex(1e308, 1e308), 0j])
    src = "import numpy as np\nfrom fastext import c128\n\ndef f(z: c128[:]) -> c128[:]:\n    return np.sign(z)\n"
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "csign.fx")
        with open(path, "w") as f:
            f.write(src)
        with np.errstate(all="ignore"):
            np.testing.assert_array_equal(fxload.compiled(path).f(z), np.sign(z))


def test_no_temporaries_for_a_whole_expression():
    """`a * x + y`: one loop nest and one allocation (the result), vectorised."""
    from fastext.compiler.driver import compile_file
    art = compile_file(PATH)
    ir_text = art.unoptimized_ir
    start = ir_text.index('@"fx.fused"(')
    body = ir_text[start:ir_text.index("\n}\n", start)]
    arrays = [line for line in body.splitlines() if '@"fx$alloc"(' in line and "i64 512)" not in line]
    assert len(arrays) == 1, "one result array, no temporaries (the 512 bytes are an error message's)"
    assert "<8 x double>" in art.llvm_ir or "<4 x double>" in art.llvm_ir


MISUSE = '''\
import numpy as np
from fastext import f64, i64, u8


def f(x: f64[:], m: f64[:, :], n: i64[:], k: u8[:]) -> f64:
    if x:
        return 1.0
    a = x < m < 2.0
    b = x and m
    n += 1.5
    c = k + 300
    d = np.fft(x)
    e = not x
    return 0.0
'''


def test_misuse_is_located(tmp_path):
    path = tmp_path / "misuse.fx"
    path.write_text(MISUSE)
    got = [(d.span.line, d.message) for d in check_file(str(path))]
    assert got == [
        (6, "the truth value of an array is ambiguous (ValueError in NumPy)"),
        (8, "a chained comparison of arrays needs the truth value of an array (ValueError in NumPy)"),
        (9, "`and` needs the truth value of an array, which is ambiguous (ValueError in NumPy)"),
        (10, "`+=`: cannot cast the result from float64 to int64 with casting rule 'same_kind'"),
        (11, "Python integer 300 out of bounds for uint8"),
        (12, "`np.fft` is not supported in .fx code"),
        (13, "the truth value of an array is ambiguous (ValueError in NumPy)"),
    ], got
