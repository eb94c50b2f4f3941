"""Type annotations (`f64`, `i32[:, :]`, `tuple[f64, i64]`, `None`) → dialect types."""
from __future__ import annotations

import ast

from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.frontend.scope import Binding, ModuleScope
from fastext.compiler.source import Span
from fastext.compiler.types import (
    BUILTIN_SCALARS, DIALECT_SCALARS, ClassRef, GENERATOR, NONE, OBJECT, STR, STRV, U8, Array, Dict, List, PyObj, Set, Scalar, Struct, Tuple, Type,
)

BYTES_NAMES = ("bytes", "bytearray", "memoryview")
# Python objects passed through as references; the entry point checks the builtin type (objects.md)
OBJECT_NAMES = ("list", "dict", "tuple", "set")
# C and NumPy spellings of the dialect's scalar types, for the hint of an unknown annotation
FOREIGN_NAMES = {
    "double": "f64", "float64": "f64", "single": "f32", "float32": "f32", "long": "i64", "int64": "i64",
    "int32": "i32", "int16": "i16", "int8": "i8", "uint64": "u64", "uint32": "u32", "uint16": "u16",
    "uint8": "u8", "complex128": "c128", "complex64": "c64",
}
HINT = ("annotate with a scalar (int, float, bool, i8…u64, f32, f64), an array (f64[:], i32[:, :]), "
        "tuple[...], a @struct class, str or object")


