"""Stubs outside wheels: `fastext stubs PATH...`, FASTEXT_STUBS=1 in the import hook, and
mypy and pyright reading the `.pyi` beside a `.fx` (docs/stubs.md).  The editable-install
stubs are checked in tests/test_wheels.py::test_editable_install_serves_fx_through_the_hook."""
import os
import subprocess
import sys
import time

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

KERNELS = '''\
from fastext import f64, i64


def scale(x: f64[:], a: f64) -> f64:
    """Sum of a * x."""
    s = 0.0
    for i in range(len(x)):
        s += a * x[i]
    return s


def count(n: i64, step: i64 = 1) -> i64:
    return n + step
'''

GOOD = '''\
from array import array
import kernels

x = array("d", [1.0, 2.0])
r: float = kernels.scale(x, 2.0)
n: int = kernels.count(3)
m: int = kernels.count(3, step=2)
'''

BAD = '''\
import kernels

r = kernels.count("three")
'''


def _env(**extra):
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("FASTEXT_STUBS", None)
    env.update(extra)
    return env


def _fastext(*args, cwd):
    return subprocess.run([sys.executable, "-m", "fastext.cli", *args], cwd=cwd, env=_env(),
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def proj(tmp_path):
    (tmp_path / "kernels.fx").write_text(KERNELS)
    (tmp_path / "good.py").write_text(GOOD)
    (tmp_path / "bad.py").write_text(BAD)
    return tmp_path


def test_stubs_command_writes_pyi_beside_fx_and_check_sees_staleness(proj):
    out = _fastext("stubs", str(proj), cwd=proj)
    assert out.returncode == 0, out.stderr
    stub = (proj / "kernels.pyi").read_text()
    assert "def scale(x: Buffer, a: float) -> float:" in stub
    assert "def count(n: int, step: int = ...) -> int:" in stub
    assert '"""Sum of a * x."""' in stub
    assert _fastext("stubs", "--check", str(proj / "kernels.fx"), cwd=proj).returncode == 0

    again = _fastext("stubs", str(proj / "kernels.fx"), cwd=proj)
    assert "(unchanged)" in again.stdout

    (proj / "kernels.fx").write_text(KERNELS.replace("n: i64, step", "n: f64, step").replace("-> i64", "-> f64"))
    check = _fastext("stubs", "--check", str(proj), cwd=proj)
    assert check.returncode == 1 and "out of date" in check.stdout


def test_stubs_command_reports_located_errors_and_writes_nothing(tmp_path):
    (tmp_path / "broken.fx").write_text("from fastext import f64\n\ndef f(x: f64) -> f64:\n    return x + y\n")
    out = _fastext("stubs", str(tmp_path / "broken.fx"), cwd=tmp_path)
    assert out.returncode == 1
    assert "broken.fx:4:" in out.stderr and "^" in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "broken.pyi").exists()


@pytest.mark.parametrize("disabled", ["0", "1"])
def test_import_hook_keeps_stubs_fresh_with_FASTEXT_STUBS(proj, disabled):
    """Compiled and interpreted imports both keep the stub in step with the source; without the
    setting no stub appears."""
    code = "import kernels; print(kernels.count(1))"
    run = lambda **env: subprocess.run([sys.executable, "-c", code], cwd=proj, capture_output=True, text=True,
                                      timeout=120, env=_env(FASTEXT_DISABLE=disabled, **env))
    out = run()
    assert out.returncode == 0 and out.stdout.strip() == "2", out.stderr
    assert not (proj / "kernels.pyi").exists()

    out = run(FASTEXT_STUBS="1")
    assert out.returncode == 0, out.stderr
    assert "def count(n: int, step: int = ...) -> int:" in (proj / "kernels.pyi").read_text()

    time.sleep(0.01)
    edited = KERNELS + '\n\ndef triple(x: f64) -> f64:\n    return 3.0 * x\n'
    (proj / "kernels.fx").write_text(edited)
    later = time.time() + 2       # an mtime clearly after the stub's, whatever the file system's granularity
    os.utime(proj / "kernels.fx", (later, later))
    out = run(FASTEXT_STUBS="1")
    assert out.returncode == 0, out.stderr
    assert "def triple(x: float) -> float:" in (proj / "kernels.pyi").read_text()


def _mypy(proj, target):
    return subprocess.run([sys.executable, "-m", "mypy", "--python-version", "3.12", "--no-incremental",
                           "--cache-dir", os.devnull, target], cwd=proj, capture_output=True, text=True, timeout=300,
                          env=_env(MYPYPATH=str(proj)))


def test_mypy_sees_the_signatures(proj):
    pytest.importorskip("mypy", reason="mypy not installed (pip install -e '.[test]')")
    assert _fastext("stubs", str(proj), cwd=proj).returncode == 0
    good = _mypy(proj, "good.py")
    assert good.returncode == 0, good.stdout
    bad = _mypy(proj, "bad.py")
    assert bad.returncode == 1, bad.stdout
    assert 'bad.py:3: error: Argument 1 to "count" has incompatible type "str"; expected "int"' in bad.stdout


def _pyright_or_skip():
    pytest.importorskip("pyright", reason="pyright not installed (pip install -e '.[test]')")
    try:
        probe = subprocess.run([sys.executable, "-m", "pyright", "--version"], capture_output=True, text=True,
                               timeout=120)
    except subprocess.TimeoutExpired:
        pytest.skip("pyright could not start in 120 s (it downloads Node.js on first use when none is installed)")
    if probe.returncode != 0 or "pyright" not in probe.stdout:
        pytest.skip(f"pyright cannot run here (it needs Node.js, downloaded on first use when none is "
                    f"installed, which needs the network): {(probe.stdout + probe.stderr).strip()[-300:]}")


def test_pyright_sees_the_signatures(proj):
    _pyright_or_skip()
    assert _fastext("stubs", str(proj), cwd=proj).returncode == 0
    run = lambda target: subprocess.run([sys.executable, "-m", "pyright", "--pythonversion", "3.12", target],
                                        cwd=proj, capture_output=True, text=True, timeout=300, env=_env())
    good = run("good.py")
    assert good.returncode == 0, good.stdout
    bad = run("bad.py")
    assert bad.returncode == 1, bad.stdout
    assert 'cannot be assigned to parameter "n" of type "int"' in bad.stdout and "bad.py:3:" in bad.stdout
