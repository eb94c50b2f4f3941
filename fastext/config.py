"""Every environment switch fastext reads, in one place (documented in docs/caching.md).

The compiler never reads the environment itself; callers pass an Options value.
"""
import os


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no", "off")


def disabled() -> bool:
    """FASTEXT_DISABLE=1: run `.fx` modules as plain Python (the correctness oracle)."""
    return _flag("FASTEXT_DISABLE")


def stubs() -> bool:
    """FASTEXT_STUBS=1: the import hook keeps `kernels.pyi` beside each `.fx` it loads up to
    date (rewritten when older than the source or its `.fx` dependencies; docs/stubs.md)."""
    return _flag("FASTEXT_STUBS")


def hook_disabled() -> bool:
    """FASTEXT_NO_HOOK=1: do not install the import hook at interpreter start-up."""
    return _flag("FASTEXT_NO_HOOK")


def cache_dir_override() -> str | None:
    """FASTEXT_CACHE_DIR: put every compiled module in this folder instead of beside the source."""
    return os.environ.get("FASTEXT_CACHE_DIR") or None


def cache_keep() -> int:
    """FASTEXT_CACHE_KEEP=n: builds kept per module (and interpreter) in each cache folder (default 8).

    When a build is stored, the module's builds beyond the `n` most recently built are
    removed, so alternating options (FASTEXT_BOUNDSCHECK=0/1) or reverting an edit find
    their build still there, and the folder does not grow without bound.
    """
    text = os.environ.get("FASTEXT_CACHE_KEEP", "").strip()
    return max(1, int(text)) if text.isdigit() else 8


def lock_timeout() -> float:
    """FASTEXT_LOCK_TIMEOUT=seconds: how long an import waits for another process's build of
    the same module before building it itself (default 60).  A holder that is gone or stopped
    is not waited for that long (docs/caching.md, "Several processes at once")."""
    try:
        value = float(os.environ.get("FASTEXT_LOCK_TIMEOUT", "") or 60.0)
    except ValueError:
        return 60.0
    return value if value > 0 else 60.0


def progress() -> str:
    """FASTEXT_PROGRESS: `auto` (default: a progress line on stderr when it is a terminal),
    `always` or `never` (also 1/0, on/off): the `fastext: compiling ...` line a compile that
    takes over a second prints, and the notice of waiting for another process's build."""
    value = os.environ.get("FASTEXT_PROGRESS", "").strip().lower()
    if value in ("always", "1", "on", "yes", "true"):
        return "always"
    if value in ("never", "0", "off", "no", "false"):
        return "never"
    return "auto"


def compile_jobs() -> int:
    """FASTEXT_JOBS=n: processes LLVM may use for one module's compilation units (default: the
    CPUs this process may run on; 1 compiles them one after the other in this process)."""
    try:
        return max(1, int(os.environ.get("FASTEXT_JOBS", "0"))) if os.environ.get("FASTEXT_JOBS") else _cpus()
    except ValueError:
        return _cpus()


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def compile_units() -> bool:
    """FASTEXT_UNITS=0: optimise and codegen the module as one LLVM module (the pipeline before
    per-function compilation units; also what builds without a linker use)."""
    return os.environ.get("FASTEXT_UNITS", "1") != "0"


def unit_cache() -> bool:
    """FASTEXT_UNIT_CACHE=0: do not keep or reuse compiled units (compiler/unitcache.py)."""
    return os.environ.get("FASTEXT_UNIT_CACHE", "1") != "0"


def linker_override() -> str | None:
    """FASTEXT_LINKER: the linker driver to use (default: cc, gcc, clang); `none` forces the JIT path."""
    return os.environ.get("FASTEXT_LINKER") or None