def resolve(node: ast.expr, scope: ModuleScope, *, allow_none: bool = False) -> Type:
    """Resolve one annotation; raises FxSyntaxError with a hint if it is not a dialect type."""
    known = getattr(node, "fx_type", None)      # read elsewhere: a Numba signature (frontend/numba.py)
    if known is not None:
        return known
    span = Span.of(node, scope.file)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:
            inner = ast.parse(node.value, mode="eval").body
        except SyntaxError:
            raise FxSyntaxError(span, f"cannot parse string annotation {node.value!r}", HINT) from None
        ast.copy_location(inner, node)
        for sub in ast.walk(inner):
            ast.copy_location(sub, node)
        return resolve(inner, scope, allow_none=allow_none)
    if isinstance(node, ast.Constant) and node.value is None:
        if allow_none:
            return NONE
        raise FxSyntaxError(span, "None is only valid as a return annotation", HINT)
    optional = _optional(node, scope)      # `Task | None`, `Optional[Task]`: a class reference
    if optional is not None:
        inner = resolve(optional, scope)
        if not (isinstance(inner, Struct) and inner.plain or isinstance(inner, ClassRef)):
            raise FxSyntaxError(span, f"an optional {inner} is not supported",
                                "only references to instances of classes may be None: `Optional[Node]`")
        return inner
    from fastext.compiler.frontend import nptyping
    if nptyping.is_array(node, scope):       # np.ndarray, npt.NDArray[np.float64]
        dtype, rank = nptyping.array_of(node, scope)
        return Array(dtype, rank or 1)
    alias = _typing_alias(node, scope)
    if alias is not None:                    # List[float] → list[float]
        return resolve(alias, scope, allow_none=allow_none)
    scalar = _scalar(node, scope)
    if scalar is not None:
        return scalar
    struct = _struct(node, scope)
    if struct is not None:
        return struct
    if isinstance(node, ast.Name) and node.id in BYTES_NAMES and scope.lookup(node.id) is None:
        # bytes-like parameters: a 1-D u8 view of the buffer (bytes, bytearray, memoryview, …);
        # items are ints 0..255, exactly what indexing a bytes object gives in Python
        return Array(U8, 1)
    if isinstance(node, ast.Name) and scope.lookup(node.id) is None:
        if node.id == "str":
            return STR       # the text, read character by character (docs/language.md, "Strings")
        if node.id == "object":
            return OBJECT
        if node.id in OBJECT_NAMES:
            return PyObj(node.id)
    if isinstance(node, ast.Subscript):
        base = node.value
        if isinstance(base, ast.Name) and base.id == "list" and scope.lookup("list") is None:
            if isinstance(node.slice, ast.Tuple):
                raise FxSyntaxError(span, "list[...] takes one item type", "list[f64], list[tuple[i64, f64]]")
            item = _inner(resolve(node.slice, scope))
            if not isinstance(item, (Scalar, Array, Struct, Tuple, List, Dict, Set, ClassRef)) and item != STRV:
                raise FxSyntaxError(span, f"a list cannot hold {item}", "list[f64], list[tuple[i64, f64]], list[list[i64]]")
            return List(item)
        if isinstance(base, ast.Name) and base.id in ("dict", "set") and scope.lookup(base.id) is None:
            elts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            if len(elts) != (2 if base.id == "dict" else 1):
                raise FxSyntaxError(span, f"{base.id}[...] takes {'a key and a value type' if base.id == 'dict' else 'one item type'}",
                                    "dict[i64, f64], set[i64]")
            types = [_inner(resolve(e, scope)) for e in elts]
            key = types[0]
            if not (isinstance(key, Scalar) or key == STRV or isinstance(key, Tuple) and all(isinstance(i, Scalar) for i in key.items)):
                raise FxSyntaxError(span, f"dict keys and set items must be numbers, str or tuples of numbers, not {key}",
                                    "dict[str, i64], dict[i64, f64], dict[tuple[i64, i64], f64]")
            return Dict(key, types[1]) if base.id == "dict" else Set(key)
        if isinstance(base, ast.Name) and base.id == "tuple":
            elts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            items = tuple(_inner(resolve(e, scope)) for e in elts)
            for e, t in zip(elts, items):
                if not isinstance(t, (Scalar, Array, Struct, List, Tuple, Dict, Set)) and t != STRV:
                    raise FxSyntaxError(Span.of(e, scope.file), f"tuple items must be numbers, structs or arrays, "
                                        f"not {t}", "flatten the tuple: tuple[f64, f64[:]]")
            return Tuple(items)
        dtype = _scalar(base, scope) or _struct(base, scope)   # `Vec[:]`: a structured array
        if isinstance(dtype, Struct) and dtype.plain:
            raise FxSyntaxError(span, f"a NumPy array cannot hold instances of the class {dtype}",
                                f"use a list: list[{dtype}], or an @struct for structured arrays")
        if dtype is not None:
            dims = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            if all(isinstance(d, ast.Slice) and d.lower is d.upper is d.step is None for d in dims):
                return Array(dtype, len(dims))
            raise FxSyntaxError(span, "array annotations use empty slices, one per dimension",
                                f"write {_name(base)}[:] or {_name(base)}[:, :]")
    if _is_generator(node, scope):
        return GENERATOR
    forward = scope.__dict__.get("forward_classes", {})
    if isinstance(node, ast.Name) and node.id in forward and scope.lookup(node.id) is None:
        return forward[node.id]      # a class defined further down, named by a field (frontend/classes.py)
    raise FxSyntaxError(span, f"unknown type annotation `{ast.unparse(node)}`", _unknown_hint(node, scope))


_NO = Binding("")


def _typing_alias(node: ast.expr, scope: ModuleScope) -> ast.expr | None:
    """`List[f64]` / `typing.Dict[str, i64]` as the builtin generic it names (`list[f64]`)."""
    if not isinstance(node, ast.Subscript):
        return None
    base = node.value
    name = None
    if isinstance(base, ast.Name) and (scope.lookup(base.id) or _NO).kind == "typingalias":
        name = scope.lookup(base.id).value
    elif isinstance(base, ast.Attribute) and isinstance(base.value, ast.Name) and \
            (scope.lookup(base.value.id) or _NO).kind == "module:typing":
        from fastext.compiler.frontend.module import TYPING_ALIASES
        name = TYPING_ALIASES.get(base.attr)
    if name is None or name == "Any":
        return None
    return ast.copy_location(ast.Subscript(ast.copy_location(ast.Name(name, ast.Load()), base), node.slice,
                                           ast.Load()), node)


