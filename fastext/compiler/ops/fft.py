"""`np.fft`: the discrete Fourier transforms and their helpers, typed as `.fx` source templates
(frontend/npfft.py) over operations the registry already has — no lowering of their own
(docs/numpy-fft.md)."""
from __future__ import annotations

from fastext.compiler.ops import Op, add
from fastext.compiler.ops import deferred as _deferred


def _template(function: str):
    return _deferred("fastext.compiler.frontend.npfft", function)


for _name, _fn, _data, _sig, _doc in (
    ("fft", "fft", {"inverse": False}, "np.fft.fft(a, n=None, axis=-1, norm=None)",
     "the DFT of a 1-D array (complex128): radix-2 for powers of two, Bluestein otherwise; n pads or truncates"),
    ("ifft", "fft", {"inverse": True}, "np.fft.ifft(a, n=None, axis=-1, norm=None)",
     "the inverse DFT of a 1-D array (complex128), divided by n (norm='backward')"),
    ("rfft", "rfft", {}, "np.fft.rfft(a, n=None, axis=-1, norm=None)",
     "the n // 2 + 1 non-negative-frequency items of the DFT of a real 1-D array"),
    ("irfft", "irfft", {}, "np.fft.irfft(a, n=None, axis=-1, norm=None)",
     "the real signal of n items (default 2 * (len(a) - 1)) whose rfft is a"),
    ("fftfreq", "fftfreq", {"real": False}, "np.fft.fftfreq(n, d=1.0)",
     "the sample frequencies of an n-point DFT: 0, 1, ..., -(n // 2), ..., -1 over n * d"),
    ("rfftfreq", "fftfreq", {"real": True}, "np.fft.rfftfreq(n, d=1.0)",
     "the n // 2 + 1 non-negative sample frequencies of an rfft over n * d"),
    ("fftshift", "fftshift", {"inverse": False}, "np.fft.fftshift(x, axes=None)",
     "every axis rolled by n // 2: the zero frequency in the middle"),
    ("ifftshift", "fftshift", {"inverse": True}, "np.fft.ifftshift(x, axes=None)",
     "the inverse of fftshift: every axis rolled by -(n // 2)"),
):
    add(Op(f"np.fft.{_name}", spellings=(f"numpy.fft.{_name}",), check=_template(_fn), group="fft",
           allocates=True, loops=True, signature=_sig, doc=_doc, data=_data))


for _name, _kind, _nd, _doc in (
    ("fft2", "fft", False, "the 2-D DFT of a 2-D array (complex128): fft of each row, then of each column"),
    ("ifft2", "ifft", False, "the inverse 2-D DFT of a 2-D array (complex128): ifft of each row, then of each column"),
    ("rfft2", "rfft", False, "the 2-D DFT of a real 2-D array, n // 2 + 1 columns: fft of each row (those columns kept), then of each column"),
    ("irfft2", "irfft", False, "the real 2-D array of 2 * (cols - 1) columns whose rfft2 is a: ifft of each column, "
                               "irfft of each row"),
    ("fftn", "fft", True, "np.fft.fft of a 1-D array, np.fft.fft2 of a 2-D one"),
    ("ifftn", "ifft", True, "np.fft.ifft of a 1-D array, np.fft.ifft2 of a 2-D one"),
):
    add(Op(f"np.fft.{_name}", spellings=(f"numpy.fft.{_name}",),
           check=_deferred("fastext.compiler.frontend.npfft2", "transform2"), group="fft", allocates=True, loops=True,
           signature=f"np.fft.{_name}(a, norm=None)", doc=_doc, data={"kind": _kind, "nd": _nd}))


def _windows(function: str):
    return _deferred("fastext.compiler.frontend.npwindows", function)


for _name in ("hanning", "hamming", "blackman", "bartlett"):
    add(Op(f"np.{_name}", spellings=(f"numpy.{_name}",), check=_windows("window"), group="fft", allocates=True,
           loops=True, signature=f"np.{_name}(M)", data={"kind": _name},
           doc=f"the {_name.capitalize()} window of M points (float64; empty below 1), NumPy's cosine sum"))
add(Op("np.kaiser", spellings=("numpy.kaiser",), check=_windows("kaiser"), group="fft", allocates=True, loops=True,
       signature="np.kaiser(M, beta)", doc="the Kaiser window: i0(beta sqrt(1 - ((n - alpha) / alpha)^2)) / i0(beta)"))
add(Op("np.i0", spellings=("numpy.i0",), check=_windows("i0"), group="fft", allocates=True, loops=True,
       signature="np.i0(x)", doc="the modified Bessel function of order 0 of a number or a 1-D array (its power "
                                 "series; about 1e-15 relative to NumPy's Chebyshev expansion)"))
