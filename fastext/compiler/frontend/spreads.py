"""`f(**d)`, `f(*xs)` and records kept in local dicts, rewritten on a function's AST before its
body is checked (function.py), where the keys or the length are known from the source.

* `f(**{"a": x, "b": y})` is `f(a=x, b=y)`, and `f(*[x, y])` / `f(*(x, y))` is `f(x, y)`.
* A **local record**: a local bound once to a dict display with str-literal keys
  (`opts = {"width": 2.0, "name": "a"}`) whose every use names a key the display has —
  `d["k"]` read or assigned (`+=` too), `**d` in a call, `"k" in d`, `len(d)`,
  `d.get("k")` / `d.get("k", default)` of a constant or a name — is one local per key
  (`opts__width`, `opts__name`), so its values may have different types (a JSON-like record),
  each typed as a local is.  A dict used any other way (returned, passed, iterated, printed,
  a key not in the display) stays a dict, whose values then need one type.
* A local list bound once to a list display and only read (indexed, `len`, iterated, `in`,
  spread) has a known length: `f(*xs)` is `f(xs[0], xs[1], ...)`; Python's TypeError for a
  wrong count becomes the call's located error.
The rewrite is idempotent: a function is checked again for other argument types."""
from __future__ import annotations

import ast

from fastext.compiler.frontend.astedit import located


def rewrite(fn: ast.FunctionDef) -> None:
    """Rewrite `fn`'s spreads and local records in place."""
    parents = {id(c): p for p in ast.walk(fn) for c in ast.iter_child_nodes(p)}
    params = {a.arg for a in ast.walk(fn.args) if isinstance(a, ast.arg)}
    declared = {n for s in ast.walk(fn) if isinstance(s, (ast.Global, ast.Nonlocal)) for n in s.names}
    for stmt in list(ast.walk(fn)):
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            name = stmt.targets[0].id
            if name in params or name in declared:
                continue
            if isinstance(stmt.value, ast.Dict):
                _record(fn, stmt, name, parents)
            elif isinstance(stmt.value, ast.List):
                _known_list(fn, stmt, name, len(stmt.value.elts), parents)
    _Displays().visit(fn)


def _uses(fn: ast.FunctionDef, name: str, parents: dict, define: ast.Assign) -> list[tuple] | None:
    """The loads of `name` in `fn`, each with its parent and grandparent node, or None when it
    is bound anywhere but by `define` or read inside a nested function (whose reads the rewrite
    would not follow)."""
    uses = []
    for node in ast.walk(fn):
        if not (isinstance(node, ast.Name) and node.id == name):
            continue
        if not isinstance(node.ctx, ast.Load):
            if node is not define.targets[0]:
                return None
            continue
        up = parents.get(id(node))
        while up is not None and up is not fn:
            if isinstance(up, (ast.FunctionDef, ast.Lambda, ast.AsyncFunctionDef, ast.ClassDef)):
                return None
            up = parents.get(id(up))
        up = parents.get(id(node))
        uses.append((node, up, parents.get(id(up))))
    return uses


