"""PEP 489 module definition: method table, PyModuleDef, and the PyInit_* entry points."""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler.capi import I32, I64, METH_FASTCALL_KEYWORDS, OBJ, CApi
from fastext.compiler import ir
from fastext.compiler.lower.context import ModuleContext

METHOD_DEF = ll.LiteralStructType([OBJ, OBJ, I32, OBJ])           # ml_name, ml_meth, ml_flags, ml_doc
SLOT = ll.LiteralStructType([I32, OBJ])                             # slot, value
MODULE_DEF = ll.LiteralStructType([
    I64, OBJ, OBJ, I64, OBJ,      # PyModuleDef_HEAD_INIT: ob_refcnt, ob_type, m_init, m_index, m_copy
    OBJ, OBJ, I64,                # m_name, m_doc, m_size
    METHOD_DEF.as_pointer(), SLOT.as_pointer(), OBJ, OBJ, OBJ,      # m_methods, m_slots, traverse, clear, free
])


def init_symbol(name: str) -> str:
    """The init function CPython looks for in an extension module named `name` (PEP 489):
    `PyInit_<name>` for an ASCII name, else `PyInitU_` + its punycode with `-` as `_`
    (`módulo` -> `PyInitU_mdulo_0ta`)."""
    try:
        name.encode("ascii")
    except UnicodeEncodeError:
        return "PyInitU_" + name.encode("punycode").decode("ascii").replace("-", "_")
    return f"PyInit_{name}"


def parameter_list(fn: ir.Function, plain, star, starstar) -> list[str]:
    """The parameters as a signature lists them: each one as `plain(p)`, the packed `*args` and
    `**opts` as `star(p)` / `starstar(p)`, with the `/` after the positional-only ones and the bare
    `*` before the keyword-only ones (none after a `*args`)."""
    parts = []
    for k, p in enumerate(fn.params):
        if fn.posonly and k == fn.posonly:
            parts.append("/")
        if k == fn.positional and fn.vararg is None and k != fn.kwargs:
            parts.append("*")        # the keyword-only ones follow
        parts.append(star(p) if k == fn.vararg else starstar(p) if k == fn.kwargs else plain(p))
    if fn.posonly == len(fn.params) and fn.posonly:
        parts.append("/")
    return parts


def text_signature(fn: ir.Function, python_name: str | None = None) -> str:
    """`__text_signature__` form: `($module, x, y, scale=1.0)` (inspect.signature reads it)."""
    parts = parameter_list(fn, lambda p: f"{p.var.name}={p.default!r}" if p.has_default else p.var.name,
                           lambda p: f"*{p.var.name}", lambda p: f"**{p.var.name}")
    return f"({', '.join(['$module'] + parts)})"


def typed_signature(fn: ir.Function, python_name: str | None = None) -> str:
    params = parameter_list(fn, lambda p: f"{p.var.name}: {p.var.type}"
                            + (f" = {p.default!r}" if p.has_default else ""),
                            lambda p: f"*{p.var.name}: {p.var.type.item}",
                            lambda p: f"**{p.var.name}: {p.var.type.value}")
    return f"{python_name or fn.name}({', '.join(params)}) -> {fn.ret}"


def docstring(fn: ir.Function, python_name: str | None = None) -> str:
    """The `__doc__` CPython splits into `__text_signature__` and the text help() shows."""
    name = python_name or fn.name
    text = f"{name}{text_signature(fn)}\n--\n\n{typed_signature(fn, name)}"
    if fn.doc:
        text += "\n\n" + fn.doc
    return text


