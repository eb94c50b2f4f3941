"""Issue 12 ("Python as people write it") bullet by bullet, as a new user writes it: lists, dicts,
sets and tuples together, functions as values, closures, text formatting and printing, bytes,
`random`, exceptions, mutable structs, and the benchmark programs the issue names.  Each `.fx`
under tests/fx/probes_r6/ is compiled and run against the same source under plain Python: stdout
byte for byte (captured through a binary buffer, so `sys.stdout.buffer.write` is seen in order)
and the returned value; its arguments are on an `# ARGS:` line.  The probe round that wrote them
found the failures the compiler now handles (`x in s` before the first `s.add`, `u = [1] * n`
later bound to floats, printing arrays, `sum(bytearray)`, `all(a >= 0)`, `for op in (f, g)`,
`print(None)`, `[[], [1, 2]]`, `s.partition`, a character passed to a `str` parameter, `k in D` of
a module-level dict, bytes literals and `b"%d" % n`, `for x in pair` of a tuple, tables of
functions `ops = {"+": add}` called as `ops[tok](a, b)`, `key=itemgetter(1)`, `max(xs, default=0)`,
`"%s" % xs`, class fields from comprehensions, tuples of arrays from Python); the rest are located
errors below."""
from __future__ import annotations

import copy
import io
import os
import re
import sys

import pytest

import fxload

FOLDER = "probes_r6"
PROGRAMS = fxload.programs_in(FOLDER)


def _path(program: str) -> str:
    return os.path.join(fxload.FX_DIR, FOLDER, program)


def _run(mod, args: tuple) -> bytes:
    """What `mod.main(*args)` writes to stdout (text and bytes, in order: the bytes may be any),
    then the repr of its result; the arguments are copied, as `main` may change a list it was given."""
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8", write_through=True)
    saved, sys.stdout = sys.stdout, out
    try:
        result = mod.main(*copy.deepcopy(args))
    finally:
        sys.stdout = saved
    out.flush()
    return raw.getvalue() + repr(result).encode("utf-8")


@pytest.mark.parametrize("program", PROGRAMS)
def test_program_prints_what_python_prints(program):
    path = _path(program)
    with open(path, encoding="utf-8") as f:
        args = eval("(" + re.search(r"# ARGS: (.*)", f.read()).group(1) + ",)")
    assert _run(fxload.compiled(path), args) == _run(fxload.interpreted(path), args)


def test_containers_returned_to_python_are_python_containers():
    path = _path("d05_return_containers.fx")
    native, plain = fxload.compiled(path), fxload.interpreted(path)
    for name, args in (("histogram", ([1, 2, 2, 3, 3, 3],)), ("uniq", ([4, 4, 1],)), ("squares", (5,)),
                       ("names", (3,))):
        got, want = getattr(native, name)(*args), getattr(plain, name)(*args)
        assert type(got) is type(want) and got == want


def test_no_leak_over_a_million_calls_returning_containers():
    resource = pytest.importorskip("resource")
    native = fxload.compiled(_path("g06_leak.fx"))
    for _ in range(20_000):
        native.make(3), native.pairs(3), native.sset(3)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for _ in range(1_000_000):
        native.make(3)
    for _ in range(100_000):
        native.pairs(3), native.sset(3)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 8 * 1024    # KiB


def test_raise_with_a_message_built_at_run_time_reaches_python():
    native = fxload.compiled(_path("h10_exc_types.fx"))
    with pytest.raises(ValueError, match="^bad -3$"):
        native.check(-3)
    with pytest.raises(OverflowError, match="^too big: 101$"):
        native.check(101)


def test_array_handed_to_python_code_is_a_copy(tmp_path):
    """`print(a)`, `f"{a}"` and a callback get a new NumPy array holding the items: what the
    callback writes into it does not reach the `.fx` array (docs/language.md)."""
    path = tmp_path / "handed.fx"
    path.write_text("import numpy as np\n\n\ndef apply(cb: object, n: int) -> float:\n"
                    "    a = np.arange(n * 2) * 1.0\n    cb(a[::2])\n    return a.sum()\n")
    seen = []
    assert fxload.compiled(str(path)).apply(lambda v: (seen.append(v.tolist()), v.fill(7.0)), 3) == 15.0
    assert seen == [[0.0, 2.0, 4.0]]


# ---------------------------------------------------------------- what stays a located error

def test_table_of_functions_used_as_a_value_is_located(tmp_path):
    """`ops = [sq, abs]` is iterated, indexed and called, measured: printing it is an error."""
    fxload.assert_located_error(tmp_path, """\
        def sq(x: float) -> float:
            return x * x

        def main(n: int) -> float:
            ops = [sq, abs]
            print(ops)
            return ops[0](1.0)
        """, 6, 11, "`ops` is a table of functions", "for f in ops:")


