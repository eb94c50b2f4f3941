"""Numba's type objects, typed containers and `@jitclass` as the dialect's own values, rewritten on
the module's AST before anything is read (as records.py does for dataclasses):

* `numba.float64`, `nb.types.int64`, `types.float64` (`from numba import types`) used as values —
  a `dtype=`, a conversion `types.int64(x)` — become the dialect scalar they name, through a name
  bound by a made `from fastext import f64 as numba$f64`;
* `numba.typed.List()` / `List()` (`from numba.typed import List, Dict`) is a native list (its item
  type found as for `[]`), `List.empty_list(T)` a `list[T]`, `List(xs)` the copy `list(xs)`;
  `Dict.empty(key_type=K, value_type=V)` a `dict[K, V]`, `Dict()` a native dict;
* `numba.literal_unroll(t)` is `t` (fastext unrolls nothing: a loop over a tuple is typed as is);
* `fast = njit(f)` / `numba.njit(cache=True)(f)` at module level is `fast = f` (funcvals.py's alias);
* a `@jitclass(spec)` class is a plain class (frontend/classes.py) whose fields are the spec's
  pairs (`("x", float64)`, `("v", float64[:])`, `("xs", types.ListType(types.int64))`), given as a
  list or dict display or a module-level name bound to one (that name's statement dropped when
  nothing else reads it); `@jitclass` alone takes the class's annotations, as Numba does.  A store
  into a narrow scalar field is converted (Numba casts it), and `__init__` parameters stored as they
  are into wide scalar or array fields take the field's type (so Python can build the class);
* module-level names bound to Numba types (`arr_t = nb.types.float64[:]`, `DT = nb.float64`,
  `node_t = Node.class_type.instance_type`) are read where they are used, their statements dropped.

What Numba type cannot be read here (`deferred_type()`, `typeof(x)` of a variable, ...) is a
located error.  The imports read here (`from numba import types, typed, jitclass, literal_unroll,
typeof`, `from numba.typed import List, Dict`, `from numba.experimental import jitclass`,
`from numba.core import types`, `from numba.types import ...`, `import numba.types as nt`) are
dropped from the tree.  Decorators are left as written (signatures: numba.py).
"""
from __future__ import annotations

import ast
import copy

from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.frontend.astedit import each_statement, located
from fastext.compiler.frontend.numba import _SCALARS, REFUSED, refused
from fastext.compiler.source import Span

_TYPES_MODULES = ("numba.types", "numba.core.types")
_HINT = ("Numba types read here: float64, int64, ... (also float64[:]), types.unicode_type, "
         "types.ListType(T), types.DictType(K, V), types.UniTuple(T, n), types.Tuple((...)), "
         "types.Array(T, ndim, 'C'), typeof(<a literal>) and C.class_type.instance_type of a jitclass C")


class _Names:
    """What the module's imports bind of Numba: module aliases and imported names."""

    def __init__(self) -> None:
        self.numba: set[str] = set()      # `import numba [as nb]`
        self.types: set[str] = set()      # `from numba import types`
        self.typed: set[str] = set()      # `from numba import typed`
        self.List: set[str] = set()
        self.Dict: set[str] = set()
        self.jitclass: set[str] = set()
        self.unroll: set[str] = set()
        self.jit: set[str] = set()            # `from numba import njit, jit`
        self.typeof: set[str] = set()
        self.scalars: dict[str, str] = {}     # local name → dialect scalar name (`from numba import float64`)
        self.typenames: dict[str, str] = {}   # local name → numba.types name (`from numba.types import ListType`)
        self.made: set[str] = set()           # dialect scalars bound as `numba$NAME`

    def any(self) -> bool:
        return bool(self.numba or self.types or self.typed or self.List or self.Dict or self.jitclass or
                    self.unroll or self.typenames or self.jit)


