"""Python's `time` clocks in `.fx` code: `time.time()`, `time.time_ns()`, `time.perf_counter()`,
`time.perf_counter_ns()`, `time.monotonic()`, `time.monotonic_ns()` (docs/random.md, "Clocks").

Native calls of `clock_gettime` (`lower/pytime.py`) returning what CPython returns: float seconds,
or int nanoseconds for the `_ns` spellings.  Not `pure`: two reads of a clock are two values, so no
pass may merge or hoist one.
"""
from __future__ import annotations

from fastext.compiler.ops import Op, add
from fastext.compiler.ops import deferred as _deferred

# (name, clock, nanoseconds?, doc)
_CLOCKS = [
    ("time", "realtime", False, "seconds since the Epoch, a float (CLOCK_REALTIME)"),
    ("time_ns", "realtime", True, "nanoseconds since the Epoch, an int"),
    ("perf_counter", "monotonic", False, "a monotonic clock in float seconds (CLOCK_MONOTONIC, as CPython on Linux)"),
    ("perf_counter_ns", "monotonic", True, "the same clock in int nanoseconds"),
    ("monotonic", "monotonic", False, "a monotonic clock in float seconds (CLOCK_MONOTONIC)"),
    ("monotonic_ns", "monotonic", True, "the same clock in int nanoseconds"),
]

for _name, _clock, _ns, _doc in _CLOCKS:
    add(Op(f"time.{_name}", spellings=(f"time.{_name}",),
           check=_deferred("fastext.compiler.frontend.pymodules", "check_clock"),
           lower=_deferred("fastext.compiler.lower.pytime", "lower_clock"), pure=False, group="time",
           signature=f"time.{_name}()", doc=_doc, data={"clock": _clock, "ns": _ns}))
