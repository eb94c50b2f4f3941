"""Compile-time budget: the shapes LLVM's optimiser handles in superlinear time, kept from it.

Measured blow-ups (docs/reliability.md has the numbers):

* **SLP vectoriser, horizontal reductions.**  A long run of straight-line code that folds
  many integer terms into one value -- `s += x * k % 7` a hundred times, or one expression
  of many `//`/`%` terms -- becomes one chain of adds after `mem2reg`; SLPVectorizer's
  horizontal-reduction search over it (tree building and cost model, over and over as the
  insertelement chains it creates grow) takes time cubic in the number of terms: 0.7 s for
  50 statements, 12 s for 100, over 100 s for 400 (`-time-passes`: 90-95% SLPVectorizerPass;
  `-slp-vectorize-hor=false` makes it linear).  A function whose longest straight-line
  run holds more than `config.SLP_RUN_LIMIT` integer operations gets the `noimplicitfloat`
  attribute, which keeps the SLP (and loop) vectorisers out of that function only (the
  attribute follows the body when it is inlined into a caller).
* **Loop vectoriser, many loops.**  Its cost per loop grows with the size of the function
  (analyses recomputed over the whole function for each loop): 200 loops in one function,
  6.3 s of LoopVectorizePass out of 19.5 s.  A function with more than `config.LOOP_LIMIT`
  loops (an array expression counts as one; the largest kernel of the repository has 8) gets
  `noimplicitfloat` too — set high, as losing the vectorisers costs NumPy-style code most; the other
  loop passes (unrolling, strength reduction) still grow faster than linearly (7.5 s for 200
  loops with the vectorisers out), so past `config.LOOP_UNOPT_LIMIT` loops a function is
  compiled without optimisation.
* **InstCombine, many checks on one value.**  Every `x % m` checks `m != 0` with a branch;
  InstCombine's known-bits queries walk every dominating condition on `m`
  (DomConditionCache), so n divisions by `m` in one block cost n^2: 500 lines of
  `s += x * k % m`, 6.3 s of InstCombine.  A function whose straight-line run holds more
  than `config.DIVISION_RUN_LIMIT` divisions by variables is compiled without optimisation.
* **Code generation of huge blocks.**  Instruction selection, the machine scheduler and the
  machine combiner grow quadratically with the size of one basic block (a 4,000-line
  straight-line function: 17 s of code generation — its small blocks of floor-division
  fix-ups are merged into one by the optimiser).  A function whose longest straight-line run
  holds more than `config.HUGE_RUN_OPERATIONS` scalar operations, or which lowers to more than
  `config.HUGE_FUNCTION_INSTRUCTIONS` LLVM instructions, is compiled without optimisation
  (`optnone`: linear time) and the compiler says so in a note at its `def`.  Array
  expressions count once each: their element operations run in loops, whose blocks stay
  apart (a NumPy-style function of thirty expressions is large and fast to compile).
"""
from __future__ import annotations

import re

from fastext import config
from fastext.compiler import ir
from fastext.compiler.diagnostics import Diagnostic
from fastext.compiler.types import Scalar

_COMPOUND = (ir.If, ir.While, ir.ForRange, ir.Try)


def straight_line_int_ops(fn: ir.Function) -> int:
    """The most integer operations (scalar `BinOp`s on integers) in one straight-line run of
    statements of `fn` -- a run ends at any `if`, loop or `try`, whose bodies are runs of their own."""
    return _longest_run(fn, _is_int_op)


def straight_line_divisions(fn: ir.Function) -> int:
    """The most integer `//` and `%` by a non-constant divisor in one straight-line run of `fn`
    (each is a zero-division check: a branch on the divisor)."""
    return _longest_run(fn, lambda e: _is_int_op(e) and e.op in ("//", "%") and not isinstance(e.right, ir.Const))


def straight_line_operations(fn: ir.Function) -> int:
    """The most scalar operations in one straight-line run of `fn` (an array expression's
    element operations run in its loop and do not count)."""
    return _longest_run(fn, lambda e: isinstance(e.type, Scalar) and not isinstance(e, (ir.Load, ir.Const, ir.Elem)))


def loop_count(fn: ir.Function) -> int:
    """Loops of `fn`: `for`/`while` statements and array expressions (each lowered to a loop nest)."""
    loops = sum(isinstance(s, (ir.ForRange, ir.While)) for s in ir.walk(fn.body))
    return loops + sum(isinstance(e, ir.ArrayMap) for e in ir.all_exprs(fn.body))


