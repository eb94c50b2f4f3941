"""`zip(*rows)` in `.fx` code: the columns of a list of lists (or of tuples).

Python yields tuples whose length, `len(rows)`, is known only at run time; a `.fx` tuple has a
length fixed by its type.  So a column is held as a *list* of the rows' items, and the function is
checked (before its body, here) to use each column only where a list and a tuple behave alike:
iterated, indexed by a number, unpacked into names (a wrong count raises Python's ValueError at
run time), tested with `in`, passed to `len`, `sum`, `min`, `max`, `list`, `sorted`, `set`, `any`,
`all`, `enumerate` or `str.join`, or bound to another name used the same way.  The sequence of
columns itself may be iterated, unpacked (`a, b = zip(*pairs)`, where the rows may be tuples of
different item types: column k is `[r[k] for r in rows]`), indexed, passed to `len` or `list`, or
bound to a name used so.  Any other use (printing a column, comparing it, returning it) is a
located error: `list(col)` prints and compares the same compiled and interpreted.

The columns are computed where `zip(*rows)` is evaluated, all at once: the rows are only indexed,
so the values are Python's (a loop body that changes `rows` while it runs is the difference).
"""
from __future__ import annotations

import ast

from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.source import Span

HINT = "use `list(col)` where the column itself is printed, compared, stored or returned"
_COLUMN_CALLS = frozenset({"len", "sum", "min", "max", "list", "sorted", "set", "any", "all", "enumerate"})
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def is_star_zip(node: ast.AST) -> bool:
    """`zip(*x)`: one starred argument."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "zip" \
        and len(node.args) == 1 and isinstance(node.args[0], ast.Starred) and not node.keywords


def _own(nodes):
    """Every node under `nodes`, not entering nested functions, lambdas or classes."""
    stack = list(nodes)
    while stack:
        n = stack.pop()
        yield n
        stack.extend(c for c in ast.iter_child_nodes(n) if not isinstance(c, _SCOPES))


def rewrite(fn: ast.FunctionDef, bound, file: str) -> None:
    """Check the uses of the columns of each `zip(*rows)` in `fn` and compute them in statements
    before the one that reads them (in place)."""
    if bound("zip"):
        return
    body = fn.body
    sites = [n for n in _own(body) if is_star_zip(n)]
    if not sites:
        return
    checker = _Uses(fn, file)
    for site in sites:
        checker.expr(site, 2)
    fn.body = _Rewriter(file).block(fn.body)


class _Uses:
    """The check that columns (depth 1) and sequences of columns (depth 2) are used only where a
    list and a tuple behave alike."""

    def __init__(self, fn: ast.FunctionDef, file: str):
        self.fn, self.file = fn, file
        self.parents = {c: p for p in ast.walk(fn) for c in ast.iter_child_nodes(p)}
        self.names: set[tuple[str, int]] = set()

    def error(self, node: ast.AST, depth: int) -> FxSyntaxError:
        what = "a column of `zip(*rows)`" if depth == 1 else "the columns of `zip(*rows)`"
        return FxSyntaxError(Span.of(node, self.file), f"this is {what}, tuples whose length is known only at run "
                             "time, which .fx code holds as lists: it can be iterated, indexed, unpacked or passed to "
                             "len/sum/min/max/list/sorted/set, not used as a value here", HINT)

    def name(self, target: ast.expr, depth: int) -> None:
        if isinstance(target, (ast.Tuple, ast.List)):
            if depth == 2:
                for e in target.elts:
                    self.name(e, 1)
            return      # a column unpacked: its items are plain values
        if not isinstance(target, ast.Name):
            raise self.error(target, depth)
        if (target.id, depth) in self.names:
            return
        self.names.add((target.id, depth))
        for n in ast.walk(self.fn):
            if isinstance(n, ast.Name) and n.id == target.id and isinstance(n.ctx, ast.Load):
                self.expr(n, depth)

    def expr(self, e: ast.expr, depth: int) -> None:
        p = self.parents.get(e)
        if isinstance(p, (ast.For, ast.comprehension)) and p.iter is e:
            if depth == 2:
                self.name(p.target, 1)
            return
        if isinstance(p, ast.Assign) and p.value is e:
            if len(p.targets) != 1:
                raise self.error(e, depth)
            return self.name(p.targets[0], depth) if depth == 2 or isinstance(p.targets[0], ast.Name) else None
        if isinstance(p, ast.Subscript) and p.value is e and not isinstance(p.slice, ast.Slice):
            return self.expr(p, 1) if depth == 2 else None
        if isinstance(p, ast.Call) and p.args and p.args[0] is e and isinstance(p.func, ast.Name):
            if p.func.id == "len":
                return
            if p.func.id == "list" and depth == 2:
                return self.expr(p, 2)
            if p.func.id == "enumerate" and depth == 2:
                q = self.parents.get(p)
                if isinstance(q, (ast.For, ast.comprehension)) and q.iter is p and \
                        isinstance(q.target, ast.Tuple) and len(q.target.elts) == 2:
                    return self.name(q.target.elts[1], 1)
                raise self.error(e, depth)
            if depth == 1 and p.func.id in _COLUMN_CALLS:
                return
        if depth == 1 and isinstance(p, ast.Call) and isinstance(p.func, ast.Attribute) and p.func.attr == "join" \
                and p.args and p.args[0] is e:
            return
        if depth == 1 and isinstance(p, ast.Compare) and e in p.comparators and \
                isinstance(p.ops[p.comparators.index(e)], (ast.In, ast.NotIn)):
            return
        raise self.error(e, depth)


def _name(v: str, store: bool = False) -> ast.Name:
    return ast.Name(v, ast.Store() if store else ast.Load())


class _Rewriter:
    """`zip(*rows)` replaced by a local computed by statements before the one that reads it."""

    def __init__(self, file: str):
        self.file = file

    def block(self, stmts: list[ast.stmt]) -> list[ast.stmt]:
        out: list[ast.stmt] = []
        for s in stmts:
            for field in ("body", "orelse", "finalbody"):
                inner = getattr(s, field, None)
                if isinstance(inner, list) and inner and isinstance(inner[0], ast.stmt) and \
                        not isinstance(s, _SCOPES):
                    setattr(s, field, self.block(inner))
            for h in getattr(s, "handlers", []) or []:
                h.body = self.block(h.body)
            out += self.statement(s)
        return out

    def statement(self, s: ast.stmt) -> list[ast.stmt]:
        if isinstance(s, _SCOPES):
            return [s]
        if isinstance(s, ast.For):
            own = [s.target, s.iter]
        elif isinstance(s, (ast.If, ast.While)):
            own = [s.test]
        elif isinstance(s, (ast.With, ast.Try)):
            own = []
        else:
            own = [s]
        sites = [n for n in _own(own) if is_star_zip(n)]
        if not sites:
            return [s]
        if isinstance(s, (ast.If, ast.While)):
            raise FxSyntaxError(Span.of(sites[0], self.file), "`zip(*rows)` in a condition is not supported",
                                "bind the columns to a name first: `cols = list(zip(*rows))`")
        if isinstance(s, ast.Assign) and s.value is sites[0] and len(s.targets) == 1 and \
                isinstance(s.targets[0], (ast.Tuple, ast.List)):
            return self.unpacked(s, sites[0])
        before: list[ast.stmt] = []
        for site in sites:
            rows = site.args[0].value
            if not isinstance(rows, ast.Name) and not (isinstance(s, ast.For) and s.iter is site):
                raise FxSyntaxError(Span.of(site, self.file), "`zip(*...)` of an expression is supported as the "
                                    "iterable of a `for` statement or of a name", "bind the rows to a name first")
            before += self.columns(site)
        s = _Replace({id(site): f"$zt{site.lineno}_{site.col_offset}" for site in sites}).visit(s)
        return before + [s]

    def _prelude(self, site: ast.Call) -> tuple[list[ast.stmt], str, str, str]:
        k = f"{site.lineno}_{site.col_offset}"
        rows, n, r = f"$zx{k}", f"$zn{k}", f"$zr{k}"
        value = site.args[0].value
        if not isinstance(value, ast.Name):
            value = ast.Call(_name("list"), [value], [])
        stmts = [ast.Assign([_name(rows, True)], value),
                 ast.Assign([_name(n, True)], ast.Constant(0)),
                 ast.If(ast.Compare(ast.Call(_name("len"), [_name(rows)], []), [ast.Gt()], [ast.Constant(0)]), [
                     ast.Assign([_name(n, True)], ast.Call(_name("min"), [ast.ListComp(
                         ast.Call(_name("len"), [_name(r)], []), [ast.comprehension(_name(r, True), _name(rows), [], 0)])],
                         []))], [])]
        return stmts, rows, n, r

    def columns(self, site: ast.Call) -> list[ast.stmt]:
        stmts, rows, n, r = self._prelude(site)
        k = f"{site.lineno}_{site.col_offset}"
        j = f"$zj{k}"
        stmts.append(ast.Assign([_name(f"$zt{k}", True)], ast.ListComp(
            ast.ListComp(ast.Subscript(_name(r), _name(j), ast.Load()),
                         [ast.comprehension(_name(r, True), _name(rows), [], 0)]),
            [ast.comprehension(_name(j, True), ast.Call(_name("range"), [_name(n)], []), [], 0)])))
        return _located(stmts, site)

    def unpacked(self, s: ast.Assign, site: ast.Call) -> list[ast.stmt]:
        """`a, b = zip(*pairs)`: column k is `[r[k] for r in rows]` (constant indices: rows may be
        tuples of different item types), after Python's check of the count."""
        stmts, rows, n, r = self._prelude(site)
        targets = s.targets[0].elts
        count = len(targets)
        few = ast.JoinedStr([ast.Constant(f"not enough values to unpack (expected {count}, got "),
                             ast.FormattedValue(_name(n), -1, None), ast.Constant(")")])
        stmts.append(ast.If(ast.Compare(_name(n), [ast.Lt()], [ast.Constant(count)]),
                            [ast.Raise(ast.Call(_name("ValueError"), [few], []), None)], []))
        stmts.append(ast.If(ast.Compare(_name(n), [ast.Gt()], [ast.Constant(count)]), [ast.Raise(ast.Call(
            _name("ValueError"), [ast.Constant(f"too many values to unpack (expected {count})")], []), None)], []))
        for k, t in enumerate(targets):
            stmts.append(ast.copy_location(ast.Assign([t], ast.ListComp(
                ast.Subscript(_name(r), ast.Constant(k), ast.Load()),
                [ast.comprehension(_name(r, True), _name(rows), [], 0)])), t))
        return _located(stmts, site)


class _Replace(ast.NodeTransformer):
    def __init__(self, names: dict[int, str]):
        self.names = names

    def visit_Call(self, node: ast.Call):
        if id(node) in self.names:
            return ast.copy_location(_name(self.names[id(node)]), node)
        return self.generic_visit(node)


def _located(stmts: list[ast.stmt], at: ast.AST) -> list[ast.stmt]:
    for s in stmts:
        if not hasattr(s, "lineno"):
            ast.copy_location(s, at)
        ast.fix_missing_locations(s)
    return stmts
