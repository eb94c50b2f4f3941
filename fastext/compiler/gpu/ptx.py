"""NVPTX back end: the LLVM IR of `gpu/lower.py` → optimised PTX text, one per GPU architecture.

For each architecture (`sm_80`, `sm_90`, … from `Options.gpu_archs`) the module is
parsed, libdevice is linked when `math` is used, the new pass manager runs the O3
pipeline with the NVPTX target machine of that architecture (so NVVMReflect,
infer-address-spaces and the NVPTX-specific passes run), and the assembly printer
writes PTX.  The PTX ISA version is `PTX_FEATURE`: 7.8, the lowest that `sm_90`
accepts, so the PTX loads on every driver since CUDA 11.8 (and ptxas 12/13 accept it).
"""
from __future__ import annotations

import functools

PTX_FEATURE = "+ptx78"
TRIPLE = "nvptx64-nvidia-cuda"


class LibdeviceMissing(Exception):
    """`math` is used in GPU code but no CUDA toolkit (libdevice) was found."""


@functools.cache
def _init() -> None:
    import llvmlite.binding as llvm
    llvm.initialize_all_targets()
    llvm.initialize_all_asmprinters()


@functools.cache
def target_machine(arch: str, opt_level: int = 3):
    """The NVPTX target machine for one architecture (`sm_80`, `sm_90`, …)."""
    import llvmlite.binding as llvm
    _init()
    target = llvm.Target.from_triple(TRIPLE)
    return target.create_target_machine(cpu=arch, features=PTX_FEATURE, opt=min(opt_level, 3))


def datalayout() -> str:
    return str(target_machine("sm_80").target_data)


def compile_ptx(ir_text: str, arch: str, *, opt_level: int = 3, libdevice: str | None = None) -> str:
    """One architecture's PTX for the NVPTX module `ir_text` (libdevice linked when given)."""
    import llvmlite.binding as llvm
    tm = target_machine(arch, opt_level)
    mod = llvm.parse_assembly(ir_text)
    mod.triple = TRIPLE
    mod.data_layout = str(tm.target_data)
    if libdevice is not None:
        from fastext.compiler.gpu.libdevice import link_into
        link_into(mod, libdevice, tm)
    mod.verify()
    pto = llvm.PipelineTuningOptions(speed_level=opt_level)
    if opt_level >= 2:
        pto.loop_unrolling = True
        pto.slp_vectorization = True     # NVPTX vectorises adjacent loads (ld.v2/v4)
    pb = llvm.create_pass_builder(tm, pto)
    pb.getModulePassManager().run(mod, pb)
    return tm.emit_assembly(mod)
