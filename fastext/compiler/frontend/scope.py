"""What names mean at module level: imports, constants, functions."""
from __future__ import annotations

from dataclasses import dataclass, field

from fastext.compiler.source import Span
from fastext.compiler.types import Scalar, Type


@dataclass(frozen=True)
class Binding:
    """One module-level name.  `kind` is one of:
    scalar (a dialect scalar type), prange, mathfn, mathconst, const, func, module:math, module:fastext,
    module:fx (another `.fx` module; `value` is its checked unit, with a `.scope` and a `.name`).
    For `func`, `value` is the function's qualified name (its key in `ModuleScope.registry`):
    the bare name for functions of the module being compiled, `other.f` for imported ones.
    """

    kind: str
    value: object = None
    type: Type | None = None


@dataclass
class Signature:
    name: str
    params: list[tuple[str, Type, Span]]
    defaults: dict[str, tuple[Type, object]]
    ret: Type
    span: Span
    options: dict[str, bool] = field(default_factory=dict)
    target: str = "cpu"        # cpu, kernel or device (frontend/gpu.py)
    positional: int | None = None   # how many may be passed by position (None: all; the rest keyword-only)
    posonly: int = 0                # how many only by position (`def f(a, b, /, c)`: 2)
    vararg: int | None = None       # the index of the list `*args` packs into (frontend/module.py: parameters)
    vararg_private: bool = False    # the body only reads that list (frontend/callshape.py: reads_only)
    kwargs: int | None = None       # the index of the dict `**opts` packs into


@dataclass
class ModuleScope:
    file: str
    names: dict[str, Binding] = field(default_factory=dict)
    signatures: dict[str, Signature] = field(default_factory=dict)
    options: dict[str, bool] = field(default_factory=dict)    # module-wide, from `__fastext__`
    # Cross-module calls: this module's prefix ("" for the module being compiled) and the
    # signatures of every function of every module read, by qualified name (shared).
    qualifier: str = ""
    registry: dict[str, Signature] = field(default_factory=dict)
    # Instances of templates (frontend/templates.py) checked so far, by qualified name (shared).
    instances: dict = field(default_factory=dict)
    # @vectorize / @guvectorize declarations by function name, and the ufuncs made of them
    # (frontend/ufuncs.py).
    ufuncs: dict = field(default_factory=dict)
    made_ufuncs: list = field(default_factory=list)
    # Plain classes by qualified name (frontend/inherit.py: ClassInfo): bases, subclasses,
    # methods and class constants (shared, as the registry is).
    classes: dict = field(default_factory=dict)
    defs: dict = field(default_factory=dict)        # module-level `def` nodes by name
    tables: dict = field(default_factory=dict)      # module-level function tables: name → their display

    def qualify(self, name: str) -> str:
        return f"{self.qualifier}.{name}" if self.qualifier else name

    def lookup(self, name: str) -> Binding | None:
        return self.names.get(name)

    def scalar(self, name: str) -> Scalar | None:
        b = self.names.get(name)
        return b.value if b is not None and b.kind == "scalar" else None


def attribute_chain(scope: ModuleScope, node) -> tuple[Binding | None, list[str]]:
    """`a.b.c`: the module-level binding of `a` (None when `a` is unbound or `node` is not a name
    or a chain of attributes on one) and the attribute names after it, in order (["b", "c"])."""
    import ast
    attrs: list[str] = []
    while isinstance(node, ast.Attribute):
        attrs.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None, []
    attrs.reverse()
    return scope.lookup(node.id), attrs
