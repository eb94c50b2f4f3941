"""`fastext.struct` under plain CPython: an `@struct` class becomes an immutable tuple subclass.

Compiled code passes struct values by value and returns them as plain tuples, so the
interpreted class is a tuple too (like a `typing.NamedTuple`): `Vec(1, 2) == (1.0, 2.0)`,
fields are read-only properties, methods are the class's own.  Each field converts its
value through the dialect type (`f64` fields hold floats, `i32` fields wrap, a struct
field takes an instance or a tuple of its fields), so interpreted values equal compiled ones.
"""
from __future__ import annotations

import operator
import sys

_BUILTIN = {"int": "i64", "float": "f64", "bool": "boolean", "complex": "c128"}


def struct(cls=None, *, mutable: bool = False):
    """Turn an annotated class into an immutable value record (a tuple subclass), or with
    `mutable=True` (`@struct(mutable=True)`) into a class of records with settable fields
    (`fastext/modinit.py: mutable_class`)."""
    if cls is None:
        def decorate(klass):
            return _make(klass, mutable, sys._getframe(1).f_globals)
        return decorate
    return _make(cls, mutable, sys._getframe(1).f_globals)


def _make(cls, mutable: bool, module_globals: dict):
    """The class `struct` makes of `cls`; string annotations resolve in `module_globals`."""
    if not isinstance(cls, type):
        raise TypeError("@struct decorates a class: write @struct or @struct(mutable=True)")
    if cls.__bases__ != (object,):
        raise TypeError(f"@struct class {cls.__name__} cannot inherit from another class")
    annotations = dict(cls.__dict__.get("__annotations__", {}))
    fields = tuple(annotations)
    namespace = {k: v for k, v in cls.__dict__.items()
                 if k not in ("__dict__", "__weakref__", "__annotations__") and k not in fields}
    converters: list = []

    def resolve() -> list:
        if not converters:
            converters.extend(_converter(annotations[f], module_globals) for f in fields)
        return converters

    def values_of(args, kwargs) -> list:
        if len(args) > len(fields):
            raise TypeError(f"{cls.__name__}() takes {len(fields)} field values, got {len(args)}")
        values = dict(zip(fields, args))
        for key, value in kwargs.items():
            if key not in fields:
                raise TypeError(f"{cls.__name__}() has no field {key!r}")
            if key in values:
                raise TypeError(f"{cls.__name__}() got multiple values for field {key!r}")
            values[key] = value
        missing = [f for f in fields if f not in values]
        if missing:
            raise TypeError(f"{cls.__name__}() is missing field {missing[0]!r}")
        items = []
        for f, convert in zip(fields, resolve()):
            try:
                items.append(convert(values[f]))
            except (TypeError, ValueError) as e:
                raise TypeError(f"{cls.__name__}() field {f!r}: {e}") from None
        return items

    def __class_getitem__(klass, dims):
        dims = dims if isinstance(dims, tuple) else (dims,)
        if not dims or not all(isinstance(d, slice) and d == slice(None) for d in dims):
            raise TypeError(f"arrays of structs are written {cls.__name__}[:] or {cls.__name__}[:, :], ...")
        return StructArrayType(klass, len(dims))

    if "dtype" not in fields:     # `np.zeros(n, dtype=Vec)`: NumPy reads the class's `dtype`
        namespace["dtype"] = StructDtype(lambda: [(f, _resolve(annotations[f], module_globals)) for f in fields])
    namespace["__class_getitem__"] = classmethod(__class_getitem__)
    if mutable:
        from fastext.modinit import mutable_class
        # converters resolve on first use, so a field may name a struct defined later
        new = mutable_class(cls.__name__, fields, resolve, values_of, namespace)
        new.__qualname__ = cls.__qualname__
        return new

    def __new__(klass, *args, **kwargs):
        return tuple.__new__(klass, values_of(args, kwargs))

    def __repr__(self) -> str:
        return f"{cls.__name__}({', '.join(f'{f}={v!r}' for f, v in zip(fields, self))})"

    def __getnewargs__(self):
        return tuple(self)

    namespace.update(__slots__=(), __new__=__new__, __repr__=__repr__, __getnewargs__=__getnewargs__,
                     _fields=fields, __match_args__=fields)
    for k, f in enumerate(fields):
        namespace[f] = property(operator.itemgetter(k), doc=f"field {k}: {f}")
    new = type(cls.__name__, (tuple,), namespace)
    new.__qualname__ = cls.__qualname__
    new.__fx_struct__ = True
    return new


