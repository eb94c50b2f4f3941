"""Matrix products: fastext (`matmul_kernels.fx`) against NumPy, Numba and Pythran, in one run.

    .venv/bin/python benchmarks/matmul.py                  # writes benchmarks/MATMUL.md
    .venv/bin/python benchmarks/matmul.py --quick          # fewer rounds, n = 64 and 256 only
    OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/matmul.py --output benchmarks/MATMUL-1thread.md

Each row times one expression — `a @ b` for n×n matrices, `a.T @ b`, `np.dot(a, x)`,
`np.dot(x, y)` — called from Python on the same arrays by every implementation:

* NumPy: the expression itself (`np.dot(a, b)` / `a.T @ b` ...);
* fastext: the compiled `matmul_kernels.fx` (import hook, default options);
* Numba: `numba.njit` of the same one-line functions (its `@` needs SciPy's BLAS);
* Pythran: the same functions compiled on the spot with `pythran -O3 -march=native`
  (BLAS: the `pythran-openblas` package when installed, else Pythran's default).

Results are checked against NumPy before anything is timed.  Times are medians over
interleaved rounds (every implementation once per round, so a change of machine load
hits all alike); each sample is a batch of calls of at least `--batch-s` seconds.
"""
from __future__ import annotations

import argparse
import ctypes
import os
import platform
import statistics
import subprocess
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.path.join(HERE, "_build")

PLAIN = '''
import numpy as np

def matmul(a, b):
    return a @ b

def matmul_f32(a, b):
    return a @ b

def matmul_at(a, b):
    return a.T @ b

def matmul_i64(a, b):
    return a @ b

def matvec(a, x):
    return np.dot(a, x)

def vdot(x, y):
    return np.dot(x, y)
'''
PYTHRAN_EXPORTS = '''
#pythran export matmul(float64[:, :], float64[:, :])
#pythran export matmul_f32(float32[:, :], float32[:, :])
#pythran export matmul_at(float64[:, :], float64[:, :])
#pythran export matmul_i64(int64[:, :], int64[:, :])
#pythran export matvec(float64[:, :], float64[:])
#pythran export vdot(float64[:], float64[:])
'''
NUMPY = {"matmul": np.dot, "matmul_f32": np.dot, "matmul_at": lambda a, b: a.T @ b, "matmul_i64": np.dot,
         "matvec": np.dot, "vdot": np.dot}


def cases(sizes: list[int]):
    """(label, function name, n, arguments)."""
    rng = np.random.default_rng(0)
    out = []
    for n in sizes:
        a, b = rng.standard_normal((n, n)), rng.standard_normal((n, n))
        out.append(("f64 `a @ b`", "matmul", n, (a, b)))
    for n in sizes:
        a, b = rng.standard_normal((n, n)).astype(np.float32), rng.standard_normal((n, n)).astype(np.float32)
        out.append(("f32 `a @ b`", "matmul_f32", n, (a, b)))
    for n in sizes:
        a, b = rng.standard_normal((n, n)), rng.standard_normal((n, n))
        out.append(("f64 `a.T @ b`", "matmul_at", n, (a, b)))
    for n in sizes:
        if n <= 512:      # NumPy's integer matmul is a plain triple loop: 1024 takes minutes
            a, b = rng.integers(-9, 9, (n, n)), rng.integers(-9, 9, (n, n))
            out.append(("i64 `a @ b`", "matmul_i64", n, (a, b)))
    for n in sizes:
        out.append(("f64 `np.dot(a, x)`", "matvec", n, (rng.standard_normal((n, n)), rng.standard_normal(n))))
    for n in sizes:
        out.append(("f64 `np.dot(x, y)`", "vdot", n * n, (rng.standard_normal(n * n), rng.standard_normal(n * n))))
    return out


# ----------------------------------------------------------------------------- implementations

def load_fastext():
    os.environ.setdefault("FASTEXT_CACHE_DIR", os.path.join(BUILD, "fxcache"))
    sys.path.insert(0, HERE)
    import fastext  # noqa: F401  (installs the import hook)
    import matmul_kernels
    return matmul_kernels