def _read_imports(tree: ast.Module) -> _Names:
    names = _Names()
    for stmt in tree.body:
        if isinstance(stmt, ast.Import):
            names.numba |= {a.asname or a.name for a in stmt.names if a.name == "numba"}
            names.types |= {a.asname for a in stmt.names if a.name in _TYPES_MODULES and a.asname}
            names.typed |= {a.asname for a in stmt.names if a.name == "numba.typed" and a.asname}
        elif isinstance(stmt, ast.ImportFrom) and not stmt.level and stmt.module:
            for a in stmt.names:
                local = a.asname or a.name
                if stmt.module == "numba":
                    if a.name == "types":
                        names.types.add(local)
                    elif a.name == "typed":
                        names.typed.add(local)
                    elif a.name == "jitclass":
                        names.jitclass.add(local)
                    elif a.name == "literal_unroll":
                        names.unroll.add(local)
                    elif a.name in ("njit", "jit"):
                        names.jit.add(local)
                    elif a.name == "typeof":
                        names.typeof.add(local)
                    elif a.name in _SCALARS:
                        names.scalars[local] = _SCALARS[a.name]
                elif stmt.module == "numba.core" and a.name == "types":
                    names.types.add(local)
                elif stmt.module == "numba.typed" and a.name in ("List", "Dict"):
                    getattr(names, a.name).add(local)
                elif stmt.module in ("numba.experimental", "numba.experimental.jitclass") and a.name == "jitclass":
                    names.jitclass.add(local)
                elif stmt.module in _TYPES_MODULES:
                    if a.name in _SCALARS:
                        names.scalars[local] = _SCALARS[a.name]
                    else:
                        names.typenames[local] = a.name
    return names


def _strip_import(stmt: ast.stmt) -> list[ast.stmt]:
    """The import without what this rewrite reads (the rest is the collector's: numba.py)."""
    if isinstance(stmt, ast.Import):       # `import numba.types as nt`, `import numba.typed as nbt`
        kept = [a for a in stmt.names if not (a.asname and a.name in (*_TYPES_MODULES, "numba.typed"))]
        return [] if not kept else [stmt] if len(kept) == len(stmt.names) else \
            [ast.copy_location(ast.Import(kept), stmt)]
    if not (isinstance(stmt, ast.ImportFrom) and not stmt.level and stmt.module):
        return [stmt]
    if stmt.module in ("numba.typed", "numba.experimental", "numba.experimental.jitclass", "numba.core",
                       *_TYPES_MODULES):
        kept = [a for a in stmt.names if stmt.module == "numba.typed" and a.name not in ("List", "Dict")
                or stmt.module.startswith("numba.experimental") and a.name != "jitclass"
                or stmt.module == "numba.core" and a.name != "types"]
    elif stmt.module == "numba":
        kept = [a for a in stmt.names if a.name not in ("types", "typed", "jitclass", "literal_unroll", "typeof")]
    else:
        return [stmt]
    if not kept:
        return []
    if len(kept) == len(stmt.names):
        return [stmt]
    new = ast.ImportFrom(stmt.module, kept, 0)
    return [ast.copy_location(new, stmt)]


