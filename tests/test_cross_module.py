"""Calls across `.fx` modules: `from .other import f`, `from other import f`, `import other`.

The callee is compiled into the importer (native call, no Python round trip); the cache
key covers it, so editing the dependency rebuilds its importers.  Everything that goes
through the import hook runs in a fresh interpreter (tests/importer_helpers.py).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import importer_helpers as helpers
from importer_helpers import REPO, run_python, write

pytestmark = pytest.mark.skipif(not helpers.REAL_COMPILER, reason="needs the real compiler")

OTHER = """\
from fastext import f64, i64

SCALE = 3.0


def _helper(x: f64) -> f64:
    return x * SCALE


def f(x: f64, n: i64 = 2) -> f64:
    return _helper(x) + n


def total(a: f64[:]) -> f64:
    s = 0.0
    for v in a:
        s += f(v, 0)
    return s
"""

MAIN = """\
from fastext import f64, i64
from .other import f, SCALE
from . import other
from .other import total as tot


def g(x: f64) -> f64:
    return f(x) + other.f(x, n=1) + SCALE + other.SCALE


def h(a: f64[:]) -> f64:
    return tot(a) + other.total(a)


def fib(n: i64) -> i64:
    return n if n < 2 else fib(n - 1) + fib(n - 2)
"""


def make_pkg(root, main=MAIN, other=OTHER) -> str:
    write(os.path.join(root, "pkg", "__init__.py"), "")
    write(os.path.join(root, "pkg", "other.fx"), other)
    return write(os.path.join(root, "pkg", "main.fx"), main)


CALLS = """\
import array
import pkg.main as m
a = array.array('d', [1.0, 2.0, 3.5])
print(repr((m.g(2.0), m.g(-0.5), m.h(a), m.fib(10))))
"""


def test_cross_module_call_matches_interpreted(tmp_path):
    make_pkg(str(tmp_path))
    compiled = run_python(CALLS + "print(type(m.g).__name__, m.__spec__.loader.interpreted)",
                          cwd=str(tmp_path), path=[str(tmp_path)]).stdout.split("\n")
    interp = run_python(CALLS + "import sys; print(type(sys.modules['pkg.other'].f).__name__)",
                        cwd=str(tmp_path), path=[str(tmp_path)],
                        env_extra={"FASTEXT_DISABLE": "1"}).stdout.split("\n")
    assert compiled[0] == interp[0] == repr((8.0 + 7.0 + 6.0, -1.5 + 2 - 1.5 + 1 + 6.0, 39.0, 55))
    assert compiled[1] == "builtin_function_or_method False"
    assert interp[1] == "function"   # the interpreted twin imported the interpreted `other`
    # compiled: `other` is not imported at run time; the call is native
    natively = run_python("import sys, pkg.main as m; m.g(1.0); print('pkg.other' in sys.modules)",
                          cwd=str(tmp_path), path=[str(tmp_path)]).stdout.strip()
    assert natively == "False"


def test_load_interpreted_resolves_fx_imports_interpreted(tmp_path):
    path = make_pkg(str(tmp_path))
    out = run_python(f"""
        import fastext, array
        m = fastext.load_interpreted({path!r})
        a = array.array('d', [1.0, 2.0, 3.5])
        print(m.g(2.0), m.h(a), type(m.other.f).__name__, 'pkg.other' in sys.modules)
    """, cwd=str(tmp_path), path=[str(tmp_path)]).stdout.split()
    assert out == ["21.0", "39.0", "function", "False"]


def test_absolute_import_beside_the_file_and_import_module(tmp_path):
    write(str(tmp_path / "util.fx"), "from fastext import i64\ndef sq(x: i64) -> i64:\n    return x * x\n")
    write(str(tmp_path / "top.fx"), "from fastext import i64\nfrom util import sq\nimport util\n"
          "import util as u\n\ndef k(x: i64) -> i64:\n    return sq(x) + util.sq(2) + u.sq(1)\n")
    out = run_python("import top; print(top.k(3))", cwd=str(tmp_path), path=[str(tmp_path)]).stdout.strip()
    assert out == "14"
    interp = run_python("import top; print(top.k(3))", cwd=str(tmp_path), path=[str(tmp_path)],
                        env_extra={"FASTEXT_DISABLE": "1"}).stdout.strip()
    assert interp == "14"


def test_import_cycle(tmp_path):
    write(str(tmp_path / "pkg" / "__init__.py"), "")
    write(str(tmp_path / "pkg" / "even.fx"),
          "from fastext import i64\nfrom .odd import is_odd\n\n"
          "def is_even(n: i64) -> bool:\n    return True if n == 0 else is_odd(n - 1)\n")
    write(str(tmp_path / "pkg" / "odd.fx"),
          "from fastext import i64\nfrom . import even\n\n"
          "def is_odd(n: i64) -> bool:\n    return False if n == 0 else even.is_even(n - 1)\n")
    code = "import pkg.even as e, pkg.odd as o; print(e.is_even(10), e.is_even(7), o.is_odd(7))"
    assert run_python(code, cwd=str(tmp_path), path=[str(tmp_path)]).stdout.strip() == "True False True"
    assert run_python(code, cwd=str(tmp_path), path=[str(tmp_path)],
                      env_extra={"FASTEXT_DISABLE": "1"}).stdout.strip() == "True False True"


def test_editing_the_dependency_recompiles_the_importer(tmp_path):
    main = make_pkg(str(tmp_path))
    main_text = open(main).read()
    code = "import pkg.main as m; print(m.g(2.0), m.__cached__)"
    first = run_python(code, cwd=str(tmp_path), path=[str(tmp_path)]).stdout.split()
    assert first[0] == "21.0"
    again = run_python(code, cwd=str(tmp_path), path=[str(tmp_path)]).stdout.split()
    assert again == first   # a cache hit: the same build
    sidecar = first[1].rsplit(".", 1)[0] + ".json"
    assert json.load(open(sidecar))["deps"] == [os.path.join(str(tmp_path), "pkg", "other.fx")]
    write(os.path.join(str(tmp_path), "pkg", "other.fx"), OTHER.replace("SCALE = 3.0", "SCALE = 4.0"))
    second = run_python(code, cwd=str(tmp_path), path=[str(tmp_path)]).stdout.split()
    assert open(main).read() == main_text
    assert second[0] == str(2.0 * 4 + 2 + 2.0 * 4 + 1 + 4.0 + 4.0)
    assert second[1] != first[1]


def _check(path):
    from fastext.compiler.driver import check_file
    return check_file(path)


def _compile_error(path):
    from fastext.compiler.diagnostics import CompileError
    from fastext.compiler.driver import compile_file
    with pytest.raises(CompileError) as info:
        compile_file(path)
    return info.value, str(info.value)


@pytest.mark.parametrize("line, message", [
    ("from .other import nope", "has no function or constant `nope`"),
    ("from .missing import f", "cannot find the .fx module `.missing`"),
    ("import missing", "cannot find the .fx module `missing`"),
    ("import json_fx_nowhere", "cannot find the .fx module `json_fx_nowhere`"),
])
def test_missing_function_or_module_is_located(tmp_path, line, message):
    main = make_pkg(str(tmp_path), main=f"from fastext import f64\n{line}\n\ndef g(x: f64) -> f64:\n    return x\n")
    err, text = _compile_error(main)
    d = err.diagnostics[0]
    assert (d.span.file, d.span.line) == (main, 2) and message in d.message and d.hint
    assert f"{main}:2:" in text


def test_missing_attribute_of_imported_module(tmp_path):
    main = make_pkg(str(tmp_path), main="from fastext import f64\nfrom . import other\n\n"
                                         "def g(x: f64) -> f64:\n    return other.nope(x)\n")
    err, _ = _compile_error(main)
    assert err.diagnostics[0].span.line == 5 and "no function or constant `nope`" in err.diagnostics[0].message


def test_type_mismatch_in_cross_module_call(tmp_path):
    main = make_pkg(str(tmp_path), main="from fastext import f64, i64\nfrom .other import total, f\n\n"
                                         "def g(x: f64) -> f64:\n    return total(x)\n\n"
                                         "def k(x: f64) -> i64:\n    return f(x, 1.5)\n")
    err, text = _compile_error(main)
    lines = sorted(d.span.line for d in err.diagnostics)
    assert lines == [5, 8], text
    assert all(d.span.file == main for d in err.diagnostics)


def test_errors_in_the_imported_module_show_its_own_path(tmp_path):
    other = OTHER.replace("    return _helper(x) + n", "    return _helper(x) + undefined_name")
    main = make_pkg(str(tmp_path), other=other)
    other_path = os.path.join(str(tmp_path), "pkg", "other.fx")
    err, text = _compile_error(main)
    files = [(d.span.file, d.span.line) for d in err.diagnostics]
    assert (other_path, 11) in files
    assert (main, 2) in files    # and where the importer imports it
    assert f"{other_path}:11:" in text and "undefined_name" in text   # its own source line is shown


def test_fastext_check_on_a_file_that_imports_another(tmp_path):
    main = make_pkg(str(tmp_path))
    assert _check(main) == []
    env = {k: v for k, v in os.environ.items() if not k.startswith("FASTEXT_")}
    env["PYTHONPATH"] = REPO
    ok = subprocess.run([sys.executable, "-m", "fastext.cli", "check", main], capture_output=True, text=True, env=env)
    assert ok.returncode == 0, ok.stderr
    write(os.path.join(str(tmp_path), "pkg", "other.fx"), OTHER.replace("return _helper(x) + n", "return q"))
    bad = subprocess.run([sys.executable, "-m", "fastext.cli", "check", main], capture_output=True, text=True, env=env)
    assert bad.returncode == 1
    assert os.path.join(str(tmp_path), "pkg", "other.fx") + ":11:" in bad.stdout


def test_artifact_deps_are_transitive_and_absolute(tmp_path):
    write(str(tmp_path / "pkg" / "__init__.py"), "")
    write(str(tmp_path / "pkg" / "c.fx"), "from fastext import i64\ndef z(x: i64) -> i64:\n    return x + 1\n")
    write(str(tmp_path / "pkg" / "b.fx"), "from fastext import i64\nfrom .c import z\n"
          "def y(x: i64) -> i64:\n    return z(x) * 2\n")
    a = write(str(tmp_path / "pkg" / "a.fx"), "from fastext import i64\nfrom .b import y\n"
              "def x(v: i64) -> i64:\n    return y(v)\n")
    from fastext.compiler.driver import compile_file
    art = compile_file(a)
    assert sorted(art.deps) == sorted([str(tmp_path / "pkg" / "b.fx"), str(tmp_path / "pkg" / "c.fx")])
    assert art.exports == ("x",)
    assert "fx.b.y" in art.unoptimized_ir and "fx.c.z" in art.unoptimized_ir
