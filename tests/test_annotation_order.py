"""The compiler rejects what plain Python rejects: names evaluated before they are bound.

A `@struct` method annotated with its own class (`def add(self, o: P) -> f64`) compiled,
but without `from __future__ import annotations` the same file raises NameError as plain
Python (before 3.14, annotations are evaluated when the `def` runs, inside the class body).
So do annotations naming a struct defined further down, and defaults naming a later
constant.  The golden file is tests/fx/bad/annotation_order.fx (test_diagnostics.py).
"""
from __future__ import annotations

import os
import sys

import pytest

import fxload
from fastext.compiler.diagnostics import CompileError
from fastext.compiler.driver import compile_source

BAD = os.path.join(fxload.FX_DIR, "bad", "annotation_order.fx")
METHOD = """
from fastext import f64, struct

@struct
class P:
    x: f64

    def add(self, o: P) -> f64:
        return self.x + o.x

def use(a: P, b: P) -> f64:
    return a.add(b)
"""


@pytest.mark.skipif(sys.version_info >= (3, 14), reason="Python 3.14 evaluates annotations lazily")
def test_plain_python_raises_name_error():
    with pytest.raises(NameError):
        fxload.interpreted(BAD)


@pytest.mark.skipif(sys.version_info >= (3, 14), reason="Python 3.14 evaluates annotations lazily")
def test_own_class_annotation_is_an_error():
    with pytest.raises(CompileError) as info:
        compile_source(METHOD, "m.fx", "m")
    (d,) = info.value.diagnostics
    assert "`P` is not bound yet while the body of class `P` runs" in d.message
    assert "from __future__ import annotations" in d.hint


def test_future_import_or_quotes_compile():
    compile_source("from __future__ import annotations\n" + METHOD, "m.fx", "m")
    compile_source(METHOD.replace("o: P)", "o: 'P')"), "m.fx", "m")


def test_default_naming_a_later_constant_fails_with_the_future_import_too():
    src = "from __future__ import annotations\nfrom fastext import i64\n\n" \
          "def f(n: i64 = N) -> i64:\n    return n\n\nN = 3\n"
    with pytest.raises(CompileError, match="`N` is defined further down the module"):
        compile_source(src, "m.fx", "m")
