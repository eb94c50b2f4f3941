"""The GPU kernel dialect in the front end: `gpu.*` names, `@gpu.kernel` / `@gpu.device`, target rules.

The compiler reads the names from the source (it never imports `fastext.gpu`): a
module binds the dialect with `from fastext import gpu` (or `import fastext.gpu as
gpu`, or uses `fastext.gpu.X` after `import fastext`).  Every function has a target:
`cpu` (the default), `kernel` (an entry point launched from Python) or `device`
(callable from kernels and device functions).  `gpu.*` expressions become
`ir.Intrinsic` nodes named `gpu.*` that only `fastext/compiler/gpu/lower.py` lowers; the
rules that keep CPU and GPU code apart are checked here, so a misuse is a located
diagnostic, never a lowering failure.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.source import Span
from fastext.compiler.types import (
    I32, I64, NONE, SCALARS, Array, ErrorType, Scalar, Tuple, Type, article,
)

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

DECORATORS = {"kernel": "kernel", "device": "device"}
# gpu.thread_idx.x → the PTX special register it reads
SREGS = {"thread_idx": "tid", "block_idx": "ctaid", "block_dim": "ntid", "grid_dim": "nctaid"}
AXES = ("x", "y", "z")
WARP_SIZE = 32
# The largest static shared-memory allocation of one block (without the opt-in of dynamic memory).
SHARED_LIMIT = 48 * 1024
ATOMIC_TYPES = frozenset(SCALARS[n] for n in ("i32", "i64", "u32", "u64", "f32", "f64"))
SHUFFLE_TYPES = frozenset(SCALARS[n] for n in ("i32", "i64", "u32", "u64", "f32", "f64"))
SHUFFLES = ("shfl_down", "shfl_up", "shfl_xor", "shfl")
ATOMICS = ("atomic_add", "atomic_min", "atomic_max", "atomic_cas")
CALLS = ("global_id", "lane_id", "syncthreads", "shared.array", *ATOMICS, *SHUFFLES)
ATTRS = (*(f"{s}.{a}" for s in SREGS for a in AXES), "warp_size")
NAMES_HINT = ("gpu.thread_idx/block_idx/block_dim/grid_dim.x|y|z, gpu.global_id(d), gpu.lane_id(), gpu.warp_size, "
              "gpu.syncthreads(), gpu.shared.array(shape, dtype), gpu.atomic_add/min/max/cas, "
              "gpu.shfl_down/shfl_up/shfl_xor/shfl")
KERNEL_ONLY_HINT = "use gpu.* only inside a @gpu.kernel or @gpu.device function"


def gpu_path(scope, node: ast.expr) -> list[str] | None:
    """`gpu.a.b` (or `fastext.gpu.a.b`) → ["a", "b"]; None when `node` is not a gpu name."""
    from fastext.compiler.frontend.scope import attribute_chain
    b, attrs = attribute_chain(scope, node)
    if b is None:
        return None
    if b.kind == "module:gpu":
        return attrs
    if b.kind == "module:fastext" and attrs and attrs[0] == "gpu":
        return attrs[1:]
    return None


def decorator_target(scope, deco: ast.expr) -> str | None:
    """"kernel" / "device" for `@gpu.kernel` / `@gpu.device`; None for any other decorator."""
    path = gpu_path(scope, deco)
    if path is None:
        return None
    name = ".".join(path)
    if name not in DECORATORS:
        raise FxSyntaxError(Span.of(deco, scope.file), f"unsupported decorator `@{ast.unparse(deco)}`",
                            "GPU functions are decorated @gpu.kernel (launched from Python) or @gpu.device "
                            "(called from kernels)")
    return DECORATORS[name]


def check_signature(scope, node: ast.FunctionDef, target: str, params, ret: Type, defaults: dict) -> None:
    """The rules of a kernel's or device function's signature (nothing for CPU functions)."""
    span = Span.of(node, scope.file)
    if target == "cpu":
        return
    what = "a @gpu.kernel" if target == "kernel" else "a @gpu.device function"
    for name, ptype, pspan in params:
        # a whitelist: whatever else the CPU dialect takes (tuples, Python objects) has no device form
        if isinstance(ptype, Tuple):
            raise FxSyntaxError(pspan, f"parameter `{name}` of {what} cannot be a tuple",
                                "pass the items as separate scalar parameters")
        if not isinstance(ptype, (Scalar, Array)):
            raise FxSyntaxError(pspan, f"parameter `{name}` of {what} cannot be {article(ptype)}",
                                "GPU code takes numbers and arrays only; Python objects stay on the CPU")
    if target == "kernel":
        if ret != NONE:
            raise FxSyntaxError(Span.of(node.returns, scope.file) if node.returns else span,
                                f"kernel `{node.name}` returns {article(ret)}; kernels return None",
                                "write results into an array parameter: `out[i] = value`, and annotate `-> None`")
        if defaults:
            raise FxSyntaxError(span, f"kernel `{node.name}` has parameter defaults",
                                "kernels take every argument explicitly at launch; remove the defaults")
    elif not isinstance(ret, (Scalar, Array)) and ret != NONE:
        raise FxSyntaxError(span, f"device function `{node.name}` returns {article(ret)}",
                            "return one number or array view, or write the results into an array")


def check_call_target(fc: "FunctionChecker", node: ast.Call, callee, name: str) -> None:
    """A call between functions of different targets is a compile error."""
    caller = fc.sig.target
    target = getattr(callee, "target", "cpu")
    if target == "kernel":
        if caller == "cpu":
            raise fc.error(node.func, f"`{name}` is a @gpu.kernel; CPU code cannot call it",
                           f"launch it from Python: {name}[blocks, threads](...) (see docs/gpu.md)")
        raise fc.error(node.func, f"`{name}` is a @gpu.kernel; kernels cannot be called from GPU code",
                       "move the shared code into a @gpu.device function and call that")
    if target == "device" and caller == "cpu":
        raise fc.error(node.func, f"`{name}` is a @gpu.device function; only GPU code can call it",
                       "call it from a @gpu.kernel, or drop @gpu.device to make it a CPU function")
    if target == "cpu" and caller != "cpu":
        raise fc.error(node.func, f"`{name}` is a CPU function; GPU code cannot call it",
                       f"decorate `{name}` with @gpu.device to compile it for the GPU")


def check_try(fc: "FunctionChecker", node: ast.Try) -> None:
    if fc.sig.target != "cpu":
        raise fc.error(node, "try/except is not supported in GPU code",
                       "a failed check or `raise` in a kernel stops it (trap); test the condition with `if` instead")


def check_no_alloc(fn: ir.Function, target: str) -> list:
    """GPU code cannot create arrays (`np.zeros`, `.copy()`): a thread has no arena to
    return them from; slice assignment and fills stay allowed."""
    from fastext.compiler.diagnostics import Diagnostic
    from fastext.compiler import ops
    if target == "cpu":
        return []
    out = []

    for sub in ir.all_exprs(fn.body):
        if isinstance(sub, ir.ArrayMap):
            out.append(Diagnostic(sub.span, "array expressions are not supported in GPU code",
                                  "each thread computes its own items: np.sqrt(x[i]), a * x[i] + y[i]"))
        elif isinstance(sub, ir.Intrinsic) and ops.get(sub.name).allocates:
            what = sub.attrs.get("shown") or ops.get(sub.name).signature or sub.name.rpartition(".")[2]
            out.append(Diagnostic(sub.span, f"GPU code cannot allocate arrays ({what})",
                                  "pass an output array from the host, or use gpu.shared.array(shape, "
                                  "dtype) for per-block scratch memory"))
        elif isinstance(sub, ir.Intrinsic) and ops.get(sub.name).gpu is None:
            # an operation without a GPU lowering (np.trace, ...): located here, not an internal error later
            op = ops.get(sub.name)
            shown = op.spellings[0].replace("numpy.", "np.") if op.spellings else sub.name
            out.append(Diagnostic(sub.span, f"{shown} is not supported in GPU code",
                                  "compute it with a loop over the items, or on the host"))
    return out


def _require_gpu(fc: "FunctionChecker", node: ast.AST, name: str) -> None:
    if fc.sig.target == "cpu":
        raise fc.error(node, f"gpu.{name} in the CPU function `{fc.sig.name}`", KERNEL_ONLY_HINT)


def attribute(fc: "FunctionChecker", node: ast.Attribute, path: list[str]) -> ir.Expr:
    """`gpu.thread_idx.x`, `gpu.warp_size`, … as values."""
    name = ".".join(path)
    span = fc.span(node)
    if name not in ATTRS:
        if name in CALLS:
            raise fc.error(node, f"gpu.{name} is a function", f"call it: gpu.{name}(...)")
        if len(path) == 1 and path[0] in SREGS:
            raise fc.error(node, f"gpu.{name} needs an axis", f"write gpu.{name}.x (or .y, .z)")
        raise fc.error(node, f"gpu has no name `{name}`", f"available: {NAMES_HINT}")
    _require_gpu(fc, node, name)
    if name == "warp_size":
        return ir.Const(I64, span, WARP_SIZE)
    return ir.Intrinsic(I64, span, f"gpu.sreg.{SREGS[path[0]]}.{path[1]}", [])


def call(fc: "FunctionChecker", node: ast.Call, path: list[str]) -> ir.Expr:
    """`gpu.f(...)`: the dialect's functions."""
    name = ".".join(path)
    span = fc.span(node)
    if name not in CALLS:
        if name in ATTRS:
            raise fc.error(node, f"gpu.{name} is not a function", f"read it as a value: gpu.{name}")
        raise fc.error(node.func, f"gpu has no function `{name}`", f"available: {NAMES_HINT}")
    _require_gpu(fc, node, name)
    if node.keywords:
        raise fc.error(node.keywords[0].value, f"gpu.{name} takes no keyword arguments", "pass arguments by position")
    args = node.args
    if name == "syncthreads":
        _arity(fc, node, name, 0, "gpu.syncthreads()")
        return ir.Intrinsic(NONE, span, "gpu.syncthreads", [])
    if name == "lane_id":
        _arity(fc, node, name, 0, "gpu.lane_id()")
        return ir.Intrinsic(I64, span, "gpu.sreg.laneid", [])
    if name == "global_id":
        _arity(fc, node, name, 1, "gpu.global_id(0)")
        axis = _const_int(fc, args[0])
        if axis not in (0, 1, 2):
            raise fc.error(args[0], "gpu.global_id takes a constant axis 0, 1 or 2", "gpu.global_id(0)")
        reg = lambda r: ir.Intrinsic(I64, span, f"gpu.sreg.{r}.{AXES[axis]}", [])   # noqa: E731
        block = ir.BinOp(I64, span, "*", reg("ctaid"), reg("ntid"))
        return ir.BinOp(I64, span, "+", block, reg("tid"))
    if name == "shared.array":
        return _shared_array(fc, node)
    if name in ATOMICS:
        return _atomic(fc, node, name)
    return _shuffle(fc, node, name)


