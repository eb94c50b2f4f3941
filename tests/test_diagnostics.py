"""Diagnostics: golden tests over tests/fx/bad/*.fx, the rendered format, and CompileError itself.

Each `tests/fx/bad/NAME.fx` has a reviewed `NAME.expected` with exactly what
`CompileError.render()` prints for it (paths relative to the repository root).
To regenerate after an intended change, run with FASTEXT_UPDATE_GOLDEN=1 and
review the diff.
"""
from __future__ import annotations

import glob
import os
import re
import textwrap
import traceback

import pytest

import fxload
from fastext.compiler.diagnostics import CompileError, Diagnostic
from fastext.compiler.driver import check_file, compile_file, compile_source

BAD_DIR = os.path.join(fxload.FX_DIR, "bad")
BAD_FILES = sorted(os.path.basename(p)[:-3] for p in glob.glob(os.path.join(BAD_DIR, "*.fx")))
UPDATE = os.environ.get("FASTEXT_UPDATE_GOLDEN", "") not in ("", "0")

HEAD = re.compile(r"^(?P<path>[^:\n]+\.fx):(?P<line>\d+):(?P<col>\d+): error: (?P<msg>.+)$")


@pytest.fixture
def in_repo(monkeypatch):
    monkeypatch.chdir(fxload.REPO)


def rel(name: str) -> str:
    return f"tests/fx/bad/{name}.fx"


def compile_error(path: str) -> CompileError:
    with pytest.raises(CompileError) as info:
        compile_file(path)
    return info.value


# ---------------------------------------------------------------------------- golden files

@pytest.mark.parametrize("name", BAD_FILES)
def test_golden(in_repo, name):
    err = compile_error(rel(name))
    rendered = err.render() + "\n"
    expected_path = os.path.join(BAD_DIR, f"{name}.expected")
    if UPDATE or not os.path.exists(expected_path):
        with open(expected_path, "w", encoding="utf-8") as f:
            f.write(rendered)
        if not UPDATE:
            pytest.fail(f"wrote missing golden file {expected_path}; review it")
    with open(expected_path, encoding="utf-8") as f:
        assert rendered == f.read()


@pytest.mark.parametrize("name", BAD_FILES)
def test_check_file_agrees_with_compile(in_repo, name):
    """`check_file` (what `fastext check` runs) reports the same diagnostics, sorted."""
    diags = check_file(rel(name))
    err = compile_error(rel(name))
    assert [d.render() for d in diags] == [d.render() for d in err.diagnostics]
    assert diags == sorted(diags, key=lambda d: (d.span.line, d.span.col))


def test_every_golden_file_has_a_source():
    orphans = [p for p in glob.glob(os.path.join(BAD_DIR, "*.expected"))
               if not os.path.exists(p[:-len(".expected")] + ".fx")]
    assert not orphans


# ---------------------------------------------------------------------------- the rendered format

@pytest.mark.parametrize("name", BAD_FILES)
def test_rendered_format(in_repo, name):
    """`file:line:col: error: message`, the source line, a caret under the span, `hint:`."""
    err = compile_error(rel(name))
    with open(rel(name), encoding="utf-8") as f:
        source_lines = f.read().splitlines()
    for d in err.diagnostics:
        assert isinstance(d, Diagnostic) and d.severity == "error"
        lines = d.render(err.source).splitlines()
        m = HEAD.match(lines[0])
        assert m, lines[0]
        assert m["path"] == rel(name)
        line, col = int(m["line"]), int(m["col"])
        assert (line, col) == (d.span.line, d.span.col + 1)
        assert lines[1] == "    " + source_lines[line - 1]
        caret = lines[2]
        assert re.fullmatch(r" *\^+", caret), caret
        assert caret.index("^") - 4 == col - 1
        if d.hint:
            assert lines[3] == f"  hint: {d.hint}"
        assert len(lines) == (4 if d.hint else 3)


def test_many_errors_all_reported_sorted(in_repo):
    err = compile_error(rel("many_errors"))
    lines = [d.span.line for d in err.diagnostics]
    assert lines == sorted(lines)
    assert lines == [2, 7, 13, 15, 21, 26]   # one error per broken construct, in every function
    assert str(err).startswith(f"6 errors compiling {rel('many_errors')}\n")


