"""NumPy code as others write it (round 9): kernels in the styles of scikit-image's filters,
scipy.signal and astropy (windows, np.convolve's modes, detrending, Savitzky–Golay smoothing),
pandas' rolling and expanding windows written with cumsum, quantitative finance (EWMA,
drawdowns, Black–Scholes with math.erf), physics (Ising sweeps, SPH neighbour loops, lattice
Boltzmann with np.roll, n-body), machine learning from scratch (k-means, PCA through svd/eigh,
logistic regression, softmax, kNN with argsort/argpartition), image processing (histogram
equalisation, bilinear resize) and spectral methods (np.fft, np.linalg.eig/eigvals), in
tests/fx/numpy_reach_r9/.  Each compiled result must equal the same file run by CPython and
NumPy — values, shapes and dtypes — for several inputs; where NumPy raises, the compiled module
raises the same exception type.  Values agree to 1e-12 relative, except the FFT-based and
eigen-decomposition kernels of spectral.fx, which agree to 1e-9 relative (a different, equally
accurate FFT and LAPACK's own eigenvalue order are allowed there).

LIMITS holds what stays outside the dialect, each checked for its located error."""
from __future__ import annotations


import numpy as np
import pytest

from fxload import FX_DIR, compile_error, compiled, interpreted, kernel_results, same_values

rng = np.random.default_rng(9)


def r(*shape):
    return rng.random(shape)


def ri(k, *shape):
    return rng.integers(0, k, shape)


def rc(n):
    return rng.random(n) + 1j * rng.random(n)


def u8(*shape):
    return rng.integers(0, 256, shape).astype(np.uint8)


def spins(*shape):
    return 2 * rng.integers(0, 2, shape) - 1


def _spd(n):
    a = r(n, n)
    return a @ a.T + n * np.eye(n)


def _stochastic(n):
    p = r(n, n) + 0.1
    return p / p.sum(axis=1, keepdims=True)


def _sym01(n):
    w = r(n, n)
    return w + w.T


def _lbm(h, w):
    f = 1.0 + 0.1 * r(9, h, w)
    return f / 9.0


