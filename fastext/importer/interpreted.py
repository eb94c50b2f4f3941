"""Interpreted mode (FASTEXT_DISABLE=1, `fastext.disable()`): a `.fx` module run by CPython.

The source runs unchanged, with one adjustment so that it computes what the
compiled module computes: NumPy arrays passed to the module's functions are
seen through `PyView`, whose items are Python numbers.  Without it, `x[i]` would
be a NumPy scalar, and NumPy's rules differ from Python's (and so from compiled
code): `np.float64(1) / 0.0` is inf, `np.int64(5) % 0` is 0, `u8` sums wrap.
Stores wrap integers to the array's width, as compiled code does.
"""
import functools
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
        if self._wrap is not None and isinstance(value, int):
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

    def fill(self, value) -> None:
        self.base.fill(self._wrap(value) if self._wrap is not None and isinstance(value, int) else value)

    def __repr__(self) -> str:
        return f"PyView({self.base!r})"


def _view(value):
    # NumPy arrays (and look-alikes); array.array, bytearray and memoryview already yield Python numbers
    if hasattr(value, "__array_interface__") and getattr(value, "ndim", 0) >= 1 and not isinstance(value, PyView):
        return PyView(value)
    return value


def _wrap(fn: types.FunctionType) -> types.FunctionType:
    @functools.wraps(fn)
    def call(*args, **kwargs):
        return fn(*map(_view, args), **{k: _view(v) for k, v in kwargs.items()})
    return call


def execute(code, module: types.ModuleType, views: bool = True) -> None:
    """Run compiled-to-bytecode `.fx` source in `module`, then view array arguments as above
    (`views=False`: exactly the plain Python the source is, e.g. as a speed baseline)."""
    exec(code, module.__dict__)
    if not views:
        return
    namespace = module.__dict__
    for name, value in list(namespace.items()):
        if isinstance(value, types.FunctionType) and value.__module__ == module.__name__:
            namespace[name] = _wrap(value)


def load(path: str, name: str | None = None, views: bool = True) -> types.ModuleType:
    """The `.fx` file at `path` as an interpreted module (not put in sys.modules): the oracle.

    `views=False` runs the source exactly as plain CPython would (NumPy items stay NumPy
    scalars): the honest speed baseline, whose results may differ in NumPy's corner cases.
    """
    import os

    name = name or os.path.basename(path).rpartition(".")[0]
    module = types.ModuleType(name)
    module.__file__ = os.path.abspath(path)
    with open(path, "rb") as f:
        execute(compile(f.read(), module.__file__, "exec", dont_inherit=True), module, views)
    return module
