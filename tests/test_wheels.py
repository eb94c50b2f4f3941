"""Prebuilt wheels (issue 4): the PEP 517 backend `fastext.build.backend`, settings, stubs,
and the example library `examples/wheelpkg` built, inspected and installed into fresh
venvs that have neither fastext nor llvmlite nor a compiler on PATH; `auditwheel show`
and mypy on its wheel (skipped when not installed); the setuptools integration under
`setuptools.build_meta` + `[tool.fastext]`; editable installs served by the import hook."""
import ast
import glob
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import textwrap
import zipfile

import pytest

from fastext.build import settings as S
from fastext.build.stubs import stub_text

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE = os.path.join(REPO, "examples", "wheelpkg")
EPOCH = "1700000000"


# ----------------------------------------------------------------------------- settings (in process)

def _project(tmp_path, table: str = "") -> str:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "p"\nversion = "1"\n' + table)
    return str(tmp_path)


def test_settings_defaults(tmp_path):
    s = S.load(_project(tmp_path), environ={})
    assert (s.abi3, s.opt_level, s.boundscheck, s.stubs, s.include, s.exclude) == (True, 3, True, True, ("*",), ())
    assert s.cpu == S.default_cpu()
    assert S.default_cpu("x86_64") == "x86-64-v2" and S.default_cpu("aarch64") == "generic"
    assert s.py_limited_api() == "cp311" and s.ext_suffix() == ".abi3.so"
    assert s.options().cpu == s.cpu
    assert s.gpu_archs == ("sm_80", "sm_90") == s.options().gpu_archs
    s = S.load(_project(tmp_path), {"fastext.gpu-archs": "sm_90"}, environ={"FASTEXT_GPU_ARCHS": "sm_70"})
    assert s.options().gpu_archs == ("sm_90",)           # the import hook's FASTEXT_GPU_ARCHS is not read


def test_settings_override_order(tmp_path):
    proj = _project(tmp_path, '[tool.fastext]\ncpu = "x86-64-v3"\nopt-level = 2\nabi3 = false\n'
                              'boundscheck = false\nexclude = ["pkg/slow_*.fx"]\n')
    s = S.load(proj, environ={})
    assert (s.cpu, s.opt_level, s.abi3, s.boundscheck) == ("x86-64-v3", 2, False, False)
    assert s.py_limited_api() is None and s.ext_suffix() != ".abi3.so"
    assert s.selects("pkg/fast.fx") and not s.selects("pkg/slow_one.fx")
    s = S.load(proj, environ={"FASTEXT_BUILD_CPU": "x86-64-v4", "FASTEXT_BUILD_OPT_LEVEL": "1",
                              "FASTEXT_CPU": "host"})          # the import hook's switch is not read
    assert (s.cpu, s.opt_level, s.abi3) == ("x86-64-v4", 1, False)
    assert s.origin["cpu"] == "environment variable FASTEXT_BUILD_CPU"
    s = S.load(proj, {"fastext.cpu": "generic", "fastext.abi3": "true", "fastext.include": "a/*.fx,b/*.fx",
                      "--build-option": "ignored-here"}, environ={"FASTEXT_BUILD_CPU": "x86-64-v4"})
    assert (s.cpu, s.abi3, s.include) == ("generic", True, ("a/*.fx", "b/*.fx"))
    assert s.origin["cpu"] == "config_settings `fastext.cpu`"


