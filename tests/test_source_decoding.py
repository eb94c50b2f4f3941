"""Source decoding: a `.fx` file is read as CPython reads a `.py` file (PEP 263).

Each encoding case is checked against CPython itself (`compile()` of the same bytes):
files CPython accepts compile, files it refuses give one located diagnostic — never a
UnicodeDecodeError — wherever a `.fx` file is read: the driver, `check`, the reader of
imported `.fx` modules, the CLI and `fastext bench`.
"""
from __future__ import annotations

import subprocess
import sys

import pytest

from fastext.compiler.diagnostics import CompileError
from fastext.compiler.driver import check_file, compile_file
from fastext.compiler.source import decode_source, read_source

BODY = 'from fastext import f64\n\n\ndef f(x: f64) -> f64:\n    """Gives {text}."""\n    return x * 2.0\n'
TEXT = "caf\u00e9 \u00b5s"         # Latin-1 representable, not ASCII

CASES = {
    # name: (bytes, CPython accepts it)
    "latin1_cookie": (b"# -*- coding: latin-1 -*-\n" + BODY.format(text=TEXT).encode("latin-1"), True),
    "cp1252_cookie_line2": (b"#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\n"
                            + BODY.format(text=TEXT).encode("cp1252"), True),
    "utf8_bom": (b"\xef\xbb\xbf" + BODY.format(text=TEXT).encode("utf-8"), True),
    "utf8_plain": (BODY.format(text=TEXT).encode("utf-8"), True),
    "crlf": (BODY.format(text=TEXT).replace("\n", "\r\n").encode("utf-8"), True),
    "latin1_no_cookie": (b"# plain\n" + BODY.format(text=TEXT).encode("latin-1"), False),
    "cookie_on_line3": (b"#!/usr/bin/env python\n\n# coding: latin-1\n" + BODY.format(text=TEXT).encode("latin-1"),
                        False),
    "utf16": (BODY.format(text=TEXT).encode("utf-16"), False),
    "utf16_be": (b"\xfe\xff" + BODY.format(text=TEXT).encode("utf-16-be"), False),
    "utf32": (BODY.format(text=TEXT).encode("utf-32"), False),
    "utf16_cookie_ascii_bytes": (b"# coding: utf-16\n" + BODY.format(text="plain").encode("ascii"), False),
    "utf16_cookie_then_utf16": (b"# coding: utf-16\n" + BODY.format(text="plain").encode("utf-16-le"), False),
    "unknown_cookie": (b"# coding: klingon\n" + BODY.format(text="plain").encode("ascii"), False),
    "bom_and_latin1_cookie": (b"\xef\xbb\xbf# coding: latin-1\n" + BODY.format(text=TEXT).encode("utf-8"), False),
    "truncated_utf8": (BODY.format(text="ok").encode("utf-8") + b"s = '\xe2\x82'\n", False),
    # compile() of bytes (what `import` runs) does not decode comments: accepted, as CPython does
    "latin1_in_a_comment": (BODY.format(text="ok").encode("utf-8") + b"# caf\xe9\n", True),
}


def cpython_accepts(data: bytes) -> bool:
    try:
        compile(data, "x.py", "exec", dont_inherit=True)
        return True
    except (SyntaxError, ValueError):
        return False


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_cases_mean_what_cpython_says(name):
    data, accepted = CASES[name]
    assert cpython_accepts(data) is accepted


@pytest.mark.parametrize("name", sorted(CASES))
def test_decoding_agrees_with_cpython(tmp_path, name):
    data, accepted = CASES[name]
    path = tmp_path / f"{name}.fx"
    path.write_bytes(data)
    if accepted:
        source = read_source(str(path))
        assert TEXT in source.text or "plain" in source.text or "ok" in source.text
        assert "\r" not in source.text and not source.text.startswith("\ufeff")
        assert check_file(str(path)) == []
        return
    with pytest.raises(CompileError) as info:
        read_source(str(path))
    (d,) = info.value.diagnostics
    assert d.severity == "error" and d.span.file == str(path) and d.span.line >= 1
    assert "PEP 263" in d.hint
    # the same located diagnostic from every entry point, never a UnicodeDecodeError
    assert [x.message for x in check_file(str(path))] == [d.message]
    with pytest.raises(CompileError) as info2:
        compile_file(str(path))
    assert [x.message for x in info2.value.diagnostics] == [d.message]
    assert info2.value.render().splitlines()[0].startswith(f"{path}:{d.span.line}:")


