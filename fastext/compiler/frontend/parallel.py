"""`for i in prange(...)`: parallel loops, and which variables their threads share.

`check_prange` checks the loop like `for i in range(...)` (same argument forms) and
rejects what cannot run in threads: `break` out of the body, `return` inside it.  A
prange inside another prange body runs serially (it is a plain `range` loop).

Once the whole function is checked, `finish` classifies every variable a prange body
uses (it needs to see the uses after the loop too):

* read in the body, never written there: *captured* (copied into each thread);
* written in the body and used only inside prange bodies that write it: *private*
  (each thread has its own copy);
* used outside the loop and updated in the body only as `v += e`, `v -= e`, `v *= e`,
  `v = min(v, e)`, `v = max(v, e)`: a *reduction* (a per-thread accumulator starting
  at the operation's identity, combined in block order after the loop);
* anything else written in the body is a located error (a data race).
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler.diagnostics import Diagnostic
from fastext.compiler.types import I64, Scalar

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

REDUCTION_HINT = ("a prange body may update an outer variable only as a reduction: `s += e`, `s -= e`, "
                  "`s *= e`, `s = min(s, e)` or `s = max(s, e)`; use a new name for a value local to one iteration")


def check_prange(fc: "FunctionChecker", node: ast.For) -> list[ir.Stmt]:
    """`for i in prange(...)`: an `ir.ForRange` whose `parallel` is filled in by `finish`."""
    from fastext.compiler.frontend.loops import _body, range_args
    span = fc.span(node)
    if fc.sig.target != "cpu":
        raise fc.error(node.iter, "prange is not supported in GPU code",
                       "a kernel is already parallel: index with gpu.global_id(0) (or a grid-stride loop over range)")
    if not isinstance(node.target, ast.Name):
        raise fc.error(node.target, "the target of a prange loop must be a plain name", "for i in prange(n):")
    nested = fc.prange_depth > 0
    if not nested:
        _reject_exits(fc, node)
    start, stop, step = range_args(fc, node.iter, "prange")
    var = fc.vars.get(node.target.id) or fc.declare(node.target.id, I64, node.target)
    if var.type != I64:
        raise fc.error(node.target, f"loop variable `{var.name}` already has type {var.type}", "use a new name")
    fc.prange_depth += 1
    try:
        body = _body(fc, node)
    finally:
        fc.prange_depth -= 1
    loop = ir.ForRange(span, var, start, stop, step, body, fc.block(node.orelse),
                       None if nested else ir.Parallel())
    if not nested:
        fc.prange_loops.append(loop)
    return [loop]


def _reject_exits(fc: "FunctionChecker", node: ast.For) -> None:
    """`return` anywhere in the body and `break` out of it: the iterations run in any order."""
    def walk(stmts: list[ast.stmt], in_inner_loop: bool) -> None:
        for s in stmts:
            if isinstance(s, ast.Return):
                fc.diags.add(fc.error(s, "`return` inside a prange loop",
                                      "the iterations run in parallel: compute a result with a reduction "
                                      "(`s += e`, `s = max(s, e)`) and return it after the loop").diagnostic)
            elif isinstance(s, ast.Break) and not in_inner_loop:
                fc.diags.add(fc.error(s, "`break` out of a prange loop",
                                      "every iteration of a prange loop runs; use `range` for a loop that "
                                      "stops early, or `continue` to skip an iteration").diagnostic)
            for field in ("body", "orelse", "finalbody", "handlers"):
                inner = getattr(s, field, None) or []
                if field == "handlers":
                    for h in inner:
                        walk(h.body, in_inner_loop)
                    continue
                loops = isinstance(s, (ast.For, ast.While)) and field == "body"
                walk(inner, in_inner_loop or loops)
    walk(node.body, False)


# ----------------------------------------------------------------------------- classification

@dataclass
class _Ref:
    var: ir.Var
    write: bool
    region: ir.ForRange | None     # the outermost prange loop whose body holds the use; None: serial code
    stmt: ir.Stmt
    node: ir.Expr | None = None    # the Load, for reads


def finish(fc: "FunctionChecker", body: list[ir.Stmt]) -> None:
    """Classify the variables of every prange loop in `body` (a checked function body)."""
    refs: list[_Ref] = []
    _collect(body, None, refs)
    by_var: dict[int, list[_Ref]] = {}
    for r in refs:
        by_var.setdefault(id(r.var), []).append(r)
    from fastext.compiler.frontend.nprandom import reject_shared_generators
    for loop in fc.prange_loops:
        _classify(fc, loop, by_var)
        _reject_objects(fc, loop)
        reject_shared_generators(fc, loop)
        _reject_shared_growth(fc, loop)


# Container operations that may move or rebuild a list's or dict's storage: two threads doing
# one of them on the same container would race on its header (lower/lists.py, lower/dicts.py).
_RESIZING = {"list.append", "list.extend", "list.insert", "list.pop", "list.remove", "list.clear",
             "list.assign_slice", "list.sort", "list.reverse", "dict.setitem", "dict.delitem", "dict.clear",
             "dict.compact", "dict.getitem"}


def _reject_shared_growth(fc: "FunctionChecker", loop: ir.ForRange) -> None:
    """A list or dict made before a prange loop may be read by its threads, not resized."""
    own = {id(s.var) for s in ir.walk(loop.body) if isinstance(s, ir.Assign)}
    for e in ir.all_exprs(loop.body):
        if isinstance(e, ir.Intrinsic) and e.name in _RESIZING and e.args and isinstance(e.args[0], ir.Load) \
                and id(e.args[0].var) not in own and (e.name != "dict.getitem" or e.attrs.get("kind") in (
                    "setdefault", "pop")):
            _error(fc, e.span, f"`{e.args[0].var.name}` is shared by the threads of this prange loop: it cannot "
                               "change size here", "store per-iteration results in an array (`out[i] = ...`), "
                               "or build the list after the loop; iterating a shared dict: list(d.items()) first")
            return


def _reject_objects(fc: "FunctionChecker", loop: ir.ForRange) -> None:
    """Python objects need the GIL, which the threads of a prange loop do not hold."""
    from fastext.compiler.types import PyObj

    def walk(stmts: list[ir.Stmt]) -> bool:
        for s in stmts:
            for e in ir.children(s):
                for sub in ir.walk_exprs(e):
                    if isinstance(sub.type, PyObj):
                        _error(fc, sub.span, "Python objects cannot be used in a prange loop body",
                               "its threads run without the GIL: convert the values to numbers or arrays "
                               "before the loop (or use range)")
                        return True
            if isinstance(s, ir.ObjStore) or any(walk(b) for b in ir.bodies(s)):
                if isinstance(s, ir.ObjStore):
                    _error(fc, s.span, "Python objects cannot be used in a prange loop body",
                           "its threads run without the GIL: store the results after the loop")
                return True
        return False
    walk(loop.body)


def _classify(fc: "FunctionChecker", loop: ir.ForRange, by_var: dict[int, list[_Ref]]) -> None:
    par = loop.parallel
    seen: set[int] = set()
    for vid, var_refs in by_var.items():
        inside = [r for r in var_refs if r.region is loop]
        if not inside:
            continue
        var = inside[0].var
        seen.add(vid)
        writes = [r for r in inside if r.write]
        if var is loop.var:
            if writes:
                _error(fc, writes[0].stmt.span, f"the prange loop variable `{var.name}` is assigned in the loop body",
                       "use a new name for the changed value")
            continue
        if not writes:
            par.captured.append(var)
            continue
        if _is_private(var, var_refs):
            par.private.append(var)
            continue
        op = _reduction_op(var, inside)
        if op is None:
            _report_race(fc, var, inside)
            continue
        par.reductions.append(ir.Reduction(var, op))


def _is_private(var: ir.Var, var_refs: list[_Ref]) -> bool:
    """Every use is inside prange bodies, and each of those bodies writes the variable."""
    if var.is_param or any(r.region is None for r in var_refs):
        return False
    regions = {id(r.region) for r in var_refs}
    written = {id(r.region) for r in var_refs if r.write}
    return regions == written


def _reduction_op(var: ir.Var, inside: list[_Ref]) -> str | None:
    """The combining operation when every use of `var` in the body is a reduction update."""
    if not isinstance(var.type, Scalar) or var.type.is_bool:
        return None
    ops: set[str] = set()
    for r in inside:
        if not r.write:
            continue    # reads are checked below: each must be the one inside a reduction update
        op = _update_op(var, r.stmt)
        if op is None:
            return None
        ops.add(op)
    updates = {id(r.stmt) for r in inside if r.write}
    if any(not r.write and id(r.stmt) not in updates for r in inside):
        return None
    reads_per_update: dict[int, int] = {}
    for r in inside:
        if not r.write:
            reads_per_update[id(r.stmt)] = reads_per_update.get(id(r.stmt), 0) + 1
    if any(n != 1 for n in reads_per_update.values()) or len(reads_per_update) != len(updates):
        return None
    if len(ops) != 1 or (var.type.is_complex and ops & {"min", "max"}):
        return None
    return ops.pop()


def _update_op(var: ir.Var, stmt: ir.Stmt) -> str | None:
    """"+" for `v = v + e` / `v = v - e` / `v = e + v`, "*", "min", "max"; None for anything else."""
    if not isinstance(stmt, ir.Assign) or stmt.var is not var:
        return None
    value = stmt.value
    outer_cast = isinstance(value, ir.Cast)
    value = _strip(value)
    if isinstance(value, ir.BinOp) and value.op in ("+", "-", "*"):
        if outer_cast and not (var.type.is_int and value.type.is_int):
            return None      # a rounding conversion after each step does not combine
        left, right = _is_var(value.left, var), _is_var(value.right, var)
        if left and not right or right and not left and value.op != "-":
            return "*" if value.op == "*" else "+"
        return None
    if isinstance(value, ir.Intrinsic) and value.name in ("min", "max") and len(value.args) == 2 and not outer_cast:
        if value.type != var.type:
            return None
        a, b = (_is_var(x, var) for x in value.args)
        return value.name if a != b else None
    return None


def _strip(e: ir.Expr) -> ir.Expr:
    while isinstance(e, ir.Cast):
        e = e.value
    return e


def _is_var(e: ir.Expr, var: ir.Var) -> bool:
    e = _strip(e)
    return isinstance(e, ir.Load) and e.var is var


def _report_race(fc: "FunctionChecker", var: ir.Var, inside: list[_Ref]) -> None:
    writes = [r for r in inside if r.write]
    if var.is_param:
        _error(fc, writes[0].stmt.span, f"the parameter `{var.name}` is assigned inside a prange loop", REDUCTION_HINT)
        return
    if not isinstance(var.type, Scalar):
        _error(fc, writes[0].stmt.span, f"`{var.name}` is assigned inside a prange loop and used outside it",
               "use a new name for a value local to one iteration")
        return
    bad_write = next((r for r in writes if _update_op(var, r.stmt) is None), None)
    if bad_write is not None:
        _error(fc, bad_write.stmt.span,
               f"`{var.name}` is assigned inside a prange loop and used outside it, but not as a reduction",
               REDUCTION_HINT)
        return
    ops = {_update_op(var, r.stmt) for r in writes}
    if len(ops) > 1:
        _error(fc, writes[-1].stmt.span, f"the reduction `{var.name}` mixes {' and '.join(sorted(ops))} updates",
               "update a reduction variable with one operation (`+=`/`-=`, `*=`, min or max)")
        return
    updates = {id(r.stmt) for r in writes}
    read = next((r for r in inside if not r.write and id(r.stmt) not in updates), None)
    if read is None:      # an update that reads the variable twice
        seen: set[int] = set()
        for r in inside:
            if not r.write and id(r.stmt) in seen:
                read = r
                break
            seen.add(id(r.stmt))
    span = read.node.span if read is not None and read.node is not None else writes[0].stmt.span
    _error(fc, span, f"the reduction variable `{var.name}` is read inside the prange loop",
           "its value is only complete after the loop: read it there, or keep a separate per-iteration value")


def _error(fc: "FunctionChecker", span, message: str, hint: str) -> None:
    fc.diags.add(Diagnostic(span, message, hint))


def _collect(stmts: list[ir.Stmt], region: ir.ForRange | None, out: list[_Ref]) -> None:
    for s in stmts:
        for e in ir.children(s):
            _collect_reads(e, region, s, out)
        if isinstance(s, ir.Assign):
            out.append(_Ref(s.var, True, region, s))
        elif isinstance(s, ir.ForRange):
            out.append(_Ref(s.var, True, region, s))
            inner = s if s.parallel is not None and region is None else region
            _collect(s.body, inner, out)
            _collect(s.orelse, region, out)
            continue
        for body in ir.bodies(s):
            _collect(body, region, out)


def _collect_reads(e: ir.Expr, region, stmt: ir.Stmt, out: list[_Ref]) -> None:
    if isinstance(e, ir.Load):
        out.append(_Ref(e.var, False, region, stmt, e))
    for c in ir.children(e):
        _collect_reads(c, region, stmt, out)


