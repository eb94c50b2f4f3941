from fastext import gpu, f32, f64, i32, i64


@gpu.kernel
@gpu.device
def both(x: f32[:]) -> None:
    pass


@gpu.kernel
def with_default(x: f32[:], scale: f32 = 2.0) -> None:
    x[0] = scale


@gpu.device
def takes_tuple(t: tuple[i64, i64]) -> i64:
    return t[0]


@gpu.kernel
def misuse(x: f32[:], grid: f32[:, :], n: i64) -> None:
    i = gpu.global_id(n)
    j = gpu.global_id(3)
    gpu.syncthreads(1)
    k = gpu.thread_idx
    w = gpu.warp_size()
    gpu.atomic_add(grid, 0, 1.0)
    gpu.atomic_add(x, 0, 1.0, 2.0)
    v = gpu.shfl_down(x[0], 1.5)
    gpu.atomic_cas(x, 0, x, f32(1))
    s = gpu.shared.array((4, 0), f32)
    gpu.launch(x)


@gpu.shared
def not_a_decorator(x: f32[:]) -> None:
    pass


@gpu.kernel
def allocates(x: f32[:]) -> None:
    t = x.copy()
    x[0] = t[0]
