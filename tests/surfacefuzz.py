"""Random `.fx` programs over the dialect's wider surface, and their plain-Python oracle.

tests/progfuzz.py covers integer and float arithmetic; this generator covers what later rounds
added: str values and their formatting (`str`/`repr` of floats, f-strings with format specs,
`%`-formatting, methods, slices with steps and negative indices), lists, dicts and sets
(comprehensions, methods, sorting), classes with methods and inheritance (a base class, a
subclass overriding methods and calling `super()`), a `@dataclass`, exception classes raised by
helpers and caught by class, closures reading the enclosing function's variables, walrus, and
integer arithmetic near 2**63 (`//`/`%` of negatives, `divmod`, `round`, `int()` of floats).

Each program is a module of a few classes, helpers and public functions
`fK(a: int, b: int, x: float, s: str) -> T` that print as they go.  The oracle's source is the
same text except that every integer result that may grow passes through `_chk`, which stops the
call (`Outside`, a BaseException so no handler of the program catches it) where Python's int
leaves the i64 range -- compiled code wraps there by design (docs/language.md, "Where compiled
and interpreted differ"); every other difference is a finding.  `run_program(seed)` compiles
one program and compares stdout, the result and any exception (type and message) on random and
boundary inputs; tests/test_trust_r8.py runs a fixed slice, tests/stress/fuzz_surface.py long runs.
Documented differences are not generated: float parameters always get floats, a name keeps one
type, `min`/`max` and conditional expressions never mix ints and floats, sets are printed sorted,
names first bound in a branch or `try` body are not read after it.
"""
from __future__ import annotations

import contextlib
import io
import math
import os
import random
import sys
import tempfile
import types

from progfuzz import I64, Outside as _ArithOutside, same

INT_LITS = [0, 1, 2, 3, 5, 7, 10, 13, 100, 255, 1000, 2**31 - 1, 2**32, 3037000499, 2**53 + 1, 2**62,
            2**63 - 1]
FLOAT_LITS = [0.0, 0.5, 1.5, 2.0, 0.1, 0.3, 2.675, 1e16, 1e-7, 123.456, 1e300, 3.14159, 7.0, 0.125]
STR_LITS = ["", "a", "abc", "Hello", "x-y-z", "  pad ", "a,b,,c", "42", "-17", "3.5", "ÄÖü", "tab\there",
            "The quick brown fox", "%", "{}", "0x1f", "aAbB"]
WORDS = ["ant", "bee", "cat", "dog", "eel", "fox", "", "Gnu", "ant"]
INPUT_INTS = [0, 1, -1, 2, -2, 3, -7, 10, 100, -100, 255, 2**31, -2**31, 2**53 + 1, 2**62, -2**62, 2**63 - 1,
              -2**63, 3037000500, -3037000500, 999999937]
INPUT_FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 2.5, 3.5, 1e-300, 1e300, -1e300, math.inf, -math.inf, math.nan,
                0.1, 2.675, -7.25, 1e16, 9.2e18, -9.3e18, 123456.789, 1e-5]
INPUT_STRS = ["", "a", "abc", "hello world", "a,b,c", "  x  ", "12", "-3", "ÄÖü ß", "AbC dEf", "1,2,,3", "x" * 20]


class Outside(BaseException):
    """Python's int left the i64 range: compiled code wraps there (a documented difference).
    A BaseException so that `except Exception` in a generated program does not catch it."""


def _chk(v):
    if isinstance(v, int) and not isinstance(v, bool) and not I64[0] <= v <= I64[1]:
        raise Outside(v)
    return v


def _lit_int(v: int) -> str:
    return f"({v})" if v < 0 else str(v)


