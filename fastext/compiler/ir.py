"""Typed IR: the checked program, as plain dataclasses, each node with its source span.

The front end builds it from `ast`; `verify` checks its invariants; `lower`
turns it into LLVM IR.  Nothing here knows about either side.  Variables are
function-local slots (`Var`) with one fixed type; control flow stays structured.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from fastext.compiler.source import Span
from fastext.compiler.types import Scalar, Type


# ----------------------------------------------------------------------------- values

@dataclass(eq=False)
class Var:
    """A local variable or parameter: one storage slot of one type."""

    name: str
    type: Type
    span: Span
    is_param: bool = False
    strong: bool = False    # holds a NumPy scalar under plain Python (frontend/arrays.py: is_strong)


@dataclass(eq=False)
class Expr:
    type: Type
    span: Span


@dataclass(eq=False)
class Const(Expr):
    value: int | float | bool | complex | tuple   # a tuple: the fields of a struct constant
    # a float constant written as an int literal (`total = 0` into an f64 local): Python holds
    # the int there (frontend/intflags.py)
    int_literal: bool = False


@dataclass(eq=False)
class Load(Expr):
    var: Var


@dataclass(eq=False)
class Cast(Expr):
    """Numeric conversion with Python's meaning (float→int truncates and checks range).
    `strong`: a NumPy scalar under plain Python (`np.float32(0.1)`): its type counts in promotion,
    where a literal's would not (frontend/arrays.py: is_strong)."""

    value: Expr
    strong: bool = False
    explicit: bool = False    # `float(n)`: Python's float too, where an implicit int → f64 keeps an int


@dataclass(eq=False)
class BinOp(Expr):
    op: str           # + - * / // % ** & | ^ << >>   (operands already of self.type, except ** and shifts)
    left: Expr
    right: Expr
    # `/` of two integers (each operand a Cast of an int): Python divides them exactly, rounding
    # once (lower/arith.py: int_true_divide); `a / float(b)` is a float division
    int_division: bool = False
    # `*` of an `int` that grows by multiplying itself in a loop (`den *= k`): Python's int would
    # outgrow 64 bits where this wraps, so an overflow raises OverflowError (frontend/growth.py)
    checked: bool = False
    # `/` reading a NumPy scalar (frontend/npscalars.py): NumPy's division, ±inf or nan for a zero
    # divisor instead of ZeroDivisionError
    numpy: bool = False


@dataclass(eq=False)
class UnaryOp(Expr):
    op: str           # neg pos invert not
    operand: Expr


@dataclass(eq=False)
class Compare(Expr):
    """A chain `a < b <= c`: each middle operand evaluated once, short-circuit."""

    ops: list[str]    # < <= > >= == !=
    operands: list[Expr]   # pairwise-promoted: operands[i] and operands[i+1] share comparison type
    cmp_types: list[Scalar]


@dataclass(eq=False)
class BoolOp(Expr):
    """`and` / `or` with Python's value semantics (operands converted to self.type)."""

    op: str           # and or
    values: list[Expr]


@dataclass(eq=False)
class Truth(Expr):
    """bool(x) of a number: x != 0."""

    value: Expr


@dataclass(eq=False)
class IfExp(Expr):
    cond: Expr
    then: Expr
    orelse: Expr


@dataclass(eq=False)
class Call(Expr):
    """A call of a module function (native, no Python round trip)."""

    func: str
    args: list[Expr]  # all parameters, defaults filled in, converted to parameter types
    # bit k: f64 argument k holds Python's int; evaluated after the arguments and handed to the
    # callee through the error record (frontend/intflags.py: `_pass_flags`)
    intargs: Expr | None = None


@dataclass(eq=False)
class Intrinsic(Expr):
    """An operation of the registry (`compiler/ops/`), named by its entry there.

    `attrs` holds its compile-time parameters (a reduction's `axis` and `keepdims`, ...)."""

    name: str
    args: list[Expr]
    attrs: dict = field(default_factory=dict)


@dataclass(eq=False)
class Elem(Expr):
    """Inside an `ArrayMap` body: the current element of operand `index` (a scalar operand's value)."""

    index: int


