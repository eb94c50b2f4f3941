"""Random `.fx` programs of integer and float arithmetic, and their plain-Python oracle.

`generate(rng)` writes one function body of assignments, augmented assignments, `if`/`else`,
bounded `for`/`while` loops and `try`/`except ZeroDivisionError` over two int and two float
parameters, typed as the dialect requires.  Each program comes in two spellings: the `.fx`
source that is compiled, and the oracle's source, identical except that every integer result
is passed through `_chk`, which stops the run (`Outside`) when Python's unbounded int leaves
the i64 range — where the compiled code wraps by design (docs/language.md, "Where compiled
and interpreted differ").  Everything else must agree exactly: values (floats bit for bit,
NaN as NaN), exception types and messages.  Documented differences are not generated:
`int ** negative`, fractional powers of negatives, `int()` of floats beyond i64 (caught by
`_chk` too).

`run_program(...)` compiles one program and compares it with the oracle on random and
boundary inputs; tests/test_fuzz_programs.py runs a fast slice, tests/stress/fuzz_programs.py
a long one.
"""
from __future__ import annotations

import math
import os
import random
import struct
import tempfile

I64 = (-2**63, 2**63 - 1)
INT_VALUES = [0, 1, -1, 2, -2, 3, 7, -7, 10, 255, 2**31 - 1, -2**31, 2**53, 2**53 + 1, -(2**53) - 1, 2**62,
              -2**62, 2**63 - 1, -2**63, 1000003, -999]
FLOAT_VALUES = [0.0, -0.0, 1.0, -1.0, 0.5, -2.25, 3.0, 1e-300, 5e-324, 1e300, -1e300, 1.7976931348623157e308,
                math.inf, -math.inf, math.nan, 0.1, 2.5, -7.5, 1e16, 123456.789]


class Outside(Exception):
    """Python's int left the i64 range: compiled code wraps there (a documented difference)."""


def _chk(v):
    if isinstance(v, int) and not isinstance(v, bool) and not I64[0] <= v <= I64[1]:
        raise Outside(v)
    return v


def _fret(v):
    """A `-> float` result as the compiled module returns it: Python's int where the f64 holds it
    exactly (below 2**53; frontend/intflags.py), else the float."""
    if isinstance(v, int) and not isinstance(v, bool) and -2**53 < v < 2**53:
        return v
    return float(v)


