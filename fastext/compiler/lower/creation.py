"""Array creation (`ops/creation.py`) in native code: np.array of literals, np.arange,
np.linspace, np.eye, np.meshgrid.  Each result is a new C-contiguous array in the call's arena
(`lower/alloc.py: allocate`); the values are computed as NumPy computes them, so they are
NumPy's to the bit.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.lower import arith
from fastext.compiler.lower.alloc import _copy, allocate
from fastext.compiler.lower.arraymap import _counted_loop, store_item
from fastext.compiler.lower.casts import numpy_cast, python_float_into, python_int_into
from fastext.compiler.lower.context import I1, I32, I64, I8, I8P, memory_type, scalar_type

F64 = ll.DoubleType()


def _items(fl, array: ll.Value, dtype: T.Scalar) -> ll.Value:
    """The typed pointer to the first item of a new (C-contiguous) array."""
    return fl.b.bitcast(fl.b.extract_value(array, 0), memory_type(dtype).as_pointer())


# ----------------------------------------------------------------------------- np.array of a literal

def lower_literal(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """`np.array([...])`: the items converted to the dtype as NumPy stores Python numbers (a
    Python int out of range raises OverflowError, a float into an int dtype truncates and
    NaN/inf raise).  A literal of constants is one copy from a constant in the module."""
    b = fl.b
    atype: T.Array = e.type
    dtype = atype.dtype
    out = allocate(fl, atype, [I64(d) for d in e.attrs["shape"]])
    base = _items(fl, out, dtype)
    image = _constant_image(e, dtype)
    if image is not None:
        if image:
            gv = ll.GlobalVariable(fl.ctx.module, ll.ArrayType(I8, len(image)), fl.ctx.module.get_unique_name("fx$lit"))
            gv.initializer = ll.Constant(ll.ArrayType(I8, len(image)), bytearray(image))
            gv.global_constant, gv.linkage = True, "internal"
            memcpy = fl.ctx.intrinsic("memcpy", I8P, [I8P, I8P, I64])
            b.call(memcpy, [b.extract_value(out, 0), b.bitcast(gv, I8P), I64(len(image))])
        return out
    for k, (value, item, weak) in enumerate(zip(args, e.args, e.attrs["weak"])):
        src: T.Scalar = item.type
        if weak and dtype.is_int:
            value = python_int_into(fl, value, src, dtype)
        elif src.is_float and dtype.is_int:
            value = python_float_into(fl, value, src, dtype)
        elif src.is_complex and not dtype.is_complex:       # only into bool (the checker rejects the rest)
            value = arith.truth(fl, value, src)
        else:
            value = arith.cast(fl, value, src, dtype)
        store_item(fl, b.gep(base, [I64(k)]), value, dtype)
    return out


def _constant_image(e: ir.Intrinsic, dtype: T.Scalar) -> bytes | None:
    """The bytes NumPy would store for a literal of constants (None: some item is computed, or
    its conversion raises at run time)."""
    if not all(isinstance(a, ir.Const) for a in e.args):
        return None
    import numpy
    from fastext.compiler.ops.dtypes import numpy_name
    try:
        with numpy.errstate(all="raise"):
            return numpy.array([a.value for a in e.args], dtype=numpy_name(dtype)).tobytes()
    except (ValueError, OverflowError, TypeError, FloatingPointError):
        return None


# ----------------------------------------------------------------------------- np.arange

def lower_arange(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """NumPy's arange: length ceil((stop - start) / step) (computed in the arguments' type: exactly
    for integers), then out[0] = start, out[1] = start + step, out[i] = start + i*delta in the
    dtype with delta = out[1] - out[0] (NumPy's fill function)."""
    b = fl.b
    start, stop, step = args
    arith_t: T.Scalar = e.args[0].type
    dtype: T.Scalar = e.type.dtype
    if arith_t.is_int:
        fl.fail_if(b.icmp_signed("==", step, I64(0)), "ZeroDivisionError", "division by zero")
        diff = b.sub(stop, start)
        q, r = b.sdiv(diff, step), b.srem(diff, step)
        up = b.and_(b.icmp_signed("!=", r, I64(0)), b.icmp_signed(">=", b.xor(r, step), I64(0)))
        n = b.add(q, b.zext(up, I64))
    else:
        zero = step.type(0.0)
        if not e.attrs.get("strong_step"):
            fl.fail_if(b.fcmp_ordered("==", step, zero), "ZeroDivisionError", "float division by zero")
        delta = b.fsub(stop, start)
        ratio = b.fdiv(delta, step)
        ratio = ratio if ratio.type == F64 else b.fpext(ratio, F64)
        ceil = b.call(fl.ctx.intrinsic("llvm.ceil.f64", F64, [F64]), [ratio])
        fl.fail_if(b.fcmp_unordered("uno", ceil, ceil), "ValueError", "arange: cannot compute length")
        fl.fail_if(b.not_(b.and_(b.fcmp_ordered(">=", ceil, F64(-2.0 ** 63)), b.fcmp_ordered("<", ceil, F64(2.0 ** 63)))),
                   "ValueError", "Maximum allowed size exceeded")
        n = b.fptosi(ceil, I64)
        # underflow (a tiny range over a huge step): one item when the range is positive
        underflow = b.and_(b.fcmp_ordered("==", ratio, F64(0.0)), b.fcmp_ordered("!=", delta, zero))
        n = b.select(underflow, b.select(_sign_clear(fl, b.fdiv(delta, step)), I64(1), I64(0)), n)
    n = b.select(b.icmp_signed("<", n, I64(0)), I64(0), n)
    out = allocate(fl, e.type, [n])
    base = _items(fl, out, dtype)
    def store(v):     # NumPy's setitem of a Python number
        if dtype.is_int:
            return (python_int_into if arith_t.is_int else python_float_into)(fl, v, arith_t, dtype)
        return arith.cast(fl, v, arith_t, dtype)
    with b.if_then(b.icmp_signed(">", n, I64(0))):
        first = store(start)
        store_item(fl, base, first, dtype)
        with b.if_then(b.icmp_signed(">", n, I64(1))):
            following = b.add(start, step) if arith_t.is_int else b.fadd(start, step)
            second = store(following)
            store_item(fl, b.gep(base, [I64(1)]), second, dtype)
            delta = b.fsub(second, first) if dtype.is_float else b.sub(second, first)

            def fill(i):
                k = b.add(i, I64(2))
                if dtype.is_float:
                    v = b.fadd(first, b.fmul(b.sitofp(k, scalar_type(dtype)), delta))
                else:
                    v = b.add(first, b.mul(b.trunc(k, scalar_type(dtype)) if dtype.bits < 64 else k, delta))
                store_item(fl, b.gep(base, [k]), v, dtype)
            _counted_loop(fl, b.sub(n, I64(2)), fill, "arange")
    return out


def _sign_clear(fl, x: ll.Value) -> ll.Value:
    """Whether a float's sign bit is clear (NumPy's `!npy_signbit(x)`: -0.0 counts as negative)."""
    b = fl.b
    bits = b.bitcast(x, ll.IntType(64) if x.type == F64 else ll.IntType(32))
    return b.icmp_signed(">=", bits, bits.type(0))


# ----------------------------------------------------------------------------- np.linspace

def lower_linspace(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """NumPy's linspace, step by step as numpy/_core/function_base.py computes it in the inexact
    type dt of start and stop: div = num - 1 (num without endpoint); delta = stop - start;
    y[i] = i * (delta / div) (when that step is 0: (i / div) * delta; num = 1: i * delta);
    y[i] += start (in the add loop's type); y[-1] = stop with endpoint; an integer dtype floors
    y and casts."""
    b = fl.b
    start, stop, num, start_add = args
    compute = T.SCALARS[e.attrs["compute"]]
    add_in, add_out = (T.SCALARS[n] for n in e.attrs["add"])
    dtype: T.Scalar = e.type.dtype
    endpoint = e.attrs["endpoint"]
    fl.fail_if(b.icmp_signed("<", num, I64(0)), "ValueError", "Number of samples, %lld, must be non-negative.", (num,))
    div = b.sub(num, I64(1)) if endpoint else num
    ft = scalar_type(compute)
    delta = b.fsub(stop, start)
    fdiv = b.sitofp(div, ft)
    step = b.fdiv(delta, fdiv)
    positive_div = b.icmp_signed(">", div, I64(0))
    step_zero = b.and_(positive_div, b.fcmp_ordered("==", step, ft(0.0)))
    out = allocate(fl, e.type, [num])
    base = _items(fl, out, dtype)
    floor = fl.ctx.intrinsic(f"llvm.floor.{'f64' if ft == F64 else 'f32'}", ft, [ft])

    def item(i):
        y = b.sitofp(i, ft)
        scaled = b.select(positive_div, b.select(step_zero, b.fmul(b.fdiv(y, fdiv), delta), b.fmul(y, step)),
                          b.fmul(y, delta))
        total = arith.cast(fl, b.fadd(arith.cast(fl, scaled, compute, add_in), start_add), add_out, compute)
        if endpoint:
            last = b.and_(b.icmp_signed(">", num, I64(1)), b.icmp_signed("==", i, div))
            total = b.select(last, stop, total)
        if dtype.is_int:
            total = b.call(floor, [total])
        store_item(fl, b.gep(base, [i]), numpy_cast(fl, total, compute, dtype), dtype)
    _counted_loop(fl, num, item, "linspace")
    return out


# ----------------------------------------------------------------------------- np.eye, np.meshgrid

def lower_eye(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """np.eye(N, M, k): zeros, then out[i, i + k] = 1 for the i on the diagonal."""
    b = fl.b
    n, m, k = args
    dtype: T.Scalar = e.type.dtype
    out = allocate(fl, e.type, [n, m])
    memset = fl.ctx.intrinsic("memset", I8P, [I8P, I32, I64])
    b.call(memset, [b.extract_value(out, 0), I32(0), b.mul(b.mul(n, m), I64(dtype.nbytes))])
    base = _items(fl, out, dtype)
    lo = b.select(b.icmp_signed("<", k, I64(0)), b.neg(k), I64(0))        # first row on the diagonal
    hi = b.sub(m, k)                                                      # rows with i + k < m
    hi = b.select(b.icmp_signed("<", n, hi), n, hi)
    from fastext.compiler.lower.alloc import _one
    one = I1(1) if dtype.is_bool else _one(dtype)

    def put(j):
        i = b.add(j, lo)
        store_item(fl, b.gep(base, [b.add(b.mul(i, m), b.add(i, k))]), one, dtype)
    count = b.sub(hi, lo)
    _counted_loop(fl, b.select(b.icmp_signed("<", count, I64(0)), I64(0), count), put, "eye")
    return out


def lower_meshgrid(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """np.meshgrid: output k repeats input k along every other axis (its own axis is k, with
    the first two swapped for indexing='xy')."""
    b = fl.b
    n = len(args)
    lengths = [b.extract_value(a, [1, 0]) for a in args]
    axis_of = list(range(n))
    if e.attrs["indexing"] == "xy" and n > 1:
        axis_of[0], axis_of[1] = 1, 0
    shape = [None] * n
    for k in range(n):
        shape[axis_of[k]] = lengths[k]
    from fastext.compiler.lower.context import value_type
    result = ll.Constant(value_type(e.type), ll.Undefined)
    for k, (a, item) in enumerate(zip(args, e.args)):
        otype: T.Array = e.type.items[k]
        out = allocate(fl, otype, shape)
        strides = [b.extract_value(a, [2, 0]) if axis == axis_of[k] else I64(0) for axis in range(n)]
        _copy(fl, shape, [(out, otype), (a, item.type)], src_strides=strides)
        result = b.insert_value(result, out, k)
    return result


# ----------------------------------------------------------------------------- diagonals

def _diagonal_span(fl, rows: ll.Value, cols: ll.Value, k: ll.Value) -> tuple[ll.Value, ll.Value, ll.Value]:
    """The k-th diagonal of a rows × cols matrix: (first row, first column, item count ≥ 0)."""
    b = fl.b
    above = b.icmp_signed(">=", k, I64(0))
    r0 = b.select(above, I64(0), b.neg(k))
    c0 = b.select(above, k, I64(0))
    count = b.sub(rows, r0)
    left = b.sub(cols, c0)
    count = b.select(b.icmp_signed("<", left, count), left, count)
    return r0, c0, b.select(b.icmp_signed("<", count, I64(0)), I64(0), count)


def _item_at(fl, array: ll.Value, dtype: T.Scalar, i: ll.Value, j: ll.Value) -> ll.Value:
    """A pointer to item [i, j] of a 2-D array (byte strides)."""
    b = fl.b
    offset = b.add(b.mul(i, b.extract_value(array, [2, 0])), b.mul(j, b.extract_value(array, [2, 1])))
    return b.bitcast(b.gep(b.extract_value(array, 0), [offset]), memory_type(dtype).as_pointer())


def lower_diag(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """np.diag(v, k): an n × n matrix of zeros (n = len(v) + |k|) with v[i] at [i + r0, i + c0]."""
    from fastext.compiler.lower.arraymap import load
    b = fl.b
    v, k = args
    dtype: T.Scalar = e.type.dtype
    length = b.extract_value(v, [1, 0])
    n = b.add(length, b.select(b.icmp_signed("<", k, I64(0)), b.neg(k), k))
    out = allocate(fl, e.type, [n, n])
    memset = fl.ctx.intrinsic("memset", I8P, [I8P, I32, I64])
    b.call(memset, [b.extract_value(out, 0), I32(0), b.mul(b.mul(n, n), I64(dtype.nbytes))])
    r0, c0, _ = _diagonal_span(fl, n, n, k)
    stride = b.extract_value(v, [2, 0])
    src = b.extract_value(v, 0)

    def put(i):
        item = load(fl, b.bitcast(b.gep(src, [b.mul(i, stride)]), memory_type(dtype).as_pointer()), dtype)
        store_item(fl, _item_at(fl, out, dtype, b.add(i, r0), b.add(i, c0)), item, dtype)
    _counted_loop(fl, length, put, "diag")
    return out


def lower_diagonal(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """np.diagonal(a, k) / np.diag of a matrix: a new vector of a[i + r0, i + c0]."""
    from fastext.compiler.lower.arraymap import load
    b = fl.b
    a, k = args
    dtype: T.Scalar = e.type.dtype
    r0, c0, count = _diagonal_span(fl, b.extract_value(a, [1, 0]), b.extract_value(a, [1, 1]), k)
    out = allocate(fl, e.type, [count])
    base = _items(fl, out, dtype)
    _counted_loop(fl, count, lambda i: store_item(fl, b.gep(base, [i]), load(
        fl, _item_at(fl, a, dtype, b.add(i, r0), b.add(i, c0)), dtype), dtype), "diagonal")
    return out


def lower_fill_diagonal(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """np.fill_diagonal(a, val): a[i, i] = val for i < min(rows, cols)."""
    b = fl.b
    a, value = args
    dtype: T.Scalar = e.args[0].type.dtype
    _, _, count = _diagonal_span(fl, b.extract_value(a, [1, 0]), b.extract_value(a, [1, 1]), I64(0))
    _counted_loop(fl, count, lambda i: store_item(fl, _item_at(fl, a, dtype, i, i), value, dtype), "fill_diagonal")
    return None


# ----------------------------------------------------------------------------- module-level arrays

def global_array(module: ll.Module, name: str, image: bytes) -> ll.GlobalVariable:
    """The module's global holding a module-level array's items (frontend/module_arrays.py):
    writable (functions and Python share it), aligned for vector loads, made once per name."""
    symbol = f"fx$array.{name}"
    gv = module.globals.get(symbol)
    if gv is None:
        ty = ll.ArrayType(I8, max(len(image), 1))
        gv = ll.GlobalVariable(module, ty, symbol)
        gv.initializer = ll.Constant(ty, bytearray(image or b"\0"))
        gv.linkage, gv.align = "internal", 64
    return gv


def lower_global(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """A module-level array: a C-contiguous view of its global."""
    from fastext.compiler.lower.alloc import _contiguous_view
    gv = global_array(fl.ctx.module, e.attrs["name"], e.attrs["image"])
    return _contiguous_view(fl, e.type, fl.b.bitcast(gv, I8P), [I64(d) for d in e.attrs["shape"]])


def lower_item(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """`a.item()`: the only item of a one-item array (NumPy's ValueError for any other size)."""
    from fastext.compiler.lower.arraymap import load
    b = fl.b
    a = args[0]
    size = I64(1)
    for k in range(e.args[0].type.ndim):
        size = b.mul(size, b.extract_value(a, [1, k]))
    fl.fail_if(b.icmp_signed("!=", size, I64(1)), "ValueError", "can only convert an array of size 1 to a Python scalar")
    return load(fl, b.bitcast(b.extract_value(a, 0), memory_type(e.type).as_pointer()), e.type)
