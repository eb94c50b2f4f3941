"""Dialect types: the static types of the typed IR.

Plain frozen dataclasses, compared by value.  Promotion rules live here so the
checker and the docs (docs/language.md, "Numbers") have one source of truth.
"""
from __future__ import annotations

from dataclasses import dataclass, field


class Type:
    """Base of all dialect types."""


@dataclass(frozen=True)
class Scalar(Type):
    name: str
    kind: str      # "int", "uint", "float", "bool", "complex"
    bits: int

    @property
    def is_int(self) -> bool:
        return self.kind in ("int", "uint")

    @property
    def is_float(self) -> bool:
        return self.kind == "float"

    @property
    def is_bool(self) -> bool:
        return self.kind == "bool"

    @property
    def is_complex(self) -> bool:
        return self.kind == "complex"

    @property
    def is_real(self) -> bool:
        """A real number (bool, integer or float): what ordering comparisons and int()/float() take."""
        return self.kind != "complex"

    @property
    def align(self) -> int:
        """Alignment assumed for array items: a complex is two floats, aligned like one."""
        return self.nbytes // 2 if self.is_complex else self.nbytes

    @property
    def signed(self) -> bool:
        return self.kind == "int"

    @property
    def nbytes(self) -> int:
        return max(1, self.bits // 8)

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Array(Type):
    dtype: Scalar
    ndim: int

    def __str__(self) -> str:
        return f"{self.dtype.name}[{', '.join(':' * self.ndim)}]"


@dataclass(frozen=True)
class Tuple(Type):
    items: tuple[Type, ...]

    def __str__(self) -> str:
        return f"tuple[{', '.join(map(str, self.items))}]"


@dataclass(frozen=True)
class Struct(Type):
    """An `@struct` record: named, typed fields (scalars or other structs).

    `name` is the qualified name (`Vec`, or `other.Vec` when imported), so two structs are
    the same type only if they are the same definition.  Methods live in the module scope's
    registry under `NAME.method`.  An immutable struct is a value (passed by value, as a
    tuple); a `mutable` one (`@struct(mutable=True)`) is a reference to a record in the call's
    arena, as a Python object is (lower/structs.py).
    """

    name: str
    fields: tuple[tuple[str, Type], ...]
    mutable: bool = False
    plain: bool = False     # a plain `class C:` (frontend/classes.py): mutable, built by its `__init__`
    # single inheritance (frontend/inherit.py): the class's id in its module's hierarchy (0: a
    # class with neither base nor subclass, whose records carry no id) and its base class
    cid: int = 0
    base: "Struct | None" = None
    # what frontend/records.py made a plain class from: "tuple" (a named tuple: read as the tuple
    # of its fields), "frozen" (`@dataclass(frozen=True)`), "data" (another dataclass), "" otherwise
    # (frontend/recordops.py).
    # Not part of the type's identity: a copy made without it is the same type.
    record: str = field(default="", compare=False)

    def is_subclass_of(self, other: "Type") -> bool:
        """Whether `self` is `other` or derives from it (a reference to it is usable as one to `other`)."""
        t = self
        while t is not None:
            if isinstance(other, Struct) and t.name == other.name:
                return True
            t = t.base
        return False

    def field_index(self, name: str) -> int | None:
        for k, (fname, _) in enumerate(self.fields):
            if fname == name:
                return k
        return None

    @property
    def short_name(self) -> str:
        return self.name.rpartition(".")[2]

    # As an array item (`Vec[:]`): NumPy's packed structured layout, fields back to back.
    kind = "struct"
    is_bool = is_int = is_float = is_complex = signed = False
    align = 1

    @property
    def nbytes(self) -> int:
        return sum(t.nbytes for _, t in self.fields)

    def offsets(self) -> list[int]:
        """Byte offset of each field in the packed layout."""
        out, at = [], 0
        for _, t in self.fields:
            out.append(at)
            at += t.nbytes
        return out

    def __str__(self) -> str:
        return self.short_name


@dataclass(frozen=True)
class ClassRef(Type):
    """A field of a plain class that refers to a class containing it (`self.next: Task | None`
    in `class Task`): stored as an untyped pointer so the record's layout is finite; reading it
    gives the class itself (`target`, set once the class is built; frontend/classes.py)."""

    name: str

    # The class is kept outside the dataclass fields: walks over IR and types (ir.copy_expr,
    # deepcopy) then never follow the cycle class → field → class.
    def bind(self, target: "Struct") -> None:
        object.__setattr__(self, "_target", target)

    @property
    def target(self) -> "Struct":
        return self._target

    def __deepcopy__(self, memo) -> "ClassRef":
        return self       # immutable once bound

    def __str__(self) -> str:
        return self.name.rpartition(".")[2]


def field_view(t: Type) -> Type:
    """A class field's type as its readers see it: a reference to the class holding it (a
    `ClassRef`, or a list of them) is the class itself."""
    if isinstance(t, List) and isinstance(t.item, ClassRef):    # a list of the class's own instances
        return List(t.item.target, t.deque)
    return t.target if isinstance(t, ClassRef) else t


@dataclass(frozen=True)
class NoneType(Type):
    def __str__(self) -> str:
        return "None"


@dataclass(frozen=True)
class ErrorType(Type):
    """Type of an expression that already produced a diagnostic; silences follow-on errors."""

    def __str__(self) -> str:
        return "<error>"


@dataclass(frozen=True)
class Str(Type):
    """A `str` parameter: its characters, read-only (native code sees the text, not the object)."""

    def __str__(self) -> str:
        return "str"


@dataclass(frozen=True)
class Char(Type):
    """One character of a `str` (`s[i]`, `for c in s`): a code point, compared with 1-character literals."""

    def __str__(self) -> str:
        return "str (one character)"


@dataclass(frozen=True)
class PyObj(Type):
    """A Python object reference (`object`, or `list`/`dict`/`tuple`/`set` checked at the boundary)."""

    check: str | None = None    # the builtin type the entry point checks for (None: any object)

    def __str__(self) -> str:
        return self.check or "object"


@dataclass(frozen=True)
class RandomGenerator(Type):
    """A `numpy.random.Generator` made by `np.random.default_rng(seed)` inside a function: a
    reference to a random-number state of its own (docs/numpy-random.md)."""

    def __str__(self) -> str:
        return "numpy.random.Generator"


@dataclass(frozen=True)
class List(Type):
    """A native list (`list[f64]`, `[x, y]`, comprehensions): a reference to a growable array of
    `item` values in the call's memory (lower/lists.py); Python's aliasing (two names, one list)."""

    item: Type
    deque: bool = False     # a `collections.deque`: a list with its left-end methods (frontend/collections.py)

    def __str__(self) -> str:
        return f"{'deque' if self.deque else 'list'}[{self.item}]"


@dataclass(frozen=True)
class Dict(Type):
    """A native dict (`dict[i64, f64]`, `{k: v}`): a reference to an insertion-ordered hash table
    in the call's memory (lower/dicts.py)."""

    key: Type
    value: Type
    # "" for a dict; a `collections` kind whose missing keys read as a default
    # (frontend/collections.py): "int", "float", "bool", "list", "set" (defaultdict), "counter"
    default: str = ""
    # a `collections.OrderedDict` (frontend/collections.py): `move_to_end`, `popitem(last=)` and
    # its repr; otherwise a dict (compare=False: it goes wherever a dict of its types goes)
    ordered: bool = field(default=False, compare=False)

    def __str__(self) -> str:
        if self.ordered:
            return f"OrderedDict[{self.key}, {self.value}]"
        if self.default == "counter":
            return f"Counter[{self.key}]"
        return f"{'defaultdict' if self.default else 'dict'}[{self.key}, {self.value}]"


@dataclass(frozen=True)
class Set(Type):
    """A native set (`set[i64]`, `{1, 2}`): a dict without values (lower/dicts.py)."""

    item: Type

    def __str__(self) -> str:
        return f"set[{self.item}]"


@dataclass(frozen=True)
class Unknown(Type):
    """The item type of an empty list not yet known (`xs = []`): the first `xs.append(v)` (or a
    declared type it is assigned to) decides it (frontend/lists.py: `resolve`)."""

    key: int

    def __str__(self) -> str:
        return "?"


I8, I16, I32, I64 = (Scalar(f"i{b}", "int", b) for b in (8, 16, 32, 64))
U8, U16, U32, U64 = (Scalar(f"u{b}", "uint", b) for b in (8, 16, 32, 64))
F32, F64 = Scalar("f32", "float", 32), Scalar("f64", "float", 64)
BOOL = Scalar("bool", "bool", 1)
# complex: two floats (re, im); c128 is Python's `complex`, c64 two f32 (NumPy's complex64)
C64, C128 = Scalar("c64", "complex", 64), Scalar("c128", "complex", 128)
NONE = NoneType()
STR, CHAR, OBJECT = Str(), Char(), PyObj()
# A `str` value (a literal, a local built in the function, a `-> str` result): an owned reference
# to a Python `str`, so the object machinery counts its references (docs/language.md, "Strings").
STRV = PyObj("str")
GENERATOR = RandomGenerator()
ERROR = ErrorType()


def holds_text(t: Type, seen: frozenset = frozenset()) -> bool:
    """Whether a container type has `str` items, keys or values somewhere inside
    (`list[str]`, `dict[str, i64]`, `list[set[str]]`, a class with a `str` field): its stores
    keep the objects alive (lower/kept.py)."""
    if isinstance(t, (List, Set)):
        return t.item == STRV or holds_text(t.item, seen)
    if isinstance(t, Dict):
        return STRV in (t.key, t.value) or holds_text(t.key, seen) or holds_text(t.value, seen)
    if isinstance(t, Tuple):
        return any(i == STRV or holds_text(i, seen) for i in t.items)
    if isinstance(t, Struct) and t.plain and t.name not in seen:
        return any(f == STRV or holds_text(f, seen | {t.name}) for _, f in t.fields)
    return False

SCALARS: dict[str, Scalar] = {
    t.name: t for t in (I8, I16, I32, I64, U8, U16, U32, U64, F32, F64, C64, C128)
}
# fastext's spellings of bool, usable where `bool[:]` is not (plain CPython evaluates annotations).
DIALECT_SCALARS: dict[str, Scalar] = {**SCALARS, "boolean": BOOL, "bool_": BOOL}
# Python builtin names usable as annotations.
BUILTIN_SCALARS: dict[str, Scalar] = {"int": I64, "float": F64, "bool": BOOL, "complex": C128}


def complex_part(t: Scalar) -> Scalar:
    """The float type of a complex type's parts (c64 → f32, c128 → f64)."""
    return F32 if t.bits == 64 else F64


def complex_of(t: Scalar) -> Scalar:
    """The complex type a real operand becomes beside a complex one (f32/small ints → c64)."""
    if t.is_complex:
        return t
    return C64 if promote(t, F32) == F32 else C128


def constant_fits(value, t: Scalar) -> bool:
    """A Python constant (literal, default, annotated module constant) converts to `t` without
    a change of kind: any number into a complex type, any real into a float type, an integer
    in range into an integer type, a bool into bool."""
    if t.is_complex:
        return True
    if isinstance(value, complex):
        return False
    if t.is_float:
        return True
    if t.is_bool:
        return isinstance(value, bool)
    if isinstance(value, float):
        return False
    lo, hi = (-(1 << (t.bits - 1)), (1 << (t.bits - 1)) - 1) if t.signed else (0, (1 << t.bits) - 1)
    return lo <= int(value) <= hi


def article(t: object) -> str:
    """`t` with its indefinite article, for messages: "an i64", "a u8", "a tuple[...]"."""
    text = str(t)
    if text[1:2].isdigit():      # a dialect name is read letter by letter: "an f64", "an i8", "a u8", "a c64"
        return f"{'an' if text[:1] in 'aefhilmnorsx' else 'a'} {text}"
    return f"{'an' if text[:1] in 'aeiou' else 'a'} {text}"


def is_numeric(t: Type) -> bool:
    return isinstance(t, Scalar)


def promote(a: Scalar, b: Scalar) -> Scalar:
    """The result type of a binary arithmetic operation on two typed (non-literal) operands.

    bool acts as the narrowest integer.  Integers of one signedness: the wider.
    Mixed signedness: the signed type wide enough for both, capped at i64 (so
    u64 with any signed type is i64 and wraps — NumPy would go to float64).
    Any float: f64, except f32 with an integer of at most 16 bits stays f32.
    Any complex: c128, except c64 with c64, f32 or an integer of at most 16 bits stays c64.
    """
    if a == b:
        return I64 if a.is_bool else a
    if a.is_complex or b.is_complex:
        return C64 if complex_of(a) == complex_of(b) == C64 else C128
    if a.is_float or b.is_float:
        if a == F64 or b == F64:
            return F64
        other = b if a.is_float else a
        if other.is_float or other.is_bool or other.bits <= 16:
            return F32
        return F64
    if a.is_bool:
        return b
    if b.is_bool:
        return a
    if a.kind == b.kind:
        return a if a.bits >= b.bits else b
    signed, unsigned = (a, b) if a.signed else (b, a)
    if signed.bits > unsigned.bits:
        return signed
    return SCALARS[f"i{min(64, unsigned.bits * 2)}"]


def can_assign(target: Type, value: Type) -> bool:
    """Whether a value of type `value` may be stored in a variable/slot of type `target`.

    Widening only: int→wider-or-equal int of compatible range, any int→float,
    f32→f64, bool→any number, any real→complex, c64→c128 (never complex→real).  Narrowing needs an explicit conversion (i32(x)).
    """
    if target == value or isinstance(value, ErrorType) or isinstance(target, ErrorType):
        return True
    if isinstance(target, PyObj) and isinstance(value, PyObj):
        return target.check is None or target.check == value.check
    if isinstance(target, Tuple) and isinstance(value, Tuple):
        return len(target.items) == len(value.items) and all(
            can_assign(t, v) for t, v in zip(target.items, value.items))
    if not (isinstance(target, Scalar) and isinstance(value, Scalar)):
        return False
    if value.is_bool:
        return not target.is_bool or target == value
    if target.is_complex:
        return not value.is_complex or value.bits <= target.bits
    if value.is_complex:
        return False
    if target.is_float:
        return value.is_int or value.is_float and value.bits <= target.bits
    if target.is_int and value.is_int:
        if target.signed == value.signed:
            return target.bits >= value.bits
        return target.signed and target.bits > value.bits
    return False


def value_range(t: Scalar) -> tuple[int, int]:
    """The integers a parameter of integer type `t` accepts (u64: those below 2**63, which the
    entry point's fast path reads as an i64; the slow path handles the rest)."""
    if t.signed:
        return -(1 << (t.bits - 1)), (1 << (t.bits - 1)) - 1
    return 0, (1 << t.bits) - 1 if t.bits < 64 else (1 << 63) - 1


def describe_scalar(t: Scalar) -> str:
    """How a scalar parameter type is named in error messages: `int (i32)`."""
    return {"int": "int", "uint": "int", "float": "float", "bool": "bool", "complex": "complex"}[t.kind] + f" ({t})"
