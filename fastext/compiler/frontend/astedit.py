"""What the rewrites of a module's AST before it is read share (records.py, memoize.py,
enums.py): replacing statements one by one with errors collected, dropping imported names
the rewrite replaces, and giving made nodes the source position of what they stand for (so
errors in them point at the user's line)."""
from __future__ import annotations

import ast
import copy
from typing import Callable

from fastext.compiler.diagnostics import FxSyntaxError


def each_statement(tree: ast.Module, convert: Callable[[ast.stmt], list[ast.stmt]]) -> list[FxSyntaxError]:
    """`tree.body` with each statement replaced by what `convert` makes of it (a list: empty
    drops it); a statement whose conversion raises is left out, its error returned."""
    errors: list[FxSyntaxError] = []
    body: list[ast.stmt] = []
    for stmt in tree.body:
        try:
            body += convert(stmt)
        except FxSyntaxError as e:
            errors.append(e)
    tree.body = body
    return errors


def without_imports(stmt: ast.stmt, names: dict[str, tuple[str, ...]], modules: tuple[str, ...] = ()) -> list[ast.stmt]:
    """`stmt` without the names the rewrite replaces: `names` per module for `from module
    import ...` (`{"functools": ("lru_cache",)}`; None: all of them), `modules` for `import
    module`.  [] when nothing of the import is left."""
    if isinstance(stmt, ast.Import):
        kept = [a for a in stmt.names if a.name not in modules]
    elif isinstance(stmt, ast.ImportFrom) and not stmt.level and stmt.module in names:
        gone = names[stmt.module]
        kept = [a for a in stmt.names if gone is not None and a.name not in gone]
    else:
        return [stmt]
    if not kept:
        return []
    if len(kept) == len(stmt.names):
        return [stmt]
    stmt = copy.copy(stmt)
    stmt.names = kept
    return [stmt]


def located(new, at: ast.AST):
    """`new` (a node or a list of nodes), its nodes without a position given `at`'s."""
    for node in new if isinstance(new, list) else [new]:
        for sub in ast.walk(node):
            if not hasattr(sub, "lineno") and isinstance(sub, (ast.expr, ast.stmt, ast.arg, ast.keyword)):
                ast.copy_location(sub, at)
        ast.fix_missing_locations(node)
    return new
