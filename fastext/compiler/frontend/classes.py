"""Plain classes (`class Vector:` with `__init__`): mutable structs built by their `__init__`.

A module-level class without decorators, with no base (or `object`), compiles as a
`@struct(mutable=True)` record (`types.Struct.plain`): a reference to a record in the call's
arena.  Its fields are the class-level annotations when there are any, else the
`self.NAME = value` assignments of `__init__` in order of first assignment, each typed from its
value (`infer_field`).  `__init__` becomes the constructor function `NAME.__init__`:

    def Vector.__init__(x: f64, y: f64) -> Vector:
        self = <a blank record: every field zero>
        ...the body of __init__...
        return self

so `Vector(1.0, 2.0)` is an ordinary native call (defaults and keywords as for any function).
The other methods are struct methods (frontend/structs.py); static and class methods are
functions `NAME.m` without `self` (`static_call`); the special methods listed in DUNDERS are
called by operators, comparisons and printing (frontend/dunders.py).  A field that names its
own class is a `types.ClassRef`; a class that reaches one, or holds a list, is `linked`: its
records stay inside compiled code (`check_boundary`).
"""
from __future__ import annotations

import ast
import copy
from typing import TYPE_CHECKING

from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.frontend import annotations
from fastext.compiler.frontend.scope import Binding
from fastext.compiler.source import without_docstring
from fastext.compiler.types import BOOL, C128, F64, I64, ClassRef, Dict, Scalar, Struct, Type, promote

if TYPE_CHECKING:
    from fastext.compiler.frontend.module import _ModuleCollector

# The special methods a class may define: what Python calls them for (frontend/dunders.py).
BINARY = {"+": "add", "-": "sub", "*": "mul", "/": "truediv", "//": "floordiv", "%": "mod", "**": "pow",
          "@": "matmul"}
COMPARE = {"==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge"}
UNARY = {"-": "neg", "+": "pos"}
DUNDERS = ({f"__{n}__" for n in BINARY.values()} | {f"__r{n}__" for n in BINARY.values()}
           | {f"__{n}__" for n in COMPARE.values()} | {f"__{n}__" for n in UNARY.values()}
           | {"__init__", "__abs__", "__repr__", "__str__", "__len__", "__getitem__", "__setitem__", "__contains__",
              "__bool__"})
HINT = ("a class holds field annotations (`x: float`), an `__init__` that assigns `self.x = ...`, and methods "
        "(`def norm(self) -> float:`)")


def is_plain_class(node: ast.ClassDef) -> bool:
    """A class written without decorators: compiled as a plain class."""
    return not node.decorator_list


def collect_class(collector: "_ModuleCollector", node: ast.ClassDef) -> list[ast.FunctionDef]:
    """Read one plain class: bind its struct type, return its methods (named `NAME.m`) and its
    constructor `NAME.__init__` as functions for the module to check."""
    from fastext.compiler.frontend import inherit
    from fastext.compiler.frontend.structs import _method
    scope = collector.scope
    span = collector.span(node)
    base = inherit.base_of(collector, node)       # single inheritance (frontend/inherit.py)
    if node.keywords:
        raise FxSyntaxError(collector.span(node.keywords[0].value), f"class `{node.name}` cannot take "
                            f"`{node.keywords[0].arg}=`", "metaclasses and class keywords are not supported")
    if node.name in scope.names or node.name in scope.signatures:
        raise FxSyntaxError(span, f"`{node.name}` is already bound at module level", "rename the class")
    declared: list[tuple[str, ast.AnnAssign]] = []
    methods: list[ast.FunctionDef] = []
    consts: dict = {}
    slots = None
    hashed = None       # `def __hash__`: read, not compiled (frontend/hashing.py)
    for stmt in without_docstring(node.body):
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is None:
            declared.append((stmt.target.id, stmt))
        elif isinstance(stmt, ast.FunctionDef) and stmt.name == "__hash__" and not stmt.decorator_list:
            from fastext.compiler.frontend import hashing
            hashing.hash_method(collector, node, stmt)
            hashed = stmt
        elif isinstance(stmt, ast.FunctionDef):
            _check_method(collector, node, stmt)
            _other_is_instance(node, stmt)
            methods.append(stmt)
        elif isinstance(stmt, ast.Pass):
            pass
        elif _slots(stmt) is not None:       # `__slots__ = ("x", "y")`: checked against the fields below
            slots = (_slots(stmt), stmt)
        elif (const := inherit.class_constant(collector, node, stmt)) is not None:
            consts[const[0]] = const[1]
        else:
            raise _bad_member(collector, node, stmt)
    inherit.rewrite_super(collector, node, base, methods)
    own_init = next((m for m in methods if m.name == "__init__"), None)
    init = own_init if own_init is not None or base is None else inherit.inherited_init(collector, base)
    # the methods' return annotations, for fields typed from method calls and operators
    returns = collector.__dict__.setdefault("class_returns", {})
    returns[scope.qualify(node.name)] = {m.name: m.returns for m in methods if m.returns is not None}
    if base is not None:
        returns[scope.qualify(node.name)] = {**returns.get(base.name, {}), **returns[scope.qualify(node.name)]}
    cid = getattr(collector, "class_ids", {}).get(node.name, 0)
    # bound while the fields are read, so a field may name its own class (`self.next: Task | None`)
    # (made before any class was read when a field of a class above names this one: frontend/module.py)
    ref = scope.__dict__.get("forward_classes", {}).get(node.name) or ClassRef(scope.qualify(node.name))
    scope.names[node.name] = Binding("structtype", Struct(ref.name, base.fields if base else (), True, True, cid, base))
    try:
        fields = _fields(collector, node, declared, own_init, base, cid)
    except FxSyntaxError:
        del scope.names[node.name]
        # its calls say nothing more: the class's own error is the one to fix
        scope.__dict__.setdefault("failed_classes", set()).add(node.name)
        scope.__dict__.get("forward_classes", {}).pop(node.name, None)
        raise
    fields = [(f, _referring(t, ref)) for f, t in fields]
    if slots is not None:
        inherited = {f for f, _ in base.fields} if base is not None else set()
        extra = [f for f, _ in fields if f not in slots[0] and f not in inherited]
        if extra:      # Python's instance would raise AttributeError when `__init__` stores it
            del scope.names[node.name]
            raise FxSyntaxError(collector.span(slots[1]), f"field `{extra[0]}` of class `{node.name}` is not in "
                                "its `__slots__`", f"add \"{extra[0]}\" to `__slots__` (Python raises "
                                "AttributeError when the field is assigned)")
    for f, t in fields:
        if _holds_own(t, ref.name):
            # the class is still being built here: its record type cannot sit inside a list type
            raise FxSyntaxError(collector.span(node), f"field `{f}` of class `{node.name}` is {t}: a list of the "
                                "class's own instances is not supported yet",
                                "keep indices instead (`list[int]` into a list of the instances), or hold one "
                                f"instance per field (`self.next: Optional[{node.name}]`)")
    record = getattr(node, "fx_record", None)
    if not record and base is None and hashed is not None:
        from fastext.compiler.frontend import hashing
        record = hashing.mark(collector, node, methods, hashed, [f for f, _ in fields])
    stype = Struct(ref.name, tuple(fields), True, True, cid, base, record or "")
    ref.bind(stype)
    scope.names[node.name] = Binding("structtype", stype)
    inherit.register(collector, node, stype, methods, consts, own_init)
    out = [_constructor(collector, node, init, stype)]
    if own_init is not None and node.name in getattr(collector, "class_bases_used", ()):
        out.append(inherit.init_on(collector, node, own_init, stype))     # `super().__init__(...)`
    for m in methods:
        if m is own_init:
            continue
        try:
            if _kind(m) is not None:
                out.append(_static(collector, node, m))
                continue
            out.append(_method(collector, node, m, stype))
        except FxSyntaxError as e:
            collector.diags.add(e.diagnostic)
    return out


