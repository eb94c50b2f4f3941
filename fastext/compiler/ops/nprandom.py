"""Random numbers: `np.random.seed/rand/randn/random/randint/uniform/normal/...` on the
module's stream, and `np.random.default_rng(seed)` with its `random/integers/normal/uniform/
standard_normal` methods (docs/numpy-random.md).

The spellings below type a call (`frontend/nprandom.py`) into one of four operations the IR
uses, which differ in their flags:

* `random.draw` — one number (`size=None`); `random.draw.np` is the same, for results that
  are NumPy scalars under plain Python (`Generator.integers`, `randint(..., dtype=)`);
* `random.fill` — a new array of draws (allocates, loops: the GIL is released around it);
* `random.seed` — reseed this thread's state of the module's stream;
* `random.default_rng` — a new Generator (its state lives in the call's arena);
* `random.shuffle` — Fisher–Yates in place (`writes` its array argument, which comes first);
* `random.permutation`, `random.choice` (`random.choice.np`: one item of an array, a NumPy
  scalar under plain Python) — new arrays or one item.

None is `pure`: every draw advances a generator, so no pass may duplicate, drop or
speculate one (lower/speculate.py reads the flag).  None has a GPU lowering.
"""
from __future__ import annotations

from fastext.compiler.ops import Op, add
from fastext.compiler.ops import deferred as _lower

_LOWER = "fastext.compiler.lower.nprandom"


def _check(fc, node, op, shown, receiver=None):
    from fastext.compiler.frontend.nprandom import check_call
    return check_call(fc, node, op, shown, receiver)


add(Op("random.draw", lower=_lower(_LOWER, "lower_draw"), pure=False, group="random",
       signature="@random.draw([generator], params...){dist, dtype}", doc="one random number from the module's stream or a Generator"))
add(Op("random.draw.np", lower=_lower(_LOWER, "lower_draw"), pure=False, numpy_scalar=True, group="random",
       signature="@random.draw.np([generator], low, high){dist, dtype}", doc="one random number, a NumPy scalar under plain Python"))
add(Op("random.fill", lower=_lower(_LOWER, "lower_fill"), pure=False, allocates=True, loops=True, group="random",
       signature="@random.fill([generator], params..., dims...){dist, dtype}", doc="a new array of random numbers"))
add(Op("random.shuffle", lower=_lower(_LOWER, "lower_shuffle"), pure=False, writes=(0,), loops=True, group="random",
       signature="@random.shuffle(a, [generator])", doc="Fisher–Yates shuffle of an array along axis 0, in place"))
add(Op("random.permutation", lower=_lower(_LOWER, "lower_permutation"), pure=False, allocates=True, loops=True,
       group="random", signature="@random.permutation([generator], n | a)",
       doc="a shuffled arange(n), or a shuffled copy of an array along axis 0"))
add(Op("random.choice", lower=_lower(_LOWER, "lower_choice"), pure=False, allocates=True, loops=True,
       group="random", signature="@random.choice([generator], n | a, [p], dims...){replace}",
       doc="items drawn from arange(n) or a 1-D array, with or without replacement, uniform or weighted"))
add(Op("random.choice.np", lower=_lower(_LOWER, "lower_choice"), pure=False, allocates=True, loops=True,
       numpy_scalar=True, group="random", signature="@random.choice.np([generator], a, [p]){replace}",
       doc="one item drawn from a 1-D array, a NumPy scalar under plain Python"))
add(Op("random.seed", lower=_lower(_LOWER, "lower_seed"), pure=False, group="random",
       signature="@random.seed([seed])", doc="reseed this thread's state of the module's stream"))
add(Op("random.default_rng", lower=_lower(_LOWER, "lower_default_rng"), pure=False, allocates=True,
       group="random", signature="@random.default_rng([seed])", doc="a new Generator with a state of its own"))

