"""New arrays in `.fx` code (np.zeros & co., fastext.zeros, a.copy()) and slice assignment.

Compiled results must equal the interpreted module's (dtype, shape, items, aliasing of
returned views), every block the native code allocates must be freed exactly once —
when the returned ndarray dies, or at the end of the call when nothing returned holds
it, errors included — and misuse is a located compile error or a Python exception.
"""
from __future__ import annotations

import gc
import os
import resource
import threading
import weakref

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload
from fastext.compiler.driver import check_file
from test_differential import arrays

ALLOC = os.path.join(fxload.FX_DIR, "alloc.fx")
SETTINGS = settings(max_examples=40, deadline=None)


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(ALLOC), fxload.interpreted(ALLOC)


def native():
    return fxload.compiled(ALLOC)


def live() -> int:
    gc.collect()
    return native().__fastext_live_blocks__()


def same(got, want) -> None:
    """Equal results: arrays of one dtype, shape and items (tuples item by item)."""
    if isinstance(want, tuple):
        assert isinstance(got, tuple) and len(got) == len(want)
        for g, w in zip(got, want):
            same(g, w)
        return
    if isinstance(want, np.ndarray):
        assert isinstance(got, np.ndarray), got
        assert got.dtype == want.dtype and got.shape == want.shape, (got, want)
        assert np.array_equal(got, want, equal_nan=got.dtype.kind in "fc"), (got, want)
        return
    assert got == want and type(got) is type(want), (got, want)


def fresh(a: np.ndarray) -> None:
    """What every array the compiled module returns is: a writable, aligned ndarray."""
    assert type(a) is np.ndarray
    assert a.flags.writeable and a.flags.aligned
    assert a.ctypes.data % a.dtype.alignment == 0


def call_both(both, name, *args):
    """Call `name` on both modules with fresh copies of the array arguments; return the
    results and the arguments after the call (slice assignment writes into them)."""
    out = []
    for m in both:
        real = [a.copy() if isinstance(a, np.ndarray) else a for a in args]
        try:
            out.append((getattr(m, name)(*real), None, real))
        except Exception as e:  # noqa: BLE001 - compared below
            out.append((None, e, real))
    (got, got_exc, got_args), (want, want_exc, want_args) = out
    if isinstance(want_exc, OverflowError) and "out of bounds for" in str(want_exc):
        return got, got_args     # NumPy 2 rejects a Python int out of the dtype's range; compiled wraps (documented)
    if want_exc is not None:
        assert type(got_exc) is type(want_exc), (got_exc, want_exc)
    else:
        assert got_exc is None, got_exc
        same(got, want)
    for g, w in zip(got_args, want_args):
        if isinstance(w, np.ndarray):
            assert np.array_equal(g, w, equal_nan=True), (g, w)
    return got, got_exc


# ---------------------------------------------------------------------------- allocation

@SETTINGS
@given(n=st.integers(0, 9), r=st.integers(0, 5), c=st.integers(0, 5), d=st.integers(0, 4))
def test_allocate_fill_return_each_rank(both, n, r, c, d):
    for name, args in (("ramp", (n,)), ("grid", (r, c)), ("cube", (r, c, d)), ("matrix", (r, c))):
        got, _ = call_both(both, name, *args)
        fresh(got)
        assert got.flags.c_contiguous


@SETTINGS
@given(n=st.integers(0, 7), r=st.integers(0, 4), c=st.integers(0, 4))
def test_each_dtype_and_default_dtypes(both, n, r, c):
    got, _ = call_both(both, "each_dtype", n)
    assert [a.dtype.name for a in got] == ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32",
                                           "uint64", "float32", "float64", "complex64", "complex128", "bool"]
    for a in got:
        fresh(a)
    call_both(both, "each_dtype_2d", r, c)
    got, _ = call_both(both, "defaults", n)
    assert [a.dtype.name for a in got] == ["float64", "int64", "float64", "bool", "complex128"]


@SETTINGS
@given(a=arrays(np.float64, ndim=2, max_len=5))
def test_like_and_copy_of_strided_views(both, a):
    x = a.make()
    got, _ = call_both(both, "like_each", x)
    for g in got:
        assert g.shape == x.shape and g.flags.c_contiguous
    got, _ = call_both(both, "copy_of", x)
    assert got.flags.c_contiguous and not np.shares_memory(got, x)
    if x.size:
        assert got.strides == np.zeros(x.shape).strides


@SETTINGS
@given(a=arrays(np.int64, max_len=10), k=st.integers(-100, 100))
def test_copy_of_1d(both, a, k):
    call_both(both, "copy_plus", a.make(), k)
    x = a.make()
    if len(x):
        call_both(both, "copy_is_independent", x.astype(np.float64))


