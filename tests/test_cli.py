"""The `fastext` command line: build (so/llvm/asm/obj), check, info, clean."""
import glob
import os
import subprocess
import sys

import pytest

from importer_helpers import ADD_FX

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

GOOD = ADD_FX       # the importer tests' sample module: add() and total()

BAD = '''
from fastext import f64

def f(x: f64[:]) -> f64:
    s = 0
    s = "1.5"
    return s

def g(a) -> int:
    return a
'''


def fastext(*args, cwd=None, env=None):
    full_env = dict(os.environ, PYTHONPATH=REPO, **(env or {}))
    return subprocess.run([sys.executable, "-m", "fastext.cli", *args], capture_output=True, text=True,
                          cwd=cwd, env=full_env, timeout=120)


@pytest.fixture
def sources(tmp_path):
    (tmp_path / "good.fx").write_text(GOOD)
    (tmp_path / "bad.fx").write_text(BAD)
    return tmp_path


def test_check_reports_every_error_and_exits_nonzero(sources):
    r = fastext("check", str(sources / "bad.fx"))
    assert r.returncode == 1
    assert f"{sources / 'bad.fx'}:6:5: error:" in r.stdout
    assert f"{sources / 'bad.fx'}:9:7: error: parameter `a` of `g` needs a type annotation" in r.stdout
    assert "hint:" in r.stdout and "^" in r.stdout
    assert "Traceback" not in r.stdout + r.stderr


def test_check_clean_file_exits_zero(sources):
    r = fastext("check", str(sources / "good.fx"))
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout == ""


def test_check_missing_file(sources):
    r = fastext("check", str(sources / "nope.fx"))
    assert r.returncode == 1 and "no such file" in r.stderr


def test_emit_llvm_and_asm(sources):
    r = fastext("build", str(sources / "good.fx"), "--emit", "llvm")
    assert r.returncode == 0, r.stderr
    assert "define ptr @PyInit_good()" in r.stdout and "define ptr @PyInit_fx()" in r.stdout
    assert "PyEval_SaveThread" in r.stdout          # total() loops: the GIL is released around it
    r = fastext("build", str(sources / "good.fx"), "--emit", "asm")
    assert r.returncode == 0 and "PyInit_good:" in r.stdout


def test_build_shared_object_imports_without_fastext(sources):
    out = sources / "out" / "good.abi3.so"
    r = fastext("build", str(sources / "good.fx"), "-o", str(out))
    assert r.returncode == 0, r.stderr
    code = "import good, array; print(good.add(2, 3), good.total(array.array('d', [1.5, 2.5])))"
    env = dict(os.environ, FASTEXT_NO_HOOK="1")
    env.pop("PYTHONPATH", None)
    run = subprocess.run([sys.executable, "-c", code], cwd=out.parent, capture_output=True, text=True, env=env)
    assert run.stdout.split() == ["5", "4.0"], run.stderr


def _other_pythons():
    found = []
    for pattern in ("~/.pyenv/versions/3.12*/bin/python", "~/.pyenv/versions/3.13*/bin/python",
                    "/usr/bin/python3.12", "/usr/bin/python3.13"):
        found += glob.glob(os.path.expanduser(pattern))
    return found


@pytest.mark.parametrize("python", _other_pythons() or [pytest.param(None, marks=pytest.mark.skip("no 3.12/3.13"))])
def test_object_is_abi3_across_python_versions(sources, python):
    """Only the Limited API is used, so the object built here imports under a later CPython."""
    out = sources / "abi3" / "good.abi3.so"
    assert fastext("build", str(sources / "good.fx"), "-o", str(out)).returncode == 0
    code = "import good, array; print(good.add(40, 2), good.total(array.array('d', [1.0, 2.0])))"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    run = subprocess.run([python, "-S", "-c", code], cwd=out.parent, capture_output=True, text=True, env=env)
    assert run.stdout.split() == ["42", "3.0"], run.stderr


def test_build_error_exit_code(sources):
    r = fastext("build", str(sources / "bad.fx"))
    assert r.returncode == 1 and "error:" in r.stderr and "Traceback" not in r.stderr


def test_info_names_the_native_path():
    r = fastext("info")
    assert r.returncode == 0
    assert "LLVM" in r.stdout and "linker" in r.stdout
    r = fastext("info", env={"FASTEXT_LINKER": "none"})
    assert "JIT" in r.stdout


def test_clean_removes_cached_builds(sources):
    code = "import fastext, good; print(good.add(1, 2))"
    env = dict(os.environ, PYTHONPATH=f"{REPO}{os.pathsep}{sources}")
    env.pop("FASTEXT_CACHE_DIR", None)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=sources)
    assert run.stdout.strip() == "3", run.stderr
    assert glob.glob(str(sources / "__fxcache__" / "good.*"))
    r = fastext("clean", str(sources))
    assert r.returncode == 0 and "removed" in r.stdout
    assert not glob.glob(str(sources / "__fxcache__" / "good.*.so"))
