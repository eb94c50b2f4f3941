"""`fastext.vectorize` and `fastext.guvectorize` under plain Python (a `.fx` file run interpreted).

Compiled, the decorators make real `numpy.ufunc` objects (abi/ufuncs.py).  Interpreted, they
make `InterpretedUfunc` / `InterpretedGufunc`: objects with a ufunc's interface — `nin`,
`nout`, `types`, `identity`, `signature`, calls with broadcasting, `out=`, `where=`, `dtype=`,
`casting=`, and `reduce`/`accumulate`/`outer`/`at` for binary ones — that run the Python
function once per item.  Their dtype rules are NumPy's for ufuncs: the first declared loop to
which every input casts safely (Python numbers are NEP 50's weak scalars), its inputs
converted to the loop's dtypes before the call and the result to its output dtype.  A failing
item (an exception such as ZeroDivisionError) gives NaN (0, False) and raises NumPy's
floating-point *invalid* condition, as the compiled loops do (docs/ufuncs.md).

We chose a class over `np.frompyfunc` alone because a frompyfunc ufunc only makes object
arrays and knows no dtype loops; the class keeps the declared loops and casts as the compiled
ufunc does, and uses `np.frompyfunc` inside for NumPy's broadcasting and the methods.
"""
from __future__ import annotations

import ast
import functools

__all__ = ["vectorize", "guvectorize", "InterpretedUfunc", "InterpretedGufunc", "parse_signature"]

# Numba's and NumPy's spellings of the scalar types, beside the dialect's own (shared with
# the compiler's reading of the decorators: compiler/frontend/ufuncs.py)
FOREIGN = {
    "float64": "f64", "double": "f64", "float32": "f32", "single": "f32", "int64": "i64", "int32": "i32",
    "int16": "i16", "int8": "i8", "uint64": "u64", "uint32": "u32", "uint16": "u16", "uint8": "u8",
    "complex128": "c128", "complex64": "c64", "b1": "bool", "boolean": "bool", "bool_": "bool",
    "intp": "i64", "uintp": "u64", "float": "f64", "int": "i64", "complex": "c128",
}
_DTYPES = {"f64": "float64", "f32": "float32", "i64": "int64", "i32": "int32", "i16": "int16", "i8": "int8",
           "u64": "uint64", "u32": "uint32", "u16": "uint16", "u8": "uint8", "c128": "complex128",
           "c64": "complex64", "bool": "bool"}
_NO_VALUE = object()


def _type_name(name: str) -> str:
    name = FOREIGN.get(name, name)
    if name not in _DTYPES:
        raise TypeError(f"`{name}` is not a type: use f64, f32, i64, …, bool, c128 (or Numba's float64, …)")
    return name


def parse_signature(text: str) -> tuple[list[tuple[str, int]], tuple[str, int] | None]:
    """`"f64(f64, i32[:])"` → ([("f64", 0), ("i32", 1)], ("f64", 0)); a `void` result is None."""
    try:
        call = ast.parse(text.strip(), mode="eval").body
    except SyntaxError:
        call = None
    if not isinstance(call, ast.Call):
        raise TypeError(f"cannot read the signature {text!r}: write RESULT(PARAM, ...), e.g. \"f64(f64, f64)\"")

    def one(node):
        if isinstance(node, ast.Name):
            return _type_name(node.id), 0
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
            dims = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            return _type_name(node.value.id), len(dims)
        raise TypeError(f"`{ast.unparse(node)}` in the signature {text!r} is not a type")
    ret = None if isinstance(call.func, ast.Name) and call.func.id in ("void", "none", "None") else one(call.func)
    return [one(a) for a in call.args], ret


def _annotation(fn, value) -> tuple[str, int]:
    from fastext import dialect
    if isinstance(value, str):
        value = eval(value, fn.__globals__)      # `from __future__ import annotations`
    if isinstance(value, dialect.ScalarType):
        return _type_name(value.name), 0
    if isinstance(value, dialect.ArrayType):
        return _type_name(value.dtype.name), value.ndim
    if value in (float, int, bool, complex):
        return _type_name(value.__name__), 0
    raise TypeError(f"`{fn.__name__}`: the annotation {value!r} is not a scalar or array type")


