"""Python's record classes as plain classes (frontend/classes.py): `@dataclass`,
`class P(NamedTuple)` and `P = namedtuple("P", "x y")` are rewritten, before the module is
read, into the class Python's machinery would have generated: the fields declared, an
`__init__` taking them in order (with their defaults), a `__repr__` printing
`P(x=1.0, y=2)`, an `__eq__` comparing the fields, and with `order=True` the orderings of the
field tuples.  Methods the class writes itself are kept and win, as in Python.

Each rewritten class is marked (`ClassDef.fx_record`: "tuple", "frozen" or "data"), and
frontend/recordops.py gives the marks their meaning: a named tuple reads as the tuple of its
fields (`p[0]`, unpacking, `for`, `len`, `_replace`), frozen records refuse stores, both are
hashable; `dataclasses.replace(r, x=1)` is rewritten here to `r._fx_replace(x=1)`.
`field(default_factory=...)` fields are not `__init__` parameters (docs/language.md, "Records")."""
from __future__ import annotations

import ast
import copy

from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.frontend.astedit import each_statement, located, without_imports
from fastext.compiler.source import Span

_POST_INIT = "_post_init_fx"
_ORDER = {"__lt__": ast.Lt, "__le__": ast.LtE, "__gt__": ast.Gt, "__ge__": ast.GtE}


def rewrite(tree: ast.Module, file: str) -> list[FxSyntaxError]:
    """Replace the module's record classes in `tree.body` by plain classes (in place); the
    imports of `dataclasses` and of `namedtuple`/`NamedTuple` are dropped as they are read.
    The errors of records that cannot be rewritten are returned (those records left out)."""
    names = _imported(tree)
    if not any(names.values()):
        return []
    fields_of: dict[str, list] = {}       # fields of the dataclasses above, for subclasses
    below = _subclasses(tree)
    gone = {"dataclasses": ("dataclass", "field", "replace"), "typing": ("NamedTuple", "ClassVar"),
            "collections": ("namedtuple",)}
    _Replaces(names).visit(tree)
    return each_statement(tree, lambda stmt: without_imports(stmt, gone, ("dataclasses",))
                          if isinstance(stmt, (ast.Import, ast.ImportFrom))
                          else [_record(stmt, names, fields_of, below, file)])


REPLACE = "_fx_replace"     # what `dataclasses.replace(r, x=1)` calls (frontend/recordops.py: replace)


class _Replaces(ast.NodeTransformer):
    """`replace(r, x=1)` / `dataclasses.replace(r, x=1)` → `r._fx_replace(x=1)`: a method of no
    class of the user's, which frontend/recordops.py builds for records of any record class."""

    def __init__(self, names: dict):
        self.names = names

    def visit_Call(self, node: ast.Call) -> ast.Call:
        self.generic_visit(node)
        if len(node.args) == 1 and _called_name(node.func, self.names["replace"], self.names["module"], "replace"):
            node.func = ast.copy_location(ast.Attribute(node.args[0], REPLACE, ast.Load()), node.func)
            node.args = []
        return node


def _record(stmt: ast.stmt, names: dict, fields_of: dict, below: dict, file: str) -> ast.stmt:
    """`stmt`, a record class rewritten as a plain class (any other statement as it is)."""
    if isinstance(stmt, ast.ClassDef):
        options = _dataclass_options(stmt, names)
        if options is None and _is_named_tuple_class(stmt, names):
            options = {"named": True}
            stmt.bases = []
        if options is not None:
            cls = _plain(stmt, options, fields_of, below, file)
            # what frontend/recordops.py adds: a named tuple reads as a tuple, a frozen record refuses stores
            cls.fx_record = "tuple" if options.get("named") else "frozen" if options.get("frozen") else "data"
            return cls
    elif isinstance(stmt, ast.Assign) and _is_namedtuple_call(stmt, names):
        cls = _namedtuple_class(stmt, file)
        cls.fx_record = "tuple"
        return cls
    return stmt


