"""Fuzzing the compiler with broken and huge sources: shared by the suite's fast slices
(tests/test_fuzz_sources.py) and the long runs (tests/stress/, see tests/stress/README.md).

The promise under test (docs/reliability.md): whatever a `.fx` file holds, the
compiler either compiles it or reports located diagnostics -- never an internal compiler
error, never a traceback.

* `mutants(rng, n)`: valid `.fx` files of tests/fx/ and examples/ with random token-level
  damage (a token deleted, duplicated, or swapped with its neighbour; one to three times).
* `GENERATORS`: families of large or deep valid sources, by size (compile-time growth).
* `outcome(text, path, full)`: what the compiler made of one source, classified.
"""
from __future__ import annotations

import glob
import io
import os
import random
import tokenize
import traceback
from dataclasses import dataclass

import fxload

CORPUS_GLOBS = (os.path.join(fxload.FX_DIR, "*.fx"), os.path.join(fxload.EXAMPLES, "**", "*.fx"))


def corpus() -> list[tuple[str, str]]:
    """(path, text) of every valid `.fx` file the mutants start from."""
    paths = sorted({p for g in CORPUS_GLOBS for p in glob.glob(g, recursive=True)})
    out = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            out.append((p, f.read()))
    return out


def _tokens(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of the significant tokens of `text`."""
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    spans = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type in (tokenize.ENDMARKER, tokenize.ENCODING) or not tok.string:
                continue
            (r0, c0), (r1, c1) = tok.start, tok.end
            spans.append((starts[r0 - 1] + c0, starts[r1 - 1] + c1))
    except (tokenize.TokenError, SyntaxError):   # an earlier mutation broke the rest: mutate what came before
        pass
    return spans


def mutate(text: str, rng: random.Random, count: int = 1) -> tuple[str, str]:
    """`text` with `count` random token mutations; (new text, what was done)."""
    done = []
    for _ in range(count):
        spans = _tokens(text)
        if len(spans) < 2:
            break
        k = rng.randrange(len(spans) - 1)
        (a0, a1), (b0, b1) = spans[k], spans[k + 1]
        op = rng.choice(("delete", "duplicate", "swap"))
        if op == "delete":
            text = text[:a0] + text[a1:]
        elif op == "duplicate":
            text = text[:a1] + " " + text[a0:a1] + text[a1:]
        else:
            text = text[:a0] + text[b0:b1] + text[a1:b0] + text[a0:a1] + text[b1:]
        done.append(f"{op} {text[a0:a1]!r}@{a0}")
    return text, ", ".join(done)


@dataclass
class Mutant:
    origin: str
    text: str
    what: str


def mutants(rng: random.Random, n: int, files: list[tuple[str, str]] | None = None) -> list[Mutant]:
    """`n` mutants of the corpus (each file in turn, one to three mutations each)."""
    files = files or corpus()
    out = []
    for i in range(n):
        path, text = files[i % len(files)]
        new, what = mutate(text, rng, rng.choice((1, 1, 2, 3)))
        out.append(Mutant(path, new, what))
    return out


_ENCODINGS = ("latin-1", "cp1252", "utf-8-sig", "utf-16", "utf-32", "koi8-r")


def byte_mutant(text: str, rng: random.Random) -> tuple[bytes, str]:
    """`text` as bytes damaged the ways files get damaged: re-encoded with or without a coding
    line, a byte order mark added, stray non-UTF-8 bytes put in code, strings or comments."""
    op = rng.choice(("encode", "encode+cookie", "bom", "stray", "stray", "nul"))
    data = text.encode("utf-8")
    if op.startswith("encode"):
        enc = rng.choice(_ENCODINGS)
        data = text.replace("\"", "\"\u00e9", 1).encode(enc, "replace")
        if op == "encode+cookie":
            data = f"# -*- coding: {enc} -*-\n".encode("ascii") + data
        return data, f"{op} {enc}"
    if op == "bom":
        bom = rng.choice((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
        return bom + data, f"bom {bom!r}"
    k = rng.randrange(len(data) + 1)
    junk = b"\x00" if op == "nul" else bytes([rng.randrange(0x80, 0x100) for _ in range(rng.randrange(1, 4))])
    return data[:k] + junk + data[k:], f"{op} {junk!r}@{k}"


@dataclass
class Outcome:
    kind: str              # "compiled", "located", "internal", "crash"
    detail: str = ""

    @property
    def bad(self) -> bool:
        return self.kind in ("internal", "crash")


def outcome(text: str | bytes, path: str, full: bool = False) -> Outcome:
    """Check (and with `full`, compile through LLVM) one source written at `path`."""
    from fastext.compiler.diagnostics import CompileError
    from fastext.compiler.driver import check_file, compile_file
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    lines = data.count(b"\n") + 1
    try:
        diags = check_file(path)
        if not diags and full:
            try:
                compile_file(path)
            except CompileError as e:
                diags = e.diagnostics
    except Exception:  # noqa: BLE001 - exactly what must never happen
        return Outcome("crash", traceback.format_exc())
    if not diags:
        return Outcome("compiled")
    for d in diags:
        if d.severity == "internal":
            return Outcome("internal", d.render())
        try:
            rendered = d.render()
        except Exception:  # noqa: BLE001
            return Outcome("crash", traceback.format_exc())
        if d.span.file == path and not 1 <= d.span.line <= lines + 1:
            return Outcome("crash", f"diagnostic outside the file: {rendered}")
        if "Traceback" in rendered:
            return Outcome("crash", rendered)
    return Outcome("located", diags[0].message)


# ---------------------------------------------------------------------------- large and deep sources

HEAD = "from fastext import i64, f64, prange\n\n\n"


def floor_mod_run(n: int) -> str:
    return HEAD + "def f(x: i64) -> i64:\n    s = 0\n" + "".join(
        f"    s += x * {k + 2} % 7\n" for k in range(n)) + "    return s\n"


def var_mod_run(n: int) -> str:
    return HEAD + "def f(x: i64, m: i64) -> i64:\n    s = 0\n" + "".join(
        f"    s += x * {k + 2} % m\n" for k in range(n)) + "    return s\n"


def int_chain(n: int) -> str:
    return HEAD + "def f(x: i64) -> i64:\n    s = 0\n" + "".join(
        f"    s += (x * {k + 2}) ^ (s >> 3)\n" for k in range(n)) + "    return s\n"


def float_run(n: int) -> str:
    return HEAD + "def f(y: f64) -> f64:\n    t = 0.0\n" + "".join(
        f"    t += y * {k + 2}.5 - t * 0.25\n" for k in range(n)) + "    return t\n"


def many_functions(n: int) -> str:
    return HEAD + "".join(
        f"def kernel{k}(a: f64[:]) -> f64:\n    s = 0.0\n    for i in range(len(a)):\n        s += a[i] * {k}.0\n"
        f"    return s\n\n\n" for k in range(n))


def many_loops(n: int) -> str:
    return HEAD + "def f(a: f64[:], b: f64[:]) -> f64:\n    s = 0.0\n" + "".join(
        f"    for i in range(len(a)):\n        s += a[i] * {k}.0 + b[i]\n" for k in range(n)) + "    return s\n"


def elif_chain(n: int) -> str:
    return HEAD + "def f(x: i64) -> i64:\n    y = 0\n    if x == 0:\n        y = 1\n" + "".join(
        f"    elif x == {k}:\n        y = {k} * x\n" for k in range(1, n)) + "    return y\n"


def long_sum(n: int) -> str:
    return HEAD + "def f(x: i64) -> i64:\n    return " + " + ".join(f"x * {k % 7 + 1}" for k in range(n)) + "\n"


def array_statements(n: int) -> str:
    return HEAD + "def f(a: f64[:], b: f64[:], out: f64[:]) -> None:\n    for i in range(len(a)):\n" + "".join(
        f"        out[i] += a[i] * {k}.5 + b[i]\n" for k in range(n))


def prange_bodies(n: int) -> str:
    return HEAD + "def f(a: f64[:]) -> f64:\n    s = 0.0\n" + "".join(
        f"    for i in prange(len(a)):\n        s += a[i] * {k}.0\n" for k in range(n)) + "    return s\n"


# name -> (generator, sizes for the stress run: the parser bounds the deep ones)
GENERATORS = {
    "floor_mod_run": (floor_mod_run, (125, 250, 500, 1000, 2000)),
    "var_mod_run": (var_mod_run, (125, 250, 500, 1000, 2000)),
    "int_chain": (int_chain, (125, 250, 500, 1000, 2000)),
    "float_run": (float_run, (125, 250, 500, 1000, 2000)),
    "many_functions": (many_functions, (25, 50, 100, 200, 400)),
    "many_loops": (many_loops, (25, 50, 100, 200, 400)),
    "elif_chain": (elif_chain, (125, 250, 500, 1000, 2000)),
    "long_sum": (long_sum, (125, 250, 500, 1000, 2000)),
    "array_statements": (array_statements, (25, 50, 100, 200, 400)),
    "prange_bodies": (prange_bodies, (10, 20, 40, 80)),
}