@dataclass(eq=False)
class ArrayMap(Expr):
    """An element-wise computation over operands broadcast together (NumPy's rules): the
    result is an array of `type` whose every element is `body` (a scalar expression in which
    `Elem(k)` is operand k's element).  A whole expression `a * b + c` is one ArrayMap, so it
    runs as one loop nest: materialised into a new array where its value is needed, stored
    straight into the target of an assignment, or folded by a reduction (lower/arraymap.py)."""

    operands: list[Expr]    # arrays, or scalars (the same value for every element); each evaluated once
    body: Expr


@dataclass(eq=False)
class Index(Expr):
    """`a[i, j]` read (negative indices wrap; bounds checked unless disabled)."""

    array: Expr
    indices: list[Expr]   # each i64


@dataclass(eq=False)
class SliceItem:
    """One axis of a slicing subscript: an integer index (drops the axis) or start:stop:step."""

    index: Expr | None = None        # set for an integer index
    start: Expr | None = None        # each i64 or None (Python's defaults)
    stop: Expr | None = None
    step: Expr | None = None
    newaxis: bool = False            # `None` / `np.newaxis`: a new axis of size 1 (no input axis)


@dataclass(eq=False)
class ArraySlice(Expr):
    """`a[1:-1]`, `a[:, j]`, `a[::2]`, `a[i]` of a 2-D array, `x[:, None]`: a strided view, no copy.

    `items` has one entry per leading axis of the input (plus one per new axis); the
    remaining axes are kept whole.
    """

    array: Expr
    items: list[SliceItem]


@dataclass(eq=False)
class ArrayDim(Expr):
    """`a.shape[axis]` (also `len(a)` for axis 0)."""

    array: Expr
    axis: int


@dataclass(eq=False)
class ArraySize(Expr):
    array: Expr


@dataclass(eq=False)
class StmtExpr(Expr):
    """Statements, then a value: what a comprehension or `sum(x for x in xs)` is typed as
    (frontend/lists.py). `walk` visits `body` as statements; `children` gives only `result`."""

    body: list["Stmt"]
    result: Expr


@dataclass(eq=False)
class MakeTuple(Expr):
    items: list[Expr]


@dataclass(eq=False)
class TupleGet(Expr):
    value: Expr
    index: int


# Python objects (types.PyObj; lowering in lower/objects.py).  Every node below except ObjIs,
# ObjLen and ObjConvert makes a new (owned) reference; a Load of an object variable borrows one.

@dataclass(eq=False)
class ObjAttr(Expr):
    """`o.attr` (PyObject_GetAttrString)."""

    value: Expr
    attr: str


@dataclass(eq=False)
class ObjCall(Expr):
    """`f(args)` (value is the callable) or `o.method(args)` (value is `o`): arguments are boxed;
    the last `len(kwnames)` of `args` are passed by keyword."""

    value: Expr
    method: str | None
    args: list[Expr]
    kwnames: tuple[str, ...] = ()


@dataclass(eq=False)
class ObjItem(Expr):
    """`o[key]` (PyObject_GetItem); `args` is [key], boxed."""

    value: Expr
    args: list[Expr]


@dataclass(eq=False)
class ObjConst(Expr):
    """A str literal, a bytes literal or None passed to Python code."""

    text: str | bytes | None


@dataclass(eq=False)
class ObjBox(Expr):
    """A dialect value (scalar, character, str parameter) as a Python object.  `intflag`: for
    an f64 value, a bool that is true where Python would hold an int (frontend/intflags.py)."""

    value: Expr
    intflag: Expr | None = None


@dataclass(eq=False)
class ObjLen(Expr):
    """`len(o)` (PyObject_Size)."""

    value: Expr


@dataclass(eq=False)
class ObjConvert(Expr):
    """An object converted to the scalar `type`.  `mode`: "python" for `int(o)`, `float(o)`,
    `bool(o)` (Python's conversions; int out of the i64 range: OverflowError), "wrap" for
    `i32(o)`, `f32(o)`, ... (Python's int/float, then the dialect's conversion: integers wrap),
    "param" where a number is needed (an assignment, argument or return: the rules of a
    parameter of that type).  `what` names the value in error messages."""

    value: Expr
    mode: str
    what: str


@dataclass(eq=False)
class ObjIter(Expr):
    """`iter(o)` (PyObject_GetIter), for `for x in o` over any iterable."""

    value: Expr


