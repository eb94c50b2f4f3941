"""IR verifier: invariants of the typed IR that lowering relies on.

Runs in the pipeline (cheap) and in tests.  A failure is a compiler bug, never
a user error, so it raises `IRVerifyError` (reported as an internal error).
"""
from __future__ import annotations

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.builtins import EXCEPTIONS
from fastext.compiler.frontend.alloc import ALLOC_FUNCS


_NEW_ARRAYS = frozenset(f"array.{n}" for n in ALLOC_FUNCS + ("copy",))


class IRVerifyError(AssertionError):
    """The typed IR broke an invariant."""


def verify(module: ir.Module) -> None:
    for fn in module.functions.values():
        _Verifier(module, fn).run()


class _Verifier:
    def __init__(self, module: ir.Module, fn: ir.Function):
        self.module, self.fn = module, fn
        self.known = {id(p.var) for p in fn.params} | {id(v) for v in fn.locals}
        self.loop_depth = 0
        self.handler_depth = 0

    def fail(self, node, msg: str) -> None:
        raise IRVerifyError(f"{getattr(node, 'span', '?')}: in {self.fn.name}: {msg}")

    def run(self) -> None:
        for v in self.fn.locals:
            if isinstance(v.type, T.ErrorType):
                self.fail(v, f"local {v.name} has the error type")
        self.block(self.fn.body)

    def block(self, stmts: list[ir.Stmt]) -> None:
        for s in stmts:
            self.stmt(s)

    def stmt(self, s: ir.Stmt) -> None:
        if isinstance(s, ir.Assign):
            self.var(s, s.var)
            self.expect(s.value, s.var.type)
        elif isinstance(s, ir.Store):
            if not isinstance(s.array.type, T.Array):
                self.fail(s, "store into a non-array")
            self.expr(s.array)
            self.indices(s, s.array.type, s.indices)
            self.expect(s.value, s.array.type.dtype)
        elif isinstance(s, ir.SetField):
            rt = s.record.type
            if not (isinstance(rt, T.Struct) and rt.mutable and 0 <= s.index < len(rt.fields)):
                self.fail(s, "field store into a non-mutable-struct")
            self.expr(s.record)
            ft = rt.fields[s.index][1]
            self.expect(s.value, T.field_view(ft))
        elif isinstance(s, ir.ExprStmt):
            self.expr(s.value)
        elif isinstance(s, (ir.If, ir.While)):
            self.expect(s.cond, T.BOOL)
            if isinstance(s, ir.While):
                self.loop_depth += 1
                self.block(s.body)
                self.loop_depth -= 1
                self.block(s.orelse)
            else:
                self.block(s.then)
                self.block(s.orelse)
        elif isinstance(s, ir.ForRange):
            self.var(s, s.var)
            for e in (s.start, s.stop, s.step):
                self.expect(e, T.I64)
            self.loop_depth += 1
            self.block(s.body)
            self.loop_depth -= 1
            self.block(s.orelse)
        elif isinstance(s, (ir.Break, ir.Continue)):
            if not self.loop_depth:
                self.fail(s, "break/continue outside a loop")
        elif isinstance(s, ir.Return):
            if (s.value is None) != (self.fn.ret == T.NONE):
                self.fail(s, "return value does not match the declared return type")
            if s.value is not None:
                self.expect(s.value, self.fn.ret)
        elif isinstance(s, ir.Assert):
            self.expect(s.cond, T.BOOL)
        elif isinstance(s, ir.Raise):
            if s.exc not in EXCEPTIONS:
                self.fail(s, f"raise of unknown exception {s.exc}")
        elif isinstance(s, ir.Try):
            if not s.handlers and not s.finalbody:
                self.fail(s, "try without except or finally")
            self.block(s.body)
            for k, h in enumerate(s.handlers):
                if h.names is None and k != len(s.handlers) - 1:
                    self.fail(h, "bare except clause before the last one")
                for name in h.names or ():
                    if name not in EXCEPTIONS and name not in h.classes:
                        self.fail(h, f"except clause for unknown exception {name}")
                self.handler_depth += 1
                self.block(h.body)
                self.handler_depth -= 1
            self.block(s.orelse)
            depth, self.handler_depth = self.handler_depth, 0
            self.block(s.finalbody)
            self.handler_depth = depth
        elif isinstance(s, ir.ObjStore):
            for e in (s.target, s.key, s.value):
                if e is not None:
                    if not isinstance(e.type, T.PyObj):
                        self.fail(s, "object store of a non-object")
                    self.expr(e)
        elif isinstance(s, ir.Reraise):
            if not self.handler_depth:
                self.fail(s, "bare raise outside an except clause")
        else:
            self.fail(s, f"unknown statement {type(s).__name__}")

    def var(self, node, var: ir.Var) -> None:
        if id(var) not in self.known:
            self.fail(node, f"variable {var.name} is not declared in the function")

    def indices(self, node, atype: T.Array, indices: list[ir.Expr]) -> None:
        if len(indices) != atype.ndim:
            self.fail(node, f"{len(indices)} indices for a {atype.ndim}-D array")
        for i in indices:
            self.expect(i, T.I64)

    def expect(self, e: ir.Expr, t: T.Type) -> None:
        if e.type != t and not (isinstance(t, T.PyObj) and T.can_assign(t, e.type)):   # a list is an object
            self.fail(e, f"expected {t}, found {e.type} ({type(e).__name__})")
        self.expr(e)

    def new_array(self, e: ir.Intrinsic) -> None:
        """np.zeros & co. (frontend/alloc.py): i64 dimensions, one per axis, or a source of the
        result's rank (`_like`, copy); `full`'s value already of the dtype."""
        if e.name.endswith("_like") or e.name == "array.copy":
            src = e.args[0].type
            if not isinstance(src, T.Array) or src.ndim != e.type.ndim:
                self.fail(e, f"{e.name} of {src} cannot be {e.type}")
        elif len(e.args) < e.type.ndim or any(d.type != T.I64 for d in e.args[:e.type.ndim]):
            self.fail(e, f"{e.name}: dimensions must be {e.type.ndim} i64 values")
        if e.name.startswith("array.full") and e.args[-1].type != e.type.dtype:
            self.fail(e, f"{e.name}: the fill value is {e.args[-1].type}, not {e.type.dtype}")

    def array_map(self, e: ir.ArrayMap) -> None:
        """Operands are arrays of at most the result's rank, or scalars; the body is a scalar
        expression of the result's dtype whose element references name operands, typed as
        their items."""
        if not isinstance(e.type, T.Array):
            self.fail(e, "an array expression of a non-array type")
        for o in e.operands:
            if isinstance(o.type, T.Array) and o.type.ndim > e.type.ndim:
                self.fail(e, f"operand of rank {o.type.ndim} in a map of rank {e.type.ndim}")
            self.expr(o)
        if e.body.type != e.type.dtype:
            self.fail(e, f"map body is {e.body.type}, the map's dtype {e.type.dtype}")
        for sub in ir.walk_exprs(e.body):
            if isinstance(sub, ir.Elem):
                if not 0 <= sub.index < len(e.operands):
                    self.fail(sub, f"element reference %{sub.index} of a map with {len(e.operands)} operands")
                o = e.operands[sub.index].type
                if sub.type != (o.dtype if isinstance(o, T.Array) else o):
                    self.fail(sub, f"element reference %{sub.index} typed {sub.type}, its operand is {o}")
            elif isinstance(sub, (ir.ArrayMap, ir.Load, ir.Call)) or isinstance(sub.type, T.Array):
                self.fail(sub, f"{type(sub).__name__} inside a map body (operands are evaluated outside)")

    def expr(self, e: ir.Expr) -> None:
        if isinstance(e.type, T.ErrorType):
            self.fail(e, "expression of the error type reached the verifier")
        if isinstance(e, ir.Load):
            self.var(e, e.var)
        elif isinstance(e, ir.BinOp):
            if not (e.left.type == e.right.type == e.type) and e.op != "/":
                self.fail(e, f"operands of {e.op} are {e.left.type}, {e.right.type}; result {e.type}")
        elif isinstance(e, ir.ArraySlice):
            atype = e.array.type
            consumed = sum(1 for item in e.items if not item.newaxis)
            if not isinstance(atype, T.Array) or consumed > atype.ndim:
                self.fail(e, "slice of a non-array or with too many items")
            dropped = sum(1 for item in e.items if item.index is not None)
            added = len(e.items) - consumed
            if e.type != T.Array(atype.dtype, atype.ndim - dropped + added):
                self.fail(e, f"slice type {e.type} does not match {atype} with {dropped} indexed axes")
            for item in e.items:
                for v in (item.index, item.start, item.stop, item.step):
                    if v is not None and v.type != T.I64:
                        self.fail(e, "slice bounds must be i64")
        elif isinstance(e, ir.Index):
            self.indices(e, e.array.type, e.indices)
            if e.type != e.array.type.dtype:
                self.fail(e, "index result type differs from the dtype")
        elif isinstance(e, ir.Call):
            callee = self.module.functions.get(e.func)
            if callee is None:
                self.fail(e, f"call of unknown function {e.func}")
            if len(e.args) != len(callee.params):
                self.fail(e, "argument count mismatch")
            for a, p in zip(e.args, callee.params):
                self.expect(a, p.var.type)
            return
        elif isinstance(e, ir.Intrinsic) and e.name in _NEW_ARRAYS:
            self.new_array(e)
        elif isinstance(e, ir.ArrayMap):
            self.array_map(e)
        elif isinstance(e, ir.Elem):
            self.fail(e, "an element reference outside an array expression's body")
        elif isinstance(e, ir.Intrinsic) and e.name == "fx.let":
            # a composition (frontend/arrays.py: let): its body reads the names bound to the arguments
            self.known |= {id(v) for v in e.attrs["names"]}
            for x in (*e.attrs["effects"], e.attrs["result"]):
                self.expr(x)
            if e.attrs["result"].type != e.type:
                self.fail(e, f"let result {e.attrs['result'].type}, expected {e.type}")
        elif isinstance(e, ir.Intrinsic) and e.name == "array.assign":
            dst, src = (a.type for a in e.args)
            if not (isinstance(dst, T.Array) and isinstance(src, T.Array) and src.ndim <= dst.ndim):
                self.fail(e, f"slice assignment of {src} into {dst}")
        elif isinstance(e, ir.StmtExpr):
            self.block(e.body)
            if e.result.type != e.type and e.type != T.NONE:     # NONE: statements only, the result unused
                self.fail(e, f"statement expression result {e.result.type}, expected {e.type}")
        elif isinstance(e, ir.BoolOp):
            for v in e.values:
                if v.type != e.type:
                    self.fail(e, "boolean operator operand of another type")
        elif isinstance(e, ir.IfExp):
            self.expect(e.cond, T.BOOL)
            if e.then.type != e.type or e.orelse.type != e.type:
                self.fail(e, "conditional expression branches differ in type")
        if isinstance(e, ir.ArrayMap):
            return      # operands checked above; the body's element references are not variables
        for c in ir.children(e):
            self.expr(c)
