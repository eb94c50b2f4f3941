"""The compiled module's namespace: the same module-level names as the plain-Python module.

Under plain Python a `.fx` module has, besides its exported functions, its constants
(`mod.N`), its `@struct` classes (`mod.Point`, usable to build arguments and, through
`Point.dtype`, structured arrays), its `_internal` functions (SciPy and scikit-image call
their compiled kernels as `from ._hessian_det import _hessian_matrix_det`: the underscore is
a convention, not a wall) and the functions it imports from other `.fx` modules.  The
compiled module has them all:

* every function bound at module level gets an entry point in the method table, under
  its local name (`ir.Module.namespace`; an `_internal` function returning arrays is called
  through its copy with the exported functions' returned-array rule, `frontend/graph.py`);
  one whose signature Python cannot pass (a tuple parameter, a Generator) gets an entry
  that raises TypeError saying so;
* struct methods get entries named `Vec.norm` (not identifiers, so never a user's name)
  that the init code below moves onto the class;
* module-level arrays are NumPy arrays over the module's own globals, the memory its
  functions read and write (a memoryview of each global, bound before the Python below runs);
* constants and struct classes are made by a few lines of Python the module runs once at
  import (`init_source`, compiled with `Py_CompileString` in a `Py_mod_exec` slot: Limited
  API only) that call `fastext/modinit.py`.  With fastext installed the classes are
  `fastext.struct` classes, as under plain Python; a wheel's module on a machine without
  fastext runs the same file's text, embedded, which builds an equivalent tuple class
  itself (same fields, conversions, repr, `dtype`), so it still imports.

Stubs (`build/stubs.py`) and `__all__` list the exported functions only.
"""
from __future__ import annotations

import os

from llvmlite import ir as ll

from fastext.compiler.capi import I32, I64, OBJ, CApi
from fastext.compiler import ir
from fastext.compiler import types as T

Py_file_input = 257
PyBUF_WRITE = 0x200
METH_VARARGS_KEYWORDS = 0x0001 | 0x0002


def python_callable(fn: ir.Function) -> str | None:
    """None when the entry point can take every parameter and box the result, else why not."""
    def flat(i: T.Type) -> bool:     # a key or value the entry point converts (abi/lists.py)
        return isinstance(i, T.Scalar) or i == T.STRV

    for p in fn.params:
        t = p.var.type
        ok = isinstance(t, (T.Scalar, T.Struct, T.Str, T.PyObj)) or isinstance(t, T.Array) and \
            isinstance(t.dtype, (T.Scalar, T.Struct)) or list_parameter(t) \
            or isinstance(t, T.Tuple) and tuple_parameter(t, arrays=True) \
            or isinstance(t, T.Set) and flat(t.item) \
            or isinstance(t, T.Dict) and flat(t.key) and flat(t.value)
        if not ok:
            return f"its parameter `{p.var.name}` is {T.article(t)}, which Python cannot pass"
    if not _boxable(fn.ret):
        return f"it returns {fn.ret}, which Python cannot receive"
    return None


def tuple_parameter(t: T.Tuple, arrays: bool = False) -> bool:
    """Whether an entry point can take a tuple parameter: scalars, structs, str values, lists,
    dicts and sets a parameter could be, and tuples of them (abi/structs.py: unbox_tuple);
    `arrays`: arrays of numbers too (a parameter's own tuple, not one inside a list: each
    array item holds a buffer view of the call, abi/wrapper.py)."""
    return all(isinstance(i, (T.Scalar, T.Struct)) or i == T.STRV
               or isinstance(i, T.Tuple) and tuple_parameter(i, arrays)
               or arrays and isinstance(i, T.Array) and isinstance(i.dtype, T.Scalar)
               or list_parameter(i) or isinstance(i, (T.Dict, T.Set)) for i in t.items)


def tuple_arrays(t: T.Tuple, name: str) -> list[tuple[str, T.Array]]:
    """The array items of a tuple parameter, named as messages name them (`p[0]`, `p[1][2]`)."""
    out: list[tuple[str, T.Array]] = []
    for k, i in enumerate(t.items):
        if isinstance(i, T.Array):
            out.append((f"{name}[{k}]", i))
        elif isinstance(i, T.Tuple):
            out.extend(tuple_arrays(i, f"{name}[{k}]"))
    return out