def test_function_in_a_list_with_a_number_is_located(tmp_path):
    fxload.assert_located_error(tmp_path, """\
        def sq(x: float) -> float:
            return x * x

        def main(n: int) -> float:
            ops = [sq, 1.0]
            return ops[1]
        """, 5, 12, "`sq` is a function, not a value here", "passed to a `.fx` function")


def test_nonlocal_of_a_name_bound_by_unpacking_is_located(tmp_path):
    """`nonlocal` works through a one-item cell made at the enclosing function's first plain `=`
    (tests/test_suites_r7.py); a name first bound otherwise says so."""
    fxload.assert_located_error(tmp_path, """\
        def main(n: int) -> int:
            count, step = 0, 1

            def bump():
                nonlocal count
                count += step

            bump()
            return count
        """, 5, 9, "`nonlocal count`: the enclosing function `main` does not assign it first", "`count = 0`")


def test_rows_of_ints_and_floats_in_one_display_are_located(tmp_path):
    """Python keeps `[1, 2]` as ints beside `[0.5]`: no one native item type prints the same."""
    fxload.assert_located_error(tmp_path, """\
        def main(n: int) -> int:
            rows = [[1, 2], [0.5]]
            return len(rows)
        """, 2, 21, "list items must have one type", "convert the items")


def test_open_is_located(tmp_path):
    fxload.assert_located_error(tmp_path, """\
        def main(n: int) -> int:
            f = open("/dev/null", "w")
            return n
        """, 2, 9, "unknown function `open`", "define it in this module")


def test_bytes_operators_other_than_format_concat_repeat_are_located(tmp_path):
    fxload.assert_located_error(tmp_path, """\
        def main(n: int) -> int:
            b = b"ab" - b"a"
            return n
        """, 2, 9, "unsupported operands for -: bytes", "% (formatting)")


def test_a_class_in_error_is_reported_once(tmp_path):
    """The class's own error only: its calls `Box(n)` add no `unknown function`."""
    text = fxload.compile_error(tmp_path, "class Box:\n    def __init__(self, n: int):\n"
                                          "        self.items = [x for x in {}]\n\n\n"
                                          "def main(n: int) -> int:\n    b = Box(n)\n    return n\n", "bad_class")
    assert "1 error" in text and "bad_class.fx:3:9:" in text and "unknown function" not in text


TUPLE_ARRAYS = """\
import numpy as np
from fastext import f64, i64


def dot_pair(p: tuple[f64[:], f64[:]]) -> f64:
    a, b = p
    return float(np.dot(a, b))


def scale_both(p: tuple[f64[:], f64[:, :]], k: f64) -> f64:
    p[0][:] *= k
    m = p[1]
    m[0, 0] = k
    return p[0].sum() + m.sum()


def nested(t: tuple[i64, tuple[f64[:], i64]]) -> f64:
    n, (a, m) = t
    return a[n] * m


def first(p: tuple[f64[:], f64[:]]) -> f64[:]:
    return p[0]
"""


def test_tuples_of_arrays_are_parameters_from_python(tmp_path):
    """`pair: tuple[f64[:], f64[:]]`: each array item is a buffer of the call, checked and named
    as a parameter is (`'p[1]'`), written through when the function stores into it."""
    import numpy as np
    path = tmp_path / "tuple_arrays.fx"
    path.write_text(TUPLE_ARRAYS)
    native, plain = fxload.compiled(str(path)), fxload.interpreted(str(path))
    pair = (np.ones(3), np.arange(3.0))
    assert native.dot_pair(pair) == plain.dot_pair(pair) == 3.0
    got = [np.ones(3), np.zeros((2, 2))]
    want = [np.ones(3), np.zeros((2, 2))]
    assert native.scale_both(tuple(got), 2.0) == plain.scale_both(tuple(want), 2.0) == 8.0
    assert all((g == w).all() for g, w in zip(got, want))
    assert native.nested((1, (np.arange(4.0), 3))) == plain.nested((1, (np.arange(4.0), 3))) == 3.0
    x = np.arange(3.0)
    out = native.first((x, x))
    assert (out == x).all() and out is not x      # a copy, as any array a tuple lent
    with pytest.raises(TypeError, match=r"argument 'p\[1\]' must be f64\[:\]"):
        native.dot_pair((np.ones(3), "x"))
    with pytest.raises(TypeError, match="a sequence of 2 values"):
        native.dot_pair((np.ones(3),))
    frozen = np.ones(3)
    frozen.flags.writeable = False
    with pytest.raises(ValueError, match=r"'p\[0\]' must be writable"):
        native.scale_both((frozen, np.zeros((2, 2))), 2.0)
    assert native.dot_pair((frozen, frozen)) == 3.0
