"""Typed IR → LLVM IR for `nvptx64-nvidia-cuda`: kernels, device functions and their entry points.

The same typed IR and the same lowering as the CPU (`compiler/lower/function.py`),
parametrised for the GPU:

* every `@gpu.kernel` / `@gpu.device` function (and only those) becomes an internal
  `fx.NAME` with the native calling convention (error record + status), marked
  `convergent` because it may reach a barrier or a warp shuffle;
* `gpu.*` intrinsics read PTX special registers, hit barriers, shuffle within a warp and
  do atomics (`atomicrmw` / `cmpxchg` on generic pointers: LLVM's infer-address-spaces
  turns them back into `atom.global` / `ld.shared`);
* `math` functions call libdevice's `__nv_*` (linked in `ptx.py`);
* shared arrays are `addrspace(3)` globals, one per `gpu.shared.array` call site, seen
  through a generic pointer as ordinary C-contiguous arrays;
* each kernel gets a `ptx_kernel` entry `fxk_NAME` taking the flattened parameter ABI of
  docs/gpu.md, "What compiles to what" (arrays: global data pointer, shapes, byte strides); it calls the body
  and, when the body reports an error (a failed bounds check, a division by zero, a
  `raise`, an `assert`), prints it with the device `vprintf` and executes `trap`.
"""
from __future__ import annotations

import os

from llvmlite import ir as ll

from fastext.compiler import ir, ops
from fastext.compiler import types as T
from fastext.compiler.builtins import EXCEPTIONS
from fastext.compiler.lower.context import (
    ERR, F64, I1, I32, I64, I8, I8P, ModuleContext, fill_error, libm_symbol, memory_type, scalar_type, value_type,
)
from fastext.compiler.lower.exceptions import literal_text
from fastext.compiler.lower.function import FunctionLowering, native_signature

TRIPLE = "nvptx64-nvidia-cuda"
GLOBAL, SHARED = 1, 3      # NVPTX address spaces
FULL_MASK = 0xFFFFFFFF


def kernel_symbol(name: str) -> str:
    """The PTX entry symbol of a kernel: `fxk_<name>` (dots of qualified names → `_`)."""
    return "fxk_" + name.replace(".", "_")


class GpuModuleContext(ModuleContext):
    """Module state of the NVPTX module: `math` goes to libdevice; records where it is used."""

    # `x ** 2` etc. stay calls of libdevice's __nv_pow (docs/gpu.md): the reduced forms of
    # lower/arith.py are proven equal to a pow within 0.55 ULP; libdevice's is within 2 ULP
    REDUCE_POW = False

    def __init__(self, module: ll.Module, boundscheck: bool = True):
        super().__init__(module, boundscheck=boundscheck)
        self.libdevice_uses: dict[str, object] = {}     # __nv_* name → span of its first use
        self.shared_count = 0

    def libm(self, name: str, arity: int, exact: bool = False) -> ll.Function:
        """The C library's `name` on the device is libdevice's `__nv_<name>` (same semantics, f64)."""
        symbol = f"__nv_{name}"
        self.libdevice_uses.setdefault(symbol, self.current_span)
        return self.intrinsic(symbol, F64, [F64] * arity)

    def libm_typed(self, name: str, arity: int, ty: ll.Type) -> ll.Function:
        symbol = f"__nv_{libm_symbol(name, ty)}"
        self.libdevice_uses.setdefault(symbol, self.current_span)
        return self.intrinsic(symbol, ty, [ty] * arity)


