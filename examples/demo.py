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


def oracle(name: str) -> types.ModuleType:
    """The same .fx source run by CPython as FASTEXT_DISABLE=1 runs it: the correctness oracle."""
    return fastext.load_interpreted(os.path.join(HERE, name + ".fx"))


def plain_python(name: str) -> types.ModuleType:
    """The same .fx source as a plain Python module (what you would run without fastext): the speed baseline."""
    path = os.path.join(HERE, name + ".fx")
    module = types.ModuleType(name + "_py")
    with open(path) as f:
        exec(compile(f.read(), path, "exec"), module.__dict__)
    return module


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
    ref, py = oracle("kernels"), plain_python("kernels")

    rng = np.random.default_rng(0)
    x, y = rng.random(200_000), rng.random(200_000)
    outs = {m: np.zeros((60, 90), dtype=np.int32) for m in (kernels, ref, py)}
    cases = [
        ("dot(x, y)", lambda m: m.dot(x, y)),
        ("mandel(out, 100)", lambda m: m.mandel(outs[m], 100)),
        ("mean_std(x)", lambda m: m.mean_std(x)),
    ]
    ok = True
    print(f"{'case':<18} {'compiled':>12} {'plain Python':>14} {'speedup':>9}  result")
    for label, call in cases:
        good = call(kernels) == call(ref)      # bit for bit: same semantics, same libm
        ok &= bool(good)
        tc, tp = best_of(lambda: call(kernels)), best_of(lambda: call(py), repeat=2)
        print(f"{label:<18} {tc * 1e3:>10.3f}ms {tp * 1e3:>12.1f}ms {tp / tc:>8.0f}x  "
              f"{'same as Python' if good else 'MISMATCH'}")
    ok &= bool((outs[kernels] == outs[ref]).all())
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
