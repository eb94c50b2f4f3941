"""Native lists (`list[T]`): the operations list displays, methods, indexing and the builtins
over lists are typed as (frontend/lists.py), lowered by lower/lists.py.

None is callable by name: `xs.append(v)` is typed by the front end's method rules into
`list.append`; the spellings stay empty so NumPy's namespace is not touched.  Operations that
create a list allocate (in the call's arena); operations that change one are not pure.
"""
from __future__ import annotations

from fastext.compiler.ops import Op, add
from fastext.compiler.ops import deferred as _lower

_LOWER = _lower("fastext.compiler.lower.lists", "lower_list")

# name: (allocates, changes its list argument, doc)
_OPS = {
    "display": (True, False, "[a, b, c]: a new list of the items"),
    "empty": (True, False, "[]: a new empty list (optional argument: the capacity to reserve)"),
    "repeat": (True, False, "xs * n: a new list of n copies of the items"),
    "concat": (True, False, "xs + ys: a new list"),
    "len": (False, False, "len(xs)"),
    "get": (False, False, "xs[i] (negative i from the end; IndexError outside)"),
    "set": (False, True, "xs[i] = v"),
    "append": (True, True, "xs.append(v)"),
    "extend": (True, True, "xs.extend(ys), xs += ys"),
    "pop": (False, True, "xs.pop(), xs.pop(i)"),
    "insert": (True, True, "xs.insert(i, v) (i clamped as Python does)"),
    "slice": (True, False, "xs[a:b:c]: a new list (attrs present: which bounds were given)"),
    "assign_slice": (True, True, "xs[a:b] = ys, xs[a:b:c] = ys"),
    "contains": (False, False, "v in xs"),
    "index": (False, False, "xs.index(v)"),
    "count": (False, False, "xs.count(v)"),
    "remove": (False, True, "xs.remove(v)"),
    "reverse": (False, True, "xs.reverse()"),
    "clear": (False, True, "xs.clear()"),
    "copy": (True, False, "xs.copy(), list(xs), xs[:]"),
    "sort": (False, True, "xs.sort(), xs.sort(reverse=True) (real numbers)"),
    "from_range": (True, False, "list(range(a, b, c))"),
    "from_array": (True, False, "list(a) of a 1-D array"),
    "unpack": (False, False, "a, b = xs: ValueError unless len(xs) is attrs count"),
}



def register(prefix: str, table: dict, lower, group: str) -> None:
    """One Op per entry of a container family's table {name: (allocates, changes, doc)}:
    an operation that allocates or changes its container is not pure, and may store its
    arguments in it (`keeps`: `xs.append(a)` holds the array `a`)."""
    for name, (allocates, changes, doc) in table.items():
        add(Op(f"{prefix}.{name}", lower=lower, allocates=allocates, pure=not (allocates or changes),
               keeps=allocates or changes, group=group, doc=doc))


register("list", _OPS, _LOWER, "lists")
# lazy: its argument (a new Python list) is evaluated and released by the lowering itself
add(Op("list.from_strs", lower=_LOWER, allocates=True, pure=False, lazy=True, group="lists",
       doc="s.split() & co.: the Python list of str made a native list[str]"))
