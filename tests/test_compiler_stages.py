"""Unit tests per compiler stage: front end → typed IR, analysis, verifier, lowering/LLVM IR, object, JIT.

Each stage is driven through its own small interface (see docs/ARCHITECTURE.md),
not through the import hook.
"""
from __future__ import annotations

import importlib.machinery
import os
import re

import numpy as np
import pytest

import fxload
from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.analysis import analyse
from fastext.compiler.driver import compile_file, compile_source
from fastext.compiler.frontend import check_source
from fastext.compiler.source import SourceFile, Span
from fastext.compiler.verify import IRVerifyError, verify
from fastext.config import Options

NUMERIC = os.path.join(fxload.EXAMPLES, "numeric.fx")
ARRAYS = os.path.join(fxload.EXAMPLES, "arrays.fx")
ALL_VALID = [NUMERIC, ARRAYS, os.path.join(fxload.FX_DIR, "semantics.fx"), os.path.join(fxload.FX_DIR, "params.fx")]

DOT_FX = '''\
"""A dot product."""
from fastext import f64


def dot(x: f64[:], y: f64[:]) -> f64:
    """x . y"""
    s = 0.0
    for i in range(len(x)):
        s += x[i] * y[i]
    return s


def _twice(v: f64) -> f64:
    return 2.0 * v
'''


def front(text: str, path: str = "mem.fx", name: str = "mem") -> ir.Module:
    module, diags = check_source(SourceFile(path, text), name)
    assert module is not None, [d.render() for d in diags.items]
    return module


def front_file(path: str) -> ir.Module:
    with open(path, encoding="utf-8") as f:
        return front(f.read(), path, os.path.basename(path)[:-3])


def walk_stmts(stmts):
    for s in stmts:
        yield s
        for attr in ("then", "orelse", "body"):
            yield from walk_stmts(getattr(s, attr, None) or [])


@pytest.fixture(scope="module")
def dot_art():
    return compile_source(DOT_FX, "dotmod.fx", "dotmod")


# ---------------------------------------------------------------------------- front end

def test_frontend_builds_typed_ir_with_spans():
    module = front(DOT_FX)
    assert module.name == "mem" and module.doc == "A dot product."
    # `_twice$py`: the copy Python calls (frontend/graph.py: python_namespace)
    assert list(module.functions) == ["dot", "_twice", "_twice$py"]
    dot = module.functions["dot"]
    assert dot.exported and not module.functions["_twice"].exported
    assert [f.name for f in module.exported()] == ["dot"]
    assert dot.doc == "x . y"
    assert [p.var.type for p in dot.params] == [T.Array(T.F64, 1), T.Array(T.F64, 1)]
    assert dot.ret == T.F64
    assert dot.span == Span("mem.fx", 5, 0, 10, 12)
    stmts = list(walk_stmts(dot.body))
    kinds = [type(s).__name__ for s in stmts]
    assert kinds == ["Assign", "ForRange", "Assign", "Return"]
    assert [s.span.line for s in stmts] == [7, 8, 9, 10]
    assign, loop, acc, ret = stmts
    assert assign.var.name == "s" and assign.var.type == T.F64 and assign.var.span.line == 7
    assert loop.var.name == "i" and loop.var.type == T.I64
    assert isinstance(loop.stop, ir.ArrayDim) and loop.stop.span.line == 8
    assert isinstance(acc.value, ir.BinOp) and acc.value.op == "+" and acc.value.type == T.F64
    mul = acc.value.right
    assert isinstance(mul, ir.BinOp) and mul.op == "*" and isinstance(mul.left, ir.Index)
    assert (mul.span.line, mul.span.col) == (9, 13)
    assert isinstance(ret.value, ir.Load) and ret.value.var is assign.var


def test_frontend_types_locals_and_constants():
    module = front("from fastext import i32, f64\nK: i32 = 3\nR = 2.5\n\n\n"
                   "def f(a: i32, b: f64 = 1.5) -> tuple[f64, i32]:\n"
                   "    c = a + K\n    d = a * R\n    return d + b, c\n")
    assert module.constants == {"K": (T.I32, 3), "R": (T.F64, 2.5)}
    f = module.functions["f"]
    assert [(p.var.name, p.has_default, p.default) for p in f.params] == [("a", False, None), ("b", True, 1.5)]
    assert f.ret == T.Tuple((T.F64, T.I32))
    local_types = {v.name: v.type for v in f.locals if not v.name.startswith("$")}
    assert local_types == {"c": T.I32, "d": T.F64}