def load_numba():
    try:
        import numba
        import scipy  # noqa: F401  (Numba's @ and np.dot call SciPy's BLAS)
    except ImportError as e:
        return None, f"not installed ({e.name})"
    namespace: dict = {}
    exec(PLAIN, namespace)
    funcs = {name: numba.njit(namespace[name]) for name in NUMPY if name != "matmul_i64"}   # Numba: floats only
    return funcs, f"numba {numba.__version__}"


def load_pythran():
    try:
        import pythran
    except ImportError:
        return None, "not installed"
    folder = os.path.join(BUILD, "pythran")
    os.makedirs(folder, exist_ok=True)
    src = os.path.join(folder, "pythran_matmul.py")
    with open(src, "w") as f:
        f.write(PYTHRAN_EXPORTS + PLAIN)
    env = dict(os.environ)
    blas = "default BLAS"
    try:
        import pythran_openblas  # noqa: F401
        rc = os.path.join(folder, "pythranrc")
        with open(rc, "w") as f:
            f.write("[compiler]\nblas=pythran-openblas\n")
        env["PYTHRANRC"] = rc
        blas = "pythran-openblas (static OpenBLAS)"
    except ImportError:
        pass
    exe = os.path.join(os.path.dirname(sys.executable), "pythran")
    proc = subprocess.run([exe, "-O3", "-march=native", "-o", os.path.join(folder, "pythran_matmul.so"), src],
                          capture_output=True, text=True, env=env, cwd=folder)
    if proc.returncode != 0:
        return None, "build failed: " + proc.stderr.strip().splitlines()[-1][:80]
    sys.path.insert(0, folder)
    import pythran_matmul
    return {name: getattr(pythran_matmul, name) for name in NUMPY}, f"pythran {pythran.__version__}, {blas}"


def numpy_blas_threads() -> str:
    """Threads of the OpenBLAS NumPy uses (the same library, so the same pool, as fastext's)."""
    from numpy._core import _multiarray_umath
    lib = ctypes.CDLL(_multiarray_umath.__file__)
    for name in ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_", "openblas_get_num_threads"):
        try:
            return str(getattr(lib, name)())
        except AttributeError:
            continue
    return "unknown"


# ----------------------------------------------------------------------------- timing

def calibrate(f, args, batch_s: float) -> int:
    f(*args)
    number = 1
    while True:
        start = time.perf_counter()
        for _ in range(number):
            f(*args)
        if time.perf_counter() - start >= batch_s or number >= 1 << 20:
            return number
        number *= 2


SHARED_POOL = ("numpy", "fastext")     # one OpenBLAS, one thread pool


def measure(impls: dict, args, rounds: int, batch_s: float, pause_s: float) -> tuple[dict[str, float], float, float]:
    """Median time per call of each implementation, the median over rounds of fastext's time ÷
    NumPy's in the same round (back to back: what load changes between rounds cancels), and the
    ratio of their best rounds (the cost with the least interference from other processes).
    Before switching to an implementation with another BLAS, wait `pause_s`: OpenBLAS threads
    spin a while after a call, and the spinning threads of one pool would slow the next pool's
    on a machine with few cores."""
    numbers = {k: calibrate(f, args, batch_s) for k, f in impls.items()}
    # NumPy and fastext run the same number of calls per sample: the first call after a pause
    # wakes the BLAS threads, a cost a shorter batch would spread over fewer calls
    shared = max(numbers[k] for k in SHARED_POOL)
    numbers.update({k: shared for k in SHARED_POOL})
    samples: dict[str, list[float]] = {k: [] for k in impls}
    others = [k for k in impls if k not in SHARED_POOL]
    for r in range(rounds):
        # NumPy and fastext take turns going first (the first after a pause starts colder)
        order = list(SHARED_POOL if r % 2 == 0 else SHARED_POOL[::-1]) + others
        for k in order:
            f = impls[k]
            if k not in SHARED_POOL or k == order[0]:
                time.sleep(pause_s)
            n = numbers[k]
            start = time.perf_counter()
            for _ in range(n):
                f(*args)
            samples[k].append((time.perf_counter() - start) / n)
    ratio = statistics.median(f / n for f, n in zip(samples["fastext"], samples["numpy"]))
    best = min(samples["fastext"]) / min(samples["numpy"])
    return {k: statistics.median(v) for k, v in samples.items()}, ratio, best


