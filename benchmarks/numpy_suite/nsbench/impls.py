"""The four implementations of every kernel, loaded from the one kernels.fx.

    numpy    kernels.fx executed by CPython (NumPy does the work): the baseline and the oracle
    fastext  the kernels fastext compiles, as one module, compiled cold in a fresh interpreter
    numba    numba.njit applied to the functions of another plain-Python run of the file
    pythran  a generated copy with `#pythran export` lines, built by the `pythran` command

Each loader returns an `Impl`: the callables it has, and for every kernel it could not
compile the first line of the error.  Nothing here raises for a kernel that does not
compile; an implementation that is missing altogether (no numba, no pythran, no g++) gets
`error` set and its columns say n/a.
"""
from __future__ import annotations

import ast
import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
import types
from dataclasses import dataclass, field
from pathlib import Path

from . import source
from .prune import first_line, prune

ROOT = Path(__file__).resolve().parents[3]          # the repository
sys.path.insert(0, str(ROOT / "benchmarks"))
from fxbench import impls as fximpls  # noqa: E402  (the import hook / dialect helpers)

FX_MODULE = "ns_fastext"
PYTHRAN_FLAGS = ["-O3", "-march=native", "-DUSE_XSIMD"]


@dataclass
class Impl:
    """One implementation: what it compiled, what it did not (and why), and its compile times."""

    name: str
    funcs: dict = field(default_factory=dict)       # kernel -> callable
    failed: dict = field(default_factory=dict)      # kernel -> first line of its compile error
    error: str | None = None                        # the whole implementation is unavailable
    note: str = ""
    compile_s: float | None = None                  # fastext cold compile / Pythran build, whole module
    import_s: float | None = None                   # Numba: `import numba`
    init_s: float | None = None                     # Numba: first compile of a trivial function


# ----------------------------------------------------------------------------- NumPy (plain Python)

def plain_module(kf: source.KernelFile, name: str) -> types.ModuleType:
    """kernels.fx run by CPython as a real module (Numba resolves helper calls through it)."""
    fximpls.ensure_fastext_importable()     # the dialect names (f64, ...) the file imports
    mod = types.ModuleType(name)
    mod.__file__ = str(kf.path)
    sys.modules[name] = mod
    exec(compile(kf.text, str(kf.path), "exec"), mod.__dict__)
    return mod


def load_numpy(kf: source.KernelFile, kernels: list[str]) -> Impl:
    """The kernels as CPython runs them: every array operation is a NumPy call."""
    mod = plain_module(kf, "numpy_suite_plain")
    return Impl("numpy", {k: getattr(mod, k) for k in kernels}, note=f"numpy {_numpy_version()}")


def _numpy_version() -> str:
    import numpy
    return numpy.__version__


# ----------------------------------------------------------------------------- Numba

def load_numba(kf: source.KernelFile, kernels: list[str]) -> Impl:
    """njit every function of a second plain-Python run; compilation happens at the first call
    (the correctness check), so a kernel Numba rejects shows up there."""
    os.environ.setdefault("NUMBA_DISABLE_ERROR_MESSAGE_HIGHLIGHTING", "1")   # no ANSI colours in reports
    t0 = time.perf_counter()
    try:
        import numba
    except Exception as exc:  # noqa: BLE001
        return Impl("numba", error=f"numba not importable: {type(exc).__name__}: {exc}")
    import_s = time.perf_counter() - t0
    # Numba's first compile in a process also initialises Numba itself (seconds): pay it on a
    # trivial function, so that each kernel's first call measures that kernel's compile
    t0 = time.perf_counter()
    numba.njit(lambda v: v + 1)(1)
    init_s = time.perf_counter() - t0
    mod = plain_module(kf, "numpy_suite_numba")
    for name in kf.functions:
        setattr(mod, name, numba.njit(getattr(mod, name)))
    return Impl("numba", {k: getattr(mod, k) for k in kernels}, note=f"numba {numba.__version__}",
                import_s=import_s, init_s=init_s)