# Compile-time budget (fastext/compiler/budget.py; measurements in docs/reliability.md).
# Not environment switches: they change generated code only for shapes no kernel of the
# repository comes near, so a user never needs to move them.
SLP_RUN_LIMIT = 48                  # integer operations in one straight-line run before SLP is kept out
LOOP_LIMIT = 96                     # loops in one function before the vectorisers are kept out
LOOP_UNOPT_LIMIT = 256              # loops in one function before it is compiled without optimisation
DIVISION_RUN_LIMIT = 64             # divisions by variables in one straight-line run before -O0
HUGE_RUN_OPERATIONS = 3_000         # scalar operations in one straight-line run before a function is left unoptimised
HUGE_FUNCTION_INSTRUCTIONS = 200_000  # unoptimised LLVM instructions before a function is left unoptimised
CONSTANT_INT_BITS = 4096            # the largest integer (in bits) constant folding computes, in the front end

DEFAULT_GPU_ARCHS = ("sm_80", "sm_90")
NUM_THREADS_ENV = "FASTEXT_NUM_THREADS"
OMP_NUM_THREADS_ENV = "OMP_NUM_THREADS"   # honoured when FASTEXT_NUM_THREADS is unset or not a count
BLAS_ENV = "FASTEXT_BLAS"   # which BLAS matrix products call; read by the compiled module at import (abi/blas.py)
MAX_THREADS = 1024      # the compiled code's cap too (compiler/lower/parallel.py)


def num_threads() -> int:
    """Threads a `prange` loop uses: FASTEXT_NUM_THREADS, else OMP_NUM_THREADS (its first
    comma-separated entry), else the CPUs this process may run on.

    A run-time setting, not a compile option: the compiled code reads the variable at every
    parallel loop, so it is not part of the cache key.  Values that are not integers >= 1
    are ignored, as the compiled code ignores them.
    """
    for env in (NUM_THREADS_ENV, OMP_NUM_THREADS_ENV):
        text = os.environ.get(env, "")
        if env == OMP_NUM_THREADS_ENV:
            text = text.split(",", 1)[0]     # "4,2": the outermost level's count
        # what C's strtol(text, &end, 10) accepts with *end == 0 (no `_` separators)
        digits = text.lstrip(" \t\n\v\f\r").removeprefix("+")
        if digits.isascii() and digits.isdigit() and int(digits) >= 1:
            return min(int(digits), MAX_THREADS)
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        n = os.cpu_count() or 1
    return max(1, min(n, MAX_THREADS))


