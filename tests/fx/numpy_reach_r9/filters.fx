"""Image filters in the styles of scikit-image and the SciPy lecture notes: convolution by hand
loops and by shifted slices, Sobel/Prewitt/Laplace, separable Gaussian blur, box and median-free
rank filters, padding by np.pad."""
import math
import numpy as np
from fastext import f64, i64, u8


def conv2d_same(img: f64[:, :], k: f64[:, :]) -> f64[:, :]:
    kh, kw = k.shape
    ph, pw = kh // 2, kw // 2
    padded = np.pad(img, ((ph, ph), (pw, pw)), mode="constant")
    out = np.zeros_like(img)
    H, W = img.shape
    for i in range(H):
        for j in range(W):
            out[i, j] = np.sum(padded[i:i + kh, j:j + kw] * k[::-1, ::-1])
    return out


def conv2d_slices(img: f64[:, :], k: f64[:, :]) -> f64[:, :]:
    kh, kw = k.shape
    H, W = img.shape
    out = np.zeros((H - kh + 1, W - kw + 1))
    for a in range(kh):
        for b in range(kw):
            out += k[a, b] * img[a:a + H - kh + 1, b:b + W - kw + 1]
    return out


def sobel_mag(img: f64[:, :]) -> f64[:, :]:
    p = np.pad(img, 1, mode="edge")
    gx = (p[:-2, 2:] + 2 * p[1:-1, 2:] + p[2:, 2:]) - (p[:-2, :-2] + 2 * p[1:-1, :-2] + p[2:, :-2])
    gy = (p[2:, :-2] + 2 * p[2:, 1:-1] + p[2:, 2:]) - (p[:-2, :-2] + 2 * p[:-2, 1:-1] + p[:-2, 2:])
    return np.hypot(gx, gy) / 8.0


def prewitt_h(img: f64[:, :]) -> f64[:, :]:
    p = np.pad(img, 1, mode="reflect")
    return (p[:-2, :-2] + p[:-2, 1:-1] + p[:-2, 2:] - p[2:, :-2] - p[2:, 1:-1] - p[2:, 2:]) / 3.0


def laplace4(img: f64[:, :]) -> f64[:, :]:
    p = np.pad(img, 1, mode="edge")
    return p[:-2, 1:-1] + p[2:, 1:-1] + p[1:-1, :-2] + p[1:-1, 2:] - 4.0 * p[1:-1, 1:-1]


def gauss_kernel1d(sigma: float, radius: int) -> f64[:]:
    x = np.arange(-radius, radius + 1, dtype=np.float64)
    g = np.exp(-0.5 * (x / sigma) ** 2)
    return g / g.sum()


def gaussian_blur(img: f64[:, :], sigma: float) -> f64[:, :]:
    radius = int(4.0 * sigma + 0.5)
    g = gauss_kernel1d(sigma, radius)
    p = np.pad(img, ((radius, radius), (0, 0)), mode="reflect")
    H, W = img.shape
    tmp = np.zeros((H, W))
    for k in range(2 * radius + 1):
        tmp += g[k] * p[k:k + H, :]
    p2 = np.pad(tmp, ((0, 0), (radius, radius)), mode="reflect")
    out = np.zeros((H, W))
    for k in range(2 * radius + 1):
        out += g[k] * p2[:, k:k + W]
    return out


def box_blur_cumsum(img: f64[:, :], r: int) -> f64[:, :]:
    p = np.pad(img, r, mode="edge")
    c = np.cumsum(np.cumsum(p, axis=0), axis=1)
    c = np.pad(c, ((1, 0), (1, 0)))
    w = 2 * r + 1
    s = c[w:, w:] - c[:-w, w:] - c[w:, :-w] + c[:-w, :-w]
    return s / (w * w)


def unsharp(img: f64[:, :], amount: float) -> f64[:, :]:
    blurred = gaussian_blur(img, 1.0)
    return np.clip(img + amount * (img - blurred), 0.0, 1.0)


def threshold_otsu(img: f64[:, :], nbins: int) -> float:
    hist, edges = np.histogram(img.ravel(), bins=nbins)
    centers = (edges[:-1] + edges[1:]) / 2.0
    hist = hist.astype(np.float64)
    w1 = np.cumsum(hist)
    w2 = np.cumsum(hist[::-1])[::-1]
    m1 = np.cumsum(hist * centers) / w1
    m2 = (np.cumsum((hist * centers)[::-1]) / w2[::-1])[::-1]
    var12 = w1[:-1] * w2[1:] * (m1[:-1] - m2[1:]) ** 2
    idx = np.argmax(var12)
    return float(centers[idx])


def max_filter3(img: f64[:, :]) -> f64[:, :]:
    p = np.pad(img, 1, mode="edge")
    H, W = img.shape
    out = p[0:H, 0:W].copy()
    for di in range(3):
        for dj in range(3):
            out = np.maximum(out, p[di:di + H, dj:dj + W])
    return out


def erode_binary(mask: i64[:, :]) -> i64[:, :]:
    p = np.pad(mask, 1, mode="constant", constant_values=1)
    return (p[:-2, 1:-1] & p[2:, 1:-1] & p[1:-1, :-2] & p[1:-1, 2:] & p[1:-1, 1:-1])


def dilate_count(mask: i64[:, :], steps: int) -> int:
    m = mask.copy()
    for _ in range(steps):
        p = np.pad(m, 1)
        m = p[:-2, 1:-1] | p[2:, 1:-1] | p[1:-1, :-2] | p[1:-1, 2:] | p[1:-1, 1:-1]
    return int(m.sum())


def rgb2gray(img: f64[:, :, :]) -> f64[:, :]:
    return img[..., 0] * 0.2125 + img[..., 1] * 0.7154 + img[..., 2] * 0.0721


def gray_u8(img: u8[:, :, :]) -> u8[:, :]:
    g = 0.299 * img[:, :, 0] + 0.587 * img[:, :, 1] + 0.114 * img[:, :, 2]
    return np.round(g).astype(np.uint8)


def gamma_correct(img: f64[:, :], gamma: float) -> f64[:, :]:
    return np.power(np.clip(img, 0.0, 1.0), 1.0 / gamma)


def local_mean_loops(img: f64[:, :], r: int) -> f64[:, :]:
    H, W = img.shape
    out = np.empty((H, W))
    for i in range(H):
        i0 = max(i - r, 0)
        i1 = min(i + r + 1, H)
        for j in range(W):
            j0 = max(j - r, 0)
            j1 = min(j + r + 1, W)
            out[i, j] = img[i0:i1, j0:j1].mean()
    return out


def nonmax_suppress_1d(a: f64[:]) -> f64[:]:
    out = np.zeros_like(a)
    if len(a) < 3:
        return out
    peak = (a[1:-1] > a[:-2]) & (a[1:-1] >= a[2:])
    out[1:-1] = np.where(peak, a[1:-1], 0.0)
    return out
