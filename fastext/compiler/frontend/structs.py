"""`@struct` classes: value records with typed fields and methods (no inheritance).

At module level `collect_struct` reads one decorated class: its annotated fields
become a `types.Struct`, bound as a `structtype` name; each method becomes a
function `NAME.method` (its `self` typed as the struct) checked like any other
function and called natively.  In function bodies (`struct_call`, `field_of`,
`method_call`, hooks from calls.py / expressions.py / function.py) a struct is
built by calling its name, read by field, and passed by value.  Plain structs are
immutable values, so the interpreted oracle (a tuple subclass, `fastext.struct`)
and compiled code cannot disagree about aliasing.  `@struct(mutable=True)` structs are
references to records (`types.Struct.mutable`, lower/structs.py), as Python's objects are:
their fields are assigned by `assign_field` / `augassign_field` (`ir.SetField`).
"""
from __future__ import annotations

import ast
import copy
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.frontend import annotations
from fastext.compiler.frontend.scope import Binding
from fastext.compiler.source import Span, without_docstring
from fastext.compiler.types import ERROR, Array, ClassRef, ErrorType, List, Scalar, Struct, Type, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker
    from fastext.compiler.frontend.module import _ModuleCollector

HINT = "a struct holds annotated fields (`x: f64`) and methods (`def norm(self) -> f64:`)"


def is_struct_class(collector: "_ModuleCollector", node: ast.ClassDef) -> bool:
    """Whether the class is decorated `@struct` / `@fastext.struct`, or either called
    (`@struct(mutable=True)`), the name bound from fastext."""
    for deco in node.decorator_list:
        if isinstance(deco, ast.Call):
            deco = deco.func
        if isinstance(deco, ast.Name) and (collector.scope.lookup(deco.id) or Binding("")).kind == "struct":
            return True
        if isinstance(deco, ast.Attribute) and deco.attr == "struct" and isinstance(deco.value, ast.Name) and \
                (collector.scope.lookup(deco.value.id) or Binding("")).kind == "module:fastext":
            return True
    return False


def _is_mutable(collector: "_ModuleCollector", deco: ast.expr) -> bool:
    """The `mutable=` flag of `@struct(mutable=True)` (False for a bare `@struct`)."""
    if not isinstance(deco, ast.Call):
        return False
    hint = "write @struct (an immutable value) or @struct(mutable=True) (a record with settable fields)"
    if deco.args:
        raise FxSyntaxError(collector.span(deco.args[0]), "@struct takes no positional arguments", hint)
    mutable = False
    for kw in deco.keywords:
        if kw.arg != "mutable":
            raise FxSyntaxError(collector.span(kw.value), f"@struct has no option `{kw.arg}`", hint)
        if not (isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, bool)):
            raise FxSyntaxError(collector.span(kw.value), "`mutable=` takes True or False written out", hint)
        mutable = kw.value.value
    return mutable


def collect_struct(collector: "_ModuleCollector", node: ast.ClassDef) -> list[ast.FunctionDef]:
    """Read one `@struct` class: bind its type, return its methods as functions named `NAME.m`."""
    scope = collector.scope
    span = collector.span(node)
    if len(node.decorator_list) != 1:
        raise FxSyntaxError(collector.span(node.decorator_list[-1]), "a struct takes only the @struct decorator",
                            "remove the other decorators")
    if node.bases or node.keywords:
        where = (node.bases or [k.value for k in node.keywords])[0]
        raise FxSyntaxError(collector.span(where), f"struct `{node.name}` cannot inherit from another class",
                            "structs have no inheritance: put the fields you need in the struct itself, "
                            "or hold the other struct as a field")
    if node.name in scope.names or node.name in scope.signatures:
        raise FxSyntaxError(span, f"`{node.name}` is already bound at module level", "rename the struct")
    mutable = _is_mutable(collector, node.decorator_list[0])
    fields: list[tuple[str, Type]] = []
    methods: list[ast.FunctionDef] = []
    bad_member = False
    for stmt in without_docstring(node.body):
        try:
            _member(collector, node, stmt, fields, methods, mutable)
        except FxSyntaxError as e:   # report every bad member, keep the rest
            collector.diags.add(e.diagnostic)
            bad_member = True
    if not fields and not bad_member:
        raise FxSyntaxError(span, f"struct `{node.name}` has no fields", "declare fields: `x: f64`")
    stype = Struct(scope.qualify(node.name), tuple(fields), mutable)
    scope.names[node.name] = Binding("structtype", stype)
    out = []
    for m in methods:
        try:
            out.append(_method(collector, node, m, stype))
        except FxSyntaxError as e:
            collector.diags.add(e.diagnostic)
    return out