@pytest.mark.parametrize("table, config, env, needle", [
    ('cpus = "x"', {}, {}, "unknown key `cpus`"),
    ('opt_level = 2', {}, {}, "did you mean `opt-level`"),
    ('abi3 = "maybe"', {}, {}, "`abi3` must be true or false"),
    ('opt-level = 7', {}, {}, "`opt-level` must be 0, 1, 2 or 3"),
    ('include = "*.fx"', {}, {}, None),                       # a string is a one-item list: fine
    ('include = [1]', {}, {}, "`include` must be a list of glob patterns"),
    ('', {"fastext.cpuu": "x"}, {}, "config_settings `fastext.cpuu`: unknown key `cpuu`"),
    ('', {}, {"FASTEXT_BUILD_BOUNDSCHECK": "perhaps"}, "environment variable FASTEXT_BUILD_BOUNDSCHECK"),
    ('', {}, {"FASTEXT_BUILD_CPU": "x86 64"}, "`cpu` must be an LLVM CPU name"),
    ('variants = ["x86-64-v9"]', {}, {}, "`variants` must be a list drawn from x86-64-v2"),
    ('gpu-archs = ["hopper"]', {}, {}, "`gpu-archs` must be a list of GPU architectures"),
    ('', {}, {"FASTEXT_BUILD_GPU_ARCHS": "sm_90,"}, None),
])
def test_settings_errors_name_the_key(tmp_path, table, config, env, needle):
    proj = _project(tmp_path, "[tool.fastext]\n" + table + "\n")
    if needle is None:
        S.load(proj, config, environ=env)
        return
    with pytest.raises(S.SettingsError, match=re.escape(needle)):
        S.load(proj, config, environ=env)


# ----------------------------------------------------------------------------- stubs (in process)

def test_stub_types(tmp_path):
    from fastext.compiler.frontend import check_source
    from fastext.compiler.source import SourceFile
    src = textwrap.dedent('''
        """Module doc."""
        from fastext import f32, f64, i8, u64, boolean

        def a(x: f64[:], n: i8, k: u64 = 3, flag: bool = True) -> tuple[f64, i8]:
            """Doc of a."""
            return x[0], n

        def b(m: boolean[:, :], y: f32) -> None:
            pass

        def c() -> bool:
            return True

        def z(w: complex) -> complex:
            return w

        def _hidden(x: f64) -> f64:
            return x
        ''')
    module, diags = check_source(SourceFile("m.fx", src), "m")
    assert module is not None, diags.items
    text = stub_text(module, "m.fx")
    ast.parse(text)
    assert 'def a(x: Buffer, n: int, k: int = ..., flag: bool = ...) -> tuple[float, int]:' in text
    assert "def b(m: Buffer, y: float) -> None:" in text
    assert "def c() -> bool:" in text and "_hidden" not in text
    assert "def z(w: complex) -> complex:" in text
    assert '"""Module doc."""' in text and '"""Doc of a."""' in text
    assert "from collections.abc import Buffer" in text and "Buffer: TypeAlias = Any" in text
    assert "# a(x: f64[:], n: i8, k: u64, flag: bool) -> tuple[f64, i8]" in text


# ----------------------------------------------------------------------------- end to end

def _needs_build_tools():
    import setuptools
    if tuple(int(p) for p in setuptools.__version__.split(".")[:2]) < (70, 1):
        pytest.skip("setuptools>=70.1 needed in the test environment (pip install -e '.[test]')")
    if shutil.which("cc") is None and shutil.which("gcc") is None and shutil.which("clang") is None:
        pytest.skip("no C linker here")


def _copy_example(dest) -> str:
    shutil.copytree(EXAMPLE, dest, ignore=shutil.ignore_patterns("__fxcache__", "__pycache__", "build", "dist",
                                                                 "*.egg-info"))
    return str(dest)


def _run(cmd, cwd=None, env=None, timeout=180):
    full_env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, PIP_NO_INPUT="1", **(env or {}))
    return subprocess.run(cmd, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=timeout)


