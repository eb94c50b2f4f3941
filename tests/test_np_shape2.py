"""np.squeeze, np.cross, np.kron, np.triu_indices & co., np.partition, np.argpartition, np.lexsort
(compositions of existing operations, `frontend/compose_more.py`): tests/fx/np_shape2.fx compiled
and compared with the same file run by CPython and NumPy (values, shapes, dtypes); partitions by
the partition property (NumPy leaves the order within the parts undefined); NumPy's run-time
errors; misuse as located compile errors."""
import copy

import numpy as np
import pytest

from fastext.compiler.diagnostics import CompileError
from fastext.compiler.driver import compile_source
from fxload import FX_DIR, compiled, interpreted

PATH = f"{FX_DIR}/np_shape2.fx"
rng = np.random.default_rng(7)


def r(*shape):
    return rng.random(shape)


def ints(lo, hi, shape, dtype=np.int64):
    return rng.integers(lo, hi, shape).astype(dtype)


ARGS = {
    'squeeze0': [(r(1, 5),), (r(1, 0),)],
    'squeeze_method': [(r(1, 4, 1),)],
    'squeeze_last': [(ints(0, 9, (6, 1), np.int32),)],
    'squeeze_view': [(r(3, 4),)],
    'squeeze_expr': [(r(5, 1),)],
    'squeeze_transposed': [(r(3, 4),)],
    'cross3': [(r(3), r(3)), (np.array([1.0, 0, 0]), np.array([0.0, 1, 0]))],
    'cross_rows': [(r(6, 3), r(6, 3)), (r(1, 3), r(4, 3)), (r(0, 3), r(0, 3))],
    'cross_mixed': [(ints(-5, 5, 3), r(5, 3))],
    'cross_int': [(ints(-9, 9, 3, np.int32), ints(-9, 9, 3, np.int32))],
    'kron1': [(r(3), r(4)), (r(0), r(2))],
    'kron2': [(r(2, 3), ints(0, 5, (4, 2))), (r(1, 1), ints(0, 5, (3, 2)))],
    'kron_mixed': [(ints(0, 5, 3), ints(0, 5, (2, 4)))],
    'kron_strided': [(r(3, 2), r(6, 3))],
    'triu_idx': [(4, 0), (5, 1), (4, -1), (0, 0), (3, 5), (-1, 0)],
    'tril_idx': [(4, 0, 5), (3, -1, 2), (5, 2, 3), (3, 0, -2)],
    'upper_items': [(r(5, 5),), (r(4, 6),), (r(1, 1),)],
    'lower_items_from': [(r(5, 5),), (r(3, 6),)],
    'triu_from': [(r(4, 3),)],
    'diag_idx': [(4,), (0,)],
    'set_diagonal': [(r(4, 4),), (r(3, 5),)],
    'diag3': [(3,)],
    'partition_kth': [(r(20), k) for k in (0, 7, 19, -1, -20)] + [(np.array([3.0, np.nan, 1.0, 2.0]), 1)],
    'partition_rows': [(r(5, 9), 4), (r(3, 9), -2)],
    'partition_empty': [(r(0), 3), (r(0), -1)],
    'partition_flat': [(ints(-50, 50, (6, 7)), 20)],
    'top_k': [(r(30), 5), (r(10), 1)],
    'argpartition_kth': [(r(25), k) for k in (0, 12, 24, -3)],
    'lexsort2': [(ints(0, 3, 20), ints(0, 4, 20).astype(np.float64)), (ints(0, 3, 0), r(0))],
    'lexsort3': [(ints(0, 3, 30, np.int32), ints(0, 2, 30), ints(0, 3, 30))],
    'lexsort1': [(np.array([3.0, 1.0, np.nan, 1.0, -2.0]),)],
}


def _same(expect, got) -> bool:
    if isinstance(expect, tuple):
        return isinstance(got, tuple) and len(got) == len(expect) and all(map(_same, expect, got))
    e, g = np.asarray(expect), np.asarray(got)
    if e.shape != g.shape or isinstance(expect, np.ndarray) and e.dtype != g.dtype:
        return False
    return bool(np.array_equal(e, g, equal_nan=e.dtype.kind in "fc"))


CASES = [(name, k) for name in sorted(ARGS) for k in range(len(ARGS[name]))]


@pytest.mark.parametrize("name,k", CASES, ids=[f"{n}-{k}" for n, k in CASES])
def test_kernel_matches_numpy(name, k):
    args = ARGS[name][k]
    expect = getattr(interpreted(PATH), name)(*copy.deepcopy(args))
    got = getattr(compiled(PATH), name)(*copy.deepcopy(args))
    assert _same(expect, got), (name, args, expect, got)


def _is_partition(line, p, k):
    """p is a permutation of line with the k-th item in sorted place, smaller-or-equal before."""
    want = np.sort(line)
    assert np.array_equal(np.sort(p), want, equal_nan=True)
    assert p[k] == want[k] or np.isnan(p[k]) and np.isnan(want[k])
    assert np.all(p[:k] <= p[k]) and np.all(p[k + 1:] >= p[k]) or np.isnan(p[k])


@pytest.mark.parametrize("shape,k", [((1, 1), 0), ((4, 9), 0), ((4, 9), 8), ((3, 17), 5), ((2, 100), 50),
                                     ((3, 17), -1)])