def _member(collector, node: ast.ClassDef, stmt: ast.stmt, fields: list, methods: list, mutable: bool) -> None:
    """One statement of a struct's body: a field annotation, a method, `pass` or a docstring."""
    scope = collector.scope
    if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
        if methods:
            raise FxSyntaxError(collector.span(stmt), "struct fields must come before the methods",
                                "move the field annotations to the top of the class")
        name = stmt.target.id
        if any(f == name for f, _ in fields):
            raise FxSyntaxError(collector.span(stmt.target), f"struct field `{name}` is declared twice",
                                "rename one of them")
        if name.startswith("_"):
            raise FxSyntaxError(collector.span(stmt.target), f"struct field `{name}` starts with an underscore",
                                "field names are public names, as in a named tuple: rename it")
        t = annotations.resolve(stmt.annotation, scope)
        if not isinstance(t, (Scalar, Struct)):
            raise FxSyntaxError(collector.span(stmt.annotation),
                                f"struct field `{name}` has type {t}; fields are scalars or structs",
                                ("pass arrays as separate parameters; " if isinstance(t, Array) else "")
                                + "a field may be a number, a complex "
                                "number or another struct")
        if isinstance(t, Struct) and t.mutable:
            raise FxSyntaxError(collector.span(stmt.annotation),
                                f"struct field `{name}` is the mutable struct {t}; fields hold values",
                                f"make {t} an immutable @struct, or keep the {t} in its own variable or list")
        fields.append((name, t))
        if stmt.value is not None:
            raise FxSyntaxError(collector.span(stmt.value), f"struct field `{name}` cannot have a default",
                                f"pass every field to the constructor: {node.name}(...)")
    elif isinstance(stmt, ast.FunctionDef):
        methods.append(stmt)
    elif isinstance(stmt, ast.Pass) or isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) \
            and isinstance(stmt.value.value, str):
        pass
    else:
        from fastext.compiler.frontend.expressions import NODE_NAMES
        what = {"Assign": "assignment", "AnnAssign": "annotated assignment"}.get(
            type(stmt).__name__, NODE_NAMES.get(type(stmt).__name__, type(stmt).__name__))
        raise FxSyntaxError(collector.span(stmt), f"unsupported statement in struct `{node.name}` ({what})",
                            HINT + "; class-level values are not supported (use a module constant)")


def _method(collector, node: ast.ClassDef, m: ast.FunctionDef, stype: Struct) -> ast.FunctionDef:
    """A method as a module function named `Vec.m` whose first parameter `self` is the struct."""
    scope = collector.scope
    if m.name.startswith("__") and m.name.endswith("__") and not stype.plain:   # classes: frontend/dunders.py
        raise FxSyntaxError(collector.span(m), f"special method `{m.name}` is not supported in a struct",
                            f"structs are built by calling `{node.name}(...)` with every field; "
                            "write ordinary methods or module functions")
    if stype.field_index(m.name) is not None:
        raise FxSyntaxError(collector.span(m), f"method `{m.name}` has the name of a field of `{node.name}`",
                            "rename the method or the field")
    args = m.args
    if not args.args or args.args[0].arg != "self" or args.args[0].annotation is not None:
        raise FxSyntaxError(collector.span(m), f"method `{m.name}` of struct `{node.name}` needs `self` "
                            "(unannotated) as its first parameter",
                            f"def {m.name}(self, ...) -> f64:  (static and class methods are not supported)")
    renamed = copy.copy(m)
    renamed.name = f"{node.name}.{m.name}"
    renamed.args = copy.copy(args)
    renamed.args.args = args.args[1:]
    renamed.fx_self = (stype, Span.of(args.args[0], scope.file))
    return renamed


