"""Exceptions raised in compiled code show the `.fx` file, line and function in the traceback.

They used to show nothing below the Python line that called the compiled function.  Now
the entry point adds the line of the exported function the error came through and the
statement that raised it (abi/traceback.py), so `traceback` prints the `.fx` source lines.
"""
from __future__ import annotations

import os
import sys
import traceback

import numpy as np
import pytest

import fxload

FX = os.path.join(fxload.FX_DIR, "tracebacks.fx")


@pytest.fixture(scope="module")
def m():
    return fxload.compiled(FX)


def L(text: str, after: str = "") -> int:
    """The line number of the first line containing `text` (after the line containing `after`)."""
    with open(FX, encoding="utf-8") as f:
        lines = f.read().splitlines()
    start = next(k for k, line in enumerate(lines) if after in line) if after else 0
    return next(k for k, line in enumerate(lines) if k >= start and text in line) + 1


def fx_frames(exc: BaseException) -> list[tuple[str, int, str, str]]:
    """(file name, line, function, source line) of the traceback entries below this test."""
    out = []
    for fs in traceback.extract_tb(exc.__traceback__)[1:]:
        out.append((os.path.basename(fs.filename), fs.lineno, fs.name, fs.line))
    return out


def raised(fn, *args) -> BaseException:
    with pytest.raises(Exception) as info:
        fn(*args)
    return info.value


def test_raise_through_a_call(m):
    e = raised(m.outer, -1)
    assert isinstance(e, ValueError) and str(e) == "negative"
    assert fx_frames(e) == [("tracebacks.fx", L("m = _check(n)"), "outer", "m = _check(n)"),
                            ("tracebacks.fx", L('raise ValueError("negative")'), "_check", 'raise ValueError("negative")')]


def test_builtin_errors_point_at_their_statement(m):
    assert fx_frames(raised(m.index, np.zeros(3), 5)) == [("tracebacks.fx", L("return x[i]"), "index", "return x[i]")]
    assert fx_frames(raised(m.divide, 1, 0)) == [("tracebacks.fx", L("return a // b"), "divide", "return a // b")]
    e = raised(m.asserting, 0)
    assert isinstance(e, AssertionError) and fx_frames(e)[0][1:3] == (L("assert n > 0"), "asserting")


def test_python_callback_keeps_its_frames_below(m):
    def boom(n):
        raise KeyError(n)
    e = raised(m.callback, boom, 3)
    frames = fx_frames(e)
    assert frames[0] == ("tracebacks.fx", L("return int(f(n))"), "callback", "return int(f(n))")
    assert frames[1][2] == "boom" and frames[1][3] == "raise KeyError(n)"


def test_method_frames(m):
    e = raised(m.method, (0.0, 1.0))
    assert isinstance(e, ZeroDivisionError)
    assert [f[1:3] for f in fx_frames(e)] == [(L("return v.inverse_x()"), "method"), (L("return 1.0 / self.x"), "inverse_x")]


def test_prange_worker_error(m):
    e = raised(m.parallel, np.zeros(100))
    assert isinstance(e, ValueError)
    assert [f[1:3] for f in fx_frames(e)] == [(L("for i in prange"), "parallel"),
                                              (L('raise ValueError("negative")'), "_check")]


def test_reraise_from_handler(m):
    e = raised(m.reraised, -1)
    assert isinstance(e, RuntimeError)
    assert [f[1:3] for f in fx_frames(e)] == [(L('raise RuntimeError("wrapped")'), "reraised")]


def test_deep_chain_shows_the_exported_line_and_the_raise(m):
    """Frames between the exported function's call and the raising statement are not
    recorded (that would cost stores on every error path): two entries."""
    e = raised(m.deep, 100)
    assert fx_frames(e) == [("tracebacks.fx", L("return deep(n - 1) + 1"), "deep", "return deep(n - 1) + 1"),
                            ("tracebacks.fx", L('raise OverflowError("bottom")'), "deep", 'raise OverflowError("bottom")')]
    e = raised(m.down, 0)
    assert isinstance(e, RecursionError) and [f[2] for f in fx_frames(e)] == ["down"]


def test_conversion_errors_add_nothing(m):
    e = raised(m.outer, "x")
    assert isinstance(e, TypeError) and fx_frames(e) == []


def test_printed(m, capsys):
    try:
        m.outer(-1)
    except ValueError:
        traceback.print_exc()
    text = capsys.readouterr().err
    assert f'File "{FX}", line {L("m = _check(n)")}, in outer\n    m = _check(n)\n' in text
    assert f'File "{FX}", line {L("raise ValueError")}, in _check\n    raise ValueError("negative")\nValueError: negative' in text


def test_no_reference_left_on_the_exception(m):
    import gc
    e = raised(m.outer, -1)
    tb = e.__traceback__
    e.__traceback__ = None
    del tb
    gc.collect()
    assert sys.getrefcount(e) == 2