def _imported(tree: ast.Module) -> dict[str, set]:
    """The local names of `dataclasses.dataclass`, `.field`, `.replace`, the `dataclasses`
    module, `typing.NamedTuple` (and `typing`), and `collections.namedtuple` (and `collections`)."""
    names: dict[str, set] = {"dataclass": set(), "field": set(), "replace": set(), "module": set(), "NamedTuple": set(),
                             "namedtuple": set(), "typing": set(), "collections": set()}
    for stmt in tree.body:
        if isinstance(stmt, ast.ImportFrom) and not stmt.level:
            for alias in stmt.names:
                local = alias.asname or alias.name
                if stmt.module == "dataclasses" and alias.name in ("dataclass", "field", "replace"):
                    names[alias.name].add(local)
                elif stmt.module == "typing" and alias.name == "NamedTuple":
                    names["NamedTuple"].add(local)
                elif stmt.module == "collections" and alias.name == "namedtuple":
                    names["namedtuple"].add(local)
        elif isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.name == "dataclasses":
                    names["module"].add(alias.asname or alias.name)
                elif alias.name in ("typing", "collections"):
                    names[alias.name].add(alias.asname or alias.name)
    return names


def _called_name(node: ast.expr, local: set, module: set, attr: str) -> bool:
    """`node` is `name` (a local name of it) or `module.attr`."""
    return isinstance(node, ast.Name) and node.id in local or isinstance(node, ast.Attribute) and \
        node.attr == attr and isinstance(node.value, ast.Name) and node.value.id in module


def _dataclass_options(node: ast.ClassDef, names: dict) -> dict | None:
    """The keywords of the class's `@dataclass(...)` (removed from it), or None if it has none."""
    for deco in node.decorator_list:
        call = deco if isinstance(deco, ast.Call) else None
        target = call.func if call is not None else deco
        if _called_name(target, names["dataclass"], names["module"], "dataclass"):
            node.decorator_list = [d for d in node.decorator_list if d is not deco]
            options = {}
            for kw in call.keywords if call is not None else ():
                if isinstance(kw.value, ast.Constant):
                    options[kw.arg] = kw.value.value
            return options
    return None


def _is_named_tuple_class(node: ast.ClassDef, names: dict) -> bool:
    return len(node.bases) == 1 and _called_name(node.bases[0], names["NamedTuple"], names["typing"], "NamedTuple")


def _is_namedtuple_call(stmt: ast.Assign, names: dict) -> bool:
    v = stmt.value
    return len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) and isinstance(v, ast.Call) and \
        _called_name(v.func, names["namedtuple"], names["collections"], "namedtuple")


def _field_call(value: ast.expr | None) -> ast.Call | None:
    if isinstance(value, ast.Call) and (isinstance(value.func, ast.Name) and value.func.id == "field" or
                                        isinstance(value.func, ast.Attribute) and value.func.attr == "field"):
        return value
    return None


def _is_classvar(annotation: ast.expr) -> bool:
    base = annotation.value if isinstance(annotation, ast.Subscript) else annotation
    return isinstance(base, ast.Name) and base.id == "ClassVar" or \
        isinstance(base, ast.Attribute) and base.attr == "ClassVar"


def _subclasses(tree: ast.Module) -> dict[str, list[str]]:
    """For each class of the module, the classes of the module below it (any depth)."""
    parent = {s.name: s.bases[0].id for s in tree.body if isinstance(s, ast.ClassDef) and len(s.bases) == 1
              and isinstance(s.bases[0], ast.Name)}
    below: dict[str, list[str]] = {}
    for name in parent:
        up = parent.get(name)
        while up is not None:
            below.setdefault(up, []).append(name)
            up = parent.get(up)
    return below


