"""NumPy code as others write it, compiled unchanged (issue 10): tests/fx/np_breadth.fx holds
kernels in the styles of public NumPy/Numba/Pythran benchmark suites; each compiled result must
equal the same file run by CPython and NumPy (values, shapes and dtypes)."""
import copy
import warnings

import numpy as np
import pytest

from fxload import FX_DIR, compiled, interpreted

PATH = f"{FX_DIR}/np_breadth.fx"
rng = np.random.default_rng(1)


def r(*shape):
    return rng.random(shape)


def _with_nans(a):
    a[1, 2] = a[2, 3] = np.nan
    a[3] = np.nan       # an all-NaN row
    return a


# name -> the arguments of one call (built once, copied for each run: some kernels write them)
ARGS = {
 'cronbach': lambda: (r(20, 5),),
 'create_grid': lambda: (r(30),),
 'fdtd': lambda: (r(20, 21), r(20, 21), r(20, 21), 5),
 'growcut': lambda: (r(10, 12, 3), r(10, 12, 2), 1),
 'hasting': lambda: (r(100), 0.3, 1.2),
 'hyantes': lambda: (0.0, 0.0, 1.0, 1.0, 0.1, 100.0, 8, 9, r(20, 3)),
 'lapl3d': lambda: (r(6, 7, 8),),
 'lstsqr': lambda: (r(50), r(50)),
 'multiple_sum': lambda: (r(10, 20),),
 'periodic_dist': lambda: (r(30), r(30), r(30), 0.8, True, False, True),
 'repeating': lambda: (r(12), 3),
 'reverse_cumsum': lambda: (r(40),),
 'slowparts': lambda: (r(10, 15) - 0.5, r(10, 15), r(10, 15), 0.7),
 'smoothing': lambda: (r(50), 0.3),
 'specialconvolve': lambda: (r(12, 13),),
 'vibr_energy': lambda: (r(30), r(30), r(30)),
 'wdist': lambda: (r(4, 7), r(4, 9), r(4, 7) + 0.5),
 'allpairs_loops': lambda: (r(8, 3), r(9, 3)),
 'check_mask': lambda: (rng.random((10, 6)) > 0.3, (rng.random(5) > 0.5).astype(np.int64)),
 'evolve': lambda: (r(10, 11), 0.1, 0.5),
 'julia': lambda: (-0.4, 0.6, 30, 1.5, 2.0),
 'mandel_np': lambda: (30, 20),
 'log_cosh': lambda: (r(50), r(50)),
 'norm_rows': lambda: (r(7, 4),),
 'tuple_shape': lambda: (r(7, 4),),
 'sizes': lambda: (r(7, 4),),
 'python_sum': lambda: (r(17),),
 'dtype_builtin': lambda: (9,),
 'argmax_axis': lambda: (r(7, 4),),
 'round_dec': lambda: (r(30) * 100,),
 'triu': lambda: (r(5, 6),),
 'clip_abs_max': lambda: (r(30) * 2 - 0.5, r(30)),
 'array_of_vars': lambda: (1.5, 2.5),
 'asarray': lambda: (r(5),),
 'arange_col': lambda: (6,),
 'sum_pos_axis': lambda: (r(4, 4),),
 'diff_axis': lambda: (r(5, 4),),
 'isnan_any': lambda: (np.array([1.0, np.nan]),),
 'f32_scalar': lambda: (r(9).astype(np.float32),),
 'floor_int': lambda: (r(20) * 10 - 5, 0.7),
 'complex_exp': lambda: (r(10),),
 'matvec_T': lambda: (r(5, 3), r(5)),
 'where3': lambda: (r(10) - 0.5,),
 'ogrid': lambda: (7,),
 'inf_nan': lambda: (r(10),),
 'cumsum_axis': lambda: (r(3, 5),),
 'return_tuple_arrays': lambda: (r(4),),
 'inplace_slice_loop': lambda: (r(4, 3),),
 'outer_sum': lambda: (r(3), r(4)),
 'dot_vec': lambda: (r(6), r(6)),
 'std_ddof': lambda: (r(6, 3),),
 'empty_tuple_shape': lambda: (r(3, 4),),
 'sum_dtype': lambda: (np.arange(10, dtype=np.int32),),
 'power_arr': lambda: (r(8) + 0.1, r(8)),
 'f32_consts': lambda: (0.25, r(4).astype(np.float32)),
 'methods_and_math': lambda: (r(9) * 3 - 1, r(4) + 1j * r(4)),
 'nan_reductions': lambda: (_with_nans(r(4, 5)), np.arange(5), np.array([1 + 2j, complex(np.nan, 0), 3j])),
 'closeness': lambda: (np.array([1.0, np.nan, np.inf, 2.0, 0.0, -np.inf]),
                       np.array([1.0 + 1e-7, np.nan, np.inf, 2.05, 1e-9, np.inf]), np.arange(6)),
 'axes_views': lambda: (r(3, 4), r(5)),
 'diagonals': lambda: (r(3), r(4, 6), -1),
 'composed': lambda: (np.array([0.0, -1.0, 2.5, np.inf, -np.inf, np.nan, 3.0]), np.arange(-4, 5), r(2, 3)),
 'more_ufuncs': lambda: (np.array([0.0, -1.0, 2.0, np.inf, -np.inf, np.nan, 1e308, 3.0]),
                         np.array([0.0, 5.0, 2.0, np.inf, np.inf, 1.0, 1e308, -np.inf]), np.arange(8), 7),
 'shapes_as_values': lambda: (r(3, 4), r(2, 5), r(3)),
 'small_helpers': lambda: (r(4), r(2, 3), np.array([0, 5, 11]), r(3).astype(np.float32)),
 'reused_expressions': lambda: (np.array([1.0, 0.0, 2.0, -1.0, -np.inf, 3.5]),
                                np.array([1.0, 0.0, 3.0, 0.0, 2.0, -0.0])),
 'norms_by_dot': lambda: (r(1001), r(77).astype(np.float32), r(30, 40)),
 'running_extremes': lambda: (np.array([1.0, 3.0, 2.0, 0.5, 5.0, 4.0]), r(3, 4), np.array([3, 1, 4, 1, 5])),
 'out_as_values': lambda: (r(4), r(4), r(2, 3)),
 'line_sums': lambda: (r(3, 5), r(3, 5) + 1j * r(3, 5)),
 'ufunc_methods': lambda: (r(6), r(4, 5)),
 'vdot_cases': lambda: (r(5) + 1j * r(5), r(5) - 2j * r(5), r(3, 4)),
 'tri_k': lambda: (rng.integers(-9, 9, (5, 6)).astype(np.int32), rng.random((4, 4)) > 0.5),
 'py_extremes': lambda: (np.array([2.0, np.nan, -1.0, 5.0, -1.0]), np.array([3, -7, 9], dtype=np.int32)),
 'py_sum_wraps': lambda: (np.array([2**31 - 1, 5], dtype=np.int32), np.array([True, False, True])),
}


