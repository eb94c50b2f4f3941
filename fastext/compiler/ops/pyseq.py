"""Python's `heapq` and `bisect` on native lists in `.fx` code (docs/language.md, "heapq and bisect").

Each is typed by `frontend/pyseq.py` as CPython's pure-Python algorithm written as `.fx` source
(frontend/synth.py) — the same sift-up/sift-down steps, so the heap's layout after any sequence of
calls is CPython's item for item, and `bisect`'s probes are CPython's — with no lowering of its own.
"""
from __future__ import annotations

from fastext.compiler.ops import Op, add
from fastext.compiler.ops import deferred as _deferred

_CHECK = _deferred("fastext.compiler.frontend.pyseq", "check_call")

# (spelling, signature, doc)
_FUNCTIONS = [
    ("heapq.heappush", "heapq.heappush(heap, item)", "push, keeping the heap invariant"),
    ("heapq.heappop", "heapq.heappop(heap)", "pop the smallest item (IndexError when empty)"),
    ("heapq.heapify", "heapq.heapify(x)", "make a list a heap, in place, in linear time"),
    ("heapq.heapreplace", "heapq.heapreplace(heap, item)", "pop the smallest, then push `item` (IndexError when empty)"),
    ("heapq.heappushpop", "heapq.heappushpop(heap, item)", "push `item`, then pop the smallest"),
    ("heapq.nlargest", "heapq.nlargest(n, iterable, key=None)",
     "the n largest items, as CPython's: sorted(iterable, key=key, reverse=True)[:n]"),
    ("heapq.nsmallest", "heapq.nsmallest(n, iterable, key=None)",
     "the n smallest items, as CPython's: sorted(iterable, key=key)[:n]"),
    ("bisect.bisect_left", "bisect.bisect_left(a, x, lo=0, hi=len(a))", "the leftmost insertion point of x in sorted a"),
    ("bisect.bisect_right", "bisect.bisect_right(a, x, lo=0, hi=len(a))", "the rightmost insertion point"),
    ("bisect.bisect", "bisect.bisect(a, x, lo=0, hi=len(a))", "bisect_right"),
    ("bisect.insort_left", "bisect.insort_left(a, x, lo=0, hi=len(a))", "insert x at bisect_left's point"),
    ("bisect.insort_right", "bisect.insort_right(a, x, lo=0, hi=len(a))", "insert x at bisect_right's point"),
    ("bisect.insort", "bisect.insort(a, x, lo=0, hi=len(a))", "insort_right"),
]

for _spelling, _sig, _doc in _FUNCTIONS:
    _module, _, _name = _spelling.partition(".")
    add(Op(f"py{_module}.{_name}", spellings=(_spelling,), check=_CHECK, pure=False, group=f"py{_module}",
           writes=(0,) if _name.startswith(("heap", "insort")) else (),
           signature=_sig, doc=_doc, data={"kind": _name}))
