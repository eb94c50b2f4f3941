"""Single inheritance of plain classes: `class Plane(Shape):`, overriding, `super()`, isinstance.

A subclass's record lays out its base's fields first, then its own (`types.Struct.base`), so a
reference to a `Plane` is a reference to a `Shape` as it stands: an upcast is a pointer cast
(`record.cast`).  Every class of a module that has a base or a subclass gets a class id
(`Struct.cid`, `prescan`), written into a header word in front of each record it builds
(lower/structs.py: `new_record`); the ids of a class and of every class below it are its
*subtree*, closed since the whole module is known.

A method call `s.intersect(ray)` on a reference of static type C is resolved over C's subtree
(`method_key`): when every class below C runs the same definition the call is direct (the
receiver cast up to the class defining it); otherwise it calls the dispatcher `C.m@virtual`,
synthesized here as `.fx` source (`dispatchers`):

    def Shape.intersect@virtual(self, ray: Ray) -> float:
        if isinstance(self, Plane):          # exact class ids of the classes running Plane's
            return Plane.intersect(self, ray)
        return Shape.intersect(self, ray)

so a dispatch is one load of the header and a compare per overriding definition, and LLVM
inlines it like any small function.  `Base.m(self, ...)` (and `super().m(...)`, rewritten to it
at collection: `rewrite_super`) calls the definition Base resolves to, without dispatch;
`Base.__init__(self, ...)` runs the body of Base's `__init__` on an existing record through
`Base.__init__@self` (`init_on`), so a subclass's constructor can run its base's.
Class-level constants (`PRIORITY = 3`) are read through the class (`Task.PRIORITY`) or an
instance (`self.PRIORITY`: the value of the instance's class, `record.classconst` when the
subtree overrides it).
"""
from __future__ import annotations

import ast
import copy
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.source import without_docstring
from fastext.compiler.types import BOOL, STRV, ErrorType, PyObj, Scalar, Struct, Type

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker
    from fastext.compiler.frontend.module import _ModuleCollector

VIRTUAL = "@virtual"        # suffix of a dispatcher's method name
INIT_ON = "__init__@self"   # the body of `__init__` run on an existing record
_BUILTIN_BASES = {"int", "float", "complex", "bool", "str", "bytes", "list", "dict", "set", "tuple", "frozenset",
                  "Exception", "BaseException", "ValueError", "TypeError", "KeyError", "IndexError",
                  "RuntimeError", "ArithmeticError", "LookupError", "NamedTuple", "Enum", "IntEnum", "Protocol",
                  "Generic", "ABC", "type", "bytearray", "range"}
_DUNDER_RESULTS = {"__repr__": "str", "__str__": "str", "__len__": "int", "__bool__": "bool"}


@dataclass
class ClassInfo:
    """What the compiler knows of one plain class beyond its record type."""

    stype: Struct
    base: str | None                                   # the base's qualified name
    children: list[str] = field(default_factory=list)  # direct subclasses, in definition order
    methods: dict[str, ast.FunctionDef] = field(default_factory=dict)   # instance methods it defines
    statics: set[str] = field(default_factory=set)     # static and class methods it defines
    consts: dict[str, tuple[Type, object, ast.AST]] = field(default_factory=dict)   # class-level constants
    init: ast.FunctionDef | None = None                # its own `__init__`
    short: str = ""                                    # its name in the module's source


# ----------------------------------------------------------------------------- collection

def prescan(collector: "_ModuleCollector", tree: ast.Module) -> None:
    """Class ids for the module's classes that have a base or a subclass (0 for the others:
    their records carry no header), known before any class is read."""
    classes = [s for s in tree.body if isinstance(s, ast.ClassDef) and not s.decorator_list]
    names = {c.name for c in classes}
    bases = {c.name: c.bases[0].id for c in classes
             if len(c.bases) == 1 and isinstance(c.bases[0], ast.Name) and c.bases[0].id in names}
    used = set(bases.values())
    collector.class_ids = {}
    collector.class_base_names = bases
    collector.class_inits = {c.name for c in classes if any(isinstance(s, ast.FunctionDef) and s.name == "__init__"
                                                           for s in c.body)}
    collector.class_bases_used = used
    for c in classes:
        if c.name in bases or c.name in used:
            collector.class_ids[c.name] = len(collector.class_ids) + 1