def test_frontend_rejects_with_diagnostics_not_ir():
    module, diags = check_source(SourceFile("bad.fx", "def f(x) -> int:\n    return x\n"), "bad")
    assert module is None
    assert len(diags.items) == 1 and diags.items[0].span.line == 1


@pytest.mark.parametrize("path", ALL_VALID, ids=os.path.basename)
def test_frontend_accepts_every_valid_module(path):
    module = front_file(path)
    assert module.exported()
    for fn in module.functions.values():
        for s in walk_stmts(fn.body):
            assert isinstance(s.span, Span) and s.span.line >= fn.span.line


# ---------------------------------------------------------------------------- analysis

def test_analysis_facts():
    arrays = front_file(ARRAYS)
    analyse(arrays)
    f = arrays.functions
    assert f["matmul"].writes == {2} and f["matmul"].loops
    assert f["transpose"].writes == {1}
    assert f["trace"].writes == set() and f["trace"].loops
    assert f["corner"].writes == set() and not f["corner"].loops
    assert f["put"].writes == {0} and not f["put"].loops
    assert f["_alias_write"].writes == {0}                      # through a local alias
    assert f["write_through_alias"].writes == {0}               # through a callee
    assert f["write_through_alias"].calls == {"_alias_write"}
    numeric = front_file(NUMERIC)
    analyse(numeric)
    n = numeric.functions
    assert n["fib"].loops                                       # recursion counts as looping
    assert n["is_even"].loops and n["_is_odd"].loops            # mutual recursion
    assert n["mean_var"].loops                                  # calls a looping function
    assert not n["clip"].loops and not n["poly"].loops
    assert n["scale"].writes == {0} and n["dot"].writes == set()


# ---------------------------------------------------------------------------- verifier

@pytest.mark.parametrize("path", ALL_VALID, ids=os.path.basename)
def test_verifier_accepts_every_valid_module(path):
    module = front_file(path)
    analyse(module)
    verify(module)


def _broken(mutate) -> ir.Module:
    module = front(DOT_FX)
    mutate(module.functions["dot"])
    return module


def _first(fn, kind):
    return next(s for s in walk_stmts(fn.body) if isinstance(s, kind))


def _assign_wrong_type(fn):
    a = _first(fn, ir.Assign)
    a.value = ir.Const(T.I64, a.span, 0)          # s is f64


def _break_outside_loop(fn):
    fn.body.insert(0, ir.Break(fn.span))


def _undeclared_var(fn):
    ret = _first(fn, ir.Return)
    ret.value = ir.Load(T.F64, ret.span, ir.Var("ghost", T.F64, ret.span))


def _wrong_index_count(fn):
    acc = _first(fn, ir.ForRange).body[0]
    acc.value.right.left.indices.append(ir.Const(T.I64, acc.span, 0))


def _missing_return_value(fn):
    _first(fn, ir.Return).value = None


def _binop_operand_mismatch(fn):
    acc = _first(fn, ir.ForRange).body[0]
    acc.value.left = ir.Const(T.F32, acc.span, 0.0)


def _call_wrong_arity(fn):
    ret = _first(fn, ir.Return)
    ret.value = ir.Call(T.F64, ret.span, "_twice", [])


def _float_range(fn):
    loop = _first(fn, ir.ForRange)
    loop.step = ir.Const(T.F64, loop.span, 1.0)


def _error_type_local(fn):
    fn.locals[0].type = T.ERROR


@pytest.mark.parametrize("mutate", [
    _assign_wrong_type, _break_outside_loop, _undeclared_var, _wrong_index_count, _missing_return_value,
    _binop_operand_mismatch, _call_wrong_arity, _float_range, _error_type_local,
], ids=lambda f: f.__name__.strip("_"))
def test_verifier_rejects_broken_ir(mutate):
    module = _broken(mutate)
    with pytest.raises(IRVerifyError) as info:
        verify(module)
    assert "dot" in str(info.value)
    assert isinstance(info.value, AssertionError)


def test_unbroken_copy_still_verifies():
    verify(_broken(lambda fn: None))


# ---------------------------------------------------------------------------- LLVM IR and the ABI

