"""The bundled example: import a .fx module, check it against plain Python, show the speedup.

    python examples/demo.py
"""
import os
import sys
import time
import types

import numpy as np

import fastext  # installs the import hook, also when the .pth is not active

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


def interpreted(name: str) -> types.ModuleType:
    """The same .fx source run by CPython (as FASTEXT_DISABLE=1 would): the correctness oracle."""
    return fastext.load_interpreted(os.path.join(HERE, name + ".fx"))


def best_of(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> int:
    t0 = time.perf_counter()
    import kernels          # compiles examples/kernels.fx on first import, cached afterwards
    print(f"import kernels: {1e3 * (time.perf_counter() - t0):.0f} ms  ({kernels.__file__})")
    py = interpreted("kernels")

    rng = np.random.default_rng(0)
    x, y = rng.random(200_000), rng.random(200_000)
    out_c, out_p = np.zeros((60, 90), dtype=np.int32), np.zeros((60, 90), dtype=np.int32)
    cases = [
        ("dot(x, y)", lambda m: m.dot(x, y), lambda a, b: abs(a - b) <= 1e-9 * abs(b)),
        ("mandel(out, 100)", lambda m: m.mandel(out_c if m is kernels else out_p, 100), lambda a, b: a == b),
        ("mean_std(x)", lambda m: m.mean_std(x), lambda a, b: np.allclose(a, b, rtol=1e-12)),
    ]
    ok = True
    print(f"{'case':<18} {'compiled':>12} {'plain Python':>14} {'speedup':>9}  result")
    for label, call, same in cases:
        a, b = call(kernels), call(py)
        good = same(a, b)
        ok &= bool(good)
        tc, tp = best_of(lambda: call(kernels)), best_of(lambda: call(py), repeat=2)
        print(f"{label:<18} {tc * 1e3:>10.3f}ms {tp * 1e3:>12.1f}ms {tp / tc:>8.0f}x  "
              f"{'same as Python' if good else 'MISMATCH'}")
    ok &= bool((out_c == out_p).all())
    help_line = kernels.dot.__doc__.splitlines()[0]
    print(f"help(kernels.dot): {help_line}")
    try:
        kernels.dot([1.0, 2.0], np.ones(2))
    except TypeError as e:
        print(f"kernels.dot([1.0, 2.0], ...) -> TypeError: {e}")
    print("OK" if ok else "FAILED: compiled and interpreted results differ")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