def _fields(collector, node: ast.ClassDef, declared: list, init: ast.FunctionDef | None, base: Struct | None = None,
            cid: int = 0) -> list[tuple[str, Type]]:
    """The class's fields: its base's first (a subclass's record extends its base's), then its own."""
    span = collector.span(node)
    inherited = list(base.fields) if base is not None else []
    if declared:
        fields = list(inherited)
        for name, stmt in declared:
            t = _field_type(collector, node, name, stmt.annotation, stmt)
            k = next((k for k, (f, _) in enumerate(inherited) if f == name), None)
            if k is None:
                fields.append((name, t))
            elif _resolved(inherited[k][1]) != t:
                raise FxSyntaxError(collector.span(stmt), f"field `{name}` of class `{node.name}` is {t} where its "
                                    f"base's is {_resolved(inherited[k][1])}",
                                    "a subclass keeps the types of its base's fields")
    elif init is not None:
        fields = _init_fields(collector, node, init, inherited)
    else:
        fields = inherited
    if not fields and not cid:
        raise FxSyntaxError(span, f"class `{node.name}` has no fields",
                            "assign them in `__init__` (`self.x = x`) or annotate them in the class (`x: float`)")
    from fastext.compiler.frontend.text import textual
    from fastext.compiler.types import STRV
    for name, t in fields:
        if textual(t) and t != STRV:      # a str value's record stores keep it alive; views of text cannot be
            raise FxSyntaxError(span, f"field `{name}` of class `{node.name}` holds a str: class fields hold "
                                "numbers, @structs, other classes' instances and lists of those",
                                "keep the text beside the records (a list or dict keyed by index), or keep this "
                                "class in a .py module")
    return fields


def _holds_own(t: Type, name: str) -> bool:
    """Whether a container type has the class `name` itself somewhere among its items."""
    from fastext.compiler.types import Dict, List, Set, Tuple
    if isinstance(t, Struct):
        return t.name == name
    if isinstance(t, (List, Set)):
        return _holds_own(t.item, name)
    if isinstance(t, Dict):
        return _holds_own(t.key, name) or _holds_own(t.value, name)
    if isinstance(t, Tuple):
        return any(_holds_own(i, name) for i in t.items)
    return False


def _resolved(t: Type) -> Type:
    from fastext.compiler.frontend.structs import resolved
    return resolved(t)


def _referring(t: Type, ref: ClassRef) -> Type:
    """A field's type with the class being built as `ref`: the field itself (`self.next: Node`) or
    the items of a list field (`self.neighbours: list[Square]`, a list of untyped pointers that
    readers see as a list of the class: structs.resolved)."""
    from fastext.compiler.types import List
    if isinstance(t, Struct) and t.name == ref.name:
        return ref
    if isinstance(t, List) and isinstance(t.item, Struct) and t.item.name == ref.name:
        return List(ref, t.deque)
    return t


def _kind(m: ast.FunctionDef) -> str | None:
    """"staticmethod" / "classmethod" for a method so decorated, None for a plain method."""
    if len(m.decorator_list) == 1 and isinstance(m.decorator_list[0], ast.Name) and \
            m.decorator_list[0].id in ("staticmethod", "classmethod"):
        return m.decorator_list[0].id
    return None


class _ClsIsClass(ast.NodeTransformer):
    """In a class method, `cls` names the class itself (no subclasses: the class is known)."""

    def __init__(self, cls: str, name: str):
        self.cls, self.name = cls, name

    def visit_Name(self, n: ast.Name) -> ast.Name:
        if n.id == self.cls:
            return ast.copy_location(ast.Name(id=self.name, ctx=n.ctx), n)
        return n


def _static(collector, node: ast.ClassDef, m: ast.FunctionDef) -> ast.FunctionDef:
    """A static or class method as the function `NAME.m` (no `self`; a class method's `cls` is
    the class)."""
    out = copy.deepcopy(m)
    out.decorator_list = []
    out.name = f"{node.name}.{m.name}"
    if _kind(m) == "classmethod":
        if not m.args.args or m.args.args[0].annotation is not None:
            raise FxSyntaxError(collector.span(m), f"class method `{m.name}` needs `cls` (unannotated) as its "
                                "first parameter", f"def {m.name}(cls, ...) -> {node.name}:")
        cls = m.args.args[0].arg
        out.args.args = out.args.args[1:]
        out.body = [_ClsIsClass(cls, node.name).visit(s) for s in out.body]
    out.fx_static = True
    return out


def static_call(fc, node: ast.Call, stype: Struct, shown: str):
    """`Vector.zero()`, `Vector.from_polar(r, a)`: a static or class method (defined in the class
    or above it), called natively; `Base.m(self, ...)`: an instance method called without
    dispatch (frontend/inherit.py)."""
    from fastext.compiler.frontend.calls import user_call
    from fastext.compiler.frontend import inherit
    key = inherit.static_key(fc.scope, stype, node.func.attr) if inherit.info_of(fc.scope, stype) is not None \
        else f"{stype.name}.{node.func.attr}"
    if key is None or fc.scope.registry.get(key) is None:
        called = inherit.class_call(fc, node, stype, shown)
        if called is not None:
            return called
        raise fc.error(node.func, f"class `{shown}` has no static or class method `{node.func.attr}`",
                       "call methods on an instance (`v.norm()`), static and class methods on the class")
    return user_call(fc, node, key, f"{shown}.{node.func.attr}")


def _slots(stmt: ast.stmt) -> set[str] | None:
    """The names of a `__slots__ = ("x", "y")` statement (a tuple, list or one str literal)."""
    if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)
            and stmt.targets[0].id == "__slots__"):
        return None
    v = stmt.value
    items = [v] if isinstance(v, ast.Constant) else v.elts if isinstance(v, (ast.Tuple, ast.List)) else None
    if items is None or not all(isinstance(i, ast.Constant) and isinstance(i.value, str) for i in items):
        return None
    return {i.value for i in items}


def _bad_member(collector, node: ast.ClassDef, stmt: ast.stmt) -> FxSyntaxError:
    target = stmt.targets[0] if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 else \
        getattr(stmt, "target", None)
    if isinstance(target, ast.Name) and target.id == "__slots__":
        return FxSyntaxError(collector.span(stmt), f"`__slots__` of class `{node.name}` must list str literals",
                             '`__slots__ = ("x", "y")`')
    if isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
        return FxSyntaxError(collector.span(stmt), f"class-level values in class `{node.name}` are not supported",
                             "class attributes are shared mutable state: use a module constant, or assign the "
                             "field in `__init__` (`self.x = ...`)")
    if isinstance(stmt, ast.ClassDef):
        return FxSyntaxError(collector.span(stmt), f"nested class in class `{node.name}`",
                             "define the class at module level")
    from fastext.compiler.frontend.expressions import NODE_NAMES
    what = NODE_NAMES.get(type(stmt).__name__, type(stmt).__name__)
    return FxSyntaxError(collector.span(stmt), f"unsupported statement in class `{node.name}` ({what})", HINT)


def _other_is_instance(node: ast.ClassDef, m: ast.FunctionDef) -> None:
    """`def __eq__(self, other):` / `def __add__(self, other):` whose body reads fields of `other`
    (`other.x`): `other` is an instance of the class, as a number or a list has no fields.  An
    operator whose every `return` builds an instance of the class returns the class."""
    arith = {f"__{n}__" for n in list(BINARY.values()) + list(UNARY.values())} | \
        {f"__r{n}__" for n in BINARY.values()}
    if m.name in arith and m.returns is None and constructed_class(m) == node.name:
        # `return Poly(out)`: the operator makes an instance of the class
        m.returns = ast.copy_location(ast.Name(node.name, ast.Load()), m)
    names = {f"__{n}__" for n in list(COMPARE.values()) + list(BINARY.values())}
    if m.name not in names or len(m.args.args) != 2 or m.args.args[1].annotation is not None:
        return
    other = m.args.args[1].arg
    if any(isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == other
           for n in ast.walk(m)):
        m.args.args[1].annotation = ast.copy_location(ast.Name(node.name, ast.Load()), m.args.args[1])
        from fastext.compiler.frontend.hashing import is_instance_guard
        # compiled code passes only instances here: the guard `if not isinstance(other, C): return
        # NotImplemented` never returns (and NotImplemented has no native value)
        m.body = [s for s in m.body if not is_instance_guard(s, other, node.name)] or [ast.Pass()]