def list_parameter(t: T.Type) -> bool:
    """Whether an entry point can take a `list[...]` parameter (abi/lists.py: unbox_list): items
    of numbers, structs, str values, tuple parameters or such lists (`list[list[f64]]`)."""
    return isinstance(t, T.List) and (isinstance(t.item, (T.Scalar, T.Struct)) or t.item == T.STRV
                                      or isinstance(t.item, T.Tuple) and tuple_parameter(t.item)
                                      or list_parameter(t.item))


def _boxable(t: T.Type) -> bool:
    if t == T.NONE or isinstance(t, (T.Scalar, T.Struct, T.PyObj)):
        return True
    if isinstance(t, T.Array):
        return isinstance(t.dtype, T.Scalar)
    if isinstance(t, T.Tuple):
        return all(_boxable(i) for i in t.items)
    if isinstance(t, T.List):
        return _boxable(t.item)
    if isinstance(t, T.Dict):
        return _boxable(t.key) and _boxable(t.value)
    if isinstance(t, T.Set):
        return _boxable(t.item)
    return False


def entries(module: ir.Module) -> list[tuple[str, ir.Function]]:
    """(Python name, function) of every method-table entry: exported functions first, then the
    other functions bound at module level, then struct methods (`Vec.norm`)."""
    out: list[tuple[str, ir.Function]] = [(fn.name, fn) for fn in module.exported()]
    seen = {name for name, _ in out}
    for name, (kind, value) in module.namespace.items():
        if kind == "func" and name not in seen:
            out.append((name, module.functions[value]))
            seen.add(name)
    for stype in _structs(module):
        for key, fn in module.functions.items():
            head, _, method = key.rpartition(".")
            if head == stype.name and "$" not in method:    # not the `$py` copies, not template instances
                # Python calls the copy (frontend/graph.py: python_namespace), when there is one
                out.append((f"{stype.short_name}.{method}", module.functions.get(f"{key}$py", fn)))
    return out


def _structs(module: ir.Module) -> list[T.Struct]:
    """The struct types the namespace needs, fields' types before the structs holding them."""
    out: list[T.Struct] = []

    def add(t: T.Struct) -> None:
        for _, ft in t.fields:
            if isinstance(ft, T.Struct):
                add(ft)
        if t not in out:
            out.append(t)
    for kind, value in module.namespace.values():
        if kind == "struct":
            add(value)

    from fastext.compiler.frontend.classes import linked

    def mutable_in(t: T.Type) -> None:
        # an entry point boxes a mutable struct result as its class (abi/structs.py: struct_class),
        # so the class exists even when the module binds no name for it (`-> geo.Point`);
        # linked classes never cross (frontend/classes.py: linked)
        if isinstance(t, T.Struct) and t.mutable and linked(t) is None:
            add(t)
        for sub in (t.items if isinstance(t, T.Tuple) else (t.item,) if isinstance(t, (T.List, T.Set)) else
                    (t.key, t.value) if isinstance(t, T.Dict) else ()):
            mutable_in(sub)
    for fn in module.functions.values():
        for t in [fn.ret] + [p.var.type for p in fn.params]:
            mutable_in(t)
    return out


def _static(fn: ir.Function, t: T.Struct) -> bool:
    """A plain class's static or class method (no `self` of the class first; frontend/classes.py)."""
    return t.plain and not fn.name.endswith(".__init__") and not (
        fn.params and fn.params[0].var.name == "self" and fn.params[0].var.type == t)


# ----------------------------------------------------------------------------- init code

