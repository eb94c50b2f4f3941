"""Python objects and callbacks, and `str` parameters (tests/fx/objects.fx), compiled vs interpreted."""
import gc
import os
import sys
import threading
import traceback
import types

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload

PATH = os.path.join(fxload.FX_DIR, "objects.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


def run_both(both, name, *args):
    """The outcome (value or exception type and message) of `name(*args)` in each mode."""
    out = []
    for mod in both:
        try:
            out.append(("ok", getattr(mod, name)(*args)))
        except Exception as e:   # noqa: BLE001 - the outcome is compared
            out.append((type(e), str(e)))
    return out


class Node:
    def __init__(self, value, nxt=None):
        self.value, self.next = value, nxt


def chain(n):
    head = None
    for k in reversed(range(n)):
        head = Node(k, head)
    return head


# ---------------------------------------------------------------- callbacks: differential

floats = st.floats(allow_nan=False, allow_infinity=False, width=64)


@settings(max_examples=100, deadline=None)
@given(x=floats, k=st.integers(-5, 5))
def test_callbacks_match_interpreted(both, x, k):
    native, oracle = both
    for cb in (lambda v: v * 2.0, lambda v: v + k, abs, float):
        assert native.apply(cb, x) == oracle.apply(cb, x)
    assert native.apply_sum(lambda i: i * 0.5 + k, 20) == oracle.apply_sum(lambda i: i * 0.5 + k, 20)
    obj = types.SimpleNamespace(value=x, scale=float(k), inner=types.SimpleNamespace(count=k))
    assert native.read_attr(obj) == oracle.read_attr(obj) == x
    assert native.chain_attr(obj) == oracle.chain_attr(obj) == k
    assert native.native_chain(obj, 7) == oracle.native_chain(obj, 7)
    assert native.scalar_to_object(x) == oracle.scalar_to_object(x)


@settings(max_examples=100, deadline=None)
@given(value=st.one_of(st.integers(-2**70, 2**70), floats, st.booleans(), st.text(max_size=3),
                       st.lists(st.integers(), max_size=2), st.none()))
def test_conversions_match_python(both, value):
    """int(o), i32(o), float(o), f32(o), bool(o) of any object: the same value or the same error
    (int(o) outside the i64 range is an OverflowError compiled: documented)."""
    native, oracle = run_both(both, "conversions", value)
    try:
        too_big = not -2**63 <= int(value) < 2**63
    except (TypeError, ValueError):
        too_big = False
    if too_big:
        assert native[0] is OverflowError
        return
    assert native == oracle


@settings(max_examples=50, deadline=None)
@given(xs=st.lists(st.one_of(st.integers(-1000, 1000), floats), max_size=20))
def test_list_and_dict_parameters(both, xs):
    native, oracle = both
    assert native.sum_list(xs) == oracle.sum_list(xs)
    d = {str(k): v for k, v in enumerate(xs)}
    for key in d:
        assert native.dict_get(d, key) is oracle.dict_get(d, key) is d[key]
    assert native.tuple_len(tuple(xs)) == len(xs)
    assert native.length(xs) == oracle.length(xs) == len(xs)


def test_methods_keywords_and_boxing(both):
    native, oracle = both
    d = {1: "one"}
    assert native.call_method(d, 1) == oracle.call_method(d, 1) == "one"
    assert native.call_method(d, 2) == "missing"
    got = native.call_kw(lambda a, **kw: (a, kw), 3, 1.5)
    assert got == oracle.call_kw(lambda a, **kw: (a, kw), 3, 1.5) == (3, {"scale": 1.5, "name": "x", "flag": True})
    args = native.box_args(lambda *a: a, -7, 2.5, True, 1 + 2j, "héllo")
    assert args == oracle.box_args(lambda *a: a, -7, 2.5, True, 1 + 2j, "héllo")
    assert args == (-7, 2.5, True, 1 + 2j, "héllo", "h", None)
    s = "a str object"
    assert native.box_args(lambda *a: a, 0, 0.0, False, 0j, s)[4] is s    # the object itself
    assert native.set_has({1, 2}, 2) and not native.set_has({1, 2}, 3)


def test_identity_truth_and_rebinding(both):
    native, oracle = both
    head = chain(5)
    for mod in both:
        assert mod.walk(head, 3) is head.next.next.next
        assert mod.rebind_param(head) is head.next
        assert mod.is_none(None) and not mod.is_none(0)
        assert mod.same(head, head) and not mod.same(head, head.next)
        assert mod.pick(head, None, True) is head and mod.pick(head, None, False) is None
        xs = [1]
        assert mod.widen(xs, True) is xs and mod.widen(xs, False) is xs
    for value in (0, 1, "", "x", [], [0], None, 0.0, Node(1)):
        assert native.truthy(value) == oracle.truthy(value) == bool(value)


# ---------------------------------------------------------------- exceptions

def test_callback_exception_propagates_unchanged(both):
    native, _ = both
    err = KeyError("boom")

    def raiser(x):
        raise err

    with pytest.raises(KeyError) as info:
        native.apply(raiser, 1.0)
    assert info.value is err                              # the same exception object
    frames = [f.f_code.co_name for f, _ in traceback.walk_tb(info.value.__traceback__)]
    assert frames[-1] == "raiser"                         # and its traceback
    with pytest.raises(ZeroDivisionError):
        native.apply_sum(lambda i: 1 / (i - 3), 10)      # raised in the 4th iteration
    with pytest.raises(AttributeError, match="value"):
        native.read_attr(object())
    with pytest.raises(KeyError):
        native.dict_get({}, "absent")


def test_except_catches_callback_exceptions_by_class(both):
    native, oracle = both
    cases = [lambda x: {}[x], lambda x: 1 // 0, lambda x: int("a"), lambda x: x * 3]
    for cb in cases:
        assert native.checked(cb, 2) == oracle.checked(cb, 2)
    assert native.checked(cases[0], 2) == -1 and native.checked(cases[2], 2) == -2
    with pytest.raises(IndexError):                       # not named by a clause: on to the caller
        native.checked(lambda x: [][x], 1)


def test_wrong_result_type_raises_type_error(both):
    native, _ = both
    with pytest.raises(TypeError, match=r"apply\(\): the value assigned to `y` must be float \(f64\), not str"):
        native.apply(lambda x: "text", 1.0)
    with pytest.raises(TypeError, match="must be float"):
        native.apply(lambda x: None, 1.0)
    with pytest.raises(OverflowError, match=r"out of range for int \(u8\): 300"):
        native.as_u8(300)
    assert native.as_u8(255) == 255
    with pytest.raises(TypeError, match="must be int"):
        native.as_u8(2.5)


def test_wrong_parameter_types(both):
    native, _ = both
    with pytest.raises(TypeError, match=r"sum_list\(\) argument 'xs' must be list, not tuple"):
        native.sum_list((1, 2))
    with pytest.raises(TypeError, match="argument 'xs' must be list, not NoneType"):
        native.sum_list(None)
    with pytest.raises(TypeError, match="argument 'd' must be dict, not list"):
        native.dict_get([], "k")
    with pytest.raises(TypeError, match="argument 'key' must be str, not int"):
        native.dict_get({}, 1)
    with pytest.raises(TypeError, match="argument 't' must be tuple, not list"):
        native.tuple_len([1])
    with pytest.raises(TypeError, match="argument 's' must be set, not frozenset"):
        native.set_has(frozenset(), 1)
    with pytest.raises(TypeError, match="argument 's' must be str, not NoneType"):
        native.text_len(None)
    with pytest.raises(TypeError, match="argument 's' must be str, not bytes"):
        native.text_len(b"bytes")
    class MyList(list):
        pass
    assert native.sum_list(MyList([1, 2])) == 3.0             # subclasses pass the check
    class MyStr(str):
        pass
    assert native.text_len(MyStr("abc")) == 3
    assert native.is_none(None)                                 # `object` takes anything, None too


# ---------------------------------------------------------------- reference counts

def test_no_reference_leaks(both):
    native, _ = both
    head = chain(4)
    target = head.next.next
    arg = 12345.5
    result = object()
    err = ValueError("x")

    def raiser(x):
        raise err

    def counts():
        gc.collect()
        return [sys.getrefcount(o) for o in (head, target, arg, result, err)]

    def calls():
        native.walk(head, 2)
        native.rebind_param(head)
        native.pick(head, result, False)
        native.apply(lambda x: x, arg)
        native.call_kw(lambda a, **kw: result, 1, arg)
        native.box_args(lambda *a: None, 1, arg, True, 1j, "héllo")
        native.discard(lambda i: result, 3)
        native.native_chain(types.SimpleNamespace(scale=arg), 3)
        native.checked(lambda x: {}[x], 1)
        native.dict_get({"k": result}, "k")
        native.widen([result], False)
        native.record(types.SimpleNamespace(count=1), {}, 2, arg)
        native.histogram("héllo", {})
        native.sum_iterable(x for x in (1.0, None, 2.0))
        try:
            native.apply(raiser, arg)
        except ValueError:
            pass
        try:
            native.apply(lambda x: "wrong", arg)
        except TypeError:
            pass

    for _ in range(200):     # warm up caches and free lists
        calls()
    before = counts()
    blocks = sys.getallocatedblocks()
    for _ in range(3000):
        calls()
    err.__traceback__ = None
    assert counts() == before
    assert sys.getallocatedblocks() - blocks < 1000            # a leak per call would be >= 3000


def test_gil_is_held_while_objects_are_used(both):
    """Callbacks from many threads at once: safe only because the GIL stays held."""
    native, _ = both
    results = []

    def work():
        results.append(native.apply_sum(lambda i: float(i), 2000))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [sum(range(2000)) * 1.0] * 4


# ---------------------------------------------------------------- str parameters

@settings(max_examples=200, deadline=None)
@given(s=st.text(max_size=40), c=st.characters())
def test_string_scans_match_python(both, s, c):
    """Python's meaning for any text (ASCII is read in place, any other text as UCS-4)."""
    native, oracle = both
    assert native.text_len(s) == oracle.text_len(s) == len(s)
    assert native.count_char(s, c) == oracle.count_char(s, c) == s.count(c)
    assert native.count_spaces(s) == oracle.count_spaces(s)
    assert native.find(s, c) == oracle.find(s, c) == s.find(c)
    buf = np.zeros(max(1, len(s)), dtype=np.int64)
    assert native.codes(s, buf) == len(s)
    assert list(buf[:len(s)]) == [ord(ch) for ch in s]
    for i in (0, 1, -1, len(s), -len(s) - 1):
        if -len(s) <= i < len(s):
            expected = [("ok", ord(s[i]))] * 2
        else:
            expected = [(IndexError, "string index out of range")] * 2
        assert run_both(both, "char_at", s, i) == expected


@settings(max_examples=200, deadline=None)
@given(s=st.text(max_size=20), t=st.text(max_size=20))
def test_string_comparison_matches_python(both, s, t):
    native, oracle = both
    expected = (s > t) - (s < t)
    assert native.compare(s, t) == oracle.compare(s, t) == expected


@settings(max_examples=200, deadline=None)
@given(nums=st.lists(st.integers(-10**6, 10**6), max_size=10), sep=st.sampled_from([" ", ", ", "x", "é", ";\n"]))
def test_parse_integers(both, nums, sep):
    native, oracle = both
    text = sep.join(map(str, nums))
    assert native.sum_ints(text) == oracle.sum_ints(text)
    if not any(ch.isdigit() or ch == "-" for ch in sep):
        assert native.sum_ints(text) == sum(nums)


def test_non_ascii_text(both):
    native, oracle = both
    for s in ("héllo wörld", "日本語のテキスト", "emoji 🎉 here", "\ud800 lone surrogate", "\x00nul\x00"):
        assert native.text_len(s) == oracle.text_len(s) == len(s)
        assert [native.char_at(s, i) for i in range(len(s))] == [ord(c) for c in s]
        assert native.count_char(s, s[-1]) == s.count(s[-1])


# ---------------------------------------------------------------- ABI

# Stable-ABI (3.11) functions and data this feature adds beyond test_compiler_stages' subset
# (checked against Python.h with Py_LIMITED_API=0x030b0000).
OBJECT_ABI = frozenset("""
PyObject_Call PyObject_GetItem PyObject_Size PyUnicode_FromOrdinal PyUnicode_GetLength PyUnicode_AsUCS4Copy
PyComplex_FromDoubles PyComplex_RealAsDouble PyComplex_ImagAsDouble PyComplex_Type PyList_Type PyDict_Type
PySet_Type PyObject_CallNoArgs PyObject_CallFunctionObjArgs PyObject_CallMethodObjArgs PyObject_GetIter PyIter_Next
PyObject_SetAttrString PyObject_GetAttr PyImport_Import
PyObject_SetItem PySequence_Contains
""".split())


def test_only_limited_api_symbols():
    from fastext.compiler.driver import compile_file
    from test_compiler_stages import STABLE_ABI, external_symbols
    symbols = external_symbols(compile_file(PATH).llvm_ir)
    py = {s for s in symbols if s.startswith(("Py", "_Py"))}
    assert py - STABLE_ABI, "expected the object API"
    assert py <= STABLE_ABI | OBJECT_ABI, sorted(py - STABLE_ABI - OBJECT_ABI)


@settings(max_examples=100, deadline=None)
@given(s=st.one_of(st.sampled_from(["let", "while", "", "héllo", "le", "lett", "hello", "whilE"]), st.text(max_size=6)))
def test_whole_string_equality(both, s):
    native, oracle = both
    assert native.keyword(s) == oracle.keyword(s)
    assert native.pass_str(s) == oracle.pass_str(s)


@settings(max_examples=50, deadline=None)
@given(xs=st.lists(st.integers(-100, 100), max_size=10), ys=st.lists(st.floats(-1e6, 1e6), max_size=10))
def test_iterating_lists_and_tuples(both, xs, ys):
    native, oracle = both
    assert native.sum_items(xs, tuple(ys)) == oracle.sum_items(xs, tuple(ys))


def test_python_exceptions_in_try_statements(both):
    """finally bodies, bare raise, returns/breaks out of finally and except, nesting: as Python,
    and the exception object is the callback's own."""
    native, oracle = both

    def cb(x):
        if x % 3 == 0:
            raise KeyError(x)
        if x % 3 == 1:
            return 1 // (x % 2 - x % 2)     # ZeroDivisionError
        return x

    for x in range(-4, 8):
        for name in ("with_finally", "reraise", "nested"):
            got = []
            for mod in both:
                log = []
                try:
                    got.append((("ok", getattr(mod, name)(cb, log, x)), log))
                except Exception as e:   # noqa: BLE001
                    got.append((((type(e), str(e))), log))
            assert got[0] == got[1], (name, x)
        for name in ("swallow_in_finally", "return_in_finally", "replace_in_except"):
            native_out, oracle_out = run_both(both, name, cb, x)
            assert native_out == oracle_out, (name, x)
    err = KeyError("mine")

    def raiser(x):
        raise err

    with pytest.raises(KeyError) as info:
        native.reraise(raiser, [], 1)
    assert info.value is err                 # a bare raise re-raises the very object
    with pytest.raises(KeyError) as info:
        native.with_finally(raiser, [], 1)
    assert info.value is err


def test_no_leaks_through_try_statements(both):
    native, _ = both
    err = KeyError("x")
    log = []

    def raiser(x):
        raise err

    def calls():
        err.__traceback__ = None     # re-raising one object would otherwise grow its traceback
        for fn in (native.with_finally, native.reraise):
            try:
                fn(raiser, log, 1)
            except KeyError:
                pass
        native.swallow_in_finally(lambda x: 1 // (x - 2), 1)    # raises at i == 1: dropped by `break`
        native.return_in_finally(raiser, 1)
        try:
            native.replace_in_except(lambda x: int("v"), 1)
        except KeyError:
            pass
        native.nested(lambda x: 1 // (x % 2), log, 1)
        log.clear()

    for _ in range(100):
        calls()
    gc.collect()
    before = sys.getrefcount(err)
    blocks = sys.getallocatedblocks()
    for _ in range(2000):
        calls()
    err.__traceback__ = None
    gc.collect()
    assert sys.getrefcount(err) == before
    assert sys.getallocatedblocks() - blocks < 1000


def test_stubs_and_signatures(both):
    from fastext.build.stubs import stub_text
    from fastext.compiler.frontend import check_source
    from fastext.compiler.source import SourceFile
    with open(PATH, encoding="utf-8") as f:
        module, diags = check_source(SourceFile(PATH, f.read()), "objects")
    text = stub_text(module, "objects.fx")
    assert "def sum_list(xs: list) -> float:" in text
    assert "def dict_get(d: dict, key: str) -> object:" in text
    assert "def apply(cb: object, x: float) -> float:" in text
    native, _ = both
    assert str(__import__("inspect").signature(native.dict_get)) == "(d, key)"
    assert "dict_get(d: dict, key: str) -> object" in native.dict_get.__doc__


def test_objects_across_modules(tmp_path):
    """An imported function with object parameters, called natively (and its errors)."""
    (tmp_path / "cbhelpers.fx").write_text(
        "from fastext import f64\n\n\ndef scaled(o: object, x: f64) -> f64:\n    s: f64 = o.scale\n    return s * x\n")
    (tmp_path / "cbmain.fx").write_text(
        "from fastext import f64\nfrom cbhelpers import scaled\n\n\n"
        "def total(o: object, n: f64) -> f64:\n    return scaled(o, n) + scaled(o, 1.0)\n")
    native = fxload.compiled(str(tmp_path / "cbmain.fx"))
    oracle = fxload.interpreted(str(tmp_path / "cbmain.fx"))
    obj = types.SimpleNamespace(scale=2.5)
    assert native.total(obj, 3.0) == oracle.total(obj, 3.0) == 10.0
    with pytest.raises(AttributeError):
        native.total(object(), 1.0)
    with pytest.raises(TypeError, match=r"scaled\(\): the value assigned to `s` must be float"):
        native.total(types.SimpleNamespace(scale="x"), 1.0)


def test_functions_that_box_keep_the_gil(both):
    from fastext.compiler.analysis import analyse
    from fastext.compiler.frontend import check_source
    from fastext.compiler.source import SourceFile
    with open(PATH, encoding="utf-8") as f:
        module, _ = check_source(SourceFile(PATH, f.read()), "objects")
    analyse(module)
    fns = module.functions
    assert fns["scalar_loop_to_object"].objects and fns["scalar_to_object"].objects and fns["apply"].objects
    assert not fns["sum_ints"].objects and not fns["text_len"].objects
    native, oracle = both
    assert native.scalar_loop_to_object(100) == oracle.scalar_loop_to_object(100)


def test_complex_conversions(both):
    native, oracle = both
    for value in (1.5, 2, 1 + 2j, np.complex64(1 - 1j), np.float64(0.25)):
        assert native.to_complex(value) == oracle.to_complex(value) == 2 * complex(value)
    with pytest.raises(TypeError, match=r"to_complex\(\): o must be complex"):
        native.to_complex("1+2j")      # Python's complex() parses strings; compiled takes numbers only


def test_optional_object_parameter(both):
    """`cb: object = None`: an optional callback, from Python and from .fx callers."""
    native, oracle = both
    for mod in both:
        assert mod.optional_callback(2.0) == 2.0
        assert mod.optional_callback(2.0, lambda v: v * 3) == 6.0
        assert mod.optional_callback(2.0, cb=None) == 2.0
        assert mod.calls_optional(-2.0, abs) == 0.0
    import inspect
    assert str(inspect.signature(native.optional_callback)) == "(x, cb=None)"


@settings(max_examples=150, deadline=None)
@given(plan=st.lists(st.sampled_from(["ok", "key", "zero", "value", "overflow"]), min_size=12, max_size=12),
       x=st.integers(0, 4))
def test_try_statements_with_random_callback_failures(both, plan, x):
    """Each call of the callback returns or raises as `plan` says: logs, results and
    escaping exceptions agree with Python's, for every try statement shape above."""
    def make_cb():
        def cb(v):
            what = plan[v % len(plan)]
            if what == "key":
                raise KeyError(v)
            if what == "zero":
                raise ZeroDivisionError(v)
            if what == "value":
                raise ValueError(v)
            if what == "overflow":
                raise OverflowError(v)
            return v
        return cb

    for name, with_log in (("with_finally", True), ("reraise", True), ("nested", True),
                           ("swallow_in_finally", False), ("return_in_finally", False),
                           ("replace_in_except", False), ("checked", False)):
        outcomes = []
        for mod in both:
            log = []
            args = (make_cb(), log, x) if with_log else (make_cb(), x)
            try:
                outcomes.append(("ok", getattr(mod, name)(*args), log))
            except Exception as e:   # noqa: BLE001 - compared
                outcomes.append((type(e), str(e), log))
        assert outcomes[0] == outcomes[1], name


@settings(max_examples=100, deadline=None)
@given(xs=st.lists(st.one_of(st.integers(-5, 100), st.none()), max_size=12))
def test_iterating_any_python_iterable(both, xs):
    native, oracle = both
    for make in (list, tuple, lambda v: iter(v), lambda v: (x for x in v), lambda v: dict.fromkeys(v)):
        assert native.sum_iterable(make(xs)) == oracle.sum_iterable(make(xs))
    d = {k: v for k, v in enumerate(xs) if v is not None}
    assert native.dict_values(d) == oracle.dict_values(d)


def test_iteration_errors_propagate(both):
    native, _ = both

    def gen():
        yield 1
        raise KeyError("from the generator")

    with pytest.raises(KeyError, match="from the generator"):
        native.sum_iterable(gen())
    with pytest.raises(TypeError, match="not iterable"):
        native.sum_iterable(5)
    with pytest.raises(TypeError, match="must be float"):
        native.sum_iterable(["x"])
    items = [object()]
    before = sys.getrefcount(items[0])
    for _ in range(1000):
        try:
            native.sum_iterable(iter(items))
        except TypeError:
            pass
    after = sys.getrefcount(items[0])     # (not inside the assert: pytest's rewriting holds a reference)
    assert after == before


def test_stores_into_objects_and_in(both):
    native, oracle = both
    for k in (0, 3, -1):
        results = []
        for mod in both:
            o, d = types.SimpleNamespace(count=5), {"x": 1}
            results.append((mod.record(o, d, k, 1.5), vars(o), d))
        assert results[0] == results[1]
    for text in ("héllo wörld", "", "aaa", "🎉🎉x"):
        h1, h2 = {}, {}
        native.histogram(text, h1)
        oracle.histogram(text, h2)
        assert h1 == h2
    with pytest.raises(AttributeError):
        native.record(object(), {}, 1, 1.0)           # object() has no settable attributes
    with pytest.raises(TypeError, match="unhashable for the test"):
        native.histogram("a", _Unhashable())           # an exception from __contains__


class _Unhashable(dict):
    def __contains__(self, key):
        raise TypeError("unhashable for the test")


@settings(max_examples=150, deadline=None)
@given(s=st.text(alphabet="abcé🎉 ", max_size=12), t=st.text(alphabet="abcé🎉 ", max_size=12))
def test_zip_and_while_over_strings(both, s, t):
    native, oracle = both
    assert native.common_prefix(s, t) == oracle.common_prefix(s, t) == len(os.path.commonprefix([s, t]))
    assert native.last_vowel(s) == oracle.last_vowel(s)
