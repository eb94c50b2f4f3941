"""The ABI layer: LLVM IR for module init, method table, argument unboxing, result boxing.

Generated code uses only the CPython Limited API (3.11), so one object serves
every later CPython as an abi3 extension.
"""
