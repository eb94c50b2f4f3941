"""Plain classes that define `__eq__` and `__hash__` as dict keys and set items (a `Point` in the
`visited` set of a search; docs/language.md, "Classes as dict keys").

A native dict hashes and compares a key record field by field (lower/dicts.py, as for named
tuples).  That is Python's behaviour for the class exactly when its `__eq__` says "all fields
equal": then any `__hash__` consistent with it finds the same entries, and the dict's order is
insertion order either way.  So `__eq__` is read here in the shapes people write it —
`self.x == other.x and self.y == other.y`, `(self.x, self.y) == (other.x, other.y)`, either
after an `isinstance(other, C)` test — and the class is marked hashable (`Struct.record`
"hashed") when the fields it compares are all the class's fields.  `__hash__` must be
`return hash(...)`: it is not compiled (nothing native reads a hash value), and the class Python
callers get hashes the tuple of the fields (modinit.py).  Any other shape leaves the class
unhashable, and its use as a key is a located error that says why (`refusal`)."""
from __future__ import annotations

import ast

from fastext.compiler.diagnostics import FxSyntaxError


def hash_method(collector, node: ast.ClassDef, m: ast.FunctionDef) -> None:
    """Accept `def __hash__(self): return hash(...)` (the method is dropped); a located error
    for any other body."""
    body = [s for s in m.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    ok = len(body) == 1 and isinstance(body[0], ast.Return) and isinstance(body[0].value, ast.Call) \
        and isinstance(body[0].value.func, ast.Name) and body[0].value.func.id == "hash" \
        and len(body[0].value.args) == 1 and len(m.args.args) == 1
    if not ok:
        raise FxSyntaxError(collector.span(m), f"`__hash__` of class `{node.name}` must be `return hash(...)`",
                            "hash the fields that `__eq__` compares: `return hash((self.x, self.y))`")


def _field(e: ast.expr, who: str) -> str | None:
    if isinstance(e, ast.Attribute) and isinstance(e.value, ast.Name) and e.value.id == who:
        return e.attr
    return None


def _pairs(cmp: ast.expr, me: str, other: str) -> list[str] | None:
    """The fields one `==` compares between `me` and `other` (None: another shape)."""
    if not (isinstance(cmp, ast.Compare) and len(cmp.ops) == 1 and isinstance(cmp.ops[0], ast.Eq)):
        return None
    a, b = cmp.left, cmp.comparators[0]
    if isinstance(a, ast.Tuple) and isinstance(b, ast.Tuple) and len(a.elts) == len(b.elts):
        out = []
        for x, y in zip(a.elts, b.elts):
            got = _pairs(ast.Compare(x, [ast.Eq()], [y]), me, other)
            if got is None:
                return None
            out += got
        return out
    fa, fb = _field(a, me), _field(b, other)
    if fa is None:      # `other.x == self.x`
        fa, fb = _field(a, other), _field(b, me)
    return [fa] if fa is not None and fa == fb else None


def _is_instance_test(e: ast.expr, other: str, cls: str) -> bool:
    return isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and e.func.id == "isinstance" and \
        len(e.args) == 2 and isinstance(e.args[0], ast.Name) and e.args[0].id == other and \
        isinstance(e.args[1], ast.Name) and e.args[1].id == cls


def is_instance_guard(stmt: ast.stmt, other: str, cls: str) -> bool:
    """`if not isinstance(other, C): return NotImplemented` (or `return False`)."""
    if not (isinstance(stmt, ast.If) and not stmt.orelse and len(stmt.body) == 1):
        return False
    test, then = stmt.test, stmt.body[0]
    value = then.value if isinstance(then, ast.Return) else None
    return isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) and \
        _is_instance_test(test.operand, other, cls) and \
        (isinstance(value, ast.Constant) and value.value is False or
         isinstance(value, ast.Name) and value.id == "NotImplemented")


def compared_fields(m: ast.FunctionDef, cls: str) -> list[str] | None:
    """The fields `__eq__` compares (None when its body is not one of the field-wise shapes)."""
    if len(m.args.args) != 2:
        return None
    me, other = m.args.args[0].arg, m.args.args[1].arg
    body = [s for s in m.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    if len(body) == 2 and isinstance(body[0], ast.If) and not body[0].orelse:
        # `if not isinstance(other, C): return NotImplemented`
        if not is_instance_guard(body[0], other, cls):
            return None
        body = body[1:]
    if len(body) != 1 or not isinstance(body[0], ast.Return) or body[0].value is None:
        return None
    value = body[0].value
    parts = value.values if isinstance(value, ast.BoolOp) and isinstance(value.op, ast.And) else [value]
    fields: list[str] = []
    for p in parts:
        if _is_instance_test(p, other, cls):
            continue
        got = _pairs(p, me, other)
        if got is None:
            return None
        fields += got
    return fields


def mark(collector, node: ast.ClassDef, methods: list[ast.FunctionDef], hashed: ast.FunctionDef | None,
         fields: list[str]) -> str:
    """"hashed" when the class's `__eq__` compares exactly its fields and it has `__hash__`
    (else "", with the reason kept for `refusal`)."""
    if hashed is None:
        return ""
    eq = next((m for m in methods if m.name == "__eq__"), None)
    why = None
    if eq is None:
        why = (f"class `{node.name}` defines `__hash__` without `__eq__` (instances equal only to "
               "themselves)", "define `__eq__` comparing the fields that `__hash__` hashes")
    else:
        compared = compared_fields(eq, node.name)
        if compared is None:
            why = (f"the `__eq__` of class `{node.name}` is not a field-by-field comparison",
                   "write it `return self.x == other.x and self.y == other.y` (or compare tuples "
                   "of the fields), or key the dict by a tuple of the fields")
        elif set(compared) != set(fields):
            missed = [f for f in fields if f not in compared]
            why = (f"the `__eq__` of class `{node.name}` does not compare field `{missed[0]}`" if missed else
                   f"the `__eq__` of class `{node.name}` compares a name that is not a field",
                   "keys are compared field by field: compare every field in `__eq__`, or key the "
                   "dict by a tuple of the fields that matter")
    if why is not None:
        refused = collector.scope.__dict__.setdefault("unhashed_classes", {})
        refused[collector.scope.qualify(node.name)] = why
        return ""
    return "hashed"


def refusal(scope, qualname: str) -> tuple[str, str] | None:
    """Why a class with `__hash__` is not a key (message, hint), if it has one."""
    return scope.__dict__.get("unhashed_classes", {}).get(qualname)

