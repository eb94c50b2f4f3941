"""Typing of expressions: names, constants, arithmetic, comparisons, subscripts, calls.

`ExpressionChecker.EXPRS` maps each supported `ast` expression to its method and so
is the list of supported expressions.  The promotion rules themselves live in
`compiler/types.py`; literals are *weak* here (they take the other operand's type).
An operand that already carries a reported error "poisons" the expression: it gets
the error type and nothing more is reported about it.
"""
from __future__ import annotations

import ast
import math

from fastext.compiler import ir, ops
from fastext.compiler.builtins import MATH_CONSTANTS
from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.frontend.scope import ModuleScope
from fastext.compiler.source import Span
from fastext.compiler.types import (
    BOOL, C128, ERROR, F64, I64, NONE, SCALARS, STRV, Array, ErrorType, PyObj, Scalar, Str, Struct, Tuple, Type, article,
    can_assign, complex_of, complex_part, constant_fits, promote,
)
from fastext.compiler.types import List as ListType
from fastext.compiler import types as T

BINOPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%",
          ast.Pow: "**", ast.BitAnd: "&", ast.BitOr: "|", ast.BitXor: "^", ast.LShift: "<<",
          ast.RShift: ">>"}
CMPOPS = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!="}

NODE_NAMES = {
    "JoinedStr": "f-string", "ListComp": "list comprehension", "SetComp": "set comprehension",
    "DictComp": "dict comprehension", "GeneratorExp": "generator expression", "Lambda": "lambda",
    "List": "list display", "Dict": "dict display", "Set": "set display", "Try": "try statement",
    "TryStar": "try/except* statement", "With": "with statement", "ClassDef": "class definition",
    "FunctionDef": "nested function", "AsyncFunctionDef": "async function", "Global": "global statement",
    "Nonlocal": "nonlocal statement", "Delete": "del statement", "Await": "await", "Yield": "yield",
    "YieldFrom": "yield from", "Starred": "star expression", "NamedExpr": "walrus (:=)",
    "Match": "match statement", "Import": "import inside a function", "ImportFrom": "import inside a function",
    "Slice": "slice", "AsyncFor": "async for", "AsyncWith": "async with",
}

UNSUPPORTED_HINTS = {
    "For": "only `for i in range(...)` loops are supported so far",
    "TryStar": "exception groups (`except*`) are not supported; use plain `except` clauses",
    "With": "compiled code supports `with` only for np.errstate(...)",
    "Global": "module globals are read-only constants in .fx code; pass values as parameters",
    "Nonlocal": "nested functions are not supported",
    "FunctionDef": "define helper functions at module level (prefix the name with _ to keep it internal)",
    "Lambda": "bind a lambda to a name (`f = lambda x: ...`) or pass it to a .fx function",
    "GeneratorExp": "use it inside sum(), min(), max(), any(), all(), list(), sorted() or set(), or write [... for ...]",
    "Await": "async code is not supported",
    "Starred": "star-unpacking is not supported",
}


