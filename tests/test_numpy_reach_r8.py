"""NumPy code as others write it (round 8): kernels in the styles of scikit-learn's helpers
(numpy.typing annotations whose ranks come from the body), SciPy's statistics, the Numba and
Pythran benchmark collections (`@njit` kernels, stencils, time steps), Stack Overflow answers,
npbench's NumPy ports of PolyBench and the CFD lessons, and the grids of the SciPy lecture notes,
in tests/fx/numpy_reach_r8/.  Each compiled result must equal the same file run by CPython and
NumPy — values, shapes and dtypes — for several inputs, empty and 1-element ones included;
where NumPy raises, the compiled module raises the same exception type.

LIMITS holds what stays outside the dialect, each checked for its located error."""
from __future__ import annotations

import sys
import types

import numpy as np
import pytest

from fxload import FX_DIR, compile_error, compiled, interpreted, kernel_results, same_values

rng = np.random.default_rng(8)


def r(*shape):
    return rng.random(shape)


def ri(k, *shape):
    return rng.integers(0, k, shape)


def _spd(n):
    a = r(n, n)
    return a @ a.T + n * np.eye(n)


CASES = {
 "sk_helpers": {
  "sq_dists": [(r(5, 3), r(4, 3)), (r(0, 3), r(2, 3)), (r(1, 1), r(1, 1))],
  "manhattan": [(r(5, 3), r(4, 3)), (r(0, 3), r(2, 3)), (r(1, 1), r(1, 1))],
  "row_norms": [(r(5, 3),), (r(5, 3), True), (r(0, 2),), (r(1, 1),)],
  "softmax_rows": [(r(5, 3),), (r(0, 3),), (r(1, 1),)],
  "log_loss": [(ri(2, 10).astype(float), r(10)), (np.ones(1), np.ones(1)), (np.zeros(0), np.zeros(0))],
  "minmax_scale": [(r(5, 3),), (np.ones((3, 2)),), (r(1, 1),)],
  "one_hot": [(ri(4, 7), 4), (ri(4, 0), 4), (np.array([0]), 1)],
  "confusion": [(ri(3, 20), ri(3, 20), 3), (ri(3, 0), ri(3, 0), 3), (np.array([0]), np.array([0]), 1)],
  "r2_score": [(r(10), r(10)), (r(2), r(2)), (r(1), r(1)), (r(0), r(0))],
  "logistic_grad": [(r(3), r(6, 3), ri(2, 6).astype(float), 0.1), (r(1), r(1, 1), r(1), 0.0),
                    (r(2), r(0, 2), r(0), 0.5)],
  "knn_mean": [(r(6, 2), r(4, 2), r(6), 3), (r(1, 1), r(1, 1), r(1), 1), (r(3, 2), r(0, 2), r(3), 2)],
  "topk_scores": [(r(4, 6), 2), (r(1, 1), 1), (r(0, 3), 2)],
  "center_kernel": [(r(4, 4),), (r(1, 1),), (r(0, 0),)],
  "safe_sparse_like": [(r(3, 4), r(4, 2)), (r(0, 2), r(2, 3)), (r(1, 1), r(1, 1))],
 },
 "stencils": {
  "heat1d": [(r(10), 0.2, 5), (r(1), 0.2, 3), (r(0), 0.2, 2)],
  "convect2d": [(r(6, 7), 0.3, 4), (r(1, 1), 0.3, 2), (r(0, 3), 0.3, 1)],
  "conv2d_entry": [(r(6, 7), r(3, 2)), (r(1, 1), r(1, 1)), (r(3, 3), r(3, 3))],
  "roll_laplace": [(r(5, 6),), (r(1, 1),), (r(0, 2),)],
  "life_step": [(ri(2, 8, 9),), (ri(2, 1, 1),), (ri(2, 3, 3),)],
  "edge_blur": [(r(5, 6),), (r(1, 1),)],
  "cumtrapz": [(r(8), np.sort(r(8))), (r(1), r(1)), (r(0), r(0))],
  "moving_average": [(r(10), 3), (r(1), 1)],
  "ewma_entry": [(r(10), 0.3), (r(1), 0.5), (r(0), 0.5)],
  "window_max": [(r(10), 3), (r(1), 1)],
  "row_sums_entry": [(r(5, 4),), (r(0, 3),), (r(1, 1),)],
  "upsample": [(r(5), 3), (r(0), 2), (r(1), 1)],
  "wave1d": [(r(10), r(10), 0.2, 5), (r(2), r(2), 0.1, 2), (r(1), r(1), 0.1, 0)],
 },
 "stats": {
  "zscore": [(r(6, 3),), (r(6, 3), 1), (r(1, 1),), (r(0, 2),)],
  "pearson": [(r(10), r(10)), (r(1), r(1)), (r(0), r(0))],
  "rank_ordinal": [(r(10),), (r(1),), (r(0),), (np.array([1.0, 1.0, 0.0]),)],
  "entropy_labels": [(ri(5, 30),), (np.array([0]),)],
  "weighted_stats": [(r(10), r(10)), (r(1), r(1))],
  "ecdf": [(r(10),), (r(1),), (r(0),)],
  "gini": [(r(10),), (r(1),), (r(0),)],
  "mad": [(r(11),), (r(1),), (r(0),)],
  "nan_stats": [(np.where(r(5, 4) > 0.8, np.nan, r(5, 4)),), (r(1, 1),), (np.full((2, 3), np.nan),)],
  "cov_manual": [(r(8, 3),), (r(2, 1),), (r(1, 2),)],
  "kde": [(r(5), r(20), 0.3), (r(0), r(3), 0.3), (r(1), r(1), 1.0)],
  "cronbach_alpha": [(r(10, 4),), (r(3, 2),)],
  "iqr_outliers": [(np.r_[r(20), 5.0, -4.0],), (r(1),)],
  "autocorr": [(r(20), 3), (r(5), 1)],
  "nan_argmax": [(np.r_[r(5), np.nan, 2.0],), (r(1),), (np.full(3, np.nan),)],
  "correlate_full": [(r(6), r(3)), (r(1), r(1))],
  "correlate_valid": [(r(6), r(3)), (r(2), r(5)), (r(1), r(1))],
  "azimint_hist": [(r(200), r(200), 7), (r(1), r(1), 2)],
  "whist_range": [(r(50), r(50)), (r(0), r(0)), (r(3), r(4))],
  "whist_edges": [(r(50), r(50), np.array([0.0, 0.1, 0.5, 0.9])), (r(5), r(5), np.array([0.5, 0.2]))],
  "whist_2d": [(r(6, 5), r(6, 5)), (r(2, 3), r(3, 2))],
  "nan_arg_axis": [(np.where(r(4, 5) > 0.7, np.nan, r(4, 5)),), (np.array([[np.nan, 1.0], [np.nan, 2.0]]),)],
 },
 "so_answers": {
  "first_above": [(r(10), 0.5), (r(3), 2.0), (r(0), 0.5), (r(1), 0.0)],
  "running_max": [(r(10),), (r(1),), (r(0),)],
  "mode_value": [(ri(4, 20),), (np.array([3]),)],
  "group_sums": [(ri(4, 20), r(20), 5), (np.array([0]), r(1), 0)],
  "l1_normalize": [(r(4, 3),), (r(1, 1),), (r(0, 3),)],
  "cartesian": [(r(3), r(4)), (r(1), r(1)), (r(0), r(2))],
  "zero_crossings": [(r(10) - 0.5,), (r(1),), (r(0),)],
  "block_mean": [(r(4, 6),), (r(5, 7),), (r(1, 1),), (r(2, 2),)],
  "tile_repeat": [(r(3), 2), (r(0), 3), (r(1), 1)],
  "clip_where": [(r(10), 0.2, 0.7), (r(0), 0.0, 1.0)],
  "angles": [(r(4, 3), r(4, 3)), (r(1, 1), r(1, 1)), (r(0, 3), r(0, 3))],
  "compound": [(r(5) * 0.1, 100.0), (r(0), 1.0)],
  "trapz_area": [(r(8), np.sort(r(8))), (r(1), r(1)), (r(0), r(0))],
  "replace_nan": [(np.r_[r(4), np.nan, 1.0],), (r(1),)],
  "mask_rows": [(r(6, 3), 0.2), (r(0, 3), 0.5), (r(1, 1), 0.0)],
  "count_in_range": [(r(20), 0.2, 0.6), (r(0), 0.0, 1.0)],
  "diag_fill": [(4, 2.0), (1, 3.0), (0, 1.0)],
  "flip_sorted_desc": [(r(7),), (r(0),), (r(1),)],
  "argsort_desc_top": [(r(7), 3), (r(1), 1), (r(0), 2)],
  "bool_index_count": [(ri(3, 4, 5) - 1,), (ri(3, 1, 1),), (ri(3, 0, 3),)],
  "float_scalars": [(r(5),), (r(0),)],
  "errstate_div": [(r(5), np.array([0.0, 1.0, 2.0, 0.0, 3.0])), (r(0), r(0))],
  "unpack_pair": [(r(2),), (r(3),), (r(1),)],
 },
 "tricks": {
  "submatrix": [(r(5, 6), np.array([0, 2, 4]), np.array([1, 5])), (r(1, 1), np.array([0]), np.array([0])),
                (r(3, 3), np.array([], dtype=np.int64), np.array([1])), (r(3, 3), np.array([-1]), np.array([5]))],
  "submask": [(r(4, 3), np.array([True, False, True, True]), np.array([0, 2]))],
  "tensordot_pair": [(r(4, 3, 2), r(3, 2)), (r(1, 1, 1), r(1, 1)), (r(0, 2, 2), r(2, 2))],
  "tensordot_int": [(r(4, 3), r(3, 2)), (r(1, 1), r(1, 1)), (r(2, 0), r(0, 3))],
  "r_concat": [(r(3), r(2)), (r(0), r(0))],
  "r_ints": [(ri(5, 3), 5), (ri(5, 0), 0)],
  "r_f32": [(r(3).astype(np.float32),)],
  "r_lin": [(3,)],
  "c_stack": [(r(3), r(3)), (r(0), r(0)), (r(3), r(2))],
  "c_mixed": [(r(3, 2), r(3)), (r(0, 2), r(0))],
  "delete_items": [(r(5), 2), (r(5), -1), (r(1), 0), (r(3), 3), (r(3), -4)],
  "delete_list": [(r(5),), (r(2),)],
  "delete_row": [(r(4, 3), 1), (r(4, 3), -1), (r(1, 2), 0), (r(2, 2), 2)],
  "delete_cols": [(r(4, 3), np.array([0, 2])), (r(4, 3), np.array([], dtype=np.int64)), (r(4, 3), np.array([5]))],
  "delete_flat": [(r(2, 3), 4)],
  "delete_mask": [(r(4), np.array([True, False, False, True])), (r(3), np.array([True, False]))],
  "insert_item": [(r(5), 2, 9.0), (r(5), 5, 9.0), (r(5), -1, 9.0), (r(0), 0, 1.0), (r(3), 4, 1.0)],
  "insert_list": [(ri(5, 4),), (ri(5, 1),)],
  "insert_row": [(r(3, 2), 1, r(2)), (r(3, 2), 3, r(2)), (r(0, 2), 0, r(2))],
  "insert_col": [(r(3, 2), 1), (r(3, 2), -1)],
  "cumsum_ma": [(r(10), 3), (r(1), 1), (r(0), 1)],
 },
 "sk_helpers2": {
  "ridge_closed": [(r(8, 3), r(8), 0.5), (r(1, 1), r(1), 1.0)],
  "mahalanobis": [(r(3), r(3), _spd(3)), (r(1), r(1), _spd(1))],
  "gaussian_logpdf": [(r(5, 3), r(3), r(3) + 0.5), (r(0, 2), r(2), r(2) + 1)],
  "logdet_spd": [(_spd(4),), (_spd(1),)],
  "normalize_l2": [(r(4, 3),), (np.zeros((2, 2)),), (r(0, 3),)],
  "pairwise_cos": [(r(4, 3),), (r(1, 1),)],
  "weighted_mode_count": [(ri(4, 10), r(10), 4), (np.array([0]), r(1), 1)],
  "explained_variance": [(r(6, 3),), (r(2, 2),)],
  "trace_ratio": [(r(3, 3), r(3, 3)), (r(1, 1), r(1, 1))],
  "kmeans_step": [(r(10, 2), r(3, 2)), (r(1, 1), r(2, 1))],
  "sigmoid_stable": [(r(10) * 10 - 5,), (r(0),), (r(1),)],
  "huber": [(r(10) * 4 - 2, 1.0), (r(0), 1.0)],
  "accuracy": [(ri(3, 10), ri(3, 10)), (ri(3, 1), ri(3, 1))],
  "polyfeatures": [(r(5), 3), (r(1), 0), (r(0), 2)],
  "powers_list": [(r(5), 3), (r(1), 0)],
  "batch_iter_sums": [(r(10), 3), (r(1), 5), (r(0), 2)],
 },
 "sk_helpers3": {
  "standard_scale": [(r(5, 3),), (np.ones((3, 2)),), (r(0, 2),)],
  "mse": [(r(5), r(5)), (r(1), r(1))],
  "cosine_to": [(r(4, 3), r(3)), (r(1, 1), r(1))],
  "gram": [(r(4, 3),), (r(0, 2),)],
  "rbf_kernel": [(r(4, 3), 0.5), (r(1, 1), 1.0)],
  "class_means": [(r(9, 2), np.array([0, 1, 2] * 3), 3)],
  "column_ranges": [(r(5, 3),), (r(1, 1),)],
  "clip_rows": [(r(4, 3) * 3, 1.0)],
  "count_matches": [(ri(3, 10), ri(3, 10)), (ri(3, 0), ri(3, 0))],
  "smooth_labels": [(np.eye(3)[ri(3, 5)], 0.1)],
 },
 "numba_docs": {
  "ident_entry": [(r(10),), (r(0),)],
  "prange_entry": [(r(100),), (r(0),)],
  "sort_entry": [(r(10),), (r(1),), (r(0),)],
  "linreg_entry": [(r(8), r(8, 3), r(3), 5, 0.01), (r(1), r(1, 1), r(1), 2, 0.1)],
  "logreg_entry": [(np.sign(r(8) - 0.5), r(8, 3), r(3), 5), (np.ones(1), r(1, 1), r(1), 2)],
  "bs_entry": [(r(10) * 20 + 5, r(10) * 20 + 5, r(10) * 2 + 0.25, 0.02, 0.3),
               (r(1) + 5, r(1) + 5, r(1) + 1, 0.02, 0.3)],
  "erf_entry": [(r(10) * 4 - 2,), (r(0),)],
  "rel_entry": [(r(10) + 1, r(10) + 1), (r(1) + 1, r(1) + 1)],
  "g_add": [(r(5), 2.0), (r(1), 1.0), (r(2, 3), np.array([1.0, 2.0]))],
  "hypot_entry": [(3.0, 4.0), (-1.5, 2.5)],
  "pairwise_entry": [(r(5, 3),), (r(1, 1),), (r(0, 2),)],
  "hist_entry": [(r(50), 5), (r(2), 1)],
  "axpy_sig": [(r(5), r(5)), (r(0), r(0))],
  "int_casts_entry": [(r(5),), (r(0),)],
 },
 "lecture": {
  "fill_primes": [(30,), (1,), (2,)],
  "random_walk_stats": [(2 * ri(2, 5, 8) - 1,), (2 * ri(2, 1, 1) - 1,)],
  "population_ratio": [(r(6, 4),), (r(1, 4),)],
  "distance_table": [(r(5),), (r(0),), (r(1),)],
  "diag_ones": [(4,), (1,)],
  "tile_pattern": [(2,), (1,), (0,)],
  "fancy_sum": [(r(3, 3),), (r(1, 1),)],
  "sort_rows_by_col": [(r(5, 3), 1), (r(0, 2), 0), (r(1, 1), -1)],
  "closest_value": [(r(10), 0.5), (r(1), 0.0)],
  "normalize_minmax_inplace": [(r(6),), (r(1) + 1,)],
  "nth_largest": [(r(10), 3), (r(1), 1)],
  "rolling_sum_stride": [(r(10), 3), (r(3), 3), (r(1), 1)],
  "swap_rows": [(r(4, 3), 0, 2), (r(2, 2), 1, -1)],
  "count_unique_per_row": [(ri(3, 4, 5),), (ri(3, 2, 1),)],
  "where_max_2d": [(r(3, 4),), (r(1, 1),)],
  "bool_ops": [(r(10), r(10)), (r(0), r(0))],
  "stack_features": [(r(4), r(4)), (r(0), r(0))],
  "matrix_from_func": [(3, 4), (0, 2), (1, 1)],
  "wrap_angle": [(r(10) * 20 - 10,), (r(0),)],
  "percent_change": [(r(6) + 0.5,), (r(1),), (r(0),)],
  "digits_hist": [(ri(100, 30),), (ri(100, 0),)],
  "sum_squares_loop": [(r(3, 4),), (r(0, 2),)],
  "outer_mask_fill": [(4,), (1,), (0,)],
  "argmax_rows_masked": [(r(4, 5), 0.5), (r(1, 1), 2.0)],
  "chunk_means": [(r(10), 3), (r(2), 3), (r(6), 2)],
  "as_int_round": [(r(5) * 3,), (r(0),)],
  "centered_pad": [(r(2, 3),), (r(0, 1),)],
  "reflect_pad": [(r(5), 2), (r(3), 7), (r(1), 3), (r(2), 5), (r(0), 0), (r(0), 1), (r(4), -1)],
  "symmetric_pad": [(r(5), 2), (r(3), 7), (r(1), 3), (r(2), 5), (r(0), 1)],
  "wrap_pad": [(r(5), 2), (r(3), 7), (r(1), 3), (r(0), 0), (r(0), 1)],
  "reflect_2d": [(r(3, 4),), (r(1, 1),), (r(2, 5),)],
  "wrap_2d": [(ri(9, 3, 4),), (ri(9, 1, 1),)],
  "sym_2d": [(r(3, 4),), (r(1, 1),)],
 },
 "dtypes": {
  "f32_pipeline": [(r(10).astype(np.float32),), (r(1).astype(np.float32),)],
  "int_div": [(ri(10, 8) - 5, ri(5, 8) - 2), (ri(3, 0), ri(3, 0))],
  "bool_sum": [(r(10),), (r(0),)],
  "u8_image": [(ri(256, 4, 5).astype(np.uint8),)],
  "where_mix": [(ri(5, 8), r(8)), (ri(5, 0), r(0))],
  "i32_accum": [(ri(2 ** 30, 10).astype(np.int32),), (ri(3, 0).astype(np.int32),)],
  "view_inplace": [(r(7),), (r(1),), (r(0),)],
  "dup_fancy": [(r(5), np.array([0, 0, 3, -1])), (r(1), np.array([0, 0]))],
  "overlap_shift": [(r(6),), (r(1),)],
  "mean_int": [(ri(100, 4, 3).astype(np.int32),)],
  "argsort_stable_ties": [(ri(3, 12),)],
  "complex_ops": [(r(6),), (r(0),)],
  "astype_round": [(r(6) * 3 - 1,)],
  "minmax_axis_nan": [(np.where(r(4, 3) > 0.8, np.nan, r(4, 3)),)],
  "chained_cmp": [(r(20), 0.2, 0.7)],
  "list_of_arrays_sum": [(r(5), 4), (r(5), 0), (r(0), 3)],
  "dict_of_arrays": [(r(5),)],
  "swap_names": [(r(5), 6), (r(1), 0)],
 },
 "grids": {
  "disk_mask": [(10, 12, 4.0), (1, 1, 1.0), (0, 3, 1.0)],
  "mgrid_int": [(3, 4), (0, 2), (1, 1)],
  "mgrid_unpack": [(3, 4), (1, 1)],
  "mgrid_complex": [(5,), (1,), (0,), (2,)],
  "ogrid_one": [(5,), (1,), (0,)],
  "mgrid_step": [(9,), (1,), (0,)],
  "mgrid_float": [(0.0, 2.0), (1.0, 1.2), (2.0, 1.0)],
  "mandel_vec": [(12, 15, 20), (1, 1, 3), (0, 4, 2)],
 },
 "polybench": {
  "go_fast": [(r(4, 4),), (r(1, 1),), (r(0, 0),)],
  "gemm": [(1.5, 1.2, r(3, 4), r(3, 5), r(5, 4)), (1.0, 0.0, r(1, 1), r(1, 1), r(1, 1))],
  "atax": [(r(4, 3), r(3)), (r(1, 1), r(1))],
  "mvt": [(r(3), r(3), r(3), r(3), r(3, 3)), (r(1), r(1), r(1), r(1), r(1, 1))],
  "correlation": [(4, 10.0, r(10, 4)), (1, 3.0, r(3, 1))],
  "covariance": [(4, 10.0, r(10, 4)), (1, 3.0, r(3, 1))],
  "gramschmidt": [(r(5, 3),), (r(1, 1),)],
  "lu": [(r(4, 4) + 4 * np.eye(4),), (r(1, 1) + 1,)],
  "floyd": [(r(5, 5),), (r(1, 1),)],
  "trmm": [(1.5, r(4, 4), r(4, 3)), (1.0, r(1, 1), r(1, 1))],
  "spmv": [(np.array([0, 2, 3, 5]), np.array([0, 2, 1, 0, 2]), r(5), r(3)),
           (np.array([0]), np.array([], dtype=np.int64), r(0), r(2))],
  "build_up_b": [(1.0, 0.1, 0.2, 0.3, r(6, 7), r(6, 7))],
  "pressure_poisson": [(r(6, 7), 0.2, 0.3, r(6, 7), 5)],
  "mandel_mask": [(-2.0, 1.0, -1.5, 1.5, 12, 10, 20, 2.0), (-2.0, 1.0, -1.5, 1.5, 1, 1, 3, 2.0)],
  "softmax4": [(r(2, 3, 2, 4),), (r(1, 1, 1, 1),)],
  "mlp": [(r(4, 3), r(3, 5), r(5), r(5, 2), r(2)), (r(1, 1), r(1, 1), r(1), r(1, 1), r(1))],
  "heat3d": [(4, r(5, 6, 7)), (2, r(3, 3, 3))],
  "durbin": [(r(6) * 0.1,), (r(1),)],
 },
}