def _arity(fc, node: ast.Call, name: str, n: int, usage: str) -> None:
    if len(node.args) != n:
        raise fc.error(node, f"gpu.{name} takes {n} argument{'s' if n != 1 else ''}, got {len(node.args)}", usage)


def _const_int(fc, node: ast.expr) -> int | None:
    value = fc.expr(node)
    if isinstance(value, ir.Const) and isinstance(value.type, Scalar) and value.type.is_int:
        return int(value.value)
    return None


def _shared_array(fc, node: ast.Call) -> ir.Expr:
    from fastext.compiler.frontend.annotations import _scalar
    usage = "gpu.shared.array(256, f32) or gpu.shared.array((16, 16), f64)"
    _arity(fc, node, "shared.array", 2, usage)
    shape_node, dtype_node = node.args
    items = shape_node.elts if isinstance(shape_node, ast.Tuple) else [shape_node]
    if not items:
        raise fc.error(shape_node, "a shared array needs at least one dimension", usage)
    shape = []
    for item in items:
        n = _const_int(fc, item)
        if n is None:
            raise fc.error(item, "the shape of a shared array must be an integer constant",
                           "shared memory is allocated when the kernel is compiled: use a literal or a module "
                           "constant (e.g. TILE = 16)")
        if n <= 0:
            raise fc.error(item, f"shared array dimensions must be positive, got {n}", usage)
        shape.append(n)
    dtype = _scalar(dtype_node, fc.scope)
    if dtype is None:
        raise fc.error(dtype_node, f"`{ast.unparse(dtype_node)}` is not a dtype",
                       "name a dialect scalar type imported from fastext: f32, f64, i32, i64, …")
    nbytes = dtype.nbytes
    for n in shape:
        nbytes *= n
    if nbytes > SHARED_LIMIT:
        raise fc.error(node, f"shared array of {nbytes} bytes exceeds the {SHARED_LIMIT} bytes of static shared "
                             "memory a block may use", "use smaller tiles")
    dims = [ir.Const(I64, fc.span(item), n) for item, n in zip(items, shape)]
    return ir.Intrinsic(Array(dtype, len(shape)), fc.span(node), "gpu.shared.array", dims)


