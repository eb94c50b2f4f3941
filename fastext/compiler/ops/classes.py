"""Operations on instances of plain classes (frontend/classes.py, frontend/dunders.py).

Operators and special methods become native calls of the class's methods, so the operations of
their own are identity (`a == b` of a class without `__eq__`, `a is b`), None, and what single
inheritance needs (frontend/inherit.py): casts within a hierarchy, isinstance, class constants.
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
add(Op("record.cast", lower=_lower("fastext.compiler.lower.structs", "lower_cast"), group="classes",
       doc="a reference to an instance as one to a class of its hierarchy (a pointer cast; frontend/inherit.py)"))
add(Op("record.isa", lower=_lower("fastext.compiler.lower.structs", "lower_isa"), group="classes",
       doc="isinstance(x, C): x is not None and its record's class id is one of C's subtree"))
add(Op("record.downcast", lower=_lower("fastext.compiler.lower.structs", "lower_downcast"), group="classes",
       pure=False, doc="a base reference as a subclass's (`Sub.m(x)`): TypeError for a record of another class"))
add(Op("record.classconst", lower=_lower("fastext.compiler.lower.structs", "lower_classconst"), group="classes",
       pure=False, doc="self.NAME of a class constant that subclasses override: chosen by the record's class id"))
