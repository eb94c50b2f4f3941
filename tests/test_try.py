"""try/except/else/finally: compiled vs interpreted (tests/fx/tryexcept.fx), the exception
hierarchy table, the generated code, and diagnostics for the forms that stay unsupported."""
from __future__ import annotations

import array

import os
import re
import sys
import textwrap

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload
from fastext.compiler import builtins
from fastext.compiler.driver import check_file, compile_source

TRY = os.path.join(fxload.FX_DIR, "tryexcept.fx")
KINDS = st.integers(0, 15)          # which exception _fail raises (0 and 15: none)
XS = st.integers(-9, 9) | st.sampled_from([0, 150, 200])


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(TRY), fxload.interpreted(TRY)


def outcome(fn, *args):
    """(result or (exception type, args), the log array's contents) of one call."""
    log = [a for a in args if isinstance(a, np.ndarray)]
    try:
        result = fn(*args)
    except Exception as e:     # noqa: BLE001 - the type and arguments are compared
        result = (type(e).__name__, e.args)
    return result, [list(a) for a in log]


def same(native, oracle, name, *args):
    fresh = lambda: [np.zeros(16, dtype=np.int64) if a is np.ndarray else a for a in args]  # noqa: E731
    got = outcome(getattr(native, name), *fresh())
    want = outcome(getattr(oracle, name), *fresh())
    assert got == want, (name, args)
    return got


@settings(max_examples=300, deadline=None)
@given(kind=KINDS, x=XS)
def test_clauses_match(both, kind, x):
    native, oracle = both
    for name in ("classify", "else_raises", "returns_from_all", "finally_flow"):
        same(native, oracle, name, kind, x)
    for name in ("hierarchy", "order", "finally_on_exception", "finally_return", "reraise",
                 "finally_keeps_exception", "return_through_two"):
        same(native, oracle, name, kind, x, np.ndarray)


@settings(max_examples=200, deadline=None)
@given(kind=KINDS, inner=KINDS, x=XS)
def test_nested_match(both, kind, inner, x):
    native, oracle = both
    same(native, oracle, "nested", kind, inner, x)


@settings(max_examples=200, deadline=None)
@given(kind=KINDS, n=st.integers(0, 12))
def test_loops_match(both, kind, n):
    native, oracle = both
    same(native, oracle, "loop_break_continue", kind, n, np.ndarray)


@settings(max_examples=100, deadline=None)
@given(a=st.lists(st.floats(-1e6, 1e6, allow_nan=False), max_size=6), i=st.integers(-8, 8),
       d=st.sampled_from([0.0, -0.0, 2.0, -3.5]))
def test_array_errors_match(both, a, i, d):
    native, oracle = both
    # array.array items are Python floats under plain Python (NumPy's would divide by zero to inf)
    same(native, oracle, "array_errors", array.array("d", a), i, d)


def test_every_kind_is_caught_by_its_clause(both):
    """Every exception type reaches the clause of its nearest listed base (not just 'some' clause)."""
    native, _ = both
    assert [native.classify(k, 0) for k in range(15)] == [
        1, -1, -2, -2, -4, -6, 1, -3, -5, -5, -7, -1, -7, -4, -3]
    assert native.classify(6, 1) == -3          # math range error: OverflowError is an ArithmeticError
    assert native.classify(5, 200) == 201       # the assert holds


def test_uncaught_propagates_with_its_message(both):
    native, _ = both
    with pytest.raises(ValueError, match="converted"):
        native.reraise(2, 0, np.zeros(4, dtype=np.int64))
    log = np.zeros(4, dtype=np.int64)
    with pytest.raises(KeyError) as info:        # re-raised after a ValueError was caught meanwhile
        native.reraise(4, 0, log)
    assert info.value.args == ("k",) and log[0] == 1
    log = np.zeros(4, dtype=np.int64)
    with pytest.raises(ZeroDivisionError, match="integer division or modulo by zero"):
        native.finally_on_exception(2, 0, log)
    assert log[0] == 99
    with pytest.raises(IndexError):             # the finally caught a ZeroDivisionError of its own
        native.finally_keeps_exception(3, 0, log)
    assert log[0] == 5


