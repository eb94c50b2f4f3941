"""Numba code as its users write it compiles unchanged (frontend/numbatyped.py, frontend/numba.py):
`@jitclass` classes, `numba.typed.List`/`Dict`, Numba's type objects as dtypes and in specs,
prange reductions, `literal_unroll`, inline helpers.  The oracle is the same file run by CPython
with Numba's JIT switched off (`numba.config.DISABLE_JIT`: jitclasses are plain classes, typed
containers Python's list and dict), so the compiled results are compared with plain Python's."""
from __future__ import annotations

import os

import numpy as np
import pytest

import fxload

PROBE = os.path.join(fxload.FX_DIR, "numba_probe.fx")
KERNELS = os.path.join(fxload.FX_DIR, "numba_r9.fx")


@pytest.fixture(scope="module")
def python():
    """The .fx file run as plain Python (Numba's JIT off while the tests call it)."""
    numba = pytest.importorskip("numba")
    before = numba.config.DISABLE_JIT
    numba.config.DISABLE_JIT = True
    yield fxload.interpreted
    numba.config.DISABLE_JIT = before


A = np.array([1.0, 5.0, -2.0, 3.5, 0.25, 9.0])
B = np.arange(6.0)
PROBE_CASES = [("use_acc", (A,)), ("par_sum", (A,)), ("typed_list", (7,)), ("typed_dict", (np.array([1, 2, 1, 3]),)),
               ("sum_sq", (A,)), ("fib", (12,)), ("clip_loop", (A, 0.0, 2.0))]
KERNEL_CASES = [("bag_total", (5, 3)), ("path_length", (A, B)), ("histogram_modes", (A, 2.0)), ("par_dot", (A, B)),
                ("par_count", (A, 0.5)), ("par_rows", (np.arange(12.0).reshape(3, 4),)), ("primes_below", (30,)),
                ("word_ids", (np.array([3, 1, 3, 7, 1, 2]),)), ("unrolled", (2.0,)), ("clamp_all", (A, 0.0, 4.0)),
                ("ackermann_ish", (20,)), ("cast_types", (3.7,)), ("from_array", (np.array([4, 5, 6]),)),
                ("node_total", (A,)), ("par_max", (A,)), ("par_prod", (A,)), ("list_of_arrays", (4,)),
                ("pairs", (np.array([1, 2, 1, 2, 3]),)), ("par_histogram", (A, 4)), ("words", ("a b a c b a",)),
                ("sig_total", (A,)), ("sig_add", (2, 3)), ("sig_lohi", (A,)), ("tuples", (6,)),
                ("dict_of_arrays", (4,)), ("list_display", ()), ("typeof_literal", (4,)),
                ("col_sums", (np.arange(12.0).reshape(4, 3),)), ("count_and_min", (A,)), ("bumps", (5,)),
                ("int_start_sum", (B,)), ("nested", (4,))]


@pytest.mark.parametrize("path,cases", [(PROBE, PROBE_CASES), (KERNELS, KERNEL_CASES)], ids=["probe", "kernels"])
def test_numba_code_runs_like_python(python, path, cases):
    compiled, interpreted = fxload.compiled(path), python(path)
    for name, args in cases:
        got, want = getattr(compiled, name)(*args), getattr(interpreted, name)(*args)
        assert type(got) is type(want), name
        if isinstance(got, np.ndarray):
            np.testing.assert_array_equal(got, want, err_msg=name)
            assert got.dtype == want.dtype, name
        else:
            assert got == want, name


def test_numba_type_objects_are_dtypes():
    """`np.empty(n, dtype=numba.int64)`: Numba's reading (plain NumPy refuses the type object)."""
    n = 5
    m = fxload.compiled(KERNELS)
    assert m.typed_empty(n) == int((np.arange(n) ** 2).sum() + 1.5 * n)
    np.testing.assert_array_equal(m.alias_dtype(n), np.arange(n) / 2)     # `DT = nb.float64` at module level
    np.testing.assert_array_equal(m.as_array(4), [0, 3, 6, 9])     # np.arange(n, dtype=nb.int64), np.asarray(List)


def test_void_signature_fills_in_place():
    a = np.zeros(3)
    assert fxload.compiled(KERNELS).fill(a, 2.0) is None
    np.testing.assert_array_equal(a, [2.0, 2.0, 2.0])


def test_jitclass_built_from_python():
    """A jitclass whose `__init__` stores its parameters into f64/i64 fields takes them from Python."""
    m = fxload.compiled(KERNELS)
    p = m.Point(1.0, 2.0)
    assert (p.x, p.y) == (1.0, 2.0)
    # a method storing its parameter into a float64 field (`self.value += x`) is Python's too
    acc = fxload.compiled(PROBE).Acc(1.0)
    acc.add(2.0)
    acc.add(3)
    assert (acc.value, acc.count) == (6.0, 2)


H = "import numba\nfrom numba import njit, types\nfrom fastext import f64\n\n\n"