class _Reader:
    """Numba type expressions → annotation ASTs of the dialect."""

    def __init__(self, names: _Names, file: str, classes: set[str]):
        self.names, self.file, self.classes = names, file, classes
        self.aliases: dict[str, ast.expr] = {}      # module-level names bound to Numba types

    def _path(self, node: ast.expr) -> list[str] | None:
        """`types.float64` → ["float64"], `numba.types.int64` → ["int64"], `numba.typed.List` →
        ["typed", "List"]: the dotted path below `numba`/`numba.types`, None for other names."""
        attrs: list[str] = []
        while isinstance(node, ast.Attribute):
            attrs.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        attrs.reverse()
        if node.id in self.names.numba:
            return attrs[1:] if attrs[:1] == ["types"] else attrs
        if node.id in self.names.types:
            return attrs
        if node.id in self.names.typed:
            return ["typed", *attrs]
        if not attrs and node.id in self.names.typenames:
            return [self.names.typenames[node.id]]
        return None

    def scalar_name(self, node: ast.expr) -> str | None:
        """The dialect scalar (`f64`) a Numba scalar type expression names, or None."""
        if isinstance(node, ast.Name) and node.id in self.names.scalars:
            return self.names.scalars[node.id]
        path = self._path(node)
        if path is not None and len(path) == 1 and path[0] in _SCALARS:
            return _SCALARS[path[0]]
        return None

    def scalar(self, node: ast.expr) -> ast.expr | None:
        """A Numba scalar type as the made name bound to the dialect scalar (`numba$f64`)."""
        name = self.scalar_name(node)
        if name is None:
            return None
        self.names.made.add(name)
        return located(ast.Name(f"numba${name}", ast.Load()), node)

    def error(self, node: ast.expr) -> FxSyntaxError:
        return FxSyntaxError(Span.of(node, self.file), f"cannot read the Numba type `{ast.unparse(node)}`", _HINT)

    def annotation(self, node: ast.expr) -> ast.expr:
        """The dialect annotation a Numba type expression means; a located error otherwise."""
        scalar = self.scalar(node)
        if scalar is not None:
            return scalar
        if isinstance(node, ast.Subscript):     # float64[:], int32[:, ::1]
            dims = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            item = self.scalar(node.value)
            if item is not None and all(isinstance(d, ast.Slice) for d in dims):
                return located(ast.Subscript(item, ast.Tuple([ast.Slice() for _ in dims], ast.Load())
                                             if len(dims) > 1 else ast.Slice(), ast.Load()), node)
        if isinstance(node, ast.Name) and node.id in self.aliases:
            return located(self.annotation(self.aliases[node.id]), node)
        if isinstance(node, ast.Name) and node.id in self.classes:      # a jitclass field holding another
            return node
        if isinstance(node, ast.Attribute) and node.attr == "instance_type" and \
                isinstance(node.value, ast.Attribute) and node.value.attr == "class_type" and \
                isinstance(node.value.value, ast.Name) and node.value.value.id in self.classes:
            return located(ast.Name(node.value.value.id, ast.Load()), node)     # Node.class_type.instance_type
        if isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords and \
                isinstance(node.args[0], ast.Constant) and (isinstance(node.func, ast.Name) and
                                                            node.func.id in self.names.typeof or
                                                            self._path(node.func) == ["typeof"]):
            value = node.args[0].value       # `typeof(1.0)`: the type of a literal
            kind = {bool: "boolean", int: "int64", float: "float64", complex: "complex128"}.get(type(value))
            if kind is not None:
                self.names.made.add(_SCALARS[kind])
                return located(ast.Name(f"numba${_SCALARS[kind]}", ast.Load()), node)
            if isinstance(value, str):
                return located(ast.Name("str", ast.Load()), node)
        path = self._path(node.func) if isinstance(node, ast.Call) else self._path(node)
        if path is not None and len(path) == 1:
            kind = path[0]
            if not isinstance(node, ast.Call) and kind in ("unicode_type", "string"):
                return located(ast.Name("str", ast.Load()), node)
            if isinstance(node, ast.Call) and not node.keywords:
                args = node.args
                if kind in ("ListType", "List") and len(args) == 1:
                    return self._generic("list", [self.annotation(args[0])], node)
                if kind in ("DictType", "Dict") and len(args) == 2:
                    return self._generic("dict", [self.annotation(a) for a in args], node)
                if kind == "UniTuple" and len(args) == 2 and isinstance(args[1], ast.Constant) and \
                        isinstance(args[1].value, int) and args[1].value > 0:
                    return self._generic("tuple", [self.annotation(args[0])] * args[1].value, node)
                if kind == "Tuple" and len(args) == 1 and isinstance(args[0], (ast.Tuple, ast.List)) and args[0].elts:
                    return self._generic("tuple", [self.annotation(a) for a in args[0].elts], node)
                if kind == "Array" and len(args) in (2, 3) and isinstance(args[1], ast.Constant) and \
                        isinstance(args[1].value, int) and args[1].value > 0:
                    item = self.scalar(args[0])
                    if item is not None:
                        n = args[1].value
                        return located(ast.Subscript(item, ast.Tuple([ast.Slice() for _ in range(n)], ast.Load())
                                                     if n > 1 else ast.Slice(), ast.Load()), node)
        raise self.error(node)

    @staticmethod
    def _generic(base: str, items: list[ast.expr], at: ast.expr) -> ast.expr:
        index = items[0] if len(items) == 1 else ast.Tuple(items, ast.Load())
        return located(ast.Subscript(ast.Name(base, ast.Load()), index, ast.Load()), at)


