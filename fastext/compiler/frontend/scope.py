"""What names mean at module level: imports, constants, functions."""
from __future__ import annotations

from dataclasses import dataclass, field

from fastext.compiler.source import Span
from fastext.compiler.types import Scalar, Type


@dataclass(frozen=True)
class Binding:
    """One module-level name.  `kind` is one of:
    scalar (a dialect scalar type), prange, mathfn, mathconst, const, func, module:math, module:fastext.
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


@dataclass
class ModuleScope:
    file: str
    names: dict[str, Binding] = field(default_factory=dict)
    signatures: dict[str, Signature] = field(default_factory=dict)
    options: dict[str, bool] = field(default_factory=dict)    # module-wide, from `__fastext__`

    def lookup(self, name: str) -> Binding | None:
        return self.names.get(name)

    def scalar(self, name: str) -> Scalar | None:
        b = self.names.get(name)
        return b.value if b is not None and b.kind == "scalar" else None