class StructDtype:
    """`Vec.dtype`: the NumPy structured dtype of a struct (packed, little-endian fields, nested
    structs nested), built on first use so that defining a struct never imports NumPy.  A
    compiled module's struct class has the same attribute (abi/namespace.py)."""

    __slots__ = ("fields", "value")

    def __init__(self, fields):
        self.fields, self.value = fields, None

    def __get__(self, obj, cls=None):
        if self.value is None:
            import numpy
            spec = []
            for name, t in self.fields():
                spec.append((name, t.dtype if is_struct(t) else t.dtype.newbyteorder("<")))
            self.value = numpy.dtype(spec)
        return self.value


def _resolve(annotation, namespace):
    """A field's annotation as a dialect scalar type or a struct class."""
    from fastext.dialect import c128, f64, i64, boolean
    if isinstance(annotation, str):
        annotation = eval(annotation, namespace)   # noqa: S307 - the module's own annotation text
    return {int: i64, float: f64, bool: boolean, complex: c128}.get(annotation, annotation)


class StructArrayType:
    """`Vec[:, ...]`: the annotation of a NumPy structured array whose items are `Vec`s."""

    __slots__ = ("struct", "ndim")

    def __init__(self, struct_cls, ndim: int):
        self.struct, self.ndim = struct_cls, ndim

    def __repr__(self) -> str:
        return f"{self.struct.__name__}[{', '.join(':' * self.ndim)}]"

    def __eq__(self, other) -> bool:
        return isinstance(other, StructArrayType) and (self.struct, self.ndim) == (other.struct, other.ndim)

    def __hash__(self) -> int:
        return hash((self.struct, self.ndim))


_VIEWS: dict = {}


def struct_view(cls, array):
    """A structured array as interpreted `.fx` code sees a `Vec[:]`: items are `Vec`s."""
    from fastext.importer.interpreted import PyView

    view = _VIEWS.get(cls)
    if view is None:
        view = _VIEWS[cls] = _view_class(cls, PyView)
    return view(array.base if isinstance(array, PyView) else array)


def _view_class(cls, PyView):
    class StructView(PyView):
        __slots__ = ()

        def __getitem__(self, index):
            item = self.base[index]
            if getattr(item, "ndim", None) == 0 or not hasattr(item, "ndim"):
                return convert_struct(cls, item.item() if hasattr(item, "item") else item)
            return StructView(item)

        def __setitem__(self, index, value):
            self.base[index] = tuple(value) if isinstance(value, tuple) or is_struct(type(value)) else value

    StructView.__name__ = f"{cls.__name__}View"
    return StructView


def is_struct(cls) -> bool:
    return isinstance(cls, type) and cls.__dict__.get("__fx_struct__", False)


def convert_struct(cls, value):
    """A struct argument as compiled code takes it: an instance, or a sequence of field values."""
    if isinstance(value, cls):
        return value
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__") or not hasattr(value, "__getitem__"):
        raise TypeError(f"expected {cls.__name__} (a tuple of {len(cls._fields)} field values), "
                        f"not {type(value).__name__}")
    if len(value) != len(cls._fields):
        raise TypeError(f"expected {cls.__name__} (a tuple of {len(cls._fields)} field values), "
                        f"got a sequence of {len(value)}")
    return cls(*(_plain(value[k]) for k in range(len(cls._fields))))


def _plain(x):
    """A NumPy scalar item as a Python number (as the compiled entry point reads it)."""
    item = getattr(x, "item", None)
    return item() if item is not None and getattr(x, "ndim", None) == 0 and not isinstance(x, tuple) else x


