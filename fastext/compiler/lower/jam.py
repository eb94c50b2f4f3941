"""Unroll-and-jam of row loops: eight rows of a pure reduction nest run side by side.

    for i in range(a, b):
        s = 0.0                      # pre: scalar assignments
        for j in range(c, d):        # the same range for every row
            s += f(i, j) * v[j]      # pure body (lower/speculate.py's conditions)
        out[i] = s                   # post: scalar assignments and stores

A row's sum must be added in its own order (Python's result, bit for bit), so the inner
loop cannot be vectorised along `j` except by the slow lane-by-lane fold of an ordered
reduction.  Rows are independent, though: here blocks of `LANES` rows run their `pre`
and their inner loops together, each row with its own copy of the locals, so one `j`
iteration holds `LANES` isomorphic, independent computations that LLVM's SLP vectoriser
packs into vector instructions (eight divisions in one `vdivpd`), each lane still adding
its own row in order.  This is what gcc's outer-loop vectorisation does for the same C.

The block runs speculatively (lower/speculate.py): calls and zero-divisor tests only set
a flag, any other failed check leaves.  Then the block's rows are run again by the plain
loop, one after another, raising the first error where Python does; nothing the block
computed was visible yet (its locals are private copies, `post` has not run).  With no
failure, each row's `post` runs in row order with that row's locals.

Running rows out of order is exact only when a row's `post` cannot change what a later
row reads: `post` may store only into arrays the nest does not read by name, and a check
before the blocks (array extents, abi/noalias.py) sends overlapping arrays to the plain
loop; locals the nest reads must be loop-invariant or set by the row itself before use.
"""
from __future__ import annotations

import dataclasses

import llvmlite.ir as ll

from fastext.compiler import ir, types as T
from fastext.compiler.lower import speculate
from fastext.compiler.lower.context import I64, value_type

LANES = 8      # rows per block: an AVX-512 vector of f64 (two AVX2 vectors)


def _assigned(stmts: list[ir.Stmt]) -> list[ir.Var]:
    return [s.var for s in stmts if isinstance(s, ir.Assign)]


def _reads(e: ir.Expr) -> set[int]:
    return {id(x.var) for x in ir.walk_exprs(e) if isinstance(x, ir.Load)}


def _set_before_use(stmts: list[ir.Stmt], private: set[int], ready: set[int]) -> bool:
    """Each private local a statement reads was set earlier in `stmts` (or is in `ready`)."""
    ready = set(ready)
    for s in stmts:
        if _reads(s.value) & private - ready:
            return False
        ready.add(id(s.var))
    return True


