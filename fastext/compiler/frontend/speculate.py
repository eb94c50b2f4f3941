"""The result type of a function in a cycle of calls, told by its returns that do not need it.

A recursive-descent parser's methods call each other before any of them has returned:
`factor` starts `return -self.factor()`, then `v = self.expr()` ... `return v`, and only its
last `return int(text)` says what it gives.  When a call reaches a function whose check is in
progress and whose returns so far say nothing (templates.py: `instantiate`), its body is
checked once more, *speculatively*: with a copy of its signature and without a result type,
every statement that needs an unknown result of the cycle failing as any bad statement does
(the checker drops it, and a later read of a name it would have bound fails in turn), so the
returns that remain are those the cycle does not feed.  Their common type is the call's
provisional result; the real check then goes on with it and is checked again if the type it
finally finds differs (`provisional`), as for a guess.

A speculative check leaves nothing behind: its diagnostics are dropped, the real checker is put
back, and inside it no other guess is made (a call whose result is still unknown there fails,
and its statement is skipped).  Functions of the cycle met while speculating are speculated
in turn, each at most once per outermost speculation.
"""
from __future__ import annotations

from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler import types as T
from fastext.compiler.types import ErrorType, Scalar, Type, promote

_ACTIVE: dict[str, object] = {}     # qualname → its speculative checker, innermost last
_FOUND: dict[str, Type | None] = {}     # results told during the outermost speculation


def speculating() -> bool:
    """Whether a speculative check is running (no guesses are made inside one)."""
    return bool(_ACTIVE)


def result_of(qualname: str, checking: dict) -> Type | None:
    """The type the returns of `qualname` give that no call of an unknown result feeds, or None.
    `checking`: qualname → the checker of each function in progress (templates.py)."""
    if qualname in _ACTIVE:
        return None
    if qualname in _FOUND:
        return _FOUND[qualname]
    real = checking.get(qualname)
    make = getattr(real, "speculative", None)
    if make is None:
        return None
    spec = make()
    diags = spec.diags
    before = len(diags.items)
    outermost = not _ACTIVE
    _ACTIVE[qualname] = spec
    checking[qualname] = spec       # its own recursive calls read the returns it has seen so far
    t = None
    try:
        try:
            spec.check(spec.source_node)
        except FxSyntaxError:
            pass        # a failed end (a missing return) still leaves the returns seen
        t = _common([r.value.type for r, _ in spec.inferred_returns
                     if r.value is not None and not _poisoned(r.value.type)])
    finally:
        checking[qualname] = real
        del _ACTIVE[qualname]
        del diags.items[before:]
        if outermost:
            _FOUND.clear()
        else:
            _FOUND[qualname] = t
    return t


def _poisoned(t: Type) -> bool:
    """Whether `t` has the error type in it (`return -v, p` after a skipped `v, p = ...`)."""
    if isinstance(t, ErrorType):
        return True
    return any(_poisoned(u) for u in _parts(t))


def _parts(t: Type) -> tuple:
    if isinstance(t, T.Tuple):
        return t.items
    if isinstance(t, (T.List, T.Set)):
        return (t.item,)
    if isinstance(t, T.Dict):
        return (t.key, t.value)
    return ()


def _common(types: list[Type]) -> Type | None:
    """The one type of `types`, numbers promoted as in arithmetic; None if none or they differ."""
    if not types:
        return None
    t = types[0]
    for other in types[1:]:
        if other == t:
            continue
        if not (isinstance(t, Scalar) and isinstance(other, Scalar)):
            return None
        t = promote(t, other)
    return t
