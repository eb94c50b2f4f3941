"""Typed IR → the textual LLVM IR of a whole extension module, in three stages: the ABI
stage's plan of body variants, the lowering of the native bodies, the ABI stage's entry
points and module definition (runtime helpers are linked in later by the back end)."""
from __future__ import annotations

from fastext.compiler import ir


def lower_module(module: ir.Module, *, boundscheck: bool = True, profile: bool = False, triple: str = "",
                 datalayout: str = "", gpu_descriptor: bytes | None = None, host_features: str | None = None,
                 timed=None, debug_path: str | None = None) -> str:
    """The module's LLVM IR text; `timed(stage, fn, *args)` (default: a plain call) runs each
    stage, so the driver can time "lower" and "abi" apart."""
    from fastext.abi import stage as abi
    from fastext.compiler.lower.module import guarded, lower_bodies, module_text, new_context
    run = timed or (lambda _name, fn, *args: fn(*args))
    module, ctx = new_context(module, boundscheck=boundscheck, profile=profile, triple=triple,
                              datalayout=datalayout, host_features=host_features, debug_path=debug_path)
    plan = run("abi", guarded, ctx, abi.plan, module, ctx)
    run("lower", guarded, ctx, lower_bodies, module, ctx)
    run("abi", guarded, ctx, abi.build, module, ctx, plan, gpu_descriptor)
    return run("lower", guarded, ctx, module_text, ctx)
