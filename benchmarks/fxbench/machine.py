"""The machine line: CPU, cores, and the version of everything that was measured."""
from __future__ import annotations

import datetime
import os
import platform
import subprocess
import sys


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(module: str) -> str:
    try:
        mod = __import__(module)
        return getattr(mod, "__version__", "?")
    except Exception:  # noqa: BLE001
        return "not importable"


def _llvm() -> str:
    try:
        import llvmlite
        import llvmlite.binding as llvm
        return f"llvmlite {llvmlite.__version__} (LLVM {'.'.join(map(str, llvm.llvm_version_info))})"
    except Exception:  # noqa: BLE001
        return "llvmlite not installed"


def _first_line(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.splitlines()[0].strip()
    except Exception:  # noqa: BLE001
        return "unknown"


def _git() -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                             cwd=os.path.dirname(__file__))
        if rev.returncode != 0:
            return "no commit"
        dirty = subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True,
                               cwd=os.path.dirname(__file__)).stdout.strip()
        return rev.stdout.strip() + ("+dirty" if dirty else "")
    except OSError:
        return "unknown"


def machine_info(pinned_cpu: int | None, load_start: float | None = None) -> dict:
    load_end = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    load = "n/a" if load_end is None else f"{load_start:.2f} at start, {load_end:.2f} at end"
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cpu": _cpu_model(),
        "cores": f"{os.cpu_count()} logical ({affinity} usable)",
        "pinned": f"taskset -c {pinned_cpu}" if pinned_cpu is not None else "not pinned",
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "numpy": _version("numpy"),
        "numba": _version("numba"),
        "llvm": _llvm(),
        "gcc": _first_line(["gcc", "--version"]),
        "fastext": f"{_version('fastext')} (git {_git()})",
        "load": load,
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "argv": " ".join([os.path.basename(sys.executable)] + sys.argv),
    }


def machine_line(info: dict) -> str:
    return (f"{info['cpu']}, {info['cores']}, {info['os']}; {info['python']}, numpy {info['numpy']}, "
            f"numba {info['numba']}, {info['llvm']}, {info['gcc']}; fastext {info['fastext']}; "
            f"call timings {info['pinned']}; 1-min load average {info['load']}; {info['date']}")