def init_runners(collector: "_ModuleCollector", name: str) -> set[str]:
    """`name` and the classes below it whose constructor runs `name`'s `__init__` (none of their
    own in between), by the names the source calls them."""
    bases = getattr(collector, "class_base_names", {})
    inits = getattr(collector, "class_inits", set())
    out = {name}
    for c in bases:
        k = c
        while k in bases and k not in inits and k != name:
            k = bases[k]
        if k == name and c not in inits:
            out.add(c)
    return out


def bound_ancestor(collector: "_ModuleCollector", name: str) -> Struct | None:
    """For a class of the module not read yet (`Times(...)` passed to `Plus.__init__` above
    it), the nearest class above it that is bound already: what a reference to it is typed as."""
    bases = getattr(collector, "class_base_names", {})
    while name in bases:
        name = bases[name]
        b = collector.scope.lookup(name)
        if b is not None and b.kind == "structtype" and isinstance(b.value, Struct) and b.value.plain:
            return b.value
    return None


def base_of(collector: "_ModuleCollector", node: ast.ClassDef) -> Struct | None:
    """The class `node` derives from (None: no base, or `object`); located errors for the bases
    a compiled class cannot have."""
    bases = [b for b in node.bases if not (isinstance(b, ast.Name) and b.id == "object")]
    if not bases:
        return None
    if len(bases) > 1:
        raise FxSyntaxError(collector.span(bases[1]), f"class `{node.name}` has several bases: multiple "
                            "inheritance is not supported",
                            "derive from one class and hold an instance of the other as a field")
    base = bases[0]
    shown = ast.unparse(base)
    if isinstance(base, ast.Name):
        b = collector.scope.lookup(base.id)
        if b is not None and b.kind == "structtype" and isinstance(b.value, Struct):
            t = b.value
            if not t.plain:
                raise FxSyntaxError(collector.span(base), f"class `{node.name}` cannot inherit from the @struct "
                                    f"`{shown}`", "an @struct has no subclasses: make the base a plain class, or "
                                    "hold the struct as a field")
            if t.name != collector.scope.qualify(base.id):
                raise FxSyntaxError(collector.span(base), f"class `{node.name}` cannot inherit from `{shown}`, a "
                                    "class of another module", "classes inherit from classes of their own module: "
                                    "define the base here, or hold an instance of it as a field")
            return t
        if b is None and base.id in _BUILTIN_BASES:
            raise FxSyntaxError(collector.span(base), f"class `{node.name}` cannot inherit from the builtin "
                                f"`{shown}`", f"hold a {shown} as a field instead (`self.items: list[float] = []`), "
                                "or keep this class in a .py module")
        if b is None:
            raise FxSyntaxError(collector.span(base), f"the base `{shown}` of class `{node.name}` is not a class "
                                "defined above it in this module",
                                "define the base class first (Python needs it before the subclass too)")
    raise FxSyntaxError(collector.span(base), f"class `{node.name}` cannot inherit from `{shown}`",
                        "a compiled class derives from one plain class of its own module (single inheritance)")


def class_constant(collector: "_ModuleCollector", node: ast.ClassDef, stmt: ast.stmt):
    """`PRIORITY = 3` in a class body: (name, (type, value, node)), or None for other statements."""
    if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)):
        return None
    name = stmt.targets[0].id
    if name.startswith("__"):
        return None
    from fastext.compiler.frontend.module import _type_of_constant
    try:
        value = collector.const_value(stmt.value)
    except FxSyntaxError:
        raise FxSyntaxError(collector.span(stmt.value), f"the class-level value `{name}` of class `{node.name}` "
                            "is not a constant", "class-level values are constants (numbers, bools, str "
                            "literals): assign mutable state in `__init__` (`self.x = ...`), or use a module "
                            "constant") from None
    if isinstance(value, complex):
        raise FxSyntaxError(collector.span(stmt.value), f"the class constant `{name}` is complex",
                            "use a module constant for complex values")
    return name, (_type_of_constant(value), value, stmt)


