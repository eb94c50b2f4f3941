"""The typed IR as text (`fastext build --emit typed-ir`, golden tests).

One line per statement, nested bodies indented; expressions print in a Python-like form
with the types a reader cannot infer: `@name(...)` is a registry operation and carries its
result type, `map[T](operands) { body }` is an element-wise array expression whose body
reads operand k as `%k`.  The text is for people and tests; nothing parses it back.
"""
from __future__ import annotations

from fastext.compiler import ir
from fastext.compiler import types as T

_DEFAULT_CONST = (T.I64, T.F64, T.BOOL, T.C128)


def format_module(module: ir.Module) -> str:
    """The whole module: its constants, then every function in definition order."""
    lines = [f"# module {module.name}"]
    for name, (t, value) in module.constants.items():
        lines.append(f"const {name}: {t} = {value!r}")
    for fn in module.functions.values():
        lines.append("")
        lines.extend(format_function(fn))
    return "\n".join(lines) + "\n"


def format_function(fn: ir.Function) -> list[str]:
    params = ", ".join(f"{p.var.name}: {p.var.type}" + (f" = {p.default!r}" if p.has_default else "")
                       for p in fn.params)
    flags = [f for f in ("loops", "objects", "nogil", "fastmath", "inline") if getattr(fn, f)]
    if not fn.boundscheck:
        flags.append("unchecked")
    if fn.writes:
        flags.append("writes=" + ",".join(fn.params[k].var.name for k in sorted(fn.writes)))
    if fn.target != "cpu":
        flags.append(fn.target)
    if not fn.exported:
        flags.append("internal")
    head = f"def {fn.name}({params}) -> {fn.ret}:"
    out = [head + (f"  # {' '.join(flags)}" if flags else "")]
    if fn.extern:       # a C function: the library and the dlopen candidates instead of a body
        out += [f"    ...  # @extern({fn.extern[0]!r}): {', '.join(fn.extern[1])}"]
        return out
    _block(fn.body, 1, out)
    return out


def _block(stmts: list[ir.Stmt], depth: int, out: list[str]) -> None:
    pad = "    " * depth
    if not stmts:
        out.append(pad + "pass")
    for s in stmts:
        _stmt(s, depth, pad, out)


def _stmt(s: ir.Stmt, depth: int, pad: str, out: list[str]) -> None:
    if isinstance(s, ir.Assign):
        out.append(f"{pad}{s.var.name}: {s.var.type} = {expr(s.value)}")
    elif isinstance(s, ir.Store):
        out.append(f"{pad}{expr(s.array)}[{', '.join(map(expr, s.indices))}] = {expr(s.value)}")
    elif isinstance(s, ir.SetField):
        out.append(f"{pad}{expr(s.record)}.{s.record.type.fields[s.index][0]} = {expr(s.value)}")
    elif isinstance(s, ir.ExprStmt):
        out.append(pad + expr(s.value))
    elif isinstance(s, ir.If):
        out.append(f"{pad}if {expr(s.cond)}:")
        _block(s.then, depth + 1, out)
        if s.orelse:
            out.append(pad + "else:")
            _block(s.orelse, depth + 1, out)
    elif isinstance(s, ir.While):
        out.append(f"{pad}while {expr(s.cond)}:")
        _block(s.body, depth + 1, out)
        _orelse(s.orelse, depth, pad, out)
    elif isinstance(s, ir.ForRange):
        kind = "prange" if s.parallel is not None else "range"
        label = f"  # {s.label}" if s.label is not None else ""
        out.append(f"{pad}for {s.var.name} in {kind}({expr(s.start)}, {expr(s.stop)}, {expr(s.step)}):{label}")
        _block(s.body, depth + 1, out)
        _orelse(s.orelse, depth, pad, out)
    elif isinstance(s, ir.Return):
        out.append(pad + "return" + (f" {expr(s.value)}" if s.value is not None else ""))
    elif isinstance(s, ir.Raise):
        out.append(f"{pad}raise {s.exc}" + (f"({s.message!r})" if s.message is not None else "")
                   + (f"({expr(s.value)})" if s.value is not None else ""))
    elif isinstance(s, ir.Assert):
        out.append(f"{pad}assert {expr(s.cond)}" + (f", {s.message!r}" if s.message is not None else ""))
    elif isinstance(s, ir.Try):
        out.append(pad + "try:")
        _block(s.body, depth + 1, out)
        for h in s.handlers:
            out.append(pad + "except" + (f" ({', '.join(h.names)})" if h.names else "")
                       + (f" as {h.var.name}" if h.var is not None else "") + ":")
            _block(h.body, depth + 1, out)
        _orelse(s.orelse, depth, pad, out)
        if s.finalbody:
            out.append(pad + "finally:")
            _block(s.finalbody, depth + 1, out)
    elif isinstance(s, ir.ObjStore):
        where = f".{s.attr}" if s.attr is not None else f"[{expr(s.key)}]"
        out.append(f"{pad}{expr(s.target)}{where} = {expr(s.value)}")
    else:   # Break, Continue (labelled: to the loop of that label), Reraise
        label = getattr(s, "label", None)
        out.append(pad + {"Reraise": "raise"}.get(type(s).__name__, type(s).__name__.lower())
                   + (f" {label}" if label is not None else ""))


