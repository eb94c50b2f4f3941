"""A `for` loop's variable that the function later reuses for a value of another type.

Python programs reuse short names freely: `for y in range(6): ...` early in a function and
`y = (h / 2.0 - py) / h` further down (pyperformance's raytrace does this).  A `.fx` local
has one type, so the second assignment would be an error ("`y` has type i64, cannot take
an f64").  Where the loop's binding cannot be seen outside the loop, the loop's variable is
renamed inside it (`y` -> `y$for1`), so each use gets the type of its own values:

* every occurrence of the name outside the loop comes after it in the source, and the first
  of those is a plain `name = value` (not reading the name) whose block holds all the others
  after it — so that assignment runs before any later read, which never sees the loop's value;
* or the occurrences outside come before the loop and none of them is inside a loop around it
  (nothing reads the name after the loop, and no later iteration reads the loop's last value);
* the name is not `global`/`nonlocal` and no nested function or lambda mentions it.

A `str` parameter that the body assigns (`a, b = b, a` to keep the longer text in `a`) is
copied into a local at the start (`a$str = a`), which may then hold any str value.

A name that a statement of the function's top level assigns again (`hist = hist.astype(float)`,
`x = np.asarray(x, dtype=float)` of a parameter, `lut = lut.astype(np.uint8)`) starts a new
variable there: the target and every later occurrence are renamed (`hist` -> `hist$v1`), the
assigned value still reads the old one.  A top-level statement runs exactly once, after every
statement before it and before every statement after it, so each occurrence sees the same value
as in Python; names a nested function or lambda mentions are left alone (a closure reads the
variable, not a value).

A loop whose variable is read after it (`for i in ...: pass; print(i)`) keeps its name, and
its type, as before.

A name written twice in one unpacking target (`for _, q, _ in rows`, `a, a = 1, 2`) is bound
left to right, so only its last position is ever read: the earlier ones are renamed apart
(`_` -> `_$dead1`, `repeated_targets`), each then free to take its own item's type.
"""
from __future__ import annotations

import ast

_LOOPS = (ast.For, ast.While)


def repeated_targets(fn: ast.FunctionDef) -> None:
    """Rename, in place, all but the last occurrence of a name repeated in one unpacking target."""
    count = 0
    for node in ast.walk(fn):
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, (ast.For, ast.comprehension)) else []
        for target in targets:
            if not isinstance(target, (ast.Tuple, ast.List)):
                continue
            names = list(_bound_names(target))
            for k, n in enumerate(names):
                if any(later.id == n.id for later in names[k + 1:]):
                    count += 1
                    n.id = f"{n.id}$dead{count}"


def _bound_names(target: ast.expr):
    """The names an unpacking target binds, left to right (not those read inside `a[i]`, `p.x`)."""
    if isinstance(target, ast.Name):
        yield target
    elif isinstance(target, ast.Starred):
        yield from _bound_names(target.value)
    elif isinstance(target, (ast.Tuple, ast.List)):
        for e in target.elts:
            yield from _bound_names(e)


def rewrite(fn: ast.FunctionDef) -> int:
    """Rename, in place, the variables of `fn`'s `for` loops that the rules above allow; how many."""
    if any(isinstance(n, (ast.Global, ast.Nonlocal)) for n in ast.walk(fn)):
        return 0
    blocks = _blocks(fn)
    nested = [n for n in ast.walk(fn) if n is not fn and isinstance(n, (ast.FunctionDef, ast.Lambda,
                                                                        ast.AsyncFunctionDef, ast.ClassDef))]
    count = 0
    for loop, enclosing in _for_loops(fn.body, []):
        for target in _target_names(loop.target):
            name = target.id
            if "$" in name or any(_mentions(n, name) for n in nested) or _mentions(loop.iter, name):
                continue    # (`for y in f(y)` reads the name's earlier value before the loop binds it)
            inside = {id(n) for n in ast.walk(loop)}
            outside = [n for n in ast.walk(fn) if isinstance(n, ast.Name) and n.id == name and id(n) not in inside]
            if not _hidden(loop, enclosing, outside, name, blocks):
                continue
            count += 1
            fresh = f"{name}$for{count}"
            for n in ast.walk(loop):
                if isinstance(n, ast.Name) and n.id == name:
                    n.id = fresh
    return count + _str_parameters(fn, nested) + _straight_rebinds(fn, nested)


def _straight_rebinds(fn: ast.FunctionDef, nested: list[ast.AST]) -> int:
    """Top-level `name = value` statements that bind a name seen before: a new variable from
    there on (the module docstring's third rule); how many."""
    count = 0
    seen = {a.arg for a in fn.args.args + fn.args.kwonlyargs}
    for k, stmt in enumerate(fn.body):
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            name = stmt.targets[0].id
            if name in seen and "$" not in name and not any(_mentions(n, name) for n in nested):
                count += 1
                fresh = f"{name}$v{count}"
                stmt.targets[0].id = fresh
                for later in fn.body[k + 1:]:
                    for n in ast.walk(later):
                        if isinstance(n, ast.Name) and n.id == name:
                            n.id = fresh
                seen.add(fresh)
                continue
        seen |= {n.id for n in ast.walk(stmt) if isinstance(n, ast.Name)}
    return count