def register(collector: "_ModuleCollector", node: ast.ClassDef, stype: Struct, methods: list[ast.FunctionDef],
             consts: dict, init: ast.FunctionDef | None) -> None:
    """Record one class (and its place under its base) for calls, dispatch and constants."""
    from fastext.compiler.frontend.classes import _kind
    scope = collector.scope
    info = ClassInfo(stype, stype.base.name if stype.base is not None else None, init=init, short=node.name)
    for m in methods:
        if m.name == "__init__":
            continue
        if _kind(m) is not None:
            info.statics.add(m.name)
        else:
            info.methods[m.name] = m
    for name, (t, value, where) in consts.items():
        if stype.field_index(name) is not None or name in info.methods:
            raise FxSyntaxError(collector.span(where), f"`{name}` of class `{node.name}` is both a class constant "
                                "and a field or method", "rename one of them")
        info.consts[name] = (t, value, where)
    scope.classes[stype.name] = info
    if info.base is not None:
        scope.classes[info.base].children.append(stype.name)
        for name, (t, value, where) in consts.items():
            inherited = constant_of(scope, scope.classes[info.base].stype, name)
            if inherited is not None and inherited[0] != t:
                raise FxSyntaxError(collector.span(where), f"class constant `{name}` of `{node.name}` is "
                                    f"{_spell(t)} where its base's is {_spell(inherited[0])}",
                                    "give the constant one type in the whole hierarchy (write `1.0` for a float)")
    collector.__dict__.setdefault("class_order", []).append(stype.name)


def _spell(t: Type) -> str:
    return {"i64": "an int", "f64": "a float", "bool": "a bool"}.get(str(t), f"a {t}")


def inherited_init(collector: "_ModuleCollector", base: Struct) -> ast.FunctionDef | None:
    """The `__init__` a class without one runs: its nearest ancestor's."""
    info = collector.scope.classes.get(base.name)
    while info is not None:
        if info.init is not None:
            return info.init
        info = collector.scope.classes.get(info.base) if info.base else None
    return None


class _Super(ast.NodeTransformer):
    """`super().m(args)` (and `super(C, self).m(args)`) as `Base.m(self, args)`."""

    def __init__(self, collector, node: ast.ClassDef, base: Struct | None, self_name: str):
        self.collector, self.node, self.base, self.self_name = collector, node, base, self_name

    def visit_Call(self, call: ast.Call):
        self.generic_visit(call)
        f = call.func
        if not (isinstance(f, ast.Attribute) and isinstance(f.value, ast.Call) and
                isinstance(f.value.func, ast.Name) and f.value.func.id == "super"):
            return call
        if self.base is None:
            raise FxSyntaxError(self.collector.span(f.value), f"`super()` in class `{self.node.name}`, which has no "
                                "base class", "call the method on `self`, or derive the class from a base")
        if f.value.args and not (len(f.value.args) == 2 and isinstance(f.value.args[0], ast.Name) and
                                 f.value.args[0].id == self.node.name):
            raise FxSyntaxError(self.collector.span(f.value), "`super()` takes no arguments here",
                                f"write `super().{f.attr}(...)`")
        owner = ast.copy_location(ast.Name(id=self.base.short_name, ctx=ast.Load()), f.value)
        out = ast.Call(func=ast.copy_location(ast.Attribute(value=owner, attr=f.attr, ctx=ast.Load()), f),
                       args=[ast.copy_location(ast.Name(id=self.self_name, ctx=ast.Load()), f.value)] + call.args,
                       keywords=call.keywords)
        return ast.copy_location(out, call)

    def visit_FunctionDef(self, n):      # a nested def's super() is its own business (an error there)
        return n


def rewrite_super(collector: "_ModuleCollector", node: ast.ClassDef, base: Struct | None,
                  methods: list[ast.FunctionDef]) -> None:
    """Rewrite the `super()` calls of the class's methods in place (before any copy of them)."""
    from fastext.compiler.frontend.classes import _kind
    for m in methods:
        if _kind(m) is not None or not m.args.args:
            continue
        t = _Super(collector, node, base, m.args.args[0].arg)
        m.body = [t.visit(s) for s in m.body]
        if m.name == "__init__" and base is not None:
            m.body = [s for s in m.body if not _empty_base_init(collector, s, base)] or [ast.Pass()]