def _key(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _record(fn: ast.FunctionDef, define: ast.Assign, name: str, parents: dict) -> None:
    display: ast.Dict = define.value
    keys = [_key(k) if k is not None else None for k in display.keys]
    if not keys or None in keys or len(set(keys)) != len(keys) or \
            any(isinstance(v, ast.Starred) for v in display.values):
        return
    uses = _uses(fn, name, parents, define)
    if uses is None:
        return
    edits = []
    for use, up, grand in uses:
        if isinstance(up, ast.Subscript) and up.value is use and _key(up.slice) in keys and \
                not isinstance(up.ctx, ast.Del):
            edits.append(("item", up, _key(up.slice)))
        elif isinstance(up, ast.keyword) and up.arg is None:
            edits.append(("spread", up, grand))
        elif isinstance(up, ast.Compare) and len(up.ops) == 1 and up.comparators[0] is use and \
                isinstance(up.ops[0], (ast.In, ast.NotIn)) and _key(up.left) is not None:
            edits.append(("in", up, None))
        elif isinstance(up, ast.Call) and isinstance(up.func, ast.Name) and up.func.id == "len" and up.args == [use]:
            edits.append(("len", up, None))
        elif isinstance(up, ast.Attribute) and up.attr == "get" and isinstance(grand, ast.Call) and \
                grand.func is up and not grand.keywords and 1 <= len(grand.args) <= 2 and \
                _key(grand.args[0]) is not None and \
                all(isinstance(a, (ast.Constant, ast.Name)) for a in grand.args[1:]):
            edits.append(("get", grand, None))
        else:
            return      # used as a dict: it stays one
    local = {k: f"{name}__{k if k.isidentifier() else i}" for i, k in enumerate(keys)}
    for kind, node, call in edits:
        if kind == "spread":
            at = call.keywords.index(node)
            call.keywords[at:at + 1] = [located(ast.keyword(k, ast.Name(local[k], ast.Load())), node) for k in keys]
            continue
        if kind == "item":
            new = ast.Name(local[_key(node.slice)], node.ctx)
        elif kind == "in":
            new = ast.Constant((_key(node.left) in keys) == isinstance(node.ops[0], ast.In))
        elif kind == "len":
            new = ast.Constant(len(keys))
        else:
            k = _key(node.args[0])
            new = ast.Name(local[k], ast.Load()) if k in keys else \
                node.args[1] if len(node.args) > 1 else ast.Constant(None)
        _replace(parents, node, located(ast.copy_location(new, node), node))
    assigns = [located(ast.Assign([ast.Name(local[k], ast.Store())], v), define) for k, v in zip(keys, display.values)]
    _replace(parents, define, assigns)


def _known_list(fn: ast.FunctionDef, define: ast.Assign, name: str, n: int, parents: dict) -> None:
    """`f(*xs)` of a list bound once to a display and only read: its items one by one."""
    if any(isinstance(e, ast.Starred) for e in define.value.elts):
        return
    uses = _uses(fn, name, parents, define)
    if uses is None:
        return
    spreads = []
    for use, up, grand in uses:
        if isinstance(up, ast.Starred) and isinstance(grand, ast.Call) and up in grand.args:
            spreads.append((up, grand))
        elif isinstance(up, ast.Subscript) and up.value is use and isinstance(up.ctx, ast.Load) or \
                isinstance(up, ast.Call) and isinstance(up.func, ast.Name) and up.func.id == "len" or \
                isinstance(up, (ast.For, ast.comprehension)) and up.iter is use or \
                isinstance(up, ast.Compare) and use in up.comparators:
            continue
        else:
            return      # changed, or passed where it could be
    for star, call in spreads:
        at = call.args.index(star)
        call.args[at:at + 1] = [located(ast.Subscript(ast.Name(name, ast.Load()), ast.Constant(k), ast.Load()), star)
                                for k in range(n)]


def _replace(parents: dict, old: ast.AST, new) -> None:
    """Put `new` (a node, or a list of statements) where `old` is in its parent."""
    parent = parents[id(old)]
    for field, value in ast.iter_fields(parent):
        if value is old:
            setattr(parent, field, new)
            return
        if isinstance(value, list) and any(v is old for v in value):
            at = next(i for i, v in enumerate(value) if v is old)
            value[at:at + 1] = new if isinstance(new, list) else [new]
            return


class _Displays(ast.NodeTransformer):
    """`f(**{"a": x})` → `f(a=x)`; `f(*[x, y])`, `f(*(x, y))` → `f(x, y)`."""

    def visit_Call(self, node: ast.Call) -> ast.Call:
        self.generic_visit(node)
        args = []
        for a in node.args:
            if isinstance(a, ast.Starred) and isinstance(a.value, (ast.List, ast.Tuple)) and \
                    not any(isinstance(e, ast.Starred) for e in a.value.elts):
                args += a.value.elts
            else:
                args.append(a)
        keywords = []
        for kw in node.keywords:
            d = kw.value
            if kw.arg is None and isinstance(d, ast.Dict) and d.keys and all(_key(k) is not None for k in d.keys) \
                    and len({_key(k) for k in d.keys}) == len(d.keys):
                keywords += [located(ast.keyword(_key(k), v), kw) for k, v in zip(d.keys, d.values)]
            else:
                keywords.append(kw)
        node.args, node.keywords = args, keywords
        return node
