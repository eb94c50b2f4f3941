"""Source files and spans: every diagnostic and IR node points back into the `.fx` text."""
from __future__ import annotations

import ast
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A region of a source file; lines are 1-based, columns 0-based (as in `ast`)."""

    file: str
    line: int
    col: int
    end_line: int
    end_col: int

    @staticmethod
    def of(node: ast.AST, file: str) -> "Span":
        line = getattr(node, "lineno", 1) or 1
        col = getattr(node, "col_offset", 0) or 0
        end_line = getattr(node, "end_lineno", None) or line
        end_col = getattr(node, "end_col_offset", None)
        if end_col is None:
            end_col = col + 1
        return Span(file, line, col, end_line, end_col)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col + 1}"


@dataclass(frozen=True)
class SourceFile:
    """The text of one `.fx` file, with line lookup for diagnostics."""

    path: str
    text: str

    def line(self, number: int) -> str:
        lines = self.text.splitlines()
        return lines[number - 1] if 1 <= number <= len(lines) else ""


def without_docstring(body: list[ast.stmt]) -> list[ast.stmt]:
    """The statements of a module, class or function body after its docstring, if any."""
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        return body[1:]
    return body
