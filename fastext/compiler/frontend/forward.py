"""Array expressions fused across statements: `diff = x[:, None] - x[None, :]` followed by
`d = np.sqrt((diff * diff).sum(axis=-1))` computes `d` in one loop nest, with no `diff` array.

NumPy users name their intermediates; computing each one into memory costs a pass over a
temporary as big as the result (an n×n×3 `diff` is 24 MB at n = 1000).  A name is *forwarded*
— its element-wise value typed in place of its loads, so the consumer's expression fuses it —
when that cannot be told from Python:

* it is a plain local assigned once in the function (`name = expr`, not a parameter), and
  every load of it is in one later statement of the same block, a simple statement (an
  assignment or `return`), as an operand of an expression — not moved whole (`y = t`,
  `prev, cur = cur, t`, `return t`: nothing would fuse, and a recycled buffer would be lost);
* more than one load: each is an operand of arithmetic (`diff * diff`), where Python would
  only read the one array;
* the statements between are assignments of other names whose values read no name the
  forwarded value reads and call nothing but NumPy (so nothing it reads can change), and no
  `try` encloses the assignment (an error would be raised at the later statement);
* its value types as an element-wise expression (`ir.ArrayMap`: a new array no other name
  holds); anything else is assigned as usual.
"""
from __future__ import annotations

import ast

_SIMPLE = (ast.Assign, ast.AnnAssign, ast.Return)
_MOVES = (ast.Assign, ast.AnnAssign, ast.Return, ast.Tuple, ast.List, ast.Starred)


def candidates(fn: ast.FunctionDef, numpy_names: set[str]) -> dict[int, str]:
    """id(assignment statement) → the name it may forward (module docstring's rules but the
    last, which the checker applies once the value is typed)."""
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
    out: dict[int, str] = {}
    for block, in_try in _blocks(fn.body, False):
        if in_try:
            continue
        for i, stmt in enumerate(block):
            if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)):
                continue
            name = stmt.targets[0].id
            if stores.get(name) != 1 or name in params or not loads.get(name):
                continue
            use = _using_statement(block, i, loads[name], parents)
            if use is None or not isinstance(block[use], _SIMPLE):
                continue
            uses = loads[name]
            if any(isinstance(parents.get(id(u)), _MOVES) for u in uses):
                continue        # `y = t`, `a, b = b, t`, `return t`: nothing to fuse into (and a recycled site stays one)
            if len(uses) > 1 and not all(isinstance(parents.get(id(u)), (ast.BinOp, ast.UnaryOp)) for u in uses):
                continue
            read = {n.id for n in ast.walk(stmt.value) if isinstance(n, ast.Name)}
            if all(_quiet(block[k], read, numpy_names) for k in range(i + 1, use)):
                out[id(stmt)] = name
    return out


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


def _using_statement(block: list[ast.stmt], i: int, uses: list[ast.Name], parents: dict) -> int | None:
    """The index of the one statement after `i` in `block` holding every load, else None."""
    found = None
    for u in uses:
        node = u
        while not any(node is s for s in block):
            node = parents.get(id(node))
            if node is None or isinstance(node, (ast.Lambda, ast.comprehension)):
                return None
        k = next(j for j, s in enumerate(block) if s is node)
        if k <= i:
            return None
        if found is not None and k != found:
            return None
        found = k
    return found


def _quiet(stmt: ast.stmt, read: set[str], numpy_names: set[str]) -> bool:
    """An assignment of other names that changes nothing the forwarded value reads."""
    if not isinstance(stmt, (ast.Assign, ast.AnnAssign)):
        return False
    targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
    for t in targets:
        names = [t] if isinstance(t, ast.Name) else list(t.elts) if isinstance(t, ast.Tuple) else None
        if names is None or not all(isinstance(n, ast.Name) and n.id not in read for n in names):
            return False
    for node in ast.walk(stmt):
        if isinstance(node, ast.Call):
            root = node.func
            while isinstance(root, ast.Attribute):
                root = root.value
            if not (isinstance(root, ast.Name) and root.id in numpy_names):
                return False
            if any(kw.arg == "out" for kw in node.keywords):
                return False
    return True
