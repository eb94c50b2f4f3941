"""The GPU half of a compile: kernels → PTX per architecture → the descriptor the CPU module embeds.

`compile_gpu` runs after the front end and analysis (the same typed IR as the CPU
lowering): `gpu/lower.py` builds one NVPTX module, `gpu/ptx.py` turns it into PTX for
every architecture of `Options.gpu_archs`, and the descriptor (docs/gpu.md, format
version 1) records the PTX and each kernel's entry symbol, parameter types, the array
parameters it writes and its docstring.  The ABI layer (`abi/gpu.py`) embeds it.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field

from fastext.compiler import ir
from fastext.compiler.diagnostics import CompileError, Diagnostic
from fastext.compiler.source import SourceFile, Span
from fastext.config import Options

DESCRIPTOR_VERSION = 1
ARCH_RE = re.compile(r"^sm_\d{2,3}[a-z]?$")


@dataclass
class GpuArtifact:
    ptx: dict[str, str] = field(default_factory=dict)     # architecture → PTX text
    descriptor: bytes = b""                                # UTF-8 JSON, embedded in the CPU module
    timings: dict[str, float] = field(default_factory=dict)


def compile_gpu(module: ir.Module, options: Options, source: SourceFile) -> GpuArtifact:
    """PTX of every kernel of `module` for each architecture of `options`, and the descriptor.

    Raises CompileError for what the user must fix (an unknown architecture, `math` in
    GPU code without a CUDA toolkit's libdevice)."""
    from fastext.compiler.frontend.gpu import kernel_functions
    from fastext.compiler.gpu import ptx
    from fastext.compiler.gpu.lower import kernel_symbol, lower_gpu_module

    kernels = kernel_functions(module)
    first = kernels[0].span if kernels else Span(source.path, 1, 0, 1, 1)
    for arch in options.gpu_archs:
        if not ARCH_RE.match(arch):
            _fail(source, module, first, f"unknown GPU architecture `{arch}`",
                  "architectures are named sm_XY, e.g. sm_80 (A100) or sm_90 (H100/H200): "
                  "set FASTEXT_GPU_ARCHS=sm_80,sm_90")
    text, uses = lower_gpu_module(module, boundscheck=options.boundscheck, datalayout=ptx.datalayout())
    libdevice = None
    if uses:
        from fastext.compiler.gpu.libdevice import find
        libdevice = find()
        if libdevice is None:
            name, span = next(iter(uses.items()))
            _fail(source, module, span or first,
                  f"{name.removeprefix('__nv_')}() in GPU code needs libdevice from the CUDA toolkit, "
                  "which was not found",
                  "install the CUDA toolkit, or set CUDA_HOME to it (libdevice is nvvm/libdevice/libdevice.10.bc)")
    out = GpuArtifact()
    for arch in options.gpu_archs:
        out.ptx[arch] = ptx.compile_ptx(text, arch, opt_level=options.opt_level, libdevice=libdevice)
    out.descriptor = describe(module, out.ptx, {fn.name: kernel_symbol(fn.name) for fn in kernels})
    return out


def describe(module: ir.Module, ptx_by_arch: dict[str, str], symbols: dict[str, str]) -> bytes:
    """The descriptor JSON (docs/gpu.md, "What compiles to what", step 6): what `fastext.gpu._bind` reads."""
    kernels = {}
    for name, symbol in symbols.items():
        fn = module.functions[name]
        kernels[name] = {
            "symbol": symbol,
            "params": [[p.var.name, str(p.var.type)] for p in fn.params],
            "writes": [fn.params[k].var.name for k in sorted(fn.writes)],
            "doc": fn.doc or "",
        }
    data = {"version": DESCRIPTOR_VERSION, "module": module.name, "source": os.path.abspath(module.path),
            "ptx": ptx_by_arch, "kernels": kernels}
    return json.dumps(data, indent=None, sort_keys=False).encode("utf-8")


def _fail(source: SourceFile, module: ir.Module, span: Span, message: str, hint: str):
    raise CompileError([Diagnostic(span, message, hint)], source, name=module.name)
