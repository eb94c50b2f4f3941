"""Complex numbers: c128 (Python's complex) and c64, scalars and arrays."""
from fastext import c64, c128, f64, i64

J = 2 + 3j


def add(a: complex, b: complex) -> complex:
    return a + b


def sub(a: complex, b: complex) -> complex:
    return a - b


def mul(a: complex, b: complex) -> complex:
    return a * b


def div(a: complex, b: complex) -> complex:
    return a / b


def neg(a: complex) -> complex:
    return -a


def mixed(a: complex, x: float, n: int) -> complex:
    return (a * x + n) / (x - a) - n * a


def literals(x: float) -> complex:
    return x * 1j + (2 + 3j) - J * 2


def make(re: float, im: float) -> c128:
    return complex(re, im)


def parts(z: complex) -> tuple[f64, f64]:
    return z.real, z.imag


def conj(z: complex) -> complex:
    return z.conjugate()


def modulus(z: complex) -> float:
    return abs(z)


def truth(z: complex) -> bool:
    return bool(z) and not (z == 0)


def eq(a: complex, b: complex) -> bool:
    return a == b


def ne(a: complex, b: float) -> bool:
    return a != b


def powi(z: complex) -> tuple[c128, c128, c128, c128]:
    return z ** 2, z ** 5, z ** -3, z ** 0


def square_accumulate(z: complex, n: int) -> complex:
    acc = 0j
    for k in range(n):
        acc += z * k
        acc /= 1 + 0.5j
    return acc


def to_c64(z: complex) -> c64:
    return c64(z)


def c64_ops(a: c64, b: c64) -> c64:
    return a * b + a / 2


def mandel(c: complex, maxiter: int) -> int:
    z = 0j
    for k in range(maxiter):
        z = z * z + c
        if abs(z) > 2.0:
            return k
    return maxiter


def mandelbrot(out: i64[:, :], x0: float, y0: float, dx: float, dy: float, maxiter: int) -> None:
    h, w = out.shape
    for i in range(h):
        for j in range(w):
            out[i, j] = mandel(complex(x0 + j * dx, y0 + i * dy), maxiter)


def csum(a: c128[:]) -> complex:
    s = 0j
    for k in range(len(a)):
        s += a[k]
    return s


def cdot(a: c128[:], b: c128[:]) -> complex:
    s = 0j
    for x, y in zip(a, b):
        s += x * y.conjugate()
    return s


def scale(a: c128[:, :], f: complex) -> None:
    n, m = a.shape
    for i in range(n):
        for j in range(m):
            a[i, j] = a[i, j] * f


def store_real(a: c128[:], x: f64[:]) -> None:
    for i in range(len(a)):
        a[i] = x[i]


def sum64(a: c64[:]) -> c64:
    s: c64 = 0
    for v in a:
        s += v
    return s


def fill(a: c128[:], z: complex) -> None:
    a.fill(z)


def default(z: complex = 1j) -> complex:
    return z * 2
