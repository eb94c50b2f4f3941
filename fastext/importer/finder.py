"""The meta path finder that makes `.fx` files importable, and the switches around it.

This module is imported at interpreter start-up (by `_fastext_hook.py`), so it may
only import modules that are already loaded then: `os`, `sys` and the frozen
importlib internals.  Everything heavier (the loader, the cache, the compiler)
is imported lazily, and only once a `.fx` file has actually been found.

Resolution rules (docs/caching.md has the user-facing version):

* `import kernels` finds `kernels.fx` in a search directory unless the normal
  machinery finds `kernels` (a `.py`, a package, an extension) in that directory
  or an earlier one; namespace-package portions never shadow a `.fx`, just as they
  never shadow a `.py`.
* `import kernels.fx` is always the compiled `kernels.fx`: the same module object
  when `kernels` itself came from `kernels.fx`, its compiled twin when `kernels`
  is a `kernels.py` (or package, or extension) sitting beside `kernels.fx`.
"""
# No `from __future__ import annotations`: the __future__ module is not loaded at
# start-up, and importing it would cost start-up time.
import os
import sys

# The frozen importlib modules are always loaded; `importlib.machinery` is not,
# and importing it would cost start-up time.  These are the same classes.
import _frozen_importlib as _bootstrap
import _frozen_importlib_external as _bootstrap_external

_PathFinder = _bootstrap_external.PathFinder
_ModuleSpec = _bootstrap.ModuleSpec

SUFFIX = ".fx"
_api_disabled = False


def disable() -> None:
    """Run `.fx` modules imported from now on as plain Python (like FASTEXT_DISABLE=1)."""
    global _api_disabled
    _api_disabled = True


def enable() -> None:
    """Undo `disable()`: compile `.fx` modules imported from now on (unless FASTEXT_DISABLE=1)."""
    global _api_disabled
    _api_disabled = False


def is_disabled() -> bool:
    """True when newly imported `.fx` modules run as plain Python (API switch or FASTEXT_DISABLE)."""
    if _api_disabled:
        return True
    from fastext import config  # lazy: only reached once a `.fx` file was found

    return config.disabled()


