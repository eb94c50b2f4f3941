"""Unit tests of the import hook's pieces that need no compiler: key, cache layout, finder."""
from __future__ import annotations

import os
import sys
import time

import pytest

import fastext
from fastext.config import Options
from fastext.importer import cache, finder, store


@pytest.fixture
def no_cache_env(monkeypatch):
    monkeypatch.delenv("FASTEXT_CACHE_DIR", raising=False)
    monkeypatch.delenv("FASTEXT_DISABLE", raising=False)


def _key(path="/src/kernels.fx", source=b"x", deps=(), options=Options()):
    return cache.cache_key(cache.key_inputs(path, source, list(deps), options))


# ---------------------------------------------------------------- key


def test_key_is_stable_and_hex():
    assert _key() == _key()
    assert len(_key()) == 32 and int(_key(), 16) >= 0


@pytest.mark.parametrize("change", [
    {"source": b"y"},
    {"deps": [("/src/other.fx", b"a")]},
    {"options": Options(opt_level=0)},
    {"options": Options(boundscheck=False)},
    {"options": Options(cpu="x86-64-v2")},
    {"path": "/elsewhere/kernels.fx"},
])
def test_every_input_changes_the_key(change):
    assert _key(**change) != _key()


def test_dep_content_and_absence_change_the_key():
    a = _key(deps=[("/src/other.fx", b"a")])
    assert a != _key(deps=[("/src/other.fx", b"b")])
    assert a != _key(deps=[("/src/other.fx", None)])
    # order of discovery does not matter
    two = [("/src/a.fx", b"1"), ("/src/b.fx", b"2")]
    assert _key(deps=two) == _key(deps=two[::-1])


def test_key_inputs_name_versions_and_machine():
    inputs = cache.key_inputs("/src/k.fx", b"x", [], Options())
    assert inputs["fastext"].split()[0] == fastext.__version__
    assert sys.implementation.cache_tag in inputs["python"]
    assert "llvmlite" in inputs["llvm"]
    assert inputs["numpy"].split(":")[0].endswith("version.py")   # NumPy types the array language
    assert inputs["cpu"] and inputs["options"] == Options().key()


def test_key_inputs_take_a_precomputed_source_hash():
    plain = cache.key_inputs("/src/k.fx", b"x", [], Options())
    assert cache.key_inputs("/src/k.fx", b"x", [], Options(), cache.content_hash(b"x")) == plain


def test_identities_do_not_import_llvmlite():
    cache._memo.clear()
    had = "llvmlite" in sys.modules
    cache.llvm_identity(), cache.cpu_identity()
    assert ("llvmlite" in sys.modules) == had


# ---------------------------------------------------------------- layout


def test_entry_names_carry_cache_tag_and_key(tmp_path, no_cache_env):
    fx = str(tmp_path / "kernels.fx")
    dirs = cache.cache_dirs(fx)
    assert dirs[0] == str(tmp_path / "__fxcache__")
    assert dirs[1].startswith(cache.user_cache_root())
    base = cache.entry_base(dirs[0], "kernels", "ab" * 32)
    assert os.path.basename(base) == f"kernels.{sys.implementation.cache_tag}.{'ab' * 8}"
    assert cache.stem_of("/x/pkg/mod.fx") == "mod"


