"""Boundary cost: the Python -> native -> Python round trip of each exported function.

Each function is called only with arguments the user's own cases pass it: while the
oracle runs each case (before anything is timed), `Recorder` notes every call the case
makes to the module's functions, and keeps, per function, the call with the smallest
arguments (bytes of arrays, plus one per argument).  That call is then timed in an
unrolled loop minus the empty loop.  With small arguments what remains is argument
parsing, unboxing, buffer acquisition, the GIL release and the boxing of the result --
the fixed price of every call; with large ones the body's work is included, and the
report says which case's arguments were used.

Arguments are never invented: a function probed with made-up values (0, 1, empty arrays)
can loop forever (`while n != 1` on 0) or act on the world, and neither may happen behind
the user's back.  A function no case calls is reported as skipped, saying why.
"""
from __future__ import annotations

import re

def typed_signature(fn) -> str | None:
    """`dot(x: f64[:], y: f64[:]) -> f64`, from the docstring's first line, or None."""
    doc = getattr(fn, "__doc__", None) or ""
    name = getattr(fn, "__name__", "")
    for line in doc.splitlines()[:2]:
        if line.startswith(name + "(") and ":" in line:
            return line.strip()
    return None


def _split_params(text: str) -> list[str]:
    out, depth, cur = [], 0, ""
    for ch in text:
        if ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


def parameters(signature: str) -> list[tuple[str, str]] | None:
    """[(name, type text)] of a typed signature, or None if it cannot be read."""
    m = re.match(r"^\w+\((.*)\)\s*(->.*)?$", signature)
    if not m:
        return None
    params = []
    for part in _split_params(m.group(1)):
        if part in ("/", "*"):
            continue
        name, _, rest = part.partition(":")
        params.append((name.strip(), rest.partition("=")[0].strip()))
    return params


def describe_args(args: tuple) -> str:
    """`float64[1000], 3`: arrays by dtype and shape, other values by a short repr."""
    import numpy as np

    from fastext.bench.checks import short
    parts = []
    for a in args:
        if isinstance(a, np.ndarray):
            kind = "record" if a.dtype.names else a.dtype.name
            parts.append(f"{kind}[{'x'.join(map(str, a.shape))}]")
        else:
            parts.append(short(a))
    return ", ".join(parts)


class Recorder:
    """Wraps the plain functions of a module (the oracle) to note the calls the cases make.

    Only calls from outside the module count (a function calling another is not a case's
    call); per function, the call with the smallest arguments is kept, with its case's name.
    """

    def __init__(self, module, names: list[str]):
        import threading
        import types

        self.calls: dict[str, tuple[int, tuple, str]] = {}
        self.keywords_only: set[str] = set()
        self.case: str = ""
        self._depth = threading.local()
        for name in names:
            fn = getattr(module, name, None)
            if isinstance(fn, types.FunctionType):
                setattr(module, name, self._wrap(name, fn))

    def _wrap(self, name: str, fn):
        import functools

        @functools.wraps(fn)
        def recording(*args, **kwargs):
            depth = getattr(self._depth, "n", 0)
            if depth == 0:
                self._note(name, args, kwargs)
            self._depth.n = depth + 1
            try:
                return fn(*args, **kwargs)
            finally:
                self._depth.n = depth
        return recording

    def _note(self, name: str, args: tuple, kwargs: dict) -> None:
        if kwargs:
            self.keywords_only.add(name)
            return
        size = sum(_size(a) for a in args)
        best = self.calls.get(name)
        if best is None or size < best[0]:
            self.calls[name] = (size, args, self.case)


def _size(value) -> int:
    nbytes = getattr(value, "nbytes", None)
    if isinstance(nbytes, int):
        return nbytes + 1
    if isinstance(value, (str, bytes, bytearray, tuple, list)):
        return len(value) + 1
    return 1


def measure(compiled, interpreted, names: list[str], rounds: int, sample_time: float,
            recorder: Recorder | None = None) -> list[dict]:
    """One record per function: compiled and interpreted ns per call, with the smallest
    arguments the cases passed it (`recorder`); skipped, with the reason, when none did."""
    from fastext.bench.cases import describe_exception
    from fastext.bench.timing import call_overhead

    calls = recorder.calls if recorder is not None else {}
    records = []
    for name in names:
        fn = getattr(compiled, name)
        rec = {"function": name, "signature": typed_signature(fn), "args": None, "status": "ok",
               "compiled_ns": None, "interpreted_ns": None, "message": None}
        records.append(rec)
        if name not in calls:
            why = ("the cases call it only with keyword arguments" if recorder and name in recorder.keywords_only
                   else "no case calls it")
            rec.update(status="skipped", message=f"{why} (probed only with the arguments of your cases)")
            continue
        _, args, case = calls[name]
        try:
            fn(*args)
        except Exception as e:  # noqa: BLE001 - the case's own call raised in the compiled module
            rec.update(status="skipped", message=f"the call of {case} raised {describe_exception(e)}")
            continue
        rec["args"] = f"{describe_args(args)} (from {case})"
        rec["compiled_ns"] = call_overhead(fn, args, rounds, sample_time) * 1e9
        py = getattr(interpreted, name, None)
        if py is not None:
            try:
                py(*args)
                rec["interpreted_ns"] = call_overhead(py, args, rounds, sample_time) * 1e9
            except Exception as e:  # noqa: BLE001 - compiled is what is measured; note it
                rec["message"] = f"interpreted call raised {describe_exception(e)}"
    return records
