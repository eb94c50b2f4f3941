"""The implementations under test, and the correctness check that runs before any timing.

    python   – benchmarks/kernels.fx executed as plain Python (the oracle)
    numpy    – np.sum / np.dot (no `add`)
    numba    – numba.njit applied to the very functions of the plain-Python run
    c        – c_ext/fastbench_c.c, built here with gcc -O3 -march=native
    fastext  – `import kernels` through fastext's import hook (compiled kernels.fx)

A missing implementation (no numba, no gcc, fastext not ready) is recorded with the
reason and shown as "n/a"; it never stops the run.
"""
from __future__ import annotations

import array
import importlib
import importlib.util
import math
import os
import shutil
import subprocess
import sys
import sysconfig
import types
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent.parent          # benchmarks/
ROOT = HERE.parent                                       # repository root
BUILD = HERE / "_build"
KERNELS_FX = HERE / "kernels.fx"
C_SOURCE = HERE / "c_ext" / "fastbench_c.c"
C_MODULE = "fastbench_c"
KERNELS = ("add", "sum1", "dot")
IMPLS = ("python", "numpy", "numba", "c", "fastext")


@dataclass
class Impl:
    name: str
    funcs: dict = field(default_factory=dict)   # kernel name -> callable (absent: not applicable)
    error: str | None = None                    # why the whole implementation is unavailable
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None


# ----------------------------------------------------------------------------- building

def c_build_command(output: Path) -> list[str]:
    include = sysconfig.get_paths()["include"]
    return ["gcc", "-O3", "-march=native", "-ffp-contract=off", "-shared", "-fPIC", f"-I{include}",
            str(C_SOURCE), "-o", str(output)]


def build_c_extension() -> tuple[Path | None, str]:
    """Compile fastbench_c into benchmarks/_build/; returns (folder, command or error)."""
    BUILD.mkdir(exist_ok=True)
    output = BUILD / (C_MODULE + sysconfig.get_config_var("EXT_SUFFIX"))
    output.unlink(missing_ok=True)          # never time a stale build
    if shutil.which("gcc") is None:
        return None, "gcc not found"
    tmp = output.with_suffix(f".{os.getpid()}.tmp")
    cmd = c_build_command(tmp)
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        return None, f"gcc failed: {proc.stderr.strip()[:2000]}"
    os.replace(tmp, output)
    return BUILD, " ".join(cmd[:6] + ["-I<python include>", C_SOURCE.name])


# ----------------------------------------------------------------------------- fastext

_fastext_error: str | None = None
_fastext_checked = False


