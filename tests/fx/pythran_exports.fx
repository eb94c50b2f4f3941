"""Kernels typed by Pythran export comments, the way Pythran's users write them (no annotations)."""
import numpy as np

#pythran export rosen(float[])
#pythran export rosen(float32[])


def rosen(x):
    t0 = 100 * (x[1:] - x[:-1] ** 2) ** 2
    t1 = (1 - x[:-1]) ** 2
    return np.sum(t0 + t1)


#pythran export arc(float[], float[], float[], float[])
def arc(theta_1, phi_1, theta_2, phi_2):
    temp = np.sin((theta_2 - theta_1) / 2) ** 2 + np.cos(theta_1) * np.cos(theta_2) * np.sin((phi_2 - phi_1) / 2) ** 2
    return 2 * np.arctan2(np.sqrt(temp), np.sqrt(1 - temp))


#pythran export laplace(float[:, :] order(C), int)
def laplace(u, steps):
    v = u.copy()
    for _ in range(steps):
        v[1:-1, 1:-1] = 0.25 * (v[:-2, 1:-1] + v[2:, 1:-1] + v[1:-1, :-2] + v[1:-1, 2:])
    return v


#pythran export counts(int[], int)
def counts(labels, k):
    out = np.zeros(k, dtype=np.int64)
    for v in labels:
        out[v] += 1
    return out


#pythran export weighted(float list, (int, float))
def weighted(xs, pair):
    n, w = pair
    return sum(x * w for x in xs[:n])


#pythran export tally(str list, str:int dict)
def tally(words, base):
    d = dict(base)
    for w in words:
        d[w] = d.get(w, 0) + 1
    return d


#pythran export grid_sum(float[][] or float[:, :, :]), capsule ignored(float)
def grid_sum(a):
    s = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            s += a[i, j]
    return s


#pythran export scaled(float[], float)
def scaled(a, f: float):
    return a * f


#pythran export periodic(float[:, :], float)
def periodic(x, L):
    d = x[:, None, :] - x[None, :, :]
    d = d - L * np.round(d / L)
    return np.sqrt((d ** 2).sum(axis=-1))


#pythran export julia_set(float, float, int, int)
def julia_set(cr, ci, n, it):
    out = np.zeros((n, n), dtype=np.int64)
    for i in range(n):
        for j in range(n):
            zr = -1.5 + 3.0 * i / n
            zi = -1.5 + 3.0 * j / n
            c = 0
            while zr * zr + zi * zi < 4.0 and c < it:
                zr, zi = zr * zr - zi * zi + cr, 2 * zr * zi + ci
                c += 1
            out[i, j] = c
    return out