def struct_call(fc: "FunctionChecker", node: ast.Call, stype: Struct, shown: str) -> ir.Expr:
    """`Vec(1.0, y=2.0)`: every field, by position or keyword, converted like call arguments."""
    if getattr(node, "fx_blank", None) is not None:      # the record a constructor starts from
        return blank_record(fc, node, stype)
    if stype.plain:      # `Vector(1.0, 2.0)`: the class's constructor (frontend/classes.py)
        from fastext.compiler.frontend.calls import user_call
        return user_call(fc, node, f"{stype.name}.__init__", shown)
    names = [f for f, _ in stype.fields]
    usage = f"{shown}({', '.join(names)})"
    if stype.mutable and fc.sig.target != "cpu":     # records live in the CPU call's arena
        raise fc.error(node, f"`{shown}` is a mutable struct: GPU code cannot build records",
                       "use scalar locals on the GPU, or an immutable @struct")
    if len(node.args) > len(names):
        raise fc.error(node, f"`{shown}` takes {len(names)} field values, got {len(node.args)}", f"call it as {usage}")
    given: dict[str, tuple[ir.Expr, ast.AST]] = {}
    for name, a in zip(names, node.args):
        if isinstance(a, ast.Starred):
            raise fc.error(a, "star-unpacking is not supported", f"call it as {usage}")
        given[name] = (fc.expr(a), a)
    for kw in node.keywords:
        if kw.arg is None:
            raise fc.error(kw.value, "**kwargs in calls is not supported", f"call it as {usage}")
        if kw.arg not in names:
            raise fc.error(kw.value, f"struct `{shown}` has no field `{kw.arg}`", f"fields: {', '.join(names)}")
        if kw.arg in given:
            raise fc.error(kw.value, f"`{shown}` got multiple values for field `{kw.arg}`", f"call it as {usage}")
        given[kw.arg] = (fc.expr(kw.value), kw.value)
    items = []
    for name, t in stype.fields:
        if name not in given:
            raise fc.error(node, f"`{shown}` is missing field `{name}`", f"call it as {usage}")
        value, where = given[name]
        items.append(fc.coerce(value, t, where, f"field `{name}` of `{shown}`"))
    if any(isinstance(i.type, ErrorType) for i in items):
        return ir.Expr(ERROR, fc.span(node))
    return ir.MakeTuple(stype, fc.span(node), items)


def resolved(t: Type) -> Type:
    """A field's type as its readers see it: a reference to the class holding it is the class."""
    from fastext.compiler.types import field_view
    return field_view(t)


def blank_record(fc: "FunctionChecker", node: ast.AST, stype: Struct) -> ir.Expr:
    """A struct whose fields are all zero (records for mutable fields: never a dangling reference)."""
    return ir.MakeTuple(stype, fc.span(node), [_blank(fc, node, resolved(t)) for _, t in stype.fields])


