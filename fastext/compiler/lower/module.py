"""Lowers a checked `ir.Module`: native bodies, then the ABI layer's entry points and init."""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler.lower.context import ModuleContext
from fastext.compiler.lower.function import FunctionLowering, native_signature

def lower_module(module: ir.Module, *, boundscheck: bool = True, triple: str = "", datalayout: str = "") -> str:
    """Typed IR → textual LLVM IR of the whole extension (runtime helpers not yet linked)."""
    from fastext.abi.capi import CApi
    from fastext.abi.moduledef import build_module_def
    from fastext.abi.wrapper import WrapperBuilder

    llmod = ll.Module(name=module.name)
    llmod.triple = triple or llmod.triple
    llmod.data_layout = datalayout
    ctx = ModuleContext(llmod, boundscheck=boundscheck)
    for fn in module.functions.values():
        llfn = ll.Function(llmod, native_signature(fn), f"fx.{fn.name}")
        llfn.linkage = "internal"
        ctx.functions[fn.name] = llfn
    for fn in module.functions.values():
        FunctionLowering(ctx, fn).lower()
    api = CApi(llmod)
    runtime = _declare_runtime(llmod)
    wb = WrapperBuilder(ctx, api, runtime)
    wrappers = {fn.name: wb.build(fn) for fn in module.exported()}
    init_names = [module.name] + (["fx"] if module.name != "fx" else [])
    build_module_def(ctx, api, module, wrappers, init_names)
    return str(llmod)


def _declare_runtime(llmod: ll.Module) -> dict[str, ll.Function]:
    from fastext.abi.capi import I32, I64, OBJ
    ptr = OBJ
    sigs = {
        "fx_parse_args": (I32, [ptr, I64, ptr, ptr, I64, I64, ptr, ptr]),
        "fx_unbox_int_slow": (I32, [ptr, I64, I64, ptr, ptr, ptr, ptr]),
        "fx_unbox_u64_slow": (I32, [ptr, ptr, ptr, ptr, ptr]),
        "fx_unbox_f64_slow": (I32, [ptr, ptr, ptr, ptr, ptr]),
        "fx_unbox_bool_slow": (I32, [ptr, ptr, ptr, ptr, ptr]),
        "fx_get_buffer": (I32, [ptr, ptr, I32, I64, I32, I32, ptr, ptr, ptr]),
        "fx_release": (ll.VoidType(), [ptr]),
        "fx_raise": (ptr, [ptr]),
    }
    return {name: ll.Function(llmod, ll.FunctionType(ret, args), name) for name, (ret, args) in sigs.items()}
