"""The `.fx` import hook: the meta path finder, its switches, and start-up installation.

`fastext-hook.pth` imports this module at interpreter start-up, so it lives at top
level (not inside the `fastext` package, whose `__init__` and `fastext.importer`
would be two more module loads on every start-up) and imports only modules that
are already loaded then: `os`, `sys` and the frozen importlib internals.
The loaders live here too.  Everything heavier (the cache, the compiler) is
imported lazily, once a `.fx` file has actually been found.  The public names are re-exported by
`fastext.importer.finder` and `fastext`.  Set FASTEXT_NO_HOOK=1 to keep the hook
out of an interpreter at start-up (`import fastext` still installs it).

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
import _imp
import _thread

_PathFinder = _bootstrap_external.PathFinder
_ModuleSpec = _bootstrap.ModuleSpec

SUFFIX = ".fx"
_api_disabled = False

# Top-level names a `.fx` file never provides: fastext itself and what it imports (the
# standard library, NumPy, llvmlite).  A user's `json.fx` or `fastext.fx` on sys.path would
# otherwise be compiled when fastext imports `json`, which needs fastext: a circular import,
# RecursionError or a TypeError deep inside the cache.  Such a file is skipped with a warning.
# Built on first use (`_reserved()`): start-up pays nothing for it.
_RESERVED: frozenset | None = None

# While a thread loads or builds a `.fx` module, every import it makes is fastext's own
# (the cache, the compiler, the linker, the standard library behind them): the finder stays
# out of those, so they never resolve to a user's `.fx` file.  A thread-local depth counter,
# made (with the rest of `_prepare()`) when the first `.fx` module is found.
_busy = None

_warned: dict = {}  # the warnings registry: each message once per process


def __getattr__(name: str):
    # FastextWarning is made on first use: a class costs start-up ~20 us, and this module is
    # imported by every interpreter.
    if name == "FastextWarning":
        global FastextWarning

        class FastextWarning(UserWarning):
            """What the import hook and the cache warn about: a refused or unusable cache folder, a
            damaged build that is rebuilt, a prebuilt extension older than its `.fx`, ..."""

        FastextWarning.__module__ = "fastext"
        return FastextWarning
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def warn(message: str, path: str | None = None) -> None:
    """One line on stderr (through `warnings`, so `-W error::fastext.FastextWarning` and
    pytest see it): `<path>:0: FastextWarning: <message>`."""
    import warnings  # already loaded in any interpreter that ran site.py

    category = globals().get("FastextWarning") or __getattr__("FastextWarning")
    warnings.warn_explicit(message, category, path or "fastext", 0, module="fastext", registry=_warned)


def _reserved() -> frozenset:
    """The top-level names a `.fx` file never provides (see `_RESERVED`)."""
    global _RESERVED
    if _RESERVED is None:
        _RESERVED = frozenset(getattr(sys, "stdlib_module_names", ())) | {"fastext", "_fastext_hook", "numpy",
                                                                           "llvmlite"}
    return _RESERVED


def _prepare() -> None:
    """Once, when the first `.fx` module is found: what only loading one needs."""
    global _busy
    if _busy is None:
        _as_importlib_frame(FxLoader.create_module)
        _as_importlib_frame(FxLoader.exec_module)
        _busy = _thread._local()


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
        return "<fastext FxFinder>"

    def invalidate_caches(self) -> None:
        """Forget the cached directory listings (called by importlib.invalidate_caches())."""
        self._stems.clear()

    def find_spec(self, fullname: str, path=None, target=None):
        """Return a spec for a `.fx` module, a twin-aware spec for its shadowing module, or None."""
        if fullname == _AUTORELOAD:
            return _autoreload_spec(fullname, path)
        parent, _, leaf = fullname.rpartition(".")
        if leaf == "fx" and parent:
            if _busy is not None and getattr(_busy, "depth", 0):
                return None
            spec = self._find_fx_spelling(fullname, parent)
            if spec is not None:
                return spec
        dirs = sys.path if path is None else path
        for index, directory in enumerate(dirs):
            if not isinstance(directory, str):
                continue
            if leaf in self._fx_stems(directory or os.getcwd()):  # "" means the current folder
                if _busy is not None and getattr(_busy, "depth", 0):  # fastext's own import: never a `.fx`
                    return None
                if not parent and leaf in _reserved():
                    warn(f"{os.path.join(directory or os.getcwd(), leaf + SUFFIX)} is not imported as `{leaf}`: "
                         "that name belongs to the standard library or to fastext; rename the file")
                    return None
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
        if _stale_prebuilt(normal.origin, fx_path):
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
            return _ModuleSpec(fullname, FxAliasLoader(parent, pspec), origin=fx_path)
        base = os.path.dirname(os.path.abspath(pspec.origin))
        if pspec.submodule_search_locations is not None:  # a package: its twin sits beside its folder
            base = os.path.dirname(base)
        fx_path = os.path.join(base, parent_name.rpartition(".")[2] + SUFFIX)
        if not os.path.isfile(fx_path):
            return None
        return _compiled_spec(fullname, fx_path)


# A prebuilt extension this much older than the `.fx` beside it was built from an earlier
# version.  The margin keeps wheels quiet: installers unpack `kernels.abi3.so` and
# `kernels.fx` one after the other, with current times, in either order.
_STALE_MARGIN_NS = 2 * 10**9


def _stale_prebuilt(origin: str, fx_path: str) -> bool:
    """`fastext build kernels.fx` left `kernels.cpython-311-...so` beside the source, and the
    source was edited since: warn and import the source instead of the old build."""
    if not origin.endswith(tuple(_imp.extension_suffixes())):
        return False
    if os.path.dirname(os.path.abspath(origin)) != os.path.dirname(fx_path):
        return False
    try:
        built, edited = os.stat(origin).st_mtime_ns, os.stat(fx_path).st_mtime_ns
    except OSError:
        return False
    if edited - built <= _STALE_MARGIN_NS:
        return False
    warn(f"{origin} is older than {os.path.basename(fx_path)} (edited since it was built): importing the source "
         f"instead; remove the old build with `fastext clean --prebuilt {os.path.dirname(fx_path)}` "
         "or rebuild it with `fastext build`", fx_path)
    return True


def _compiled_spec(fullname: str, fx_path: str):
    """The spec of a `.fx` module: `__file__` is the source, an empty `__path__` allows `.fx`."""
    _prepare()
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


# ----------------------------------------------------------------------------- loaders
# Loaders of `.fx` modules: compiled (dlopen'ed `.so`, or JIT'ed object), interpreted, alias.
# They live here too, beside the finder, because a first import of a cached `.fx` module
# would otherwise pay one more module load (a noticeable part of its ~1 ms budget).
# The module spec keeps `origin` = the `.fx` source (so `__file__` is the source); the
# extension itself is created from a temporary spec whose origin is the cached `.so`.
# `importlib.reload()` calls `exec_module` on the existing module: that builds the current
# source (a new key, so a new file name, so dlopen really loads new code) and copies the
# fresh module's namespace into the old module.

# Attributes that describe where a module came from; a reload keeps the old module's.
_IDENTITY = frozenset({
    "__name__", "__spec__", "__loader__", "__file__", "__path__", "__package__", "__cached__", "__builtins__",
})


def jit_forced() -> bool:
    """FASTEXT_LINKER=none: load object files in-process even where a linker exists."""
    from fastext import config

    return (config.linker_override() or "").strip().lower() == "none"


def native_path() -> str:
    """How compiled modules get loaded here: `linker:/usr/bin/cc` or `jit` (for `fastext info`)."""
    if jit_forced():
        return "jit"
    from fastext.compiler.link import find_linker

    linker = find_linker()
    return f"linker:{linker}" if linker else "jit"


class FxLoader:
    """Loads the `.fx` file `fx_path` as module `name`: compiled, or as plain Python when `interpreted`."""

    def __init__(self, name: str, fx_path: str, interpreted: bool = False):
        self.name = name
        self.fx_path = fx_path
        self.interpreted = interpreted
        self.options = None         # compile options; None: the environment's (the `%%fastext` magic sets them)
        self.deps: tuple = ()       # the other `.fx` files the loaded build read (for autoreload)
        self._created = None        # the module create_module made, until exec_module runs it
        self._needs_exec = False    # dlopen'ed modules still need exec_dynamic; JIT ones are done

    def __repr__(self) -> str:
        mode = "interpreted" if self.interpreted else "compiled"
        return f"<fastext {mode} loader for {self.fx_path!r}>"

    # -- PEP 451 -----------------------------------------------------------
    # importlib calls these two.  They run the work in `_native` and re-raise its error from
    # their own frame, which carries importlib's file name (see `_as_importlib_frame`):
    # CPython strips importlib's frames from an ImportError's traceback, so a user sees the
    # line of their `import` and the diagnostics, not fastext's machinery.
    def create_module(self, spec):
        """Compiled mode: the extension module, from the cache or freshly built."""
        if self.interpreted:
            return None  # importlib makes a plain module; exec_module runs the source in it
        error = _native(self._create_native, spec, spec.name)
        if error is None:
            return self._created
        raise error

    def exec_module(self, module) -> None:
        """Run the module: exec_dynamic on first load, a rebuild on reload, the source when interpreted."""
        if self.interpreted:
            from fastext.importer.interpreted import execute

            execute(self.get_code(module.__name__), module)
            _native(_keep_stub, self, module.__name__)   # with the finder out of fastext's own imports
            return
        error = _native(self._exec_native, module, module.__spec__.name)
        if error is not None:
            raise error

    # -- what tracebacks, inspect, runpy and IPython's autoreload ask for ---------
    def get_filename(self, fullname: str | None = None) -> str:
        """The `.fx` source path."""
        return self.fx_path

    def get_source(self, fullname: str | None = None) -> str:
        """The `.fx` source text (so tracebacks and `inspect` show `.fx` lines)."""
        from importlib.util import decode_source  # lazy: only needed for tracebacks/inspect

        return decode_source(self._read())

    def get_code(self, fullname: str | None = None):
        """The source compiled as plain Python (what interpreted mode runs)."""
        return compile(self._read(), self.fx_path, "exec", dont_inherit=True)

    def is_package(self, fullname: str | None = None) -> bool:
        """True: the module has an empty `__path__` so that `import kernels.fx` works."""
        return True

    def source_mtime(self):
        """(`.fx` path, newest mtime of it and of the `.fx` files its build read), or (None, None):
        what IPython's autoreload compares to decide on a reload."""
        newest = None
        for path in (self.fx_path, *self.deps):
            try:
                mtime = os.stat(path).st_mtime
            except OSError:
                continue
            newest = mtime if newest is None or mtime > newest else newest
        return (self.fx_path, newest) if newest is not None else (None, None)

    # -- internals -----------------------------------------------------------
    def _read(self) -> bytes:
        with open(self.fx_path, "rb") as f:
            return f.read()

    def _create_native(self, spec) -> None:
        self._created, self._needs_exec = self._load_native(spec)

    def _exec_native(self, module) -> None:
        if module is self._created:
            self._created = None
            if self._needs_exec:
                _exec_dynamic(module)
            return
        self._reload_native(module)

    def _load_native(self, spec):
        """(module, needs exec_dynamic) for `spec`, compiling on a cache miss."""
        from fastext import config

        autoreload = sys.modules.get(_AUTORELOAD)
        if autoreload is not None:
            _patch_autoreload(autoreload)
        options, kind = self.options or config.options_from_env(), "o" if jit_forced() else "so"
        built = self._obtain(spec, options, kind)
        if config.stubs():
            _keep_stub(self)
        try:
            if built.kind == "so":
                _watch_threadpoolctl()
                try:
                    return self._dlopen(spec, built.path), True
                except ImportError:
                    if os.path.exists(built.path):
                        raise
                # A newer build (another process) removed ours between lookup and dlopen: once more.
                built = self._obtain(spec, options, kind)
                if built.kind == "so":
                    return self._dlopen(spec, built.path), True
            from fastext.compiler.jit import load_extension

            object_code = built.data
            if object_code is None:
                from fastext.importer.cache import _read_bytes

                object_code = _read_bytes(built.path, trusted_only=built.transient is None)
            # The JIT calls the init function of the last name component: kernels, or fx for kernels.fx.
            return load_extension(object_code, spec, spec.name.rpartition(".")[2]), False
        finally:
            if built.transient is not None:  # an uncached build: loaded (or failed), not kept
                import shutil

                shutil.rmtree(built.transient, ignore_errors=True)
                spec.cached = None

    def _obtain(self, spec, options, kind: str):
        from fastext.importer import cache

        built = cache.lookup(self.fx_path, options, (kind,))
        if built is None or built.problem is not None:
            # A miss (or a damaged entry): only now the build machinery (lock, compiler, writer) is imported.
            from fastext.importer import store

            built = store.obtain(self.fx_path, options, kind)
        spec.cached = built.path  # becomes __cached__: which build this module runs
        self.deps = tuple(built.deps)
        return built

    def _dlopen(self, spec, so_path: str):
        # create_dynamic loads spec.origin and calls PyInit_<last name component>, so it
        # gets a spec pointing at the .so; the module keeps the real spec (origin = .fx).
        return _imp.create_dynamic(_bootstrap.ModuleSpec(spec.name, self, origin=so_path))

    def _reload_native(self, module) -> None:
        spec = module.__spec__
        fresh, needs_exec = self._load_native(spec)
        if needs_exec:
            _exec_dynamic(fresh)
        for name, value in fresh.__dict__.items():
            if name not in _IDENTITY:
                module.__dict__[name] = value
        module.__cached__ = spec.cached


