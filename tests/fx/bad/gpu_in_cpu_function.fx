from fastext import gpu, f32


def scale(x: f32[:], a: f32) -> None:
    i = gpu.thread_idx.x
    x[i] *= a