CASES = {
 "filters": {
  "conv2d_same": [(r(6, 7), r(3, 3)), (r(1, 1), r(1, 1)), (r(4, 5), r(3, 1))],
  "conv2d_slices": [(r(6, 7), r(3, 2)), (r(3, 3), r(3, 3)), (r(1, 1), r(1, 1))],
  "sobel_mag": [(r(6, 7),), (r(1, 1),), (r(2, 3),)],
  "prewitt_h": [(r(6, 7),), (r(2, 2),)],
  "laplace4": [(r(6, 7),), (r(1, 1),)],
  "gauss_kernel1d": [(1.0, 4), (0.5, 2), (2.0, 0)],
  "gaussian_blur": [(r(12, 11), 1.0), (r(9, 9), 0.8), (r(5, 6), 0.5)],
  "box_blur_cumsum": [(r(6, 7), 1), (r(3, 3), 2), (r(1, 1), 0)],
  "unsharp": [(r(9, 10), 0.7), (r(5, 5), 1.5)],
  "threshold_otsu": [(r(8, 8), 16), (r(3, 4), 4)],
  "max_filter3": [(r(6, 7),), (r(1, 1),)],
  "erode_binary": [(ri(2, 6, 7),), (ri(2, 1, 1),)],
  "dilate_count": [(ri(2, 6, 7) * (r(6, 7) > 0.8), 2), (np.zeros((3, 3), dtype=np.int64), 1)],
  "rgb2gray": [(r(4, 5, 3),), (r(1, 1, 3),)],
  "gray_u8": [(u8(4, 5, 3),), (u8(0, 2, 3),)],
  "gamma_correct": [(r(4, 5) * 1.2 - 0.1, 2.2), (r(1, 1), 0.5)],
  "local_mean_loops": [(r(6, 7), 1), (r(3, 3), 3), (r(1, 1), 0)],
  "nonmax_suppress_1d": [(r(10),), (r(2),), (np.array([1.0, 2.0, 2.0, 1.0]),)],
 },
 "signal": {
  "windows_sum": [(8,), (1,), (0,), (7,)],
  "kaiser_win": [(8, 5.0), (1, 2.0), (0, 1.0), (9, 0.0)],
  "hann_manual": [(8,), (1,), (2,)],
  "windowed_energy": [(r(16),), (r(1),), (r(0),)],
  "conv_full": [(r(8), r(3)), (r(2), r(5)), (r(1), r(1))],
  "conv_same": [(r(8), r(3)), (r(2), r(5)), (r(8), r(4)), (r(1), r(1))],
  "conv_valid": [(r(8), r(3)), (r(2), r(5)), (r(1), r(1))],
  "conv_int": [(ri(9, 6), ri(9, 3)), (ri(9, 1), ri(9, 4))],
  "detrend_linear": [(r(12),), (r(2),)],
  "detrend_const": [(r(3, 6),), (r(1, 1),)],
  "savgol_coeffs": [(5, 2), (7, 3), (3, 0)],
  "savgol_smooth": [(r(20), 5, 2), (r(4), 3, 1)],
  "moving_rms": [(r(10), 3), (r(3), 3)],
  "envelope_peaks": [(r(20),), (r(2),), (np.array([0.0, 1.0, 0.0, 2.0, 0.0]),)],
  "decimate_mean": [(r(10), 3), (r(4), 4), (r(2), 3)],
  "upsample_linear": [(r(5), 3), (r(2), 1)],
  "preemphasis": [(r(10), 0.97), (r(1), 0.5)],
  "zero_crossing_rate": [(r(4, 8) - 0.5,), (r(1, 2),)],
  "frame_signal": [(r(20), 8, 4), (r(8), 8, 2)],
  "sinc_lowpass": [(11, 0.3), (5, 0.5), (1, 0.2)],
  "fir_filter": [(r(12), r(4)), (r(1), r(3)), (r(0), r(2))],
  "iir_lowpass": [(r(12), 0.3), (r(0), 0.5)],
  "snr_db": [(r(10), r(10) * 0.1), (r(1) + 1, r(1))],
  "sigma_clip_mean": [(np.r_[r(30), 8.0, -5.0], 2.0, 5), (r(3), 3.0, 2), (np.ones(4), 1.0, 3)],
 },
 "rolling": {
  "rolling_mean": [(r(10), 3), (r(3), 3), (r(1), 1)],
  "rolling_sum_int": [(ri(9, 10), 4), (ri(9, 2), 1)],
  "rolling_var": [(r(10), 3), (r(4), 4)],
  "rolling_std_loop": [(r(10), 3), (r(2), 2)],
  "expanding_mean": [(r(10),), (r(0),), (r(1),)],
  "expanding_max": [(r(10),), (r(0),)],
  "expanding_min_2d": [(r(5, 3),), (r(0, 2),)],
  "expanding_var": [(r(10),), (r(1),)],
  "rolling_max_loop": [(r(10), 3), (r(3), 3)],
  "rolling_zscore": [(r(10), 3), (r(4), 2)],
  "nan_rolling_count": [(np.where(r(10) > 0.7, np.nan, r(10)), 3), (r(1), 1)],
  "nan_rolling_mean": [(np.where(r(10) > 0.7, np.nan, r(10)), 3), (np.full(4, np.nan), 2)],
  "shift_fill": [(r(6), 2), (r(6), -2), (r(3), 0), (r(2), 5)],
  "pct_change": [(r(6) + 0.5,), (r(1),)],
  "cummax_drawup": [(r(10),), (r(0),)],
  "rolling_apply_median": [(r(10), 3), (r(4), 4)],
  "diff_n": [(r(10), 2), (r(5), 0), (r(3), 3), (r(4), -1)],
  "cumsum_reset": [(r(10) - 0.3,), (r(0),)],
  "groupby_cumsum": [(ri(3, 12), r(12)), (ri(3, 1), r(1))],
  "resample_sum": [(np.sort(ri(50, 20)), r(20), 7), (np.array([3]), r(1), 2)],    # empty: int64 in NumPy (docs)
 },
 "finance": {
  "ewma": [(r(10), 0.3), (r(1), 0.5), (r(0), 0.5)],
  "ewma_adjusted": [(r(10), 0.3), (r(0), 0.5)],
  "ewm_vol": [(r(10) - 0.5, 0.94), (r(1), 0.9)],
  "max_drawdown": [(np.cumprod(1 + 0.1 * (r(30) - 0.5)),), (np.ones(1),)],
  "drawdown_series": [(np.cumprod(1 + 0.1 * (r(30) - 0.5)),), (np.ones(2),)],
  "log_returns": [(r(6, 3) + 1,), (r(1, 2) + 1,)],
  "simple_returns": [(r(6) + 1,), (r(1) + 1,)],
  "bs_call": [(r(10) * 20 + 90, r(10) * 20 + 90, r(10) + 0.1, 0.01, 0.2), (r(0), r(0), r(0), 0.01, 0.2)],
  "bs_put_vec": [(r(10) * 20 + 90, r(10) * 20 + 90, r(10) + 0.1, 0.01, 0.2), (r(1) + 1, r(1) + 1, r(1) + 1, 0.0, 0.3)],
  "bs_vega": [(100.0, 95.0, 0.5, 0.01, 0.2), (50.0, 60.0, 2.0, 0.03, 0.4)],
  "implied_vol": [(10.0, 100.0, 95.0, 0.5, 0.01), (3.0, 50.0, 55.0, 1.0, 0.02)],
  "binomial_american_put": [(100.0, 100.0, 1.0, 0.05, 0.2, 50), (50.0, 60.0, 0.5, 0.01, 0.3, 1)],
  "mc_gbm_paths": [(100.0, 0.05, 0.2, 0.01, rng.standard_normal((4, 6))), (1.0, 0.0, 0.1, 1.0, rng.standard_normal((1, 1)))],
  "mc_asian_call": [(100.0, 100.0, 0.05, 0.2, 1.0, rng.standard_normal((50, 12)))],
  "portfolio_stats": [(r(4) / 2, r(4) * 0.1, _spd(4) * 0.01), (np.ones(1), r(1), _spd(1))],
  "sharpe": [(r(30) * 0.02 - 0.01, 0.0001), (r(2), 0.0)],
  "sortino": [(r(30) * 0.02 - 0.01,), (np.array([-0.1, 0.2]),)],
  "var_historic": [(r(30) * 0.02 - 0.01, 5.0), (r(1), 50.0)],
  "npv": [(0.05, np.r_[-100.0, r(5) * 40]), (0.1, r(0))],
  "irr_bisect": [(np.r_[-100.0, r(5) * 40],), (np.array([-1.0, 1.1]),)],
  "min_var_weights": [(_spd(4),), (_spd(1),)],
  "rolling_beta": [(r(20), r(20), 5), (r(3), r(3), 3)],
 },
 "physics": {
  "ising_energy": [(spins(6, 6),), (spins(1, 1),), (spins(3, 4),)],
  "ising_sweep": [(spins(6, 6), 0.4, ri(100, 50, 2), r(50)), (spins(1, 1), 1.0, ri(5, 3, 2), r(3)),
                  (spins(4, 5), 0.1, ri(100, 0, 2), r(0))],
  "ising_checkerboard": [(spins(6, 6).astype(float), 0.4, r(3, 6, 6)), (spins(2, 2).astype(float), 1.0, r(1, 2, 2))],
  "magnetisation": [(spins(6, 6),), (spins(1, 1),)],
  "sph_density": [(r(12, 2), r(12), 0.4), (r(1, 2), r(1), 1.0), (r(0, 2), r(0), 1.0)],
  "sph_pressure_force": [(r(10, 2), r(10) + 1, r(10), 0.5, 2.0), (r(1, 2), r(1) + 1, r(1), 0.5, 1.0)],
  "sph_vectorized": [(r(10, 2), 0.4), (r(0, 2), 1.0)],
  "lbm_equilibrium": [(r(3, 4) + 1, r(3, 4) * 0.1, r(3, 4) * 0.1), (np.ones((1, 1)), np.zeros((1, 1)), np.zeros((1, 1)))],
  "lbm_step": [(_lbm(5, 6), 0.6, 3), (_lbm(1, 1), 1.0, 2), (_lbm(3, 3), 0.8, 0)],
  "nbody_accel": [(r(6, 3), r(6), 0.1), (r(1, 3), r(1), 0.1), (r(0, 3), r(0), 0.1)],
  "leapfrog": [(r(5, 3), r(5, 3) * 0.1, r(5), 0.01, 4), (r(1, 3), r(1, 3), r(1), 0.1, 2)],
  "kinetic_energy": [(r(5, 3), r(5)), (r(0, 3), r(0))],
  "harmonic_rk4": [(1.0, 0.0, 2.0, 0.01, 20), (0.5, 0.3, 1.0, 0.1, 0)],
  "random_walk_msd": [(2 * ri(2, 20, 15) - 1,), (2 * ri(2, 1, 1) - 1,)],
  "shuffled_sum": [(10,), (0,), (1,)],
  "uniform_in_range": [(100,), (0,)],
  "diffusion_implicit_jacobi": [(r(10), 0.5, 10), (r(2), 0.5, 3), (r(0), 0.5, 1)],
  "wave2d": [(r(6, 7), 0.2, 5), (r(1, 1), 0.2, 2)],
  "lj_energy": [(r(6, 3) * 3,), (r(1, 3),), (r(0, 3),)],
  "pi_from_points": [(r(100, 2),), (r(1, 2),)],
 },
 "ml": {
  "kmeans_assign": [(r(10, 2), r(3, 2)), (r(1, 1), r(2, 1)), (r(0, 2), r(2, 2))],
  "kmeans": [(r(20, 2), r(3, 2), 5), (r(1, 1), r(1, 1), 2)],
  "kmeans_inertia": [(r(20, 2), r(3, 2)), (r(1, 1), r(1, 1))],
  "pca_svd": [(r(10, 4), 2), (r(3, 2), 1)],
  "pca_explained": [(r(10, 4),), (r(3, 2),)],
  "pca_eigh": [(r(10, 4),), (r(3, 2),)],
  "pca_eigh_project": [(r(10, 4), 2), (r(3, 2), 1)],
  "sigmoid": [(r(10) * 10 - 5,), (r(0),)],
  "logreg_gd": [(r(20, 3), ri(2, 20).astype(float), 0.5, 30), (r(1, 1), np.ones(1), 0.1, 2)],
  "logreg_predict": [(r(10, 3), r(4) - 0.5), (r(0, 2), r(3))],
  "softmax": [(r(5, 4),), (r(1, 1),), (r(0, 3),)],
  "cross_entropy": [(r(5, 4), ri(4, 5)), (r(1, 1), np.array([0]))],
  "log_softmax": [(r(5, 4),), (r(1, 1),)],
  "softmax_grad": [(r(5, 4), ri(4, 5)), (r(1, 1), np.array([0]))],
  "knn_predict": [(r(20, 2), ri(3, 20), r(5, 2), 3), (r(1, 1), np.array([0]), r(2, 1), 1)],
  "knn_partition": [(r(20, 2), r(5, 2), 3), (r(1, 1), r(2, 1), 1)],
  "knn_argpartition": [(r(20), 4), (r(3), 0)],
  "argsort_rows": [(r(6, 5),), (ri(3, 4, 6).astype(float),), (r(0, 3),)],
  "linreg_normal": [(r(10, 2), r(10)), (r(2, 1), r(2))],
  "linreg_predict": [(r(5, 3), r(3)), (r(0, 2), r(2))],
  "predict_matrix": [(r(5, 3), r(3, 2)), (r(1, 1), r(1, 1))],
  "ridge_gd": [(r(10, 3), r(10), 0.1, 0.1, 20), (r(1, 1), r(1), 0.0, 0.5, 1)],
  "gaussian_nb": [(r(12, 2), np.array([0, 1, 2] * 4), r(4, 2), 3), (r(2, 1), np.array([0, 1]), r(1, 1), 2)],
  "precision_recall": [(ri(2, 20), ri(2, 20)), (np.zeros(3, dtype=np.int64), np.zeros(3, dtype=np.int64))],
  "roc_auc": [(np.r_[ri(2, 18), 0, 1], r(20)), (np.array([0, 1]), np.array([0.2, 0.7]))],
  "mlp_forward": [(r(4, 3), r(3, 5) - 0.5, r(5), r(5, 2), r(2)), (r(1, 1), r(1, 1), r(1), r(1, 1), r(1))],
  "batch_norm": [(r(6, 3), 1e-5), (r(1, 2), 1e-3)],
  "pairwise_dist": [(r(5, 3), r(4, 3)), (r(1, 1), r(1, 1)), (r(0, 2), r(3, 2))],
  "pairwise_loops": [(r(5, 3),), (r(1, 1),), (r(0, 2),)],
  "one_vs_rest_scores": [(r(6, 3), r(4, 3)), (r(1, 1), r(1, 1))],
 },
 "image": {
  "hist_equalize": [(u8(6, 7),), (np.full((2, 2), 7, dtype=np.uint8),)],
  "hist_equalize_float": [(r(6, 7), 8), (r(2, 2), 2)],
  "resize_bilinear": [(r(4, 5), 7, 9), (r(4, 5), 2, 2), (r(1, 1), 3, 3)],
  "resize_bilinear_loops": [(r(4, 5), 7, 9), (r(4, 5), 2, 3), (r(1, 1), 2, 2)],
  "resize_nearest": [(r(4, 5), 7, 9), (r(4, 5), 2, 2), (r(1, 1), 0, 3)],
  "rotate_nn": [(r(5, 6), 0.3), (r(1, 1), 1.0), (r(4, 4), np.pi / 2)],
  "integral_image": [(r(4, 5),), (r(0, 2),)],
  "box_sum": [(np.cumsum(np.cumsum(r(4, 5), 0), 1), 1, 1, 3, 4), (np.ones((2, 2)), 0, 0, 1, 1)],
  "contrast_stretch": [(r(6, 7), 2.0, 98.0), (r(2, 3), 10.0, 90.0)],
  "rescale_u8": [(r(4, 5),), (np.array([[0.0, 1.0]]),)],
  "invert_u8": [(u8(4, 5),), (u8(0, 1),)],
  "rgb_to_hsv_v": [(r(4, 5, 3),), (r(1, 1, 3),)],
  "saturation": [(r(4, 5, 3),), (np.zeros((1, 2, 3)),)],
  "flood_threshold_count": [(r(6, 7), 0.5), (r(0, 3), 0.5)],
  "crop_center": [(r(6, 7), 3, 4), (r(2, 2), 2, 2), (r(3, 3), 0, 1)],
  "flip_both": [(r(2, 3, 3),), (r(1, 1, 1),)],
  "channel_means": [(r(4, 5, 3),), (r(1, 1, 4),)],
  "mse_psnr": [(r(4, 5), r(4, 5)), (np.zeros((1, 1)), np.ones((1, 1)))],
  "tile_patches": [(r(6, 8), 2), (r(5, 7), 3), (r(2, 2), 2)],
  "gradient_orient": [(r(4, 5),), (r(2, 2),)],
 },
 "sk_typed": {
  "predict": [(r(5, 3), r(3), 0.5), (r(1, 1), r(1), 0.0), (r(0, 2), r(2), 1.0)],
  "predict_named": [(r(5, 3), r(3)), (r(1, 1), r(1))],
  "decision": [(r(5, 3), r(3) - 0.5), (r(0, 2), r(2))],
  "squared_loss_grad": [(r(6, 3), r(6), r(3)), (r(1, 1), r(1), r(1))],
  "dot_method": [(r(5, 3), r(3)), (r(1, 1), r(1))],
  "vector_dot": [(r(5), r(5)), (r(0), r(0))],
  "layer": [(r(3), r(3, 4)), (r(1), r(1, 1))],
  "gram_diag": [(r(4, 3),), (r(1, 1),)],
 },
 "spectral": {
  "fft_c": [(rc(8),), (rc(1),), (rc(12),), (rc(7),), (rc(100),), (rc(97),)],
  "fft_real": [(r(16),), (r(5),), (r(1),)],
  "ifft_c": [(rc(8),), (rc(9),), (rc(1),), (rc(64),)],
  "fft_roundtrip": [(r(10),), (r(32),), (r(1),)],
  "fft_n": [(r(10), 16), (r(10), 4), (r(3), 7), (r(3), 0)],
  "fft_ortho": [(rc(8),), (rc(11),)],
  "rfft_r": [(r(16),), (r(15),), (r(1),), (r(2),)],
  "irfft_r": [(rc(9), 16), (rc(8), 15), (rc(5), 4), (rc(3), 1), (rc(4), 0)],
  "irfft_default": [(rc(9),), (rc(2),), (rc(1),)],
  "freqs": [(8, 0.1), (7, 1.0), (1, 2.0), (0, 1.0)],
  "rfreqs": [(8,), (7,), (1,)],
  "shifted": [(r(8),), (r(7),), (r(0),), (r(1),)],
  "unshifted": [(r(8),), (r(7),), (r(1),)],
  "power_spectrum": [(r(32), 100.0), (r(7), 1.0)],
  "dominant_freq": [(np.sin(2 * np.pi * 5 * np.arange(64) / 64.0) + 0.1 * r(64), 64.0)],
  "fft_convolve": [(r(10), r(4)), (r(1), r(1)), (r(7), r(6))],
  "spectral_derivative": [(np.sin(np.linspace(0, 2 * np.pi, 32, endpoint=False)), 2 * np.pi), (r(9), 1.0)],
  "lowpass_fft": [(r(32), 5), (r(9), 2)],
  "circular_xcorr": [(r(16), r(16)), (r(5), r(5))],
  "eigh_pair": [(_spd(4),), (_spd(1),)],
  "spectral_radius_sym": [(r(6, 6),), (r(1, 1),)],
  "markov_stationary": [(_stochastic(4), 50), (_stochastic(2), 3)],
  "graph_fiedler": [(_sym01(5),), (_sym01(2),)],
 },
}