@SETTINGS
@given(a=arrays(np.int32, ndim=2, max_len=4, elements=st.integers(-2**15, 2**15 - 1)))
def test_from_numpy_import(both, a):
    call_both(both, "negated", a.make().astype(np.int16))


def test_shape_arguments(both):
    call_both(both, "shape_of", np.ones((3, 2))[::-1])
    call_both(both, "shape_var", np.ones((2, 0, 3), np.int8))


def test_arrays_through_calls_and_tuples(both):
    for n in (0, 1, 5):
        call_both(both, "two_levels", n) if n else None
        call_both(both, "pair", n)
        call_both(both, "unpacked", n)
        call_both(both, "odd_items", n)
    call_both(both, "last_row", 3, 4)
    call_both(both, "column", 3, 4, -1)
    call_both(both, "column", 3, 4, 7)     # IndexError in both


def test_returned_views_share_memory_as_in_python(both):
    for m in both:
        a, r = m.pair_shared(6)
        assert np.shares_memory(a, r)
        r[0] = 99.0
        assert a[-1] == 99.0
    a, r = native().pair_shared(6)
    assert a.base is r.base           # one owner per block
    odd = native().odd_items(4)
    assert odd.strides == (16,) and not odd.flags.c_contiguous


@SETTINGS
@given(n=st.integers(0, 8), i=st.integers(-10, 10), j=st.integers(-10, 10), k=st.sampled_from([-3, -2, -1, 1, 2, 3]),
       r=st.integers(0, 4), c=st.integers(1, 4))
def test_returned_views_of_new_arrays(both, n, i, j, k, r, c):
    """Any view of a new array, empty ones too (which may point outside the block), returns."""
    count = native().__fastext_live_blocks__     # no gc.collect(): results die by refcount
    before = count()
    call_both(both, "view_of_new", n, i, j, k)
    call_both(both, "view_of_new_2d", r, c, i % c, k)
    assert count() == before


# ---------------------------------------------------------------------------- memory

def test_blocks_are_freed_when_the_array_dies():
    m = native()
    before = live()
    a = m.ramp(1000)
    ref = weakref.ref(a)
    assert live() == before + 1
    b = a[10:]                        # a NumPy view keeps the block alive
    del a
    assert ref() is not None and live() == before + 1
    del b
    assert ref() is None and live() == before
    shared = m.pair_shared(10)
    assert live() == before + 1       # two arrays, one block
    del shared
    assert live() == before


def test_unreturned_and_failed_calls_free_everything():
    m = native()
    before = live()
    assert m.churn(100, 50) == 5000.0          # 50 arrays allocated in a loop, none returned
    assert live() == before
    m.grid(3, 3)[0]                             # a row of a new array, the array dropped
    assert live() == before
    for n in (4, 10):
        with pytest.raises(ValueError, match="too long"):
            m.fail_after(n)                    # two arrays allocated before the raise
        assert live() == before
    assert m.fail_after(2).tolist() == [0.0, 0.0]
    assert live() == before
    assert m.caught(3).tolist() == [0.0] * 3   # the first array is dropped in the handler
    assert live() == before
    with pytest.raises(ValueError):
        m.assign_views(np.zeros(5), np.zeros(4))
    assert live() == before


def test_repeated_calls_do_not_grow_memory():
    m = native()
    m.ramp(1 << 17)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for _ in range(300):                        # 300 MiB if the blocks leaked
        m.ramp(1 << 17)
        m.churn(1 << 17, 1)
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 64 * 1024, f"RSS grew by {grown_kib} KiB"