def build_module_def(ctx: ModuleContext, api: CApi, module: ir.Module, wrappers: dict[str, ll.Function],
                     init_names: list[str], extra: list[tuple[str, ll.Function, int, str]] = (),
                     gpu_descriptor: bytes | None = None, exec_slots: list[ll.Function] = (),
                     entries: list | None = None) -> None:
    """Emit the method table and PyModuleDef, and one exported PyInit_<name> per name.

    `extra`: further (name, C function, METH_* flags, doc) entries, e.g. the profiling build's
    `__fastext_profile__`.  `gpu_descriptor`: the module has GPU kernels (abi/gpu.py): add
    `__fastext_gpu__()` and a Py_mod_exec slot that binds them.  `exec_slots`: further
    `int exec(PyObject *module)` functions run at import (e.g. abi/blas.py's).  `entries`: the
    (Python name, function) pairs of the method table (abi/namespace.py), by default the
    exported functions."""
    from fastext.abi import namespace
    from fastext.abi.gpu import Py_mod_exec
    slot_entries = []
    source = namespace.init_source(module)
    if source is not None:     # constants and struct classes, before the GPU binder looks at the module
        slot_entries.append(ll.Constant(SLOT, [I32(Py_mod_exec),
                                               namespace.exec_slot(ctx, source, module.arrays).bitcast(OBJ)]))
    slot_entries += [ll.Constant(SLOT, [I32(Py_mod_exec), fn.bitcast(OBJ)]) for fn in exec_slots]
    if gpu_descriptor is not None:
        from fastext.abi.gpu import descriptor_method, exec_slot
        extra = [*extra, descriptor_method(ctx, gpu_descriptor)]
        slot_entries.append(ll.Constant(SLOT, [I32(Py_mod_exec), exec_slot(ctx).bitcast(OBJ)]))
    named = entries if entries is not None else [(fn.name, fn) for fn in module.exported()]
    table_t = ll.ArrayType(METHOD_DEF, len(named) + len(extra) + 1)
    entries = []
    for name, fn in named:
        wrapper = wrappers.get(fn.name)
        flags = METH_FASTCALL_KEYWORDS
        if wrapper is None:       # Python cannot call it: the entry raises TypeError (abi/namespace.py)
            wrapper, flags = wrappers[name], namespace.METH_VARARGS_KEYWORDS
        entries.append(ll.Constant(METHOD_DEF, [ctx.cstring(name), wrapper.bitcast(OBJ), I32(flags),
                                                ctx.cstring(docstring(fn, name))]))
    entries += [ll.Constant(METHOD_DEF, [ctx.cstring(name), fn.bitcast(OBJ), I32(flags), ctx.cstring(doc)])
                for name, fn, flags, doc in extra]
    entries.append(ll.Constant(METHOD_DEF, [ll.Constant(OBJ, None), ll.Constant(OBJ, None), I32(0),
                                            ll.Constant(OBJ, None)]))
    methods = ll.GlobalVariable(ctx.module, table_t, "fx$methods")
    methods.initializer = ll.Constant(table_t, entries)
    methods.linkage = "internal"

    slot_entries.append(ll.Constant(SLOT, [I32(0), ll.Constant(OBJ, None)]))
    slots_t = ll.ArrayType(SLOT, len(slot_entries))
    slots = ll.GlobalVariable(ctx.module, slots_t, "fx$slots")
    slots.initializer = ll.Constant(slots_t, slot_entries)
    slots.linkage = "internal"

    null = ll.Constant(OBJ, None)
    moddef = ll.GlobalVariable(ctx.module, MODULE_DEF, "fx$moduledef")
    moddef.initializer = ll.Constant(MODULE_DEF, [
        I64(1), null, null, I64(0), null,
        ctx.cstring(module.name), ctx.cstring(module.doc) if module.doc else null, I64(0),
        methods.bitcast(METHOD_DEF.as_pointer()), slots.bitcast(SLOT.as_pointer()), null, null, null,
    ])
    moddef.linkage = "internal"   # PyModuleDef_Init writes into it at import

    for name in init_names:
        init = ll.Function(ctx.module, ll.FunctionType(OBJ, []), init_symbol(name))
        b = ll.IRBuilder(init.append_basic_block("entry"))
        b.ret(api.call(b, "PyModuleDef_Init", moddef.bitcast(OBJ)))