def _same(expect, got) -> bool:
    if isinstance(expect, np.float32):      # float32 results: the float32 value, not a float64 one
        return float(expect) == got
    if isinstance(expect, tuple):
        return isinstance(got, tuple) and len(got) == len(expect) and all(map(_same, expect, got))
    e, g = np.asarray(expect), np.asarray(got)
    if e.shape != g.shape or isinstance(expect, np.ndarray) and e.dtype != g.dtype:
        return False
    return bool(np.allclose(e, g, rtol=1e-9, atol=1e-12, equal_nan=True))


@pytest.mark.parametrize("name", sorted(ARGS))
def test_kernel_matches_numpy(name):
    args = ARGS[name]()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)     # int32 sums that wrap, as NumPy warns
        expect = getattr(interpreted(PATH), name)(*copy.deepcopy(args))
    got = getattr(compiled(PATH), name)(*copy.deepcopy(args))
    assert _same(expect, got), (name, expect, got)


def test_every_kernel_is_tested():
    module = compiled(PATH)
    kernels = {n for n in dir(module) if not n.startswith("_") and callable(getattr(module, n))
               and getattr(getattr(module, n), "__module__", None) == module.__name__}
    assert kernels - set(ARGS) - {"exponential_mean"} == set()      # random: tested on its own below


def test_python_min_max_keep_a_leading_nan_only():
    f = compiled(PATH).py_extremes
    k = np.array([1], dtype=np.int32)
    lo, hi, *_ = f(np.array([np.nan, 1.0, 2.0]), k)
    assert np.isnan(lo) and np.isnan(hi)
    lo, hi, *_ = f(np.array([1.0, np.nan, 2.0]), k)
    assert (lo, hi) == (1.0, 2.0)
    with pytest.raises(ValueError, match="empty"):
        f(np.array([]), k)


@pytest.mark.parametrize("m", [0, 1, 2, 3, 7, 8, 9, 127, 128, 129, 1000, 4096])
def test_sums_of_expressions_are_numpys_bits(m):
    """Lines of fewer than 8 items are added in order in registers, longer ones pairwise through
    a buffer (up to 4096 items whole): NumPy's bits either way; a line of -0.0 sums to +0.0."""
    f = compiled(PATH).line_sums
    x = np.random.default_rng(m).standard_normal((3, m))
    z = x + 1j * x[::-1]
    got = f(x, z)
    for g, want in zip(got, ((x * 1.0).sum(axis=1), (z * 1.0).sum(axis=1), np.sum(x[0] * 2.0))):
        assert np.array_equal(g, want)
    signs = f(-np.zeros((2, m)), -np.zeros((2, m), complex))
    assert not np.signbit(signs[0]).any() and not np.signbit(signs[1].real).any()


def test_item_of_a_bigger_array_is_numpys_value_error():
    with pytest.raises(ValueError, match="can only convert an array of size 1"):
        compiled(PATH).shapes_as_values(r(3, 4), r(2, 5), np.zeros(0))


def test_exponential_draws_have_the_mean_and_the_errors_of_numpy():
    m = compiled(PATH)
    assert abs(m.exponential_mean(200_000, 3.0) - 3.0) < 0.05
    with pytest.raises(ValueError, match="scale < 0"):
        m.exponential_mean(3, -1.0)


def test_whole_array_norms_are_numpys_bits():
    v, m = rng.random(1001), rng.random((30, 40))
    got = compiled(PATH).norms_by_dot(v, v.astype(np.float32), m)
    want = interpreted(PATH).norms_by_dot(v, v.astype(np.float32), m)
    assert [float(g) for g in got] == [float(w) for w in want]
