"""Issue #11 ("Trust"), the importer's part: a damaged, planted or foreign cache entry is never
loaded, an import never hangs silently, and `import` raises only `ImportError` subclasses.

Each test here was written against the importer before the fix and failed there.  The
other-user attacks need a second uid: running as root (as CI does) the tests `chown`
planted folders to an unused uid; otherwise they skip, and the in-process tests fake the
current user's uid instead (`cache._EUID`).  Longer randomised runs of the same checks
live in `tests/stress/` (see its README).
"""
from __future__ import annotations

import glob
import os
import signal
import stat
import subprocess
import sys
import threading
import time

import pytest

from importer_helpers import REAL_COMPILER, REPO, fx_source, run_python, write
from fastext.config import Options
from fastext.importer import cache, store

pytestmark = pytest.mark.slow
real_only = pytest.mark.skipif(not REAL_COMPILER, reason="needs the real compiler (fastext.compiler.driver)")
root_only = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                               reason="needs root to give a planted folder to another uid")
OTHER_UID = 54321   # an uid no account uses: "another user"
TAG = sys.implementation.cache_tag


@pytest.fixture
def proj(tmp_path):
    write(str(tmp_path / "kernels.fx"), fx_source(1))
    return tmp_path


@pytest.fixture
def xdg(tmp_path_factory):
    return tmp_path_factory.mktemp("xdg")


def run(proj, code, xdg=None, **kw):
    env = dict(kw.pop("env_extra", None) or {})
    if xdg is not None:
        env["XDG_CACHE_HOME"] = str(xdg)
    return run_python(code, cwd=str(proj), path=[str(proj)], env_extra=env, **kw)


def artifacts(folder) -> list[str]:
    return sorted(glob.glob(os.path.join(str(folder), "**", "kernels.*.so"), recursive=True))


def only_artifact(folder) -> str:
    (path,) = artifacts(folder)
    return path


IMPORT_V1 = "import kernels; assert helpers.version(kernels) == 1, helpers.version(kernels); print(kernels.__cached__)"


# ---------------------------------------------------------------- damaged entries


