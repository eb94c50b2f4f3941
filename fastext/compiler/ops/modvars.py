"""Module-level containers (frontend/module_containers.py): reading and binding the one native
value a module-level name such as `SYSTEM = list(BODIES.values())` holds.

`module.load` reads the module's global (attrs `name`: its qualified name); `module.store`
(only in the module's init function) binds it.  The value never changes after the init, so
a load is pure."""
from __future__ import annotations

from fastext.compiler.ops import Op, add
from fastext.compiler.ops import deferred as _lower

_LOWER = _lower("fastext.compiler.lower.module_containers", "lower_modvar")

add(Op("module.load", lower=_LOWER, group="lists", doc="a module-level container's value"))
add(Op("module.store", lower=_LOWER, pure=False, group="lists", doc="binds a module-level container (the init)"))

# module numbers that functions assign (`global COUNT`; frontend/module_scalars.py): attrs `name`
# and `init` (the constant the global starts from)
add(Op("modscalar.load", lower=_LOWER, pure=False, group="lists",     # (not pure: functions store it)
       doc="a module variable's current value"))
add(Op("modscalar.store", lower=_LOWER, pure=False, needs_gil=True, group="lists",
       doc="assigns a module variable (the GIL kept: Python threads see each update whole)"))

# module str values that functions assign (`global Char1Glob`): a global PyObject* holding one
# reference, made from the literal `init` at its first use; the arguments are lowered by the
# operation itself, which owns references as lower/objects.py says
_LOWER_STR = _lower("fastext.compiler.lower.module_containers", "lower_modstr")
add(Op("modstr.load", lower=_LOWER_STR, pure=False, lazy=True, group="lists",
       doc="a module str variable's current value (a new reference)"))
add(Op("modstr.store", lower=_LOWER_STR, pure=False, lazy=True, needs_gil=True, group="lists",
       doc="assigns a module str variable"))