def set_num_threads(n: int) -> None:
    """Set FASTEXT_NUM_THREADS for this process (every compiled module sees it at its next prange loop)."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"set_num_threads() takes an int, not {type(n).__name__}")
    if not 1 <= n <= MAX_THREADS:
        raise ValueError(f"set_num_threads() takes a thread count from 1 to {MAX_THREADS}, not {n}")
    os.environ[NUM_THREADS_ENV] = str(n)


class Options:
    """Compile options; every field is part of the cache key.

    A plain immutable class rather than a dataclass: cached imports build one,
    and importing `dataclasses` would cost more than the whole cached import.
    """

    __slots__ = ("opt_level", "boundscheck", "cpu", "features", "profile", "gpu_archs", "debug", "triple", "jit")

    def __init__(self, opt_level: int = 3, boundscheck: bool = True, cpu: str = "host", features: str = "",
                 profile: bool = False, gpu_archs: tuple[str, ...] = DEFAULT_GPU_ARCHS, debug: bool = False,
                 triple: str = "", jit: bool = False):
        # cpu: "host" or an LLVM CPU name (e.g. "x86-64-v2"); features: extra LLVM features, e.g. "+avx2";
        # profile: count calls and time of every .fx function (the build `fastext bench --profile` uses)
        object.__setattr__(self, "opt_level", opt_level)
        object.__setattr__(self, "boundscheck", boundscheck)
        object.__setattr__(self, "cpu", cpu)
        object.__setattr__(self, "features", features)
        object.__setattr__(self, "profile", profile)
        # gpu_archs: the architectures the PTX of @gpu.kernel functions is generated for
        object.__setattr__(self, "gpu_archs", tuple(gpu_archs))
        # debug: DWARF line tables and variables mapping machine code to .fx lines (`-g`, docs/debugging.md)
        object.__setattr__(self, "debug", bool(debug))
        # triple: "" for this machine, else the LLVM triple of a cross-compiled object (`fastext build
        # --target`, compiler/platforms.py); such objects are inspected, never loaded here
        object.__setattr__(self, "triple", triple)
        # jit: the object is for the in-process JIT (no linker; compiler/jit.py): LLVM's large code
        # model, whose 64-bit addresses survive MCJIT placing the code and data sections more
        # than 2 GiB apart (the default model's 32-bit offsets would then point at other bytes)
        object.__setattr__(self, "jit", bool(jit))

    def __setattr__(self, name, value):
        raise AttributeError("Options is immutable")

    def _fields(self) -> tuple:
        return (self.opt_level, self.boundscheck, self.cpu, self.features, self.profile, self.gpu_archs, self.debug,
                self.triple, self.jit)

    def __eq__(self, other) -> bool:
        return isinstance(other, Options) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return ("Options(opt_level={!r}, boundscheck={!r}, cpu={!r}, features={!r}, profile={!r}, gpu_archs={!r}, "
                "debug={!r}, triple={!r}, jit={!r})").format(
            *self._fields())

    def key(self) -> str:
        return f"O{self.opt_level}-bc{int(self.boundscheck)}-{self.cpu}-{self.features}" + ("-prof" * self.profile) \
            + f"-gpu:{'+'.join(self.gpu_archs)}" + ("-g" * self.debug) \
            + (f"-target:{self.triple}" if self.triple else "") + ("-jit" * self.jit)

    def for_jit(self) -> "Options":
        """These options for an object the in-process JIT will load (the `jit` field set)."""
        return Options(*self._fields()[:-1], jit=True)


def options_from_env() -> Options:
    """Options for the import hook: FASTEXT_OPT_LEVEL, FASTEXT_BOUNDSCHECK, FASTEXT_CPU, FASTEXT_DEBUG."""
    opt = os.environ.get("FASTEXT_OPT_LEVEL", "3")
    return Options(
        opt_level=int(opt) if opt in ("0", "1", "2", "3") else 3,
        boundscheck=os.environ.get("FASTEXT_BOUNDSCHECK", "1") not in ("0", "off", "false"),
        cpu=os.environ.get("FASTEXT_CPU", "host") or "host",
        gpu_archs=gpu_archs_from_env(),
        debug=debug(),
    )


def cuda_roots() -> list[str]:
    """Where a CUDA toolkit may be (for libdevice): CUDA_HOME, CUDA_PATH, the toolkit of a
    `ptxas` or `nvcc` on PATH, then the usual prefixes."""
    import glob
    import shutil
    roots = [os.environ.get(v) for v in ("CUDA_HOME", "CUDA_PATH")]
    for tool in ("ptxas", "nvcc"):
        found = shutil.which(tool)
        if found:
            roots.append(os.path.dirname(os.path.dirname(os.path.realpath(found))))
    roots += ["/usr/local/cuda", *sorted(glob.glob("/usr/local/cuda-*"), reverse=True), "/opt/cuda",
              "/usr/lib/cuda", "/usr/lib/nvidia-cuda-toolkit"]
    return [r for k, r in enumerate(roots) if r and r not in roots[:k]]


def gpu_archs_from_env() -> tuple[str, ...]:
    """FASTEXT_GPU_ARCHS=sm_80,sm_90: the GPU architectures kernels are compiled for (PTX per arch)."""
    value = os.environ.get("FASTEXT_GPU_ARCHS", "")
    archs = tuple(a.strip() for a in value.replace(";", ",").split(",") if a.strip())
    return archs or DEFAULT_GPU_ARCHS


def debug() -> bool:
    """FASTEXT_DEBUG=1: debug builds (DWARF line tables, as `fastext build -g`) for imported `.fx`
    modules, and internal compiler errors propagate with their traceback (for fastext developers)."""
    return _flag("FASTEXT_DEBUG")
