"""Array expressions that apply NumPy's transcendental ufuncs: evaluated in chunks.

`y = np.exp(-x * x) * 2.0` must give NumPy's bits, which only NumPy's own inner loop
computes (`lower/nploops.py`); calling that loop once per item costs ~20 ns.  So the loop of
such a map runs over chunks of `CHUNK` items.  For each chunk, in phases:

1. for each ufunc call of the body that NumPy's loop computes (innermost first), its
   arguments are computed item by item into stack buffers — the rest of the body up to
   that call, fused as before — and NumPy's loop runs once over the buffers;
2. the body is computed item by item with those calls read from their result buffers, and
   stored (or handed to a reduction).

NumPy's own result depends on the strides its loop is handed: an operand that its ufunc
machinery walks as one flat run backwards (`x[::-1]`, every axis reversed) reaches the loop
with a negative stride, where NumPy's SIMD variants step aside for the C library's function.
So an argument that is such an operand itself is written into its buffer backwards and
handed over with a negative stride: the same loop, the same branch, the same bits; and an
argument that reads no array (a number) is handed over once, with stride 0, as NumPy does.

Every phase is a short counted loop over unit-stride buffers (vectorised), the buffers stay
in L1, and NumPy's loop runs on long contiguous runs, as NumPy itself would.  Two copies are
skipped where the strides allow (`y = np.exp(x)` then costs what NumPy's own call does): an
argument that is an array operand of the loop's type is read in place (its step positive, or
negative where NumPy too walks it backwards), and a body that is one call stored into a
destination of its type with a positive step is written there by NumPy's loop.  Items keep
their C order, so a reduction sees them as before.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler.lower import arith
from fastext.compiler.lower.context import I64, scalar_type

CHUNK = 256


def nodes(fl, body: ir.Expr) -> list[ir.Intrinsic]:
    """The calls of `body` NumPy's loops compute, each after the calls inside its arguments."""
    from fastext.compiler.lower.nploops import applies
    out, seen = [], set()
    for e in reversed(list(ir.walk_exprs(body))):       # pre-order reversed: arguments first
        if id(e) not in seen and applies(fl, e):
            seen.add(id(e))
            out.append(e)
    return out


