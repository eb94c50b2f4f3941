"""Front end: `.fx` source → typed IR (`ir.Module`) plus diagnostics.

`module.py` reads the top level (imports, constants, signatures); `function.py`
checks and types each function body; `annotations.py` resolves type annotations.
"""
from fastext.compiler.frontend.module import check_source

__all__ = ["check_source"]