def _is_property(m: ast.FunctionDef) -> bool:
    return len(m.decorator_list) == 1 and isinstance(m.decorator_list[0], ast.Name) and \
        m.decorator_list[0].id == "property"


def _check_method(collector, node: ast.ClassDef, m: ast.FunctionDef) -> None:
    if _is_property(m):      # `@property def norm(self)`: `v.norm` calls it (structs.field_of)
        if len(m.args.args) != 1 or m.args.vararg or m.args.kwonlyargs:
            raise FxSyntaxError(collector.span(m), f"property `{m.name}` of class `{node.name}` takes only `self`",
                                f"def {m.name}(self) -> float:")
        m.decorator_list = []
        collector.scope.__dict__.setdefault("properties", set()).add((collector.scope.qualify(node.name), m.name))
        return
    if len(m.decorator_list) > 1 or m.decorator_list and _kind(m) is None:
        deco = m.decorator_list[-1] if _kind(m) is not None else m.decorator_list[0]
        shown = ast.unparse(deco)
        raise FxSyntaxError(collector.span(deco), f"method `{m.name}` of class `{node.name}` is decorated "
                            f"`@{shown}`", "a method takes @staticmethod, @classmethod or @property only (no "
                            "setters); write a module function for anything else")
    if _kind(m) is not None and m.name.startswith("__"):
        raise FxSyntaxError(collector.span(m), f"special method `{m.name}` cannot be a {_kind(m)}",
                            "special methods take `self`")
    if m.name.startswith("__") and m.name.endswith("__") and m.name not in DUNDERS:
        raise FxSyntaxError(collector.span(m), f"special method `{m.name}` is not supported in a class",
                            f"supported: {', '.join(sorted(DUNDERS))}")


def _field_type(collector, node: ast.ClassDef, name: str, annotation: ast.expr, where: ast.AST) -> Type:
    from fastext.compiler.types import STR, STRV, Dict, List, Set
    t = annotations.resolve(annotation, collector.scope)
    if t in (STR, STRV):
        return STRV      # a str value the instance holds
    from fastext.compiler.types import Tuple
    if isinstance(t, Tuple) and all(isinstance(i, (Scalar, Struct)) or i == STRV for i in t.items):
        return t
    if isinstance(t, (List, Dict, Set)):
        return t     # a container the instance holds (such classes stay inside compiled code: `linked`)
    from fastext.compiler.types import Array
    if isinstance(t, Array) and isinstance(t.dtype, Scalar):
        return t     # declared as inferred ones are (`self.w = w`): a jitclass's `("w", float64[:])`
    if not isinstance(t, (Scalar, Struct)):
        raise FxSyntaxError(collector.span(annotation), f"field `{name}` of class `{node.name}` has type {t}",
                            "a field may be a number, a complex number, a @struct, another class, a list, dict "
                            "or set (`list[float]`, `dict[str, int]`)")
    if name.startswith("_"):
        raise FxSyntaxError(collector.span(where), f"field `{name}` of class `{node.name}` starts with an "
                            "underscore", "fields are public names: rename it")
    return t


def _init_fields(collector, node: ast.ClassDef, init: ast.FunctionDef,
                 inherited: list = ()) -> list[tuple[str, Type]]:
    """The fields `__init__` assigns (`self.x = ...`), in order of first assignment, typed from
    the first assigned value (or the annotation of `self.x: T = ...`); `inherited`: the base's
    fields, first and typed already."""
    known: dict[str, Type] = {}
    params = init.args.args[1:]
    defaults = [None] * (len(params) - len(init.args.defaults)) + list(init.args.defaults)
    for k, (a, default) in enumerate(zip(params, defaults)):
        if a.annotation is not None:
            try:
                known[a.arg] = annotations.resolve(a.annotation, collector.scope)
            except FxSyntaxError:
                pass          # reported with the constructor's signature
            continue
        # an unannotated parameter: typed as the values the module passes it, and its default
        t = _passed_types(collector, node, k, a.arg, default)
        if t is not None:
            known[a.arg] = t
            init.__dict__.setdefault("fx_inferred", {})[a.arg] = t     # annotates the constructor
    fields: dict[str, Type] = dict(inherited)
    # what calls elsewhere read of an instance while the later fields are typed (`infer_field`)
    collector.__dict__.setdefault("fields_so_far", {})[collector.scope.qualify(node.name)] = fields
    for stmt in _walk_statements(init.body):
        if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            if isinstance(stmt, ast.Assign) and len(targets) == 1 and isinstance(targets[0], ast.Tuple) and \
                    isinstance(stmt.value, ast.Tuple) and len(targets[0].elts) == len(stmt.value.elts):
                # `self.x, self.y = x, y`: each field from its own value
                pairs = list(zip(targets[0].elts, stmt.value.elts))
            else:
                pairs = [(t, stmt.value) for t in targets]
            for target, value in pairs:
                if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and \
                        target.value.id == "self" and target.attr not in fields:
                    if isinstance(stmt, ast.AnnAssign):
                        t = _field_type(collector, node, target.attr, stmt.annotation, target)
                    else:
                        t = infer_field(collector, value, known, node)
                        if t is None:       # `self.items = []`: typed by what the methods put in it
                            t = _filled_by_methods(collector, node, target.attr, value)
                            if isinstance(t, Dict) and isinstance(value, ast.Call) and \
                                    isinstance(value.func, ast.Name) and value.func.id == "OrderedDict":
                                t = Dict(t.key, t.value, "", True)
                        if t is None and isinstance(value, ast.Constant) and value.value is None:
                            t = _stored_later(collector, node, target.attr)    # `cur.left = Node(key)`
                        if t is None and isinstance(value, ast.Constant) and value.value is None:
                            raise FxSyntaxError(collector.span(target), f"field `{target.attr}` of class "
                                                f"`{node.name}` starts as None: its type cannot be told",
                                                f"annotate it with the class it will hold: `self.{target.attr}: "
                                                f"Optional[{node.name}] = None` (or `{node.name} | None`)")
                        if t is None and _empty_container(value) in ("dict", "set"):
                            raise FxSyntaxError(collector.span(target), f"cannot infer the key and value types of "
                                                f"the {_empty_container(value)} field `{target.attr}` of class "
                                                f"`{node.name}`", f"annotate it: `self.{target.attr}: "
                                                f"{'dict[int, float]' if _empty_container(value) == 'dict' else 'set[int]'}"
                                                f" = {ast.unparse(value)}`")
                        if t is None and isinstance(value, (ast.List, ast.ListComp)):
                            raise FxSyntaxError(collector.span(target), f"cannot infer the item type of the list "
                                                f"field `{target.attr}` of class `{node.name}`",
                                                f"annotate it: `self.{target.attr}: list[float] = ...` (or "
                                                f"`{target.attr}: list[float]` in the class)")
                        if t is None:
                            raise FxSyntaxError(collector.span(target), f"cannot infer the type of field "
                                                f"`{target.attr}` of class `{node.name}` from "
                                                f"`{ast.unparse(value)}`",
                                                f"annotate it in the class: `{target.attr}: float` (or int, bool, "
                                                "a class name), or in __init__: "
                                                f"`self.{target.attr}: float = ...`")
                    fields[target.attr] = t
                elif isinstance(target, ast.Name) and target.id not in known and isinstance(stmt, ast.Assign):
                    t = infer_field(collector, value, known, node)
                    if t is not None:
                        known[target.id] = t
    return list(fields.items())


