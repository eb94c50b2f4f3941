"""Statistics, histograms, convolution and interpolation: np.median, np.percentile, np.quantile,
np.histogram, np.cov, np.corrcoef, np.convolve, np.interp.

Typed in `frontend/statistics.py`: the statistics are compositions of existing operations
(`array.partition`, searchsorted, bincount, linspace, matrix products, element-wise maps) built
as NumPy computes them; np.convolve and np.interp are loops of their own (`lower/statistics.py`).
"""
from __future__ import annotations

from fastext.compiler.ops import Op, add, deferred, npsource

_LOWER = "fastext.compiler.lower.statistics"


def _check(function: str):
    return deferred("fastext.compiler.frontend.statistics", function)


for _kind, _sig, _doc in (
        ("median", "np.median(a, axis=None)",
         "the middle item, or the mean of the two middle ones (ints: float64), of the flattened array or along "
         "axis; NaN where a NaN is (or nothing: an empty array); a quickselect, O(n)"),
        ("percentile", "np.percentile(a, q, axis=None)",
         "NumPy's method='linear' at q in [0, 100] (a number, or a 1-D array with axis=None); NaN where a NaN "
         "is; float a keeps its type for a Python-number q"),
        ("quantile", "np.quantile(a, q, axis=None)", "np.percentile with q in [0, 1]")):
    add(Op(f"np.{_kind}", spellings=(f"numpy.{_kind}",), check=_check("quantile"), group="statistics",
           signature=_sig, doc=_doc, data={"kind": _kind}))
add(Op("np.histogram", spellings=("numpy.histogram",), check=_check("histogram"), group="statistics",
       signature="np.histogram(a, bins=10, range=None, weights=None)",
       doc="(counts int64, edges): NumPy's edges (linspace over range or a.min()..a.max(); or bins as a 1-D array "
           "of increasing edges), edges[i] <= x < edges[i+1], the last bin closed, others and NaN ignored; float64 "
           "weights of a's shape: their float64 sums per bin"))
add(Op("np.cov", spellings=("numpy.cov",), check=_check("cov"), group="statistics", signature="np.cov(m, y=None)",
       doc="covariance of the rows of a 2-D m (one variable: a 1-D m, a float; y's rows follow m's), ddof 1, "
           "float64, through `@`"))
add(Op("np.corrcoef", spellings=("numpy.corrcoef",), check=_check("corrcoef"), group="statistics",
       signature="np.corrcoef(x, y=None)",
       doc="Pearson correlation of the rows (y's rows after x's): cov / (std_i std_j), clipped to [-1, 1]"))
add(Op("np.convolve", spellings=("numpy.convolve",), check=_check("convolve"), lower=deferred(_LOWER, "lower_convolve"),
       allocates=True, loops=True, group="statistics", signature="np.convolve(a, v, mode='full')",
       doc="discrete linear convolution of 1-D arrays ('full', 'same', 'valid'), in their common dtype"))
add(Op("np.interp", spellings=("numpy.interp",), check=_check("interp"), lower=deferred(_LOWER, "lower_interp"),
       lazy=True, allocates=True, loops=True, numpy_scalar=True, group="statistics",
       signature="np.interp(x, xp, fp, left=None, right=None)",
       doc="piecewise-linear interpolation at x (a number or an array) of the points (xp increasing, fp); float64"))

add(Op("np.trapezoid", spellings=("numpy.trapezoid",), check=npsource("trapezoid"), group="reduction",
       signature="np.trapezoid(y, x=None, dx=1.0, axis=-1)",
       doc="the trapezoidal rule: (d * (y[1:] + y[:-1]) / 2.0).sum(axis), d = dx or np.diff(x) (x 1-D or of "
           "y's rank), NumPy's steps and pairwise sum"))
