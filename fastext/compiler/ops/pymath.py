"""Python's integer and sequence `math` functions and `divmod` in `.fx` code: `math.gcd`, `lcm`,
`factorial`, `comb`, `perm`, `isqrt`, `prod`, `fsum`, `divmod(a, b)` (docs/language.md, "math").

Each is typed by `frontend/pymath.py` as the loops it is, written as `.fx` source
(frontend/synth.py): no lowering of its own.  Results follow CPython's — `fsum` is Shewchuk's
exactly rounded sum with CPython's handling of infinities, NaN and intermediate overflow, and the
ValueErrors carry CPython's messages — except that integers are the dialect's 64-bit ones
(`factorial(21)` wraps where Python grows the integer, as any integer arithmetic in `.fx` code).
"""
from __future__ import annotations

from fastext.compiler.ops import Op, add
from fastext.compiler.ops import deferred as _deferred

_CHECK = _deferred("fastext.compiler.frontend.pymath", "check_call")

# (spelling, signature, doc)
_FUNCTIONS = [
    ("math.gcd", "math.gcd(*integers)", "the greatest common divisor (0 for no arguments), Euclid's loop"),
    ("math.lcm", "math.lcm(*integers)", "the least common multiple (1 for no arguments; 0 if any is 0)"),
    ("math.factorial", "math.factorial(n)", "n! (ValueError for n < 0, CPython's message); wraps past i64"),
    ("math.comb", "math.comb(n, k)", "n choose k (0 when k > n; ValueError for negatives)"),
    ("math.perm", "math.perm(n, k=None)", "n! / (n - k)! (0 when k > n; ValueError for negatives)"),
    ("math.isqrt", "math.isqrt(n)", "the integer square root (ValueError for n < 0)"),
    ("math.prod", "math.prod(iterable, start=1)", "the product of the items, left to right, times `start` first"),
    ("math.fsum", "math.fsum(iterable)",
     "the exactly rounded float sum (Shewchuk's partials, CPython's rounding fix-up, inf/NaN rules and errors)"),
    ("divmod", "divmod(a, b)", "(a // b, a % b) with Python's floor semantics, for ints and floats"),
    ("pow", "pow(base, exp[, mod])", "base ** exp; with mod (ints): modular exponentiation, a negative exp "
                                     "through the modular inverse, CPython's ValueErrors"),
    ("math.isclose", "math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)", "CPython's test (infinities only close to "
                                                                        "themselves, NaN to nothing)"),
    ("int.bit_length", "n.bit_length()", "the bits of abs(n) (0 for 0)"),
    ("int.bit_count", "n.bit_count()", "the one bits of abs(n)"),
    ("float.is_integer", "x.is_integer()", "whether a finite float has no fractional part"),
]

for _spelling, _sig, _doc in _FUNCTIONS:
    add(Op(f"pymath.{_spelling.rpartition('.')[2]}", spellings=(_spelling,), check=_CHECK, group="pymath",
           signature=_sig, doc=_doc, data={"kind": _spelling.rpartition(".")[2]}))