class ExpressionChecker:
    """Types expressions; `FunctionChecker` adds statements and local variables on top."""

    scope: ModuleScope
    file: str
    vars: dict[str, ir.Var]

    def span(self, node: ast.AST) -> Span:
        return Span.of(node, self.file)

    def error(self, node: ast.AST, message: str, hint: str = "") -> FxSyntaxError:
        return FxSyntaxError(self.span(node), message, hint)

    def expr(self, node: ast.expr) -> ir.Expr:
        method = self.EXPRS.get(type(node))
        if method is None:
            name = type(node).__name__
            raise self.error(node, f"unsupported expression ({NODE_NAMES.get(name, name)})",
                             UNSUPPORTED_HINTS.get(name, "use numbers, arrays, arithmetic and calls"))
        return method(self, node)

    def condition(self, node: ast.expr) -> ir.Expr:
        if isinstance(node, ast.BoolOp):    # `if n > 0 and xs:`: only each operand's truth matters here
            values = [self.condition(v) for v in node.values]
            if poisoned(*values):
                return poison(self.span(node))
            return ir.BoolOp(BOOL, self.span(node), "and" if isinstance(node.op, ast.And) else "or", values)
        return self.truth(self.expr(node), node)

    def truth(self, value: ir.Expr, node: ast.AST) -> ir.Expr:
        if value.type == BOOL or isinstance(value.type, ErrorType):
            return value
        if isinstance(value.type, PyObj):
            from fastext.compiler.frontend import objects
            return objects.truth(self, value, node)
        if isinstance(value.type, Scalar):
            return ir.Truth(BOOL, value.span, value)
        if isinstance(value.type, Struct) and value.type.plain:     # `__bool__`, `__len__`, else true
            from fastext.compiler.frontend import dunders
            return dunders.truth(self, value, node)
        if isinstance(value.type, Str):      # a str parameter: not empty (its length, natively)
            from fastext.compiler.frontend import strings
            return ir.Truth(BOOL, value.span, strings.length(value.span, value))
        if isinstance(value.type, Array):
            from fastext.compiler.frontend import arrays
            raise arrays.truth_error(self, node)
        if isinstance(value.type, (ListType, T.Dict, T.Set)):     # true when not empty
            length = ir.Intrinsic(I64, value.span, "list.len" if isinstance(value.type, ListType) else "dict.len",
                                  [value])
            return ir.Compare(BOOL, value.span, ["!="], [length, ir.Const(I64, value.span, 0)], [I64])
        raise self.error(node, f"{article(value.type)} cannot be used as a condition",
                         "compare explicitly, e.g. `len(a) > 0`")

    def e_constant(self, node: ast.Constant) -> ir.Expr:
        v = node.value
        span = self.span(node)
        if isinstance(v, bool):
            return ir.Const(BOOL, span, v)
        if isinstance(v, int):
            if not -2**63 <= v < 2**64:
                raise self.error(node, "integer literal does not fit in 64 bits", "use a float literal")
            return ir.Const(I64 if v < 2**63 else SCALARS["u64"], span, v)
        if isinstance(v, float):
            return ir.Const(F64, span, v)
        if isinstance(v, complex):
            return ir.Const(C128, span, v)
        if isinstance(v, str):      # a str value (frontend/text.py)
            from fastext.compiler.frontend import text
            return text.literal(self, node)
        if isinstance(v, bytes):    # b"P4\n": a Python bytes object, for output (`sys.stdout.buffer.write`)
            return ir.ObjConst(PyObj("bytes"), span, v)
        if v is None:
            from fastext.compiler.frontend import dunders
            if dunders.module_has_classes(self):      # None where an instance of a class may go
                return ir.Intrinsic(NONE, span, "record.none", [])
            raise self.error(node, "None is only allowed in `return None`",
                             "None stands for a missing class instance, a parameter default or no result; a local "
                             "that starts as None takes the type of its later value, unless a nested function or "
                             "lambda reads it: then give it a first value of that type (`best = (-1, -1)`, "
                             "`options: set[int] = set()`)")
        raise self.error(node, f"unsupported constant {v!r}", "use numbers")

    def e_name(self, node: ast.Name) -> ir.Expr:
        if node.id not in self.vars and (node.id in self.__dict__.get("functables", {}) or
                                         (self.scope.lookup(node.id) or _NO_BINDING).kind == "functable"):
            raise self.error(node, f"`{node.id}` is a table of functions, known only when compiled",
                             f"iterate it (`for f in {node.id}:`), call an entry (`{node.id}[k](x)`) or take "
                             f"len({node.id})")
        return self.load_name(node)

    def module_array(self, node: ast.expr, b) -> ir.Expr:
        """A module-level array (frontend/module_arrays.py): the module's one global array."""
        if self.sig.target != "cpu":
            raise self.error(node, "module-level arrays live in host memory: GPU code cannot read them",
                             "pass the array to the kernel as a parameter")
        name, value = b.value
        return ir.Intrinsic(b.type, self.span(node), "array.global", [],
                            {"name": name, "shape": tuple(value.shape), "image": value.tobytes()})

    def load_name(self, node: ast.Name) -> ir.Expr:
        span = self.span(node)
        forwarded = getattr(self, "forwarded", {}).get(node.id)
        if forwarded is not None:       # frontend/forward.py: a copy of the value for each load (the
            return ir.copy_expr(forwarded)  # expressions built on it may renumber its operands)
        var = self.vars.get(node.id)
        if var is not None:
            if node.id in getattr(self, "optionals", ()):     # a local begun as None (frontend/optionals.py)
                from fastext.compiler.frontend import optionals
                return optionals.read(self, node, var)
            return ir.Load(var.type, span, var)
        b = self.scope.lookup(node.id)
        if b is not None and b.kind in ("const", "mathconst"):
            if isinstance(b.value, str):      # a module-level str constant: a str value as its literal is
                return ir.ObjConst(b.type, span, b.value)
            return ir.Const(b.type, span, b.value)
        if b is not None and b.kind == "constarray":
            return self.module_array(node, b)
        if b is not None and b.kind in ("module:py", "pyattr"):      # `import re`, `from re import sub`
            module = ir.Intrinsic(T.OBJECT, span, "py.import", [], {"name": b.value if b.kind == "module:py" else
                                                                  b.value[0]})
            return module if b.kind == "module:py" else ir.ObjAttr(T.OBJECT, span, module, b.value[1])
        if b is not None and b.kind == "constset":       # a module-level set of constants: a new set
            from fastext.compiler.frontend.constsets import display
            return self.expr(display(node, b.value))
        if b is not None and b.kind == "transtable":     # a module-level str.maketrans: its dict
            from fastext.compiler.frontend.translate import table_display
            return self.expr(table_display(b.value, node))
        if b is not None and b.kind == "modscalar":     # a module number some function assigns
            from fastext.compiler.frontend import module_scalars
            return module_scalars.load(self, node, b)
        if b is not None and b.kind == "modvar":     # frontend/module_containers.py
            from fastext.compiler.frontend.module_containers import load
            return load(self, node, b)
        if b is not None and b.kind == "structtype":
            raise self.error(node, f"the struct `{node.id}` cannot be used as a value",
                             f"build one: {node.id}({', '.join(f for f, _ in b.value.fields)})")
        if node.id in getattr(self, "ranges", {}):
            from fastext.compiler.frontend.rangevals import HINT
            raise self.error(node, f"the range `{node.id}` cannot be used as a value here", HINT)
        if node.id in getattr(self, "funcvals", {}) or b is not None and b.kind == "func":
            from fastext.compiler.frontend.funcvals import not_a_value
            raise not_a_value(self, node, node.id)
        if node.id in self.iterators:
            from fastext.compiler.frontend.iterators import misused
            raise misused(self, node)
        if b is not None:
            raise self.error(node, f"`{node.id}` cannot be used as a value", "call it, or use it as a type")
        from fastext.compiler.frontend.suggest import names_in_scope, unknown_name_hint
        raise self.error(node, f"name `{node.id}` is not defined", unknown_name_hint(
            node.id, names_in_scope(self), "assign it before use (local types come from the first assignment)"))

    def e_attribute(self, node: ast.Attribute) -> ir.Expr:
        span = self.span(node)
        if node.attr == "__name__":
            from fastext.compiler.frontend.inherit import type_name
            named = type_name(self, node)       # type(x).__name__, x.__class__.__name__
            if named is not None:
                return named
        if isinstance(node.value, ast.Call):
            from fastext.compiler.frontend.compose import type_info
            info = type_info(self, node)       # np.finfo(np.float32).eps, np.iinfo(a.dtype).max
            if info is not None:
                return info
        from fastext.compiler.frontend import gpu
        path = gpu.gpu_path(self.scope, node) if node.value.__class__ is not ast.Name or \
            node.value.id not in self.vars else None
        if path is not None:
            return gpu.attribute(self, node, path)
        if isinstance(node.value, ast.Name) and node.value.id not in self.vars:
            b = self.scope.lookup(node.value.id)
            if b is not None and b.kind == "module:sys":
                from fastext.compiler.frontend import printing
                return printing.attribute(self, node)
            if b is not None and b.kind == "module:math":
                if node.attr in MATH_CONSTANTS:
                    return ir.Const(F64, span, MATH_CONSTANTS[node.attr])
                raise self.error(node, f"math.{node.attr} is not a supported constant", "math.pi, e, tau, inf, nan")
            if b is not None and b.kind == "module:numpy":
                from fastext.compiler.builtins import NUMPY_CONSTANTS
                if node.attr in NUMPY_CONSTANTS:
                    return ir.Const(F64, span, NUMPY_CONSTANTS[node.attr])
                raise self.error(node, f"`{node.value.id}.{node.attr}` cannot be used as a value in .fx code",
                                 "NumPy types are dtype= arguments; constants: np.pi, np.e, np.inf, np.nan")
            if b is not None and b.kind == "module:cmath":
                from fastext.compiler.frontend.cmathcalls import CMATH_CONSTANTS
                if node.attr in CMATH_CONSTANTS:
                    value, t = CMATH_CONSTANTS[node.attr]
                    return ir.Const(t, span, value)
                raise self.error(node, f"cmath.{node.attr} is not a supported constant",
                                 "cmath.pi, e, tau, inf, nan, infj, nanj (call functions: cmath.sqrt(z))")
            if b is not None and b.kind == "structtype" and b.value.plain:     # `Task.PRIORITY`
                from fastext.compiler.frontend import inherit
                const = inherit.constant(self, node, b.value, None)
                if const is not None:
                    return const
                raise self.error(node, f"class `{node.value.id}` has no class constant `{node.attr}`",
                                 "read fields and call methods on an instance; class constants are assigned in "
                                 "the class body (`PRIORITY = 3`)")
            if b is not None and b.kind == "module:fx":
                c = b.value.scope.names.get(node.attr)
                if c is not None and c.kind in ("const", "mathconst"):
                    return ir.Const(c.type, span, c.value)
                if c is not None and c.kind == "constarray":
                    return self.module_array(node, c)
                if c is None:
                    from fastext.compiler.frontend.graph import missing_name as _missing_name
                    missing = _missing_name(span, b.value, node.attr)
                    raise self.error(node, missing.message, missing.hint)
                raise self.error(node, f"`{node.value.id}.{node.attr}` cannot be used as a value",
                                 "call it, or use a constant of the module")
        base = self.expr(node.value)
        if poisoned(base):
            return poison(span)
        if isinstance(base.type, PyObj):
            from fastext.compiler.frontend import objects
            return objects.attribute(self, node, base)
        if isinstance(base.type, Scalar) and base.type.is_complex and node.attr in ("real", "imag"):
            return ir.Intrinsic(complex_part(base.type), span, f"complex.{node.attr}", [base])
        if isinstance(base.type, Struct) and isinstance(base, ir.Const):   # a field of a struct constant
            k = base.type.field_index(node.attr)
            if k is not None:
                return ir.Const(base.type.fields[k][1], span, base.value[k])
        if isinstance(base.type, Struct):
            from fastext.compiler.frontend.structs import field_of
            return field_of(self, node, base)
        if isinstance(base.type, Array):
            from fastext.compiler import ops
            op = ops.by_spelling(f"ndarray.{node.attr}")
            if op is not None and op.data.get("property"):
                return op.check(self, node, op, f"a.{node.attr}", base)
            if node.attr == "shape":
                dims = [ir.ArrayDim(I64, span, base, k) for k in range(base.type.ndim)]
                return ir.MakeTuple(Tuple((I64,) * base.type.ndim), span, dims)
            if node.attr == "size":
                return ir.ArraySize(I64, span, base)
            if node.attr == "ndim":
                return ir.Const(I64, span, base.type.ndim)
            props = [s.rpartition(".")[2] for s in ops.spellings_under("ndarray.") if ops.by_spelling(s).data.get("property")]
            raise self.error(node, f"arrays have no attribute `{node.attr}` in .fx code",
                             f"supported: {', '.join(sorted(props + ['shape', 'size', 'ndim']))}")
        raise self.error(node, f"{article(base.type)} has no attribute `{node.attr}`",
                         "complex numbers have .real and .imag" if isinstance(base.type, Scalar) and base.type.is_complex
                         else "numbers have no attributes in .fx code")

    def _tuple_item_at(self, base: ir.Expr, idx: ast.expr, node: ast.Subscript) -> ir.Expr:
        """`t[i]` of a tuple whose items have one type, `i` known at run time (`vec[i]` of a
        permutation): a chain of selects over the items, IndexError outside `-n .. n-1`."""
        from fastext.compiler.types import BOOL, I64, NONE
        span = self.span(node)
        items = base.type.items
        n, t = len(items), items[0]
        tup, k = self.new_temp(base.type, node), self.new_temp(I64, node)
        index = self.coerce(self.expr(idx), I64, idx, "tuple index")
        load_k = ir.Load(I64, span, k)
        const = lambda v: ir.Const(I64, span, v)   # noqa: E731
        negative = ir.Compare(BOOL, span, ["<"], [load_k, const(0)], [I64])
        wrapped = ir.IfExp(I64, span, negative, ir.BinOp(I64, span, "+", load_k, const(n)), load_k)
        outside = ir.BoolOp(BOOL, span, "or", [ir.Compare(BOOL, span, ["<"], [load_k, const(0)], [I64]),
                                                ir.Compare(BOOL, span, [">="], [load_k, const(n)], [I64])])
        check = ir.ExprStmt(span, ir.Intrinsic(NONE, span, "fx.raise_if", [outside],
                                               {"exc": "IndexError", "message": "tuple index out of range"}))
        value: ir.Expr = ir.TupleGet(t, span, ir.Load(base.type, span, tup), n - 1)
        for j in range(n - 2, -1, -1):
            at = ir.Compare(BOOL, span, ["=="], [ir.Load(I64, span, k), const(j)], [I64])
            value = ir.IfExp(t, span, at, ir.TupleGet(t, span, ir.Load(base.type, span, tup), j), value)
        return ir.StmtExpr(t, span, [ir.Assign(span, tup, base), ir.Assign(span, k, index),
                                     ir.Assign(span, k, wrapped), check], value)

    def e_subscript(self, node: ast.Subscript) -> ir.Expr:
        from fastext.compiler.frontend import indextricks, module_containers
        trick = indextricks.subscript(self, node)
        if trick is not None:       # np.r_[...], np.c_[...], a[np.ix_(r, c)]
            return trick
        strdict = module_containers.strdict(self, node.value)
        if strdict is not None:     # `BODIES["sun"]`: a module-level dict with str keys
            return module_containers.subscript(self, node, strdict)
        base = self.expr(node.value)
        span = self.span(node)
        if poisoned(base):
            return poison(span)
        if isinstance(base.type, Struct) and base.type.plain:      # `q[i]` → q.__getitem__(i)
            from fastext.compiler.frontend import dunders, recordops
            fields = recordops.as_tuple(self, base, node.value)    # `p[0]` of a named tuple
            if fields is None:
                return dunders.getitem(self, node, base)
            base = fields
        if isinstance(base.type, Tuple):
            idx = node.slice
            k = _const_int(idx)
            n = len(base.type.items)
            if k is None and not isinstance(idx, ast.Slice) and len(set(base.type.items)) == 1:
                return self._tuple_item_at(base, idx, node)
            if k is None or not -n <= k < n:
                raise self.error(idx, f"tuple index must be a constant in range(-{n}, {n})", "e.g. `a.shape[0]`")
            k %= n
            if isinstance(base, ir.MakeTuple):
                return base.items[k]
            return ir.TupleGet(base.type.items[k], span, base, k)
        from fastext.compiler.frontend import text
        if text.is_text(base.type) or isinstance(base.type, Str) and isinstance(node.slice, ast.Slice):
            return text.subscript(self, node, base)
        if isinstance(base.type, PyObj):
            from fastext.compiler.frontend import objects
            return objects.item(self, node, base)
        if isinstance(base.type, ListType):
            from fastext.compiler.frontend import lists
            return lists.subscript(self, node, base)
        if isinstance(base.type, (T.Dict, T.Set)):
            from fastext.compiler.frontend import dicts
            return dicts.subscript(self, node, base)
        if isinstance(base.type, Str):
            from fastext.compiler.frontend import strings
            return strings.subscript(self, node, base)
        if isinstance(base.type, Array):
            node = self.spread_tuple_index(node)
            if isinstance(node.slice, ast.Constant) and node.slice.value is Ellipsis:
                return ir.ArraySlice(base.type, span, base, [])     # a[...]: the whole array
            elts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            from fastext.compiler.frontend import indexing
            fancy = indexing.fancy(self, node, base, elts)   # a[mask], a[idx]: NumPy's advanced indexing
            if fancy is not None:
                return fancy
            if any(isinstance(e, ast.Slice) or self.is_newaxis(e) for e in elts) or len(elts) != base.type.ndim:
                return self.array_slice(node, base, elts)
            return ir.Index(base.type.dtype, span, base, self.index_exprs(node, base.type))
        raise self.error(node.value, f"{article(base.type)} cannot be indexed", "only arrays and tuples can be indexed")

    def spread_tuple_index(self, node: ast.Subscript) -> ast.Subscript:
        """`a[idx]` with `idx` a tuple of ints (`for idx in np.ndindex(a.shape)`) as NumPy reads it:
        `a[idx[0], idx[1]]`, a new node (the same source may be checked again with other types)."""
        name = node.slice
        var = self.vars.get(name.id) if isinstance(name, ast.Name) else None
        if var is None or not isinstance(var.type, Tuple) or not var.type.items or \
                not all(isinstance(t, Scalar) and t.is_int for t in var.type.items):
            return node
        items = [ast.copy_location(ast.Subscript(ast.copy_location(ast.Name(name.id, ast.Load()), name),
                                                 ast.copy_location(ast.Constant(k), name), ast.Load()), name)
                 for k in range(len(var.type.items))]
        return ast.copy_location(ast.Subscript(node.value, ast.copy_location(ast.Tuple(items, ast.Load()), name),
                                               node.ctx), node)

    def array_slice(self, node: ast.Subscript, base: ir.Expr, elts: list[ast.expr]) -> ir.Expr:
        """A view: slices keep their axis, integer indices drop theirs, missing axes stay whole."""
        atype: Array = base.type
        if any(isinstance(e, ast.Constant) and e.value is Ellipsis for e in elts):
            elts = self.expand_ellipsis(node, elts, atype.ndim)
        consumed = sum(1 for e in elts if not self.is_newaxis(e))
        if consumed > atype.ndim:
            raise self.error(node.slice, f"too many indices for a {atype.ndim}-D array: {consumed}",
                             "one index or slice per dimension")
        items = []
        for e in elts:
            if self.is_newaxis(e):
                items.append(ir.SliceItem(newaxis=True))
            elif isinstance(e, ast.Slice):
                bounds = [None if b is None else self.index_value(b) for b in (e.lower, e.upper, e.step)]
                if isinstance(bounds[2], ir.Const) and bounds[2].value == 0:
                    raise self.error(e.step, "slice step cannot be zero", "use a positive or negative step")
                items.append(ir.SliceItem(None, *bounds))
            else:
                items.append(ir.SliceItem(index=self.index_value(e)))
        kept = atype.ndim - sum(1 for item in items if item.index is not None) + \
            sum(1 for item in items if item.newaxis)
        if kept == 0:
            return ir.Index(atype.dtype, self.span(node), base, [item.index for item in items])
        return ir.ArraySlice(Array(atype.dtype, kept), self.span(node), base, items)

    def is_newaxis(self, e: ast.expr) -> bool:
        """`None` or `np.newaxis` in a subscript: a new axis of size 1."""
        if isinstance(e, ast.Constant) and e.value is None:
            return True
        if isinstance(e, ast.Attribute) and e.attr == "newaxis" and isinstance(e.value, ast.Name) \
                and e.value.id not in self.vars:
            b = self.scope.lookup(e.value.id)
            return b is not None and b.kind == "module:numpy"
        return False

    def expand_ellipsis(self, node: ast.Subscript, elts: list[ast.expr], ndim: int) -> list[ast.expr]:
        """`a[..., 0]`, `x[..., None]`: the ellipsis stands for as many full slices as needed."""
        k = next(i for i, e in enumerate(elts) if isinstance(e, ast.Constant) and e.value is Ellipsis)
        rest = elts[:k] + elts[k + 1:]
        if any(isinstance(e, ast.Constant) and e.value is Ellipsis for e in rest):
            raise self.error(node.slice, "an index can only have a single ellipsis ('...')", "keep one `...`")
        missing = ndim - sum(1 for e in rest if not self.is_newaxis(e))
        return elts[:k] + [ast.Slice() for _ in range(max(missing, 0))] + elts[k + 1:]

    def index_value(self, e: ast.expr) -> ir.Expr:
        """An index or slice bound: any integer, as i64."""
        value = self.expr(e)
        if not (isinstance(value.type, Scalar) and value.type.is_int) and not isinstance(value.type, ErrorType):
            raise self.error(e, f"array indices must be integers, not {value.type}", "convert with int(...)")
        if value.type == SCALARS["u64"]:
            return ir.Cast(I64, value.span, value)
        return self.coerce(value, I64, e, "index")

    def index_exprs(self, node: ast.Subscript, atype: Array) -> list[ir.Expr]:
        elts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if any(isinstance(e, ast.Slice) for e in elts):
            raise self.error(node.slice, "augmented assignment to a slice is not supported",
                             "loop over the view: v = a[1:]; v[i] += …")
        if len(elts) != atype.ndim:
            raise self.error(node.slice, f"a {atype.ndim}-D array needs {atype.ndim} indices, got {len(elts)}",
                             "index every dimension: a[i, j]" if atype.ndim > 1 else "write a[i]")
        return [self.index_value(e) for e in elts]

    def e_tuple(self, node: ast.Tuple) -> ir.Expr:
        from fastext.compiler.frontend.lists import as_item
        items = [as_item(self.expr(e)) for e in node.elts]     # text: a str value the arena keeps
        for e, item in zip(node.elts, items):
            if not isinstance(item.type, (Scalar, Array, Struct, ErrorType, ListType, Tuple, T.Dict, T.Set)) \
                    and item.type != T.STRV:
                raise self.error(e, f"tuples hold numbers, structs, arrays and containers, not {item.type}",
                                 "unpack the inner tuple first")
        return ir.MakeTuple(Tuple(tuple(i.type for i in items)), self.span(node), items)

    def e_binop(self, node: ast.BinOp) -> ir.Expr:
        op = "@" if isinstance(node.op, ast.MatMult) else BINOPS.get(type(node.op))
        if op is None:
            raise self.error(node, "unsupported operator", "use + - * / // % ** & | ^ << >> @")
        wide = self.wide_literal(node)
        if wide is not None:
            return wide
        left = self.expr(node.left)
        if op == "%" and isinstance(node.right, ast.Tuple):
            from fastext.compiler.frontend import text
            if text.textual(left.type) or text.is_bytes(left.type):   # "%d %s" % (n, s): a Python tuple
                return text.format_tuple(self, left, node)
        return self.binop(op, left, self.expr(node.right), node)

    def tuple_concat(self, left: ir.Expr, right: ir.Expr, node: ast.AST) -> ir.Expr:
        """`t + u` of two tuples: one tuple of t's items then u's (`(9,) + a.shape`); an operand
        that is neither a display nor a name is evaluated once, into a temporary, first."""
        span = self.span(node)
        pre: list[ir.Stmt] = []
        items: list[ir.Expr] = []
        for side in (left, right):
            if isinstance(side, ir.MakeTuple):
                items += side.items
                continue
            if not isinstance(side, ir.Load):
                temp = self.new_temp(side.type, node)
                self.vars[temp.name] = temp
                pre.append(ir.Assign(span, temp, side))
                side = ir.Load(side.type, span, temp)
            items += [ir.TupleGet(t, span, ir.Load(side.type, span, side.var), k) for k, t in enumerate(side.type.items)]
        made = ir.MakeTuple(Tuple(tuple(i.type for i in items)), span, items)
        return ir.StmtExpr(made.type, span, pre, made) if pre else made

    def wide_literal(self, node: ast.BinOp) -> ir.Expr | None:
        """An integer expression of literals only, evaluated whole as Python does: a constant
        (`2**64 - 1` is a u64 constant, though `2**64` alone is beyond 64 bits), or a located
        error when the value is beyond u64 — folding operator by operator, or computing it at
        run time in 64 bits, wrapped silently (`x + 2**64` was `x + 0`).  None: not such an
        expression (a float, a division by zero, ...: the usual rules apply)."""
        v = _literal_int(node)
        if v is None:
            return None
        if -2**63 <= v < 2**63:       # folded whole: intermediate values may be wider, as in Python
            return ir.Const(I64, self.span(node), v)
        if 0 <= v < 2**64:
            return ir.Const(SCALARS["u64"], self.span(node), v)
        shown = str(v) if abs(v) < 10**40 else f"about 2**{v.bit_length() - 1}"
        raise self.error(node, f"`{ast.unparse(node)}` is {shown}, beyond 64 bits: compiled integers are 64-bit, "
                               "and computing it in 64 bits would wrap where Python's int grows",
                         "keep integer constants within -2**63 .. 2**64 - 1 (u64 holds up to 2**64 - 1), "
                         "or use a float (2.0**64)")

    def binop(self, op: str, left: ir.Expr, right: ir.Expr, node: ast.AST) -> ir.Expr:
        span = self.span(node)
        from fastext.compiler.frontend import dunders
        if dunders.involved(left, right) and not poisoned(left, right):
            return dunders.binop(self, op, left, right, node)     # `a + b` → a.__add__(b)
        from fastext.compiler.frontend import text
        if op == "%" and (text.textual(left.type) or text.is_bytes(left.type)) and not poisoned(left, right):
            return text.binop(self, op, left, right, node)     # "%s" % xs, "%s" % a: formatting, any value
        if isinstance(left.type, Array) or isinstance(right.type, Array):
            if poisoned(left, right):
                return poison(span)
            from fastext.compiler.frontend import arrays
            return arrays.operator(self, op, left, right, node)
        from fastext.compiler.frontend import setops
        if setops.involved(left, right):
            if poisoned(left, right):
                return poison(span)
            return setops.binop(self, op, left, right, node)
        if isinstance(left.type, ListType) or isinstance(right.type, ListType):
            if poisoned(left, right):
                return poison(span)
            from fastext.compiler.frontend import lists
            return lists.binop(self, op, left, right, node)
        if op == "@":
            raise self.error(node, "@ needs arrays (matrix product)", "use * to multiply numbers")
        if op == "+" and isinstance(left.type, Tuple) and isinstance(right.type, Tuple):
            return self.tuple_concat(left, right, node)
        from fastext.compiler.frontend import text
        if text.involved(left, right) or op == "*" and text.repeats(left, right):
            return text.binop(self, op, left, right, node)
        for side in (left, right):
            if isinstance(side.type, ErrorType):
                return side
            if not isinstance(side.type, Scalar):
                from fastext.compiler.frontend import objects
                objects.reject_operand(self, side, op, node)
                raise self.error(node, f"unsupported operand type for {op}: {side.type}", "operate on scalars")
        wide = self.unsigned_literal_with_signed(op, left, right, node)
        if wide is not None:
            return wide
        t = self.result_type(left, right)
        from fastext.compiler.frontend.npscalars import numpy_result
        if op == "/" and (numpy_result(left) or numpy_result(right)):
            # `np.sum(d) / np.sum(w)`: NumPy scalars divide as NumPy does (x / 0 is ±inf or nan,
            # with a warning, not ZeroDivisionError)
            from fastext.compiler.frontend.arrays import elementwise
            return elementwise(self, ops.get("np.true_divide"), [left, right], node)
        if t.is_complex:
            return self.complex_binop(op, t, left, right, node)
        if op == "/" and not t.is_float:
            # int / int: the operands stay integers behind their casts (a literal too) so that
            # lowering divides exactly, as Python does (lower/arith.py: int_true_divide)
            exact = ir.BinOp(F64, span, op, self.int_operand(left), self.int_operand(right), int_division=True)
            if _is_weak(left) and _is_weak(right):
                return _fold(ir.BinOp(F64, span, op, left, right)) or exact
            return exact
        if op == "/":
            t = t if t.is_float else F64
        elif op in ("&", "|", "^"):
            if t.is_float:
                raise self.error(node, f"bitwise {op} needs integers, not {t}", "convert with int(...)")
            if left.type.is_bool and right.type.is_bool:
                t = BOOL
        elif op in ("<<", ">>"):
            if t.is_float:
                raise self.error(node, f"shift needs integers, not {t}", "convert with int(...)")
        elif op == "**":
            if t.is_int and right.type.is_float:
                t = F64
        result = ir.BinOp(t, span, op, self.convert(left, t), self.convert(right, t))
        if _is_weak(left) and _is_weak(right):
            return _fold(result) or result
        return result

    def unsigned_literal_with_signed(self, op: str, left: ir.Expr, right: ir.Expr, node: ast.AST) -> ir.Expr | None:
        """A signed integer combined with a literal beyond i64 (2**63 <= L < 2**64, typed u64).

        Promotion would wrap the literal into i64 (`x & 0xFFFFFFFFFFFFFFFF` became `x & -1`, so
        `(x & MASK) >> 11` gave -1 for x = -5 where Python gives 2**53 - 1): a silent difference.
        `x & L` is exact in u64 (Python's result lies in [0, L], the bits of x masked), so it is
        typed u64; any other operator's Python result may be negative or beyond 2**64 — a located
        error with the fix (`u64(x)`, or a mask).  Comparisons are exact anyway (lower/arith.py).
        Returns the typed `&`, or None when the rule does not apply."""
        if op not in ("+", "-", "*", "//", "%", "**", "&", "|", "^", "<<", ">>", "/"):
            return None
        for lit, other in ((left, right), (right, left)):
            if not (_is_weak(lit) and lit.type == SCALARS["u64"] and isinstance(other.type, Scalar)):
                continue
            ot = other.type
            if not (ot.is_int and ot.signed) or _is_weak(other):
                return None
            if op == "&":
                u64 = SCALARS["u64"]
                result = ir.BinOp(u64, self.span(node), op, self.convert(left, u64), self.convert(right, u64))
                return result
            if op == "/":
                return None       # true division is exact (int / int)
            shown = f"{lit.value:#x}" if lit.value >= 2**63 else str(lit.value)
            raise self.error(node, f"`{ast.unparse(node)}` mixes the signed {ot} `{ast.unparse(_operand_node(node, lit is left))}` "
                                   f"with {shown}, beyond i64: compiled this computes in 64 bits where Python's "
                                   "unbounded int differs (negative values, results beyond 2**64)",
                             f"make the operand unsigned: `u64({ast.unparse(_operand_node(node, lit is left))})` "
                             "(its bits as 0..2**64-1, as NumPy's uint64), or mask it first "
                             "(`x & 0xFFFFFFFFFFFFFFFF` is exact)")
        return None

    def int_operand(self, e: ir.Expr) -> ir.Expr:
        """An integer operand of `/` as f64: a Cast, also of a literal (whose exact value the
        lowering needs: 12345678901234567891 is not a double)."""
        return ir.Cast(F64, e.span, e) if isinstance(e, ir.Const) else self.convert(e, F64)

    def complex_binop(self, op: str, t: Scalar, left: ir.Expr, right: ir.Expr, node: ast.AST) -> ir.Expr:
        """`+ - * /` on complex numbers (the real operand converted first, as Python does);
        `z ** n` for a constant integer n with |n| <= 100 (CPython's exact algorithm for it)."""
        span = self.span(node)
        if op == "**":
            n = right.value if isinstance(right, ir.Const) else None
            if isinstance(n, complex) and n.imag == 0:
                n = n.real
            if not isinstance(n, bool) and isinstance(n, (int, float)) and math.isfinite(n) and n == int(n) \
                    and abs(n) <= 100 and left.type.is_complex:
                return ir.Intrinsic(t, span, "complex.powi", [self.convert(left, t), ir.Const(I64, span, int(n))])
            # any other exponent: CPython's complex_pow at run time (lower/complex_pow.py), in c128
            result = ir.Intrinsic(C128, span, "complex.pow", [self.convert(left, C128), self.convert(right, C128)])
            return result if t == C128 else ir.Cast(t, span, result)
        if op not in ("+", "-", "*", "/"):
            raise self.error(node, f"unsupported operand type for {op}: complex",
                             "complex numbers support + - * / and **")
        result = ir.BinOp(t, span, op, self.convert(left, t), self.convert(right, t))
        if _is_weak(left) and _is_weak(right):
            return _fold(result) or result
        return result

    def result_type(self, left: ir.Expr, right: ir.Expr) -> Scalar:
        """Promotion with Python literals treated as weak (they take the other operand's type)."""
        lt, rt = left.type, right.type
        lw, rw = _is_weak(left), _is_weak(right)
        if lw and not rw:
            lt, rt = rt, lt
            lw, rw = rw, lw
            left, right = right, left
        if rw and not lw:
            # typed ⊕ literal: the literal adopts the typed side when its kind fits
            if lt.is_complex:
                return lt
            if rt.is_complex:
                return complex_of(lt) if lt.is_float else C128
            if lt.is_float or (rt.is_int or rt.is_bool) and lt.is_int and _fits(right, lt):
                return lt
            if lt.is_bool and rt.is_bool:
                return BOOL
            return promote(lt, rt)
        return promote(lt, rt)

    def convert(self, value: ir.Expr, t: Type) -> ir.Expr:
        if value.type == t or isinstance(value.type, ErrorType):
            return value
        if isinstance(value, ir.Const) and isinstance(t, Scalar):
            int_literal = value.int_literal or isinstance(value.type, Scalar) and value.type.is_int \
                and not value.type.is_bool and t.is_float and not t.is_complex
            return ir.Const(t, value.span, _retype(value.value, t), int_literal)
        return ir.Cast(t, value.span, value)

    def coerce(self, value: ir.Expr, target: Type, node: ast.AST, what: str) -> ir.Expr:
        """Implicit conversion on assignment/call/return: widening only (literals: if they fit)."""
        if value.type == target or isinstance(value.type, ErrorType) or isinstance(target, ErrorType):
            return value     # an error type: its cause is already reported
        if isinstance(value, ir.Intrinsic) and value.name == "record.none":
            from fastext.compiler.frontend import dunders
            return dunders.none_as(self, value, target, node, what)
        if isinstance(target, T.Str) and isinstance(value.type, T.Char) and what.startswith("argument"):
            # `func1(s[i], "C")` where `func1(c: str)`: the character as a one-character str, lent for the call
            boxed = ir.ObjBox(T.STRV, value.span, value)
            return ir.Intrinsic(target, value.span, "text.view", [boxed])
        if isinstance(value.type, PyObj) or isinstance(target, PyObj):
            from fastext.compiler.frontend import objects
            if isinstance(value.type, PyObj) and can_assign(target, value.type):
                return value
            if isinstance(value.type, PyObj):
                return objects.convert(self, value, target, node, what)
            return objects.to_object(self, value, target, node, what)
        if isinstance(value.type, ListType) and isinstance(target, ListType):
            from fastext.compiler.frontend import lists
            return lists.coerce_list(self, value, target, node, what)
        if isinstance(value.type, T.Dict) and isinstance(target, T.Dict) and value.type.default and \
                not target.default and value.type.key == target.key and value.type.value == target.value:
            return ir.Intrinsic(target, value.span, "dict.plain", [value], {})   # a defaultdict or Counter is a dict
        if type(value.type) is type(target) and isinstance(target, (T.Dict, T.Set)):
            from fastext.compiler.frontend import lists
            if lists.open_key(value.type) is not None:
                lists.match(self, value.type, target)
                value.type = target
                return value
        if isinstance(value, ir.MakeTuple) and isinstance(target, Tuple) and len(value.items) == len(target.items) \
                and not can_assign(target, value.type):
            # `f((i, u))` with `u` a list whose item type is still open: each item decides on its own
            return ir.MakeTuple(target, value.span, [self.coerce(v, t, node, what) for v, t in zip(value.items, target.items)])
        if isinstance(value.type, Tuple) and isinstance(target, Tuple) and can_assign(target, value.type):
            if isinstance(value, ir.MakeTuple):
                items = [self.coerce(v, t, node, what) for v, t in zip(value.items, target.items)]
                return ir.MakeTuple(target, value.span, items)
            temp_items = [ir.TupleGet(vt, value.span, value, i) for i, vt in enumerate(value.type.items)]
            return ir.MakeTuple(target, value.span, [self.convert(v, t) for v, t in zip(temp_items, target.items)])
        if isinstance(target, Scalar) and isinstance(value.type, Scalar):
            if can_assign(target, value.type) or _is_weak(value) and _literal_fits(value, target):
                return self.convert(value, target)
            hint = f"convert explicitly: {target.name}(...)"
            if value.type == SCALARS["u64"] and target.is_int and target.signed:
                hint = (f"declare it u64 (values up to 2**64 - 1, as Python's int holds them), or convert with "
                        f"{target.name}(...), which wraps values beyond the {target.name} range")
            if value.type.is_complex and not target.is_complex:
                hint = "a complex number has no implicit real value: use z.real, z.imag or abs(z)"
            elif value.type.is_float and target.is_int:
                hint = "convert explicitly with int(...) (or initialise the variable with a float, e.g. 0.0)"
            raise self.error(node, f"{what} has type {target}, cannot take {article(value.type)} implicitly", hint)
        if isinstance(value.type, Struct) and isinstance(target, Struct) and value.type.plain and target.plain \
                and value.type.is_subclass_of(target):
            from fastext.compiler.frontend.inherit import cast
            return cast(value, target)         # a subclass's record starts with its base's fields
        hint = "arrays must match dtype and rank exactly" if isinstance(target, Array) else ""
        if isinstance(target, Array) and isinstance(value.type, Array) and target.ndim != value.type.ndim:
            hint += (f" (a parameter annotated `np.ndarray` or `NDArray[...]` has the rank its function's body "
                     f"reads: annotate it `{value.type}` where the body does not show it)")
        if isinstance(value.type, Struct) and isinstance(target, Struct) and value.type.plain and target.plain \
                and target.is_subclass_of(value.type):
            hint = (f"a {value.type} is not always a {target}: test `isinstance(x, {target})` first (it narrows a "
                    "local name)")
        elif isinstance(value.type, Struct) or isinstance(target, Struct):
            hint = "a struct converts to nothing else: read a field (p.x), or build the struct (Vec(...))"
        raise self.error(node, f"{what} has type {target}, got {article(value.type)}", hint)

    def e_unaryop(self, node: ast.UnaryOp) -> ir.Expr:
        value = self.expr(node.operand)
        span = self.span(node)
        if poisoned(value):
            return poison(span)
        if isinstance(node.op, ast.Not):
            return ir.UnaryOp(BOOL, span, "not", self.truth(value, node.operand))
        from fastext.compiler.frontend import dunders
        if dunders.involved(value):
            return dunders.unary(self, node.op, value, node)      # `-v` → v.__neg__()
        if isinstance(value.type, Array):
            from fastext.compiler.frontend import arrays
            return arrays.unary(self, {ast.USub: "neg", ast.UAdd: "pos", ast.Invert: "invert"}[type(node.op)],
                                value, node)
        if not isinstance(value.type, Scalar):
            raise self.error(node, f"bad operand type for unary operator: {value.type}", "apply it to a number")
        t = I64 if value.type.is_bool else value.type
        op = {ast.USub: "neg", ast.UAdd: "pos", ast.Invert: "invert"}[type(node.op)]
        if op == "invert" and not t.is_int:
            raise self.error(node, "~ needs an integer", "convert with int(...)")
        if isinstance(value, ir.Const):
            v = value.value
            folded = {"neg": lambda: -v, "pos": lambda: v, "invert": lambda: ~int(v)}[op]()
            return ir.Const(t, span, _retype(folded, t))
        return ir.UnaryOp(t, span, op, self.convert(value, t))

    def e_boolop(self, node: ast.BoolOp) -> ir.Expr:
        values = [self.expr(v) for v in node.values]
        op = "and" if isinstance(node.op, ast.And) else "or"
        if poisoned(*values):
            return poison(self.span(node))
        if any(isinstance(v.type, Array) for v in values):
            raise self.error(node, f"`{op}` needs the truth value of an array, which is ambiguous (ValueError in NumPy)",
                             "combine arrays element-wise with & and |, or use a.any() / a.all()")
        types = [v.type for v in values]
        if all(t == BOOL for t in types):
            return ir.BoolOp(BOOL, self.span(node), op, values)
        from fastext.compiler.frontend import text
        if all(text.textual(t) for t in types):     # `s or str(i)`: the operand that decides, a str
            return self._text_boolop(op, [text.as_text(v) for v in values], node)
        if not all(isinstance(t, Scalar) for t in types):
            raise self.error(node, f"`{op}` needs scalar operands", "compare explicitly, e.g. `len(a) > 0`")
        t = types[0]
        for other in types[1:]:
            t = promote(t, other)
        return ir.BoolOp(t, self.span(node), op, [self.convert(v, t) for v in values])

    def _text_boolop(self, op: str, values: list[ir.Expr], node: ast.BoolOp) -> ir.Expr:
        """`a or b` / `a and b` of str values: each operand evaluated once, in order, the first
        that decides (`or`: a non-empty one, `and`: an empty one) or the last is the value."""
        span = self.span(node)
        out = values[-1]
        for v in reversed(values[:-1]):
            temp = self.new_temp(STRV, node)
            held = ir.Load(STRV, span, temp)
            truth = self.truth(held, node)
            pick = ir.IfExp(STRV, span, truth, held, out) if op == "or" else ir.IfExp(STRV, span, truth, out, held)
            out = ir.StmtExpr(STRV, span, [ir.Assign(span, temp, v)], pick)
        return out

    def _names_instance(self, node: ast.expr) -> bool:
        """Whether `node` is a local (or a field of a local) holding a class instance, told from
        the types alone (nothing evaluated)."""
        from fastext.compiler.frontend import dunders
        if isinstance(node, ast.Name) and node.id in self.vars:
            return dunders.is_instance(self.vars[node.id].type)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in self.vars:
            owner = self.vars[node.value.id].type
            k = owner.field_index(node.attr) if isinstance(owner, Struct) else None
            if k is not None:
                from fastext.compiler.types import field_view
                return dunders.is_instance(field_view(owner.fields[k][1]))
        return False

    def e_compare(self, node: ast.Compare) -> ir.Expr:
        from fastext.compiler.frontend import strings
        if len(node.ops) == 1 and isinstance(node.ops[0], (ast.In, ast.NotIn)) and \
                isinstance(node.comparators[0], ast.Name) and node.comparators[0].id in getattr(self, "ranges", {}):
            from fastext.compiler.frontend import rangevals
            return rangevals.contains(self, node)      # `x in rx` of `rx = range(...)`
        from fastext.compiler.frontend import typetests
        folded = typetests.compare(self, node)     # `type(x) is int`: known when compiled
        if folded is not None:
            return folded
        if any(isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops):
            from fastext.compiler.frontend import dunders, objects
            if dunders.module_has_classes(self):
                same = dunders.identity(self, node)      # `t is None`, `a is b` of class instances
                if same is not None:
                    return same
            return objects.identity(self, node)
        from fastext.compiler.frontend import constsets, tuple_in
        node = constsets.membership(self, node) or node     # `x in KEYWORDS`: `x in ("if", ...)`
        if tuple_in.applies(self, node):
            return tuple_in.contains(self, node)     # `x in (2, 3)`: a chain of `==`
        if any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops):
            from fastext.compiler.frontend import dunders
            if len(node.ops) == 1 and self._names_instance(node.comparators[0]):
                return dunders.contains(self, node)     # `x in bag`: `bag.__contains__(x)`
            return strings.compare(self, node)
        operands = [self.expr(node.left)] + [self.expr(c) for c in node.comparators]
        from fastext.compiler.frontend import text
        if text.compares([node.left, *node.comparators], operands, node.ops):
            return text.compare(self, node, operands)    # whole strings: Python's comparison
        if strings.involved(node) or strings.typed(operands):
            return strings.compare(self, node, operands)
        from fastext.compiler.frontend import dunders, objects
        if dunders.involved(*operands) and not poisoned(*operands):
            return dunders.compare(self, node, [CMPOPS.get(type(op), "?") for op in node.ops], operands)
        objects.reject_compare(self, operands, node)
        ops = []
        for op in node.ops:
            if type(op) not in CMPOPS:
                raise self.error(node, "only < <= > >= == != comparisons are supported",
                                 "`is`/`in` are not supported on numbers")
            ops.append(CMPOPS[type(op)])
        if poisoned(*operands):
            return poison(self.span(node))
        if any(isinstance(o.type, Array) for o in operands):
            from fastext.compiler.frontend import arrays
            return arrays.compare(self, ops, operands, node)
        if any(isinstance(o.type, (Tuple, ListType, T.Set, T.Dict)) for o in operands):
            return self.container_compare(node, ops, operands)
        cmp_types = []
        for a, b in zip(operands, operands[1:]):
            if not (isinstance(a.type, Scalar) and isinstance(b.type, Scalar)):
                hint = "compare numbers"
                if isinstance(a.type, Struct) and a.type == b.type and len(ops) == 1:   # structs: no `==`
                    left, right = ast.unparse(node.left), ast.unparse(node.comparators[0])
                    hint = f"compare their fields: {' and '.join(f'{left}.{f} == {right}.{f}' for f, _ in a.type.fields)}"
                raise self.error(node, f"cannot compare {a.type} with {b.type}", hint)
            t = self.result_type(a, b)
            if t.is_complex and ops[len(cmp_types)] not in ("==", "!="):
                raise self.error(node, f"'{ops[len(cmp_types)]}' is not supported between complex numbers "
                                       "(Python raises TypeError)",
                                 "complex numbers are unordered: compare abs(z), z.real or z.imag")
            cmp_types.append(t)
        return ir.Compare(BOOL, self.span(node), ops, operands, cmp_types)

    def container_compare(self, node: ast.Compare, ops: list[str], operands: list[ir.Expr]) -> ir.Expr:
        """Tuples, lists, sets and dicts compared (frontend/ordering.py), one operator at a time."""
        from fastext.compiler.frontend import ordering
        if len(ops) != 1:
            return self.container_chain(node, operands)
        a, b = operands
        simple = all(isinstance(t, (ir.MakeTuple, ir.Load)) and isinstance(t.type, Tuple)
                     and all(isinstance(i, Scalar) for i in t.type.items) for t in operands)
        if ops[0] in ("==", "!=") and simple:
            return self.tuple_equality(node, ops[0], a, b)
        return ordering.compare(self, ops[0], a, b, node)

    def container_chain(self, node: ast.Compare, operands: list[ir.Expr]) -> ir.Expr:
        """`a == b == c == sorted(xs)`: each neighbouring pair compared (`chained`)."""
        span = self.span(node)

        def test(pair: ast.Compare, a: ir.Expr, b: ir.Expr) -> ir.Expr:
            if any(isinstance(o.type, (Tuple, ListType, T.Set, T.Dict)) for o in (a, b)):
                return self.container_compare(pair, [CMPOPS.get(type(pair.ops[0]), "?")], [a, b])
            return ir.Compare(BOOL, span, [CMPOPS[type(pair.ops[0])]], [a, b], [self.result_type(a, b)])
        return self.chained(node, operands, test)

    def chained(self, node: ast.Compare, operands: list[ir.Expr], test) -> ir.Expr:
        """A chained comparison as Python evaluates it: each neighbouring pair compared by
        `test(pair node, a, b)`, joined by `and`, a middle operand evaluated once (stored first
        unless it is a name or a constant)."""
        span = self.span(node)
        nodes = [node.left, *node.comparators]
        setup: list[ir.Stmt] = []
        values = list(operands)
        for k in range(1, len(values) - 1):
            v = values[k]
            if not isinstance(v, (ir.Load, ir.Const, ir.ObjConst)):
                temp = self.new_temp(v.type, nodes[k])
                setup.append(ir.Assign(span, temp, v))
                values[k] = ir.Load(v.type, v.span, temp)
        tests = []
        for k, op in enumerate(node.ops):
            pair = ast.copy_location(ast.Compare(nodes[k], [op], [nodes[k + 1]]), node)
            tests.append(test(pair, values[k] if k == 0 else ir.copy_expr(values[k]), values[k + 1]))
        result = ir.BoolOp(BOOL, span, "and", tests)
        return ir.StmtExpr(BOOL, span, setup, result) if setup else result

    def tuple_equality(self, node: ast.Compare, op: str, a: ir.Expr, b: ir.Expr) -> ir.Expr:
        """`a.shape == b.shape`, `t != (3, 4)`: item by item, as Python compares tuples (tuples of
        different lengths are unequal)."""
        span = self.span(node)
        for t in (a, b):
            if not isinstance(t, (ir.MakeTuple, ir.Load)):
                raise self.error(node, "tuples compared with == must be names or tuple expressions here",
                                 "assign the tuple to a name first")
            if not all(isinstance(i, Scalar) for i in t.type.items):
                raise self.error(node, f"cannot compare {a.type} with {b.type}", "compare tuples of numbers")
        if len(a.type.items) != len(b.type.items):
            return ir.Const(BOOL, span, op == "!=")

        def item(t: ir.Expr, k: int) -> ir.Expr:
            return t.items[k] if isinstance(t, ir.MakeTuple) else ir.TupleGet(t.type.items[k], span, t, k)

        pairs = []
        for k in range(len(a.type.items)):
            x, y = item(a, k), item(b, k)
            pairs.append(ir.Compare(BOOL, span, [op], [x, y], [self.result_type(x, y)]))
        if not pairs:
            return ir.Const(BOOL, span, op == "==")
        return pairs[0] if len(pairs) == 1 else ir.BoolOp(BOOL, span, "and" if op == "==" else "or", pairs)

    def e_ifexp(self, node: ast.IfExp) -> ir.Expr:
        from fastext.compiler.frontend.text import as_text, textual
        cond = self.condition(node.test)
        a, b = self.expr(node.body), self.expr(node.orelse)
        if poisoned(cond, a, b):
            return poison(self.span(node))
        if a.type == b.type:
            t = a.type
        elif isinstance(a.type, Scalar) and isinstance(b.type, Scalar):
            t = self.result_type(a, b)
        elif textual(a.type) and textual(b.type):     # `s.upper() if c else s`: a str value either way
            return ir.IfExp(T.STRV, self.span(node), cond, as_text(a), as_text(b))
        else:
            from fastext.compiler.frontend.inherit import join
            t = join(self.scope, a.type, b.type)       # `Sphere(...) if c else Plane(...)`: a Shape
            if t is None:       # `order if flag else []`: the open list takes the other's type
                from fastext.compiler.frontend.lists import unify_open
                t = unify_open(self, a.type, b.type)
            from fastext.compiler.frontend import objects
            if t is None and (a.type == T.NONE) != (b.type == T.NONE) and \
                    objects._boxable(b.type if a.type == T.NONE else a.type):
                # `xs[-1] if xs else None`: an object, the value boxed or None
                a, b = (ir.ObjConst(T.OBJECT, v.span, None) if v.type == T.NONE else
                        objects.box(self, v, where) for v, where in ((a, node.body), (b, node.orelse)))
                a, b = (v if v.type == T.OBJECT else ir.ObjBox(T.OBJECT, v.span, v) for v in (a, b))
                return ir.IfExp(T.OBJECT, self.span(node), cond, a, b)
            if t is None and (isinstance(a.type, PyObj) or isinstance(b.type, PyObj)):
                from fastext.compiler.frontend import objects       # `m.group(1) if m else ""`: an object
                # A branch of another object type (a str value) is wrapped, not retyped: how its
                # lowering hands out the reference (`t.partition(",")[2]`, `names[i]`: a new one
                # made for a str reader) follows its own type.
                a, b = (v if v.type == T.OBJECT else ir.ObjBox(T.OBJECT, v.span, v)
                        for v in (objects.box(self, a, node.body), objects.box(self, b, node.orelse)))
                return ir.IfExp(T.OBJECT, self.span(node), cond, a, b)
            if t is None:
                raise self.error(node, f"both branches must have one type, got {a.type} and {b.type}",
                                 "make both branches numbers, or both the same array")
            return ir.IfExp(t, self.span(node), cond, self.coerce(a, t, node.body, "the value"),
                            self.coerce(b, t, node.orelse, "the value"))
        return ir.IfExp(t, self.span(node), cond, self.convert(a, t), self.convert(b, t))

    def e_list(self, node: ast.List) -> ir.Expr:
        from fastext.compiler.frontend import lists
        return lists.display(self, lists.on_cpu(self, node))

    def e_listcomp(self, node: ast.ListComp) -> ir.Expr:
        from fastext.compiler.frontend import lists
        return lists.comprehension(self, lists.on_cpu(self, node))

    def e_dict(self, node: ast.Dict) -> ir.Expr:
        from fastext.compiler.frontend import dicts, lists
        return dicts.display(self, lists.on_cpu(self, node))

    def e_set(self, node: ast.Set) -> ir.Expr:
        from fastext.compiler.frontend import dicts, lists
        return dicts.set_display(self, lists.on_cpu(self, node))

    def e_tablecomp(self, node: ast.DictComp | ast.SetComp) -> ir.Expr:
        from fastext.compiler.frontend import dicts, lists
        return dicts.comprehension(self, lists.on_cpu(self, node))
    def e_fstring(self, node: ast.JoinedStr) -> ir.Expr:
        from fastext.compiler.frontend import text
        return text.fstring(self, node)

    def e_call(self, node: ast.Call) -> ir.Expr:
        from fastext.compiler.frontend.calls import check_call
        return check_call(self, node)

    def e_namedexpr(self, node: ast.NamedExpr) -> ir.Expr:
        """`(k := expr)`: the assignment `k = expr` as a statement, then `k` read back (the
        name is a local of the function, as Python binds it, comprehensions included)."""
        bind = ast.copy_location(ast.Assign([ast.copy_location(ast.Name(node.target.id, ast.Store()), node.target)],
                                            node.value), node)
        before = len(self.diags.items)
        stmts = self.block([bind])
        if len(self.diags.items) != before:
            return poison(self.span(node))
        value = self.expr(ast.copy_location(ast.Name(node.target.id, ast.Load()), node.target))
        return ir.StmtExpr(value.type, self.span(node), stmts, value)

    EXPRS = {
        ast.Constant: e_constant, ast.Name: e_name, ast.Attribute: e_attribute, ast.Subscript: e_subscript,
        ast.Tuple: e_tuple, ast.BinOp: e_binop, ast.UnaryOp: e_unaryop, ast.BoolOp: e_boolop,
        ast.Compare: e_compare, ast.IfExp: e_ifexp, ast.Call: e_call, ast.JoinedStr: e_fstring, ast.List: e_list, ast.ListComp: e_listcomp,
        ast.Dict: e_dict, ast.Set: e_set, ast.DictComp: e_tablecomp, ast.SetComp: e_tablecomp,
        ast.NamedExpr: e_namedexpr,
    }


