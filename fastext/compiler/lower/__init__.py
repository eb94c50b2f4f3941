"""Typed IR → LLVM IR (llvmlite.ir): the native bodies.

`context.py` holds the per-module state (types, declarations, the error record);
`function.py` lowers statements and expressions; `arith.py` holds the numeric
operations with Python's meaning (floor division, modulo, power, shifts, casts).
Native function ABI: `i32 @fx.NAME(err*, params...)`, or `{i32, T}` for a result of
type T (status and result in registers); status 0 on success, 1 after filling `err`
(raised later, with the GIL held, by the entry points of the ABI stage, `fastext/abi/`).
This package never imports `fastext.abi`: the ABI stage runs after it (compiler/emit.py).
"""
from fastext.compiler.lower.module import LoweringError, lower_bodies, new_context

__all__ = ["LoweringError", "lower_bodies", "new_context"]
