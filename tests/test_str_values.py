"""`str` values, formatting and printing (tests/fx/strvalues.fx), compiled vs interpreted."""
import os
import re
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload

PATH = os.path.join(fxload.FX_DIR, "strvalues.fx")
int64s = st.integers(-2**63, 2**63 - 1)
floats = st.floats(allow_nan=True, allow_infinity=True, width=64)
texts = st.text(max_size=12)


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


def outcome(mod, name, *args):
    try:
        return "ok", getattr(mod, name)(*args)
    except Exception as e:   # noqa: BLE001 - the outcome is compared
        return type(e), str(e)


def same(both, name, *args):
    compiled, interpreted = (outcome(m, name, *args) for m in both)
    assert repr(compiled) == repr(interpreted)     # (repr: a NaN result equals itself)
    return compiled


def captured(capfd, fn, *args):
    fn(*args)
    sys.stdout.flush()
    out, err = capfd.readouterr()
    return out, err


# ---------------------------------------------------------------- printing, byte for byte

@pytest.mark.parametrize("size", [1, 7, 8, 9, 200])
def test_mandelbrot_bytes(both, capfdbinary, size):
    outs = []
    for mod in both:
        mod.mandelbrot(size)
        sys.stdout.flush()
        outs.append(capfdbinary.readouterr().out)
    assert outs[0] == outs[1]
    assert outs[0].startswith(b"P4\n%d %d\n" % (size, size))
    assert len(outs[0]) == len(b"P4\n%d %d\n" % (size, size)) + size * ((size + 7) // 8)


def test_print_sep_end_file(both, capfd):
    results = [captured(capfd, mod.shout, "--", 3) for mod in both]
    assert results[0] == results[1] == ("a--3--2.5--True!\nwritten 3\n", "to stderr 3\n")


def test_print_order_with_callers_prints(both, capsys):
    compiled = both[0]
    print("before")
    compiled.report(1 / 3)
    print("after")
    assert capsys.readouterr().out == "before\n0.333333333\nafter\n"


def test_print_goes_to_the_current_sys_stdout(both):
    import contextlib
    import io
    for mod in both:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            mod.fannkuch_line(16, 7, 228)
        assert buf.getvalue() == "16\nPfannkuchen(7) = 228\n"


@settings(max_examples=60, deadline=None)
@given(e=floats)
def test_report(both, e):
    import contextlib
    import io
    texts_out = []
    for mod in both:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            mod.report(e)
        texts_out.append(buf.getvalue())
    assert texts_out[0] == texts_out[1]


# ---------------------------------------------------------------- formatting: hypothesis

@settings(max_examples=150, deadline=None)
@given(x=floats)
def test_float_text(both, x):
    assert same(both, "float_text", x)[1] == f"{x} {x!r} {x}"


@settings(max_examples=150, deadline=None)
@given(n=int64s)
def test_int_text_and_round_trips(both, n):
    same(both, "int_text", n)
    assert same(both, "hx", n) == ("ok", n)
    if abs(n) < 2**61:       # 4 * n within i64 (compiled integers are 64-bit)
        assert same(both, "round_trip_hex", n) == ("ok", 4 * n)


@settings(max_examples=100, deadline=None)
@given(a=st.integers(-2**62, 2**62), x=floats, s=texts)      # n + 1 within i64
def test_percent_and_fstrings(both, a, x, s):
    same(both, "percent", a, x, s)
    same(both, "fstrings", a, x, s)
    same(both, "label", s, x)


@settings(max_examples=100, deadline=None)
@given(s=texts, n=st.integers(-2, 4))
def test_ops_methods(both, s, n):
    same(both, "ops", s, n)
    same(both, "methods", s)
    same(both, "pass_on", s, n)
    same(both, "compare", s, s[::-1])
    same(both, "compare", s, s)


@settings(max_examples=60, deadline=None)
@given(s=st.one_of(texts, st.from_regex(r"\s*-?[0-9][0-9_]{0,16}\s*", fullmatch=True)))
def test_parsing(both, s):
    same(both, "parse_int", s)
    same(both, "parse_float", s)


def test_values(both):
    for name, args in [("chars", (30,)), ("chars", (0,)), ("methods", ("  ab ba 12 z",)),
                       ("parse_float", ("1e3",)), ("parse_float", ("nan",)), ("bytes_row", (300,)),
                       ("repeat_echo", ("héllo", 5)), ("compare", ("b", "a")), ("compare", ("a", "b")),
                       ("misc", (3, "")), ("misc", (4, "a b c")), ("misc", (-7, "é|x"))]:
        same(both, name, *args)
    assert both[0].label("énergie", 3.14159) == "énergie: 3.14"
    assert both[0].hx(255) == 255


# ---------------------------------------------------------------- exceptions

def test_raise_with_run_time_messages(both):
    assert same(both, "check", -3) == (ValueError, "bad -3")
    assert same(both, "check", 500) == (ValueError, "n=500")
    assert same(both, "check", 5) == ("ok", 5)
    with pytest.raises(ValueError) as info:
        both[0].check(-1)
    assert info.value.args == ("bad -1",)


def test_except_as_binds_the_exception(both):
    assert same(both, "guarded", -2) == ("ok", "caught: bad -2")
    assert same(both, "guarded", 2) == ("ok", "ok")
    a = np.ones(3)
    assert same(both, "native_error", a, 7) == ("ok", "index: index 7 is out of bounds for axis 0 with size 3")
    assert same(both, "parse_int", "x1") == ("ok", "not a number (invalid literal for int() with base 10: 'x1')")


def test_bad_input_names_the_parameter(both):
    with pytest.raises(TypeError, match="'s'"):
        both[0].echo(3)
    with pytest.raises(TypeError, match="'sep'"):
        both[0].shout(None, 1)


# ---------------------------------------------------------------- references

def test_no_reference_leaks(both):
    compiled = both[0]
    s = "interned-ish text"
    before = sys.getrefcount(s)
    for _ in range(10000):
        compiled.echo(s)
        compiled.repeat_echo(s, 3)
        compiled.pass_on(s, 2)
        compiled.guarded(-1)
        compiled.parse_int(s)
    after = sys.getrefcount(s)      # (not inside the assert: pytest's rewriting holds a reference)
    assert after == before
    assert compiled.echo(s) is s    # a str parameter returned is the caller's object itself


def test_results_are_freed(both):
    import gc
    import weakref

    class Text(str):
        pass

    compiled = both[0]
    t = Text("abc")
    ref = weakref.ref(t)
    for _ in range(1000):
        compiled.echo(t)
        compiled.ops(t, 2)
    del t
    gc.collect()
    assert ref() is None


def test_mandelbrot_loop_stays_native():
    """The str and bytes work is outside the escape-time loop: its blocks (those testing
    |z|^2 > 4.0) call no function, the C API included."""
    from fastext.compiler.driver import compile_source
    with open(PATH, encoding="utf-8") as f:
        art = compile_source(f.read(), PATH, "strvalues_ir")
    # fx.mandelbrot is inlined into its entry point fxw.mandelbrot: the body of either
    start = next(m.start() for m in re.finditer(r"^define [^\n]*mandelbrot\(", art.llvm_ir, re.M))
    blocks = art.llvm_ir[start:].split("\n}\n", 1)[0].split("\n\n")
    tests = [blk for blk in blocks if "fcmp" in blk and "4.000000e+00" in blk]
    assert tests, "the escape test was not found"
    for blk in tests:       # LLVM's own intrinsics (overflow checks) are instructions, not calls
        assert not re.search(r"call [^@\n]*@(?!llvm\.)", blk), blk