class FxFinder:
    """Finds `.fx` modules on `sys.path` and package `__path__`s (see the module docstring).

    Ordinary imports cost one `stat` per search directory plus a set lookup: the
    `.fx` stems of each directory are cached and re-listed when its mtime changes.
    """

    _fastext_finder = True  # marker for install()/uninstall(), robust to module reloads

    def __init__(self) -> None:
        self._stems: dict[str, tuple[int, frozenset[str]]] = {}

    def __repr__(self) -> str:
        return "<fastext.importer.finder.FxFinder>"

    def invalidate_caches(self) -> None:
        """Forget the cached directory listings (called by importlib.invalidate_caches())."""
        self._stems.clear()

    def find_spec(self, fullname: str, path=None, target=None):
        """Return a spec for a `.fx` module, a twin-aware spec for its shadowing module, or None."""
        parent, _, leaf = fullname.rpartition(".")
        if leaf == "fx" and parent:
            spec = self._find_fx_spelling(fullname, parent)
            if spec is not None:
                return spec
        dirs = sys.path if path is None else path
        for index, directory in enumerate(dirs):
            if not isinstance(directory, str):
                continue
            if leaf in self._fx_stems(directory or os.getcwd()):  # "" means the current folder
                spec = self._spec_in_dir(fullname, leaf, dirs, index, directory)
                if spec is not None:
                    return spec
        return None

    def _fx_stems(self, directory: str) -> frozenset[str]:
        """The stems of the `.fx` files in `directory`, cached by the directory's mtime."""
        try:
            mtime = os.stat(directory).st_mtime_ns
        except OSError:
            return frozenset()
        cached = self._stems.get(directory)
        if cached is not None and cached[0] == mtime:
            return cached[1]
        try:
            names = os.listdir(directory)
        except OSError:
            names = []
        stems = frozenset(n[:-3] for n in names if n.endswith(SUFFIX) and len(n) > 3)
        self._stems[directory] = (mtime, stems)
        return stems

    def _spec_in_dir(self, fullname: str, leaf: str, dirs, index: int, directory: str):
        fx_path = os.path.join(os.path.abspath(directory or os.getcwd()), leaf + SUFFIX)
        if not os.path.isfile(fx_path):  # a folder named `kernels.fx`: keep looking
            return None
        # Would the normal machinery find `fullname` here or earlier?  Then it wins.
        normal = _PathFinder.find_spec(fullname, list(dirs[: index + 1]))
        if normal is None or normal.loader is None or normal.origin is None:  # nothing, or a namespace portion
            return _compiled_spec(fullname, fx_path)
        if (
            normal.submodule_search_locations is None
            and normal.origin
            and os.path.dirname(os.path.abspath(normal.origin)) == os.path.dirname(fx_path)
        ):
            # A plain module with a `.fx` twin beside it: give it a `__path__` so that
            # `import kernels.fx` reaches this finder instead of failing with
            # "'kernels' is not a package".
            normal.loader = _TwinLoader(normal.loader)
        return normal

    def _find_fx_spelling(self, fullname: str, parent_name: str):
        """`import kernels.fx`: the compiled file named after the parent module, if it exists."""
        parent = sys.modules.get(parent_name)
        pspec = getattr(parent, "__spec__", None)
        if pspec is None or not pspec.origin or not pspec.has_location:
            return None
        fx_path = getattr(pspec.loader, "fx_path", None)
        if fx_path is not None and fx_path == pspec.origin:
            from fastext.importer.loader import FxAliasLoader

            return _ModuleSpec(fullname, FxAliasLoader(parent, pspec), origin=fx_path)
        base = os.path.dirname(os.path.abspath(pspec.origin))
        if pspec.submodule_search_locations is not None:  # a package: its twin sits beside its folder
            base = os.path.dirname(base)
        fx_path = os.path.join(base, parent_name.rpartition(".")[2] + SUFFIX)
        if not os.path.isfile(fx_path):
            return None
        return _compiled_spec(fullname, fx_path)


def _compiled_spec(fullname: str, fx_path: str):
    """The spec of a `.fx` module: `__file__` is the source, an empty `__path__` allows `.fx`."""
    from fastext.importer.loader import FxLoader

    loader = FxLoader(fullname, fx_path, interpreted=is_disabled())
    spec = _ModuleSpec(fullname, loader, origin=fx_path, is_package=True)  # is_package: __path__ = []
    spec.has_location = True  # so `__file__` is set to the `.fx` source
    return spec


class _TwinLoader:
    """Wraps the loader of `kernels.py` when `kernels.fx` sits beside it: adds `__path__ = []`.

    Set before the module body runs, so `kernels.py` itself may `import kernels.fx`.
    Everything else is delegated to the wrapped loader.
    """

    def __init__(self, inner) -> None:
        self._inner = inner

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def __repr__(self) -> str:
        return f"<fastext twin of {self._inner!r}>"

    def create_module(self, spec):
        create = getattr(self._inner, "create_module", None)
        return create(spec) if create is not None else None

    def exec_module(self, module) -> None:
        if getattr(module, "__path__", None) is None:
            module.__path__ = []
        self._inner.exec_module(module)


def _our_finders() -> list:
    return [f for f in sys.meta_path if getattr(f, "_fastext_finder", False)]


def is_installed() -> bool:
    """True when a fastext finder is on `sys.meta_path`."""
    return bool(_our_finders())


def install() -> None:
    """Put the `.fx` finder on `sys.meta_path`, just before PathFinder (idempotent)."""
    if is_installed():
        return
    for index, finder in enumerate(sys.meta_path):
        if finder is _PathFinder:
            sys.meta_path.insert(index, FxFinder())
            return
    sys.meta_path.append(FxFinder())


def uninstall() -> None:
    """Take every fastext finder off `sys.meta_path` (idempotent); imported modules stay."""
    for finder in _our_finders():
        sys.meta_path.remove(finder)