def _declared_result(collector, name: str) -> Type | None:
    """The annotated result of the module function `name` (None: no such function or annotation)."""
    tree = getattr(collector, "tree", None)
    fn = next((s for s in tree.body if isinstance(s, ast.FunctionDef) and s.name == name), None) \
        if tree is not None else None
    if fn is None or fn.returns is None:
        return None
    try:
        t = annotations.resolve(fn.returns, collector.scope)
    except FxSyntaxError:
        return None
    from fastext.compiler.types import STR, STRV
    return STRV if t == STR else t


def _passed_types(collector, node: ast.ClassDef, k: int, name: str, default) -> Type | None:
    """The type of the unannotated `__init__` parameter `name` (position `k`): the common type of
    its number default and of the arguments the module's own calls `C(...)` pass it, where
    those can be told from the call alone (literals, constants, constructor calls); a None
    default with arguments that are instances of the class (`Node(make(d), make(d))`), or no
    argument that tells, is the class itself (`Optional[C]`), as is a parameter passed calls of
    a function whose returns are `None` or `C(...)` (`Tree(build(lo, mid - 1), ...)`)."""
    seen: list[Type] = []
    builds = False      # an argument is a call of a builder of the class's instances or None
    if isinstance(default, ast.Constant) and default.value is not None:
        t = infer_field(collector, default, {}, node)
        if t is not None:
            seen.append(t)
    tree = getattr(collector, "tree", None)
    from fastext.compiler.frontend.inherit import init_runners
    runners = init_runners(collector, node.name)      # the class, and subclasses that inherit its __init__
    for call, known in _calls_in_functions(collector, tree) if tree is not None else ():
        if not (isinstance(call.func, ast.Name) and call.func.id in runners):
            continue
        arg = call.args[k] if k < len(call.args) and not any(isinstance(a, ast.Starred) for a in call.args[:k + 1]) \
            else next((kw.value for kw in call.keywords if kw.arg == name), None)
        if arg is None or isinstance(arg, ast.Constant) and arg.value is None:
            continue
        if _builds_instances(collector, arg, node.name):
            builds = True
            continue
        t = infer_field(collector, arg, known, node)
        if t is None and isinstance(arg, ast.Name):     # `Node(key)` in `def insert(self, key)`
            t = _from_callers(collector, tree, getattr(call, "fx_owner", None), arg.id, node)
        if t is not None:
            seen.append(t)
    if not seen:
        if isinstance(default, ast.Constant) and default.value is None or builds:
            return collector.scope.names[node.name].value     # the class being read (a reference)
        return None
    return _promote_all(seen)


def _from_callers(collector, tree: ast.AST, owner, name: str, node: ast.ClassDef) -> Type | None:
    """The type of the unannotated parameter `name` of the function or method `owner` (the
    function around a constructor call that passes it on) from the arguments its own callers
    pass where a call alone tells (`tree.insert((i * 37) % 101)` in `def main(n: int)`): one
    step up, no further; None unless every caller that passes it tells and they agree."""
    if owner is None:
        return None
    fn, method = owner
    params = [a.arg for a in fn.args.args]
    if name not in params or fn.args.args[params.index(name)].annotation is not None or fn.args.vararg:
        return None
    k = params.index(name) - (1 if method else 0)
    seen: list[Type | None] = []
    for call, known in _calls_in_functions(collector, tree, owners=False):
        f = call.func
        if not (method and isinstance(f, ast.Attribute) and f.attr == fn.name or
                not method and isinstance(f, ast.Name) and f.id == fn.name):
            continue
        if len(call.args) + len(call.keywords) > len(params) - (1 if method else 0):
            continue        # another method of that name (a list's `insert(i, x)`)
        arg = call.args[k] if 0 <= k < len(call.args) and not any(isinstance(a, ast.Starred) for a in call.args) \
            else next((kw.value for kw in call.keywords if kw.arg == name), None)
        if arg is not None:
            seen.append(infer_field(collector, arg, known, node))
    return _promote_all(seen) if seen else None


def constructed_class(fn: ast.FunctionDef) -> str | None:
    """The name `C` when every value-returning `return` of `fn` is a call `C(...)` of one name
    (`return None` and bare returns aside): a builder of instances of the class `C` or None."""
    from fastext.compiler.frontend.generators import _own_nodes
    names = set()
    for r in _own_nodes(fn.body):
        if not isinstance(r, ast.Return) or r.value is None or \
                isinstance(r.value, ast.Constant) and r.value.value is None:
            continue
        if not (isinstance(r.value, ast.Call) and isinstance(r.value.func, ast.Name)):
            return None
        names.add(r.value.func.id)
    return names.pop() if len(names) == 1 else None


def _builds_instances(collector, arg: ast.expr, cls: str) -> bool:
    """Whether `arg` is a call of an unannotated module function that returns instances of the
    class `cls` or None (`Tree(build(lo, mid - 1), mid, ...)`)."""
    tree = getattr(collector, "tree", None)
    if tree is None or not (isinstance(arg, ast.Call) and isinstance(arg.func, ast.Name)):
        return False
    fn = next((s for s in tree.body if isinstance(s, ast.FunctionDef) and s.name == arg.func.id), None)
    return fn is not None and fn.returns is None and constructed_class(fn) == cls


def _method_locals(collector, node: ast.ClassDef, method: ast.FunctionDef, known: dict) -> dict[str, Type]:
    """`known` and what more a method of the class being read tells of its names: `self` (its
    fields typed so far), the unannotated parameters the module's calls type, and locals
    assigned once from values those type (`p = self.queue.pop(0)`)."""
    more = dict(known)
    b = collector.scope.lookup(node.name)
    if b is not None and b.kind == "structtype":
        more["self"] = b.value
    for k, a in enumerate(method.args.args[1:]):
        if a.arg not in more:
            t = _method_argument(collector, node, method.name, k)
            if t is not None:
                more[a.arg] = t
    assigned: dict[str, int] = {}
    for sub in ast.walk(method):
        if isinstance(sub, (ast.Assign, ast.AugAssign, ast.For, ast.AnnAssign)):
            for t in ast.walk(sub.targets[0] if isinstance(sub, ast.Assign) else sub.target):
                if isinstance(t, ast.Name):
                    assigned[t.id] = assigned.get(t.id, 0) + 1
    for stmt in _walk_statements(method.body):
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) \
                and assigned.get(stmt.targets[0].id) == 1 and stmt.targets[0].id not in more:
            t = infer_field(collector, stmt.value, more, node)
            if t is not None:
                more[stmt.targets[0].id] = t
    return more


def _param_types(collector, args: list[ast.arg]) -> dict[str, Type]:
    """The types of the annotated parameters among `args` (an annotation in error: left out,
    reported with the function's signature)."""
    known: dict[str, Type] = {}
    for a in args:
        if a.annotation is not None:
            try:
                known[a.arg] = annotations.resolve(a.annotation, collector.scope)
            except FxSyntaxError:
                pass
    return known


