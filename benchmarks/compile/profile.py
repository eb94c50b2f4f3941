"""Where a cold compile's time goes (issue 13): the split behind benchmarks/compile/RESULTS.md.

    python benchmarks/compile/profile.py [harness9.fx] [--repeat 3]

Prints, for one module, in CPU seconds of one core:

* the compiler's imports, timed as a fresh process pays them (`compile_file` imports its stages
  lazily: a process that imported them beforehand compiles that much faster);
* the Python stages of a warm compile (check, analyse, abi, lower — the lowering includes
  llvmlite's IR text — split, join), fastest of `--repeat`;
* every compilation unit's LLVM work, run here one after the other as a `FASTEXT_JOBS=1` build
  does: parse + link of the runtime part + verify, the O3 pipeline, code generation; fastest of
  `--repeat`, with the unit's lines of IR.

Timings are `time.process_time()`: on a shared machine the CPU a step took, not its wall time.
Pin it (`taskset -c 0`) to get one core's figures.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent

_FRESH = textwrap.dedent("""
    import json, sys, time
    mods = sys.argv[2].split(",") if len(sys.argv) > 2 and sys.argv[2] else []
    t0 = time.process_time()
    for m in mods:
        try:
            __import__(m)
        except Exception:
            pass
    t1 = time.process_time()
    before = set(sys.modules)
    from fastext.compiler.driver import compile_file
    compile_file(sys.argv[1])
    t2 = time.process_time()
    print(json.dumps({"preimport": t1 - t0, "compile": t2 - t1,
                      "imported": [m for m in sys.modules if m not in before]}))
""")


def _fresh(path: str, modules: list[str]) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(REPO), FASTEXT_JOBS="1", FASTEXT_UNIT_CACHE="0")
    out = subprocess.run([sys.executable, "-c", _FRESH, path, ",".join(modules)], env=env,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def imports(path: str, repeat: int) -> tuple[float, float, float]:
    """(compile CPU of a fresh process, the same with the compiler's modules imported first,
    the CPU those imports took): medians of `repeat` pairs."""
    first = _fresh(path, [])
    mods = [m for m in first["imported"] if not m.startswith("__")]
    cold, warm, imp = [first["compile"]], [], []
    for k in range(repeat):
        if k:
            cold.append(_fresh(path, [])["compile"])
        r = _fresh(path, mods)
        warm.append(r["compile"])
        imp.append(r["preimport"])
    med = lambda xs: sorted(xs)[len(xs) // 2]      # noqa: E731
    return med(cold), med(warm), med(imp)


def stages(path: str, repeat: int) -> tuple[dict, float, str, object, frozenset, frozenset]:
    """The fastest warm compile's stage timings (wall seconds) and CPU seconds, with its IR
    text, options and budget sets."""
    from fastext.compiler import driver
    import fastext.compiler.parallel as parallel
    seen: dict = {}
    original = parallel.compile_units

    def grab(ir_text, options, no_vector=frozenset(), no_opt=frozenset(), **kw):
        seen.update(ir=ir_text, options=options, no_vector=no_vector, no_opt=no_opt)
        return original(ir_text, options, no_vector, no_opt, **kw)

    parallel.compile_units = grab
    try:
        driver.compile_file(path)       # the lazy imports of the stages, so what follows is warm
        best, cpu = None, None
        for _ in range(repeat):
            t0 = time.process_time()
            t = driver.compile_file(path).timings
            c = time.process_time() - t0
            if cpu is None or c < cpu:
                best, cpu = t, c
    finally:
        parallel.compile_units = original
    return best, cpu, seen["ir"], seen["options"], seen["no_vector"], seen["no_opt"]


def units(ir_text: str, options, no_vector, no_opt, repeat: int) -> list[tuple]:
    """(name, lines, parse, optimise, codegen) per unit, fastest of `repeat`, biggest first."""
    import fastext.compiler.parallel as parallel
    from fastext.compiler.units import split, unoptimised
    used = frozenset(re.findall(r'@"?(fx_\w+)', "\n".join(
        line for line in ir_text.split("\n") if not line.startswith("declare"))))
    shared, inline = parallel._runtime_parts(used)
    rows = []
    for u in split(ir_text):
        nv = tuple(sorted(set(no_vector) & set(u.functions)))
        no = tuple(sorted((set(no_opt) & set(u.functions)) | unoptimised(u)))
        best = None
        for _ in range(repeat):
            t = parallel.compile_unit(u.text, inline if u.name else shared, options._fields(), nv, no)[2:]
            if best is None or sum(t) < sum(best):
                best = t
        rows.append((u.name or "(module unit)", u.text.count("\n"), *best))
    return sorted(rows, key=lambda r: -sum(r[2:]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("module", nargs="?", default=str(HERE / "harness9.fx"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    path = str(Path(args.module).resolve())
    os.environ["FASTEXT_JOBS"] = "1"
    os.environ["FASTEXT_UNIT_CACHE"] = "0"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{Path(path).name}: 1-min load average {load:.2f} at start ({os.cpu_count()} CPUs)")
    cold, warm, imp = imports(path, args.repeat)
    print(f"fresh process: compile_file {cold:.3f} s CPU; {warm:.3f} s with the compiler's modules "
          f"imported beforehand (their import: {imp:.3f} s)")
    t, cpu, ir_text, options, nv, no = stages(path, args.repeat)
    rows = units(ir_text, options, nv, no, args.repeat)
    llvm = sum(sum(r[2:]) for r in rows)
    python = ("check", "analyse", "verify", "abi", "lower", "split", "join")
    print(f"warm compile: {cpu:.3f} s CPU, of which LLVM {llvm:.3f} s (the units below) and Python "
          f"{cpu - llvm:.3f} s; its stages' wall-time shares: "
          + ", ".join(f"{k} {t[k] / sum(t[j] for j in python if j in t):.0%}" for k in python if k in t))
    print(f"LLVM per unit ({ir_text.count(chr(10))} lines of IR before splitting; ms):")
    print(f"  {'unit':32s} {'lines':>6s} {'parse':>7s} {'O3':>7s} {'codegen':>8s}")
    for name, lines, p, o, c in rows:
        print(f"  {name[:32]:32s} {lines:6d} {p * 1e3:7.1f} {o * 1e3:7.1f} {c * 1e3:8.1f}")
    tp, to, tc = (sum(r[k] for r in rows) for k in (2, 3, 4))
    print(f"  {'total':32s} {sum(r[1] for r in rows):6d} {tp * 1e3:7.1f} {to * 1e3:7.1f} {tc * 1e3:8.1f}"
          f"   (LLVM {llvm:.3f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
