"""Pythran's export comments as the types of unannotated functions.

Kernels written for Pythran carry their types in comments, not annotations
(`#pythran export rosen(float[])`, `#pythran export f(int, float[:, :], (int, float) list)`).
Such a file compiles unchanged: each export's parameter types become the annotations of the
function's unannotated parameters, and its result is read from the returns (Pythran's exports
declare none).  Of several exports of one function (overloads), the first is used.

A Pythran type becomes the annotation a user would write — `float[]` and `float[:]` a 1-D
`f64` array, `int[][]`/`int[:, :]` a 2-D `i64` one, `T list`/`T set` a list or set of T,
`K:V dict` a dict, `(T, U)` a tuple, `A or B` its first alternative, NumPy's scalar names
their dialect types — so it is then resolved as annotations are (frontend/annotations.py;
arrays and NumPy scalars as `fx_type` on a placeholder, as Numba's signatures are:
frontend/numba.py).  An export the dialect cannot read is a located error at the comment.
"""
from __future__ import annotations

import ast
import re

from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.source import SourceFile, Span
from fastext.compiler.types import BOOL, C128, DIALECT_SCALARS, F64, I64, Array

_EXPORT = re.compile(r"^(\s*)#\s*pythran\s+export\s+(.*?)\s*$")
_TOKEN = re.compile(r"\s*(?:([A-Za-z_]\w*)|(\S))")
_BUILTIN = {"int": I64, "float": F64, "bool": BOOL, "complex": C128}
_NUMPY = {"float64": "f64", "float32": "f32", "double": "f64", "int64": "i64", "int32": "i32",
          "int16": "i16", "int8": "i8", "uint64": "u64", "uint32": "u32", "uint16": "u16", "uint8": "u8",
          "intc": "i32", "intp": "i64", "uintp": "u64", "long": "i64", "complex128": "c128",
          "complex64": "c64", "bool_": "boolean"}
_HINT = "annotate the parameters instead: def f(a: f64[:], n: int)"


class _Unreadable(Exception):
    """A Pythran type outside what the dialect reads."""


def export_types(module, node: ast.FunctionDef) -> None:
    """Give `node`'s unannotated parameters the types of its first `#pythran export`."""
    table = module.__dict__.get("_pythran_exports")
    if table is None:
        table = module._pythran_exports = exports(module.source, module.scope.file)
    found = table.get(node.name)
    if found is None:
        return
    types, span = found
    if len(types) != len(node.args.args):
        raise FxSyntaxError(span, f"the Pythran export of `{node.name}` gives {len(types)} types for "
                                  f"{len(node.args.args)} parameters", _HINT)
    for arg, annotation in zip(node.args.args, types):
        if arg.annotation is None:
            for sub in ast.walk(annotation):
                ast.copy_location(sub, arg)
            arg.annotation = annotation


def exports(source: SourceFile, file: str) -> dict[str, tuple[list[ast.expr], Span]]:
    """Every exported function's first signature: its parameter annotations (as AST) and the
    comment's location (`capsule` exports, C function pointers, are skipped)."""
    found: dict[str, tuple[list[ast.expr], Span]] = {}
    if "pythran" not in source.text:
        return found
    for number, line in enumerate(source.text.splitlines(), 1):
        m = _EXPORT.match(line)
        if m is None:
            continue
        span = Span(file, number, len(m.group(1)), number, len(line))
        try:
            for name, types in _Parser(m.group(2)).exports():
                found.setdefault(name, (types, span))
        except _Unreadable as e:
            raise FxSyntaxError(span, f"cannot read the Pythran export {m.group(2)!r}: {e}", _HINT) from None
    return found


class _Parser:
    """`name(type, ...), name(...)` with Pythran's postfix types."""

    def __init__(self, text: str):
        self.tokens = [a or b for a, b in _TOKEN.findall(text)]
        self.at = 0

    def peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self, want: str | None = None) -> str:
        token = self.peek()
        if token is None or want is not None and token != want:
            raise _Unreadable(f"expected {want or 'more'} at {token or 'the end'!r}")
        self.at += 1
        return token

    def exports(self) -> list[tuple[str, list[ast.expr]]]:
        out = []
        while True:
            name = self.take()
            capsule = name == "capsule"   # a C function pointer, not a function Python calls
            if capsule:
                name = self.take()
            self.take("(")
            types = []
            while self.peek() != ")":
                types.append(self.alternatives())
                if self.peek() == ",":
                    self.take(",")
            self.take(")")
            if not capsule:
                out.append((name, types))
            if self.peek() is None:
                return out
            self.take(",")

    def alternatives(self) -> ast.expr:
        first = self.typ()
        while self.peek() == "or":        # `float[] or float[:, :]`: overloads; the first
            self.take("or")
            self.typ()
        return first

    def typ(self) -> ast.expr:
        t = self.base()
        while True:
            token = self.peek()
            if token == "[":
                t = self.array(t)
            elif token in ("list", "set"):
                self.take()
                t = ast.Subscript(ast.Name(token, ast.Load()), t, ast.Load())
            elif token == ":":            # `int:float dict`
                self.take(":")
                value = self.typ()        # stops at `dict`, which is ours
                self.take("dict")
                t = ast.Subscript(ast.Name("dict", ast.Load()), ast.Tuple([t, value], ast.Load()), ast.Load())
            elif token == "order":        # `float[:, :] order(F)`: any layout is taken anyway
                self.take("order")
                self.take("(")
                self.take()
                self.take(")")
            else:
                return t

    def base(self) -> ast.expr:
        token = self.take()
        if token == "(":                  # a tuple
            items = [self.alternatives()]
            while self.peek() == ",":
                self.take(",")
                items.append(self.alternatives())
            self.take(")")
            return ast.Subscript(ast.Name("tuple", ast.Load()), ast.Tuple(items, ast.Load()), ast.Load())
        if token == "str":
            return ast.Name("str", ast.Load())
        if token == "None":
            return ast.Constant(None)
        scalar = _scalar(token)
        if scalar is None:
            raise _Unreadable(f"unknown type {token!r}")
        return _placeholder(scalar)

    def array(self, item: ast.expr) -> ast.expr:
        dtype = getattr(item, "fx_type", None)
        if dtype is None:
            raise _Unreadable("arrays hold numbers")
        rank = 0
        while self.peek() == "[":         # `float[][]` or `float[:, :]` (or `float[:][:]`)
            self.take("[")
            rank += 1
            while self.peek() != "]":
                token = self.take()
                if token == ",":
                    rank += 1
                elif token != ":":
                    raise _Unreadable("array dimensions are `[]` or `[:]`")
            self.take("]")
        return _placeholder(Array(dtype, rank))


def _scalar(name: str):
    if name in _BUILTIN:
        return _BUILTIN[name]
    if name in _NUMPY:
        return DIALECT_SCALARS[_NUMPY[name]]
    return None


def _placeholder(t) -> ast.expr:
    node = ast.Name("pythran$export", ast.Load())
    node.fx_type = t
    return node
