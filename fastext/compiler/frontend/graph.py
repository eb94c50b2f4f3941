"""The module graph: the module being compiled and every `.fx` module it imports.

`check_source` reads each file once (keyed by absolute path), lets `module.py`
read its top level, resolves imports between the files (`compiler/resolve.py`),
then checks every function body in its own module's scope.  Imported functions
join the IR under qualified names (`other.f`), not exported, so calls are native.
"""
from __future__ import annotations

import ast
import os

from fastext.compiler import ir
from fastext.compiler.builtins import OPTION_DEFAULTS
from fastext.compiler.diagnostics import CompileError, Diagnostic, Diagnostics, FxSyntaxError
from fastext.compiler.frontend.function import FunctionChecker, check_promoting
from fastext.compiler.frontend.module import _ModuleCollector
from fastext.compiler.frontend.scope import ModuleScope
from fastext.compiler.source import SourceFile, Span, decode_source, parse


def check_source(source: SourceFile, module_name: str, read=None) -> tuple[ir.Module | None, Diagnostics]:
    """Parse and check a whole module, and every `.fx` module it imports (recursively).

    `read(path) -> bytes` reads an imported `.fx` file (default: the file's bytes), decoded here
    as CPython decodes source (PEP 263); the import hook passes one that keeps the bytes it
    hashes into the cache key.

    Returns the typed IR (None if there were errors) and the diagnostics of every file
    read (each located in its own file).  Functions of imported modules are included in
    the IR, not exported, under qualified names (`other.f`), so calls to them are native.
    """
    graph = _Graph(read)
    root = graph.add(source, module_name, root=True)
    graph.finish_imports()
    functions: dict[str, ir.Function] = {}
    for unit in graph.order:
        functions.update(_check_bodies(unit, root=unit is root))
    functions.update(graph.instances)      # templates' instances (frontend/templates.py)
    diags = root.diags
    from fastext.compiler.frontend import module_containers
    module_containers.check_frozen(root.scope, functions, diags)
    for unit in graph.order:
        if unit is not root:
            diags.items.extend(unit.diags.items)
    for unit, span, target in graph.edges:
        if unit is root and graph.has_errors(target):
            diags.error(span, f"the imported module `{target.name}` ({target.path}) has errors",
                        "fix the errors reported in it (each shown at its own file:line:col)")
    if diags or root.tree is None:
        return None, diags
    namespace = python_namespace(root.scope, functions)
    namespace.update(module_containers.namespace(functions))   # the init and `mod.NAME`'s getters
    roots = [k for k in functions if "." not in k] + [v for kind, v in namespace.values() if kind == "func"]
    roots += [k for kind, t in namespace.values() if kind == "struct" for k in functions if k.startswith(t.name + ".")]
    functions = _reachable(functions, roots)
    from fastext.compiler.frontend import intflags
    intflags.finish(functions, [v for kind, v in namespace.values() if kind == "func"])   # result flags read
    from fastext.compiler.frontend import intescape
    intescape.refuse_internal_calls(functions, diags)     # a list's int flags go only to Python
    intescape.refuse_passed(functions, diags)
    if diags:
        return None, diags
    constants = {name: (b.type, b.value) for name, b in root.scope.names.items() if b.kind == "const"}
    arrays = {name: b.value[1] for name, b in root.scope.names.items() if b.kind == "constarray" and b.value[0] == name}
    deps = tuple(u.path for u in graph.order if u is not root)
    out = ir.Module(module_name, source.path, ast.get_docstring(root.tree), functions, constants, deps,
                    namespace, arrays)
    out.ufuncs = root.scope.made_ufuncs
    out.container_keys = {n: b.value[1] for n, b in root.scope.names.items()     # `mod.BODIES` as a dict
                          if b.kind == "modvar" and b.value[1] is not None}
    return out, diags


