"""Cold-compile benchmark (issue 13): how long a module takes to build from nothing.

Every measurement runs in a fresh process, as a new user's first build would:

* fastext, serial: `FASTEXT_JOBS=1`, pinned to one core (`taskset -c 0`); parallel:
  `FASTEXT_JOBS=2` on two cores; the one-module pipeline (`FASTEXT_UNITS=0`) for reference.
  The per-unit cache is off (`FASTEXT_UNIT_CACHE=0`) for all three.  "compile" is
  `compile_file` (source → object); "process" adds starting Python and importing the compiler.
* gcc: `gcc -O3 -march=native -ffp-contract=off -shared -fPIC` of the C versions
  (`../c_ext/fastbench_c.c` and `../c_ext/suite_c.c`, with their CPython wrappers), one file after
  the other (serial) or both at once (parallel).
* Numba: `numba.njit` of the same plain-Python functions, the first call of each entry with
  small arguments (compile + a tiny run), summed; `import numba` is listed apart.
* edit one function: the harness module built once with the per-unit cache on, then `add`'s
  body edited in place; the time of the rebuild in a fresh process (compile, and process).
* cached import: `import harness9` through the import hook from a warm cache, against `import`
  of the C extension built from fastbench_c.c; the import statement alone, in fresh processes.

Medians of `--repeat` runs (default 3; 15 for imports).  Writes RESULTS.md beside this file
(`--output` elsewhere).  Needs gcc, taskset (else unpinned), numba (else "n/a").
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
C_FILES = [HERE.parent / "c_ext" / "fastbench_c.c", HERE.parent / "c_ext" / "suite_c.c"]
MODULES = {"harness9": HERE / "harness9.fx", "suite20": HERE / "suite20.fx"}

COMPILE = textwrap.dedent("""
    import json, sys, time
    t0 = time.perf_counter()
    from fastext.compiler.driver import compile_file
    t1 = time.perf_counter()
    art = compile_file(sys.argv[1])
    t2 = time.perf_counter()
    from fastext.compiler import parallel
    if parallel._pool is not None:     # reap the workers, so their CPU time is the parent's to see
        parallel._pool.shutdown(wait=True)
    print(json.dumps({"import": t1 - t0, "compile": t2 - t1, "units": art.units, "stages": art.timings}))
""")

NUMBA = textwrap.dedent("""
    import json, sys, time, types
    import numpy as np
    t0 = time.perf_counter()
    import numba
    t1 = time.perf_counter()
    sys.path.insert(0, sys.argv[2])
    # the .fx source run by CPython as a real module, as benchmarks/run_suite.py does
    mod = types.ModuleType("plain_" + sys.argv[3])
    sys.modules[mod.__name__] = mod
    exec(compile(open(sys.argv[1]).read(), sys.argv[1], "exec"), mod.__dict__)
    x = np.linspace(0.0, 1.0, 16); y = np.ones(16)
    args = {
        "add": (1, 2), "noop": (), "sum1": (x,), "sum_seq": (x,), "sum_fastmath": (x,), "dot": (x, y),
        "axpy": (2.0, x, y.copy()), "mandelbrot": (np.zeros((4, 4), np.int32), -2.0, 1.0, -1.0, 1.0, 8),
        "mandelbrot_prange": (np.zeros((4, 4), np.int32), -2.0, 1.0, -1.0, 1.0, 8),
        "nbody": (np.random.rand(5, 3), np.zeros((5, 3)), np.ones(5), 2, 0.01),
        "spectral_norm": (np.empty(8), np.empty(8), np.empty(8)), "fib": (10,),
        "stencil": (np.ones((6, 6)), np.ones((6, 6)), 1), "stencil_prange": (np.ones((6, 6)), np.ones((6, 6)), 1),
        "histogram": (x, 0.0, 1.0, np.zeros(4, np.int64)), "count_byte": (np.arange(16, dtype=np.uint8), 3),
        "prange_tiny": (np.zeros(2, np.int64),),
    }
    failed = []
    t2 = time.perf_counter()
    # every function jitted (lazily) first, so calls between them resolve to compiled code
    fns = {n: f for n, f in vars(mod).items() if isinstance(f, types.FunctionType) and f.__module__ == mod.__name__}
    for n, f in fns.items():
        setattr(mod, n, numba.njit(f))
    for name, a in args.items():
        fn = getattr(mod, name, None)
        if fn is None:
            continue
        try:
            fn(*a)
        except Exception as e:
            failed.append(f"{name}: {type(e).__name__}")
    t3 = time.perf_counter()
    print(json.dumps({"import": t1 - t0, "first_calls": t3 - t2, "failed": failed}))
""")

IMPORT = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, sys.argv[1])
    {pre}
    t0 = time.perf_counter()
    import {name}
    t1 = time.perf_counter()
    print(t1 - t0)
""")


