"""Programs written the way plain Python is written (pyperformance's and the Benchmarks Game's
styles: classes without annotations, module constants bound together, star unpacking, ...),
compiled and run against the same source under plain Python: byte-identical stdout.  Each
`.fx` under tests/fx/probes_r4/ names its arguments on an `# ARGS:` line."""
from __future__ import annotations

import os

import pytest

import fxload

PROGRAMS = fxload.programs_in("probes_r4")


@pytest.mark.parametrize("program", PROGRAMS)
def test_program_prints_what_python_prints(program):
    fxload.assert_program_like_python("probes_r4", program)


def _compile_error(tmp_path, source: str) -> str:
    return fxload.compile_error(tmp_path, source, "bad_probe")


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
    path = os.path.join(fxload.FX_DIR, "probes_r4", "records.fx")
    native, plain = fxload.compiled(path), fxload.interpreted(path)
    a, b = native.Record(1, 2, 3), plain.Record(1, 2, 3)
    assert (a.discr, a.enum_comp, a.int_comp) == (b.discr, b.enum_comp, b.int_comp)