def python_namespace(scope: ModuleScope, functions: dict[str, ir.Function]) -> dict:
    """The functions and struct classes bound at the top of the module, as Python sees them
    (`ir.Module.namespace`): under plain Python every one of them is a module attribute, `_f`
    and `from .other import f` included, so the compiled module has them too.

    Python calls a function other than the module's own exported ones through a copy
    `NAME$py`: the module's own calls then stay the only calls of the original, so LLVM
    inlines it as before (a function with one caller always is), and the copy can follow
    the rule that what Python gets may not be its parameters' memory (`frontend/alloc.py:
    own_returns`), which internal functions may break.  Struct methods likewise."""
    from fastext.compiler.frontend.classes import linked
    out: dict = {}

    def inside_only(key: str) -> bool:      # takes or returns linked records (frontend/classes.py)
        fn = functions[key]
        return any(linked(t) is not None for t in [fn.ret] + [p.var.type for p in fn.params])
    for local, b in scope.names.items():
        if b.kind == "structtype" and linked(b.value) is not None:
            continue
        if b.kind == "func" and b.value in functions and inside_only(b.value):
            continue
        if b.kind == "func" and b.value in functions and functions[b.value].target == "cpu":
            key = b.value
            if not functions[key].exported:
                key = _python_copy(functions, key)
            out[local] = ("func", key)
        elif b.kind == "structtype":
            out[local] = ("struct", b.value)
            for key in [k for k in functions if k.rpartition(".")[0] == b.value.name]:
                _python_copy(functions, key)
    for local, display in scope.tables.items():     # after the functions they name
        table = _python_table(scope, display, out) if scope.names[local].kind == "functable" else None
        if table is not None:
            out[local] = ("functable", table)
    return out


def _python_table(scope: ModuleScope, display: ast.expr, bound: dict) -> str | None:
    """`OPS = {"+": add, "-": sub}` as the Python source that makes the same table of the module's
    functions at import (abi/namespace.py), or None when an entry is not a module attribute
    Python can call (a function only the module's own code may call)."""
    from fastext.compiler.frontend.funcvals import BUILTIN_ENTRIES
    for e in display.values if isinstance(display, ast.Dict) else display.elts:
        if not (isinstance(e, ast.Name) and (bound.get(e.id, ("",))[0] == "func" or
                                             e.id in BUILTIN_ENTRIES and e.id not in scope.names)):
            return None
    return ast.unparse(display)


def _python_copy(functions: dict[str, ir.Function], key: str) -> str:
    """Add `key$py`, the copy of function `key` that Python calls; return its key."""
    import copy
    from fastext.compiler.frontend.alloc import own_returns
    fn = functions[key]
    twin = copy.deepcopy(fn)
    twin.name = f"{key}$py"
    if fn.name.rpartition(".")[2].startswith("_") and _returns_arrays(fn):
        own_returns(twin)     # public functions already follow it (frontend/function.py)
    functions[twin.name] = twin
    return twin.name


def _returns_arrays(fn: ir.Function) -> bool:
    from fastext.compiler.types import Array, Tuple

    def holds(t) -> bool:
        return isinstance(t, Array) or isinstance(t, Tuple) and any(holds(i) for i in t.items)
    return holds(fn.ret) and any(isinstance(p.var.type, Array) for p in fn.params)


def _check_bodies(unit: "_Unit", root: bool) -> dict[str, ir.Function]:
    scope, diags, source = unit.scope, unit.diags, unit.source
    functions: dict[str, ir.Function] = {}
    from fastext.compiler.frontend.templates import Template, export_default
    from fastext.compiler.frontend import module_containers
    try:    # module-level containers first: function bodies read their types
        for fn in module_containers.check_init(scope, diags, root).values():
            options = {**OPTION_DEFAULTS, **scope.options}
            fn.boundscheck, fn.fastmath, fn.inline = options["boundscheck"], options["fastmath"], options["inline"]
            functions[fn.name] = fn
    except FxSyntaxError as e:
        diags.add(e.diagnostic)
    from fastext.compiler.frontend import module_scalars
    module_scalars.promote(unit)        # constants some function declares `global`: module variables
    if root:
        functions.update(module_scalars.getter_functions(scope, Span.of(unit.defs[0], source.path)
                                                         if unit.defs else Span(source.path, 1, 0, 1, 0)))
        from fastext.compiler.frontend import userexc
        functions.update(userexc.getters(scope))      # `mod.InsufficientFunds`
    for node in unit.defs:
        template = scope.registry.get(scope.qualify(node.name))
        if root and isinstance(template, Template) and template.node is node:
            export_default(template)      # `def run(n: i64, f=eval_A)`: Python calls it with f=eval_A
        if node.name not in scope.signatures:
            continue
        made: list[FunctionChecker] = []
        sig = scope.signatures[node.name]

        def make(node=node, sig=sig, ret=sig.ret) -> FunctionChecker:
            sig.ret = ret       # a result type inferred by a first check is inferred again
            made.append(FunctionChecker(scope, diags, sig))
            made[-1].qualname = scope.qualify(node.name)
            return made[-1]
        try:
            fn = check_promoting(make, node, diags)
        except FxSyntaxError as e:
            diags.add(e.diagnostic)
            continue
        except RecursionError:
            raise   # a deeply nested source: the driver checks it again on a deep stack (compiler/deep.py)
        except Exception as e:  # a compiler bug: report it where it happened, not as a traceback
            from fastext import config
            if config.debug():
                raise
            diags.add(Diagnostic(made and made[-1].current_span or Span.of(node, source.path),
                                 f"{type(e).__name__}: {e} (while checking `{node.name}`)",
                                 "please report this; rewriting the construct may work around it",
                                 severity="internal"))
            continue
        fn.doc = ast.get_docstring(node)
        fn.target = scope.signatures[node.name].target
        fn.exported = root and not node.name.startswith("_") and "." not in node.name and fn.target == "cpu" \
            and not _inside_only(fn)
        fn.name = scope.qualify(node.name)
        options = {**OPTION_DEFAULTS, **scope.options, **scope.signatures[node.name].options}
        fn.boundscheck, fn.fastmath, fn.inline = options["boundscheck"], options["fastmath"], options["inline"]
        fn.nogil = options["nogil"]
        fn.extern = options.get("extern")
        functions[fn.name] = fn
    if root:
        from fastext.compiler.frontend.ufuncs import instantiate
        scope.made_ufuncs = instantiate(scope, diags, unit.defs)
        _unused_templates(unit)
    return functions