def _build(project, outdir, *args, env=None):
    """`python -m build --no-isolation` (sdist, then the wheel from the sdist, unless args say otherwise)."""
    pytest.importorskip("build")
    return _run([sys.executable, "-m", "build", "--no-isolation", "-o", str(outdir), *args, project], env=env)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The example built with `python -m build`: its sdist, and its wheel built from that sdist."""
    _needs_build_tools()
    root = tmp_path_factory.mktemp("wheelpkg")
    project = _copy_example(root / "src")
    proc = _build(project, root / "dist")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    wheel, = glob.glob(str(root / "dist" / "*.whl"))
    sdist, = glob.glob(str(root / "dist" / "*.tar.gz"))
    return {"root": root, "project": project, "wheel": wheel, "sdist": sdist, "log": proc.stdout + proc.stderr}


@pytest.mark.slow
def test_wheel_tag_and_contents(built):
    wheel = built["wheel"]
    assert os.path.basename(wheel).startswith("wheelpkg-0.1.0-cp311-abi3-"), wheel
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        meta = z.read("wheelpkg-0.1.0.dist-info/WHEEL").decode()
        record = z.read("wheelpkg-0.1.0.dist-info/RECORD").decode()
        stub = z.read("wheelpkg/vecmath.pyi").decode()
        dates = {i.date_time for i in z.infolist()}
    for mod in ("vecmath", "series"):
        for suffix in (".abi3.so", ".fx", ".pyi"):
            assert f"wheelpkg/{mod}{suffix}" in names
            assert f"wheelpkg/{mod}{suffix}," in record
    assert {"wheelpkg/py.typed", "wheelpkg/__init__.py", "wheelpkg/stats.py"} <= names
    assert "Root-Is-Purelib: false" in meta and "Tag: cp311-abi3-" in meta
    assert "def dot(x: Buffer, y: Buffer) -> float:" in stub
    assert "def moments(x: Buffer) -> tuple[float, float]:" in stub
    assert dates == {(2023, 11, 14, 22, 13, 20)}        # SOURCE_DATE_EPOCH
    assert "cpu=x86-64-v2" in built["log"] or "cpu=generic" in built["log"]


@pytest.mark.slow
def test_sdist_contains_fx_sources(built):
    with tarfile.open(built["sdist"]) as t:
        names = {n.split("/", 1)[1] for n in t.getnames() if "/" in n}
    assert {"wheelpkg/vecmath.fx", "wheelpkg/series.fx", "pyproject.toml", "tests/test_wheelpkg.py"} <= names
    assert not any(n.endswith(".so") for n in names)


@pytest.mark.slow
def test_compiled_for_the_portable_baseline(built, tmp_path):
    if S.default_cpu() != "x86-64-v2" or shutil.which("objdump") is None:
        pytest.skip("x86-64 with objdump only")
    with zipfile.ZipFile(built["wheel"]) as z:
        z.extract("wheelpkg/vecmath.abi3.so", tmp_path)
    so = str(tmp_path / "wheelpkg" / "vecmath.abi3.so")
    dis = _run(["objdump", "-d", so]).stdout
    assert "ymm" not in dis and "zmm" not in dis          # no AVX: x86-64-v2 (SSE4.2) only
    dyn = _run(["objdump", "-T", so]).stdout
    assert "PyInit_vecmath" in dyn and "PyInit_fx" in dyn
    needed = [line.split()[-1] for line in _run(["objdump", "-p", so]).stdout.splitlines() if "NEEDED" in line]
    assert set(needed) <= {"libc.so.6", "libm.so.6", "libpthread.so.0"}, needed


@pytest.mark.slow
def test_reproducible(built, tmp_path):
    """A second build, from another directory, gives the same bytes (SOURCE_DATE_EPOCH)."""
    project = _copy_example(tmp_path / "elsewhere")
    proc = _build(project, tmp_path / "dist", "--wheel")
    assert proc.returncode == 0, proc.stderr[-3000:]
    again, = glob.glob(str(tmp_path / "dist" / "*.whl"))
    with open(again, "rb") as a, open(built["wheel"], "rb") as b:
        assert a.read() == b.read()


def _fresh_venv(python, where, *packages):
    """A venv made by `python -m venv --without-pip`, filled by this environment's pip (`--python`)."""
    subprocess.run([python, "-m", "venv", "--without-pip", str(where)], check=True, timeout=120)
    vpy = str(where / "bin" / "python")
    proc = _run([sys.executable, "-m", "pip", "--python", vpy, "install", "-q", *packages], timeout=300)
    if proc.returncode != 0:
        pytest.skip(f"could not install {packages} into a fresh venv: {proc.stderr[-500:]}")
    return vpy