class _NumbaType:
    """`float64`, `float64[:]`, `float64(float64)`: what a signature is built of, meaning nothing here."""

    def __getitem__(self, item):
        return self

    def __call__(self, *args):
        return self


def _plain_numba() -> types.ModuleType:
    """A stand-in `numba` whose decorators return the function (ufuncs: np.vectorize of it): the
    oracle is the kernel run by CPython and NumPy (real Numba would load a second LLVM into the
    test process, and in-process JIT tests crash beside it)."""
    fake = types.ModuleType("numba")

    def njit(*args, **kwargs):
        if len(args) == 1 and callable(args[0]) and not kwargs:
            return args[0]
        return lambda f: f

    def vectorize(signatures=None, **kwargs):
        return lambda f: np.vectorize(f, otypes=[np.float64])

    def guvectorize(signatures, layout, **kwargs):
        def make(f):
            def call(x, *rest):     # the output takes the first input's core shape
                res = np.empty_like(x, dtype=np.float64)
                f(x, *rest, res)
                return res
            return np.vectorize(call, signature=layout, otypes=[np.float64])
        return make
    fake.njit = fake.jit = njit
    fake.prange = range
    fake.vectorize, fake.guvectorize = vectorize, guvectorize
    fake.float64 = fake.int64 = fake.void = _NumbaType()
    return fake