def _unused_templates(unit: "_Unit") -> None:
    """A public function with unannotated parameters that no .fx code calls would be missing
    from the module without a word: Python needs its types written (frontend/templates.py)."""
    from fastext.compiler.frontend.templates import Template
    for node in unit.defs:
        template = unit.scope.registry.get(unit.scope.qualify(node.name))
        if not isinstance(template, Template) or template.node is not node or node.name.startswith("_") \
                or template.captured or node.name in unit.scope.ufuncs \
                or "." in node.name:      # a class's method or constructor: Python calls none of them
            continue
        missing = next((p for p in template.params if p.type is None and p.callable is None and p.default is None),
                       None)
        if missing is None and node.returns is None and not _exported(unit, template) and not _called(unit, template):
            # annotated parameters, a result Python cannot receive (frontend/templates.py: _crosses), no .fx caller
            unit.diags.add(Diagnostic(Span.of(node, unit.source.path), f"function `{node.name}` needs a return "
                                      "annotation", "write `-> f64`, `-> tuple[f64, i64]` or `-> None`: Python "
                                      "calls it, and the result its returns give cannot be returned to Python"))
            continue
        if template.instances:
            continue
        # called by .fx code but without an instance: the calls' own errors said why; "needs a
        # type annotation" on top would point away from them
        if missing is not None and not (unit.diags and _called(unit, template)):
            star = "*" if template.params.index(missing) == getattr(node, "fx_vararg", None) else ""
            shown = f"{star}{missing.name}: f64` (each item; or i64, str, …)" if star else \
                f"{missing.name}: f64` (or i64, f64[:], list[f64], …)"
            unit.diags.add(Diagnostic(missing.span, f"parameter `{star}{missing.name}` of `{node.name}` needs a type "
                                      f"annotation", f"write `{shown}: Python calls `{node.name}`; a helper only .fx "
                                      "code calls may leave its types to the calls"))


def _exported(unit: "_Unit", template) -> bool:
    fn = unit.scope.instances.get(template.qualname)
    return fn is not None and fn.exported


def _inside_only(fn: ir.Function) -> bool:
    """Whether a function takes or returns linked records (frontend/classes.py): the module's own
    calls use it, Python's module does not have it (frontend/module.py accepted it for them)."""
    from fastext.compiler.frontend.classes import linked
    return any(linked(t) is not None for t in [fn.ret] + [p.var.type for p in fn.params])


def _called(unit: "_Unit", template) -> bool:
    """Whether any code of the module other than the function itself names it (a call, or the
    function passed as a value)."""
    own = template.node
    for node in unit.defs:
        if node is own:
            continue
        if any(isinstance(n, ast.Name) and n.id == own.name for n in ast.walk(node)):
            return True
    return False


def _reachable(functions: dict[str, ir.Function], roots: list[str]) -> dict[str, ir.Function]:
    """The functions of the module itself and the imported ones they call, transitively."""
    seen: set[str] = set()
    stack = list(roots)
    while stack:
        name = stack.pop()
        if name in seen or name not in functions:
            continue
        seen.add(name)
        stack.extend(_calls(functions[name].body))
    return {k: fn for k, fn in functions.items() if k in seen}


