"""Declarations of the CPython Limited API (3.11) that generated code calls.

Only stable-ABI functions and data are named here, and the only struct fields
read are those the Limited API exposes (`ob_type`, `Py_buffer`, `PyModuleDef`).
"""
from __future__ import annotations

from llvmlite import ir as ll

I8, I32, I64 = ll.IntType(8), ll.IntType(32), ll.IntType(64)
F64 = ll.DoubleType()
OBJ = I8.as_pointer()           # PyObject*
VOID = ll.VoidType()

# Py_buffer (Include/pybuffer.h, part of the Limited API since 3.11)
BUFFER = ll.LiteralStructType([
    OBJ,                 # buf
    OBJ,                 # obj
    I64,                 # len
    I64,                 # itemsize
    I32,                 # readonly
    I32,                 # ndim
    OBJ,                 # format
    I64.as_pointer(),    # shape
    I64.as_pointer(),    # strides
    I64.as_pointer(),    # suboffsets
    OBJ,                 # internal
])
BUF_OBJ, BUF_ITEMSIZE, BUF_READONLY, BUF_NDIM, BUF_FORMAT, BUF_SHAPE, BUF_STRIDES, BUF_SUBOFFSETS = 1, 3, 4, 5, 6, 7, 8, 9
PyBUF_RECORDS_RO = 0x1C          # PyBUF_STRIDES | PyBUF_FORMAT
METH_FASTCALL_KEYWORDS = 0x80 | 0x02