def _empty_base_init(collector, stmt: ast.stmt, base: Struct) -> bool:
    """`Base.__init__(self)` where no ancestor defines `__init__`: Python's object.__init__, nothing."""
    if not (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call)):
        return False
    f = stmt.value.func
    return isinstance(f, ast.Attribute) and f.attr == "__init__" and isinstance(f.value, ast.Name) and \
        f.value.id == base.short_name and len(stmt.value.args) == 1 and not stmt.value.keywords and \
        inherited_init(collector, base) is None


def init_on(collector: "_ModuleCollector", node: ast.ClassDef, init: ast.FunctionDef, stype: Struct):
    """`NAME.__init__@self`: the body of the class's `__init__` run on an existing record (the
    base part of a subclass's record), for `Base.__init__(self, ...)` and `super().__init__(...)`."""
    from fastext.compiler.frontend.structs import _method
    m = copy.deepcopy(init)
    m.name = INIT_ON
    m.returns = ast.copy_location(ast.Constant(value=None), init)
    m.args.args = [m.args.args[0]] + [_annotated_param(a, getattr(init, "fx_inferred", {}).get(a.arg), node)
                                      for a in m.args.args[1:]]
    return _method(collector, node, m, stype)


def _annotated_param(arg: ast.arg, t, node: ast.ClassDef) -> ast.arg:
    from fastext.compiler.frontend.classes import _annotated
    return _annotated(arg, t, node)


# ----------------------------------------------------------------------------- the hierarchy

def info_of(scope, t: Type) -> ClassInfo | None:
    return scope.classes.get(t.name) if isinstance(t, Struct) and t.plain else None


def in_hierarchy(t: Type) -> bool:
    """Whether `t` is a class with a base or a subclass (its records carry a class id)."""
    return isinstance(t, Struct) and t.plain and t.cid != 0


def subtree(scope, name: str) -> list[str]:
    """`name` and every class below it, in definition order of a depth-first walk."""
    out, todo = [], [name]
    while todo:
        n = todo.pop(0)
        out.append(n)
        todo[:0] = scope.classes[n].children
    return out


def type_name(fc: "FunctionChecker", node: ast.Attribute) -> ir.Expr | None:
    """`type(x).__name__` / `x.__class__.__name__`: the name of the class that built the record
    (tested from the top of its hierarchy down, so the deepest match wins), or of the Python
    type a value of the dialect is (`float`, `list`, ...); None for other attributes."""
    inner = node.value
    if node.attr != "__name__":
        return None
    if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name) and inner.func.id == "type" and \
            len(inner.args) == 1 and not inner.keywords and inner.func.id not in fc.vars and \
            fc.scope.lookup("type") is None:
        of = inner.args[0]
    elif isinstance(inner, ast.Attribute) and inner.attr == "__class__":
        of = inner.value
    else:
        return None
    value = fc.expr(of)
    span = fc.span(node)
    t = value.type
    if isinstance(t, PyObj):        # a Python object's type, asked of Python
        kind = ir.ObjCall(STRV, span, ir.Intrinsic(PyObj("type"), span, "py.builtin", [], {"name": "type"}),
                          None, [value], ())
        return ir.ObjAttr(STRV, span, kind, "__name__")
    info = info_of(fc.scope, t)
    if info is None:
        from fastext.compiler import types as T
        name = ("bool" if t == T.BOOL else "complex" if t.is_complex else "float" if t.is_float else "int") \
            if isinstance(t, Scalar) else "str" if isinstance(t, (T.Str, T.Char)) or t == T.STRV else \
            ("deque" if t.deque else "list") if isinstance(t, T.List) else "dict" if isinstance(t, T.Dict) else \
            "set" if isinstance(t, T.Set) else "tuple" if isinstance(t, T.Tuple) else \
            "ndarray" if isinstance(t, T.Array) else t.short_name if isinstance(t, Struct) else None
        if name is None:
            raise fc.error(node, f"the type name of {T.article(t)} is not known when compiled",
                           "print a description of your own instead")
        return ir.StmtExpr(T.STRV, span, [ir.ExprStmt(span, value)], ir.ObjConst(T.STRV, span, name)) \
            if not isinstance(value, (ir.Load, ir.Const)) else ir.ObjConst(T.STRV, span, name)
    from fastext.compiler.frontend import synth
    names = subtree(fc.scope, t.name) if in_hierarchy(t) else [t.name]
    lines = [f'_r = "{fc.scope.classes[names[0]].short}"']
    lines += [f'if isinstance(_o, {fc.scope.classes[n].short}):\n    _r = "{fc.scope.classes[n].short}"'
              for n in names[1:]]
    return synth.value(fc, "\n".join(lines) + "\n", node, values={"_o": value})


