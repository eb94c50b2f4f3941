"""Cases: `bench_*` functions from a cases file, and `--call` expressions.

The case protocol: a `bench_NAME(m)` function receives the module under test — the
compiled module, the interpreted one, the Numba one or an alternative — builds its
inputs, and returns what to time:

    def bench_dot(m):
        x = np.random.default_rng(0).random(1_000_000)
        return m.dot, (x, x)          # a callable and its arguments: times m.dot(x, x)

    def bench_mandel(m):
        out = np.zeros((200, 300), np.int32)
        return lambda: (m.mandel(out, 100), out)    # or a zero-argument callable

It is called once per implementation, outside the timing, so each gets inputs of its
own (a case that writes into an array does not disturb the others).  The value the
callable returns is compared between implementations; so are the array arguments of
the `(callable, args)` form after the call (arrays written by the function).
"""
from __future__ import annotations

import ast
import importlib.util
import os
import sys
import traceback
import types
from dataclasses import dataclass, field
from typing import Callable

from fastext.bench.target import BenchError

_HERE = os.path.dirname(os.path.abspath(__file__))


class CaseError(Exception):
    """A case cannot be set up (bad return value): reported for the case, the run goes on."""


@dataclass
class Case:
    name: str
    kind: str                                   # "function" (bench_*) or "call" (--call)
    build: Callable[[object], tuple[Callable, tuple]]
    source: str = ""                            # file:line, or the expression
    functions: list[str] = field(default_factory=list)


def describe_exception(exc: BaseException) -> str:
    """`ValueError: message (file.py:12 in bench_x)`: the innermost frame that is not fastext's."""
    where = ""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if not frame.filename.startswith(_HERE):
            where = f" ({os.path.basename(frame.filename)}:{frame.lineno} in {frame.name})"
            break
    message = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {message[0] if message else ''}{where}".replace(": (", " (")


def _normalize(value, name: str) -> tuple[Callable, tuple]:
    if isinstance(value, tuple) and len(value) == 2 and callable(value[0]) and isinstance(value[1], (tuple, list)):
        return value[0], tuple(value[1])
    if callable(value):
        return value, ()
    raise CaseError(f"{name} must return a callable, or (callable, args); it returned {type(value).__name__}")


def load_cases_file(path: str) -> list[Case]:
    """The `bench_*` functions of `path`, in source order."""
    folder = os.path.dirname(path)
    name = "_fastext_bench_cases_" + os.path.basename(path).rsplit(".", 1)[0]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    added = folder not in sys.path
    if added:
        sys.path.insert(0, folder)
    try:
        spec.loader.exec_module(module)
    except SyntaxError as e:
        raise BenchError(f"{path}:{e.lineno}: syntax error: {e.msg}") from None
    except Exception as e:  # noqa: BLE001 - the user's file fails at import
        raise BenchError(f"{path}: importing the cases file failed: {describe_exception(e)}") from None
    finally:
        if added:
            sys.path.remove(folder)
    found = []
    for attr, value in vars(module).items():
        if attr.startswith("bench_") and isinstance(value, types.FunctionType) and value.__module__ == name:
            found.append(value)
    found.sort(key=lambda f: f.__code__.co_firstlineno)
    cases = []
    for fn in found:
        def build(ns, fn=fn):
            return _normalize(fn(ns), fn.__name__)
        cases.append(Case(fn.__name__, "function", build, f"{os.path.basename(path)}:{fn.__code__.co_firstlineno}"))
    return cases


def namespace_of(ns) -> dict:
    """What a `--call` expression sees: the module's public names, `np`, `numpy`, `math`, and
    `gpu` (fastext.gpu: `gpu.to_device(...)`) for a module with GPU kernels."""
    import math

    import numpy as np

    names = {k: v for k, v in vars(ns).items() if not k.startswith("__")}
    names.update(np=np, numpy=np, math=math)
    if hasattr(ns, "__fastext_gpu__"):   # compiled (the interpreted module has its own `gpu` name)
        from fastext import gpu
        names.setdefault("gpu", gpu)
    return names


def call_case(expr: str, setup: str | None = None) -> Case:
    """A case from a `--call` expression.  `f(a, b)` with a plain name `f`: the arguments are
    evaluated once, outside the timing, and `f(*args)` is timed; any other expression is
    timed whole."""
    try:
        tree = ast.parse(expr.strip(), "<--call>", mode="eval")
    except SyntaxError as e:
        raise BenchError(f"--call {expr!r}: invalid expression: {e.msg}") from None
    if setup is not None:
        try:
            setup_code = compile(setup, "<--setup>", "exec")
        except SyntaxError as e:
            raise BenchError(f"--setup {setup!r}: invalid statement: {e.msg}") from None
    body = tree.body
    simple = (isinstance(body, ast.Call) and isinstance(body.func, ast.Name) and not body.keywords
              and not any(isinstance(a, ast.Starred) for a in body.args))
    arg_codes = [compile(ast.Expression(a), "<--call>", "eval") for a in body.args] if simple else []
    whole = None
    if not simple:
        lam = ast.Expression(ast.Lambda(
            ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body))
        whole = compile(ast.fix_missing_locations(lam), "<--call>", "eval")
    called = sorted({n.func.id for n in ast.walk(body) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)})

    def build(ns):
        names = namespace_of(ns)
        if setup is not None:
            exec(setup_code, names)
        if simple:
            fn = names.get(body.func.id)
            if fn is None:
                raise CaseError(f"--call: {body.func.id!r} is not a function of the module")
            return fn, tuple(eval(c, names) for c in arg_codes)
        return eval(whole, names), ()
    return Case(expr, "call", build, expr, called)