# results computed through a different FFT or LAPACK driver than NumPy's agree to this relative
# tolerance (of the largest item), not to the bit
_LOOSE = {"spectral"}
# results that are error norms: both tiny, compared only as "tiny"
_RESIDUALS = {"eigh_pair"}

PARAMS = [(f, k, i) for f, kernels in CASES.items() for k, sets in kernels.items() for i in range(len(sets))]


@pytest.mark.parametrize("file,kernel,case", PARAMS)
def test_kernel_equals_numpy(file, kernel, case):
    path = f"{FX_DIR}/numpy_reach_r9/{file}.fx"
    results = kernel_results(interpreted(path), compiled(path), kernel, CASES[file][kernel][case])
    if results is None:
        return          # both raised the same exception type
    expected, got, a_py, a_nat = results
    if kernel in _RESIDUALS:
        same_values(expected[0], got[0], rtol=1e-9, atol=1e-12)
        assert isinstance(got[1], float) and got[1] < 1e-9 and expected[1] < 1e-9
    elif file in _LOOSE:
        same_values(expected, got, rtol=1e-9, atol=1e-12)
    else:
        same_values(expected, got)
    same_values(a_py, a_nat)          # arguments written alike


def test_there_are_at_least_a_hundred_and_twenty_kernels():
    assert sum(len(k) for k in CASES.values()) >= 120