def applies(fl, s: ir.ForRange) -> tuple[list, list, ir.ForRange, list] | None:
    """(list aliases, pre, inner loop, post) when `s` is a row loop that may run `LANES` rows at a time."""
    module = getattr(fl.ctx, "ir_module", None)
    if module is None or s.parallel is not None or s.orelse or not fl.boundscheck:
        return None
    if not (isinstance(s.step, ir.Const) and s.step.value == 1):
        return None
    body = _flatten(s.body)
    loops = [k for k, st in enumerate(body) if isinstance(st, ir.ForRange)]
    if len(loops) != 1:
        return None
    k = loops[0]
    pre, inner, post = body[:k], body[k], body[k + 1:]
    if inner.parallel is not None or inner.orelse or not inner.body or \
            not (isinstance(inner.step, ir.Const) and inner.step.value == 1):
        return None
    all_assigned = _assigned(pre) + _assigned(inner.body) + _assigned(post) + [s.var, inner.var]
    body_vars = {id(v) for v in all_assigned}
    # `xs = u` (a comprehension's name for the list it iterates): the same list in every row
    times_set = [id(v) for v in all_assigned].count
    aliases = [st for st in pre if isinstance(st, ir.Assign) and isinstance(st.var.type, T.List)
               and isinstance(st.value, ir.Load) and id(st.value.var) not in body_vars and times_set(id(st.var)) == 1]
    pre = [st for st in pre if st not in aliases]
    body_vars -= {id(st.var) for st in aliases}
    seen: set[str] = set()
    callee_ok = lambda f: speculate._pure_function(module, f, seen, fl.ctx.boundscheck)  # noqa: E731
    if not (speculate._stmts_pure(pre, callee_ok, False, True)
            and speculate._stmts_pure(inner.body, callee_ok, False, True)):
        return None
    for st in post:
        if isinstance(st, ir.ExprStmt) and _appended_list(st) is not None:
            exprs = st.value.args[1:]
        elif isinstance(st, (ir.Assign, ir.Store)):
            exprs = ir.children(st)
        else:
            return None
        if any(not speculate._pure_expr(e, callee_ok) for e in exprs):
            return None
    if (_reads(inner.start) | _reads(inner.stop)) & body_vars:
        return None           # every row must run the same inner range
    if id(inner.var) in {id(v) for v in _assigned(inner.body) + _assigned(pre)}:
        return None           # the rows share one `j`
    private = body_vars - {id(inner.var)}
    if not (_set_before_use(pre, private, {id(s.var)})
            and _set_before_use(inner.body, private, {id(s.var)} | {id(v) for v in _assigned(pre)})):
        return None
    nest = pre + inner.body
    # the nest's memory: arrays only, named by variables the loop does not reassign
    for st in nest:
        for e in ir.walk_exprs(st.value):
            if isinstance(e, ir.Load) and not (speculate.scalar_like(e.var.type) or _memory(e.var.type)):
                return None
            if isinstance(e, ir.Index) and not isinstance(e.array, ir.Load):
                return None
    read = {id(e.var) for st in nest for e in ir.walk_exprs(st.value)
            if isinstance(e, ir.Load) and _memory(e.var.type)}
    read |= {id(st.value.var) for st in aliases}
    for st in post:
        if isinstance(st, ir.Store):
            if not (isinstance(st.array, ir.Load) and isinstance(st.array.type, T.Array)):
                return None
            target = st.array.var
        elif isinstance(st, ir.ExprStmt):
            target = _appended_list(st)
        else:
            continue
        if id(target) in read or id(target) in body_vars:
            return None
    if read & body_vars:
        return None
    if any(not isinstance(st, ir.Assign) for st in post) and _module_memory(module, nest, set()):
        return None           # module-level arrays and lists: reads the overlap check cannot see
    return aliases, pre, inner, post


_MODULE_MEMORY = ("array.global", "module.load")


def _module_memory(module: ir.Module, stmts: list[ir.Stmt], seen: set[str]) -> bool:
    """`stmts`, or a function they call (transitively), read a module-level array or container."""
    for e in ir.all_exprs(stmts):
        if isinstance(e, ir.Intrinsic) and e.name in _MODULE_MEMORY:
            return True
        if isinstance(e, ir.Call) and e.func not in seen:
            seen.add(e.func)
            fn = module.functions.get(e.func)
            if fn is None or _module_memory(module, fn.body, seen):
                return True
    return False


def _flatten(body: list[ir.Stmt]) -> list[ir.Stmt]:
    """`x = {stmts; value}` (a comprehension, `sum([...])`) as `stmts; x = value`: the same steps."""
    out: list[ir.Stmt] = []
    for st in body:
        if isinstance(st, ir.Assign) and isinstance(st.value, ir.StmtExpr):
            out += _flatten(st.value.body)
            out.append(dataclasses.replace(st, value=st.value.result))
        else:
            out.append(st)
    return out


def _memory(t: T.Type) -> bool:
    """What the nest may read memory through: arrays and lists of scalars."""
    return isinstance(t, T.Array) or (isinstance(t, T.List) and isinstance(t.item, T.Scalar))


