"""Python's calling and assignment idioms (issue 12; tests/fx/signatures_r7.fx), compiled against
interpreted: `*args` (frontend/module.py: `parameters`, frontend/callshape.py, abi/wrapper.py:
`packed`), keyword-only parameters without defaults and positional-only `/` (Python's
TypeErrors, `inspect.signature`, stubs), `f(*t)`, `a, b = 0, 0.5` then floats, `min(a, b, key=f)`,
list-of-lists fields filled by nested appends, function tables as module attributes and
`np.apply_along_axis`."""
from __future__ import annotations

import inspect
import os

import numpy as np
import pytest

import fxload

PATH = os.path.join(fxload.FX_DIR, "signatures_r7.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


def test_program_prints_like_python(both):
    compiled, plain = both
    for n in (4, 7):
        assert fxload.program_output(compiled, (n,)) == fxload.program_output(plain, (n,))


@pytest.mark.parametrize("name,args,kwargs", [
    ("total", (), {}), ("total", (1, 2.5, 3), {}), ("total", (1.0,), {}),
    ("head", (1, 2, 3), {"sep": 4}), ("head", (7,), {}), ("head", (), {"first": 2}),
    ("scaled", (1.5,), {"scale": 2.0}), ("scaled", (), {"a": 1.5, "scale": 2.0}),
    ("mixed", (1.0,), {"c": 2.0}), ("mixed", (1.0, 4.0), {"c": 0.5, "d": 1}),
    ("pos", (5.0, 1.0), {}), ("pos", (5.0, 1.0), {"c": 3.0}), ("pos", (5.0, 1.0, 2.0), {}),
    ("fib", (10,), {}), ("fib", (0,), {}), ("extremes", (3, 5), {}), ("extremes", (-3, 8), {}),
    ("bfs", (6,), {}), ("row_sums", (4,), {}), ("calc", ("-", 3.0, 1.0), {}),
    ("every_kind", (1.0, 2.0, 3.0, 4.0), {"c": 5.0, "z": 1.0, "a": 3.0}), ("every_kind", (1.0,), {"b": 2.0, "c": 3.0}),
])
def test_calls_like_python(both, name, args, kwargs):
    compiled, plain = (fxload.outcome(lambda m=m: getattr(m, name)(*args, **kwargs)) for m in both)
    assert compiled == plain
    assert type(compiled[1]) is type(plain[1])      # fib(0) stays Python's int 0


@pytest.mark.parametrize("name,args,kwargs", [
    ("scaled", (1.5,), {}),                       # missing keyword-only argument
    ("mixed", (1.0,), {}),
    ("pos", (5.0,), {"b": 1.0}),                  # positional-only passed by keyword
    ("total", (), {"xs": 1.0}),                   # *args is not a keyword
    ("head", (), {}), ("pos", (), {}), ("pos", (1.0,), {}),               # missing positional ones
    ("scaled", (1.0, 2.0), {}), ("mixed", (1.0, 2.0, 3.0), {}), ("fib", (1, 2), {}),    # too many
    ("fib", (), {"m": 1}), ("every_kind", (1.0,), {"b": 2.0}), ("every_kind", (), {"c": 1.0}),
])
def test_python_type_errors(both, name, args, kwargs):
    compiled, plain = (fxload.outcome(lambda m=m: getattr(m, name)(*args, **kwargs)) for m in both)
    assert compiled[0] == "TypeError" and compiled == plain


def test_args_items_convert_or_name_the_parameter(both):
    compiled, _ = both
    assert compiled.total(1, True, np.float64(0.5), np.int32(2)) == 4.5
    with pytest.raises(TypeError, match=r"total\(\) argument '\*xs' must be float"):
        compiled.total(1.0, "x")
    with pytest.raises(TypeError, match=r"head\(\) argument '\*rest' must be int"):
        compiled.head(1, 2, 3.5)


def test_methods_from_python(both):
    outs = []
    for m in both:
        acc = m.Acc(1.0)
        acc.add(2.0, 3.0)
        outs.append((m.Vec(1.0, 2.0).plus(3.0, 4.0), m.Vec(1.0, 2.0).scaled(k=2.0), acc.total, acc.get(scale=3.0),
                     fxload.outcome(lambda m=m: m.Vec(1.0, 2.0).scaled(2.0))[0]))
    assert outs[0] == outs[1]


def test_signatures_and_stubs(both):
    compiled, plain = both
    for name in ("total", "head", "scaled", "mixed", "pos", "weighted", "every_kind"):
        assert str(inspect.signature(getattr(compiled, name))) == \
            str(inspect.signature(getattr(plain, name))).replace(": float", "").replace(": int", "") \
            .replace(" -> float", "").replace(" -> int", "").replace(" = ", "=")
    from fastext.build.stubs import stub_text
    from fastext.compiler.frontend import check_source
    from fastext.compiler.source import SourceFile
    with open(PATH) as f:
        module, _ = check_source(SourceFile(PATH, f.read()), "signatures_r7")
    stub = stub_text(module, "signatures_r7.fx")
    for line in ("def total(*xs: float) -> float:", "def head(first: int, *rest: int, sep: int = ...) -> int:",
                 "def scaled(a: float, *, scale: float) -> float:",
                 "def mixed(a: float, b: float = ..., *, c: float, d: int = ...) -> float:",
                 "def pos(a: float, b: float, /, c: float = ...) -> float:",
                 "def weighted(x: float, *, k: float = ..., **opts: float) -> float:",
                 "def every_kind(a: float, /, b: float, *xs: float, c: float, **kw: float) -> float:"):
        assert line in stub


@pytest.mark.parametrize("args,kwargs", [((1.0,), {}), ((1.0,), {"k": 2.0}), ((1.0,), {"a": 1, "b": 2.5, "k": 3.0}),
                                         ((), {"x": 2.0, "z": 1}), ((1.0,), {"b": "s"}), ((1.0, 2.0), {}),
                                         ((), {"k": 1.0})])
def test_kwargs_from_python(both, args, kwargs):
    compiled, plain = (fxload.outcome(lambda m=m: m.weighted(*args, **kwargs)) for m in both)
    if compiled[0] == "TypeError" and "must be" in compiled[1]:      # a str value: the parameter named
        assert "argument 'opts' must be a dict of str to f64" in compiled[1] and plain[0] == "TypeError"
    else:
        assert compiled == plain


def test_packed_list_of_a_reader_is_built_in_the_frame():
    """`total(a, b, c)` in a loop allocates nothing per call when `total` only reads its `*xs`
    (frontend/callshape.py: reads_only); `_kept` returns its list, so its list is an arena one."""
    from fastext.compiler.frontend import check_source
    from fastext.compiler.irprint import format_function
    from fastext.compiler.source import SourceFile
    with open(PATH) as f:
        module, _ = check_source(SourceFile(PATH, f.read()), "signatures_r7")
    text = "\n".join(format_function(module.functions["loop"]))
    assert text.count("@list.display(") == 2 and text.count("{frame=True}") == 1, text


def test_function_tables_are_module_attributes(both):
    compiled, plain = both
    assert list(compiled.OPS) == list(plain.OPS) == ["+", "-"]
    assert compiled.OPS["+"] is compiled.add and compiled.HANDLERS == [compiled.add, compiled.sub]
    assert compiled.OPS["-"](5.0, 1.5) == plain.OPS["-"](5.0, 1.5)
    assert not hasattr(compiled, "__fx_modinit__")


@pytest.mark.parametrize("name", ["spread_rows", "col_sums", "doubled", "col_stats", "sorted_cols"])
def test_apply_along_axis_like_numpy(both, name):
    a = np.arange(12.0).reshape(3, 4) ** 1.5
    a[1] = a[1][::-1].copy()
    compiled, plain = (getattr(m, name)(a) for m in both)
    assert compiled.shape == plain.shape and compiled.dtype == plain.dtype and np.array_equal(compiled, plain)
    with pytest.raises(ValueError, match="iteration dimensions are 0"):
        getattr(both[0], name)(np.zeros((0, 0)))


@pytest.mark.parametrize("name,args", [("stats3", (0,)), ("stats3", (1,)), ("stats3", (2,)), ("sums3", (0.5,)),
                                       ("argmax3", ())])
def test_apply_along_axis_of_three_dimensions(both, name, args):
    a = np.random.default_rng(7).random((2, 3, 4))
    compiled, plain = (getattr(m, name)(a, *args) for m in both)
    assert compiled.shape == plain.shape and compiled.dtype == plain.dtype and np.array_equal(compiled, plain)


@pytest.mark.parametrize("source,where,message", [
    ("def f(x: float, **opts: float) -> float:\n    return x\n\n\ndef g() -> float:\n    return f(1.0, k='a')\n",
     (6, 21), "keyword `k` of `f` goes into `**opts`, which holds f64"),
    ("def _g(a: float, b: float, /) -> float:\n    return a - b\n\n\ndef f(x: float) -> float:\n"
     "    return _g(x, b=2.0)\n", (6, 20), "_g() got some positional-only arguments passed as keyword arguments"),
    ("def _g(a: float, *, k: float) -> float:\n    return a * k\n\n\ndef f(x: float) -> float:\n"
     "    return _g(x)\n", (6, 12), "`_g` is missing argument `k`"),
    ("def _g(*xs: float) -> float:\n    return xs[0]\n\n\ndef f(x: float) -> float:\n"
     "    return _g(xs=x)\n", (6, 18), "unexpected keyword argument 'xs'"),
    ("def _g(a: float, b: float) -> float:\n    return a - b\n\n\ndef f(x: list[float]) -> float:\n"
     "    return _g(*x)\n", (6, 15), "only a tuple of known length spreads"),
    ("def f(a: int, b: int) -> int:\n    return min(a, b, default=0)\n", (2, 30), "takes only `key=`"),
    ("def f(*xs):\n    return len(xs)\n", (1, 8), "parameter `*xs` of `f` needs a type annotation"),
])
def test_located_errors(tmp_path, source, where, message):
    text = fxload.compile_error(tmp_path, source)
    assert f"bad_program.fx:{where[0]}:{where[1]}:" in text and message in text and "hint:" in text, text