def _run_example_tests(vpy, built, tmp_path):
    """The example's own tests, from a folder outside the project, PATH without a compiler."""
    tests = tmp_path / "example-tests"
    shutil.copytree(os.path.join(built["project"], "tests"), tests)
    env = {"PATH": os.path.dirname(vpy), "WHEELPKG_EXPECT_WHEEL": "1", "PYTHONPATH": "", "PYTHONNOUSERSITE": "1"}
    probe = _run([vpy, "-c", "import importlib.util as u, wheelpkg, wheelpkg.vecmath as v;"
                  "print(u.find_spec('fastext'), u.find_spec('llvmlite'), v.__file__)"], cwd=str(tmp_path), env=env)
    assert probe.returncode == 0, probe.stderr
    none1, none2, path = probe.stdout.split()
    assert (none1, none2) == ("None", "None")            # neither fastext nor llvmlite there
    assert path.endswith("vecmath.abi3.so") and "site-packages" in path
    proc = _run([vpy, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tests)], cwd=str(tmp_path), env=env)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    return proc.stdout


@pytest.mark.slow
def test_wheel_installs_and_runs_without_fastext(built, tmp_path):
    vpy = _fresh_venv(sys.executable, tmp_path / "venv", built["wheel"], "numpy", "pytest")
    out = _run_example_tests(vpy, built, tmp_path)
    assert "7 passed" in out, out                        # the NumPy test ran too


@pytest.mark.slow
@pytest.mark.parametrize("version", ["3.12", "3.13"])
def test_same_wheel_under_another_cpython(built, tmp_path, version):
    candidates = sorted(glob.glob(os.path.expanduser(f"~/.pyenv/versions/{version}*/bin/python"))) + \
        [p for p in [shutil.which(f"python{version}")] if p]
    if not candidates:
        pytest.skip(f"no CPython {version} here")
    # wheelpkg has no dependencies; there is no NumPy wheel for 3.12+ here, so its NumPy test skips
    vpy = _fresh_venv(candidates[0], tmp_path / "venv", built["wheel"], "pytest")
    ver = _run([vpy, "-c", "import sys; print(sys.version_info[:2])"]).stdout.strip()
    assert ver == str(tuple(int(p) for p in version.split(".")))
    _run_example_tests(vpy, built, tmp_path)


@pytest.mark.slow
def test_pip_wheel_version_specific_via_config_settings(tmp_path):
    """`pip wheel --no-build-isolation -C fastext.abi3=false`: a cp311-cp311 wheel, modules with EXT_SUFFIX."""
    _needs_build_tools()
    import sysconfig
    project = _copy_example(tmp_path / "src")
    proc = _run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "-w",
                 str(tmp_path / "dist"), "-C", "fastext.abi3=false", "-C", "fastext.opt-level=2", project])
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    wheel, = glob.glob(str(tmp_path / "dist" / "*.whl"))
    tag = "cp{0}{1}-cp{0}{1}-".format(*sys.version_info[:2])
    assert tag in os.path.basename(wheel)
    names = zipfile.ZipFile(wheel).namelist()
    assert "wheelpkg/vecmath" + sysconfig.get_config_var("EXT_SUFFIX") in names
    assert not any(n.endswith(".abi3.so") for n in names)


def _failing_build(project, tmp_path, env=None):
    proc = _build(project, tmp_path / "dist", "--wheel", env=env)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0, out[-2000:]
    assert not glob.glob(str(tmp_path / "dist" / "*.whl"))
    assert "Traceback" not in out, out[-4000:]
    return out


@pytest.mark.slow
def test_invalid_fx_fails_the_build_with_diagnostics(tmp_path):
    _needs_build_tools()
    project = _copy_example(tmp_path / "src")
    with open(os.path.join(project, "wheelpkg", "broken.fx"), "w") as f:
        f.write('from fastext import f64\n\ndef bad(x: f64) -> f64:\n    return x + "a"\n')
    out = _failing_build(project, tmp_path)
    assert "wheelpkg/broken.fx:4:15: error:" in out or "wheelpkg/broken.fx:4:" in out, out[-3000:]
    assert "hint:" in out and "the wheel was not built" in out