def _plain(node: ast.ClassDef, options: dict, fields_of: dict, below: dict, file: str) -> ast.ClassDef:
    """The plain class a dataclass (or NamedTuple class) stands for."""
    base_fields = []
    root = node.name
    if node.bases:
        base = node.bases[0]
        if isinstance(base, ast.Name) and base.id in fields_of:
            base_fields = list(fields_of[base.id])
            root = getattr(fields_of[base.id], "root", base.id)
    # (name, annotation, default expr or None, in __init__, factory expr or None)
    own, body = [], []
    for stmt in node.body:
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and not _is_classvar(stmt.annotation):
            default, factory, init = stmt.value, None, True
            spec = _field_call(stmt.value)
            if spec is not None:
                default = None
                for kw in spec.keywords:
                    if kw.arg == "default":
                        default = kw.value
                    elif kw.arg == "default_factory":
                        factory = kw.value
                    elif kw.arg == "init" and isinstance(kw.value, ast.Constant):
                        init = bool(kw.value.value)
            if factory is not None:
                init = False
            own.append((stmt.target.id, stmt.annotation, default, init, factory, stmt))
            body.append(located(ast.AnnAssign(ast.Name(stmt.target.id, ast.Store()), stmt.annotation, None, 1), stmt))
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
            # `count: ClassVar[int] = 0`: a class-level value (a constant, or shared state: classattrs.py)
            body.append(located(ast.Assign([ast.Name(stmt.target.id, ast.Store())], stmt.value), stmt))
        else:
            body.append(stmt)
    fields = _Fields(f for f in base_fields if f[0] not in {o[0] for o in own})
    fields += own
    fields.root = root
    fields_of[node.name] = fields
    # a hierarchy compares only records of one class, as dataclasses do (`other` typed as its root)
    exact = (node.name, below.get(node.name, [])) if root != node.name or node.name in below else None
    written = {s.name for s in node.body if isinstance(s, ast.FunctionDef)}
    params = [f for f in fields if f[3]]
    seen_default = False
    for f in params:
        if f[2] is not None:
            seen_default = True
        elif seen_default:
            raise FxSyntaxError(Span.of(f[5], file), f"non-default argument '{f[0]}' follows default argument",
                                "give it a default, or move it above the fields that have one")
    made = []
    for m in body:      # `__post_init__` is no special method of plain classes: an ordinary one
        if isinstance(m, ast.FunctionDef) and m.name == "__post_init__":
            m.name = _POST_INIT
    if "__init__" not in written and options.get("init", True):
        made.append(_init(node, fields, "__post_init__" in written))
    if "__repr__" not in written and options.get("repr", True):
        made.append(_repr(node, fields))
    if "__eq__" not in written and options.get("eq", True):
        made.append(_compare(node, "__eq__", ast.Eq, fields, root, exact))
    if options.get("order") or options.get("named"):
        made += [_compare(node, name, op, fields, root, exact) for name, op in _ORDER.items() if name not in written]
    node.body = body + made if body or made else [ast.Pass()]
    return located(node, node)


def _init(node: ast.ClassDef, fields: list, post_init: bool) -> ast.FunctionDef:
    args = [ast.arg("self")] + [ast.arg(f[0], f[1]) for f in fields if f[3]]
    defaults = [f[2] for f in fields if f[3] and f[2] is not None]
    stmts: list[ast.stmt] = []
    for name, _, _, init, factory, _ in fields:
        value = ast.Name(name, ast.Load()) if init else \
            ast.Call(factory, [], []) if factory is not None else None
        if value is not None:
            stmts.append(ast.Assign([ast.Attribute(ast.Name("self", ast.Load()), name, ast.Store())], value))
    if post_init:
        stmts.append(ast.Expr(ast.Call(ast.Attribute(ast.Name("self", ast.Load()), _POST_INIT, ast.Load()),
                                       [], [])))
    fn = ast.FunctionDef("__init__", ast.arguments([], args, None, [], [], None, defaults), stmts or [ast.Pass()],
                         [], None)
    return located(fn, node)


def _self_field(name: str, owner: str = "self") -> ast.Attribute:
    return ast.Attribute(ast.Name(owner, ast.Load()), name, ast.Load())


def _repr(node: ast.ClassDef, fields: list) -> ast.FunctionDef:
    """`P(x=1.0, y='a')`: each field's repr, as dataclasses and named tuples print."""
    parts: list[ast.expr] = [ast.Constant(node.name + "(")]
    for k, f in enumerate(fields):
        parts.append(ast.Constant(("" if k == 0 else ", ") + f[0] + "="))
        parts.append(ast.FormattedValue(_self_field(f[0]), ord("r"), None))
    parts.append(ast.Constant(")"))
    fn = ast.FunctionDef("__repr__", ast.arguments([], [ast.arg("self")], None, [], [], None, []),
                         [ast.Return(ast.JoinedStr(parts))], [], ast.Name("str", ast.Load()))
    return located(fn, node)