def _converter(annotation, namespace):
    from fastext.dialect import ScalarType, c128, f64, i64, boolean
    if isinstance(annotation, str):
        annotation = eval(annotation, namespace)   # noqa: S307 - the module's own annotation text
    if annotation in (int, float, bool, complex):
        annotation = {int: i64, float: f64, bool: boolean, complex: c128}[annotation]
    if isinstance(annotation, ScalarType):
        return _scalar(annotation)
    if is_struct(annotation):
        return lambda v, cls=annotation: convert_struct(cls, v)
    raise TypeError(f"struct fields are dialect scalars or structs, not {annotation!r}")


def _scalar(t):
    def convert(value):
        if isinstance(value, (str, bytes)) or value is None:
            raise TypeError(f"must be {t.name}, not {type(value).__name__}")
        if t.kind in ("int", "uint") and not hasattr(value, "__index__"):
            raise TypeError(f"must be {t.name} (an integer), not {type(value).__name__}")
        if t.kind != "complex" and isinstance(value, complex):
            raise TypeError(f"must be {t.name}, not complex")
        return t(value)
    return convert


def struct_params(fn) -> dict[str, type]:
    """The parameters of `fn` annotated with a struct class (interpreted entry points convert them)."""
    out = {}
    for name, annotation in getattr(fn, "__annotations__", {}).items():
        if name == "return":
            continue
        if isinstance(annotation, str):
            try:
                annotation = eval(annotation, fn.__globals__)   # noqa: S307
            except Exception:   # noqa: BLE001 - not a struct then
                continue
        if is_struct(annotation) or isinstance(annotation, StructArrayType):
            out[name] = annotation
        elif getattr(annotation, "__origin__", None) is tuple:
            try:
                out[name] = TupleParam(_tuple_converter(annotation, fn.__globals__))
            except TypeError:    # a tuple holding arrays: not a parameter compiled code takes
                pass
        elif getattr(annotation, "__origin__", None) is list and len(annotation.__args__) == 1:
            item = annotation.__args__[0]
            if isinstance(item, str):
                try:
                    item = eval(item, fn.__globals__)   # noqa: S307
                except Exception:   # noqa: BLE001
                    continue
            if is_struct(item) or getattr(item, "__origin__", None) is tuple:
                try:   # a list of structs or tuples: a new list of converted items, as compiled code copies it
                    one = _converter(item, fn.__globals__) if is_struct(item) else \
                        _tuple_converter(item, fn.__globals__)
                except TypeError:
                    continue
                out[name] = TupleParam(lambda value, one=one: [one(v) for v in value]
                                       if isinstance(value, list) else value)
    return out


class TupleParam:
    """A `tuple[...]` parameter of numbers and structs, or a list of structs or such tuples:
    converted item by item, as the compiled entry point takes any sequence of the items
    (abi/structs.py: unbox_tuple)."""

    __slots__ = ("convert",)

    def __init__(self, convert):
        self.convert = convert


def _tuple_converter(annotation, namespace):
    items = [_tuple_converter(a, namespace) if getattr(a, "__origin__", None) is tuple else _converter(a, namespace)
             for a in annotation.__args__]

    def convert(value):
        if isinstance(value, (str, bytes)) or not hasattr(value, "__len__") or not hasattr(value, "__getitem__"):
            raise TypeError(f"expected a sequence of {len(items)} values, not {type(value).__name__}")
        if len(value) != len(items):
            raise TypeError(f"expected a sequence of {len(items)} values, got a sequence of {len(value)}")
        return tuple(c(_plain(value[k])) for k, c in enumerate(items))
    return convert


def convert_args(fn, structs: dict[str, type], args: tuple, kwargs: dict) -> tuple[tuple, dict]:
    """`args`/`kwargs` of a call of `fn` with its struct parameters converted (`struct_params`)."""
    def convert(t, value):
        if isinstance(t, TupleParam):
            return t.convert(value)
        if isinstance(t, StructArrayType):
            return struct_view(t.struct, value) if hasattr(value, "dtype") else value
        return convert_struct(t, value)
    names = fn.__code__.co_varnames[:fn.__code__.co_argcount]
    args = tuple(convert(structs[n], a) if n in structs else a for n, a in zip(names, args)) + args[len(names):]
    kwargs = {k: convert(structs[k], v) if k in structs else v for k, v in kwargs.items()}
    return args, kwargs
