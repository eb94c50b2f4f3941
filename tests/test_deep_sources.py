"""Deeply nested sources: whatever CPython's parser accepts compiles (compiler/deep.py).

An `elif` chain of ~330+ branches or `return x + x + …` with 1,000 terms used to end in an
internal compiler error (RecursionError).  The limit is now CPython's own parser's: deeper
code is a located error saying CPython cannot compile it either.
"""
from __future__ import annotations

import ast
import sys

import pytest

import fxload
from fastext.compiler import deep
from fastext.compiler.diagnostics import CompileError
from fastext.compiler.driver import check_file, compile_file


@pytest.fixture(autouse=True)
def default_recursion_limit():
    """These tests are about CPython's default limit: a program run earlier in the same process
    (tests/fx/plain_r7/python_modules_os_string.fx calls `sys.setrecursionlimit(5000)` at import)
    may have raised it for good, which the retry never lowers."""
    before = sys.getrecursionlimit()
    sys.setrecursionlimit(1000)
    yield
    sys.setrecursionlimit(before)


def elif_chain(n: int) -> str:
    arms = "".join(f"    elif x == {k}:\n        y = {3 * k} + x\n" for k in range(1, n))
    return ("from fastext import i64\n\n\ndef pick(x: i64) -> i64:\n    y = -1\n    if x == 0:\n        y = 7\n"
            + arms + "    return y\n")


def long_sum(n: int) -> str:
    return "from fastext import i64\n\n\ndef total(x: i64) -> i64:\n    return " + " + ".join(["x"] * n) + "\n"


def nested_unary(n: int) -> str:
    return "from fastext import i64\n\n\ndef neg(x: i64) -> i64:\n    return " + "-" * n + "x\n"


def _write(tmp_path, name: str, text: str) -> str:
    path = tmp_path / f"{name}.fx"
    path.write_text(text)
    return str(path)


def _load(path: str):
    return fxload.compiled(path)


def test_elif_chain_of_1000_branches_compiles_and_runs(tmp_path):
    mod = _load(_write(tmp_path, "elifs", elif_chain(1000)))
    assert mod.pick(0) == 7 and mod.pick(1) == 4 and mod.pick(999) == 3 * 999 + 999 and mod.pick(5000) == -1


def test_sum_of_1000_terms_compiles_and_runs(tmp_path):
    mod = _load(_write(tmp_path, "sums", long_sum(1000)))
    assert mod.total(3) == 3000 and mod.total(-7) == -7000


@pytest.mark.parametrize("make", [elif_chain, long_sum, nested_unary])
def test_depth_2500_checks_cleanly(tmp_path, make):
    """Deeper than the interpreter's recursion limit, shallower than what CPython parses
    (3.11/3.12: ~2,980 levels; 3.13: more)."""
    text = make(2500)
    ast.parse(text)           # CPython accepts it
    assert check_file(_write(tmp_path, make.__name__, text)) == []


def test_too_deep_for_cpython_is_a_located_error(tmp_path):
    text = long_sum(40_000)
    with pytest.raises((RecursionError, MemoryError, SyntaxError)):
        deep.run_fresh(ast.parse, text)          # CPython's own parser refuses it
    path = _write(tmp_path, "deepest", text)
    (d,) = check_file(path)
    assert d.severity == "error" and d.span.line == 5 and "CPython cannot compile it either" in d.message
    with pytest.raises(CompileError) as info:
        compile_file(path)
    assert info.value.diagnostics[0].severity == "error"


def test_deeper_than_the_retry_allows_is_located_not_internal(tmp_path, monkeypatch):
    """If even the deep-stack retry runs out (forced here), the error points at the deepest code."""
    monkeypatch.setattr(deep, "FRAMES_PER_LEVEL", 0)
    monkeypatch.setattr(deep, "BASE_FRAMES", sys.getrecursionlimit())
    (d,) = check_file(_write(tmp_path, "forced", elif_chain(1500)))
    assert d.severity == "error" and "nested" in d.message and "levels deep" in d.message
    assert d.span.line > 1000       # in the chain, not at the top of the file


def test_recursion_limit_is_restored(tmp_path):
    before = sys.getrecursionlimit()
    check_file(_write(tmp_path, "restore", long_sum(2000)))
    assert sys.getrecursionlimit() == before


def test_ast_depth_is_iterative():
    depth, node = deep.ast_depth(ast.parse(long_sum(2000)))
    assert depth > 2000 and isinstance(node, ast.Name)