def _oracle(path: str):
    saved = sys.modules.get("numba")
    sys.modules["numba"] = _plain_numba()
    try:
        return interpreted(path)
    finally:
        if saved is None:
            del sys.modules["numba"]
        else:
            sys.modules["numba"] = saved


PARAMS = [(f, k, i) for f, kernels in CASES.items() for k, sets in kernels.items() for i in range(len(sets))]


@pytest.mark.parametrize("file,kernel,case", PARAMS)
def test_kernel_equals_numpy(file, kernel, case):
    path = f"{FX_DIR}/numpy_reach_r8/{file}.fx"
    results = kernel_results(_oracle(path), compiled(path), kernel, CASES[file][kernel][case])
    if results is not None:
        expected, got, a_py, a_nat = results
        same_values(expected, got)
        same_values(a_py, a_nat)          # arguments written alike


def test_there_are_at_least_a_hundred_kernels():
    assert sum(len(k) for k in CASES.values()) >= 100


# what stays outside the dialect: (source, the message's words)
LIMITS = {
 "histogram_int_weights": ("import numpy as np\nfrom fastext import f64, i64\n\n\n"
                           "def f(d: i64[:], r: f64[:]) -> f64[:]:\n    return np.histogram(r, 5, weights=d)[0]\n",
                           "takes float64 weights"),
 "grid_shape_store": ("import numpy as np\nfrom fastext import f64\n\n\ndef f(n: int) -> f64[:]:\n"
                      "    X = np.mgrid[0:1:n * 1j]\n    X.shape = n\n    return X\n",
                      "cannot assign to an attribute"),
 "r_directive": ("import numpy as np\nfrom fastext import f64\n\n\ndef f(a: f64[:, :]) -> f64[:, :]:\n"
                 "    return np.r_['1', a, a]\n", "directive string is not supported"),
 "correlate_same": ("import numpy as np\nfrom fastext import f64\n\n\ndef f(a: f64[:], v: f64[:]) -> f64[:]:\n"
                    "    return np.correlate(a, v, mode='same')\n", "mode='same') is not supported"),
 "take_along_3d": ("import numpy as np\nfrom fastext import f64, i64\n\n\n"
                   "def f(a: f64[:, :, :], i: i64[:, :, :]) -> f64[:, :, :]:\n"
                   "    return np.take_along_axis(a, i, axis=2)\n", "of a 3-D array is not supported"),
 "nanvar_f32": ("import numpy as np\nfrom fastext import f32\n\n\ndef f(a: f32[:]) -> float:\n"
                "    return float(np.nanvar(a))\n", "is not supported in .fx code"),
 "insert_many": ("import numpy as np\nfrom fastext import f64, i64\n\n\ndef f(a: f64[:], k: i64[:]) -> f64[:]:\n"
                 "    return np.insert(a, k, 0.0)\n", "takes one int position"),
 "errstate_raise": ("import numpy as np\nfrom fastext import f64\n\n\ndef f(a: f64[:]) -> f64[:]:\n"
                    "    with np.errstate(divide='raise'):\n        b = 1.0 / a\n    return b\n",
                    "never raises FloatingPointError"),
 "tuple_of_row": ("import numpy as np\nfrom fastext import i64\n\n\ndef f(a: i64[:, :]) -> int:\n"
                  "    seen = set()\n    for row in a:\n        seen.add(tuple(row))\n    return len(seen)\n",
                  "a tuple's length is part of its type"),
 "pad_mean": ("import numpy as np\nfrom fastext import f64\n\n\ndef f(a: f64[:]) -> f64[:]:\n"
              "    return np.pad(a, 2, mode='mean')\n", "supports the modes"),
 "fft2": ("import numpy as np\nfrom fastext import f64, c128\n\n\ndef f(a: f64[:, :]) -> c128[:, :]:\n"
          "    return np.fft.fft2(a, s=(4, 4))\n", "np.fft.fft2(s=...) is not supported"),    # fft2 itself: round 10
 "eigvals": ("import numpy as np\nfrom fastext import f64, c128\n\n\ndef f(a: c128[:, :]) -> c128[:]:\n"
             "    return np.linalg.eigvals(a)\n", "of a complex matrix is not supported"),   # real ones: round 10
 "stencil": ("from numba import stencil\n\n\n@stencil\ndef k(a):\n    return a[0, 1] + a[1, 0]\n",
             "numba.stencil has no meaning in .fx code"),
 "with_open": ("from fastext import f64\n\n\ndef f(a: f64) -> f64:\n    with open('x') as fh:\n        pass\n"
               "    return a\n", "unsupported statement (with statement)"),
}


@pytest.mark.parametrize("name", sorted(LIMITS))
def test_limits_are_located_errors(tmp_path, name):
    source, words = LIMITS[name]
    text = compile_error(tmp_path, source, f"limit_{name.strip('_')}")
    assert f"limit_{name.strip('_')}.fx:" in text and words in text and "hint:" in text