class _ThreadpoolctlWatch:
    """A finder that only notices the import of `threadpoolctl`: it lets the normal machinery
    load it, then registers fastext's controller (fastext/threadlimits.py), and steps aside."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "threadpoolctl":
            return None
        sys.meta_path.remove(self)
        spec = _PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)
            try:
                from fastext import threadlimits

                threadlimits.register()
            except Exception:   # noqa: BLE001 - thread limits are a courtesy; the import must work
                pass
        spec.loader.exec_module = exec_module
        return spec


def _watch_threadpoolctl() -> None:
    """Make fastext's prange pools visible to threadpoolctl once a compiled module is loaded:
    now if threadpoolctl is imported, else when it is."""
    if "threadpoolctl" in sys.modules:
        try:
            from fastext import threadlimits

            threadlimits.register()
        except Exception:   # noqa: BLE001
            pass
    elif not any(isinstance(f, _ThreadpoolctlWatch) for f in sys.meta_path):
        sys.meta_path.insert(0, _ThreadpoolctlWatch())


def _keep_stub(loader) -> None:
    """FASTEXT_STUBS=1: rewrite the `.pyi` beside the loaded `.fx` when it is older than the
    source (one stat per file when it is fresh).  A stub that cannot be written (a read-only
    folder, errors in the source under plain Python) is a warning, never a failed import."""
    from fastext import config

    if not config.stubs():
        return
    from fastext.build import stubfiles as stubs

    if not stubs.is_stale(loader.fx_path, loader.deps):
        return
    try:
        stubs.write_beside(loader.fx_path)
    except (ImportError, OSError) as exc:   # CompileError is an ImportError
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        warn(f"FASTEXT_STUBS: no stub written for {loader.fx_path}: {first}", loader.fx_path)


def _exec_dynamic(module) -> None:
    """Run the extension's exec slots; a failure there is the module's, not fastext's."""
    try:
        _imp.exec_dynamic(module)
    except ImportError:
        raise
    except Exception as exc:  # noqa: BLE001 - an import raises ImportError
        raise ImportError(f"initialising the compiled module {module.__name__} failed: {type(exc).__name__}: {exc}",
                          name=module.__name__) from exc


