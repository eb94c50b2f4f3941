"""Programs written the way plain Python is written (pyperformance's and the Benchmarks Game's
styles: classes without annotations, module constants bound together, star unpacking, ...),
compiled and run against the same source under plain Python: byte-identical stdout.  Each
`.fx` under tests/fx/probes_r4/ names its arguments on an `# ARGS:` line."""
from __future__ import annotations

import contextlib
import io
import os
import re

import pytest

import fxload
from fastext.compiler.diagnostics import CompileError

FOLDER = os.path.join(fxload.FX_DIR, "probes_r4")
PROGRAMS = sorted(f for f in os.listdir(FOLDER) if f.endswith(".fx"))


def _output(mod, args) -> str:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        result = mod.main(*args)
    return buf.getvalue() + repr(result)


@pytest.mark.parametrize("program", PROGRAMS)
def test_program_prints_what_python_prints(program):
    path = os.path.join(FOLDER, program)
    with open(path) as f:
        args = eval("(" + re.search(r"# ARGS: (.*)", f.read()).group(1) + ",)")
    want = _output(fxload.interpreted(path), args)
    got = _output(fxload.compiled(path), args)
    assert got == want


def _compile_error(tmp_path, source: str) -> str:
    path = tmp_path / "bad_probe.fx"
    path.write_text(source)
    with pytest.raises(CompileError) as err:
        fxload.compiled(str(path))
    return str(err.value)


def test_none_default_read_before_it_is_replaced_is_located(tmp_path):
    """A left-out None default the body reads as None (tests/test_idioms_r5.py has the supported
    `if b is None: b = ...`)."""
    text = _compile_error(tmp_path, "def mix(a, b=None):\n    return a + b\n\n\ndef main(n: int) -> int:\n"
                                    "    return mix(n)\n")
    assert "bad_probe.fx:2:16:" in text and "`b` is None here" in text and "hint:" in text


def test_reversed_as_a_plain_value_is_located(tmp_path):
    text = _compile_error(tmp_path, "def main(n: int) -> bool:\n    xs = [n, 1]\n    r = reversed(xs)\n"
                                    "    return r == xs\n")
    assert "bad_probe.fx:3:9:" in text and "xs[::-1]" in text


def test_compiled_class_with_inferred_constructor_is_usable_from_python():
    """`Record`'s __init__ parameters were typed from their defaults and the module's calls: the
    compiled module's class is built from Python as the interpreted one is."""
    path = os.path.join(FOLDER, "records.fx")
    native, plain = fxload.compiled(path), fxload.interpreted(path)
    a, b = native.Record(1, 2, 3), plain.Record(1, 2, 3)
    assert (a.discr, a.enum_comp, a.int_comp) == (b.discr, b.enum_comp, b.int_comp)
