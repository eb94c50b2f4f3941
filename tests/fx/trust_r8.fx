"""What the surface fuzzer (tests/surfacefuzz.py) found: each function failed before its fix."""
from __future__ import annotations

import re
from dataclasses import dataclass


class ParseError(ValueError):
    pass


class Deeper(ParseError):
    """A subclass of a module exception class."""


@dataclass
class Pt:
    k: int
    w: float = 0.5


class Base:
    def __init__(self, n: int, name: str):
        self.n = n
        self.name = name

    def __repr__(self) -> str:
        return f"Base({self.n}, {self.name!r})"


class Sized:
    def __init__(self, n: int):
        self.n = n

    def __len__(self) -> int:
        return self.n


def key_after_own_class(key: str) -> str:
    """A KeyError raised by a dict lookup escaped `except ParseError: ... except KeyError:` (the
    first use of ParseError made the class while the KeyError was set)."""
    d = {"eel": 34}
    try:
        return str(d[key])
    except Deeper as e:
        return "deeper " + str(e)
    except ParseError as e:
        return "parse " + str(e)
    except (KeyError, IndexError) as e:
        return "lookup " + repr(e)


def lookup_after_own_class(n: int) -> str:
    """The same with a caught LookupError and the rest of the body going on after it."""
    out = []
    try:
        try:
            out.append({"a": 1}[str(n)])
        except Deeper:
            out.append(-1)
        except LookupError as e:
            out.append(len(str(e)))
        for v in [1, 2]:
            out.append(v)
    except KeyError:
        out.append(-2)
    return str(out)


def partition_or_param(x: float, s: str) -> str:
    """An item of `partition`'s tuple beside a `str` parameter in a conditional: the item was
    released once too often (a crash later)."""
    print(s.partition(",")[2] if bool(x) else s)
    t = s + "!"
    u = t.partition(",")[2] if x > 0 else s
    return u


def item_or_object(x: float, s: str) -> str:
    """A list[str] item beside a Python object in a conditional."""
    names = s.split(",")
    m = re.search("[0-9]", s)
    u = names[0] if x > 0 else m
    t = s + "!"
    v = t.partition(",")[2] if x > 0 else m
    return str(u) + str(v)


def repr_or_param(a: int, s: str) -> str:
    """`repr(instance) if c else s` and a nested conditional beside a `str` parameter were
    internal compiler errors (IR verification)."""
    first = repr(Base(a, s)) if a > 0 else s
    second = (str(round(0.5 * a, 0)) if a % 2 else s + s) if s <= s + s else s
    return first + "|" + second


def truth_of_values(a: int, s: str) -> str:
    """bool() of a list, dict, set, str value and instance (a located error before)."""
    xs = [a]
    if a > 5:
        xs.pop()
    d = {"k": a}
    st = {a}
    t = s + "x"
    return str([bool(xs), bool(d), bool(st), bool(t), bool(s), bool(a), bool(Sized(a)), bool(t[1:]), bool(Pt(a))])


def closure_str_after_loop(b: int, s: str) -> str:
    """A nested `def ... -> str` read its result as a `str` parameter's text: a located error
    alone, and after a loop holding a list display an instance without a body (SystemError)."""
    def inner(q: int) -> str:
        return s + str(q)
    for v in range(2):
        xs = [-100, 7]
    return inner(max(b, len(s))) + inner(-b)


def char_against_longer_literals(s: str) -> str:
    """A character compared with a literal of another length (a located error before)."""
    out = []
    for c in s:
        out.append(str([c == "ab", c != "ÄÖü", c < "b!", c <= "", c > "a ", c >= "", "" < c, "bc" > c < "zz"]))
    return ";".join(out)


def iterate_characters(s: str) -> str:
    """`for d in c` over one character, and a comprehension over one (a located error before)."""
    out = []
    for c in s:
        for d in c:
            out.append(d + d)
        out.append(str([ord(e) for e in c]))
    return "".join(out)