def test_argsort_keys_keep_numpys_order():
    """Float argsorts sort integer keys made of the items (lower/sorting.py: _sortable): -0.0 and
    0.0 tie, NaNs of either sign come last in index order, subnormals and infinities in place —
    NumPy's stable order, rows and columns, float64 and float32."""
    mod = compiled(f"{FX_DIR}/numpy_reach_r9/ml.fx")
    vals = np.array([0.0, -0.0, 1.0, -1.0, np.inf, -np.inf, np.nan, -np.nan, 5e-324, -5e-324, 1e308, 2.5, -2.5])
    for n in (0, 1, 2, 7, 21, 64):
        d = rng.choice(vals, size=(3, n))
        assert np.array_equal(mod.argsort_rows(d), np.argsort(d, axis=1, kind="stable"))
        assert np.array_equal(mod.argsort_rows(d.T.copy().T), np.argsort(d, axis=1, kind="stable"))


def test_fft_matches_numpy_across_lengths():
    """Radix-2 lengths and Bluestein lengths (primes, products of small primes) agree with NumPy's
    pocketfft to 1e-12 of the largest item, forward and inverse; rfft/irfft round-trip."""
    mod = compiled(f"{FX_DIR}/numpy_reach_r9/spectral.fx")
    for n in (1, 2, 3, 5, 6, 16, 31, 64, 100, 127, 243, 256, 1000):
        x = rc(n)
        for got, want in ((mod.fft_c(x), np.fft.fft(x)), (mod.ifft_c(x), np.fft.ifft(x)),
                          (mod.rfft_r(x.real.copy()), np.fft.rfft(x.real))):
            assert got.shape == want.shape and got.dtype == want.dtype
            assert np.max(np.abs(got - want)) <= 1e-12 * max(1.0, np.max(np.abs(want)))
        y = x.real.copy()
        assert np.allclose(mod.irfft_r(mod.rfft_r(y), n), y, rtol=0, atol=1e-12)


