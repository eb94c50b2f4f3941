"""Where a `.fx` file's `import other` / `from .other import f` finds `other.fx`.

Shared by the compiler (which reads the file and calls its functions natively) and by
`fastext.load_interpreted` (which runs it as plain Python), so both see the same file.
Plain `os`/`sys` only: importing this must stay cheap.

* relative (`from .other import f`, `from ..pkg.other import f`, `from . import other`):
  from the importing file's folder, one folder up per extra dot;
* absolute (`from other import f`, `import other`, `from pkg.other import f`): the
  importing file's folder first when it is not a regular package (no `__init__.py`,
  i.e. a folder Python puts on `sys.path` to find the importer), then each `sys.path`
  entry in order (`""` is the current folder).

In each folder the first of these wins: a `.py` module, a package folder, an extension
module (what Python would import: reported as "not a .fx module"), then `NAME.fx`.
"""
from __future__ import annotations

import importlib.machinery
import os
import sys


class ResolveError(Exception):
    """The module is not a `.fx` file that can be found; `hint` says what to do."""

    def __init__(self, message: str, hint: str = "", python: bool = False):
        super().__init__(message)
        self.hint = hint
        self.python = python      # Python itself would import the name (a .py module, a package, ...)


def _python_module(folder: str, leaf: str) -> str | None:
    """The file or folder through which Python would import `leaf` from `folder`, if any."""
    for suffix in importlib.machinery.SOURCE_SUFFIXES + importlib.machinery.BYTECODE_SUFFIXES \
            + importlib.machinery.EXTENSION_SUFFIXES:
        candidate = os.path.join(folder, leaf + suffix)
        if os.path.isfile(candidate):
            return candidate
    package = os.path.join(folder, leaf)
    if os.path.isfile(os.path.join(package, "__init__.py")):
        return package + os.sep
    return None


def _in_folder(folder: str, parts: list[str], dotted: str) -> str | None:
    """`folder/a/b.fx` for parts [a, b]; ResolveError if Python would import something else there."""
    *packages, leaf = parts
    base = os.path.join(folder, *packages)
    if packages and not os.path.isdir(base):
        return None
    found = _python_module(base, leaf)
    fx = os.path.join(base, leaf + ".fx")
    if found is not None:
        raise ResolveError(f"cannot import `{dotted}` in a .fx module",
                           f"`{dotted}` is a Python module, not a .fx module: only `math`, `fastext`, `numpy` and .fx "
                           "modules can be imported here; keep other code in a .py module", python=True)
    return fx if os.path.isfile(fx) else None


def search_folders(importer: str) -> list[str]:
    """The folders an absolute import from `importer` looks in, in order."""
    here = os.path.dirname(os.path.abspath(importer))
    folders = [] if os.path.isfile(os.path.join(here, "__init__.py")) else [here]
    for entry in sys.path:
        if isinstance(entry, str):
            folder = os.path.abspath(entry or os.getcwd())
            if folder not in folders:
                folders.append(folder)
    return folders


def resolve(importer: str, module: str, level: int = 0) -> str:
    """The absolute path of the `.fx` file `module` names when imported from `importer`.

    `level` is the number of leading dots.  Raises ResolveError (message + hint).
    """
    parts = [p for p in module.split(".") if p] if module else []
    dotted = "." * level + (module or "")
    if not parts:
        raise ResolveError(f"cannot import the package `{dotted}` itself", "import a .fx module: `from . import other`")
    if level:
        folder = os.path.dirname(os.path.abspath(importer))
        for _ in range(level - 1):
            folder = os.path.dirname(folder)
        found = _in_folder(folder, parts, dotted)
        if found is None:
            raise ResolveError(f"cannot find the .fx module `{dotted}`",
                               f"looked for {os.path.join(folder, *parts)}.fx")
        return found
    for folder in search_folders(importer):
        found = _in_folder(folder, parts, dotted)
        if found is not None:
            return found
    raise ResolveError(f"cannot find the .fx module `{dotted}`",
                       f"looked for {os.path.join(*parts)}.fx beside {os.path.basename(importer)} and on sys.path; "
                       "only `math`, `fastext`, `numpy` and .fx modules can be imported in .fx code",
                       python=parts[0] in sys.builtin_module_names)