def test_cache_dir_override(tmp_path, monkeypatch):
    monkeypatch.setenv("FASTEXT_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    first, fallback = cache.cache_dirs(str(tmp_path / "src" / "k.fx"))
    assert first.startswith(str(tmp_path / "c") + os.sep)
    assert fallback.startswith(str(tmp_path / "xdg") + os.sep)   # the private cache, when the shared one is refused
    assert first != cache.cache_dirs(str(tmp_path / "other" / "k.fx"))[0]


def test_user_cache_honours_xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if sys.platform != "win32":
        assert cache.user_cache_root() == str(tmp_path / "fastext")


def test_writable_dir_falls_back(tmp_path, monkeypatch, no_cache_env):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    src = tmp_path / "src"
    src.mkdir()
    (src / "__fxcache__").write_text("not a folder")  # blocks the cache beside the source, even as root
    chosen = store.writable_dir(str(src / "k.fx"))
    assert chosen.startswith(str(tmp_path / "xdg" / "fastext"))


def test_write_atomic_leaves_no_temp(tmp_path):
    target = tmp_path / "a.bin"
    store.write_atomic(str(target), b"one")
    store.write_atomic(str(target), b"two")
    assert target.read_bytes() == b"two"
    assert os.listdir(tmp_path) == ["a.bin"]


def _sealed(directory, stem, key16, source16="s" * 16, age=0.0, kinds=("so", "json")):
    """Files of one fake build, sealed, `age` seconds old."""
    base = os.path.join(str(directory), f"{stem}.{sys.implementation.cache_tag}.{key16}")
    for kind in kinds:
        open(f"{base}.{kind}", "wb").close()
    st = os.stat(f"{base}.{kinds[0]}")
    store.write_atomic(f"{base}.{kinds[0]}.seal", store.format_seal(key16 * 2, kinds[0], st, "0" * 32, source16 * 2))
    when = time.time() - age
    for name in os.listdir(directory):
        if name.startswith(os.path.basename(base)):
            os.utime(os.path.join(str(directory), name), (when, when))
    return base


def test_evict_keeps_the_newest_builds_and_the_current_one(tmp_path, monkeypatch):
    monkeypatch.setenv("FASTEXT_CACHE_KEEP", "2")
    tag = sys.implementation.cache_tag
    current = _sealed(tmp_path, "k", "1" * 16, age=500)      # the build just stored (clock skew: old mtime)
    newer = _sealed(tmp_path, "k", "2" * 16, source16="a" * 16, age=10)
    older = _sealed(tmp_path, "k", "3" * 16, source16="b" * 16, age=100)
    store.write_atomic(cache.deps_record(str(tmp_path), "k", "a" * 32), b"/x/dep.fx")
    store.write_atomic(cache.deps_record(str(tmp_path), "k", "b" * 32), b"/x/dep.fx")
    old = time.time() - 1000
    os.utime(cache.deps_record(str(tmp_path), "k", "b" * 32), (old, old))
    others = [f"k.{tag}.lock", f"k.cpython-399.{'4' * 16}.so", f"kk.{tag}.{'4' * 16}.so"]
    for n in others:
        (tmp_path / n).write_text("")
    unsealed = tmp_path / f"k.{tag}.{'5' * 16}.so"          # a build another process is storing
    unsealed.write_text("")
    store.evict(str(tmp_path), "k", keep="1" * 16)
    left = set(os.listdir(tmp_path))
    assert {os.path.basename(current) + ".so", os.path.basename(newer) + ".so.seal"} <= left
    assert not [n for n in left if n.startswith(os.path.basename(older))]
    assert os.path.basename(cache.deps_record(str(tmp_path), "k", "a" * 32)) in left      # used by a kept build
    assert os.path.basename(cache.deps_record(str(tmp_path), "k", "b" * 32)) not in left
    assert set(others) <= left and unsealed.name in left
    os.utime(unsealed, (old, old))                            # ... or a crashed one's leftover
    store.evict(str(tmp_path), "k", keep="1" * 16)
    assert not unsealed.exists()
    assert store.evict(str(tmp_path / "missing"), "k", keep="") == []  # never raises


def test_deps_record_roundtrip(tmp_path):
    rec = cache.deps_record(str(tmp_path), "k", "f" * 64)
    assert cache.read_deps_record(rec) == []
    store.write_atomic(rec, b"/a/b.fx\n/a/c.fx")
    assert cache.read_deps_record(rec) == ["/a/b.fx", "/a/c.fx"]


def test_lookup_finds_the_entry_named_after_the_key(tmp_path, no_cache_env):
    fx = tmp_path / "k.fx"
    fx.write_bytes(b"one")
    assert cache.lookup(str(fx), Options(), ("so", "o")) is None
    directory = cache.cache_dirs(str(fx))[0]
    os.makedirs(directory)
    key = cache.cache_key(cache.key_inputs(str(fx), b"one", [], Options()))
    obj = cache.entry_base(directory, "k", key) + ".o"
    open(obj, "wb").close()
    assert cache.lookup(str(fx), Options(), ("so", "o")) is None      # not sealed yet: still being stored
    store.write_seal(obj, key, "o", cache.content_hash(b"one"))
    assert cache.lookup(str(fx), Options(), ("so",)) is None          # only the kinds asked for
    hit = cache.lookup(str(fx), Options(), ("so", "o"))
    assert (hit.path, hit.kind, hit.key) == (obj, "o", key)
    assert cache.lookup(str(fx), Options(), ("o",), source=b"one").path == obj
    assert cache.lookup(str(fx), Options(opt_level=1), ("o",)) is None  # other options, other key
    fx.write_bytes(b"two")
    assert cache.lookup(str(fx), Options(), ("o",)) is None           # other source, other key


def test_lookup_follows_the_deps_record(tmp_path, no_cache_env):
    fx, dep = tmp_path / "k.fx", tmp_path / "d.fx"
    fx.write_bytes(b"main")
    dep.write_bytes(b"v1")
    directory = cache.cache_dirs(str(fx))[0]
    os.makedirs(directory)
    store.write_atomic(cache.deps_record(directory, "k", cache.content_hash(b"main")), str(dep).encode())
    key = cache.cache_key(cache.key_inputs(str(fx), b"main", [(str(dep), b"v1")], Options()))
    open(cache.entry_base(directory, "k", key) + ".so", "wb").close()
    store.write_seal(cache.entry_base(directory, "k", key) + ".so", key, "so", cache.content_hash(b"main"))
    assert cache.lookup(str(fx), Options()).key == key
    dep.write_bytes(b"v2")                                             # a dependency changed: a miss
    assert cache.lookup(str(fx), Options()) is None


def test_build_lock_is_reentrant_across_instances(tmp_path):
    with store.BuildLock(str(tmp_path), "k"):
        pass
    with store.BuildLock(str(tmp_path), "k"):
        pass


def test_clean_removes_cache_folders_and_user_entries(tmp_path, monkeypatch, no_cache_env):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    src = tmp_path / "proj"
    (src / "__fxcache__").mkdir(parents=True)
    (src / "k.fx").write_text("")
    (src / "__fxcache__" / f"k.{sys.implementation.cache_tag}.{'1' * 16}.so").write_text("")
    user = cache.cache_dirs(str(src / "k.fx"))[1]
    os.makedirs(user)
    open(os.path.join(user, f"k.{sys.implementation.cache_tag}.{'2' * 16}.o"), "w").close()
    removed = store.clean([str(src)])
    assert len(removed) == 2
    assert not (src / "__fxcache__").exists() and not os.path.exists(user)
    assert (src / "k.fx").exists()


# ---------------------------------------------------------------- finder


@pytest.fixture
def fresh_meta_path(monkeypatch):
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))