LIMITS = {
 "eigvals": ("import numpy as np\nfrom fastext import f64, c128\n\n\ndef f(a: c128[:, :]) -> c128[:]:\n"
             "    return np.linalg.eigvals(a)\n", "of a complex matrix is not supported"),   # real ones: round 10
 "vectorize": ("import math\nimport numpy as np\nfrom fastext import f64\n\n\ndef f(a: f64[:]) -> f64[:]:\n"
               "    erf = np.vectorize(math.erf, otypes=[float])\n    return erf(a)\n",
               "np.vectorize(otypes=...) is not supported"),      # np.vectorize itself: round 10
 "fft_2d": ("import numpy as np\nfrom fastext import f64, c128\n\n\ndef f(a: f64[:, :]) -> c128[:, :]:\n"
            "    return np.fft.fft(a)\n", "of a 2-D array is not supported"),
 "fft_axis": ("import numpy as np\nfrom fastext import f64, c128\n\n\ndef f(a: f64[:]) -> c128[:]:\n"
              "    return np.fft.fft(a, axis=1)\n", "axis must be -1 or 0"),
 "fft_norm": ("import numpy as np\nfrom fastext import c128\n\n\ndef f(a: c128[:], s: str) -> c128[:]:\n"
              "    return np.fft.fft(a, norm=s)\n", "must be the constant 'backward', 'ortho' or 'forward'"),
 "cov_rowvar_y": ("import numpy as np\nfrom fastext import f64\n\n\ndef f(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:\n"
                  "    return np.cov(a, b, rowvar=False)\n", "rowvar=False) is not supported"),
 "rebind_in_loop": ("import numpy as np\nfrom fastext import f64\n\n\ndef f(a: f64[:]) -> f64[:]:\n"
                    "    h = np.zeros(3, dtype=np.int64)\n    for i in range(2):\n        h = a * 2.0\n    return h\n",
                    "has type i64[:]"),
}


@pytest.mark.parametrize("name", sorted(LIMITS))
def test_limits_are_located_errors(tmp_path, name):
    source, words = LIMITS[name]
    text = compile_error(tmp_path, source, f"limit9_{name}")
    assert f"limit9_{name}.fx:" in text and words in text and "hint:" in text, text


def test_one_variable_cov_is_refused_not_reshaped():
    """NumPy squeezes np.cov / np.corrcoef of a 2-D m with one variable to a 0-d array; a compiled
    2-D result cannot be one, so it raises ValueError (it returned a (1, 1) array before)."""
    mod = compiled(f"{FX_DIR}/numpy_reach_r9/ml.fx")
    X = r(6, 3)
    assert np.allclose(mod.pca_eigh(X), np.linalg.eigh(np.cov(X, rowvar=False))[0][::-1])
    with pytest.raises(ValueError, match="one variable"):
        mod.pca_eigh(r(6, 1))
    with pytest.raises(ValueError, match="one variable"):
        mod.pca_eigh(r(1, 3))
