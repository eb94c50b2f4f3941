"""Front end: `.fx` source → typed IR (`ir.Module`) plus diagnostics.

`module.py` reads the top level (imports, constants, signatures); `function.py`
checks statements and locals of each body, `expressions.py` types expressions,
`calls.py` types calls; `annotations.py` resolves type annotations.
"""
from fastext.compiler.frontend.module import check_source

__all__ = ["check_source"]