def run(cmd, env=None, pin: str | None = None) -> subprocess.CompletedProcess:
    if pin and shutil.which("taskset"):
        cmd = ["taskset", "-c", pin, *cmd]
    # as a user's Python runs: with PYTHONDONTWRITEBYTECODE set (some sandboxes and CI images
    # set it) a stale .pyc of fastext's own modules is recompiled in every process, which
    # once made the cached import look 4 ms slower than it is
    environ = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return subprocess.run(cmd, capture_output=True, text=True, env={**environ, **(env or {})}, check=True)


def fastext_compile(path: Path, jobs: int, units: bool, repeat: int, cache_dir: str | None = None) -> dict:
    env = {"PYTHONPATH": str(REPO), "FASTEXT_JOBS": str(jobs), "FASTEXT_UNITS": "1" if units else "0",
           "FASTEXT_UNIT_CACHE": "0" if cache_dir is None else "1"}
    if cache_dir:
        env["FASTEXT_CACHE_DIR"] = cache_dir
    samples = []
    for _ in range(repeat):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        out = run([sys.executable, "-c", COMPILE, str(path)], env, pin="0" if jobs == 1 else None)
        wall = time.perf_counter() - t0
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        res = json.loads(out.stdout.strip().splitlines()[-1])
        res["process"] = wall
        # CPU seconds of the process and its (reaped) worker processes
        res["cpu"] = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
        samples.append(res)
    return {"compile": statistics.median(s["compile"] for s in samples),
            "process": statistics.median(s["process"] for s in samples),
            "cpu": statistics.median(s["cpu"] for s in samples),
            "units": samples[-1]["units"], "stages": samples[-1]["stages"]}


def gcc_compile(repeat: int, parallel: bool) -> tuple[float, float] | None:
    """(wall, CPU) seconds of building the C versions."""
    if shutil.which("gcc") is None:
        return None
    inc = sysconfig.get_paths()["include"]
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        cmds = [["gcc", "-O3", "-march=native", "-ffp-contract=off", "-shared", "-fPIC", f"-I{inc}", str(c),
                 "-o", os.path.join(tmp, c.stem + ".so")] for c in C_FILES]
        for _ in range(repeat):
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            if parallel:
                procs = [subprocess.Popen(c) for c in cmds]
                assert all(p.wait() == 0 for p in procs)
            else:
                for c in cmds:
                    run(c, pin="0")
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            times.append((time.perf_counter() - t0, r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime))
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


def numba_first_calls(path: Path, repeat: int) -> dict | None:
    try:
        import numba  # noqa: F401
    except ImportError:
        return None
    samples = []
    for _ in range(repeat):
        out = run([sys.executable, "-c", NUMBA, str(path), str(REPO), path.stem], {"PYTHONPATH": str(REPO)}, pin="0")
        samples.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {"import": statistics.median(s["import"] for s in samples),
            "first_calls": statistics.median(s["first_calls"] for s in samples), "failed": samples[-1]["failed"]}


def edit_one_function(repeat: int) -> dict:
    samples = []
    for k in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            src = (HERE / "harness9.fx").read_text()
            path = Path(tmp) / "harness9.fx"
            path.write_text(src)
            cache = os.path.join(tmp, "cache")
            fastext_compile(path, 2, True, 1, cache)
            path.write_text(src.replace("    return a + b\n", f"    return a + b + {k + 1}\n"))
            samples.append(fastext_compile(path, 1, True, 1, cache))
    return {"compile": statistics.median(s["compile"] for s in samples),
            "process": statistics.median(s["process"] for s in samples), "units": samples[-1]["units"]}