# CPython 3.11 stable ABI (Misc/stable_abi.toml): the subset generated code may plausibly use.
# Anything outside it (private _Py* helpers, PyTuple_GET_ITEM-style internals, struct peeking
# through non-limited functions) fails the test below.
STABLE_ABI = frozenset("""
PyArg_ParseTuple PyArg_ParseTupleAndKeywords PyArg_UnpackTuple PyBool_FromLong PyBool_Type
PyBuffer_FillInfo PyBuffer_IsContiguous PyBuffer_Release PyBytes_AsString PyBytes_FromStringAndSize
PyBytes_Size PyBytes_Type PyByteArray_Type PyCFunction_New PyCFunction_NewEx PyCMethod_New PyCallable_Check
PyDict_GetItemString PyDict_New PyDict_SetItem PyDict_SetItemString PyErr_BadArgument PyErr_Clear PyErr_ExceptionMatches
PyErr_Fetch PyErr_Format PyErr_GivenExceptionMatches PyErr_NoMemory PyErr_Occurred PyErr_Restore
PyErr_SetNone PyErr_SetObject PyErr_SetString PyErr_WarnEx PyEval_RestoreThread PyEval_SaveThread
PyExc_ArithmeticError PyExc_AssertionError PyExc_AttributeError PyExc_BaseException PyExc_BufferError
PyExc_Exception PyExc_FloatingPointError PyExc_ImportError PyExc_ModuleNotFoundError PyObject_CallFunctionObjArgs PyExc_IndexError PyExc_KeyError PyExc_LookupError
PyExc_MemoryError PyExc_NotImplementedError PyExc_OverflowError PyExc_RecursionError PyExc_RuntimeError PyExc_StopIteration
PyExc_SystemError PyExc_TypeError PyExc_ValueError PyExc_ZeroDivisionError PyFloat_AsDouble
PyFloat_FromDouble PyFloat_Type PyGILState_Ensure PyGILState_Release PyImport_ImportModule PyIndex_Check
PyList_New PyList_SetItem PyLong_AsDouble PyLong_AsLong PyLong_AsLongAndOverflow PyLong_AsLongLong
PyLong_AsLongLongAndOverflow PyLong_AsSize_t PyLong_AsSsize_t PyLong_AsUnsignedLong
PyLong_AsUnsignedLongLong PyLong_AsUnsignedLongLongMask PyLong_FromDouble PyLong_FromLong
PyLong_FromLongLong PyLong_FromSize_t PyLong_FromSsize_t PyLong_FromUnsignedLong
PyLong_FromUnsignedLongLong PyLong_Type PyMem_Free PyMem_Malloc PyMem_Realloc PyMemoryView_FromObject
PyModuleDef_Init PyModule_AddFunctions PyModule_AddIntConstant PyModule_AddObjectRef PyModule_AddStringConstant
PyModule_Create2 PyModule_FromDefAndSpec2 PyModule_ExecDef PyModule_GetDict PyModule_GetName
PyModule_GetState PyModule_SetDocString PyNumber_Float PyNumber_Index PyNumber_Long PyObject_CallObject
PyObject_CheckBuffer PyObject_Free PyObject_GetAttr PyObject_GetAttrString PyObject_GetBuffer PyObject_IsInstance PyImport_Import
PyObject_IsTrue PyObject_Malloc PyObject_Repr PyObject_Str PyObject_Type PyObject_Vectorcall
PyObject_VectorcallDict PyThreadState_Get PyTuple_GetItem PyTuple_New PyTuple_Pack PyTuple_SetItem
PyTuple_Size PyTuple_Type PyType_GetFlags PyType_GetModule PyType_GetModuleState PyType_GetName
PyType_GetQualName PyType_GetSlot PyType_IsSubtype PyUnicode_AsUTF8AndSize PyUnicode_AsUTF8String
PyUnicode_Compare PyUnicode_CompareWithASCIIString PyUnicode_FromFormat PyUnicode_FromString
PyUnicode_FromStringAndSize PyUnicode_InternFromString PyUnicode_Type Py_DecRef Py_IncRef Py_IsFalse
Py_IsNone Py_IsTrue Py_NewRef Py_XNewRef _Py_Dealloc _Py_DecRef _Py_FalseStruct _Py_IncRef
_Py_NoneStruct _Py_NotImplementedStruct _Py_TrueStruct Py_CompileString PyEval_EvalCode
PyErr_NormalizeException PyException_SetTraceback PyEval_GetBuiltins Py_BuildValue PyList_Append
""".split())

