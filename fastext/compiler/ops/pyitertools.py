"""Python's `itertools` in `.fx` code (docs/language.md, "Generators and itertools").

Each iterator is typed by `frontend/pyitertools.py` as CPython's algorithm written as a `.fx`
generator and inlined where a loop iterates it (frontend/generators.py): no lowering of its own.
A call anywhere else (`it = itertools.count()`) is the located error of `check_call`.
"""
from __future__ import annotations

from fastext.compiler.ops import Op, add
from fastext.compiler.ops import deferred as _deferred

_CHECK = _deferred("fastext.compiler.frontend.pyitertools", "check_call")

# (name, signature, doc)
_FUNCTIONS = [
    ("product", "itertools.product(*iterables, repeat=1)", "the Cartesian product (constant repeat)"),
    ("permutations", "itertools.permutations(iterable, r)", "r-length permutations (constant r, or an iterable "
                                                            "of known length)"),
    ("combinations", "itertools.combinations(iterable, r)", "r-length combinations in sorted order (constant r)"),
    ("combinations_with_replacement", "itertools.combinations_with_replacement(iterable, r)",
     "combinations with repeated items (constant r)"),
    ("chain", "itertools.chain(*iterables)", "the items of each iterable in turn"),
    ("count", "itertools.count(start=0, step=1)", "start, start + step, ... (leave the loop with break)"),
    ("islice", "itertools.islice(iterable, [start,] stop[, step])", "selected items"),
    ("accumulate", "itertools.accumulate(iterable, initial=None)", "running sums"),
    ("repeat", "itertools.repeat(object[, times])", "one object, again and again"),
    ("pairwise", "itertools.pairwise(iterable)", "successive overlapping pairs"),
    ("cycle", "itertools.cycle(iterable)", "the items again and again (leave the loop with break)"),
    ("zip_longest", "itertools.zip_longest(*iterables, fillvalue=v)", "zip to the longest, padding with v"),
    ("groupby", "itertools.groupby(iterable, key=None)", "(key, group) of each run of equal keys (each group a "
                                                         "list of the run's items)"),
]

for _name, _sig, _doc in _FUNCTIONS:
    add(Op(f"pyitertools.{_name}", spellings=(f"itertools.{_name}",), check=_CHECK, pure=False,
           group="pyitertools", signature=_sig, doc=_doc, data={"kind": _name}))
