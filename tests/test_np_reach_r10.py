"""NumPy functions added in round 10 (np.tri, np.geomspace, np.ravel_multi_index, ...), in
tests/fx/np_reach_r10.fx: each compiled result equals the same file run by CPython and NumPy —
values, shapes and dtypes — and where NumPy raises, the compiled module raises the same
exception with the same message."""
from __future__ import annotations

import numpy as np
import pytest

from fxload import FX_DIR, compiled, interpreted, kernel_results, same_values

rng = np.random.default_rng(10)
PATH = f"{FX_DIR}/np_reach_r10.fx"


def ri(lo, hi, *shape):
    return rng.integers(lo, hi, shape)


CASES = {
    "tri_mask": [(4,), (0,), (1,), (-2,)],
    "tri_args": [(3, 5, 1), (4, 2, -1), (3, 3, 10), (0, 3, 0), (3, -1, 0)],
    "tri_kw": [(4, 1), (3, -2)],
    "spaces": [(1.0, 1000.0, 4), (-1.0, -1000.0, 5), (2.0, 3.0, 1), (2.0, 3.0, 0), (0.0, 1.0, 3), (1.0, 0.0, 3),
               (-1.0, 8.0, 4), (1.0, 3.0, -1), (3.0, 1e-5, 7), (1.0, 2.0, 50)],
    "spaces_open": [(1.0, 1000.0, 4), (5.0, 7.0, 1), (-2.0, -0.5, 6)],
    "spaces_int": [(5,), (1,), (0,)],
    "multi_idx": [(ri(0, 4, 6), ri(0, 5, 6)), (np.array([4]), np.array([0])), (np.array([0]), np.array([-1])),
                  (ri(0, 4, 0), ri(0, 5, 0))],
    "multi_idx_shape": [(ri(0, 3, 4), ri(0, 4, 2, 4), np.zeros((3, 4, 2))), (ri(0, 3, 4), ri(0, 4, 2, 4), np.zeros((3, 4, 1)))],
    "multi_idx_scalar": [(2, 6), (3, 0), (0, -1)],
    "multi_idx_wrap": [(ri(-9, 9, 8), ri(-9, 9, 8)), (ri(-9, 9, 0), ri(-9, 9, 0))],
}


@pytest.mark.parametrize("kernel,case", [(k, i) for k, cases in CASES.items() for i in range(len(cases))])
def test_kernel_equals_numpy(kernel, case):
    results = kernel_results(interpreted(PATH), compiled(PATH), kernel, CASES[kernel][case])
    if results is None:
        return          # both raised the same exception type
    expected, got, a_py, a_nat = results
    same_values(expected, got)
    same_values(a_py, a_nat)


@pytest.mark.parametrize("kernel,args", [("spaces", (0.0, 1.0, 3)), ("spaces", (1.0, 2.0, -1)),
                                         ("multi_idx", (np.array([4]), np.array([0]))),
                                         ("multi_idx_scalar", (0, 7))])
def test_errors_say_what_numpy_says(kernel, args):
    with pytest.raises(ValueError) as want:
        getattr(interpreted(PATH), kernel)(*args)
    with pytest.raises(ValueError) as got:
        getattr(compiled(PATH), kernel)(*args)
    assert str(got.value) == str(want.value)


def test_geomspace_ends_are_exact():
    """NumPy puts start and stop back after the powers of ten: the ends are the arguments' bits."""
    mod = compiled(PATH)
    for a, b in ((3.0, 7.1), (-0.3, -11.7), (1e-300, 1e300)):
        got = mod.spaces(a, b, 9)
        assert got[0] == a and got[-1] == b
        assert np.array_equal(got, np.geomspace(a, b, 9))
