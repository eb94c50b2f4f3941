"""`.fx` lines in the traceback of an exception raised by compiled code.

An error in native code used to reach Python with no trace of where it happened: the
traceback ended at the Python line that called the compiled function.  Now the entry point,
after raising, adds traceback entries, as Cython does, so the traceback shows the `.fx` file,
line and function:

    File "app.py", line 9, in <module>
      kernels.normalise(x)
    File ".../kernels.fx", line 12, in normalise
      s = _total(x) / n
    File ".../kernels.fx", line 5, in _total
      raise ValueError("empty")

The path without an exception pays nothing, not even inlining decisions: the statement that
raised is the error record's format field, which now points to a constant site {format,
file, function, line} instead of the bare format (one store either way; lower/context.py:
`fill_error`), and a function whose callee failed returns the failed call's site number as
its status instead of 1 (a different constant), so the entry point learns the line of the
exported function the error came through.  Frames between those two are not recorded (that
would cost stores on every error path, which change LLVM's inlining decisions).

Cython builds frames with non-limited calls; here only the Limited API is available, so the
entry point calls a small Python function (`_HELPER`, compiled once per module with
`Py_CompileString`) that re-raises the exception through one tiny function per site, each
compiled at its site's file and line (cached per site), and returns the traceback that
gives.  An exception raised by Python code the compiled code called keeps its own traceback
below the `.fx` entries.  Any failure while doing so leaves the exception as it was.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler.capi import I32, I64, OBJ, CApi
from fastext.compiler.lower.context import ERRP, SITE, call_sites_table

Py_file_input = 257

_HELPER = '''
def add(exc, frames, _cache={}):
    """Re-raise `exc` through one function per (file, line, name) of `frames`, outermost
    first, each compiled at that line; return the traceback that gives (from the outermost).
    Nothing the traceback keeps alive refers to `exc` afterwards (the functions' globals are
    emptied, this frame's locals deleted): the exception would otherwise hold itself."""
    fn, spaces = None, []
    for file, line, name in reversed(frames):
        last = fn is None
        key = (file, line, name, last)
        code = _cache.get(key)
        if code is None:
            ns = {}
            # from column 1 and wider than any source line, so that the traceback shows the .fx
            # line without carets (the columns of this code are not the .fx statement's)
            body = "raise (__fx_exc" + " " * 400 + ")" if last else "__fx_next(" + " " * 400 + ")"
            head = "\\n" * (line - 2) + "def " + name + "():\\n " if line > 1 else "def " + name + "(): "
            exec(compile(head + body + "\\n", file, "exec"), ns)
            code = _cache[key] = ns[name].__code__
        spaces.append({"__fx_exc": exc, "__fx_next": fn, "__builtins__": __builtins__})
        fn = type(add)(code, spaces[-1], name)
    out = []
    try:
        fn()
    except BaseException as e:
        if e is exc and e.__traceback__ is not None:
            out.append(e.__traceback__.tb_next)      # without this function's own frame
    for g in spaces:
        g.clear()
    del exc, fn, spaces, frames
    return out.pop() if out else None
'''


def emitter(ctx) -> ll.Function:
    """`void fx$traceback(err*, i32 status)`: add the error's sites — the call of the exported
    function it came through (`status` >= 2) and the statement that raised it (the record's
    site) — to the traceback of the exception just raised from the record (once per module;
    cold)."""
    module = ctx.module
    fn = module.globals.get("fx$traceback")
    if fn is not None:
        return fn
    api = CApi(module)
    fn = ll.Function(module, ll.FunctionType(ll.VoidType(), [ERRP, I32]), "fx$traceback")
    fn.linkage = "internal"
    fn.attributes.add("cold")
    fn.attributes.add("noinline")
    err, status = fn.args
    null = ll.Constant(OBJ, None)
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    raised_at = b.load(b.gep(err, [I32(0), I32(1)]))
    table = call_sites_table(ctx)
    through = b.icmp_signed(">=", status, I32(2))
    index = b.select(through, b.sub(status, I32(2)), I32(0))
    called_at = b.select(through, b.load(b.gep(table, [I32(0), index])), null)
    none, go = fn.append_basic_block("none"), fn.append_basic_block("go")
    nothing = b.and_(b.icmp_unsigned("==", raised_at, null), b.icmp_unsigned("==", called_at, null))
    b.cbranch(nothing, none, go)
    b.position_at_end(none)
    b.ret_void()
    b.position_at_end(go)
    slots = [b.alloca(OBJ) for _ in range(3)]
    api.call(b, "PyErr_Fetch", *slots)
    api.call(b, "PyErr_NormalizeException", *slots)
    exc_t, exc, tb = (b.load(s) for s in slots)
    done, work, failed = (fn.append_basic_block(x) for x in ("restore", "work", "failed"))
    b.cbranch(b.icmp_unsigned("==", exc, null), done, work)
    b.position_at_end(work)
    with b.if_then(b.icmp_unsigned("!=", tb, null)):
        api.call(b, "PyException_SetTraceback", exc, tb)
    helper = b.call(_helper(ctx), [])
    have = fn.append_basic_block("have")
    b.cbranch(b.icmp_unsigned("==", helper, null), failed, have)
    b.position_at_end(have)
    frames = api.call(b, "PyList_New", I64(0))
    listed = fn.append_basic_block("listed")
    b.cbranch(b.icmp_unsigned("==", frames, null), failed, listed)
    b.position_at_end(listed)
    for where in (called_at, raised_at):        # outermost first
        with b.if_then(b.icmp_unsigned("!=", where, null)):
            site = b.bitcast(where, SITE.as_pointer())
            item = api.call(b, "Py_BuildValue", ctx.cstring("(sis)"), b.load(b.gep(site, [I32(0), I32(1)])),
                            b.load(b.gep(site, [I32(0), I32(3)])), b.load(b.gep(site, [I32(0), I32(2)])))
            with b.if_then(b.icmp_unsigned("!=", item, null)):
                api.call(b, "PyList_Append", frames, item)
                api.call(b, "Py_DecRef", item)
    api.call(b, "PyErr_Clear")       # a failed item only loses its frame
    result = api.call(b, "PyObject_CallFunctionObjArgs", helper, exc, frames, null)
    api.call(b, "Py_DecRef", frames)
    got, use, ignore = (fn.append_basic_block(x) for x in ("got", "use", "ignore"))
    b.cbranch(b.icmp_unsigned("==", result, null), failed, got)
    b.position_at_end(got)
    b.cbranch(b.icmp_unsigned("==", result, api.obj("_Py_NoneStruct")), ignore, use)
    b.position_at_end(ignore)
    api.call(b, "Py_DecRef", result)
    b.branch(done)
    b.position_at_end(use)
    # the new traceback replaces the old one (which it ends with)
    with b.if_then(b.icmp_unsigned("!=", tb, null)):
        api.call(b, "Py_DecRef", tb)
    b.store(result, slots[2])
    api.call(b, "PyException_SetTraceback", exc, result)
    b.branch(done)
    b.position_at_end(failed)
    api.call(b, "PyErr_Clear")      # keep the original exception as it was
    b.branch(done)
    b.position_at_end(done)
    api.call(b, "PyErr_Restore", *(b.load(s) for s in slots))
    b.ret_void()
    return fn


def _helper(ctx) -> ll.Function:
    """`PyObject *fx$traceback.helper()`: the helper function (borrowed; made on first use and
    kept for the module's life), or NULL with an exception set."""
    module = ctx.module
    api = CApi(module)
    cache = ll.GlobalVariable(module, OBJ, "fx$traceback.cache")
    cache.initializer = ll.Constant(OBJ, None)
    cache.linkage = "internal"
    fn = ll.Function(module, ll.FunctionType(OBJ, []), "fx$traceback.helper")
    fn.linkage = "internal"
    null = ll.Constant(OBJ, None)
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    cached = b.load(cache)
    with b.if_then(b.icmp_unsigned("!=", cached, null), likely=True):
        b.ret(cached)
    data = bytearray(_HELPER.encode() + b"\0")
    blob = ll.GlobalVariable(module, ll.ArrayType(ll.IntType(8), len(data)), "fx$traceback.source")
    blob.initializer = ll.Constant(blob.value_type, data)
    blob.global_constant, blob.linkage = True, "private"
    code = api.call(b, "Py_CompileString", blob.bitcast(OBJ), ctx.cstring("<fastext traceback>"), I32(Py_file_input))
    with b.if_then(b.icmp_unsigned("==", code, null), likely=False):
        b.ret(null)
    namespace = api.call(b, "PyDict_New")
    with b.if_then(b.icmp_unsigned("==", namespace, null), likely=False):
        api.call(b, "Py_DecRef", code)
        b.ret(null)
    api.call(b, "PyDict_SetItemString", namespace, ctx.cstring("__builtins__"), api.call(b, "PyEval_GetBuiltins"))
    result = api.call(b, "PyEval_EvalCode", code, namespace, namespace)
    api.call(b, "Py_DecRef", code)
    with b.if_then(b.icmp_unsigned("==", result, null), likely=False):
        api.call(b, "Py_DecRef", namespace)
        b.ret(null)
    api.call(b, "Py_DecRef", result)
    add = api.call(b, "PyDict_GetItemString", namespace, ctx.cstring("add"))     # borrowed
    with b.if_then(b.icmp_unsigned("==", add, null), likely=False):
        api.call(b, "Py_DecRef", namespace)
        api.call(b, "PyErr_SetString", api.exc(b, "PyExc_RuntimeError"), ctx.cstring("fastext: traceback helper"))
        b.ret(null)
    api.call(b, "Py_IncRef", add)
    api.call(b, "Py_DecRef", namespace)     # the function keeps its globals alive
    b.store(add, cache)
    b.ret(add)
    return fn
