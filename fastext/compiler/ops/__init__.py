"""The registry of operations: one declaration per operation the dialect knows.

An `Op` gives everything the compiler needs about an operation in one place: the
Python spellings that call it (`numpy.sqrt` covers `np.sqrt`, `numpy.sqrt` and
`from numpy import sqrt`; `ndarray.sum` is the method `a.sum()`), its typing rule
(`check`, run by the front end on the call), its CPU lowering, its GPU lowering, and
the flags the passes read instead of special-casing names (`pure`, `allocates`,
`writes`, `loops`, `needs_gil`).  The IR refers to an operation by `Op.name`
(`ir.Intrinsic.name`); lowering looks the name up here and calls `lower`.

The declarations live by family in the modules of this package (`scalar.py`: builtins,
`math`, complex parts; `arrays.py`: allocation, copies, fills; `ufuncs.py`: NumPy's
element-wise functions; `reductions.py`, ...); importing the package registers them all.
The "NumPy in `.fx`" table of docs/language.md is generated from it (`ops/docs.py`).
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Callable


@dataclass(frozen=True)
class Op:
    """One operation.

    `check(fc, node, op, shown) -> ir.Expr` types a call spelled `shown` (None: the operation is
    produced by another rule, e.g. an operator, and cannot be called by name).
    `lower(fl, e, args) -> llvmlite value` emits it on the CPU; `args` are the lowered arguments,
    or the IR arguments themselves when `lazy` (an operation that fuses or evaluates its
    arguments in its own loops).  `gpu`: the lowering in GPU code — True for "the CPU lowering
    works there too" (it only calls `ctx.libm`, which the GPU context maps to libdevice), a
    function for a lowering of its own, None where GPU code cannot use it.
    Flags: `pure` (no side effect, always ends: may be speculated), `allocates` (creates an
    array in the call's arena), `writes` (the indices of the array arguments it stores into),
    `loops` (runs a loop over array elements: the GIL is released around such calls),
    `needs_gil` (calls the Python C API), `aliases` (the array result is a view of argument 0:
    stores through it reach that argument, and a returned one is the argument's memory).
    `keeps`: it stores references to its array arguments (a list or dict that holds them), so a
    buffer handed to it escapes (lower/reuse.py).
    `numpy_scalar`: a scalar result is a NumPy scalar
    under plain Python (strong in NumPy's promotion, NEP 50).  `group` and `doc` make the
    docs table; `signature` is shown there.
    """

    name: str
    spellings: tuple[str, ...] = ()
    check: Callable | None = None
    lower: Callable | None = None
    gpu: Callable | bool | None = None
    lazy: bool = False
    pure: bool = True
    allocates: bool = False
    writes: tuple[int, ...] = ()
    loops: bool = False
    needs_gil: bool = False
    aliases: bool = False
    keeps: bool = False
    numpy_scalar: bool = False
    group: str = ""
    signature: str = ""
    doc: str = ""
    data: dict = field(default_factory=dict, compare=False, hash=False)   # family-specific details


def npsource(function: str) -> Callable:
    """The typing function of a NumPy function written as `.fx` source over the registry's
    operations (frontend/npsource.py), imported at its first call."""
    return deferred("fastext.compiler.frontend.npsource", function)


def deferred(module: str, function: str) -> Callable:
    """`module.function`, imported at its first call: a declaration names the typing and lowering
    functions of other packages without importing them (nor llvmlite) when the registry loads."""
    def call(*args, **kwargs):
        import importlib
        return getattr(importlib.import_module(module), function)(*args, **kwargs)
    call.__name__ = function
    return call


REGISTRY: dict[str, Op] = {}
SPELLINGS: dict[str, Op] = {}


def add(op: Op) -> Op:
    """Register `op` (its name and every spelling must be new)."""
    if op.name in REGISTRY:
        raise ValueError(f"operation {op.name} registered twice")
    REGISTRY[op.name] = op
    for s in op.spellings:
        if s in SPELLINGS:
            raise ValueError(f"spelling {s} of {op.name} already means {SPELLINGS[s].name}")
        SPELLINGS[s] = op
    return op


def get(name: str) -> Op:
    """The operation an `ir.Intrinsic` names."""
    _load()
    return REGISTRY[name]


def find(name: str) -> Op | None:
    _load()
    return REGISTRY.get(name)


def by_spelling(qualname: str) -> Op | None:
    """The operation a qualified Python name calls (`numpy.sqrt`, `ndarray.sum`), if any."""
    _load()
    return SPELLINGS.get(qualname)


def spellings_under(prefix: str) -> list[str]:
    """Every registered spelling that starts with `prefix` (`numpy.`, `ndarray.`), sorted."""
    _load()
    return sorted(s for s in SPELLINGS if s.startswith(prefix))


def close_to(qualname: str, n: int = 4) -> list[str]:
    """Registered spellings close to an unknown one, for "did you mean" hints."""
    prefix, _, name = qualname.rpartition(".")
    names = [s.rpartition(".")[2] for s in spellings_under(prefix + ".")]
    return [f"{prefix}.{m}" for m in difflib.get_close_matches(name, names, n=n, cutoff=0.6)]


def flag(name: str, attr: str) -> bool:
    """A flag of the operation named `name` (False for names not in the registry)."""
    op = find(name)
    return bool(op is not None and getattr(op, attr))


_loaded = False


def _load() -> None:
    """Import the declaration modules once (they register themselves)."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    from fastext.compiler.ops import scalar, arrays, gpu, ufuncs, reductions, views  # noqa: F401
    from fastext.compiler.ops import creation, shape, sorting, nprandom, indexing, linalg  # noqa: F401
    from fastext.compiler.ops import statistics, lists, dicts, text, pyrandom, pytime  # noqa: F401
    from fastext.compiler.ops import modvars, pymath, pyseq, classes, pyitertools, pyfunctools  # noqa: F401
    from fastext.compiler.ops import fft  # noqa: F401
