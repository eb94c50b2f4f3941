"""NumPy code as others write it (round 11): kernels in the styles of NumPy exercise collections
and Stack Overflow answers (one-hot rows, `np.add.at`, `np.unique(return_counts=True)`,
`searchsorted`/`digitize`, `lexsort`, boolean masks, `triu_indices`, `meshgrid(indexing="ij")`,
`pad`, `take_along_axis`, `percentile`, stacking, `nanmean`, `einsum`, fancy indexing,
`histogram`, `unravel_index`, `array_split`, `argwhere`, `polyfit`/`polyval`/`interp`, `cross`,
`trapezoid`, `clip(out=)`, `kron`) and printing (arrays, `tolist`, shapes, `finfo`/`iinfo`,
float32, `np.newaxis`, ufunc `.reduce`, `apply_along_axis`, lists and dicts of arrays,
`ndenumerate`, `fill_diagonal`, `roll`), in tests/fx/np_reach_r11/.  Each compiled function prints
and returns what the same file prints and returns under CPython and NumPy."""
from __future__ import annotations

import contextlib
import io
import os

import numpy as np
import pytest

from fxload import FX_DIR, compiled, interpreted, same_values

rng = np.random.default_rng(3)


def r(*shape):
    return rng.random(shape)


def ri(k, *shape):
    return rng.integers(0, k, shape)


ARGS = {
    "onehot": (ri(4, 10), 4),
    "count_at": (ri(5, 30), 5),
    "weighted_bins": (ri(5, 30), r(30), 7),
    "uniq_counts": (ri(6, 40),),
    "most_frequent": (ri(6, 40),),
    "bucket": (r(20), np.sort(r(5))),
    "digit": (r(20), np.sort(r(5))),
    "sort_two_keys": (ri(3, 20), ri(4, 20)),
    "positive_mean": (r(30),),
    "where_idx": (r(20),),
    "upper_pairs": (r(5, 5),),
    "lower_part": (r(4, 4),),
    "grid_ij": (5,),
    "padded_edge": (r(3, 4),),
    "padded_const": (r(5),),
    "top_k": (r(20), 4),
    "rev_sorted": (r(9),),
    "row_argmax_vals": (r(4, 5),),
    "iqr": (r(33),),
    "stack_cols": (r(5), r(5)),
    "stack_axis1": (r(5), r(5)),
    "pair_sums": (r(10),),
    "nan_clean": (r(12),),
    "row_dots": (r(4, 3), r(4, 3)),
    "row_norms": (r(4, 3),),
    "fancy_cols": (r(3, 5), np.array([4, 0, 2])),
    "zero_some": (r(8), np.array([1, 5])),
    "list_index": (r(6),),
    "rising": (r(15),),
    "hist01": (r(50),),
    "argmax2d": (r(4, 6),),
    "moving_avg": (r(20), 4),
    "split_sums": (r(10),),
    "tiled": (r(4),),
    "nonzero_pairs": (r(4, 4),),
    "std_cols": (r(6, 3),),
    "sum_axes": (r(2, 3, 4),),
    "interp_poly": (np.sort(r(10)), r(10)),
    "any_cols": (r(5, 4),),
    "cross_rows": (r(4, 3), r(4, 3)),
    "angles": (r(6), r(6)),
    "from_lists": (4,),
    "rounded": (r(6),),
    "show": (r(4),),
    "show2": (r(2, 3),),
    "eps_info": (),
    "f32_sum": (r(5).astype(np.float32),),
    "newaxis": (r(3), r(4)),
    "masks": (r(40),),
    "reduce_ufunc": (r(4, 3),),
    "along": (r(3, 4),),
    "list_of_arrays": (4,),
    "dict_of_arrays": (r(5),),
    "enum_nd": (r(3, 4),),
    "int_ops": (ri(10, 8),),
    "vstack_loop": (4,),
    "cumulative": (r(3, 4),),
    "scalar_np": (2.5,),
    "where3": (r(6),),
    "fill_diag": (4,),
    "roll_avg": (r(4, 5),),
    "trap": (r(10), np.sort(r(10))),
    "clip_inplace": (r(10),),
    "kron_outer": (r(3), r(4)),
}
FILES = ("exercises", "printing")


def _outcome(f, args):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            value = f(*args)
        except Exception as e:      # the exception's type is part of the result
            value = type(e)
    return out.getvalue(), value


@pytest.fixture(scope="module", params=FILES)
def both(request):
    path = os.path.join(FX_DIR, "np_reach_r11", request.param + ".fx")
    return compiled(path), interpreted(path)


def test_every_kernel_prints_and_returns_what_numpy_gives(both):
    native, python = both
    names = [n for n in ARGS if hasattr(python, n)]
    assert len(names) > 15
    for name in names:
        args = ARGS[name]
        (printed, expected), (shown, got) = (_outcome(getattr(m, name), args) for m in (python, native))
        assert shown == printed, name
        if isinstance(expected, type) or isinstance(got, type):
            assert got is expected, name
        else:
            same_values(expected, got)