def _annotated(fn, void: bool):
    import inspect
    params = []
    for p in inspect.signature(fn).parameters.values():
        if p.annotation is inspect.Parameter.empty:
            raise TypeError(f"parameter `{p.name}` of `{fn.__name__}` needs a type annotation (or list the "
                            "signatures: @vectorize([\"f64(f64, f64)\"]))")
        params.append(_annotation(fn, p.annotation))
    ret = fn.__annotations__.get("return")
    return params, (None if void or ret in (None, "None") else _annotation(fn, ret))


def _loops(fn, signatures, void: bool):
    if signatures is None:
        return [_annotated(fn, void)]
    if isinstance(signatures, str):
        signatures = [signatures]
    return [parse_signature(s) for s in signatures]


def _converter(name: str):
    """Python value of one item as the compiled function sees it (f32 rounds, integers wrap)."""
    from fastext import dialect
    scalar = getattr(dialect, "boolean" if name == "bool" else name)
    return lambda x: scalar(x.item() if hasattr(x, "item") else x)


class _Failures:
    """Counts items whose call raised; reports them as NumPy reports an invalid value."""

    def __init__(self, name: str):
        self.name, self.count = name, 0

    def report(self) -> None:
        if not self.count:
            return
        import numpy as np
        self.count = 0
        mode = np.geterr()["invalid"]
        message = f"invalid value encountered in {self.name}"
        if mode == "raise":
            raise FloatingPointError(message)
        if mode == "warn":
            import warnings
            warnings.warn(message, RuntimeWarning, stacklevel=3)
        elif mode == "call":
            np.geterrcall()("invalid value", 8)
        elif mode in ("print", "log"):
            print(f"Warning: {message}")


def _failure_value(dtype):
    import numpy as np
    return dtype.type(np.nan) if dtype.kind in "fc" else dtype.type(0)


class _Base:
    def __init__(self, fn, loops, identity, kind: str):
        import numpy as np
        functools.update_wrapper(self, fn)
        self.py_func, self.kind, self.identity = fn, kind, identity
        self._loops = [([np.dtype(_DTYPES[t]) for t, _ in params], None if ret is None else np.dtype(_DTYPES[ret[0]]))
                       for params, ret in loops]
        self._ndims = [[nd for _, nd in params] for params, _ in loops]
        self._failures = _Failures(fn.__name__)

    @property
    def ntypes(self) -> int:
        return len(self._loops)

    @property
    def nargs(self) -> int:
        return self.nin + self.nout

    def _resolve(self, args, dtype=None, casting="same_kind"):
        """The first loop every input casts to safely (NumPy's rule; Python numbers are weak)."""
        import numpy as np
        if all(isinstance(a, (bool, int, float, complex)) for a in args):
            args = [np.asarray(a) for a in args]      # only Python numbers: NumPy's default dtypes, strong
        if dtype is None and not any(isinstance(a, (bool, int, float, complex)) for a in args):
            exact = [np.asarray(a).dtype for a in args]     # NumPy dispatches an exact match first
            for k, (ins, _) in enumerate(self._loops):
                if list(ins[:len(exact)]) == exact:
                    return k
        for k, (ins, out) in enumerate(self._loops):
            if dtype is not None and (out if out is not None else ins[-1]) != np.dtype(dtype):
                continue
            if all(_casts(a, t, "safe" if dtype is None else casting) for a, t in zip(args, ins)):
                return k
        got = ", ".join(str(np.asarray(a).dtype) for a in args)
        raise TypeError(f"ufunc '{self.__name__}' not supported for the input types ({got}): its loops are "
                        f"{', '.join(self.types)}")


def _casts(value, dtype, casting: str) -> bool:
    import numpy as np
    if isinstance(value, bool):
        return True
    if isinstance(value, int):
        return dtype.kind in "iufc"
    if isinstance(value, float):
        return dtype.kind in "fc"
    if isinstance(value, complex):
        return dtype.kind == "c"
    return np.can_cast(np.asarray(value).dtype, dtype, casting)


