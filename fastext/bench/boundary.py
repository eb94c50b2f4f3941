"""Boundary cost: the Python -> native -> Python round trip of each exported function.

Each function is called with the smallest valid arguments built from its typed
signature (the second docstring line, e.g. `dot(x: f64[:], y: f64[:]) -> f64`):
scalars 0 / 0.0 / False, arrays of one element (then ones, then empty arrays when
those raise).  What remains is argument parsing, unboxing, buffer acquisition, the
GIL release and the boxing of the result — the fixed price of every call.
"""
from __future__ import annotations

import re

_SCALARS = {"f64": "float64", "f32": "float32", "i8": "int8", "i16": "int16", "i32": "int32", "i64": "int64",
            "u8": "uint8", "u16": "uint16", "u32": "uint32", "u64": "uint64", "bool": "bool", "boolean": "bool",
            "bool_": "bool", "float": "float64", "int": "int64"}


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


def _value(type_text: str, variant: int):
    import numpy as np

    m = re.match(r"^(\w+)\[(.*)\]$", type_text)
    if m:
        dtype = _SCALARS.get(m.group(1))
        if dtype is None:
            return None
        ndim = m.group(2).count(":")
        length = 0 if variant == 2 else 1
        make = np.ones if variant == 1 else np.zeros
        return make((length,) * ndim, dtype=dtype)
    dtype = _SCALARS.get(type_text)
    if dtype is None:
        return None
    kind = np.dtype(dtype).kind
    one = variant == 1
    return bool(one) if kind == "b" else (float(one) if kind == "f" else int(one))


def argument_sets(fn) -> list[tuple] | str:
    """Candidate argument tuples, smallest first; or a reason why none can be built."""
    sig = typed_signature(fn)
    if sig is None:
        return "no typed signature in the docstring"
    params = parameters(sig)
    if params is None:
        return f"cannot read the signature {sig!r}"
    sets = []
    for variant in (0, 1, 2):
        values = tuple(_value(t, variant) for _, t in params)
        if any(v is None for v in values):
            bad = next(t for (_, t), v in zip(params, values) if v is None)
            return f"no minimal value for a parameter of type {bad}"
        sets.append(values)
    return sets


def describe_args(args: tuple) -> str:
    import numpy as np

    parts = []
    for a in args:
        if isinstance(a, np.ndarray):
            parts.append(f"{a.dtype.name}[{'x'.join(map(str, a.shape))}]")
        else:
            parts.append(repr(a))
    return ", ".join(parts)


def measure(compiled, interpreted, names: list[str], rounds: int, sample_time: float) -> list[dict]:
    """One record per function: compiled and interpreted ns per call with minimal arguments."""
    from fastext.bench.cases import describe_exception
    from fastext.bench.timing import call_overhead

    records = []
    for name in names:
        fn = getattr(compiled, name)
        rec = {"function": name, "signature": typed_signature(fn), "args": None, "status": "ok",
               "compiled_ns": None, "interpreted_ns": None, "message": None}
        records.append(rec)
        sets = argument_sets(fn)
        if isinstance(sets, str):
            rec.update(status="skipped", message=sets)
            continue
        chosen, error = None, None
        for args in sets:
            try:
                fn(*args)
                chosen = args
                break
            except Exception as e:  # noqa: BLE001 - try the next, larger arguments
                error = describe_exception(e)
        if chosen is None:
            rec.update(status="skipped", message=f"every minimal call raised, last: {error}")
            continue
        rec["args"] = describe_args(chosen)
        rec["compiled_ns"] = call_overhead(fn, chosen, rounds, sample_time) * 1e9
        py = getattr(interpreted, name, None)
        if py is not None:
            try:
                py(*chosen)
                rec["interpreted_ns"] = call_overhead(py, chosen, rounds, sample_time) * 1e9
            except Exception as e:  # noqa: BLE001 - compiled is what is measured; note it
                rec["message"] = f"interpreted call raised {describe_exception(e)}"
    return records