class _Values(ast.NodeTransformer):
    """Inside functions: typed containers, literal_unroll and type objects as values."""

    def __init__(self, reader: _Reader):
        self.reader = reader
        self.names = reader.names

    def _container(self, func: ast.expr) -> tuple[str, str] | None:
        """("List" | "Dict", "" | method) for `List`, `Dict.empty`, `numba.typed.List.empty_list`."""
        method = ""
        if isinstance(func, ast.Attribute) and func.attr in ("empty", "empty_list"):
            method, func = func.attr, func.value
        if isinstance(func, ast.Name) and (func.id in self.names.List or func.id in self.names.Dict):
            return ("List" if func.id in self.names.List else "Dict"), method
        path = self.reader._path(func)
        if path is not None and len(path) == 2 and path[0] == "typed" and path[1] in ("List", "Dict"):
            return path[1], method
        return None

    def typed_call(self, node: ast.Call) -> tuple[ast.expr, ast.expr | None] | None:
        """A typed container's construction: (the native value, its annotation or None)."""
        found = self._container(node.func)
        if found is None:
            return None
        kind, method = found
        args = list(node.args)
        keys = {k.arg: k.value for k in node.keywords}
        if kind == "List" and method == "empty_list":
            item = args[0] if args else keys.get("item_type")
            if item is None or len(args) + len(keys) > 2:
                raise self.reader.error(node)
            return located(ast.List([], ast.Load()), node), self.reader._generic(
                "list", [self.reader.annotation(item)], node)
        if kind == "Dict" and method == "empty":
            key = args[0] if args else keys.get("key_type")
            value = args[1] if len(args) > 1 else keys.get("value_type")
            if key is None or value is None:
                raise self.reader.error(node)
            return located(ast.Dict([], []), node), self.reader._generic(
                "dict", [self.reader.annotation(key), self.reader.annotation(value)], node)
        if method or node.keywords or len(args) > 1:
            raise self.reader.error(node)
        if kind == "List":
            return located(ast.Call(ast.Name("list", ast.Load()), args, []) if args else ast.List([], ast.Load()),
                           node), None
        if args:
            raise self.reader.error(node)
        return located(ast.Dict([], []), node), None

    def visit_Assign(self, node: ast.Assign):
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and isinstance(node.value, ast.Call):
            made = self.typed_call(node.value)
            if made is not None and made[1] is not None:      # `d = Dict.empty(...)`: a declared local
                return ast.copy_location(ast.AnnAssign(node.targets[0], made[1], made[0], 1), node)
        return self.generic_visit(node)

    def visit_Call(self, node: ast.Call):
        made = self.typed_call(node)
        if made is not None:
            value = made[0]
            return self.generic_visit(value) if isinstance(value, ast.Call) else value
        func = node.func
        if len(node.args) == 1 and not node.keywords and (
                isinstance(func, ast.Name) and func.id in self.names.unroll or
                self.reader._path(func) == ["literal_unroll"]):
            return self.visit(node.args[0])
        return self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute):
        path = self.reader._path(node)
        if path is not None and len(path) == 1 and path[0] in REFUSED:      # nb.get_num_threads()
            raise refused(Span.of(node, self.reader.file), path[0])
        scalar = self.reader.scalar(node)
        return scalar if scalar is not None else self.generic_visit(node)

    def visit_With(self, node: ast.With):
        for item in node.items:
            call = item.context_expr
            target = call.func if isinstance(call, ast.Call) else call
            if self.reader._path(target) == ["objmode"]:       # `with numba.objmode(y="float64"):`
                from fastext.compiler.frontend.numba import refused
                raise refused(Span.of(call, self.reader.file), "objmode")
        return self.generic_visit(node)

    def visit_Name(self, node: ast.Name):
        if node.id in self.reader.aliases and isinstance(node.ctx, ast.Load):     # `DT = nb.float64`
            scalar = self.reader.scalar(self.reader.aliases[node.id])
            if scalar is not None:
                return located(scalar, node)
        if node.id in self.names.types or node.id in self.names.typed:
            raise FxSyntaxError(Span.of(node, self.reader.file), f"`{node.id}` (Numba's module) cannot be used "
                                "as a value", _HINT)
        return node