def _native(work, arg, name: str):
    """Run `work(arg)` (loading or building module `name`) with the finder out of
    fastext's own imports; return None, or the exception for the caller to raise: an
    ImportError without fastext's frames (docs/caching.md, "Errors")."""
    _prepare()  # a loader made without the finder (tests, tools) has not prepared yet
    _busy.depth = getattr(_busy, "depth", 0) + 1
    try:
        work(arg)
        return None
    except Exception as exc:  # noqa: BLE001 - every failure of an import must be an ImportError
        return _import_error(exc, name)
    finally:
        _busy.depth -= 1


def _import_error(exc: Exception, name) -> ImportError:
    """What a failed compiled import raises: `exc` itself when it is an ImportError (the
    compiler's CompileError among them), stripped of fastext's frames; an OSError as an
    ImportError naming the file; anything else (a fastext bug) as an ImportError caused by it."""
    if isinstance(exc, ImportError):
        if exc.name is None:
            exc.name = name
        diagnostics = sys.modules.get("fastext.compiler.diagnostics")  # loaded iff it compiled
        if diagnostics is not None and isinstance(exc, diagnostics.CompileError):
            # The user's bug is in the .fx file, shown by the diagnostics: no compiler frames.
            exc.__cause__, exc.__suppress_context__ = None, True
        return exc.with_traceback(None)
    if isinstance(exc, OSError):
        where = exc.filename if exc.filename is not None else ""
        error = ImportError(f"cannot import {name}: {where}{': ' if where else ''}{exc.strerror or exc}",
                            name=name, path=where or None)
        error.__suppress_context__ = True
        return error
    error = ImportError(f"internal error in fastext while importing {name}: {type(exc).__name__}: {exc} "
                        "(please report this)", name=name)
    error.__cause__ = exc
    return error


