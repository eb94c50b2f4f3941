"""Shared entry-point helpers, written directly in LLVM IR and linked into every module.

These are the cold paths of argument handling (keyword parsing, non-exact
types, buffer checks, raising the error record), kept out of line so each
wrapper's hot path stays short.  No C: this text is the runtime.
"""
from __future__ import annotations

from fastext.compiler.builtins import EXC_BASE, EXCEPTIONS, NUMPY_EXCEPTIONS, PYERR_CODE

_TEMPLATE = r"""
@PyExc_TypeError = external global ptr
@PyExc_OverflowError = external global ptr
@PyExc_ValueError = external global ptr
@PyLong_Type = external global i8
@PyBool_Type = external global i8
@PyComplex_Type = external global i8
@_Py_TrueStruct = external global i8
{exc_decls}
@"fx$exc_table" = private constant [{n_exc} x ptr] [{exc_table}]
{npexc_names}
@"fx$npexc_module" = private constant [{n_np} x ptr] [{npexc_modules}]
@"fx$npexc_name" = private constant [{n_np} x ptr] [{npexc_classes}]
@"fx$npexc_base" = private constant [{n_np} x ptr] [{npexc_bases}]

{messages}

declare i64 @PyTuple_Size(ptr)
declare ptr @PyTuple_GetItem(ptr, i64)
declare i32 @PyUnicode_CompareWithASCIIString(ptr, ptr)
declare i32 @PyDict_SetItem(ptr, ptr, ptr)
declare ptr @PyErr_Format(ptr, ptr, ...)
declare void @PyErr_SetNone(ptr)
declare void @PyErr_SetObject(ptr, ptr)
declare ptr @PyLong_FromLongLong(i64)
declare ptr @PyFloat_FromDouble(double)
declare ptr @PyObject_Repr(ptr)
declare ptr @PyErr_Occurred()
declare i32 @PyErr_ExceptionMatches(ptr)
declare void @PyErr_Clear()
declare ptr @PyType_GetName(ptr)
declare i64 @PyType_GetFlags(ptr)
declare void @Py_DecRef(ptr)
declare i32 @PyIndex_Check(ptr)
declare ptr @PyNumber_Index(ptr)
declare i64 @PyLong_AsLongLong(ptr)
declare i64 @PyLong_AsUnsignedLongLong(ptr)
declare double @PyLong_AsDouble(ptr)
declare double @PyFloat_AsDouble(ptr)
declare i32 @PyObject_IsTrue(ptr)
declare i32 @PyObject_GetBuffer(ptr, ptr, i32)
declare void @PyBuffer_Release(ptr)
declare i32 @PyType_IsSubtype(ptr, ptr)
declare double @PyComplex_RealAsDouble(ptr)
declare double @PyComplex_ImagAsDouble(ptr)
declare ptr @PyObject_GetAttrString(ptr, ptr)
declare ptr @PyImport_ImportModule(ptr)
declare ptr @PyObject_CallNoArgs(ptr)

define internal ptr @fx_type(ptr %obj) alwaysinline {{
  %slot = getelementptr ptr, ptr %obj, i64 1
  %t = load ptr, ptr %slot
  ret ptr %t
}}

; TypeError "f() argument 'x' must be <what>, not <type name>"; returns -1.
define internal i32 @fx_type_error(ptr %obj, ptr %fname, ptr %pname, ptr %what) cold noinline {{
  %tp = call ptr @fx_type(ptr %obj)
  %name = call ptr @PyType_GetName(ptr %tp)
  %exc = load ptr, ptr @PyExc_TypeError
  %isnull = icmp eq ptr %name, null
  br i1 %isnull, label %plain, label %named
plain:
  call void @PyErr_Clear()
  call ptr (ptr, ptr, ...) @PyErr_Format(ptr %exc, ptr @.m.musttype0, ptr %fname, ptr %pname, ptr %what)
  ret i32 -1
named:
  call ptr (ptr, ptr, ...) @PyErr_Format(ptr %exc, ptr @.m.musttype, ptr %fname, ptr %pname, ptr %what, ptr %name)
  call void @Py_DecRef(ptr %name)
  ret i32 -1
}}

; Positional + keyword arguments → slots[0..n).  Missing optional slots stay NULL.  At most
; %npos come by position (the rest are keyword-only: `def f(x, *, tol=1e-8)`), more only when
; %star is set (`*args`: the caller takes args[npos..nargs) itself); the first %nposonly only by
; position (`def f(a, /, b)`).  %req holds one byte per slot, 'r' where the argument is required.
; Messages are Python's: %toomany.fmt is the entry point's "f() takes 1 positional argument but %lld
; %s given" (abi/wrapper.py: `too_many`), missing arguments are counted and named.  %kwdict (a
; dict, or null): a `**opts` function's, where the keywords no parameter names go.
define i32 @fx_parse_args(ptr %args, i64 %nargs, ptr %kwnames, ptr %names, i64 %n, ptr %req,
                          ptr %fname, ptr %slots, i64 %npos, i64 %nposonly, i64 %star,
                          ptr %toomany.fmt, ptr %kwdict) cold noinline {{
entry:
  %over = icmp sgt i64 %nargs, %npos
  %nostar = icmp eq i64 %star, 0
  %too = and i1 %over, %nostar
  br i1 %too, label %toomany, label %fill
toomany:
  %te = load ptr, ptr @PyExc_TypeError
  %one = icmp eq i64 %nargs, 1
  %verb = select i1 %one, ptr @.m.was, ptr @.m.were
  call ptr (ptr, ptr, ...) @PyErr_Format(ptr %te, ptr %toomany.fmt, i64 %nargs, ptr %verb)
  ret i32 -1
fill:
  %i = phi i64 [0, %entry], [%i.next, %fill.body]
  %fill.more = icmp slt i64 %i, %n
  br i1 %fill.more, label %fill.body, label %kw
fill.body:
  %given.n = icmp slt i64 %i, %nargs
  %given.p = icmp slt i64 %i, %npos
  %given = and i1 %given.n, %given.p
  %ap = getelementptr ptr, ptr %args, i64 %i
  %av = load ptr, ptr %ap
  %v = select i1 %given, ptr %av, ptr null
  %sp = getelementptr ptr, ptr %slots, i64 %i
  store ptr %v, ptr %sp
  %i.next = add i64 %i, 1
  br label %fill
kw:
  %haskw = icmp ne ptr %kwnames, null
  br i1 %haskw, label %kw.start, label %required
kw.start:
  %nkw = call i64 @PyTuple_Size(ptr %kwnames)
  br label %kw.loop
kw.loop:
  %k = phi i64 [0, %kw.start], [%k.next, %kw.store], [%k.after, %gather.next]
  %kw.more = icmp slt i64 %k, %nkw
  br i1 %kw.more, label %kw.body, label %required
kw.body:
  %key = call ptr @PyTuple_GetItem(ptr %kwnames, i64 %k)
  br label %match
match:
  %j = phi i64 [0, %kw.body], [%j.next, %match.next]
  %match.more = icmp slt i64 %j, %n
  br i1 %match.more, label %match.body, label %unexpected
match.body:
  %np = getelementptr ptr, ptr %names, i64 %j
  %nm = load ptr, ptr %np
  %cmp = call i32 @PyUnicode_CompareWithASCIIString(ptr %key, ptr %nm)
  %same = icmp eq i32 %cmp, 0
  br i1 %same, label %found, label %match.next
match.next:
  %j.next = add i64 %j, 1
  br label %match
unexpected:
  %gathers = icmp ne ptr %kwdict, null
  br i1 %gathers, label %gather, label %unexpected.error
gather:
  %gidx = add i64 %nargs, %k
  %gp = getelementptr ptr, ptr %args, i64 %gidx
  %gv = load ptr, ptr %gp
  %grc = call i32 @PyDict_SetItem(ptr %kwdict, ptr %key, ptr %gv)
  %gfail = icmp slt i32 %grc, 0
  br i1 %gfail, label %gather.fail, label %gather.next
gather.fail:
  ret i32 -1
gather.next:
  %k.after = add i64 %k, 1
  br label %kw.loop
unexpected.error:
  %te2 = load ptr, ptr @PyExc_TypeError
  call ptr (ptr, ptr, ...) @PyErr_Format(ptr %te2, ptr @.m.unexpected, ptr %fname, ptr %key)
  ret i32 -1
found:
  %posonly = icmp slt i64 %j, %nposonly
  br i1 %posonly, label %posonly.kw, label %found.kw
posonly.kw:
  %posonly.gathers = icmp ne ptr %kwdict, null
  br i1 %posonly.gathers, label %gather, label %byname
byname:
  %te5 = load ptr, ptr @PyExc_TypeError
  call ptr (ptr, ptr, ...) @PyErr_Format(ptr %te5, ptr @.m.posonly, ptr %fname, ptr %nm)
  ret i32 -1
found.kw:
  %sj = getelementptr ptr, ptr %slots, i64 %j
  %old = load ptr, ptr %sj
  %dup = icmp ne ptr %old, null
  br i1 %dup, label %multiple, label %kw.store
multiple:
  %te3 = load ptr, ptr @PyExc_TypeError
  call ptr (ptr, ptr, ...) @PyErr_Format(ptr %te3, ptr @.m.multiple, ptr %fname, ptr %nm)
  ret i32 -1
kw.store:
  %idx = add i64 %nargs, %k
  %vp = getelementptr ptr, ptr %args, i64 %idx
  %val = load ptr, ptr %vp
  store ptr %val, ptr %sj
  %k.next = add i64 %k, 1
  br label %kw.loop
required:
  %r = phi i64 [0, %kw], [0, %kw.loop], [%r.next, %req.ok]
  %req.more = icmp slt i64 %r, %n
  br i1 %req.more, label %req.body, label %done
req.body:
  %rp = getelementptr ptr, ptr %slots, i64 %r
  %rv = load ptr, ptr %rp
  %qp = getelementptr i8, ptr %req, i64 %r
  %qv = load i8, ptr %qp
  %needed = icmp eq i8 %qv, 114
  %null = icmp eq ptr %rv, null
  %absent = and i1 %needed, %null
  %r.next = add i64 %r, 1
  br i1 %absent, label %missing, label %req.ok
req.ok:
  br label %required
missing:
  ; the missing ones of the same kind (positional, or keyword-only) as the first: counted, the
  ; first two named, as Python's "missing 2 required positional arguments: 'a' and 'b'"
  %te4 = load ptr, ptr @PyExc_TypeError
  %mp = getelementptr ptr, ptr %names, i64 %r
  %mn = load ptr, ptr %mp
  %kwonly = icmp sge i64 %r, %npos
  %kind.end = select i1 %kwonly, i64 %n, i64 %npos
  br label %count
count:
  %c = phi i64 [%r.next, %missing], [%c.next, %count.next]
  %cnt = phi i64 [1, %missing], [%cnt.next, %count.next]
  %second = phi ptr [null, %missing], [%second.next, %count.next]
  %count.more = icmp slt i64 %c, %kind.end
  br i1 %count.more, label %count.body, label %report
count.body:
  %cp = getelementptr ptr, ptr %slots, i64 %c
  %cv = load ptr, ptr %cp
  %cq = getelementptr i8, ptr %req, i64 %c
  %cr = load i8, ptr %cq
  %c.needed = icmp eq i8 %cr, 114
  %c.null = icmp eq ptr %cv, null
  %c.absent = and i1 %c.needed, %c.null
  %c.inc = zext i1 %c.absent to i64
  %cnt.next = add i64 %cnt, %c.inc
  %c.first = icmp eq ptr %second, null
  %c.take = and i1 %c.absent, %c.first
  %cnp = getelementptr ptr, ptr %names, i64 %c
  %cn = load ptr, ptr %cnp
  %second.next = select i1 %c.take, ptr %cn, ptr %second
  br label %count.next
count.next:
  %c.next = add i64 %c, 1
  br label %count
report:
  %kind = select i1 %kwonly, ptr @.m.kwonly, ptr @.m.positional
  %single = icmp eq i64 %cnt, 1
  br i1 %single, label %report.one, label %report.more
report.one:
  call ptr (ptr, ptr, ...) @PyErr_Format(ptr %te4, ptr @.m.missing1, ptr %fname, ptr %kind, ptr %mn)
  ret i32 -1
report.more:
  %two = icmp eq i64 %cnt, 2
  %mfmt = select i1 %two, ptr @.m.missing2, ptr @.m.missingn
  call ptr (ptr, ptr, ...) @PyErr_Format(ptr %te4, ptr %mfmt, ptr %fname, i64 %cnt, ptr %kind, ptr %mn, ptr %second)
  ret i32 -1
done:
  ret i32 0
}}

; Replace an OverflowError from the C API (or a range miss) with one naming the parameter.
define internal i32 @fx_range_error(ptr %obj, ptr %fname, ptr %pname, ptr %what) cold noinline {{
  call void @PyErr_Clear()
  %oe = load ptr, ptr @PyExc_OverflowError
  call ptr (ptr, ptr, ...) @PyErr_Format(ptr %oe, ptr @.m.range, ptr %fname, ptr %pname, ptr %what, ptr %obj)
  ret i32 -1
}}

; An integer-like object (int subclass or __index__) as an int: a new reference, or NULL
; with the exception set (a TypeError naming the parameter if it is not integer-like).
define ptr @fx_index(ptr %obj, ptr %fname, ptr %pname, ptr %what) cold noinline {{
entry:
  %isidx = call i32 @PyIndex_Check(ptr %obj)
  %ok = icmp ne i32 %isidx, 0
  br i1 %ok, label %index, label %typeerr
typeerr:
  %r = call i32 @fx_type_error(ptr %obj, ptr %fname, ptr %pname, ptr %what)
  ret ptr null
index:
  %io = call ptr @PyNumber_Index(ptr %obj)
  ret ptr %io
}}

; Any integer-like object (int subclass or __index__) → i64 in [lo, hi].
define i32 @fx_unbox_int_slow(ptr %obj, i64 %lo, i64 %hi, ptr %fname, ptr %pname, ptr %what, ptr %out) cold noinline {{
entry:
  %io = call ptr @fx_index(ptr %obj, ptr %fname, ptr %pname, ptr %what)
  %ionull = icmp eq ptr %io, null
  br i1 %ionull, label %fail, label %convert
convert:
  %v = call i64 @PyLong_AsLongLong(ptr %io)
  call void @Py_DecRef(ptr %io)
  %m1 = icmp eq i64 %v, -1
  br i1 %m1, label %checkerr, label %range
checkerr:
  %e = call ptr @PyErr_Occurred()
  %has = icmp ne ptr %e, null
  br i1 %has, label %overflow, label %range
range:
  %lo.ok = icmp sge i64 %v, %lo
  %hi.ok = icmp sle i64 %v, %hi
  %in = and i1 %lo.ok, %hi.ok
  br i1 %in, label %store, label %overflow
store:
  store i64 %v, ptr %out
  ret i32 0
overflow:
  %oe = load ptr, ptr @PyExc_OverflowError
  %isover = call i32 @PyErr_ExceptionMatches(ptr %oe)
  %e2 = call ptr @PyErr_Occurred()
  %none = icmp eq ptr %e2, null
  %over = icmp ne i32 %isover, 0
  %rewrite = or i1 %none, %over
  br i1 %rewrite, label %rangeerr, label %fail
rangeerr:
  %rr = call i32 @fx_range_error(ptr %obj, ptr %fname, ptr %pname, ptr %what)
  ret i32 -1
fail:
  ret i32 -1
}}

; Any integer-like object → u64.
define i32 @fx_unbox_u64_slow(ptr %obj, ptr %fname, ptr %pname, ptr %what, ptr %out) cold noinline {{
entry:
  %io = call ptr @fx_index(ptr %obj, ptr %fname, ptr %pname, ptr %what)
  %ionull = icmp eq ptr %io, null
  br i1 %ionull, label %fail, label %convert
convert:
  %v = call i64 @PyLong_AsUnsignedLongLong(ptr %io)
  call void @Py_DecRef(ptr %io)
  %e = call ptr @PyErr_Occurred()
  %has = icmp ne ptr %e, null
  br i1 %has, label %rangeerr, label %store
store:
  store i64 %v, ptr %out
  ret i32 0
rangeerr:
  %rr = call i32 @fx_range_error(ptr %obj, ptr %fname, ptr %pname, ptr %what)
  ret i32 -1
fail:
  ret i32 -1
}}

; Non-exact floats: ints (exact conversion), objects with __float__ or __index__ (NumPy scalars).
define i32 @fx_unbox_f64_slow(ptr %obj, ptr %fname, ptr %pname, ptr %what, ptr %out) cold noinline {{
entry:
  %tp = call ptr @fx_type(ptr %obj)
  %flags = call i64 @PyType_GetFlags(ptr %tp)
  %islong = and i64 %flags, 16777216
  %long = icmp ne i64 %islong, 0
  br i1 %long, label %fromlong, label %generic
fromlong:
  %lv = call double @PyLong_AsDouble(ptr %obj)
  %lm1 = fcmp oeq double %lv, -1.0
  br i1 %lm1, label %lcheck, label %lstore
lcheck:
  %le = call ptr @PyErr_Occurred()
  %lhas = icmp ne ptr %le, null
  br i1 %lhas, label %rangeerr, label %lstore
lstore:
  store double %lv, ptr %out
  ret i32 0
rangeerr:
  %rr = call i32 @fx_range_error(ptr %obj, ptr %fname, ptr %pname, ptr %what)
  ret i32 -1
generic:
  %v = call double @PyFloat_AsDouble(ptr %obj)
  %m1 = fcmp oeq double %v, -1.0
  br i1 %m1, label %check, label %store
check:
  %e = call ptr @PyErr_Occurred()
  %has = icmp ne ptr %e, null
  br i1 %has, label %which, label %store
which:
  %te = load ptr, ptr @PyExc_TypeError
  %istype = call i32 @PyErr_ExceptionMatches(ptr %te)
  %t = icmp ne i32 %istype, 0
  br i1 %t, label %typeerr, label %fail
typeerr:
  call void @PyErr_Clear()
  %r = call i32 @fx_type_error(ptr %obj, ptr %fname, ptr %pname, ptr %what)
  ret i32 -1
fail:
  ret i32 -1
store:
  store double %v, ptr %out
  ret i32 0
}}

; complex parameters (out: {{double, double}}): complex and its subclasses (numpy.complex128),
; objects with __complex__ (numpy.complex64), else anything a float parameter takes (imag 0.0).
define i32 @fx_unbox_complex_slow(ptr %obj, ptr %fname, ptr %pname, ptr %what, ptr %out) cold noinline {{
entry:
  %imp = getelementptr double, ptr %out, i64 1
  %tp = call ptr @fx_type(ptr %obj)
  %sub = call i32 @PyType_IsSubtype(ptr %tp, ptr @PyComplex_Type)
  %iscx = icmp ne i32 %sub, 0
  br i1 %iscx, label %fromcx, label %dunder
fromcx:
  %re = call double @PyComplex_RealAsDouble(ptr %obj)
  %im = call double @PyComplex_ImagAsDouble(ptr %obj)
  store double %re, ptr %out
  store double %im, ptr %imp
  ret i32 0
dunder:
  %meth = call ptr @PyObject_GetAttrString(ptr %obj, ptr @.m.dcomplex)
  %nometh = icmp eq ptr %meth, null
  br i1 %nometh, label %real, label %callit
callit:
  %res = call ptr @PyObject_CallNoArgs(ptr %meth)
  call void @Py_DecRef(ptr %meth)
  %resnull = icmp eq ptr %res, null
  br i1 %resnull, label %fail, label %checkres
checkres:
  %rtp = call ptr @fx_type(ptr %res)
  %rsub = call i32 @PyType_IsSubtype(ptr %rtp, ptr @PyComplex_Type)
  %rok = icmp ne i32 %rsub, 0
  br i1 %rok, label %fromres, label %badres
fromres:
  %re2 = call double @PyComplex_RealAsDouble(ptr %res)
  %im2 = call double @PyComplex_ImagAsDouble(ptr %res)
  call void @Py_DecRef(ptr %res)
  store double %re2, ptr %out
  store double %im2, ptr %imp
  ret i32 0
badres:
  call void @Py_DecRef(ptr %res)
  %r = call i32 @fx_type_error(ptr %obj, ptr %fname, ptr %pname, ptr %what)
  ret i32 -1
real:
  call void @PyErr_Clear()
  %rc = call i32 @fx_unbox_f64_slow(ptr %obj, ptr %fname, ptr %pname, ptr %what, ptr %out)
  store double 0.0, ptr %imp
  ret i32 %rc
fail:
  ret i32 -1
}}

; bool parameters: bool, numpy.bool (a type named "bool" defined in module "numpy"), or
; integer-like objects (int subclasses, __index__): non-zero is true.  The truth of an
; integer-like object is that of its index value, not PyObject_IsTrue (an object with only
; __index__ is always true there, whatever the index).
define i32 @fx_unbox_bool_slow(ptr %obj, ptr %fname, ptr %pname, ptr %what, ptr %out) cold noinline {{
entry:
  %tp = call ptr @fx_type(ptr %obj)
  %name = call ptr @PyType_GetName(ptr %tp)
  %nonull = icmp ne ptr %name, null
  br i1 %nonull, label %cmpname, label %clear
clear:
  call void @PyErr_Clear()
  br label %index
cmpname:
  %c = call i32 @PyUnicode_CompareWithASCIIString(ptr %name, ptr @.m.bool)
  call void @Py_DecRef(ptr %name)
  %isbool = icmp eq i32 %c, 0
  br i1 %isbool, label %module, label %index
module:
  %mod = call ptr @PyObject_GetAttrString(ptr %tp, ptr @.m.dmodule)
  %modnull = icmp eq ptr %mod, null
  br i1 %modnull, label %modclear, label %modcmp
modclear:
  call void @PyErr_Clear()
  br label %index
modcmp:
  %isuni = call i32 @PyUnicode_Check.fx(ptr %mod)
  %uni = icmp ne i32 %isuni, 0
  br i1 %uni, label %modname, label %moddrop
moddrop:
  call void @Py_DecRef(ptr %mod)
  br label %index
modname:
  %mc = call i32 @PyUnicode_CompareWithASCIIString(ptr %mod, ptr @.m.numpy)
  call void @Py_DecRef(ptr %mod)
  %isnp = icmp eq i32 %mc, 0
  br i1 %isnp, label %truth, label %index
index:
  %isidx = call i32 @PyIndex_Check(ptr %obj)
  %ok = icmp ne i32 %isidx, 0
  br i1 %ok, label %toint, label %typeerr
toint:
  %io = call ptr @PyNumber_Index(ptr %obj)
  %ionull = icmp eq ptr %io, null
  br i1 %ionull, label %fail, label %inttruth
inttruth:
  %it = call i32 @PyObject_IsTrue(ptr %io)
  call void @Py_DecRef(ptr %io)
  %ineg = icmp slt i32 %it, 0
  br i1 %ineg, label %fail, label %istore
istore:
  %ib = icmp ne i32 %it, 0
  %ib8 = zext i1 %ib to i8
  store i8 %ib8, ptr %out
  ret i32 0
truth:
  %t = call i32 @PyObject_IsTrue(ptr %obj)
  %neg = icmp slt i32 %t, 0
  br i1 %neg, label %fail, label %store
store:
  %b = icmp ne i32 %t, 0
  %b8 = zext i1 %b to i8
  store i8 %b8, ptr %out
  ret i32 0
typeerr:
  %r = call i32 @fx_type_error(ptr %obj, ptr %fname, ptr %pname, ptr %what)
  ret i32 -1
fail:
  ret i32 -1
}}

; PyUnicode_Check without the macro (the Limited API has no inline type test): the type's flags.
define internal i32 @PyUnicode_Check.fx(ptr %obj) {{
  %tp = call ptr @fx_type(ptr %obj)
  %flags = call i64 @PyType_GetFlags(ptr %tp)
  %bit = and i64 %flags, 268435456
  %is = icmp ne i64 %bit, 0
  %r = zext i1 %is to i32
  ret i32 %r
}}

; A finite float argument that becomes infinite when rounded to f32 (struct.pack('f', x)
; raises OverflowError for it; the parameter is named).  Returns -1.
define i32 @fx_float_overflow(ptr %obj, ptr %fname, ptr %pname, ptr %what) cold noinline {{
  %r = call i32 @fx_range_error(ptr %obj, ptr %fname, ptr %pname, ptr %what)
  ret i32 -1
}}

; Acquire a strided buffer and check it against the parameter's array type.
; cls: 0 signed int, 1 unsigned int, 2 float, 3 bool, 4 complex ('Z' + a float code).  On failure the view is released.
define i32 @fx_get_buffer(ptr %obj, ptr %view, i32 %cls, i64 %itemsize, i32 %ndim, i32 %writable,
                          ptr %fname, ptr %pname, ptr %what) noinline {{
entry:
  %rc = call i32 @PyObject_GetBuffer(ptr %obj, ptr %view, i32 28)
  %got = icmp eq i32 %rc, 0
  br i1 %got, label %check.ndim, label %nobuf
nobuf:
  %te = load ptr, ptr @PyExc_TypeError
  %istype = call i32 @PyErr_ExceptionMatches(ptr %te)
  %t = icmp ne i32 %istype, 0
  br i1 %t, label %typeerr, label %fail.nobuf
typeerr:
  call void @PyErr_Clear()
  %r = call i32 @fx_type_error(ptr %obj, ptr %fname, ptr %pname, ptr %what)
  ret i32 -1
fail.nobuf:
  ret i32 -1
check.ndim:
  %ndp = getelementptr {{ptr, ptr, i64, i64, i32, i32, ptr, ptr, ptr, ptr, ptr}}, ptr %view, i32 0, i32 5
  %nd = load i32, ptr %ndp
  %ndok = icmp eq i32 %nd, %ndim
  br i1 %ndok, label %check.shape, label %rankerr
check.shape:
  ; PEP 3118: a NULL shape is only meaningful for a 1-D buffer (its length is len / itemsize)
  %shp = getelementptr {{ptr, ptr, i64, i64, i32, i32, ptr, ptr, ptr, ptr, ptr}}, ptr %view, i32 0, i32 7
  %shape = load ptr, ptr %shp
  %noshape = icmp eq ptr %shape, null
  %multi = icmp sgt i32 %nd, 1
  %badshape = and i1 %noshape, %multi
  br i1 %badshape, label %shapeerr, label %check.fmt
shapeerr:
  %ve5 = load ptr, ptr @PyExc_ValueError
  call ptr (ptr, ptr, ...) @PyErr_Format(ptr %ve5, ptr @.m.noshape, ptr %fname, ptr %pname, i32 %nd)
  br label %release
rankerr:
  %ve = load ptr, ptr @PyExc_ValueError
  call ptr (ptr, ptr, ...) @PyErr_Format(ptr %ve, ptr @.m.rank, ptr %fname, ptr %pname, ptr %what, i32 %nd)
  br label %release
check.fmt:
  %fp = getelementptr {{ptr, ptr, i64, i64, i32, i32, ptr, ptr, ptr, ptr, ptr}}, ptr %view, i32 0, i32 6
  %fmt.raw = load ptr, ptr %fp
  %fmt.null = icmp eq ptr %fmt.raw, null
  %fmt = select i1 %fmt.null, ptr @.fmt.B, ptr %fmt.raw
  %c0 = load i8, ptr %fmt
  %at = icmp eq i8 %c0, 64
  %eq = icmp eq i8 %c0, 61
  %lt = icmp eq i8 %c0, 60
  %p1 = or i1 %at, %eq
  %prefix = or i1 %p1, %lt
  %off = zext i1 %prefix to i64
  %cp = getelementptr i8, ptr %fmt, i64 %off
  %c.first = load i8, ptr %cp
  ; 'Zd' / 'Zf': complex of double / float (class 4)
  %isZ = icmp eq i8 %c.first, 90
  %zoff = zext i1 %isZ to i64
  %cp2 = getelementptr i8, ptr %cp, i64 %zoff
  %c = load i8, ptr %cp2
  %cnul = icmp eq i8 %c, 0
  %endp.next = getelementptr i8, ptr %cp2, i64 1
  %endp = select i1 %cnul, ptr %cp2, ptr %endp.next
  %end = load i8, ptr %endp
  %single = icmp eq i8 %end, 0
  %cls.base = call i32 @fx_format_class(i8 %c)
  %cls.isf = icmp eq i32 %cls.base, 2
  %cls.cx = select i1 %cls.isf, i32 4, i32 -1
  %cls.got = select i1 %isZ, i32 %cls.cx, i32 %cls.base
  %clsok = icmp eq i32 %cls.got, %cls
  %isp = getelementptr {{ptr, ptr, i64, i64, i32, i32, ptr, ptr, ptr, ptr, ptr}}, ptr %view, i32 0, i32 3
  %isz = load i64, ptr %isp
  %szok = icmp eq i64 %isz, %itemsize
  %a1 = and i1 %single, %clsok
  %fmtok = and i1 %a1, %szok
  br i1 %fmtok, label %check.sub, label %dtypeerr
dtypeerr:
  %ve2 = load ptr, ptr @PyExc_ValueError
  call ptr (ptr, ptr, ...) @PyErr_Format(ptr %ve2, ptr @.m.dtype, ptr %fname, ptr %pname, ptr %what, ptr %fmt, i64 %isz)
  br label %release
check.sub:
  %sp = getelementptr {{ptr, ptr, i64, i64, i32, i32, ptr, ptr, ptr, ptr, ptr}}, ptr %view, i32 0, i32 9
  %sub = load ptr, ptr %sp
  %subnull = icmp eq ptr %sub, null
  br i1 %subnull, label %check.ro, label %indirect
indirect:
  %ve3 = load ptr, ptr @PyExc_ValueError
  call ptr (ptr, ptr, ...) @PyErr_Format(ptr %ve3, ptr @.m.indirect, ptr %fname, ptr %pname)
  br label %release
check.ro:
  %rop = getelementptr {{ptr, ptr, i64, i64, i32, i32, ptr, ptr, ptr, ptr, ptr}}, ptr %view, i32 0, i32 4
  %ro = load i32, ptr %rop
  %isro = icmp ne i32 %ro, 0
  %needw = icmp ne i32 %writable, 0
  %bad = and i1 %isro, %needw
  br i1 %bad, label %roerr, label %ok
roerr:
  %ve4 = load ptr, ptr @PyExc_ValueError
  call ptr (ptr, ptr, ...) @PyErr_Format(ptr %ve4, ptr @.m.readonly, ptr %fname, ptr %pname, ptr %fname)
  br label %release
release:
  call void @PyBuffer_Release(ptr %view)
  %objp = getelementptr {{ptr, ptr, i64, i64, i32, i32, ptr, ptr, ptr, ptr, ptr}}, ptr %view, i32 0, i32 1
  store ptr null, ptr %objp
  ret i32 -1
ok:
  ret i32 0
}}

@.fmt.B = private unnamed_addr constant [2 x i8] c"B\00"

define internal i32 @fx_format_class(i8 %c) {{
entry:
  switch i8 %c, label %other [
    i8 98, label %signed    ; b
    i8 104, label %signed   ; h
    i8 105, label %signed   ; i
    i8 108, label %signed   ; l
    i8 113, label %signed   ; q
    i8 110, label %signed   ; n
    i8 66, label %unsigned  ; B
    i8 72, label %unsigned  ; H
    i8 73, label %unsigned  ; I
    i8 76, label %unsigned  ; L
    i8 81, label %unsigned  ; Q
    i8 78, label %unsigned  ; N
    i8 102, label %float    ; f
    i8 100, label %float    ; d
    i8 63, label %bool      ; ?
  ]
signed:
  ret i32 0
unsigned:
  ret i32 1
float:
  ret i32 2
bool:
  ret i32 3
other:
  ret i32 -1
}}

; Release a view if it holds an object (views start with obj = NULL).
define void @fx_release(ptr %view) alwaysinline {{
  %objp = getelementptr {{ptr, ptr, i64, i64, i32, i32, ptr, ptr, ptr, ptr, ptr}}, ptr %view, i32 0, i32 1
  %o = load ptr, ptr %objp
  %has = icmp ne ptr %o, null
  br i1 %has, label %rel, label %done
rel:
  call void @PyBuffer_Release(ptr %view)
  br label %done
done:
  ret void
}}

; Every dimension of a buffer's shape (NULL: nothing to check) lies in [0, 2**53): the native
; code assumes it (an index converts to f64 exactly; lengths are never negative).  Larger
; dimensions only exist as zero-stride views (np.broadcast_to) or from a broken exporter.
; The wrapper tests all dimensions at once (their OR, shifted by 53) and calls this for the
; message.  0, or -1 with ValueError set.
define i32 @fx_check_dims(ptr %shape, i32 %nd, ptr %fname, ptr %pname) noinline {{
entry:
  %none = icmp eq ptr %shape, null
  br i1 %none, label %ok, label %loop
loop:
  %i = phi i32 [0, %entry], [%i.next, %body.ok]
  %more = icmp slt i32 %i, %nd
  br i1 %more, label %body, label %ok
body:
  %p = getelementptr i64, ptr %shape, i32 %i
  %d = load i64, ptr %p
  %bad = icmp ugt i64 %d, 9007199254740991
  br i1 %bad, label %err, label %body.ok
body.ok:
  %i.next = add i32 %i, 1
  br label %loop
err:
  %ve = load ptr, ptr @PyExc_ValueError
  call ptr (ptr, ptr, ...) @PyErr_Format(ptr %ve, ptr @.m.baddim, ptr %fname, ptr %pname, i64 %d, i32 %i)
  ret i32 -1
ok:
  ret i32 0
}}

; The shape and strides of an acquired view whose exporter left `shape` (1-D only, checked
; by the get-buffer helpers) or `strides` NULL, as PEP 3118 defines them: a missing shape is
; (len / itemsize,), missing strides are C-contiguous.  Writes shape[0..ndim) then
; strides[0..ndim) into `out` (2 * ndim words); the view itself is left as the exporter made it.
; -1 with ValueError set when a missing shape's length is beyond 2**53 items.
define i32 @fx_buffer_layout(ptr %view, ptr %out, ptr %fname, ptr %pname) cold noinline {{
entry:
  %ndp = getelementptr {{ptr, ptr, i64, i64, i32, i32, ptr, ptr, ptr, ptr, ptr}}, ptr %view, i32 0, i32 5
  %nd32 = load i32, ptr %ndp
  %nd = sext i32 %nd32 to i64
  %isp = getelementptr {{ptr, ptr, i64, i64, i32, i32, ptr, ptr, ptr, ptr, ptr}}, ptr %view, i32 0, i32 3
  %isz = load i64, ptr %isp
  %lenp = getelementptr {{ptr, ptr, i64, i64, i32, i32, ptr, ptr, ptr, ptr, ptr}}, ptr %view, i32 0, i32 2
  %len = load i64, ptr %lenp
  %shp = getelementptr {{ptr, ptr, i64, i64, i32, i32, ptr, ptr, ptr, ptr, ptr}}, ptr %view, i32 0, i32 7
  %shape = load ptr, ptr %shp
  %stp = getelementptr {{ptr, ptr, i64, i64, i32, i32, ptr, ptr, ptr, ptr, ptr}}, ptr %view, i32 0, i32 8
  %strides = load ptr, ptr %stp
  %strides.out = getelementptr i64, ptr %out, i64 %nd
  %noshape = icmp eq ptr %shape, null
  br i1 %noshape, label %flat, label %copy
flat:
  ; a 1-D buffer of len bytes (an item size of 0 would divide by zero: no items then)
  %zero = icmp eq i64 %isz, 0
  %div = select i1 %zero, i64 1, i64 %isz
  %n = udiv i64 %len, %div
  %n0 = select i1 %zero, i64 0, i64 %n
  store i64 %n0, ptr %out
  %lenok = call i32 @fx_check_dims(ptr %out, i32 1, ptr %fname, ptr %pname)
  %lenbad = icmp slt i32 %lenok, 0
  br i1 %lenbad, label %fail, label %strides.check
fail:
  ret i32 -1
copy:
  %i = phi i64 [0, %entry], [%i.next, %copy.body]
  %more = icmp slt i64 %i, %nd
  br i1 %more, label %copy.body, label %strides.check
copy.body:
  %sp = getelementptr i64, ptr %shape, i64 %i
  %sv = load i64, ptr %sp
  %op = getelementptr i64, ptr %out, i64 %i
  store i64 %sv, ptr %op
  %i.next = add i64 %i, 1
  br label %copy
strides.check:
  %nostrides = icmp eq ptr %strides, null
  br i1 %nostrides, label %contig, label %scopy
scopy:
  %j = phi i64 [0, %strides.check], [%j.next, %scopy.body]
  %smore = icmp slt i64 %j, %nd
  br i1 %smore, label %scopy.body, label %done
scopy.body:
  %tp = getelementptr i64, ptr %strides, i64 %j
  %tv = load i64, ptr %tp
  %to = getelementptr i64, ptr %strides.out, i64 %j
  store i64 %tv, ptr %to
  %j.next = add i64 %j, 1
  br label %scopy
contig:
  ; C order: the last axis moves by the item size, each earlier one by the size of what follows
  %k = phi i64 [%nd, %strides.check], [%k.prev, %contig.body]
  %acc = phi i64 [%isz, %strides.check], [%acc.next, %contig.body]
  %cmore = icmp sgt i64 %k, 0
  br i1 %cmore, label %contig.body, label %done
contig.body:
  %k.prev = sub i64 %k, 1
  %cp = getelementptr i64, ptr %strides.out, i64 %k.prev
  store i64 %acc, ptr %cp
  %dp = getelementptr i64, ptr %out, i64 %k.prev
  %dim = load i64, ptr %dp
  %acc.next = mul i64 %acc, %dim
  br label %contig
done:
  ret i32 0
}}

; Recursion past the stack limit in a function lowered with a stack check and no cleanup to
; run (lower/recursion.py): jump back to the guard that entered the recursion, which raises
; RecursionError.  `rec` is the guard's record {{limit, pad, jmp_buf}}.  Declared memory(none):
; it never returns, so no caller can observe memory through it, and the recursive functions
; stay pure for LLVM (their identical calls still merge).
define void @fx_rec_overflow(ptr %rec) noreturn nounwind cold noinline memory(none) {{
  %jb = getelementptr i64, ptr %rec, i64 2
  call void @_longjmp(ptr %jb, i32 1)
  unreachable
}}
declare void @_longjmp(ptr, i32) noreturn nounwind

; Raise the exception described by a native error record; returns NULL for the caller to return.
define ptr @fx_raise(ptr %err) cold noinline {{
  %cp = getelementptr {{i32, ptr, i64, i64, i64}}, ptr %err, i32 0, i32 0
  %code = load i32, ptr %cp
  %pyerr = icmp eq i32 %code, {pyerr_code}
  br i1 %pyerr, label %already, label %native
already:
  ret ptr null
native:
  %idx = sub i32 %code, 1
  %builtin = icmp slt i32 %idx, {n_exc}
  br i1 %builtin, label %table, label %numpy
table:
  %slot = getelementptr [{n_exc} x ptr], ptr @"fx$exc_table", i32 0, i32 %idx
  %excvar = load ptr, ptr %slot
  %builtin.exc = load ptr, ptr %excvar
  br label %raise
numpy:
  ; one of NumPy's exceptions (builtins.NUMPY_EXCEPTIONS): its class imported now, its base if
  ; that fails
  %nidx = sub i32 %idx, {n_exc}
  %mslot = getelementptr [{n_np} x ptr], ptr @"fx$npexc_module", i32 0, i32 %nidx
  %mname = load ptr, ptr %mslot
  %nslot = getelementptr [{n_np} x ptr], ptr @"fx$npexc_name", i32 0, i32 %nidx
  %cname = load ptr, ptr %nslot
  %mod = call ptr @PyImport_ImportModule(ptr %mname)
  %nomod = icmp eq ptr %mod, null
  br i1 %nomod, label %numpy.fail, label %numpy.attr
numpy.attr:
  %cls = call ptr @PyObject_GetAttrString(ptr %mod, ptr %cname)
  call void @Py_DecRef(ptr %mod)
  %nocls = icmp eq ptr %cls, null
  br i1 %nocls, label %numpy.fail, label %raise
numpy.fail:
  call void @PyErr_Clear()
  %bslot = getelementptr [{n_np} x ptr], ptr @"fx$npexc_base", i32 0, i32 %nidx
  %basevar = load ptr, ptr %bslot
  %base = load ptr, ptr %basevar
  br label %raise
raise:
  %exc = phi ptr [%builtin.exc, %table], [%cls, %numpy.attr], [%base, %numpy.fail]
  %owned = phi ptr [null, %table], [%cls, %numpy.attr], [null, %numpy.fail]
  %fp = getelementptr {{i32, ptr, i64, i64, i64}}, ptr %err, i32 0, i32 1
  ; the record's site {{format, file, function, line}} (lower/context.py: fill_error)
  %site = load ptr, ptr %fp
  %nosite = icmp eq ptr %site, null
  br i1 %nosite, label %noargs, label %site.fmt
site.fmt:
  %fmt = load ptr, ptr %site
  %bare = icmp eq ptr %fmt, null
  br i1 %bare, label %noargs, label %format
noargs:
  call void @PyErr_SetNone(ptr %exc)
  call void @Py_DecRef(ptr %owned)
  ret ptr null
format:
  %ap = getelementptr {{i32, ptr, i64, i64, i64}}, ptr %err, i32 0, i32 2
  %a = load i64, ptr %ap
  %bp = getelementptr {{i32, ptr, i64, i64, i64}}, ptr %err, i32 0, i32 3
  %b = load i64, ptr %bp
  %ccp = getelementptr {{i32, ptr, i64, i64, i64}}, ptr %err, i32 0, i32 4
  %c = load i64, ptr %ccp
  ; the format "\\01": the exception's argument is the integer a itself (KeyError(7), as a dict raises)
  %first = load i8, ptr %fmt
  %keyint = icmp eq i8 %first, 1
  br i1 %keyint, label %intarg, label %floatfmt.test
floatfmt.test:
  ; the format "\02" + rest: a is the bits of a double whose repr is the %U of rest
  ; ("2.5 is not in list", as list.index words it; lower/lists.py)
  %floatfmt = icmp eq i8 %first, 2
  br i1 %floatfmt, label %floatarg, label %formatted
floatarg:
  %dbl = bitcast i64 %a to double
  %fobj = call ptr @PyFloat_FromDouble(double %dbl)
  %frepr = call ptr @PyObject_Repr(ptr %fobj)
  call void @Py_DecRef(ptr %fobj)
  %rest = getelementptr i8, ptr %fmt, i64 1
  call ptr (ptr, ptr, ...) @PyErr_Format(ptr %exc, ptr %rest, ptr %frepr)
  call void @Py_DecRef(ptr %frepr)
  call void @Py_DecRef(ptr %owned)
  ret ptr null
intarg:
  %boxed = call ptr @PyLong_FromLongLong(i64 %a)
  call void @PyErr_SetObject(ptr %exc, ptr %boxed)
  call void @Py_DecRef(ptr %boxed)
  call void @Py_DecRef(ptr %owned)
  ret ptr null
formatted:
  call ptr (ptr, ptr, ...) @PyErr_Format(ptr %exc, ptr %fmt, i64 %a, i64 %b, i64 %c)
  call void @Py_DecRef(ptr %owned)
  ret ptr null
}}
"""