def test_decoded_text_is_cpythons(tmp_path):
    data, _ = CASES["latin1_cookie"]
    assert decode_source(data, "x.fx").text.splitlines()[5] == f'    """Gives {TEXT}."""'


def test_latin1_without_cookie_points_at_the_byte():
    data, _ = CASES["latin1_no_cookie"]
    with pytest.raises(CompileError) as info:
        decode_source(data, "m.fx")
    (d,) = info.value.diagnostics
    assert (d.span.line, d.span.col) == (6, len('    """Gives caf'))
    assert d.message == "byte 0xe9 is not UTF-8 and no other encoding is declared"
    rendered = d.render(info.value.source).splitlines()
    assert rendered[2] == "    " + " " * len('    """Gives caf') + "^"


def test_utf16_is_named_and_shown_readably():
    data, _ = CASES["utf16"]
    with pytest.raises(CompileError) as info:
        decode_source(data, "w.fx")
    (d,) = info.value.diagnostics
    assert "UTF-16" in d.message and d.span.line == 1
    assert d.render(info.value.source).splitlines()[1] == "    from fastext import f64"


def test_imported_module_that_cannot_be_decoded(tmp_path):
    """The reader of imported `.fx` modules: located in the imported file, and at the import."""
    (tmp_path / "helper.fx").write_bytes(CASES["latin1_no_cookie"][0])
    main = tmp_path / "main.fx"
    main.write_text("from fastext import f64\nfrom helper import f\n\n\ndef g(x: f64) -> f64:\n    return f(x)\n")
    with pytest.raises(CompileError) as info:
        compile_file(str(main))
    where = {(d.span.file.rsplit("/", 1)[1], d.span.line) for d in info.value.diagnostics}
    assert ("helper.fx", 6) in where and ("main.fx", 2) in where
    assert all(d.severity == "error" for d in info.value.diagnostics)


def test_cli_check_reports_it(tmp_path):
    path = tmp_path / "bad.fx"
    path.write_bytes(CASES["utf16"][0])
    run = subprocess.run([sys.executable, "-m", "fastext.cli", "check", str(path)], capture_output=True, text=True)
    assert run.returncode == 1
    assert f"{path}:1:1: error: the file is UTF-16" in run.stdout
    assert "Traceback" not in run.stdout + run.stderr


def test_bench_reports_it(tmp_path):
    from fastext.bench import target as targets
    path = tmp_path / "kern.fx"
    path.write_bytes(CASES["latin1_no_cookie"][0])
    with pytest.raises(targets.BenchError) as info:
        targets.load_compiled(targets.resolve(str(path)))
    assert "does not compile" in str(info.value) and "PEP 263" in info.value.details


def test_bench_cases_file_with_a_bad_encoding(tmp_path):
    from fastext.bench import target as targets
    (tmp_path / "kern.fx").write_text(BODY.format(text="ok"))
    bench = tmp_path / "kern_bench.py"
    bench.write_bytes(b"# plain\nTARGET = 'kern.fx'\nWHO = 'caf\xe9'\n")
    with pytest.raises(targets.BenchError) as info:
        targets.resolve(str(bench))
    assert "syntax error" in str(info.value)


def test_null_byte_is_located(tmp_path):
    path = tmp_path / "nul.fx"
    path.write_bytes(BODY.format(text="ok").encode() + b"x = 1\x00\n")
    (d,) = check_file(str(path))
    assert d.span.line == 7 and d.span.col == 5 and d.severity == "error"


def test_rendering_without_the_source_never_fails(tmp_path):
    """Found by the byte fuzzer: linecache raised UnicodeError for a file whose coding line names
    UTF-16; rendering a diagnostic without its SourceFile must still work."""
    path = tmp_path / "u16.fx"
    path.write_bytes(CASES["utf16_cookie_then_utf16"][0])
    (d,) = check_file(str(path))
    lines = d.render().splitlines()
    assert lines[0].startswith(f"{path}:1:") and "encoding problem" in lines[0]