def init_source(module: ir.Module) -> str | None:
    """The Python code that binds the constants and struct classes (None: nothing to bind).

    It calls `fastext/modinit.py: init` with the names as data; without fastext installed
    it compiles the same file's text, embedded in the module (slower: a wheel's module on a
    machine without fastext pays about a millisecond once, at import)."""
    structs = _structs(module)
    consts = module.constants
    from fastext.compiler.frontend.module_containers import INIT
    if INIT in module.namespace or any(n.startswith("__fx_get_") for n in module.namespace):
        return _containers_source(module)   # module containers and variables: `mod.NAME` through getters
    if not structs and not consts and not module.arrays:
        tables = _tables_source(module)
        return tables + "del __fx_modinit__\n" if tables else None
    scalars = [f"{name!r}: {_literal(value)}" for name, (t, value) in consts.items() if not isinstance(t, T.Struct)]
    bound = {value.name: name for name, (kind, value) in module.namespace.items() if kind == "struct"}
    specs = []
    for t in structs:
        fields = ", ".join(f"({f!r}, {('struct', ft.name)!r})" if isinstance(ft, T.Struct) else f"({f!r}, {ft.name!r})"
                           for f, ft in t.fields)
        methods = [key.rpartition(".")[2] for key in module.functions
                   if key.rpartition(".")[0] == t.name and "$" not in key.rpartition(".")[2]]
        statics = [m for m in methods if _static(module.functions[f"{t.name}.{m}"], t)]
        specs.append(f"({t.name!r}, {t.short_name!r}, [{fields}], {methods!r}, {bound.get(t.name)!r}, "
                     f"{t.mutable!r}, {t.plain!r}, {statics!r}, {t.record!r})")
    values = [f"({name!r}, {_struct_value(t, value)})" for name, (t, value) in consts.items() if isinstance(t, T.Struct)]
    return (
        "try:\n"
        "    from fastext.modinit import init as __fx_init\n"
        "except ImportError:     # no fastext here (a wheel's module): the same code, embedded\n"
        "    __fx_ns = {}\n"
        f"    exec(compile(__fx_modinit__, '<fastext.modinit>', 'exec'), __fx_ns)\n"
        "    __fx_init = __fx_ns['init']\n"
        "    del __fx_ns\n"
        f"__fx_init(globals(), {module.name!r}, {{{', '.join(scalars)}}}, [{', '.join(specs)}], [{', '.join(values)}])\n"
        "del __fx_init, __fx_modinit__\n" + _arrays_source(module) + _tables_source(module))


def _containers_source(module: ir.Module) -> str:
    """The usual init code, then: build the module-level containers (the native init, once), and
    a module `__getattr__` (PEP 562) answering `mod.NAME` with a fresh boxed copy from the
    getter `__fx_get_NAME__` (a dict with str keys rebuilt from its keys and values)."""
    from fastext.compiler.frontend.module_containers import INIT
    saved = dict(module.namespace)
    for name in saved:      # (the usual code needs no entries; it only runs when there is something)
        if name == INIT or name.startswith("__fx_get_"):
            module.namespace.pop(name)
    try:
        head = init_source(module) or ""
    finally:
        module.namespace.clear()
        module.namespace.update(saved)
    getters = {name[len("__fx_get_"):-2]: name for name in module.namespace if name.startswith("__fx_get_")}
    keys = getattr(module, "container_keys", {})     # frontend/graph.py
    table = ", ".join(f"{n!r}: ({g}, {keys.get(n)!r})" for n, g in getters.items())
    init = INIT in module.namespace
    return head + (
        (f"{INIT}()\n" if init else "") +
        f"def __getattr__(name, _getters={{{table}}}):\n"
        "    entry = _getters.get(name)\n"
        "    if entry is None:\n"
        "        raise AttributeError(f'module {__name__!r} has no attribute {name!r}')\n"
        "    value = entry[0]()\n"
        "    return value if entry[1] is None else dict(zip(entry[1], value))\n"
        f"del {', '.join([INIT] * init + list(getters.values()))}\n")


def _tables_source(module: ir.Module) -> str:
    """Module-level tables of functions (`OPS = {"+": add}`, `HANDLERS = [f, g]`): the same display
    evaluated in the module, so its entries are the module's own function objects."""
    return "".join(f"{name} = {text}\n" for name, (kind, text) in module.namespace.items() if kind == "functable")


def _arrays_source(module: ir.Module) -> str:
    """Module-level arrays: NumPy arrays over the memory the compiled functions use (the exec
    slot binds each global's bytes as a writable memoryview `__fx_mem_<name>` first)."""
    if not module.arrays:
        return ""
    lines = ["import numpy as __fx_np"]
    for name, value in module.arrays.items():
        lines.append(f"{name} = __fx_np.frombuffer(__fx_mem_{name}, dtype={value.dtype.str!r})"
                     f".reshape({tuple(value.shape)!r})")
        lines.append(f"del __fx_mem_{name}")
    return "\n".join(lines + ["del __fx_np", ""])


def modinit_source() -> str:
    """The text of fastext/modinit.py, which the module embeds for machines without fastext."""
    with open(os.path.join(os.path.dirname(os.path.dirname(__file__)), "modinit.py"), encoding="utf-8") as f:
        return f.read()


