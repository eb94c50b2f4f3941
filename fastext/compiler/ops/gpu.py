"""The `gpu.*` operations of kernels (typed in `frontend/gpu.py`, lowered only by
`fastext/compiler/gpu/lower.py`: they have no CPU lowering)."""
from __future__ import annotations

from fastext.compiler.ops import Op, add


def _gpu(fl, e, args):
    return fl.gpu_intrinsic(e)


for _reg in ("tid", "ctaid", "ntid", "nctaid"):
    for _axis in "xyz":
        add(Op(f"gpu.sreg.{_reg}.{_axis}", gpu=_gpu, group="gpu"))
add(Op("gpu.sreg.laneid", gpu=_gpu, group="gpu"))
add(Op("gpu.syncthreads", gpu=_gpu, pure=False, group="gpu"))
add(Op("gpu.shared.array", gpu=_gpu, pure=False, group="gpu"))
for _name in ("atomic_add", "atomic_min", "atomic_max", "atomic_cas"):
    add(Op(f"gpu.{_name}", gpu=_gpu, writes=(0,), pure=False, group="gpu"))
for _name in ("shfl_down", "shfl_up", "shfl_xor", "shfl"):
    add(Op(f"gpu.{_name}", gpu=_gpu, pure=False, group="gpu"))