def _defining(scope, name: str, what: str, attr: str) -> str | None:
    """The nearest class at or above `name` whose `attr` (methods, statics, consts) holds `what`."""
    info = scope.classes.get(name)
    while info is not None:
        if what in getattr(info, attr):
            return info.stype.name
        info = scope.classes.get(info.base) if info.base else None
    return None


def _impls(scope, name: str, method: str) -> list[tuple[str, str | None]]:
    """(class, the class whose definition of `method` it runs) for each class of the subtree."""
    return [(d, _defining(scope, d, method, "methods")) for d in subtree(scope, name)]


def method_key(scope, t: Struct, method: str) -> str | None:
    """The registry key a call `x.method(...)` on a reference of static type `t` calls: the one
    definition every class below `t` runs, or `t`'s dispatcher; None when `t` has none."""
    info = info_of(scope, t)
    if info is None or (info.base is None and not info.children):
        key = f"{t.name}.{method}"
        return key if scope.registry.get(key) is not None else None
    impls = _impls(scope, t.name, method)
    own = impls[0][1]
    if own is None:
        return None
    if len({k for _, k in impls}) > 1:
        return f"{t.name}.{method}{VIRTUAL}"
    return f"{own}.{method}"


def static_key(scope, t: Struct, method: str) -> str | None:
    """The registry key of `C.method` for a static or class method defined at or above C."""
    owner = _defining(scope, t.name, method, "statics")
    return f"{owner}.{method}" if owner is not None else None


def defined_below(scope, t: Struct, what: str, attr: str = "methods") -> list[str]:
    """The short names of the classes below `t` that define `what` (for hints)."""
    if info_of(scope, t) is None:
        return []
    if attr == "fields":
        return [scope.classes[d].short for d in subtree(scope, t.name)[1:]
                if scope.classes[d].stype.field_index(what) is not None]
    return [scope.classes[d].short for d in subtree(scope, t.name)[1:] if what in getattr(scope.classes[d], attr)]


def constant_of(scope, t: Struct, name: str):
    """(type, value, node) of the class constant `name` as class `t` sees it, or None."""
    owner = _defining(scope, t.name, name, "consts")
    return scope.classes[owner].consts[name] if owner is not None else None


def join(scope, a: Type, b: Type) -> Struct | None:
    """The nearest class both `a` and `b` derive from (None: unrelated, or not classes)."""
    if not (isinstance(a, Struct) and isinstance(b, Struct) and a.plain and b.plain):
        return None
    t = a
    while t is not None:
        if b.is_subclass_of(t):
            return scope.classes[t.name].stype if t.name in scope.classes else t
        t = t.base
    return None


# ----------------------------------------------------------------------------- dispatchers

def dispatchers(collector: "_ModuleCollector") -> list[ast.FunctionDef]:
    """A dispatcher `C.m@virtual` for every class C of the module and method m it has whose
    subtree runs more than one definition of m."""
    from fastext.compiler.frontend.structs import _method
    scope = collector.scope
    out: list[ast.FunctionDef] = []
    for name in getattr(collector, "class_order", []):
        info = scope.classes[name]
        if info.base is None and not info.children:
            continue
        visible = set()
        k = info
        while k is not None:
            visible |= set(k.methods)
            k = scope.classes.get(k.base) if k.base else None
        for m in sorted(visible):
            impls = _impls(scope, name, m)
            owners = list(dict.fromkeys(k for _, k in impls))
            if len(owners) < 2:
                continue
            try:
                fn = _dispatcher(collector, info, m, impls, owners)
                out.append(_method(collector, ast.ClassDef(name=info.short), fn, info.stype))
            except FxSyntaxError as e:
                collector.diags.add(e.diagnostic)
    return out


