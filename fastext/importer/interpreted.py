"""Interpreted mode (FASTEXT_DISABLE=1, `fastext.disable()`): a `.fx` module run by CPython.

The source runs unchanged, as plain Python on the caller's own objects: NumPy arrays are
NumPy arrays, so the array language (`a * b`, `np.sum(a, axis=0)`, ...) is NumPy itself — the
oracle the compiled module is tested against.  Two adjustments at the module's boundary
only, so that both modes take and return the same things: struct parameters take any
sequence of their fields (as compiled entry points do), and results are given back as the
compiled module returns them (NumPy scalars as Python numbers, e.g. `a.sum()`'s `.item()`).
`PyView` remains for what only the dialect has: struct arrays whose items are `@struct`
instances, and the GPU emulator's shared arrays.
"""
import functools
import threading
import types

from fastext.dialect import ScalarType

_WIDTHS = {(kind, size): ScalarType(f"{'i' if kind == 'i' else 'u'}{size * 8}", "int" if kind == "i" else "uint", size * 8)
           for kind in "iu" for size in (1, 2, 4, 8)}


class PyView:
    """An array as `.fx` code sees it: `a[i, j]` is a Python int/float/bool; shape, size, ndim, len."""

    __slots__ = ("base", "_wrap")

    def __init__(self, base):
        self.base = base
        dtype = base.dtype
        self._wrap = _WIDTHS.get((dtype.kind, dtype.itemsize))

    def __getitem__(self, index):
        item = self.base[index]
        if getattr(item, "ndim", None) == 0:
            return item.item()
        return PyView(item) if getattr(item, "ndim", 0) >= 1 else item   # a slice is a view too

    def __setitem__(self, index, value):
        if isinstance(value, PyView):
            value = value.base          # a[1:] = b[:-1]: NumPy's broadcasting and overlap rules
        elif self._wrap is not None and isinstance(value, int):
            value = self._wrap(value)   # fixed-width integers wrap, as in compiled code
        self.base[index] = value

    def __len__(self) -> int:
        return len(self.base)

    def __iter__(self):
        return (self[k] for k in range(len(self.base)))

    @property
    def shape(self) -> tuple:
        return tuple(self.base.shape)

    @property
    def size(self) -> int:
        return int(self.base.size)

    @property
    def ndim(self) -> int:
        return self.base.ndim

    # The array methods of the dialect, with its meaning: a sequential sum, NumPy's NaN rules.
    def sum(self):
        total = 0.0 if self.base.dtype.kind in "fc" else 0
        for value in self.base.flat:
            total += value.item()
        return total

    def min(self):
        return self.base.min().item()

    def max(self):
        return self.base.max().item()

    def copy(self) -> "PyView":
        return PyView(self.base.copy(order="C"))

    def fill(self, value) -> None:
        self.base.fill(self._wrap(value) if self._wrap is not None and isinstance(value, int) else value)

    def __repr__(self) -> str:
        return f"PyView({self.base!r})"


def _unview(value):
    """A result as the compiled module returns it: arrays are ndarrays (also inside tuples),
    numbers are Python numbers (a NumPy scalar such as `a.sum()`'s becomes its `.item()`)."""
    if isinstance(value, PyView):
        return value.base
    if type(value) is tuple:      # not a @struct instance (a tuple subclass holding numbers)
        return tuple(map(_unview, value))
    if type(value).__module__ == "numpy" and hasattr(value, "item") and getattr(value, "ndim", 1) == 0 \
            and type(value).__name__ != "void":
        return value.item()
    return value


_calls = threading.local()


def _wrap(fn: types.FunctionType) -> types.FunctionType:
    from fastext.structtype import convert_args, struct_params
    structs = struct_params(fn)   # struct parameters take tuples, as compiled entry points do

    @functools.wraps(fn)
    def call(*args, **kwargs):
        if structs:
            args, kwargs = convert_args(fn, structs, args, kwargs)
        depth = getattr(_calls, "depth", 0)
        _calls.depth = depth + 1
        try:
            result = fn(*args, **kwargs)
        finally:
            _calls.depth = depth
        # between the module's own functions values pass unchanged; Python gets the boundary's types
        return result if depth else _unview(result)
    return call