def _stored_later(collector, node: ast.ClassDef, field: str) -> Type | None:
    """The class of the instances the module stores into a field that `__init__` starts as None:
    `self.left = Node(key)` in the class's methods first, then `cur.left = Node(key)` anywhere
    (a store of another class into it later is a located type error).  When no store tells
    (`new.next = self.head`, `cur.next = prev`), the class itself: the linked node's idiom."""
    tree = getattr(collector, "tree", None)
    told = False
    own = [m for m in node.body if isinstance(m, ast.FunctionDef)]
    others = [f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f not in own] if tree is not None else []
    for mine, fns in ((True, own), (False, others)):
        for fn in fns:
            known = _param_types(collector, fn.args.args)
            for stmt in ast.walk(fn):
                if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1):
                    continue
                target = stmt.targets[0]
                if isinstance(target, ast.Name) and target.id not in known:     # `new = Node(v)`, then `self.head = new`
                    t = infer_field(collector, stmt.value, known, node)
                    if t is not None:
                        known[target.id] = t
                if not (isinstance(target, ast.Attribute) and target.attr == field and isinstance(target.value, ast.Name)
                        and (target.value.id == "self") == mine):
                    continue
                t = infer_field(collector, stmt.value, known, node)
                if isinstance(t, Struct) and t.plain:
                    return t
                told = told or t is not None
    return None if told else collector.scope.names[node.name].value


def _empty_container(value: ast.expr) -> str | None:
    """"list", "dict" or "set" for `[]`, `{}`, `list()`, `dict()`, `set()`; else None."""
    if isinstance(value, ast.List) and not value.elts:
        return "list"
    if isinstance(value, ast.Dict) and not value.keys:
        return "dict"
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and not value.args and not value.keywords \
            and value.func.id in ("list", "dict", "set", "OrderedDict"):
        return "dict" if value.func.id == "OrderedDict" else value.func.id
    return None


def _filled_by_methods(collector, node: ast.ClassDef, field: str, value: ast.expr) -> Type | None:
    """The type of a field that `__init__` starts empty, from the stores `_stores_into` finds: the
    first one's, or None when two stores disagree on an int against a float (`("dep", 9.5)` and
    `("wd", 2)` into one list: a float item would print the 2 as `2.0`)."""
    told: list[Type] = []
    for t in _stores_into(collector, node, field, value):
        if t not in told:
            told.append(t)
    if any(_int_against_float(a, b) for a in told for b in told):
        return None
    return told[0] if told else None


def _int_against_float(a: Type, b: Type) -> bool:
    """Whether `a` and `b` differ only where one holds an int and the other a float."""
    from fastext.compiler.types import Dict, List, Set, Tuple
    if {a, b} == {I64, F64}:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, Tuple):
        return len(a.items) == len(b.items) and any(_int_against_float(x, y) for x, y in zip(a.items, b.items))
    if isinstance(a, (List, Set)):
        return _int_against_float(a.item, b.item)
    if isinstance(a, Dict):
        return _int_against_float(a.key, b.key) or _int_against_float(a.value, b.value)
    return False


def _stores_into(collector, node: ast.ClassDef, field: str, value: ast.expr):
    """The types of the values that the class's methods store into a field that `__init__` starts
    empty (`self.items = []`, `self.index = {}`, `self.seen = set()`): `self.items.append(x)`,
    `self.index[k] = v`, `self.seen.add(x)` with values typed as `infer_field` types them there
    (the method's annotated parameters, literals, constructor calls), in source order."""
    from fastext.compiler.types import Dict, List, Set
    kind = _empty_container(value)
    if isinstance(value, ast.ListComp) and _empty_container(value.elt) == "list":
        kind = "rows"       # `self.adj = [[] for _ in range(n)]`: typed by the rows' appends only
    if kind is None:
        return None

    def on_field(e: ast.expr) -> bool:
        return isinstance(e, ast.Attribute) and e.attr == field and isinstance(e.value, ast.Name) and e.value.id == "self"
    for method in node.body:
        if not isinstance(method, ast.FunctionDef):
            continue
        known = _param_types(collector, method.args.args[1:])
        params = [a.arg for a in method.args.args[1:]]

        def typed(e: ast.expr) -> Type | None:
            if isinstance(e, ast.Tuple) and e.elts and not any(isinstance(x, ast.Starred) for x in e.elts):
                from fastext.compiler.types import Tuple     # `self.history.append(("dep", amount))`
                items = [typed(x) for x in e.elts]
                return Tuple(tuple(items)) if all(i is not None for i in items) else None
            t = infer_field(collector, e, known, node)
            if t is None and isinstance(e, ast.Name) and e.id in params:      # an unannotated parameter
                t = _method_argument(collector, node, method.name, params.index(e.id))
            if t is None:       # `self.waits.append(minute - p.arrived)`, `p = self.queue.pop(0)`
                t = infer_field(collector, e, _method_locals(collector, node, method, known), node)
            return t
        for sub in ast.walk(method):
            # `self.adj.append([])` in __init__, `self.adj[u].append(v)` in a method: a list of lists
            if kind in ("list", "rows") and isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute) \
                    and isinstance(sub.func.value, ast.Subscript) and on_field(sub.func.value.value) \
                    and sub.func.attr in ("append", "insert") and sub.args:
                t = typed(sub.args[-1])
                if t is not None:
                    yield List(List(t))
            if kind in ("list", "set") and isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute) \
                    and on_field(sub.func.value) and sub.func.attr in ("append", "add", "insert") and sub.args:
                t = typed(sub.args[-1])
                if t is not None:
                    yield List(t) if kind == "list" else Set(t)
            if kind == "dict" and isinstance(sub, ast.Assign) and len(sub.targets) == 1 and \
                    isinstance(sub.targets[0], ast.Subscript) and on_field(sub.targets[0].value):
                k, v = typed(sub.targets[0].slice), typed(sub.value)
                if k is not None and v is not None:
                    yield Dict(k, v)
            # `self.edges.setdefault(u, []).append((v, w))`: a dict of lists
            if kind == "dict" and isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute) and \
                    sub.func.attr == "append" and len(sub.args) == 1 and isinstance(sub.func.value, ast.Call):
                inner = sub.func.value
                if isinstance(inner.func, ast.Attribute) and inner.func.attr == "setdefault" and \
                        on_field(inner.func.value) and len(inner.args) == 2 and _empty_container(inner.args[1]) == "list":
                    k, v = typed(inner.args[0]), typed(sub.args[0])
                    if k is not None and v is not None:
                        yield Dict(k, List(v))


def _method_argument(collector, node: ast.ClassDef, method: str, k: int) -> Type | None:
    """The type of argument `k` the module's calls `obj.method(...)` pass, where `obj` is an
    instance of the class made in the same function (`s = Stack()` ... `s.push(i * 0.5)`) and
    the argument's type can be told there.  None when calls disagree (`a.deposit(5.5)` and
    `a.withdraw(20)` into one list of amounts): a float would print the int as `20.0`."""
    tree = getattr(collector, "tree", None)
    if tree is None:
        return None
    told = set(_method_arguments(collector, tree, node, method, k))
    return told.pop() if len(told) == 1 else None


def _method_arguments(collector, tree: ast.Module, node: ast.ClassDef, method: str, k: int):
    """The types that the calls of `_method_argument` pass as argument `k`, where they can be told."""
    owners = {id(m): c.name for c in tree.body if isinstance(c, ast.ClassDef)
              for m in c.body if isinstance(m, ast.FunctionDef)}
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef):
            continue
        instances = {t.id for a in ast.walk(fn) if isinstance(a, ast.Assign) and isinstance(a.value, ast.Call)
                     and isinstance(a.value.func, ast.Name) and a.value.func.id == node.name
                     for t in a.targets if isinstance(t, ast.Name)}
        # and parameters annotated with the class (`def __init__(self, a: Variable)`: `a.add_constraint(self)`)
        instances |= {a.arg for a in fn.args.args if isinstance(a.annotation, ast.Name) and a.annotation.id == node.name
                      or isinstance(a.annotation, ast.Constant) and a.annotation.value == node.name}
        instances |= _loop_instances(fn, node.name)
        if not instances:
            continue
        for call, known in _calls_in_functions(collector, fn):
            f = call.func
            if isinstance(f, ast.Attribute) and f.attr == method and isinstance(f.value, ast.Name) and \
                    f.value.id in instances and k < len(call.args) and not isinstance(call.args[k], ast.Starred):
                arg = call.args[k]
                if isinstance(arg, ast.Name) and arg.id == "self" and id(fn) in owners:
                    t = _hierarchy_root(collector, owners[id(fn)])    # a method passing its own instance
                else:
                    t = infer_field(collector, arg, known, node)
                if t is not None:
                    yield t


