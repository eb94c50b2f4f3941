"""Python's `random` module in `.fx` code: `random.random()`, `randint`, `randrange`, `uniform`,
`gauss`, `normalvariate`, `expovariate`, `seed`, `choice`, `shuffle` (docs/random.md).

Each spelling is typed by `frontend/pyrandom.py` into the operation of the same name and lowered
by `lower/pyrandom.py` on a stream of its own: CPython's Mersenne Twister (`lower/mt19937.py`), one
per thread next to `np.random`'s state (`lower/rng.py`), so seeding or drawing from
one leaves the other where it was, and a seeded program draws CPython's numbers.
`random.choice(seq)` is typed as `seq[pyrandom.below(len(seq))]`: the only operation it needs is
the index, so any sequence that has `len` and items (1-D arrays now) works with no lowering of its
own.  None is `pure`: every draw advances the stream (lower/speculate.py reads the flag).
"""
from __future__ import annotations

from fastext.compiler.ops import Op, add
from fastext.compiler.ops import deferred as _deferred

_CHECK = _deferred("fastext.compiler.frontend.pyrandom", "check_call")
_LOWER = "fastext.compiler.lower.pyrandom"

# (name, parameters as CPython names them, how many are required, signature, doc)
_FUNCTIONS = [
    ("random", (), 0, "random.random()", "a float in [0, 1): CPython's, from two 32-bit words of the Mersenne Twister"),
    ("randint", ("a", "b"), 2, "random.randint(a, b)", "an int in [a, b], both ends included (unbiased)"),
    ("randrange", ("start", "stop", "step"), 1, "random.randrange([start,] stop[, step])",
     "an int of range(start, stop, step) (unbiased); CPython's ValueErrors for empty ranges and step 0"),
    ("uniform", ("a", "b"), 2, "random.uniform(a, b)", "a + (b - a) * random(), as CPython computes it"),
    ("gauss", ("mu", "sigma"), 0, "random.gauss(mu=0.0, sigma=1.0)",
     "a normal float: mu + sigma * z, z of CPython's Box–Muller (the pair's second number kept)"),
    ("normalvariate", ("mu", "sigma"), 0, "random.normalvariate(mu=0.0, sigma=1.0)",
     "a normal float: mu + sigma * z, z of CPython's Kinderman–Monahan method"),
    ("expovariate", ("lambd",), 1, "random.expovariate(lambd)",
     "an exponential float of mean 1/lambd: -log(1 - random()) / lambd (ZeroDivisionError for 0)"),
    ("seed", ("a",), 0, "random.seed(a=None)",
     "reseed this thread's stream of `random` as CPython seeds an int (its absolute value); None: the OS"),
    ("choice", ("seq",), 1, "random.choice(seq)",
     "an item of a 1-D array (IndexError when it is empty): seq[below(len(seq))]"),
    ("shuffle", ("x",), 1, "random.shuffle(x)",
     "shuffle a 1-D array or a list in place (Fisher–Yates, as CPython)"),
    ("sample", ("population", "k"), 2, "random.sample(population, k)",
     "a new list of k distinct items of a list (ValueError when k < 0 or k > len): CPython's algorithm"),
]

# typed as compositions of `pyrandom.below` and list operations (frontend/pyrandom.py): no lowering
_COMPOSED = ("choice", "sample")

for _name, _params, _required, _sig, _doc in _FUNCTIONS:
    add(Op(f"pyrandom.{_name}", spellings=(f"random.{_name}",), check=_CHECK,
           lower=_deferred(_LOWER, f"lower_{_name}") if _name not in _COMPOSED else None, pure=False,
           writes=(0,) if _name == "shuffle" else (), loops=_name == "shuffle", group="pyrandom",
           signature=_sig, doc=_doc, data={"kind": _name, "params": _params, "required": _required}))

add(Op("pyrandom.below", lower=_deferred(_LOWER, "lower_below"), pure=False, group="pyrandom",
       signature="@pyrandom.below(n)",
       doc="a uniform int in [0, n) from the stream of `random`; IndexError for n <= 0 (random.choice's index)"))