# name: (return type, argument types, variadic)
FUNCTIONS: dict[str, tuple[ll.Type, list[ll.Type], bool]] = {
    "PyLong_AsLongLong": (I64, [OBJ], False),
    "PyLong_AsUnsignedLongLong": (I64, [OBJ], False),
    "PyLong_AsDouble": (F64, [OBJ], False),
    "PyLong_FromLongLong": (OBJ, [I64], False),
    "PyLong_FromUnsignedLongLong": (OBJ, [I64], False),
    "PyFloat_AsDouble": (F64, [OBJ], False),
    "PyFloat_FromDouble": (OBJ, [F64], False),
    "PyLong_FromDouble": (OBJ, [F64], False),
    "PyComplex_RealAsDouble": (F64, [OBJ], False),
    "PyComplex_ImagAsDouble": (F64, [OBJ], False),
    "PyComplex_FromDoubles": (OBJ, [F64, F64], False),
    "PyBool_FromLong": (OBJ, [I64], False),
    "PyNumber_Index": (OBJ, [OBJ], False),
    "PyIndex_Check": (I32, [OBJ], False),
    "PyObject_IsTrue": (I32, [OBJ], False),
    "PyType_GetFlags": (I64, [OBJ], False),
    "PyType_GetName": (OBJ, [OBJ], False),
    "PyErr_Occurred": (OBJ, [], False),
    "PyErr_ExceptionMatches": (I32, [OBJ], False),
    "PyErr_Clear": (VOID, [], False),
    "PyErr_Format": (OBJ, [OBJ, OBJ], True),
    "PyObject_GetBuffer": (I32, [OBJ, BUFFER.as_pointer(), I32], False),
    "PyBuffer_Release": (VOID, [BUFFER.as_pointer()], False),
    "PyEval_SaveThread": (OBJ, [], False),
    "PyEval_RestoreThread": (VOID, [OBJ], False),
    "PyTuple_New": (OBJ, [I64], False),
    "PyTuple_SetItem": (I32, [OBJ, I64, OBJ], False),
    "PyTuple_Size": (I64, [OBJ], False),
    "PyTuple_GetItem": (OBJ, [OBJ, I64], False),
    "PySequence_Check": (I32, [OBJ], False),
    "PySequence_Size": (I64, [OBJ], False),
    "PySequence_GetItem": (OBJ, [OBJ, I64], False),
    "PyUnicode_CompareWithASCIIString": (I32, [OBJ, OBJ], False),
    "Py_IncRef": (VOID, [OBJ], False),
    "Py_DecRef": (VOID, [OBJ], False),
    "PyModuleDef_Init": (OBJ, [OBJ], False),
    # arrays returned to Python (abi/arena.py)
    "PyType_FromSpec": (OBJ, [OBJ], False),
    "PyType_GenericAlloc": (OBJ, [OBJ, I64], False),
    "PyObject_Free": (VOID, [OBJ], False),
    "PyBuffer_FillInfo": (I32, [OBJ, OBJ, OBJ, I64, I32, I32], False),
    "PyImport_ImportModule": (OBJ, [OBJ], False),
    "PyImport_Import": (OBJ, [OBJ], False),
    "PyBytes_FromStringAndSize": (OBJ, [OBJ, I64], False),
    "Py_BuildValue": (OBJ, [OBJ], True),
    "PyErr_SetString": (VOID, [OBJ, OBJ], False),
    # Python objects and str parameters (lower/objects.py, abi/objects.py)
    "PyObject_GetAttrString": (OBJ, [OBJ, OBJ], False),
    "PyObject_GetAttr": (OBJ, [OBJ, OBJ], False),
    "PyObject_Call": (OBJ, [OBJ, OBJ, OBJ], False),
    "PyObject_CallFunctionObjArgs": (OBJ, [OBJ], True),
    "PyObject_CallMethodObjArgs": (OBJ, [OBJ, OBJ], True),
    "PyObject_GetItem": (OBJ, [OBJ, OBJ], False),
    "PyObject_GetIter": (OBJ, [OBJ], False),
    "PyObject_SetAttrString": (I32, [OBJ, OBJ, OBJ], False),
    "PyObject_SetItem": (I32, [OBJ, OBJ, OBJ], False),
    "PySequence_Contains": (I32, [OBJ, OBJ], False),
    "PyIter_Next": (OBJ, [OBJ], False),
    "PyObject_Size": (I64, [OBJ], False),
    "PyDict_New": (OBJ, [], False),
    "PyDict_SetItemString": (I32, [OBJ, OBJ, OBJ], False),
    "PyMemoryView_FromMemory": (OBJ, [OBJ, I64, I32], False),
    "PyUnicode_FromStringAndSize": (OBJ, [OBJ, I64], False),
    "PyUnicode_FromOrdinal": (OBJ, [I32], False),
    "PyUnicode_AsUTF8AndSize": (OBJ, [OBJ, I64.as_pointer()], False),
    "PyUnicode_GetLength": (I64, [OBJ], False),
    "PyNumber_ToBase": (OBJ, [OBJ, I32], False),          # hex/oct/bin (lower/text.py)
    "PyLong_FromString": (OBJ, [OBJ, OBJ, I32], False),   # int(s, base) of ASCII text
    "PyUnicode_InternFromString": (OBJ, [OBJ], False),
    "PyUnicode_AsUCS4Copy": (OBJ, [OBJ], False),
    "PyNumber_Long": (OBJ, [OBJ], False),
    "PyNumber_Float": (OBJ, [OBJ], False),
    "PyLong_AsUnsignedLongLongMask": (I64, [OBJ], False),
    "PyType_IsSubtype": (I32, [OBJ, OBJ], False),
    "PyMem_Free": (VOID, [OBJ], False),
    "PyErr_Fetch": (VOID, [OBJ.as_pointer()] * 3, False),
    "PyErr_Restore": (VOID, [OBJ] * 3, False),
    # the module's namespace at import (abi/namespace.py)
    "PyModule_GetDict": (OBJ, [OBJ], False),
    "Py_CompileString": (OBJ, [OBJ, OBJ, I32], False),
    "PyEval_EvalCode": (OBJ, [OBJ, OBJ, OBJ], False),
    # .fx lines in tracebacks (abi/traceback.py)
    "PyErr_NormalizeException": (VOID, [OBJ.as_pointer()] * 3, False),
    "PyException_SetTraceback": (I32, [OBJ, OBJ], False),
    "PyEval_GetBuiltins": (OBJ, [], False),
    "PyList_New": (OBJ, [I64], False),
    "PyList_SetItem": (I32, [OBJ, I64, OBJ], False),
    "PyList_Append": (I32, [OBJ, OBJ], False),
    "PyList_GetItem": (OBJ, [OBJ, I64], False),      # borrowed (abi/lists.py)
    "PyList_Size": (I64, [OBJ], False),
    "PyErr_NoMemory": (OBJ, [], False),
    "PyDict_SetItem": (I32, [OBJ, OBJ, OBJ], False),
    "PySet_New": (OBJ, [OBJ], False),
    "PySet_Add": (I32, [OBJ, OBJ], False),
    "PyDict_GetItem": (OBJ, [OBJ, OBJ], False),       # borrowed (abi/lists.py)
    "PyDict_GetItemString": (OBJ, [OBJ, OBJ], False),
    # str values, formatting and printing (lower/text.py)
    "PyNumber_Add": (OBJ, [OBJ, OBJ], False),
    "PyNumber_Multiply": (OBJ, [OBJ, OBJ], False),
    "PyNumber_Remainder": (OBJ, [OBJ, OBJ], False),
    "PyObject_Str": (OBJ, [OBJ], False),
    "PyObject_Repr": (OBJ, [OBJ], False),
    "PyObject_ASCII": (OBJ, [OBJ], False),
    "PyObject_Format": (OBJ, [OBJ, OBJ], False),
    "PyObject_RichCompareBool": (I32, [OBJ, OBJ, I32], False),
    "PyObject_Hash": (I64, [OBJ], False),
    "PyUnicode_Compare": (I32, [OBJ, OBJ], False),
    "PySlice_New": (OBJ, [OBJ, OBJ, OBJ], False),
    "PyUnicode_Join": (OBJ, [OBJ, OBJ], False),
    "PyUnicode_Append": (VOID, [OBJ.as_pointer(), OBJ], False),
    "PyUnicode_DecodeUTF8": (OBJ, [OBJ, I64, OBJ], False),
    "PyUnicode_ReadChar": (I32, [OBJ, I64], False),
    "PyUnicode_Substring": (OBJ, [OBJ, I64, I64], False),
    "PyUnicode_AsUCS4": (OBJ, [OBJ, OBJ, I64, I32], False),
    "PyByteArray_FromStringAndSize": (OBJ, [OBJ, I64], False),
    "PyByteArray_AsString": (OBJ, [OBJ], False),
    "PySys_GetObject": (OBJ, [OBJ], False),
    "PyErr_SetObject": (VOID, [OBJ, OBJ], False),
    "PyErr_SetNone": (VOID, [OBJ], False),
    "PyErr_NewException": (OBJ, [OBJ, OBJ, OBJ], False),
    # NumPy's ufunc API table (abi/ufuncs.py)
    "PyCapsule_GetPointer": (OBJ, [OBJ, OBJ], False),
    "PyGILState_Ensure": (I32, [], False),
    "PyGILState_Release": (VOID, [I32], False),
}