_NUMBA_NOISE = ("Failed in nopython mode pipeline", "Failed in object mode pipeline", "During:", "File \"",
                "- Resolution failure", "No implementation of function", "There are ", "<source missing")


def numba_reason(exc: BaseException) -> str:
    """One line for a Numba typing error: the call it could not type (`>>> npy_max(array(...),
    axis=...)`), why (the candidate's specific error) and the line of kernels.fx."""
    lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip()]
    signature = next((ln[3:].strip() for ln in lines if ln.startswith(">>>")), None)
    detail = next((lines[i + 1] for i, ln in enumerate(lines[:-1]) if ln.endswith("specific error:")), None)
    if detail is None:
        detail = next((ln for ln in lines if not ln.startswith(_NUMBA_NOISE)), lines[0] if lines else "")
    where = next((m.group(1) for m in (re.search(r'File ".*kernels\.fx", line (\d+)', ln) for ln in lines) if m), None)
    detail = re.sub(r"^TypingError: ", "", detail)
    text = f"{signature}: {detail}" if signature else detail
    return f"{type(exc).__name__}: {text[:300]}" + (f" (line {where})" if where else "")


# ----------------------------------------------------------------------------- fastext

# Runs in a fresh interpreter: the cold compile a user waits for at the first `import`
# (the time includes loading fastext's compiler and llvmlite); prints one JSON line.
_COLD_IMPORT = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
t0 = time.perf_counter()
try:
    import fastext
    import ns_fastext as m
except ImportError as exc:                    # fastext's CompileError is an ImportError
    diags = [{"line": d.span.line, "file": d.span.file, "message": d.message}
             for d in getattr(exc, "diagnostics", [])]
    print(json.dumps({"ok": False, "diagnostics": diags, "error": str(exc)}))
else:
    seconds = time.perf_counter() - t0
    compiled = all(type(getattr(m, k)).__name__ == "builtin_function_or_method" for k in sys.argv[2:])
    print(json.dumps({"ok": True, "seconds": seconds, "compiled": compiled}))
"""


def load_fastext(kf: source.KernelFile, kernels: list[str], build: Path, log) -> Impl:
    """Compile the kernels fastext accepts as one module `ns_fastext` (kernels.fx with the
    others blanked: same line numbers), cold, in a fresh interpreter; then import it here from
    the cache that compile filled."""
    err = fximpls.ensure_fastext_importable()
    if err:
        return Impl("fastext", error=err)
    fx_dir = build / "fx"
    fx_dir.mkdir(parents=True, exist_ok=True)
    cache = Path(os.environ["FASTEXT_CACHE_DIR"])
    fx_file = fx_dir / f"{FX_MODULE}.fx"

    def compile_cold(keep: list[str]):
        fx_file.write_text(kf.subset_text(keep))
        shutil.rmtree(cache, ignore_errors=True)     # nothing cached anywhere: a cold compile
        env = dict(os.environ)
        env.pop("FASTEXT_DISABLE", None)
        proc = subprocess.run([sys.executable, "-c", _COLD_IMPORT, str(fx_dir), *keep],
                              capture_output=True, text=True, cwd=fx_dir, env=env)
        try:
            out = json.loads(proc.stdout.strip().splitlines()[-1])
        except (IndexError, ValueError):
            return False, {"diagnostics": [], "error": f"compiler process failed (exit {proc.returncode}): "
                                                       f"{first_line(proc.stderr[-2000:])}"}
        if out["ok"] and not out["compiled"]:
            return False, {"diagnostics": [], "error": "imported but not compiled (FASTEXT_DISABLE?)"}
        return (True, out) if out["ok"] else (False, out)

    def blame(out, keep):
        blamed = {}
        for d in out["diagnostics"]:
            fn = kf.function_at(d["line"]) if Path(d["file"]).name == fx_file.name else None
            if fn is None:
                continue
            where = "" if fn in kf.kernels else f" (in helper {fn})"
            for k in kf.users(fn):       # every error of the kernel: STATUS.md lists them all
                msg = f"line {d['line']}: {d['message']}{where}"
                blamed[k] = f"{blamed[k]}; {msg}" if k in blamed else msg
        return blamed

    log(f"  fastext: compiling {len(kernels)} kernels cold ...")
    out, ok_kernels, failed = prune(kernels, compile_cold, blame, lambda out: first_line(out["error"]), log)
    if out is None:
        return Impl("fastext", failed=failed, note="no kernel compiles")
    sys.path.insert(0, str(fx_dir))
    try:
        mod = importlib.import_module(FX_MODULE)
    except Exception as exc:  # noqa: BLE001
        return Impl("fastext", error=f"import {FX_MODULE} failed: {first_line(exc)}")
    finally:
        sys.path.remove(str(fx_dir))
    funcs = {k: getattr(mod, k) for k in ok_kernels}
    return Impl("fastext", funcs, failed, compile_s=out["seconds"],
                note="default options (O3, host CPU, bounds checks on)")


# ----------------------------------------------------------------------------- Pythran

def pythran_version() -> str | None:
    """The installed Pythran's version, or None when it cannot be imported."""
    try:
        import pythran
        return pythran.__version__
    except Exception:  # noqa: BLE001
        return None