class GpuFunctionLowering(FunctionLowering):
    """FunctionLowering for device code: adds the `gpu.*` intrinsics; everything else is shared."""

    loop_copies = False

    def __init__(self, ctx: GpuModuleContext, fn: ir.Function):
        super().__init__(ctx, fn)
        self.llfn.attributes.add("convergent")

    # -- error exits: the message names the source line (there is no Python traceback on the device)
    def location(self) -> str:
        span = self.ctx.current_span
        return f"{os.path.basename(span.file)}:{span.line}" if span is not None else "?"

    def fail_if(self, cond: ll.Value, exc: str, fmt: str | None, args: tuple[ll.Value, ...] = (), deferrable: bool = False) -> None:
        where = self.location()
        if fmt is None:
            fmt = f"at {where}"
        else:   # with args, fmt is a format: the location must not add conversions
            fmt = f"{fmt} (at {where.replace('%', '%%') if args else where})"
        super().fail_if(cond, exc, fmt, args)

    def s_Raise(self, s: ir.Raise) -> None:
        where = self.location()
        message = f"{s.message} (at {where})" if s.message is not None else f"at {where}"
        fill_error(self.b, self.err, self.ctx, s.exc, literal_text(message))
        self.error_exit()

    def e_Intrinsic(self, e: ir.Intrinsic) -> ll.Value:
        op = ops.get(e.name)
        if op.gpu is None:   # the front end keeps such operations out of GPU code (frontend/gpu.py)
            raise NotImplementedError(f"{e.name} has no GPU lowering")
        if op.gpu is True:
            return super().e_Intrinsic(e)
        return op.gpu(self, e, e.args if op.lazy else [self.expr(a) for a in e.args])

    def gpu_intrinsic(self, e: ir.Intrinsic) -> ll.Value:
        """The `gpu.*` operations (their registry entries point here)."""
        op = e.name[4:]
        if op.startswith("sreg."):
            return self.b.zext(self.sreg(op[5:]), I64)
        if op == "syncthreads":
            self.b.call(self.ctx.intrinsic("llvm.nvvm.barrier0", ll.VoidType(), []), [])
            return I1(0)
        if op == "shared.array":
            return self.shared_array(e)
        if op.startswith("atomic_"):
            return self.atomic(op[7:], e)
        return self.shuffle(op, e)

    def sreg(self, name: str) -> ll.Value:
        """A PTX special register (`tid.x`, `ctaid.y`, `laneid`, …) as i32."""
        return self.b.call(self.ctx.intrinsic(f"llvm.nvvm.read.ptx.sreg.{name}", I32, []), [])

    def shared_array(self, e: ir.Intrinsic) -> ll.Value:
        atype: T.Array = e.type
        shape = [int(d.value) for d in e.args]
        count = 1
        for n in shape:
            count *= n
        elem = memory_type(atype.dtype)
        storage = ll.ArrayType(elem, count)
        self.ctx.shared_count += 1
        gv = ll.GlobalVariable(self.ctx.module, storage, f"fx$shared.{self.ctx.shared_count}", addrspace=SHARED)
        gv.linkage = "internal"
        gv.initializer = ll.Constant(storage, ll.Undefined)   # shared memory cannot be initialised
        gv.align = max(16, atype.dtype.nbytes)
        data = self.b.addrspacecast(self.b.bitcast(gv, ll.PointerType(I8, SHARED)), I8P)
        strides, step = [], atype.dtype.nbytes
        for n in reversed(shape):
            strides.append(step)
            step *= n
        strides.reverse()
        dims = ll.ArrayType(I64, len(shape))
        view = ll.Constant(value_type(atype), [ll.Constant(I8P, None), ll.Constant(dims, [I64(n) for n in shape]),
                                               ll.Constant(dims, [I64(s) for s in strides])])
        return self.b.insert_value(view, data, 0)

    def atomic(self, op: str, e: ir.Intrinsic) -> ll.Value:
        """atomic_add/min/max → atomicrmw, atomic_cas → cmpxchg; each returns the old value."""
        array = e.args[0]
        atype: T.Array = array.type
        ndim = atype.ndim
        ptr = self.element_ptr(self.expr(array), atype, e.args[1:1 + ndim])
        values = [self.expr(v) for v in e.args[1 + ndim:]]
        dtype = atype.dtype
        b = self.b
        if op == "cas":
            if not dtype.is_float:
                return b.extract_value(b.cmpxchg(ptr, values[0], values[1], "monotonic", "monotonic"), 0)
            # floats compare bit for bit, as CUDA's atomicCAS on their bits does
            bits = ll.IntType(dtype.bits)
            pair = b.cmpxchg(b.bitcast(ptr, bits.as_pointer()), b.bitcast(values[0], bits),
                             b.bitcast(values[1], bits), "monotonic", "monotonic")
            return b.bitcast(b.extract_value(pair, 0), values[0].type)
        if dtype.is_float:   # fmin/fmax: LLVM's minnum/maxnum (a NaN operand loses); CAS loops in PTX
            rmw = {"add": "fadd", "min": "fmin", "max": "fmax"}[op]
        elif op == "add":
            rmw = "add"
        else:
            rmw = ("" if dtype.signed else "u") + op
        return b.atomic_rmw(rmw, ptr, values[0], "monotonic")

    def shuffle(self, op: str, e: ir.Intrinsic) -> ll.Value:
        """Warp shuffles over the full warp (width 32); 64-bit values move as two 32-bit halves."""
        b = self.b
        mode, clamp = {"shfl_down": ("down", 0x1F), "shfl_up": ("up", 0), "shfl_xor": ("bfly", 0x1F),
                       "shfl": ("idx", 0x1F)}[op]
        value, lane = self.expr(e.args[0]), self.expr(e.args[1])

        def shfl(v: ll.Value) -> ll.Value:
            sfx = "f32" if v.type == ll.FloatType() else "i32"
            fn = self.ctx.intrinsic(f"llvm.nvvm.shfl.sync.{mode}.{sfx}", v.type, [I32, v.type, I32, I32])
            return b.call(fn, [I32(FULL_MASK), v, lane, I32(clamp)])

        if e.type.bits == 32:
            return shfl(value)
        bits = b.bitcast(value, I64) if e.type.is_float else value
        lo = shfl(b.trunc(bits, I32))
        hi = shfl(b.trunc(b.lshr(bits, I64(32)), I32))
        joined = b.or_(b.shl(b.zext(hi, I64), I64(32)), b.zext(lo, I64))
        return b.bitcast(joined, F64) if e.type.is_float else joined