MESSAGES = {
    "was": "was",
    "were": "were",
    "unexpected": "%s() got an unexpected keyword argument '%U'",
    "multiple": "%s() got multiple values for argument '%s'",
    "missing1": "%s() missing 1 required %s argument: '%s'",
    "missing2": "%s() missing %lld required %s arguments: '%s' and '%s'",
    "missingn": "%s() missing %lld required %s arguments: '%s', '%s', ...",
    "positional": "positional",
    "kwonly": "keyword-only",
    "posonly": "%s() got some positional-only arguments passed as keyword arguments: '%s'",
    "musttype": "%s() argument '%s' must be %s, not %U",
    "musttype0": "%s() argument '%s' must be %s",
    "range": "%s() argument '%s' is out of range for %s: %S",
    "rank": "%s() argument '%s' must be %s, got a %d-D buffer",
    "dtype": "%s() argument '%s' must be %s, got a buffer of format '%s' with itemsize %lld",
    "readonly": "%s() argument '%s' must be writable (%s() writes to it), got a read-only buffer",
    "indirect": "%s() argument '%s': indirect (PIL-style) buffers are not supported",
    "noshape": "%s() argument '%s': the buffer has %d dimensions but no shape",
    "baddim": "%s() argument '%s': a dimension of size %lld (axis %d) is not supported (0 to 2**53 - 1)",
    "bool": "bool",
    "numpy": "numpy",
    "dmodule": "__module__",
    "dcomplex": "__complex__",
}


