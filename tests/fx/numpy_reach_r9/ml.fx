"""Machine learning from scratch as tutorials and course notebooks write it: k-means, PCA via
np.linalg.svd and eigh, logistic regression by gradient descent, softmax and cross-entropy,
k-nearest neighbours with argsort and argpartition, linear regression, naive Bayes, metrics."""
import numpy as np
from fastext import f64, i64


def kmeans_assign(X: f64[:, :], C: f64[:, :]) -> i64[:]:
    d = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)
    return np.argmin(d, axis=1)


def kmeans(X: f64[:, :], C0: f64[:, :], iters: int) -> f64[:, :]:
    C = C0.copy()
    k = C.shape[0]
    for _ in range(iters):
        labels = kmeans_assign(X, C)
        for j in range(k):
            members = X[labels == j]
            if len(members) > 0:
                C[j] = members.mean(axis=0)
    return C


def kmeans_inertia(X: f64[:, :], C: f64[:, :]) -> float:
    labels = kmeans_assign(X, C)
    return float(np.sum((X - C[labels]) ** 2))


def pca_svd(X: f64[:, :], k: int) -> f64[:, :]:
    Xc = X - X.mean(axis=0)
    U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    return np.abs(Xc @ Vt[:k].T)


def pca_explained(X: f64[:, :]) -> f64[:]:
    Xc = X - X.mean(axis=0)
    S = np.linalg.svd(Xc, compute_uv=False)
    var = S ** 2 / (X.shape[0] - 1)
    return var / var.sum()


def pca_eigh(X: f64[:, :]) -> f64[:]:
    C = np.cov(X, rowvar=False)
    vals, vecs = np.linalg.eigh(C)
    return vals[::-1]


def pca_eigh_project(X: f64[:, :], k: int) -> f64[:, :]:
    Xc = X - X.mean(axis=0)
    C = Xc.T @ Xc / (X.shape[0] - 1)
    vals, vecs = np.linalg.eigh(C)
    idx = np.argsort(vals)[::-1][:k]
    return np.abs(Xc @ vecs[:, idx])


def sigmoid(z: f64[:]) -> f64[:]:
    return 1.0 / (1.0 + np.exp(-z))


def logreg_gd(X: f64[:, :], y: f64[:], lr: float, iters: int) -> f64[:]:
    w = np.zeros(X.shape[1])
    b = 0.0
    n = X.shape[0]
    for _ in range(iters):
        p = sigmoid(X @ w + b)
        grad_w = X.T @ (p - y) / n
        grad_b = np.sum(p - y) / n
        w -= lr * grad_w
        b -= lr * grad_b
    return np.append(w, b)


def logreg_predict(X: f64[:, :], coef: f64[:]) -> i64[:]:
    z = X @ coef[:-1] + coef[-1]
    return (z > 0).astype(np.int64)


def softmax(z: f64[:, :]) -> f64[:, :]:
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def cross_entropy(z: f64[:, :], y: i64[:]) -> float:
    p = softmax(z)
    n = z.shape[0]
    return float(-np.mean(np.log(p[np.arange(n), y] + 1e-12)))


def log_softmax(z: f64[:, :]) -> f64[:, :]:
    m = z.max(axis=1, keepdims=True)
    return z - m - np.log(np.sum(np.exp(z - m), axis=1, keepdims=True))


def softmax_grad(z: f64[:, :], y: i64[:]) -> f64[:, :]:
    p = softmax(z)
    p[np.arange(z.shape[0]), y] -= 1.0
    return p / z.shape[0]


def knn_predict(Xtr: f64[:, :], ytr: i64[:], Xte: f64[:, :], k: int) -> i64[:]:
    out = np.empty(Xte.shape[0], dtype=np.int64)
    for i in range(Xte.shape[0]):
        d = np.sqrt(np.sum((Xtr - Xte[i]) ** 2, axis=1))
        nn = np.argsort(d, kind="stable")[:k]
        out[i] = np.argmax(np.bincount(ytr[nn]))
    return out


def knn_partition(Xtr: f64[:, :], Xte: f64[:, :], k: int) -> f64[:]:
    d = np.sum((Xte[:, None, :] - Xtr[None, :, :]) ** 2, axis=2)
    part = np.partition(d, k - 1, axis=1)[:, :k]
    return np.sort(part, axis=1).sum(axis=1)


