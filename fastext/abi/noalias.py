"""The no-overlap variant of an entry point's body (`fx.NAME.noalias`).

When a function takes two or more arrays and writes one of them, LLVM must assume
that every store may change what any other array holds: after `vel[i, 0] -= …` it
reloads `pos[j, 0]`.  The entry point therefore checks at call time whether the
arrays' byte ranges are pairwise disjoint; when they are (and every innermost stride
is the item size, as for the contiguous variant), it calls a copy of the body that
takes each array's data pointer a second time as an LLVM `noalias` parameter and
uses that pointer for the array.  Overlapping arguments (two views of one buffer,
the same array twice) take the ordinary variants, so results never depend on the
choice.

The variant is built only where `noalias` is sound and simple to argue: no Python
objects (a Python call could write an array through the object, which `noalias`
forbids) and no `prange` / `@nogil` (the pointers would travel to other threads).
"""
from __future__ import annotations

import llvmlite.ir as ll

from fastext.compiler import ir, types as T
from fastext.compiler.lower.alloc import byte_extent

I64 = ll.IntType(64)


def array_params(fn: ir.Function) -> list[int]:
    """Indices of `fn`'s array parameters."""
    return [k for k, p in enumerate(fn.params) if isinstance(p.var.type, T.Array)]


def _nested_memory(t: T.Type) -> bool:
    """A parameter type that holds a pointer the overlap check would not see (a tuple of arrays)."""
    if isinstance(t, T.Tuple):
        return any(isinstance(i, T.Array) or _nested_memory(i) for i in t.items)
    if isinstance(t, T.Struct):
        return any(isinstance(ft, T.Array) or _nested_memory(ft) for _, ft in t.fields)
    return False


def wants_noalias(fn: ir.Function) -> bool:
    """Whether the entry point of `fn` gets a no-overlap variant (see the module doc)."""
    return len(array_params(fn)) >= 2 and bool(fn.writes) and not fn.objects and not fn.nogil \
        and not any(_nested_memory(p.var.type) for p in fn.params)


def noalias_signature(native: ll.FunctionType, fn: ir.Function) -> ll.FunctionType:
    """The native signature followed by one data pointer per array parameter."""
    extra = [ll.IntType(8).as_pointer()] * len(array_params(fn))
    return ll.FunctionType(native.return_type, list(native.args) + extra)


def declare(module: ll.Module, native: ll.FunctionType, fn: ir.Function) -> ll.Function:
    """Declare `fx.NAME.noalias` with `noalias` on its trailing data-pointer parameters."""
    llfn = ll.Function(module, noalias_signature(native, fn), f"fx.{fn.name}.noalias")
    llfn.linkage = "internal"
    for arg in llfn.args[len(native.args):]:
        arg.add_attribute("noalias")
    return llfn


def disjoint(b: ll.IRBuilder, fn: ir.Function, values: list[ll.Value]) -> ll.Value:
    """i1: every pair of `fn`'s array arguments covers disjoint bytes (empty views never overlap)."""
    ks = array_params(fn)
    ext = {k: byte_extent(b, values[k], fn.params[k].var.type) for k in ks}
    ok = ll.Constant(ll.IntType(1), 1)
    for a_i, a in enumerate(ks):
        for c in ks[a_i + 1:]:
            lo_a, hi_a, empty_a = ext[a]
            lo_c, hi_c, empty_c = ext[c]
            apart = b.or_(b.icmp_unsigned("<=", hi_a, lo_c), b.icmp_unsigned("<=", hi_c, lo_a))
            ok = b.and_(ok, b.or_(apart, b.or_(empty_a, empty_c)))
    return ok


def data_pointers(fn: ir.Function, values: list[ll.Value], b: ll.IRBuilder) -> list[ll.Value]:
    """The trailing arguments of a call to the variant: each array's data pointer."""
    return [b.bitcast(b.extract_value(values[k], 0), ll.IntType(8).as_pointer()) for k in array_params(fn)]
