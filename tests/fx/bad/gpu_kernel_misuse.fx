from fastext import gpu, f32, f64, i32, i64, u8


def helper(x: f64) -> f64:
    return x + 1.0


@gpu.kernel
def returns_value(x: f32[:]) -> f32:
    return x[0]


@gpu.kernel
def calls_cpu(x: f64[:]) -> None:
    x[0] = helper(x[0])


@gpu.kernel
def has_try(x: f64[:]) -> None:
    try:
        x[0] = 1.0 / x[1]
    except ZeroDivisionError:
        x[0] = 0.0


@gpu.kernel
def dynamic_shared(x: f32[:], n: i64) -> None:
    buf = gpu.shared.array(n, f32)
    buf[0] = x[0]


@gpu.kernel
def bad_dtype(x: f32[:]) -> None:
    buf = gpu.shared.array(32, float32)
    buf[0] = x[0]


@gpu.kernel
def python_object(x: f32[:]) -> None:
    names = [1, 2, 3]
    x[0] = 1.0


@gpu.kernel
def atomic_min_bytes(x: u8[:]) -> None:
    gpu.atomic_min(x, 0, 1)


@gpu.kernel
def shuffle_bool(x: i32[:]) -> None:
    flag = x[0] > 0
    flag = gpu.shfl_down(flag, 1)


@gpu.kernel
def unknown_name(x: f32[:]) -> None:
    x[0] = gpu.thread_index.x


@gpu.kernel
def too_much_shared(x: f64[:]) -> None:
    buf = gpu.shared.array((128, 128), f64)
    buf[0, 0] = x[0]


@gpu.kernel
def calls_kernel(x: f64[:]) -> None:
    has_try(x)


@gpu.device
def _twice(v: f32) -> f32:
    return v * 2


def cpu_calls_device(v: f32) -> f32:
    return _twice(v)