def _compare(node: ast.ClassDef, name: str, op: type, fields: list, root: str | None = None,
             exact: tuple | None = None) -> ast.FunctionDef:
    """`(self.a, self.b) OP (other.a, other.b)`, as dataclasses compare.  In a hierarchy
    (`exact`: the class and the classes below it) only a record of the very class compares:
    `==` is False for any other, an ordering raises TypeError (Python's NotImplemented)."""
    def fields_of(owner: str) -> ast.Tuple:
        return ast.Tuple([_self_field(f[0], owner) for f in fields], ast.Load())
    test = ast.Compare(fields_of("self"), [op()], [fields_of("other")]) if fields else \
        ast.Constant(op in (ast.Eq, ast.LtE, ast.GtE))
    body: list[ast.stmt] = [ast.Return(test)]
    if exact is not None:
        cls, subs = exact
        other = ast.Name("other", ast.Load())
        same = ast.Call(ast.Name("isinstance", ast.Load()), [other, ast.Name(cls, ast.Load())], [])
        if subs:
            below = ast.Tuple([ast.Name(c, ast.Load()) for c in subs], ast.Load())
            same = ast.BoolOp(ast.And(), [same, ast.UnaryOp(ast.Not(), ast.Call(
                ast.Name("isinstance", ast.Load()), [copy.deepcopy(other), below], []))])
        shown = {"__lt__": "<", "__le__": "<=", "__gt__": ">", "__ge__": ">="}.get(name)
        miss = ast.Return(ast.Constant(False)) if shown is None else ast.Raise(ast.Call(
            ast.Name("TypeError", ast.Load()), [ast.Constant(f"'{shown}' not supported between instances of "
                                                             f"different classes")], []), None)
        body = [ast.If(same, body, [miss])]
    args = [ast.arg("self"), ast.arg("other", ast.Constant(root or node.name))]
    fn = ast.FunctionDef(name, ast.arguments([], args, None, [], [], None, []), body, [],
                         ast.Name("bool", ast.Load()))
    return located(fn, node)


class _Fields(list):
    """A class's fields, with the name of the topmost record class of its hierarchy."""
    root: str


def _namedtuple_class(stmt: ast.Assign, file: str) -> ast.ClassDef:
    """`P = namedtuple("P", ["x", "y"])` (or `"x y"`, `"x, y"`): a class whose `__init__`
    takes the fields unannotated (typed by the module's calls, frontend/classes.py)."""
    call = stmt.value
    name = stmt.targets[0].id
    spec = call.args[1] if len(call.args) > 1 else next((k.value for k in call.keywords if k.arg == "field_names"),
                                                         None)
    if isinstance(spec, ast.Constant) and isinstance(spec.value, str):
        fields = spec.value.replace(",", " ").split()
    elif isinstance(spec, (ast.List, ast.Tuple)) and all(isinstance(e, ast.Constant) and isinstance(e.value, str)
                                                         for e in spec.elts):
        fields = [e.value for e in spec.elts]
    else:
        raise FxSyntaxError(Span.of(call, file), "namedtuple() needs its field names written out",
                            'namedtuple("Point", ["x", "y"]) or namedtuple("Point", "x y")')
    if any(k.arg not in ("field_names", "typename") for k in call.keywords):
        raise FxSyntaxError(Span.of(call, file), "namedtuple() keywords are not supported here",
                            "write the class as `class P(NamedTuple):` with annotated fields and defaults")
    cls = ast.ClassDef(name, [], [], [], [])
    rows = [(f, None, None, True, None, stmt) for f in fields]
    cls.body = [_init(stmt, rows, False), _repr(cls, rows), _compare(cls, "__eq__", ast.Eq, rows)] + \
        [_compare(cls, n, op, rows) for n, op in _ORDER.items()]
    return located(cls, stmt)