class Staged:
    """The element callback of a map whose body has calls of `nodes`: the loop drivers of
    `lower/arraymap.py` hand it their item count and item pointers (`run`) instead of calling
    it once per item.  `values(pointers)` loads the operands' items; `finish(pointers, value)`
    stores (or reduces) the body's value."""

    def __init__(self, fl, body: ir.Expr, calls: list[ir.Intrinsic], checks, values, finish, ops=None,
                 ndim: int = 0, positions: dict | None = None, target: int | None = None):
        from fastext.compiler.lower.nploops import letter, op_names, runner
        self.fl, self.body, self.calls, self.checks = fl, body, calls, checks
        self.values, self.finish = values, finish
        # operand index → index of its item pointer in the loop drivers' pointers (arrays only)
        self.ops, self.positions = ops, positions
        # the destination's pointer index, when the body is one call whose loop can write there
        self.target = target if calls and calls[-1] is body else None
        self.runners, self.buffers = [], []
        for e in calls:
            ufunc, libm, nin = op_names(e)
            self.runners.append(runner(fl.ctx, ufunc, libm, nin, e.type))
            ty = scalar_type(e.type)
            assert letter(e.type) is not None
            # inputs then output, each CHUNK items of the loop's type
            self.buffers.append([fl.entry_alloca(ll.ArrayType(ty, CHUNK)) for _ in range(nin + 1)])
        # per call, per argument: i1, the argument is an operand NumPy walks backwards
        self.backwards = [[_backwards(fl, arg, e, ops, ndim) for arg in e.args] for e in calls]
        # per call, per argument: the same for every item (no array operand in it)
        self.invariant = [[_invariant(arg, ops) for arg in e.args] for e in calls]

    def _item(self, k: int, j: ll.Value) -> ll.Value:
        return self.fl.b.gep(self.buffers[k][-1], [I64(0), j])

    def _lowering(self, pointers, j: ll.Value, ready: int):
        """ElementLowering for item j whose calls before `ready` are read from their buffers."""
        from fastext.compiler.lower.arraymap import ElementLowering
        done = {id(e): (lambda k=k: self.fl.b.load(self._item(k, j))) for k, e in enumerate(self.calls[:ready])}
        return ElementLowering(self.fl, self.values(pointers), self.checks, done)

    def _select(self, k: int, a: int, backwards: ll.Value, forwards: ll.Value) -> ll.Value:
        flag = self.backwards[k][a]
        return forwards if flag is None else self.fl.b.select(flag, backwards, forwards)

    def _direct(self, k: int, e: ir.Intrinsic, base: ll.Value, pointers_at):
        """(i1, input pointers, byte steps) to hand NumPy's loop the operands' own items when every
        argument of call k is an array operand of the loop's type (`np.exp(x)`): usable for a
        chunk whose items step forwards, or backwards where NumPy too would walk them so; None
        when some argument is an expression."""
        b = self.fl.b
        if self.positions is None or not all(
                isinstance(a, ir.Elem) and a.index in self.positions and self.ops[a.index].type.dtype == e.type
                for a in e.args):
            return None
        here, after = pointers_at(base), pointers_at(b.add(base, I64(1)))
        usable, pointers, steps = ll.IntType(1)(1), [], []
        for a, arg in enumerate(e.args):
            pos = self.positions[arg.index]
            p = b.bitcast(here[pos], self.buffers[k][a].type.pointee.element.as_pointer())
            step = b.sub(b.ptrtoint(after[pos], I64), b.ptrtoint(here[pos], I64))
            ok = b.icmp_signed(">", step, I64(0))
            if self.backwards[k][a] is not None:
                ok = b.or_(ok, self.backwards[k][a])
            usable = b.and_(usable, ok)
            pointers.append(p)
            steps.append(step)
        return usable, pointers, steps

    def _through_buffers(self, k: int, e: ir.Intrinsic, base: ll.Value, m: ll.Value, pointers_at, name: str,
                         out: ll.Value, out_step: ll.Value) -> None:
        """Call k's arguments computed into its buffers for the chunk's m items, then its loop."""
        from fastext.compiler.lower.arraymap import _counted_loop
        fl = self.fl
        b = fl.b
        last = b.sub(m, I64(1))

        def stage(j, backwards=True):
            el = self._lowering(pointers_at(b.add(base, j)), j, k)
            for a, arg in enumerate(e.args):
                v = arith.cast(fl, el.expr(arg), arg.type, e.type)
                at = I64(0) if self.invariant[k][a] else \
                    self._select(k, a, b.sub(last, j), j) if backwards else j
                b.store(v, b.gep(self.buffers[k][a], [I64(0), at]))
        flags = [f for f in self.backwards[k] if f is not None]
        if flags:
            # two copies of the loop, so the usual one stores with unit stride (vectorised)
            some = flags[0]
            for f in flags[1:]:
                some = b.or_(some, f)
            with b.if_else(some, likely=False) as (rev, fwd):
                with rev:
                    _counted_loop(fl, m, stage, f"{name}.args{k}.rev")
                with fwd:
                    _counted_loop(fl, m, lambda j: stage(j, False), f"{name}.args{k}")
        else:
            _counted_loop(fl, m, stage, f"{name}.args{k}")
        nbytes = e.type.nbytes
        start = [b.gep(buf, [I64(0), self._select(k, a, last, I64(0))]) for a, buf in enumerate(self.buffers[k][:-1])]
        start.append(out)
        steps = [I64(0) if self.invariant[k][a] else self._select(k, a, I64(-nbytes), I64(nbytes))
                 for a in range(len(e.args))]
        b.call(self.runners[k], start + [m] + steps + [out_step])

    def run(self, n: ll.Value, pointers_at, name: str) -> None:
        """Every item of a loop of `n` items whose item i has the pointers `pointers_at(i)`."""
        from fastext.compiler.lower.arraymap import _counted_loop
        fl = self.fl
        b = fl.b
        chunks = b.udiv(b.add(n, I64(CHUNK - 1)), I64(CHUNK))

        def chunk(c):
            base = b.mul(c, I64(CHUNK))
            left = b.sub(n, base)
            m = b.select(b.icmp_signed("<", left, I64(CHUNK)), left, I64(CHUNK))
            written = None          # i1: the last loop wrote the destination itself
            for k, e in enumerate(self.calls):
                out, out_step = b.gep(self.buffers[k][-1], [I64(0), I64(0)]), I64(e.type.nbytes)
                if k == len(self.calls) - 1 and self.target is not None:
                    # forwards (as NumPy's own output would be, or a view NumPy writes through)
                    here, after = pointers_at(base)[self.target], pointers_at(b.add(base, I64(1)))[self.target]
                    step = b.sub(b.ptrtoint(after, I64), b.ptrtoint(here, I64))
                    written = b.icmp_signed(">", step, I64(0))
                    out = b.select(written, b.bitcast(here, out.type), out)
                    out_step = b.select(written, step, out_step)
                direct = self._direct(k, e, base, pointers_at)
                if direct is None:
                    self._through_buffers(k, e, base, m, pointers_at, name, out, out_step)
                    continue
                usable, pointers, steps = direct
                with b.if_else(usable, likely=True) as (then, otherwise):
                    with then:
                        b.call(self.runners[k], pointers + [out, m] + steps + [out_step])
                    with otherwise:
                        self._through_buffers(k, e, base, m, pointers_at, name, out, out_step)

            def final(j):
                pointers = pointers_at(b.add(base, j))
                self.finish(pointers, self._lowering(pointers, j, len(self.calls)).expr(self.body))
            if written is None:
                _counted_loop(fl, m, final, f"{name}.rest")
            else:
                with b.if_then(b.not_(written)):
                    _counted_loop(fl, m, final, f"{name}.rest")
        _counted_loop(fl, chunks, chunk, f"{name}.chunks")


def _invariant(arg: ir.Expr, ops) -> bool:
    """Whether `arg` reads no array operand: NumPy hands its loop such a value (a number, a
    0-d result) with stride 0, which some loops test (`np.power(x, 2.0)` squares)."""
    if ops is None:
        return False
    return not any(isinstance(n, ir.Elem) and ops[n.index].is_array for n in ir.walk_exprs(arg))


def _backwards(fl, arg: ir.Expr, call: ir.Intrinsic, ops, ndim: int) -> ll.Value | None:
    """i1: `arg` is an array operand of the map's full rank and of the loop's item type that
    NumPy would hand its loop as one backward run (every axis longer than 1 reversed, at least
    one such axis); None when it cannot be (an expression, a cast, a broadcast operand)."""
    if ops is None or not isinstance(arg, ir.Elem):
        return None
    op = ops[arg.index]
    if not op.is_array or op.type.ndim != ndim or op.type.dtype != call.type:
        return None
    b = fl.b
    every, some = ll.IntType(1)(1), ll.IntType(1)(0)
    for d in range(op.type.ndim):
        size, stride = b.extract_value(op.value, [1, d]), b.extract_value(op.value, [2, d])
        long = b.icmp_signed(">", size, I64(1))
        every = b.and_(every, b.or_(b.not_(long), b.icmp_signed("<", stride, I64(0))))
        some = b.or_(some, long)
    return b.and_(every, some)
