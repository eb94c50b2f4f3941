"""Loading the C libraries of `@extern` functions at import (frontend/extern.py, lower/extern.py).

A module with `@extern` functions gets a `Py_mod_exec` slot, run once per import with the GIL
held before any of its functions can be called.  For each library it `dlopen`s the
candidates the compiler chose (`libm.so.6`, then `libm.so`; or the one absolute path) until
one loads, and `dlsym`s each declared function's symbol into its `fx$extern.NAME` global.
A library that does not load, or a missing symbol, fails the import with an ImportError that
names the library (and dlerror's reason).  Only libc's `dlopen`/`dlsym`/`dlerror` and
Limited-API functions are called, so a module in a wheel needs nothing of fastext.
"""
from __future__ import annotations

import sys

from llvmlite import ir as ll

from fastext.compiler.capi import I32, OBJ, CApi
from fastext.compiler import ir
from fastext.compiler.lower.context import I8P, ModuleContext
from fastext.compiler.lower.extern import pointer_slot, symbol

RTLD_NOW = 2
RTLD_LOCAL = 4 if sys.platform == "darwin" else 0


def externs(module: ir.Module) -> list[ir.Function]:
    return [fn for fn in module.functions.values() if fn.extern]


def exec_slot(ctx: ModuleContext, module: ir.Module) -> ll.Function:
    """`int fx$extern.exec(PyObject *module)`: load the libraries, resolve the symbols; -1 with
    ImportError set when one is missing."""
    api = CApi(ctx.module)
    fn = ll.Function(ctx.module, ll.FunctionType(I32, [OBJ]), "fx$extern.exec")
    fn.linkage = "internal"
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    null = ll.Constant(I8P, None)
    dlopen = ctx.intrinsic("dlopen", I8P, [I8P, I32])
    dlsym = ctx.intrinsic("dlsym", I8P, [I8P, I8P])
    dlerror = ctx.intrinsic("dlerror", I8P, [])
    by_library: dict[tuple, list[ir.Function]] = {}
    slots: set[str] = set()
    for f in externs(module):
        if pointer_slot(ctx, f).name not in slots:     # `NAME$py` shares the slot of NAME
            slots.add(pointer_slot(ctx, f).name)
            by_library.setdefault(f.extern, []).append(f)
    handle = b.alloca(I8P)
    for (library, candidates), functions in by_library.items():
        b.store(null, handle)
        for candidate in candidates:
            with b.if_then(b.icmp_unsigned("==", b.load(handle), null)):
                b.store(b.call(dlopen, [ctx.cstring(candidate), I32(RTLD_NOW | RTLD_LOCAL)]), handle)
        lib = b.load(handle)
        with b.if_then(b.icmp_unsigned("==", lib, null), likely=False):
            message = (f"{module.name}: cannot load the library {library!r} of its @extern functions "
                       f"(tried {', '.join(candidates)}): %s")
            api.call(b, "PyErr_Format", api.exc(b, "PyExc_ImportError"), ctx.cstring(message.replace("%", "%%")
                                                                                    .replace("%%s", "%s")),
                     b.call(dlerror, []))
            b.ret(I32(-1))
        for f in functions:
            address = b.call(dlsym, [lib, ctx.cstring(symbol(f))])
            with b.if_then(b.icmp_unsigned("==", address, null), likely=False):
                message = f"{module.name}: the library {library!r} has no symbol `{symbol(f)}` (an @extern function)"
                api.call(b, "PyErr_SetString", api.exc(b, "PyExc_ImportError"), ctx.cstring(message))
                b.ret(I32(-1))
            b.store(address, pointer_slot(ctx, f))
    b.ret(I32(0))
    return fn
