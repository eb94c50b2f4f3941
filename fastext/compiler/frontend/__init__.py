"""Front end: `.fx` source → typed IR (`ir.Module`) plus diagnostics.

`graph.py` holds the module and the `.fx` modules it imports; `module.py` reads
each file's top level (imports, constants, signatures); `function.py`
checks statements and locals of each body, `expressions.py` types expressions,
`calls.py` types calls; `annotations.py` resolves type annotations.
"""
from fastext.compiler.frontend.graph import check_source

__all__ = ["check_source"]