def _appended_list(st: ir.ExprStmt) -> ir.Var | None:
    """The list `xs` of `xs.append(v)` (a comprehension's new list), else None."""
    e = st.value
    if isinstance(e, ir.Intrinsic) and e.name == "list.append" and isinstance(e.args[0], ir.Load):
        return e.args[0].var
    return None


def lower(fl, s: ir.ForRange, plan) -> None:
    """Blocks of `LANES` rows jammed (behind the overlap check), then the plain loop for the rest."""
    aliases, pre, inner, post = plan
    b = fl.b
    start, stop = fl.expr(s.start), fl.expr(s.stop)
    ok = _disjoint(fl, aliases, pre + inner.body, post)
    private = _private_vars(s, pre, inner)
    lanes = [{id(v): fl.entry_alloca(value_type(v.type)) for v in private} for _ in range(LANES)]
    scratch = fl.entry_alloca(fl.err.type.pointee)
    flag = fl.entry_alloca(ll.IntType(1))

    pre_bb = b.block
    head, block_bb, plain, done = (fl.new_block(n) for n in ("jam.head", "jam.block", "jam.plain", "jam.done"))
    b.branch(head)
    b.position_at_end(head)
    row = b.phi(I64, name="jam.row")
    row.add_incoming(start, pre_bb)
    # rows left, counted without overflow: row < stop, so stop - row is exact as unsigned
    full = b.and_(b.icmp_signed("<", row, stop), b.icmp_unsigned(">=", b.sub(stop, row), I64(LANES)))
    b.cbranch(b.and_(ok, full), block_bb, plain)
    head_end = b.block

    b.position_at_end(block_bb)
    b.store(b.load(fl.err), scratch)
    b.store(ll.Constant(ll.IntType(1), 0), flag)
    replay, commit = fl.new_block("jam.replay"), fl.new_block("jam.commit")
    saved = dict(fl.slots)
    for slots in lanes:      # a local the rows only set in an empty inner loop keeps its value
        for v in private:
            b.store(b.load(saved[id(v)]), slots[id(v)])
    fl.block(aliases)
    fl.speculation = speculate.Speculation(scratch, flag, replay)
    try:
        jstart, jstop = fl.expr(inner.start), fl.expr(inner.stop)
        for k, slots in enumerate(lanes):
            fl.slots.update(slots)
            b.store(b.add(row, I64(k)), fl.slots[id(s.var)])
            fl.block(pre)
        fl.slots.update(saved)
        _jammed_inner(fl, inner, jstart, jstop, lanes, saved)
    finally:
        fl.speculation = None
        fl.slots.clear()
        fl.slots.update(saved)
    b.cbranch(b.load(flag), replay, commit)

    b.position_at_end(commit)
    for slots in lanes:          # each row's stores, in row order, with its own locals
        for v in private:
            b.store(b.load(slots[id(v)]), fl.slots[id(v)])
        fl.block(post)
    next_bb = fl.new_block("jam.next")
    b.branch(next_bb)

    b.position_at_end(replay)        # a check failed: these rows again, plainly, in order
    block_end = b.add(row, I64(LANES))
    b.branch(plain)

    # one ordinary loop serves both a failed block's rows (then back to the blocks) and the
    # rows left over after the last block (then done): its code is emitted once
    b.position_at_end(plain)
    lo, hi = b.phi(I64, name="jam.lo"), b.phi(I64, name="jam.hi")
    resume = b.phi(ll.IntType(1), name="jam.resume")
    for bb, upto, back in ((head_end, stop, 0), (replay, block_end, 1)):
        lo.add_incoming(row, bb)
        hi.add_incoming(upto, bb)
        resume.add_incoming(ll.Constant(ll.IntType(1), back), bb)
    fl.range_loop(s, lo, hi, I64(1))
    b.cbranch(resume, next_bb, done)

    b.position_at_end(next_bb)
    row.add_incoming(b.add(row, I64(LANES)), next_bb)
    b.branch(head)

    b.position_at_end(done)