def pythran_blas() -> list[str]:
    """Pythran's `np.dot` needs a CBLAS: scipy-openblas64 (PyPI) when installed, else Pythran's
    default (a system libblas with cblas.h)."""
    if importlib.util.find_spec("scipy_openblas64") is not None:
        return ["--config", "compiler.blas=scipy-openblas"]
    return []


def _uses_blas(kf: source.KernelFile, kernel: str) -> bool:
    """Whether the kernel (or a helper it calls) multiplies matrices: np.dot, np.matmul or `@`."""
    for name in kf.closure([kernel]):
        for node in ast.walk(kf.functions[name].node):
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult):
                return True
            if isinstance(node, ast.Attribute) and node.attr in ("dot", "matmul"):
                return True
    return False


def _cxx_errors(output: str) -> list[str]:
    """g++'s error lines in Pythran's output, without their `file:line:col: ` prefix."""
    return [re.sub(r"^\S+:\d+:\d+: ", "", ln.strip()) for ln in output.splitlines() if " error: " in ln]


def _cxx_error(errors: list[str], fn: str) -> str:
    """The most telling of g++'s errors for `fn`: one naming the NumPy function Pythran could not
    instantiate (`...numpy::linalg::functor::norm...`), else one naming `fn`, else the first;
    shortened (Pythran's namespaces removed)."""
    pick = next((e for e in errors if "functor::" in e), None) or \
        next((e for e in errors if f"::{fn}" in e), errors[0])
    pick = re.sub(r"\{anonymous\}::|pythonic::(types::)?|__pythran_\w+::", "", pick)
    return pick[:250]