def _truncate(path):
    os.truncate(path, os.path.getsize(path) // 2)


def _flip_keep_mtime(path):
    st = os.stat(path)
    with open(path, "r+b") as f:
        f.seek(st.st_size // 2)
        byte = f.read(1)
        f.seek(st.st_size // 2)
        f.write(bytes([byte[0] ^ 0xFF]))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))   # same size, same mtime: only the content differs


def _empty(path):
    open(path, "wb").close()


def _garbage_same_size(path):
    size = os.path.getsize(path)
    with open(path, "wb") as f:
        f.write(os.urandom(size))


@pytest.mark.parametrize("damage", [_truncate, _flip_keep_mtime, _empty, _garbage_same_size])
def test_damaged_so_is_rebuilt_with_a_warning(proj, damage):
    run(proj, IMPORT_V1)
    so = only_artifact(proj / "__fxcache__")
    good = open(so, "rb").read()
    damage(so)
    proc = run(proj, IMPORT_V1, check=False)
    assert proc.returncode == 0, (proc.returncode, proc.stderr)   # a truncated .so used to die of SIGBUS
    assert "damaged" in proc.stderr and "rebuil" in proc.stderr, proc.stderr
    assert open(so, "rb").read() == good                          # the same key rebuilds the same file
    quiet = run(proj, IMPORT_V1)                                  # and then it is a plain hit again
    assert "damaged" not in quiet.stderr


def test_symlinked_artifact_is_not_loaded(proj, tmp_path_factory):
    run(proj, IMPORT_V1)
    so = only_artifact(proj / "__fxcache__")
    elsewhere = tmp_path_factory.mktemp("planted") / "evil.so"
    os.replace(so, elsewhere)
    os.symlink(elsewhere, so)                                     # same content, reached through a link
    proc = run(proj, IMPORT_V1)
    assert not os.path.islink(so), "the planted link is still there"
    assert proc.stdout.strip() == so


def test_seal_with_another_full_key_is_a_miss(tmp_path, monkeypatch):
    # The file name holds 64 bits of the 128-bit key; the seal holds all of it.
    monkeypatch.delenv("FASTEXT_CACHE_DIR", raising=False)
    fx = tmp_path / "k.fx"
    fx.write_bytes(b"one")
    hit = _fake_entry(str(fx), b"one", b"\x7fELF fake")
    assert cache.lookup(str(fx), Options(), ("so",)).path == hit
    seal = hit + ".seal"
    text = open(seal).read()
    key = cache.cache_key(cache.key_inputs(str(fx), b"one", [], Options()))
    forged = key[:16] + ("0" if key[16] != "0" else "1") + key[17:]
    with open(seal, "w") as f:
        f.write(text.replace(key, forged))
    assert cache.lookup(str(fx), Options(), ("so",)) is None


def _fake_entry(fx: str, source: bytes, content: bytes) -> str:
    """Store `content` as the `.so` of `fx` the way a build does (artifact, then its seal)."""
    directory = store.writable_dir(fx)
    key = cache.cache_key(cache.key_inputs(fx, source, [], Options()))
    path = cache.entry_base(directory, cache.stem_of(fx), key) + ".so"
    store.write_atomic(path, content)
    store.write_seal(path, key, "so", cache.content_hash(source))
    return path


def _make_foreign(monkeypatch, *paths):
    """Make `paths` another user's: chown them as root (root's own files are trusted), else
    pretend to be another uid."""
    if os.geteuid() == 0:
        for p in paths:
            os.chown(p, OTHER_UID, OTHER_UID)
    else:
        monkeypatch.setattr(cache, "_EUID", OTHER_UID)


# ---------------------------------------------------------------- edits during a build


EDIT_DURING_BUILD = """
import fastext.compiler.driver as driver
def edit_while_compiling(real):
    def compile(*args, **kwargs):
        with open(TARGET, "w") as f:                 # an editor saves v2 while the compiler runs ...
            f.write(V2)
        try:
            return real(*args, **kwargs)
        finally:
            with open(TARGET, "w") as f:             # ... and v1 again before the build is stored
                f.write(V1)
    return compile
for name in ("compile_file", "compile_source"):
    if hasattr(driver, name):
        setattr(driver, name, edit_while_compiling(getattr(driver, name)))
"""


def test_edit_v1_v2_v1_during_build_compiles_the_hashed_bytes(proj):
    setup = f"TARGET = {str(proj / 'kernels.fx')!r}\nV1 = {fx_source(1)!r}\nV2 = {fx_source(2)!r}\n" + EDIT_DURING_BUILD
    run(proj, setup + "import kernels\nassert helpers.version(kernels) == 1, helpers.version(kernels)\n")
    run(proj, IMPORT_V1)   # the entry filed under v1's key holds v1's code


@real_only
def test_dependency_edit_during_build_is_keyed_by_what_was_compiled(tmp_path):
    write(str(tmp_path / "helper.fx"), "from fastext import i64\n\n\ndef value() -> i64:\n    return 1\n")
    write(str(tmp_path / "main.fx"), "from fastext import i64\nfrom helper import value\n\n\n"
                                     "def get() -> i64:\n    return value()\n")
    v1 = open(tmp_path / "helper.fx").read()
    setup = f"TARGET = {str(tmp_path / 'helper.fx')!r}\nV1 = {v1!r}\nV2 = {v1.replace('return 1', 'return 2')!r}\n" \
        + EDIT_DURING_BUILD
    run(tmp_path, setup + "import main\nprint(main.get())\n")
    # helper.fx is v1 again: whatever was compiled during the edit, v1's key must give v1's code
    assert run(tmp_path, "import main\nprint(main.get())\n").stdout.strip() == "1"


# ---------------------------------------------------------------- a prebuilt extension beside the source


PREBUILD = """
import sysconfig
from fastext.compiler.driver import compile_file
from fastext.compiler.link import link_shared
link_shared(compile_file("kernels.fx", "kernels").object_code, "kernels" + sysconfig.get_config_var("EXT_SUFFIX"))
"""


def test_stale_prebuilt_extension_warns_and_uses_the_source(proj):
    run(proj, PREBUILD)
    (prebuilt,) = glob.glob(str(proj / "kernels.cpython-*.so"))
    fresh = run(proj, "import kernels; print(kernels.__file__)")   # up to date: the prebuilt module is used
    assert fresh.stdout.strip() == prebuilt and "older" not in fresh.stderr
    write(str(proj / "kernels.fx"), fx_source(2))
    old = os.stat(proj / "kernels.fx").st_mtime_ns - 10 * 10**9
    os.utime(prebuilt, ns=(old, old))                      # built 10 s before the edit
    proc = run(proj, "import kernels; print(helpers.version(kernels), kernels.__file__)")
    assert proc.stdout.split() == ["2", str(proj / "kernels.fx")], proc.stdout
    assert "older than" in proc.stderr and "fastext clean --prebuilt" in proc.stderr, proc.stderr


def test_clean_prebuilt_removes_extensions_beside_their_source(proj):
    run(proj, PREBUILD)
    (prebuilt,) = glob.glob(str(proj / "kernels.cpython-*.so"))
    write(str(proj / "other.cpython-311-x86_64-linux-gnu.so"), "not a fastext build, no .fx beside it")
    from fastext.cli import main

    assert main(["clean", str(proj)]) == 0
    assert os.path.exists(prebuilt)                        # only when asked
    assert main(["clean", "--prebuilt", str(proj)]) == 0
    assert not os.path.exists(prebuilt)
    assert os.path.exists(proj / "other.cpython-311-x86_64-linux-gnu.so")


# ---------------------------------------------------------------- IPython %autoreload


AUTORELOAD = """
from IPython.testing.globalipapp import start_ipython
ip = start_ipython()
if FIRST == "autoreload":
    ip.run_line_magic("load_ext", "autoreload")
    ip.run_line_magic("autoreload", "2")
ip.run_cell("import kernels")
if FIRST == "kernels":
    ip.run_line_magic("load_ext", "autoreload")
    ip.run_line_magic("autoreload", "2")
ip.run_cell("v1 = kernels.version()")
import os, time
time.sleep(0.01)
with open(PATH, "w") as f:
    f.write(V2)
st = os.stat(PATH)
os.utime(PATH, ns=(st.st_atime_ns, st.st_mtime_ns + 2 * 10**9))   # coarse-mtime file systems
ip.run_cell("v2 = kernels.version()")
print(ip.user_ns["v1"], ip.user_ns["v2"])
"""


@pytest.mark.parametrize("first", ["autoreload", "kernels"])
def test_ipython_autoreload_picks_up_fx_edits(proj, first):
    pytest.importorskip("IPython")
    code = f"FIRST = {first!r}\nPATH = {str(proj / 'kernels.fx')!r}\nV2 = {fx_source(2)!r}\n" + AUTORELOAD
    assert run(proj, code).stdout.split()[-2:] == ["1", "2"]


# ---------------------------------------------------------------- one entry per key


def test_alternating_options_keep_both_builds(proj):
    for bc in ("0", "1"):
        run(proj, IMPORT_V1, env_extra={"FASTEXT_BOUNDSCHECK": bc})
    assert len(artifacts(proj / "__fxcache__")) == 2
    # No prelude: a hit must not import a compiler (real or stand-in) for either setting.
    for bc in ("0", "1"):
        run(proj, """
            import sys, fastext, kernels
            assert not [m for m in sys.modules if m.startswith(("fastext.compiler", "llvmlite"))]
        """, prelude=False, env_extra={"FASTEXT_BOUNDSCHECK": bc})


def test_eviction_keeps_the_newest_builds(proj):
    for version in range(1, 5):
        write(str(proj / "kernels.fx"), fx_source(version))
        run(proj, "import kernels", env_extra={"FASTEXT_CACHE_KEEP": "2"})
    kept = artifacts(proj / "__fxcache__")
    assert len(kept) == 2
    names = os.listdir(proj / "__fxcache__")
    assert sum(n.endswith(".seal") for n in names) == 2 and sum(n.endswith(".json") for n in names) == 2
    run(proj, "import fastext, importer_helpers as helpers, kernels; assert helpers.version(kernels) == 4", prelude=False,
        env_extra={"FASTEXT_CACHE_KEEP": "2"})


# ---------------------------------------------------------------- other users, modes, links


@root_only
def test_foreign_fxcache_is_refused(proj, xdg):
    run(proj, IMPORT_V1)                                   # a valid build ...
    for root, dirs, files in os.walk(proj / "__fxcache__"):
        for name in dirs + files:
            os.chown(os.path.join(root, name), OTHER_UID, OTHER_UID)
    os.chown(proj / "__fxcache__", OTHER_UID, OTHER_UID)   # ... now another user's folder
    proc = run(proj, IMPORT_V1, xdg=xdg)
    assert proc.stdout.strip().startswith(str(xdg)), proc.stdout
    assert "owned by" in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr
    again = run(proj, IMPORT_V1, xdg=xdg)                 # the private entry is a plain hit
    assert again.stdout == proc.stdout and again.stderr == ""


def test_group_writable_fxcache_is_refused(proj, xdg):
    run(proj, IMPORT_V1)
    os.chmod(proj / "__fxcache__", 0o777)
    proc = run(proj, IMPORT_V1, xdg=xdg)
    assert proc.stdout.strip().startswith(str(xdg)), proc.stdout
    assert "writable by" in proc.stderr, proc.stderr


@root_only
def test_planted_per_source_folder_in_shared_cache_is_refused(proj, xdg, tmp_path_factory):
    shared = tmp_path_factory.mktemp("shared")
    os.chmod(shared, 0o1777)
    # The per-source folder's name is predictable: another user creates it first.
    env = {"FASTEXT_CACHE_DIR": str(shared)}
    name = run(proj, "from fastext.importer import cache; print(cache.cache_dirs('kernels.fx')[0])",
               env_extra=env).stdout.strip()
    os.makedirs(name)
    os.chown(name, OTHER_UID, OTHER_UID)
    os.chmod(name, 0o777)
    proc = run(proj, IMPORT_V1, xdg=xdg, env_extra=env)
    assert proc.stdout.strip().startswith(str(xdg)), proc.stdout
    assert os.listdir(name) == []                         # nothing written into it either
    assert proc.stderr.count("\n") == 1, proc.stderr


def _entry_beside(tmp_path, monkeypatch):
    monkeypatch.delenv("FASTEXT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    fx = tmp_path / "src" / "k.fx"
    fx.parent.mkdir()
    fx.write_bytes(b"one")
    hit = _fake_entry(str(fx), b"one", b"\x7fELF fake")
    assert cache.lookup(str(fx), Options()).path == hit
    return str(fx), hit


def test_open_folder_is_neither_read_nor_written(tmp_path, monkeypatch):
    import fastext

    fx, hit = _entry_beside(tmp_path, monkeypatch)
    os.chmod(os.path.dirname(hit), 0o775)                 # group-writable: anybody in it may swap files
    assert cache.lookup(fx, Options()) is None
    with pytest.warns(fastext.FastextWarning, match="writable by other users"):
        assert store.writable_dir(fx).startswith(str(tmp_path / "xdg"))


def test_foreign_folder_is_neither_read_nor_written(tmp_path, monkeypatch):
    import fastext

    fx, hit = _entry_beside(tmp_path, monkeypatch)
    _make_foreign(monkeypatch, os.path.dirname(hit), hit, hit + ".seal")
    assert cache.lookup(fx, Options()) is None
    if os.geteuid() == 0:
        with pytest.warns(fastext.FastextWarning, match="owned by uid"):
            assert store.writable_dir(fx).startswith(str(tmp_path / "xdg"))
    else:  # pretending to be another uid makes every folder foreign
        with pytest.raises(store.NoWritableCache, match="owned by uid"):
            store.writable_dir(fx)


def test_foreign_artifact_under_our_seal_is_damage(tmp_path, monkeypatch):
    fx, hit = _entry_beside(tmp_path, monkeypatch)
    if os.geteuid() != 0:
        pytest.skip("needs root to give one file to another uid")
    os.chown(hit, OTHER_UID, OTHER_UID)
    found = cache.lookup(fx, Options())
    assert found.problem and "not a private file" in found.problem


def test_umask_000_still_gives_private_modes(proj):
    run(proj, "import os; os.umask(0); " + IMPORT_V1)
    folder = proj / "__fxcache__"
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    for name in os.listdir(folder):
        mode = stat.S_IMODE(os.stat(folder / name).st_mode)
        assert not mode & 0o022, (name, oct(mode))


def test_probe_does_not_follow_a_planted_link(tmp_path, monkeypatch):
    monkeypatch.delenv("FASTEXT_CACHE_DIR", raising=False)
    victim = tmp_path / "victim"
    victim.write_text("precious")
    folder = tmp_path / "src" / "__fxcache__"
    folder.mkdir(parents=True, mode=0o700)
    os.symlink(victim, folder / f".probe.{os.getpid()}")
    assert store.writable_dir(str(tmp_path / "src" / "k.fx")) == str(folder)
    assert victim.read_text() == "precious"


def test_lock_does_not_follow_a_planted_link(tmp_path):
    victim = tmp_path / "victim"
    victim.write_text("precious")
    lock = tmp_path / f"k.{TAG}.lock"
    os.symlink(victim, lock)
    with store.BuildLock(str(tmp_path), "k"):
        assert not os.path.islink(lock)
    assert victim.read_text() == "precious"


def test_threads_probing_one_folder_at_once(tmp_path, monkeypatch):
    monkeypatch.delenv("FASTEXT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    fx = str(tmp_path / "src" / "k.fx")
    os.makedirs(os.path.dirname(fx))
    want = cache.cache_dirs(fx)[0]
    results, errors = [], []

    def probe():
        try:
            for _ in range(300):
                results.append(store.writable_dir(fx))
        except Exception as exc:   # noqa: BLE001 - the bug was a FileNotFoundError here
            errors.append(exc)

    threads = [threading.Thread(target=probe) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors[:3]
    assert set(results) == {want}                          # never the fallback folder


# ---------------------------------------------------------------- the build lock


HOLD_LOCK = """
import os, sys, time
from fastext.importer import cache, store
directory = store.writable_dir({fx!r})
lock = store.BuildLock(directory, "kernels")
lock.__enter__()
print("locked", flush=True)
{then}
"""


def _holder(proj, then: str):
    code = HOLD_LOCK.format(fx=str(proj / "kernels.fx"), then=then)
    env = {k: v for k, v in os.environ.items() if not k.startswith("FASTEXT_")}
    env["PYTHONPATH"] = REPO
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=str(proj), env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


@pytest.mark.parametrize("holder", ["stopped", "hung"])
def test_a_stuck_lock_holder_is_reported_and_broken(proj, holder):
    proc = _holder(proj, "time.sleep(600)")
    try:
        if holder == "stopped":
            os.kill(proc.pid, signal.SIGSTOP)
        started = time.monotonic()
        out = run(proj, IMPORT_V1, env_extra={"FASTEXT_LOCK_TIMEOUT": "4"}, timeout=60)
        assert time.monotonic() - started < 40
        assert f"pid {proc.pid}" in out.stderr, out.stderr     # who holds it
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close(), proc.stderr.close()


def test_a_lock_left_by_a_dead_holder_is_broken_at_once(proj):
    # The holder forks a child that inherits the locked file, then exits: the flock stays held
    # by the child, but the process the lock names is gone.
    proc = _holder(proj, "pid = os.fork()\nif pid == 0:\n    time.sleep(600)\nelse:\n    print(pid, flush=True)")
    child = int(proc.stdout.readline())
    proc.wait()
    try:
        started = time.monotonic()
        run(proj, IMPORT_V1, env_extra={"FASTEXT_LOCK_TIMEOUT": "300"}, timeout=120)
        assert time.monotonic() - started < 60
    finally:
        os.kill(child, signal.SIGKILL)
        proc.stdout.close(), proc.stderr.close()


# ---------------------------------------------------------------- progress


SLOW_COMPILE = """
import time, fastext.compiler.driver as driver
def slow(real):
    def compile(*args, **kwargs):
        time.sleep(1.5)
        return real(*args, **kwargs)
    return compile
for name in ("compile_file", "compile_source"):
    if hasattr(driver, name):
        setattr(driver, name, slow(getattr(driver, name)))
import kernels
"""


@pytest.mark.parametrize("setting, shown", [("always", True), ("never", False), ("", False)])
def test_progress_line_during_a_long_compile(proj, setting, shown):
    env = {"FASTEXT_PROGRESS": setting} if setting else {}
    proc = run(proj, SLOW_COMPILE, env_extra=env)     # stderr is a pipe: "auto" stays quiet
    line = "fastext: compiling kernels.fx (3 functions)"
    assert (line in proc.stderr) == shown, proc.stderr


# ---------------------------------------------------------------- only ImportError


def test_no_writable_cache_anywhere_still_imports(proj, tmp_path_factory):
    blocked = tmp_path_factory.mktemp("blocked")
    write(str(blocked / "xdg"), "a file where the cache root would go")
    write(str(proj / "__fxcache__"), "a file where the cache folder would go")
    for _ in range(2):
        proc = run(proj, "import kernels; print(helpers.version(kernels))",
                   env_extra={"XDG_CACHE_HOME": str(blocked / "xdg")})
        assert proc.stdout.strip() == "1"
        assert "without caching" in proc.stderr, proc.stderr


def test_cache_dir_naming_a_file_falls_back(proj, xdg):
    write(str(proj / "afile"), "")
    proc = run(proj, IMPORT_V1, xdg=xdg, env_extra={"FASTEXT_CACHE_DIR": str(proj / "afile")})
    assert proc.stdout.strip().startswith(str(xdg)), proc.stdout
    assert "FASTEXT_CACHE_DIR" in proc.stderr, proc.stderr


@pytest.mark.parametrize("name", ["json", "math", "fastext", "threading", "tempfile"])
def test_user_fx_named_like_fastexts_own_imports(proj, name):
    write(str(proj / f"{name}.fx"), fx_source(7))
    proc = run(proj, f"""
        import kernels
        assert helpers.version(kernels) == 1
        import {name}
        assert not str(getattr({name}, "__file__", "")).endswith(".fx")
    """)
    assert "Traceback" not in proc.stderr


def test_internal_errors_surface_as_import_error(proj):
    proc = run(proj, """
        from fastext.importer import cache
        def broken(*args, **kwargs):
            raise TypeError("a bug in the cache")
        cache.lookup = broken
        try:
            import kernels
        except ImportError as exc:
            assert isinstance(exc.__cause__, TypeError), repr(exc.__cause__)
            print("ImportError:", exc)
    """)
    assert "a bug in the cache" in proc.stdout


# ---------------------------------------------------------------- non-ASCII module names


@pytest.mark.parametrize("linker", ["", "none"])
def test_non_ascii_module_name(tmp_path, linker):
    if linker == "none" and not REAL_COMPILER:
        pytest.skip("the JIT path needs the real compiler")
    write(str(tmp_path / "módulo.fx"), fx_source(5))
    env = {"FASTEXT_LINKER": linker} if linker else {}
    proc = run(tmp_path, "import módulo, módulo.fx\nprint(helpers.version(módulo), módulo.fx is módulo)", env_extra=env)
    assert proc.stdout.split() == ["5", "True"]


# ---------------------------------------------------------------- tracebacks


def test_compile_error_traceback_shows_no_hook_frames(tmp_path):
    write(str(tmp_path / "bad.fx"), "# SYNTAX_ERROR (the stand-in compiler fails on this)\n"
                                    "def f(x):\n    return x\n")
    proc = run(tmp_path, "import bad", check=False)
    assert proc.returncode == 1
    assert "bad.fx:" in proc.stderr
    assert "_fastext_hook" not in proc.stderr, proc.stderr
    assert proc.stderr.count('File "') == 1, proc.stderr          # only the `import bad` line


# ---------------------------------------------------------------- the GPU cubin cache


def test_foreign_cubin_is_not_loaded(monkeypatch, tmp_path):
    import types

    from fastext.gpu import driver
    from test_gpu_runtime import FakeCu   # the driver calls load_module makes

    monkeypatch.setenv("FASTEXT_CACHE_DIR", str(tmp_path))
    cu = FakeCu()
    monkeypatch.setattr(driver, "_cu", cu)
    monkeypatch.setattr(driver, "context", lambda: types.SimpleNamespace(cc=(9, 0), driver_version=1, modules={}))
    path = tmp_path / "gpu" / (driver.cubin_key("ptx", "sm_90", (9, 0), 1) + ".cubin")
    path.parent.mkdir(mode=0o777)
    os.chmod(path.parent, 0o777)                          # a shared folder: anybody may plant a cubin
    path.write_bytes(b"EVIL")
    driver.load_module({"sm_90": "ptx"})
    assert cu.loaded == [b"CUBIN:ptx\0"] and cu.linked == 1
    assert path.read_bytes() == b"EVIL"                   # and nothing written into that folder
    os.chmod(path.parent, 0o700)
    _make_foreign(monkeypatch, path.parent, path)        # now the folder and file are another user's
    monkeypatch.setattr(driver, "context", lambda: types.SimpleNamespace(cc=(9, 0), driver_version=1, modules={}))
    driver.load_module({"sm_90": "ptx"})
    assert cu.loaded[-1] == b"CUBIN:ptx\0" and cu.linked == 2


# ---------------------------------------------------------------- found by tests/stress/cache_damage.py


def test_deps_record_with_a_nul_byte_is_a_miss(tmp_path, monkeypatch):
    fx, hit = _entry_beside(tmp_path, monkeypatch)
    source_hash = cache.content_hash(b"one")
    store.write_atomic(cache.deps_record(os.path.dirname(hit), "k", source_hash), b"/x/\x00y.fx\n")
    assert cache.lookup(fx, Options()) is None            # was: ValueError: embedded null byte


def test_folder_in_place_of_the_artifact_is_replaced(proj):
    run(proj, IMPORT_V1)
    so = only_artifact(proj / "__fxcache__")
    os.unlink(so)
    os.mkdir(so)
    proc = run(proj, IMPORT_V1)                            # was: IsADirectoryError from the rename
    assert proc.stdout.strip() == so and os.path.isfile(so)


def test_folder_in_place_of_an_unsealed_artifact_is_replaced(proj):
    run(proj, IMPORT_V1)
    so = only_artifact(proj / "__fxcache__")
    os.unlink(so)
    os.mkdir(so)
    write(so + ".seal", "garbled")                        # no seal to call it damage: a plain miss
    proc = run(proj, IMPORT_V1)                            # was: IsADirectoryError from the rename
    assert proc.stdout.strip() == so and os.path.isfile(so)


def test_cache_damage_fuzzer_fast_slice(tmp_path):
    """Every damage of tests/stress/cache_damage.py once (the long run: its README)."""
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "stress"))
    try:
        import cache_damage
    finally:
        sys.path.pop(0)
    kinds = [k for k in cache_damage.DAMAGES if os.geteuid() == 0 or k not in cache_damage.ROOT_ONLY]
    table, failures = cache_damage.fuzz(len(kinds), seed=0, kinds=kinds, root=str(tmp_path))
    assert sum(sum(c.values()) for c in table.values()) == len(kinds)
    assert not failures, failures[0]


def _stress_module(name: str):
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "stress"))
    try:
        return __import__(name)
    finally:
        sys.path.pop(0)