def _is_int_op(e: ir.Expr) -> bool:
    return isinstance(e, ir.BinOp) and isinstance(e.type, Scalar) and (e.type.is_int or e.type.is_bool)


def _longest_run(fn: ir.Function, counts) -> int:
    best = 0
    pending = [fn.body]
    while pending:
        run = 0
        for stmt in pending.pop():
            if isinstance(stmt, _COMPOUND):
                best = max(best, run)
                run = 0
                pending.extend(ir.bodies(stmt))
                run += _count(ir.children(stmt), counts)     # its condition starts the next run
                continue
            run += _count(ir.children(stmt), counts)
        best = max(best, run)
    return best


def _count(exprs: list[ir.Expr], counts) -> int:
    total = 0
    stack = list(exprs)
    while stack:
        e = stack.pop()
        total += bool(counts(e))
        # an array expression's body runs once per item, in its own loop: not part of the run
        stack.extend(e.operands if isinstance(e, ir.ArrayMap) else ir.children(e))
    return total


def unvectorised(module: ir.Module) -> set[str]:
    """Qualified names of the functions the vectorisers must not see (see the module docstring)."""
    return {name for name, fn in module.functions.items()
            if straight_line_int_ops(fn) > config.SLP_RUN_LIMIT or loop_count(fn) > config.LOOP_LIMIT}


def unoptimisable(module: ir.Module) -> set[str]:
    """Qualified names of the functions left unoptimised whatever their size (module docstring)."""
    return {name for name, fn in module.functions.items()
            if straight_line_divisions(fn) > config.DIVISION_RUN_LIMIT or loop_count(fn) > config.LOOP_UNOPT_LIMIT}


_DEFINE = re.compile(r'^define [^@]*@"?([^"(]+)"?\(')


def instruction_counts(ir_text: str) -> dict[str, int]:
    """LLVM function name -> number of instructions, from the textual IR (one pass, no parsing)."""
    counts: dict[str, int] = {}
    current = None
    for line in ir_text.splitlines():
        if line.startswith("define "):
            m = _DEFINE.match(line)
            current = m.group(1) if m else None
            if current is not None:
                counts[current] = 0
        elif line.startswith("}"):
            current = None
        elif current is not None and line.startswith("  ") and not line.startswith("  ;"):
            counts[current] += 1
    return counts


def owner(llvm_name: str, module: ir.Module) -> ir.Function | None:
    """The `.fx` function an LLVM function was lowered from (`fx.f`, `fx.f.contiguous`, `fx.f.prange0`, …)."""
    if not llvm_name.startswith("fx."):
        return None
    name = llvm_name[3:]
    while name:
        fn = module.functions.get(name)
        if fn is not None:
            return fn
        name = name.rpartition(".")[0]
    return None


def plan(module: ir.Module, ir_text: str) -> tuple[set[str], set[str], list[Diagnostic]]:
    """(LLVM functions to keep from the vectorisers, LLVM functions to leave unoptimised, notes)."""
    unvec_fx, unopt_fx = unvectorised(module), unoptimisable(module)
    counts = instruction_counts(ir_text)
    no_vector, no_opt, notes, noted = set(), set(), [], set()
    for name, count in counts.items():
        fn = owner(name, module)
        if fn is None:
            continue
        if fn.name in unvec_fx:
            no_vector.add(name)
        why = None
        run = straight_line_operations(fn)
        if run > config.HUGE_RUN_OPERATIONS:
            why = f"{run} operations in one straight-line run, limit {config.HUGE_RUN_OPERATIONS}"
        elif count > config.HUGE_FUNCTION_INSTRUCTIONS:
            why = f"{count} LLVM instructions, limit {config.HUGE_FUNCTION_INSTRUCTIONS}"
        elif fn.name in unopt_fx and loop_count(fn) > config.LOOP_UNOPT_LIMIT:
            why = f"{loop_count(fn)} loops, limit {config.LOOP_UNOPT_LIMIT}"
        elif fn.name in unopt_fx:
            why = (f"{straight_line_divisions(fn)} integer divisions by variables in one straight-line run, "
                   f"limit {config.DIVISION_RUN_LIMIT}")
        if why is None:
            continue
        no_opt.add(name)
        if fn.name not in noted:
            noted.add(fn.name)
            notes.append(Diagnostic(
                fn.span, f"`{fn.name}` is too large to optimise in reasonable time ({why}): "
                "compiled without optimisation", "split it into smaller functions to have them optimised",
                severity="note"))
    return no_vector, no_opt, notes