class InterpretedUfunc(_Base):
    """A @vectorize function under plain Python: a ufunc-like object (see the module docstring)."""

    nout = 1
    signature = None

    def __init__(self, fn, loops, identity=None):
        super().__init__(fn, loops, identity, "vectorize")
        self.nin = len(self._loops[0][0])
        for ins, out in self._loops:
            if len(ins) != self.nin or out is None:
                raise TypeError(f"@vectorize `{fn.__name__}`: every signature takes {self.nin} scalars and "
                                "returns one")

    @property
    def types(self) -> list[str]:
        return ["".join(t.char for t in ins) + "->" + out.char for ins, out in self._loops]

    def __repr__(self) -> str:
        return f"<fastext interpreted ufunc '{self.__name__}'>"

    def _scalar_function(self, k: int):
        ins, out = self._loops[k]
        convs = [_converter(_name_of(t)) for t in ins]
        fail, fn, failures = _failure_value(out), self.py_func, self._failures

        def item(*xs):
            try:
                return out.type(fn(*[c(x) for c, x in zip(convs, xs)]))
            except (ArithmeticError, ValueError):
                failures.count += 1
                return fail
        return item

    def _pyufunc(self, k: int):
        import numpy as np
        identity = None if self.identity in (None, "reorderable") else self.identity
        kw = {"identity": identity} if self.nin == 2 and identity is not None else {}
        return np.frompyfunc(self._scalar_function(k), self.nin, 1, **kw)

    def __call__(self, *args, out=None, where=True, dtype=None, casting="same_kind", **ignored):
        import numpy as np
        if len(args) == self.nin + 1 and out is None:
            args, out = args[:-1], args[-1]
        if len(args) != self.nin:
            raise TypeError(f"{self.__name__}() takes from {self.nin} to {self.nin + 1} positional arguments but "
                            f"{len(args)} were given")
        if isinstance(out, tuple):
            (out,) = out
        k = self._resolve(args, dtype, casting)
        ins, otype = self._loops[k]
        arrays = [np.asarray(a).astype(t, copy=False) if not isinstance(a, (bool, int, float, complex))
                  else np.asarray(a, dtype=t) for a, t in zip(args, ins)]
        result = np.asarray(self._pyufunc(k)(*arrays), dtype=object).astype(otype)
        self._failures.report()
        if out is not None:
            np.copyto(out, result, casting=casting, where=where)
            return out
        if where is not True:
            result = np.where(where, result, np.zeros((), otype))
        return result[()] if result.ndim == 0 else result

    def _binary(self, what: str) -> None:
        if self.nin != 2:
            raise ValueError(f"{what} only supported for binary functions")

    def reduce(self, array, axis=0, dtype=None, out=None, keepdims=False, initial=_NO_VALUE, where=True):
        """NumPy's `ufunc.reduce` with this function's loop for `array`'s dtype."""
        import numpy as np
        self._binary("reduce")
        array = np.asarray(array)
        k = self._resolve((array, array), dtype)
        ins, otype = self._loops[k]
        kw = {} if initial is _NO_VALUE else {"initial": initial}
        if where is not True:
            kw["where"] = where
        result = self._pyufunc(k).reduce(array.astype(ins[0]).astype(object), axis=axis, keepdims=keepdims, **kw)
        result = np.asarray(result, dtype=object).astype(otype)
        self._failures.report()
        if out is not None:
            np.copyto(out, result)
            return out
        return result[()] if result.ndim == 0 else result

    def accumulate(self, array, axis=0, dtype=None, out=None):
        """NumPy's `ufunc.accumulate` with this function's loop for `array`'s dtype."""
        import numpy as np
        self._binary("accumulate")
        array = np.asarray(array)
        k = self._resolve((array, array), dtype)
        ins, otype = self._loops[k]
        result = self._pyufunc(k).accumulate(array.astype(ins[0]).astype(object), axis=axis).astype(otype)
        self._failures.report()
        if out is not None:
            np.copyto(out, result)
            return out
        return result

    def outer(self, a, b, **kwargs):
        """`f(a[..., None, ...], b)`: every pair of items."""
        import numpy as np
        self._binary("outer")
        a, b = np.asarray(a), np.asarray(b)
        return self(a.reshape(a.shape + (1,) * b.ndim), b, **kwargs)

    def at(self, a, indices, b=None):
        """Unbuffered in-place `a[indices] = f(a[indices], b)`; repeated indices apply repeatedly."""
        import numpy as np
        if b is None:
            raise ValueError("at() of a ufunc with one input is not supported here; pass b")
        self._binary("at")
        k = self._resolve((a, b))
        ins, _ = self._loops[k]
        work = a.astype(ins[0]).astype(object)
        self._pyufunc(k).at(work, indices, np.asarray(b).astype(ins[1]).astype(object))
        a[...] = work.astype(a.dtype)
        self._failures.report()


def _name_of(dtype) -> str:
    return {v: k for k, v in _DTYPES.items()}[dtype.name]