def _blank(fc: "FunctionChecker", node: ast.AST, t: Type) -> ir.Expr:
    """The value a field holds before `__init__` sets it: zero, None, or an empty container,
    string or array of its type (never a dangling reference)."""
    from fastext.compiler.types import STRV, Dict, Set, Tuple
    span = fc.span(node)
    if isinstance(t, Struct) and t.plain:       # an instance's field starts as None
        return ir.Intrinsic(t, span, "record.none", [])
    if isinstance(t, List):
        return ir.Intrinsic(t, span, "list.empty", [])
    if isinstance(t, (Dict, Set)):
        return ir.Intrinsic(t, span, "dict.new", [], {})
    if isinstance(t, Struct):
        return blank_record(fc, node, t)
    if isinstance(t, Tuple):
        return ir.MakeTuple(t, span, [_blank(fc, node, i) for i in t.items])
    if isinstance(t, Array):        # an empty array of the field's dtype and rank
        from fastext.compiler.frontend import synth
        from fastext.compiler.ops.dtypes import numpy_name
        return synth.value(fc, f"_r = np.empty(({'0, ' * t.ndim}), dtype={numpy_name(t.dtype)!r})\n", node)
    if t == STRV:
        return ir.ObjConst(STRV, span, "")
    if isinstance(t, Scalar):
        return ir.Const(t, span, False if t.is_bool else 0j if t.is_complex else 0.0 if t.is_float else 0)
    raise fc.error(node, f"a field of type {t} is not supported in a class", "keep it in a local variable")


def field_of(fc: "FunctionChecker", node: ast.Attribute, base: ir.Expr) -> ir.Expr:
    """`p.x`: the field's value (a method named without a call is an error with a hint)."""
    stype: Struct = base.type
    k = stype.field_index(node.attr)
    if k is None and stype.plain:
        from fastext.compiler.frontend import inherit
        const = inherit.constant(fc, node, stype, base)      # `self.PRIORITY`: a class constant
        if const is not None:
            return const
        properties = fc.scope.__dict__.get("properties", ())
        owner = stype
        while owner is not None and (owner.name, node.attr) not in properties:
            owner = owner.base
        if owner is not None:           # `v.norm` of `@property def norm(self)`: the method called
            from fastext.compiler.frontend import dunders
            key = dunders.method(fc, stype, node.attr)
            if key is not None:
                return dunders.call(fc, node, key, [base])
        below = inherit.defined_below(fc.scope, stype, node.attr, "fields")
        if below:
            raise fc.error(node, f"class `{stype}` has no field `{node.attr}` (its subclass "
                           f"{', '.join(f'`{c}`' for c in below)} has)",
                           f"test `isinstance(x, {below[0]})` first (the test narrows a local name), or declare the "
                           f"field in `{stype}`")
    if k is None:
        if fc.scope.registry.get(f"{stype.name}.{node.attr}") is not None or stype.plain and \
                _has_method(fc, stype, node.attr):
            raise fc.error(node, f"method `{node.attr}` of `{stype}` must be called",
                           f"write {ast.unparse(node)}(...)")
        raise fc.error(node, f"struct `{stype}` has no field `{node.attr}`",
                       f"fields: {', '.join(f for f, _ in stype.fields)}")
    if isinstance(base, ir.MakeTuple):
        return base.items[k]
    return ir.TupleGet(resolved(stype.fields[k][1]), fc.span(node), base, k)


def method_call(fc: "FunctionChecker", node: ast.Call, owner: ir.Expr, name: str) -> ir.Expr:
    """`p.norm(...)`: the method's function with `owner` as `self` (a native call)."""
    from fastext.compiler.frontend.calls import user_call
    stype: Struct = owner.type
    qualname = f"{stype.name}.{name}"
    if stype.plain:       # resolved over the class's subclasses: direct, or a dispatcher (frontend/inherit.py)
        from fastext.compiler.frontend import inherit
        static = inherit.static_key(fc.scope, stype, name)
        if static is not None and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
            # `self.combine(x, y)` of a @staticmethod/@classmethod: Python passes no instance
            return user_call(fc, node, static, f"{stype}.{name}")
        qualname = inherit.method_key(fc.scope, stype, name) or qualname
        below = inherit.defined_below(fc.scope, stype, name)
        if fc.scope.registry.get(qualname) is None and below:
            raise fc.error(node.func, f"class `{stype}` has no method `{name}` (its subclass "
                           f"{', '.join(f'`{c}`' for c in below)} defines it)",
                           f"test `isinstance(x, {below[0]})` first (the test narrows a local name), or declare "
                           f"`def {name}(self, ...)` in `{stype}` (raising NotImplementedError) so subclasses "
                           "override it")
    if name in ("_replace", "_fx_replace") and fc.scope.registry.get(qualname) is None:
        from fastext.compiler.frontend import recordops
        # `p._replace(x=1)` of a named tuple, `dataclasses.replace(r, x=1)` of a record (records.py)
        if recordops.kind(fc, stype) == "tuple" or name == "_fx_replace" and recordops.kind(fc, stype):
            return recordops.replace(fc, node, owner)
        if name == "_fx_replace":
            raise fc.error(node, "replace() should be called on dataclass instances",
                           "pass a record of a `@dataclass` class")
    if fc.scope.registry.get(qualname) is None:
        hint = f"fields: {', '.join(f for f, _ in stype.fields)}"
        if stype.field_index(name) is not None:
            hint = f"`{name}` is a field, not a method: read it as {ast.unparse(node.func)}"
        raise fc.error(node.func, f"struct `{stype}` has no method `{name}`", hint)
    return user_call(fc, node, qualname, f"{stype}.{name}", leading=[owner])