def _atomic(fc, node: ast.Call, name: str) -> ir.Expr:
    n = 4 if name == "atomic_cas" else 3
    usage = f"gpu.{name}(arr, i, {'expected, new' if n == 4 else 'value'})"
    _arity(fc, node, name, n, usage)
    array = fc.expr(node.args[0])
    if isinstance(array.type, ErrorType):
        return array
    if not isinstance(array.type, Array):
        raise fc.error(node.args[0], f"gpu.{name} needs an array, got {article(array.type)}", usage)
    dtype = array.type.dtype
    if dtype not in ATOMIC_TYPES:
        raise fc.error(node.args[0], f"gpu.{name} on an array of {dtype} is not supported",
                       "atomics take arrays of i32, i64, u32, u64, f32 or f64")
    idx_node = node.args[1]
    elts = idx_node.elts if isinstance(idx_node, ast.Tuple) else [idx_node]
    if len(elts) != array.type.ndim:
        raise fc.error(idx_node, f"a {array.type.ndim}-D array needs {array.type.ndim} indices, got {len(elts)}",
                       "pass a tuple of indices for N-D arrays: gpu.atomic_add(a, (i, j), v)")
    indices = [fc.index_value(e) for e in elts]
    values = []
    for v in node.args[2:]:
        value = fc.expr(v)
        if isinstance(value.type, ErrorType):
            return value
        if not isinstance(value.type, Scalar):
            raise fc.error(v, f"gpu.{name} needs a number, got {article(value.type)}", usage)
        values.append(fc.store_value(value, dtype, v))
    return ir.Intrinsic(dtype, fc.span(node), f"gpu.{name}", [array, *indices, *values])