def _raise_only(fn: ast.FunctionDef) -> ast.Raise | None:
    body = without_docstring(fn.body)
    return body[0] if len(body) == 1 and isinstance(body[0], ast.Raise) else None


def _calls_itself(fn: ast.FunctionDef, m: str) -> bool:
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == m
               for n in ast.walk(fn))


def _dispatcher(collector, info: ClassInfo, m: str, impls, owners) -> ast.FunctionDef:
    scope = collector.scope
    defs = {o: scope.classes[o].methods[m] for o in owners}
    src = defs[owners[0]]
    nparams = len(src.args.args)
    for o in owners[1:]:
        d = defs[o]
        if len(d.args.args) != nparams:
            raise FxSyntaxError(collector.span(d), f"`{scope.classes[o].short}.{m}` overrides `{info.short}.{m}` "
                                f"with {len(d.args.args) - 1} parameters where it has {nparams - 1}",
                                "an override takes the parameters of the method it overrides (calls through a "
                                "base reference pass them)")
        for a, b in zip(src.args.args[1:], d.args.args[1:]):
            if a.annotation is not None and b.annotation is not None and \
                    ast.dump(a.annotation) != ast.dump(b.annotation):
                raise FxSyntaxError(collector.span(b.annotation), f"parameter `{b.arg}` of `{scope.classes[o].short}"
                                    f".{m}` is `{ast.unparse(b.annotation)}` where the method it overrides has "
                                    f"`{ast.unparse(a.annotation)}`", "give an override the parameter types of the "
                                    "method it overrides")
    where = src
    self_name = src.args.args[0].arg
    params = [a.arg for a in src.args.args[1:]]

    def loc(n):
        for x in ast.walk(n):
            ast.copy_location(x, where)
            x.end_lineno, x.end_col_offset = where.lineno, where.col_offset
        return n

    nothing = src.returns is None and all(_raise_only(d) is not None or _returns_nothing(d) for d in defs.values())

    def branch(owner: str) -> list[ast.stmt]:
        d = defs[owner]
        r = _raise_only(d)
        if r is not None:       # an abstract method: its raise, in place
            return [copy.deepcopy(r)]
        short = scope.classes[owner].short
        call = ast.Call(func=ast.Attribute(value=ast.Name(id=short, ctx=ast.Load()), attr=m, ctx=ast.Load()),
                        args=[ast.Name(id=self_name, ctx=ast.Load())] + [ast.Name(id=p, ctx=ast.Load()) for p in params],
                        keywords=[])
        if nothing:     # methods that return nothing (`def execute(self): pass`): called as statements
            return [loc(ast.Expr(value=call)), loc(ast.Return(value=None))]
        return [loc(ast.Return(value=call))]

    body: list[ast.stmt] = []
    others = owners[1:]
    # definitions that do not call the method again first: a recursive dispatch through an
    # unannotated method is then typed from their results (frontend/templates.py)
    others.sort(key=lambda o: _calls_itself(defs[o], m))
    for o in others:
        cids = frozenset(scope.classes[d].stype.cid for d, k in impls if k == o)
        test = loc(ast.Call(func=ast.Name(id="isinstance", ctx=ast.Load()),
                            args=[ast.Name(id=self_name, ctx=ast.Load()),
                                  ast.Name(id=scope.classes[o].short, ctx=ast.Load())], keywords=[]))
        test.fx_cids = cids
        body.append(loc(ast.If(test=test, body=branch(o), orelse=[])))
    body += branch(owners[0])
    returns = copy.deepcopy(src.returns)
    if returns is None:
        returns = next((copy.deepcopy(defs[o].returns) for o in others if defs[o].returns is not None), None)
    if returns is None and m in _DUNDER_RESULTS:
        returns = ast.Name(id=_DUNDER_RESULTS[m], ctx=ast.Load())
    if returns is None and nothing:
        returns = ast.Constant(value=None)
    args = copy.deepcopy(src.args)
    fn = ast.FunctionDef(name=m + VIRTUAL, args=args, body=body, decorator_list=[], returns=returns,
                         type_comment=None)
    fn.type_params = []
    loc(fn)
    fn.end_lineno, fn.end_col_offset = src.end_lineno, src.end_col_offset
    return fn