def _has_method(fc: "FunctionChecker", stype: Struct, name: str) -> bool:
    from fastext.compiler.frontend import inherit
    return inherit.method_key(fc.scope, stype, name) is not None


def _settable_field(fc: "FunctionChecker", target: ast.Attribute, record: ir.Expr) -> int:
    """The index of the field `target` assigns in a mutable struct (errors with hints else)."""
    stype: Struct = record.type
    k = stype.field_index(target.attr)
    if k is None:
        raise fc.error(target, f"struct `{stype}` has no field `{target.attr}`",
                       f"fields: {', '.join(f for f, _ in stype.fields)} (a struct has no other attributes)")
    from fastext.compiler.frontend import recordops
    recordops.check_store(fc, target, record)      # a frozen dataclass or a named tuple
    if isinstance(record, ir.Index):
        src = ast.unparse(target.value)
        raise fc.error(target, f"cannot assign to a field of an array item: `{src}` is a copy of the item",
                       f"update a copy and store it back: p = {src}; p.{target.attr} = ...; {src} = p")
    return k


def assign_field(fc: "FunctionChecker", target: ast.Attribute, record: ir.Expr, value: ir.Expr,
                 node: ast.AST) -> list[ir.Stmt]:
    """`p.x = v` on a mutable struct: a store into its record, `v` converted as a field value."""
    k = _settable_field(fc, target, record)
    name, t = record.type.fields[k]
    t = resolved(t)
    value = fc.coerce(value, t, node, f"field `{name}` of `{record.type}`")
    if isinstance(value.type, ErrorType):
        return []
    return [ir.SetField(fc.span(node), record, k, value)]


def augassign_field(fc: "FunctionChecker", node: ast.AugAssign, op: str) -> list[ir.Stmt]:
    """`p.x += v` on a mutable struct: the record is evaluated once, then its field read,
    combined and stored (Python's order: target object, field, right side)."""
    target: ast.Attribute = node.target
    record = fc.expr(target.value)
    if isinstance(record.type, ErrorType):
        return []
    if not (isinstance(record.type, Struct) and record.type.mutable):
        raise assign_field_error(fc, target)
    k = _settable_field(fc, target, record)
    pre: list[ir.Stmt] = []
    if not isinstance(record, ir.Load):
        temp = fc.new_temp(record.type, target)
        pre.append(ir.Assign(fc.span(target), temp, record))
        record = ir.Load(temp.type, temp.span, temp)
    name, t = record.type.fields[k]
    t = resolved(t)
    current = ir.TupleGet(t, fc.span(target), record, k)
    result = fc.binop(op, current, fc.expr(node.value), node)
    value = fc.coerce(result, t, node, f"field `{name}` of `{record.type}`")
    if isinstance(value.type, ErrorType):
        return pre
    return pre + [ir.SetField(fc.span(node), ir.copy_expr(record), k, value)]