class _NoBinding:
    kind = ""


_NO_BINDING = _NoBinding()


def poisoned(*values: ir.Expr) -> bool:
    """Whether any value already carries a reported error (its uses report nothing more)."""
    return any(isinstance(v.type, ErrorType) for v in values)


def poison(span: Span) -> ir.Expr:
    return ir.Expr(ERROR, span)


_LITERAL_OPS = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b,
                ast.FloorDiv: lambda a, b: a // b, ast.Mod: lambda a, b: a % b, ast.Pow: lambda a, b: a ** b,
                ast.LShift: lambda a, b: a << b, ast.RShift: lambda a, b: a >> b, ast.BitAnd: lambda a, b: a & b,
                ast.BitOr: lambda a, b: a | b, ast.BitXor: lambda a, b: a ^ b}


def _literal_int(node: ast.AST) -> int | None:
    """The exact value of an expression of int literals and operators (None: not one, or not an
    int result: a float, a negative power, a division by zero — the usual rules decide)."""
    if isinstance(node, ast.Constant):
        return node.value if type(node.value) is int else None
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd, ast.Invert)):
        v = _literal_int(node.operand)
        if v is None:
            return None
        return -v if isinstance(node.op, ast.USub) else v if isinstance(node.op, ast.UAdd) else ~v
    if isinstance(node, ast.BinOp) and type(node.op) in _LITERAL_OPS:
        a, b = _literal_int(node.left), _literal_int(node.right)
        if a is None or b is None:
            return None
        if isinstance(node.op, (ast.Pow, ast.LShift)):
            if b < 0:
                return None
            trivial = abs(a) <= 1 if isinstance(node.op, ast.Pow) else a == 0
            if not trivial and (b > 4096 or abs(a) > 2**64):
                return 2**4096       # far beyond 64 bits, without computing a huge number
        try:
            return _LITERAL_OPS[type(node.op)](a, b)
        except ArithmeticError:
            return None
    return None