@pytest.mark.slow
def test_excluded_fx_is_not_compiled_but_shipped(tmp_path):
    _needs_build_tools()
    project = _copy_example(tmp_path / "src")
    with open(os.path.join(project, "wheelpkg", "broken.fx"), "w") as f:
        f.write('def bad(x) -> int:\n    return x\n')
    proc = _build(project, tmp_path / "dist", "--wheel", "-C", "fastext.exclude=wheelpkg/broken.fx")
    assert proc.returncode == 0, proc.stderr[-3000:]
    names = zipfile.ZipFile(glob.glob(str(tmp_path / "dist" / "*.whl"))[0]).namelist()
    assert "wheelpkg/broken.fx" in names and not any(n.startswith("wheelpkg/broken.") and n.endswith(".so")
                                                     for n in names)


@pytest.mark.slow
def test_bad_setting_and_missing_linker_fail_clearly(tmp_path):
    _needs_build_tools()
    project = _copy_example(tmp_path / "src")
    pyproject = os.path.join(project, "pyproject.toml")
    with open(pyproject) as f:
        text = f.read()
    with open(pyproject, "w") as f:
        f.write(text.replace("opt-level = 3", "opt-levle = 3"))
    out = _failing_build(project, tmp_path)
    assert "unknown key `opt-levle`" in out, out[-2000:]
    with open(pyproject, "w") as f:
        f.write(text)
    out = _failing_build(project, tmp_path, env={"FASTEXT_LINKER": "/nonexistent/cc"})
    assert "no C linker found" in out and "apt install gcc" in out, out[-2000:]


# ----------------------------------------------------------------------------- auditwheel, mypy