def _optional(node: ast.expr, scope: ModuleScope) -> ast.expr | None:
    """The `X` of `Optional[X]`, `typing.Optional[X]`, `X | None` or `None | X`, else None."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        for a, b in ((node.left, node.right), (node.right, node.left)):
            if isinstance(b, ast.Constant) and b.value is None:
                return a
    if isinstance(node, ast.Subscript):
        base = node.value
        if isinstance(base, ast.Name) and (scope.lookup(base.id) or _NO).kind == "optional" or \
                isinstance(base, ast.Attribute) and base.attr == "Optional" and isinstance(base.value, ast.Name) \
                and (scope.lookup(base.value.id) or _NO).kind == "module:typing":
            return node.slice
    return None


def _inner(t: Type) -> Type:
    """A type inside a container: `str` there is a str value (an object the container keeps),
    not a parameter's text view."""
    return STRV if t == STR else t


def _unknown_hint(node: ast.expr, scope: ModuleScope) -> str:
    """A dialect type the file did not import (`i32` without `from fastext import i32`), a
    misspelling of a type in scope, or the list of what an annotation can be."""
    base = node.value if isinstance(node, ast.Subscript) else node
    if isinstance(node, ast.Subscript) and isinstance(base, ast.Name) and base.id in OBJECT_NAMES:
        return (f"a `{base.id}` parameter is a Python object: annotate it `{base.id}` (no item type), "
                "or take a NumPy array such as `f64[:]`")
    if isinstance(base, ast.Attribute) and base.attr in FOREIGN_NAMES:    # np.float64
        base = ast.Name(base.attr)
    if not isinstance(base, ast.Name):
        return HINT
    if base.id in FOREIGN_NAMES:
        ours = FOREIGN_NAMES[base.id]
        where = "" if scope.lookup(ours) is not None else f" (`from fastext import {ours}`)"
        return f"the dialect spells this type `{ours}`{where}"
    if base.id in DIALECT_SCALARS and scope.lookup(base.id) is None:
        return f"`{base.id}` is not imported: add `from fastext import {base.id}` at the top of the file"
    from fastext.compiler.frontend.suggest import close_names, did_you_mean
    types_in_scope = [n for n, b in scope.names.items() if b.kind in ("scalar", "structtype")]
    close = close_names(base.id, [*types_in_scope, *BUILTIN_SCALARS, "str", "object", *OBJECT_NAMES])
    if close:
        return did_you_mean(close)
    imported = sorted(n for n, b in scope.names.items() if b.kind == "scalar")
    if not imported:
        return HINT + "; dialect types such as f64 or i32 need `from fastext import f64, i32`"
    return HINT



def _is_generator(node: ast.expr, scope: ModuleScope) -> bool:
    """`np.random.Generator`, `random.Generator` or `Generator` imported from numpy.random
    (frontend/nprandom.py: internal functions may take and return Generators)."""
    from fastext.compiler.frontend.scope import attribute_chain
    b, parts = attribute_chain(scope, node)
    if b is None:
        return False
    if b.kind == "generatortype":
        return not parts
    return b.kind.startswith("module:numpy") and \
        ".".join([b.kind.partition(":")[2]] + parts) == "numpy.random.Generator"


def _scalar(node: ast.expr, scope: ModuleScope) -> Scalar | None:
    if isinstance(node, ast.Name):
        found = scope.scalar(node.id)
        if found is not None:
            return found
        if node.id in BUILTIN_SCALARS and scope.lookup(node.id) is None:
            return BUILTIN_SCALARS[node.id]
        return None
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        b = scope.lookup(node.value.id)
        if b is not None and b.kind == "module:fastext":
            return DIALECT_SCALARS.get(node.attr)
    return None


def _struct(node: ast.expr, scope: ModuleScope) -> Struct | None:
    """A `@struct` class of this module (`Vec`) or of an imported one (`geo.Vec`)."""
    b = None
    if isinstance(node, ast.Name):
        b = scope.lookup(node.id)
    elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        owner = scope.lookup(node.value.id)
        if owner is not None and owner.kind == "module:fx":
            b = owner.value.scope.names.get(node.attr)
    return b.value if b is not None and b.kind == "structtype" else None


def _name(node: ast.expr) -> str:
    return ast.unparse(node)
