"""Functions specialised per call: parameters without annotations, function parameters, closures.

A function is a *template* when a parameter has no annotation, is annotated `Callable[...]`, or
defaults to a function (and every lambda and nested `def`: frontend/funcvals.py).  It is not
checked on its own: each call names one *instance*, keyed by the type of every argument (or,
for a function argument, its target and environment: `funcvals.shape`), checked once with
those types as its signature and called directly.  Instances are named deterministically
after the template and their key (`apply$eval_A`, `eval_A$i64_i64`).  A template without a
return annotation gets its instance's result type from its `return` statements.

Python sees a template only through its *default instance*: a public function of the module
being compiled whose parameters are all annotated except those defaulting to a module
function (`def run(n: i64, f=eval_A) -> f64`) is exported under its own name with those
defaults fixed; any other template is internal (docs/language.md, "Functions as values").
"""
from __future__ import annotations

import ast
import dataclasses
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.builtins import OPTION_DEFAULTS
from fastext.compiler.diagnostics import Diagnostics, FxSyntaxError
from fastext.compiler.frontend.funcvals import FuncValue, flatten, hidden_types, shape, value_of
from fastext.compiler.frontend.scope import ModuleScope, Signature
from fastext.compiler.source import Span
from fastext.compiler.types import ERROR, NONE, STR, STRV, Array, ErrorType, Scalar, Type, article, constant_fits, promote

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker


@dataclass
class TParam:
    """One parameter of a template: its annotated type (None: from the argument), the
    `(argument types, result type)` of a `Callable` annotation, its default expression."""

    name: str
    type: Type | None
    callable: tuple | None
    default: ast.expr | None
    span: Span
    none: ast.expr | None = None      # defaults to None (frontend/nonedefaults.py): its `X` of `X | None`, or
    optional: bool = False            # ... True with `none` None when unannotated


@dataclass(eq=False)
class Template:
    """A function specialised per distinct argument types (see the module docstring)."""

    node: ast.FunctionDef
    qualname: str
    scope: ModuleScope
    diags: Diagnostics
    options: dict
    params: list[TParam]
    ret: Type | None
    captured: int = 0                     # trailing parameters that carry a closure's environment
    instances: dict = field(default_factory=dict)     # key → instance qualname
    # open container types: instance qualname → what its body decided (adopted by the caller), and
    # the int-literal ("weak") lists callers passed, which stay ints unless the body decides
    decided: dict = field(default_factory=dict)
    weak: dict = field(default_factory=dict)
    # instance qualname → its signature (not in the registry: the default instance of an
    # exported template has the template's own name, which stays the template's key there)
    signatures: dict = field(default_factory=dict)

    @staticmethod
    def of(node: ast.FunctionDef, qualname: str, scope: ModuleScope, diags: Diagnostics, options: dict,
           captured: int = 0) -> "Template":
        """The template of `node`; annotations are resolved in `scope` now."""
        from fastext.compiler.frontend import annotations
        a = node.args
        from fastext.compiler.frontend.module import required_marker
        defaults = [None if required_marker(d) else d for d in [None] * (len(a.args) - len(a.defaults)) + list(a.defaults)]
        params = []
        for arg, default in zip(a.args, defaults):
            span = Span.of(arg, scope.file)
            ptype, fn, inner = None, None, None
            optional = _none_default(arg, default, scope)
            if optional:
                inner = annotations._optional(arg.annotation, scope) if arg.annotation is not None else None
                ptype = None if inner is None else annotations.resolve(inner, scope)
            elif arg.annotation is not None:
                fn = callable_annotation(arg.annotation, scope)
                if fn is None:
                    ptype = annotations.resolve(arg.annotation, scope)
            params.append(TParam(arg.arg, ptype, fn, default, span, inner, optional))
        from fastext.compiler.frontend.nptyping import infers_return
        ret = None if node.returns is None or infers_return(node) else \
            annotations.resolve(node.returns, scope, allow_none=True)
        if ret == STR:
            ret = STRV       # `-> str`: a str value, as for an annotated function (frontend/module.py)
        return Template(node, qualname, scope, diags, dict(options), params, ret, captured)

    @property
    def span(self) -> Span:
        return Span.of(self.node, self.scope.file)

    def visible(self) -> list[TParam]:
        """The parameters a call names (not the environment of a closure)."""
        return self.params[:len(self.params) - self.captured]

    def default(self, p: TParam, fc: "FunctionChecker | None", span: Span):
        """The value of `p`'s default: a `FuncValue` for a function, else a typed constant."""
        node = p.default
        if isinstance(node, (ast.Name, ast.Attribute)):
            b = None
            if isinstance(node, ast.Name):
                b = self.scope.lookup(node.id)
            elif isinstance(node.value, ast.Name):
                owner = self.scope.lookup(node.value.id)
                if owner is not None and owner.kind == "module:fx":
                    b = owner.value.scope.names.get(node.attr)
            if b is not None and b.kind == "func":
                return FuncValue(b.value, (), ast.unparse(node))
            if b is not None and b.kind == "modvar" and fc is not None:   # `bodies=SYSTEM`: the module's value
                from fastext.compiler.frontend.module_containers import load
                return load(fc, node, b)
        if isinstance(node, ast.Lambda):
            raise FxSyntaxError(Span.of(node, self.scope.file), "a lambda cannot be a parameter default",
                                "define a module-level function and name it: `f=my_function`")
        if isinstance(node, ast.Constant) and node.value is None and p.type is None:
            # `def f(x, scale=None): if scale is None: ...`: None would be the parameter's type
            raise FxSyntaxError(Span.of(node, self.scope.file), f"`{p.name}` defaults to None and this call "
                                f"does not pass it: an unannotated parameter takes the type of its value, and "
                                "None holds no number, list or instance",
                                f"pass `{p.name}` at this call, or give it a default of its type (`{p.name}=0.0`, "
                                f"or `{p.name}: Optional[C] = None` for an instance of class C)")
        if fc is not None and _literal_display(node):
            # `breakpoints=[60, 70, 80, 90]`, `grades="FDCBA"`: made at each call.  Python makes
            # it once, which only shows when the function changes it, so that is refused
            changed = _changed_in(self.node, p.name)
            if changed is not None:
                raise FxSyntaxError(Span.of(changed, self.scope.file), f"`{p.name}` changes its default "
                                    f"`{ast.unparse(node)}`, which Python shares between all calls",
                                    f"make it a module-level container, or default to None and create it in "
                                    f"the body: `if {p.name} is None: {p.name} = {ast.unparse(node)}`")
            return fc.expr(node)
        from fastext.compiler.frontend.module import _ModuleCollector, _convert_constant, _type_of_constant
        value = _ModuleCollector(self.scope, self.diags, None).const_value(node)
        t = p.type or _type_of_constant(value)
        if not isinstance(t, Scalar) or not constant_fits(value, t):
            raise FxSyntaxError(Span.of(node, self.scope.file), f"default of `{p.name}` must be {article(t)} constant",
                                "defaults are scalar constants or module functions")
        return ir.Const(t, span, _convert_constant(value, t))