class Gen:
    """One function body: expressions are (fx text, oracle text) pairs of a known type.

    Types: int, float, str, li (list[int]), ls (list[str]), dsi (dict[str, int]), si (set[int]),
    base (an instance of the module's class hierarchy), pt (the dataclass)."""

    def __init__(self, rng: random.Random, helpers: list[tuple[str, str]]):
        self.rng = rng
        self.vars: dict[str, str] = {"a": "int", "b": "int", "x": "float", "s": "str"}
        self.fixed: set[str] = {"a", "b", "x", "s"}     # parameters and loop names: not reassigned
        self.count = 0
        self.helpers = helpers                          # (name, type) of module helpers taking one int
        self.closures: list[tuple[str, str]] = []

    def fresh(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    def names(self, t: str) -> list[str]:
        return [v for v, vt in self.vars.items() if vt == t]

    # -- expressions
    def e(self, t: str, d: int = 0) -> tuple[str, str]:
        r = self.rng
        names = self.names(t)
        if names and (d > 2 or r.random() < 0.35):
            v = r.choice(names)
            return v, v
        if d > 2:
            return self.leaf(t)
        return getattr(self, "e_" + t)(d + 1)

    def leaf(self, t: str) -> tuple[str, str]:
        r = self.rng
        if t == "int":
            v = _lit_int(r.choice(INT_LITS) * r.choice([1, 1, -1]))
            return v, v
        if t == "float":
            v = repr(r.choice(FLOAT_LITS) * r.choice([1, 1, -1]))
            v = f"({v})" if v.startswith("-") else v
            return v, v
        if t == "str":
            v = repr(r.choice(STR_LITS))
            return v, v
        if t == "li":
            v = "[" + ", ".join(_lit_int(r.choice(INT_LITS[:9]) * r.choice([1, -1])) for _ in range(r.randint(0, 5))) + "]"
            return (v, v) if v != "[]" else ("[0, 1]", "[0, 1]")
        if t == "ls":
            v = repr(r.sample(WORDS, r.randint(1, 4)))
            return v, v
        if t == "dsi":
            v = "{" + ", ".join(f"{w!r}: {r.randint(-9, 99)}" for w in r.sample(WORDS[:6], r.randint(1, 3))) + "}"
            return v, v
        if t == "si":
            v = "{" + ", ".join(str(r.randint(-5, 9)) for _ in range(r.randint(1, 4))) + "}"
            return v, v
        if t == "base":
            return self.e_base(3)
        if t == "pt":
            return self.e_pt(3)
        raise ValueError(t)

    def bin_int(self, op: str, a: tuple[str, str], b: tuple[str, str]) -> tuple[str, str]:
        return f"({a[0]} {op} {b[0]})", f"_chk({a[1]} {op} {b[1]})"

    def small(self, d: int) -> tuple[str, str]:
        """An int expression kept small (an index, a count, a shift)."""
        r = self.rng
        if r.random() < 0.5:
            v = _lit_int(r.randint(-6, 6))
            return v, v
        a = self.e("int", d)
        m = r.choice([3, 5, 7, 11])
        return f"({a[0]} % {m} - {m // 2})", f"({a[1]} % {m} - {m // 2})"

    def e_int(self, d: int) -> tuple[str, str]:
        r = self.rng
        k = r.randrange(24)
        if k < 5:
            op = r.choice(["+", "-", "*", "//", "%", "//", "%", "&", "|", "^"])
            return self.bin_int(op, self.e("int", d), self.e("int", d))
        if k == 5:
            a, n = self.e("int", d), self.small(d)
            op = r.choice(["<<", ">>"])
            return f"({a[0]} {op} abs({n[0]}))", f"_chk({a[1]} {op} abs({n[1]}))"
        if k == 6:
            a, b = self.e("int", d), self.e("int", d)
            i = r.randint(0, 1)
            return f"divmod({a[0]}, {b[0]})[{i}]", f"_chk(divmod({a[1]}, {b[1]})[{i}])"
        if k == 7:
            f = self.e("float", d)
            fn = r.choice(["int", "round", "math.floor", "math.ceil", "math.trunc"])
            return f"{fn}({f[0]})", f"_chk({fn}({f[1]}))"
        if k == 8:
            sv = self.e("str", d)
            fn = r.choice(["len({})", "{}.find('a')", "{}.count('b')", "{}.rfind(',')", "len({}.split(','))"])
            return fn.format(sv[0]), fn.format(sv[1])
        if k == 9:
            xs = self.e("li", d)
            fn = r.choice(["len({})", "sum({})", "max({} + [0])", "min({} + [7])", "len(set({}))"])
            if fn.startswith("sum"):
                return fn.format(xs[0]), "_chk(" + fn.format(xs[1]) + ")"
            return fn.format(xs[0]), fn.format(xs[1])
        if k == 10:
            xs, i = self.e("li", d), self.small(d)
            return f"{xs[0]}[{i[0]}]", f"{xs[1]}[{i[1]}]"
        if k == 11:
            dd = self.e("dsi", d)
            key = repr(r.choice(WORDS))
            if r.random() < 0.5:
                return f"{dd[0]}.get({key}, -1)", f"{dd[1]}.get({key}, -1)"
            return f"{dd[0]}[{key}]", f"{dd[1]}[{key}]"
        if k == 12:
            a = self.e("int", d)
            fn = r.choice(["abs", "-", "~"])
            if fn == "abs":
                return f"abs({a[0]})", f"_chk(abs({a[1]}))"
            return f"({fn}{a[0]})", f"_chk({fn}{a[1]})"
        if k == 13:
            a, b = self.e("int", d), self.e("int", d)
            fn = r.choice(["min", "max"])
            return f"{fn}({a[0]}, {b[0]})", f"{fn}({a[1]}, {b[1]})"
        if k == 14 and self.helpers:
            name, ht = r.choice(self.helpers)
            a = self.e("int", d)
            if ht == "int":
                return f"{name}({a[0]})", f"{name}({a[1]})"
        if k == 15:
            o = self.e("base", d)
            m = r.choice(["n", "val()", "weight(2)"])
            return f"{o[0]}.{m}", f"{o[1]}.{m}"
        if k == 16:
            p = self.e("pt", d)
            return f"{p[0]}.k", f"{p[1]}.k"
        if k == 17:
            call = self.closure_call("int", d)
            if call is not None:
                return call
        if k == 18:
            xs = self.e("li", d)
            c = r.choice(["v > 0", "v % 2 == 0", "v != 1"])
            return f"sum([v * 2 for v in {xs[0]} if {c}])", f"_chk(sum([_chk(v * 2) for v in {xs[1]} if {c}]))"
        if k == 19:
            sv = self.e("str", d)
            dig = r.choice(["'12'", "'-7'", "'0x'", "' 42 '", "'1_000'", "''"])
            if r.random() < 0.5:
                return f"int({dig})", f"int({dig})"
            return f"int({sv[0]})", f"_chk(int({sv[1]}))"
        if k == 20:
            st = self.e("si", d)
            return f"len({st[0]})", f"len({st[1]})"
        if k == 21:
            a, b = self.e("int", d), self.e("int", d)
            return f"({a[0]} if {a[0]} > {b[0]} else {b[0]} - 1)", f"({a[1]} if {a[1]} > {b[1]} else _chk({b[1]} - 1))"
        if k == 22:
            a = self.e("int", d)
            e = r.choice([2, 3])
            return f"({a[0]} ** {e})", f"_chk({a[1]} ** {e})"
        c = self.cond(d)
        return f"int({c[0]})", f"int({c[1]})"

    def closure_call(self, t: str, d: int) -> tuple[str, str] | None:
        """A call of one of the function's nested defs (closures) returning a `t`, if it has one."""
        fits = [name for name, ct in self.closures if ct == t]
        if not fits:
            return None
        name, a = self.rng.choice(fits), self.e("int", d)
        return f"{name}({a[0]})", f"{name}({a[1]})"

    def e_float(self, d: int) -> tuple[str, str]:
        r = self.rng
        k = r.randrange(10)
        if k < 4:
            op = r.choice(["+", "-", "*", "/", "//", "%"])
            a = self.e("float", d)
            b = self.e(r.choice(["float", "int"]), d)
            return f"({a[0]} {op} {b[0]})", f"({a[1]} {op} {b[1]})"
        if k == 4:
            a = self.e("int", d)
            return f"float({a[0]})", f"float({a[1]})"
        if k == 5:
            a = self.e("float", d)
            n = r.randint(0, 3)
            return f"round({a[0]}, {n})", f"round({a[1]}, {n})"
        if k == 6:
            a, b = self.e("int", d), self.e("int", d)
            return f"({a[0]} / {b[0]})", f"({a[1]} / {b[1]})"
        if k == 7:
            p = self.e("pt", d)
            return f"{p[0]}.w", f"{p[1]}.w"
        if k == 8:
            sv = r.choice(["'1.5'", "'-0'", "'inf'", "'1e3'", "'nan'", "'x'"])
            return f"float({sv})", f"float({sv})"
        a, b = self.e("float", d), self.e("float", d)
        fn = r.choice(["min", "max", "math.fabs", "abs"])
        if fn in ("min", "max"):
            return f"{fn}({a[0]}, {b[0]})", f"{fn}({a[1]}, {b[1]})"
        return f"{fn}({a[0]})", f"{fn}({a[1]})"

    def e_str(self, d: int) -> tuple[str, str]:
        r = self.rng
        k = r.randrange(22)
        if k == 0:
            a = self.e(r.choice(["int", "float", "li", "ls", "dsi", "str"]), d)
            fn = r.choice(["str", "repr"])
            return f"{fn}({a[0]})", f"{fn}({a[1]})"
        if k == 1:
            f = self.e("float", d)
            spec = r.choice([".3f", ".2e", "g", ".1%", ">10.2f", "+.0f", ",.2f", "", ".12g", "08.3f", "e"])
            return _formatted(f, spec)
        if k == 2:
            i = self.e("int", d)
            spec = r.choice(["d", ">6", "<4", "^7", "x", "#x", "b", "o", ",", "+d", "08d", "_", "e", ".2f"])
            return _formatted(i, spec)
        if k == 3:
            i, f, sv = self.e("int", d), self.e("float", d), self.e("str", d)
            fmt = r.choice(["%d|%.2f|%s", "%5d %8.3f %r", "%x %e %-6s|", "%i %g %s%%", "%o %.0f [%10s]"])
            return f"({fmt!r} % ({i[0]}, {f[0]}, {sv[0]}))", f"({fmt!r} % ({i[1]}, {f[1]}, {sv[1]}))"
        if k == 4:
            a, b = self.e("str", d), self.e("str", d)
            return f"({a[0]} + {b[0]})", f"({a[1]} + {b[1]})"
        if k == 5:
            a = self.e("str", d)
            m = r.choice(["upper()", "lower()", "strip()", "title()", "swapcase()", "capitalize()", "lstrip('a')",
                          "replace('a', '-')", "center(9, '*')", "zfill(5)", "rjust(6)", "removeprefix('a')",
                          "casefold()"])
            return f"{a[0]}.{m}", f"{a[1]}.{m}"
        if k == 6:
            a, i, j = self.e("str", d), self.small(d), self.small(d)
            step = r.choice(["", ":2", ":-1", ":-2", ":3"])
            return f"{a[0]}[{i[0]}:{j[0]}{step}]", f"{a[1]}[{i[1]}:{j[1]}{step}]"
        if k == 7:
            a = self.e("str", d)
            sl = r.choice(["[::-1]", "[1:]", "[:-1]", "[-2:]", "[::2]", "[-1]", "[0]", "[1::-1]"])
            return f"{a[0]}{sl}", f"{a[1]}{sl}"
        if k == 8:
            xs = self.e("ls", d)
            sep = repr(r.choice(["", ",", " - "]))
            return f"{sep}.join({xs[0]})", f"{sep}.join({xs[1]})"
        if k == 9:
            xs = self.e("li", d)
            return f"','.join([str(v) for v in {xs[0]}])", f"','.join([str(v) for v in {xs[1]}])"
        if k == 10:
            a, n = self.e("str", d), self.small(d)
            return f"({a[0]} * {n[0]})", f"({a[1]} * {n[1]})"
        if k == 11:
            o = self.e("base", d)
            m = r.choice(["label()", "name", "__repr__()"])
            if m == "__repr__()":
                return f"repr({o[0]})", f"repr({o[1]})"
            return f"{o[0]}.{m}", f"{o[1]}.{m}"
        if k == 12:
            p = self.e("pt", d)
            return f"str({p[0]})", f"str({p[1]})"
        if k == 13:
            i = self.e("int", d)
            fn = r.choice(["hex", "bin", "oct", "str"])
            return f"{fn}({i[0]})", f"{fn}({i[1]})"
        if k == 14:
            a, b = self.e("str", d), self.e("str", d)
            c = self.cond(d)
            return f"({a[0]} if {c[0]} else {b[0]})", f"({a[1]} if {c[1]} else {b[1]})"
        if k == 15:
            i = self.e("int", d)
            return f"chr(65 + {i[0]} % 26)", f"chr(65 + {i[1]} % 26)"
        if k == 16:
            st = self.e("si", d)
            return f"str(sorted({st[0]}))", f"str(sorted({st[1]}))"
        if k == 17:
            a = self.e("str", d)
            t = r.choice(["'{}-{}'.format(ARG, 3)", "'{:>8}'.format(ARG)", "'<{!r}>'.format(ARG)"])
            return t.replace("ARG", a[0]), t.replace("ARG", a[1])
        if k == 18:
            a = self.e("str", d)
            return f"({a[0]}.split()[0] if {a[0]}.split() else 'none')", f"({a[1]}.split()[0] if {a[1]}.split() else 'none')"
        if k == 19:
            call = self.closure_call("str", d)
            if call is not None:
                return call
        if k == 20:
            f = self.e("float", d)
            n = r.randint(0, 2)
            return f"str(round({f[0]}, {n}))", f"str(round({f[1]}, {n}))"
        a = self.e("str", d)
        p = r.choice(["partition(',')[2]", "rpartition('a')[0]", "expandtabs(4)", "ljust(4, '.')"])
        return f"{a[0]}.{p}", f"{a[1]}.{p}"

    def e_li(self, d: int) -> tuple[str, str]:
        r = self.rng
        k = r.randrange(9)
        if k == 0:
            items = [self.e("int", d) for _ in range(r.randint(1, 4))]
            return "[" + ", ".join(i[0] for i in items) + "]", "[" + ", ".join(i[1] for i in items) + "]"
        if k == 1:
            n = self.small(d)
            return f"list(range({n[0]}))", f"list(range({n[1]}))"
        if k == 2:
            xs = self.e("li", d)
            c = r.choice(["v > 0", "v % 3 != 0", "v < 100"])
            op = r.choice(["v * v", "v // 2", "v % 5", "-v", "v + 1"])
            return f"[{op} for v in {xs[0]} if {c}]", f"[_chk({op}) for v in {xs[1]} if {c}]"
        if k == 3:
            xs, i, j = self.e("li", d), self.small(d), self.small(d)
            step = r.choice(["", ":2", ":-1", ":-2"])
            return f"{xs[0]}[{i[0]}:{j[0]}{step}]", f"{xs[1]}[{i[1]}:{j[1]}{step}]"
        if k == 4:
            xs = self.e("li", d)
            rev = r.choice(["", ", reverse=True"])
            return f"sorted({xs[0]}{rev})", f"sorted({xs[1]}{rev})"
        if k == 5:
            a, b = self.e("li", d), self.e("li", d)
            return f"({a[0]} + {b[0]})", f"({a[1]} + {b[1]})"
        if k == 6:
            sv = self.e("str", d)
            return f"[ord(c) for c in {sv[0]}]", f"[ord(c) for c in {sv[1]}]"
        if k == 7:
            dd = self.e("dsi", d)
            return f"sorted({dd[0]}.values())", f"sorted({dd[1]}.values())"
        xs = self.e("li", d)
        return f"{xs[0]}[::-1]", f"{xs[1]}[::-1]"

    def e_ls(self, d: int) -> tuple[str, str]:
        r = self.rng
        k = r.randrange(5)
        if k == 0:
            sv = self.e("str", d)
            sep = r.choice(["", "','", "' '"])
            return f"{sv[0]}.split({sep})", f"{sv[1]}.split({sep})"
        if k == 1:
            xs = self.e("li", d)
            return f"[str(v) for v in {xs[0]}]", f"[str(v) for v in {xs[1]}]"
        if k == 2:
            dd = self.e("dsi", d)
            return f"sorted({dd[0]})", f"sorted({dd[1]})"
        if k == 3:
            xs = self.e("ls", d)
            return f"sorted({xs[0]}, key=len)", f"sorted({xs[1]}, key=len)"
        items = [self.e("str", d) for _ in range(r.randint(1, 3))]
        return "[" + ", ".join(i[0] for i in items) + "]", "[" + ", ".join(i[1] for i in items) + "]"

    def e_dsi(self, d: int) -> tuple[str, str]:
        r = self.rng
        k = r.randrange(3)
        if k == 0:
            xs = self.e("ls", d)
            return f"{{w: len(w) for w in {xs[0]}}}", f"{{w: len(w) for w in {xs[1]}}}"
        if k == 1:
            items = [(repr(r.choice(WORDS)), self.e("int", d)) for _ in range(r.randint(1, 3))]
            return ("{" + ", ".join(f"{kk}: {v[0]}" for kk, v in items) + "}",
                    "{" + ", ".join(f"{kk}: {v[1]}" for kk, v in items) + "}")
        sv = self.e("str", d)
        return f"{{c: ord(c) for c in {sv[0]}}}", f"{{c: ord(c) for c in {sv[1]}}}"

    def e_si(self, d: int) -> tuple[str, str]:
        r = self.rng
        k = r.randrange(4)
        if k == 0:
            xs = self.e("li", d)
            return f"set({xs[0]})", f"set({xs[1]})"
        if k == 1:
            a, b = self.e("si", d), self.e("si", d)
            op = r.choice(["|", "&", "-", "^"])
            return f"({a[0]} {op} {b[0]})", f"({a[1]} {op} {b[1]})"
        if k == 2:
            xs = self.e("li", d)
            return f"{{v % 7 for v in {xs[0]}}}", f"{{v % 7 for v in {xs[1]}}}"
        items = [self.e("int", d) for _ in range(r.randint(1, 3))]
        return "{" + ", ".join(i[0] for i in items) + "}", "{" + ", ".join(i[1] for i in items) + "}"

    def e_base(self, d: int) -> tuple[str, str]:
        r = self.rng
        n, sv = self.e("int", d), self.e("str", d)
        cls = r.choice(["Base", "Sub", "Sub"])
        return f"{cls}({n[0]}, {sv[0]})", f"{cls}({n[1]}, {sv[1]})"

    def e_pt(self, d: int) -> tuple[str, str]:
        n, f = self.e("int", d), self.e("float", d)
        if self.rng.random() < 0.3:
            return f"Pt({n[0]})", f"Pt({n[1]})"
        return f"Pt({n[0]}, {f[0]})", f"Pt({n[1]}, {f[1]})"

    def cond(self, d: int = 0) -> tuple[str, str]:
        r = self.rng
        k = r.randrange(8)
        if k < 3:
            t = r.choice(["int", "int", "float", "str"])
            a, b = self.e(t, d + 1), self.e(t, d + 1)
            op = r.choice(["<", "<=", "==", "!=", ">", ">="])
            return f"{a[0]} {op} {b[0]}", f"{a[1]} {op} {b[1]}"
        if k == 3:
            i, xs = self.e("int", d + 1), self.e("li", d + 1)
            return f"{i[0]} in {xs[0]}", f"{i[1]} in {xs[1]}"
        if k == 4:
            sv, w = self.e("str", d + 1), repr(self.rng.choice(["a", "b", ",", "ll", ""]))
            return f"{w} in {sv[0]}", f"{w} in {sv[1]}"
        if k == 5:
            w, dd = repr(r.choice(WORDS)), self.e("dsi", d + 1)
            return f"{w} not in {dd[0]}", f"{w} not in {dd[1]}"
        if k == 6:
            o = self.e("base", d + 1)
            return f"isinstance({o[0]}, Sub)", f"isinstance({o[1]}, Sub)"
        t = r.choice(["str", "li", "int", "float"])
        a = self.e(t, d + 1)
        return f"bool({a[0]})", f"bool({a[1]})"

    # -- statements
    def block(self, n: int, ind: str, depth: int) -> tuple[list[str], list[str]]:
        fx, py = [], []
        for _ in range(n):
            f, p = self.stmt(ind, depth)
            fx += f
            py += p
        return fx, py

    def scoped(self, n: int, ind: str, depth: int) -> tuple[list[str], list[str]]:
        """A nested block whose new names are forgotten after it (Python would keep them bound
        only on some paths; compiled code reads zero there, a documented difference)."""
        saved, closures = dict(self.vars), list(self.closures)
        out = self.block(n, ind, depth)
        self.vars, self.closures = saved, closures
        return out

    def stmt(self, ind: str, depth: int) -> tuple[list[str], list[str]]:
        r = self.rng
        k = r.random()
        if k < 0.25 or depth >= 2:
            t = r.choice(["int", "float", "str", "str", "li", "ls", "dsi", "si", "base", "pt", "int"])
            f, p = self.e(t)
            if t == "si":       # a set iterates in insertion order compiled, in hash order in CPython
                f, p = f"sorted({f})", f"sorted({p})"
            if r.random() < 0.5:
                return [f"{ind}print({f})"], [f"{ind}print({p})"]
            extra = self.e(r.choice(["int", "str", "float"]))
            sep = r.choice(["", ", sep='|'", ", end=';\\n'"])
            return [f"{ind}print({f}, {extra[0]}{sep})"], [f"{ind}print({p}, {extra[1]}{sep})"]
        if k < 0.45:
            t = r.choice(["int", "float", "str", "li", "ls", "dsi", "si", "base", "pt", "int", "str"])
            existing = [v for v in self.names(t) if v not in self.fixed]
            if existing and r.random() < 0.4:
                v = r.choice(existing)
                if t == "int" and r.random() < 0.5:
                    op = r.choice(["+", "-", "*", "//", "%"])
                    e = self.e("int")
                    return [f"{ind}{v} {op}= {e[0]}"], [f"{ind}{v} = _chk({v} {op} {e[1]})"]
                if t == "str" and r.random() < 0.5:
                    e = self.e("str")
                    return [f"{ind}{v} += {e[0]}"], [f"{ind}{v} += {e[1]}"]
            else:
                v = self.fresh({"int": "n", "float": "f", "str": "t"}.get(t, t))
            e = self.e(t)
            self.vars[v] = t
            return [f"{ind}{v} = {e[0]}"], [f"{ind}{v} = {e[1]}"]
        if k < 0.55:
            coll = r.choice(["li", "dsi", "si", "li", "ls"])
            names = [v for v in self.names(coll)]
            if not names:
                v = self.fresh(coll)
                e = self.leaf(coll)
                self.vars[v] = coll
                return [f"{ind}{v} = {e[0]}"], [f"{ind}{v} = {e[1]}"]
            v = r.choice(names)
            if coll == "li":
                m = r.randrange(6)
                e = self.e("int")
                if m == 0:
                    return [f"{ind}{v}.append({e[0]})"], [f"{ind}{v}.append({e[1]})"]
                if m == 1:
                    i = self.small(0)
                    return [f"{ind}{v}[{i[0]}] = {e[0]}"], [f"{ind}{v}[{i[1]}] = {e[1]}"]
                if m == 2:
                    return [f"{ind}print({v}.pop())"], [f"{ind}print({v}.pop())"]
                if m == 3:
                    return self._same(f"{ind}{v}.sort(reverse={r.choice(['True', 'False'])})")
                if m == 4:
                    return self._same(f"{ind}print({v}.index(0) if 0 in {v} else {v}.count(1))")
                i = self.small(0)
                return [f"{ind}{v}.insert({i[0]}, {e[0]})"], [f"{ind}{v}.insert({i[1]}, {e[1]})"]
            if coll == "ls":
                e = self.e("str")
                return [f"{ind}{v}.append({e[0]})"], [f"{ind}{v}.append({e[1]})"]
            if coll == "dsi":
                key, e = self.e("str"), self.e("int")
                m = r.randrange(4)
                if m == 0:
                    return [f"{ind}{v}[{key[0]}] = {e[0]}"], [f"{ind}{v}[{key[1]}] = {e[1]}"]
                if m == 1:
                    return [f"{ind}{v}[{key[0]}] = {v}.get({key[0]}, 0) + 1"], [f"{ind}{v}[{key[1]}] = _chk({v}.get({key[1]}, 0) + 1)"]
                if m == 2:
                    return [f"{ind}print({v}.pop({key[0]}, -1))"], [f"{ind}print({v}.pop({key[1]}, -1))"]
                return self._same(f"{ind}print(sorted({v}.items()))")
            e = self.e("int")
            m = r.choice(["add", "discard"])
            return [f"{ind}{v}.{m}({e[0]})"], [f"{ind}{v}.{m}({e[1]})"]
        if k < 0.63:
            c = self.cond()
            f1, p1 = self.scoped(r.randint(1, 3), ind + "    ", depth + 1)
            if r.random() < 0.5:
                return [f"{ind}if {c[0]}:"] + f1, [f"{ind}if {c[1]}:"] + p1
            f2, p2 = self.scoped(r.randint(1, 2), ind + "    ", depth + 1)
            return ([f"{ind}if {c[0]}:"] + f1 + [f"{ind}else:"] + f2, [f"{ind}if {c[1]}:"] + p1 + [f"{ind}else:"] + p2)
        if k < 0.73:
            kind = r.choice(["li", "str", "ls", "enum", "dsi", "range"])
            v = self.fresh("v")
            saved_fixed = set(self.fixed)
            self.fixed.add(v)
            if kind == "li":
                it = self.e("li")
                self.vars[v] = "int"
                head = (f"for {v} in {it[0]}:", f"for {v} in {it[1]}:")
            elif kind == "str":
                it = self.e("str")
                self.vars[v] = "str"
                head = (f"for {v} in {it[0]}:", f"for {v} in {it[1]}:")
            elif kind == "ls":
                it = self.e("ls")
                self.vars[v] = "str"
                head = (f"for {v} in {it[0]}:", f"for {v} in {it[1]}:")
            elif kind == "dsi":
                it = self.e("dsi")
                self.vars[v] = "str"
                head = (f"for {v} in {it[0]}:", f"for {v} in {it[1]}:")
            elif kind == "enum":
                it = self.e("ls")
                j = self.fresh("j")
                self.vars[v], self.vars[j] = "str", "int"
                self.fixed.add(j)
                head = (f"for {j}, {v} in enumerate({it[0]}):", f"for {j}, {v} in enumerate({it[1]}):")
            else:
                n = self.small(0)
                self.vars[v] = "int"
                step = r.choice([1, 2, -1, -2])
                stop = r.randint(-3, 6)
                head = (f"for {v} in range({n[0]}, {stop}, {step}):", f"for {v} in range({n[1]}, {stop}, {step}):")
            f1, p1 = self.scoped(r.randint(1, 3), ind + "    ", depth + 1)
            for name in set(self.fixed) - saved_fixed:      # unbound after a loop that ran no times
                self.vars.pop(name, None)
            self.fixed = saved_fixed
            brk = []
            if r.random() < 0.2:
                brk = [f"{ind}    if {v} == {self.leaf(self.vars_type_of_loop(kind))[0]}:", f"{ind}        break"]
            return [ind + head[0]] + f1 + brk, [ind + head[1]] + p1 + brk
        if k < 0.88:
            f1, p1 = self.scoped(r.randint(1, 3), ind + "    ", depth + 1)
            handlers = self.handlers(ind)
            fin = []
            if r.random() < 0.2:
                fin = [f"{ind}finally:", f"{ind}    print('finally')"]
            return ([f"{ind}try:"] + f1 + handlers + fin, [f"{ind}try:"] + p1 + handlers + fin)
        if k < 0.93 and depth == 0 and len(self.closures) < 2:
            name = self.fresh("inner")
            ct = r.choice(["int", "str"])
            cap = r.choice([v for v in self.vars if self.vars[v] == ct] or ["a"])
            if ct == "int":
                body = r.choice([f"return (q * 3 + {cap}) % 1000", f"return q - {cap} if q > {cap} else {cap} // 2",
                                 f"return abs(q) % 97 + len(s)"])
                pbody = body.replace("q * 3 + " + cap, f"_chk(_chk(q * 3) + {cap})").replace(f"q - {cap}", f"_chk(q - {cap})")
                pbody = pbody.replace("abs(q)", "_chk(abs(q))")
            else:
                body = r.choice([f"return {cap} + str(q)", f"return f'{{q:>4}}' + {cap}[:2]", f"return {cap} * (q % 3)"])
                pbody = body
            self.closures.append((name, ct))
            return ([f"{ind}def {name}(q: int) -> {'int' if ct == 'int' else 'str'}:", f"{ind}    {body}"],
                    [f"{ind}def {name}(q):", f"{ind}    {pbody}"])
        if k < 0.96:
            xs = self.e("li")
            v = self.fresh("n")
            self.vars[v] = "int"
            # the walrus binds on every path (the condition is always evaluated)
            return ([f"{ind}if ({v} := len({xs[0]})) > 2:", f"{ind}    print('long', {v})"],
                    [f"{ind}if ({v} := len({xs[1]})) > 2:", f"{ind}    print('long', {v})"])
        h = self.e("int")
        exc = r.choice(["E1", "E2", "ValueError", "KeyError"])
        msg = self.e("str")
        c = self.cond()
        return ([f"{ind}if {c[0]}:", f"{ind}    raise {exc}({msg[0]})"], [f"{ind}if {c[1]}:", f"{ind}    raise {exc}({msg[1]})"])

    def vars_type_of_loop(self, kind: str) -> str:
        return "int" if kind in ("li", "range") else "str"

    def _same(self, line: str) -> tuple[list[str], list[str]]:
        return [line], [line]

    def handlers(self, ind: str) -> list[str]:
        r = self.rng
        out = []
        groups = r.sample([["E2"], ["E1"], ["KeyError", "IndexError"], ["ValueError"], ["ZeroDivisionError"],
                           ["OverflowError"], ["LookupError"], ["ArithmeticError"]], r.randint(1, 3))
        for g in groups:
            cls = g[0] if len(g) == 1 else "(" + ", ".join(g) + ")"
            body = r.choice(["print('caught', type(e).__name__, e)", "print('args', e.args)", "print(repr(e))",
                             "print(str(e) + '!')"])
            out += [f"{ind}except {cls} as e:", f"{ind}    {body}"]
        if r.random() < 0.3:
            out += [f"{ind}except Exception as e:", f"{ind}    print('other', type(e).__name__, e)"]
        return out


PRELUDE = '''\
from __future__ import annotations
import math
from dataclasses import dataclass


class E1(ValueError):
    pass


class E2(E1):
    """A subclass of a user exception class."""


@dataclass
class Pt:
    k: int
    w: float = {pt_default}


class Base:
    def __init__(self, n: int, name: str):
        self.n = n
        self.name = name

    def val(self) -> int:
        return {base_val}

    def weight(self, m: int) -> int:
        return {base_weight}

    def label(self) -> str:
        return {base_label}

    def __repr__(self) -> str:
        return f"Base({{self.n}}, {{self.name!r}})"


class Sub(Base):
    def val(self) -> int:
        return {sub_val}

    def label(self) -> str:
        return "sub:" + super().label()


def _h0(v: int) -> int:
    if v > {h_hi}:
        raise E2(f"too big: {{v}}")
    if v < {h_lo}:
        raise E1("too small %d" % v)
    return {h_ret}


def _h1(v: int) -> int:
    if v % 3 == 0:
        raise KeyError(v)
    return {h1_ret}

'''


def _formatted(value: tuple[str, str], spec: str) -> tuple[str, str]:
    """`f'{v:spec}'`, or `format(v, 'spec')` where `v` holds quotes (a 3.11 f-string field
    cannot reuse its quote)."""
    if "'" in value[0] or '"' in value[0]:
        return f"format({value[0]}, {spec!r})", f"format({value[1]}, {spec!r})"
    return f"f'{{{value[0]}:{spec}}}'", f"f'{{{value[1]}:{spec}}}'"


def prelude(rng: random.Random) -> tuple[str, str]:
    """(fx, oracle) text of the module's classes and helpers, with random constants."""
    m1, m2, m3 = rng.choice([2, 3, 7, -1]), rng.choice([2, 3, 5]), rng.choice([4, 9])
    h_ret, h1_ret = rng.choice(["v * 2 - 1", "v % 7 - v // 3", "-v"]), rng.choice(["v // 2", "v - 1", "abs(v) % 11"])
    label = rng.choice(['f"{self.name}#{self.n}"', '"%s=%d" % (self.name, self.n)', 'self.name.upper() + str(self.n % 10)'])
    common = {"pt_default": repr(rng.choice([0.5, -1.25, 1e-3, 2.675])), "base_label": label,
              "h_hi": str(rng.choice([3, 100, 2**62, 10**6])), "h_lo": _lit_int(rng.choice([-5, 0, -2**62, -(10**6)]))}
    fx = dict(common, base_val=f"self.n * {m1} + len(self.name)", base_weight=f"self.n // m - m % {m2}",
              sub_val=f"super().val() - self.n % {m3}", h_ret=h_ret, h1_ret=h1_ret)
    py = dict(common, base_val=f"_chk(_chk(self.n * {m1}) + len(self.name))",
              base_weight=f"_chk(_chk(self.n // m) - m % {m2})", sub_val=f"_chk(super().val() - self.n % {m3})",
              h_ret=f"_chk({h_ret})", h1_ret=f"_chk({h1_ret.replace('abs(v)', '_chk(abs(v))')})")
    return PRELUDE.format(**fx), PRELUDE.format(**py)


def generate(rng: random.Random, functions: int = 3) -> tuple[str, str, list[str]]:
    """(.fx source, oracle source, function names) of one random module."""
    fx, py = prelude(rng)
    fx, py = [fx], [py]
    names = []
    for k in range(functions):
        g = Gen(rng, [("_h0", "int"), ("_h1", "int")])
        f, p = g.block(rng.randint(3, 8), "    ", 0)
        rt = rng.choice(["int", "str", "float", "str"])
        e = g.e(rt)
        name = f"f{k}"
        names.append(name)
        fx += [f"def {name}(a: int, b: int, x: float, s: str) -> {rt}:"] + f + [f"    return {e[0]}", "", ""]
        py += [f"def {name}(a, b, x, s):"] + p + [f"    return {e[1]}", "", ""]
    return "\n".join(fx), "\n".join(py), names


def inputs(rng: random.Random, count: int):
    for _ in range(count):
        yield (rng.choice(INPUT_INTS) if rng.random() < 0.6 else rng.randint(-50, 50),
               rng.choice(INPUT_INTS) if rng.random() < 0.5 else rng.randint(-2**40, 2**40),
               rng.choice(INPUT_FLOATS) if rng.random() < 0.6 else rng.uniform(-100, 100),
               rng.choice(INPUT_STRS))


def outcome(fn, args) -> tuple:
    """("ok", stdout, result) or ("raise", stdout, type, message) of one call; Outside passes."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        try:
            res = fn(*args)
        except Outside:
            raise
        except _ArithOutside:
            raise
        except Exception as e:    # noqa: BLE001 - the exception is the outcome compared
            return ("raise", buf.getvalue(), type(e).__name__, str(e))
    return ("ok", buf.getvalue(), res)


def agree(got: tuple, want: tuple) -> bool:
    if got[0] != want[0] or got[1] != want[1]:
        return False
    if got[0] == "ok":
        return same(got[2], want[2])
    return got[2:] == want[2:]


DIAGNOSED = ("beyond 64 bits", "beyond i64", "cannot take a u64", "has type u64")


def build(seed: int, workdir: str):
    """(native module or None, oracle namespace, names, fx source, compile-error text or None)."""
    import importlib.util
    from fastext.compiler.diagnostics import CompileError
    from fastext.compiler.driver import compile_file
    from fastext.compiler.link import link_shared
    rng = random.Random(seed)
    fx_src, py_src, names = generate(rng)
    path = os.path.join(workdir, f"surf{seed}.fx")
    with open(path, "w") as f:
        f.write(fx_src)
    oracle = types.ModuleType(f"oracle{seed}")     # dataclasses look their module up
    oracle._chk = _chk
    sys.modules[oracle.__name__] = oracle
    exec(compile(py_src, f"oracle{seed}", "exec"), oracle.__dict__)
    oracle_ns = oracle.__dict__
    try:
        art = compile_file(path, f"surf{seed}")
    except CompileError as e:
        if "internal compiler error" in str(e):
            raise AssertionError(f"program {seed}: {e}\n{fx_src}") from None
        return None, oracle_ns, names, fx_src, str(e), rng
    so = os.path.join(workdir, f"surf{seed}.so")
    link_shared(art.object_code, so)
    spec = importlib.util.spec_from_file_location(f"surf{seed}", so)
    native = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(native)
    return native, oracle_ns, names, fx_src, None, rng


def run_program(seed: int, calls: int = 12, workdir: str | None = None) -> dict:
    """Compile program `seed` and compare it with its oracle on `calls` inputs per function.
    Returns counts {"calls", "agree", "outside", "refused"}; raises AssertionError (with the
    program) on any difference or a compiler crash.  A located compile error is a refusal
    (counted: the generator should rarely write what the dialect leaves out)."""
    workdir = workdir or tempfile.mkdtemp(prefix="fxsurf-")
    try:
        native, oracle_ns, names, fx_src, err, rng = build(seed, workdir)
    except Exception as e:     # noqa: BLE001 - an internal compiler error is a finding
        import traceback
        raise AssertionError(f"program {seed}: the compiler failed: {type(e).__name__}: {e}\n"
                             f"{traceback.format_exc()}") from None
    counts = {"calls": 0, "agree": 0, "outside": 0, "refused": 0, "diagnosed": 0}
    if native is None:
        key = "diagnosed" if any(w in err for w in DIAGNOSED) else "refused"
        counts[key] = 1
        counts["error"] = err
        return counts
    for args in inputs(rng, calls):
        for name in names:
            counts["calls"] += 1
            try:
                want = outcome(oracle_ns[name], args)
            except (Outside, _ArithOutside):
                counts["outside"] += 1
                continue
            got = outcome(getattr(native, name), args)
            if not agree(got, want):
                raise AssertionError(f"program {seed}, {name}{args!r}:\n compiled {got!r}\n Python   {want!r}\n{fx_src}")
            counts["agree"] += 1
    return counts
