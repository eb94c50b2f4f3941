"""Exceptions in native code: `raise`, the error exits, and `try/except/else/finally`.

Every error exit (`fail_if`, `raise`, a failed call) goes through `error_exit()`: outside
a `try` it returns 1 (the entry point raises the error record), inside one it jumps to
the innermost handler, which dispatches on the record's exception code (Python's class
hierarchy, `builtins.caught_by`).  `finally` blocks keep a selector of where to go next
so that returns, breaks, continues and exceptions all pass through them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler.builtins import EXC_CODE, PYERR_CODE, caught_by
from fastext.compiler.lower.context import ERR, I32, fill_error


def literal_text(text: str | None) -> str | None:
    """User text as a PyErr_Format format that prints it verbatim."""
    return text.replace("%", "%%") if text is not None else None


@dataclass
class FinallyFrame:
    """A `finally` block being protected: every way out of its `try` goes through `block`.

    `sel` says where to go after the finally body: 0 on (after the try statement), 1 the
    exception in flight (kept in `saved`, as the finally body may raise and catch others),
    k >= 2 `routes[k - 2]` — a `return` (target None) or a `break`/`continue` target, with
    the number of enclosing finally frames that target is outside of.
    """

    block: ll.Block
    sel: ll.Value
    saved: ll.Value
    routes: list[tuple[ll.Block | None, int, int | None]] = field(default_factory=list)

    def route(self, target: ll.Block | None, depth: int, loops: int | None = None) -> int:
        for k, (t, d, n) in enumerate(self.routes):
            if t is target and d == depth and n == loops:
                return k + 2
        self.routes.append((target, depth, loops))
        return len(self.routes) + 1


class ExceptionLowering:
    """Mixin of FunctionLowering: error exits and exception handling."""

    def error_exit(self, status=None) -> None:
        """The error record is filled: go to the innermost handler, or return 1 (or `status`,
        the site of a failed call: lower/context.py, `call_site_status`)."""
        if getattr(self, "speculation", None) is not None:    # lower/speculate.py: replay the loop
            self.b.branch(self.speculation.replay)
            return
        self.release_temps()      # new object references of the expression being lowered
        self.leave_stashes(len(self.err_targets), None, None)   # Python exceptions set aside by clauses left
        if self.err_targets:
            self.b.branch(self.err_targets[-1])
        else:
            self.ret_status(1 if status is None else status)

    def exit_to(self, target: ll.Block | None, depth: int, loops: int | None = None) -> None:
        """Leave for `target` (None: return 0, the result already stored), through the
        finally blocks of the frames above `depth` first; `loops`: how many loops stay open
        (a labelled break leaves several)."""
        if len(self.finallies) > depth:
            self.leave_stashes(None, None, len(self.finallies))   # the regions inside that finally's try
            frame = self.finallies[-1]
            self.b.store(I32(frame.route(target, depth, loops)), frame.sel)
            self.b.branch(frame.block)
        elif target is None:
            self.leave_stashes(0, 0, 0)
            self.ret_status(0)
        else:
            self.leave_stashes(None, len(self.loops) if loops is None else loops, None)
            self.b.branch(target)

    def s_Raise(self, s: ir.Raise) -> None:
        if s.cls is not None:        # a class of the module's own: a Python exception (PYERR_CODE)
            cls = self.use(s.cls)
            if s.value is not None:
                v = self.use(s.value)
                self.api.call(self.b, "PyErr_SetObject", cls, v)
                self.drop(v, s.value)
            else:
                self.api.call(self.b, "PyErr_SetNone", cls)
            self.drop(cls, s.cls)
            self.py_fail_if(ll.Constant(ll.IntType(1), 1))
            self.b.unreachable()
            return
        if s.value is not None:      # a message built at run time: a Python exception (PYERR_CODE)
            v = self.use(s.value)
            self.api.call(self.b, "PyErr_SetObject", self.api.exc(self.b, f"PyExc_{s.exc}"), v)
            self.drop(v, s.value)
            self.py_fail_if(ll.Constant(ll.IntType(1), 1))
            self.b.unreachable()
            return
        fill_error(self.b, self.err, self.ctx, s.exc, literal_text(s.message))
        self.error_exit()

    def s_Reraise(self, s: ir.Reraise) -> None:
        self.b.store(self.b.load(self.caught[-1]), self.err)
        self.restore_exception(self.caught[-1])
        self.error_exit()

    def s_Try(self, s: ir.Try) -> None:
        if not s.finalbody:
            self.try_except(s)
            return
        b = self.b
        frame = FinallyFrame(self.new_block("finally"), self.entry_alloca(I32), self.entry_alloca(ERR))
        exc = self.new_block("finally.exc")
        self.finallies.append(frame)
        self.err_targets.append(exc)
        try:
            self.try_except(s)
        finally:
            self.err_targets.pop()
            self.finallies.pop()
        if not b.block.is_terminated:
            b.store(I32(0), frame.sel)
            b.branch(frame.block)
        b.position_at_end(exc)
        b.store(b.load(self.err), frame.saved)
        self.stash_exception(frame.saved)
        b.store(I32(1), frame.sel)
        b.branch(frame.block)
        b.position_at_end(frame.block)
        with self.stash_region(frame.saved, frame.sel):
            self.block(s.finalbody)
        if b.block.is_terminated:
            return    # the finally body returned, broke out or raised: that wins
        after, reraise = self.new_block("finally.end"), self.new_block("finally.reraise")
        switch = b.switch(b.load(frame.sel), after)
        switch.add_case(I32(1), reraise)
        b.position_at_end(reraise)
        b.store(b.load(frame.saved), self.err)
        self.restore_exception(frame.saved)
        self.error_exit()
        for k, (target, depth, loops) in enumerate(frame.routes):
            bb = self.new_block("finally.route")
            switch.add_case(I32(k + 2), bb)
            b.position_at_end(bb)
            self.exit_to(target, depth, loops)
        b.position_at_end(after)

    def try_except(self, s: ir.Try) -> None:
        """The body, except clauses and else of a try statement (its finally is s_Try's)."""
        if not s.handlers:
            self.block(s.body)
            self.block(s.orelse)
            return
        b = self.b
        dispatch, end = self.new_block("except.dispatch"), self.new_block("try.end")
        self.err_targets.append(dispatch)
        try:
            self.block(s.body)
        finally:
            self.err_targets.pop()
        if not b.block.is_terminated:
            self.block(s.orelse)      # outside the handlers' protection, as in Python
            if not b.block.is_terminated:
                b.branch(end)
        # dispatch on the exception's code: the first clause that names it or a base of it
        b.position_at_end(dispatch)
        saved = self.entry_alloca(ERR)
        b.store(b.load(self.err), saved)
        code = b.load(b.gep(self.err, [I32(0), I32(0)]))
        unmatched = self.new_block("except.unmatched")
        blocks = [self.new_block("except") for _ in s.handlers]
        default, cases = unmatched, {}
        for h, bb in zip(s.handlers, blocks):
            if h.names is None:
                default = bb
                break
            for name in h.names:
                for exc in caught_by(name) if name not in h.classes else ():    # the module's classes: by class
                    cases.setdefault(EXC_CODE[exc], bb)
        switch = b.switch(code, default)
        for c, bb in sorted(cases.items()):
            switch.add_case(I32(c), bb)
        if self.uses_python:     # an exception raised by Python code: matched by class (lower/objects.py)
            switch.add_case(I32(PYERR_CODE), self.python_dispatch(s.handlers, blocks, unmatched, saved))
        b.position_at_end(unmatched)
        self.error_exit()                # none matches: on to the enclosing handler
        for h, bb in zip(s.handlers, blocks):
            b.position_at_end(bb)
            self.caught.append(saved)
            try:
                with self.stash_region(saved, None):
                    if h.var is not None:
                        self.bind_exception(h.var, saved)
                    self.block(h.body)
            finally:
                self.caught.pop()
            if not b.block.is_terminated:
                self.drop_stash(saved, None)      # the clause finished: the exception is gone
                b.branch(end)
        b.position_at_end(end)
