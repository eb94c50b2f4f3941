"""Python exceptions meeting `.fx` `try` statements (a mixin of FunctionLowering).

An exception raised by Python code reaches a `try` with the error record's code
`PYERR_CODE` and the exception still set.  The except dispatch matches it by class
(`PyErr_ExceptionMatches`).  While an except clause or a finally body runs for it, the
exception is not left set (Python code called meanwhile must not see it): `PyErr_Fetch`
moves it into the record's three argument fields, which own it there.  A bare `raise` or
the end of a finally body restores it (`PyErr_Restore`; the record's code becomes 0,
owning nothing); any other way out of the region drops it: the regions are a stack
(`stashes`) that `error_exit` and `exit_to` consult (`leave_stashes`).
"""
from __future__ import annotations

import contextlib

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler.builtins import PYERR_CODE
from fastext.compiler.lower.context import I1, I32, I8P


class PythonExceptionLowering:
    """Mixin of FunctionLowering (through ObjectLowering); no-ops unless `uses_python`."""

    def python_dispatch(self, handlers: list[ir.Handler], blocks: list[ll.Block], unmatched: ll.Block,
                        saved: ll.Value) -> ll.Block:
        """The except dispatch for a Python exception: the first clause naming its class or a
        base (PyErr_ExceptionMatches) runs, with the exception set aside in its `saved` record
        (a bare `raise` restores it; leaving the clause otherwise drops it); none: it stays
        set, on out."""
        b = self.b
        here = b.block
        start = self.new_block("except.python")
        b.position_at_end(start)
        own = self._own_classes(handlers)
        for h, bb in zip(handlers, blocks):
            take = self.new_block("except.python.take")
            if h.names is None:
                b.branch(take)
            else:
                hit = I1(0)
                for name in h.names:
                    if name in h.classes:       # an exception class of the module (frontend/userexc.py)
                        cls = own[name]
                    else:
                        cls = self.api.exc(b, f"PyExc_{name}")
                    m = self.api.call(b, "PyErr_ExceptionMatches", cls)
                    hit = b.or_(hit, b.icmp_signed("!=", m, I32(0)))
                nxt = self.new_block("except.python.next")
                b.cbranch(hit, take, nxt)
            b.position_at_end(take)
            self.stash_exception(saved)
            b.branch(bb)
            if h.names is None:
                break
            b.position_at_end(nxt)
        if not b.block.is_terminated:
            b.branch(unmatched)
        b.position_at_end(here)
        return start

    def _own_classes(self, handlers: list[ir.Handler]) -> dict[str, ll.Value]:
        """The module's exception classes the clauses name, by name.  The first use makes a
        class (a call into Python), which sets the exception being matched aside meanwhile
        (lower/text.py: `exception_class`): `{'k': 1}['']` under `except ParseError: ...
        except KeyError:` escaped both clauses when it did not."""
        from fastext.compiler.lower.text import exception_class
        wanted = {name: h.classes[name] for h in handlers if h.names for name in h.names if name in h.classes}
        return {name: exception_class(self, attrs) for name, attrs in wanted.items()}

    def bind_exception(self, var: ir.Var, record: ll.Value) -> None:
        """`except E as e`: `e` gets the exception object — the one set aside in `record` for a
        Python exception, or one made from a native error record (as the entry point would
        raise it: `fx_raise`), normalized either way."""
        b, api = self.b, self.api
        is_py = self._is_python(record)
        py_bb, native_bb, done = self.new_block("as.python"), self.new_block("as.native"), self.new_block("as.done")
        b.cbranch(is_py, py_bb, native_bb)
        b.position_at_end(py_bb)
        slots = [b.bitcast(f, I8P.as_pointer()) for f in self._fields(record)]
        api.call(b, "PyErr_NormalizeException", *slots)
        stashed = b.load(slots[1])
        api.call(b, "Py_IncRef", stashed)
        py_end = b.block
        b.branch(done)
        b.position_at_end(native_bb)
        raise_fn = self.ctx.module.globals.get("fx_raise") or ll.Function(
            self.ctx.module, ll.FunctionType(I8P, [I8P]), "fx_raise")
        b.call(raise_fn, [b.bitcast(record, I8P)])
        temps = [self.entry_alloca(I8P) for _ in range(3)]
        api.call(b, "PyErr_Fetch", *temps)
        api.call(b, "PyErr_NormalizeException", *temps)
        made = b.load(temps[1])
        api.call(b, "Py_DecRef", b.load(temps[0]))
        api.call(b, "Py_DecRef", b.load(temps[2]))
        native_end = b.block
        b.branch(done)
        b.position_at_end(done)
        value = b.phi(I8P)
        value.add_incoming(stashed, py_end)
        value.add_incoming(made, native_end)
        slot = self.slots[id(var)]
        old = b.load(slot)
        b.store(value, slot)
        api.call(b, "Py_DecRef", old)

    def _fields(self, record: ll.Value) -> list[ll.Value]:
        return [self.b.gep(record, [I32(0), I32(k)]) for k in (2, 3, 4)]

    def _is_python(self, record: ll.Value) -> ll.Value:
        return self.b.icmp_signed("==", self.b.load(self.b.gep(record, [I32(0), I32(0)])), I32(PYERR_CODE))

    def stash_exception(self, record: ll.Value) -> None:
        """`record` holds a copy of the error record: if it is a Python exception, fetch it in."""
        if not self.uses_python:
            return
        b = self.b
        with b.if_then(self._is_python(record)):
            slots = [b.bitcast(f, I8P.as_pointer()) for f in self._fields(record)]
            self.api.call(b, "PyErr_Fetch", *slots)

    def restore_exception(self, record: ll.Value) -> None:
        """Make the exception set aside in `record` the current one again (a re-raise)."""
        if not self.uses_python:
            return
        b = self.b
        with b.if_then(self._is_python(record)):
            fields = [b.inttoptr(b.load(f), I8P) for f in self._fields(record)]
            self.api.call(b, "PyErr_Restore", *fields)
            b.store(I32(0), b.gep(record, [I32(0), I32(0)]))

    def drop_stash(self, record: ll.Value, sel: ll.Value | None) -> None:
        """Release an exception set aside in `record` (for a finally body: only when one is in
        flight, `sel` == 1)."""
        if not self.uses_python:
            return
        b = self.b
        cond = self._is_python(record)
        if sel is not None:
            cond = b.and_(cond, b.icmp_signed("==", b.load(sel), I32(1)))
        with b.if_then(cond):
            for f in self._fields(record):
                self.api.call(b, "Py_DecRef", b.inttoptr(b.load(f), I8P))
            b.store(I32(0), b.gep(record, [I32(0), I32(0)]))

    @contextlib.contextmanager
    def stash_region(self, record: ll.Value, sel: ll.Value | None):
        """The clause or finally body being lowered may hold an exception in `record`."""
        if not self.uses_python:
            yield
            return
        self.stashes.append((record, sel, len(self.err_targets), len(self.loops), len(self.finallies)))
        try:
            yield
        finally:
            self.stashes.pop()

    def leave_stashes(self, err_depth: int | None, loop_depth: int | None, finally_depth: int | None) -> None:
        """An exit from the regions it crosses (innermost first, stopping at the first it stays
        in): an error exit at `err_depth` leaves those opened at that depth (a handler opened
        inside one would keep it); a break/continue leaves those opened inside the innermost
        loop; a jump into the finally body of frame `finally_depth - 1` leaves those opened in
        its try; a return leaves them all (0, 0, 0)."""
        for record, sel, errs, loops, fins in reversed(getattr(self, "stashes", ())):
            if err_depth is not None and errs < err_depth or loop_depth is not None and loops < loop_depth \
                    or finally_depth is not None and fins < finally_depth:
                break
            self.drop_stash(record, sel)
