"""The table of builtins, `math` members and exceptions the dialect knows.

One explicit table (not decorator registries): the checker reads arity and
result types here, the lowering reads the implementation fields.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from fastext.compiler.types import BOOL, F64, I64, Scalar


@dataclass(frozen=True)
class MathFn:
    """A `math` function on f64 arguments.

    `impl` is an LLVM intrinsic (`llvm.*`, only for the correctly rounded operations) or a
    libm symbol, called as written (`nobuiltin`) so results match CPython's `math` bit for bit.  `check` names the
    Python error behaviour kept in compiled code (math raises where C returns NaN):
      neg: x < 0 → ValueError;  nonpos: x <= 0 → ValueError;  inf: x infinite → ValueError;
      unit: |x| > 1 → ValueError;  le_m1: x <= -1 → ValueError;  zero2: y == 0 → ValueError;
      range: finite args, infinite result → OverflowError;  pow: math.pow's rules;
      lt1: x < 1 → ValueError;  unit_closed: |x| >= 1 → ValueError;  gamma, lgamma: the poles
      and -inf → ValueError, an infinite result of a finite x → OverflowError (CPython's errno).
    An `impl` of `fx:NAME` is fastext's own code (lower/intrinsics.py), where CPython does not
    call the C library (gamma, lgamma: lower/pygamma.py) or computes around it (degrees, ulp).
    `to_int`: the result is converted to a Python int (floor, ceil, trunc).
    """

    arity: int
    impl: str
    result: Scalar = F64
    check: str = ""
    to_int: bool = False


MATH_FUNCS: dict[str, MathFn] = {
    "sqrt": MathFn(1, "llvm.sqrt", check="neg"),
    "exp": MathFn(1, "exp", check="range"),
    "expm1": MathFn(1, "expm1", check="range"),
    "log": MathFn(1, "log", check="nonpos"),
    "log2": MathFn(1, "log2", check="nonpos"),
    "log10": MathFn(1, "log10", check="nonpos"),
    "log1p": MathFn(1, "log1p", check="le_m1"),
    "sin": MathFn(1, "sin", check="inf"),
    "cos": MathFn(1, "cos", check="inf"),
    "tan": MathFn(1, "tan", check="inf"),
    "asin": MathFn(1, "asin", check="unit"),
    "acos": MathFn(1, "acos", check="unit"),
    "atan": MathFn(1, "atan"),
    "sinh": MathFn(1, "sinh", check="range"),
    "cosh": MathFn(1, "cosh", check="range"),
    "tanh": MathFn(1, "tanh"),
    "asinh": MathFn(1, "asinh"),
    "acosh": MathFn(1, "acosh", check="lt1"),
    "atanh": MathFn(1, "atanh", check="unit_closed"),
    "cbrt": MathFn(1, "cbrt"),
    "exp2": MathFn(1, "exp2", check="range"),
    "gamma": MathFn(1, "fx:gamma", check="gamma"),
    "lgamma": MathFn(1, "fx:lgamma", check="lgamma"),
    "degrees": MathFn(1, "fx:degrees"),
    "radians": MathFn(1, "fx:radians"),
    "ulp": MathFn(1, "fx:ulp"),
    "erf": MathFn(1, "erf"),        # CPython calls the C library's erf/erfc too: the same bits
    "erfc": MathFn(1, "erfc"),
    "atan2": MathFn(2, "atan2"),
    "hypot": MathFn(2, "hypot", check="range"),
    "pow": MathFn(2, "pow", check="pow"),
    "fmod": MathFn(2, "fmod", check="zero2"),
    "remainder": MathFn(2, "remainder", check="zero2"),   # exact: the C library's bits are CPython's
    "nextafter": MathFn(2, "nextafter"),
    "copysign": MathFn(2, "llvm.copysign"),
    "fabs": MathFn(1, "llvm.fabs"),
    "floor": MathFn(1, "llvm.floor", I64, to_int=True),
    "ceil": MathFn(1, "llvm.ceil", I64, to_int=True),
    "trunc": MathFn(1, "llvm.trunc", I64, to_int=True),
    "isnan": MathFn(1, "isnan", BOOL),
    "isinf": MathFn(1, "isinf", BOOL),
    "isfinite": MathFn(1, "isfinite", BOOL),
}

MATH_CONSTANTS: dict[str, float] = {
    "pi": math.pi, "e": math.e, "tau": math.tau, "inf": math.inf, "nan": math.nan,
}
# NumPy's float constants (`np.pi`, `from numpy import inf`); `np.newaxis` is a subscript item.
NUMPY_CONSTANTS: dict[str, float] = {
    "pi": math.pi, "e": math.e, "inf": math.inf, "nan": math.nan, "euler_gamma": 0.5772156649015329,
}

# Builtin functions the checker handles itself (each has its own typing rule).
BUILTIN_FUNCS = frozenset({"abs", "min", "max", "sum", "int", "float", "bool", "len", "round", "complex", "ord"})

# Exceptions `raise` may name; index = the code the native side reports.
EXCEPTIONS: tuple[str, ...] = (
    "Exception", "ArithmeticError", "AssertionError", "FloatingPointError", "IndexError",
    "KeyError", "LookupError", "NotImplementedError", "OverflowError", "RuntimeError",
    "TypeError", "ValueError", "ZeroDivisionError", "MemoryError", "RecursionError",
    "AttributeError",      # a field read of None (a class's reference: frontend/dunders.py)
    "StopIteration",     # next() of a generator that ran out (frontend/generators.py)
)
# Exceptions of NumPy's that operations raise (`np.linalg.solve`'s LinAlgError): name → the module
# the entry point imports the class from when it raises one (abi/runtime.py: fx_raise).  `.fx`
# code cannot name them, but `except ValueError:` catches them (EXC_BASE), as in Python.
NUMPY_EXCEPTIONS: dict[str, str] = {"LinAlgError": "numpy.linalg"}
EXC_CODE: dict[str, int] = {name: i + 1 for i, name in enumerate(EXCEPTIONS + tuple(NUMPY_EXCEPTIONS))}
# The error record's code when a Python exception is already set (raised by Python code that
# compiled code called, or by a conversion of its result): the entry point just returns NULL,
# so the exception object and its traceback reach the caller unchanged.
PYERR_CODE = 127

# The class hierarchy of those exceptions (each one's direct base among them), as in
# Python: `except ArithmeticError` catches ZeroDivisionError, OverflowError and
# FloatingPointError; `except Exception` catches all of them.
EXC_BASE: dict[str, str | None] = {
    "Exception": None,
    "ArithmeticError": "Exception", "FloatingPointError": "ArithmeticError",
    "OverflowError": "ArithmeticError", "ZeroDivisionError": "ArithmeticError",
    "AssertionError": "Exception",
    "LookupError": "Exception", "IndexError": "LookupError", "KeyError": "LookupError",
    "RuntimeError": "Exception", "NotImplementedError": "RuntimeError", "RecursionError": "RuntimeError",
    "TypeError": "Exception", "ValueError": "Exception", "MemoryError": "Exception",
    "AttributeError": "Exception",
    "StopIteration": "Exception",
    "LinAlgError": "ValueError",
}


def caught_by(name: str) -> tuple[str, ...]:
    """The exceptions of `EXC_CODE` that `except name:` catches (name and its subclasses)."""
    def is_sub(exc: str | None) -> bool:
        while exc is not None:
            if exc == name:
                return True
            exc = EXC_BASE[exc]
        return False
    return tuple(e for e in EXC_CODE if is_sub(e))

# Function decorators: name → (option, value).  `__fastext__ = {...}` sets the same
# options for a whole module; a decorator overrides the module's setting.
DECORATORS: dict[str, tuple[str, bool]] = {
    "unchecked": ("boundscheck", False),   # no index bounds checks
    "fastmath": ("fastmath", True),        # float reassociation/contraction: reductions vectorise
    "inline": ("inline", True),            # always inline into callers
    "nogil": ("nogil", True),              # release the GIL on every call, however small its arrays
}
OPTION_DEFAULTS: dict[str, bool] = {"boundscheck": True, "fastmath": False, "inline": False, "nogil": False}

# Names a `.fx` file may import from fastext; scalar types are added from types.SCALARS.
FASTEXT_NAMES = frozenset({"prange", "struct", "extern", "vectorize", "guvectorize", *DECORATORS})
