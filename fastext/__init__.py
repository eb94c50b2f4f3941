"""fastext: import typed Python (`.fx`) files as native CPython extension modules.

    import kernels        # compiles kernels.fx (cached) and imports the extension
    import kernels.fx     # the same, spelled after the file

Importing fastext installs the import hook (idempotent).  The scalar types and
`prange` below are what `.fx` files import; they also work under plain CPython,
which is how a `.fx` module runs with compilation off (FASTEXT_DISABLE=1).
"""
from fastext.dialect import (  # noqa: F401  (re-exported dialect names)
    ArrayType, ScalarType, f32, f64, i8, i16, i32, i64, prange, u8, u16, u32, u64,
)
from fastext.importer.finder import disable, enable, install, is_installed, uninstall  # noqa: F401

__version__ = "0.1.0"

install()