@dataclass(eq=False)
class ObjNext(Expr):
    """`next(it)`, or NULL when the iterator is exhausted (PyIter_Next); test with ObjExhausted."""

    value: Expr


@dataclass(eq=False)
class ObjExhausted(Expr):
    """Whether an object variable holds ObjNext's NULL (the end of the iteration)."""

    value: Expr


@dataclass(eq=False)
class ObjContains(Expr):
    """`x in o` / `x not in o` (PySequence_Contains); `value` is the container, `args` [x], boxed."""

    value: Expr
    args: list[Expr]
    negate: bool = False


@dataclass(eq=False)
class ObjIs(Expr):
    """`a is b` / `a is None` (right None) and their `is not` (negate)."""

    left: Expr
    right: Expr | None
    negate: bool = False


# ----------------------------------------------------------------------------- statements

@dataclass(eq=False)
class Stmt:
    span: Span


@dataclass(eq=False)
class Assign(Stmt):
    var: Var
    value: Expr       # already of var.type


@dataclass(eq=False)
class Store(Stmt):
    """`a[i, j] = v`."""

    array: Expr
    indices: list[Expr]
    value: Expr       # already of the array's dtype


@dataclass(eq=False)
class SetField(Stmt):
    """`p.x = v` on a mutable struct (`types.Struct.mutable`): a store into its record."""

    record: Expr      # of a mutable Struct type
    index: int
    value: Expr       # already of the field's type


@dataclass(eq=False)
class ExprStmt(Stmt):
    value: Expr


@dataclass(eq=False)
class If(Stmt):
    cond: Expr
    then: list[Stmt]
    orelse: list[Stmt]


@dataclass(eq=False)
class While(Stmt):
    cond: Expr
    body: list[Stmt]
    orelse: list[Stmt]


@dataclass(eq=False)
class ForRange(Stmt):
    """`for var in range(start, stop, step)`; bounds evaluated once, step ≠ 0 checked."""

    var: Var
    start: Expr
    stop: Expr
    step: Expr
    body: list[Stmt]
    orelse: list[Stmt]
    parallel: "Parallel | None" = None   # set for a `prange` loop (frontend/parallel.py)
    label: str | None = None              # a target of labelled `Break`s (inlined generators: frontend/generators.py)


@dataclass(eq=False)
class Reduction:
    """A scalar updated in a `prange` body only as `v += e`, `v *= e`, `v = min(v, e)`, ...

    `op` is the combining operation: "+" (for `+=` and `-=`), "*", "min" or "max".
    """

    var: Var
    op: str


@dataclass(eq=False)
class Parallel:
    """How a `prange` loop's body shares the function's variables with its threads.

    `captured`: read in the body, never written there (passed by value);
    `private`: only used inside prange bodies (one copy per block of iterations);
    `reductions`: per-block accumulators combined in block order after the loop.
    """

    captured: list[Var] = field(default_factory=list)
    private: list[Var] = field(default_factory=list)
    reductions: list[Reduction] = field(default_factory=list)


@dataclass(eq=False)
class Break(Stmt):
    """Leave the innermost loop, or the enclosing `ForRange` whose `label` is `label`."""

    label: str | None = None


@dataclass(eq=False)
class Continue(Stmt):
    label: str | None = None


@dataclass(eq=False)
class Return(Stmt):
    value: Expr | None
    # an f64 result Python would hold as an int: stored in the error record for the entry
    # point's boxing (`Function.int_return`; frontend/intflags.py)
    intflag: Expr | None = None


@dataclass(eq=False)
class Raise(Stmt):
    exc: str              # builtin exception name
    message: str | None   # None: raised without arguments (args == ())
    value: Expr | None = None   # a message computed at run time (an object): raised as a Python exception
    cls: Expr | None = None     # a class of the module's own (frontend/userexc.py): raised with `value`


@dataclass(eq=False)
class ObjStore(Stmt):
    """`o.attr = v` (PyObject_SetAttrString) or `o[key] = v` (PyObject_SetItem); key and
    value are objects (boxed)."""

    target: Expr
    attr: str | None
    key: Expr | None
    value: Expr


@dataclass(eq=False)
class Assert(Stmt):
    cond: Expr
    message: str | None