def test_threads_allocate_without_the_gil():
    m = native()
    before = live()
    results = []
    threads = [threading.Thread(target=lambda: results.append(m.churn(5000, 200))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [1_000_000.0] * 4
    assert live() == before


def test_owner_object():
    a = native().ramp(3)
    owner = a.base
    assert type(owner).__name__ == "ArrayMemory"
    assert memoryview(owner).nbytes == 24
    with pytest.raises(TypeError):
        type(owner)()


# ---------------------------------------------------------------------------- bad input and run-time errors

def test_allocation_errors():
    m = native()
    before = live()
    with pytest.raises(ValueError, match="negative dimensions are not allowed"):
        m.matrix(3, -1)
    with pytest.raises(ValueError, match="array is too big"):
        m.matrix(1 << 40, 1 << 40)
    with pytest.raises(ValueError, match="array is too big"):
        m.ramp(1 << 61)
    with pytest.raises(MemoryError, match="Unable to allocate"):
        m.sized(1 << 61)
    with pytest.raises(TypeError, match=r"matrix\(\) argument 'n' must be int"):
        m.matrix(2.0, 3)
    with pytest.raises(TypeError, match=r"shape_of\(\) argument 'a'"):
        m.shape_of(None)
    with pytest.raises(ValueError, match=r"copy_of\(\) argument 'a' must be f64\[:, :\]"):
        m.copy_of(np.ones(3))
    assert live() == before
    interp = fxload.interpreted(ALLOC)
    with pytest.raises(ValueError):
        interp.matrix(3, -1)


# ---------------------------------------------------------------------------- slice assignment

@SETTINGS
@given(n=st.integers(0, 10), k=st.integers(0, 12))
def test_overlapping_shifts_match_numpy(both, n, k):
    x = np.arange(1.0, n + 1.0)
    call_both(both, "shift", x, k)
    call_both(both, "shift_back", x, k)
    call_both(both, "reverse_in_place", x)
    if k <= n:        # NumPy's rule: as if the right side were copied first
        got, want = x.copy(), x.copy()
        native().shift(got, k)
        want[k:] = want[:n - k].copy()
        assert np.array_equal(got, want)


@SETTINGS
@given(n=st.integers(0, 10), m=st.integers(0, 10), i=st.integers(-12, 12), j=st.integers(-12, 12),
       k=st.integers(-12, 12), l=st.integers(-12, 12))
def test_assign_slices_match_numpy(both, n, m, i, j, k, l):
    call_both(both, "assign_slices", np.arange(float(n)), np.arange(100.0, 100.0 + m), i, j, k, l)
    call_both(both, "assign_views", np.arange(float(n)), np.arange(100.0, 100.0 + m))


@SETTINGS
@given(a=arrays(np.float64, ndim=2, max_len=5), row=arrays(np.float64, max_len=5), i=st.integers(-6, 6),
       v=st.floats(-10, 10), src=arrays(np.float64, ndim=2, max_len=4))
def test_row_block_and_fill_assignment(both, a, row, i, v, src):
    x = a.make()
    call_both(both, "set_row", x, i, row.make())
    call_both(both, "set_rows", x, row.make())
    call_both(both, "set_block", x, src.make())
    call_both(both, "whole", x, row.make())
    call_both(both, "fill_slice", x, v)
    call_both(both, "transpose", x)
    call_both(both, "transpose_in_place", x)
    call_both(both, "smooth", row.make()) if len(row.make()) >= 1 else None


@SETTINGS
@given(src=arrays(np.int32, max_len=8), v=st.integers(-1000, 1000))
def test_converting_assignment(both, src, v):
    s = src.make()
    call_both(both, "convert_assign", np.zeros(len(s)), s)
    call_both(both, "complex_assign", np.zeros(len(s), complex), s.astype(np.float32))
    call_both(both, "wrap_fill", np.zeros(len(s), np.int8), v)


def test_assignment_shape_errors():
    m = native()
    with pytest.raises(ValueError, match=r"could not broadcast input array from shape \(3,\) into shape \(4,\)"):
        m.assign_views(np.zeros(6), np.zeros(5))
    with pytest.raises(ValueError, match="could not broadcast"):
        m.set_block(np.zeros((4, 4)), np.ones((3, 3)))
    with pytest.raises(ValueError, match="must be writable"):
        ro = np.zeros(5)
        ro.flags.writeable = False
        m.shift(ro, 1)


# ---------------------------------------------------------------------------- plain Python and misuse

def test_dialect_functions_under_plain_python():
    import fastext
    from fastext import f32, i16
    assert fastext.zeros((2, 3), i16).dtype == np.int16
    assert fastext.full(2, 7).dtype == np.int64
    assert np.ones(2, dtype=f32).dtype == np.float32
    v = np.arange(6.0).reshape(2, 3)[:, ::-1]
    for like in (fastext.empty_like, fastext.zeros_like, fastext.ones_like):
        assert like(v).flags.c_contiguous and like(v).shape == (2, 3)
    assert fastext.full_like(v, 2, dtype=i16).tolist() == [[2, 2, 2], [2, 2, 2]]


MISUSE = '''\
import numpy as np
from numpy import polynomial
from fastext import f64, i32, zeros


def f(x: f64[:], m: f64[:, :], n: int) -> f64[:]:
    a = np.zeros(n, dtype=np.float16)
    b = np.zeros(1.5)
    c = zeros((n, 2.0))
    d = np.zeros_like(n)
    e = np.fft(n)
    x[1:] = m
    y = np.empty(n, i32)
    y[:] = x
    x[:] += m
    g = np.zeros(n, order="F")
    h = np.zeros(-1)
    p = np.float64
    q: f64[:] = np.zeros_like(m)
    return x[::2]
'''


def test_misuse_is_located(tmp_path):
    path = tmp_path / "misuse.fx"
    path.write_text(MISUSE)
    got = [(d.span.line, d.message) for d in check_file(str(path))]
    assert got == [
        (2, "numpy.polynomial is not supported in .fx code"),
        (7, "`np.float16` is not a dtype the dialect knows"),
        (8, "array dimensions must be integers, not f64"),
        (9, "array dimensions must be integers, not f64"),
        (10, "np.zeros_like() needs an array, got an i64"),
        (11, "`np.fft` is not supported in .fx code"),
        (12, "cannot assign a 2-D array to a 1-D slice"),
        (14, "cannot assign f64 items into an i32 array without a conversion"),
        (15, "`+=`: a 2-D result cannot be stored into a 1-D array"),
        (16, "np.zeros() has no parameter `order` in .fx code"),
        (17, "negative dimensions are not allowed"),
        (18, "`np.float64` cannot be used as a value in .fx code"),
        (19, "`q` has type f64[:], got an f64[:, :]"),
    ], got


def test_returned_parameter_memory_is_copied(tmp_path):
    """An exported function may return a parameter, a view of one or a name rebound from one:
    the caller's buffer is only borrowed, so what overlaps it comes back as a copy (checked at
    run time); arrays the call allocated come back without a copy."""
    path = tmp_path / "views.fx"
    path.write_text("import numpy as np\nfrom fastext import f64\n\n\n"
                    "def f(x: f64[:]) -> f64[:]:\n    return x[1:]\n\n\n"
                    "def g(x: f64[:], n: int) -> tuple[f64, f64[:]]:\n    v = x if n > 0 else np.zeros(n)\n"
                    "    return 1.0, v\n\n\n"
                    "def h(x: f64[:, :]) -> f64[:]:\n    for row in x:\n        return row\n    return np.zeros(1)\n\n\n"
                    "def _tail(x: f64[:]) -> f64[:]:\n    return x[1:]\n\n\n"      # internal: a view
                    "def k(x: f64[:]) -> f64[:]:\n    return _tail(x)\n\n\n"
                    "def norm(x: f64[:]) -> f64[:]:\n    x = x / x.sum()\n    return x\n")
    mod = fxload.compiled(str(path))
    x = np.arange(1.0, 5.0)
    for result, expected in ((mod.f(x), x[1:]), (mod.g(x, 1)[1], x), (mod.h(x.reshape(2, 2)), x[:2]),
                             (mod.k(x), x[1:])):
        assert result.tolist() == expected.tolist()
        result[0] = -1.0                       # a copy: the argument is untouched
        assert x.tolist() == [1.0, 2.0, 3.0, 4.0]
    assert mod.g(x, 0)[1].tolist() == []
    out = mod.norm(x)
    assert out.tolist() == (x / x.sum()).tolist() and type(out.base).__name__ == "ArrayMemory"
    assert x.tolist() == [1.0, 2.0, 3.0, 4.0]


def test_tuples_of_arrays_between_functions(tmp_path):
    """Internal functions pass tuples holding arrays natively; an exported function takes a
    tuple holding arrays from Python (a buffer per item); one holding a list of arrays is a
    located error, not a crash."""
    good = tmp_path / "tuples.fx"
    good.write_text("import numpy as np\nfrom fastext import f64\n\n\n"
                    "def _total(t: tuple[f64[:], f64]) -> f64:\n    a, k = t\n    return a.sum() * k\n\n\n"
                    "def f(x: f64[:]) -> f64:\n    return _total((x, 2.0)) + _total((np.ones(3), 1.0))\n")
    assert fxload.compiled(str(good)).f(np.arange(4.0)) == 15.0
    assert fxload.interpreted(str(good)).f(np.arange(4.0)) == 15.0
    taken = tmp_path / "tupleparam.fx"
    taken.write_text("from fastext import f64\n\n\ndef f(t: tuple[f64[:], f64]) -> f64:\n    return t[0][1] * t[1]\n")
    assert fxload.compiled(str(taken)).f((np.arange(3.0), 2.0)) == 2.0
    bad = tmp_path / "tuplelistparam.fx"
    bad.write_text("from fastext import f64\n\n\ndef f(t: tuple[list[f64[:]], f64]) -> f64:\n    return t[1]\n")
    (d,) = check_file(str(bad))
    assert d.span.line == 4 and "a tuple parameter holds numbers, structs, str values, lists" in d.message