def test_carets_cover_the_construct(in_repo):
    err = compile_error(rel("slice_assign"))
    first = err.diagnostics[0].render(err.source).splitlines()
    assert first[1].strip() == "x[1:] += m"
    assert first[2].strip() == "^" * len("x[1:] += m")   # the whole statement
    err = compile_error(rel("undefined_name"))
    d = err.diagnostics[0]
    assert "`offset`" in d.message
    assert d.render(err.source).splitlines()[2].strip() == "^" * len("offset")


@pytest.mark.parametrize("name,needle", [
    ("missing_annotation", "needs a type annotation"),
    ("missing_annotation", "needs a return annotation"),
    ("unknown_type", "unknown type annotation `double`"),
    ("conflicting_assignment", "`s` has type i64, cannot take an f64"),
    ("unsupported_try", "cannot catch `MyError`"),
    ("unsupported_try", "bare `raise` outside an `except` clause"),
    ("unsupported_with", "unsupported statement (with statement)"),
    ("class_def", "multiple inheritance is not supported"),
    ("lambda_expr", "(lambda)"),
    ("funcvals_misuse", "`mixed` returns an f64[:] elsewhere and an f64 here"),
    ("funcvals_misuse", "`f` is bound to a function more than once"),
    ("funcvals_misuse", "`square` is a function, not a value here"),
    ("funcvals_misuse", "parameter `f` of `apply` takes a function, got an f64"),
    ("funcvals_misuse", "the range `rx` cannot be used as a value here"),
    ("funcvals_misuse", "`nonlocal total`: the enclosing function `counter` does not assign it first"),
    ("list_literal", "dict keys"),
    ("print_call", "print(*x) unpacks a list, tuple, set, dict or array"),
    ("undefined_name", "name `offset` is not defined"),
    ("call_arity", "`_lerp` is missing argument `t`"),
    ("call_arity", "`_lerp` takes 3 arguments, got 4"),
    ("bad_import", "cannot find the .fx module `json_fx_nowhere`"),
    ("raise_message", "exceptions take at most one message argument"),
    ("missing_return", "can reach its end without returning"),
    ("slice_assign", "a 2-D result cannot be stored into a 1-D array"),
    ("alloc_misuse", "is not a dtype the dialect knows"),
    ("for_over_number", "cannot iterate over f64"),
    ("syntax_error", "invalid syntax"),
    ("wrong_return_type", "declared `-> None` but returns a value"),
])
def test_message_present(in_repo, name, needle):
    err = compile_error(rel(name))
    assert any(needle in d.message for d in err.diagnostics), [d.message for d in err.diagnostics]


# ---------------------------------------------------------------------------- CompileError

def test_compile_error_is_an_import_error(in_repo):
    try:
        compile_file(rel("print_call"))
    except ImportError as e:          # `try: import kernels / except ImportError:` fallbacks work
        err = e
    assert isinstance(err, CompileError)
    assert err.name == "print_call" and err.path == rel("print_call")
    assert isinstance(err.diagnostics, list) and len(err.diagnostics) == 1
    assert err.diagnostics[0].span.line == 5 and err.diagnostics[0].span.col == 21
    assert err.render() in str(err)
    assert str(err).startswith(f"1 error compiling {rel('print_call')}\n")


def test_compile_source_reports_like_compile_file():
    with pytest.raises(CompileError) as info:
        compile_source("from fastext import f64\n\n\ndef f(x: f64) -> f64:\n    x = y\n    return x\n",
                       "mem.fx", "mem")
    (d,) = info.value.diagnostics
    assert str(d.span) == "mem.fx:5:9"


def _frames_in_compiler(err: BaseException) -> list[str]:
    text = "".join(traceback.format_exception(err))
    compiler = os.path.join("fastext", "compiler") + os.sep
    return [line for line in text.splitlines() if line.strip().startswith("File ") and compiler in line]


def test_compile_error_traceback_has_no_compiler_frames(in_repo):
    """Only the public entry point's own `raise` shows; no stage of the compiler."""
    err = compile_error(rel("many_errors"))
    frames = _frames_in_compiler(err)
    assert len(frames) == 1 and "driver.py" in frames[0] and "compile_file" in frames[0], frames


