"""Spectral methods as SciPy cookbooks and signal-processing notebooks write them: np.fft
transforms (fft/ifft/rfft/irfft, frequencies and shifts), power spectra, FFT convolution,
spectral derivatives, and eigen-decompositions through np.linalg.eigh/eigvalsh."""
import numpy as np
from fastext import f64, c128, i64


def fft_c(x: c128[:]) -> c128[:]:
    return np.fft.fft(x)


def fft_real(x: f64[:]) -> c128[:]:
    return np.fft.fft(x)


def ifft_c(x: c128[:]) -> c128[:]:
    return np.fft.ifft(x)


def fft_roundtrip(x: f64[:]) -> f64[:]:
    return np.fft.ifft(np.fft.fft(x)).real


def fft_n(x: f64[:], n: int) -> c128[:]:
    return np.fft.fft(x, n)


def fft_ortho(x: c128[:]) -> c128[:]:
    return np.fft.fft(x, norm="ortho")


def rfft_r(x: f64[:]) -> c128[:]:
    return np.fft.rfft(x)


def irfft_r(X: c128[:], n: int) -> f64[:]:
    return np.fft.irfft(X, n)


def irfft_default(X: c128[:]) -> f64[:]:
    return np.fft.irfft(X)


def freqs(n: int, d: float) -> f64[:]:
    return np.fft.fftfreq(n, d)


def rfreqs(n: int) -> f64[:]:
    return np.fft.rfftfreq(n)


def shifted(x: f64[:]) -> f64[:]:
    return np.fft.fftshift(x)


def unshifted(x: f64[:]) -> f64[:]:
    return np.fft.ifftshift(np.fft.fftshift(x))


def power_spectrum(x: f64[:], fs: float) -> tuple[f64[:], f64[:]]:
    X = np.fft.rfft(x * np.hanning(len(x)))
    f = np.fft.rfftfreq(len(x), 1.0 / fs)
    return f, np.abs(X) ** 2 / len(x)


def dominant_freq(x: f64[:], fs: float) -> float:
    X = np.abs(np.fft.rfft(x - x.mean()))
    f = np.fft.rfftfreq(len(x), 1.0 / fs)
    return float(f[np.argmax(X)])


def fft_convolve(a: f64[:], b: f64[:]) -> f64[:]:
    n = len(a) + len(b) - 1
    return np.fft.irfft(np.fft.rfft(a, n) * np.fft.rfft(b, n), n)


def spectral_derivative(u: f64[:], L: float) -> f64[:]:
    n = len(u)
    k = 2 * np.pi * np.fft.fftfreq(n, L / n)
    return np.real(np.fft.ifft(1j * k * np.fft.fft(u)))


def lowpass_fft(x: f64[:], keep: int) -> f64[:]:
    X = np.fft.rfft(x)
    X[keep:] = 0
    return np.fft.irfft(X, len(x))


def circular_xcorr(a: f64[:], b: f64[:]) -> f64[:]:
    return np.fft.ifft(np.fft.fft(a) * np.conj(np.fft.fft(b))).real


def eigh_pair(A: f64[:, :]) -> tuple[f64[:], float]:
    w, v = np.linalg.eigh(A)
    return w, float(np.max(np.abs(A @ v - v * w)))


def spectral_radius_sym(A: f64[:, :]) -> float:
    S = 0.5 * (A + A.T)
    return float(np.max(np.abs(np.linalg.eigvalsh(S))))


def markov_stationary(P: f64[:, :], iters: int) -> f64[:]:
    pi = np.full(P.shape[0], 1.0 / P.shape[0])
    for _ in range(iters):
        pi = pi @ P
    return pi / pi.sum()


def graph_fiedler(W: f64[:, :]) -> float:
    L = np.diag(W.sum(axis=1)) - W
    w = np.linalg.eigvalsh(L)
    return float(w[1])