def _cstring(name: str, text: str) -> str:
    data = text.encode() + b"\0"
    body = "".join(chr(c) if 32 <= c < 127 and c not in (34, 92) else f"\\{c:02X}" for c in data)
    return f'@.m.{name} = private unnamed_addr constant [{len(data)} x i8] c"{body}"'


def runtime_ir() -> str:
    """The runtime helpers as LLVM IR text (opaque pointers)."""
    names = [f"PyExc_{e}" for e in EXCEPTIONS]
    already = {"PyExc_TypeError", "PyExc_OverflowError", "PyExc_ValueError"}
    decls = "\n".join(f"@{n} = external global ptr" for n in names if n not in already)
    table = ", ".join(f"ptr @{n}" for n in names)
    messages = "\n".join(_cstring(k, v) for k, v in MESSAGES.items())
    numpy = list(NUMPY_EXCEPTIONS.items())
    npexc_names = "\n".join(_cstring(f"npexc{k}.{part}", text) for k, (name, module) in enumerate(numpy)
                            for part, text in (("module", module), ("name", name)))
    return _TEMPLATE.format(exc_decls=decls, n_exc=len(names), exc_table=table, messages=messages,
                            pyerr_code=PYERR_CODE, n_np=len(numpy), npexc_names=npexc_names,
                            npexc_modules=", ".join(f"ptr @.m.npexc{k}.module" for k in range(len(numpy))),
                            npexc_classes=", ".join(f"ptr @.m.npexc{k}.name" for k in range(len(numpy))),
                            npexc_bases=", ".join(f"ptr @PyExc_{EXC_BASE[name]}" for name, _ in numpy))