# (name, spellings, parameters as NumPy names them, how many are required, signature, doc)
_MODULE = [
    ("seed", ("seed",), ("seed",), 0, "np.random.seed(seed=None)",
     "reseed this thread's stream, as NumPy seeds its RandomState (an int in [0, 2**32) or a 1-D integer array; None: from the OS)"),
    ("rand", ("rand",), (), 0, "np.random.rand(d0, d1, ...)",
     "uniform floats in [0, 1) of shape (d0, d1, ...); no argument: one float"),
    ("randn", ("randn",), (), 0, "np.random.randn(d0, d1, ...)",
     "standard normal floats of shape (d0, d1, ...); no argument: one float"),
    ("random", ("random", "random_sample", "sample", "ranf"), ("size",), 0, "np.random.random(size=None)",
     "uniform floats in [0, 1)"),
    ("standard_normal", ("standard_normal",), ("size",), 0, "np.random.standard_normal(size=None)",
     "standard normal floats"),
    ("randint", ("randint",), ("low", "high", "size", "dtype"), 1,
     "np.random.randint(low, high=None, size=None, dtype=int)",
     "integers in [low, high) ([0, low) without high), unbiased"),
    ("uniform", ("uniform",), ("low", "high", "size"), 0, "np.random.uniform(low=0.0, high=1.0, size=None)",
     "floats in [low, high)"),
    ("normal", ("normal",), ("loc", "scale", "size"), 0, "np.random.normal(loc=0.0, scale=1.0, size=None)",
     "normal floats of mean loc and standard deviation scale"),
    ("exponential", ("exponential",), ("scale", "size"), 0, "np.random.exponential(scale=1.0, size=None)",
     "exponential floats of mean scale (by inversion: scale * -log(1 - u), NumPy's legacy formula)"),
    ("binomial", ("binomial",), ("n", "p", "size"), 2, "np.random.binomial(n, p, size=None)",
     "binomial int64s: successes in n trials of probability p (NumPy's inversion / BTPE samplers)"),
    ("poisson", ("poisson",), ("lam", "size"), 0, "np.random.poisson(lam=1.0, size=None)",
     "Poisson int64s of mean lam (NumPy's multiplication / PTRS samplers)"),
    ("shuffle", ("shuffle",), ("x",), 1, "np.random.shuffle(x)",
     "shuffle a 1-D array, or the rows of a 2-D array, in place (Fisher–Yates; a statement)"),
    ("permutation", ("permutation",), ("x",), 1, "np.random.permutation(x)",
     "an int n: a shuffled np.arange(n) (int64); an array: a shuffled copy along axis 0"),
    ("choice", ("choice",), ("a", "size", "replace", "p"), 1, "np.random.choice(a, size=None, replace=True, p=None)",
     "items of np.arange(a) or of a 1-D array a; replace=False: distinct positions; p: weights"),
    ("default_rng", ("default_rng",), ("seed",), 0, "np.random.default_rng(seed=None)",
     "a Generator with a state of its own, seeded by a non-negative int (None: from the OS)"),
]
_METHODS = [
    ("random", ("self", "size", "dtype", "out"), 1, "rng.random(size=None, dtype=np.float64)",
     "uniform floats in [0, 1) (float64 or float32)"),
    ("standard_normal", ("self", "size", "dtype", "out"), 1, "rng.standard_normal(size=None, dtype=np.float64)",
     "standard normal floats (float64 or float32)"),
    ("integers", ("self", "low", "high", "size", "dtype", "endpoint"), 2,
     "rng.integers(low, high=None, size=None, dtype=np.int64, endpoint=False)",
     "integers in [low, high) ([low, high] with endpoint=True), unbiased"),
    ("uniform", ("self", "low", "high", "size"), 1, "rng.uniform(low=0.0, high=1.0, size=None)",
     "floats in [low, high)"),
    ("normal", ("self", "loc", "scale", "size"), 1, "rng.normal(loc=0.0, scale=1.0, size=None)",
     "normal floats of mean loc and standard deviation scale"),
    ("exponential", ("self", "scale", "size"), 1, "rng.exponential(scale=1.0, size=None)",
     "exponential floats of mean scale"),
    ("binomial", ("self", "n", "p", "size"), 3, "rng.binomial(n, p, size=None)",
     "binomial int64s (NumPy's samplers, on the Generator's stream)"),
    ("poisson", ("self", "lam", "size"), 1, "rng.poisson(lam=1.0, size=None)",
     "Poisson int64s of mean lam (NumPy's samplers, on the Generator's stream)"),
    ("shuffle", ("self", "x", "axis"), 2, "rng.shuffle(x)",
     "shuffle a 1-D array, or the rows of a 2-D array, in place (Fisher–Yates; a statement)"),
    ("permutation", ("self", "x", "axis"), 2, "rng.permutation(x)",
     "an int n: a shuffled np.arange(n) (int64); an array: a shuffled copy along axis 0"),
    ("choice", ("self", "a", "size", "replace", "p", "axis", "shuffle"), 2,
     "rng.choice(a, size=None, replace=True, p=None)",
     "items of np.arange(a) or of a 1-D array a; replace=False: distinct positions; p: weights"),
]

for _kind, _names, _params, _required, _sig, _doc in _MODULE:
    add(Op(f"np.random.{_kind}", spellings=tuple(f"numpy.random.{n}" for n in _names), check=_check, pure=False,
           allocates=_kind not in ("seed", "shuffle"), group="random", signature=_sig, doc=_doc,
           data={"kind": _kind, "params": _params, "required": _required, "generator": False}))
for _kind, _params, _required, _sig, _doc in _METHODS:
    add(Op(f"Generator.{_kind}", spellings=(f"Generator.{_kind}",), check=_check, pure=False,
           allocates=_kind != "shuffle",
           group="random", signature=_sig, doc=_doc,
           data={"kind": _kind, "params": _params, "required": _required, "generator": True}))