class Gen:
    """One program: expressions and statements as (fx text, oracle text, type) triples."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.vars = {"a": "int", "b": "int", "x": "float", "y": "float"}
        self.loop_vars: list[str] = []
        self.count = 0

    # -- expressions
    def atom(self, t: str) -> tuple[str, str, str]:
        r = self.rng
        names = [v for v, vt in self.vars.items() if vt == t or (t == "float" and vt == "int")]
        if names and r.random() < 0.7:
            v = r.choice(names)
            return v, v, self.vars[v]
        if t == "int":
            c = str(r.choice([0, 1, 2, 3, 5, 7, 10, 31, 64, 255, 1000, 2**31, 2**53 + 1, 2**62]) * r.choice([1, 1, -1]))
            return (f"({c})", f"({c})", "int") if c.startswith("-") else (c, c, "int")
        c = repr(r.choice([0.5, 1.5, 2.0, 3.25, 0.1, 1e10, 1e-5, 7.0]) * r.choice([1, -1]))
        return (f"({c})", f"({c})", "float") if c.startswith("-") else (c, c, "float")

    def expr(self, t: str, depth: int = 0) -> tuple[str, str, str]:
        r = self.rng
        if depth > 2 or r.random() < 0.3:
            return self.atom(t)
        if t == "int":
            kind = r.random()
            if kind < 0.6:
                op = r.choice(["+", "-", "*", "//", "%", "&", "|", "^", "<<", ">>"])
                a, pa, _ = self.expr("int", depth + 1)
                if op in ("<<", ">>"):
                    c = str(r.randint(0, 70)) if r.random() < 0.8 else "(a % 17)"
                    return f"({a} {op} {c})", f"_chk({pa} {op} {c})", "int"
                b, pb, _ = self.expr("int", depth + 1)
                return f"({a} {op} {b})", f"_chk({pa} {op} {pb})", "int"
            if kind < 0.7:
                a, pa, _ = self.expr("int", depth + 1)
                e = r.choice([2, 3])
                return f"({a} ** {e})", f"_chk({pa} ** {e})", "int"
            if kind < 0.8:
                a, pa, _ = self.expr("int", depth + 1)
                op = r.choice(["-", "~", "abs"])
                if op == "abs":
                    return f"abs({a})", f"_chk(abs({pa}))", "int"
                return f"({op}{a})", f"_chk({op}{pa})", "int"
            if kind < 0.9:
                a, pa, _ = self.expr("int", depth + 1)
                b, pb, _ = self.expr("int", depth + 1)
                f = r.choice(["min", "max"])
                return f"{f}({a}, {b})", f"{f}({pa}, {pb})", "int"
            a, pa, _ = self.expr("float", depth + 1)
            f = r.choice(["int", "round", "math.floor", "math.ceil"])
            return f"{f}({a})", f"_chk({f}({pa}))", "int"
        kind = r.random()
        if kind < 0.55:
            op = r.choice(["+", "-", "*", "/", "//", "%"])
            a, pa, ta = self.expr(r.choice(["float", "int"]), depth + 1)
            b, pb, tb = self.float_expr(depth + 1) if ta == "int" else self.expr(r.choice(["float", "int"]), depth + 1)
            return f"({a} {op} {b})", f"({pa} {op} {pb})", "float"
        if kind < 0.65:
            a, pa, _ = self.expr("int", depth + 1)
            b, pb, _ = self.expr("int", depth + 1)
            return f"({a} / {b})", f"({pa} / {pb})", "float"
        if kind < 0.75:
            a, pa, _ = self.float_expr(depth + 1)
            f = r.choice(["math.sqrt(abs({}))", "abs({})", "math.fabs({})", "({}) ** 2", "(math.floor({}) * 0.5)",
                          "math.atan({})", "math.tanh({})"])
            if "floor" in f:
                return f.format(a), f"(_chk(math.floor({pa})) * 0.5)", "float"
            return f.format(a), f.format(pa), "float"
        if kind < 0.85:
            # both floats: Python's min/max return one argument unchanged, so a mixed call is
            # an int or a float depending on the values (compiled: f64, documented)
            a, pa, _ = self.float_expr(depth + 1)
            b, pb, _ = self.float_expr(depth + 1)
            f = r.choice(["min", "max"])
            return f"{f}({a}, {b})", f"{f}({pa}, {pb})", "float"
        # both branches floats: Python's conditional keeps the type of the branch it takes
        a, pa, _ = self.float_expr(depth + 1)
        c, pc = self.cond(depth + 1)
        b, pb, _ = self.float_expr(depth + 1)
        return f"({a} if {c} else {b})", f"({pa} if {pc} else {pb})", "float"

    def float_expr(self, depth: int) -> tuple[str, str, str]:
        """An expression whose value is a float in both modes (an int one converted)."""
        e, pe, t = self.expr("float", depth)
        return (e, pe, t) if t == "float" else (f"float({e})", f"float({pe})", "float")

    def cond(self, depth: int = 0) -> tuple[str, str]:
        r = self.rng
        t = r.choice(["int", "float"])
        a, pa, _ = self.expr(t, depth + 1)
        b, pb, _ = self.expr(r.choice(["int", "float"]), depth + 1)
        op = r.choice(["<", "<=", ">", ">=", "==", "!="])
        if r.random() < 0.2:
            c2, p2 = self.cond(depth + 2) if depth < 2 else ("a > b", "a > b")
            j = r.choice(["and", "or"])
            return f"({a} {op} {b}) {j} ({c2})", f"({pa} {op} {pb}) {j} ({p2})"
        return f"{a} {op} {b}", f"{pa} {op} {pb}"

    # -- statements
    def stmts(self, n: int, indent: str, depth: int) -> tuple[list[str], list[str]]:
        fx, py = [], []
        for _ in range(n):
            f, p = self.stmt(indent, depth)
            fx += f
            py += p
        return fx, py

    def stmt(self, indent: str, depth: int) -> tuple[list[str], list[str]]:
        r = self.rng
        k = r.random()
        if k < 0.4 or depth >= 2:
            t = r.choice(["int", "float"])
            existing = [v for v, vt in self.vars.items() if vt == t and v not in self.loop_vars and v not in "abxy"]
            if existing and r.random() < 0.5:
                v = r.choice(existing)
            else:
                self.count += 1
                v = f"{'iv' if t == 'int' else 'fv'}{self.count}"
            e, pe, te = self.expr(t) if t == "int" else self.float_expr(0)
            if r.random() < 0.3 and v in self.vars:
                op = r.choice(["+=", "-=", "*="] + (["//=", "%="] if t == "int" else ["/="]))
                pe2 = f"_chk({v} {op[:-1]} {pe})" if t == "int" else f"{v} {op[:-1]} ({pe})"
                return [f"{indent}{v} {op} {e}"], [f"{indent}{v} = {pe2}"]
            self.vars.setdefault(v, t)
            return [f"{indent}{v} = {e}"], [f"{indent}{v} = {pe}"]
        if k < 0.6:
            c, pc = self.cond()
            saved = dict(self.vars)
            f1, p1 = self.stmts(r.randint(1, 3), indent + "    ", depth + 1)
            self.vars = dict(saved)
            f2, p2 = self.stmts(r.randint(1, 2), indent + "    ", depth + 1)
            self.vars = saved       # names first bound in a branch are not used after it
            return ([f"{indent}if {c}:"] + f1 + [f"{indent}else:"] + f2,
                    [f"{indent}if {pc}:"] + p1 + [f"{indent}else:"] + p2)
        if k < 0.75:
            i = f"i{depth}"
            n = r.randint(0, 5)
            saved = dict(self.vars)
            self.vars[i] = "int"
            self.loop_vars.append(i)
            f1, p1 = self.stmts(r.randint(1, 3), indent + "    ", depth + 1)
            self.loop_vars.pop()
            self.vars = saved
            return [f"{indent}for {i} in range({n}):"] + f1, [f"{indent}for {i} in range({n}):"] + p1
        if k < 0.85:
            self.count += 1
            w = f"w{self.count}"
            saved = dict(self.vars)
            self.loop_vars.append(w)
            self.vars[w] = "int"
            f1, p1 = self.stmts(r.randint(1, 2), indent + "    ", depth + 1)
            self.loop_vars.pop()
            self.vars = saved
            head = [f"{indent}{w} = 0", f"{indent}while {w} < {r.randint(0, 4)}:"]
            step = [f"{indent}    {w} += 1"]
            return head + f1 + step, head + p1 + step
        saved = dict(self.vars)
        f1, p1 = self.stmts(r.randint(1, 2), indent + "    ", depth + 1)
        self.vars = dict(saved)
        f2, p2 = self.stmts(1, indent + "    ", depth + 1)
        self.vars = saved
        return ([f"{indent}try:"] + f1 + [f"{indent}except ZeroDivisionError:"] + f2,
                [f"{indent}try:"] + p1 + [f"{indent}except ZeroDivisionError:"] + p2)


def generate(rng: random.Random, functions: int = 3) -> tuple[str, str, list[str]]:
    """(.fx source, oracle source, function names) of one random module."""
    fx = ["import math", "from fastext import i64, f64", ""]
    py = ["import math", ""]
    names = []
    for k in range(functions):
        g = Gen(rng)
        f, p = g.stmts(rng.randint(2, 6), "    ", 0)
        ret_t = rng.choice(["int", "float"])
        e, pe, _ = g.expr(ret_t)
        name = f"f{k}"
        names.append(name)
        sig = f"def {name}(a: int, b: int, x: float, y: float) -> {ret_t}:"
        fx += [sig] + f + [f"    return {e}", "", ""]
        py += [f"def {name}(a, b, x, y):"] + p + [f"    return {pe}" if ret_t == "int" else f"    return _fret({pe})", "", ""]
    return "\n".join(fx), "\n".join(py), names


def same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return struct.pack("<d", a) == struct.pack("<d", b) or (math.isnan(a) and math.isnan(b))
    return type(a) is type(b) and a == b


def inputs(rng: random.Random, count: int):
    for _ in range(count):
        yield (rng.choice(INT_VALUES) if rng.random() < 0.6 else rng.randint(-1000, 1000),
               rng.choice(INT_VALUES) if rng.random() < 0.6 else rng.randint(-2**40, 2**40),
               rng.choice(FLOAT_VALUES) if rng.random() < 0.5 else rng.uniform(-100, 100),
               rng.choice(FLOAT_VALUES) if rng.random() < 0.5 else rng.uniform(-1e6, 1e6))


def run_program(seed: int, calls: int = 40, workdir: str | None = None) -> dict:
    """Compile program `seed` and compare it with its oracle on `calls` inputs per function.
    Returns counts {"calls", "agree", "outside"}; raises AssertionError (with the program) on
    any difference, a compile failure or a crash of the comparison."""
    import importlib.util
    from fastext.compiler.driver import compile_file
    from fastext.compiler.link import link_shared
    rng = random.Random(seed)
    fx_src, py_src, names = generate(rng)
    workdir = workdir or tempfile.mkdtemp(prefix="fxfuzz-")
    path = os.path.join(workdir, f"prog{seed}.fx")
    with open(path, "w") as f:
        f.write(fx_src)
    from fastext.compiler.diagnostics import CompileError
    try:
        art = compile_file(path, f"prog{seed}")
    except CompileError as e:
        # a literal expression beyond 64 bits is a located error by design (never a wrap)
        if all(any(w in d.message for w in ("beyond 64 bits", "beyond i64", "cannot take a u64", "has type u64"))
               for d in e.diagnostics):
            return {"calls": 0, "agree": 0, "outside": 0, "diagnosed": 1}
        raise AssertionError(f"program {seed} did not compile: {e}\n{fx_src}") from None
    except Exception as e:       # noqa: BLE001 - every failure is reported with the program
        raise AssertionError(f"program {seed}: the compiler failed: {type(e).__name__}: {e}\n{fx_src}") from None
    so = os.path.join(workdir, f"prog{seed}.so")
    link_shared(art.object_code, so)
    spec = importlib.util.spec_from_file_location(f"prog{seed}", so)
    native = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(native)
    oracle_ns = {"_chk": _chk, "_fret": _fret, "math": math}
    exec(compile(py_src, f"oracle{seed}", "exec"), oracle_ns)
    counts = {"calls": 0, "agree": 0, "outside": 0, "diagnosed": 0}
    for args in inputs(rng, calls):
        for name in names:
            counts["calls"] += 1
            try:
                want = ("ok", oracle_ns[name](*args))
            except Outside:
                counts["outside"] += 1
                continue
            except RecursionError:
                raise
            except Exception as e:     # noqa: BLE001 - the oracle's exception is the expected outcome
                want = ("raise", type(e), str(e))
            try:
                got = ("ok", getattr(native, name)(*args))
            except Exception as e:     # noqa: BLE001
                got = ("raise", type(e), str(e))
            ok = got[0] == want[0] and (same(got[1], want[1]) if got[0] == "ok" else got[1:] == want[1:])
            if not ok:
                raise AssertionError(f"program {seed}, {name}{args}: compiled {got!r}, Python {want!r}\n{fx_src}")
            counts["agree"] += 1
    return counts
