"""Typing of Python's `random` functions (`ops/pyrandom.py`; docs/random.md).

Each call becomes one `ir.Intrinsic` named after the function, its arguments converted to what
the lowering computes with: i64 for the integer functions (`randint`, `randrange`, `seed`), f64 for
the float ones.  `random.choice(seq)` is a composition, `seq[pyrandom.below(len(seq))]` (a sequence that is not a
name is bound once by `let`); `random.shuffle(x)` a statement that writes `x`.  Which
sequences they take is decided by `_sequence` alone: 1-D arrays and lists; on a list,
`choice`, `shuffle` and `sample` are loops over `pyrandom.below` (frontend/synth.py).
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.frontend.arrays import _bind
from fastext.compiler.frontend.compose_more import _reuse
from fastext.compiler.frontend.nprandom import _Poisoned, _float_arg, _int_arg, _is_none
from fastext.compiler.types import ERROR, F64, I64, NONE, Array, ErrorType, List, Scalar, Unknown, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

_FLOAT_DEFAULTS = {"gauss": (0.0, 1.0), "normalvariate": (0.0, 1.0)}


def check_call(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """A call of a `random` function, typed as CPython's (argument names, counts, result types)."""
    if fc.sig.target != "cpu":
        raise fc.error(node, f"{shown}() is not available in GPU code",
                       "draw the numbers on the CPU and pass them to the kernel as an array")
    try:
        return _check(fc, node, op, shown)
    except _Poisoned:
        return ir.Expr(ERROR, fc.span(node))


def _check(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str) -> ir.Expr:
    kind, params = op.data["kind"], op.data["params"]
    span = fc.span(node)
    if len(node.args) > len(params) and not node.keywords:
        # CPython's TypeError text, as a compile error (the count is known here)
        raise fc.error(node, f"{shown}() takes {_count(op)} positional argument"
                             f"{'s' if len(params) != 1 else ''} but {len(node.args)} were given",
                       f"{op.signature}")
    bound = _bind(fc, node, list(params), shown, op.data["required"])
    if kind == "random":
        return ir.Intrinsic(F64, span, op.name, [])
    if kind in ("randint", "randrange"):
        args = {name: _int_arg(fc, bound[name], shown, name) for name in params if not _is_none(bound.get(name))}
        if kind == "randrange" and "step" in args and "stop" not in args:
            raise fc.error(bound["step"], f"{shown}() with a step needs a stop (CPython raises TypeError: "
                                          "Missing a non-None stop argument)", "random.randrange(start, stop, step)")
        return ir.Intrinsic(I64, span, op.name, list(args.values()), {"given": tuple(args)} if kind == "randrange" else {})
    if kind in ("uniform", "expovariate"):
        return ir.Intrinsic(F64, span, op.name, [_float_arg(fc, bound[p], shown, p) for p in params])
    if kind in _FLOAT_DEFAULTS:
        return ir.Intrinsic(F64, span, op.name, [
            _float_arg(fc, bound[p], shown, p) if p in bound else ir.Const(F64, span, default)
            for p, default in zip(params, _FLOAT_DEFAULTS[kind])])
    if kind == "seed":
        if _is_none(bound.get("a")):
            return ir.Intrinsic(NONE, span, op.name, [])
        return ir.Intrinsic(NONE, span, op.name, [_int_arg(fc, bound["a"], shown, "a")])
    seq = _sequence(fc, bound[{"choice": "seq", "shuffle": "x", "sample": "population"}[kind]], shown)
    if isinstance(seq.type, List):
        return _on_list(fc, node, kind, seq, bound)
    if kind == "sample":
        raise fc.error(node, f"{shown}() takes a list in .fx code, got {article(seq.type)}",
                       f"{shown}(list(a), k), or np.random.choice(a, k, replace=False) for an array")
    if kind == "shuffle":
        return ir.Intrinsic(NONE, span, op.name, [seq])
    # the sequence read twice (its length, its item): a name as it is, anything else bound once
    return _reuse(fc, node, seq, lambda s: ir.Index(seq.type.dtype, span, s(), [
        ir.Intrinsic(I64, span, "pyrandom.below", [ir.ArrayDim(I64, span, s(), 0)])]))