def execute(code, module: types.ModuleType, views: bool = True) -> None:
    """Run compiled-to-bytecode `.fx` source in `module`, then wrap its functions as above
    (`views=False`: exactly the plain Python the source is, e.g. as a speed baseline)."""
    spec = getattr(module, "__spec__", None)
    if spec is not None and spec.submodule_search_locations is not None and str(spec.origin).endswith(".fx"):
        # The hook gives every `.fx` module an empty `__path__` (so `import kernels.fx` works),
        # which would make `from .other import f` look inside the module itself: run the
        # module-level imports with the spec of a plain module, as the source means them.
        import copy

        plain = copy.copy(spec)
        plain.submodule_search_locations = None
        module.__spec__, module.__package__ = plain, plain.parent
        try:
            exec(code, module.__dict__)
        finally:
            module.__spec__, module.__package__ = spec, spec.parent
    else:
        exec(code, module.__dict__)
    if not views:
        return
    namespace = module.__dict__
    for name, value in list(namespace.items()):
        if isinstance(value, types.FunctionType) and value.__module__ == module.__name__:
            namespace[name] = _wrap(value)


def load(path: str, name: str | None = None, views: bool = True) -> types.ModuleType:
    """The `.fx` file at `path` as an interpreted module (not put in sys.modules): the oracle.

    `views=False` runs the source exactly as plain CPython would, without the boundary
    adjustments (results stay NumPy scalars): the honest speed baseline.
    """
    return _load(path, name, views, {})


def _load(path: str, name: str | None, views: bool, loaded: dict) -> types.ModuleType:
    import builtins
    import os

    name = name or os.path.basename(path).rpartition(".")[0]
    module = types.ModuleType(name)
    module.__file__ = os.path.abspath(path)
    loaded[module.__file__] = module   # before running it: an import cycle sees the partial module
    # The `.fx` modules it imports are loaded the same way (interpreted, not put in sys.modules),
    # found as the compiler finds them (fastext.compiler.resolve); other imports are Python's.
    module.__builtins__ = dict(builtins.__dict__, __import__=_fx_import(module.__file__, views, loaded))
    import sys
    # Visible in sys.modules while its body runs only: `@dataclass` looks the class's module up
    # there to read string annotations (`from __future__ import annotations`).  Afterwards the
    # oracle stays out of it, so it never shadows the compiled module of the same name.
    # Only for a source that uses dataclasses: a module named like one it imports (`json.fx`
    # doing `import json`) would otherwise find itself there.
    with open(path, "rb") as f:
        source = f.read()
    registered = b"dataclass" in source and sys.modules.setdefault(name, module) is module
    if b"numba" in source:
        # Numba source runs under real Numba here, which compiles at the first call — after
        # the body ran — and then looks the function's module up in sys.modules (a recursive
        # @njit function otherwise fails: "unresolved symbol").  So such a module stays there
        # for good, under a name of its own that never shadows the compiled module.
        module.__name__ = f"_fx_oracle_{name}_{id(module):x}"
        sys.modules[module.__name__] = module
    try:
        execute(compile(source, module.__file__, "exec", dont_inherit=True), module, views)
    finally:
        if registered:
            del sys.modules[name]
    return module


def _fx_import(importer: str, views: bool, loaded: dict):
    import builtins

    from fastext.compiler.resolve import ResolveError, resolve

    def load_fx(module: str, level: int):
        try:
            path = resolve(importer, module, level)
        except ResolveError:
            return None
        found = loaded.get(path)
        return found if found is not None else _load(path, module.rpartition(".")[2], views, loaded)

    def fx_import(name, globals=None, locals=None, fromlist=(), level=0):
        if name in ("math", "fastext", "__future__") or name.startswith("fastext.") and not level:
            return builtins.__import__(name, globals, locals, fromlist, level)
        if not name:   # `from . import other, more`
            return types.SimpleNamespace(**{n: load_fx(n, level) for n in fromlist})
        found = load_fx(name, level)
        if found is None:
            return builtins.__import__(name, globals, locals, fromlist, level)
        if fromlist or "." not in name:
            return found
        # `import pkg.other` binds `pkg`: give it the attribute path to the module
        top = types.SimpleNamespace()
        node = top
        for part in name.split(".")[1:-1]:
            setattr(node, part, types.SimpleNamespace())
            node = getattr(node, part)
        setattr(node, name.rpartition(".")[2], found)
        return top

    return fx_import
