"""Array expressions fused across statements: `diff = x[:, None] - x[None, :]` followed by
`d = np.sqrt((diff * diff).sum(axis=-1))` computes `d` in one loop nest, with no `diff` array.

NumPy users name their intermediates; computing each one into memory costs a pass over a
temporary as big as the result (an n×n×3 `diff` is 24 MB at n = 1000).  A name is *forwarded*
— its element-wise value typed in place of its loads, so the consumer's expression fuses it —
when that cannot be told from Python:

* it is a plain local assigned once in the function (`name = expr`, not a parameter), and
  every load of it is in later simple statements (assignments, `return`) of the same block,
  as an operand of an expression — not moved whole (`y = t`, `prev, cur = cur, t`,
  `return t`: nothing would fuse, and a recycled buffer would be lost), stored into or
  mutated; loads in several statements only for a value cheaper to compute again than to
  read back (sums, differences and products of views: `dx = x[None, :] - x[:, None]`);
* more than one load: each is an operand of arithmetic (`diff * diff`), where Python would
  only read the one array;
* the statements between (and the using ones but the last) assign other names, or items of
  arrays the function allocated itself, read no name the forwarded value reads and call
  nothing but NumPy (so nothing it reads can change), and no `try` encloses the assignment
  (an error would be raised at the later statement);
* its value types as an element-wise expression (`ir.ArrayMap`: a new array no other name
  holds) and, when it is loaded more than once, its operands are names, views and numbers
  (`x - np.median(x)` read twice keeps its array: the median would run twice); anything else
  is assigned as usual.
"""
from __future__ import annotations

import ast

_SIMPLE = (ast.Assign, ast.AnnAssign, ast.Return)
_MOVES = (ast.Assign, ast.AnnAssign, ast.Return, ast.Tuple, ast.List, ast.Starred)


def candidates(fn: ast.FunctionDef, numpy_names: set[str], others: set[str]) -> dict[int, tuple[str, int]]:
    """id(assignment statement) → (the name it may forward, its number of loads), by the module
    docstring's rules but the last, which the checker applies once the value is typed.  `numpy_names`: the names bound
    to NumPy; `others`: the other module-level names (functions, modules: calls may write)."""
    stores: dict[str, int] = {}
    loads: dict[str, list[ast.Name]] = {}
    params = {a.arg for a in fn.args.args + fn.args.kwonlyargs + fn.args.posonlyargs}
    parents: dict[int, ast.AST] = {}
    for node in ast.walk(fn):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
        if isinstance(node, ast.Name):
            if isinstance(node.ctx, ast.Store):
                stores[node.id] = stores.get(node.id, 0) + 1
            else:
                loads.setdefault(node.id, []).append(node)
        elif isinstance(node, (ast.AugAssign,)) and isinstance(node.target, ast.Name):
            stores[node.target.id] = stores.get(node.target.id, 0) + 2     # a rebinding too
    # arrays the function allocates and only stores into or returns: no other name can view them,
    # so a store into one changes nothing a forwarded value reads
    fresh = {s.targets[0].id for s in ast.walk(fn) if isinstance(s, ast.Assign) and len(s.targets) == 1
             and isinstance(s.targets[0], ast.Name) and stores.get(s.targets[0].id) == 1
             and _allocates(s.value, numpy_names)
             and all(_stored_or_returned(u, parents) for u in loads.get(s.targets[0].id, []))}
    # names a lambda or nested def reads: a closure captures the variable (frontend/funcvals.py)
    captured = {n.id for inner in ast.walk(fn) if isinstance(inner, (ast.Lambda, ast.FunctionDef)) and inner is not fn
                for n in ast.walk(inner) if isinstance(n, ast.Name)}
    out: dict[int, str] = {}
    for block, in_try in _blocks(fn.body, False):
        if in_try:
            continue
        for i, stmt in enumerate(block):
            if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)):
                continue
            name = stmt.targets[0].id
            if stores.get(name) != 1 or name in params or not loads.get(name) or name in captured:
                continue
            used = _using_statements(block, i, loads[name], parents)
            if not used or not all(isinstance(block[k], _SIMPLE) for k in used):
                continue
            uses = loads[name]
            if any(not _consumed(u, parents) for u in uses):
                continue        # `y = t`, `a, b = b, t`, `return t`: nothing to fuse into (and a recycled site stays one)
            if len(uses) > len(used) and not all(isinstance(parents.get(id(u)), (ast.BinOp, ast.UnaryOp)) for u in uses):
                continue        # f(t, t): Python passes one array twice
            if len(used) > 1 and not _cheap(stmt.value):
                continue        # recomputed in each statement: only where that costs less than memory
            read = {n.id for n in ast.walk(stmt.value) if isinstance(n, ast.Name)}
            if all(_quiet(block[k], read, numpy_names, fresh, others) for k in range(i + 1, used[-1])):
                out[id(stmt)] = (name, len(uses))
    return out


def cheap_operands(value) -> bool:
    """Whether a typed element-wise value may be copied into several loads: its operands are
    names, views of names and numbers (an operand such as `np.median(x)` would run once per copy)."""
    from fastext.compiler import ir
    for operand in value.operands:
        for sub in ir.walk_exprs(operand):
            if not isinstance(sub, (ir.Load, ir.ArraySlice, ir.Const, ir.BinOp, ir.UnaryOp, ir.Cast, ir.ArrayDim)):
                return False
    return True


