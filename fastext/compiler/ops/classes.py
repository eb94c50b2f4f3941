"""Operations on instances of plain classes (frontend/classes.py, frontend/dunders.py).

Operators and special methods become native calls of the class's methods, so the only
operation of their own is identity: `a == b` of a class without `__eq__` (and `a is b`).
"""
from __future__ import annotations

from fastext.compiler.ops import Op, add
from fastext.compiler.ops import deferred as _lower

add(Op("record.same", lower=_lower("fastext.compiler.lower.structs", "lower_same"), group="classes",
       doc="a is b of two records: the same record (Python's identity)"))
add(Op("record.none", lower=_lower("fastext.compiler.lower.structs", "lower_none"), group="classes",
       doc="None as a reference to an instance of a class (a null record pointer)"))
add(Op("record.is_none", lower=_lower("fastext.compiler.lower.structs", "lower_is_none"), group="classes",
       doc="x is None of a reference to an instance of a class"))
