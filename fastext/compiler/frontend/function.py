"""Checks one function body and builds its typed IR: statements, locals, the function itself.

One visitor: `STMTS` here and `ExpressionChecker.EXPRS` (expressions.py) map each
supported `ast` node to its method, and so are the list of supported constructs.
Everything else is a located error with a hint.  Errors inside one statement are
recorded and checking goes on with the next statement, so a module reports all
its errors at once.
"""
from __future__ import annotations

import ast
import dataclasses

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.builtins import EXCEPTIONS
from fastext.compiler.diagnostics import Diagnostics, FxSyntaxError
from fastext.compiler.frontend import alloc, annotations, gpu, indexing
from fastext.compiler.frontend.expressions import (
    BINOPS, NODE_NAMES, UNSUPPORTED_HINTS, ExpressionChecker, poisoned,
)
from fastext.compiler.frontend.scope import ModuleScope, Signature
from fastext.compiler.source import Span, without_docstring
from fastext.compiler.types import ERROR, F64, NONE, OBJECT, STR, STRV, Array, Char, ErrorType, PyObj, Scalar, Str, Struct, Tuple, Type, article
from fastext.compiler.types import Dict as DictType, List as ListType, Set as SetType


class FunctionChecker(ExpressionChecker):
    """Types one function; `check(node)` returns its `ir.Function`."""

    def __init__(self, scope: ModuleScope, diags: Diagnostics, sig: Signature):
        self.scope, self.diags, self.sig = scope, diags, sig
        self.module_scope = scope   # annotations of locals read module names even where a local shadows one
        self.file = scope.file
        self.vars: dict[str, ir.Var] = {}
        self.locals: list[ir.Var] = []
        self.loop_depth = 0
        self.handler_depth = 0      # > 0 inside an `except` clause (where a bare `raise` re-raises)
        self.current_span: Span | None = None
        self.temp_count = 0
        self.prange_depth = 0       # > 0 inside a prange body (an inner prange runs serially)
        self.prange_loops: list[ir.ForRange] = []   # the outer prange loops, classified by parallel.finish
        self.statement_call: ast.Call | None = None  # the call that is a whole statement (`np.add(a, b, out=c)`)
        self.list_items: dict[int, Type] = {}   # item types decided for empty lists (frontend/lists.py)
        self.list_weak: dict[int, Type] = {}    # lists of int literals: their type unless a use decides
        self.comprehensions = 0                 # comprehensions typed so far (their loop names are apart)
        # functions as values (frontend/funcvals.py): local names bound to one, and in a template's
        # instance its function parameters (name → (shape, hidden parameter names, Callable types))
        self.funcvals: dict = {}
        self.funcparams: dict = {}
        self.generators: dict[str, ast.FunctionDef] = {}   # nested generator defs, inlined where iterated
        self.iterators: dict = {}       # generators bound to a name, replayed (frontend/iterators.py)
        self.qualname = sig.name                     # the key of the function being checked
        self.internal: bool | None = None            # None: internal when its name starts with `_`
        self.inferred_returns: list = []             # without a return annotation (templates.py)
        self.ranges: dict = {}                       # `rx = range(...)`: name → its three hidden parts
        self.range_steps: dict = {}                  # ... and its step, when a constant (rangevals.py)
        self.rangeparams: list[str] = []             # parameters passed a range (templates.py)
        # `total = 0` then `total += x` (x a float): Python's int becomes a float.  Locals first
        # bound to an int literal that later take a float are named in `wants_float`; the body
        # is then checked again with them in `promote`, declared f64 from the start (`promoted`).
        self.promote: frozenset = frozenset()
        self.wants_float: set[str] = set()
        # locals first bound to one character (`prev = s[0]`) that later take a str value
        # (`prev = ch`, `ch` from `s[1:]`): str values from the start, checked again (check_promoting)
        self.wants_str: set[str] = set()
        # locals first bound to a list of int literals (`u = [1] * n`) and later to a list of
        # floats: name -> that list type, declared from the start on a second check, as Python's
        # ints of the first list would mix with the floats of the second
        self.weak_lists: set[str] = set()
        self.wants_list: dict[str, Type] = {}
        self.weak_ints: set[str] = set()
        # empty containers read before a later use decides their types: those types, for the check
        # again (`pretyped`, name → type, declared at the first assignment)
        self.early_reads: set[str] = set()
        self.pretyped: dict = {}
        self.guessed_absent = False     # `x in s` read as False: `s` had no key type yet (dicts.contains)
        self.globals_declared: set[str] = set()      # `global X` (frontend/module_scalars.py)
        # locals that start as None and later hold a value (frontend/optionals.py): the candidates,
        # the value types a first check found, and on the check again those declared from the start
        self.optional_names: set[str] = set()
        self.optional_seen: dict = {}
        self.optionals: dict = {}

    # ------------------------------------------------------------------ entry
    def check(self, node: ast.FunctionDef) -> ir.Function:
        self.scope = _function_scope(self.scope, node, [name for name, _, _ in self.sig.params] + list(self.funcparams)
                                     + self.rangeparams)
        from fastext.compiler.frontend import forward
        numpy_names = {k for k, b in self.scope.names.items() if b.kind.startswith("module:numpy")}
        others = set(self.scope.names) - numpy_names
        self.forwardable = forward.candidates(node, numpy_names, others) if self.sig.target == "cpu" else {}
        self.forwarded: dict[str, ir.Expr] = {}
        params = []
        for name, ptype, span in self.sig.params:
            ptype = self.pretyped.get(name, ptype)      # an open container the first check decided
            var = ir.Var(name, ptype, span, is_param=True)
            self.vars[name] = var
            default = self.sig.defaults.get(name)
            params.append(ir.Param(var, default[1] if default else None, default is not None))
        if self.sig.options.get("extern"):       # a C function: no body to check (frontend/extern.py)
            return ir.Function(node.name, params, self.sig.ret, [], self.sig.span)
        for name in self.rangeparams:      # a range passed in: its parts (templates.py)
            from fastext.compiler.frontend.rangevals import PARTS
            self.ranges[name] = [self.vars[f"{name}${part}"] for part in PARTS]
            self.range_steps[name] = None
        from fastext.compiler.frontend.funcvals import rebuild
        for name, (shape, hidden, arg_types, ret) in self.funcparams.items():
            self.funcvals[name] = rebuild(shape, [self.vars[h] for h in hidden], name, arg_types, ret)
        self_ref = getattr(self, "self_ref", None)
        if self_ref is not None and self_ref[0] not in self.vars and self_ref[0] not in self.funcvals:
            from fastext.compiler.frontend.funcvals import FuncValue     # a nested def calling itself
            name, target, captured = self_ref
            self.funcvals[name] = FuncValue(target, tuple(self.funcvals[c] if c in self.funcvals else self.vars[c]
                                                          for c in captured), name)
        from fastext.compiler.frontend import mapfilter
        bound = lambda name: name in self.vars or self.scope.lookup(name) is not None \
            or name in _assigned_names(node.body)      # noqa: E731
        from fastext.compiler.frontend import nonlocals
        nonlocals.rewrite(node, self.scope.file)        # `nonlocal count`: the variable in a one-item list
        from fastext.compiler.frontend.rebind import repeated_targets
        repeated_targets(node)      # `for _, q, _ in rows`: only the last `_` is ever read
        from fastext.compiler.frontend import bytemarks
        bytemarks.rewrite(node)     # `mark = bytearray(n)` as flags: a native list of ints
        mapfilter.rewrite(node, bound)
        mapfilter.reversed_values(node, bound)
        from fastext.compiler.frontend import transpose
        transpose.rewrite(node, bound, self.scope.file)     # `zip(*rows)`: columns as lists, checked uses
        from fastext.compiler.frontend import spreads
        spreads.rewrite(node)       # `f(**d)`, `f(*xs)` of known keys and lengths; local records per key
        body_nodes = without_docstring(node.body)
        from fastext.compiler.frontend import optionals
        self.optional_names = optionals.candidates(node)
        errors_before = len(self.diags.items)
        body = optionals.declare(self, node)
        body_nodes = optionals.rewrite(self, body_nodes)
        # the statements as checked, for checks of how a value is used (pyitertools)
        self.fn_node = ast.Module(body=body_nodes, type_ignores=[])
        body += self.block(body_nodes)
        from fastext.compiler.frontend import lists
        if self.sig.ret is None:    # `return []` beside `return runs`: the empty list is of that type
            from fastext.compiler.frontend.templates import decide_open_returns
            decide_open_returns(self)
        lists.finish(self, body)
        if self.prange_loops:
            from fastext.compiler.frontend.parallel import finish
            finish(self, body)
        if self.sig.ret is None:    # no return annotation: the type its returns give (templates.py)
            from fastext.compiler.frontend.templates import settle_returns
            self.sig.ret = settle_returns(self, clean=len(self.diags.items) == errors_before)
        clean = len(self.diags.items) == errors_before   # a dropped bad statement may have been the return
        if clean and self.sig.ret != NONE and not _terminates(body):
            raise FxSyntaxError(self.sig.span, f"`{node.name}` can reach its end without returning {article(self.sig.ret)}",
                                "add a `return` (or `raise`) at the end of the function")
        int_return = False
        if self.sig.target == "cpu":    # Python's ints held in f64 locals (frontend/intflags.py)
            from fastext.compiler.frontend import intflags
            internal = node.name.startswith("_") if self.internal is None else self.internal
            # an entry point reads a public function's result flag; an internal function stores
            # its flag only where a caller reads it (intflags.finish)
            int_return = intflags.apply(self, body, params, self.sig.ret, public=not internal)
        fn = ir.Function(node.name, params, self.sig.ret, body, self.sig.span, locals=self.locals)
        fn.positional = self.sig.positional
        fn.posonly, fn.vararg, fn.kwargs = self.sig.posonly, self.sig.vararg, self.sig.kwargs
        from fastext.compiler.frontend import growth
        growth.mark(fn)     # `den *= k` in a loop: OverflowError where Python's int would grow
        if self.sig.target == "cpu":
            from fastext.compiler.frontend import npscalars
            npscalars.mark(fn)      # `r / ss` of a local holding `a.sum()`: NumPy's division
        fn.int_return = int_return
        fn.int_passed = getattr(self, "int_passed", [])     # checked by frontend/intescape.py
        for d in gpu.check_no_alloc(fn, self.sig.target):
            self.diags.add(d)
        if self.sig.target == "cpu":
            # only what reaches Python must own its memory; internal functions may return views
            # of their parameters (the caller's arrays outlive the call), not of module arrays
            internal = node.name.startswith("_") if self.internal is None else self.internal
            alloc.own_returns(fn, params_too=not internal)
        return fn

    # ------------------------------------------------------------------ statements
    def block(self, nodes: list[ast.stmt]) -> list[ir.Stmt]:
        out: list[ir.Stmt] = []
        for node in nodes:
            self.current_span = self.span(node)
            try:
                method = self.STMTS.get(type(node))
                if method is None:
                    name = type(node).__name__
                    raise self.error(node, f"unsupported statement ({NODE_NAMES.get(name, name)})",
                                     UNSUPPORTED_HINTS.get(name, "rewrite it with if/while/for-range and assignments"))
                result = method(self, node)
            except FxSyntaxError as e:
                self.diags.add(e.diagnostic)
                continue
            out.extend(result if isinstance(result, list) else [result])
        return out

    def s_pass(self, node: ast.Pass) -> list[ir.Stmt]:
        return []

    def s_global(self, node: ast.Global) -> list[ir.Stmt]:
        """`global COUNT`: assignments to COUNT in this function store the module variable."""
        for name in node.names:
            b = self.scope.lookup(name)
            if name in self.vars:
                raise self.error(node, f"name `{name}` is assigned before its global declaration",
                                 "put `global` at the top of the function, as Python requires")
            if b is None or b.kind != "modscalar":
                return []       # reported by module_scalars.promote
            self.globals_declared.add(name)
        return []

    def s_expr(self, node: ast.Expr) -> list[ir.Stmt]:
        if isinstance(node.value, ast.Constant):
            return []   # docstring-like string statements
        if not isinstance(node.value, ast.Call):
            raise self.error(node, "this expression statement has no effect", "remove it, or assign its value")
        self.statement_call = node.value
        try:
            return [ir.ExprStmt(self.span(node), self.expr(node.value))]
        finally:
            self.statement_call = None

    def out_call(self, call: ast.expr) -> tuple[list[ir.Stmt], ast.expr] | None:
        """`np.f(..., out=o)` used as a value (`y = np.add(a, b, out=a)`, `return np.sqrt(x, out=x)`):
        the call as a statement, then `o` as the value, which is what NumPy returns.  Only for an
        `out` that reads nothing twice when evaluated again (a name, an attribute, a slice of one)."""
        if not isinstance(call, ast.Call):
            return None
        out = next((kw.value for kw in call.keywords if kw.arg == "out"), None)
        if out is None or not all(isinstance(n, (ast.Name, ast.Attribute, ast.Subscript, ast.Slice, ast.Constant,
                                                 ast.Tuple, ast.Load, ast.UnaryOp, ast.USub, ast.expr_context))
                                  for n in ast.walk(out)):
            return None
        statement = ast.copy_location(ast.Expr(call), call)
        return self.s_expr(statement), out

    def s_assign(self, node: ast.Assign) -> list[ir.Stmt]:
        if len(node.targets) == 1 and isinstance(node.targets[0], (ast.Tuple, ast.List)) and \
                any(isinstance(e, ast.Starred) for e in node.targets[0].elts):
            if not isinstance(node.value, (ast.Tuple, ast.List)):
                value = self.expr(node.value)
                if isinstance(value.type, (Tuple, Struct)):     # `name, *_ = record`: its items where they stand
                    target = node.targets[0]
                    if isinstance(target, ast.List):
                        target = ast.copy_location(ast.Tuple(target.elts, ast.Store()), target)
                    return self.assign_to(target, value, node)
            return self.block(star_unpacking(node, len(self.vars) + len(self.locals)))
        if self.optional_names:
            from fastext.compiler.frontend import optionals
            poisoned_none = optionals.first_check(self, node)     # `best = None`, its type still unknown
            if poisoned_none is not None:
                return poisoned_none
        from fastext.compiler.frontend import iterators
        replay = iterators.binding(self, node)      # `it = gen(n)`, `it = iter(xs)`
        if replay is not None:
            return replay
        from fastext.compiler.frontend import factories, funcvals
        table = funcvals.bind_table(self, node)     # `ops = [square, cube]`, `{"add": add}`
        if table is not None:
            return table
        made = factories.bind(self, node)       # `add = make_adder(3)`
        if made is not None:
            return made
        from fastext.compiler.frontend.objects import store_literal
        stored = store_literal(self, node)       # o.name = "text" / d[k] = None
        if stored is not None:
            return stored
        with_out = self.out_call(node.value)
        if with_out is not None:
            before, out = with_out
            return before + self.s_assign(ast.copy_location(ast.Assign(node.targets, out), node))
        from fastext.compiler.frontend import funcvals, rangevals
        if rangevals.is_range(self, node.value) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            return rangevals.bind(self, node.targets[0], node.value)     # `rx = range(2, n)`
        fv = funcvals.value_of(self, node.value)
        if fv is not None:      # `f = eval_A`, `f = lambda x: ...`: a name for the function
            if len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
                raise self.error(node, "a function can only be bound to one plain name", funcvals.HINT)
            return funcvals.bind(self, node.targets[0], fv)
        value = self.expr_or_poison_targets(node.value, node.targets)
        forward = self.forwardable.get(id(node))
        if forward is not None and isinstance(value, ir.ArrayMap):
            from fastext.compiler.frontend.forward import cheap_operands
            name, loads = forward
            if loads == 1 or cheap_operands(value):
                # typed in place of its loads, so the later statement fuses it (frontend/forward.py)
                self.forwarded[name] = value
                return []
        if len(node.targets) == 1:
            return self.assign_to(node.targets[0], value, node)
        if isinstance(value, ir.Const):     # a = b = 0: each name takes the constant (each may become a float)
            return [stmt for target in node.targets for stmt in self.assign_to(target, value, node)]
        # a = b = expr: evaluate once into a temporary
        temp = self.new_temp(value.type, node)
        out: list[ir.Stmt] = [ir.Assign(self.span(node), temp, value)]
        for target in node.targets:
            out += self.assign_to(target, ir.Load(temp.type, temp.span, temp), node)
        return out

    def s_annassign(self, node: ast.AnnAssign) -> list[ir.Stmt]:
        if isinstance(node.target, ast.Attribute) and node.value is not None:
            # `self.items: list[float] = []` in a class (the annotation typed the field: frontend/classes.py)
            owner = self.expr(node.target.value)
            if isinstance(owner.type, Struct) and owner.type.plain:
                from fastext.compiler.frontend.structs import assign_field
                return assign_field(self, node.target, owner, self.expr(node.value), node)
        if not isinstance(node.target, ast.Name):
            raise self.error(node.target, "only plain names can be annotated", "write `x: i32 = 0`")
        if getattr(node, "fx_value_typed", False):     # `x: np.ndarray = ...` (frontend/nptyping.py)
            return self.assign_to(node.target, self.expr(node.value), node)
        declared = annotations.resolve(node.annotation, self.module_scope)
        if declared == STR:
            declared = STRV       # a local `s: str = ...` is a str value (frontend/text.py)
        name = node.target.id
        if name in self.vars and self.vars[name].type != declared:
            raise self.error(node.target, f"`{name}` already has type {self.vars[name].type}",
                             "use a new name for a value of another type")
        if name not in self.vars:
            self.declare(name, declared, node.target)
        if node.value is None:
            return []
        return self.assign_to(node.target, self.expr(node.value), node)

    def s_augassign(self, node: ast.AugAssign) -> list[ir.Stmt]:
        if isinstance(node.op, ast.MatMult):      # a @= b: the product stored into a (frontend/linalg.py)
            from fastext.compiler.frontend.linalg import matmul_inplace
            return matmul_inplace(self, node)
        op = BINOPS.get(type(node.op))
        if op is None:
            raise self.error(node, "unsupported augmented assignment", "write it out: x = x op y")
        target = node.target
        if isinstance(target, ast.Name):
            current = self.load_name(target)
            if isinstance(current.type, Array):     # in place, as NumPy's `a += b` is
                return self.array_augassign(op, current, node)
            if isinstance(current.type, ListType) and op == "+":     # xs += ys extends xs in place
                from fastext.compiler.frontend import lists
                call = ast.copy_location(ast.Call(ast.Attribute(target, "extend", ast.Load()), [node.value], []), node)
                return [ir.ExprStmt(self.span(node), lists.method(self, call, current, "extend"))]
            if isinstance(current.type, (SetType, DictType)):     # s |= t changes s itself (frontend/setops.py)
                from fastext.compiler.frontend import setops
                return setops.augassign(self, op, current, node)
            result = self.binop(op, current, self.expr(node.value), node)
            return self.assign_to(target, result, node)
        if isinstance(target, ast.Subscript):
            _refuse_key_store(self, target.value)
            array = self.expr(target.value)
            if poisoned(array):
                return []
            if isinstance(array.type, ListType):
                from fastext.compiler.frontend import lists
                return lists.augassign(self, node, op, array)
            if isinstance(array.type, DictType):
                from fastext.compiler.frontend import dicts
                return dicts.augassign(self, node, op, array)
            if not isinstance(array.type, Array):
                raise self.error(target.value, f"cannot assign into {article(array.type)}", "only arrays support item assignment")
            spread = self.spread_tuple_index(target)        # a[idx] += v, idx a tuple of ints
            if spread is not target:
                target, node = spread, ast.copy_location(ast.AugAssign(spread, node.op, node.value), node)
            fancy = indexing.augassign(self, node, array, op)      # a[mask] += v, a[idx] *= v
            if fancy is not None:
                return fancy
            if alloc.is_slice_target(target, array.type):     # a[1:] -= c, m[i] /= s: the view, in place
                view = alloc.slice_view(self, target, array)
                temp = self.new_temp(view.type, target)
                pre = [ir.Assign(self.span(target), temp, view)]
                return pre + self.array_augassign(op, ir.Load(temp.type, temp.span, temp), node)
            pre: list[ir.Stmt] = []
            indices = []
            for idx in self.index_exprs(target, array.type):
                if isinstance(idx, (ir.Const, ir.Load)):
                    indices.append(idx)
                else:   # evaluate the index once
                    temp = self.new_temp(idx.type, target)
                    pre.append(ir.Assign(idx.span, temp, idx))
                    indices.append(ir.Load(temp.type, temp.span, temp))
            current = ir.Index(array.type.dtype, self.span(target), array, indices)
            result = self.binop(op, current, self.expr(node.value), node)
            value = self.store_value(result, array.type.dtype, node)
            return pre + [ir.Store(self.span(node), array, indices, value)]
        if isinstance(target, ast.Attribute):
            from fastext.compiler.frontend.structs import augassign_field
            return augassign_field(self, node, op)
        raise self.error(target, "unsupported assignment target", "assign to a name or an array item")

    def array_augassign(self, op: str, current: ir.Expr, node: ast.AugAssign) -> list[ir.Stmt]:
        """`a += b` on an array or a view: NumPy's ufunc with `out=a` (the result cast to a's
        dtype under NumPy's same_kind rule; computed in one loop straight into `a`)."""
        from fastext.compiler.frontend import arrays
        value = self.expr(node.value)
        if poisoned(current, value):
            return []
        result = self.binop(op, current, value, node)
        if poisoned(result):
            return []
        return [ir.ExprStmt(self.span(node), arrays.assign_into(self, current, result, node, f"`{op}=`"))]

    def assign_to(self, target: ast.expr, value: ir.Expr, node: ast.AST) -> list[ir.Stmt]:
        span = self.span(node)
        if isinstance(target, ast.Name) and target.id in self.globals_declared:    # `global COUNT`
            from fastext.compiler.frontend import module_scalars
            return module_scalars.store(self, target, value, node)
        if isinstance(target, ast.Name):
            var = self.vars.get(target.id)
            if var is not None and isinstance(var.type, ErrorType) and target.id in self.optional_seen:
                from fastext.compiler.frontend import optionals
                if optionals.record(self, target.id, value):    # the first value of a local begun as None
                    return []
            if target.id in self.ranges or target.id in self.funcvals:
                raise self.error(target, f"`{target.id}` holds a {'range' if target.id in self.ranges else 'function'}"
                                 ", it cannot be rebound to another kind of value", "use a new name")
            if var is None:
                vt = value.type
                if vt == NONE and isinstance(value, ir.Intrinsic) and value.name == "record.none":
                    raise self.error(target, f"`{target.id} = None`: the type of `{target.id}` cannot be told",
                                     f"annotate it with the class it will hold: `{target.id}: Optional[Node] = None`")
                if vt == NONE:
                    raise self.error(target, "cannot assign the result of a function returning None", "call it as a statement")
                weak_int = isinstance(value, ir.Const) and isinstance(vt, Scalar) and vt.is_int and not vt.is_bool
                if weak_int and target.id in self.promote:
                    vt = F64
                pre = self.pretyped.get(target.id)
                if pre is not None and type(pre) is type(vt) and isinstance(vt, (ListType, DictType, SetType)):
                    vt = pre        # `primes = []` whose item type a later use decided (check_promoting)
                if pre == STRV and isinstance(vt, (Char, Str)):
                    vt = STRV       # a character (or a parameter's text) that a str value is assigned later
                var = self.declare(target.id, vt, target)
                if isinstance(vt, ListType) and isinstance(vt.item, T.Unknown) and vt.item.key in self.list_weak:
                    self.weak_lists.add(target.id)
                from fastext.compiler.frontend.arrays import is_strong
                var.strong = isinstance(vt, Scalar) and is_strong(value)
                if weak_int:
                    self.weak_ints.add(target.id)
            elif var.type != value.type and type(var.type) is type(value.type) and \
                    isinstance(var.type, (ListType, DictType, SetType)):
                from fastext.compiler.frontend import lists
                lists.adopt(self, var, value.type)
                have = lists.substitute(self, var.type)
                if target.id in self.weak_lists and isinstance(have, ListType) and have.item == T.I64 \
                        and isinstance(value.type, ListType) and value.type.item == F64:
                    self.wants_list[target.id] = value.type     # `u = [1] * n`, later `u = floats(...)`
            elif isinstance(var.type, (Char, Str)) and value.type == STRV and not var.is_param:
                self.wants_str.add(target.id)
                if isinstance(var.type, Str):
                    # reported, not raised: the check goes on to find the other names of a swap
                    # (`x, y = y, x`), which check_promoting then declares str values together
                    try:
                        self.coerce(value, var.type, target, f"`{target.id}`")
                    except FxSyntaxError as e:
                        self.diags.add(e.diagnostic)
                        return []
            elif target.id in self.weak_ints and isinstance(value.type, Scalar) and value.type.is_float \
                    and not value.type.is_complex and var.type.is_int:
                self.wants_float.add(target.id)
            return [ir.Assign(span, var, self.coerce(value, var.type, target, f"`{target.id}`"))]
        if isinstance(target, ast.Attribute):
            owner = self.expr(target.value)
            if isinstance(owner.type, Struct) and owner.type.mutable:     # p.x = v
                from fastext.compiler.frontend.structs import assign_field
                return assign_field(self, target, owner, value, node)
            if not isinstance(owner.type, (PyObj, ErrorType)):
                from fastext.compiler.frontend.structs import assign_field_error
                raise assign_field_error(self, target)
            from fastext.compiler.frontend import objects
            return objects.store(self, target, owner, value, node)
        if isinstance(target, ast.Subscript):
            _refuse_key_store(self, target.value)
            array = self.expr(target.value)
            if isinstance(array.type, PyObj):     # o[key] = v
                from fastext.compiler.frontend import objects
                return objects.store(self, target, array, value, node)
            if poisoned(array, value):
                return []
            if isinstance(array.type, ListType):     # xs[i] = v, xs[a:b] = ys
                from fastext.compiler.frontend import lists
                return lists.store(self, target, array, value, node)
            if isinstance(array.type, (DictType, SetType)):     # d[k] = v
                from fastext.compiler.frontend import dicts
                return dicts.store(self, target, array, value, node)
            from fastext.compiler.frontend import dunders
            if dunders.involved(array):       # `m[i, j] = v`: `m.__setitem__((i, j), v)`
                return dunders.setitem(self, target, array, value)
            if not isinstance(array.type, Array):
                raise self.error(target.value, f"cannot assign into {article(array.type)}", "only arrays support item assignment")
            target = self.spread_tuple_index(target)        # a[idx] = v, idx a tuple of ints
            fancy = indexing.store(self, target, array, value, node)     # a[mask] = v, a[idx] = v
            if fancy is not None:
                return fancy
            if alloc.is_slice_target(target, array.type):
                return alloc.slice_assign(self, target, array, value, node)
            indices = self.index_exprs(target, array.type)
            return [ir.Store(span, array, indices, self.store_value(value, array.type.dtype, node))]
        if isinstance(target, ast.Tuple) and poisoned(value):
            for name in ast.walk(target):
                if isinstance(name, ast.Name) and name.id not in self.vars:
                    self.declare(name.id, ERROR, name)
            return []
        if isinstance(target, (ast.Tuple, ast.List)) and isinstance(value.type, ListType):
            from fastext.compiler.frontend import lists
            return lists.unpack(self, target, value, node)
        if isinstance(target, ast.List):     # [a, b] = t: as a tuple of names
            target = ast.copy_location(ast.Tuple(target.elts, ast.Store()), target)
        if isinstance(target, ast.Tuple) and isinstance(value.type, Array) and target.elts and \
                all(isinstance(e, ast.Name) and not e.id.startswith("_") for e in target.elts):
            return self.unpack_array(target, value, node)
        if isinstance(target, ast.Tuple) and isinstance(value.type, PyObj) and \
                not any(isinstance(e, ast.Starred) for e in target.elts):
            from fastext.compiler.frontend import objects      # `a, b = pair` of a tuple-or-None result
            return objects.unpack(self, target, value, node)
        if isinstance(target, ast.Tuple):
            if not isinstance(value.type, (Tuple, Struct)):
                raise self.error(node, f"cannot unpack {article(value.type)}", "the right side must be a tuple")
            # a struct unpacks into its fields, in order, as the tuple it is in Python
            items = value.type.items if isinstance(value.type, Tuple) else tuple(t for _, t in value.type.fields)
            stars = [k for k, e in enumerate(target.elts) if isinstance(e, ast.Starred)]
            if len(stars) == 1 and len(items) >= len(target.elts) - 1:
                return self.unpack_starred(target, value, items, stars[0], node)
            if len(items) != len(target.elts):
                raise self.error(node, f"cannot unpack {len(items)} values into {len(target.elts)} names",
                                 "match the number of names to the tuple")
            temp = self.new_temp(value.type, node)
            out: list[ir.Stmt] = [ir.Assign(span, temp, value)]
            for i, elt in enumerate(target.elts):
                item = ir.TupleGet(items[i], span, ir.Load(temp.type, span, temp), i)
                if isinstance(value, ir.MakeTuple) and isinstance(value.items[i], ir.Const) and \
                        isinstance(value.items[i].type, Scalar):
                    # `a, b = 0, 0.5`: each literal binds as it would alone, so a name first given
                    # an int literal can become a float as a single assignment's would
                    item = value.items[i]
                out += self.assign_to(elt, item, node)
            return out
        raise self.error(target, "unsupported assignment target", "assign to a name, an array item or a tuple of names")

    def unpack_starred(self, target: ast.Tuple, value: ir.Expr, items: tuple, star: int,
                       node: ast.AST) -> list[ir.Stmt]:
        """`first, *rest = t` / `name, *_ = record` of a tuple (or a named tuple's record): the
        names around the star take their items, the starred one the list of the items between
        (one item type, as a native list has); `*_` binds nothing (its items may differ in type)."""
        span = self.span(node)
        temp = self.new_temp(value.type, node)
        out: list[ir.Stmt] = [ir.Assign(span, temp, value)]
        after = len(target.elts) - star - 1
        middle = range(star, len(items) - after)
        for k, elt in enumerate(target.elts):
            if k == star:
                name = elt.value
                if isinstance(name, ast.Name) and name.id.partition("$")[0] == "_":      # also renamed apart
                    continue
                alias = f"_fx_star_{temp.name[2:]}"
                self.vars[alias] = temp
                rest = ast.List([ast.Subscript(ast.Name(alias, ast.Load()), ast.Constant(i), ast.Load())
                                 for i in middle], ast.Load())
                listed = self.expr(ast.fix_missing_locations(ast.copy_location(rest, elt)))
                out += self.assign_to(name, listed, node)
                continue
            i = k if k < star else len(items) - (len(target.elts) - k)
            out += self.assign_to(elt, ir.TupleGet(items[i], span, ir.Load(temp.type, span, temp), i), node)
        return out

    def unpack_array(self, target: ast.Tuple, value: ir.Expr, node: ast.AST) -> list[ir.Stmt]:
        """`q1, q3 = np.percentile(x, [25, 75])`: the items (rows) of an array along its first
        axis, Python's ValueError when their count is not the number of names."""
        from fastext.compiler.frontend import synth
        k = len(target.elts)
        lines = [f"if _v.shape[0] > {k}:",
                 f"    raise ValueError('too many values to unpack (expected {k})')",
                 f"if _v.shape[0] < {k}:",
                 f"    raise ValueError('not enough values to unpack (expected {k}, got ' + str(_v.shape[0]) + ')')"]
        lines += [f"{e.id} = _v[{i}]" for i, e in enumerate(target.elts)]
        stmts, _, _ = synth.statements(self, "\n".join(lines) + "\n", node, values={"_v": value})
        return stmts

    def store_value(self, value: ir.Expr, dtype: Scalar, node: ast.AST) -> ir.Expr:
        """Array stores convert like NumPy item assignment within a kind: ints wrap to the
        dtype's width, floats round to f32; int → float is fine; float → int needs int()."""
        vt = value.type
        if isinstance(vt, Scalar) and not (vt.is_float and not dtype.is_float) and not (
                dtype.is_bool and not vt.is_bool) and not (vt.is_complex and not dtype.is_complex):
            return self.convert(value, dtype)
        return self.coerce(value, dtype, node, "stored item")

    def expr_or_poison_targets(self, value: ast.expr, targets: list[ast.expr]) -> ir.Expr:
        """Check an assigned value; if it is in error, the names it would have bound get the
        error type, so their later uses stay quiet instead of 'not defined'."""
        try:
            return self.expr(value)
        except FxSyntaxError:
            for target in targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name) and name.id not in self.vars and self.scope.lookup(name.id) is None:
                        self.declare(name.id, ERROR, name)
            raise

    def declare(self, name: str, t: Type, node: ast.AST) -> ir.Var:
        if isinstance(t, ErrorType):
            t = ERROR
        b = self.scope.lookup(name)
        if b is not None and b.kind in ("const", "func", "structtype"):
            kind = {"const": "constant", "func": "function"}.get(b.kind, "struct")
            raise self.error(node, f"`{name}` is a module-level {kind}",
                             "module names are read-only in functions; use another local name")
        var = ir.Var(name, t, self.span(node))
        self.vars[name] = var
        self.locals.append(var)
        return var

    def new_temp(self, t: Type, node: ast.AST) -> ir.Var:
        self.temp_count += 1
        var = ir.Var(f"$t{self.temp_count}", t, self.span(node))
        self.locals.append(var)
        return var

    def s_if(self, node: ast.If) -> ir.Stmt | list[ir.Stmt]:
        early = len(self.early_reads)
        try:
            cond = self.condition(node.test)
        except FxSyntaxError:
            if len(self.early_reads) > early:
                # `if out and start <= out[-1][1]:` before any append: the branches still decide
                # `out`'s type (`out.append((start, end))`) for the check again (check_promoting)
                self.block(node.body)
                self.block(node.orelse)
            raise
        from fastext.compiler.frontend.inherit import narrowed
        narrow = narrowed(self, node.test, node.body)
        if narrow is None:
            return ir.If(self.span(node), cond, self.block(node.body), self.block(node.orelse))
        # `if isinstance(s, Sphere):` — the body reads `s` as a Sphere: a second name for the record
        name, cls = narrow
        outer = self.vars[name]
        inner = self.new_temp(cls, node.test)
        from fastext.compiler.frontend.inherit import cast
        self.vars[name] = inner
        try:
            body = self.block(node.body)
        finally:
            self.vars[name] = outer
        start = ir.Assign(self.span(node.test), inner, cast(ir.Load(outer.type, self.span(node.test), outer), cls))
        return ir.If(self.span(node), cond, [start] + body, self.block(node.orelse))

    def s_while(self, node: ast.While) -> ir.Stmt:
        cond = self.condition(node.test)
        self.loop_depth += 1
        body = self.block(node.body)
        self.loop_depth -= 1
        return ir.While(self.span(node), cond, body, self.block(node.orelse))

    def s_for(self, node: ast.For) -> list[ir.Stmt]:
        from fastext.compiler.frontend.loops import check_for
        return check_for(self, node)

    def s_break(self, node: ast.Break) -> ir.Stmt:
        if not self.loop_depth:
            raise self.error(node, "`break` outside a loop", "use `return` to leave the function")
        return ir.Break(self.span(node), getattr(node, "fx_label", None))   # labelled: frontend/generators.py

    def s_continue(self, node: ast.Continue) -> ir.Stmt:
        if not self.loop_depth:
            raise self.error(node, "`continue` outside a loop", "remove it")
        return ir.Continue(self.span(node))

    def s_return(self, node: ast.Return) -> ir.Stmt | list[ir.Stmt]:
        v = node.value
        if isinstance(v, ast.IfExp) and any(isinstance(b, ast.Constant) and b.value is None for b in (v.body, v.orelse)):
            # `return order if ok else None`: the two returns it means (each typed as such)
            split = ast.copy_location(ast.If(v.test, [ast.copy_location(ast.Return(v.body), node)],
                                             [ast.copy_location(ast.Return(v.orelse), node)]), node)
            return self.block([split])
        ret = self.sig.ret
        if ret is None:
            from fastext.compiler.frontend.templates import inferred_return
            return inferred_return(self, node)
        if node.value is None or (isinstance(node.value, ast.Constant) and node.value.value is None):
            if isinstance(ret, Struct) and ret.plain and node.value is not None:    # `-> Optional[Node]`
                return ir.Return(self.span(node), ir.Intrinsic(ret, self.span(node), "record.none", []))
            if ret != NONE:
                raise self.error(node, f"`{self.sig.name}` must return {article(ret)}", f"return {article(ret)} value")
            return ir.Return(self.span(node), None)
        if ret == NONE:
            raise self.error(node.value, f"`{self.sig.name}` is declared `-> None` but returns a value",
                             "change the return annotation, or `return` without a value")
        with_out = self.out_call(node.value)
        if with_out is not None:
            before, out = with_out
            return before + [self.s_return(ast.copy_location(ast.Return(out), node))]
        value = self.expr(node.value)
        return ir.Return(self.span(node), self.coerce(value, ret, node.value, "return value"))

    def s_raise(self, node: ast.Raise) -> ir.Stmt:
        exc = node.exc
        hint = 'raise a builtin exception with a constant message: raise ValueError("x must be positive")'
        if exc is None and node.cause is None:
            if not self.handler_depth:
                raise self.error(node, "bare `raise` outside an `except` clause",
                                 "a bare `raise` re-raises the exception being handled, so it belongs in an "
                                 "`except` clause; elsewhere " + hint)
            return ir.Reraise(self.span(node))
        if exc is None or node.cause is not None:
            raise self.error(node, "`raise … from …` is not supported", hint)
        from fastext.compiler.frontend import userexc
        own = userexc.raise_(self, node, exc)       # `raise InsufficientFunds(f"...")`: a class of the module
        if own is not None:
            return own
        message = value = None
        if isinstance(exc, ast.Call):
            if exc.keywords or len(exc.args) > 1:
                raise self.error(exc, "exceptions take at most one message argument", hint)
            if exc.args:
                arg = exc.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    message = arg.value
                else:       # built at run time: f"bad {x}", "n=%d" % n (a Python exception object)
                    from fastext.compiler.frontend.text import boxed
                    value = boxed(self, self.expr(arg), arg)
            exc = exc.func
        if not (isinstance(exc, ast.Name) and exc.id in EXCEPTIONS):
            raise self.error(exc, f"cannot raise `{ast.unparse(exc)}`",
                             f"raise one of the builtin exceptions: {', '.join(EXCEPTIONS)}")
        return ir.Raise(self.span(node), exc.id, message, value)

    def s_assert(self, node: ast.Assert) -> ir.Stmt | list[ir.Stmt]:
        message = None
        if node.msg is not None:
            if not (isinstance(node.msg, ast.Constant) and isinstance(node.msg.value, str)):
                # `assert ok, f"bad {x}"`: the message is built only when the test fails, as in Python
                fail = ast.Raise(ast.Call(ast.Name("AssertionError", ast.Load()), [node.msg], []))
                check = ast.If(ast.UnaryOp(ast.Not(), node.test), [fail], [])
                for sub in ast.walk(check):
                    if not hasattr(sub, "lineno"):
                        ast.copy_location(sub, node)
                return self.block([check])
            message = node.msg.value
        return ir.Assert(self.span(node), self.condition(node.test), message)

    def s_try(self, node: ast.Try) -> ir.Stmt:
        from fastext.compiler.frontend.gpu import check_try
        check_try(self, node)
        body = self.block(node.body)
        handlers = []
        for k, h in enumerate(node.handlers):
            classes: dict = {}
            try:
                names = self.handler_names(h, last=k == len(node.handlers) - 1, classes=classes)
            except FxSyntaxError as e:
                self.diags.add(e.diagnostic)
                names = None
            var = None
            if h.name is not None:      # the exception as a Python object (str(e), e.args)
                var = self.vars.get(h.name)
                if var is None:
                    var = self.declare(h.name, OBJECT, h)
                elif var.type != OBJECT:
                    self.diags.add(self.error(
                        h, f"`{h.name}` already has type {var.type}, and `except … as {h.name}` binds an exception "
                           "object", f"use a new name: except … as {h.name}_exc").diagnostic)
                    var = None
            self.handler_depth += 1
            try:
                hbody = self.block(h.body)
            finally:
                self.handler_depth -= 1
            handlers.append(ir.Handler(self.span(h), names, hbody, var, classes))
        orelse = self.block(node.orelse)
        # a finally block is not an `except` clause: a bare `raise` there is not allowed
        depth, self.handler_depth = self.handler_depth, 0
        try:
            finalbody = self.block(node.finalbody)
        finally:
            self.handler_depth = depth
        return ir.Try(self.span(node), body, handlers, orelse, finalbody)

    def handler_names(self, h: ast.ExceptHandler, last: bool, classes: dict | None = None) -> tuple[str, ...] | None:
        """The exception names an `except` clause lists; None for a bare `except:`.  The
        module's own exception classes are named `userexc.MARK + qualified name`, their
        attributes put in `classes`."""
        hint = f"catch builtin exceptions: {', '.join(EXCEPTIONS)} (or a tuple of them)"
        if h.type is None:
            if not last:
                raise self.error(h, "a bare `except:` must be the last except clause", "move it to the end")
            return None
        items = h.type.elts if isinstance(h.type, ast.Tuple) else [h.type]
        if not items:
            raise self.error(h.type, "`except ()` catches nothing", hint)
        names = []
        from fastext.compiler.frontend import userexc
        for item in items:
            own = userexc.handler_name(self, item)
            if own is not None:
                names.append(own[0])
                if classes is not None:
                    classes[own[0]] = own[1]
                continue
            if not (isinstance(item, ast.Name) and item.id in EXCEPTIONS and item.id not in self.vars
                    and self.scope.lookup(item.id) is None):
                raise self.error(item, f"cannot catch `{ast.unparse(item)}`", hint)
            names.append(item.id)
        return tuple(names)

    def s_delete(self, node: ast.Delete) -> list[ir.Stmt]:
        """`del d[k]`, `del xs[i]`, `del xs[a:b]` (names cannot be deleted: no native unbinding)."""
        out: list[ir.Stmt] = []
        for target in node.targets:
            if not isinstance(target, ast.Subscript):
                raise self.error(target, "only `del d[k]` and `del xs[i]` are supported", "assign a new value instead")
            _refuse_key_store(self, target.value)
            owner = self.expr(target.value)
            if poisoned(owner):
                continue
            if isinstance(owner.type, (DictType, SetType)):
                from fastext.compiler.frontend import dicts
                out += dicts.delete(self, target, owner)
            elif isinstance(owner.type, ListType):
                from fastext.compiler.frontend import lists
                out += lists.delete(self, target, owner)
            else:
                raise self.error(target, f"cannot delete items of {article(owner.type)}", "del works on dicts and lists")
        return out

    def s_def(self, node: ast.FunctionDef) -> list[ir.Stmt]:
        """A nested `def`: a closure over the variables it reads (frontend/funcvals.py)."""
        from fastext.compiler.frontend import funcvals, generators
        if generators.is_generator(node):     # inlined where it is iterated (frontend/generators.py)
            if node.name in self.vars or node.name in self.funcvals:
                raise self.error(node, f"`{node.name}` is already a local name", "rename the generator")
            self.generators[node.name] = node
            return []
        try:
            value = funcvals.closure(self, node)
        except FxSyntaxError:
            if node.name not in self.vars and node.name not in self.funcvals:
                self.declare(node.name, ERROR, node)     # its calls stay quiet
            raise
        return funcvals.bind(self, ast.copy_location(ast.Name(node.name, ast.Store()), node), value)

    def s_import(self, node: ast.Import | ast.ImportFrom) -> list[ir.Stmt]:
        """`import math` / `from math import sqrt` in a body: bound as at module level, from here on."""
        import dataclasses as dc
        from fastext.compiler.frontend.module import _ModuleCollector
        from fastext.compiler.frontend.pymodules import check_in_function
        check_in_function(self, node)
        scope = dc.replace(self.scope, names=dict(self.scope.names))
        before = len(self.diags.items)
        _ModuleCollector(scope, self.diags, None).import_(node)
        if len(self.diags.items) == before:
            bound = {a.asname or a.name.partition(".")[0] for a in node.names}
            if bound & set(self.vars) or bound & set(self.funcvals):
                raise self.error(node, "an import cannot rebind a local variable", "import under another name (`as`)")
            self.scope = scope
        return []

    def s_with(self, node: ast.With) -> list[ir.Stmt]:
        """`with np.errstate(divide="ignore", ...):` — the body as it is: compiled code reports no
        floating-point warnings, so silencing them changes nothing.  Any other context manager, or
        asking for errors (`"raise"`, which compiled code cannot honour), is a located error."""
        from fastext.compiler.frontend.nptyping import dotted
        for item in node.items:
            call = item.context_expr
            if not (isinstance(call, ast.Call) and dotted(call.func, self.scope) == "numpy.errstate"):
                raise self.error(node, "unsupported statement (with statement)", UNSUPPORTED_HINTS.get(
                    "With", "compiled code supports `with` only for np.errstate(...)"))
            if item.optional_vars is not None or call.args:
                raise self.error(call, "np.errstate(...) takes keywords here, without `as`",
                                 "with np.errstate(divide='ignore', invalid='ignore'):")
            for kw in call.keywords:
                v = kw.value
                if kw.arg not in ("all", "divide", "over", "under", "invalid") or \
                        not (isinstance(v, ast.Constant) and v.value in ("ignore", "warn", "print", "log")):
                    raise self.error(kw.value if kw.arg else call, "np.errstate() in .fx code accepts all=, divide=, "
                                     "over=, under= and invalid= set to 'ignore', 'warn', 'print' or 'log' (compiled "
                                     "code never raises FloatingPointError)",
                                     "test the values instead, e.g. `if np.any(b == 0): raise ...`")
        return self.block(node.body)

    STMTS = {
        ast.With: s_with, ast.Delete: s_delete, ast.Pass: s_pass, ast.Global: s_global, ast.Expr: s_expr, ast.Assign: s_assign,
        ast.AnnAssign: s_annassign,
        ast.AugAssign: s_augassign, ast.If: s_if, ast.While: s_while, ast.For: s_for,
        ast.Break: s_break, ast.Continue: s_continue, ast.Return: s_return, ast.Raise: s_raise,
        ast.Assert: s_assert, ast.Try: s_try, ast.FunctionDef: s_def, ast.Import: s_import, ast.ImportFrom: s_import,
    }


