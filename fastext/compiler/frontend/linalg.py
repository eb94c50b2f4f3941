"""Linear algebra: `a @ b`, `np.dot`, `np.matmul`, ... (typing)."""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker


def matmul(fc: "FunctionChecker", left: ir.Expr, right: ir.Expr, node: ast.AST) -> ir.Expr:
    raise fc.error(node, "matrix products (@) are not supported yet", "write the loops")
