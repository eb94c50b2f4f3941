# ARGS: 64
import math


def int_log2(n: int) -> int:
    k = 1
    log = 0
    while k < n:
        k *= 2
        log += 1
    if n != 1 << log:
        raise ValueError("FFT: data length is not a power of 2: %d" % n)
    return log


def bitreverse(data: list[float]) -> None:
    n = len(data) // 2
    nm1 = n - 1
    j = 0
    for i in range(nm1):
        ii = i << 1
        jj = j << 1
        k = n >> 1
        if i < j:
            data[ii], data[jj] = data[jj], data[ii]
            data[ii + 1], data[jj + 1] = data[jj + 1], data[ii + 1]
        while k <= j:
            j -= k
            k >>= 1
        j += k


def transform_internal(data: list[float], direction: int) -> None:
    n = len(data) // 2
    if n == 1:
        return
    logn = int_log2(n)
    bitreverse(data)
    dual = 1
    for bit in range(logn):
        w_real = 1.0
        w_imag = 0.0
        theta = 2.0 * direction * math.pi / (2.0 * dual)
        s = math.sin(theta)
        t = math.sin(theta / 2.0)
        s2 = 2.0 * t * t
        for b in range(0, n, 2 * dual):
            i = 2 * b
            j = 2 * (b + dual)
            wd_real = data[j]
            wd_imag = data[j + 1]
            data[j] = data[i] - wd_real
            data[j + 1] = data[i + 1] - wd_imag
            data[i] += wd_real
            data[i + 1] += wd_imag
        for a in range(1, dual):
            tmp_real = w_real - s * w_imag - s2 * w_real
            tmp_imag = w_imag + s * w_real - s2 * w_imag
            w_real = tmp_real
            w_imag = tmp_imag
            for b in range(0, n, 2 * dual):
                i = 2 * (b + a)
                j = 2 * (b + a + dual)
                z1_real = data[j]
                z1_imag = data[j + 1]
                wd_real = w_real * z1_real - w_imag * z1_imag
                wd_imag = w_real * z1_imag + w_imag * z1_real
                data[j] = data[i] - wd_real
                data[j + 1] = data[i + 1] - wd_imag
                data[i] += wd_real
                data[i + 1] += wd_imag
        dual *= 2


def main(n: int) -> float:
    data = [math.sin(0.37 * i) + 0.5 * math.cos(1.3 * i) for i in range(2 * n)]
    original = data[:]
    transform_internal(data, -1)
    print("spectrum", " ".join("%.4f" % v for v in data[:6]))
    transform_internal(data, 1)
    inv = 1.0 / n
    err = max(abs(d * inv - o) for d, o in zip(data, original))
    print("round trip error below 1e-12:", err < 1e-12)
    try:
        int_log2(12)
    except ValueError as e:
        print("error:", e)
    return sum(data) * inv