def _terminates(body: list[ir.Stmt]) -> bool:
    """Whether control can never fall off the end of `body` (conservative)."""
    if not body:
        return False
    last = body[-1]
    if isinstance(last, (ir.Return, ir.Raise)):
        return True
    if isinstance(last, ir.If):
        return _terminates(last.then) and _terminates(last.orelse)
    if isinstance(last, ir.While) and _always_true(last.cond):
        return not _has_break(last.body)
    if isinstance(last, ir.Assert) and isinstance(last.cond, ir.Const) and not last.cond.value:
        return True
    if isinstance(last, ir.Try):
        if _terminates(last.finalbody):
            return True
        return (_terminates(last.body) or _terminates(last.orelse)) and all(_terminates(h.body) for h in last.handlers)
    if isinstance(last, ir.Reraise):
        return True
    return False


def _always_true(cond: ir.Expr) -> bool:
    """`True`, or a nonzero literal seen as a condition (`while 1:`, typed `Truth(Const(1))`)."""
    if isinstance(cond, ir.Truth):
        cond = cond.value
    return isinstance(cond, ir.Const) and bool(cond.value)


def _has_break(body: list[ir.Stmt]) -> bool:
    for s in body:
        if isinstance(s, ir.Break):
            return True
        if isinstance(s, ir.If) and (_has_break(s.then) or _has_break(s.orelse)):
            return True
        if isinstance(s, ir.Try) and any(_has_break(b) for b in (s.body, s.orelse, s.finalbody,
                                                                   *(h.body for h in s.handlers))):
            return True
    return False


