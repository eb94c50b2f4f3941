from fastext import f32, f64, i64, gpu, prange


def callback_in_body(cb: object, n: i64) -> f64:
    total = 0.0
    for i in prange(n):
        total += float(cb(i))
    return total


def store_in_body(o: object, n: i64) -> None:
    for i in prange(n):
        o.last = i


@gpu.kernel
def kernel_prange(x: f32[:]) -> None:
    for i in prange(len(x)):
        x[i] = 0.0