def _spec_of(deco: ast.Call, specs: dict[str, ast.expr], reader: _Reader) -> list[tuple[str, ast.expr, ast.expr]]:
    """The (field, annotation, where) triples a jitclass decorator's spec gives."""
    if len(deco.args) + len(deco.keywords) > 1 or deco.keywords and deco.keywords[0].arg != "spec":
        raise FxSyntaxError(Span.of(deco, reader.file), "@jitclass takes one spec", "@jitclass(spec)")
    spec = deco.args[0] if deco.args else deco.keywords[0].value
    if isinstance(spec, ast.Name) and spec.id in specs:
        spec = specs[spec.id]
    if isinstance(spec, ast.Call) and isinstance(spec.func, (ast.Name, ast.Attribute)) and \
            ast.unparse(spec.func).rpartition(".")[2] in ("OrderedDict", "dict") and len(spec.args) == 1 \
            and not spec.keywords:      # OrderedDict([...]) / dict([...])
        spec = spec.args[0]
    pairs: list[tuple[ast.expr, ast.expr]] = []
    if isinstance(spec, ast.Dict) and None not in spec.keys:
        pairs = list(zip(spec.keys, spec.values))
    elif isinstance(spec, (ast.List, ast.Tuple)) and all(isinstance(p, ast.Tuple) and len(p.elts) == 2
                                                         for p in spec.elts):
        pairs = [(p.elts[0], p.elts[1]) for p in spec.elts]
    else:
        raise FxSyntaxError(Span.of(spec, reader.file), "cannot read this jitclass spec",
                            "write it as a list of (name, type) pairs, a dict display, or a module-level name "
                            "bound to one: spec = [(\"x\", float64), (\"v\", float64[:])]")
    out = []
    for key, value in pairs:
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str) and key.value.isidentifier()):
            raise FxSyntaxError(Span.of(key, reader.file), "a jitclass field is named by a str literal",
                                "(\"x\", float64)")
        out.append((key.value, reader.annotation(value), value))
    return out


_WIDE = ("f64", "i64", "boolean")


def _typed_parameters(cls: ast.ClassDef, fields: dict[str, ast.expr]) -> None:
    """A method parameter stored as it is into a field the spec types f64, i64, bool or an array
    (`self.x = x` in `__init__`, `self.value += x` into an f64 field in `add`): the parameter
    annotated so, as Numba's boxed methods convert it, which lets Python build the class and call
    the method (unannotated parameters make a class or method only compiled code can call)."""
    for m in cls.body:
        if not (isinstance(m, ast.FunctionDef) and m.args.args) or m.decorator_list:
            continue
        me = m.args.args[0].arg
        stored: dict[str, ast.expr] = {}
        for stmt in ast.walk(m):
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                target, value, added = stmt.targets[0], stmt.value, False
            elif isinstance(stmt, ast.AugAssign):
                target, value, added = stmt.target, stmt.value, True
            else:
                continue
            if isinstance(value, ast.Name) and isinstance(target, ast.Attribute) and \
                    isinstance(target.value, ast.Name) and target.value.id == me and target.attr in fields:
                ann = fields[target.attr]
                if not added or isinstance(ann, ast.Name) and ann.id == "numba$f64":
                    stored.setdefault(value.id, ann)
        for arg in m.args.args[1:] + m.args.kwonlyargs:
            ann = stored.get(arg.arg)
            if arg.annotation is not None or ann is None:
                continue
            wide = isinstance(ann, ast.Name) and ann.id[len("numba$"):] in _WIDE
            array = isinstance(ann, ast.Subscript) and isinstance(ann.value, ast.Name) and \
                ann.value.id.startswith("numba$")
            if wide or array:
                arg.annotation = located(copy.deepcopy(ann), arg)