def _str_parameters(fn: ast.FunctionDef, nested: list[ast.AST]) -> int:
    """`a, b = b, a` of `str` parameters (a parameter is the caller's text, which a str value
    cannot replace): the body works on a local copy `a$str = a` instead; how many."""
    count = 0
    for arg in fn.args.args:
        ann = arg.annotation
        if not (isinstance(ann, ast.Name) and ann.id == "str" or isinstance(ann, ast.Constant) and ann.value == "str"):
            continue
        name = arg.arg
        if any(_mentions(n, name) for n in nested):
            continue
        if not any(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store)
                   for s in fn.body for n in ast.walk(s)):
            continue
        fresh = f"{name}$str"
        for s in fn.body:
            for n in ast.walk(s):
                if isinstance(n, ast.Name) and n.id == name:
                    n.id = fresh
        first = fn.body[0]
        at = 1 if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
            and isinstance(first.value.value, str) else 0
        copy = ast.Assign([ast.Name(fresh, ast.Store())], ast.Name(name, ast.Load()))
        for n in ast.walk(copy):
            ast.copy_location(n, fn.body[at] if at < len(fn.body) else first)
        fn.body.insert(at, copy)
        count += 1
    return count


def _hidden(loop: ast.For, enclosing: list[ast.stmt], outside: list[ast.Name], name: str, blocks: dict) -> bool:
    """Whether no occurrence in `outside` can see the value the loop leaves in `name`."""
    start, end = _pos(loop), _end(loop)
    after = sorted((n for n in outside if _pos(n) >= end), key=_pos)
    before = [n for n in outside if _pos(n) < start]
    if loop.orelse and any(_mentions(s, name) for s in loop.orelse):
        return False        # `else:` after no iteration would read the value from before the loop
    around = [(_pos(s), _end(s)) for s in enclosing]
    if any(lo <= _pos(n) < hi for n in before for lo, hi in around):
        return False
    if not after:
        return True
    first = after[0]
    store = _plain_store(first, blocks)
    if store is None:
        return False
    block, _ = blocks[id(store)]
    rest_end = _end(block[-1])
    if _mentions(store.value, name):
        return False
    return all(_pos(store) <= _pos(n) and _end(n) <= rest_end for n in after)


def _plain_store(name: ast.Name, blocks: dict) -> ast.Assign | None:
    """The `name = value` statement whose only target is this occurrence (None if it is not one)."""
    if not isinstance(name.ctx, ast.Store):
        return None
    for block, k in blocks.values():
        s = block[k]
        if isinstance(s, ast.Assign) and len(s.targets) == 1 and s.targets[0] is name:
            return s
    return None


def _blocks(fn: ast.FunctionDef) -> dict[int, tuple[list[ast.stmt], int]]:
    """Each statement of `fn` (outside nested functions) -> (the list holding it, its index)."""
    out: dict[int, tuple[list[ast.stmt], int]] = {}
    todo = [fn.body]
    while todo:
        block = todo.pop()
        for k, s in enumerate(block):
            out[id(s)] = (block, k)
            if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            for field in ("body", "orelse", "finalbody"):
                sub = getattr(s, field, None)
                if isinstance(sub, list) and sub and isinstance(sub[0], ast.stmt):
                    todo.append(sub)
            for h in getattr(s, "handlers", []) or []:
                todo.append(h.body)
            for c in getattr(s, "cases", []) or []:
                todo.append(c.body)
    return out


def _for_loops(block: list[ast.stmt], enclosing: list[ast.stmt]):
    """(loop, the loops around it) for every `for` statement, outside nested functions."""
    for s in block:
        if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        if isinstance(s, ast.For):
            yield s, enclosing
        inner = enclosing + [s] if isinstance(s, _LOOPS) else enclosing
        for field in ("body", "orelse", "finalbody"):
            sub = getattr(s, field, None)
            if isinstance(sub, list) and sub and isinstance(sub[0], ast.stmt):
                yield from _for_loops(sub, inner)
        for h in getattr(s, "handlers", []) or []:
            yield from _for_loops(h.body, inner)


def _target_names(target: ast.expr) -> list[ast.Name]:
    if isinstance(target, ast.Name):
        return [target]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [n for e in target.elts for n in _target_names(e)]
    return []


def _mentions(node: ast.AST, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name or isinstance(n, ast.arg) and n.arg == name
               for n in ast.walk(node))


def _pos(n: ast.AST) -> tuple[int, int]:
    return (n.lineno, n.col_offset)


def _end(n: ast.AST) -> tuple[int, int]:
    return (n.end_lineno, n.end_col_offset)