def _operand_node(node: ast.AST, literal_is_left: bool) -> ast.AST:
    """The other operand's source node of a binary operation (for messages)."""
    if isinstance(node, ast.BinOp):
        return node.right if literal_is_left else node.left
    if isinstance(node, ast.AugAssign):
        return node.value if literal_is_left else node.target
    return node


def _is_weak(e: ir.Expr) -> bool:
    return isinstance(e, ir.Const) and isinstance(e.type, Scalar)


def _const_int(node: ast.expr) -> int | None:
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        v = _const_int(node.operand)
        return -v if v is not None else None
    return None


def _fits(const: ir.Expr, t: Scalar) -> bool:
    return isinstance(const, ir.Const) and _literal_fits(const, t)


def _literal_fits(const: ir.Expr, t: Scalar) -> bool:
    return constant_fits(const.value, t)

def _retype(v, t: Scalar):
    """A constant's Python value as type `t` holds it: float32 constants rounded to float32
    (`np.float32(0.1)` is 0.10000000149011612, also when folded into `x + np.float32(0.1)`)."""
    if t.is_complex:
        z = complex(v)
        return complex(_f32(z.real), _f32(z.imag)) if t.bits == 64 else z
    if t.is_float:
        return _f32(float(v)) if t.bits == 32 else float(v)
    if t.is_bool:
        return bool(v)
    from fastext.dialect import ScalarType
    return ScalarType(t.name, t.kind, t.bits)(int(v))