def _narrow_stores(cls: ast.ClassDef, scalars: dict[str, str]) -> None:
    """Numba converts what a method stores into a narrow scalar field (`("value", int32)` and
    `self.value = n` of an int64 `n`, `self.count += by`): the store made an explicit conversion,
    which fastext asks for (`self.count = numba$i32(self.count + by)`)."""
    narrow = {f: t for f, t in scalars.items() if t not in _WIDE}
    if not narrow:
        return

    class Stores(ast.NodeTransformer):
        def __init__(self, me: str):
            self.me = me

        def field(self, t: ast.expr) -> str | None:
            if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == self.me and \
                    t.attr in narrow:
                return narrow[t.attr]
            return None

        def visit_Assign(self, stmt: ast.Assign):
            kind = self.field(stmt.targets[0]) if len(stmt.targets) == 1 else None
            if kind is not None:
                stmt.value = located(ast.Call(ast.Name(f"numba${kind}", ast.Load()), [stmt.value], []), stmt.value)
            return stmt

        def visit_AugAssign(self, stmt: ast.AugAssign):
            kind = self.field(stmt.target)
            if kind is None:
                return stmt
            read = ast.Attribute(ast.Name(self.me, ast.Load()), stmt.target.attr, ast.Load())
            value = ast.Call(ast.Name(f"numba${kind}", ast.Load()), [ast.BinOp(read, stmt.op, stmt.value)], [])
            store = ast.Attribute(ast.Name(self.me, ast.Load()), stmt.target.attr, ast.Store())
            return located(ast.Assign([store], value), stmt)

    for m in cls.body:
        if isinstance(m, ast.FunctionDef) and m.args.args:
            Stores(m.args.args[0].arg).visit(m)


def _jitclass(cls: ast.ClassDef, reader: _Reader, specs: dict[str, ast.expr]) -> tuple[ast.ClassDef, set[str]]:
    """The plain class a `@jitclass` class means, and the spec names its decorator read."""
    used: set[str] = set()
    names = reader.names
    decos = []
    for deco in cls.decorator_list:
        target = deco.func if isinstance(deco, ast.Call) else deco
        is_jitclass = isinstance(target, ast.Name) and target.id in names.jitclass or \
            reader._path(target) in (["jitclass"], ["experimental", "jitclass"])
        if not is_jitclass:
            decos.append(deco)
            continue
        fields: list[tuple[str, ast.expr, ast.expr]] = []
        if isinstance(deco, ast.Call) and (deco.args or deco.keywords):
            spec = deco.args[0] if deco.args else deco.keywords[0].value
            if isinstance(spec, ast.Name):
                used.add(spec.id)
            fields = _spec_of(deco, specs, reader)
        declared = {s.target.id for s in cls.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)}
        made = [located(ast.AnnAssign(ast.Name(name, ast.Store()), ann, None, 1), at)
                for name, ann, at in fields if name not in declared]
        for stmt in cls.body:        # `x: float64` in the class body: Numba's annotations read too
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                try:
                    stmt.annotation = reader.annotation(stmt.annotation)
                except FxSyntaxError:
                    pass             # a dialect annotation (f64, list[int]) is read as one
        cls.body = made + cls.body
        typed = {s.target.id: s.annotation for s in cls.body if isinstance(s, ast.AnnAssign)
                 and isinstance(s.target, ast.Name)}
        _typed_parameters(cls, typed)
        _narrow_stores(cls, {name: ann.id[len("numba$"):] for name, ann in typed.items() if isinstance(ann, ast.Name)
                             and ann.id.startswith("numba$")})
    cls.decorator_list = decos
    return cls, used


def _jitted(value: ast.expr, reader: _Reader) -> ast.Name | None:
    """`f` of `njit(f)`, `jit(nopython=True)(f)`, `numba.njit(f)`: the function a jit call wraps.
    (Its options are not read: the function compiles with its own decorators.)"""
    def is_jit(e: ast.expr) -> bool:
        return isinstance(e, ast.Name) and e.id in reader.names.jit or reader._path(e) in (["njit"], ["jit"])
    if not (isinstance(value, ast.Call) and len(value.args) == 1 and isinstance(value.args[0], ast.Name)):
        return None
    func = value.func
    if is_jit(func) and not value.keywords or isinstance(func, ast.Call) and is_jit(func.func) and not func.args:
        return value.args[0]
    return None


