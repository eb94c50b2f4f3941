"""Hints for names the checker does not know: a missing import, or a misspelling.

A name that is not defined is most often one of two mistakes, and the hint says which:
a name the dialect knows but the file never imported (`i32` without
`from fastext import i32`, `math.sqrt` without `import math`), or a misspelt name
(`totl` for `total`), answered with the closest names in scope.
"""
from __future__ import annotations

import difflib
from typing import Iterable

from fastext.compiler.builtins import BUILTIN_FUNCS, FASTEXT_NAMES, MATH_CONSTANTS, MATH_FUNCS
from fastext.compiler.types import DIALECT_SCALARS

# Modules a .fx file may import, by the names people write them under.
MODULE_IMPORTS = {
    "math": "import math",
    "cmath": "import cmath",
    "np": "import numpy as np",
    "numpy": "import numpy",
    "fastext": "import fastext",
    "gpu": "from fastext import gpu",
    "random": "import random",
    "time": "import time",
}


def missing_import(name: str) -> str | None:
    """The import statement that would define `name`, if it is a name the dialect knows."""
    if name in MODULE_IMPORTS:
        return MODULE_IMPORTS[name]
    if name in DIALECT_SCALARS or name in FASTEXT_NAMES:
        return f"from fastext import {name}"
    if name in MATH_FUNCS or name in MATH_CONSTANTS:
        return f"from math import {name}"
    return None


def close_names(name: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    """Names in `candidates` that look like a misspelling of `name`, best first."""
    pool = sorted({c for c in candidates if c and c != name and not c.startswith("$")})
    return difflib.get_close_matches(name, pool, n=limit, cutoff=0.7)


def did_you_mean(names: list[str]) -> str:
    """`did you mean `a`?` / `did you mean `a` or `b`?`."""
    shown = [f"`{n}`" for n in names]
    return "did you mean " + (" or ".join([", ".join(shown[:-1]), shown[-1]]) if len(shown) > 1 else shown[0]) + "?"


def unknown_name_hint(name: str, candidates: Iterable[str], default: str) -> str:
    """The hint for `name` being undefined: the missing import, a did-you-mean, else `default`."""
    statement = missing_import(name)
    if statement is not None:
        return f"`{name}` is not imported: add `{statement}` at the top of the file"
    close = close_names(name, candidates)
    if close:
        return did_you_mean(close)
    return default


def names_in_scope(checker) -> list[str]:
    """Every name a function body can refer to: its locals and parameters, the module's names, builtins."""
    return [*checker.vars, *checker.scope.names, *BUILTIN_FUNCS]