def _returns_nothing(fn: ast.FunctionDef) -> bool:
    from fastext.compiler.frontend.module import _implicit_result
    return fn.returns is None and _implicit_result(fn) is not None


# ----------------------------------------------------------------------------- in function bodies

def cast(value: ir.Expr, target: Struct) -> ir.Expr:
    """A reference as one to a class it derives from (or, after a test, to a subclass)."""
    return ir.Intrinsic(target, value.span, "record.cast", [value])


def isinstance_call(fc: "FunctionChecker", node: ast.Call) -> ir.Expr:
    """`isinstance(x, C)` / `isinstance(x, (A, B))` of a class instance: a test of its class id."""
    span = fc.span(node)
    if len(node.args) != 2 or node.keywords:
        raise fc.error(node, "isinstance() takes an instance and a class", "isinstance(shape, Sphere)")
    value = fc.expr(node.args[0])
    if isinstance(value.type, ErrorType):
        return value
    if not (isinstance(value.type, Struct) and value.type.plain):
        raise fc.error(node.args[0], f"isinstance() of {value.type} is not supported: its type is known at compile "
                       "time", "isinstance() tests instances of the module's classes (`isinstance(shape, Sphere)`)")
    spec = node.args[1]
    names = spec.elts if isinstance(spec, ast.Tuple) else [spec]
    classes = []
    for n in names:
        b = fc.scope.lookup(n.id) if isinstance(n, ast.Name) and n.id not in fc.vars else None
        if b is None or b.kind != "structtype" or not b.value.plain:
            raise fc.error(n, f"`{ast.unparse(n)}` is not a class of this module",
                           "isinstance() takes a class of the module or a tuple of them")
        classes.append(b.value)
    t: Struct = value.type
    cids = getattr(node, "fx_cids", None)
    if cids is None:
        if any(t.is_subclass_of(c) for c in classes):          # always true, unless None
            return ir.UnaryOp(BOOL, span, "not", ir.Intrinsic(BOOL, span, "record.is_none", [value]))
        cids = set()
        for c in classes:
            if info_of(fc.scope, c) is not None and c.is_subclass_of(t):
                cids |= {fc.scope.classes[d].stype.cid for d in subtree(fc.scope, c.name)}
        if not cids:      # unrelated classes: never (still evaluating the operand)
            if isinstance(value, ir.Load):
                return ir.Const(BOOL, span, False)
            return ir.StmtExpr(BOOL, span, [ir.ExprStmt(span, value)], ir.Const(BOOL, span, False))
    return ir.Intrinsic(BOOL, span, "record.isa", [value], {"cids": tuple(sorted(cids))})


def narrowed(fc: "FunctionChecker", test: ast.expr, body: list[ast.stmt]):
    """`if isinstance(x, C):` with `x` a local reference to a class above C that the body does not
    assign: (name, C) — the body then reads `x` as a C."""
    if not (isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.func.id == "isinstance"
            and len(test.args) == 2 and isinstance(test.args[0], ast.Name) and isinstance(test.args[1], ast.Name)
            and fc.scope.lookup("isinstance") is None):
        return None
    name = test.args[0].id
    var = fc.vars.get(name)
    b = fc.scope.lookup(test.args[1].id)
    if var is None or b is None or b.kind != "structtype" or not isinstance(var.type, Struct) or \
            not var.type.plain or not b.value.plain or b.value == var.type or not b.value.is_subclass_of(var.type):
        return None
    for s in body:
        for n in ast.walk(s):
            if isinstance(n, ast.Name) and n.id == name and not isinstance(n.ctx, ast.Load) or \
                    isinstance(n, (ast.Global, ast.Nonlocal)) and name in n.names:
                return None
    return name, b.value


