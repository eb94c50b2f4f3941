"""A call's arguments in the shape of its callee's plain parameter list.

frontend/module.py (`parameters`) turns `def f(a, /, b, *xs: float, scale)` into the plain
parameters `a, b, xs: list[float], scale`; this module does the matching rewrite of each call
from `.fx` code before it is bound (frontend/calls.py: `user_call`, frontend/templates.py: `call`):

* `f(*t)`: a tuple spread into its items (`t[0], t[1]`; a name is read again for each, a tuple
  display spliced), a list or other iterable spread into the packed `*args` list;
* the extra positional arguments of a `*args` function packed into one list display, passed by
  the packed parameter's name (`xs=[3.0, 4.0]`; `[]` when there are none), so the positional
  parameters before it may still come by keyword;
* the keywords no parameter names, for a `**opts` function, gathered into one dict display
  passed as `opts={...}` (`{}` when there are none);
* a positional-only parameter passed by keyword: Python's TypeError as a located error (with
  `**opts`, Python's rule: it goes into the dict).
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import types as T

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker


def shape(fc: "FunctionChecker", node: ast.Call, names: list[str], posonly: int, vararg: int | None,
          shown: str, leading: int = 0, kwargs: int | None = None, as_tuple: bool = False) -> ast.Call:
    """`node` with its starred arguments spread, its `*args` packed and the keywords no parameter
    names gathered into the `**opts` dict (see the module's text); `names`: the callee's
    parameters a call names, `leading` of them already bound (a method's `self`: `posonly`,
    `vararg` and `kwargs` count it).  `as_tuple`: an unannotated `*args` of a function specialised
    per call takes the arguments as a tuple, as Python does (`fn(*args)` then spreads it on)."""
    if not (posonly or vararg is not None or kwargs is not None or any(isinstance(a, ast.Starred) for a in node.args)):
        return node
    args = _spread(fc, node, vararg is not None, shown)
    keywords = list(node.keywords)
    packed = {names[k - leading] for k in (vararg, kwargs) if k is not None}
    named = [n for k, n in enumerate(names) if n not in packed and k + leading >= posonly]
    if kwargs is not None:      # `f(x, scale=2.0)` of `def f(x, **opts)`: opts={"scale": 2.0}
        extra = [kw for kw in keywords if kw.arg is not None and kw.arg not in named]
        keywords = [kw for kw in keywords if kw not in extra]
        table = ast.copy_location(ast.Dict([ast.copy_location(ast.Constant(kw.arg), kw.value) for kw in extra],
                                           [kw.value for kw in extra]), node)
        keywords.append(ast.copy_location(ast.keyword(names[kwargs - leading], table), node))
    for kw in keywords:
        if kw.arg is not None and kw.arg in names[:max(posonly - leading, 0)]:
            raise fc.error(kw.value, f"{shown}() got some positional-only arguments passed as keyword arguments: "
                                     f"'{kw.arg}'", f"pass `{kw.arg}` by position (it comes before the `/`)")
    if vararg is None:
        return _like(node, args, keywords)
    star = names[vararg - leading]
    for kw in node.keywords:
        if kw.arg == star and kwargs is None:
            raise fc.error(kw.value, f"{shown}() got an unexpected keyword argument '{star}'",
                           f"`*{star}` takes the extra positional arguments: {shown}(..., 1.0, 2.0)")
    before, extra_args = args[:vararg - leading], args[vararg - leading:]
    if as_tuple and not any(isinstance(a, ast.Starred) for a in extra_args):
        value = ast.fix_missing_locations(ast.copy_location(ast.Tuple(list(extra_args), ast.Load()), node))
    else:
        value = _packed(extra_args, node)
    return _like(node, before, keywords + [ast.copy_location(ast.keyword(star, value), node)])


def _spread(fc: "FunctionChecker", node: ast.Call, packs: bool, shown: str) -> list[ast.expr]:
    """The positional arguments with each `*t` of a tuple replaced by its items; other starred
    arguments stay (only a `*args` list can take them: `_packed`)."""
    out: list[ast.expr] = []
    for a in node.args:
        if not isinstance(a, ast.Starred):
            out.append(a)
            continue
        inner = a.value
        if isinstance(inner, ast.Tuple):
            out += inner.elts
            continue
        t = fc.vars[inner.id].type if isinstance(inner, ast.Name) and inner.id in fc.vars else None
        from fastext.compiler.frontend import recordops
        if recordops.kind(fc, t) == "tuple":        # `Point3D(*p, z=1)` of a named tuple: its fields
            t = T.Tuple(tuple(ft for _, ft in t.fields))
        if isinstance(t, T.Tuple):
            out += [ast.copy_location(ast.Subscript(ast.Name(inner.id, ast.Load()), ast.Constant(k), ast.Load()), a)
                    for k in range(len(t.items))]
            for sub in out[-len(t.items):]:
                ast.fix_missing_locations(sub)
            continue
        if not packs:
            raise fc.error(a, f"`{ast.unparse(a)}`: only a tuple of known length spreads into the parameters of "
                              f"`{shown}`", "bind the tuple to a name first (`t = ...` then f(*t)), or pass the "
                                            "items one by one; a function taking `*args` takes any list")
        out.append(a)
    return out


def _packed(extra: list[ast.expr], at: ast.AST) -> ast.expr:
    """The list display (or concatenation, with spread lists) the extra arguments make."""
    parts: list[ast.expr] = []
    run: list[ast.expr] = []
    for a in extra:
        if isinstance(a, ast.Starred):
            if run or not parts:
                parts.append(ast.List(run, ast.Load()))
                run = []
            parts.append(ast.Call(ast.Name("list", ast.Load()), [a.value], []))
        else:
            run.append(a)
    if run or not parts:
        parts.append(ast.List(run, ast.Load()))
    parts = [p for p in parts if not (isinstance(p, ast.List) and not p.elts)] or [ast.List([], ast.Load())]
    value = parts[0]
    for p in parts[1:]:
        value = ast.BinOp(value, ast.Add(), p)
    ast.copy_location(value, at)
    return ast.fix_missing_locations(value)


def _like(node: ast.Call, args: list[ast.expr], keywords: list[ast.keyword]) -> ast.Call:
    return ast.copy_location(ast.Call(node.func, args, keywords), node)


# the calls that only read a list passed to them, keeping nothing of it
_READERS = frozenset({"len", "sum", "min", "max", "any", "all", "sorted", "list", "tuple", "enumerate", "zip",
                      "reversed", "set"})


def reads_only(body: list[ast.stmt], name: str) -> bool:
    """Whether a function body only reads its `*args` list `name` — iterates it, indexes it,
    measures it, tests `in`, hands it to a builtin that reads it — and never rebinds, changes,
    stores, returns or captures it: then a `.fx` call may build the packed list in its own frame
    (lower/lists.py: `_frame_list`) instead of the call's arena, as nothing can reach it after
    the call returns."""
    parents: dict[ast.AST, ast.AST] = {}
    for node in ast.walk(ast.Module(body, [])):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    for node in ast.walk(ast.Module(body, [])):
        if not (isinstance(node, ast.Name) and node.id == name):
            continue
        if not isinstance(node.ctx, ast.Load) or _in_nested_function(node, parents):
            return False
        up = parents.get(node)
        if isinstance(up, ast.For) and up.iter is node or isinstance(up, ast.comprehension) and up.iter is node:
            continue
        if isinstance(up, ast.Subscript) and up.value is node and isinstance(up.ctx, ast.Load):
            continue
        if isinstance(up, ast.Compare) and node in up.comparators and \
                all(isinstance(op, (ast.In, ast.NotIn)) for op in up.ops):
            continue
        if isinstance(up, ast.Call) and node in up.args and isinstance(up.func, ast.Name) and up.func.id in _READERS:
            continue
        return False
    return True


def _in_nested_function(node: ast.AST, parents: dict) -> bool:
    up = parents.get(node)
    while up is not None:
        if isinstance(up, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            return True
        up = parents.get(up)
    return False


def in_frame(value, private: bool):
    """Mark the packed list display of a call as built in the caller's frame when the callee
    only reads it (`reads_only`); other values (a concatenation with a spread list) stay in the
    arena."""
    from fastext.compiler import ir
    if private and isinstance(value, ir.Intrinsic) and value.name == "list.display":
        value.attrs = {**(value.attrs or {}), "frame": True}
    return value


def coerce_keywords(fc: "FunctionChecker", value, ptype: T.Dict, where: ast.AST, pname: str, shown: str):
    """The gathered keywords as the `**{pname}: T` dict; when they do not fit, the error is at the
    first keyword whose value is not a T, with the annotation in the hint."""
    from fastext.compiler.diagnostics import FxSyntaxError
    try:
        return fc.coerce(value, ptype, where, f"argument `{pname}` of `{shown}`")
    except FxSyntaxError as e:
        if not isinstance(where, ast.Dict):
            raise
        for key, item in zip(where.keys, where.values):     # an error path: the values checked again
            t = fc.expr(item).type
            if not isinstance(t, T.ErrorType) and not T.can_assign(ptype.value, t):
                raise fc.error(item, f"keyword `{key.value}` of `{shown}` goes into `**{pname}`, which holds "
                                     f"{ptype.value}, not {t}", f"pass {ptype.value} values by keyword, or name the "
                                                                f"parameter in `{shown}`'s definition") from None
        raise e
