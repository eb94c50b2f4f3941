"""Structured control flow for hand-written LLVM code: mutable variables and loops.

The internal functions of the sorting kernels and of reshape are algorithms with
data-dependent loops; writing them as blocks and phis by hand hides the algorithm.  Here a
variable is a stack slot (`Var`, promoted to SSA registers by LLVM's mem2reg/SROA) and loops
take Python callables for their condition and body, so the code reads like the C it mirrors.
"""
from __future__ import annotations

from llvmlite import ir as ll


class Var:
    """A mutable local: an alloca in the function's entry block."""

    def __init__(self, b: ll.IRBuilder, ty: ll.Type, init: ll.Value | None = None, name: str = ""):
        self.b = b
        entry = b.function.entry_basic_block
        with b.goto_block(entry):
            if entry.instructions:
                b.position_before(entry.instructions[0])
            self.slot = b.alloca(ty, name=name)
        if init is not None:
            b.store(init, self.slot)

    def get(self) -> ll.Value:
        return self.b.load(self.slot)

    def set(self, value: ll.Value) -> None:
        self.b.store(value, self.slot)


def while_loop(b: ll.IRBuilder, cond, body, name: str = "while") -> None:
    """while cond(): body() — `body` may end its block (a return); the loop continues otherwise."""
    head = b.append_basic_block(f"{name}.head")
    loop = b.append_basic_block(f"{name}.body")
    end = b.append_basic_block(f"{name}.end")
    b.branch(head)
    b.position_at_end(head)
    b.cbranch(cond(), loop, end)
    b.position_at_end(loop)
    body()
    if not b.block.is_terminated:
        b.branch(head)
    b.position_at_end(end)


def do_while(b: ll.IRBuilder, body, cond, name: str = "do") -> None:
    """do body() while cond() (C's do/while: the body runs at least once)."""
    loop = b.append_basic_block(f"{name}.body")
    end = b.append_basic_block(f"{name}.end")
    b.branch(loop)
    b.position_at_end(loop)
    body()
    b.cbranch(cond(), loop, end)
    b.position_at_end(end)


def for_range(b: ll.IRBuilder, start: ll.Value, stop: ll.Value, body, name: str = "for", step: int = 1) -> None:
    """for i in range(start, stop, step): body(i) — step a constant (negative counts down)."""
    i = Var(b, start.type, start)

    def cond():
        return b.icmp_signed("<" if step > 0 else ">", i.get(), stop)

    def run():
        body(i.get())
        if not b.block.is_terminated:
            i.set(b.add(i.get(), start.type(step)))
    while_loop(b, cond, run, name)


def internal_function(module: ll.Module, name: str, ret: ll.Type, args: list[ll.Type]) -> tuple[ll.Function, ll.IRBuilder | None]:
    """The internal function `name`, and a builder at its entry when it is new (None when it
    was emitted already)."""
    fn = module.globals.get(name)
    if fn is not None:
        return fn, None
    fn = ll.Function(module, ll.FunctionType(ret, args), name)
    fn.linkage = "internal"
    return fn, ll.IRBuilder(fn.append_basic_block("entry"))


def internal_global(module: ll.Module, name: str, ty: ll.Type, init: ll.Constant | None = None) -> ll.GlobalVariable:
    """The internal global `name` of type `ty`, zero (or `init`) until stored, created at its first use."""
    gv = module.globals.get(name)
    if gv is None:
        gv = ll.GlobalVariable(module, ty, name)
        gv.initializer = ll.Constant(ty, None) if init is None else init
        gv.linkage = "internal"
    return gv


def made_once(b: ll.IRBuilder, gv: ll.GlobalVariable, make) -> ll.Value:
    """The value `gv` holds, made by `make()` and stored there the first time it is still null
    (`make` may leave the block on failure: a null result is never stored)."""
    value = Var(b, gv.value_type, b.load(gv))
    with b.if_then(b.icmp_unsigned("==", value.get(), ll.Constant(gv.value_type, None)), likely=False):
        made = make()
        b.store(made, gv)
        value.set(made)
    return value.get()