@pytest.mark.parametrize("edit", [False, True])
def test_concurrency_stress_fast_slice(tmp_path, edit):
    """Processes x threads importing cold modules at once (tests/stress/concurrency.py, small)."""
    problems = _stress_module("concurrency").stress(rounds=1, seed=3, procs=3, threads=6, modules=3, edit=edit,
                                                    root=str(tmp_path))
    assert not problems, problems


@root_only
def test_other_user_attacks_fast_slice():
    """Each attack of tests/stress/other_user.py once, by a real second account."""
    other_user = _stress_module("other_user")
    try:
        results = other_user.run(rounds=1)
    except RuntimeError as exc:
        pytest.skip(str(exc))
    assert results and not any(results.values()), results


def test_reinstalling_the_compiler_changes_its_identity(tmp_path):
    """An installed fastext reinstalled at the same version (`pip install git+...` of a newer
    commit) must not reuse modules the old compiler built: pip writes new files into the
    compiler's folders, and their mtimes are part of the cache key (a version string alone
    was once the key under site-packages)."""
    from fastext.importer.cache import folder_identity
    root = tmp_path / "site-packages" / "fastext"
    for sub in ("compiler/frontend", "compiler/lower", "compiler/ops", "compiler/gpu", "abi"):
        (root / sub).mkdir(parents=True)
    before = folder_identity(str(root))
    assert folder_identity(str(root)) == before
    lower = root / "compiler" / "lower"
    os.utime(lower, ns=(1, 1))          # then a reinstall writes its files anew
    (lower / "arith.py").write_text("# the new compiler\n")
    assert folder_identity(str(root)) != before