def class_call(fc: "FunctionChecker", node: ast.Call, t: Struct, shown: str) -> ir.Expr | None:
    """`Base.m(obj, ...)`: the definition of `m` that `Base` resolves to, called on `obj` without
    dispatch (`Base.__init__(self, ...)`: Base's `__init__` run on the record).  None when `m`
    is not an instance method at or above `Base`."""
    from fastext.compiler.frontend.calls import user_call
    scope = fc.scope
    m = node.func.attr
    if m == "__init__":
        owner = None
        info = info_of(scope, t)
        while info is not None and owner is None:
            owner = info.stype.name if info.init is not None else None
            info = scope.classes.get(info.base) if info.base else None
        key = f"{owner}.{INIT_ON}" if owner is not None else None
        if key is None or scope.registry.get(key) is None:
            raise fc.error(node.func, f"`{shown}.__init__(self, ...)` needs an `__init__` in `{shown}` that a "
                           "subclass runs", "call it from the `__init__` of a subclass of it")
    else:
        owner = _defining(scope, t.name, m, "methods") if info_of(scope, t) is not None else \
            (t.name if scope.registry.get(f"{t.name}.{m}") is not None else None)
        if owner is None:
            return None
        key = f"{owner}.{m}"
    if not node.args:
        raise fc.error(node, f"`{shown}.{m}` is a method: pass the instance first", f"{shown}.{m}(self, ...)")
    first = fc.expr(node.args[0])
    if isinstance(first.type, ErrorType):
        return first
    if not (isinstance(first.type, Struct) and first.type.plain and
            (first.type.is_subclass_of(t) or t.is_subclass_of(first.type))):
        raise fc.error(node.args[0], f"`{shown}.{m}` takes an instance of `{shown}` first, got {first.type}",
                       f"{shown}.{m}(self, ...)")
    if not first.type.is_subclass_of(t):       # a base reference: checked to be a `t`
        cids = tuple(sorted(scope.classes[d].stype.cid for d in subtree(scope, t.name)))
        first = ir.Intrinsic(t, first.span, "record.downcast", [first], {"cids": cids, "class": t.short_name})
    rest = ast.Call(func=node.func, args=node.args[1:], keywords=node.keywords)
    ast.copy_location(rest, node)
    rest.end_lineno, rest.end_col_offset = node.end_lineno, node.end_col_offset
    return user_call(fc, rest, key, f"{shown}.{m}", leading=[first])


def constant(fc: "FunctionChecker", node: ast.Attribute, t: Struct, instance: ir.Expr | None) -> ir.Expr | None:
    """`Task.PRIORITY` (`instance` None) or `self.PRIORITY`: the class constant as the class (or
    the instance's class) sees it; None when there is no such constant."""
    scope = fc.scope
    if info_of(scope, t) is None:
        return None
    own = constant_of(scope, t, node.attr)
    if own is None:
        return None
    span = fc.span(node)
    ctype, value, _ = own
    if ctype == STRV:
        def make(v):
            return ir.ObjConst(STRV, span, v)
    else:
        def make(v):
            return ir.Const(ctype, span, v)
    if instance is None:
        return make(value)
    table = {}
    for d in subtree(scope, t.name):
        c = constant_of(scope, scope.classes[d].stype, node.attr)
        table[scope.classes[d].stype.cid] = c[1]
    if len(set(map(repr, table.values()))) == 1 or not in_hierarchy(t):
        if isinstance(instance, ir.Load):
            return make(value)
        temp = fc.new_temp(instance.type, node)
        return ir.StmtExpr(ctype, span, [ir.Assign(span, temp, instance)], make(value))
    if not isinstance(ctype, Scalar):
        raise fc.error(node, f"the class constant `{node.attr}` is text that subclasses of `{t.short_name}` "
                       "override: reading it through an instance is not supported",
                       f"read it through the class (`{t.short_name}.{node.attr}`), or make it a method")
    return ir.Intrinsic(ctype, span, "record.classconst", [instance],
                        {"table": tuple(sorted(table.items())), "attr": node.attr})