def _literal(value) -> str:
    """Python source of a constant's value (exact: repr round-trips ints, floats, complex)."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int):
        return repr(int(value))
    if isinstance(value, float):
        return f"float({repr(value)!r})" if value != value or value in (float("inf"), float("-inf")) \
            else repr(float(value))
    if isinstance(value, complex):
        return f"complex({_literal(value.real)}, {_literal(value.imag)})"
    return repr(value)


def _struct_value(t: T.Struct, value) -> str:
    """A struct constant as data: (struct key, field values), nested."""
    items = []
    for (f, ft), v in zip(t.fields, value):
        items.append(_struct_value(ft, v) if isinstance(ft, T.Struct) else _literal(v))
    return f"({t.name!r}, ({', '.join(items)},))"


def exec_slot(ctx, source: str, arrays: dict | None = None) -> ll.Function:
    """`int exec(PyObject *module)`: run `source` in the module's dict (Limited API calls), after
    binding the memory of each module-level array of `arrays` (name → NumPy array)."""
    arrays = arrays or {}
    api = CApi(ctx.module)
    fn = ll.Function(ctx.module, ll.FunctionType(I32, [OBJ]), "fx$namespace.exec")
    fn.linkage = "internal"
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    null = ll.Constant(OBJ, None)
    data = bytearray(source.encode("utf-8") + b"\0")
    blob = ll.GlobalVariable(ctx.module, ll.ArrayType(ll.IntType(8), len(data)), "fx$namespace.source")
    blob.initializer = ll.Constant(blob.value_type, data)
    blob.global_constant, blob.linkage = True, "private"
    namespace = api.call(b, "PyModule_GetDict", fn.args[0])            # borrowed
    # `__fx_modinit__`: fastext/modinit.py as text, compiled by the code only without fastext
    text = bytearray(modinit_source().encode("utf-8") + b"\0")
    gv = ll.GlobalVariable(ctx.module, ll.ArrayType(ll.IntType(8), len(text)), "fx$namespace.modinit")
    gv.initializer = ll.Constant(gv.value_type, text)
    gv.global_constant, gv.linkage = True, "private"
    modinit = api.call(b, "PyUnicode_FromStringAndSize", gv.bitcast(OBJ), I64(len(text) - 1))
    with b.if_then(b.icmp_unsigned("==", modinit, null), likely=False):
        b.ret(I32(-1))
    stored = api.call(b, "PyDict_SetItemString", namespace, ctx.cstring("__fx_modinit__"), modinit)
    api.call(b, "Py_DecRef", modinit)
    with b.if_then(b.icmp_signed("<", stored, I32(0)), likely=False):
        b.ret(I32(-1))
    from fastext.compiler.lower.creation import global_array
    for name, value in arrays.items():      # each module-level array's global, as a writable memoryview
        gv = global_array(ctx.module, name, value.tobytes())
        view = api.call(b, "PyMemoryView_FromMemory", gv.bitcast(OBJ), I64(value.nbytes), I32(PyBUF_WRITE))
        with b.if_then(b.icmp_unsigned("==", view, null), likely=False):
            b.ret(I32(-1))
        stored = api.call(b, "PyDict_SetItemString", namespace, ctx.cstring(f"__fx_mem_{name}"), view)
        api.call(b, "Py_DecRef", view)
        with b.if_then(b.icmp_signed("<", stored, I32(0)), likely=False):
            b.ret(I32(-1))
    code = api.call(b, "Py_CompileString", blob.bitcast(OBJ), ctx.cstring(f"<fastext init of {ctx.module.name}>"),
                    I32(Py_file_input))
    with b.if_then(b.icmp_unsigned("==", code, null), likely=False):
        b.ret(I32(-1))
    result = api.call(b, "PyEval_EvalCode", code, namespace, namespace)
    api.call(b, "Py_DecRef", code)
    with b.if_then(b.icmp_unsigned("==", result, null), likely=False):
        b.ret(I32(-1))
    api.call(b, "Py_DecRef", result)
    b.ret(I32(0))
    return fn


def refusing_entry(ctx, name: str, reason: str) -> ll.Function:
    """An entry for a function Python cannot call: raises TypeError saying why."""
    api = CApi(ctx.module)
    fn = ll.Function(ctx.module, ll.FunctionType(OBJ, [OBJ, OBJ, OBJ]), f"fxw.{name}.refuse")
    fn.linkage = "internal"
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    message = f"{name}() cannot be called from Python: {reason} (call it from the module's other functions)"
    api.call(b, "PyErr_SetString", api.exc(b, "PyExc_TypeError"), ctx.cstring(message))
    b.ret(ll.Constant(OBJ, None))
    return fn