def _shuffle(fc, node: ast.Call, name: str) -> ir.Expr:
    second = {"shfl_down": "delta", "shfl_up": "delta", "shfl_xor": "mask", "shfl": "src_lane"}[name]
    usage = f"gpu.{name}(value, {second})"
    _arity(fc, node, name, 2, usage)
    value = fc.expr(node.args[0])
    lane = fc.expr(node.args[1])
    if isinstance(value.type, ErrorType) or isinstance(lane.type, ErrorType):
        return ir.Expr(value.type if isinstance(value.type, ErrorType) else lane.type, fc.span(node))
    if value.type not in SHUFFLE_TYPES:
        raise fc.error(node.args[0], f"gpu.{name} cannot shuffle {article(value.type)}",
                       "shuffle i32, i64, u32, u64, f32 or f64 values (convert first, e.g. i32(x))")
    if not (isinstance(lane.type, Scalar) and lane.type.is_int):
        raise fc.error(node.args[1], f"the {second} of gpu.{name} must be an integer, got {article(lane.type)}",
                       usage)
    return ir.Intrinsic(value.type, fc.span(node), f"gpu.{name}", [value, fc.convert(lane, I32)])


def kernel_functions(module: ir.Module) -> list[ir.Function]:
    """The kernels a compiled module exposes (its own `@gpu.kernel`s, not imported ones)."""
    return [fn for fn in module.functions.values() if fn.target == "kernel" and "." not in fn.name]

