"""Run at import by compiled modules (abi/namespace.py): their constants and struct classes.

A compiled `.fx` module calls `init` once, from a `Py_mod_exec` slot, with its names as
data.  It must work without the rest of fastext: a wheel's module on a machine without
fastext runs this file's text, embedded in it, so this file imports nothing of fastext at
module level and uses only the standard library (NumPy only when `Point.dtype` is read).
"""

def init(g: dict, module_name: str, constants: dict, structs: list, values: list) -> None:
    """Bind `constants`, the struct classes `structs` — (key, name, fields, methods, bound
    name or None, mutable), a field's type a dialect type name or ("struct", key) — and the struct
    constants `values` — (name, (key, field values)) — in the module dict `g`.  The classes are
    also kept by key in `g["__fx_structs__"]`: entry points build mutable struct results from them."""
    g.update(constants)
    try:
        from fastext.structtype import struct as deco
        import fastext.dialect as dialect
    except ImportError:           # a wheel's module without fastext: an equivalent class
        deco = dialect = None
    made = {}

    def method(f, owner, name):
        def m(self, *args, **kwargs):
            return f(self, *args, **kwargs)
        m.__name__, m.__qualname__, m.__doc__, m.__module__ = name, owner + "." + name, f.__doc__, module_name
        return m

    def field_type(t):
        return made[t[1]] if isinstance(t, tuple) else t

    def struct(name, fields, methods, mutable):
        ns = {m: method(g.pop(name + "." + m), name, m) for m in methods}
        ns.update(__module__=module_name, __qualname__=name)
        if deco is not None:
            ns["__annotations__"] = {f: field_type(t) if isinstance(t, tuple) else
                                     getattr(dialect, "boolean" if t == "bool" else t) for f, t in fields}
            return deco(type(name, (), ns), mutable=mutable)
        return plain_struct(name, [(f, field_type(t)) for f, t in fields], ns, mutable)

    def plain_struct(name, fields, ns, mutable):
        import operator
        names = tuple(f for f, _ in fields)

        convs = [(lambda v, c=t: v if isinstance(v, c) else c(*v)) if isinstance(t, type) else _scalar_converter(t)
                 for _, t in fields]

        def values_of(args, kwargs):
            if len(args) > len(names):
                raise TypeError(f"{name}() takes {len(names)} field values, got {len(args)}")
            values = dict(zip(names, args))
            for key, value in kwargs.items():
                if key not in names:
                    raise TypeError(f"{name}() has no field {key!r}")
                if key in values:
                    raise TypeError(f"{name}() got multiple values for field {key!r}")
                values[key] = value
            missing = [f for f in names if f not in values]
            if missing:
                raise TypeError(f"{name}() is missing field {missing[0]!r}")
            return [c(values[f]) for f, c in zip(names, convs)]

        if mutable:
            if "dtype" not in names:
                ns["dtype"] = Dtype(fields)
            return mutable_class(name, names, lambda: convs, values_of, ns)

        def __new__(cls, *args, **kwargs):
            return tuple.__new__(cls, values_of(args, kwargs))

        def __repr__(self):
            return f"{name}({', '.join(f'{f}={v!r}' for f, v in zip(names, self))})"

        ns.update(__slots__=(), __new__=__new__, __repr__=__repr__, __getnewargs__=lambda self: tuple(self),
                  _fields=names, __match_args__=names, __fx_struct__=True)
        for k, f in enumerate(names):
            ns[f] = property(operator.itemgetter(k), doc=f"field {k}: {f}")
        if "dtype" not in names:
            ns["dtype"] = Dtype(fields)
        return type(name, (tuple,), ns)

    class Dtype:
        __slots__ = ("fields", "value")

        def __init__(self, fields):
            self.fields, self.value = fields, None

        def __get__(self, obj, cls=None):
            if self.value is None:
                import numpy
                codes = {"f64": "<f8", "f32": "<f4", "c128": "<c16", "c64": "<c8", "bool": "?"}
                self.value = numpy.dtype([(f, t.dtype if isinstance(t, type) else
                                           codes.get(t) or "<" + t[0] + str(int(t[1:]) // 8))
                                          for f, t in self.fields])
            return self.value

    g["__fx_structs__"] = made
    for key, name, fields, methods, bound, *flags in structs:
        if len(flags) > 1 and flags[1]:     # a plain class (compiler/frontend/classes.py)
            statics = flags[2] if len(flags) > 2 else ()
            ns = {m: staticmethod(g.pop(name + "." + m)) if m in statics else method(g.pop(name + "." + m), name, m)
                  for m in methods if m != "__init__"}
            ns.update(__module__=module_name, __qualname__=name)
            made[key] = plain_class(name, [(f, field_type(t)) for f, t in fields], ns, g.pop(name + ".__init__", None),
                                    flags[3] if len(flags) > 3 else "")
        else:
            made[key] = struct(name, fields, methods, bool(flags and flags[0]))
        if bound is not None:
            g[bound] = made[key]

    def value(spec):
        key, items = spec
        return made[key](*(value(v) if isinstance(v, tuple) and len(v) == 2 and v[0] in made else v
                           for v in items))
    for name, spec in values:
        g[name] = value(spec)


def plain_class(name: str, fields: list, ns: dict, constructor, record: str = "") -> type:
    """The compiled module's class for a plain `.fx` class: `Name(...)` runs the compiled
    `__init__` (`constructor`, which returns a new instance), instances hold exactly the fields
    (`__slots__`, each assignment converted to the field's type), entry points build results
    from the fields with `__fx_make__`; `==`, `repr` and the rest are the class's own methods or
    Python's defaults for a class (identity, `<mod.Name object at ...>`).  A class made from a
    named tuple (`record` "tuple") is a tuple of its fields, as Python's named tuples are; one
    made from `@dataclass(frozen=True)` ("frozen") refuses stores and hashes its fields."""
    if record == "tuple":
        return _tuple_class(name, tuple(f for f, _ in fields), ns, constructor)
    names = tuple(f for f, _ in fields)
    setter = object.__setattr__
    convert = {}
    for f, t in fields:
        if isinstance(t, type):      # an instance of another class: kept as it is
            convert[f] = None
        else:
            convert[f] = _scalar_converter(t)

    def __new__(cls, *args, **kwargs):
        if constructor is None:      # `__init__` is specialised per call in compiled code only
            raise TypeError(f"{name}() is built by compiled code only: annotate the parameters of its "
                            "__init__ to construct it from Python")
        return constructor(*args, **kwargs)

    def __fx_make__(cls, *values):
        obj = object.__new__(cls)
        for f, v in zip(names, values):
            setter(obj, f, v)
        return obj

    def __setattr__(self, attr, value):
        if attr not in convert:
            raise AttributeError(f"{name!r} object has no field {attr!r} (a compiled class holds only its fields)")
        c = convert[attr]
        if c is not None:
            try:
                value = c(value)
            except (TypeError, ValueError) as e:
                raise TypeError(f"{name}() field {attr!r}: {e}") from None
        setter(self, attr, value)

    if record == "frozen":      # as dataclasses' frozen classes: no stores, a hash of the fields
        def __setattr__(self, attr, value):
            import dataclasses
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {attr!r}")

        ns.update(__delattr__=__setattr__, __hash__=lambda self: hash(tuple(getattr(self, f) for f in names)))
    elif record == "hashed":    # a class whose `__eq__` compares every field (compiler/frontend/hashing.py)
        ns.update(__hash__=lambda self: hash(tuple(getattr(self, f) for f in names)))
    ns.update(__slots__=names, __new__=__new__, __fx_make__=classmethod(__fx_make__), __setattr__=__setattr__,
              _fields=names, __fx_plain__=True)
    return type(name, (), ns)


def _tuple_class(name: str, names: tuple, ns: dict, constructor) -> type:
    """A named tuple's class: a tuple subclass with a read-only property per field, `_replace`
    and `_asdict`; compared, hashed, indexed and iterated as the tuple of its fields (the
    compiled field-tuple comparisons give the same answers, so tuple's own are kept)."""
    import operator

    def __new__(cls, *args, **kwargs):
        return constructor(*args, **kwargs)

    def __fx_make__(cls, *values):
        return tuple.__new__(cls, values)

    def _replace(self, **changes):
        values = [changes.pop(f, v) for f, v in zip(names, self)]
        if changes:
            raise ValueError(f"Got unexpected field names: {list(changes)!r}")
        return constructor(*values)

    for compare in ("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"):
        ns.pop(compare, None)
    ns.update(__slots__=(), __new__=__new__, __fx_make__=classmethod(__fx_make__), _replace=_replace,
              _asdict=lambda self: dict(zip(names, self)), __getnewargs__=lambda self: tuple(self),
              _fields=names, __match_args__=names, __fx_plain__=True)
    for k, f in enumerate(names):
        ns[f] = property(operator.itemgetter(k), doc=f"Alias for field number {k}")
    return type(name, (tuple,), ns)


def _scalar_converter(t: str):
    """The conversion of a value assigned to a field of dialect type `t` (`f64`, `i32`, ...)."""
    import operator
    import struct as binary
    if t == "f64":
        return float
    if t == "f32":
        def f32(v):
            v = float(v)
            try:
                return binary.unpack("f", binary.pack("f", v))[0]
            except OverflowError:
                return float("inf") if v > 0 else float("-inf")
        return f32
    if t in ("c128", "c64"):
        return complex if t == "c128" else \
            (lambda v: complex(_scalar_converter("f32")(complex(v).real), _scalar_converter("f32")(complex(v).imag)))
    if t == "bool":
        return bool
    bits, signed = int(t[1:]), t[0] == "i"

    def wrap(v):
        v = operator.index(v) & ((1 << bits) - 1)
        return v - (1 << bits) if signed and v >> (bits - 1) else v
    return wrap


def mutable_class(name: str, names: tuple, convs, values_of, ns: dict) -> type:
    """A `@struct(mutable=True)` class: instances with settable fields (`__slots__`), each
    value converted by its field's converter (`convs()`, the list in field order) on
    construction and assignment;
    `values_of(args, kwargs)` checks a constructor call and gives the converted values.  It
    still behaves as the sequence of its fields (iteration, `len`, indexing), so it unpacks
    and converts as an immutable struct's tuple does, and compares equal to an instance of
    the same struct (the compiled and the interpreted module's), or a tuple, with equal fields; it is unhashable, as Python's classes with
    `__eq__` are."""
    setter = object.__setattr__
    convert: dict = {}

    def __init__(self, *args, **kwargs):
        for f, v in zip(names, values_of(args, kwargs)):
            setter(self, f, v)

    def __setattr__(self, attr, value):
        if not convert:
            convert.update(zip(names, convs()))
        c = convert.get(attr)
        if c is None:
            raise AttributeError(f"{name!r} object has no field {attr!r}")
        try:
            value = c(value)
        except (TypeError, ValueError) as e:
            raise TypeError(f"{name}() field {attr!r}: {e}") from None
        setter(self, attr, value)

    def __eq__(self, other):
        # a tuple, or a record of the same struct made by another module (compiled vs interpreted)
        if isinstance(other, tuple) or getattr(type(other), "__fx_mutable__", False) and \
                type(other).__name__ == name and other._fields == names:
            return tuple(self) == tuple(other)
        return NotImplemented

    def __repr__(self):
        return f"{name}({', '.join(f'{f}={getattr(self, f)!r}' for f in names)})"

    ns.update(__slots__=names, __init__=__init__, __setattr__=__setattr__, __eq__=__eq__, __hash__=None,
              __repr__=__repr__, __iter__=lambda self: iter([getattr(self, f) for f in names]),
              __len__=lambda self: len(names), __getitem__=lambda self, k: [getattr(self, f) for f in names][k],
              __reduce__=lambda self: (type(self), tuple(self)),
              _fields=names, __match_args__=names, __fx_struct__=True, __fx_mutable__=True)
    return type(name, (), ns)