def _loop_instances(fn: ast.FunctionDef, cls: str) -> set[str]:
    """The loop variables of `fn` that run over a list of `cls` instances it builds:
    `accts = [Account(...) for ...]` (or a display of them), then `for a in accts` or
    `for i, a in enumerate(accts)`."""
    def made(e: ast.expr) -> bool:
        return isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and e.func.id == cls
    lists = {t.id for a in ast.walk(fn) if isinstance(a, ast.Assign)
             and (isinstance(a.value, ast.ListComp) and made(a.value.elt)
                  or isinstance(a.value, ast.List) and a.value.elts and all(made(e) for e in a.value.elts))
             for t in a.targets if isinstance(t, ast.Name)}
    names: set[str] = set()
    for loop in ast.walk(fn):
        if not isinstance(loop, (ast.For, ast.comprehension)):
            continue
        it, target = loop.iter, loop.target
        if isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "enumerate" and \
                len(it.args) == 1 and isinstance(target, ast.Tuple) and len(target.elts) == 2:
            it, target = it.args[0], target.elts[1]
        if isinstance(it, ast.Name) and it.id in lists and isinstance(target, ast.Name):
            names.add(target.id)
    return names


def _hierarchy_root(collector, name: str) -> Type | None:
    """The top class of `name`'s hierarchy (its instances and its siblings' fit there), as the
    class itself, or its forward reference while it is not read yet."""
    bases = getattr(collector, "class_base_names", {})
    while name in bases:
        name = bases[name]
    b = collector.scope.names.get(name)
    if b is not None and b.kind == "structtype":
        return b.value
    return collector.scope.__dict__.get("forward_classes", {}).get(name)


def _calls_in_functions(collector, tree: ast.AST, owners: bool = True):
    """Every call of the module, with what is known of the names it can read there: the
    annotated parameters of the function around it and the variables of its `range` loops
    (`g = Graph(n)` in `def main(n: int)`).  With `owners`, each call is marked with the function
    around it (`fx_owner`: the def and whether it is a method) for `_from_callers`."""
    def visit(node: ast.AST, known: dict[str, Type], owner=None):
        if isinstance(node, ast.ClassDef) and owners:
            for child in node.body:
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    child.fx_method = True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            owner = (node, getattr(node, "fx_method", False))
            known = _param_types(collector, node.args.args)
            for sub in ast.walk(node):      # `for i in range(n)` and `[C(i * 0.5) for i in range(n)]`
                if isinstance(sub, (ast.For, ast.comprehension)) and isinstance(sub.target, ast.Name) \
                        and isinstance(sub.iter, ast.Call) \
                        and isinstance(sub.iter.func, ast.Name) and sub.iter.func.id == "range" \
                        and collector.scope.lookup("range") is None:
                    known.setdefault(sub.target.id, I64)
            _loop_items(collector, node, known)
            for stmt in _walk_statements(node.body):      # `pts = [(0.0, 1.0), ...]` then `Spline(pts, 3)`
                if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) \
                        and stmt.targets[0].id not in known and (not isinstance(stmt.value, ast.Call)
                                                                 or _made_instance(collector, stmt.value)):
                    # (`acct = Account("ann", 100.0)`: `acct.balance * rate` reads its field)
                    t = infer_field(collector, stmt.value, known, None)
                    if t is not None:
                        known[stmt.targets[0].id] = t
            _loop_items(collector, node, known)     # `cases = [...]` then `for text in cases[:n]`
        if isinstance(node, ast.Call):
            if owners:
                node.fx_owner = owner
            yield node, known
        for child in ast.iter_child_nodes(node):
            yield from visit(child, known, owner)
    yield from visit(tree, {})


def _loop_items(collector, fn: ast.FunctionDef, known: dict) -> None:
    """The loop variables of `fn` over a str or a list that `known` types (`for ch in s`,
    `for x in xs[1:]`): their items, into `known`."""
    from fastext.compiler.types import STR, STRV, List
    for sub in ast.walk(fn):
        if isinstance(sub, (ast.For, ast.comprehension)) and isinstance(sub.target, ast.Name) \
                and sub.target.id not in known and isinstance(sub.iter, (ast.Name, ast.Subscript)):
            over = infer_field(collector, sub.iter, known, None)
            item = STRV if over in (STR, STRV) else over.item if isinstance(over, List) else None
            if item is not None:
                known[sub.target.id] = item


def _made_instance(collector, value: ast.Call) -> bool:
    """Whether `value` calls a class of the module read so far (`Account(...)`)."""
    if not isinstance(value.func, ast.Name):
        return False
    b = collector.scope.lookup(value.func.id)
    return b is not None and b.kind == "structtype" and isinstance(b.value, Struct) and b.value.plain


def _walk_statements(body: list[ast.stmt]):
    """The statements of `body` and of the blocks nested in it, in source order."""
    for stmt in body:
        yield stmt
        for attr in ("body", "orelse", "finalbody"):
            yield from _walk_statements(getattr(stmt, attr, []) or [])