def check(name: str, got, want) -> None:
    got, want = np.asarray(got), np.asarray(want)
    ok = got.dtype == want.dtype and got.shape == want.shape and (
        np.array_equal(got, want) if want.dtype.kind in "iub" else
        np.allclose(got, want, rtol=1e-4 if want.dtype == np.float32 else 1e-10, atol=1e-3))
    if not ok:
        raise SystemExit(f"{name}: result differs from NumPy's")


def fmt(seconds: float | None) -> str:
    if seconds is None:
        return "n/a"
    return f"{seconds * 1e3:.3f}" if seconds < 1 else f"{seconds * 1e3:.0f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="n = 64 and 256, 3 rounds")
    ap.add_argument("--sizes", default="64,256,512,1024")
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--batch-s", type=float, default=0.05)
    ap.add_argument("--pause-s", type=float, default=0.1, help="wait before a call into another BLAS")
    ap.add_argument("--output", default=os.path.join(HERE, "MATMUL.md"))
    opts = ap.parse_args()
    sizes = [64, 256] if opts.quick else [int(s) for s in opts.sizes.split(",")]
    rounds = 3 if opts.quick else opts.rounds
    if opts.quick and opts.output == os.path.join(HERE, "MATMUL.md"):
        opts.output = os.path.join(BUILD, "MATMUL-quick.md")

    fx = load_fastext()
    numba_funcs, numba_note = load_numba()
    pythran_funcs, pythran_note = load_pythran()
    load_before = os.getloadavg()
    rows = []
    for label, name, n, args in cases(sizes):
        impls = {"numpy": NUMPY[name], "fastext": getattr(fx, name)}
        if numba_funcs and name in numba_funcs:
            impls["numba"] = numba_funcs[name]
        if pythran_funcs:
            impls["pythran"] = pythran_funcs[name]
        want = NUMPY[name](*args)
        for k, f in impls.items():
            check(f"{k} {name} n={n}", f(*args), want)
        t, ratio, best = measure(impls, args, rounds, opts.batch_s, opts.pause_s)
        rows.append((label, n, t, ratio, best))
        print(f"{label:22} n={n:<8} " + "  ".join(f"{k} {fmt(v)} ms" for k, v in t.items()), flush=True)
    load_after = os.getloadavg()

    lines = [
        "# Matrix products: fastext vs NumPy, Numba, Pythran",
        "",
        f"`benchmarks/matmul.py{' --quick' if opts.quick else ''}` — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"NumPy {np.__version__}; load average {load_before[0]:.2f} before, {load_after[0]:.2f} after "
        "(the machine is shared: times are medians of interleaved rounds).",
        "",
        f"BLAS: fastext calls `{fx.__fastext_blas__()}`, the OpenBLAS NumPy itself uses (one library, one thread "
        f"pool: {numpy_blas_threads()} thread(s) for both). Numba: {numba_note} (SciPy's own OpenBLAS). "
        f"Pythran: {pythran_note}.",
        "",
        f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', '(unset)')}. Times in milliseconds per call "
        "(median); `fastext ÷ NumPy` is the median over rounds of the two times measured back to back "
        "(below 1: fastext is faster); `best` is the ratio of the two fastest rounds.",
        "",
        "| product | n | NumPy | fastext | fastext ÷ NumPy | best | Numba | Pythran |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, n, t, ratio, best in rows:
        size = f"{n}" if "np.dot(x, y)" not in label else f"{n:,}"
        lines.append(f"| {label} | {size} | {fmt(t['numpy'])} | {fmt(t['fastext'])} | {ratio:.2f} | {best:.2f} | "
                     f"{fmt(t.get('numba'))} | {fmt(t.get('pythran'))} |")
    text = "\n".join(lines) + "\n"
    os.makedirs(os.path.dirname(opts.output), exist_ok=True)
    with open(opts.output, "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
