from fastext import f64, gpu, i64, struct


@struct(frozen=True)
class A:
    x: f64


@struct(mutable=1)
class B:
    x: f64


@struct(mutable=True)
class P:
    x: f64
    n: i64


@struct
class Holder:
    p: P


def unknown_field(p: P) -> None:
    p.w = 1.0


def float_into_int(p: P) -> None:
    p.n = 1.5
    p.n /= 2


def array_item(vs: P[:]) -> None:
    vs[0].x = 1.0
    vs[1].x += 1.0


def as_key(p: P) -> i64:
    d = {p: 1}
    return len(d)


def compare(p: P, q: P) -> bool:
    return p == q


ORIGIN = P(0.0, 0)


@gpu.kernel
def kernel(a: f64[:]) -> None:
    i = gpu.global_id(0)
    p = P(a[i], 0)
    a[i] = p.x
