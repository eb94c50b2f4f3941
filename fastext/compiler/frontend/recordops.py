"""What makes a named tuple a tuple and a frozen dataclass frozen, on top of the plain classes
frontend/records.py rewrites them into (docs/language.md, "Records").

records.py marks the rewritten class (`ClassDef.fx_record`: "tuple" for `NamedTuple` /
`namedtuple(...)`, "frozen" for `@dataclass(frozen=True)`) and frontend/classes.py keeps the
mark in the class's type (`types.Struct.record`), where the ABI reads it too (modinit.py's class
for Python: a tuple, or frozen and hashable).  Here a named tuple's record is read as the tuple of
its fields wherever Python would treat it as a tuple: `p[0]`, `p[-1]`, `p[i]` (fields of one
type), `for v in p`, `len(p)`; `p._replace(x=1)` builds a new record; and a store into a field
of a frozen record (or of a named tuple) outside its `__init__` is a located error, as the
store raises in Python (`FrozenInstanceError`, `AttributeError: can't set attribute`)."""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler.frontend.structs import resolved
from fastext.compiler.types import Scalar, Struct, Tuple, Type

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker


def kind(fc: "FunctionChecker", t: Type) -> str | None:
    """"tuple", "frozen", "data" (another dataclass) or None: what records.py made the class of `t` from."""
    return t.record or None if isinstance(t, Struct) and t.plain else None


def as_tuple(fc: "FunctionChecker", value: ir.Expr, node: ast.AST) -> ir.Expr | None:
    """The tuple of the fields of `value` when it is a named tuple's record (None otherwise),
    `value` evaluated once."""
    t = value.type
    if kind(fc, t) != "tuple":
        return None
    span = fc.span(node)
    items = Tuple(tuple(resolved(ft) for _, ft in t.fields))
    if isinstance(value, ir.Load):          # a local: read each field from it
        return ir.MakeTuple(items, span, [ir.TupleGet(ft, span, ir.Load(t, span, value.var), k)
                                          for k, ft in enumerate(items.items)])
    held = fc.new_temp(t, node)
    fields = [ir.TupleGet(ft, span, ir.Load(t, span, held), k) for k, ft in enumerate(items.items)]
    return ir.StmtExpr(items, span, [ir.Assign(span, held, value)], ir.MakeTuple(items, span, fields))


def replace(fc: "FunctionChecker", node: ast.Call, owner: ir.Expr) -> ir.Expr:
    """`p._replace(x=1)` (and `dataclasses.replace(p, x=1)`, records.py): a new record of p's
    class with the named fields given, the others p's (the keywords are evaluated in their order, after `p`, as Python does)."""
    stype: Struct = owner.type
    names = [f for f, _ in stype.fields]
    if node.args or any(k.arg is None for k in node.keywords):
        raise fc.error(node, "_replace() takes only keyword arguments", f"{ast.unparse(node.func)}({names[0]}=...)")
    unknown = [k.arg for k in node.keywords if k.arg not in names]
    if unknown:
        raise fc.error(node, f"Got unexpected field names: {unknown!r}", f"fields: {', '.join(names)}")
    held = fc.new_temp(stype, node)
    alias = f"_fx_replaced_{held.name[2:]}"     # the record, named for the built call below
    fc.vars[alias] = held
    given = {k.arg for k in node.keywords}
    keep = [ast.keyword(f, ast.Attribute(ast.Name(alias, ast.Load()), f, ast.Load())) for f in names if f not in given]
    build = ast.Call(ast.Name(stype.short_name, ast.Load()), [], list(node.keywords) + keep)
    built = fc.expr(ast.fix_missing_locations(ast.copy_location(build, node)))
    return ir.StmtExpr(built.type, fc.span(node), [ir.Assign(fc.span(node), held, owner)], built)


def check_store(fc: "FunctionChecker", target: ast.Attribute, record: ir.Expr) -> None:
    """A located error for `p.x = v` into a frozen record or a named tuple, except on `self` in
    the class's own `__init__` (where records.py's generated constructor fills the fields)."""
    what = kind(fc, record.type)
    if what not in ("tuple", "frozen"):
        return
    if isinstance(target.value, ast.Name) and target.value.id == "self" and \
            fc.sig.name.endswith(".__init__"):
        return
    short = record.type.short_name
    if what == "frozen":
        raise fc.error(target, f"cannot assign to field '{target.attr}' of the frozen dataclass `{short}`",
                       f"build a new record: dataclasses.replace(p, {target.attr}=...) or "
                       f"{short}(...); or drop `frozen=True`")
    raise fc.error(target, f"can't set attribute '{target.attr}' of the named tuple `{short}`",
                   f"build a new one: p = p._replace({target.attr}=...)")


def hashable(fc: "FunctionChecker", t: Struct, node: ast.AST) -> bool:
    """Whether records of `t` are dict keys and set items: a named tuple's or a frozen
    dataclass's with number fields (hashed and compared field by field, as Python hashes the
    field tuple); a located error for one with other fields, False for other classes."""
    if kind(fc, t) not in ("tuple", "frozen", "hashed") or t.cid or t.base is not None:
        from fastext.compiler.frontend import hashing
        why = hashing.refusal(fc.scope, t.name) if isinstance(t, Struct) and t.plain else None
        if why is not None:
            raise fc.error(node, *why)
        return False
    other = [f for f, ft in t.fields if not isinstance(resolved(ft), Scalar)]
    if other:
        raise fc.error(node, f"`{t.short_name}` records are dict keys and set items only with number fields; "
                       f"`{other[0]}` is not a number", f"key by a tuple of numbers, e.g. an index for `{other[0]}`")
    return True
