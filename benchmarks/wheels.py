"""Wheel figures for issue 4: build time and size of examples/wheelpkg, and the import
time of its installed compiled module against the hand-written C extension.

    python benchmarks/wheels.py          # writes benchmarks/WHEELS.md

Each import is timed in a fresh interpreter of a venv that has neither fastext nor
llvmlite (medians over fresh processes, bytecode cached as in a real install).
"""
from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLE = ROOT / "examples" / "wheelpkg"
OUT = HERE / "WHEELS.md"
IMPORT_RUNS = 21

TIMED_IMPORT = ("import sys, time\n"
                "t = time.perf_counter()\n"
                "import {module}\n"
                "print(time.perf_counter() - t)\n")


def run(cmd, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, check=True, **kw)


def build_wheel(outdir: Path) -> tuple[Path, float]:
    t0 = time.perf_counter()
    run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "-q", "-w", str(outdir),
         str(EXAMPLE)], cwd=str(outdir))
    elapsed = time.perf_counter() - t0
    (wheel,) = outdir.glob("*.whl")
    return wheel, elapsed


def fresh_venv(where: Path, *packages: str) -> str:
    run([sys.executable, "-m", "venv", "--without-pip", str(where)])
    python = str(where / "bin" / "python")
    run([sys.executable, "-m", "pip", "--python", python, "install", "-q", *packages])
    return python


def c_extension(build: Path) -> Path:
    """The benchmarks' hand-written C extension, built on the spot (as run.py does)."""
    sys.path.insert(0, str(HERE))
    from fxbench import impls
    build_dir, msg = impls.build_c_extension()
    if build_dir is None:
        raise SystemExit(f"cannot build the C extension: {msg}")
    return Path(build_dir)


def import_times(python: str, module: str, env: dict, cwd: str) -> list[float]:
    code = TIMED_IMPORT.format(module=module)
    run([python, "-c", code], env=env, cwd=cwd)        # warm: writes .pyc files
    return [float(run([python, "-c", code], env=env, cwd=cwd).stdout) for _ in range(IMPORT_RUNS)]


VARIANT_TIMING = (
    "import time, statistics, numpy as np, wheelpkg.vecmath as v\n"
    "x, y = np.random.default_rng(0).random(20000), np.ones(20000)\n"
    "ts = []\n"
    "for _ in range(300):\n"
    "    t = time.perf_counter(); v.axpy(1.0001, x, y); ts.append(time.perf_counter() - t)\n"
    "print(v.__fastext_variant__, statistics.median(ts))\n")


def variant_rows(tmp: Path, env: dict) -> list[str]:
    """axpy (20k float64, in cache) under each CPU variant of one wheel, forced by FASTEXT_VARIANT."""
    out = tmp / "variants"
    out.mkdir()
    venv_env = dict(os.environ, FASTEXT_BUILD_VARIANTS="x86-64-v2,x86-64-v3,x86-64-v4")
    run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "-q", "-w", str(out),
         str(EXAMPLE)], cwd=str(out), env=venv_env)
    (wheel,) = out.glob("*.whl")
    python = fresh_venv(tmp / "venv-variants", str(wheel), "numpy")
    best = run([python, "-c", "import wheelpkg.vecmath as v; print(v.__fastext_variant__)"],
               env=env, cwd=str(tmp)).stdout.strip()
    rows, base = [], None
    for variant in ("x86_64_v2", "x86_64_v3", "x86_64_v4"):
        proc = subprocess.run([python, "-c", VARIANT_TIMING], capture_output=True, text=True,
                              env=dict(env, FASTEXT_VARIANT=variant), cwd=str(tmp))
        if proc.returncode != 0:      # the CPU cannot run this level
            rows.append(f"| `axpy`, 20k float64, variant {variant} | not supported by this CPU |")
            continue
        seconds = float(proc.stdout.split()[1])
        base = base or seconds
        rows.append(f"| `axpy`, 20k float64, variant {variant}{' (chosen at import here)' if variant == best else ''} "
                    f"| {seconds * 1e6:.2f} µs ({base / seconds:.2f}× v2) |")
    return rows


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="fastext-wheels-") as tmp:
        tmp = Path(tmp)
        wheel, build_s = build_wheel(tmp)
        size = wheel.stat().st_size
        python = fresh_venv(tmp / "venv", str(wheel))
        c_dir = c_extension(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "FASTEXT"))}
        probe = run([python, "-c", "import importlib.util as u, wheelpkg.vecmath as v; "
                     "print(u.find_spec('fastext') is None and u.find_spec('llvmlite') is None, v.__file__)"],
                    env=env, cwd=str(tmp))
        clean, where = probe.stdout.split()
        assert clean == "True" and where.endswith(".abi3.so"), probe.stdout
        # the extension module alone, imported as a top-level module like the C extension is
        fx_env = dict(env, PYTHONPATH=os.path.dirname(where))
        fx = import_times(python, "vecmath", fx_env, str(tmp))
        c_env = dict(env, PYTHONPATH=str(c_dir))
        cx = import_times(python, "fastbench_c", c_env, str(tmp))
        variants = variant_rows(tmp, env)
    fx_ms, c_ms = statistics.median(fx) * 1e3, statistics.median(cx) * 1e3
    lines = [
        "# Wheels: build time, size, import time",
        "",
        f"Generated by `python benchmarks/wheels.py` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
        f"{platform.processor() or platform.machine()}, CPython {platform.python_version()}.",
        "",
        "| measurement | value |",
        "|---|---:|",
        f"| `pip wheel examples/wheelpkg` (2 `.fx` modules, `cp311-abi3`, x86-64-v2) | {build_s:.2f} s |",
        f"| wheel size (`{wheel.name}`) | {size / 1024:.1f} KiB |",
        f"| import of the installed compiled `vecmath.abi3.so` from the wheel (no fastext, no llvmlite), "
        f"median of {IMPORT_RUNS} fresh interpreters | {fx_ms:.3f} ms |",
        f"| import of the hand-written C extension `fastbench_c`, same venv | {c_ms:.3f} ms |",
        f"| difference | {fx_ms - c_ms:+.3f} ms |",
        *variants,
        "",
        "Both extension modules are imported the same way: as top-level modules from their folder.",
        "The variant rows come from one wheel built with `variants = [\"x86-64-v2\", \"x86-64-v3\", \"x86-64-v4\"]`;",
        "its dispatcher picks the best level the CPU runs, `FASTEXT_VARIANT` forces one for the comparison.",
    ]
    OUT.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    (HERE / "_build").mkdir(exist_ok=True)
    (HERE / "_build" / "wheels.json").write_text(json.dumps({"build_s": build_s, "size": size, "fx_s": fx, "c_s": cx}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