def _as_importlib_frame(function) -> None:
    """Give `function`'s code importlib's file name.  CPython removes importlib's frames from
    the traceback of an ImportError raised by an import (`remove_importlib_frames` in
    import.c); create_module/exec_module re-raise from their own frame, so this makes them
    vanish too, and the traceback a user sees ends at their `import` line."""
    function.__code__ = function.__code__.replace(co_filename=_bootstrap_external._path_join.__code__.co_filename)



# ----------------------------------------------------------------------------- IPython

# `%autoreload` reloads a module when the file its `__file__` names has a newer mtime, and
# only looks at `.py` files (or `.pyc` under `__pycache__/`).  When autoreload is imported
# (the finder sees the import, or a `.fx` import finds it loaded), its `filename_and_mtime`
# is wrapped: for a `.fx` module it returns the `.fx` path and the newest mtime of it and
# its `.fx` dependencies, and `importlib.reload` does the rest.
_AUTORELOAD = "IPython.extensions.autoreload"


def _autoreload_spec(fullname: str, path):
    spec = _PathFinder.find_spec(fullname, path)
    if spec is not None and spec.loader is not None and hasattr(spec.loader, "exec_module"):
        spec.loader = _autoreload_loader(spec.loader)
    return spec


def _autoreload_loader(inner):
    """The loader of IPython's autoreload module, wrapped so that it then learns `.fx` files
    (the class is made here: start-up pays nothing for it)."""

    class PatchAutoreload:
        def __getattr__(self, name):
            return getattr(inner, name)

        def create_module(self, spec):
            create = getattr(inner, "create_module", None)
            return create(spec) if create is not None else None

        def exec_module(self, module) -> None:
            inner.exec_module(module)
            try:
                _patch_autoreload(module)
            except Exception:  # noqa: BLE001 - another IPython: autoreload works as before
                pass

    return PatchAutoreload()