def _calls(node) -> set[str]:
    """Names called anywhere under an IR node (plain dataclasses, walked generically)."""
    out: set[str] = set()
    stack = [node]
    while stack:
        x = stack.pop()
        if isinstance(x, list):
            stack.extend(x)
        elif isinstance(x, ir.Call):
            out.add(x.func)
            stack.extend(x.args)
        elif isinstance(x, ir.Intrinsic) and x.name == "fx.vectorized":    # (frontend/ufuncs.py)
            out.add(x.attrs["function"])
            stack.extend(x.args)
        elif hasattr(x, "__dataclass_fields__") and not isinstance(x, (ir.Var, Span)):
            stack.extend(getattr(x, f) for f in x.__dataclass_fields__)
    return out


class _Unit:
    """One `.fx` file being checked: its scope, its diagnostics, its function definitions."""

    def __init__(self, source: SourceFile, name: str, qualifier: str, registry: dict, instances: dict,
                 classes: dict | None = None):
        self.source, self.name, self.path = source, name, source.path
        self.diags = Diagnostics(source)
        self.scope = ModuleScope(source.path, qualifier=qualifier, registry=registry, instances=instances,
                                 classes=classes if classes is not None else {})
        self.tree: ast.Module | None = None
        self.defs: list[ast.FunctionDef] = []
        self.done = False     # False while its top level is being collected (an import cycle)


class _Graph:
    """Every `.fx` module read for one compile, by absolute path; collects each once."""

    def __init__(self, read=None) -> None:
        self.read = read or _read_bytes
        self.units: dict[str, _Unit] = {}
        self.order: list[_Unit] = []
        self.registry: dict = {}
        self.instances: dict = {}     # templates' instances, by qualified name (frontend/templates.py)
        self.classes: dict = {}       # plain classes, by qualified name (frontend/inherit.py)
        self.qualifiers: set[str] = set()
        self.edges: list[tuple[_Unit, Span, _Unit]] = []
        # `from m import x` while `m` is still being collected (a cycle): bound at the end
        self.pending: list[tuple[_Unit, str, Span, _Unit, str]] = []

    def add(self, source: SourceFile, name: str, root: bool = False,
            failed: list[Diagnostic] | None = None) -> _Unit:
        """Read one file's top level (`failed`: it could not even be decoded, these say why)."""
        qualifier = ""
        if not root:
            qualifier, k = name, 2
            while qualifier in self.qualifiers:
                qualifier, k = f"{name}~{k}", k + 1
            self.qualifiers.add(qualifier)
        unit = _Unit(source, name, qualifier, self.registry, self.instances, self.classes)
        self.units[os.path.abspath(source.path)] = unit
        self.order.append(unit)
        if failed:
            for d in failed:
                unit.diags.add(d)
            unit.done = True
            return unit
        try:
            unit.tree = parse(source)
        except FxSyntaxError as e:
            unit.diags.add(e.diagnostic)
            unit.done = True
            return unit
        unit.defs = _ModuleCollector(unit.scope, unit.diags, source, self).collect(unit.tree)
        unit.done = True
        return unit

    def load(self, importer: _Unit, module: str, level: int, span: Span) -> _Unit:
        """The unit of the `.fx` module that `importer` names, collected (or being collected)."""
        from fastext.compiler.resolve import ResolveError, resolve
        try:
            path = resolve(importer.path, module, level)
        except ResolveError as e:
            raise FxSyntaxError(span, str(e), e.hint) from None
        unit = self.units.get(path)
        if unit is None:
            try:
                source = decode_source(self.read(path), path)
            except OSError as e:
                raise FxSyntaxError(span, f"cannot read {path}: {e.strerror or e}",
                                    "check that the file exists and is readable") from None
            except CompileError as e:   # bytes CPython would refuse too: reported in that file
                unit = self.add(e.source, module.rpartition(".")[2], failed=e.diagnostics)
            else:
                unit = self.add(source, module.rpartition(".")[2])
        self.edges.append((importer, span, unit))
        return unit

    def finish_imports(self) -> None:
        for unit, local, span, target, name in self.pending:
            b = target.scope.names.get(name)
            if b is None:
                unit.diags.add(missing_name(span, target, name))
            else:
                unit.scope.names[local] = b

    def has_errors(self, unit: _Unit) -> bool:
        seen, stack = set(), [unit]
        while stack:
            u = stack.pop()
            if id(u) in seen:
                continue
            seen.add(id(u))
            if u.diags:
                return True
            stack.extend(t for s, _, t in self.edges if s is u)
        return False


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def missing_name(span: Span, target: _Unit, name: str) -> Diagnostic:
    public = sorted(n for n, b in target.scope.names.items()
                    if b.kind in ("func", "const") and not n.startswith("_"))
    return Diagnostic(span, f"the .fx module `{target.name}` ({target.path}) has no function or constant `{name}`",
                      f"available: {', '.join(public)}" if public else "it defines no functions or constants")