@pytest.mark.slow
def test_auditwheel_show_manylinux(built):
    """`auditwheel show`: manylinux-compatible, no external libraries (the modules record only libc)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("Linux only")
    pytest.importorskip("auditwheel", reason="auditwheel not installed (pip install -e '.[test]')")
    proc = _run([sys.executable, "-m", "auditwheel", "show", built["wheel"]])
    out = " ".join((proc.stdout + proc.stderr).split())
    assert proc.returncode == 0, out[-3000:]
    assert re.search(r'consistent with the following platform tag: "manylinux_2_\d+_x86_64"', out) or \
        re.search(r'platform tag: "manylinux_2_\d+_\w+"', out), out
    assert "requires no external shared libraries" in out, out
    assert re.search(r"system-provided shared libraries: libc\.so\.6 with versions", out), out
    for lib in re.findall(r"\b(lib[\w.+-]+\.so[\d.]*)", out):
        assert lib in ("libc.so.6", "libm.so.6", "libpthread.so.0"), (lib, out)


_CONSUMER_OK = '''
from array import array
from wheelpkg import series, vecmath
x = array("d", [1.0, 2.0])
d: float = vecmath.dot(x, memoryview(x))
mean, var = vecmath.moments(x)
reveal_type(mean)
n: int = series.fib(10) + series.collatz_steps(27, limit=5)
ok: bool = series.is_prime(7)
vecmath.axpy(2.0, x, x)
'''
_CONSUMER_BAD = '''
from array import array
from wheelpkg import series, vecmath
x = array("d", [1.0])
vecmath.dot([1.0], x)
s: str = series.fib(3)
series.fib("3")
vecmath.nope(x)
'''


@pytest.mark.slow
def test_mypy_on_a_consumer_of_the_stubs(built, tmp_path):
    """mypy sees the generated stubs: real types for good code, errors for bad calls (checked as 3.12,
    where arrays are collections.abc.Buffer)."""
    pytest.importorskip("mypy", reason="mypy not installed (pip install -e '.[test]')")
    with zipfile.ZipFile(built["wheel"]) as z:
        z.extractall(tmp_path / "site")
    (tmp_path / "site" / "good.py").write_text(_CONSUMER_OK)
    (tmp_path / "site" / "bad.py").write_text(_CONSUMER_BAD)
    proc = _run([sys.executable, "-m", "mypy", "--python-version", "3.12", "--cache-dir", str(tmp_path / "cache"),
                 "--no-error-summary", "--show-error-codes", "good.py", "bad.py"], cwd=str(tmp_path / "site"))
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert 'good.py:7: note: Revealed type is "builtins.float"' in lines or \
        'good.py:7: note: Revealed type is "float"' in lines, lines
    errors = sorted(line.split(": error:")[0] for line in lines if ": error:" in line)
    assert errors == ["bad.py:5", "bad.py:6", "bad.py:7", "bad.py:8"], lines   # and none in wheelpkg/ or good.py
    text = proc.stdout
    assert 'Argument 1 to "dot" has incompatible type "list[float]"; expected "Buffer"' in text
    assert 'Module has no attribute "nope"' in text


# ----------------------------------------------------------------------------- setuptools.build_meta + [tool.fastext]

_EP_GROUP = "setuptools.finalize_distribution_options"
_EP_VALUE = "fastext.build.setuptools_plugin:finalize_distribution_options"


def test_entry_point_declared():
    import tomllib
    with open(os.path.join(REPO, "pyproject.toml"), "rb") as f:
        eps = tomllib.load(f)["project"]["entry-points"][_EP_GROUP]
    assert eps == {"fastext": _EP_VALUE}


def _entry_point_installed():
    from importlib.metadata import entry_points
    if not any(ep.value == _EP_VALUE for ep in entry_points(group=_EP_GROUP)):
        pytest.skip("fastext's installed metadata predates the setuptools entry point: "
                    "reinstall it (pip install -e . --no-build-isolation)")


def test_finalize_hook_is_a_cheap_no_op_elsewhere(tmp_path):
    """Without a [tool.fastext] table the hook changes nothing and loads nothing of fastext's build."""
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "other"\nversion = "1"\n')
    (tmp_path / "mentions").mkdir()
    (tmp_path / "mentions" / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools", "fastext"]\n[tool.other]\nfastext = 1\n')
    code = textwrap.dedent('''
        import os, sys
        from fastext.build.setuptools_plugin import finalize_distribution_options
        from setuptools.dist import Distribution
        for where in (".", "mentions", "missing"):
            os.makedirs(where, exist_ok=True)
            os.chdir(where)
            dist = Distribution({"name": "other"})
            before = (dict(dist.cmdclass), dist.has_ext_modules(), dict(dist.get_option_dict("bdist_wheel")))
            finalize_distribution_options(dist)
            after = (dict(dist.cmdclass), dist.has_ext_modules(), dict(dist.get_option_dict("bdist_wheel")))
            assert before == after and not after[1], (where, after)
            assert not hasattr(dist, "_fastext_applied"), where
            if where == ".":
                assert "fastext.build.settings" not in sys.modules     # no TOML parse: one small read
            os.chdir(os.path.dirname(os.getcwd()) if where != "." else ".")
        print("heavy:", sorted(m for m in ("llvmlite", "fastext.compiler", "numpy") if m in sys.modules))
        ''')
    proc = _run([sys.executable, "-c", code], cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "heavy: []" in proc.stdout


@pytest.mark.slow
def test_setuptools_build_meta_with_tool_fastext_table(tmp_path):
    """A project that keeps `setuptools.build_meta` and adds [tool.fastext] gets compiled modules
    (through fastext's `setuptools.finalize_distribution_options` entry point); a project without
    the table, built in the same environment, is an ordinary pure-Python wheel."""
    _needs_build_tools()
    _entry_point_installed()
    project = _copy_example(tmp_path / "src")
    pyproject = os.path.join(project, "pyproject.toml")
    with open(pyproject) as f:
        text = f.read()
    with open(pyproject, "w") as f:
        f.write(text.replace('build-backend = "fastext.build.backend"', 'build-backend = "setuptools.build_meta"'))
    plain = tmp_path / "plain"
    (plain / "plainpkg").mkdir(parents=True)
    (plain / "plainpkg" / "__init__.py").write_text("X = 1\n")
    (plain / "pyproject.toml").write_text('[build-system]\nrequires = ["setuptools>=70.1"]\n'
                                          'build-backend = "setuptools.build_meta"\n'
                                          '[project]\nname = "plainpkg"\nversion = "1.0"\n')
    proc = _run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "-w",
                 str(tmp_path / "dist"), project, str(plain)])
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    wheel, = glob.glob(str(tmp_path / "dist" / "wheelpkg-*.whl"))
    assert os.path.basename(wheel).startswith("wheelpkg-0.1.0-cp311-abi3-linux_"), wheel
    names = set(zipfile.ZipFile(wheel).namelist())
    for mod in ("vecmath", "series"):
        assert {f"wheelpkg/{mod}.abi3.so", f"wheelpkg/{mod}.fx", f"wheelpkg/{mod}.pyi"} <= names, names
    assert "wheelpkg/py.typed" in names
    other, = glob.glob(str(tmp_path / "dist" / "plainpkg-*.whl"))
    assert os.path.basename(other) == "plainpkg-1.0-py3-none-any.whl"


