"""`itertools` in `.fx` code: each iterator written as a generator in `.fx` source, built for the
call's shape (how many iterables, the tuple length `r`) and inlined where it is iterated like any
generator function (frontend/generators.py).  The algorithms are CPython's (the "roughly
equivalent" code of its documentation), so the tuples come in CPython's order.

A tuple's length is part of its type in `.fx` code, so `permutations`, `combinations` and
`combinations_with_replacement` need `r` as a constant (or, for `permutations(xs)`, an `xs`
whose length the compiler knows: a tuple, a display, `range` of constants); `product(...,
repeat=k)` a constant `k`.  `permutations(range(n))` of a run-time length yields lists instead,
where the loop variable is used only where a list and a tuple behave alike (`_runtime_length`).
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler.frontend.generators import Source, misplaced

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

NAMES = ("product", "permutations", "combinations", "combinations_with_replacement", "chain", "count",
         "islice", "accumulate", "repeat", "pairwise", "cycle", "zip_longest", "groupby")
_MAXSIZE = 2 ** 63 - 1


def check_call(fc: "FunctionChecker", node: ast.Call, op, shown: str, receiver=None):
    """An itertools call typed as a value (`it = itertools.count()`): not supported, a located error."""
    raise misplaced(fc, node, shown)


def _tuple(r: int) -> str:
    return "(" + "".join(f"pool[indices[{k}]], " for k in range(r)) + ")"


def _product(k: int, repeat: int) -> str:
    params = [f"p{j}" for j in range(k)]
    lines = [f"def product({', '.join(params)}):"]
    depth = 1
    for j in range(k * repeat):
        lines.append("    " * depth + f"for x{j} in p{j % k}:")
        depth += 1
    lines.append("    " * depth + "yield (" + "".join(f"x{j}, " for j in range(k * repeat)) + ")")
    return "\n".join(lines)


def _permutations(r: int | None) -> str:
    """CPython's permutations algorithm as generator source: tuples of a constant length `r`,
    or (r None) lists of a length read at run time, `r` a parameter (-1: the pool's length)."""
    if r is None:     # lists where Python has tuples, for loops whose variable is used only
        length, item = "r", "[pool[indices[k]] for k in range(r)]"     # where the two behave alike
        head = "def permutations(iterable, r):\n    pool = list(iterable)\n    n = len(pool)\n    if r < 0:\n" \
               "        r = n\n"
    else:
        length, item = str(r), _tuple(r)
        head = "def permutations(iterable):\n    pool = list(iterable)\n    n = len(pool)\n"
    return "\n" + head + f"""\
    if {length} <= n:
        indices = list(range(n))
        cycles = list(range(n, n - {length}, -1))
        yield {item}
        while n:
            for i in range({length} - 1, -1, -1):
                cycles[i] -= 1
                if cycles[i] == 0:
                    first = indices[i]
                    for k in range(i, n - 1):
                        indices[k] = indices[k + 1]
                    indices[n - 1] = first
                    cycles[i] = n - i
                else:
                    j = cycles[i]
                    swap = indices[i]
                    indices[i] = indices[n - j]
                    indices[n - j] = swap
                    yield {item}
                    break
            else:
                return
"""


def _runtime_length(fc: "FunctionChecker", call: ast.Call, shown: str) -> bool:
    """Whether `call` is the iterable of a loop (or comprehension) of the function being checked
    whose variable is used only where a list and a tuple behave alike (frontend/transpose.py's
    rule: indexed, iterated, unpacked, passed to len/sum/min/max/list/sorted/set, ...): its
    tuples of a run-time length may then be lists.  Another use is a located error."""
    root = getattr(fc, "fn_node", None)
    if root is None:
        return False
    from fastext.compiler.frontend.transpose import _Uses
    from fastext.compiler.diagnostics import FxSyntaxError
    from fastext.compiler.source import Span

    class Uses(_Uses):
        def error(self, node, depth):
            return FxSyntaxError(Span.of(node, self.file), f"this is a tuple of {shown}() whose length is known "
                                 "only at run time, which .fx code holds as a list: it can be iterated, indexed, "
                                 "unpacked or passed to len/sum/min/max/list/sorted/set, not used as a value here",
                                 f"use `tuple(...)` of a constant length ({shown}(xs, 3)), or `list(p)` where the "
                                 "item itself is printed, compared, stored or returned")
    uses = Uses(root, fc.scope.file)
    where = lambda n: (n.lineno, n.col_offset, n.end_lineno, n.end_col_offset)     # noqa: E731
    # the call as written (a comprehension folded into a loop is checked from a copy of it)
    loop = next((p for p in ast.walk(root) if isinstance(p, (ast.For, ast.comprehension))
                 and isinstance(p.iter, ast.Call) and hasattr(p.iter, "lineno") and where(p.iter) == where(call)), None)
    if loop is None:
        return False
    uses.name(loop.target, 1)
    return True


def _combinations(r: int) -> str:
    t = _tuple(r)
    return f"""
def combinations(iterable):
    pool = list(iterable)
    n = len(pool)
    if {r} <= n:
        indices = list(range({r}))
        yield {t}
        while True:
            for i in range({r} - 1, -1, -1):
                if indices[i] != i + n - {r}:
                    break
            else:
                return
            indices[i] += 1
            for j in range(i + 1, {r}):
                indices[j] = indices[j - 1] + 1
            yield {t}
"""


def _combinations_with_replacement(r: int) -> str:
    t = _tuple(r)
    return f"""
def combinations_with_replacement(iterable):
    pool = list(iterable)
    n = len(pool)
    if n:
        indices = [0] * {r}
        yield {t}
        while True:
            for i in range({r} - 1, -1, -1):
                if indices[i] != n - 1:
                    break
            else:
                return
            v = indices[i] + 1
            for j in range(i, {r}):
                indices[j] = v
            yield {t}
"""


def _chain(k: int) -> str:
    body = "".join(f"    for x in a{j}:\n        yield x\n" for j in range(k))
    return f"def chain({', '.join(f'a{j}' for j in range(k))}):\n{body}"


_COUNT = """
def count(start, step):
    n = start
    while True:
        yield n
        n += step
"""

_ISLICE = """
def islice(iterable, start, stop, step):
    if start < stop:
        nexti = start
        i = 0
        for x in iterable:
            if i == nexti:
                yield x
                nexti += step
                if nexti >= stop:
                    return
            i += 1
"""

_ACCUMULATE = """
def accumulate(iterable):
    first = True
    for x in iterable:
        if first:
            total = x
            first = False
        else:
            total = total + x
        yield total
"""

_ACCUMULATE_INITIAL = """
def accumulate(iterable, initial):
    total = initial
    yield total
    for x in iterable:
        total = total + x
        yield total
"""

_REPEAT = """
def repeat(obj, times):
    for _ in range(times):
        yield obj
"""

_REPEAT_FOREVER = """
def repeat(obj):
    while True:
        yield obj
"""


_PAIRWISE = """
def pairwise(iterable):
    first = True
    for x in iterable:
        if first:
            prev = x
            first = False
        else:
            yield (prev, x)
            prev = x
"""

# groupby: each run of items with equal keys, its group a list of the run's items (Python's group
# is an iterator over them, consumed the same way: iterated, `list(g)`, `sum(1 for _ in g)`)
def _groupby(keyed: bool) -> str:
    """groupby's generator source: with a `key` function, or the items themselves as keys."""
    params, of = ("iterable, key", lambda x: f"key({x})") if keyed else ("iterable", lambda x: x)
    return f"""
def groupby({params}):
    items = list(iterable)
    n = len(items)
    i = 0
    while i < n:
        k = {of("items[i]")}
        group = [items[i]]
        i += 1
        while i < n and {of("items[i]")} == k:
            group.append(items[i])
            i += 1
        yield (k, group)
"""


_CYCLE = """
def cycle(iterable):
    saved = list(iterable)
    while saved:
        for x in saved:
            yield x
"""


def _zip_longest(k: int) -> str:
    pools = "".join(f"    p{j} = list(a{j})\n" for j in range(k))
    n = ", ".join(f"len(p{j})" for j in range(k))
    items = "".join(f"p{j}[i] if i < len(p{j}) else fillvalue, " for j in range(k))
    longest = f"max({n})" if k > 1 else "len(p0)"
    return (f"def zip_longest({', '.join(f'a{j}' for j in range(k))}, fillvalue):\n{pools}"
            f"    for i in range({longest}):\n        yield ({items})\n")


def _const_int(fc: "FunctionChecker", node: ast.expr) -> int | None:
    """An int known at compile time: a literal (or its negation) or a module-level int constant."""
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        v = _const_int(fc, node.operand)
        return None if v is None else -v
    if isinstance(node, ast.Name) and node.id not in fc.vars:
        b = fc.scope.lookup(node.id)
        if b is not None and b.kind == "const" and type(b.value) is int:
            return b.value
    return None


def _known_length(fc: "FunctionChecker", node: ast.expr) -> int | None:
    """The length of an iterable when the compiler knows it: displays, str literals, `range` of
    constants, tuple-typed variables."""
    if isinstance(node, (ast.Tuple, ast.List)) and not any(isinstance(e, ast.Starred) for e in node.elts):
        return len(node.elts)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return len(node.value)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "range" \
            and fc.scope.lookup("range") is None and "range" not in fc.vars and not node.keywords \
            and 1 <= len(node.args) <= 3:
        vals = [_const_int(fc, a) for a in node.args]
        if None not in vals and (len(vals) < 3 or vals[2] != 0):
            return len(range(*vals))
    if isinstance(node, ast.Name) and node.id in fc.vars:
        from fastext.compiler.types import Tuple
        t = fc.vars[node.id].type
        if isinstance(t, Tuple):
            return len(t.items)
    return None


def parse_generator(text: str, call: ast.Call) -> ast.FunctionDef:
    """The generator's `def`, every node located at the call (messages point at the user's code)."""
    fn = ast.parse(text.strip("\n") + "\n").body[0]
    for node in ast.walk(fn):
        if "lineno" in node._attributes:
            ast.copy_location(node, call)
    return fn


def _arguments(fc: "FunctionChecker", call: ast.Call, shown: str, names: tuple[str, ...],
               required: int) -> dict[str, ast.expr]:
    """The call's arguments by parameter name (positional or keyword), for the spellings CPython takes."""
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
        raise fc.error(call, f"`{shown}(*args)` / `**kwargs` is not supported here", f"pass each argument of {shown}")
    if len(call.args) > len(names):
        raise fc.error(call, f"{shown}() takes at most {len(names)} arguments ({len(call.args)} given)",
                       f"{shown}({', '.join(names)})")
    got = dict(zip(names, call.args))
    for kw in call.keywords:
        if kw.arg not in names or kw.arg in got:
            raise fc.error(kw.value, f"{shown}() got an unexpected keyword argument `{kw.arg}`",
                           f"{shown}({', '.join(names)})")
        got[kw.arg] = kw.value
    missing = [n for n in names[:required] if n not in got]
    if missing:
        raise fc.error(call, f"{shown}() is missing the argument `{missing[0]}`", f"{shown}({', '.join(names)})")
    return got


def _r(fc: "FunctionChecker", call: ast.Call, shown: str, node: ast.expr | None, pool: ast.expr) -> int:
    """`r` of permutations/combinations: a constant, as a tuple's length is part of its type."""
    if node is None or isinstance(node, ast.Constant) and node.value is None:
        r = _known_length(fc, pool)
        if r is None:
            raise fc.error(call, f"{shown}(xs) makes tuples as long as xs, which is known only at run time here",
                           f"give the length as a constant: {shown}(xs, 3)")
    else:
        r = _const_int(fc, node)
        if r is None:
            raise fc.error(node, f"`r` of {shown}() must be a constant: the tuples' length is part of their type "
                                 "in .fx code", f"write a literal or a module-level constant: {shown}(xs, 3)")
    if r < 1:
        raise fc.error(node or call, f"`r` of {shown}() must be at least 1 here (got {r})", f"{shown}(xs, 2)")
    return r


def source(fc: "FunctionChecker", call: ast.Call, name: str, shown: str) -> Source:
    """The generator that the itertools call `call` stands for (a located error for the unsupported)."""
    if name not in NAMES:
        raise fc.error(call.func, f"itertools.{name} is not supported in .fx code",
                       f"supported: {', '.join(NAMES)}")
    if name == "product":
        repeat = 1
        kws = [k for k in call.keywords if k.arg != "repeat"]
        if kws or any(k.arg is None for k in call.keywords) or any(isinstance(a, ast.Starred) for a in call.args):
            raise fc.error(call, f"{shown}() takes iterables and repeat=", f"{shown}(xs, ys), {shown}(xs, repeat=3)")
        for k in call.keywords:
            repeat = _const_int(fc, k.value)
            if repeat is None or repeat < 1:
                raise fc.error(k.value, f"`repeat` of {shown}() must be a constant of at least 1: the tuples' "
                                        "length is part of their type in .fx code", f"{shown}(xs, repeat=3)")
        if not call.args:
            raise fc.error(call, f"{shown}() needs at least one iterable here", f"{shown}(xs, ys)")
        return Source(parse_generator(_product(len(call.args), repeat), call), shown, list(call.args))
    if name in ("permutations", "combinations", "combinations_with_replacement"):
        got = _arguments(fc, call, shown, ("iterable", "r"), 2 if name != "permutations" else 1)
        given = got.get("r")
        if name == "permutations" and (given is None or isinstance(given, ast.Constant) and given.value is None) \
                and _known_length(fc, got["iterable"]) is None and _runtime_length(fc, call, shown):
            # `permutations(range(n))`: r is the pool's length, read where the pool is made
            length = ast.copy_location(ast.Constant(-1), call)
            text = _permutations(None)
            return Source(parse_generator(text, call), shown, [got["iterable"], length], subst=frozenset({"iterable"}))
        r = _r(fc, call, shown, given, got["iterable"])
        text = {"permutations": _permutations, "combinations": _combinations,
                "combinations_with_replacement": _combinations_with_replacement}[name](r)
        return Source(parse_generator(text, call), shown, [got["iterable"]], subst=frozenset({"iterable"}))
    if name == "chain":
        if call.keywords or not call.args or any(isinstance(a, ast.Starred) for a in call.args):
            raise fc.error(call, f"{shown}() takes the iterables to chain", f"{shown}(xs, ys)")
        k = len(call.args)
        return Source(parse_generator(_chain(k), call), shown, list(call.args), subst=frozenset(f"a{j}" for j in range(k)))
    if name == "count":
        got = _arguments(fc, call, shown, ("start", "step"), 0)
        return Source(parse_generator(_COUNT, call), shown, [got.get("start", ast.Constant(0)), got.get("step", ast.Constant(1))])
    if name == "islice":
        if call.keywords or not 2 <= len(call.args) <= 4:
            raise fc.error(call, f"{shown}() takes an iterable and stop, or start, stop[, step]",
                           f"{shown}(it, 10), {shown}(it, 2, 10, 2)")
        rest = list(call.args[1:])
        if len(rest) == 1:
            rest = [ast.Constant(0)] + rest
        start, stop = rest[0], rest[1]
        step = rest[2] if len(rest) == 3 else ast.Constant(1)
        none = lambda e: isinstance(e, ast.Constant) and e.value is None   # noqa: E731
        start = ast.Constant(0) if none(start) else start
        stop = ast.Constant(_MAXSIZE) if none(stop) else stop
        step = ast.Constant(1) if none(step) else step
        for what, e in (("start", start), ("stop", stop), ("step", step)):
            v = _const_int(fc, e)
            if v is not None and (v < 0 or what == "step" and v == 0):
                raise fc.error(e, f"{what} of {shown}() must be {'a positive' if what == 'step' else 'a non-negative'}"
                                  " integer", f"{shown}(it, 10), {shown}(it, 2, 10, 2)")
        return Source(parse_generator(_ISLICE, call), shown, [call.args[0], start, stop, step], subst=frozenset({"iterable"}))
    if name == "accumulate":
        got = _arguments(fc, call, shown, ("iterable", "func", "initial"), 1)
        if "func" in got and not (isinstance(got["func"], ast.Constant) and got["func"].value is None):
            raise fc.error(got["func"], f"{shown}() with a function is not supported here",
                           "write the loop: `acc = f(acc, x)`")
        if "initial" in got and not (isinstance(got["initial"], ast.Constant) and got["initial"].value is None):
            return Source(parse_generator(_ACCUMULATE_INITIAL, call), shown, [got["iterable"], got["initial"]],
                          subst=frozenset({"iterable"}))
        return Source(parse_generator(_ACCUMULATE, call), shown, [got["iterable"]], subst=frozenset({"iterable"}))
    if name == "groupby":
        got = _arguments(fc, call, shown, ("iterable", "key"), 1)
        key = got.get("key")
        if key is None or isinstance(key, ast.Constant) and key.value is None:
            return Source(parse_generator(_groupby(False), call), shown, [got["iterable"]], subst=frozenset({"iterable"}))
        return Source(parse_generator(_groupby(True), call), shown, [got["iterable"], key], subst=frozenset({"iterable"}))
    if name == "pairwise":
        got = _arguments(fc, call, shown, ("iterable",), 1)
        return Source(parse_generator(_PAIRWISE, call), shown, [got["iterable"]], subst=frozenset({"iterable"}))
    if name == "cycle":
        got = _arguments(fc, call, shown, ("iterable",), 1)
        return Source(parse_generator(_CYCLE, call), shown, [got["iterable"]], subst=frozenset({"iterable"}))
    if name == "zip_longest":
        fill = [k for k in call.keywords if k.arg == "fillvalue"]
        if len(fill) != len(call.keywords) or not fill or not call.args \
                or any(isinstance(a, ast.Starred) for a in call.args) \
                or isinstance(fill[0].value, ast.Constant) and fill[0].value.value is None:
            raise fc.error(call, f"{shown}() needs its iterables and a fillvalue= of the items' type here "
                                 "(None is not a number)", f"{shown}(xs, ys, fillvalue=0)")
        k = len(call.args)
        return Source(parse_generator(_zip_longest(k), call), shown, list(call.args) + [fill[0].value],
                      subst=frozenset(f"a{j}" for j in range(k)))
    got = _arguments(fc, call, shown, ("object", "times"), 1)     # repeat
    if "times" in got:
        return Source(parse_generator(_REPEAT, call), shown, [got["object"], got["times"]])
    return Source(parse_generator(_REPEAT_FOREVER, call), shown, [got["object"]])