def infer_field(collector, value: ast.expr, known: dict[str, Type], node: ast.ClassDef) -> Type | None:
    """The type of a field's value in `__init__`: literals, annotated parameters, constructor
    calls, conversions, math functions, fields of parameters and arithmetic of those; None when
    it cannot be told without checking the function."""
    scope = collector.scope
    if isinstance(value, ast.Constant):
        v = value.value
        from fastext.compiler.types import STRV
        return BOOL if isinstance(v, bool) else I64 if isinstance(v, int) else F64 if isinstance(v, float) else \
            C128 if isinstance(v, complex) else STRV if isinstance(v, str) else None
    if isinstance(value, ast.JoinedStr):       # `Account(f"user{i}")`
        from fastext.compiler.types import STRV
        return STRV
    if isinstance(value, ast.Tuple) and value.elts and not any(isinstance(e, ast.Starred) for e in value.elts):
        from fastext.compiler.types import Tuple
        items = [infer_field(collector, e, known, node) for e in value.elts]
        return Tuple(tuple(items)) if all(i is not None for i in items) else None
    if isinstance(value, ast.Name):
        if value.id in known:
            from fastext.compiler.types import STR, STRV
            return STRV if known[value.id] == STR else known[value.id]      # a str parameter's value
        b = scope.lookup(value.id)
        if b is not None and b.kind in ("const", "mathconst") and isinstance(b.type, Scalar):
            return b.type
        if b is not None and b.kind == "modvar":     # `self.walk_strength = WEAKEST`, a module-level instance
            made = next((v for n, v, _, _ in scope.__dict__.get("containers", []) if n == value.id), None)
            t = infer_field(collector, made, {}, node) if isinstance(made, ast.Call) else None
            return t if isinstance(t, Struct) else None
        return None
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "get" and \
            len(value.args) == 2 and not value.keywords:      # `self.counts.get(k, 0)`: a value like its default
        return infer_field(collector, value.args[1], known, node)
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute):
        owner = infer_field(collector, value.func.value, known, node)    # `direction.normalized()`
        if isinstance(owner, Struct):
            return _method_returns(collector, owner, value.func.attr)
        from fastext.compiler.types import STRV, List
        if owner == STRV:           # `text.replace("(", " ( ").split()`: what str's method gives
            return _str_method_result(value.func.attr)
        if isinstance(owner, List) and value.func.attr == "pop":      # `self.queue.pop(0)`: an item
            return owner.item
    if isinstance(value, ast.Call):
        func = value.func
        if isinstance(func, ast.Name):
            b = scope.lookup(func.id)
            if b is not None and b.kind == "structtype":
                return b.value
            if b is None:
                from fastext.compiler.frontend.inherit import bound_ancestor
                above = bound_ancestor(collector, func.id)     # a subclass defined further down
                if above is not None:
                    return above
            if b is not None and b.kind == "scalar":
                return b.value
            if b is None and func.id == "list" and len(value.args) == 1 and isinstance(value.args[0], ast.Call) \
                    and isinstance(value.args[0].func, ast.Name) and value.args[0].func.id == "range" and \
                    scope.lookup("range") is None:
                from fastext.compiler.types import List
                return List(I64)          # `list(range(n))`
            if b is None and func.id in ("list", "sorted") and len(value.args) == 1 and not value.keywords:
                from fastext.compiler.types import List
                inner = infer_field(collector, value.args[0], known, node)
                if isinstance(inner, List):
                    return List(inner.item)     # `c = list(coeffs)` of a list: a copy of its type
            if b is None and func.id in ("float", "int", "bool", "complex", "len", "ord"):
                return {"float": F64, "int": I64, "bool": BOOL, "complex": C128, "len": I64, "ord": I64}[func.id]
            if b is None and func.id in ("str", "repr", "chr", "hex", "oct", "bin", "format"):
                from fastext.compiler.types import STRV
                return STRV
            if b is None and func.id == "round" and value.args and not value.keywords:
                # `round(x)` is an int; `round(x, 2)` keeps the type of `x`
                t = infer_field(collector, value.args[0], known, node) if len(value.args) == 2 else I64
                return t if t in (I64, F64) else None
            if b is None and func.id in ("abs", "min", "max") and value.args:
                ts = [infer_field(collector, a, known, node) for a in value.args]
                return _promote_all(ts)
            if b is not None and b.kind == "mathfn":
                return F64
            declared = _declared_result(collector, func.id)
            if declared is not None:        # `self.tokens = tokenize(text)` of `def tokenize(...) -> list[str]`
                return declared
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            b = scope.lookup(func.value.id)
            if b is not None and b.kind == "module:math" and func.attr not in ("floor", "ceil", "trunc", "isqrt",
                                                                             "factorial", "gcd", "comb", "perm"):
                return F64
        return None
    if isinstance(value, ast.ListComp):
        # `[Square(r, c) for r in range(n) for c in range(n)]`, `[0.0 for _ in range(n)]`: the
        # list of what its element gives (a `range` loop's name is an int, other names unknown)
        inner = dict(known)
        for gen in value.generators:
            names = [n.id for n in ast.walk(gen.target) if isinstance(n, ast.Name)]
            ranged = isinstance(gen.target, ast.Name) and isinstance(gen.iter, ast.Call) and \
                isinstance(gen.iter.func, ast.Name) and gen.iter.func.id == "range" and scope.lookup("range") is None
            for name in names:
                inner.pop(name, None)
            if ranged:
                inner[gen.target.id] = I64
        item = infer_field(collector, value.elt, inner, node)
        if item is None:
            return None
        from fastext.compiler.types import List
        return List(item)
    if isinstance(value, ast.Subscript):       # `lines[2]`, `expr[1]`, `words[1:]` of a str or a list
        from fastext.compiler.types import STRV, List
        base = infer_field(collector, value.value, known, node)
        if base == STRV:
            return STRV
        if isinstance(base, List):
            return base if isinstance(value.slice, ast.Slice) else base.item
        return None
    if isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name):
        owner = known.get(value.value.id)
        if isinstance(owner, Struct):
            k = owner.field_index(value.attr)
            if k is None:       # an instance of the class whose fields are being read: those typed so far
                return collector.__dict__.get("fields_so_far", {}).get(owner.name, {}).get(value.attr)
            return owner.fields[k][1]
        b = scope.lookup(value.value.id)
        if b is not None and b.kind == "module:math" and value.attr in ("pi", "e", "tau", "inf", "nan"):
            return F64
        return None
    if isinstance(value, ast.UnaryOp):
        t = infer_field(collector, value.operand, known, node)
        if isinstance(t, Struct) and t.plain and not isinstance(value.op, ast.Not):
            return _method_returns(collector, t, "__neg__" if isinstance(value.op, ast.USub) else "__pos__")
        return BOOL if isinstance(value.op, ast.Not) else (I64 if t == BOOL else t) if isinstance(t, Scalar) else None
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Mult) and \
            isinstance(value.left, ast.List) != isinstance(value.right, ast.List):
        from fastext.compiler.types import List      # `[0] * n`: the display's list
        display, count = (value.left, value.right) if isinstance(value.left, ast.List) else (value.right, value.left)
        t = infer_field(collector, display, known, node)
        return t if isinstance(t, List) and infer_field(collector, count, known, node) in (I64, None) else None
    if isinstance(value, ast.BinOp):
        a = infer_field(collector, value.left, known, node)
        b = infer_field(collector, value.right, known, node)
        from fastext.compiler.frontend.dunders import BINARY_NODES
        name = BINARY.get(BINARY_NODES.get(type(value.op), ""))
        if name and isinstance(a, Struct) and a.plain:        # `a - b`: what `__sub__` returns
            t = _method_returns(collector, a, f"__{name}__")
            if t is not None:
                return t
        if name and isinstance(b, Struct) and b.plain:
            return _method_returns(collector, b, f"__r{name}__")
        from fastext.compiler.types import STRV
        if a == STRV and (isinstance(value.op, ast.Mod) or isinstance(value.op, ast.Add) and b == STRV or
                          isinstance(value.op, ast.Mult) and b == I64):
            return STRV         # `"%s-%d" % (a, n)`, `first + " " + last`, `"-" * n`
        if not (isinstance(a, Scalar) and isinstance(b, Scalar)):
            return None
        t = promote(a, b)
        if isinstance(value.op, ast.Div) and not (t.is_float or t.is_complex):
            return F64
        return t
    if isinstance(value, ast.List) and value.elts:       # `[0.0, 0.0]`, `[Vector(...)]`
        from fastext.compiler.types import List
        item = _promote_all([infer_field(collector, e, known, node) for e in value.elts])
        from fastext.compiler.types import STRV, Tuple
        ok = isinstance(item, (Scalar, Struct, List)) or item == STRV or isinstance(item, Tuple) and \
            all(isinstance(i, Scalar) or i == STRV for i in item.items)
        return List(item) if ok else None
    if isinstance(value, ast.ListComp):     # `[[0.0] * cols for _ in range(rows)]`
        from fastext.compiler.types import List
        inner = dict(known)
        for gen in value.generators:     # `for i in range(n)` binds an int
            if isinstance(gen.target, ast.Name) and isinstance(gen.iter, ast.Call) and \
                    isinstance(gen.iter.func, ast.Name) and gen.iter.func.id == "range":
                inner[gen.target.id] = I64
        item = infer_field(collector, value.elt, inner, node)
        return List(item) if isinstance(item, (Scalar, Struct, List)) else None
    if isinstance(value, ast.IfExp):
        return _promote_all([infer_field(collector, value.body, known, node),
                             infer_field(collector, value.orelse, known, node)])
    if isinstance(value, ast.Compare) or isinstance(value, ast.BoolOp) and \
            all(infer_field(collector, v, known, node) == BOOL for v in value.values):
        return BOOL
    return None


# str methods by their result: a new str, a list of str, an int, a bool
_STR_TO_STR = frozenset({"replace", "strip", "lstrip", "rstrip", "lower", "upper", "title", "capitalize",
                         "swapcase", "casefold", "center", "ljust", "rjust", "zfill", "join", "format",
                         "removeprefix", "removesuffix", "expandtabs"})
_STR_TO_LIST = frozenset({"split", "rsplit", "splitlines"})
_STR_TO_INT = frozenset({"find", "rfind", "index", "rindex", "count"})
_STR_TO_BOOL = frozenset({"startswith", "endswith", "isdigit", "isalpha", "isalnum", "isspace", "islower",
                          "isupper", "isdecimal", "isnumeric", "isidentifier", "istitle"})


