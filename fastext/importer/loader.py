"""Loaders of `.fx` modules: compiled (dlopen'ed `.so`, or JIT'ed object), interpreted, alias.

The module spec keeps `origin` = the `.fx` source (so `__file__` is the source);
the extension itself is created from a temporary spec whose origin is the cached
`.so`.  `importlib.reload()` calls `exec_module` on the existing module: that
builds the current source (a new key, so a new file name, so dlopen really loads
new code) and copies the fresh module's namespace into the old module.
"""
import os
import sys

import _frozen_importlib as _bootstrap  # = importlib._bootstrap, without importing importlib
import _imp

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
        self._created = None        # the module create_module made, until exec_module runs it
        self._needs_exec = False    # dlopen'ed modules still need exec_dynamic; JIT ones are done

    def __repr__(self) -> str:
        mode = "interpreted" if self.interpreted else "compiled"
        return f"<fastext {mode} loader for {self.fx_path!r}>"

    # -- PEP 451 -----------------------------------------------------------
    def create_module(self, spec):
        """Compiled mode: the extension module, from the cache or freshly built."""
        if self.interpreted:
            return None  # importlib makes a plain module; exec_module runs the source in it
        module, self._needs_exec = self._load_native(spec)
        self._created = module
        return module

    def exec_module(self, module) -> None:
        """Run the module: exec_dynamic on first load, a rebuild on reload, the source when interpreted."""
        if self.interpreted:
            exec(self.get_code(module.__name__), module.__dict__)
            return
        if module is self._created:
            self._created = None
            if self._needs_exec:
                _imp.exec_dynamic(module)
            return
        self._reload_native(module)

    # -- what tracebacks, inspect and runpy ask for --------------------------
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

    # -- internals -----------------------------------------------------------
    def _read(self) -> bytes:
        with open(self.fx_path, "rb") as f:
            return f.read()

    def _load_native(self, spec):
        """(module, needs exec_dynamic) for `spec`, compiling on a cache miss."""
        from fastext import config

        options, kind = config.options_from_env(), "o" if jit_forced() else "so"
        built = self._obtain(spec, options, kind)
        if built.kind == "so":
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

        with open(built.path, "rb") as f:
            object_code = f.read()
        # The JIT calls PyInit_<last name component>: PyInit_kernels, or PyInit_fx for kernels.fx.
        return load_extension(object_code, spec, spec.name.rpartition(".")[2]), False

    def _obtain(self, spec, options, kind: str):
        from fastext.importer import cache

        try:
            built = cache.lookup(self.fx_path, options, (kind,))
            if built is None:
                # A miss: only now the build machinery (lock, compiler, writer) is imported.
                from fastext.importer import store

                built = store.obtain(self.fx_path, options, kind)
        except ImportError as exc:
            diagnostics = sys.modules.get("fastext.compiler.diagnostics")  # loaded iff it compiled
            if diagnostics is None or not isinstance(exc, diagnostics.CompileError):
                raise
            if exc.name is None:
                exc.name = spec.name
            # The user's bug is in the .fx file, shown by the diagnostics: no compiler frames.
            raise exc.with_traceback(None) from None
        spec.cached = built.path  # becomes __cached__: which build this module runs
        return built

    def _dlopen(self, spec, so_path: str):
        # create_dynamic loads spec.origin and calls PyInit_<last name component>, so it
        # gets a spec pointing at the .so; the module keeps the real spec (origin = .fx).
        return _imp.create_dynamic(_bootstrap.ModuleSpec(spec.name, self, origin=so_path))

    def _reload_native(self, module) -> None:
        spec = module.__spec__
        fresh, needs_exec = self._load_native(spec)
        if needs_exec:
            _imp.exec_dynamic(fresh)
        for name, value in fresh.__dict__.items():
            if name not in _IDENTITY:
                module.__dict__[name] = value
        module.__cached__ = spec.cached


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