_MUTATORS = {"sort", "fill", "put", "partition", "resize", "itemset", "setfield", "byteswap"}
_ALLOCATORS = {"empty", "zeros", "ones", "full", "empty_like", "zeros_like", "ones_like", "full_like"}


def _consumed(use: ast.Name, parents: dict) -> bool:
    """The load is an operand the statement computes with (not moved whole, stored into or mutated)."""
    parent = parents.get(id(use))
    if isinstance(parent, _MOVES):
        return False
    if isinstance(parent, ast.Attribute) and parent.attr in _MUTATORS:
        return False
    node = use
    while id(node) in parents:
        parent = parents[id(node)]
        if isinstance(parent, ast.Subscript) and getattr(parent, "ctx", None).__class__ is not ast.Load:
            return False        # t[0] = ...: a store into it
        if isinstance(parent, (ast.Assign, ast.AnnAssign)) and node is not parent.value:
            return False
        if isinstance(parent, ast.stmt):
            break
        node = parent
    return True


def _stored_or_returned(use: ast.Name, parents: dict) -> bool:
    """`acc[...] = v` (the base of a store target) or `return acc` / `return acc, b`."""
    parent = parents.get(id(use))
    if isinstance(parent, ast.Subscript) and parent.value is use and isinstance(parent.ctx, ast.Store):
        return True
    if isinstance(parent, ast.Tuple):
        parent = parents.get(id(parent))
    return isinstance(parent, ast.Return)


def _cheap(value: ast.expr) -> bool:
    """Sums, differences and products of (views of) arrays: cheaper to compute again than to read."""
    for node in ast.walk(value):
        if isinstance(node, ast.BinOp) and not isinstance(node.op, (ast.Add, ast.Sub, ast.Mult)):
            return False
        if isinstance(node, ast.UnaryOp) and not isinstance(node.op, (ast.USub, ast.UAdd)):
            return False
        if isinstance(node, (ast.Call, ast.IfExp, ast.Compare, ast.BoolOp, ast.Lambda, ast.NamedExpr)):
            return False
    return True


def _allocates(value: ast.expr, numpy_names: set[str]) -> bool:
    """`np.empty(...)`, `np.zeros_like(...)`, ...: a new array no other name holds."""
    return isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and \
        value.func.attr in _ALLOCATORS and isinstance(value.func.value, ast.Name) and value.func.value.id in numpy_names


def _blocks(stmts: list[ast.stmt], in_try: bool):
    """Every statement list of the function (not nested functions), with whether a `try` encloses it."""
    yield stmts, in_try
    for s in stmts:
        inner = in_try or isinstance(s, ast.Try)
        for field in ("body", "orelse", "finalbody"):
            body = getattr(s, field, None)
            if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                yield from _blocks(body, inner)
        for h in getattr(s, "handlers", []):
            yield from _blocks(h.body, True)


def _using_statements(block: list[ast.stmt], i: int, uses: list[ast.Name], parents: dict) -> list[int] | None:
    """The indices (sorted) of the statements after `i` in `block` holding the loads, else None."""
    found: set[int] = set()
    for u in uses:
        node = u
        while not any(node is s for s in block):
            node = parents.get(id(node))
            if node is None or isinstance(node, (ast.Lambda, ast.comprehension)):
                return None
        k = next(j for j, s in enumerate(block) if s is node)
        if k <= i:
            return None
        found.add(k)
    return sorted(found)


def _quiet(stmt: ast.stmt, read: set[str], numpy_names: set[str], fresh: set[str], others: set[str]) -> bool:
    """An assignment that changes nothing the forwarded value reads: of other names, or into the
    items of an array the function made itself (`acc[:, 0] = ...` after `acc = np.empty(...)`)."""
    if not isinstance(stmt, (ast.Assign, ast.AnnAssign)):
        return False
    targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
    for t in targets:
        if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name) and t.value.id in fresh \
                and t.value.id not in read:
            continue
        names = [t] if isinstance(t, ast.Name) else list(t.elts) if isinstance(t, ast.Tuple) else None
        if names is None or not all(isinstance(n, ast.Name) and n.id not in read for n in names):
            return False
    return all(_pure_call(node, numpy_names, others) for node in ast.walk(stmt) if isinstance(node, ast.Call))


_BUILTINS = {"abs", "min", "max", "len", "int", "float", "bool", "round", "sum", "complex"}


def _pure_call(call: ast.Call, numpy_names: set[str], others: set[str]) -> bool:
    """NumPy's functions, builtins on numbers and arrays' non-mutating methods (`x.sum()`,
    `(a * b).mean(axis=1)`) write nothing; a `.fx` function or `out=` may."""
    if any(kw.arg == "out" for kw in call.keywords):
        return False
    if isinstance(call.func, ast.Name):
        return call.func.id in _BUILTINS and call.func.id not in others
    root = call.func
    while isinstance(root, ast.Attribute):
        root = root.value
    if isinstance(root, ast.Name) and root.id in numpy_names:
        return True
    return isinstance(call.func, ast.Attribute) and call.func.attr not in _MUTATORS and \
        not (isinstance(root, ast.Name) and root.id in others)