# Exported data: exception classes are `PyObject *` variables; types/singletons are objects.
EXCEPTION_VARS = ("PyExc_TypeError", "PyExc_OverflowError", "PyExc_ValueError", "PyExc_RuntimeError", "PyExc_SystemError")
OBJECTS = ("PyLong_Type", "PyFloat_Type", "PyComplex_Type", "PyBool_Type", "_Py_NoneStruct", "_Py_TrueStruct",
           "PyList_Type", "PyDict_Type", "PyTuple_Type", "PySet_Type", "PyUnicode_Type")

Py_TPFLAGS_LONG_SUBCLASS = 1 << 24


class CApi:
    """Lazily declares Limited-API functions and data in one LLVM module."""

    def __init__(self, module: ll.Module):
        self.module = module

    def fn(self, name: str) -> ll.Function:
        existing = self.module.globals.get(name)
        if existing is not None:
            return existing
        ret, args, var = FUNCTIONS[name]
        return ll.Function(self.module, ll.FunctionType(ret, args, var_arg=var), name)

    def call(self, b: ll.IRBuilder, name: str, *args: ll.Value) -> ll.Value:
        return b.call(self.fn(name), list(args))

    def exc(self, b: ll.IRBuilder, name: str) -> ll.Value:
        """The exception class object, e.g. exc(b, "PyExc_TypeError")."""
        return b.load(self.global_var(name, OBJ))

    def obj(self, name: str) -> ll.Value:
        """Address of an exported object (a type or a singleton) as a PyObject*."""
        return self.global_var(name, I8).bitcast(OBJ)

    def global_var(self, name: str, ty: ll.Type) -> ll.GlobalVariable:
        gv = self.module.globals.get(name)
        if gv is None:
            gv = ll.GlobalVariable(self.module, ty, name)
            gv.linkage = "external"
        return gv


def type_of(b: ll.IRBuilder, obj: ll.Value) -> ll.Value:
    """Py_TYPE(obj): `ob_type` follows `ob_refcnt` in every stable-ABI PyObject."""
    fields = b.bitcast(obj, OBJ.as_pointer())
    return b.load(b.gep(fields, [I64(1)]))