def _patch_autoreload(module) -> None:
    reloader = getattr(module, "ModuleReloader", None)
    original = getattr(reloader, "filename_and_mtime", None)
    if original is None or getattr(original, "_fastext", False):
        return

    def filename_and_mtime(self, mod):
        loader = getattr(mod, "__loader__", None)
        if isinstance(loader, FxLoader):
            return loader.source_mtime()
        return original(self, mod)

    filename_and_mtime._fastext = True
    filename_and_mtime.__wrapped__ = original
    filename_and_mtime.__doc__ = original.__doc__
    reloader.filename_and_mtime = filename_and_mtime


class FxAliasLoader:
    """`import kernels.fx` where `kernels` already came from `kernels.fx`: the very same module."""

    def __init__(self, parent, parent_spec):
        self.parent = parent
        self.parent_spec = parent_spec

    def __repr__(self) -> str:
        return f"<fastext alias of {self.parent_spec.name!r}>"

    def create_module(self, spec):
        """The already imported parent module."""
        return self.parent

    def exec_module(self, module) -> None:
        """Nothing on first import; `importlib.reload(kernels.fx)` reloads `kernels`."""
        if module.__spec__ is self.parent_spec:
            return
        # reload() re-stamped the module with the alias spec's name; put `kernels` back, then reload it.
        spec = self.parent_spec
        module.__name__, module.__spec__, module.__loader__ = spec.name, spec, spec.loader
        module.__package__ = spec.parent
        spec.loader.exec_module(module)


# Start-up: the same reading as fastext.config.hook_disabled(), which cannot be
# imported here without loading the fastext package.
if os.environ.get("FASTEXT_NO_HOOK", "").strip().lower() in ("", "0", "false", "no", "off"):
    try:
        install()
    except Exception:  # a broken install must never break interpreter start-up
        pass