@dataclass(eq=False)
class Handler:
    """One `except` clause: the builtin exception names it lists (None: a bare `except:`)."""

    span: Span
    names: tuple[str, ...] | None
    body: list[Stmt]
    var: Var | None = None      # `except E as e`: bound to the exception object (lower/python_exceptions.py)
    classes: dict = field(default_factory=dict)    # names of the module's exception classes → their attributes


@dataclass(eq=False)
class Try(Stmt):
    """`try/except/else/finally` over the exceptions raised by native code (the error record)."""

    body: list[Stmt]
    handlers: list[Handler]
    orelse: list[Stmt]
    finalbody: list[Stmt]


@dataclass(eq=False)
class Reraise(Stmt):
    """A bare `raise` inside an `except` clause: the exception being handled, again."""


# ----------------------------------------------------------------------------- module

@dataclass(eq=False)
class Param:
    var: Var
    default: int | float | bool | None = None
    has_default: bool = False


@dataclass(eq=False)
class Function:
    name: str
    params: list[Param]
    ret: Type
    body: list[Stmt]
    span: Span
    doc: str | None = None
    exported: bool = True
    locals: list[Var] = field(default_factory=list)
    # Options from decorators / the module's `__fastext__` (builtins.DECORATORS).
    boundscheck: bool = True
    fastmath: bool = False
    inline: bool = False
    nogil: bool = False
    target: str = "cpu"       # cpu, kernel (@gpu.kernel) or device (@gpu.device): fastext/compiler/gpu/lower.py
    # @extern("m"): (library, dlopen candidates); the body is empty and calls go to the C
    # function the module resolved at import (frontend/extern.py, lower/extern.py)
    extern: tuple | None = None
    # Array parameters a `return` hands back as they came (`return a`, `a` never rebound): the
    # entry point returns the caller's very object for them (frontend/alloc.py: own_returns).
    returns_args: set[int] = field(default_factory=set)
    # An f64 result that some `return` gives as Python's int (`return 0` beside `return x / 2`):
    # every return stores its flag in the error record, the entry point boxes by it.
    int_return: bool = False
    # some call passes its f64 parameters' int flags: the body reads them at entry (intflags.finish)
    int_args: bool = False
    # (call, argument position) of the calls handed a container whose ints a shadow follows: the
    # callee must not show them (frontend/intescape.py: `refuse_internal_calls`)
    int_passed: list = field(default_factory=list)
    # How many parameters a caller may pass by position (None: all): `def f(x, *, tol=1e-8)`
    # has 1, the others are keyword-only (frontend/module.py: `keyword_only`, abi/wrapper.py)
    positional: int | None = None
    # `def f(a, /, b)`: how many only by position; `def f(*xs)`: the index of the list parameter the
    # extra positional arguments fill (frontend/module.py: `parameters`; abi/wrapper.py)
    posonly: int = 0
    vararg: int | None = None
    kwargs: int | None = None       # `def f(x, **opts)`: the index of the dict the other keywords fill
    # Facts filled in by `analysis`.
    writes: set[int] = field(default_factory=set)     # indices of array params written through
    loops: bool = False                               # contains a loop, or calls something that does
    objects: bool = False                             # uses Python objects, or calls something that does
    calls: set[str] = field(default_factory=set)


@dataclass
class UfuncLoop:
    """One dtype loop of a ufunc: the checked function it calls and the dtypes NumPy sees."""

    function: str                  # key in `Module.functions`
    params: list                   # the operands' types (gufunc outputs included)
    ret: Type                      # the output's type (vectorize); NONE for a gufunc


@dataclass
class Ufunc:
    """A NumPy ufunc the module makes at import (frontend/ufuncs.py, abi/ufuncs.py)."""

    name: str
    kind: str                      # "vectorize" or "guvectorize"
    nin: int
    nout: int
    loops: list                    # UfuncLoop, in the order NumPy tries them
    identity: object               # None, 0, 1 or "reorderable"
    layout: tuple | None           # guvectorize: (inputs' core dims, outputs' core dims)
    layout_text: str | None
    doc: str | None
    span: Span