add(Op("np.apply_along_axis", spellings=("numpy.apply_along_axis",), check=npsource("apply_along_axis"),
       group="shape", signature="np.apply_along_axis(func1d, axis, arr)",
       doc="func1d (a .fx function or lambda) on each 1-D slice along axis of an arr of 2 or more dimensions; "
           "numbers give an array of the other axes, 1-D arrays the result's axis where axis was"))
add(Op("np.ptp", spellings=("numpy.ptp",), check=npsource("ptp"), group="reduction",
       signature="np.ptp(a, axis=None, keepdims=False)",
       doc="np.max(a, axis) - np.min(a, axis) in a's dtype (integers wrap, as NumPy's)"))
add(Op("np.array_equal", spellings=("numpy.array_equal",), check=npsource("array_equal"),
       group="reduction", signature="np.array_equal(a1, a2, equal_nan=False)",
       doc="True when the shapes are the same and every item compares equal (equal_nan: NaN equals NaN)"))
add(Op("np.gradient", spellings=("numpy.gradient",), check=npsource("gradient"), group="shape",
       signature="np.gradient(f, *varargs, axis=None, edge_order=1)",
       doc="central differences inside, one-sided (edge_order 1 or 2) at the ends, NumPy's steps; scalar spacings "
           "(one, or one per axis); one axis: an array, several: a tuple; ints give float64"))
add(Op("np.ediff1d", spellings=("numpy.ediff1d",), check=npsource("ediff1d"), group="shape",
       signature="np.ediff1d(ary, to_end=None, to_begin=None)",
       doc="differences of the flattened array in its dtype, to_begin / to_end (numbers or arrays) joined"))
add(Op("np.digitize", spellings=("numpy.digitize",), check=npsource("digitize"), group="sorting",
       signature="np.digitize(x, bins, right=False)",
       doc="the bin index of each x: np.searchsorted(bins, x, side='right' (right=True: 'left')), mirrored for "
           "decreasing bins; ValueError for bins that are neither; int64"))
add(Op("np.sinc", spellings=("numpy.sinc",), check=npsource("sinc"), group="ufunc",
       signature="np.sinc(x)", doc="sin(pi x) / (pi x) as NumPy computes it (x = 0 replaced by 1e-20)"))
add(Op("np.unwrap", spellings=("numpy.unwrap",), check=npsource("unwrap"), group="shape",
       signature="np.unwrap(p, discont=None, axis=-1, period=2*pi)",
       doc="jumps of more than discont (default period/2) along axis replaced by their value modulo period: "
           "NumPy's steps (np.mod, a running sum); a float period"))

add(Op("np.nanvar", spellings=("numpy.nanvar",), check=npsource("nanvar"), group="reduction",
       signature="np.nanvar(a, axis=None, ddof=0)",
       doc="the variance of the items that are not NaN (float64 arrays), NumPy's steps: NaN read as 0, mean over "
           "the count, squared deviations summed over count - ddof"))
add(Op("np.nanstd", spellings=("numpy.nanstd",), check=npsource("nanvar"), group="reduction",
       signature="np.nanstd(a, axis=None, ddof=0)", doc="np.sqrt(np.nanvar(a, axis, ddof=ddof))"))
add(Op("np.nanargmax", spellings=("numpy.nanargmax",), check=npsource("nanargext"), group="reduction",
       signature="np.nanargmax(a, axis=None)",
       doc="np.argmax with NaN read as -inf; ValueError('All-NaN slice encountered') for a line of NaN"))
add(Op("np.nanargmin", spellings=("numpy.nanargmin",), check=npsource("nanargext"), group="reduction",
       signature="np.nanargmin(a, axis=None)",
       doc="np.argmin with NaN read as +inf; ValueError('All-NaN slice encountered') for a line of NaN"))
add(Op("np.correlate", spellings=("numpy.correlate",), check=npsource("correlate"), group="statistics",
       signature="np.correlate(a, v, mode='valid')",
       doc="cross-correlation of real 1-D arrays: np.convolve(a, v[::-1], mode) ('valid', 'full'; inputs "
           "swapped and the result reversed when v is longer, as NumPy)"))