def test_hierarchy_is_pythons():
    import importlib

    def cls_of(e):    # a builtin exception, or one of NumPy's that operations raise (numpy.linalg.LinAlgError)
        module = builtins.NUMPY_EXCEPTIONS.get(e)
        return getattr(importlib.import_module(module) if module else __import__("builtins"), e)
    for name in builtins.EXC_CODE:
        cls = cls_of(name)
        want = {e for e in builtins.EXC_CODE if issubclass(cls_of(e), cls)}
        assert set(builtins.caught_by(name)) == want, name
        base = builtins.EXC_BASE[name]
        assert base is None or cls.__mro__[1].__name__ == base


def _function(ir_text: str, name: str) -> str:
    match = re.search(r'define [^\n]*@"?' + re.escape(name) + r'"?\(.*?\n}\n', ir_text, re.S)
    assert match, name
    return match.group(0)


def test_generated_code_stays_lean():
    """A try whose body cannot fail optimises to the body alone; an element-wise loop inside
    a try (whose index checks branch to the handler) still vectorises."""
    llvm_ir = compile_source(textwrap.dedent("""
        from fastext import f64, i64

        def f(x: i64) -> i64:
            try:
                y = x + 1
            except ValueError:
                y = 0
            finally:
                y += 2
            return y

        def axpy(a: f64, x: f64[:], y: f64[:]) -> i64:
            try:
                for i in range(len(x)):
                    y[i] += a * x[i]
            except IndexError:
                return -1
            return 0
    """), "fx_trylean.fx", "fx_trylean").llvm_ir
    body = _function(llvm_ir, "fxw.f")
    assert "switch" not in body and "fx_raise" not in body, body
    body = _function(llvm_ir, "fxw.axpy")
    assert re.search(r"load <\d+ x double>", body) and re.search(r"store <\d+ x double>", body)


def _messages(tmp_path, src: str) -> list[str]:
    path = tmp_path / "badtry.fx"
    path.write_text(textwrap.dedent(src))
    return [(d.message, d.hint) for d in check_file(str(path))]


def test_diagnostics(tmp_path):
    got = _messages(tmp_path, """
        from fastext import f64

        def f(x: f64) -> f64:
            try:
                x = 1.0 / x
            except ZeroDivisionError as err:
                x = len(str(err))
            except (ValueError, GeneratorExit):
                x = 2.0
            except ():
                pass
            return x

        def g(x: f64) -> f64:
            raise
            try:
                pass
            finally:
                raise
            raise ValueError from None
    """)
    messages = [m for m, _ in got]
    assert messages == [      # (`except … as err` binds the exception object: tests/test_str_values.py)
        "cannot catch `GeneratorExit`",
        "`except ()` catches nothing",
        "bare `raise` outside an `except` clause",
        "bare `raise` outside an `except` clause",
        "`raise … from …` is not supported",
    ], messages
    assert all(hint for _, hint in got)


@pytest.mark.skipif(sys.version_info < (3, 11), reason="except* is Python 3.11 syntax")
def test_except_star_is_unsupported(tmp_path):
    got = _messages(tmp_path, """
        from fastext import f64

        def f(x: f64) -> f64:
            try:
                x = 1.0 / x
            except* ZeroDivisionError:
                x = 0.0
            return x
    """)
    assert got and "except*" in got[0][0] and got[0][1], got


def test_local_names_shadow_exceptions(tmp_path):
    got = _messages(tmp_path, """
        from fastext import i64

        def f(ValueError: i64) -> i64:
            try:
                return 1 // ValueError
            except ValueError:
                return 0
    """)
    assert [m for m, _ in got] == ["cannot catch `ValueError`"], got


def test_exceptions_from_another_module(tmp_path):
    (tmp_path / "tryother.fx").write_text(textwrap.dedent("""
        from fastext import i64

        def check(x: i64) -> i64:
            if x < 0:
                raise KeyError("negative")
            return 100 // x
    """))
    (tmp_path / "trymain.fx").write_text(textwrap.dedent("""
        from fastext import i64
        from tryother import check

        def safe(x: i64) -> i64:
            try:
                return check(x)
            except LookupError:
                return -1
            except ArithmeticError:
                return -2
    """))
    path = str(tmp_path / "trymain.fx")
    native, oracle = fxload.compiled(path), fxload.interpreted(path)
    for x in (-3, 0, 1, 7):
        assert native.safe(x) == oracle.safe(x)
    assert [native.safe(x) for x in (-3, 0, 7)] == [-1, -2, 14]
