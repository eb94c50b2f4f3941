"""Native fast paths of `hex/oct/bin(n)` of a machine integer and of `int(s, base)` of plain
ASCII digits: one internal function each, no Python int made on the way (lower/text.py).

`hex(n)` of an i64 writes its digits backwards into a frame buffer and makes the str in one
`PyUnicode_FromStringAndSize`, where `PyNumber_ToBase` would box `n` and format a Python int.
`int(s, base)` parses the common shape itself: an optional sign, the prefix `0x`/`0o`/`0b` that
matches the base, then only digits of the base, the value fitting an i64.  Anything else
(spaces, underscores, base 0, a digit outside the base, an empty string, a larger value) is
left to `PyLong_FromString`, so every error and every unusual spelling is CPython's own.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler.capi import CApi
from fastext.compiler.lower.context import I1, I64, I8, I8P
from fastext.compiler.lower.ircontrol import Var, do_while, internal_function, while_loop

_PREFIX = {16: "x", 8: "o", 2: "b"}
_BUFFER = 72          # "-0b" and 64 binary digits


def tobase(api: CApi, b: ll.IRBuilder, v: ll.Value, base: int, signed: bool) -> ll.Value:
    """A new str: hex/oct/bin (`base` 16/8/2) of the i64 `v` (`signed`: negative values have a
    '-' before the prefix, as Python writes them; else `v` is read as unsigned).  NULL on failure."""
    name = f"fx$tobase.{base}.{'s' if signed else 'u'}"
    fn, fb = internal_function(api.module, name, I8P, [I64])
    if fb is not None:
        _tobase_body(api, fn, fb, base, signed)
    return b.call(fn, [v])


def _tobase_body(api: CApi, fn: ll.Function, b: ll.IRBuilder, base: int, signed: bool) -> None:
    n = fn.args[0]
    buf = b.alloca(ll.ArrayType(I8, _BUFFER))
    negative = b.icmp_signed("<", n, I64(0)) if signed else I1(0)
    u = Var(b, I64, b.select(negative, b.sub(I64(0), n), n))     # |INT64_MIN| as unsigned too
    pos = Var(b, I64, I64(_BUFFER))
    shift = base.bit_length() - 1

    def put(ch: ll.Value) -> None:
        pos.set(b.sub(pos.get(), I64(1)))
        b.store(ch, b.gep(buf, [I64(0), pos.get()]))

    def digit() -> None:
        d = b.trunc(b.and_(u.get(), I64(base - 1)), I8)
        put(b.select(b.icmp_unsigned("<", d, I8(10)), b.add(d, I8(ord("0"))), b.add(d, I8(ord("a") - 10))))
        u.set(b.lshr(u.get(), I64(shift)))
    do_while(b, digit, lambda: b.icmp_unsigned("!=", u.get(), I64(0)), name="tobase")
    put(I8(ord(_PREFIX[base])))
    put(I8(ord("0")))
    with b.if_then(negative):
        put(I8(ord("-")))
    start = b.gep(buf, [I64(0), pos.get()])
    b.ret(api.call(b, "PyUnicode_FromStringAndSize", start, b.sub(I64(_BUFFER), pos.get())))


def parse(api: CApi, b: ll.IRBuilder, text: ll.Value, size: ll.Value, base: ll.Value, out: ll.Value) -> ll.Value:
    """i1: the `size` ASCII bytes at `text` are a plain integer in `base` (2..36; the shape in
    the module's docstring) whose value, stored at `out` (an i64*), fits an i64; false leaves
    the text to `PyLong_FromString`."""
    fn, fb = internal_function(api.module, "fx$parse_int", I1, [I8P, I64, I64, I64.as_pointer()])
    if fb is not None:
        _parse_body(fn, fb)
    return b.call(fn, [text, size, base, out])


def _parse_body(fn: ll.Function, b: ll.IRBuilder) -> None:
    text, size, base, out = fn.args
    fail, ok_bb = fn.append_basic_block("fail"), fn.append_basic_block("ok")
    at = Var(b, I64, I64(0))
    char = lambda k: b.zext(b.load(b.gep(text, [k])), I64)   # noqa: E731 - a byte as i64

    ranged = b.and_(b.icmp_signed(">=", base, I64(2)), b.icmp_signed("<=", base, I64(36)))
    nonempty = b.icmp_signed(">", size, I64(0))
    go = fn.append_basic_block("sign")
    b.cbranch(b.and_(ranged, nonempty), go, fail)
    b.position_at_end(go)
    first = char(I64(0))
    minus = b.icmp_unsigned("==", first, I64(ord("-")))
    signed = b.or_(minus, b.icmp_unsigned("==", first, I64(ord("+"))))
    at.set(b.zext(signed, I64))
    # the prefix that names the base (Python allows it for that base only): '0' then x/o/b
    letter = b.select(b.icmp_unsigned("==", base, I64(16)), I64(ord("x")),
                      b.select(b.icmp_unsigned("==", base, I64(8)), I64(ord("o")),
                               b.select(b.icmp_unsigned("==", base, I64(2)), I64(ord("b")), I64(0))))
    room = b.icmp_signed("<", b.add(at.get(), I64(2)), size)
    with b.if_then(b.and_(room, b.icmp_unsigned("!=", letter, I64(0)))):
        zero = b.icmp_unsigned("==", char(at.get()), I64(ord("0")))
        named = b.icmp_unsigned("==", b.or_(char(b.add(at.get(), I64(1))), I64(0x20)), letter)
        with b.if_then(b.and_(zero, named)):
            at.set(b.add(at.get(), I64(2)))
    digits = fn.append_basic_block("digits")
    b.cbranch(b.icmp_signed("<", at.get(), size), digits, fail)     # at least one digit
    b.position_at_end(digits)
    value = Var(b, I64, I64(0))
    overflow = ll.LiteralStructType([I64, I1])
    umul = _intrinsic(fn.module, "llvm.umul.with.overflow.i64", overflow, [I64, I64])
    uadd = _intrinsic(fn.module, "llvm.uadd.with.overflow.i64", overflow, [I64, I64])

    def step() -> None:
        c = char(at.get())
        lower = b.or_(c, I64(0x20))     # 'A'..'Z' -> 'a'..'z'
        d = b.select(b.icmp_unsigned("<", b.sub(c, I64(ord("0"))), I64(10)), b.sub(c, I64(ord("0"))),
                     b.select(b.icmp_unsigned("<", b.sub(lower, I64(ord("a"))), I64(26)),
                              b.add(b.sub(lower, I64(ord("a"))), I64(10)), I64(99)))
        scaled = b.call(umul, [value.get(), base])
        summed = b.call(uadd, [b.extract_value(scaled, 0), d])
        bad = b.or_(b.icmp_unsigned(">=", d, base),
                    b.or_(b.extract_value(scaled, 1), b.extract_value(summed, 1)))
        good = fn.append_basic_block("digit.ok")
        b.cbranch(bad, fail, good)
        b.position_at_end(good)
        value.set(b.extract_value(summed, 0))
        at.set(b.add(at.get(), I64(1)))
    while_loop(b, lambda: b.icmp_signed("<", at.get(), size), step, name="digit")
    # an i64 (|INT64_MIN| is left to CPython: rare, and the Python int it makes is no small one)
    b.cbranch(b.icmp_signed(">=", value.get(), I64(0)), ok_bb, fail)
    b.position_at_end(ok_bb)
    b.store(b.select(minus, b.sub(I64(0), value.get()), value.get()), out)
    b.ret(I1(1))
    b.position_at_end(fail)
    b.ret(I1(0))


def _intrinsic(module: ll.Module, name: str, ret: ll.Type, args: list[ll.Type]) -> ll.Function:
    fn = module.globals.get(name)
    return fn if fn is not None else ll.Function(module, ll.FunctionType(ret, args), name)
