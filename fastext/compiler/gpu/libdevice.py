"""libdevice: NVIDIA's bitcode library of device math (`__nv_exp`, `__nv_sin`, …), from the CUDA toolkit.

`find()` looks where a CUDA toolkit keeps it (`config.cuda_roots()`: CUDA_HOME,
CUDA_PATH, the toolkit of a `ptxas`/`nvcc` on PATH, the usual prefixes); `link_into`
links it into an NVPTX module, makes its functions internal and drops the ones the
module does not call, so the O3 pipeline only sees what is used.
"""
from __future__ import annotations

import functools
import glob
import os

CANDIDATES = ("nvvm/libdevice/libdevice.10.bc", "nvvm/libdevice/libdevice*.bc", "libdevice/libdevice.10.bc")


@functools.cache
def find() -> str | None:
    """The path of libdevice.10.bc, or None when no CUDA toolkit is found."""
    from fastext import config
    for root in config.cuda_roots():
        for pattern in CANDIDATES:
            hits = sorted(glob.glob(os.path.join(root, pattern)))
            if hits:
                return hits[-1]
    return None


@functools.cache
def _bitcode(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def link_into(mod, path: str, tm) -> None:
    """Link libdevice into the llvmlite ModuleRef `mod`; keep only the functions it reaches.

    `tm`: the NVPTX target machine the module is built for (the pass builder needs one).
    """
    import llvmlite.binding as llvm
    lib = llvm.parse_bitcode(_bitcode(path))
    lib.triple = mod.triple          # libdevice says nvptx64-nvidia-gpulibs
    lib.data_layout = mod.data_layout
    own = {fn.name for fn in mod.functions if not fn.is_declaration}
    mod.link_in(lib)
    for fn in mod.functions:
        if not fn.is_declaration and fn.name not in own:
            fn.linkage = llvm.Linkage.internal
    for gv in mod.global_variables:
        if not gv.is_declaration and gv.name.startswith("__nv"):
            gv.linkage = llvm.Linkage.internal
    pm = llvm.create_new_module_pass_manager()
    pm.add_global_dead_code_eliminate_pass()
    pm.run(mod, llvm.create_pass_builder(tm, llvm.PipelineTuningOptions()))