def _f32(x: float) -> float:
    import struct
    try:
        return struct.unpack("f", struct.pack("f", x))[0]
    except OverflowError:       # beyond float32's range: inf, as NumPy's cast gives
        return math.copysign(math.inf, x)


def _fold(e: ir.BinOp) -> ir.Const | None:
    """Fold literal ⊕ literal where Python's value is representable (else leave it to run time)."""
    from fastext.compiler.frontend.module import eval_binary
    a, b = e.left, e.right
    if not (isinstance(a, ir.Const) and isinstance(b, ir.Const)):
        return None
    if e.type.is_complex:
        import operator
        fn = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}.get(e.op)
        try:
            return ir.Const(e.type, e.span, complex(fn(complex(a.value), complex(b.value)))) if fn else None
        except (ArithmeticError, ValueError):
            return None
    from fastext.compiler.frontend.module import ConstantTooLarge
    try:
        v = eval_binary({v: k for k, v in BINOPS.items()}[e.op](), a.value, b.value)
    except ConstantTooLarge as err:     # Python's value is out of reach, and too big to even compute
        raise FxSyntaxError(e.span, f"cannot evaluate constant: {err}",
                            "integer values must fit in i64; for a large number write a float (e.g. 1e300)") from None
    except (ArithmeticError, ValueError, TypeError):
        return None
    if isinstance(v, complex) or isinstance(v, int) and not -2**63 <= v < 2**63:
        return None
    if isinstance(v, float) and e.type.is_int:
        return None
    return ir.Const(e.type, e.span, _retype(v, e.type))