def test_compile_error_has_no_chained_context(in_repo):
    err = compile_error(rel("many_errors"))
    text = "".join(traceback.format_exception(err))
    assert "During handling of the above exception" not in text
    assert "The above exception was the direct cause" not in text


# ---------------------------------------------------------------------------- internal errors

def _boom(*args, **kwargs):
    raise RuntimeError("synthetic failure")


def test_internal_error_in_front_end_is_located(monkeypatch, tmp_path):
    from fastext.compiler.frontend.function import FunctionChecker
    monkeypatch.setitem(FunctionChecker.EXPRS, __import__("ast").BinOp, _boom)
    path = tmp_path / "ice.fx"
    path.write_text("from fastext import f64\n\n\ndef f(x: f64) -> f64:\n    y = x\n    return x * 2.0\n")
    with pytest.raises(CompileError) as info:
        compile_file(str(path))
    (d,) = info.value.diagnostics
    assert d.severity == "internal"
    assert "RuntimeError" in d.message and "synthetic failure" in d.message and "`f`" in d.message
    assert d.span.line == 6
    assert "internal compiler error" in d.render()


def test_internal_error_in_back_end_names_the_stage(monkeypatch, tmp_path):
    from fastext.compiler.lower.function import FunctionLowering
    monkeypatch.setattr(FunctionLowering, "e_BinOp", _boom)
    monkeypatch.delenv("FASTEXT_DEBUG", raising=False)
    path = tmp_path / "ice2.fx"
    path.write_text("from fastext import f64\n\n\ndef f(x: f64) -> f64:\n    y = x\n    return x * 2.0\n")
    with pytest.raises(CompileError) as info:
        compile_file(str(path))
    (d,) = info.value.diagnostics
    assert d.severity == "internal"
    assert "`lower`" in d.message and "synthetic failure" in d.message
    assert info.value.__cause__ is None and info.value.__suppress_context__
    assert "internal compiler error" in info.value.render()


def test_internal_error_in_back_end_is_located(monkeypatch, tmp_path):
    from fastext.compiler.lower.function import FunctionLowering
    monkeypatch.setattr(FunctionLowering, "e_BinOp", _boom)
    monkeypatch.delenv("FASTEXT_DEBUG", raising=False)
    path = tmp_path / "ice3.fx"
    path.write_text("from fastext import f64\n\n\ndef f(x: f64) -> f64:\n    y = x\n    return x * 2.0\n")
    with pytest.raises(CompileError) as info:
        compile_file(str(path))
    (d,) = info.value.diagnostics
    assert d.span.line == 6


# ---------------------------------------------------------------------------- no follow-on errors

def _diags(tmp_path, src: str) -> list[Diagnostic]:
    path = tmp_path / "snippet.fx"
    path.write_text(textwrap.dedent(src))
    return check_file(str(path))


def test_no_spurious_missing_return_after_a_bad_return(tmp_path):
    diags = _diags(tmp_path, """\
        from fastext import f64


        def f(x: f64) -> f64:
            return x + offset
        """)
    assert [d.message for d in diags] == ["name `offset` is not defined"]


def test_failed_assignment_does_not_cascade(tmp_path):
    diags = _diags(tmp_path, """\
        from fastext import f64


        def f(x: f64[:]) -> f64:
            y = x[1.5]
            z = y[0]
            return x[0]
        """)
    assert len(diags) == 1 and "integers" in diags[0].message


def test_bad_fastext_name_does_not_unbind_the_others(tmp_path):
    diags = _diags(tmp_path, """\
        from fastext import float128, f64


        def f(x: f64) -> f64:
            return x
        """)
    assert len(diags) == 1 and "float128" in diags[0].message


def test_every_diagnostic_has_a_hint(in_repo):
    """Part 6: every error comes with a hint of what to write instead."""
    missing = []
    for name in BAD_FILES:
        missing += [f"{name}: {d.message}" for d in compile_error(rel(name)).diagnostics if not d.hint]
    assert missing == []