def lower_gpu_module(module: ir.Module, *, boundscheck: bool = True, datalayout: str = "") -> tuple[str, dict]:
    """The GPU functions of `module` → LLVM IR text for NVPTX (libdevice not yet linked).

    Returns the IR and the libdevice functions it calls (name → span of the first use).
    """
    llmod = ll.Module(name=module.name + ".gpu")
    llmod.triple = TRIPLE
    llmod.data_layout = datalayout
    ctx = GpuModuleContext(llmod, boundscheck=boundscheck)
    gpu_fns = [fn for fn in module.functions.values() if fn.target != "cpu"]
    for fn in gpu_fns:
        llfn = ll.Function(llmod, native_signature(fn), f"fx.{fn.name}")
        llfn.linkage = "internal"
        ctx.functions[fn.name] = llfn
    for fn in gpu_fns:
        ctx.current_span = fn.span
        GpuFunctionLowering(ctx, fn).lower()
    for fn in gpu_fns:
        if fn.target == "kernel" and "." not in fn.name:
            ctx.current_span = fn.span
            _kernel_entry(ctx, fn)
    text = str(llmod)
    # CUDA's atomics are device-scoped; LLVM's default scope (system) would give atom.sys (and the
    # CAS loops that float min/max expand to)
    text = "\n".join(line.replace(" monotonic monotonic", ' syncscope("device") monotonic monotonic')
                     if "cmpxchg" in line else
                     line.replace(" monotonic", ' syncscope("device") monotonic')
                     if "atomicrmw" in line else line for line in text.split("\n"))
    return text, ctx.libdevice_uses


def entry_params(fn: ir.Function) -> list[tuple[str, ll.Type]]:
    """The flattened kernel parameter ABI: (name, LLVM type) per PTX parameter."""
    out: list[tuple[str, ll.Type]] = []
    for p in fn.params:
        t, name = p.var.type, p.var.name
        if isinstance(t, T.Array):
            out.append((f"{name}.data", ll.PointerType(I8, GLOBAL)))
            out += [(f"{name}.shape{k}", I64) for k in range(t.ndim)]
            out += [(f"{name}.stride{k}", I64) for k in range(t.ndim)]
        elif t.is_complex:
            part = scalar_type(T.complex_part(t))
            out += [(f"{name}.re", part), (f"{name}.im", part)]
        elif t.is_bool:
            out.append((name, I8))
        else:
            out.append((name, scalar_type(t)))
    return out