def ensure_fastext_importable() -> str | None:
    """Import fastext (from the environment, else from this checkout); None or the error."""
    global _fastext_error, _fastext_checked
    if _fastext_checked:
        return _fastext_error
    _fastext_checked = True
    os.environ.pop("FASTEXT_DISABLE", None)       # a benchmark of the compiled path only
    try:
        if importlib.util.find_spec("fastext") is None:
            sys.path.insert(1, str(ROOT))
            os.environ["PYTHONPATH"] = os.pathsep.join(
                p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
        import fastext  # noqa: F401  (installs the import hook)
    except Exception as exc:  # noqa: BLE001  (fastext is under construction; record why)
        _fastext_error = f"import fastext failed: {type(exc).__name__}: {exc}"
    return _fastext_error


def _dialect_module() -> types.ModuleType:
    """fastext's run-time dialect names (f64, i64, ...) even when `import fastext` fails."""
    if "fastext" in sys.modules:
        return sys.modules["fastext"]
    spec = importlib.util.spec_from_file_location("_fxbench_dialect", ROOT / "fastext" / "dialect.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def exec_plain_python(source: str, filename: str, name: str) -> dict:
    """Run .fx source as plain Python (what FASTEXT_DISABLE=1 does) and return its namespace."""
    namespace = {"__name__": name, "__file__": filename}
    code = compile(source, filename, "exec")
    if ensure_fastext_importable() is None:
        exec(code, namespace)
        return namespace
    # fastext itself does not import yet: lend the .fx file the dialect module alone.
    saved = sys.modules.get("fastext")
    sys.modules["fastext"] = _dialect_module()
    try:
        exec(code, namespace)
    finally:
        if saved is None:
            sys.modules.pop("fastext", None)
        else:
            sys.modules["fastext"] = saved
    return namespace


def is_compiled(fn) -> bool:
    return isinstance(fn, types.BuiltinFunctionType)


def load_fastext() -> Impl:
    err = ensure_fastext_importable()
    if err:
        return Impl("fastext", error=err)
    added = str(HERE) not in sys.path
    if added:
        sys.path.insert(0, str(HERE))
    try:
        mod = importlib.import_module("kernels")
    except Exception as exc:  # noqa: BLE001
        return Impl("fastext", error=f"import kernels failed: {type(exc).__name__}: {str(exc)[:1500]}")
    finally:
        if added:
            sys.path.remove(str(HERE))
    funcs = {k: getattr(mod, k, None) for k in KERNELS}
    missing = [k for k, f in funcs.items() if f is None]
    if missing:
        return Impl("fastext", error=f"kernels module lacks {missing}")
    if not all(is_compiled(f) for f in funcs.values()):
        return Impl("fastext", error=f"kernels imported but not compiled (plain Python functions; "
                                     f"module file {getattr(mod, '__file__', '?')})")
    loader = type(getattr(mod, "__loader__", None)).__name__
    origin = str(getattr(mod, "__file__", "?"))
    if origin.startswith(str(ROOT) + os.sep):
        origin = os.path.relpath(origin, ROOT)
    return Impl("fastext", funcs, note=f"`kernels` loaded by {loader} from {origin}")


# ----------------------------------------------------------------------------- the others

def load_python() -> Impl:
    ns = exec_plain_python(KERNELS_FX.read_text(), str(KERNELS_FX), "kernels_plain")
    return Impl("python", {k: ns[k] for k in KERNELS})


def load_numpy() -> Impl:
    return Impl("numpy", {"sum1": np.sum, "dot": np.dot})


def load_numba() -> Impl:
    try:
        import numba
    except Exception as exc:  # noqa: BLE001
        return Impl("numba", error=f"numba not importable: {type(exc).__name__}: {exc}")
    # A separate plain-Python run, so the oracle functions stay untouched.
    ns = exec_plain_python(KERNELS_FX.read_text(), str(KERNELS_FX), "kernels_numba")
    return Impl("numba", {k: numba.njit(ns[k]) for k in KERNELS}, note=f"numba {numba.__version__}")


def import_built(build_dir: Path, module_name: str):
    """(module, None) for an extension module just built into `build_dir`, or (None, why not)."""
    sys.path.insert(0, str(build_dir))
    try:
        return importlib.import_module(module_name), None
    except Exception as exc:  # noqa: BLE001
        return None, f"import {module_name} failed: {exc}"
    finally:
        sys.path.remove(str(build_dir))


def load_c(build_dir: Path | None, build_msg: str) -> Impl:
    if build_dir is None:
        return Impl("c", error=build_msg)
    mod, error = import_built(build_dir, C_MODULE)
    if mod is None:
        return Impl("c", error=error)
    return Impl("c", {k: getattr(mod, k) for k in KERNELS}, note=build_msg)


def load_all(build_dir: Path | None, build_msg: str) -> dict[str, Impl]:
    return {
        "python": load_python(),
        "numpy": load_numpy(),
        "numba": load_numba(),
        "c": load_c(build_dir, build_msg),
        "fastext": load_fastext(),
    }


# ----------------------------------------------------------------------------- inputs

def big_arrays(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Two float64 vectors of length n in [0.5, 1.5): sums are well conditioned."""
    rng = np.random.default_rng(12345)
    return rng.random(n) + 0.5, rng.random(n) + 0.5


@dataclass
class Case:
    kernel: str
    label: str
    args: tuple
    numpy_only_ok: bool = True      # input is a NumPy array (Numba takes only those here)
    numpy_semantics: bool = True    # np.sum/np.dot define the same result for it


def correctness_cases() -> list[Case]:
    rng = np.random.default_rng(7)
    v = rng.standard_normal(1000)
    w = rng.standard_normal(1000)
    cases = [
        Case("add", "small", (1, 2)),
        Case("add", "negative", (-5, 3)),
        Case("add", "large", (2**62, -(2**62) + 17)),
        Case("add", "extremes", (-(2**63), 2**63 - 1)),
        Case("add", "bool and zero", (True, 0)),
    ]
    for label, x in [("n=0", np.empty(0)), ("n=1", np.array([2.5])), ("n=1000", v),
                     ("stride 3", v[::3]), ("negative stride", v[::-1])]:
        cases.append(Case("sum1", label, (x,)))
    cases.append(Case("sum1", "array.array", (array.array("d", v[:50]),), numpy_only_ok=False))
    cases.append(Case("sum1", "memoryview", (memoryview(v[:50]),), numpy_only_ok=False))
    for label, x, y in [("n=0", np.empty(0), np.empty(0)), ("n=1", np.array([1.5]), np.array([-2.0])),
                        ("n=1000", v, w), ("strides 2 and 1", v[::2], w[:500]),
                        ("negative strides", v[::-1], w[::-1])]:
        cases.append(Case("dot", label, (x, y)))
    cases.append(Case("dot", "y longer than x", (v[:10], w), numpy_semantics=False))
    cases.append(Case("dot", "array.array", (array.array("d", v[:50]), array.array("d", w[:50])),
                      numpy_only_ok=False))
    return cases


def tolerance(kernel: str, args: tuple) -> float:
    """Worst-case rounding difference between two summation orders: n * eps * sum(|terms|)."""
    if kernel == "add":
        return 0.0
    if kernel == "sum1":
        terms = np.abs(np.asarray(args[0]))
    else:
        x, y = (np.asarray(a) for a in args)
        terms = np.abs(x * y[: len(x)])
    return max(len(terms), 1) * 2.3e-16 * float(terms.sum())


def compare(kernel: str, expected, got, tol: float) -> str:
    """'exact', 'close' (a rounding-level difference, within tol) or a mismatch description."""
    if kernel == "add":
        if type(got) is int and got == expected:      # noqa: E721 (bool is not an i64 result)
            return "exact"
        return f"expected {expected!r} ({type(expected).__name__}), got {got!r} ({type(got).__name__})"
    if not isinstance(got, float):
        return f"expected a float, got {type(got).__name__}"
    if got == expected or (math.isnan(got) and math.isnan(expected)):
        return "exact"
    if abs(got - expected) <= tol:
        return "close"
    return f"expected {float(expected)!r}, got {float(got)!r}"


@dataclass
class CheckResult:
    impl: str
    kernel: str
    label: str
    outcome: str          # exact | close | skipped | error text

    @property
    def failed(self) -> bool:
        return self.outcome not in ("exact", "close", "skipped")


def check_correctness(impls: dict[str, Impl], cases: list[Case]) -> list[CheckResult]:
    """Run every implementation on every case; compare with the plain-Python result."""
    oracle = impls["python"].funcs
    results = []
    for case in cases:
        expected = oracle[case.kernel](*case.args)
        tol = tolerance(case.kernel, case.args)
        for name, impl in impls.items():
            if name == "python" or not impl.ok or case.kernel not in impl.funcs:
                continue
            if (name == "numba" and not case.numpy_only_ok) or (name == "numpy" and not case.numpy_semantics):
                results.append(CheckResult(name, case.kernel, case.label, "skipped"))
                continue
            try:
                got = impl.funcs[case.kernel](*case.args)
            except Exception as exc:  # noqa: BLE001
                outcome = f"raised {type(exc).__name__}: {exc}"
            else:
                if name == "numpy":
                    got = float(got)
                outcome = compare(case.kernel, expected, got, tol)
            results.append(CheckResult(name, case.kernel, case.label, outcome))
    return results