def _count(op: ops.Op) -> str:
    params, required = op.data["params"], op.data["required"]
    return str(len(params)) if required == len(params) else f"from {required} to {len(params)}"


def _sequence(fc: "FunctionChecker", node: ast.expr, shown: str) -> ir.Expr:
    """The sequence argument of `choice`/`shuffle`: a 1-D array of numbers."""
    value = fc.expr(node)
    if isinstance(value.type, ErrorType):
        raise _Poisoned
    t = value.type
    if isinstance(t, Array) and isinstance(t.dtype, Scalar) and t.ndim == 1 or isinstance(t, List):
        return value
    if isinstance(t, Array) and t.ndim > 1:
        raise fc.error(node, f"{shown}() takes a 1-D array in .fx code, got {t.ndim} dimensions (Python's "
                             "sequence protocol would see rows that are views: swapping them copies, not swaps)",
                       "np.random.shuffle(a) / np.random.permutation(a) shuffle the rows of an array")
    raise fc.error(node, f"{shown}() takes a sequence (a list or a 1-D array in .fx code), got {article(t)}",
                   f"{shown}(xs) with a list xs, or a 1-D NumPy array")


# on lists, as CPython computes them from _randbelow (lower/mt19937.py: its numbers too)
_LIST_SOURCES = {
    "choice": "_r = _xs[_below(len(_xs))]",
    # Fisher-Yates: i from the last down to 1 swaps with randbelow(i + 1), as CPython's shuffle
    "shuffle": "_i = len(_xs) - 1\nwhile _i > 0:\n    _j = _below(_i + 1)\n    _xs[_i], _xs[_j] = _xs[_j], _xs[_i]\n"
               "    _i -= 1",
    # CPython's two ways: a pool it takes items out of, or (a big population) redrawn indices
    # kept in a set; setsize is its 21 + 4 ** ceil(log(3k, 4)) (3k is never a power of 4)
    "sample": "_n = len(_xs)\nif _k < 0 or _k > _n:\n    raise ValueError(\"Sample larger than population or is "
              "negative\")\n_setsize = 21\nif _k > 5:\n    _p = 1\n    while _p < 3 * _k:\n        _p *= 4\n"
              "    _setsize += _p\n_r = _xs[:_k]\nif _n <= _setsize:\n    _pool = _xs[:]\n    for _i in range(_k):\n"
              "        _j = _below(_n - _i)\n        _r[_i] = _pool[_j]\n        _pool[_j] = _pool[_n - _i - 1]\n"
              "else:\n    _selected = set()\n    for _i in range(_k):\n        _j = _below(_n)\n"
              "        while _j in _selected:\n            _j = _below(_n)\n        _selected.add(_j)\n"
              "        _r[_i] = _xs[_j]",
}


def _on_list(fc: "FunctionChecker", node: ast.Call, kind: str, seq: ir.Expr, bound: dict) -> ir.Expr:
    """`random.choice/shuffle/sample` of a native list, written over `pyrandom.below`."""
    from fastext.compiler.frontend import lists, synth
    if isinstance(lists.settle(fc, seq).type.item, Unknown):
        raise fc.error(node, "choosing from an empty list whose item type is not known yet",
                       "declare it, e.g. `xs: list[f64] = []`")
    values = {"_xs": seq}
    if kind == "sample":
        values["_k"] = _int_arg(fc, bound["k"], "random.sample", "k")
    calls = {"_below": _below}
    if kind == "shuffle":
        return synth.effect(fc, _LIST_SOURCES[kind], node, values=values, calls=calls)
    return synth.value(fc, _LIST_SOURCES[kind], node, values=values, calls=calls)


def _below(fc: "FunctionChecker", node: ast.Call) -> ir.Expr:
    """`_below(n)` in the templates above: a uniform int in [0, n) (IndexError for n <= 0, the
    message of CPython's choice of an empty sequence)."""
    return ir.Intrinsic(I64, fc.span(node), "pyrandom.below", [fc.convert(fc.expr(node.args[0]), I64)])
