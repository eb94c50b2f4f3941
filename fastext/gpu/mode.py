"""Whether launches and device arrays are emulated on the CPU or go to a GPU through cuda-python.

`emulate(True)` / FASTEXT_GPU_EMULATE=1: always emulate.  `emulate(False)` /
FASTEXT_GPU_EMULATE=0: always use the GPU (an error where there is none).  Default (`None`):
use the GPU when cuda-python imports and finds a device, else emulate, saying so once with a
`gpu.EmulationWarning`.  The automatic choice is made on the first launch or device array,
never at import (importing fastext.gpu loads neither cuda-python nor the driver).
"""
from __future__ import annotations

import os
import warnings


class EmulationWarning(UserWarning):
    """Kernels run in the CPU emulator because no usable GPU was found."""


class PerformanceWarning(UserWarning):
    """A launch did work the caller can avoid (e.g. copying NumPy arrays to and from the GPU)."""


class _State:
    forced: bool | None = None     # emulate(True/False); None: from the environment or automatic
    resolved: bool | None = None   # the decision in force, made on first use
    reason: str = ""


state = _State()


def _from_env() -> bool | None:
    value = os.environ.get("FASTEXT_GPU_EMULATE", "").strip().lower()
    if value in ("", "auto"):
        return None
    return value not in ("0", "false", "no", "off")


def emulate(on: bool | None = True) -> None:
    """Emulate kernels on the CPU (`True`), launch them on the GPU (`False`), or choose
    automatically (`None`, the default).  Device arrays made before the switch keep their kind."""
    if on is not None and not isinstance(on, bool):
        raise TypeError(f"emulate() takes True, False or None, got {type(on).__name__}")
    state.forced = on
    state.resolved = None


def emulating() -> bool:
    """Whether launches and new device arrays are emulated now (decides automatically on first call)."""
    resolved = state.resolved
    if resolved is not None:
        return resolved
    choice = state.forced if state.forced is not None else _from_env()
    if choice is None:
        from fastext.gpu import driver

        reason = driver.unavailable_reason()
        choice = reason is not None
        if choice:
            warnings.warn(f"fastext.gpu: no usable GPU ({reason}); kernels run in the CPU emulator "
                          f"(set FASTEXT_GPU_EMULATE=1 to choose this explicitly)", EmulationWarning, stacklevel=3)
    state.resolved = choice
    return choice