def _str_method_result(name: str) -> Type | None:
    """The type of `s.name(...)` of a str value (a field's value in `__init__`); None if unknown."""
    from fastext.compiler.types import STRV, List
    return STRV if name in _STR_TO_STR else List(STRV) if name in _STR_TO_LIST else \
        I64 if name in _STR_TO_INT else BOOL if name in _STR_TO_BOOL else None


def _method_returns(collector, owner: Struct, name: str) -> Type | None:
    """The type a method of class `owner` is annotated to return (None: unknown)."""
    annotation = collector.__dict__.get("class_returns", {}).get(owner.name, {}).get(name)
    if annotation is None:
        return None
    try:
        t = annotations.resolve(annotation, collector.scope)
    except FxSyntaxError:
        return None
    return t if isinstance(t, (Scalar, Struct)) else None


def common_class(a: Struct, b: Struct) -> Struct | None:
    """The nearest class both `a` and `b` are (None: they share no base)."""
    t = a
    while t is not None:
        if b.is_subclass_of(t):
            return t
        t = t.base
    return None


def _promote_all(ts: list) -> Type | None:
    if not ts or any(t is None for t in ts):
        return None
    if all(t == ts[0] for t in ts):
        return ts[0]
    if all(isinstance(t, Struct) and t.plain for t in ts):      # instances of one hierarchy: their base
        out = ts[0]
        for t in ts[1:]:
            out = common_class(out, t)
            if out is None:
                return None
        return out
    if not all(isinstance(t, Scalar) for t in ts):
        return None
    out = ts[0]
    for t in ts[1:]:
        out = promote(out, t)
    return out


class _ReturnSelf(ast.NodeTransformer):
    """`return` in `__init__` returns the record (the constructor's result)."""

    def visit_Return(self, node: ast.Return) -> ast.Return:
        out = ast.Return(value=ast.Name(id="self", ctx=ast.Load()))
        return ast.copy_location(out, node)

    def visit_FunctionDef(self, node):     # a nested def keeps its own returns
        return node

    visit_Lambda = visit_FunctionDef


def _constructor(collector, node: ast.ClassDef, init: ast.FunctionDef | None, stype: Struct) -> ast.FunctionDef:
    """The function `NAME.__init__(params) -> NAME` that builds a blank record and runs the body
    of `__init__` on it (a class without `__init__` takes no arguments)."""
    where = init or node
    if init is not None:
        args = init.args
        if not args.args or args.args[0].arg != "self" or args.args[0].annotation is not None:
            raise FxSyntaxError(collector.span(init), f"`__init__` of class `{node.name}` needs `self` "
                                "(unannotated) as its first parameter", "def __init__(self, x: float, y: float):")
        for r in ast.walk(init):
            if isinstance(r, ast.Return) and r.value is not None and not (
                    isinstance(r.value, ast.Constant) and r.value.value is None):
                raise FxSyntaxError(collector.span(r), "`__init__` returns a value", "`__init__` returns None")
        body = [_ReturnSelf().visit(copy.deepcopy(s)) for s in init.body]
        args = copy.copy(args)
        args.args = [_annotated(a, getattr(init, "fx_inferred", {}).get(a.arg), node) for a in args.args[1:]]
    else:
        body, args = [], ast.arguments([], [], None, [], [], None, [])
    blank = ast.Call(func=ast.Name(id=node.name, ctx=ast.Load()), args=[], keywords=[])
    blank.fx_blank = stype
    head = ast.Assign(targets=[ast.Name(id="self", ctx=ast.Store())], value=blank)
    tail = ast.Return(value=ast.Name(id="self", ctx=ast.Load()))
    for n in (blank, blank.func, head, head.targets[0], tail, tail.value):
        ast.copy_location(n, where)
    fn = ast.FunctionDef(name=f"{node.name}.__init__", args=args, body=[head] + body + [tail], decorator_list=[],
                         returns=ast.copy_location(ast.Name(id=node.name, ctx=ast.Load()), where),
                         type_comment=None)
    fn.type_params = []
    ast.copy_location(fn, where)
    fn.end_lineno, fn.end_col_offset = where.end_lineno, where.end_col_offset
    fn.fx_constructor = stype
    return fn


def _annotated(arg: ast.arg, t: Type | None, node: ast.ClassDef) -> ast.arg:
    """An unannotated `__init__` parameter with the type its calls and default gave it
    (`_passed_types`), written as the annotation Python code would use, so the constructor is
    an ordinary function Python can call; left open where no such spelling exists."""
    from fastext.compiler.types import List
    names = {F64: "float", I64: "int", BOOL: "bool", C128: "complex"}

    def spell(t):
        if isinstance(t, Scalar) and t in names:
            return ast.Name(id=names[t], ctx=ast.Load())
        if isinstance(t, Struct) and t.plain and (t.name == node.name or t.name.endswith("." + node.name)):
            return ast.Name(id=node.name, ctx=ast.Load())
        if isinstance(t, List):
            item = spell(t.item)
            return None if item is None else ast.Subscript(ast.Name(id="list", ctx=ast.Load()), item, ast.Load())
        return None
    annotation = spell(t) if arg.annotation is None and t is not None else None
    if annotation is None:
        return arg
    out = copy.copy(arg)
    out.annotation = annotation
    for n in ast.walk(annotation):
        ast.copy_location(n, arg)
    return out


def linked(t: Type) -> Struct | None:
    """The class in `t` whose instances refer to instances of their own class (a field typed
    `types.ClassRef`) or hold lists, or that has a base or subclasses (frontend/inherit.py),
    directly or through fields, else None.  Such records form
    graphs that the entry points do not convert (docs/language.md, "Classes"): they stay inside
    compiled code."""
    from fastext.compiler.types import STRV, Array, Dict, List, Set, Tuple
    if isinstance(t, Struct) and t.plain and t.cid:
        return t        # a class with a base or subclasses: dispatch reads its records' class id
    if isinstance(t, Struct):
        for f, ft in t.fields:
            if isinstance(ft, (ClassRef, List)) or (isinstance(ft, (Array, Dict, Set)) or ft == STRV) and t.plain:
                return t        # a graph of records, or a container, an array or a str the record holds
            if t.plain and f.startswith("_"):
                return t        # `self._items`: Python's record classes take no underscore names
            inner = linked(ft)
            if inner is not None:
                return inner
        return None
    if isinstance(t, Tuple):
        return next((c for c in map(linked, t.items) if c is not None), None)
    if isinstance(t, (List, Set)):
        return linked(t.item)
    if isinstance(t, Dict):
        return linked(t.key) or linked(t.value)
    return None


def _why_inside(c: Struct) -> str:
    if c.cid:
        return "a class with a base or subclasses"
    if any(f.startswith("_") for f, _ in c.fields):
        return "a class with fields named with an underscore (`self._items`)"
    return "a class whose instances refer to each other or hold containers, arrays or str values"


def check_boundary(node: ast.FunctionDef, params: list, ret: Type, span_of) -> None:
    """An exported function may not take or return instances of linked classes (`linked`)."""
    for name, t, span in params:
        c = linked(t)
        if c is not None:
            raise FxSyntaxError(span, f"parameter `{name}` of the exported function `{node.name}` holds {c}, "
                                f"{_why_inside(c)}: they live inside compiled code only",
                                f"make the function internal (`_{node.name}`) and build the {c} records inside "
                                "compiled code, or pass the numbers they hold")
    c = linked(ret)
    if c is not None:
        raise FxSyntaxError(span_of(node.returns), f"the exported function `{node.name}` returns {c}, "
                            f"{_why_inside(c)}: they live inside compiled code only",
                            f"return the numbers it holds, or make the function internal (`_{node.name}`)")