# Non-CPython symbols an extension may need from libm/libc (LLVM intrinsics are checked apart).
LIBC_LIBM = frozenset("""
acos asin atan atan2 cos cosh exp expm1 fmod hypot log log1p pow sin sinh tan tanh round rint nearbyint
memcpy memmove memset cbrt fabs floor ceil trunc sqrt exp2 log2 log10 copysign _setjmp _longjmp
""".split())


def external_symbols(llvm_ir: str) -> set[str]:
    declared = set(re.findall(r'^declare\b[^@]*@"?([\w.$]+)"?\(', llvm_ir, re.M))
    data = set(re.findall(r'^@"?([\w.$]+)"? = (?:external|extern_weak)\b', llvm_ir, re.M))
    return declared | data


@pytest.fixture(scope="module")
def artifacts():
    return {os.path.basename(p)[:-3]: compile_file(p) for p in (NUMERIC, ARRAYS)}


@pytest.mark.parametrize("name", ["numeric", "arrays"])
def test_llvm_ir_defines_both_init_symbols(artifacts, name):
    text = artifacts[name].llvm_ir
    assert re.search(rf"^define\b[^@]*@PyInit_{name}\(\)", text, re.M)
    assert re.search(r"^define\b[^@]*@PyInit_fx\(\)", text, re.M)
    exported = set(re.findall(r"^define (?!internal|private)[^@]*@\"?([\w.$]+)\"?\(", text, re.M))
    assert exported == {f"PyInit_{name}", "PyInit_fx"}, "only the init functions may be visible"


def test_module_name_picks_the_init_symbol():
    art = compile_source(DOT_FX, "whatever.fx", "renamed_mod")
    assert re.search(r"^define\b[^@]*@PyInit_renamed_mod\(\)", art.llvm_ir, re.M)
    assert art.exports == ("dot",)


@pytest.mark.parametrize("name", ["numeric", "arrays"])
def test_only_limited_api_symbols(artifacts, name):
    symbols = external_symbols(artifacts[name].llvm_ir)
    py = {s for s in symbols if s.startswith(("Py", "_Py"))}
    assert py, "expected references to the C API"
    assert py <= STABLE_ABI, f"not in the 3.11 stable ABI: {sorted(py - STABLE_ABI)}"
    other = {s for s in symbols - py if not s.startswith("llvm.")}
    assert other <= LIBC_LIBM, f"unexpected external symbols: {sorted(other - LIBC_LIBM)}"


def test_dot_product_ir_has_the_loop(dot_art):
    text = dot_art.unoptimized_ir
    body = _function_body(text, "fx.dot")
    assert "fmul double" in body and "fadd double" in body
    assert "phi" in body or re.search(r"br label %\"?[\w.]*(cond|loop|head|for)", body), "no loop in fx.dot"
    opt = dot_art.llvm_ir
    # optimised: the body is inlined into the wrapper, still a loop (a phi of the double accumulator)
    m = re.search(r"phi double", opt)
    assert m, "optimised IR lost the accumulation loop"
    adds = [ln for ln in opt.splitlines() if " fadd " in ln]
    assert adds and not [ln for ln in adds if re.search(r"fadd (fast|reassoc|contract)", ln)], \
        "float sums must not be reassociated (results must match plain Python bit for bit)"
    assert "PyEval_SaveThread" in opt, "a looping body runs with the GIL released"


def _function_body(text: str, name: str) -> str:
    m = re.search(rf'^define\b[^@]*@"?{re.escape(name)}"?\(.*?^}}', text, re.M | re.S)
    assert m, f"function {name} not found"
    return m.group(0)


def test_trivial_function_keeps_the_gil():
    art = compile_source("from fastext import i64\n\n\ndef add(a: i64, b: i64) -> i64:\n    return a + b\n",
                         "add.fx", "addmod")
    assert "PyEval_SaveThread" not in art.llvm_ir


def test_boundscheck_option_removes_index_checks():
    src = "from fastext import f64, i64\n\n\ndef get(x: f64[:], i: i64) -> f64:\n    return x[i]\n"
    checked = compile_source(src, "g.fx", "g").llvm_ir
    unchecked = compile_source(src, "g.fx", "g", Options(boundscheck=False)).llvm_ir
    assert "out of bounds" in checked
    assert "out of bounds" not in unchecked


def test_object_code_and_timings(dot_art):
    assert dot_art.object_code[:4] == b"\x7fELF" or len(dot_art.object_code) > 100
    assert {"check", "lower", "optimize", "codegen"} <= set(dot_art.timings)
    assert all(t >= 0 for t in dot_art.timings.values())


