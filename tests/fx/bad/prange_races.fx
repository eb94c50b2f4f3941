from fastext import f64, i64, prange


def last_value(a: f64[:]) -> f64:
    x = 0.0
    for i in prange(len(a)):
        x = a[i]
    return x


def read_reduction(a: f64[:], out: f64[:]) -> f64:
    s = 0.0
    for i in prange(len(a)):
        s += a[i]
        out[i] = s
    return s


def mixed(a: i64[:]) -> i64:
    s = 0
    for i in prange(len(a)):
        s += a[i]
        s *= 2
    return s


def loop_var(n: i64) -> i64:
    t = 0
    for i in prange(n):
        i = i + 1
        t += i
    return t


def param_write(n: i64, k: i64) -> i64:
    for i in prange(n):
        k = i
    return k
