"""Typed IR → LLVM IR (llvmlite.ir).

`context.py` holds the per-module state (types, declarations, the error record);
`function.py` lowers statements and expressions; `arith.py` holds the numeric
operations with Python's meaning (floor division, modulo, power, shifts, casts).
Native function ABI: `i32 @fx.NAME(err*, params...)`, or `{i32, T}` for a result of
type T (status and result in registers); status 0 on success, 1 after filling `err`
(raised later, with the GIL held, by abi/).
"""
from fastext.compiler.lower.module import lower_module

__all__ = ["lower_module"]