BIG_JIT_MODULE = """
import random
import numpy as np
from fastext import f64, i64


def fill(n: i64) -> f64[:]:
    return np.random.random(n)


def draws(seed: i64, n: i64) -> str:
    random.seed(seed)
    xs = [random.randint(1, 6) for _ in range(n)]
    return f"{sum(xs)} {random.random():.6f} {random.gauss(0.0, 1.0):.6f}"
"""


def test_jit_objects_use_the_large_code_model(tmp_path):
    # Regression: objects for the JIT were compiled with the default code model, whose 32-bit
    # offsets break when MCJIT puts the data sections more than 2 GiB from the code: this
    # module read its strings and tables as other bytes (NaN arrays, "module 'numpy' has no
    # attribute '.6f'").  `Options(jit=True)`, which the no-linker import path uses, compiles
    # with the large model.
    import random
    from fastext.compiler.jit import load_extension
    from fastext.config import Options
    assert Options(jit=True).key() != Options().key() and Options().for_jit() == Options(jit=True)
    for k in range(3):
        art = compile_source(BIG_JIT_MODULE, str(tmp_path / f"bigjit{k}.fx"), f"bigjit{k}", Options(jit=True))
        mod = load_extension(art.object_code, importlib.machinery.ModuleSpec(f"bigjit{k}", None), f"bigjit{k}")
        a = mod.fill(1000)
        assert ((a >= 0.0) & (a < 1.0)).all() and len(set(a.tolist())) == 1000, a[:5]
        random.seed(7)
        xs = [random.randint(1, 6) for _ in range(50)]
        assert mod.draws(7, 50) == f"{sum(xs)} {random.random():.6f} {random.gauss(0.0, 1.0):.6f}"


def test_jit_loads_the_same_object(dot_art):
    """The no-linker path: the object loaded in-process behaves like the linked module."""
    from fastext.compiler.jit import load_extension
    spec = importlib.machinery.ModuleSpec("dotmod", loader=None)
    mod = load_extension(dot_art.object_code, spec, "dotmod")
    x = np.arange(5.0)
    assert mod.dot(x, x) == 30.0
    assert mod.__name__ == "dotmod" and mod.__doc__ == "A dot product."
    # `_twice` is internal (not exported, no stub) but, as under plain Python, still a module attribute
    assert mod._twice(2.5) == 5.0 and "_twice" not in dot_art.exports
    with pytest.raises(ValueError):
        mod.dot(x, np.arange(5))


def test_constants_convert_to_narrow_parameter_types(tmp_path):
    """Float literals default f32 parameters; in-range ints default narrow ints; bad ones are errors."""
    from fastext.compiler.driver import check_file
    good = tmp_path / "defaults.fx"
    good.write_text("from fastext import f32, i8\nN = 4\n\n\ndef f(n: i8 = N, s: f32 = 0.5) -> float:\n"
                    "    return n * s\n")
    assert check_file(str(good)) == []
    bad = tmp_path / "bad_defaults.fx"
    bad.write_text("from fastext import i8, i32\nX: i32 = 3.7\n\n\ndef f(n: i8 = 300) -> i8:\n    return n\n")
    messages = [d.message for d in check_file(str(bad))]
    assert messages == ["3.7 is not an i32 value", "default of `n` must be an i8 constant"], messages


def test_compile_pauses_the_cyclic_collector_and_restores_it(tmp_path):
    # (driver.gc_paused: no collection runs during the stages; the collector's state and a
    # freeze the process made itself are as they were afterwards)
    import gc
    from fastext.compiler.driver import compile_file
    path = tmp_path / "gcmod.fx"
    path.write_text("from fastext import f64\n\n\ndef twice(x: f64) -> f64:\n    return 2.0 * x\n")
    runs = []
    callback = lambda phase, info: runs.append(phase) if phase == "start" else None   # noqa: E731
    assert gc.isenabled()
    gc.collect()          # (counts at zero: the few allocations outside the stages start none)
    gc.callbacks.append(callback)
    try:
        compile_file(str(path))
    finally:
        gc.callbacks.remove(callback)
    assert runs == [] and gc.isenabled()
    gc.disable()
    try:
        compile_file(str(path))
        assert not gc.isenabled()
    finally:
        gc.enable()
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        compile_file(str(path))
        assert before > 0 and gc.get_freeze_count() >= before
    finally:
        gc.unfreeze()