def _kernel_entry(ctx: GpuModuleContext, fn: ir.Function) -> None:
    params = entry_params(fn)
    entry = ll.Function(ctx.module, ll.FunctionType(ll.VoidType(), [t for _, t in params]), kernel_symbol(fn.name))
    entry.calling_convention = "ptx_kernel"
    for arg, (name, _) in zip(entry.args, params):
        arg.name = name
    b = ll.IRBuilder(entry.append_basic_block("entry"))
    err = b.alloca(ERR, name="err")
    args = iter(entry.args)
    values = []
    for p in fn.params:
        t = p.var.type
        if isinstance(t, T.Array):
            data = b.addrspacecast(next(args), I8P)
            agg = ll.Constant(value_type(t), ll.Undefined)
            agg = b.insert_value(agg, data, 0)
            for part in (1, 2):
                for k in range(t.ndim):
                    agg = b.insert_value(agg, next(args), [part, k])
            values.append(agg)
        elif t.is_complex:
            agg = ll.Constant(value_type(t), ll.Undefined)
            agg = b.insert_value(agg, next(args), 0)
            values.append(b.insert_value(agg, next(args), 1))
        elif t.is_bool:
            values.append(b.icmp_unsigned("!=", next(args), I8(0)))
        else:
            values.append(next(args))
    status = b.call(ctx.functions[fn.name], [err] + values)
    with b.if_then(b.icmp_unsigned("!=", status, I32(0)), likely=False):
        _report_and_trap(ctx, b, err, fn)
    b.ret_void()


def _report_and_trap(ctx: GpuModuleContext, b: ll.IRBuilder, err: ll.Value, fn: ir.Function) -> None:
    """Print `fastext: <Exception> in kernel <name> (block …, thread …): <message>` and trap.

    A trap aborts the launch (the runtime sees CUDA_ERROR_LAUNCH_FAILED / an illegal
    instruction); the device printf buffer is what tells the user which check failed.
    """
    vprintf = ctx.module.globals.get("vprintf") or ll.Function(
        ctx.module, ll.FunctionType(I32, [I8P, I8P]), "vprintf")
    names = ll.ArrayType(I8P, len(EXCEPTIONS) + 1)
    table = ctx.module.globals.get("fx$exc_names")
    if table is None:
        table = ll.GlobalVariable(ctx.module, names, "fx$exc_names")
        table.initializer = ll.Constant(names, [ctx.cstring("Exception")] + [ctx.cstring(n) for n in EXCEPTIONS])
        table.global_constant = True
        table.linkage = "internal"
    code = b.load(b.gep(err, [I32(0), I32(0)]))
    exc = b.load(b.gep(table, [I32(0), code]))
    header_t = ll.LiteralStructType([I8P, I8P] + [I32] * 6)
    header = b.alloca(header_t)
    fields = [exc, ctx.cstring(fn.name)] + [
        b.call(ctx.intrinsic(f"llvm.nvvm.read.ptx.sreg.{r}.{a}", I32, []), [])
        for r in ("ctaid", "tid") for a in "xyz"]
    for k, v in enumerate(fields):
        b.store(v, b.gep(header, [I32(0), I32(k)]))
    b.call(vprintf, [ctx.cstring("fastext: %s in kernel %s (block (%d, %d, %d), thread (%d, %d, %d))"),
                     b.bitcast(header, I8P)])
    fmt = b.load(b.gep(err, [I32(0), I32(1)]))
    with b.if_then(b.icmp_unsigned("!=", fmt, ll.Constant(I8P, None))):
        b.call(vprintf, [ctx.cstring(": "), ll.Constant(I8P, None)])
        b.call(vprintf, [fmt, b.bitcast(b.gep(err, [I32(0), I32(2)]), I8P)])
    b.call(vprintf, [ctx.cstring("\n"), ll.Constant(I8P, None)])
    b.call(ctx.intrinsic("llvm.trap", ll.VoidType(), []), [])
