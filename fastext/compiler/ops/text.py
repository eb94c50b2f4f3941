"""Operations on `str` values and the Python builtins text needs (docs/language.md, "Strings").

A `str` value is an owned reference to a Python `str` (`types.STRV`); every operation here is
one call of CPython's C API on boxed operands, so results are CPython's by construction.  The
typing lives in `frontend/text.py` (operators, methods, f-strings, builtins) and
`frontend/printing.py` (`print`, `sys`); the lowering in `lower/text.py`.  All of them keep
the GIL (`needs_gil`), as every function touching an object does.
"""
from __future__ import annotations

from fastext.compiler.ops import Op, add
from fastext.compiler.ops import deferred as _lower

_TEXT = "fastext.compiler.lower.text"

for _name, _doc in (
        ("text.add", "a + b with a str operand (PyNumber_Add; s += t of a str local: PyUnicode_Append, "
                     "or a loop's byte buffer: lower/strbuild.py)"),
        ("text.mul", "s * n (PyNumber_Multiply)"),
        ("text.mod", "printf-style formatting: fmt % args (PyNumber_Remainder: PyUnicode_Format)"),
        ("text.str", "str(x) (PyObject_Str)"),
        ("text.repr", "repr(x) (PyObject_Repr)"),
        ("text.ascii", "ascii(x) (PyObject_ASCII)"),
        ("text.format", "format(x, spec), an f-string field (PyObject_Format)"),
        ("text.compare", "== != < <= > >= of two strings (PyObject_RichCompareBool)"),
        ("text.slice", "s[a:b:c] (PySlice_New, PyObject_GetItem; s[a:b] of ints: PyUnicode_Substring)"),
        ("text.concat", "the pieces of an f-string joined (PyUnicode_Join)"),
        ("text.tuple", "the right side of fmt % (a, b): a tuple of boxed values"),
        ("py.builtin", "a builtin function of Python (print, hex, int, ...), looked up in builtins"),
        ("text.tobase", "hex/oct/bin(n) (PyNumber_ToBase, as the builtins)"),
        ("text.int_base", "int(s, base): PyLong_FromString on ASCII text, the builtin int() otherwise"),
        ("py.sys", "sys.stdout / sys.stderr / sys.stdin, read with PySys_GetObject at each use"),
        ("py.excclass", "an exception class of the module (`class E(ValueError): pass`): PyErr_NewException "
                        "once, then kept"),
        ("py.import", "a Python module `.fx` code imports (`import re`): PyImport_Import at the first use, "
                      "then kept"),
        ("text.view", "a str value passed to a `str` parameter: its characters (ASCII in place, else UCS-4)")):
    add(Op(_name, lower=_lower(_TEXT, "lower_text"), lazy=True, pure=False, needs_gil=True,
           group="str", doc=_doc))
