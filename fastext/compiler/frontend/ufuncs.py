"""`@vectorize` and `@guvectorize`: the declarations of NumPy ufuncs made from `.fx` functions.

The decorators are read with the module's top level (`declaration`): their signatures
(`"f64(f64, f64)"`, Numba's `"float64(float64, float64)"`, `"void(f64[:], f64[:], f64[:])"`) or,
without them, the function's annotations give the dtype loops; `guvectorize`'s layout
(`"(n),(n)->()"`) gives the core dimensions.  `instantiate` then names one checked function per
loop — the function itself when it is annotated, else one instance of it as a template
(frontend/templates.py) per signature — and records an `ir.Ufunc` that the ABI layer turns into
inner loops and a ufunc object made at import (abi/ufuncs.py).  Inside `.fx` code the function
stays an ordinary function: a call on scalars is a direct call.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field

from fastext.compiler import ir
from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.source import Span
from fastext.ufuncs import FOREIGN
from fastext.compiler.types import BOOL, DIALECT_SCALARS, BUILTIN_SCALARS, NONE, Array, Scalar, Type

KINDS = ("vectorize", "guvectorize")
IGNORED = ("nopython", "cache", "target", "fastmath", "forceobj", "nogil", "writable_args")
_DIM = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass
class Declaration:
    """What a @vectorize / @guvectorize decorator says, before the function is checked."""

    kind: str                                     # "vectorize" or "guvectorize"
    span: Span
    signatures: list[tuple[list[Type], Type, Span]] = field(default_factory=list)   # (params, result, where)
    layout: tuple[list[tuple[str, ...]], list[tuple[str, ...]]] | None = None        # core dims in, out
    layout_text: str | None = None
    identity: object = None                      # None, 0, 1 or "reorderable"


def binding_kind(scope, deco: ast.expr) -> str | None:
    """`vectorize` / `guvectorize` when `deco` (or the call it is) names one of them."""
    func = deco.func if isinstance(deco, ast.Call) else deco
    if isinstance(func, ast.Name):
        b = scope.lookup(func.id)
        return b.kind if b is not None and b.kind in KINDS else None
    if isinstance(func, ast.Attribute) and func.attr in KINDS and isinstance(func.value, ast.Name):
        b = scope.lookup(func.value.id)
        return func.attr if b is not None and b.kind in ("module:fastext", "module:numba") else None
    return None


def declaration(collector, node: ast.FunctionDef, deco: ast.expr) -> Declaration | None:
    """The declaration of `deco` if it is @vectorize / @guvectorize (a located error if it is malformed)."""
    kind = binding_kind(collector.scope, deco)
    if kind is None:
        return None
    span = collector.span(deco)
    decl = Declaration(kind, span)
    args = list(deco.args) if isinstance(deco, ast.Call) else []
    keywords = list(deco.keywords) if isinstance(deco, ast.Call) else []
    sigs = None
    if kind == "guvectorize":
        if not args:
            raise FxSyntaxError(span, "@guvectorize needs a layout such as \"(n),(n)->()\"",
                                '@guvectorize(["void(f64[:], f64[:], f64[:])"], "(n),(n)->()"), or '
                                '@guvectorize("(n),(n)->()") on an annotated function')
        layout_node = args.pop()
        sigs = args.pop() if args else None
        decl.layout_text, decl.layout = _layout(collector, layout_node)
    elif args:
        sigs = args.pop(0)
    if args:
        raise FxSyntaxError(collector.span(args[0]), f"@{kind} takes at most "
                            f"{'two' if kind == 'guvectorize' else 'one'} positional arguments",
                            "signatures first (a list of strings), then the layout for @guvectorize")
    for kw in keywords:
        if kw.arg in IGNORED:
            continue
        if kw.arg == "identity":
            decl.identity = _identity(collector, kw.value)
        elif kw.arg == "signatures":
            sigs = kw.value
        else:
            raise FxSyntaxError(collector.span(kw.value), f"@{kind} has no option `{kw.arg}`",
                                f"understood: identity=0/1/None/\"reorderable\"; ignored (Numba's): {', '.join(IGNORED)}")
    if sigs is not None:
        items = sigs.elts if isinstance(sigs, (ast.List, ast.Tuple)) else [sigs]
        if not items:
            raise FxSyntaxError(collector.span(sigs), f"@{kind} with an empty list of signatures",
                                'name at least one loop: ["f64(f64, f64)"]')
        decl.signatures = [_signature(collector, item, kind) for item in items]
    return decl


def _identity(collector, node: ast.expr):
    if isinstance(node, ast.Constant) and (node.value in (0, 1, None, "reorderable")) and \
            not isinstance(node.value, (bool, float)):
        return node.value
    raise FxSyntaxError(collector.span(node), f"unsupported ufunc identity `{ast.unparse(node)}`",
                        'identity is 0, 1, None or "reorderable" (as for numba.vectorize)')


def _layout(collector, node: ast.expr):
    span = collector.span(node)
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        raise FxSyntaxError(span, "the layout of @guvectorize is a string such as \"(n),(n)->()\"",
                            '@guvectorize(["void(f64[:], f64[:], f64[:])"], "(n),(n)->()")')
    text = node.value.replace(" ", "")

    def operands(part: str):
        if not re.fullmatch(r"\((?:[^()]*)\)(?:,\([^()]*\))*", part):
            raise FxSyntaxError(span, f"cannot read the layout {node.value!r}",
                                'write each operand\'s core dimensions in parentheses: "(m,n),(n)->(m)"')
        out = []
        for group in re.findall(r"\(([^()]*)\)", part):
            dims = tuple(d for d in group.split(",") if d)
            for d in dims:
                if not _DIM.match(d):
                    raise FxSyntaxError(span, f"core dimension `{d}` of the layout {node.value!r} is not a name",
                                        "name every core dimension (fixed sizes such as (3) are not supported)")
            out.append(dims)
        return out
    if text.count("->") != 1:
        raise FxSyntaxError(span, f"the layout {node.value!r} needs one `->`", '"(n),(n)->()"')
    left, right = text.split("->")
    ins, outs = operands(left), operands(right)
    known = {d for dims in ins for d in dims}
    for dims in outs:
        for d in dims:
            if d not in known:
                raise FxSyntaxError(span, f"the output dimension `{d}` of {node.value!r} is not an input's",
                                    "every output core dimension must come from an input")
    return node.value, (ins, outs)


def _signature(collector, node: ast.expr, kind: str):
    span = collector.span(node)
    from fastext.compiler.frontend.numba import signature_text
    written = signature_text(node)      # Numba's type objects: float64(float64, float64)
    if written is None:
        raise FxSyntaxError(span, f"a signature of @{kind} is a string such as \"f64(f64, f64)\"",
                            '@vectorize(["f64(f64, f64)", "f32(f32, f32)"])')
    node = ast.copy_location(ast.Constant(written), node)
    try:
        call = ast.parse(node.value.strip(), mode="eval").body
    except SyntaxError:
        call = None
    if not isinstance(call, ast.Call) or call.keywords:
        raise FxSyntaxError(span, f"cannot read the signature {node.value!r}",
                            'write RESULT(PARAM, ...): "f64(f64, f64)" or "void(f64[:], f64[:])"')
    ret = _type(call.func, span, node.value, allow_void=True)
    return [_type(a, span, node.value) for a in call.args], ret, span


def _type(node: ast.expr, span: Span, text: str, allow_void: bool = False) -> Type:
    if isinstance(node, ast.Name):
        if node.id in ("void", "none", "None") and allow_void:
            return NONE
        name = FOREIGN.get(node.id, node.id)
        t = DIALECT_SCALARS.get(name) or BUILTIN_SCALARS.get(name) or (BOOL if name == "bool" else None)
        if t is not None:
            return t
    if isinstance(node, ast.Constant) and node.value is None and allow_void:
        return NONE
    if isinstance(node, ast.Subscript):
        base = _type(node.value, span, text)
        dims = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if all(isinstance(d, ast.Slice) and d.lower is d.upper is d.step is None for d in dims) \
                and isinstance(base, Scalar):
            return Array(base, len(dims))
    raise FxSyntaxError(span, f"`{ast.unparse(node)}` in the signature {text!r} is not a type",
                        "use f64, f32, i64, …, bool, c128 (or Numba's float64, int32, …) and arrays f64[:]")


# ------------------------------------------------------------------ after the signatures are read
def check_annotated(decl: Declaration, name: str, params: list, ret: Type) -> None:
    """Rules for an annotated function (its own loop): @vectorize takes and returns scalars;
    @guvectorize returns None and matches its layout."""
    if decl.kind == "vectorize":
        for pname, t, span in params:
            if not isinstance(t, Scalar):
                raise FxSyntaxError(span, f"parameter `{pname}` of the @vectorize function `{name}` is {t}, "
                                    "not a scalar", "@vectorize functions take scalars (the ufunc broadcasts "
                                    "arrays); for core dimensions use @guvectorize with a layout")
        if not isinstance(ret, Scalar):
            raise FxSyntaxError(decl.span, f"the @vectorize function `{name}` must return a scalar, not {ret}",
                                "annotate the result: `-> f64`")
        if not params:
            raise FxSyntaxError(decl.span, f"the @vectorize function `{name}` has no parameters",
                                "a ufunc takes at least one input")
    else:
        _check_layout(decl, name, [t for _, t, _ in params], ret, [s for _, _, s in params])


def _check_layout(decl: Declaration, name: str, types: list[Type], ret: Type, spans: list[Span]) -> None:
    ins, outs = decl.layout
    if len(types) != len(ins) + len(outs):
        raise FxSyntaxError(decl.span, f"the layout {decl.layout_text!r} has {len(ins) + len(outs)} operands "
                            f"but `{name}` takes {len(types)} parameters",
                            "one parameter per input, then one per output (the outputs are written in place)")
    if ret != NONE:
        raise FxSyntaxError(decl.span, f"the @guvectorize function `{name}` returns {ret}",
                            "write its results into the output parameters and return None (`void(...)`)")
    for k, (t, dims) in enumerate(zip(types, ins + outs)):
        span = spans[k] if k < len(spans) else decl.span
        ok = isinstance(t, Array) and (t.ndim == len(dims) or not dims and t.ndim == 1) or \
            isinstance(t, Scalar) and not dims and k < len(ins)
        if not ok:
            where = "output" if k >= len(ins) else "input"
            raise FxSyntaxError(span, f"operand {k + 1} of `{name}` ({where}, {t}) does not match the core "
                                f"dimensions ({', '.join(dims)}) of the layout {decl.layout_text!r}",
                                "an operand with d core dimensions is a d-dimensional array; `()` is a scalar "
                                "input or a 1-D array holding one item")


def instantiate(scope, diags, root_defs) -> list[ir.Ufunc]:
    """One `ir.Ufunc` per decorated function of the module being compiled, its loops' functions
    checked (template instances are created here, so they join the module's functions)."""
    from fastext.compiler.frontend.templates import Template, instantiate as make_instance
    out = []
    for node in root_defs:
        decl = scope.ufuncs.get(node.name)
        if decl is None:
            continue
        try:
            entry = scope.registry.get(scope.qualify(node.name))
            loops = []
            if isinstance(entry, Template):
                if not decl.signatures:
                    missing = next(p for p in entry.params if p.type is None)
                    raise FxSyntaxError(missing.span, f"parameter `{missing.name}` of the @{decl.kind} function "
                                        f"`{node.name}` needs a type annotation",
                                        "annotate every parameter, or list the loops: "
                                        '@vectorize(["f64(f64, f64)", "f32(f32, f32)"])')
                for params, ret, span in decl.signatures:
                    _check_signature(decl, node.name, params, ret, span, len(entry.params))
                    key = tuple(("v", t) for t in params)
                    qualname, sig = make_instance(entry, key, span)
                    got = sig.ret
                    if decl.kind == "vectorize" and got is not None and not isinstance(got, Scalar):
                        raise FxSyntaxError(span, f"`{node.name}` returns {got} for {params}, not a scalar",
                                            "a @vectorize function returns one number")
                    loops.append(ir.UfuncLoop(qualname, params, ret))
            elif entry is not None:
                sig = scope.signatures[node.name]
                params = [t for _, t, _ in sig.params]
                own = sig.ret
                for sparams, sret, span in decl.signatures:
                    if sparams != params or (decl.kind == "vectorize" and sret != own):
                        raise FxSyntaxError(span, f"the signature does not match the annotations of `{node.name}` "
                                            f"({', '.join(map(str, params))}) -> {own}",
                                            "an annotated function has one loop; drop the annotations to list "
                                            "several signatures, or drop the signatures")
                loops.append(ir.UfuncLoop(node.name, params, own))
            else:
                continue
            doc = ast.get_docstring(node)
            if decl.kind == "vectorize":
                nin, nout, layout = len(loops[0].params), 1, None
            else:
                nin, nout, layout = len(decl.layout[0]), len(decl.layout[1]), decl.layout
            if decl.identity is not None and nin != 2:
                raise FxSyntaxError(decl.span, f"an identity is for binary ufuncs; `{node.name}` takes {nin} inputs",
                                    "drop identity=")
            out.append(ir.Ufunc(node.name, decl.kind, nin, nout, loops, decl.identity, layout, decl.layout_text,
                                doc, decl.span))
        except FxSyntaxError as e:
            diags.add(e.diagnostic)
    return out


def _check_signature(decl: Declaration, name: str, params: list[Type], ret: Type, span: Span, arity: int) -> None:
    if len(params) != arity:
        raise FxSyntaxError(span, f"the signature names {len(params)} parameters; `{name}` takes {arity}",
                            "one type per parameter")
    if decl.kind == "vectorize":
        for t in params + [ret]:
            if not isinstance(t, Scalar):
                raise FxSyntaxError(span, f"@vectorize signatures take and return scalars, not {t}",
                                    "use @guvectorize with a layout for array operands")
    else:
        _check_layout(decl, name, params, ret, [span] * len(params))


# ------------------------------------------------------------------ calls inside .fx code
def declared(sig) -> Declaration | None:
    """The @vectorize declaration of a registry entry (a Signature or a Template), if any."""
    decl = getattr(sig, "options", {}).get("ufunc")
    return decl if isinstance(decl, Declaration) and decl.kind == "vectorize" else None


def _loops_of(sig, decl: Declaration, span: Span) -> list[tuple[str, list[Type], Type, Type]]:
    """(function key, loop inputs, loop output, the function's own result) per declared loop,
    template instances made on first use (they may be imported functions' templates)."""
    from fastext.compiler.frontend.templates import Template, instantiate as make_instance
    if not isinstance(sig, Template):
        return [(None, [t for _, t, _ in sig.params], sig.ret, sig.ret)]
    out = []
    for params, ret, where in decl.signatures:
        if len(params) != len(sig.params):
            continue        # reported at the definition
        qualname, isig = make_instance(sig, tuple(("v", t) for t in params), where)
        out.append((qualname, params, ret, isig.ret if isig.ret is not None else ret))
    return out


def vectorized_call(fc, node: ast.Call, op, shown: str, qualname: str = "", sig=None) -> ir.Expr:
    """`f(x, y)` of a @vectorize function inside .fx code: NumPy's loop choice (an exact match of
    the operands' dtypes, else the first loop every operand casts to safely, Python numbers
    weak), then one call per item — on scalars a direct call, on arrays a fused broadcasting loop
    (`ir.ArrayMap`) like NumPy's own ufuncs.  A failing item gives NaN (0, False), as in the ufunc."""
    from fastext.compiler.frontend import arrays
    from fastext.compiler.ops import dtypes
    from fastext.compiler.types import Array as ArrayT
    decl = declared(sig)
    if node.keywords:
        raise fc.error(node.keywords[0].value, f"`{shown}` is a ufunc here: pass its operands by position",
                       f"{shown}(x, y)")
    args = [fc.expr(a) for a in node.args]
    loops = [(f or qualname, p, r, o) for f, p, r, o in _loops_of(sig, decl, fc.span(node))]
    nin = len(loops[0][1]) if loops else len(args)
    if len(args) != nin:
        raise fc.error(node, f"`{shown}` takes {nin} operands, got {len(args)}", f"{shown}({', '.join('xyzw'[:nin])})")
    for a, n in zip(args, node.args):
        arrays._check_operand(fc, a, n, f"`{shown}`")
    elems = [a.type.dtype if isinstance(a.type, ArrayT) else a.type for a in args]
    weak = [isinstance(a, ir.Const) and not isinstance(a.type, ArrayT) for a in args]
    if all(weak):      # only literals: NumPy's default dtypes, strong
        weak = [False] * len(args)
    chosen = next((lp for lp in loops if not any(weak) and list(lp[1]) == elems), None)
    if chosen is None:
        for lp in loops:
            if all(_weak_fits(a.value, t) if w else dtypes.can_cast(e, t, "safe")
                   for a, e, w, t in zip(args, elems, weak, lp[1])):
                chosen = lp
                break
    if chosen is None:
        raise fc.error(node, f"`{shown}` has no loop for ({', '.join(map(str, elems))})",
                       f"its loops take {'; '.join('(' + ', '.join(map(str, lp[1])) + ')' for lp in loops)}: "
                       "convert the operands with .astype(...) or declare another signature")
    function, params, ret, own = chosen
    attrs = {"function": function, "result": str(own)}     # the function's own result type, by name
    return arrays.build(fc, op, args, list(params), ret, node, attrs)


def _weak_fits(value, t: Type) -> bool:
    if isinstance(value, bool):
        return True
    if isinstance(value, int):
        return t.is_int or t.is_float or t.is_complex
    if isinstance(value, float):
        return t.is_float or t.is_complex
    return t.is_complex