def load_pythran(kf: source.KernelFile, kernels: list[str], build: Path, reuse: bool, log) -> Impl:
    """Build the kernels Pythran accepts into one extension module.  Builds take minutes, so
    the outcome of an earlier build of the very same generated source, flags and Pythran
    version is reused: always when it failed, and with `reuse` (--quick) when it succeeded."""
    version = pythran_version()
    if version is None:
        return Impl("pythran", error="pythran not importable (pip install pythran)")
    exe = shutil.which("pythran") or str(Path(sys.executable).with_name("pythran"))
    if not Path(exe).exists():
        return Impl("pythran", error="the `pythran` command is not on PATH")
    if shutil.which(os.environ.get("CXX", "g++")) is None:
        return Impl("pythran", error="no C++ compiler (g++) for Pythran")
    flags = pythran_blas() + PYTHRAN_FLAGS
    failed: dict[str, str] = {}
    if not pythran_blas():     # known to fail in g++ (no cblas.h): do not spend minutes finding out
        for k in kernels:
            if _uses_blas(kf, k):
                failed[k] = "not built: no BLAS for Pythran's np.dot (pip install scipy-openblas64)"
        kernels = [k for k in kernels if k not in failed]
    out_dir = build / "pythran"
    out_dir.mkdir(parents=True, exist_ok=True)
    ranges_of: dict[str, dict] = {}

    def compile_module(keep: list[str]):
        text, ranges = source.pythran_source(kf, keep)
        key = hashlib.sha256("\0".join([text, version, *flags]).encode()).hexdigest()[:12]
        name = f"ns_pythran_{key}"
        ranges_of[name] = ranges
        py, so, meta = out_dir / f"{name}.py", out_dir / f"{name}.so", out_dir / f"{name}.json"
        if meta.exists():
            # a failure is as deterministic as the source and costs minutes to repeat: always
            # reused; a success only with `reuse`, so a full run times a fresh build
            done = json.loads(meta.read_text())
            if not done["ok"]:
                return False, (name, done["error"])
            if reuse and so.exists():
                return True, (name, so, done["seconds"], True)
        py.write_text(text)
        tmp = out_dir / f"{name}.{os.getpid()}.so"
        t0 = time.perf_counter()
        proc = subprocess.run([exe, *flags, py.name, "-o", tmp.name], capture_output=True, text=True, cwd=out_dir)
        seconds = time.perf_counter() - t0
        if proc.returncode != 0 or not tmp.exists():
            tmp.unlink(missing_ok=True)
            error = proc.stdout + proc.stderr
            meta.write_text(json.dumps({"ok": False, "error": error[-20000:], "seconds": seconds}))
            return False, (name, error)
        os.replace(tmp, so)
        meta.write_text(json.dumps({"ok": True, "seconds": seconds, "kernels": keep}))
        return True, (name, so, seconds, False)

    def blame(result, keep):
        name, text = result
        blamed = {}
        for m in re.finditer(rf"{name}\.py:(\d+):\d+ error: (.*)", text):
            line = int(m.group(1))
            fn = next((f for f, (a, b) in ranges_of[name].items() if a <= line <= b), None)
            if fn is None:
                continue
            where = "" if fn in kf.kernels else f" (in helper {fn})"
            for k in kf.users(fn):
                blamed.setdefault(k, f"{m.group(2).strip()}{where}")
        if not blamed:   # a g++ error: the generated C++ names the function (`__pythran_<module>::<function>`)
            errors = _cxx_errors(text)
            for fn in dict.fromkeys(re.findall(rf"__pythran_{name}::(\w+)", "\n".join(errors))):
                if fn not in kf.functions:
                    continue
                where = "" if fn in kf.kernels else f" (in helper {fn})"
                for k in kf.users(fn):
                    blamed.setdefault(k, f"g++: {_cxx_error(errors, fn)}{where}")
        return blamed

    log(f"  pythran: building {len(kernels)} kernels ({'reusing earlier builds if any' if reuse else 'fresh build'}) ...")
    def describe(result) -> str:          # the reason given to a kernel found by bisection
        errors = _cxx_errors(result[1])
        return f"g++: {_cxx_error(errors, '')}" if errors else first_line(result[1])

    result, ok_kernels, more = prune(kernels, compile_module, blame, describe, log)
    failed.update(more)
    if result is None:
        return Impl("pythran", failed=failed, note=f"pythran {version}: no kernel compiles")
    name, so, seconds, cached = result
    spec = importlib.util.spec_from_file_location(name, so)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    note = f"pythran {version}, `pythran {' '.join(flags)}` (g++), one module of {len(ok_kernels)} kernels"
    if cached:
        note += f" (build reused from an earlier run, as --quick does; it took {seconds:.1f} s)"
    return Impl("pythran", {k: getattr(mod, k) for k in ok_kernels}, failed, compile_s=seconds, note=note)