# ----------------------------------------------------------------------------- editable install (PEP 660)

def _venv_seeing_this_environment(where):
    """A venv (no pip) whose site-packages also holds this environment's, with its .pth files
    (fastext's import hook and editable finder): fastext, setuptools and NumPy without installing."""
    import sysconfig
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(where)], check=True, timeout=120)
    vpy = str(where / "bin" / "python")
    site = _run([vpy, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip()
    with open(os.path.join(site, "_outer_env.pth"), "w") as f:
        f.write(f"import site; site.addsitedir({sysconfig.get_paths()['purelib']!r})\n")
    return vpy


@pytest.mark.slow
def test_editable_install_serves_fx_through_the_hook(built, tmp_path):
    """`pip install -e --no-build-isolation`: nothing compiled into the tree, a stale compiled module
    beside a `.fx` removed, the `.fx` served by the import hook, and an edit picked up by the next
    import in a fresh process without reinstalling."""
    _needs_build_tools()
    project = _copy_example(tmp_path / "src")
    pkg = os.path.join(project, "wheelpkg")
    with zipfile.ZipFile(built["wheel"]) as z:     # e.g. left by unpacking a wheel: would shadow vecmath.fx
        with open(os.path.join(pkg, "vecmath.abi3.so"), "wb") as f:
            f.write(z.read("wheelpkg/vecmath.abi3.so"))
    vpy = _venv_seeing_this_environment(tmp_path / "venv")
    proc = _run([sys.executable, "-m", "pip", "--python", vpy, "install", "-v", "--no-build-isolation", "--no-deps",
                 "-e", project])
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "removed wheelpkg/vecmath.abi3.so" in proc.stdout + proc.stderr
    stray = [p for p in glob.glob(os.path.join(project, "**", "*.so"), recursive=True)]
    assert stray == [], stray
    # editable installs get stubs beside the sources, where type checkers look (docs/stubs.md)
    assert os.path.isfile(os.path.join(pkg, "vecmath.pyi")) and os.path.isfile(os.path.join(pkg, "py.typed"))
    assert "def dot(" in open(os.path.join(pkg, "vecmath.pyi")).read()

    env = {"PYTHONPATH": "", "PYTHONNOUSERSITE": "1"}
    probe = ("import wheelpkg, wheelpkg.vecmath as v; from array import array; x = array('d', [1.0, 2.0]);"
             "print(v.__file__); print(wheelpkg.native_files()['wheelpkg.vecmath']); print(v.dot(x, x));"
             "print(getattr(v, 'triple', lambda x: None)(2.0))")
    out = _run([vpy, "-c", probe], cwd=str(tmp_path), env=env)
    assert out.returncode == 0, out.stderr[-3000:]
    path, compiled, dot, triple = out.stdout.split()
    assert path == os.path.join(os.path.realpath(pkg), "vecmath.fx") or path == os.path.join(pkg, "vecmath.fx")
    assert "__fxcache__" in compiled and compiled.endswith(".so")      # compiled by the hook, not interpreted
    assert (dot, triple) == ("5.0", "None")

    with open(os.path.join(pkg, "vecmath.fx"), "a") as f:
        f.write('\n\ndef triple(x: f64) -> f64:\n    """Added after the install."""\n    return 3.0 * x\n')
    out = _run([vpy, "-c", probe], cwd=str(tmp_path), env=env)
    assert out.returncode == 0, out.stderr[-3000:]
    _, compiled2, _, triple = out.stdout.split()
    assert triple == "6.0" and compiled2 != compiled and "__fxcache__" in compiled2


# ----------------------------------------------------------------------------- CPU variants

@pytest.mark.slow
@pytest.mark.skipif(platform.machine() not in ("x86_64", "AMD64"), reason="x86-64 microarchitecture levels")
def test_cpu_variants_dispatch_at_import(tmp_path):
    """One wheel with v2/v3/v4 builds: the dispatcher loads the best level this CPU runs."""
    _needs_build_tools()
    project = _copy_example(tmp_path / "proj")
    dist = tmp_path / "dist"
    proc = _run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "-q", "-w", str(dist),
                 "-C", "fastext.variants=x86-64-v2,x86-64-v3,x86-64-v4", project], cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr[-3000:]
    (wheel,) = dist.glob("*.whl")
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
    assert "wheelpkg/vecmath.py" in names and "wheelpkg/vecmath.abi3.so" not in names
    assert {f"wheelpkg/_fastext_variants/vecmath.x86_64_v{k}.abi3.so" for k in (2, 3, 4)} <= names
    vpy = _fresh_venv(sys.executable, tmp_path / "venv", str(wheel), "numpy")
    code = ("import wheelpkg.vecmath as v, numpy as np, sys; "
            "print(v.__fastext_variant__, v.dot(np.ones(3), np.ones(3)), sys.modules['wheelpkg.vecmath'] is v)")
    env = {"PYTHONPATH": "", "PYTHONNOUSERSITE": "1"}
    best = _run([vpy, "-c", code], cwd=str(tmp_path), env=env)
    assert best.returncode == 0, best.stderr
    chosen, value, same = best.stdout.split()
    assert chosen in ("x86_64_v2", "x86_64_v3", "x86_64_v4") and value == "3.0" and same == "True"
    flags = open("/proc/cpuinfo").read() if os.path.exists("/proc/cpuinfo") else ""
    if " avx2 " in flags and " fma " in flags:
        assert chosen in ("x86_64_v3", "x86_64_v4")
    forced = _run([vpy, "-c", code], cwd=str(tmp_path), env=dict(env, FASTEXT_VARIANT="x86_64_v2"))
    assert forced.stdout.split()[0] == "x86_64_v2", forced.stderr


@pytest.mark.slow
def test_isolated_build_with_requires_fastext(tmp_path):
    """The issue's own spelling: `requires = ["fastext"]`, a plain (isolated) `pip wheel .`,
    with pip finding fastext as a local wheel (it is not on PyPI)."""
    _needs_build_tools()
    wheels = tmp_path / "wheels"
    proc = _run([sys.executable, "-m", "pip", "wheel", REPO, "--no-deps", "-q", "-w", str(wheels)], timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    project = _copy_example(tmp_path / "proj")
    dist = tmp_path / "dist"
    proc = _run([sys.executable, "-m", "pip", "wheel", project, "--no-deps", "-q", "-w", str(dist)],
                cwd=str(tmp_path), env={"PIP_FIND_LINKS": str(wheels)}, timeout=600)
    if proc.returncode != 0 and "No matching distribution" in proc.stderr:
        pytest.skip("the build dependencies (llvmlite, numpy, setuptools) are not reachable here")
    assert proc.returncode == 0, proc.stderr[-3000:]
    (wheel,) = dist.glob("*.whl")
    assert wheel.name.endswith("-cp311-abi3-linux_x86_64.whl") or "abi3" in wheel.name