_CHANGING = frozenset(("append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse", "add",
                       "discard", "update", "setdefault", "popitem", "difference_update",
                       "intersection_update", "symmetric_difference_update"))


def _literal_display(node: ast.expr) -> bool:
    """A str or bytes literal, or a list/tuple/dict/set display of literals."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (str, bytes))
    if not isinstance(node, (ast.List, ast.Tuple, ast.Dict, ast.Set)):
        return False
    try:
        ast.literal_eval(node)
    except ValueError:
        return False
    return True


def _changed_in(fn: ast.FunctionDef, name: str) -> ast.AST | None:
    """Where `fn`'s body changes the container in parameter `name` in place (a method that
    changes it, an item store or delete, `+=`), or passes it on to a call that may; None if
    it only reads it."""
    def is_param(e: ast.expr) -> bool:
        return isinstance(e, ast.Name) and e.id == name
    for sub in ast.walk(fn):
        if isinstance(sub, ast.Call):
            f = sub.func
            if isinstance(f, ast.Attribute) and is_param(f.value) and f.attr in _CHANGING:
                return sub
            if isinstance(f, ast.Name) and any(is_param(a) for a in sub.args) and \
                    f.id not in ("len", "sorted", "sum", "min", "max", "list", "tuple", "set", "dict",
                                 "enumerate", "zip", "reversed", "any", "all", "str", "print", "iter"):
                return sub          # a function of the module may change what it is given
        if isinstance(sub, (ast.Assign, ast.AugAssign, ast.Delete)):
            targets = sub.targets if isinstance(sub, (ast.Assign, ast.Delete)) else [sub.target]
            for t in targets:
                if isinstance(t, ast.Subscript) and is_param(t.value) or isinstance(sub, ast.AugAssign) and is_param(t):
                    return sub
    return None


def callable_annotation(node: ast.expr, scope: ModuleScope) -> tuple | None:
    """`(argument types or None, result type or None)` of `Callable[[A, B], R]` (or a bare
    `Callable`, from typing or collections.abc); None for any other annotation."""
    from fastext.compiler.frontend import annotations
    base = node.value if isinstance(node, ast.Subscript) else node
    if not _is_callable_name(base, scope):
        return None
    if not isinstance(node, ast.Subscript):
        return (None, None)
    items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
    if len(items) != 2 or not isinstance(items[0], (ast.List, ast.Constant)):
        raise FxSyntaxError(Span.of(node, scope.file), f"cannot read the annotation `{ast.unparse(node)}`",
                            "write Callable[[f64, f64], f64]: the argument types in a list, then the result type")
    args = None if isinstance(items[0], ast.Constant) else \
        tuple(annotations.resolve(e, scope) for e in items[0].elts)
    return (args, annotations.resolve(items[1], scope, allow_none=True))


def _is_callable_name(node: ast.expr, scope: ModuleScope) -> bool:
    if isinstance(node, ast.Name):
        b = scope.lookup(node.id)
        return b is not None and b.kind == "callable"
    if isinstance(node, ast.Attribute) and node.attr == "Callable":
        root = node.value
        while isinstance(root, ast.Attribute):
            root = root.value
        b = scope.lookup(root.id) if isinstance(root, ast.Name) else None
        return b is not None and b.kind in ("module:typing", "module:collections")
    return False


def _none_default(arg: ast.arg, default: ast.expr | None, scope: ModuleScope) -> bool:
    """A parameter defaulting to None whose value is a number or a container when given
    (`seen=None`, `order: list[int] | None = None`; not `Optional[Node]`, a class reference)."""
    if not (isinstance(default, ast.Constant) and default.value is None):
        return False
    if arg.annotation is None:
        return True
    from fastext.compiler.frontend import annotations
    inner = annotations._optional(arg.annotation, scope)
    if inner is None:
        return False
    try:
        t = annotations.resolve(inner, scope)
    except FxSyntaxError:
        return False        # reported with the annotation
    return not (isinstance(t, T.Struct) and t.plain)


def is_template(node: ast.FunctionDef, scope: ModuleScope, functions: set[str]) -> bool:
    """Whether a module-level `def` is specialised per call: a parameter without annotation,
    annotated `Callable`, defaulting to one of the module's functions (`functions`), or defaulting
    to None where its values are numbers or containers."""
    a = node.args
    defaults = [None] * (len(a.args) - len(a.defaults)) + list(a.defaults)
    for arg, default in zip(a.args, defaults):
        if arg.annotation is None or _none_default(arg, default, scope):
            return True
        base = arg.annotation.value if isinstance(arg.annotation, ast.Subscript) else arg.annotation
        if _is_callable_name(base, scope):
            return True
        if isinstance(default, ast.Name) and (default.id in functions or
                                             (scope.lookup(default.id) or _NOTHING).kind in ("func", "modvar")):
            return True     # a function, or a module-level container (frontend/module_containers.py)
    return False


class _Nothing:
    kind = ""


_LEFT_OUT = object()    # a None-default parameter a call leaves out


def _is_none(a: ast.expr) -> bool:
    return isinstance(a, ast.Constant) and a.value is None


_NOTHING = _Nothing()


# ---------------------------------------------------------------------- calls
def call_value(fc: "FunctionChecker", node: ast.Call, fv: FuncValue) -> ir.Expr:
    """`f(x)` where `f` is a function value: a direct call of its target (instance)."""
    sig = fc.scope.registry.get(fv.target)
    if isinstance(sig, Template):
        result = call(fc, node, sig, fv.shown or fv.target, fv.env, fv.arg_types)
    else:
        from fastext.compiler.frontend.calls import user_call
        if fv.arg_types is not None:
            _check_arity(fc, node, fv)
        result = user_call(fc, node, fv.target, fv.shown or fv.target)
    if fv.ret_type is not None and fv.ret_type != NONE and not isinstance(result.type, ErrorType):
        result = fc.coerce(result, fv.ret_type, node, f"the result of `{fv.shown}`")
    return result


def _check_arity(fc, node: ast.Call, fv: FuncValue) -> None:
    if len(node.args) + len(node.keywords) != len(fv.arg_types):
        raise fc.error(node, f"`{fv.shown}` takes {len(fv.arg_types)} arguments (its Callable annotation), "
                             f"got {len(node.args) + len(node.keywords)}", "match the annotation")


def call(fc: "FunctionChecker", node: ast.Call, tmpl: Template, shown: str, env=(), arg_types=None,
         leading: list[ir.Expr] = ()) -> ir.Expr:
    """A call of a template: bind the arguments, find (or check) the instance, call it;
    `leading`: values already bound to the first parameters (a method's `self`)."""
    span = fc.span(node)
    if fc.sig.target != "cpu":
        raise fc.error(node.func, f"GPU code cannot call `{shown}`: its parameters are not all annotated",
                       "call annotated @gpu.device functions from kernels")
    bound: dict[str, object] = {p.name: v for p, v in zip(tmpl.params, leading)}
    where: dict[str, ast.AST] = {p.name: node.func for p in tmpl.params[:len(leading)]}
    visible = tmpl.visible()[len(leading):]
    names = [p.name for p in visible]
    from fastext.compiler.frontend.callshape import shape as shape_call
    vararg = getattr(tmpl.node, "fx_vararg", None)
    node = shape_call(fc, node, names, getattr(tmpl.node, "fx_posonly", 0), vararg, shown, len(leading),
                      getattr(tmpl.node, "fx_kwargs", None), getattr(tmpl.node, "fx_vararg_tuple", False))
    usage = f"call it as {shown}({', '.join(names)})"
    if len(node.args) > len(visible):
        raise fc.error(node, f"`{shown}` takes {len(visible)} arguments, got {len(node.args)}", usage)
    from fastext.compiler.frontend.calls import positional_only_too_many
    positional_only_too_many(fc, node, getattr(tmpl.node, "fx_positional", None), len(leading), shown)
    for k, (p, a) in enumerate(zip(visible, node.args)):
        if p.optional and _is_none(a):
            continue        # as if left out
        bound[p.name], where[p.name] = _argument(fc, a, arg_types[k] if arg_types and k < len(arg_types) else None), a
    for kw in node.keywords:
        if kw.arg is None:
            raise fc.error(kw.value, "**kwargs in calls is not supported", f"pass arguments by name: {usage}")
        if kw.arg not in names:
            raise fc.error(kw.value, f"`{shown}` has no parameter `{kw.arg}`", f"parameters: {', '.join(names)}")
        if kw.arg in bound:
            raise fc.error(kw.value, f"`{shown}` got multiple values for `{kw.arg}`", usage)
        if _is_none(kw.value) and any(p.optional and p.name == kw.arg for p in visible):
            continue
        bound[kw.arg], where[kw.arg] = _argument(fc, kw.value, None), kw.value
    for p in visible:
        if p.optional and p.name not in bound:
            bound[p.name], where[p.name] = _LEFT_OUT, node
            continue
        if p.name not in bound:
            if p.default is None:
                raise fc.error(node, f"`{shown}` is missing argument `{p.name}`", usage)
            try:
                bound[p.name] = tmpl.default(p, fc, span)
            except FxSyntaxError as e:
                raise fc.error(node, e.diagnostic.message, e.diagnostic.hint) from None
            where[p.name] = node
    for p, e in zip(tmpl.params[len(visible):], env):
        bound[p.name], where[p.name] = e if isinstance(e, FuncValue) else ir.Load(e.type, span, e), node
    key, args = [], []
    for p in tmpl.params:
        v, at = bound[p.name], where[p.name]
        if v is _LEFT_OUT:
            key.append(("none", None))
            continue
        if isinstance(v, FuncValue):
            if v.vectorized:    # a clone's key and hidden parameters carry no vectorize mark
                raise fc.error(at, f"`{v.shown}` (np.vectorize) cannot be passed to another function",
                               "pass the function itself and apply np.vectorize where it is called")
            if p.type is not None:
                raise fc.error(at, f"parameter `{p.name}` of `{shown}` is {article(p.type)}, got the function "
                                   f"`{v.shown}`", "a parameter that takes a function has no annotation or is "
                                                   "annotated Callable[[...], ...]")
            key.append(("f", shape(v)))
            args += [ir.Load(x.type, span, x) for x in flatten(v)]
            continue
        if isinstance(v, _RangeArg):
            if p.type is not None or p.callable is not None:
                raise fc.error(at, f"parameter `{p.name}` of `{shown}` is annotated, got a range",
                               f"pass `list(...)` of the range, or leave `{p.name}` unannotated")
            key.append(("range", None))
            args += v.parts
            continue
        if isinstance(v.type, ErrorType):
            return ir.Expr(ERROR, span)
        if p.callable is not None:
            raise fc.error(at, f"parameter `{p.name}` of `{shown}` takes a function, got {article(v.type)}",
                           "pass a function's name or a lambda")
        if v.type == NONE:
            raise fc.error(at, f"argument `{p.name}` of `{shown}` has no value (the call returns None)",
                           "pass a number or an array")
        t = p.type or v.type
        key.append(("v", t))
        args.append(fc.coerce(v, t, at, f"argument `{p.name}` of `{shown}`"))
        if vararg is not None and p is tmpl.params[vararg]:     # `*args` packed at this call
            from fastext.compiler.frontend.callshape import in_frame
            in_frame(args[-1], getattr(tmpl.node, "fx_vararg_private", False))
    tmpl.weak.update(fc.list_weak)    # an int-literal list passed on stays "ints unless decided" there
    qualname, sig = instantiate(tmpl, tuple(key), span, discarded=fc.statement_call is node)
    if sig.ret is None or isinstance(sig.ret, ErrorType):     # its body failed to check: reported there
        return ir.Expr(ERROR, span)
    _adopt_decisions(fc, tmpl.decided.get(qualname, {}), args)
    return ir.Call(sig.ret, span, qualname, args)


def _adopt_decisions(fc: "FunctionChecker", decided: dict, args: list[ir.Expr]) -> None:
    """An argument whose container type was still open (`u = [1] * n` passed on before any use)
    takes the type the instance's body decided for it (`u[j] * 0.5`: floats), as the caller
    would have, had the body been inline."""
    from fastext.compiler.frontend import lists
    for a in args:
        k = lists.open_key(lists.substitute(fc, a.type))
        while k is not None and k in decided and k not in fc.list_items:
            lists.decide(fc, T.Unknown(k), decided[k])
            k = lists.open_key(lists.substitute(fc, a.type))


class _RangeArg:
    """A `range(...)` (or a name bound to one) passed to an unannotated parameter: its three
    i64 parts, passed as the instance's hidden parameters (frontend/rangevals.py)."""

    def __init__(self, parts: list[ir.Expr]):
        self.parts = parts
        self.type = None


def _argument(fc: "FunctionChecker", a: ast.expr, declared: Type | None):
    fv = value_of(fc, a)
    if fv is not None:
        return fv
    from fastext.compiler.frontend import rangevals
    if declared is None and rangevals.is_range_call(fc, a):       # `recent(range(10), k)`
        from fastext.compiler.frontend.loops import range_args
        return _RangeArg(list(range_args(fc, a)))
    if declared is None and rangevals.named(fc, a):
        span = fc.span(a)
        return _RangeArg([ir.Load(v.type, span, v) for v in fc.ranges[a.id]])
    value = fc.expr(a)
    if declared is not None and not isinstance(value.type, ErrorType):
        value = fc.coerce(value, declared, a, "argument")
    return value


# ---------------------------------------------------------------------- instances
def instantiate(tmpl: Template, key: tuple, span: Span, discarded: bool = False) -> tuple[str, Signature]:
    """The instance of `tmpl` for `key`, checked on first use; (its qualname, its signature).
    `discarded`: the call is a statement, its result unused."""
    if key in tmpl.instances:
        qualname = tmpl.instances[key]
        sig = tmpl.signatures[qualname]
        if sig.ret is None and qualname in _IN_PROGRESS:
            # a recursive call: typed from the returns seen so far (`if k <= 1: return acc` before
            # `return go(k - 1, acc * k)`), checked against the final result type afterwards
            checker = _CHECKING.get(qualname)
            t = _returned_so_far(checker) if checker is not None else None
            from fastext.compiler.frontend.lists import open_key
            if t is None and checker is not None:
                t = _constructed_class(checker, tmpl.node)      # `return Tree(build(lo, mid - 1), ...)`
            if t is None and discarded and checker is not None:
                # `dfs(g, v, seen)` as a statement: no value depends on the type, so None stands in
                # until the returns are seen (a result found then checks the body again with it)
                t = NONE
            closed = all(open_key(pt) is None for _, pt, _ in sig.params)
            from fastext.compiler.frontend.speculate import result_of, speculating
            if t is None and checker is not None and closed:
                # the type its other returns give (`return -self.factor()` before `return int(text)`),
                # found by a check of its body that skips the statements the cycle's calls are in
                t = result_of(qualname, _CHECKING)
            if t is None and closed and not speculating():
                t = _guessed_in_cycle()     # (an open container argument is decided by a second check)
            if t is None:
                raise FxSyntaxError(span, f"`{tmpl.node.name}` calls itself before its result type is known",
                                    f"return a value before the recursive call, or annotate its result: "
                                    f"`def {tmpl.node.name}(...) -> f64:`")
            checker.provisional = (t, span)
            return qualname, dataclasses.replace(sig, ret=t)
        return qualname, sig
    qualname = _instance_name(tmpl, key)
    tmpl.instances[key] = qualname
    params, funcparams, defaults = [], {}, {}
    rangeparams: list[str] = []
    none = {}
    for p, (kind, what) in zip(tmpl.params, key):
        if p.optional:
            none[p.name] = kind == "none"
        if kind == "none":
            continue
        if kind == "range":     # its parts, read as a bound range (frontend/rangevals.py)
            from fastext.compiler.frontend.rangevals import PARTS
            params += [(f"{p.name}${part}", T.I64, p.span) for part in PARTS]
            rangeparams.append(p.name)
            continue
        if kind == "v":
            params.append((p.name, what, p.span))
            if p.default is not None and isinstance(what, Scalar):
                try:
                    d = tmpl.default(p, None, p.span)
                    if isinstance(d, ir.Const) and d.type == what:
                        defaults[p.name] = (what, d.value)
                except FxSyntaxError:
                    pass        # reported where a call needs it
            continue
        hidden = [f"{p.name}${k}" for k in range(len(hidden_types(what)))]
        params += [(h, t, p.span) for h, t in zip(hidden, hidden_types(what))]
        args, ret = p.callable or (None, None)
        funcparams[p.name] = (what, hidden, args, ret)
    sig = Signature(tmpl.node.name, params, defaults, tmpl.ret, tmpl.span, tmpl.options, "cpu",
                    positional=getattr(tmpl.node, "fx_positional", None), posonly=getattr(tmpl.node, "fx_posonly", 0),
                    vararg=getattr(tmpl.node, "fx_vararg", None),
                    vararg_private=getattr(tmpl.node, "fx_vararg_private", False),
                    kwargs=getattr(tmpl.node, "fx_kwargs", None))
    tmpl.signatures[qualname] = sig
    from fastext.compiler.frontend.function import FunctionChecker, check_promoting

    def configured(checker: FunctionChecker) -> FunctionChecker:
        checker.qualname, checker.funcparams, checker.internal = qualname, funcparams, qualname != tmpl.qualname
        checker.rangeparams = rangeparams
        checker.list_weak.update(tmpl.weak)
        if "$" in tmpl.qualname and tmpl.node.name != "lambda":     # a nested def: its own name calls itself
            names = [a.arg for a in tmpl.node.args.args]
            checker.self_ref = (tmpl.node.name, tmpl.qualname, names[len(names) - tmpl.captured:] if tmpl.captured else [])
        checker.source_node = node      # for `_guessed_in_cycle` and frontend/speculate.py
        return checker

    def make(ret=sig.ret) -> FunctionChecker:
        sig.ret = ret       # a result type inferred by a first check is inferred again
        checker = configured(FunctionChecker(tmpl.scope, tmpl.diags, sig))
        tmpl.decided[qualname] = checker.list_items     # for _adopt_decisions
        _CHECKING[qualname] = checker
        # a checker of its own signature's copy, for a check that only looks for the result type
        checker.speculative = lambda: configured(FunctionChecker(tmpl.scope, tmpl.diags,
                                                                 dataclasses.replace(sig, ret=None)))
        return checker
    before = len(tmpl.diags.items)
    failed = False
    _IN_PROGRESS.add(qualname)
    try:
        node = tmpl.node
        if none:
            from fastext.compiler.frontend.nonedefaults import specialise
            node = specialise(node, none, {p.name: p.none for p in tmpl.params if p.none is not None},
                              tmpl.scope.file)
        fn = check_promoting(make, node, tmpl.diags)
        provisional = getattr(_CHECKING.get(qualname), "provisional", None)
        if provisional is not None and provisional[0] != sig.ret and sig.ret is not None:
            # the recursive call's type was too narrow (`return 1` before `return go(k - 1) * 0.5`):
            # checked again as if annotated with the result type found
            final = sig.ret
            fn = check_promoting(lambda: make(final), node, tmpl.diags)
    except FxSyntaxError as e:
        tmpl.diags.add(e.diagnostic)
        failed = True
        return qualname, sig
    finally:
        _IN_PROGRESS.discard(qualname)
        _CHECKING.pop(qualname, None)
        from fastext.compiler.frontend.speculate import speculating
        # (asked before `_dedupe`: a second check repeating the first one's errors leaves none
        # after it, and a kept instance would hide them from a caller that is checked again;
        # inside a speculation an error may repeat one that is dropped with it when it ends)
        erred = failed or any(d.severity == "error" for d in tmpl.diags.items[before:])
        _dedupe(tmpl.diags, before)
        if erred:
            # Not kept as made: a caller checked again (a loop's second pass, a list retyped)
            # drops the diagnostics of its first pass, and a kept instance would then be a
            # function without a body (`return inner(b)` returned nothing: SystemError).  The
            # next call checks it again and reports its errors again.
            tmpl.instances.pop(key, None)
            if speculating():   # its errors are dropped with the speculation's: not a function to keep
                return qualname, sig
    fn.name = qualname
    fn.doc = ast.get_docstring(tmpl.node)
    fn.exported = False
    options = {**OPTION_DEFAULTS, **tmpl.scope.options, **tmpl.options}
    fn.boundscheck, fn.fastmath, fn.inline = options["boundscheck"], options["fastmath"], options["inline"]
    fn.nogil = options["nogil"]
    tmpl.scope.instances[qualname] = fn
    return qualname, sig


_IN_PROGRESS: set[str] = set()      # instances whose bodies are being checked (recursion)
_CHECKING: dict = {}                # ... and the checker of each (its returns so far type a recursive call)


def _guessed_in_cycle() -> Type | None:
    """The result type for a call of a function in progress that has returned nothing yet,
    inside a cycle of functions calling each other (a recursive-descent parser's `parse_expr`
    → `parse_term` → `parse_atom` → `parse_expr`): the type of a return in the cycle that reads
    only parameters and constants (`return float(tokens[i]), i + 1`), else of such a part of a
    return that gives the result its type (`return n == 0 or is_odd(n - 1)`: a bool; `return 1
    if n == 0 else n - f(m(n - 1))`: an int; `_result_parts`).  Functions of such a
    cycle mostly share one result type; a wrong guess is checked again with the type found
    (`provisional`)."""
    for checker in reversed(list(_CHECKING.values())):
        node = getattr(checker, "source_node", None)
        if node is None:
            continue
        params = {a.arg for a in node.args.args}
        values = [r.value for r in ast.walk(node) if isinstance(r, ast.Return) and r.value is not None]
        for value in values + [part for v in values for part in _result_parts(v)]:
            if any(isinstance(n, (ast.Lambda, ast.ListComp, ast.GeneratorExp, ast.DictComp, ast.SetComp,
                                  ast.NamedExpr, ast.Call)) and not _plain_call(n) for n in ast.walk(value)):
                continue
            names = {n.id for n in ast.walk(value) if isinstance(n, ast.Name)}
            from fastext.compiler.frontend.lists import open_key
            if any(n in checker.vars and open_key(checker.vars[n].type) is not None for n in names):
                continue        # reading a container no use has typed yet would decide it here
            if any(n not in params and n in checker.vars for n in names) or \
                    any(n not in params and n not in checker.vars and checker.scope.lookup(n) is None and
                        n not in ("float", "int", "bool", "abs", "len", "min", "max", "str") for n in names):
                continue
            before = len(checker.diags.items)
            try:
                t = checker.expr(value).type
            except FxSyntaxError:
                t = None
            del checker.diags.items[before:]
            if t is not None and not isinstance(t, ErrorType) and t != NONE:
                return t
    return None


def _result_parts(value: ast.expr) -> list[ast.expr]:
    """The parts of a returned expression whose type is (or, for arithmetic, guesses) the
    result's: both branches of `a if c else b`, the operands of `or`/`and` and of an arithmetic
    operator, and `True` standing for a comparison or a `not`, outermost first."""
    if isinstance(value, (ast.Compare, ast.UnaryOp)) and (isinstance(value, ast.Compare) or
                                                          isinstance(value.op, ast.Not)):
        return [ast.copy_location(ast.Constant(True), value)]
    inner = [value.body, value.orelse] if isinstance(value, ast.IfExp) else \
        list(value.values) if isinstance(value, ast.BoolOp) else \
        [value.left, value.right] if isinstance(value, ast.BinOp) else []
    return inner + [p for i in inner for p in _result_parts(i)]


def _plain_call(n: ast.AST) -> bool:
    """A call of a conversion or builtin that types its value alone (`float(s)`, `len(xs)`)."""
    return isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and \
        n.func.id in ("float", "int", "bool", "abs", "len", "min", "max", "str")


def _returned_so_far(checker) -> Type | None:
    """The common type of the values a function in progress has returned so far, if any."""
    types = [r.value.type for r, _ in checker.inferred_returns if r.value is not None]
    if not types or any(isinstance(t, ErrorType) for t in types):
        return None
    t = types[0]
    for other in types[1:]:
        if other != t:
            if not (isinstance(t, Scalar) and isinstance(other, Scalar)):
                return None
            t = promote(t, other)
    return t


def _constructed_class(checker, node: ast.FunctionDef) -> Type | None:
    """The plain class every value-returning `return` of `node` constructs (`return Tree(...)`,
    besides `return None`): the result a recursive call inside those constructor calls has, told
    from the source before the returns are checked; None when the returns say anything else."""
    from fastext.compiler.frontend.classes import constructed_class
    name = constructed_class(node)
    b = checker.scope.lookup(name) if name is not None else None
    if b is None or b.kind != "structtype" or not (isinstance(b.value, T.Struct) and b.value.plain):
        return None
    return b.value


def _dedupe(diags: Diagnostics, before: int) -> None:
    """One message per mistake in a template's body, however many instances repeat it."""
    seen = {(d.span, d.message) for d in diags.items[:before]}
    fresh = []
    for d in diags.items[before:]:
        if (d.span, d.message) not in seen:
            seen.add((d.span, d.message))
            fresh.append(d)
    diags.items[before:] = fresh


def _instance_name(tmpl: Template, key: tuple) -> str:
    """`apply$eval_A`, `eval_A$i64_i64`: the template's name and its key, in identifier
    characters; the default instance of an exported template keeps the template's own name."""
    if default_key(tmpl) == key and tmpl.qualname == tmpl.node.name and _exportable(tmpl):
        return tmpl.qualname

    def part(kind, what) -> str:
        if kind == "v" and isinstance(what, Array):
            return f"{what.dtype}_{what.ndim}d"      # `f64[:]` apart from `f64`
        if kind == "v":
            return str(what)
        if kind in ("none", "range"):
            return kind
        return what[0].rpartition("$")[2] if "$" in what[0] else what[0]
    suffix = re.sub(r"[^A-Za-z0-9_]+", "_", "_".join(part(*k) for k in key)).strip("_") or "0"
    name, k = f"{tmpl.qualname}${suffix}", 2
    taken = set(tmpl.instances.values())
    while name in taken or name in tmpl.scope.registry:
        name, k = f"{tmpl.qualname}${suffix}_{k}", k + 1
    return name


def default_key(tmpl: Template) -> tuple | None:
    """The key of a call passing only the annotated parameters (None if some other one has no default)."""
    key = []
    for p in tmpl.params:
        if p.optional:
            key.append(("none", None))
            continue
        if p.type is not None:
            key.append(("v", p.type))
            continue
        if p.default is None:
            return None
        try:
            d = tmpl.default(p, None, p.span)
        except FxSyntaxError:
            return None
        if not isinstance(d, FuncValue):
            return None
        key.append(("f", shape(d)))
    return tuple(key)


def _exportable(tmpl: Template) -> bool:
    """A public module function whose only unannotated parameters default to functions."""
    from fastext.compiler.frontend.nptyping import infers_return
    return (tmpl.captured == 0 and not tmpl.node.name.startswith("_")
            and (tmpl.ret is not None or tmpl.node.returns is None or infers_return(tmpl.node))
            and tmpl.scope.qualifier == "" and all(p.type is not None or p.default is not None for p in tmpl.params)
            and default_key(tmpl) is not None)


def export_default(tmpl: Template) -> ir.Function | None:
    """The default instance of an exportable template of the module being compiled, exported
    under the template's name with its function parameters fixed (None if it has none)."""
    if not _exportable(tmpl):
        return None
    key = default_key(tmpl)
    qualname, _ = instantiate(tmpl, key, tmpl.span)
    fn = tmpl.scope.instances.get(qualname)
    if fn is not None and qualname == tmpl.qualname and (tmpl.ret is not None or _crosses(tmpl, fn)):
        fn.exported = True
    return fn


def _crosses(tmpl: Template, fn: ir.Function) -> bool:
    """Whether the instance of a function without a return annotation may be called from Python:
    its parameters and the result its returns gave are what an annotated signature may hold
    (not, say, a linked class).  If not, only .fx code calls it (docs/language.md)."""
    from fastext.abi.namespace import tuple_parameter
    from fastext.compiler.frontend.classes import check_boundary
    from fastext.compiler.frontend.nprandom import check_exported_signature
    from fastext.compiler.frontend.objects import check_signature
    params = [(p.var.name, p.var.type, fn.span) for p in fn.params]
    if any(isinstance(t, T.Tuple) and not tuple_parameter(t) for _, t, _ in params) or \
            isinstance(fn.ret, (T.Unknown, ErrorType)) or fn.ret is None:
        return False
    try:
        for check in (check_exported_signature, check_boundary):
            check(tmpl.node, params, fn.ret, lambda _node: fn.span)
        check_signature(tmpl.node, params, fn.ret, {}, lambda _node: fn.span)
    except FxSyntaxError:
        return False
    return True


# ---------------------------------------------------------------------- inferred results
def inferred_return(fc: "FunctionChecker", node: ast.Return) -> ir.Return:
    """A `return` of a function whose result type comes from its returns: the value as it is,
    converted once every return is seen (`settle_returns`)."""
    value = None
    if node.value is not None and not (isinstance(node.value, ast.Constant) and node.value.value is None):
        value = fc.expr(node.value)
        if value.type == NONE:
            raise fc.error(node.value, "this returns the result of a function returning None",
                           "call it as a statement, then `return`")
    ret = ir.Return(fc.span(node), value)
    fc.inferred_returns.append((ret, node))
    return ret


def decide_open_returns(fc: "FunctionChecker") -> None:
    """Empty lists returned by a function whose result type comes from its returns take the
    item type of a list another `return` gives (`if not s: return []` ... `return runs`)."""
    from fastext.compiler.frontend import lists
    types = [lists.substitute(fc, r.value.type) for r, _ in fc.inferred_returns
             if r.value is not None and isinstance(r.value.type, T.List)]
    decided = next((t for t in types if lists.open_key(t) is None), None)
    if decided is None:
        return
    for t in types:
        if isinstance(t.item, T.Unknown) and t.item.key not in fc.list_items:
            lists.decide(fc, t.item, decided.item)


def _textual(t: Type) -> bool:
    from fastext.compiler.types import Char, Str
    return t == STRV or isinstance(t, (Char, Str))


def settle_returns(fc: "FunctionChecker", clean: bool = True) -> Type:
    """The result type of a function without a return annotation: the common type of its
    returned values (numbers promote as in arithmetic); each return converted to it.  With
    errors in the body (`clean` false) and no typed return left, the error type."""
    returns = fc.inferred_returns
    values = [(r, n) for r, n in returns if r.value is not None and not isinstance(r.value.type, ErrorType)]
    if any(r.value is None for r, _ in returns) and values:
        return _none_or_value(fc, returns)
    if not values:
        return ERROR if any(r.value is not None for r, _ in returns) or not clean else NONE
    t = values[0][0].value.type
    for r, n in values[1:]:
        vt = r.value.type
        if vt == t:
            continue
        if isinstance(vt, Scalar) and isinstance(t, Scalar):
            t = promote(t, vt)
            continue
        if _textual(t) and _textual(vt):     # a character here, a str value there: str values
            t = STRV
            continue
        from fastext.compiler.frontend import lists
        if isinstance(t, T.List) and isinstance(vt, T.List) and lists.open_key(t) is not None:
            t = vt          # `return []` before `return runs`: the list the other return decides
            continue
        if isinstance(t, T.List) and isinstance(vt, T.List) and lists.open_key(vt) is not None:
            continue
        raise fc.error(n.value, f"`{fc.sig.name}` returns {article(t)} elsewhere and {article(vt)} here",
                       f"annotate its result (`-> {t}`) or return values of one type")
    for r, n in values:
        r.value = fc.coerce(r.value, t, n.value, "return value")
    return t


def _none_or_value(fc: "FunctionChecker", returns: list) -> Type:
    """`return None` on some paths and a value on others (`return best` of a local begun as None,
    frontend/optionals.py): the function returns a Python object, each value boxed.  A bare
    `return` among them stays an error, as it usually means a forgotten value."""
    from fastext.compiler.frontend import objects
    for r, n in returns:
        if r.value is None and n.value is None:
            raise fc.error(n, f"`{fc.sig.name}` returns a value elsewhere but nothing here",
                           "return a value on every path (`return None` where there is none)")
    types = {r.value.type for r, _ in returns if r.value is not None}
    if len(types) == 1:
        t = types.pop()
        if isinstance(t, T.Struct) and t.plain:     # `return None` / `return Tree(...)`: a class reference,
            for r, _ in returns:                    # null for None (as `-> Optional[Tree]`)
                if r.value is None:
                    r.value = ir.Intrinsic(t, r.span, "record.none", [])
            return t
    for r, n in returns:
        r.value = ir.ObjConst(T.OBJECT, r.span, None) if r.value is None else objects.box(fc, r.value, n.value)
    return T.OBJECT
