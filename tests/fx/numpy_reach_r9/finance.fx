"""Quantitative finance in the styles of the Numba examples and QuantEcon notebooks: EWMA,
drawdowns, returns, Black–Scholes with math.erf and np.exp, binomial trees, Monte-Carlo from
pre-drawn normals, portfolio statistics."""
import math
import numpy as np
from fastext import f64, i64


def ewma(x: f64[:], alpha: float) -> f64[:]:
    out = np.empty_like(x)
    if len(x) == 0:
        return out
    out[0] = x[0]
    for i in range(1, len(x)):
        out[i] = alpha * x[i] + (1.0 - alpha) * out[i - 1]
    return out


def ewma_adjusted(x: f64[:], alpha: float) -> f64[:]:
    n = len(x)
    out = np.empty(n)
    num = 0.0
    den = 0.0
    for i in range(n):
        num = num * (1.0 - alpha) + x[i]
        den = den * (1.0 - alpha) + 1.0
        out[i] = num / den
    return out


def ewm_vol(r: f64[:], lam: float) -> f64[:]:
    v = np.empty_like(r)
    var = r[0] ** 2
    for i in range(len(r)):
        var = lam * var + (1 - lam) * r[i] ** 2
        v[i] = math.sqrt(var)
    return v


def max_drawdown(prices: f64[:]) -> float:
    peak = np.maximum.accumulate(prices)
    dd = prices / peak - 1.0
    return float(dd.min())


def drawdown_series(prices: f64[:]) -> tuple[f64[:], i64]:
    peak = np.maximum.accumulate(prices)
    dd = (prices - peak) / peak
    return dd, int(np.argmin(dd))


def log_returns(p: f64[:, :]) -> f64[:, :]:
    return np.diff(np.log(p), axis=0)


def simple_returns(p: f64[:]) -> f64[:]:
    return p[1:] / p[:-1] - 1


def _ncdf(x: float) -> float:
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


def bs_call(S: f64[:], K: f64[:], T: f64[:], r: float, vol: float) -> f64[:]:
    out = np.empty_like(S)
    for i in range(len(S)):
        d1 = (math.log(S[i] / K[i]) + (r + 0.5 * vol * vol) * T[i]) / (vol * math.sqrt(T[i]))
        d2 = d1 - vol * math.sqrt(T[i])
        out[i] = S[i] * _ncdf(d1) - K[i] * math.exp(-r * T[i]) * _ncdf(d2)
    return out


def bs_put_vec(S: f64[:], K: f64[:], T: f64[:], r: float, vol: float) -> f64[:]:
    sq = vol * np.sqrt(T)
    d1 = (np.log(S / K) + (r + 0.5 * vol ** 2) * T) / sq
    d2 = d1 - sq
    nd1 = 0.5 * (1 + np.array([math.erf(v) for v in -d1 / np.sqrt(2.0)]))
    nd2 = 0.5 * (1 + np.array([math.erf(v) for v in -d2 / np.sqrt(2.0)]))
    return K * np.exp(-r * T) * nd2 - S * nd1


def bs_vega(S: float, K: float, T: float, r: float, vol: float) -> float:
    d1 = (math.log(S / K) + (r + 0.5 * vol * vol) * T) / (vol * math.sqrt(T))
    return S * math.exp(-0.5 * d1 * d1) / math.sqrt(2 * math.pi) * math.sqrt(T)


def implied_vol(price: float, S: float, K: float, T: float, r: float) -> float:
    vol = 0.3
    for _ in range(50):
        d1 = (math.log(S / K) + (r + 0.5 * vol * vol) * T) / (vol * math.sqrt(T))
        d2 = d1 - vol * math.sqrt(T)
        p = S * _ncdf(d1) - K * math.exp(-r * T) * _ncdf(d2)
        v = bs_vega(S, K, T, r, vol)
        if v < 1e-12:
            break
        step = (p - price) / v
        vol -= step
        if abs(step) < 1e-12:
            break
    return vol


def binomial_american_put(S: float, K: float, T: float, r: float, vol: float, n: int) -> float:
    dt = T / n
    u = math.exp(vol * math.sqrt(dt))
    d = 1.0 / u
    p = (math.exp(r * dt) - d) / (u - d)
    disc = math.exp(-r * dt)
    j = np.arange(n + 1)
    prices = S * u ** (n - j) * d ** j
    values = np.maximum(K - prices, 0.0)
    for step in range(n - 1, -1, -1):
        j = np.arange(step + 1)
        prices = S * u ** (step - j) * d ** j
        values = np.maximum(disc * (p * values[:-1] + (1 - p) * values[1:]), K - prices)
    return float(values[0])


def mc_gbm_paths(S0: float, mu: float, sigma: float, dt: float, z: f64[:, :]) -> f64[:, :]:
    incr = (mu - 0.5 * sigma ** 2) * dt + sigma * math.sqrt(dt) * z
    return S0 * np.exp(np.cumsum(incr, axis=1))


def mc_asian_call(S0: float, K: float, r: float, sigma: float, T: float, z: f64[:, :]) -> float:
    n = z.shape[1]
    paths = mc_gbm_paths(S0, r, sigma, T / n, z)
    payoff = np.maximum(paths.mean(axis=1) - K, 0.0)
    return math.exp(-r * T) * float(payoff.mean())


def portfolio_stats(w: f64[:], mu: f64[:], cov: f64[:, :]) -> tuple[float, float]:
    ret = float(w @ mu)
    vol = math.sqrt(float(w @ cov @ w))
    return ret, vol


def sharpe(r: f64[:], rf: float) -> float:
    ex = r - rf
    return float(np.mean(ex) / np.std(ex, ddof=1) * np.sqrt(252))


def sortino(r: f64[:]) -> float:
    downside = r[r < 0]
    dd = np.sqrt(np.mean(downside ** 2))
    return float(np.mean(r) / dd)


def var_historic(r: f64[:], level: float) -> float:
    return float(-np.percentile(r, level))


def npv(rate: float, cash: f64[:]) -> float:
    t = np.arange(len(cash))
    return float(np.sum(cash / (1 + rate) ** t))


def irr_bisect(cash: f64[:]) -> float:
    lo, hi = -0.99, 1.0
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if npv(mid, cash) > 0:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


def min_var_weights(cov: f64[:, :]) -> f64[:]:
    ones = np.ones(cov.shape[0])
    x = np.linalg.solve(cov, ones)
    return x / x.sum()


def rolling_beta(r: f64[:], m: f64[:], w: int) -> f64[:]:
    n = len(r) - w + 1
    out = np.empty(n)
    for i in range(n):
        a = r[i:i + w]
        b = m[i:i + w]
        out[i] = np.cov(a, b)[0, 1] / np.var(b, ddof=1)
    return out