def assign_field_error(fc: "FunctionChecker", target: ast.Attribute) -> FxSyntaxError:
    """`p.x = v`: structs are immutable values."""
    try:
        base = fc.expr(target.value)
        what = f"{article(base.type)}" if not isinstance(base.type, ErrorType) else "a value"
        is_struct = isinstance(base.type, Struct)
    except FxSyntaxError:
        is_struct, what = False, "a value"
    if is_struct:
        src = ast.unparse(target.value)
        fields = ", ".join(f"{src}.{f}" if f != target.attr else f"new_{f}" for f, _ in base.type.fields)
        return fc.error(target, f"cannot assign to field `{target.attr}`: structs are immutable values",
                        f"build a new one: {ast.unparse(target.value)} = {base.type}({fields})"
                        + ("" if isinstance(target.value, ast.Subscript) else
                           ", or declare the class @struct(mutable=True)"))
    return fc.error(target, f"cannot assign to an attribute of {what}", "assign to a name or an array item")


def _struct_of_call(collector, node: ast.expr) -> Struct | None:
    if not isinstance(node, ast.Call):
        return None
    return annotations._struct(node.func, collector.scope)


def struct_constant(collector, node: ast.expr, declared: Type | None) -> tuple[Struct, tuple] | None:
    """A module-level `NAME = Vec(1.0, 2.0)`: (its struct type, the tuple of converted field
    constants), or None when `node` does not build a struct.  Fields take constant
    expressions (literals, constants, math constants, nested struct constructors)."""
    stype = _struct_of_call(collector, node)
    if stype is not None and stype.plain and declared is None:
        return None       # `REQUIRED = Strength(0, "required")`: built at import (frontend/module_containers.py)
    if stype is None:
        if isinstance(declared, Struct):
            raise FxSyntaxError(collector.span(node), f"a {declared} constant is built by calling {declared}(...)",
                                f"write {declared}({', '.join(f for f, _ in declared.fields)})")
        return None
    if declared is not None and declared != stype:
        raise FxSyntaxError(collector.span(node), f"the constant is declared {declared}, got a {stype}",
                            "make the annotation and the constructor agree")
    if stype.mutable:     # module-level values are constants; a record would be shared state
        raise FxSyntaxError(collector.span(node), f"{stype} is a mutable struct: module-level values are constants",
                            f"build it in the function that uses it ({stype}(...)), or make {stype} an "
                            "immutable @struct")
    return stype, _constant_fields(collector, node, stype)


def _constant_fields(collector, node: ast.Call, stype: Struct) -> tuple:
    from fastext.compiler.frontend.module import _convert_constant
    from fastext.compiler.types import constant_fits
    names = [f for f, _ in stype.fields]
    shown = ast.unparse(node.func)
    if len(node.args) > len(names):
        raise FxSyntaxError(collector.span(node), f"`{shown}` takes {len(names)} field values, got {len(node.args)}",
                            f"call it as {shown}({', '.join(names)})")
    given = dict(zip(names, node.args))
    for kw in node.keywords:
        if kw.arg not in names or kw.arg in given:
            raise FxSyntaxError(collector.span(kw.value), f"bad field `{kw.arg}` for `{shown}`",
                                f"fields: {', '.join(names)}, each given once")
        given[kw.arg] = kw.value
    values = []
    for name, t in stype.fields:
        if name not in given:
            raise FxSyntaxError(collector.span(node), f"`{shown}` is missing field `{name}`",
                                f"call it as {shown}({', '.join(names)})")
        arg = given[name]
        if isinstance(t, Struct):
            inner = _struct_of_call(collector, arg)
            if inner != t:
                raise FxSyntaxError(collector.span(arg), f"field `{name}` of `{shown}` is a {t}",
                                    f"build it: {t}(...)")
            values.append(_constant_fields(collector, arg, t))
            continue
        value = collector.const_value(arg)
        if not constant_fits(value, t):
            raise FxSyntaxError(collector.span(arg), f"{value!r} is not {article(t)} value (field `{name}`)",
                                f"write a value that fits {t}")
        values.append(_convert_constant(value, t))
    return tuple(values)