@pytest.mark.parametrize("source,message,where", [
    ("from numba import objmode\n", "numba.objmode has no meaning", (6, 19)),
    ("@njit\ndef f(x: f64) -> f64:\n    with numba.objmode(y='float64'):\n        y = x\n    return y\n",
     "numba.objmode has no meaning", (8, 10)),
    ("from numba import generated_jit\n", "numba.generated_jit has no meaning", (6, 19)),
    ("from numba.extending import overload\n", "numba.overload has no meaning", (6, 29)),
    ("@numba.generated_jit(nopython=True)\ndef f(x):\n    return lambda x: x\n", "numba.generated_jit has no meaning",
     (6, 2)),
    ("@numba.cfunc('f8(f8)')\ndef f(x):\n    return x\n", "numba.cfunc has no meaning", (6, 2)),
    ("@numba.stencil\ndef f(a):\n    return a[0, 1]\n", "numba.stencil has no meaning", (6, 2)),
    ("from numba.experimental import jitclass\n\n\n@jitclass([('x', numba.deferred_type())])\nclass C:\n"
     "    def __init__(self):\n        self.x = 0\n", "cannot read the Numba type `numba.deferred_type()`", (9, 18)),
    ("from numba.experimental import jitclass\n\n\n@jitclass([(1, numba.float64)])\nclass C:\n    x: int\n",
     "a jitclass field is named by a str literal", (9, 13)),
    ("from numba.experimental import jitclass\n\n\n@jitclass(make_spec())\nclass C:\n    x: int\n",
     "cannot read this jitclass spec", (9, 11)),
    ("from numba.typed import List\n\n\n@njit\ndef f(x: f64) -> int:\n    return len(List.empty_list(numba.typeof(x)))\n",
     "cannot read the Numba type `numba.typeof(x)`", (11, 32)),
    ("@njit\ndef f(x: f64) -> f64:\n    t = types\n    return x\n", "`types` (Numba's module) cannot be used", (8, 9)),
    ("@njit(parallel=True)\ndef f(x: f64) -> int:\n    return numba.get_num_threads()\n",
     "numba.get_num_threads has no meaning", (8, 12)),
])
def test_what_stays_refused_is_located(tmp_path, source, message, where):
    text = fxload.compile_error(tmp_path, H + source)
    assert f"bad_program.fx:{where[0]}:{where[1]}:" in text and message in text and "hint:" in text, text


def test_jitclass_spec_spellings():
    """An OrderedDict spec with `types.Array`, `UniTuple`, a `ListType(unicode_type)` and a field
    holding another jitclass; the values are Numba's own (checked with the JIT on)."""
    m = fxload.compiled(os.path.join(fxload.FX_DIR, "numba_jitclass_spec.fx"))
    assert m.grid_sum(4) == 49.0
    assert m.give_list(4) == [0, 1, 2, 3]       # a typed List returned to Python: a list
    assert m.centre(np.arange(3.0), np.ones(3)) == 1.0      # List.empty_list(body_type)


def test_static_and_class_methods_called_through_self(tmp_path):
    """`self.combine(x, y)` of a @staticmethod (as jitclass code writes it) passes no instance."""
    path = tmp_path / "selfstatic.fx"
    path.write_text("class C:\n    def __init__(self, x: float):\n        self.x = x\n\n"
                    "    @staticmethod\n    def combine(a, b):\n        return a + b\n\n"
                    "    @classmethod\n    def unit(cls):\n        return 0.5\n\n"
                    "    def total(self):\n        return self.combine(self.x, 2.0) + self.unit()\n\n\n"
                    "def f(x: float) -> float:\n    return C(x).total()\n")
    assert fxload.compiled(str(path)).f(1.0) == fxload.interpreted(str(path)).f(1.0) == 3.5


def test_numba_submodules_imported_as_names(python, tmp_path):
    """`import numba.types as nt`, `import numba.typed as nbt`: the same typed containers."""
    path = tmp_path / "nbmods.fx"
    path.write_text("import numba.types as nt\nimport numba.typed as nbt\nfrom numba import njit\nfrom fastext import i64\n"
                    "\n\n@njit\ndef squares(n: i64) -> int:\n    xs = nbt.List.empty_list(nt.int64)\n"
                    "    for i in range(n):\n        xs.append(i * i)\n    d = nbt.Dict.empty(nt.int64, nt.float64)\n"
                    "    d[1] = 2.5\n    return sum(xs) + int(d[1])\n")
    assert fxload.compiled(str(path)).squares(4) == python(str(path)).squares(4) == 16


def test_jit_called_on_a_function_names_it(python, tmp_path):
    """`norm2 = njit(_norm2)`, `numba.njit(cache=True)(_norm2)` at module level: second names of `_norm2`."""
    path = tmp_path / "jitcall.fx"
    path.write_text("import numba\nfrom numba import njit\nfrom fastext import f64\n\n\n"
                    "def _norm2(a: f64[:]) -> float:\n    s = 0.0\n    for v in a:\n        s += v * v\n    return s\n\n\n"
                    "norm2 = njit(_norm2)\nnorm2_cached = numba.njit(cache=True)(_norm2)\n\n\n"
                    "def both(a: f64[:]) -> float:\n    return norm2(a) + norm2_cached(a)\n")
    a = np.arange(4.0)
    m, py = fxload.compiled(str(path)), python(str(path))
    assert m.both(a) == py.both(a) == 28.0 and m.norm2(a) == py.norm2(a) == 14.0
