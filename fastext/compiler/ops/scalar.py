"""Scalar operations: the builtins with their own typing rules, `math`, `cmath`, complex
parts, and the characters of `str` parameters.

Their typing stays in the front end (`frontend/calls.py`, `cmathcalls.py`, `strings.py`),
which builds `ir.Intrinsic`s of these names; this table gives their lowering and flags.
"""
from __future__ import annotations

from fastext.compiler.builtins import MATH_FUNCS
from fastext.compiler.ops import Op, add
from fastext.compiler.ops import deferred as _lower


_INTRINSICS = "fastext.compiler.lower.intrinsics"

for _name, _doc in (("abs", "abs(x): |x| (ints wrap at the minimum, complex: the modulus)"),
                    ("min", "min(a, b, ...): Python's rules (the first of equal items)"),
                    ("max", "max(a, b, ...): Python's rules (the first of equal items)"),
                    ("round", "round(x): round half to even, to an int"),
                    ("range_len", "the number of iterations of a range")):
    add(Op(_name, lower=_lower(_INTRINSICS, f"lower_{_name}"), gpu=True, group="builtins", doc=_doc))

for _name, _fn in MATH_FUNCS.items():
    add(Op(f"math.{_name}", spellings=(f"math.{_name}",), lower=_lower(_INTRINSICS, "lower_math"), gpu=True,
           group="math", signature=f"math.{_name}({', '.join('xy'[:_fn.arity])})",
           doc="Python's math: ValueError/OverflowError where math raises" if _fn.check else "Python's math"))

for _name in ("real", "imag", "conjugate", "make", "powi", "pow"):
    add(Op(f"complex.{_name}", lower=_lower(_INTRINSICS, "lower_complex"), gpu=True, group="complex"))


def _register_cmath() -> None:
    from fastext.compiler.frontend.cmathcalls import CMATH_FUNCS
    for name in CMATH_FUNCS:
        add(Op(f"cmath.{name}", spellings=(f"cmath.{name}",), lower=_lower(_INTRINSICS, "lower_cmath"), gpu=True,
               group="cmath", doc="CPython's cmath algorithm, bit for bit"))


_register_cmath()

# not `pure` for speculation: a read of the text past a failed check is not known to be harmless
for _name in ("str.len", "str.item", "str.eq", "char.code", "char.ord"):
    add(Op(_name, lower=_lower("fastext.compiler.lower.strings", "lower_string"), gpu=True, pure=False, group="str"))
