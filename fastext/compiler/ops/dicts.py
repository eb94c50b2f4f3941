"""Native dicts and sets (`dict[K, V]`, `set[T]`): the operations their displays, methods,
indexing, `in`, `del` and loops are typed as (frontend/dicts.py), lowered by lower/dicts.py.
Like the list operations, none is callable by name."""
from __future__ import annotations

from fastext.compiler.ops import deferred as _lower
from fastext.compiler.ops.lists import register

_LOWER = _lower("fastext.compiler.lower.dicts", "lower_dict")

# name: (allocates, changes its container argument, doc)
_OPS = {
    "new": (True, False, "{k: v, ...} / {x, ...}: a new table of the pairs (items), in order"),
    "setitem": (True, True, "d[k] = v, s.add(x)"),
    "getitem": (True, True, "d[k] (KeyError), d.get/setdefault/pop (attrs kind)"),
    "contains": (False, False, "k in d"),
    "delitem": (False, True, "del d[k], s.remove(x), s.discard(x) (attrs kind)"),
    "len": (False, False, "len(d)"),
    "slots": (False, False, "the entries a loop walks (after compact: len(d))"),
    "compact": (True, True, "before a loop: dead entries squeezed out"),
    "key": (False, False, "the key of entry k in a loop (RuntimeError if the size changed)"),
    "value": (False, False, "the value of entry k in a loop"),
    "clear": (False, True, "d.clear()"),
    "copy": (True, False, "d.copy(), dict(d), set(s)"),
    "plain": (False, False, "a defaultdict or Counter where a dict is expected: the same table"),
}

register("dict", _OPS, _LOWER, "dicts")