def _function_scope(scope: ModuleScope, node: ast.FunctionDef, params: list[str]) -> ModuleScope:
    """The names a function body sees: as in Python, a name the function assigns anywhere (or
    takes as a parameter) is local throughout it, hiding the module-level name of that spelling
    (`julia = np.empty(...)` inside `def julia`)."""
    from fastext.compiler.frontend.module_scalars import declared
    local = (set(params) | _assigned_names(node.body)) - declared(node)     # `global X`: X stays the module's
    hidden = local & scope.names.keys()
    if not hidden:
        return scope
    return dataclasses.replace(scope, names={k: v for k, v in scope.names.items() if k not in hidden})


def _assigned_names(body: list[ast.stmt]) -> set[str]:
    """Names bound by the statements of a function body (not by comprehensions, whose targets
    are local to the comprehension)."""
    out: set[str] = set()

    def visit(n: ast.AST) -> None:
        if isinstance(n, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.Lambda,
                          ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            return
        if isinstance(n, ast.Name) and isinstance(n.ctx, (ast.Store, ast.Del)):
            out.add(n.id)
        elif isinstance(n, ast.ExceptHandler) and n.name:
            out.add(n.name)
        for child in ast.iter_child_nodes(n):
            visit(child)

    for stmt in body:
        visit(stmt)
    return out


def star_unpacking(node: ast.Assign, serial: int) -> list[ast.stmt]:
    """`first, *rest = xs` / `*init, last = xs` as the statements that mean it for a list, str or
    tuple: its items once in a hidden list, Python's `ValueError` when it is too short, the
    names before and after the star from its ends, the starred name a list of the middle."""
    elts = node.targets[0].elts
    star = next(k for k, e in enumerate(elts) if isinstance(e, ast.Starred))
    before, after = elts[:star], elts[star + 1:]
    if any(isinstance(e, ast.Starred) for e in after):
        return [node]       # two starred names: a SyntaxError Python reports first
    need = len(before) + len(after)
    value = node.value
    if isinstance(value, ast.Tuple) and not any(isinstance(e, ast.Starred) for e in value.elts) \
            and len(value.elts) >= need:
        # `a, (b, c), *rest = 1, (2, 3), 4, 5`: the display's items split where they stand (its
        # items may differ in type; only the starred ones become a list)
        stop = len(value.elts) - len(after)
        middle = ast.copy_location(ast.List(value.elts[star:stop], ast.Load()), value)
        target = ast.copy_location(ast.Tuple(before + [elts[star].value] + after, ast.Store()), node.targets[0])
        items = ast.copy_location(ast.Tuple(value.elts[:star] + [middle] + value.elts[stop:], ast.Load()), value)
        return [ast.copy_location(ast.Assign([target], items), node)]
    temp = f"_fx_star{serial}_{node.lineno}_{node.col_offset}"
    count = f"len({temp})"
    # a list of the items (a copy): a tuple's or str's items, then sliced with run-time bounds
    source = [f"{temp} = list(__VALUE__)",
              f"if {count} < {need}:",
              f"    raise ValueError('not enough values to unpack (expected at least {need}, got %d)' % {count})"]
    source += [f"__T{k}__ = {temp}[{k}]" for k in range(len(before))]
    source.append(f"__STAR__ = list({temp}[{len(before)}:{-len(after) if after else ''}])")
    source += [f"__T{len(before) + k}__ = {temp}[{k - len(after)}]" for k in range(len(after))]
    stmts = ast.parse("\n".join(source)).body
    names = {f"__T{k}__": e for k, e in enumerate(before + after)}
    names["__STAR__"] = elts[star].value
    names["__VALUE__"] = node.value

    class Fill(ast.NodeTransformer):
        def visit_Name(self, n: ast.Name):
            return names.get(n.id, n)
    out = []
    for st in stmts:
        for n in ast.walk(st):
            ast.copy_location(n, node)
        out.append(Fill().visit(st))
    return out


def check_promoting(make, node: ast.FunctionDef, diags: Diagnostics) -> ir.Function:
    """`_check_promoting`, and where that reports errors, again with the variables of `for`
    loops that the function reuses for other values renamed inside their loops
    (frontend/rebind.py: `for y in range(6)` early, `y = 0.5 * h` later), kept if that reports
    fewer errors.  Only a failing function is renamed, so names stay as written elsewhere."""
    before = len(diags.items)
    fn, failed = _promoting_attempt(make, node, diags)
    errors = len(diags.items) - before + (failed is not None)
    if errors:
        import copy
        from fastext.compiler.frontend import rebind
        renamed = copy.deepcopy(node)
        if rebind.rewrite(renamed):
            reported = diags.items[before:]
            del diags.items[before:]
            second = _promoting_attempt(make, renamed, diags)
            fn, failed = _fewer_errors(diags, before, reported, (fn, failed), second)
    if failed is not None:
        raise failed
    return fn


def _promoting_attempt(make, node: ast.FunctionDef, diags: Diagnostics):
    try:
        return _check_promoting(make, node, diags), None
    except FxSyntaxError as e:
        return None, e


def _check_promoting(make, node: ast.FunctionDef, diags: Diagnostics) -> ir.Function:
    """`make().check(node)`, again with the locals Python would turn from int to float declared
    f64 (`total = 0` ... `total += x`), and the empty containers read before a later use decided
    their types declared with those types, when the first check found such locals.  The second
    check is kept only if it reports no more errors than the first (a promoted local that is
    also used as an int — `range(total)` — keeps the first check's messages).  `make` builds a
    fresh checker and may record it for the caller's internal-error reports."""
    from fastext.compiler.frontend import generators
    start = generators.serial()
    first = make()
    before = len(diags.items)
    fn, failed = _attempt(first, node)
    from fastext.compiler.frontend.lists import open_key
    pretyped = {name: first.vars[name].type for name in first.early_reads
                if name in first.vars and open_key(first.vars[name].type) is None}
    pretyped.update({name: STRV for name in first.wants_str})
    pretyped.update(first.wants_list)
    from fastext.compiler.frontend import optionals
    optional = optionals.found(first)
    # a nested function reading a local begun as None sees its value, not its flag: only an
    # instance (None its null reference) stays an optional there
    nested = optionals.read_in_nested(node.body) if optional else set()
    dropped = {n for n, t in optional.items() if n in nested and optionals.flagged(t)}
    optional = {n: t for n, t in optional.items() if n not in dropped}
    if not first.wants_float and not pretyped and not optional and not dropped:
        if failed is not None:
            raise failed
        return fn
    reported = diags.items[before:]
    del diags.items[before:]
    if pretyped:
        generators.rewind(start)      # inlined generators' locals named as in the first check
    second = make()
    second.promote = frozenset(first.wants_float)
    second.pretyped = pretyped
    second.optionals = optional
    second.list_items.update(first.list_items)      # what the first check decided of open parameters
    # a first check that answered `x in s` with False for a set no use had typed yet is wrong even
    # without errors: the second one is kept unless it is worse
    fn, failed = _fewer_errors(diags, before, reported, (fn, failed), _attempt(second, node),
                               ties_to_second=first.guessed_absent)
    for k, d in enumerate(diags.items[before:], before):     # the poisoned ones' error, made precise
        name = next((n for n in dropped if d.message == f"`{n}` starts as None: its type comes from a later "
                     "value"), None)
        if name is not None:
            diags.items[k] = dataclasses.replace(
                d, message=f"`{name}` starts as None and a nested function reads it: the function would see "
                           "its value without knowing whether it is None",
                hint=f"give it a first value of its type (`{name} = -1`, `{name} = (0, 0)`), or pass it to the "
                     "function as an argument")
    if failed is not None:
        raise failed
    return fn


def _fewer_errors(diags: Diagnostics, before: int, reported: list, first: tuple, second: tuple,
                  ties_to_second: bool = False) -> tuple:
    """Of two checks of one function, each `(fn, failed)`, the one that reported fewer errors
    (the second's messages are in `diags` after `before`, the first's in `reported`); the
    first's messages are put back when it is kept.  A tie keeps the first unless `ties_to_second`."""
    errors2 = len(diags.items) - before + (second[1] is not None)
    errors1 = len(reported) + (first[1] is not None)
    if errors2 < errors1 or ties_to_second and errors2 == errors1:
        return second
    del diags.items[before:]
    diags.items.extend(reported)
    return first


def _refuse_key_store(fc: "FunctionChecker", owner: ast.expr) -> None:
    """`D[k] = v`, `del D[k]` of a module-level dict with str keys: its keys are fixed when
    compiled (a read of it whole is a new dict, which a store would change unseen)."""
    from fastext.compiler.frontend.module_containers import strdict
    if strdict(fc, owner) is not None:
        raise fc.error(owner, f"the keys of the module-level dict `{owner.id}` are fixed when compiled",
                       f"change the items of its values in place (`{owner.id}[\"key\"][0] = v`), or build a "
                       "dict in the function")


def _attempt(checker: "FunctionChecker", node: ast.FunctionDef):
    try:
        return checker.check(node), None
    except FxSyntaxError as e:
        return None, e