def test_install_is_idempotent_and_before_pathfinder(fresh_meta_path):
    from importlib.machinery import PathFinder

    finder.uninstall()
    finder.uninstall()
    assert not finder.is_installed()
    finder.install()
    finder.install()
    ours = [f for f in sys.meta_path if isinstance(f, finder.FxFinder)]
    assert len(ours) == 1
    assert sys.meta_path.index(ours[0]) == sys.meta_path.index(PathFinder) - 1
    finder.uninstall()
    assert not finder.is_installed()


def test_disable_enable(monkeypatch):
    monkeypatch.delenv("FASTEXT_DISABLE", raising=False)
    try:
        fastext.disable()
        assert finder.is_disabled()
        fastext.enable()
        assert not finder.is_disabled()
        monkeypatch.setenv("FASTEXT_DISABLE", "1")
        assert finder.is_disabled()
    finally:
        fastext.enable()


def test_finder_lists_directories_once_per_mtime(tmp_path, monkeypatch):
    f = finder.FxFinder()
    (tmp_path / "a.fx").write_text("")
    (tmp_path / "b.py").write_text("")
    assert f._fx_stems(str(tmp_path)) == {"a"}
    listed = []
    real_listdir = os.listdir
    monkeypatch.setattr(os, "listdir", lambda p: listed.append(p) or real_listdir(p))
    assert f._fx_stems(str(tmp_path)) == {"a"}
    assert listed == []  # cached: only a stat
    (tmp_path / "c.fx").write_text("")
    os.utime(tmp_path, ns=(0, os.stat(tmp_path).st_mtime_ns + 10**9))
    assert f._fx_stems(str(tmp_path)) == {"a", "c"}
    f.invalidate_caches()
    assert f._stems == {}
    assert f._fx_stems(str(tmp_path / "missing")) == frozenset()


def test_finder_ignores_plain_modules(tmp_path):
    (tmp_path / "plain.py").write_text("")
    f = finder.FxFinder()
    assert f.find_spec("plain", [str(tmp_path)]) is None
    assert f.find_spec("nothing", [str(tmp_path)]) is None


def test_finder_spec_for_fx(tmp_path, no_cache_env):
    (tmp_path / "kern.fx").write_text("")
    spec = finder.FxFinder().find_spec("kern", [str(tmp_path), "/nonexistent"])
    assert spec.origin == str(tmp_path / "kern.fx")
    assert spec.submodule_search_locations == [] and spec.has_location
    assert spec.loader.fx_path == spec.origin


def test_finder_py_shadows_fx_in_same_and_earlier_dir(tmp_path):
    early, late = tmp_path / "early", tmp_path / "late"
    early.mkdir(), late.mkdir()
    (early / "k.py").write_text("")
    (late / "k.fx").write_text("")
    spec = finder.FxFinder().find_spec("k", [str(early), str(late)])
    assert spec.origin == str(early / "k.py")
    # a later .py does not shadow an earlier .fx
    spec = finder.FxFinder().find_spec("k", [str(late), str(early)])
    assert spec.origin == str(late / "k.fx")


def test_finder_twin_gets_path(tmp_path):
    (tmp_path / "k.py").write_text("")
    (tmp_path / "k.fx").write_text("")
    spec = finder.FxFinder().find_spec("k", [str(tmp_path)])
    assert spec.origin == str(tmp_path / "k.py")
    assert isinstance(spec.loader, finder._TwinLoader)
    assert spec.submodule_search_locations is None  # not a package: __package__ stays ""


def test_native_path_forced_jit_needs_no_compiler(monkeypatch):
    from fastext.importer import loader

    monkeypatch.setenv("FASTEXT_LINKER", "none")
    assert loader.native_path() == "jit"
    monkeypatch.delenv("FASTEXT_LINKER")
    path = loader.native_path()
    assert path == "jit" or path.startswith("linker:")
