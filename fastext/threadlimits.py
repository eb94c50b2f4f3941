"""fastext's prange thread pools as seen by `threadpoolctl` (Dask, joblib, scikit-learn).

Those libraries limit the threads of native code through `threadpoolctl`, which finds the
thread pools of the shared libraries loaded in the process by their file names and symbols.
Every compiled `.fx` module exports `PyInit_fx`; that symbol (with an empty file-name prefix,
since module file names are the user's) picks fastext modules out.  Their pools all follow
one process-wide setting, `FASTEXT_NUM_THREADS` (read by the compiled code at each parallel
loop), so each module's controller reads and writes that setting.

`user_api` is "openmp": prange is OpenMP's parallel-for, and libraries that keep OpenMP
loops from oversubscribing (`threadpool_limits(1, user_api="openmp")`, joblib's workers)
mean these loops too.  The controller is registered when a compiled module is loaded and
`threadpoolctl` is (or later gets) imported (`_fastext_hook._watch_threadpoolctl`); modules
from a wheel used without fastext installed are not registered (OMP_NUM_THREADS still works).
"""
from __future__ import annotations

import os

from fastext import config

_registered = False


def register() -> None:
    """Register the fastext controller with the imported `threadpoolctl` (idempotent)."""
    global _registered
    if _registered:
        return
    import threadpoolctl

    if not hasattr(threadpoolctl, "register"):    # threadpoolctl < 3.3 has no custom controllers
        return
    threadpoolctl.register(_controller_class(threadpoolctl.LibController))
    _registered = True


def _controller_class(base: type) -> type:
    import fastext

    class FastextController(base):
        """The prange pool of one compiled `.fx` module."""
        user_api = "openmp"
        internal_api = "fastext"
        filename_prefixes = ("",)       # any file name; check_symbols decides
        check_symbols = ("PyInit_fx",)

        def get_num_threads(self) -> int:
            return config.num_threads()

        def set_num_threads(self, num_threads: int) -> None:
            # threadpoolctl restores a limit with the count it read: one that came from the
            # CPU count or OMP_NUM_THREADS goes back to being unset, not pinned.
            if num_threads == _implicit_threads():
                os.environ.pop(config.NUM_THREADS_ENV, None)
            else:
                config.set_num_threads(max(1, min(int(num_threads), config.MAX_THREADS)))

        def get_version(self) -> str:
            return fastext.__version__

    return FastextController


def _implicit_threads() -> int:
    """The count prange loops use when FASTEXT_NUM_THREADS is unset."""
    saved = os.environ.pop(config.NUM_THREADS_ENV, None)
    try:
        return config.num_threads()
    finally:
        if saved is not None:
            os.environ[config.NUM_THREADS_ENV] = saved
