"""Signal processing in the styles of scipy.signal and astropy: windows, np.convolve in its three
modes, detrending, Savitzky–Golay-like smoothing by least squares, envelopes, resampling."""
import math
import numpy as np
from fastext import f64, i64


def windows_sum(n: int) -> f64[:]:
    return np.hanning(n) + np.hamming(n) + np.blackman(n) + np.bartlett(n)


def kaiser_win(n: int, beta: float) -> f64[:]:
    return np.kaiser(n, beta)


def hann_manual(n: int) -> f64[:]:
    if n == 1:
        return np.ones(1)
    k = np.arange(n)
    return 0.5 - 0.5 * np.cos(2.0 * np.pi * k / (n - 1))


def windowed_energy(x: f64[:]) -> float:
    w = np.hanning(len(x))
    return float(np.sum((x * w) ** 2))


def conv_full(a: f64[:], v: f64[:]) -> f64[:]:
    return np.convolve(a, v)


def conv_same(a: f64[:], v: f64[:]) -> f64[:]:
    return np.convolve(a, v, mode="same")


def conv_valid(a: f64[:], v: f64[:]) -> f64[:]:
    return np.convolve(a, v, "valid")


def conv_int(a: i64[:], v: i64[:]) -> i64[:]:
    return np.convolve(a, v)


def detrend_linear(y: f64[:]) -> f64[:]:
    n = len(y)
    t = np.arange(n, dtype=np.float64)
    A = np.vstack((t, np.ones(n))).T
    coef = np.linalg.lstsq(A, y, rcond=None)[0]
    return y - A @ coef


def detrend_const(y: f64[:, :]) -> f64[:, :]:
    return y - y.mean(axis=-1, keepdims=True)


def savgol_coeffs(window: int, order: int) -> f64[:]:
    half = window // 2
    x = np.arange(-half, half + 1, dtype=np.float64)
    A = np.vander(x, order + 1, increasing=True)
    return np.linalg.pinv(A)[0]


def savgol_smooth(y: f64[:], window: int, order: int) -> f64[:]:
    c = savgol_coeffs(window, order)
    half = window // 2
    p = np.pad(y, half, mode="edge")
    return np.convolve(p, c[::-1], mode="valid")


def moving_rms(x: f64[:], w: int) -> f64[:]:
    return np.sqrt(np.convolve(x * x, np.ones(w) / w, mode="valid"))


def envelope_peaks(x: f64[:]) -> i64[:]:
    d = np.diff(x)
    return np.nonzero((np.hstack((d, 0.0)) < 0) & (np.hstack((0.0, d)) > 0))[0]


def decimate_mean(x: f64[:], q: int) -> f64[:]:
    m = len(x) // q
    return x[:m * q].reshape(m, q).mean(axis=1)


def upsample_linear(x: f64[:], factor: int) -> f64[:]:
    n = len(x)
    t_new = np.linspace(0.0, n - 1.0, (n - 1) * factor + 1)
    return np.interp(t_new, np.arange(n), x)


def preemphasis(x: f64[:], coeff: float) -> f64[:]:
    return np.append(x[0], x[1:] - coeff * x[:-1])


def zero_crossing_rate(frames: f64[:, :]) -> f64[:]:
    s = np.sign(frames)
    return np.mean(np.abs(np.diff(s, axis=1)) > 0, axis=1)


def frame_signal(x: f64[:], frame: int, hop: int) -> f64[:, :]:
    n = 1 + (len(x) - frame) // hop
    out = np.empty((n, frame))
    for i in range(n):
        out[i] = x[i * hop:i * hop + frame]
    return out * np.hamming(frame)


def sinc_lowpass(numtaps: int, cutoff: float) -> f64[:]:
    m = np.arange(numtaps) - (numtaps - 1) / 2.0
    h = cutoff * np.sinc(cutoff * m) * np.blackman(numtaps)
    return h / np.sum(h)


def fir_filter(x: f64[:], h: f64[:]) -> f64[:]:
    y = np.zeros(len(x))
    for n in range(len(x)):
        acc = 0.0
        for k in range(len(h)):
            if n - k >= 0:
                acc += h[k] * x[n - k]
        y[n] = acc
    return y


def iir_lowpass(x: f64[:], alpha: float) -> f64[:]:
    y = np.empty_like(x)
    prev = 0.0
    for i in range(len(x)):
        prev = prev + alpha * (x[i] - prev)
        y[i] = prev
    return y


def snr_db(signal: f64[:], noise: f64[:]) -> float:
    return 10.0 * math.log10(np.mean(signal ** 2) / np.mean(noise ** 2))


def sigma_clip_mean(x: f64[:], k: float, iters: int) -> float:
    data = x.copy()
    for _ in range(iters):
        m = np.mean(data)
        s = np.std(data)
        keep = np.abs(data - m) <= k * s
        if keep.all():
            break
        data = data[keep]
    return float(np.mean(data))