def _layout(text: str):
    text = text.replace(" ", "")
    left, _, right = text.partition("->")

    def groups(part):
        import re
        return [tuple(d for d in g.split(",") if d) for g in re.findall(r"\(([^()]*)\)", part)]
    return groups(left), groups(right)


class InterpretedGufunc(_Base):
    """A @guvectorize function under plain Python: loops over the outer dimensions in Python,
    passing views of each operand's core dimensions (outputs written in place)."""

    def __init__(self, fn, loops, layout: str):
        super().__init__(fn, loops, None, "guvectorize")
        self.signature = layout.replace(" ", "")
        self._ins, self._outs = _layout(layout)
        self.nin, self.nout = len(self._ins), len(self._outs)

    @property
    def types(self) -> list[str]:
        return ["".join(t.char for t in ins[:self.nin]) + "->" + "".join(t.char for t in ins[self.nin:])
                for ins, _ in self._loops]

    def __repr__(self) -> str:
        return f"<fastext interpreted gufunc '{self.__name__}' {self.signature}>"

    def __call__(self, *args, out=None, **ignored):
        import numpy as np
        if len(args) == self.nargs and out is None:
            args, out = args[:self.nin], args[self.nin:]
        if len(args) != self.nin:
            raise TypeError(f"{self.__name__}() takes {self.nin} inputs, got {len(args)}")
        if out is not None and not isinstance(out, tuple):
            out = (out,)
        k = self._resolve(args)
        dtypes, ndims = self._loops[k][0], self._ndims[k]
        arrays = [np.asarray(a).astype(t, copy=False) for a, t in zip(args, dtypes)]
        sizes, outer = {}, []
        for n, (a, core) in enumerate(zip(arrays, self._ins)):
            if a.ndim < len(core):
                raise ValueError(f"{self.__name__}: Input operand {n} does not have enough dimensions (has {a.ndim}, "
                                 f"gufunc core with signature {self.signature} requires {len(core)})")
            for d, s in zip(core, a.shape[a.ndim - len(core):]):
                if sizes.setdefault(d, s) != s:
                    raise ValueError(f"{self.__name__}: Input operand {n} has a mismatch in its core dimension "
                                     f"{d}, with gufunc signature {self.signature} (size {s} is different from "
                                     f"{sizes[d]})")
            outer.append(a.shape[:a.ndim - len(core)])
        shape = np.broadcast_shapes(*outer)
        arrays = [np.broadcast_to(a, shape + a.shape[a.ndim - len(core):]) for a, core in zip(arrays, self._ins)]
        made = out is None
        if made:
            out = tuple(np.empty(shape + tuple(sizes[d] for d in core), dtype=t)
                        for core, t in zip(self._outs, dtypes[self.nin:]))
        convs = [_converter(_name_of(t)) if nd == 0 else None for t, nd in zip(dtypes, ndims)]
        fail = [_failure_value(t) for t in dtypes[self.nin:]]
        for idx in np.ndindex(*shape):
            ins = [a[idx] if c is None else c(a[idx]) for a, c in zip(arrays, convs)]
            outs = [o[idx] if core else o[idx + (None,)] for o, core in zip(out, self._outs)]
            try:
                self.py_func(*ins, *outs)
            except (ArithmeticError, ValueError, IndexError):
                self._failures.count += 1
                for o, v in zip(outs, fail):
                    o[...] = v
        self._failures.report()
        if made:
            out = tuple(o[()] if o.ndim == 0 else o for o in out)
        return out[0] if self.nout == 1 else out


def vectorize(signatures=None, *, identity=None, **numba_options):
    """`@vectorize` / `@vectorize(["f64(f64, f64)", "f32(f32, f32)"], identity=0)`: a ufunc made
    of a scalar function — compiled, a real `numpy.ufunc`; under plain Python an
    `InterpretedUfunc` with the same loops and dtype rules."""
    if callable(signatures):
        return InterpretedUfunc(signatures, _loops(signatures, None, False))

    def deco(fn):
        return InterpretedUfunc(fn, _loops(fn, signatures, False), identity)
    return deco


def guvectorize(signatures, layout=None, **numba_options):
    """`@guvectorize(["void(f64[:], f64[:], f64[:])"], "(n),(n)->()")`, or
    `@guvectorize("(n),(n)->()")` on an annotated function: a generalised ufunc whose function
    writes its outputs into its last parameters."""
    if layout is None:
        signatures, layout = None, signatures

    def deco(fn):
        return InterpretedGufunc(fn, _loops(fn, signatures, True), layout)
    return deco
