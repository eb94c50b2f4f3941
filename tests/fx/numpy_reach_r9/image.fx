"""Image processing as course notebooks and scikit-image's reference code write it: histogram
equalisation, bilinear and nearest resize, rotation by index maps, integral images, contrast
stretching, connected thresholds, colour conversions."""
import numpy as np
from fastext import f64, i64, u8


def hist_equalize(img: u8[:, :]) -> u8[:, :]:
    hist = np.bincount(img.ravel(), minlength=256)
    cdf = hist.cumsum()
    nz = cdf[cdf > 0]
    cdf_min = nz[0]
    total = img.size
    lut = np.round((cdf - cdf_min) / max(total - cdf_min, 1) * 255.0)
    lut = np.clip(lut, 0, 255).astype(np.uint8)
    return lut[img]


def hist_equalize_float(img: f64[:, :], nbins: int) -> f64[:, :]:
    hist, edges = np.histogram(img.ravel(), bins=nbins)
    cdf = hist.cumsum() / hist.sum()
    centers = (edges[:-1] + edges[1:]) / 2
    return np.interp(img.ravel(), centers, cdf).reshape(img.shape)


def resize_bilinear(img: f64[:, :], oh: int, ow: int) -> f64[:, :]:
    H, W = img.shape
    ys = np.linspace(0.0, H - 1.0, oh)
    xs = np.linspace(0.0, W - 1.0, ow)
    y0 = np.floor(ys).astype(np.int64)
    x0 = np.floor(xs).astype(np.int64)
    y1 = np.minimum(y0 + 1, H - 1)
    x1 = np.minimum(x0 + 1, W - 1)
    wy = (ys - y0)[:, None]
    wx = (xs - x0)[None, :]
    a = img[y0][:, x0]
    b = img[y0][:, x1]
    c = img[y1][:, x0]
    d = img[y1][:, x1]
    return a * (1 - wy) * (1 - wx) + b * (1 - wy) * wx + c * wy * (1 - wx) + d * wy * wx


def resize_bilinear_loops(img: f64[:, :], oh: int, ow: int) -> f64[:, :]:
    H, W = img.shape
    out = np.empty((oh, ow))
    sy = H / oh
    sx = W / ow
    for i in range(oh):
        y = (i + 0.5) * sy - 0.5
        y = min(max(y, 0.0), H - 1.0)
        y0 = int(y)
        y1 = min(y0 + 1, H - 1)
        fy = y - y0
        for j in range(ow):
            x = (j + 0.5) * sx - 0.5
            x = min(max(x, 0.0), W - 1.0)
            x0 = int(x)
            x1 = min(x0 + 1, W - 1)
            fx = x - x0
            top = img[y0, x0] * (1 - fx) + img[y0, x1] * fx
            bot = img[y1, x0] * (1 - fx) + img[y1, x1] * fx
            out[i, j] = top * (1 - fy) + bot * fy
    return out


def resize_nearest(img: f64[:, :], oh: int, ow: int) -> f64[:, :]:
    H, W = img.shape
    ri = (np.arange(oh) * H // oh)
    ci = (np.arange(ow) * W // ow)
    return img[ri[:, None], ci[None, :]]


def rotate_nn(img: f64[:, :], angle: float) -> f64[:, :]:
    H, W = img.shape
    cy, cx = (H - 1) / 2.0, (W - 1) / 2.0
    yy, xx = np.mgrid[0:H, 0:W]
    c, s = np.cos(angle), np.sin(angle)
    sy = c * (yy - cy) + s * (xx - cx) + cy
    sx = -s * (yy - cy) + c * (xx - cx) + cx
    iy = np.round(sy).astype(np.int64)
    ix = np.round(sx).astype(np.int64)
    ok = (iy >= 0) & (iy < H) & (ix >= 0) & (ix < W)
    out = np.zeros_like(img)
    out[ok] = img[iy[ok], ix[ok]]
    return out


def integral_image(img: f64[:, :]) -> f64[:, :]:
    return img.cumsum(axis=0).cumsum(axis=1)


def box_sum(ii: f64[:, :], r0: int, c0: int, r1: int, c1: int) -> float:
    s = ii[r1, c1]
    if r0 > 0:
        s -= ii[r0 - 1, c1]
    if c0 > 0:
        s -= ii[r1, c0 - 1]
    if r0 > 0 and c0 > 0:
        s += ii[r0 - 1, c0 - 1]
    return float(s)


def contrast_stretch(img: f64[:, :], lo: float, hi: float) -> f64[:, :]:
    p_lo, p_hi = np.percentile(img, [lo, hi])
    return np.clip((img - p_lo) / (p_hi - p_lo), 0.0, 1.0)


def rescale_u8(img: f64[:, :]) -> u8[:, :]:
    mn = img.min()
    mx = img.max()
    return ((img - mn) / (mx - mn) * 255).astype(np.uint8)


def invert_u8(img: u8[:, :]) -> u8[:, :]:
    return 255 - img


def rgb_to_hsv_v(img: f64[:, :, :]) -> f64[:, :]:
    return img.max(axis=2)


def saturation(img: f64[:, :, :]) -> f64[:, :]:
    mx = img.max(axis=-1)
    mn = img.min(axis=-1)
    return np.where(mx > 0, (mx - mn) / np.where(mx > 0, mx, 1.0), 0.0)


def flood_threshold_count(img: f64[:, :], t: float) -> int:
    return int(np.count_nonzero(img > t))


def crop_center(img: f64[:, :], h: int, w: int) -> f64[:, :]:
    H, W = img.shape
    top = (H - h) // 2
    left = (W - w) // 2
    return img[top:top + h, left:left + w].copy()


def flip_both(img: f64[:, :, :]) -> f64[:, :, :]:
    return img[::-1, ::-1, :].copy()


def channel_means(img: f64[:, :, :]) -> f64[:]:
    return img.reshape(-1, img.shape[-1]).mean(axis=0)


def mse_psnr(a: f64[:, :], b: f64[:, :]) -> float:
    mse = np.mean((a - b) ** 2)
    return float(10 * np.log10(1.0 / mse))


def tile_patches(img: f64[:, :], p: int) -> f64[:, :, :]:
    H, W = img.shape
    nh, nw = H // p, W // p
    return img[:nh * p, :nw * p].reshape(nh, p, nw, p).transpose(0, 2, 1, 3).reshape(nh * nw, p, p)


def gradient_orient(img: f64[:, :]) -> f64[:, :]:
    gy, gx = np.gradient(img)
    return np.arctan2(gy, gx)