def test_call_errors_show_the_signature(in_repo):
    err = compile_error(rel("call_arity"))
    assert all("_lerp(a, b, t)" in d.hint or "a, b, t" in d.hint for d in err.diagnostics)


# ---------------------------------------------------------------------------- misleading diagnostics (#11)

def _hints(name: str) -> dict[str, str]:
    return {d.message: d.hint for d in compile_error(rel(name)).diagnostics}


def test_misspelt_name_suggests_the_close_one(in_repo):
    hints = _hints("misspelt_name")
    assert hints["name `totl` is not defined"] == "did you mean `total`?"
    assert hints["name `facter` is not defined"] == "did you mean `factor`?"
    assert hints["unknown function `dubble`"] == "did you mean `dobble`?"


def test_missing_import_says_which_import(in_repo):
    hints = _hints("missing_import")
    assert "add `from fastext import i32`" in hints["unknown type annotation `i32`"]
    assert "i8…u64" not in hints["unknown type annotation `i32`"]      # not "i32 is valid"
    assert "add `import math`" in hints["name `math` is not defined"]
    assert "assign it before use" not in hints["name `math` is not defined"]
    assert "add `import numpy as np`" in hints["name `np` is not defined"]
    assert "add `from fastext import prange`" in hints["unknown function `prange`"]
    assert "`f64`" in hints["unknown type annotation `float64`"]


def test_error_type_never_shown(in_repo):
    """A follow-on of a reported error says nothing (and never names the internal `<error>` type)."""
    for name in BAD_FILES:
        for d in compile_error(rel(name)).diagnostics:
            assert "<error>" not in d.message + d.hint, (name, d.message)
    assert [d.span.line for d in compile_error(rel("error_cascade")).diagnostics] == [5, 14]


def test_error_type_name_matches_the_type():
    from fastext.compiler.diagnostics import ERROR_TYPE_NAME
    from fastext.compiler.types import ERROR
    assert str(ERROR) == ERROR_TYPE_NAME


def test_syntax_error_message_is_not_repeated(in_repo):
    (d,) = compile_error(rel("syntax_plain")).diagnostics
    assert d.message == "invalid syntax"
    for name in BAD_FILES:
        for d in compile_error(rel(name)).diagnostics:
            assert "invalid syntax: invalid syntax" not in d.message


def test_kernel_return_annotation_is_optional(tmp_path):
    diags = _diags(tmp_path, """\
        from fastext import gpu, f32


        @gpu.kernel
        def saxpy(a: f32, x: f32[:], y: f32[:]):
            i = gpu.global_id(0)
            if i < len(x):
                y[i] = a * x[i] + y[i]
        """)
    assert diags == []


def test_device_function_still_needs_its_return_type(tmp_path):
    diags = _diags(tmp_path, """\
        from fastext import gpu, f32


        @gpu.device
        def twice(a: f32):
            return a * 2.0
        """)
    assert [d.message for d in diags] == ["function `twice` needs a return annotation"]
    assert "f64" not in diags[0].hint


def test_columns_count_characters_not_bytes(tmp_path):
    """`ast` columns are UTF-8 byte offsets: the shown column and caret count characters."""
    path = tmp_path / "accents.fx"
    path.write_text("from fastext import f64\n\n\ndef f(x: f64) -> f64:\n    é = x + yé\n    return é\n",
                    encoding="utf-8")
    (d,) = check_file(str(path))
    head, line, caret = d.render().splitlines()[:3]
    assert line == "        é = x + yé"
    assert head == f"{path}:5:13: error: name `yé` is not defined"
    assert caret == "    " + " " * 12 + "^^"


def test_a_failed_call_of_an_unannotated_function_is_not_also_a_missing_annotation(tmp_path):
    """The errors of a template instance that .fx code calls are the story; "parameter `m` of
    `search` needs a type annotation" on top of them pointed away from the real error."""
    from fxload import compile_error
    text = compile_error(tmp_path, "def search(m, k):\n    return m.nothing(k)\n\n\n"
                                   "def main() -> None:\n    print(search([1, 2], 3))\n")
    assert "lists have no method `nothing`" in text and "needs a type annotation" not in text, text