def test_partition_and_argpartition_have_the_partition_property(shape, k):
    m = compiled(PATH)
    a = rng.standard_normal(shape).round(1)      # ties
    p, ix = m.partition_full(a, k), m.argpartition_full(a, k)
    assert p.dtype == np.float64 and ix.dtype == np.int64 and p.shape == ix.shape == a.shape
    for row, prow, irow in zip(a, p, ix):
        _is_partition(row, prow, k % a.shape[1])
        assert sorted(irow) == list(range(a.shape[1]))
        _is_partition(row, row[irow], k % a.shape[1])
    x = ints(-20, 20, 33, np.int32)
    got = m.partition_int(x, 16)
    assert got.dtype == np.int32
    _is_partition(x, got, 16)
    f = rng.standard_normal((4, 5)).astype(np.float32)
    flat = m.argpartition_flat(f, 7)
    _is_partition(f.ravel(), f.ravel()[flat], 7)


def test_partition_keeps_nan_last():
    a = np.array([[2.0, np.nan, 1.0, 0.5], [np.nan, np.nan, 3.0, 1.0]])
    p = compiled(PATH).partition_full(a, 1)
    assert np.array_equal(p[:, 1], np.partition(a, 1)[:, 1], equal_nan=True)
    assert np.isnan(p[0, 3]) and np.isnan(p[1, 2:]).all()


@pytest.mark.parametrize("name,args,match", [
    ("squeeze_checked", (r(2, 3),), "cannot select an axis to squeeze out which has size not equal to one"),
    ("squeeze_checked", (r(0, 3),), "cannot select an axis to squeeze out"),
    ("cross_checked", (r(4), r(3)), "incompatible dimensions for cross product"),
    ("cross_checked", (r(3), r(1)), "incompatible dimensions for cross product"),
    ("cross_checked", (r(2), r(2)), "2-item vectors"),
    ("partition_kth", (r(5), 5), "out of bounds"),
    ("partition_kth", (r(5), -6), "out of bounds"),
    ("argpartition_kth", (r(4), 4), "out of bounds"),
    ("lexsort_checked", (ints(0, 3, 4), ints(0, 3, 5)), "all keys need to be the same shape"),
])
def test_errors_are_numpys(name, args, match):
    with pytest.raises(ValueError, match=match):
        getattr(compiled(PATH), name)(*args)
    if "2-item" not in match:       # NumPy (2.x) returns the z component for 2-item vectors
        with pytest.raises(ValueError):
            getattr(interpreted(PATH), name)(*args)


HEADER = "import numpy as np\nfrom fastext import f64, i64, c128\n\n\n"
MISUSE = [
    ("def f(a: f64[:, :]) -> f64[:]:\n    return np.squeeze(a)\n", "without axis= is not supported", (6, 12)),
    ("def f(a: f64[:, :]) -> f64[:]:\n    return a.squeeze()\n", "rank of the result must be known", (6, 12)),
    ("def f(a: f64[:]) -> f64:\n    return np.squeeze(a, 0)\n", "0-d array", (6, 12)),
    ("def f(a: f64[:, :]) -> f64[:]:\n    return np.squeeze(a, axis=2)\n", "axis 2 is out of bounds", (6, 31)),
    ("def f(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:\n    return np.cross(a, b, axis=0)\n",
     "np.cross(axis=...) is not supported", (6, 32)),
    ("def f(a: f64[:], b: f64) -> f64[:]:\n    return np.kron(a, b)\n", "np.kron() needs an array", (6, 23)),
    ("def f(a: f64[:], k: i64) -> f64[:]:\n    return np.partition(a, (1, 2))\n", "kth must be one integer",
     (6, 28)),
    ("def f(a: f64[:]) -> f64[:]:\n    return np.partition(a, 1.5)\n", "kth must be an integer", (6, 28)),
    ("def f(a: c128[:]) -> c128[:]:\n    return np.partition(a, 1)\n", "not supported", (6, 12)),
    ("def f(a: f64[:], k: i64) -> i64[:]:\n    return np.argpartition(a, k, kind='quickselect')\n",
     "supports only 'introselect'", (6, 39)),
    ("def f(a: f64[:, :], b: f64[:, :]) -> i64[:]:\n    return np.lexsort((a, b))\n", "supports 1-D keys", (6, 23)),
    ("def f(a: f64[:]) -> i64[:]:\n    return np.lexsort(a)\n", "takes a sequence of arrays", (6, 23)),
    ("def f(n: f64) -> tuple[i64[:], i64[:]]:\n    return np.triu_indices(n)\n", "n must be an integer", (6, 28)),
    ("def f(a: f64[:]) -> tuple[i64[:], i64[:]]:\n    return np.tril_indices_from(a)\n", "must be 2-d", (6, 33)),
]


@pytest.mark.parametrize("body,message,where", MISUSE, ids=[m[1][:40] for m in MISUSE])
def test_misuse_is_a_located_compile_error(body, message, where):
    with pytest.raises(CompileError) as info:
        compile_source(HEADER + body, "misuse.fx", "misuse")
    d = info.value.diagnostics[0]
    assert message in d.message, d.message
    assert "internal" not in d.message
    assert str(d.span) == "misuse.fx:%d:%d" % where, str(d.span)
    assert d.hint