def _orelse(stmts: list[ir.Stmt], depth: int, pad: str, out: list[str]) -> None:
    if stmts:
        out.append(pad + "else:")
        _block(stmts, depth + 1, out)


def expr(e: ir.Expr) -> str:
    """One expression as text."""
    method = _EXPRS.get(type(e))
    if method is not None:
        return method(e)
    inner = ", ".join(map(expr, ir.children(e)))
    return f"{type(e).__name__}({inner}): {e.type}"


def _const(e: ir.Const) -> str:
    if isinstance(e.type, T.Scalar) and e.type not in _DEFAULT_CONST:
        return f"{e.type}({e.value!r})"
    return repr(e.value)


def _slice(e: ir.ArraySlice) -> str:
    parts = []
    for item in e.items:
        if item.newaxis:
            parts.append("None")
        elif item.index is not None:
            parts.append(expr(item.index))
        else:
            bounds = ["" if v is None else expr(v) for v in (item.start, item.stop, item.step)]
            parts.append(":".join(bounds[:2]) + (f":{bounds[2]}" if bounds[2] else ""))
    return f"{expr(e.array)}[{', '.join(parts) or '...'}]"


def _attrs(e: ir.Intrinsic) -> str:
    def shown(v) -> str:      # a composition's body (fx.let) is IR itself; raw bytes by their size
        if isinstance(v, ir.Expr):
            return expr(v)
        if isinstance(v, tuple) and v and isinstance(v[0], (ir.Expr, ir.Var)):
            return "(" + ", ".join(x.name if isinstance(x, ir.Var) else expr(x) for x in v) + ")"
        if isinstance(v, bytes):
            return f"<{len(v)} bytes>"
        return repr(v)
    return "{" + ", ".join(f"{k}={shown(v)}" for k, v in e.attrs.items()) + "}" if e.attrs else ""


def _compare(e: ir.Compare) -> str:
    text = expr(e.operands[0])
    for op, right in zip(e.ops, e.operands[1:]):
        text += f" {op} {expr(right)}"
    return f"({text})"


_EXPRS = {
    ir.Const: _const,
    ir.Load: lambda e: e.var.name,
    ir.Cast: lambda e: f"{e.type}({expr(e.value)})",
    ir.BinOp: lambda e: f"({expr(e.left)} {e.op} {expr(e.right)})",
    ir.UnaryOp: lambda e: {"neg": "-", "pos": "+", "invert": "~", "not": "not "}[e.op] + expr(e.operand),
    ir.Compare: _compare,
    ir.BoolOp: lambda e: "(" + f" {e.op} ".join(map(expr, e.values)) + ")",
    ir.Truth: lambda e: f"bool({expr(e.value)})",
    ir.IfExp: lambda e: f"({expr(e.then)} if {expr(e.cond)} else {expr(e.orelse)})",
    ir.Call: lambda e: f"{e.func}({', '.join(map(expr, e.args))}): {e.type}",
    ir.Intrinsic: lambda e: f"@{e.name}({', '.join(map(expr, e.args))}){_attrs(e)}: {e.type}",
    ir.Index: lambda e: f"{expr(e.array)}[{', '.join(map(expr, e.indices))}]",
    ir.ArraySlice: _slice,
    ir.ArrayDim: lambda e: f"{expr(e.array)}.shape[{e.axis}]",
    ir.ArraySize: lambda e: f"{expr(e.array)}.size",
    ir.MakeTuple: lambda e: "(" + ", ".join(map(expr, e.items)) + ("," if len(e.items) == 1 else "") + ")",
    ir.TupleGet: lambda e: f"{expr(e.value)}[{e.index}]",
    ir.Elem: lambda e: f"%{e.index}",
    ir.StmtExpr: lambda e: f"{{{len(e.body)} statements; {expr(e.result)}}}",
    ir.ArrayMap: lambda e: f"map[{e.type}]({', '.join(map(expr, e.operands))}) {{ {expr(e.body)} }}",
}