@dataclass(eq=False)
class Module:
    name: str
    path: str
    doc: str | None
    functions: dict[str, Function]
    constants: dict[str, tuple[Type, int | float | bool]]
    # Absolute paths of the other `.fx` files read (imported functions are in `functions`,
    # not exported, keyed `other.f`).
    deps: tuple[str, ...] = ()
    # The module-level names Python sees besides `constants` (abi/namespace.py), in source
    # order: name → ("func", key in `functions`) for every function bound at module level —
    # exported, `_internal` and imported ones — or ("struct", types.Struct).
    namespace: dict = field(default_factory=dict)
    # The module's own module-level arrays (frontend/module_arrays.py): name → NumPy array.
    arrays: dict = field(default_factory=dict)
    # Module-level dicts with str keys (frontend/module_containers.py): name → their keys.
    container_keys: dict = field(default_factory=dict)
    # NumPy ufuncs made at import from @vectorize / @guvectorize functions (abi/ufuncs.py).
    ufuncs: list = field(default_factory=list)

    def exported(self) -> list[Function]:
        return [f for f in self.functions.values() if f.exported]



# ----------------------------------------------------------------------------- the child protocol
# Every pass walks the IR through these functions (never through its own list of fields):
# a new node or field is seen everywhere at once.

_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        from dataclasses import fields as dc_fields
        skip = {"type", "span", "var"} if issubclass(cls, Expr) else {"span", "var", "parallel"}
        names = _FIELDS[cls] = tuple(f.name for f in dc_fields(cls) if f.name not in skip)
    return names


def children(node: "Expr | Stmt") -> list[Expr]:
    """The expressions `node` evaluates itself, in evaluation order: an expression's direct
    sub-expressions (a slice item's bounds, an ArrayMap's operands and then its body), or the
    expressions of a statement outside its nested bodies (an `If`'s condition, not its branches)."""
    out: list[Expr] = []
    for name in _fields(type(node)):
        v = getattr(node, name)
        if isinstance(v, Expr):
            out.append(v)
        elif isinstance(v, list):
            for item in v:
                if isinstance(item, Expr):
                    out.append(item)
                elif isinstance(item, SliceItem):
                    out.extend(x for x in (item.index, item.start, item.stop, item.step) if x is not None)
    return out


def bodies(s: Stmt) -> list[list[Stmt]]:
    """The nested statement lists of `s` (branches, loop bodies, handlers), in source order."""
    if isinstance(s, If):
        return [s.then, s.orelse]
    if isinstance(s, (While, ForRange)):
        return [s.body, s.orelse]
    if isinstance(s, Try):
        return [s.body, *(h.body for h in s.handlers), s.orelse, s.finalbody]
    return []


def walk_exprs(e: Expr):
    """`e` and every expression below it, pre-order."""
    stack = [e]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(children(node)))


def walk(stmts: list[Stmt]):
    """Every statement of `stmts` and of their nested bodies, pre-order.

    With an explicit stack, not `yield from` recursion: an `elif` chain thousands of branches
    long would otherwise cost a generator frame per level for every statement it yields."""
    stack = [iter(stmts)]
    while stack:
        s = next(stack[-1], None)
        if s is None:
            stack.pop()
            continue
        yield s
        nested = bodies(s) + [e.body for e in _stmt_exprs(s)]
        if nested:
            stack.append(iter([x for body in nested for x in body]))


def _stmt_exprs(s: Stmt) -> list[StmtExpr]:
    """The statement expressions `s` evaluates itself (their statements are nested bodies)."""
    found = []
    stack = list(children(s))
    while stack:
        e = stack.pop()
        if isinstance(e, StmtExpr):
            found.append(e)
        stack.extend(children(e))
    return found


def all_exprs(stmts: list[Stmt]):
    """Every expression evaluated anywhere in `stmts` (nested bodies included), pre-order."""
    for s in walk(stmts):
        for e in children(s):
            yield from walk_exprs(e)


def copy_expr(e: Expr) -> Expr:
    """A deep copy of an expression tree that shares its variables: every `Var` (of a Load, or
    bound in an `fx.let`'s attributes) stays the same object, so slots and analyses still find it."""
    import copy
    import dataclasses
    memo: dict = {}

    def collect(x) -> None:
        if isinstance(x, Var):
            memo[id(x)] = x
        elif dataclasses.is_dataclass(x) and not isinstance(x, type):
            for f in dataclasses.fields(x):
                collect(getattr(x, f.name))
        elif isinstance(x, (list, tuple)):
            for item in x:
                collect(item)
        elif isinstance(x, dict):
            for item in x.values():
                collect(item)

    collect(e)
    return copy.deepcopy(e, memo)