def _private_vars(s: ir.ForRange, pre: list[ir.Stmt], inner: ir.ForRange) -> list[ir.Var]:
    """The locals each row keeps its own copy of: `i` and what `pre` and the inner body set."""
    out: dict[int, ir.Var] = {id(s.var): s.var}
    for v in _assigned(pre) + _assigned(inner.body):
        out.setdefault(id(v), v)
    return list(out.values())


def _jammed_inner(fl, inner: ir.ForRange, jstart, jstop, lanes, shared) -> None:
    """One loop over `j`; each iteration runs the inner body once per row, on that row's locals."""
    b = fl.b
    pre_bb = b.block
    head, body, end = fl.new_block("jam.j"), fl.new_block("jam.jbody"), fl.new_block("jam.jend")
    b.branch(head)
    b.position_at_end(head)
    iv = b.phi(I64, name="jam.j")
    iv.add_incoming(jstart, pre_bb)
    b.cbranch(b.icmp_signed("<", iv, jstop), body, end)
    b.position_at_end(body)
    b.store(iv, shared[id(inner.var)])
    for slots in lanes:
        fl.slots.update(slots)
        fl.block(inner.body)
    fl.slots.update(shared)
    iv.add_incoming(b.add(iv, I64(1)), b.block)
    b.branch(head).set_metadata("llvm.loop", _scalar_loop(fl.ctx.module))
    b.position_at_end(end)


def _scalar_loop(module: ll.Module) -> ll.MDValue:
    """Loop metadata that keeps the loop vectoriser off the jammed loop: vectorised along `j`,
    each of its rows' sums would be folded lane by lane (ordered reductions), undoing the
    rows-in-lanes code the SLP vectoriser makes of the body."""
    off = module.add_metadata([ll.MetaDataString(module, "llvm.loop.vectorize.enable"),
                               ll.Constant(ll.IntType(1), 0)])
    # a loop ID is a node whose first operand is itself; the name keeps each loop's node its own
    count = getattr(module, "_fastext_jam_loops", 0) + 1
    module._fastext_jam_loops = count
    node = module.add_metadata([ll.MetaDataString(module, f"fastext.jam.{count}"), off])
    node.operands = (node,) + tuple(node.operands[1:])
    return node


def _disjoint(fl, aliases: list[ir.Assign], nest: list[ir.Stmt], post: list[ir.Stmt]) -> ll.Value:
    """i1: nothing `post` writes is something the nest reads: an array stored into overlaps no
    array read (empty views never do), a list appended to is none of the lists read."""
    from fastext.compiler.lower.alloc import byte_extent as _extent
    b = fl.b
    source = {id(st.var): st.value.var for st in aliases}     # read before the aliases are set
    read = {}
    for st in nest:
        for e in ir.walk_exprs(st.value):
            if isinstance(e, ir.Load) and _memory(e.var.type):
                v = source.get(id(e.var), e.var)
                read[id(v)] = v
    ok = ll.Constant(ll.IntType(1), 1)
    for st in post:
        if isinstance(st, ir.ExprStmt):
            target = b.ptrtoint(b.load(fl.slots[id(_appended_list(st))]), I64)
            for r in read.values():
                if isinstance(r.type, T.List):
                    ok = b.and_(ok, b.icmp_unsigned("!=", target, b.ptrtoint(b.load(fl.slots[id(r)]), I64)))
            continue
        if not isinstance(st, ir.Store):
            continue
        w = st.array.var
        lo_w, hi_w, empty_w = _extent(b, b.load(fl.slots[id(w)]), w.type)
        for r in read.values():
            if not isinstance(r.type, T.Array):
                continue
            lo_r, hi_r, empty_r = _extent(b, b.load(fl.slots[id(r)]), r.type)
            apart = b.or_(b.icmp_unsigned("<=", hi_w, lo_r), b.icmp_unsigned("<=", hi_r, lo_w))
            ok = b.and_(ok, b.or_(apart, b.or_(empty_w, empty_r)))
    return ok