def knn_argpartition(d: f64[:], k: int) -> f64[:]:
    idx = np.argpartition(d, k)[:k]
    return np.sort(d[idx])


def argsort_rows(d: f64[:, :]) -> i64[:, :]:
    return np.argsort(d, axis=1, kind="stable")


def linreg_normal(X: f64[:, :], y: f64[:]) -> f64[:]:
    Xb = np.hstack((np.ones((X.shape[0], 1)), X))
    return np.linalg.solve(Xb.T @ Xb, Xb.T @ y)


def linreg_predict(X: f64[:, :], coef: f64[:]) -> f64[:]:
    return X @ coef


def predict_matrix(X: f64[:, :], W: f64[:, :]) -> f64[:, :]:
    Y = X @ W
    return Y


def ridge_gd(X: f64[:, :], y: f64[:], lam: float, lr: float, iters: int) -> f64[:]:
    w = np.zeros(X.shape[1])
    for _ in range(iters):
        g = 2 * X.T @ (X @ w - y) / len(y) + 2 * lam * w
        w = w - lr * g
    return w


def gaussian_nb(X: f64[:, :], y: i64[:], Xq: f64[:, :], k: int) -> i64[:]:
    d = X.shape[1]
    mu = np.zeros((k, d))
    var = np.zeros((k, d))
    prior = np.zeros(k)
    for c in range(k):
        Xc = X[y == c]
        mu[c] = Xc.mean(axis=0)
        var[c] = Xc.var(axis=0) + 1e-9
        prior[c] = Xc.shape[0] / X.shape[0]
    ll = -0.5 * np.sum(np.log(2 * np.pi * var)[None, :, :] + (Xq[:, None, :] - mu[None, :, :]) ** 2 / var[None, :, :], axis=2)
    return np.argmax(ll + np.log(prior)[None, :], axis=1)


def precision_recall(y: i64[:], p: i64[:]) -> tuple[float, float]:
    tp = float(np.sum((y == 1) & (p == 1)))
    fp = float(np.sum((y == 0) & (p == 1)))
    fn = float(np.sum((y == 1) & (p == 0)))
    prec = tp / (tp + fp) if tp + fp > 0 else 0.0
    rec = tp / (tp + fn) if tp + fn > 0 else 0.0
    return prec, rec


def roc_auc(y: i64[:], s: f64[:]) -> float:
    order = np.argsort(-s, kind="stable")
    ys = y[order]
    tps = np.cumsum(ys)
    fps = np.cumsum(1 - ys)
    tpr = np.concatenate((np.zeros(1), tps / tps[-1]))
    fpr = np.concatenate((np.zeros(1), fps / fps[-1]))
    return float(np.trapezoid(tpr, fpr))


def mlp_forward(X: f64[:, :], W1: f64[:, :], b1: f64[:], W2: f64[:, :], b2: f64[:]) -> f64[:, :]:
    h = np.maximum(X @ W1 + b1, 0.0)
    return softmax(h @ W2 + b2)


def batch_norm(X: f64[:, :], eps: float) -> f64[:, :]:
    mu = X.mean(axis=0)
    var = X.var(axis=0)
    return (X - mu) / np.sqrt(var + eps)


def pairwise_dist(X: f64[:, :], Y: f64[:, :]) -> f64[:, :]:
    XX = np.sum(X * X, axis=1)[:, None]
    YY = np.sum(Y * Y, axis=1)[None, :]
    D = XX - 2.0 * X @ Y.T + YY
    return np.sqrt(np.maximum(D, 0.0))


def pairwise_loops(X: f64[:, :]) -> f64[:, :]:
    n, d = X.shape
    D = np.empty((n, n))
    for i in range(n):
        for j in range(n):
            s = 0.0
            for k in range(d):
                t = X[i, k] - X[j, k]
                s += t * t
            D[i, j] = np.sqrt(s)
    return D


def one_vs_rest_scores(X: f64[:, :], W: f64[:, :]) -> i64[:]:
    return np.argmax(X @ W.T, axis=1)