def rewrite(tree: ast.Module, file: str) -> list[FxSyntaxError]:
    """Rewrite the module's Numba typed containers, type objects and jitclasses (in place); the
    errors of statements that cannot be rewritten are returned (those statements left out)."""
    names = _read_imports(tree)
    if not names.any():
        return []
    classes = {s.name for s in tree.body if isinstance(s, ast.ClassDef)}
    reader = _Reader(names, file, classes)
    for stmt in tree.body:      # `float_array_type = nb.types.float64[:]`: a name for a Numba type
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) \
                and not (isinstance(stmt.value, ast.Name) and stmt.value.id in classes):    # `Alias = C`: funcvals
            try:
                reader.annotation(stmt.value)
            except FxSyntaxError:
                continue
            reader.aliases[stmt.targets[0].id] = stmt.value
    tree.body = [s for s in tree.body if not (isinstance(s, ast.Assign) and len(s.targets) == 1 and
                                              isinstance(s.targets[0], ast.Name) and s.targets[0].id in reader.aliases)]
    for stmt in tree.body:      # `fast_f = njit(f)`, `g = numba.njit(cache=True)(f)`: a second name for f
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            wrapped = _jitted(stmt.value, reader)
            if wrapped is not None:
                stmt.value = wrapped
    specs = {s.targets[0].id: s.value for s in tree.body if isinstance(s, ast.Assign) and len(s.targets) == 1
             and isinstance(s.targets[0], ast.Name) and isinstance(s.value, (ast.List, ast.Tuple, ast.Dict, ast.Call))}
    spec_names: set[str] = set()
    values = _Values(reader)

    def convert(stmt: ast.stmt) -> list[ast.stmt]:
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            return _strip_import(stmt)      # what is left is the collector's to read or refuse
        if isinstance(stmt, ast.ClassDef):
            cls, used = _jitclass(stmt, reader, specs)
            spec_names.update(used)
            for k, sub in enumerate(cls.body):
                if isinstance(sub, ast.FunctionDef):
                    cls.body[k] = _body(sub)
            return [cls]
        if isinstance(stmt, ast.FunctionDef):
            return [_body(stmt)]
        return [stmt]

    def _body(fn: ast.FunctionDef) -> ast.FunctionDef:
        # decorators and annotations keep Numba's spelling (signatures: numba.py)
        fn.body = [values.visit(s) for s in fn.body]
        return fn

    errors = each_statement(tree, convert)
    # a spec read by a jitclass and by nothing else goes with the decorator
    reads = {n.id for s in tree.body if not (isinstance(s, ast.Assign) and len(s.targets) == 1 and
                                            isinstance(s.targets[0], ast.Name) and s.targets[0].id in spec_names)
             for n in ast.walk(s) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    tree.body = [s for s in tree.body if not (isinstance(s, ast.Assign) and len(s.targets) == 1 and
                                              isinstance(s.targets[0], ast.Name) and s.targets[0].id in spec_names
                                              and s.targets[0].id not in reads)]
    # `from collections import OrderedDict` only for specs (`OrderedDict([("x", float64)])`) goes too
    reads = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    body = []
    for stmt in tree.body:
        if isinstance(stmt, ast.ImportFrom) and stmt.module == "collections" and not stmt.level:
            kept = [a for a in stmt.names if a.name != "OrderedDict" or (a.asname or a.name) in reads]
            if not kept:
                continue
            if len(kept) != len(stmt.names):
                stmt = ast.copy_location(ast.ImportFrom("collections", kept, 0), stmt)
        body.append(stmt)
    tree.body = body
    if names.made:
        first = next((k for k, s in enumerate(tree.body) if not (isinstance(s, ast.Expr) and isinstance(
            s.value, ast.Constant) and k == 0) and not (isinstance(s, ast.ImportFrom) and s.module == "__future__")), 0)
        made = ast.ImportFrom("fastext", [ast.alias(n, f"numba${n}") for n in sorted(names.made)], 0)
        tree.body.insert(first, ast.fix_missing_locations(ast.copy_location(made, tree.body[first] if tree.body
                                                                             else ast.Pass(lineno=1, col_offset=0))))
    return errors