def cached_import(repeat: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(HERE / "harness9.fx", tmp)
        inc = sysconfig.get_paths()["include"]
        so = os.path.join(tmp, "fastbench_c" + sysconfig.get_config_var("EXT_SUFFIX"))
        run(["gcc", "-O3", "-march=native", "-shared", "-fPIC", f"-I{inc}", str(C_FILES[0]), "-o", so])
        env = {"PYTHONPATH": str(REPO), "FASTEXT_CACHE_DIR": os.path.join(tmp, "cache")}
        hook = "import fastext; fastext.install()"
        # a further .fx import: the modules a cache hit needs are loaded already
        warm = hook + "; import fastext.config, fastext.importer.cache"
        run([sys.executable, "-c", IMPORT.format(pre=hook, name="harness9"), tmp], env)      # build once
        out = {}
        for label, name, pre in (("fastext, first `.fx` import of the process", "harness9", hook),
                                 ("fastext, a further `.fx` import", "harness9", warm),
                                 ("C extension (fastbench_c)", "fastbench_c", hook)):
            times = [float(run([sys.executable, "-c", IMPORT.format(pre=pre, name=name), tmp], env, pin="0").stdout)
                     for _ in range(repeat)]
            out[label] = statistics.median(times)
        return out


def ms(t: float | None) -> str:
    return "n/a" if t is None else f"{t * 1000:.0f} ms" if t >= 0.01 else f"{t * 1000:.2f} ms"


def cpu_pair(t: tuple[float, float] | None) -> str:
    return "n/a" if t is None else f"{ms(t[0])} ({ms(t[1])} CPU)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--output", default=str(HERE / "RESULTS.md"))
    args = ap.parse_args()
    load0 = os.getloadavg()[0]
    started = time.perf_counter()
    rows, raw = [], {}
    gcc_serial, gcc_par = gcc_compile(args.repeat, False), gcc_compile(args.repeat, True)
    for name, path in MODULES.items():
        ser = fastext_compile(path, 1, True, args.repeat)
        par = fastext_compile(path, 2, True, args.repeat)
        one = fastext_compile(path, 1, False, args.repeat)
        nb = numba_first_calls(path, args.repeat)
        raw[name] = {"serial": ser, "parallel": par, "one_module": one, "numba": nb}
        nfn = sum(1 for line in path.read_text().splitlines() if line.startswith("def "))
        rows.append(f"| {name}.fx ({nfn} functions, {ser['units'][0]} units) | {ms(ser['compile'])} / {ms(ser['process'])} "
                    f"({ms(ser['cpu'])} CPU) "
                    f"| {ms(par['compile'])} / {ms(par['process'])} ({ms(par['cpu'])} CPU) | {ms(one['compile'])} / {ms(one['process'])} ({ms(one['cpu'])} CPU) "
                    f"| {cpu_pair(gcc_serial)} | {cpu_pair(gcc_par)} "
                    f"| {'n/a' if nb is None else ms(nb['first_calls'])} (+{'n/a' if nb is None else ms(nb['import'])} import)"
                    f"{'' if not nb or not nb['failed'] else ' failed: ' + ', '.join(nb['failed'])} |")
    edit = edit_one_function(args.repeat)
    imp = cached_import(max(args.repeat * 5, 15))
    raw["edit"], raw["import"] = edit, imp
    load1 = os.getloadavg()[0]
    import llvmlite
    lines = [
        "# Cold compile (issue 13)",
        "",
        f"Machine: {os.cpu_count()} logical CPUs, Python {sys.version.split()[0]}, llvmlite {llvmlite.__version__}; "
        f"1-min load average {load0:.2f} at start, {load1:.2f} at end; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. "
        f"Generated by `python benchmarks/compile/run.py` in {time.perf_counter() - started:.0f} s "
        + ("**The load average says other work shared the CPUs: compare the CPU columns, not the wall times.** "
           if max(load0, os.getloadavg()[0]) > 1.5 else "") +
        f"(medians of {args.repeat}; each build in a fresh process; see the script's docstring for what each column runs).",
        "",
        "## Cold compile, compile / whole process",
        "",
        "`compile` is `compile_file` (source → one object), `process` adds starting Python and importing the "
        "compiler; CPU is the whole process's CPU time (the honest figure on a loaded machine).",
        "",
        "| module | fastext, 1 core (`FASTEXT_JOBS=1`) | fastext, 2 processes | fastext, one LLVM module (`FASTEXT_UNITS=0`) "
        "| gcc -O3, C versions, 1 core | gcc -O3, both files at once | Numba, first calls |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
        "The C column compiles `c_ext/fastbench_c.c` and `c_ext/suite_c.c` (14 kernels and their CPython "
        "wrappers) for both rows: C versions of exactly these modules are not kept.",
        "",
        "## Editing one function",
        "",
        "| what | compile / whole process | units compiled / from the cache |",
        "|---|---:|---:|",
        f"| harness9.fx, `add` edited in place, 1 core | {ms(edit['compile'])} / {ms(edit['process'])} "
        f"| {edit['units'][0]} / {edit['units'][1]} |",
        "",
        "## Cached import (the import statement, fresh process)",
        "",
        "| module | import |",
        "|---|---:|",
        *(f"| {k} | {ms(v)} |" for k, v in imp.items()),
        "",
        "Stage timings of the last serial build (seconds; `optimize`/`codegen` are CPU seconds summed over units, "
        "`units` the wall time of that part):",
        "",
        "```",
        *(f"{name}: {json.dumps({k: round(v, 3) for k, v in raw[name]['serial']['stages'].items()})}" for name in MODULES),
        "```",
    ]
    Path(args.output).write_text("\n".join(lines) + "\n")
    (HERE / "_build").mkdir(exist_ok=True)
    (HERE / "_build" / "results.json").write_text(json.dumps(raw, indent=1))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
