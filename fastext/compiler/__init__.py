"""The `.fx` compiler: parse → check/type → lower → optimize → emit → link.

Stages (one module each): `frontend` (ast → typed IR, diagnostics), `analysis`
(facts the ABI needs), `verify` (IR invariants), `lower` (typed IR → LLVM IR),
`backend` (optimize, emit object/asm), `link` (object → shared object), `jit`
(object → in-process module when no linker exists).  `driver` runs them in order.
"""
